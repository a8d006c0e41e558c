"""The platform on a secured cluster, as a managed Kafka would be: a broker whose only client listener is
SASL_SSL (SCRAM-SHA-512 over TLS, a self-signed certificate the services trust by KAFKA_SSL_CAFILE), the
password given to every service as a secret file (KAFKA_SASL_PASSWORD_FILE). A customer's purchase goes
the whole delivery path: identity, interaction, scoring and treatment each publish through their outbox
relay and apply the others' events through their consumers, and the gateway's single face shows it."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from idic_devstack.kafka import TEST_JVM_OPTIONS, BrokerLogin, KafkaBroker
from idic_devstack.stack import Stack
from idic_devstack.waiting import eventually

API_KEY = "secure-kafka-admin-key"


@pytest.fixture(scope="module")
def secured_stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    workdir = tmp_path_factory.mktemp("secure-kafka")
    with KafkaBroker(workdir / "kafka", login=BrokerLogin(), jvm_options=TEST_JVM_OPTIONS, heap="512m") as broker:
        env = broker.client_env()
        password = workdir / "kafka-password"
        password.write_text(env.pop("KAFKA_SASL_PASSWORD") + "\n")
        stack = Stack(kafka_bootstrap=broker.bootstrap_servers, workdir=workdir / "stack", extra_env={
            **env, "KAFKA_SASL_PASSWORD_FILE": str(password),
            "IDIC_API_KEYS": json.dumps({API_KEY: ["read", "write", "admin"]})})
        try:
            stack.start_all()
            for name in stack.processes:
                stack.wait_healthy(name, ready=True, timeout=90)
            yield stack
        finally:
            stack.stop_all()


def test_a_purchase_crosses_every_service_over_sasl_scram_and_tls(secured_stack: Stack) -> None:
    with httpx.Client(base_url=secured_stack.url("gateway"), headers={"X-API-Key": API_KEY}, timeout=30) as gateway:
        email = f"secure-{uuid.uuid4().hex[:8]}@example.org"
        identified = gateway.post("/v1/customers/identify", json={"identifiers": [{"type": "email", "value": email}]})
        assert identified.status_code == 200, identified.text
        customer_id = identified.json()["customer_id"]
        # by the e-mail only: interaction-service links it through the identity events it consumed
        recorded = gateway.post("/v1/interactions", json={
            "identifiers": [{"type": "email", "value": email}], "channel": "web", "type": "purchase",
            "direction": "inbound", "amount": "42.50", "currency": "EUR"})
        assert recorded.status_code == 202, recorded.text

        def scored_and_treated() -> dict[str, Any] | None:
            face = gateway.get(f"/v1/customers/{customer_id}").json()
            frequency = ((face.get("value") or {}).get("rfm") or {}).get("frequency")
            return face if frequency == 1 and face.get("next_best_actions") else None

        face = eventually(scored_and_treated, timeout=120, interval=0.5,
                          what="scoring and treatment applied the purchase over SASL_SSL")
    assert face["degraded"] == []
    assert [(i["type"], i["amount"]) for i in face["interactions"]["recent"] if i["type"] == "purchase"] == [
        ("purchase", "42.50")]
    for name in ("identity", "interaction", "scoring", "treatment"):  # nobody logged a failed login
        log = (Path(secured_stack.workdir) / "logs" / f"{name}.log").read_text(errors="replace")
        assert "Authentication failed" not in log and "SaslAuthenticationFailed" not in log, name
