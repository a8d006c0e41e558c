"""POST /v1/customers:dedupe on SQLite and PostgreSQL, with a real Kafka broker: a base loaded
without probabilistic matching (its duplicates kept apart) is cleaned by the job; merges are
explained, announced and reversible, and a re-run leaves alone what it did and what a person undid."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from fastapi.testclient import TestClient

from identity_service.config import Settings
from identity_service.main import create_app
from idic_devstack.synthetic import generate, pairwise_scores

from .helpers import events_for, of_type

WAIT = {"Prefer": "wait=60"}


@contextmanager
def app(database_url: str, kafka, *, probabilistic: bool) -> Iterator[TestClient]:
    settings = Settings(database_url=database_url, kafka_bootstrap_servers=kafka.bootstrap_servers, log_json=False,
                        probabilistic_matching=probabilistic)
    with TestClient(create_app(settings)) as client:
        yield client


def run_dedupe(client: TestClient) -> dict:
    response = client.post("/v1/customers:dedupe", headers=WAIT)
    assert response.status_code == 200, response.text
    job = response.json()
    assert job["kind"] == "customers_dedupe" and job["status"] == "succeeded", job
    return job


def test_dedupe_cleans_a_base_loaded_with_its_duplicates(database_url: str, kafka) -> None:
    people, truth = generate(120, seed=21)
    # the base as a business loads it: no identifier in common between the copies of a person
    records = [{**r, "identifiers": []} for r in people]
    with app(database_url, kafka, probabilistic=False) as loader:
        response = loader.post("/v1/customers/identify:batch", json={"records": records})
        ids = [r["customer_id"] for r in response.json()["results"]]
    assert len(set(ids)) == len(records)  # nothing linked yet

    with app(database_url, kafka, probabilistic=True) as client:
        job = run_dedupe(client)
        result = job["result"]
        assert result["customers_scanned"] == len(records) and result["merged"] > 0
        assert job["progress"]["done"] == job["progress"]["total"] == len(records)
        survivors = [client.get(f"/v1/customers/{i}").json()["customer_id"] for i in ids]
        scores = pairwise_scores(truth, survivors)
        assert scores["precision"] >= 0.99 and scores["recall"] >= 0.9, scores
        assert len(set(survivors)) == len(records) - result["merged"]

        # every merge is explained in the person's history, and announced to the other services
        folded = next(i for i, s in zip(ids, survivors, strict=True) if i != s)
        survivor = client.get(f"/v1/customers/{folded}").json()["customer_id"]
        history = client.get(f"/internal/customers/{survivor}/export").json()["merges"]
        [merge] = [m for m in history if m["merged_id"] == folded]
        why = merge["explanation"]
        assert merge["reason"] == "probabilistic" and why["probability"] == merge["confidence"] >= 0.95
        assert why["prior_weight"] + sum(c["weight"] for c in why["comparisons"]) > 0
        events = events_for(kafka, {survivor}, until=lambda evs: bool(of_type(evs, "customers.merged.v1")))
        assert any(folded in e["data"]["merged_ids"] for e in of_type(events, "customers.merged.v1"))

        # a person splits one merge: a re-run keeps it split (it may fold in the odd third record of a
        # person: one merge per customer and scan), and re-opens no review
        undone = client.post(f"/v1/customers/{survivor}/unmerge", json={"customer_id": folded})
        assert undone.status_code == 200, undone.text
        again = run_dedupe(client)["result"]
        assert again["customers_scanned"] == len(set(survivors)) + 1
        assert again["merged"] <= max(1, result["merged"] // 10) and again["reviews"] == 0
        assert client.get(f"/v1/customers/{folded}").json()["customer_id"] == folded


def test_dedupe_bad_input(database_url: str, kafka) -> None:
    with app(database_url, kafka, probabilistic=True) as client:
        for body, field in [({"threshold": 0.5}, "body.threshold"), ([], "body")]:
            response = client.post("/v1/customers:dedupe", json=body)
            assert response.status_code == 422 and response.headers["content-type"] == "application/problem+json"
            assert response.json()["errors"][0]["field"] == field, response.text
        empty = run_dedupe(client)["result"]  # nothing stored: nothing to do, and it says so
        assert empty == {"customers_scanned": 0, "merged": 0, "reviews": 0}
