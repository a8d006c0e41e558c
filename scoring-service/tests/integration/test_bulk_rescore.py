"""The column-wise population run (read, score, write changed rows, outbox) gives every customer
exactly the scores, segments and events the per-customer scorer of the event path gives, on
SQLite and PostgreSQL; a run that changes nothing writes and announces nothing."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

import numpy as np
import pytest
from sqlalchemy import func, insert, select, update

from idic import CloudEvent, ServiceRuntime
from idic.contracts import CustomerScored
from scoring_service.adapters import bulk
from scoring_service.adapters.orm import FeatureRow, PurchaseDayRow, SegmentMemberRow, messaging
from scoring_service.adapters.uow import ScoringUnitOfWork
from scoring_service.config import Settings
from scoring_service.domain.features import CustomerFeatures, Interaction, apply_interaction, apply_trigger
from scoring_service.main import build_runtime
from scoring_service.service_layer import population
from scoring_service.service_layer.handlers import _scored_event
from scoring_service.service_layer.scorer import score

NOW = dt.datetime(2024, 6, 1, 9, 30, tzinfo=dt.UTC)
CHANNELS = ["web", "store", "phone", "email", "mobile_app"]
CATEGORIES = ["books", "toys", "garden", "Küche & Bad", 'say "hi"', "$shoes", "music", "games", "tools", "art"]


@pytest.fixture(params=["sqlite", "postgresql"])
def runtime(request: pytest.FixtureRequest, tmp_path: Any,
            monkeypatch: pytest.MonkeyPatch) -> Iterator[ServiceRuntime[ScoringUnitOfWork]]:
    url = f"sqlite:///{tmp_path}/bulk.db" if request.param == "sqlite" else request.getfixturevalue("pg_url")
    monkeypatch.setattr(bulk, "PARALLEL_READ_AT_LEAST", 100)  # PostgreSQL reads in two halves here too
    settings = Settings(database_url=url, run_workers=False, refresh_interval_s=0, log_json=False)
    rt = build_runtime(settings)
    rt.migrate()
    yield rt
    rt.engine.dispose()


def population_of(n: int, seed: int = 3) -> tuple[list[CustomerFeatures], list[dict[str, Any]]]:
    """Customers built by the domain's own event folding: purchases on several days (some the same
    day), other currencies, costs, categories (with characters JSON paths dislike), dayparts, offers,
    lapses, and customers who never bought."""
    rng = np.random.default_rng(seed)
    customers, days = [], []
    for i in range(n):
        f = CustomerFeatures(customer_id=f"b{i:04d}-{'x' * (i % 3)}")
        seen: dict[dt.date, Decimal] = {}
        start = NOW - dt.timedelta(days=int(rng.integers(30, 700)), hours=int(rng.integers(0, 24)))
        for k in range(int(rng.integers(1, 12))):
            at = start + dt.timedelta(days=int(rng.integers(0, (NOW - start).days)), minutes=int(rng.integers(0, 1440)))
            buys = i % 7 != 0 and rng.random() < 0.6
            kind = "purchase" if buys else ("offer_response" if rng.random() < 0.2 else "page_view")
            amount = Decimal(int(rng.integers(100, 20000))) / 100 if buys and k % 5 != 4 else None
            currency = "USD" if buys and i % 11 == 0 and k == 2 else "EUR"
            counted = apply_interaction(f, Interaction(
                channel=CHANNELS[int(rng.integers(0, len(CHANNELS)))], type=kind, occurred_at=at, amount=amount,
                currency=currency if amount is not None else None, cost=Decimal(int(rng.integers(0, 900))) / 100,
                category=CATEGORIES[int(rng.integers(0, len(CATEGORIES)))] if rng.random() < 0.8 else None),
                new_day=buys and at.date() not in seen)
            if buys:
                seen[at.date()] = seen.get(at.date(), Decimal(0)) + counted
        if i % 9 == 0:
            apply_trigger(f, kind="lapse_detected", occurred_at=NOW - dt.timedelta(days=3))
        customers.append(f)
        days += [{"customer_id": f.customer_id, "day": d, "amount": a} for d, a in seen.items()]
    return customers, days


def store(rt: ServiceRuntime[ScoringUnitOfWork], customers: list[CustomerFeatures], days: list[dict[str, Any]]) -> None:
    rows = [{**{k: v for k, v in vars(f).items() if k != "monetary_other"},
             "monetary_other": {c: str(a) for c, a in f.monetary_other.items()}, "updated_at": NOW} for f in customers]
    with rt.uow() as uow:
        uow.session.execute(insert(FeatureRow), rows)
        uow.session.execute(insert(PurchaseDayRow), days)
        uow.segments.add_rule(segment_id="rule-keen", name="Keen", now=NOW, conditions=[
            {"field": "recency_days", "op": "lte", "value": 120}, {"field": "tier", "op": "in",
                                                                   "value": ["most_valuable", "most_growable"]}])
        uow.segments.add_rule(segment_id="rule-risky", name="Risky", now=NOW, conditions=[
            {"field": "churn_risk", "op": "gte", "value": 0.5}, {"field": "monetary", "op": "gt", "value": 50}])
        uow.commit()


def per_customer(rt: ServiceRuntime[ScoringUnitOfWork]) -> list[tuple[Any, Any, Any]]:
    """(features, stored scores, what the event path's scorer computes from the stored models)."""
    with rt.uow() as uow:
        models, rules = uow.models.all(), uow.segments.rules()
        features = list(uow.features.all())
        stored = uow.scores.all()
    out = []
    for f in features:
        [expected] = score([f], models=models, rule_segments=rules, previous={}, now=NOW, config=rt.settings.scoring)  # type: ignore[attr-defined]
        out.append((f, stored.get(f.customer_id), expected))
    return out


def outbox(rt: ServiceRuntime[ScoringUnitOfWork]) -> list[CloudEvent]:
    with rt.uow() as uow:
        bodies = uow.session.scalars(select(messaging.outbox.c.body).order_by(messaging.outbox.c.id)).all()
    return [CloudEvent.model_validate_json(b) for b in bodies]


def test_bulk_rescore_equals_the_per_customer_scorer(runtime: ServiceRuntime[ScoringUnitOfWork]) -> None:
    customers, days = population_of(300)
    store(runtime, customers, days)
    config = runtime.settings.scoring  # type: ignore[attr-defined]
    first = population.refresh(uow_factory=runtime.uow, now=NOW - dt.timedelta(days=30), config=config)
    assert first["customers"] == 300 and first["announced"] > 0 and first["needs"]["k"] >= 2
    with runtime.uow() as uow:  # some customers change between runs (what the consumer would have written)
        uow.session.execute(update(FeatureRow).where(FeatureRow.customer_id < "b0040").values(
            cost_to_serve=FeatureRow.cost_to_serve + 500))
        uow.commit()
    before = {e.id for e in outbox(runtime)}
    phases: dict[str, float] = {}
    fit = population.fit_clv(uow_factory=runtime.uow, calibration_end=NOW - dt.timedelta(days=60),
                             time_unit="days", now=NOW, config=config)
    population.refresh(uow_factory=runtime.uow, now=NOW, config=config, phases=phases)
    assert fit["customers"] > 200
    assert set(phases) == {"read", "models", "score", "compare", "write_scores", "write_segments_outbox", "reports",
                           "commit", "cohorts"}

    compared = per_customer(runtime)
    assert len(compared) == 300
    tiers, segments = set(), set()
    for f, stored, expected in compared:
        assert stored is not None, f.customer_id
        # scored_at is when the scores last changed: rows that did not change are not rewritten
        assert stored.scored_at in {NOW, NOW - dt.timedelta(days=30)}
        assert dataclasses.replace(stored, scored_at=NOW) == expected, f.customer_id
        tiers.add(stored.tier)
        segments.update(stored.segments)
    # the comparison covers every kind of outcome, not one easy case
    assert tiers >= {"most_valuable", "maintain", "below_zero"}
    assert {"rule-keen", "rule-risky"} <= segments and any(s.startswith("needs-") for s in segments)
    assert any(s.churn_drivers and s.churn_drivers[-1]["input"] == "lapse_trigger" for _, s, _ in compared)
    assert any(s.p_alive is None for _, s, _ in compared) and any(s.clv_12m for _, s, _ in compared)
    assert 200 < sum(s.scored_at == NOW for _, s, _ in compared) < 300  # the refit changed the buyers' scores

    # memberships follow the stored segments
    with runtime.uow() as uow:
        members = {(m.customer_id, m.segment_id) for m in uow.session.scalars(select(SegmentMemberRow))}
    assert members == {(s.customer_id, seg) for _, s, _ in compared for seg in s.segments}

    # the second run's events are the per-event path's events for the customers that changed materially
    events = [e for e in outbox(runtime) if e.id not in before]
    scored = {e.subject: e.payload() for e in events if e.type == CustomerScored.event_type}
    assert scored and all(e.source == "/scoring-service" for e in events)
    by_id = {f.customer_id: (f, s) for f, s, _ in compared}
    for customer_id, payload in scored.items():
        f, s = by_id[customer_id]
        assert payload == _scored_event(f, s)
    assert len(scored) < 300  # only material changes are announced

    # nothing changed: nothing written, nothing announced
    with runtime.uow() as uow:
        outbox_rows = uow.session.scalar(select(func.count()).select_from(messaging.outbox))
    again = population.refresh(uow_factory=runtime.uow, now=NOW, config=config)
    assert again["announced"] == 0
    with runtime.uow() as uow:
        assert uow.session.scalar(select(func.count()).select_from(messaging.outbox)) == outbox_rows
    assert [(s.scored_at, s.segments) for _, s, _ in per_customer(runtime)] == [
        (s.scored_at, s.segments) for _, s, _ in compared]


def test_drivers_text_is_what_the_json_column_stores() -> None:
    from scoring_service.domain.scoring import Churn
    from scoring_service.service_layer.rescored import drivers_texts
    from scoring_service.service_layer.scorer import ScoreArrays

    explained = Churn(risk=np.array([0.7, 0.5, np.nan]), alive=np.array([0.6, np.nan, np.nan]),
                      alive_adds=np.array([0.4, np.nan, np.nan]), lapse_adds=np.array([0.3, 0.5, np.nan]))
    arrays = ScoreArrays(r=np.zeros(3), f=np.zeros(3), m=np.zeros(3), rfm_segment=None, p_alive=np.zeros(3),
                         expected_purchases_90d=np.zeros(3), aov_cents=np.zeros(3), clv_cents=np.zeros(3), tier=None,
                         churn=explained, needs=None, needs_ids=[], rule_ids=[], rule_hits=np.zeros((3, 0)))
    assert drivers_texts(arrays) == [json.dumps(explained.drivers(i)) for i in range(3)]


def test_a_population_read_in_two_halves_is_the_read_in_one(runtime: ServiceRuntime[ScoringUnitOfWork],
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    customers, days = population_of(250)
    store(runtime, customers, days)
    population.refresh(uow_factory=runtime.uow, now=NOW, config=runtime.settings.scoring)  # type: ignore[attr-defined]
    copies: list[str] = []
    copy_out = bulk._copy_out
    monkeypatch.setattr(bulk, "_copy_out", lambda driver, sql, params: copies.append(sql) or copy_out(driver, sql, params))
    loads = []
    for at_least in (10**9, 100):  # one query, then (PostgreSQL) two halves on two connections
        monkeypatch.setattr(bulk, "PARALLEL_READ_AT_LEAST", at_least)
        with runtime.uow() as uow:
            loads.append(bulk.load(uow.session, categories=["books", 'say "hi"', "Küche & Bad"]))
    one, two = loads
    if runtime.engine.dialect.name == "postgresql":
        halves = sorted(copies[1:], key=lambda sql: sql.rsplit(" ", 2)[-2])  # the two threads finish in any order
        assert len(copies) == 3 and [h.rsplit(" ", 2)[-2] for h in halves] == ["<", ">="]
    order = [np.argsort(x["customer_id"].astype(str)) for x in (one, two)]
    assert len(one) == len(two) == 250 and set(one.columns) == set(two.columns)
    for name in one.columns:
        a, b = one[name][order[0]], two[name][order[1]]
        if a.dtype == object:
            assert a.tolist() == b.tolist(), name
        else:
            np.testing.assert_array_equal(a, b, err_msg=name)
