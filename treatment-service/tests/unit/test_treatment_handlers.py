"""Event handlers and use cases on a migrated SQLite file (no Kafka): what each event does
to the stored context, treatments and outbox."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import event as sa_event
from sqlalchemy import func, select
from treatment_factories import T0, interaction, purchase, scored, trigger

from idic import CloudEvent, ProblemError
from idic.contracts import CustomerErased, CustomersMerged, CustomerUnmerged, EventPayload
from treatment_service.adapters.orm import Treatment, messaging
from treatment_service.config import Settings
from treatment_service.main import build_runtime
from treatment_service.service_layer import outcomes, services
from treatment_service.service_layer.handlers import InvalidCustomerId, build_handlers, prepare_batch


@contextmanager
def migrated(path: Path) -> Iterator[services.UowFactory]:
    runtime = build_runtime(Settings(database_url=f"sqlite:///{path}", kafka_bootstrap_servers="127.0.0.1:1"))
    runtime.migrate()
    try:
        yield runtime.uow
    finally:
        runtime.stop()


@pytest.fixture
def uow_factory(tmp_path: Path) -> Iterator[services.UowFactory]:
    with migrated(tmp_path / "t.db") as factory:
        yield factory


def apply(uow_factory: services.UowFactory, *payloads: EventPayload, prepare: bool = True) -> list[CloudEvent]:
    """Handle events in one transaction, as the consumer's batch path does (prefetch included)."""
    events = [CloudEvent.wrap(p, source="/test") for p in payloads]
    handlers = build_handlers(Settings())
    with uow_factory() as uow:
        if prepare:
            prepare_batch(uow, list(zip(events, payloads, strict=True)))
        for event, payload in zip(events, payloads, strict=True):
            handlers[event.type](payload, event, uow)
        uow.commit()
    return events


def outbox(uow_factory: services.UowFactory) -> list[CloudEvent]:
    with uow_factory() as uow:
        bodies = uow.session.scalars(select(messaging.outbox.c.body).order_by(messaging.outbox.c.id))
        return [CloudEvent.model_validate_json(b) for b in bodies]


def treatments(uow_factory: services.UowFactory, customer_id: str) -> list[Treatment]:
    return services.list_treatments(customer_id=customer_id, limit=50, uow_factory=uow_factory)


def test_first_purchase_decides_welcome_once_and_publishes_it(uow_factory: services.UowFactory) -> None:
    [cause] = apply(uow_factory, purchase("c1"))
    apply(uow_factory, purchase("c1"), interaction("c1"))
    [treatment] = treatments(uow_factory, "c1")
    assert (treatment.rule_id, treatment.kind, treatment.channel) == ("welcome-first-purchase", "message", "email")
    [event] = outbox(uow_factory)
    assert event.type == "idic.treatment.decided.v1" and event.subject == "c1"
    assert event.data["treatment_id"] == treatment.treatment_id and event.data["cause_event_id"] == cause.id


def test_history_builds_the_context_but_decides_nothing(uow_factory: services.UowFactory) -> None:
    """Two years of purchases loaded today send no welcome for a first purchase of two years ago, and an
    old complaint no apology; the same events as they happen do."""
    long_ago = dt.datetime.now(dt.UTC) - dt.timedelta(days=700)
    apply(uow_factory, purchase("old", occurred_at=long_ago),
          trigger("old", kind="complaint", occurred_at=long_ago + dt.timedelta(days=1)))
    context, _ = services.get_context(customer_id="old", uow_factory=uow_factory)
    assert context.purchases_count == 1 and [t.kind for t in context.recent_triggers] == ["complaint"]
    assert treatments(uow_factory, "old") == [] and outbox(uow_factory) == []
    apply(uow_factory, purchase("now", occurred_at=dt.datetime.now(dt.UTC) - dt.timedelta(hours=23)))
    assert [t.rule_id for t in treatments(uow_factory, "now")] == ["welcome-first-purchase"]


def test_welcome_once_per_customer_whichever_event_reports_it(uow_factory: services.UowFactory) -> None:
    hour = dt.timedelta(hours=1)
    apply(uow_factory, scored("c1", frequency=1, scored_at=T0))  # scoring reports the first purchase
    apply(uow_factory, purchase("c1"))  # purchases 0 -> 1, but one purchase was already known
    apply(uow_factory, scored("c1", frequency=2, scored_at=T0 + hour))
    apply(uow_factory, purchase("c2"))
    # a correction back to one purchase makes the rule hold anew: same occurrence, no new treatment
    apply(uow_factory, scored("c1", frequency=1, scored_at=T0 + 2 * hour))
    assert [t.rule_id for t in treatments(uow_factory, "c1")] == ["welcome-first-purchase"]
    assert len(outbox(uow_factory)) == 2  # c1's and c2's


def test_several_events_in_one_transaction_see_each_other(uow_factory: services.UowFactory) -> None:
    apply(uow_factory, interaction("c1"), purchase("c1"), scored("c1", churn_risk=0.7, tier="most_valuable"))
    context, _ = services.get_context(customer_id="c1", uow_factory=uow_factory)
    assert (context.interactions_count, context.purchases_count, context.tier) == (2, 1, "most_valuable")
    # the playbook's retention for top tiers outranks the generic one: one open retention at a time
    assert {t.rule_id for t in treatments(uow_factory, "c1")} == {
        "welcome-first-purchase", "retention-valuable", "vip-service-level"}
    assert len(outbox(uow_factory)) == 3


def test_retention_decided_per_crossing(uow_factory: services.UowFactory) -> None:
    day = dt.timedelta(days=1)
    apply(uow_factory, scored("c1", churn_risk=0.7, scored_at=T0))
    apply(uow_factory, scored("c1", churn_risk=0.8, scored_at=T0 + day))  # still above: nothing new
    apply(uow_factory, scored("c1", churn_risk=0.2, scored_at=T0 + 2 * day))
    apply(uow_factory, scored("c1", churn_risk=0.9, scored_at=T0 + 3 * day))  # crosses again, but
    assert len(treatments(uow_factory, "c1")) == 1  # one open retention offer at a time
    [first] = treatments(uow_factory, "c1")
    outcomes.record_outcome(treatment_id=first.treatment_id, outcome="ignored", uow_factory=uow_factory)
    apply(uow_factory, scored("c1", churn_risk=0.3, scored_at=T0 + 4 * day))
    apply(uow_factory, scored("c1", churn_risk=0.9, scored_at=T0 + 5 * day))  # answered: a new crossing acts
    apply(uow_factory, scored("c1", churn_risk=0.1, scored_at=T0 - day))  # stale: ignored
    assert len(treatments(uow_factory, "c1")) == 2
    context, _ = services.get_context(customer_id="c1", uow_factory=uow_factory)
    assert context.churn_risk == 0.9


def test_trigger_lands_in_context(uow_factory: services.UowFactory) -> None:
    apply(uow_factory, trigger("c1", trigger_id="t1", kind="lapse"))
    context, _ = services.get_context(customer_id="c1", uow_factory=uow_factory)
    assert [(t.trigger_id, t.kind) for t in context.recent_triggers] == [("t1", "lapse")]


def test_merge_folds_contexts_rekeys_treatments_and_redirects_late_events(uow_factory: services.UowFactory) -> None:
    apply(uow_factory, purchase("a"), purchase("b"), interaction("b", channel="email"))
    apply(uow_factory, CustomersMerged(customer_id="a", merged_ids=["b"]))
    context, merged_ids = services.get_context(customer_id="a", uow_factory=uow_factory)
    assert (context.interactions_count, context.purchases_count, merged_ids) == (3, 2, ["b"])
    rows = treatments(uow_factory, "a")
    assert len(rows) == 2 and {r.customer_id for r in rows} == {"a"}
    assert sorted(r.occurrence for r in rows) == ["once", "once|merged:b"]
    # the merged id resolves to the survivor, and its late events land there
    assert services.get_context(customer_id="b", uow_factory=uow_factory)[0].customer_id == "a"
    apply(uow_factory, interaction("b"))
    assert services.get_context(customer_id="a", uow_factory=uow_factory)[0].interactions_count == 4
    # a chained merge keeps aliases one hop deep
    apply(uow_factory, CustomersMerged(customer_id="z", merged_ids=["a"]))
    assert services.get_context(customer_id="b", uow_factory=uow_factory)[0].customer_id == "z"


def test_unmerge_lets_the_restored_id_have_its_own_context_again(uow_factory: services.UowFactory) -> None:
    apply(uow_factory, interaction("a"), interaction("b"))
    apply(uow_factory, CustomersMerged(customer_id="a", merged_ids=["b"]),
          CustomerUnmerged(customer_id="a", restored_id="b"), interaction("b"))
    assert services.get_context(customer_id="b", uow_factory=uow_factory)[0].customer_id == "b"
    assert services.get_context(customer_id="a", uow_factory=uow_factory)[0].interactions_count == 2


def test_erase_deletes_context_treatments_and_ignores_late_events(uow_factory: services.UowFactory) -> None:
    apply(uow_factory, purchase("a"), purchase("b"))
    apply(uow_factory, CustomersMerged(customer_id="a", merged_ids=["b"]))
    apply(uow_factory, CustomerErased(customer_id="a", erased_at=T0), purchase("a"), purchase("b"))
    for customer_id in ("a", "b"):
        with pytest.raises(ProblemError) as info:
            services.get_context(customer_id=customer_id, uow_factory=uow_factory)
        assert info.value.status == 404
        assert treatments(uow_factory, customer_id) == []
    with uow_factory() as uow:
        assert uow.session.scalar(select(func.count()).select_from(Treatment)) == 0


def test_unstorable_customer_id_is_refused(uow_factory: services.UowFactory) -> None:
    for bad in ("", "x" * 129, "a\x00b"):
        with pytest.raises(InvalidCustomerId):
            apply(uow_factory, interaction(bad))


def test_outcome_once(uow_factory: services.UowFactory) -> None:
    apply(uow_factory, purchase("c1"))
    [treatment] = treatments(uow_factory, "c1")
    done = outcomes.record_outcome(treatment_id=treatment.treatment_id, outcome="accepted", uow_factory=uow_factory)
    assert done.outcome == "accepted" and done.outcome_at is not None
    with pytest.raises(ProblemError) as conflict:
        outcomes.record_outcome(treatment_id=treatment.treatment_id, outcome="declined", uow_factory=uow_factory)
    assert conflict.value.status == 409
    with pytest.raises(ProblemError) as missing:
        outcomes.record_outcome(treatment_id="nope", outcome="declined", uow_factory=uow_factory)
    assert missing.value.status == 404


def test_next_best_actions_unknown_customer_is_empty(uow_factory: services.UowFactory) -> None:
    assert services.get_next_best_actions(customer_id="nobody", channel=None, limit=10, uow_factory=uow_factory) == []


def _state(uow_factory: services.UowFactory, customer_ids: list[str]) -> dict[str, object]:
    """Each id's context (as the API shows it), merged ids and treatments, or 404."""
    state: dict[str, object] = {}
    for customer_id in customer_ids:
        try:
            context, merged_ids = services.get_context(customer_id=customer_id, uow_factory=uow_factory)
        except ProblemError as problem:
            state[customer_id] = problem.status
            continue
        rows = treatments(uow_factory, customer_id)
        state[customer_id] = (context.customer_id, context.interactions_count, context.purchases_count,
                              context.channel_counts, merged_ids, sorted((t.rule_id, t.occurrence) for t in rows))
    return state


def test_a_prefetched_batch_ends_as_the_same_batch_without_prefetch(tmp_path: Path) -> None:
    """Merges, unmerges and erasures inside one batch change what the prefetch loaded: the batch must end
    exactly as it does when every handler asks the database itself."""
    history = [purchase("a"), purchase("b"), interaction("c"), purchase("d"), purchase("e")]
    batch = [purchase("a"), CustomersMerged(customer_id="a", merged_ids=["b"]), interaction("b", channel="email"),
             CustomerErased(customer_id="c", erased_at=T0), purchase("c"), CustomersMerged(customer_id="d",
             merged_ids=["e"]), CustomerUnmerged(customer_id="d", restored_id="e"), purchase("e"),
             interaction("f"), CustomerErased(customer_id="a", erased_at=T0), interaction("b")]
    states = []
    for prepare in (False, True):
        with migrated(tmp_path / f"prepare-{prepare}.db") as factory:
            apply(factory, *history, prepare=prepare)
            apply(factory, *batch, prepare=prepare)
            states.append(_state(factory, ["a", "b", "c", "d", "e", "f"]))
    assert states[0] == states[1]
    assert states[1]["a"] == states[1]["b"] == states[1]["c"] == 404 and states[1]["e"][0] == "e"


def test_prefetch_saves_queries_applying_history(tmp_path: Path) -> None:
    events = [purchase(f"c{i}") for i in range(100)] + [interaction(f"c{i}") for i in range(100)]
    counts = []
    for prepare in (False, True):
        with migrated(tmp_path / f"count-{prepare}.db") as factory:
            apply(factory, *events[:10], prepare=prepare)  # warm: migrations, rules, policy
            statements: list[str] = []
            with factory() as uow:
                engine = uow.session.get_bind()

            def counted(*args: object, into: list[str] = statements) -> None:
                into.append(str(args[2]))

            sa_event.listen(engine, "before_cursor_execute", counted)
            apply(factory, *events[10:], prepare=prepare)
            sa_event.remove(engine, "before_cursor_execute", counted)
            counts.append(len(statements))
    print(f"\n[prefetch] statements for 190 events: {counts[0]} without, {counts[1]} with")
    assert counts[1] < counts[0] * 0.75, counts  # three queries for the batch instead of about two per event


def test_erase_clears_the_webhook_bodies_of_merged_ids_even_after_the_aliases_went(
        uow_factory: services.UowFactory) -> None:
    # The webhooks consumer (its own group) learns merged ids from the aliases, which this consumer's
    # erasure forgets: if this one goes first, the erasure here must clear the merged ids' bodies itself.
    from treatment_service.adapters.orm import WebhookDeliveryRow
    from treatment_service.service_layer.webhooks import create_webhook

    hook = create_webhook(url="https://crm.example/hook", events=["customer.identified"], description=None,
                          uow_factory=uow_factory)
    apply(uow_factory, purchase("a"), purchase("b"))
    with uow_factory() as uow:
        uow.webhooks.add_deliveries([
            {"id": f"d-{who}", "webhook_id": hook.webhook_id, "event_id": f"e-{who}",
             "event_type": "idic.customer.identified.v1", "customer_id": who, "body": f'{{"email": "{who}@x"}}',
             "status": "succeeded", "attempts": 1, "next_attempt_at": None, "give_up_at": T0, "created_at": T0}
            for who in ("a", "b", "c")])
        uow.commit()
    apply(uow_factory, CustomersMerged(customer_id="a", merged_ids=["b"]))
    apply(uow_factory, CustomerErased(customer_id="a", erased_at=T0))
    with uow_factory() as uow:
        bodies = dict(uow.session.execute(select(WebhookDeliveryRow.customer_id, WebhookDeliveryRow.body)).all())
    assert bodies == {"a": None, "b": None, "c": '{"email": "c@x"}'}
