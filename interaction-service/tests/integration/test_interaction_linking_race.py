"""A request recording by identifiers while the consumer links those identifiers (PostgreSQL):
the request waits for the link and is linked, instead of staying pending for ever."""

from __future__ import annotations

import threading
import uuid

from fastapi.testclient import TestClient
from sqlalchemy import create_engine, insert, text

from idic.contracts.identifiers import identifier_key, normalise
from interaction_service.adapters.orm import IdentifierLink
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
        with engine.connect() as linking:  # the consumer, between "link the key" and its commit
            linking.execute(text("SELECT pg_advisory_xact_lock(hashtext('interaction-service:linking'))"))
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
