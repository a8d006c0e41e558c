"""A request recording an interaction while the consumer links its identifiers or erases its
person (PostgreSQL): the request waits for the consumer's commit and sees its effect, instead of
staying pending for ever or being stored after the erasure."""

from __future__ import annotations

import datetime as dt
import threading
import uuid

from fastapi.testclient import TestClient
from sqlalchemy import create_engine, insert
from sqlalchemy.orm import Session

from idic.contracts.identifiers import identifier_key, normalise
from interaction_service.adapters.identities import IdentityRepository
from interaction_service.adapters.orm import Erasure, IdentifierLink
from interaction_service.config import Settings
from interaction_service.main import create_app


def test_a_request_racing_a_link_waits_for_it_and_is_linked(pg_url, kafka, unique_suffix) -> None:
    settings = Settings(database_url=pg_url, kafka_bootstrap_servers=kafka.bootstrap_servers,
                        consumer_group=f"interaction-race-{unique_suffix}", log_level="WARNING")
    cid, email = f"c-{uuid.uuid4().hex[:12]}", f"race.{uuid.uuid4().hex[:8]}@example.com"
    body = {"identifiers": [{"type": "email", "value": email}], "channel": "web", "type": "visit"}
    answer: dict = {}
    engine = create_engine(pg_url)
    with TestClient(create_app(settings)) as client:
        with Session(engine) as linking:  # the consumer, between "link the key" and its commit
            IdentityRepository(linking).serialise_with_identity_events(exclusive=True)
            request = threading.Thread(target=lambda: answer.update(client.post("/v1/interactions", json=body).json()))
            request.start()
            request.join(1.0)
            assert request.is_alive(), f"the request did not wait for the link: {answer}"
            linking.execute(insert(IdentifierLink).values(identifier_key=identifier_key("email", normalise("email", email)),
                                                          customer_id=cid, original_customer_id=cid))
            linking.commit()
        request.join(30)
    engine.dispose()
    assert answer["status"] == "recorded" and answer["customer_id"] == cid


def test_a_request_racing_an_erasure_waits_for_it_and_stores_nothing(pg_url, kafka, unique_suffix) -> None:
    settings = Settings(database_url=pg_url, kafka_bootstrap_servers=kafka.bootstrap_servers,
                        consumer_group=f"interaction-race-{unique_suffix}", log_level="WARNING")
    cid = f"c-{uuid.uuid4().hex[:12]}"
    body = {"customer_id": cid, "channel": "web", "type": "visit", "payload": {"note": "call me on +4930123456"}}
    answer: dict = {}
    engine = create_engine(pg_url)
    with TestClient(create_app(settings)) as client:
        with Session(engine) as erasing:  # the consumer, between "erase the person" and its commit
            IdentityRepository(erasing).serialise_with_identity_events(exclusive=True)
            request = threading.Thread(target=lambda: answer.update(client.post("/v1/interactions", json=body).json()))
            request.start()
            request.join(1.0)
            assert request.is_alive(), f"the request did not wait for the erasure: {answer}"
            erasing.execute(insert(Erasure).values(customer_id=cid, erased_at=dt.datetime.now(dt.UTC)))
            erasing.commit()
        request.join(30)
        assert answer["status"] == "discarded"
        assert client.get(f"/v1/customers/{cid}/timeline").json()["items"] == []
    engine.dispose()
