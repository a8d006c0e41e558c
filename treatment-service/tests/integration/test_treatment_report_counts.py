"""The treatments report's counts (appended by every decision, outcome and erasure, folded into day rows
by the sweep) always equal what counting the decisions themselves gives: after a random history of
decisions, acceptances, conversions, declines, expiries and erasures, with folds at random points
and the real sweep folding beside them, on SQLite and PostgreSQL; two folds racing add each change
once; migration 0007 fills the day rows from the decisions already stored."""

from __future__ import annotations

import datetime as dt
import random
import threading
import uuid
from collections import defaultdict
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from fastapi.testclient import TestClient
from sqlalchemy import func, insert, select
from treatment_factories import answer, record

from idic import alembic_config, make_engine
from idic.reports import period_start
from idic_devstack.waiting import eventually
from treatment_service.adapters.orm import ReportChangeRow, Treatment
from treatment_service.config import Settings
from treatment_service.main import ALEMBIC_INI, build_runtime
from treatment_service.service_layer.reports import fold_report_changes, treatments_report

UTC = dt.UTC
START = dt.datetime(2024, 1, 1, tzinfo=UTC)


def counted(rows: Any, *, period: Any, channel: str | None = None) -> dict[tuple[str, dt.datetime], dict[str, Any]]:
    """The report's figures counted from the decisions themselves (what the report used to do on request)."""
    out: dict[tuple[str, str], dict[str, Any]] = defaultdict(lambda: {
        "presented": 0, "accepted": 0, "declined": 0, "ignored": 0, "converted": 0, "revenue": defaultdict(Decimal),
        "control_presented": 0, "control_converted": 0})
    for r in rows:
        if channel is not None and r.channel != channel:
            continue
        g = out[(r.rule_id, period_start(r.decided_at, period))]
        if r.control:
            g["control_presented"] += 1
            g["control_converted"] += r.outcome == "converted"
            continue
        g["presented"] += 1
        g["accepted"] += r.outcome == "accepted" or r.accepted_at is not None
        if r.outcome in ("declined", "ignored", "converted"):
            g[r.outcome] += 1
        if r.outcome == "converted" and r.amount is not None:
            g["revenue"][r.currency or "XXX"] += r.amount
    return {k: {**v, "revenue": {c: f"{a:.2f}" for c, a in sorted(v["revenue"].items())}} for k, v in out.items()}


def reported(report: dict[str, Any], rules: set[str]) -> dict[tuple[str, dt.datetime], dict[str, Any]]:
    keep = ("presented", "accepted", "declined", "ignored", "converted", "revenue", "control_presented",
            "control_converted")
    return {(r["rule_id"], r["period_start"]): {k: r[k] for k in keep} for r in report["rules"] if r["rule_id"] in rules}


def random_history(uow_factory: Any, rng: random.Random, rules: list[str], *, decisions: int) -> list[str]:
    """Decisions over two months of several rules and channels, answered at random; folds in between.
    Answers the customers decided for."""
    customers = [f"rc-{uuid.uuid4().hex[:8]}" for _ in range(decisions // 3)]
    made = []
    for n in range(decisions):
        with uow_factory() as uow:
            t = record(rng.choice(rules), n, START + dt.timedelta(hours=rng.randrange(24 * 60)),
                       control=rng.random() < 0.2, channel=rng.choice(["email", "sms", None]),
                       customer_id=rng.choice(customers))
            uow.treatments.add(t)
            made.append(t)
            uow.commit()
        if rng.random() < 0.05:
            with uow_factory() as uow:
                uow.reports.fold(limit=rng.randrange(1, 20))
                uow.commit()
    for t in made:
        with uow_factory() as uow:
            roll = rng.random()
            amount = rng.choice(["12.34", "0.10", "99999999999999999999.99", None])
            if roll < 0.2:
                answer(uow, t, "converted", amount=amount, accepted=rng.random() < 0.5)
            elif roll < 0.4:
                answer(uow, t, rng.choice(["declined", "ignored"]), amount=None, accepted=False)
            elif roll < 0.55:
                answer(uow, t, None, amount=None, accepted=True)
            uow.commit()
    with uow_factory() as uow:
        uow.treatments.delete_for(rng.sample(customers, len(customers) // 5))  # erased people leave the report
        uow.commit()
    return customers


def test_the_counts_equal_counting_the_decisions_after_a_random_history(client: TestClient) -> None:
    runtime = client.app.state.runtime  # type: ignore[attr-defined]
    rng = random.Random(17)
    rules = [f"cnt-{uuid.uuid4().hex[:6]}-{i}" for i in range(3)]
    random_history(runtime.uow, rng, rules, decisions=240)
    with runtime.uow() as uow:
        rows = uow.session.execute(select(Treatment).where(Treatment.rule_id.in_(rules))).scalars().all()
        uow.session.expunge_all()
    window = {"since": START, "until": START + dt.timedelta(days=70)}
    for period, channel in (("month", None), ("week", None), ("day", "sms")):
        want = counted(rows, period=period, channel=channel)
        got = reported(treatments_report(uow_factory=runtime.uow, period=period, channel=channel, **window), set(rules))
        assert got == want and len(want) >= 3, (period, channel)
    fold_report_changes(uow_factory=runtime.uow)

    def unfolded() -> int:
        with runtime.uow() as uow:
            return int(uow.session.scalar(select(func.count()).select_from(ReportChangeRow)
                                          .where(ReportChangeRow.rule_id.in_(rules))) or 0)

    # this history's changes are all folded: by this fold, or by the app's own sweep folding beside it (the
    # rows it holds are skipped here and gone when it commits); the app's other decisions are not looked at
    eventually(lambda: unfolded() == 0, timeout=30, what="every change of this history folded")
    assert reported(treatments_report(uow_factory=runtime.uow, period="month", channel=None, **window),
                    set(rules)) == counted(rows, period="month")


def test_two_folds_racing_add_each_change_once(pg_url: str) -> None:
    runtime = build_runtime(Settings(database_url=pg_url, run_workers=False, log_json=False))
    runtime.migrate()
    rules = ["race-a", "race-b"]
    random_history(runtime.uow, random.Random(5), rules, decisions=400)
    before = treatments_report(uow_factory=runtime.uow, since=None, until=None, period="month", channel=None)
    barrier = threading.Barrier(2)

    def fold() -> None:
        barrier.wait()
        fold_report_changes(uow_factory=runtime.uow, batch=37)

    threads = [threading.Thread(target=fold) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    after = treatments_report(uow_factory=runtime.uow, since=None, until=None, period="month", channel=None)
    assert after["rules"] == before["rules"] and len(before["rules"]) >= 2
    with runtime.uow() as uow:
        assert uow.session.scalar(select(func.count()).select_from(ReportChangeRow)) == 0
    runtime.engine.dispose()


@pytest.mark.parametrize("backend", ["sqlite", "postgres"])
def test_0007_fills_the_day_rows_from_the_decisions_stored(backend: str, request: pytest.FixtureRequest,
                                                           tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path}/t.db" if backend == "sqlite" else str(request.getfixturevalue("pg_url"))
    config = alembic_config(alembic_ini=ALEMBIC_INI, database_url=url)
    command.upgrade(config, "0006_outcome_by")
    engine = make_engine(url)
    rng = random.Random(3)
    stored = []
    for n in range(120):
        outcome = rng.choice([None, "accepted", "declined", "ignored", "converted"])
        decided = START + dt.timedelta(hours=rng.randrange(24 * 90))
        stored.append({"id": str(uuid.uuid4()), "customer_id": f"m{n}", "rule_id": rng.choice(["m-a", "m-b"]),
                       "rule_version": 1, "occurrence": "live", "action_id": "act", "kind": "offer",
                       "channel": rng.choice(["email", None]), "score": 0.5, "reasons": [], "decided_at": decided,
                       "outcome": outcome, "control": rng.random() < 0.3,
                       "accepted_at": decided if outcome == "accepted" or rng.random() < 0.2 else None,
                       "amount": Decimal("10.05") if outcome == "converted" else None,
                       "currency": rng.choice(["EUR", None]) if outcome == "converted" else None})
    with engine.begin() as conn:
        conn.execute(insert(Treatment.__table__).values([{k: v for k, v in s.items()} for s in stored]))
    command.upgrade(config, "head")
    runtime = build_runtime(Settings(database_url=url, run_workers=False, log_json=False))
    with runtime.uow() as uow:
        rows = uow.session.execute(select(Treatment)).scalars().all()
        uow.session.expunge_all()
    got = reported(treatments_report(uow_factory=runtime.uow, since=None, until=None, period="month", channel=None),
                   {"m-a", "m-b"})
    assert got == counted(rows, period="month") and sum(g["presented"] + g["control_presented"]
                                                        for g in got.values()) == 120
    command.downgrade(config, "0006_outcome_by")
    runtime.engine.dispose()
    engine.dispose()
