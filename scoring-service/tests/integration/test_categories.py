"""Interaction categories (``payload.category``) reach the needs-based micro-segments through the
real consumer: customers who differ only by what they buy land in different segments, each named
by its category, at the refresh and per event afterwards."""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable, Iterator

import pytest
from fastapi.testclient import TestClient

from idic_devstack.waiting import eventually
from scoring_service.config import Settings
from scoring_service.main import create_app

from .conftest import Bus, TopicTap
from .test_events import features_when, recorded

Ids = Callable[..., str]


@pytest.fixture(scope="module")
def own_client(settings: Settings, request: pytest.FixtureRequest,
               tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    """An app of its own (database and consumer group): a population refresh changes the models
    every customer is scored with, which the shared app's other tests must not see."""
    if settings.database_url.startswith("sqlite"):
        url = f"sqlite:///{tmp_path_factory.mktemp('categories')}/scoring.db"
    else:
        url = request.getfixturevalue("postgres").create_database(f"scoring_cat_{uuid.uuid4().hex[:8]}")
    own = settings.model_copy(update={"database_url": url, "consumer_group": f"scoring-cat-{uuid.uuid4().hex[:8]}"})
    with TestClient(create_app(own)) as client:
        yield client


def segment_changes(tap: TopicTap, customer_id: str) -> list[tuple[str, bool]]:
    return [(e["data"]["segment_id"], e["data"]["entered"]) for r in tap.of(customer_id)
            if (e := json.loads(r.value))["type"] == "idic.segment.changed.v1"]


def needs_segment(client: TestClient, customer_id: str) -> str | None:
    response = client.get(f"/v1/customers/{customer_id}/value")
    if response.status_code == 404:  # its event is not consumed yet
        return None
    segments = response.json()["segments"]
    return next((s for s in segments if s.startswith("needs-")), None)


def test_needs_segments_distinguish_customers_by_category(own_client: TestClient, bus: Bus,
                                                          scoring_tap: TopicTap, cid: Ids) -> None:
    client = own_client
    run = uuid.uuid4().hex[:6]
    books, garden = f"books-{run}", f"garden-{run}"  # unique names: the shared app holds other tests' customers
    groups = {books: [cid(f"reader{i}") for i in range(30)], garden: [cid(f"gardener{i}") for i in range(30)]}
    for category, customers in groups.items():
        for customer in customers:  # same channel, time of day and spend: only the category differs
            for day in (0, 20):
                bus.publish(recorded(customer, days=day, amount="30.00", category=category))
    for category, customers in groups.items():
        for customer in customers:
            features_when(client, customer, lambda f, c=category: f["category_counts"] == {c: 2}, "categories")

    refreshed = client.post("/v1/models/rfm:refresh", headers={"Prefer": "wait=60"})
    assert refreshed.status_code == 200 and refreshed.json()["status"] == "succeeded", refreshed.text
    found = {category: {needs_segment(client, c) for c in customers} for category, customers in groups.items()}
    assert all(len(ids) == 1 and None not in ids for ids in found.values()), found
    [books_id], [garden_id] = found[books], found[garden]
    assert books_id != garden_id and books in books_id and garden in garden_id
    listed = {s["id"]: s for s in client.get("/v1/segments").json()["segments"]}
    assert books in listed[books_id]["name"] and garden in listed[garden_id]["name"]
    assert listed[books_id]["kind"] == "needs" and listed[books_id]["size"] >= 30

    # after the refresh a new customer who behaves like the readers is placed per event, by what it bought
    newcomer = cid("newreader")
    for day in (0, 20):
        bus.publish(recorded(newcomer, days=day, amount="30.00", category=books))
    eventually(lambda: needs_segment(client, newcomer) == books_id, what="the newcomer's needs segment")
    eventually(lambda: (books_id, True) in segment_changes(scoring_tap, newcomer), what="SegmentChanged entered")
