"""CLV fit and RFM refresh as jobs through HTTP: 202 + Location, progress, the fit as result,
Prefer: wait, 409 while one is active, /value statuses before any model, bad input."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

from idic_devstack.waiting import eventually
from scoring_service.config import Settings
from scoring_service.main import create_app

from ..cdnow import PAPER_BGNBD, sig3
from .test_api import assert_problem
from .test_population import load_cdnow

FIT = {"calibration_end": "1997-09-30T00:00:00Z", "time_unit": "weeks"}


def app(request: pytest.FixtureRequest, tmp_path: Any, kafka: Any, *, worker: bool) -> Iterator[TestClient]:
    url = f"sqlite:///{tmp_path}/jobs.db" if request.param == "sqlite" else request.getfixturevalue("pg_url")
    settings = Settings(database_url=url, kafka_bootstrap_servers=kafka.bootstrap_servers, run_workers=False,
                        log_json=False, log_level="WARNING", schedule_check_interval_s=0)
    with TestClient(create_app(settings)) as client:
        if worker:
            client.app.state.runtime.start_jobs_worker()  # type: ignore[attr-defined]
        yield client


@pytest.fixture(params=["sqlite", "postgresql"])
def working(request: pytest.FixtureRequest, tmp_path: Any, kafka: Any) -> Iterator[TestClient]:
    """An app on an empty database whose jobs worker runs (no consumer, no schedule)."""
    yield from app(request, tmp_path, kafka, worker=True)


@pytest.fixture(params=["sqlite", "postgresql"])
def idle(request: pytest.FixtureRequest, tmp_path: Any, kafka: Any) -> Iterator[TestClient]:
    """The same without a jobs worker: submitted jobs stay queued."""
    yield from app(request, tmp_path, kafka, worker=False)


def test_clv_fit_job_reports_progress_and_the_fit(working: TestClient) -> None:
    load_cdnow(working)
    accepted = working.post("/v1/models/clv:fit", json=FIT)
    assert accepted.status_code == 202, accepted.text
    job = accepted.json()
    assert job["kind"] == "clv_fit" and job["status"] == "queued" and job["job_id"].startswith("scoring_")
    assert accepted.headers["location"] == f"/v1/jobs/{job['job_id']}"
    seen = []

    def finished() -> dict[str, Any] | None:
        polled = working.get(accepted.headers["location"]).json()
        seen.append((polled["status"], polled["progress"]["done"], polled["progress"]["total"]))
        return polled if polled["status"] in ("succeeded", "failed") else None

    job = eventually(finished, timeout=60, interval=0.02, what="the clv_fit job finished")
    assert job["status"] == "succeeded", job
    assert job["progress"] == {"done": 2357, "total": 2357} and job["error"] is None
    assert job["started_at"] and job["finished_at"] >= job["started_at"] >= job["created_at"]
    done = [d for _, d, _ in seen]
    assert done == sorted(done), seen  # progress never goes back
    fit = job["result"]
    assert set(fit) >= {"bgnbd", "gamma_gamma", "customers", "fitted_at"} and fit["customers"] == 2357
    assert {k: sig3(v) for k, v in fit["bgnbd"].items()} == {k: sig3(v) for k, v in PAPER_BGNBD.items()}
    assert working.get("/v1/models/clv").json()["bgnbd"] == fit["bgnbd"]
    listed = working.get("/v1/jobs", params={"kind": "clv_fit"}).json()["jobs"]
    assert [j["job_id"] for j in listed] == [job["job_id"]] and listed[0]["created_by"] == "api"
    value = working.get("/v1/customers/cdnow-0001/value").json()
    assert value["clv"]["status"] == "scored" and value["rfm"]["status"] == "scored"
    assert value["tier_status"] == "scored" and value["churn_risk_status"] == "scored"


def test_prefer_wait_answers_200_with_the_finished_refresh(working: TestClient) -> None:
    load_cdnow(working, only=300)
    waited = working.post("/v1/models/rfm:refresh", headers={"Prefer": "wait=30"})
    assert waited.status_code == 200, waited.text
    assert waited.headers["preference-applied"] == "wait=30" and waited.headers["location"].startswith("/v1/jobs/")
    body = waited.json()
    assert body["status"] == "succeeded" and body["result"]["customers"] == 300
    assert body["progress"] == {"done": 300, "total": 300}
    malformed = working.post("/v1/models/rfm:refresh", headers={"Prefer": "wait=soon"})
    assert malformed.status_code == 202 and "preference-applied" not in malformed.headers


def test_second_fit_while_one_is_queued_is_409_naming_it(idle: TestClient) -> None:
    first = idle.post("/v1/models/clv:fit", json=FIT)
    assert first.status_code == 202
    conflict = assert_problem(idle.post("/v1/models/clv:fit", json=FIT), 409)
    assert conflict["job_id"] == first.json()["job_id"]
    assert idle.post("/v1/models/rfm:refresh").status_code == 202  # another kind is independent
    queued = idle.get("/v1/jobs", params={"kind": "clv_fit", "status": "queued"}).json()["jobs"]
    assert [j["job_id"] for j in queued] == [first.json()["job_id"]]
    slow = idle.post("/v1/models/rfm:refresh", headers={"Prefer": "wait=1"})  # nobody runs it: 409 stays
    assert slow.status_code == 409


def test_value_says_why_it_is_empty_before_any_model(idle: TestClient) -> None:
    load_cdnow(idle)  # no fit, no refresh yet
    repeat = idle.get("/v1/customers/cdnow-0001/value").json()  # 3 purchase days
    assert repeat["clv"] == {"status": "not_fitted", "p_alive": None, "expected_purchases_90d": None,
                             "expected_avg_order_value": None, "clv_12m": None}
    assert repeat["rfm"]["status"] == "pending_refresh" and repeat["rfm"]["r"] is None
    assert repeat["tier"] is None and repeat["tier_status"] == "pending_refresh"
    assert repeat["churn_risk"] is None and repeat["churn_risk_status"] == "not_fitted"
    once = idle.get("/v1/customers/cdnow-0003/value").json()  # a single purchase day
    assert once["clv"]["status"] == "insufficient_history"


def test_too_few_repeat_buyers_is_insufficient_history(idle: TestClient) -> None:
    load_cdnow(idle, only=20)
    assert idle.get("/v1/customers/cdnow-0001/value").json()["clv"]["status"] == "insufficient_history"


def test_jobs_refuse_bad_input(idle: TestClient) -> None:
    assert_problem(idle.get("/v1/jobs/scoring_0123456789abcdef0123456789abcdef"), 404)
    assert_problem(idle.get("/v1/jobs/bad%20id"), 422)
    assert_problem(idle.get("/v1/jobs", params={"status": "done"}), 422)
    assert_problem(idle.get("/v1/jobs", params={"limit": 0}), 422)
    problem = assert_problem(idle.post("/v1/models/clv:fit", json={**FIT, "time_unit": "months"}), 422)
    assert problem["errors"][0]["field"] == "body.time_unit"
    assert idle.get("/v1/jobs").json() == {"jobs": []}  # nothing was queued by a refused request
