"""customers.match_profiles; blocking key fm (first name + birthday) becomes fd (first name + birth date)

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-24 08:40:00

``match_profiles`` starts empty: the engine derives a customer's scoring data from its
observations until the customer is written again. The keys are rewritten in SQL from the old
key's name part and the golden date of birth (the value the old key was computed from).
"""
from alembic import op
import sqlalchemy as sa


revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def _dob() -> str:
    if op.get_bind().dialect.name == "postgresql":
        return "(c.attributes::json ->> 'date_of_birth')"
    return "json_extract(c.attributes, '$.date_of_birth')"


def _name_part() -> str:
    # "fm:<metaphone>|<MM-DD>" → "<metaphone>" (hashed over-long keys, "fm:#…", are left out)
    if op.get_bind().dialect.name == "postgresql":
        return "substr(split_part(b.key, '|', 1), 4)"
    return "substr(b.key, 4, instr(b.key, '|') - 4)"


def _rewrite(old: str, new: str, dob_part: str) -> None:
    insert = "INSERT INTO" if op.get_bind().dialect.name == "postgresql" else "INSERT OR IGNORE INTO"
    conflict = " ON CONFLICT DO NOTHING" if op.get_bind().dialect.name == "postgresql" else ""
    new_key = f"'{new}:' || {_name_part()} || '|' || {dob_part}"
    op.execute(
        f"{insert} blocking_keys (key, customer_id) SELECT DISTINCT {new_key}, b.customer_id "
        f"FROM blocking_keys b JOIN customers c ON c.id = b.customer_id "
        f"WHERE b.key LIKE '{old}:%' AND b.key NOT LIKE '{old}:#%' AND length(coalesce({_dob()}, '')) = 10 "
        f"AND length({new_key}) <= 160{conflict}")
    op.execute(f"DELETE FROM blocking_keys WHERE key LIKE '{old}:%'")


def upgrade() -> None:
    with op.batch_alter_table('customers', schema=None) as batch_op:
        batch_op.add_column(sa.Column('match_profiles', sa.JSON(), nullable=True))
    _rewrite("fm", "fd", _dob())


def downgrade() -> None:
    _rewrite("fd", "fm", f"substr({_dob()}, 6)")
    with op.batch_alter_table('customers', schema=None) as batch_op:
        batch_op.drop_column('match_profiles')
