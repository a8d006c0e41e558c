"""webhooks: subscriptions and the deliveries outbox (one row per event and subscription,
its id the webhook-id header of every retry).

Revision ID: 0004_webhooks
Revises: 0003_lifecycle
Create Date: 2026-12-06 04:30:00.000000
"""
from alembic import op
import sqlalchemy as sa
import idic.db

revision = '0004_webhooks'
down_revision = '0003_lifecycle'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('webhooks',
    sa.Column('id', sa.String(length=40), nullable=False),
    sa.Column('url', sa.String(length=2048), nullable=False),
    sa.Column('events', sa.JSON(), nullable=False),
    sa.Column('secret', sa.String(length=100), nullable=False),
    sa.Column('description', sa.String(length=500), nullable=True),
    sa.Column('active', sa.Boolean(), server_default=sa.true(), nullable=False),
    sa.Column('created_at', idic.db.UtcDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', idic.db.UtcDateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_webhooks'))
    )
    op.create_table('webhook_deliveries',
    sa.Column('id', sa.String(length=40), nullable=False),
    sa.Column('webhook_id', sa.String(length=40), nullable=False),
    sa.Column('event_id', sa.String(length=64), nullable=False),
    sa.Column('event_type', sa.String(length=255), nullable=False),
    sa.Column('customer_id', sa.String(length=128), nullable=True),
    sa.Column('body', sa.Text(), nullable=True),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('next_attempt_at', idic.db.UtcDateTime(timezone=True), nullable=True),
    sa.Column('give_up_at', idic.db.UtcDateTime(timezone=True), nullable=False),
    sa.Column('last_attempt_at', idic.db.UtcDateTime(timezone=True), nullable=True),
    sa.Column('last_status_code', sa.Integer(), nullable=True),
    sa.Column('last_error', sa.String(length=500), nullable=True),
    sa.Column('created_at', idic.db.UtcDateTime(timezone=True), nullable=False),
    sa.Column('delivered_at', idic.db.UtcDateTime(timezone=True), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_webhook_deliveries')),
    sa.UniqueConstraint('webhook_id', 'event_id', name='uq_webhook_deliveries_webhook_event')
    )
    op.create_index('ix_webhook_deliveries_due', 'webhook_deliveries', ['status', 'next_attempt_at'], unique=False)
    op.create_index('ix_webhook_deliveries_webhook_created', 'webhook_deliveries', ['webhook_id', 'created_at'],
                    unique=False)
    op.create_index('ix_webhook_deliveries_customer', 'webhook_deliveries', ['customer_id'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_webhook_deliveries_customer', table_name='webhook_deliveries')
    op.drop_index('ix_webhook_deliveries_webhook_created', table_name='webhook_deliveries')
    op.drop_index('ix_webhook_deliveries_due', table_name='webhook_deliveries')
    op.drop_table('webhook_deliveries')
    op.drop_table('webhooks')
