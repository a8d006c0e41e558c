"""Every Kafka client of idic over TLS with a SASL/SCRAM login, on a broker that takes nothing else: the
settings as a service reads them (the password from a file), the relay's producer, the admin client that
creates topics, the consumer, its dead-letter producer and the dead-letter reader that re-sends."""

from __future__ import annotations

import threading
import uuid
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from kafka import KafkaProducer
from kafka.errors import KafkaError

from idic import CloudEvent, ConsumerSpec, EventConsumer, OutboxRelay
from idic.contracts import InteractionRecorded
from idic.redrive import DeadLetters
from idic.settings import ServiceSettings
from idic_devstack.kafka import TEST_JVM_OPTIONS, BrokerLogin, KafkaBroker
from idic_devstack.waiting import eventually

from ..support import MiniService, count_purchase, tables
from .test_delivery import purchase


@pytest.fixture(scope="module")
def secured(tmp_path_factory: pytest.TempPathFactory) -> Iterator[KafkaBroker]:
    """A broker whose only client listener is SASL_SSL with SCRAM-SHA-512."""
    with KafkaBroker(tmp_path_factory.mktemp("secured-kafka"), login=BrokerLogin(),
                     jvm_options=TEST_JVM_OPTIONS, heap="384m") as broker:
        yield broker


@pytest.fixture
def settings(secured: KafkaBroker, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> ServiceSettings:
    """The service's settings from the environment a deployment gives it, the password as a secret file."""
    env = secured.client_env()
    password = tmp_path / "kafka-password"
    password.write_text(env.pop("KAFKA_SASL_PASSWORD") + "\n")
    for name, value in {**env, "KAFKA_SASL_PASSWORD_FILE": str(password)}.items():
        monkeypatch.setenv(name, value)
    return ServiceSettings(service_name="mini")


def test_outbox_consumer_dead_letters_and_redrive_all_work_over_sasl_scram_and_tls(
        settings: ServiceSettings, tmp_path: Path) -> None:
    service = MiniService(f"sqlite:///{tmp_path}/mini.db")
    topic, group = "idic.interaction", f"secure-{uuid.uuid4().hex[:6]}"
    unlucky, fine = f"unlucky-{uuid.uuid4().hex[:6]}", f"fine-{uuid.uuid4().hex[:6]}"
    fixed = threading.Event()

    def buggy(payload: InteractionRecorded, envelope: CloudEvent, uow: Any) -> None:
        if payload.customer_id == unlucky and not fixed.is_set():
            raise ValueError("a bug, until the fix ships")
        count_purchase(payload, envelope, uow)

    with service.uow() as uow:
        for customer, amount in ((fine, "3.00"), (fine, "4.00"), (unlucky, "12.00")):
            uow.publish(purchase(customer, amount))
        uow.commit()
    relay = OutboxRelay(engine=service.engine, tables=tables, bootstrap_servers=settings.kafka,
                        client_id="secure-relay")
    spec = ConsumerSpec(group_id=group, topics=(topic,), handlers={InteractionRecorded.event_type: buggy})
    consumer = EventConsumer(spec=spec, uow_factory=service.uow, bootstrap_servers=settings.kafka, client_id=group,
                             max_attempts=2, partitions=1, retry_backoff_s=0.01)
    letters = DeadLetters(spec=spec, uow_factory=service.uow, bootstrap_servers=settings.kafka, client_id=group,
                          max_attempts=2)
    stop = threading.Event()
    thread = threading.Thread(target=consumer.run, args=(stop,), daemon=True)
    thread.start()
    try:
        assert relay.publish_batch() == 3
        eventually(lambda: service.purchases_of(fine) == (2, Decimal("7.00")), timeout=60,
                   what="the fine customer's purchases applied over SASL_SSL")
        eventually(lambda: [letter.key for letter in letters.pending()] == [unlucky], timeout=60,
                   what="the unlucky purchase dead-lettered")
    finally:
        stop.set()
        thread.join(15)
    fixed.set()
    assert letters.redrive() == {"applied": 1}
    assert letters.redrive() == {}
    assert service.purchases_of(unlucky) == (1, Decimal("12.00"))
    assert service.inbox_count(group) == 3


def test_the_broker_takes_no_client_without_a_valid_login(secured: KafkaBroker) -> None:
    """Proof that the test above depended on the settings: without them, or with a wrong password, nothing
    gets through."""
    good = secured.client_config()
    attempts: dict[str, dict[str, Any]] = {
        "plaintext": {"bootstrap_servers": good["bootstrap_servers"]},
        "TLS without a login": {k: v for k, v in good.items() if not k.startswith("sasl")} | {"security_protocol": "SSL"},
        "a wrong password": good | {"sasl_plain_password": "not-the-password"},
    }
    for what, config in attempts.items():
        with pytest.raises(KafkaError):
            producer = KafkaProducer(**config, bootstrap_timeout_ms=3_000, max_block_ms=3_000)
            try:
                producer.send("idic.interaction", b"should not arrive").get(timeout=6)
            finally:
                producer.close(timeout=2)
            pytest.fail(f"the broker took a message with {what}")


def test_contradictory_or_incomplete_kafka_security_settings_fail_the_start(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    cases = {
        "KAFKA_SASL_MECHANISM": {"KAFKA_SECURITY_PROTOCOL": "SASL_SSL", "KAFKA_SASL_USERNAME": "u",
                                 "KAFKA_SASL_PASSWORD": "p"},
        "KAFKA_SASL_USERNAME and KAFKA_SASL_PASSWORD": {"KAFKA_SECURITY_PROTOCOL": "SASL_PLAINTEXT",
                                                        "KAFKA_SASL_MECHANISM": "SCRAM-SHA-256"},
        "does not use SASL": {"KAFKA_SASL_USERNAME": "u"},
        "does not use TLS": {"KAFKA_SSL_CAFILE": str(tmp_path)},
        "is not a readable file": {"KAFKA_SECURITY_PROTOCOL": "SSL", "KAFKA_SSL_CAFILE": str(tmp_path / "nope.pem")},
        "KAFKA_SECURITY_PROTOCOL": {"KAFKA_SECURITY_PROTOCOL": "TLS"},
        "a client certificate needs both": {"KAFKA_SECURITY_PROTOCOL": "SSL", "KAFKA_SSL_KEYFILE": __file__},
    }
    for name in ServiceSettings.model_fields:  # whatever the session's environment says of Kafka
        monkeypatch.delenv(name.upper(), raising=False)
    for expected, env in cases.items():
        with monkeypatch.context() as patched:
            for name, value in env.items():
                patched.setenv(name, value)
            with pytest.raises(ValueError, match=expected):
                ServiceSettings(service_name="mini")
    assert ServiceSettings(service_name="mini").kafka.client_config() == {
        "bootstrap_servers": ["127.0.0.1:9092"], "security_protocol": "PLAINTEXT"}
