"""treatment lifecycle (validity, delivery, outcomes incl. conversion, control group) and the
Peppers & Rogers playbook seeded as ordinary rules; the generic retention rule gets a v2
without below_zero customers (only if nobody changed it since the seed).

Revision ID: 0003_lifecycle
Revises: 0002
Create Date: 2026-12-05 14:50:00.000000
"""
from alembic import op
import sqlalchemy as sa
import idic.db

import datetime as dt

MONEY = sa.Numeric(28, 6).with_variant(sa.String(length=40), 'sqlite')

# frozen here: later edits go through /v1/rules as new versions
SEED_ACTOR = "system:seed"
PLAYBOOK_RULES = {'service-recovery-top': {'name': 'Service recovery for a top customer after a complaint or a detractor survey',
                          'description': 'A personal call (else e-mail) and a goodwill gesture: a top customer is '
                                         'worth keeping.',
                          'condition': {'all': [{'any': [{'fact': 'triggers.7d.kinds',
                                                          'op': 'contains',
                                                          'value': 'complaint'},
                                                         {'fact': 'triggers.7d.kinds',
                                                          'op': 'contains',
                                                          'value': 'repeated_complaints'},
                                                         {'fact': 'triggers.7d.kinds',
                                                          'op': 'contains',
                                                          'value': 'detractor'}]},
                                                {'fact': 'value.tier',
                                                 'op': 'in',
                                                 'value': ['most_valuable', 'most_growable']}]},
                          'action': {'content': 'tmpl-recovery-personal-call',
                                     'offer_id': None,
                                     'value': None,
                                     'margin': None,
                                     'currency': None,
                                     'valid_for_days': 7.0,
                                     'attribution_days': 7.0,
                                     'action_id': 'recovery-call',
                                     'kind': 'service_recovery',
                                     'channels': ['phone', 'email']},
                          'priority': 95,
                          'valid_from': None,
                          'valid_until': None,
                          'status': 'active',
                          'realtime': True,
                          'repeat': 'per_event',
                          'prior_propensity': 0.6,
                          'control_share': 0.0},
 'service-recovery': {'name': 'Service recovery after a complaint or a detractor survey',
                      'description': 'An apology and the fix; also for unscored customers.',
                      'condition': {'all': [{'any': [{'fact': 'triggers.7d.kinds',
                                                      'op': 'contains',
                                                      'value': 'complaint'},
                                                     {'fact': 'triggers.7d.kinds',
                                                      'op': 'contains',
                                                      'value': 'repeated_complaints'},
                                                     {'fact': 'triggers.7d.kinds',
                                                      'op': 'contains',
                                                      'value': 'detractor'}]},
                                            {'not': {'fact': 'value.tier',
                                                     'op': 'in',
                                                     'value': ['most_valuable', 'most_growable']}}]},
                      'action': {'content': 'tmpl-recovery-apology',
                                 'offer_id': None,
                                 'value': None,
                                 'margin': None,
                                 'currency': None,
                                 'valid_for_days': 7.0,
                                 'attribution_days': 7.0,
                                 'action_id': 'recovery-apology',
                                 'kind': 'service_recovery',
                                 'channels': ['email', 'mobile_app']},
                      'priority': 85,
                      'valid_from': None,
                      'valid_until': None,
                      'status': 'active',
                      'realtime': True,
                      'repeat': 'per_event',
                      'prior_propensity': 0.5,
                      'control_share': 0.0},
 'retention-valuable': {'name': 'Retention offer for a valuable customer at churn risk',
                        'description': 'Earlier (churn risk 0.5) and more personal than the generic retention offer; '
                                       'below_zero: none.',
                        'condition': {'all': [{'fact': 'value.churn_risk', 'op': 'gte', 'value': 0.5},
                                              {'fact': 'value.tier',
                                               'op': 'in',
                                               'value': ['most_valuable', 'most_growable']}]},
                        'action': {'content': 'tmpl-retention-loyalty',
                                   'offer_id': None,
                                   'value': None,
                                   'margin': None,
                                   'currency': None,
                                   'valid_for_days': 7.0,
                                   'attribution_days': 7.0,
                                   'action_id': 'retention-loyalty',
                                   'kind': 'retention',
                                   'channels': ['phone', 'email', 'mobile_app']},
                        'priority': 82,
                        'valid_from': None,
                        'valid_until': None,
                        'status': 'active',
                        'realtime': True,
                        'repeat': 'per_score',
                        'prior_propensity': 0.4,
                        'control_share': 0.0},
 'winback-lapsed': {'name': 'Win back a lapsed customer',
                    'description': '',
                    'condition': {'all': [{'fact': 'triggers.30d.kinds', 'op': 'contains', 'value': 'lapse'},
                                          {'not': {'fact': 'value.tier', 'op': 'eq', 'value': 'below_zero'}}]},
                    'action': {'content': 'tmpl-winback',
                               'offer_id': None,
                               'value': None,
                               'margin': None,
                               'currency': None,
                               'valid_for_days': 7.0,
                               'attribution_days': 7.0,
                               'action_id': 'winback-offer',
                               'kind': 'winback',
                               'channels': ['email', 'mail']},
                    'priority': 70,
                    'valid_from': None,
                    'valid_until': None,
                    'status': 'active',
                    'realtime': True,
                    'repeat': 'per_event',
                    'prior_propensity': 0.2,
                    'control_share': 0.0},
 'life-event-moved': {'name': 'Moving house: new address, nearest store, delivery options',
                      'description': '',
                      'condition': {'any': [{'fact': 'triggers.30d.kinds', 'op': 'contains', 'value': 'moved'},
                                            {'fact': 'profile.days_since_moved', 'op': 'lte', 'value': 30}]},
                      'action': {'content': 'tmpl-moved',
                                 'offer_id': None,
                                 'value': None,
                                 'margin': None,
                                 'currency': None,
                                 'valid_for_days': 7.0,
                                 'attribution_days': 7.0,
                                 'action_id': 'moved-welcome',
                                 'kind': 'message',
                                 'channels': ['email', 'mail']},
                      'priority': 60,
                      'valid_from': None,
                      'valid_until': None,
                      'status': 'active',
                      'realtime': True,
                      'repeat': 'once',
                      'prior_propensity': 0.3,
                      'control_share': 0.0},
 'birthday-greeting': {'name': 'Birthday greeting in the week before the birthday',
                       'description': '',
                       'condition': {'any': [{'fact': 'profile.days_to_birthday', 'op': 'lte', 'value': 7},
                                             {'fact': 'triggers.7d.kinds', 'op': 'contains', 'value': 'birthday'}]},
                       'action': {'content': 'tmpl-birthday',
                                  'offer_id': None,
                                  'value': None,
                                  'margin': None,
                                  'currency': None,
                                  'valid_for_days': 7.0,
                                  'attribution_days': 7.0,
                                  'action_id': 'birthday-greeting',
                                  'kind': 'message',
                                  'channels': ['email', 'mobile_app']},
                       'priority': 45,
                       'valid_from': None,
                       'valid_until': None,
                       'status': 'active',
                       'realtime': True,
                       'repeat': 'per_score',
                       'prior_propensity': 0.4,
                       'control_share': 0.0},
 'cross-sell-needs': {'name': "Cross-sell from the customer's needs segment",
                      'description': '',
                      'condition': {'all': [{'fact': 'segments.needs', 'op': 'exists'},
                                            {'fact': 'value.tier',
                                             'op': 'in',
                                             'value': ['most_valuable', 'most_growable', 'maintain']}]},
                      'action': {'content': 'tmpl-cross-sell-by-needs',
                                 'offer_id': None,
                                 'value': None,
                                 'margin': None,
                                 'currency': None,
                                 'valid_for_days': 7.0,
                                 'attribution_days': 7.0,
                                 'action_id': 'cross-sell-needs',
                                 'kind': 'cross_sell',
                                 'channels': ['email', 'web', 'mobile_app']},
                      'priority': 40,
                      'valid_from': None,
                      'valid_until': None,
                      'status': 'active',
                      'realtime': True,
                      'repeat': 'per_score',
                      'prior_propensity': 0.15,
                      'control_share': 0.0},
 'channel-nudge': {'name': 'Nudge heavy users of costly channels (phone, store) toward web, app and chat',
                   'description': 'Not for most_valuable customers: their personal service is part of their value.',
                   'condition': {'all': [{'any': [{'fact': 'interactions.90d.channel.phone', 'op': 'gte', 'value': 5},
                                                  {'fact': 'interactions.90d.channel.store',
                                                   'op': 'gte',
                                                   'value': 8}]},
                                         {'not': {'fact': 'value.tier', 'op': 'eq', 'value': 'most_valuable'}}]},
                   'action': {'content': 'tmpl-try-the-app',
                              'offer_id': None,
                              'value': None,
                              'margin': None,
                              'currency': None,
                              'valid_for_days': 7.0,
                              'attribution_days': 7.0,
                              'action_id': 'channel-nudge-app',
                              'kind': 'message',
                              'channels': ['email', 'mobile_app']},
                   'priority': 30,
                   'valid_from': None,
                   'valid_until': None,
                   'status': 'active',
                   'realtime': True,
                   'repeat': 'per_score',
                   'prior_propensity': 0.2,
                   'control_share': 0.0},
 'below-zero-service-level': {'name': 'Self-service level for below-zero customers',
                              'description': 'Serve at the lowest cost to serve; no outbound offers.',
                              'condition': {'fact': 'value.tier', 'op': 'eq', 'value': 'below_zero'},
                              'action': {'content': 'self-service: web, app and chat first; no call-backs',
                                         'offer_id': None,
                                         'value': None,
                                         'margin': None,
                                         'currency': None,
                                         'valid_for_days': 7.0,
                                         'attribution_days': 7.0,
                                         'action_id': 'self-service',
                                         'kind': 'service_level',
                                         'channels': None},
                              'priority': 90,
                              'valid_from': None,
                              'valid_until': None,
                              'status': 'active',
                              'realtime': True,
                              'repeat': 'per_score',
                              'prior_propensity': 0.9,
                              'control_share': 0.0}}
RETENTION_RULE = "retention-churn-risk"
RETENTION_V2_CONDITION = {'all': [{'fact': 'value.churn_risk', 'op': 'gte', 'value': 0.6}, {'not': {'fact': 'value.tier', 'op': 'eq', 'value': 'below_zero'}}]}

revision = '0003_lifecycle'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('treatments', schema=None) as batch_op:
        batch_op.add_column(sa.Column('expires_at', idic.db.UtcDateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('attribution_until', idic.db.UtcDateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('delivered_at', idic.db.UtcDateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('accepted_at', idic.db.UtcDateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('control', sa.Boolean(), nullable=False, server_default=sa.false()))
        batch_op.add_column(sa.Column('amount', MONEY, nullable=True))
        batch_op.add_column(sa.Column('currency', sa.String(length=3), nullable=True))
        batch_op.create_index('ix_treatments_open_expiry', ['expires_at'], unique=False)
        batch_op.create_index('ix_treatments_rule_decided', ['rule_id', 'decided_at'], unique=False)

    conn = op.get_bind()
    now = dt.datetime.now(dt.UTC)
    # treatments decided before lifecycle existed get the default validity and attribution (7 days)
    treatments = sa.table('treatments', sa.column('id'), sa.column('decided_at', idic.db.UtcDateTime(timezone=True)),
                          sa.column('expires_at', idic.db.UtcDateTime(timezone=True)),
                          sa.column('attribution_until', idic.db.UtcDateTime(timezone=True)))
    rows = conn.execute(sa.select(treatments.c.id, treatments.c.decided_at)).all()
    for tid, decided_at in rows:
        until = decided_at + dt.timedelta(days=7)
        conn.execute(treatments.update().where(treatments.c.id == tid).values(expires_at=until, attribution_until=until))

    rules = sa.table('rules', *(sa.column(c) for c in (
        'rule_id', 'version', 'status', 'name', 'created_at', 'created_by', 'updated_at', 'updated_by')),
        sa.column('document', sa.JSON))
    versions = sa.table('rule_versions', *(sa.column(c) for c in (
        'rule_id', 'version', 'change', 'status', 'changed_at', 'changed_by')), sa.column('document', sa.JSON))
    existing = set(conn.execute(sa.select(rules.c.rule_id)).scalars())
    seeds = {rid: doc for rid, doc in PLAYBOOK_RULES.items() if rid not in existing}
    if seeds:
        op.bulk_insert(rules, [dict(rule_id=rid, version=1, status=doc["status"], name=doc["name"], document=doc,
                                    created_at=now, created_by=SEED_ACTOR, updated_at=now, updated_by=SEED_ACTOR)
                               for rid, doc in seeds.items()])
        op.bulk_insert(versions, [dict(rule_id=rid, version=1, change="created", status=doc["status"], document=doc,
                                       changed_at=now, changed_by=SEED_ACTOR) for rid, doc in seeds.items()])
    current = conn.execute(sa.select(rules.c.version, rules.c.updated_by, rules.c.document)
                           .where(rules.c.rule_id == RETENTION_RULE)).first()
    if current is not None and current.version == 1 and current.updated_by == SEED_ACTOR:
        doc = {**current.document, "condition": RETENTION_V2_CONDITION,
               "description": "No retention spend on below_zero customers (playbook)."}
        conn.execute(rules.update().where(rules.c.rule_id == RETENTION_RULE).values(
            version=2, document=doc, updated_at=now, updated_by=SEED_ACTOR))
        op.bulk_insert(versions, [dict(rule_id=RETENTION_RULE, version=2, change="updated", status=doc["status"],
                                       document=doc, changed_at=now, changed_by=SEED_ACTOR)])


def downgrade() -> None:
    conn = op.get_bind()
    rules = sa.table('rules', sa.column('rule_id'), sa.column('created_by'))
    versions = sa.table('rule_versions', sa.column('rule_id'), sa.column('version'), sa.column('changed_by'))
    ids = list(PLAYBOOK_RULES)
    conn.execute(versions.delete().where(versions.c.rule_id.in_(ids)))
    conn.execute(rules.delete().where(rules.c.rule_id.in_(ids), rules.c.created_by == SEED_ACTOR))
    # the retention v2 stays in place as data (its v1 is still in the history)
    with op.batch_alter_table('treatments', schema=None) as batch_op:
        batch_op.drop_index('ix_treatments_rule_decided')
        batch_op.drop_index('ix_treatments_open_expiry')
        for column in ('currency', 'amount', 'control', 'accepted_at', 'delivered_at', 'attribution_until',
                       'expires_at'):
            batch_op.drop_column(column)
