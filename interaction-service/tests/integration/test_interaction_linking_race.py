"""A request recording an interaction while the consumer links its identifiers or erases its
person (PostgreSQL): the request waits for the consumer's commit and sees its effect, instead of
staying pending for ever or being stored after the erasure."""

from __future__ import annotations

import datetime as dt
import threading
import uuid
from collections.abc import Callable

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import create_engine, insert
from sqlalchemy.orm import Session

from idic.contracts.identifiers import identifier_key, normalise
from interaction_service.adapters.orm import IdentifierLink, identities
from interaction_service.adapters.repository import IdentityRepository
from interaction_service.config import Settings
from interaction_service.main import create_app


@pytest.fixture
def race_settings(pg_url, kafka, unique_suffix) -> Settings:
    return Settings(database_url=pg_url, kafka_bootstrap_servers=kafka.bootstrap_servers,
                    consumer_group=f"interaction-race-{unique_suffix}", log_level="WARNING")


def request_during_consumer_transaction(client: TestClient, url: str, body: dict,
                                        consumer_write: Callable[[Session], object]) -> dict:
    """POST ``body`` while a consumer transaction holds the identity-events lock and has not yet
    written; assert the request waits; let the consumer write and commit; the request's answer."""
    answer: dict = {}
    engine = create_engine(url)
    with Session(engine) as consumer:
        IdentityRepository(consumer).serialise_with_identity_events(exclusive=True)
        request = threading.Thread(target=lambda: answer.update(client.post("/v1/interactions", json=body).json()))
        request.start()
        request.join(1.0)
        assert request.is_alive(), f"the request did not wait for the consumer: {answer}"
        consumer_write(consumer)
        consumer.commit()
    request.join(30)
    engine.dispose()
    return answer


def test_a_request_racing_a_link_waits_for_it_and_is_linked(race_settings: Settings) -> None:
    cid, email = f"c-{uuid.uuid4().hex[:12]}", f"race.{uuid.uuid4().hex[:8]}@example.com"
    body = {"identifiers": [{"type": "email", "value": email}], "channel": "web", "type": "visit"}
    link = insert(IdentifierLink).values(identifier_key=identifier_key("email", normalise("email", email)),
                                         customer_id=cid, original_customer_id=cid)
    with TestClient(create_app(race_settings)) as client:
        answer = request_during_consumer_transaction(client, race_settings.database_url, body,
                                                     lambda consumer: consumer.execute(link))
    assert answer["status"] == "recorded" and answer["customer_id"] == cid


def test_a_request_racing_an_erasure_waits_for_it_and_stores_nothing(race_settings: Settings) -> None:
    cid = f"c-{uuid.uuid4().hex[:12]}"
    body = {"customer_id": cid, "channel": "web", "type": "visit", "payload": {"note": "call me on +4930123456"}}
    erasure = insert(identities.erasures).values(customer_id=cid, erased_at=dt.datetime.now(dt.UTC))
    with TestClient(create_app(race_settings)) as client:
        answer = request_during_consumer_transaction(client, race_settings.database_url, body,
                                                     lambda consumer: consumer.execute(erasure))
        assert answer["status"] == "discarded"
        assert client.get(f"/v1/customers/{cid}/timeline").json()["items"] == []
