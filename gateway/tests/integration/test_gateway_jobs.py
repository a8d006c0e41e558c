"""Jobs through the gateway: 202 + Location, Prefer: wait answered by polling the job (never one
long upstream call), reads routed by the job id's service, lists across services, refusals kept."""

from __future__ import annotations

import json

import httpx
import pytest
from fastapi.testclient import TestClient
from gateway_fakes import ADMIN, READ, Upstreams, problem

from gateway.service_layer.jobs import KIND_SERVICES, preferred_wait, service_of_job
from idic.public.jobs import JOB_KINDS

JOB_ID = "scoring_" + "a" * 32
FIT = {"calibration_end": "2024-01-01T00:00:00Z", "time_unit": "weeks"}
# (public path, body, owning service, upstream path, kind)
STARTERS = [
    ("/v1/models/clv:fit", FIT, "scoring", "/v1/models/clv:fit", "clv_fit"),
    ("/v1/models/rfm:refresh", None, "scoring", "/v1/models/rfm:refresh", "rfm_refresh"),
    ("/v1/models/matching:train", {"max_customers": 1000, "seed": 7}, "identity", "/v1/models/matching:train",
     "matching_train"),
    ("/v1/triggers:scan", None, "interaction", "/v1/triggers:scan", "triggers_scan"),
    ("/v1/customers:dedupe", None, "identity", "/v1/customers:dedupe", "customers_dedupe"),
    ("/v1/customers:dedupe", {}, "identity", "/v1/customers:dedupe", "customers_dedupe"),
]


# each kind's result as its service writes it (idic.public.jobs)
RESULTS: dict[str, dict[str, object]] = {
    "clv_fit": {"bgnbd": {"r": 0.24, "alpha": 4.41, "a": 0.79, "b": 2.43}, "gamma_gamma": {"p": 6.25, "q": 3.74,
                "v": 15.44}, "customers": 10, "fitted_at": "2026-12-01T10:00:05Z",
                "calibration_end": "2026-12-01T00:00:00Z", "time_unit": "weeks", "fit_seconds": 1.5},
    "rfm_refresh": {"customers": 10, "purchasers": 8, "refreshed_at": "2026-12-01T10:00:05Z", "needs": None,
                    "rfm": {"recency_edges": [3, 9], "frequency_edges": [1, 2], "monetary_edges": [20.5, 40]},
                    "tiers": {"valuable_cutoff": 100, "growable_cutoff": None}, "announced": 8, "seconds": 0.4},
    "matching_train": {"model_id": 2, "m": {"email": [0.05, 0.95]}, "u": {"email": [0.999, 0.001]},
                       "prior": 0.05, "trained_at": "2026-12-01T10:00:05Z", "stats": {"profiles": 10}},
    "customers_dedupe": {"customers_scanned": 10, "merged": 2, "reviews": 1},
    "triggers_scan": {"fired": {"lapse": 2, "birthday": 0}, "scanned_at": "2026-12-01T10:00:05Z"},
}


def job(status: str, *, job_id: str = JOB_ID, kind: str = "clv_fit", done: int = 0) -> dict[str, object]:
    finished = status in ("succeeded", "failed")
    return {"job_id": job_id, "kind": kind, "status": status, "progress": {"done": done, "total": 10},
            "created_at": "2026-12-01T10:00:00+00:00", "started_at": None if status == "queued" else
            "2026-12-01T10:00:01+00:00", "finished_at": "2026-12-01T10:00:05+00:00" if finished else None,
            "result": RESULTS[kind] if status == "succeeded" else None, "error": None}


@pytest.mark.parametrize(("path", "body", "service", "upstream", "kind"), STARTERS, ids=[s[0] for s in STARTERS])
def test_a_long_operation_answers_202_with_where_to_watch_it(gateway: TestClient, upstreams: Upstreams, path: str,
                                                             body: object, service: str, upstream: str,
                                                             kind: str) -> None:
    job_id = f"{service}_{'b' * 32}"
    upstreams.on(service, "POST", upstream, httpx.Response(202, json=job("queued", job_id=job_id, kind=kind)))
    response = gateway.post(path, json=body, headers=ADMIN)
    assert response.status_code == 202, response.text
    assert response.headers["location"] == f"/v1/jobs/{job_id}"
    assert response.json()["status"] == "queued" and response.json()["kind"] == kind
    [call] = upstreams.calls[service]
    assert "prefer" not in call.headers  # the gateway waits itself, the service answers at once
    if body is not None:
        assert json.loads(call.content) == body


def test_prefer_wait_polls_the_job_and_answers_200_when_it_ends_in_time(gateway: TestClient,
                                                                        upstreams: Upstreams) -> None:
    upstreams.on("scoring", "POST", "/v1/models/clv:fit", httpx.Response(202, json=job("queued")))
    states = iter([job("running", done=4), job("running", done=8), job("succeeded", done=10)])
    upstreams.on("scoring", "GET", f"/v1/jobs/{JOB_ID}", lambda _r: httpx.Response(200, json=next(states)))
    response = gateway.post("/v1/models/clv:fit", json=FIT, headers={**ADMIN, "Prefer": "respond-async, wait=20"})
    assert response.status_code == 200, response.text
    assert response.json()["status"] == "succeeded" and response.json()["result"]["customers"] == 10
    assert response.json()["result"]["bgnbd"] == RESULTS["clv_fit"]["bgnbd"]
    assert response.headers["preference-applied"] == "wait=20"
    assert upstreams.paths("scoring").count(f"GET /v1/jobs/{JOB_ID}") == 3


def test_prefer_wait_that_runs_out_answers_202_with_the_last_state(gateway: TestClient, upstreams: Upstreams) -> None:
    upstreams.on("scoring", "POST", "/v1/models/clv:fit", httpx.Response(202, json=job("queued")))
    upstreams.on("scoring", "GET", f"/v1/jobs/{JOB_ID}", httpx.Response(200, json=job("running", done=3)))
    response = gateway.post("/v1/models/clv:fit", json=FIT, headers={**ADMIN, "Prefer": "wait=1"})
    assert response.status_code == 202
    assert response.json()["status"] == "running" and response.json()["progress"] == {"done": 3, "total": 10}


def test_a_second_job_of_a_kind_gets_the_services_409_naming_the_running_one(gateway: TestClient,
                                                                            upstreams: Upstreams) -> None:
    refusal = {**json.loads(problem(409, "a clv_fit job is already running").content), "job_id": JOB_ID}
    upstreams.on("scoring", "POST", "/v1/models/clv:fit", httpx.Response(409, json=refusal))
    response = gateway.post("/v1/models/clv:fit", json=FIT, headers=ADMIN)
    assert response.status_code == 409
    assert response.headers["content-type"] == "application/problem+json"
    assert "already running" in response.json()["detail"]


def test_a_job_is_read_from_the_service_its_id_names(gateway: TestClient, upstreams: Upstreams) -> None:
    upstreams.on("scoring", "GET", f"/v1/jobs/{JOB_ID}", httpx.Response(200, json=job("running", done=5)))
    response = gateway.get(f"/v1/jobs/{JOB_ID}", headers=READ)
    assert response.status_code == 200 and response.json()["progress"]["done"] == 5


@pytest.mark.parametrize("job_id", ["billing_" + "a" * 32, "nounderscore", "scoring_", "SCORING_x"])
def test_a_job_id_no_service_owns_is_404_without_asking_anyone(gateway: TestClient, upstreams: Upstreams,
                                                               job_id: str) -> None:
    response = gateway.get(f"/v1/jobs/{job_id}", headers=READ)
    assert response.status_code in (404, 422)
    assert response.headers["content-type"] == "application/problem+json"
    assert all(calls == [] for calls in upstreams.calls.values())


def test_an_unknown_job_of_a_known_service_is_its_404(gateway: TestClient, upstreams: Upstreams) -> None:
    upstreams.on("scoring", "GET", f"/v1/jobs/{JOB_ID}", problem(404, "unknown job"))
    response = gateway.get(f"/v1/jobs/{JOB_ID}", headers=READ)
    assert response.status_code == 404 and response.headers["content-type"] == "application/problem+json"


def test_jobs_are_listed_across_services_newest_first_or_by_kind_from_its_owner(gateway: TestClient,
                                                                               upstreams: Upstreams) -> None:
    older = {**job("succeeded", job_id="identity_" + "c" * 32, kind="matching_train"),
             "created_at": "2026-11-30T10:00:00+00:00"}
    upstreams.on("scoring", "GET", "/v1/jobs", httpx.Response(200, json={"jobs": [job("running")]}))
    upstreams.on("identity", "GET", "/v1/jobs", httpx.Response(200, json={"jobs": [older]}))
    upstreams.on("interaction", "GET", "/v1/jobs", httpx.Response(200, json={"jobs": []}))
    every = gateway.get("/v1/jobs", headers=READ)
    assert every.status_code == 200 and [j["job_id"] for j in every.json()["jobs"]] == [JOB_ID, older["job_id"]]
    upstreams.calls["identity"].clear()
    by_kind = gateway.get("/v1/jobs?kind=clv_fit&status=running", headers=READ)
    assert by_kind.status_code == 200 and upstreams.calls["identity"] == []
    assert dict(upstreams.calls["scoring"][-1].url.params) == {"kind": "clv_fit", "status": "running", "limit": "50"}
    bad = gateway.get("/v1/jobs?kind=teleport", headers=READ)
    assert bad.status_code == 422 and bad.headers["content-type"] == "application/problem+json"


def test_every_kind_of_the_contract_is_listed_from_the_service_that_runs_it(gateway: TestClient,
                                                                           upstreams: Upstreams) -> None:
    assert set(KIND_SERVICES) == set(JOB_KINDS)
    dedupes = [job("succeeded", job_id="identity_" + "d" * 32, kind="customers_dedupe")]
    upstreams.on("identity", "GET", "/v1/jobs", httpx.Response(200, json={"jobs": dedupes}))
    listed = gateway.get("/v1/jobs?kind=customers_dedupe", headers=READ)
    assert listed.status_code == 200, listed.text
    assert listed.json()["jobs"][0]["result"] == {"customers_scanned": 10, "merged": 2, "reviews": 1}
    assert dict(upstreams.calls["identity"][-1].url.params)["kind"] == "customers_dedupe"
    assert upstreams.calls["scoring"] == [] and upstreams.calls["interaction"] == []
    # the name API.md never used is refused, not answered with an empty list
    assert gateway.get("/v1/jobs?kind=dedupe", headers=READ).status_code == 422


def test_a_result_stored_by_an_earlier_version_is_left_out_and_a_job_outside_the_contract_is_502(
        gateway: TestClient, upstreams: Upstreams) -> None:
    older = {**job("succeeded"), "result": {"customers": 10}}  # a fit result without its parameters
    upstreams.on("scoring", "POST", "/v1/models/clv:fit", httpx.Response(202, json=job("queued")))
    upstreams.on("scoring", "GET", f"/v1/jobs/{JOB_ID}", httpx.Response(200, json=older))
    waited = gateway.post("/v1/models/clv:fit", json=FIT, headers={**ADMIN, "Prefer": "wait=5"})
    assert waited.status_code == 200 and waited.json()["status"] == "succeeded" and waited.json()["result"] is None
    unknown = {**job("running", job_id="interaction_" + "e" * 32), "kind": "teleport"}
    upstreams.on("interaction", "GET", "/v1/jobs", httpx.Response(200, json={"jobs": [unknown]}))
    upstreams.on("scoring", "GET", "/v1/jobs", httpx.Response(200, json={"jobs": []}))
    upstreams.on("identity", "GET", "/v1/jobs", httpx.Response(200, json={"jobs": []}))
    broken = gateway.get("/v1/jobs", headers=READ)
    assert broken.status_code == 502 and broken.headers["content-type"] == "application/problem+json"
    assert "interaction" in broken.json()["detail"]


def test_prefer_wait_is_read_as_rfc_7240_and_capped() -> None:
    assert preferred_wait(None, cap_s=60) is None
    assert preferred_wait("respond-async", cap_s=60) is None
    assert preferred_wait("wait=5", cap_s=60) == 5
    assert preferred_wait("respond-async, wait=120", cap_s=60) == 60
    assert preferred_wait("wait=abc", cap_s=60) is None
    assert service_of_job("interaction_" + "f" * 32) == "interaction" and service_of_job("x_1") is None
