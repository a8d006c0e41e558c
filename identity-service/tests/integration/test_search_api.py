"""Name search for the agent console, over HTTP on SQLite and PostgreSQL."""

from __future__ import annotations

import uuid

from fastapi.testclient import TestClient


def test_a_name_that_sounds_the_same_finds_the_customer(client: TestClient) -> None:
    last = f"Smith{uuid.uuid4().hex[:4]}"  # unique in this database, sounds like itself
    created = client.post("/v1/customers/identify", json={
        "identifiers": [{"type": "email", "value": f"{uuid.uuid4().hex[:8]}@example.com"}],
        "attributes": {"first_name": "John", "last_name": last, "date_of_birth": "1980-02-03"}}).json()
    found = client.get("/internal/customers/search", params={"name": f"Jon {last}"}).json()["results"]
    assert [r["customer_id"] for r in found] == [created["customer_id"]]
    assert found[0]["attributes"]["first_name"] == "John"
    assert client.get("/internal/customers/search", params={"name": "Zebedee Quux"}).json() == {"results": []}


def test_search_needs_a_first_and_a_last_name(client: TestClient) -> None:
    r = client.get("/internal/customers/search", params={"name": "John"})
    assert r.status_code == 422 and r.json()["errors"][0]["field"] == "query.name"
    assert client.get("/internal/customers/search", params={"name": ""}).status_code == 422
    assert client.get("/internal/customers/search", params={"name": "A B", "limit": 0}).status_code == 422
