"""Handlers on the real repositories, several events in one transaction (as the consumer's
fast path runs them), on SQLite and PostgreSQL: each must see the writes before it."""

from __future__ import annotations

import datetime as dt
import threading
import uuid
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import func, select

from idic import CloudEvent
from idic.contracts import CustomerErased, CustomersMerged, InteractionRecorded
from scoring_service.adapters.orm import FeatureRow, ScoreRow, messaging
from scoring_service.config import Settings
from scoring_service.main import build_runtime
from scoring_service.service_layer.handlers import build_handlers

T0 = dt.datetime(2024, 3, 1, tzinfo=dt.UTC)
HANDLERS = build_handlers(Settings(consumer_group="unused"))  # the defaults the runtime below is built with


@pytest.fixture(params=["sqlite", "postgresql"])
def runtime(request: pytest.FixtureRequest, tmp_path: Any) -> Iterator[Any]:
    url = f"sqlite:///{tmp_path}/repo.db" if request.param == "sqlite" else request.getfixturevalue("pg_url")
    runtime = build_runtime(Settings(database_url=url, consumer_group="unused"))
    runtime.migrate()
    yield runtime
    runtime.stop()


def apply(uow: Any, payload: Any) -> None:
    HANDLERS[payload.event_type](payload, CloudEvent.wrap(payload, source="/test"), uow)


def purchase(customer_id: str, amount: str, *, days: int = 0) -> InteractionRecorded:
    return InteractionRecorded(interaction_id=str(uuid.uuid4()), customer_id=customer_id, channel="web",
                               type="purchase", direction="inbound", occurred_at=T0 + dt.timedelta(days=days),
                               amount=Decimal(amount), currency="EUR")


def test_one_transaction_sees_its_own_writes(runtime: Any) -> None:
    with runtime.uow() as uow:
        apply(uow, purchase("a", "0.1"))
        apply(uow, purchase("a", "0.2", days=-1))
        apply(uow, purchase("b", "12345678901234567890.123456789"))
        apply(uow, CustomersMerged(customer_id="a", merged_ids=["b"]))
        apply(uow, purchase("b", "0.000000001", days=2))  # after the merge: the survivor's
        apply(uow, CustomerErased(customer_id="gone", erased_at=T0))
        apply(uow, purchase("gone", "1"))
        apply(uow, CustomerErased(customer_id="gone", erased_at=T0))
        apply(uow, purchase("gone", "2"))
        uow.commit()
    with runtime.uow() as uow:
        a = uow.features.get("a")
        assert (a.frequency, a.monetary) == (4, Decimal("12345678901234567890.423456790"))
        assert a.first_purchase_at == T0 - dt.timedelta(days=1) and a.last_purchase_at == T0 + dt.timedelta(days=2)
        assert a.first_purchase_amount == Decimal("0.2")
        assert uow.features.get("b") is None and uow.aliases.resolve("b") == "a"
        assert (uow.features.get("gone").frequency, uow.features.get("gone").monetary) == (1, Decimal("2"))
        assert uow.erasures.erased_at("gone") == T0  # the tombstone says when the erasure happened
        assert uow.session.scalar(select(func.count()).select_from(FeatureRow)) == 2
        assert uow.session.scalar(select(func.count()).select_from(ScoreRow)) == 2
        # CustomerScored in the outbox, written by the same transaction: customers are scored once each at
        # commit, against their state before it; b was merged away in the transaction and is not scored back
        outbox = uow.session.execute(select(messaging.outbox.c.key, messaging.outbox.c.event_type)
                                     .order_by(messaging.outbox.c.id)).all()
        assert [k for k, _ in outbox] == ["a", "gone"]
        assert {t for _, t in outbox} == {"idic.customer.scored.v1"}


def test_nothing_is_kept_when_the_transaction_fails(runtime: Any) -> None:
    with pytest.raises(ValueError), runtime.uow() as uow:
        apply(uow, purchase("a", "5"))
        bad = purchase("a", "1").model_copy(update={"occurred_at": dt.datetime(2024, 1, 1)})
        apply(uow, bad)
    with runtime.uow() as uow:
        assert uow.features.get("a") is None
        assert uow.session.scalar(select(func.count()).select_from(messaging.outbox)) == 0


def test_a_purchase_and_the_merge_of_its_customer_applied_at_once_by_two_consumers_lose_nothing(
        pg_url: str) -> None:
    """Two consumers of the group (replicas): one applies B's first purchase while the other merges B into A.
    Under read committed the merge would not see the purchase's uncommitted row, commit, and leave it on
    the merged-away B for ever (seen with two consumer processes: 4 runs in 5). The merge waits instead."""
    runtime = build_runtime(Settings(database_url=pg_url, consumer_group="unused"))
    runtime.migrate()
    try:
        with runtime.uow() as uow:
            apply(uow, purchase("a", "1.00"))
            uow.commit()
        merged = threading.Event()

        def merge() -> None:
            with runtime.uow() as other:
                apply(other, CustomersMerged(customer_id="a", merged_ids=["b"]))
                other.commit()
            merged.set()

        with runtime.uow() as first:
            apply(first, purchase("b", "5.00"))  # B's first purchase, not committed yet
            thread = threading.Thread(target=merge)
            thread.start()
            assert not merged.wait(1.5), "the merge did not wait for the purchase being applied"
            first.commit()
        thread.join(30)
        assert merged.is_set()
        with runtime.uow() as uow:
            a = uow.features.get("a")
            assert (a.frequency, a.monetary) == (2, Decimal("6.00"))
            assert uow.features.get("b") is None
    finally:
        runtime.stop()
