"""The schedule: a fresh service fed a few hundred customers' purchases through Kafka fits,
refreshes and re-scores on its own (no API call), as jobs created by system:schedule."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

from idic_devstack.waiting import eventually
from scoring_service.config import Settings
from scoring_service.main import create_app
from scoring_service.service_layer.schedule import Cadence, due

from .conftest import Bus
from .test_events import recorded

CUSTOMERS = 300


@pytest.fixture(params=["sqlite", "postgresql"])
def scheduled(request: pytest.FixtureRequest, kafka: Any, bus: Bus,
              tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    """Its own database and consumer group, workers on, a schedule checking every second. Not built
    on the shared ``settings``, so pytest runs it after both backends' shared-app tests: its 300
    customers on the shared broker would otherwise crowd the needs clustering of test_categories."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path_factory.mktemp('schedule')}/scoring.db"
    else:
        url = request.getfixturevalue("postgres").create_database(f"scoring_sch_{uuid.uuid4().hex[:8]}")
    own = Settings(database_url=url, kafka_bootstrap_servers=kafka.bootstrap_servers,
                   consumer_group=f"scoring-sch-{uuid.uuid4().hex[:8]}", relay_poll_interval_s=0.05,
                   consumer_max_attempts=2, log_json=False, log_level="WARNING", schedule_check_interval_s=1.0)
    with TestClient(create_app(own)) as client:
        yield client


def test_schedule_fits_and_refreshes_without_any_call(scheduled: TestClient, bus: Bus) -> None:
    run = uuid.uuid4().hex[:8]
    ids = [f"sched-{run}-{i:03d}" for i in range(CUSTOMERS)]
    for i, customer in enumerate(ids):  # 1 to 4 purchase days each: three in four are repeat buyers
        for k in range(i % 4 + 1):
            bus.publish(recorded(customer, days=k * 9 + i % 7, amount=f"{10 + i % 40}.00"))

    def settled() -> dict[str, Any] | None:
        response = scheduled.get(f"/v1/customers/{ids[-1]}/value")
        value = response.json() if response.status_code == 200 else None
        ok = value and value["clv"]["status"] == "scored" and value["rfm"]["status"] == "scored" and value["tier"]
        return value if ok and value["rfm"]["frequency"] == 4 else None

    value = eventually(settled, timeout=120, what="scheduled fit and refresh")
    assert value["rfm"]["r"] in range(1, 6) and value["rfm"]["f"] in range(1, 6) and value["rfm"]["m"] in range(1, 6)
    assert value["tier"] in {"most_valuable", "most_growable", "maintain", "below_zero"}
    assert 0 < value["clv"]["p_alive"] <= 1 and value["clv"]["clv_12m"] is not None
    # the fit's scores commit before its job row says succeeded (the job's status is its own transaction)
    fits = eventually(lambda: scheduled.get("/v1/jobs", params={"kind": "clv_fit", "status": "succeeded"}).json()[
        "jobs"], timeout=30, what="the scheduled fit marked succeeded")
    assert {j["created_by"] for j in fits} == {"system:schedule"}
    assert fits[0]["result"]["customers"] >= 30  # fitted once enough repeat buyers had arrived
    # every customer ends graded, not only the last one
    def tier(customer: str) -> str | None:  # 404 while its partition's events are still on their way
        response = scheduled.get(f"/v1/customers/{customer}/value")
        return response.json()["tier"] if response.status_code == 200 else None

    assert eventually(lambda: all(tier(c) for c in ids[::37]), timeout=60, what="tiers of everyone")


def test_what_is_due() -> None:
    import datetime as dt

    now = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    cadence = Cadence(refit_interval_s=86_400, refresh_interval_s=3_600, min_repeat_buyers=30, growth_share=0.2)
    assert due(cadence=cadence, now=now, purchasers=0, repeat_buyers=0, models={}) == []
    assert due(cadence=cadence, now=now, purchasers=10, repeat_buyers=5, models={}) == ["rfm_refresh"]
    assert due(cadence=cadence, now=now, purchasers=100, repeat_buyers=30, models={}) == ["clv_fit"]
    fresh = {"clv": {"customers": 100, "fitted_at": now}, "population": {"purchasers": 100, "fitted_at": now}}
    assert due(cadence=cadence, now=now, purchasers=110, repeat_buyers=40, models=fresh) == []
    assert due(cadence=cadence, now=now, purchasers=120, repeat_buyers=40, models=fresh) == ["clv_fit"]  # grew 20 %
    later = now + dt.timedelta(hours=2)
    assert due(cadence=cadence, now=later, purchasers=110, repeat_buyers=40, models=fresh) == ["rfm_refresh"]
    assert due(cadence=cadence, now=now + dt.timedelta(days=1), purchasers=100, repeat_buyers=40,
               models=fresh) == ["clv_fit"]
    off = Cadence(refit_interval_s=0, refresh_interval_s=0)
    assert due(cadence=off, now=later, purchasers=1000, repeat_buyers=500, models=fresh) == []
