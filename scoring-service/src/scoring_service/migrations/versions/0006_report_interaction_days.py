"""interaction days: channels and feedback per day, channel, tier and currency

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-06 21:10:00

``report_interaction_days`` is kept up to date by the consumer from every InteractionRecorded it
applies (interactions, cost, purchases, revenue, NPS and CSAT answers): the channels and feedback
reports read it. Interactions applied before this migration are not in it (scoring keeps no
interaction history to fill it from); replaying ``idic.interaction`` into a fresh scoring database
rebuilds it with the rest.
"""
from alembic import op
import sqlalchemy as sa
import scoring_service.adapters.types

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'report_interaction_days',
        sa.Column('day', sa.Date(), nullable=False),
        sa.Column('channel', sa.String(length=16), nullable=False),
        sa.Column('tier', sa.String(length=32), nullable=False),
        sa.Column('currency', sa.String(length=3), nullable=False),
        sa.Column('interactions', sa.Integer(), nullable=False),
        sa.Column('cost', scoring_service.adapters.types.ExactDecimal(), nullable=False),
        sa.Column('purchases', sa.Integer(), nullable=False),
        sa.Column('revenue', scoring_service.adapters.types.ExactDecimal(), nullable=False),
        sa.Column('nps_responses', sa.Integer(), nullable=False),
        sa.Column('promoters', sa.Integer(), nullable=False),
        sa.Column('detractors', sa.Integer(), nullable=False),
        sa.Column('csat_responses', sa.Integer(), nullable=False),
        sa.Column('csat_sum', sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint('day', 'channel', 'tier', 'currency', name=op.f('pk_report_interaction_days')),
    )


def downgrade() -> None:
    op.drop_table('report_interaction_days')
