"""treatments report counts: day rows, and the changes appended by decisions and outcomes

Revision ID: 0007_report_counts
Revises: 0006_outcome_by
Create Date: 2026-12-06 23:50:00

The treatments report read every decision of its window on request (3 s at 2,000,000 decisions on
PostgreSQL). Now each decision, outcome and erasure appends what it adds to the report to
``report_treatment_changes``; the expiry sweep folds them into ``report_treatment_days``. This
migration fills the day rows from the decisions already stored, streamed in one pass.
"""
from collections import defaultdict
import datetime as dt
from decimal import Decimal

from alembic import op
import sqlalchemy as sa

from idic import UtcDateTime
from treatment_service.adapters.orm import ExactDecimal
from treatment_service.domain.report_counts import COUNTS, Answer, change

revision = '0007_report_counts'
down_revision = '0006_outcome_by'
branch_labels = None
depends_on = None
CHUNK = 10_000


def _counts_columns() -> list[sa.Column]:  # type: ignore[type-arg]
    return [sa.Column('day', sa.Date(), nullable=False),
            sa.Column('rule_id', sa.String(length=64), nullable=False),
            sa.Column('channel', sa.String(length=32), nullable=False),
            sa.Column('control', sa.Boolean(), nullable=False),
            sa.Column('currency', sa.String(length=3), nullable=False),
            *(sa.Column(name, sa.Integer(), nullable=False) for name in COUNTS[:-1]),
            sa.Column('revenue', ExactDecimal(), nullable=False)]


def upgrade() -> None:
    days = op.create_table(
        'report_treatment_days', *_counts_columns(),
        sa.PrimaryKeyConstraint('day', 'rule_id', 'channel', 'control', 'currency',
                                name=op.f('pk_report_treatment_days')))
    op.create_table(
        'report_treatment_changes',
        sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=True, nullable=False),
        *_counts_columns(),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_report_treatment_changes')))
    treatments = sa.table('treatments', sa.column('decided_at', UtcDateTime()), sa.column('rule_id', sa.String()),
                          sa.column('channel', sa.String()), sa.column('control', sa.Boolean()),
                          sa.column('outcome', sa.String()), sa.column('accepted_at', UtcDateTime()),
                          sa.column('amount', ExactDecimal()), sa.column('currency', sa.String()))
    summed: dict[tuple[object, ...], list[int | Decimal]] = defaultdict(lambda: [0] * (len(COUNTS) - 1) + [Decimal(0)])
    rows = op.get_bind().execute(sa.select(treatments).execution_options(stream_results=True, yield_per=CHUNK))
    for decided_at, rule_id, channel, control, outcome, accepted_at, amount, currency in rows:
        answer = Answer(outcome=outcome, accepted=accepted_at is not None, amount=amount, currency=currency)
        for money, counts in change(None, answer):
            totals = summed[(decided_at.astimezone(dt.UTC).date(), rule_id, channel or '', bool(control), money)]
            for i, n in enumerate(counts):
                totals[i] += n
    values = [dict(zip(('day', 'rule_id', 'channel', 'control', 'currency'), key, strict=True))
              | dict(zip(COUNTS, totals, strict=True))
              for key, totals in summed.items()]
    for start in range(0, len(values), CHUNK):
        op.bulk_insert(days, values[start:start + CHUNK])


def downgrade() -> None:
    op.drop_table('report_treatment_changes')
    op.drop_table('report_treatment_days')
