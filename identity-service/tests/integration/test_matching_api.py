"""Probabilistic matching, the review queue, model training and batch-vs-single equivalence."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from identity_service.config import Settings
from identity_service.main import create_app
from idic_devstack.synthetic import generate
from idic_devstack.waiting import eventually

from .helpers import email, events_for, of_type
from .test_merges_api import identify


def surname() -> str:
    return "Q" + uuid.uuid4().hex[:7]  # a surname nobody else in the shared database has


def test_similar_attributes_match_without_identifiers_in_common(client: TestClient) -> None:
    last = surname()
    first = identify(client, ("email", email()), first_name="Robert", last_name=last, date_of_birth="1980-04-05",
                     postcode="LS1 4AP", street_number="12", address_line1="High Street")
    second = identify(client, ("email", email()), first_name="Bob", last_name=last, date_of_birth="1980-05-04",
                      postcode="LS1 4AP")
    assert second["customer_id"] == first["customer_id"] and second["created"] is False
    assert second["matched_by"] == "probabilistic" and 0.95 <= second["confidence"] <= 1
    assert len(client.get(f"/v1/customers/{first['customer_id']}").json()["identifiers"]) == 2
    stranger = identify(client, ("email", email()), first_name="Zed", last_name=surname(), date_of_birth="1999-01-01")
    assert stranger["created"] is True and stranger["confidence"] == 1.0



def test_explain_shows_the_candidate_and_the_weight_of_each_comparison(client: TestClient) -> None:
    import math

    last = surname()
    first = identify(client, ("email", email()), first_name="Robert", last_name=last, date_of_birth="1980-04-05",
                     postcode="LS1 4AP")
    record = {"identifiers": [{"type": "email", "value": email()}],
              "attributes": {"first_name": "Bob", "last_name": last, "date_of_birth": "19800405"}}
    plain = client.post("/v1/customers/identify", json=record).json()
    assert "explanation" not in plain  # only when asked
    again = {**record, "identifiers": [{"type": "email", "value": email()}]}
    answer = client.post("/v1/customers/identify", params={"explain": "true"}, json=again)
    assert answer.status_code == 200, answer.text
    result = answer.json()
    assert result["matched_by"] == "probabilistic" and result["customer_id"] == first["customer_id"]
    explanation = result["explanation"]
    assert explanation["candidate_id"] == first["customer_id"]
    by_attribute = {c["attribute"]: c for c in explanation["comparisons"]}
    # the nickname is the same first name, the surname and the date (given YYYYMMDD) exact; no city on the record
    assert by_attribute["first_name"]["level"] == 0 and by_attribute["first_name"]["weight"] > 0
    assert by_attribute["last_name"]["level"] == 0 and by_attribute["date_of_birth"]["level"] == 0
    assert by_attribute["city"] == {"attribute": "city", "level": None, "weight": 0.0}
    # the waterfall adds up: prior + weights is the match weight whose logistic is the probability
    weight = explanation["prior_weight"] + sum(c["weight"] for c in explanation["comparisons"])
    assert math.isclose(1 / (1 + 2 ** -weight), explanation["probability"], abs_tol=1e-3)
    assert math.isclose(explanation["probability"], result["confidence"], abs_tol=1e-6)
    # a stranger compared with nobody: nothing to explain; bad input still refused with the field named
    stranger = client.post("/v1/customers/identify", params={"explain": "true"}, json={
        "identifiers": [{"type": "email", "value": email()}]}).json()
    assert stranger["matched_by"] == "new" and stranger["explanation"] is None
    bad = client.post("/v1/customers/identify", params={"explain": "maybe"}, json=record)
    assert bad.status_code == 422 and bad.json()["errors"][0]["field"] == "query.explain"


def test_possible_duplicates_wait_for_a_person(client: TestClient, kafka) -> None:
    last = surname()
    a = identify(client, ("email", email()), first_name="Ann", last_name=last, city="Leeds", postcode="LS1 4AP")
    b = identify(client, ("email", email()), first_name="Ann", last_name=last, postcode="LS2 9JT")
    assert b["created"] is True and b["matched_by"] == "new" and 0 < b["confidence"] < 0.4
    c = identify(client, ("email", email()), first_name="Ann", last_name=last, postcode="LS3 1AA")

    pending = client.get("/v1/reviews", params={"status": "open", "limit": 500}).json()["reviews"]
    mine = sorted((r for r in pending if r["customer_id"] in (b["customer_id"], c["customer_id"])),
                  key=lambda r: r["customer_id"] != b["customer_id"])
    assert [(r["customer_id"], r["reason"], r["status"]) for r in mine] == [
        (b["customer_id"], "possible_duplicate", "open"), (c["customer_id"], "possible_duplicate", "open")]
    assert mine[0]["candidate_id"] == a["customer_id"] and 0.6 <= mine[0]["probability"] < 0.95
    # the reviewer sees why: same first and last name, another postcode, no city on the record
    why = mine[0]["explanation"]
    assert why["candidate_id"] == a["customer_id"] and why["probability"] == mine[0]["probability"]
    levels = {c["attribute"]: c["level"] for c in why["comparisons"]}
    assert levels["first_name"] == 0 and levels["last_name"] == 0 and levels["postcode"] == 2
    assert levels["city"] is None
    page = client.get("/v1/reviews", params={"limit": 1}).json()
    assert len(page["reviews"]) == 1 and page["next_after"] == page["reviews"][0]["review_id"]
    following = client.get("/v1/reviews", params={"limit": 1, "after": page["next_after"]}).json()
    assert following["reviews"][0]["review_id"] != page["next_after"]

    accepted = client.post(f"/v1/reviews/{mine[0]['review_id']}:accept")
    assert accepted.status_code == 200 and accepted.json()["status"] == "accepted"
    assert client.get(f"/v1/customers/{b['customer_id']}").json()["customer_id"] == a["customer_id"]
    rejected = client.post(f"/v1/reviews/{mine[1]['review_id']}:reject").json()
    assert rejected["status"] == "rejected" and rejected["decided_at"]
    assert client.get(f"/v1/customers/{c['customer_id']}").json()["customer_id"] == c["customer_id"]
    assert client.post(f"/v1/reviews/{mine[0]['review_id']}:accept").status_code == 409
    done = client.get("/v1/reviews", params={"status": "accepted", "limit": 500}).json()["reviews"]
    assert mine[0]["review_id"] in [r["review_id"] for r in done]

    events = events_for(kafka, {a["customer_id"]}, until=lambda evs: bool(of_type(evs, "customers.merged.v1")))
    assert of_type(events, "customers.merged.v1")[0]["data"]["merged_ids"] == [b["customer_id"]]


def test_review_endpoints_bad_input(client: TestClient) -> None:
    for params, field in [({"status": "maybe"}, "query.status"), ({"limit": 0}, "query.limit"),
                          ({"limit": 501}, "query.limit"), ({"after": ""}, "query.after")]:
        r = client.get("/v1/reviews", params=params)
        assert r.status_code == 422 and r.json()["errors"][0]["field"] == field, (params, r.json())
    for verb in ("accept", "reject"):
        r = client.post(f"/v1/reviews/{uuid.uuid4()}:{verb}")
        assert r.status_code == 404 and r.headers["content-type"] == "application/problem+json"


def test_model_is_trained_on_the_stored_customers(client: TestClient) -> None:
    assert client.get("/v1/models/matching").status_code == 404
    wait = {"Prefer": "wait=60"}
    empty = client.post("/v1/models/matching:train", headers=wait)  # nothing to learn from yet: the job fails
    assert empty.status_code == 200 and empty.json()["status"] == "failed", empty.text
    assert empty.json()["error"]["status"] == 409 and "cannot train yet" in empty.json()["error"]["detail"]
    records, _ = generate(150, seed=5)
    assert client.post("/v1/customers/identify:batch", json={"records": records}).status_code == 200
    started = client.post("/v1/models/matching:train", json={"random_pairs": 5_000, "seed": 1})
    assert started.status_code == 202, started.text
    job_id = started.json()["job_id"]
    assert job_id.startswith("identity_") and started.headers["location"] == f"/v1/jobs/{job_id}"
    job = eventually(lambda: (j := client.get(f"/v1/jobs/{job_id}").json())["status"] in ("succeeded", "failed") and j,
                     timeout=60, what=f"job {job_id} finished")
    assert job["status"] == "succeeded" and job["kind"] == "matching_train", job
    model = job["result"]
    assert model["stats"]["profiles"] >= 150 and model["stats"]["blocked_pairs"] > 0
    assert model["m"]["last_name"][0] > 5 * model["u"]["last_name"][0]
    assert 0 < model["prior"] < 0.5
    assert client.get("/v1/models/matching").json()["model_id"] == model["model_id"]
    for body, field in [({"random_pairs": 5}, "body.random_pairs"), ({"max_customers": 1}, "body.max_customers"),
                        ({"epochs": 3}, "body.epochs")]:
        r = client.post("/v1/models/matching:train", json=body)
        assert r.status_code == 422 and r.json()["errors"][0]["field"] == field


@pytest.fixture
def second_database_url(database_url: str, tmp_path: Path, request: pytest.FixtureRequest) -> str:
    if database_url.startswith("sqlite"):
        return f"sqlite:///{tmp_path}/identity-singles.db"
    return request.getfixturevalue("postgres").create_database(f"t_{uuid.uuid4().hex[:12]}")


@pytest.fixture
def singles_client(second_database_url: str, kafka) -> Iterator[TestClient]:
    settings = Settings(database_url=second_database_url, kafka_bootstrap_servers=kafka.bootstrap_servers,
                        log_json=False, run_workers=False)
    with TestClient(create_app(settings)) as c:
        yield c


def test_a_batch_answers_exactly_as_records_sent_one_by_one(client: TestClient, singles_client: TestClient) -> None:
    records, truth = generate(80, seed=9)
    records += [{"identifiers": [{"type": "national_id", "value": f"NI-{i}"}], "attributes": records[i]["attributes"],
                 "source": "crm"} for i in range(0, 20, 2)]  # twins by attributes, told apart by national id
    batch = client.post("/v1/customers/identify:batch", json={"records": records})
    assert batch.status_code == 200
    singles = [singles_client.post("/v1/customers/identify", json=r).json() for r in records]

    def shape(results: list[dict]) -> list[tuple]:
        first_seen: dict[str, int] = {}
        return [(first_seen.setdefault(r["customer_id"], i), r["created"], r["matched_by"], r["confidence"])
                for i, r in enumerate(results)]

    assert shape(batch.json()["results"]) == shape(singles)
    assert {r["matched_by"] for r in singles} == {"new", "identifier", "probabilistic"}

    def clusters(c: TestClient, results: list[dict]) -> list[int]:
        roots = [c.get(f"/v1/customers/{r['customer_id']}").json()["customer_id"] for r in results]
        first_seen: dict[str, int] = {}
        return [first_seen.setdefault(root, i) for i, root in enumerate(roots)]

    assert clusters(client, batch.json()["results"]) == clusters(singles_client, singles)
