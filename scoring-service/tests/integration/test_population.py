"""Population models through the API: the paper's CLV fit on CDNOW, refresh, tiers, segments, bad input.

Each test gets its own empty database and an app without workers (the fit must see only the
customers the test loads); event-driven segments and GDPR run on the shared app in test_segments.py."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import insert

from scoring_service.adapters.orm import FeatureRow, PurchaseDayRow
from scoring_service.config import Settings
from scoring_service.domain.features import CustomerFeatures, Interaction, apply_interaction
from scoring_service.main import create_app

from ..cdnow import PAPER_BGNBD, PAPER_GAMMA_GAMMA, purchase_days, sig3
from .test_api import assert_problem


@pytest.fixture(params=["sqlite", "postgresql"])
def fresh(request: pytest.FixtureRequest, tmp_path: Any, kafka: Any) -> Iterator[TestClient]:
    url = f"sqlite:///{tmp_path}/fresh.db" if request.param == "sqlite" else request.getfixturevalue("pg_url")
    settings = Settings(database_url=url, kafka_bootstrap_servers=kafka.bootstrap_servers, run_workers=False,
                        log_json=False, log_level="WARNING", refresh_interval_s=0)
    with TestClient(create_app(settings)) as client:
        client.app.state.runtime.start_jobs_worker()  # type: ignore[attr-defined]
        yield client


def run_job(client: TestClient, path: str, body: dict[str, Any] | None = None) -> dict[str, Any]:
    """POST a job-creating endpoint, wait for the job (Prefer: wait) and return it finished."""
    response = client.post(path, json=body, headers={"Prefer": "wait=60"})
    assert response.status_code == 200, response.text
    assert response.headers["preference-applied"] == "wait=60"
    return response.json()  # type: ignore[no-any-return]


def load_cdnow(client: TestClient, *, only: int | None = None) -> None:
    """The CDNOW purchases as scoring's features and purchase days (what the consumer would have
    built from the events), bulk-inserted."""
    now = dt.datetime.now(dt.UTC)
    features, days_rows = [], []
    for customer, days in list(purchase_days().items())[:only]:
        f = CustomerFeatures(customer_id=f"cdnow-{customer}")
        for day, amount in sorted(days.items()):
            at = dt.datetime(day.year, day.month, day.day, 12, tzinfo=dt.UTC)
            apply_interaction(f, Interaction(channel="web", type="purchase", occurred_at=at, amount=amount,
                                             currency="USD"), new_day=True)
            days_rows.append({"customer_id": f.customer_id, "day": day, "amount": amount})
        features.append({**vars(f), "monetary_other": {}, "updated_at": now})
    with client.app.state.runtime.uow() as uow:  # type: ignore[attr-defined]
        uow.session.execute(insert(FeatureRow), features)
        uow.session.execute(insert(PurchaseDayRow), days_rows)
        uow.commit()


def test_clv_fit_on_cdnow_reproduces_the_published_estimates(fresh: TestClient) -> None:
    assert_problem(fresh.get("/v1/models/clv"), 404)
    load_cdnow(fresh)
    job = run_job(fresh, "/v1/models/clv:fit", {"calibration_end": "1997-09-30T00:00:00Z", "time_unit": "weeks"})
    assert job["status"] == "succeeded" and job["kind"] == "clv_fit", job
    fit = job["result"]
    assert fit["customers"] == 2357
    assert {k: sig3(v) for k, v in fit["bgnbd"].items()} == {k: sig3(v) for k, v in PAPER_BGNBD.items()}
    assert {k: sig3(v) for k, v in fit["gamma_gamma"].items()} == {k: sig3(v) for k, v in PAPER_GAMMA_GAMMA.items()}
    assert fit["rescored"]["customers"] == 2357 and job["progress"] == {"done": 2357, "total": 2357}
    assert fresh.get("/v1/models/clv").json() == {**fit, "rescored": None}

    # every customer was re-scored with the new model
    value = fresh.get("/v1/customers/cdnow-0001/value").json()  # 3 purchase days, the last 1997-08-02
    assert 0 < value["clv"]["p_alive"] <= 1 and Decimal(value["clv"]["clv_12m"]) >= 0
    assert value["rfm"]["r"] in range(1, 6) and value["rfm"]["segment"] is not None
    assert value["tier"] in {"most_valuable", "most_growable", "maintain", "below_zero"}
    assert value["churn_risk"] == pytest.approx(1 - value["clv"]["p_alive"], abs=1e-4)
    assert value["churn_drivers"][0]["input"] == "p_alive"
    # CDNOW has no contact costs: actual value is the CLV, potential the CLV if they stay active
    clv = value["clv"]
    assert Decimal(value["worth"]["cost_to_serve"]) == 0
    assert Decimal(value["worth"]["net_value"]) == Decimal(clv["clv_12m"])
    assert float(value["worth"]["potential_value"]) == pytest.approx(float(clv["clv_12m"]) / clv["p_alive"], abs=0.01)


def test_refresh_scores_rfm_tiers_and_needs_segments(fresh: TestClient) -> None:
    load_cdnow(fresh)
    body = run_job(fresh, "/v1/models/rfm:refresh")["result"]
    assert body["customers"] == 2357 and len(body["rfm"]["recency_edges"]) == 4
    assert body["needs"]["k"] >= 2
    values = [fresh.get(f"/v1/customers/cdnow-{i:04d}/value").json() for i in range(1, 200)]
    assert {v["tier"] for v in values} >= {"most_valuable", "maintain"}  # before a CLV fit, tiers rank spend so far
    # the worth shown is what the tier was cut on: the cut-off of the run separates the tiers exactly
    cutoff = body["tiers"]["valuable_cutoff"]
    for v in values:
        net = float(v["worth"]["net_value"])
        if abs(net - cutoff) > 0.01:  # shown in cents: one within a cent of the cut-off may round across it
            assert (v["tier"] == "most_valuable") == (net > cutoff and net > 0), v
        assert Decimal(v["worth"]["potential_value"]) >= Decimal(v["worth"]["net_value"])
    segments = fresh.get("/v1/segments").json()["segments"]
    assert sum(s["size"] for s in segments if s["kind"] == "needs") == 2357
    again = run_job(fresh, "/v1/models/rfm:refresh")["result"]
    assert sorted(again["needs"]["ids"]) == sorted(body["needs"]["ids"])  # stable names across refreshes
    assert again["announced"] == 0  # nothing changed: nothing announced

    needs_id = segments[0]["id"]
    page1 = fresh.get(f"/v1/segments/{needs_id}/customers", params={"limit": 2}).json()
    page2 = fresh.get(f"/v1/segments/{needs_id}/customers", params={"limit": 2, "after": page1["next_after"]}).json()
    ids = [c["customer_id"] for c in page1["customers"] + page2["customers"]]
    assert len(ids) == 4 and ids == sorted(ids) and len(set(ids)) == 4


@pytest.mark.parametrize("body, field", [
    ({"calibration_end": "1997-09-30T00:00:00Z", "time_unit": "months"}, "body.time_unit"),
    ({"time_unit": "weeks"}, "body.calibration_end"),
    ({"calibration_end": "1997-09-30T00:00:00", "time_unit": "weeks"}, "body.calibration_end"),  # no offset
    ({"calibration_end": "yesterday"}, "body.calibration_end"),
    ({"calibration_end": "1997-09-30T00:00:00Z", "extra": 1}, "body.extra"),
])
def test_fit_refuses_bad_input(fresh: TestClient, body: dict[str, Any], field: str) -> None:
    problem = assert_problem(fresh.post("/v1/models/clv:fit", json=body), 422)
    assert field in [e["field"] for e in problem["errors"]]


def test_fit_with_no_data_fails_as_a_422_problem(fresh: TestClient) -> None:
    job = run_job(fresh, "/v1/models/clv:fit", {"calibration_end": "2024-01-01T00:00:00Z"})
    assert job["status"] == "failed" and job["result"] is None
    assert job["error"]["status"] == 422 and "repeat" in job["error"]["detail"]
    load_cdnow(fresh, only=20)  # data exists, but none before the calibration end
    job = run_job(fresh, "/v1/models/clv:fit", {"calibration_end": "1996-01-01T00:00:00Z"})
    assert job["error"]["errors"][0]["field"] == "body.calibration_end"
    assert_problem(fresh.get("/v1/models/clv"), 404)  # nothing stored by a failed fit


def test_segment_endpoints_refuse_bad_input(fresh: TestClient) -> None:
    assert_problem(fresh.get("/v1/segments/nope/customers"), 404)
    assert_problem(fresh.get("/v1/segments/Bad%20Id/customers"), 422)
    assert_problem(fresh.get("/v1/segments/x/customers", params={"limit": 0}), 422)
    assert_problem(fresh.get("/v1/segments/x/customers", params={"limit": 1001}), 422)
    good = {"id": "big", "name": "Big", "conditions": [{"field": "monetary", "op": "gte", "value": 100}]}
    for bad, field in [({**good, "id": "Has Space"}, "body.id"), ({**good, "conditions": []}, "body.conditions"),
                       ({**good, "conditions": [{"field": "tier", "op": "gt", "value": "x"}]}, "body.conditions.0"),
                       ({**good, "conditions": [{"field": "nope", "op": "eq", "value": 1}]}, "body.conditions.0"),
                       ({**good, "conditions": [{"field": "tier", "op": "like", "value": "x"}]},
                        "body.conditions.0.op")]:
        problem = assert_problem(fresh.post("/v1/segments", json=bad), 422)
        assert problem["errors"][0]["field"] == field, problem
    assert fresh.post("/v1/segments", json=good).status_code == 201
    assert_problem(fresh.post("/v1/segments", json=good), 409)
