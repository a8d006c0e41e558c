"""Context updates: each event type, ordering, bounds, merges."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from treatment_factories import T0, interaction, purchase, scored, trigger

from treatment_service.domain.context import MAX_INTERACTION_TYPES, MAX_RECENT_TRIGGERS, CustomerContext

NOW = T0 + dt.timedelta(days=1)


def new() -> CustomerContext:
    return CustomerContext.new("c1", now=T0)


def test_scored_sets_value_facts() -> None:
    ctx = new()
    assert ctx.apply_scored(scored("c1", tier="most_valuable", clv_12m=Decimal("120.50"), p_alive=0.9,
                                   churn_risk=0.1, rfm_segment="champions", frequency=3,
                                   monetary=Decimal("99.90")), now=NOW)
    assert (ctx.tier, ctx.clv_12m, ctx.p_alive, ctx.churn_risk) == ("most_valuable", Decimal("120.50"), 0.9, 0.1)
    assert (ctx.rfm_segment, ctx.frequency, ctx.monetary, ctx.currency) == ("champions", 3, Decimal("99.90"), "EUR")
    assert ctx.scored_at == T0 and ctx.updated_at == NOW


def test_older_score_is_ignored_newer_wins() -> None:
    ctx = new()
    ctx.apply_scored(scored("c1", scored_at=T0, churn_risk=0.2), now=NOW)
    assert not ctx.apply_scored(scored("c1", scored_at=T0 - dt.timedelta(hours=1), churn_risk=0.9), now=NOW)
    assert ctx.churn_risk == 0.2
    assert ctx.apply_scored(scored("c1", scored_at=T0 + dt.timedelta(hours=1), churn_risk=0.7), now=NOW)
    assert ctx.churn_risk == 0.7


def test_interactions_count_per_channel_and_type() -> None:
    ctx = new()
    ctx.apply_interaction(interaction("c1", channel="web", type="visit"), now=NOW)
    ctx.apply_interaction(interaction("c1", channel="web", type="visit"), now=NOW)
    ctx.apply_interaction(purchase("c1", channel="store"), now=NOW)
    assert ctx.interactions_count == 3 and ctx.purchases_count == 1
    assert ctx.channel_counts == {"web": 2, "store": 1}
    assert ctx.type_counts == {"visit": 2, "purchase": 1}
    assert ctx.last_purchase_at == T0


def test_last_interaction_follows_occurrence_time_not_arrival() -> None:
    ctx = new()
    late = T0 + dt.timedelta(hours=5)
    ctx.apply_interaction(interaction("c1", channel="email", type="email_open", occurred_at=late), now=NOW)
    ctx.apply_interaction(interaction("c1", channel="phone", type="call", occurred_at=T0), now=NOW)
    assert (ctx.last_interaction_at, ctx.last_interaction_channel, ctx.last_interaction_type) == (
        late, "email", "email_open")
    assert ctx.first_interaction_at == T0


def test_interaction_types_are_bounded() -> None:
    ctx = new()
    for i in range(MAX_INTERACTION_TYPES + 10):
        ctx.apply_interaction(interaction("c1", type=f"type-{i}"), now=NOW)
    assert len(ctx.type_counts) == MAX_INTERACTION_TYPES
    assert ctx.type_counts["other"] == 11
    assert sum(ctx.type_counts.values()) == ctx.interactions_count


def test_triggers_are_bounded_newest_first_and_deduplicated() -> None:
    ctx = new()
    for i in range(MAX_RECENT_TRIGGERS + 5):
        ctx.apply_trigger(trigger("c1", trigger_id=f"t{i}", occurred_at=T0 + dt.timedelta(minutes=i)), now=NOW)
    assert len(ctx.recent_triggers) == MAX_RECENT_TRIGGERS
    assert ctx.recent_triggers[0].trigger_id == f"t{MAX_RECENT_TRIGGERS + 4}"
    assert "t0" not in {t.trigger_id for t in ctx.recent_triggers}
    assert not ctx.apply_trigger(trigger("c1", trigger_id=f"t{MAX_RECENT_TRIGGERS}"), now=NOW)


def test_known_purchases_takes_the_larger_of_seen_and_scored() -> None:
    ctx = new()
    assert ctx.known_purchases == 0
    ctx.apply_scored(scored("c1", frequency=4), now=NOW)
    assert ctx.known_purchases == 4
    ctx2 = new()
    ctx2.apply_interaction(purchase("c1"), now=NOW)
    assert ctx2.known_purchases == 1


def test_consent_defaults_to_allowed() -> None:
    ctx = new()
    assert ctx.allows("email") and ctx.allows(None)
    ctx.consent = {"email": False}
    assert not ctx.allows("email") and ctx.allows("phone")
    ctx.consent = {"profiling": False}
    assert not ctx.allows("phone") and not ctx.allows(None)


def test_fold_sums_counters_and_keeps_newest_score_and_refusals() -> None:
    survivor, merged = new(), CustomerContext.new("c2", now=T0 - dt.timedelta(days=3))
    survivor.apply_scored(scored("c1", scored_at=T0, tier="maintain"), now=NOW)
    survivor.apply_interaction(interaction("c1", channel="web", occurred_at=T0), now=NOW)
    survivor.consent = {"email": True}
    merged.apply_scored(scored("c2", scored_at=T0 + dt.timedelta(hours=1), tier="most_valuable"), now=NOW)
    merged.apply_interaction(purchase("c2", channel="store", occurred_at=T0 + dt.timedelta(hours=2)), now=NOW)
    merged.apply_trigger(trigger("c2", trigger_id="tx"), now=NOW)
    merged.consent = {"email": False, "phone": True}

    survivor.fold(merged, now=NOW)

    assert survivor.tier == "most_valuable"
    assert survivor.interactions_count == 2 and survivor.purchases_count == 1
    assert survivor.channel_counts == {"web": 1, "store": 1}
    assert survivor.type_counts == {"visit": 1, "purchase": 1}
    assert survivor.last_interaction_channel == "store"
    assert [t.trigger_id for t in survivor.recent_triggers] == ["tx"]
    assert survivor.consent == {"email": False, "phone": True}
    assert survivor.created_at == T0 - dt.timedelta(days=3)


def test_fold_keeps_survivor_score_when_newer() -> None:
    survivor, merged = new(), CustomerContext.new("c2", now=T0)
    survivor.apply_scored(scored("c1", scored_at=T0 + dt.timedelta(hours=1), tier="maintain"), now=NOW)
    merged.apply_scored(scored("c2", scored_at=T0, tier="most_valuable"), now=NOW)
    survivor.fold(merged, now=NOW)
    assert survivor.tier == "maintain"


def test_snapshot_is_independent() -> None:
    ctx = new()
    ctx.apply_interaction(interaction("c1"), now=NOW)
    before = ctx.snapshot()
    ctx.apply_interaction(interaction("c1"), now=NOW)
    assert before.interactions_count == 1 and before.channel_counts == {"web": 1}


def test_segments_profile_and_activity_facts() -> None:
    import datetime as _dt

    from treatment_factories import T0 as start
    from treatment_factories import interaction as visit

    from idic.contracts import CustomerUpdated, SegmentChanged
    from treatment_service.domain.context import ACTIVITY_DAYS, CustomerContext

    c = CustomerContext.new("c1", now=start)
    entered = SegmentChanged(customer_id="c1", segment_id="vip", entered=True, changed_at=start)
    assert c.apply_segment(entered, now=start) and c.segments == ["vip"]
    assert not c.apply_segment(entered, now=start)  # already in
    assert c.apply_segment(SegmentChanged(customer_id="c1", segment_id="vip", entered=False, changed_at=start),
                           now=start) and c.segments == []
    assert not c.apply_profile(CustomerUpdated(customer_id="c1", changed_attributes=["first_name"]), now=start)
    assert c.apply_profile(CustomerUpdated(customer_id="c1", consent={"email": False}, birthday_month_day="02-29",
                                           moved=True), now=start)
    assert (c.consent, c.birthday_month_day, c.moved_at) == ({"email": False}, "02-29", start)
    c.apply_profile(CustomerUpdated(customer_id="c1", consent={"email": True, "sms": False}), now=start)
    assert c.consent == {"email": True, "sms": False}  # the whole map replaces the old one
    # per-day activity stays bounded to the last ACTIVITY_DAYS days before the newest
    c.apply_interaction(visit("c1", occurred_at=start), now=start)
    c.apply_interaction(visit("c1", occurred_at=start + _dt.timedelta(days=ACTIVITY_DAYS + 5)), now=start)
    assert list(c.activity) == [(start + _dt.timedelta(days=ACTIVITY_DAYS + 5)).date().isoformat()]
    c.apply_interaction(visit("c1", occurred_at=start), now=start)  # too old for any window: not kept
    assert len(c.activity) == 1 and c.interactions_count == 3
