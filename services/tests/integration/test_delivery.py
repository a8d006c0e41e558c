"""Outbox → Kafka → inbox over a real broker, on SQLite and on PostgreSQL."""

from __future__ import annotations

import datetime as dt
import threading
import time
import uuid
from decimal import Decimal
from pathlib import Path

import pytest
from cloudevents.core.bindings.kafka import KafkaMessage, from_kafka
from cloudevents.core.formats.json import JSONFormat
from kafka import KafkaConsumer, KafkaProducer, TopicPartition
from sqlalchemy import func, select

from idic import CloudEvent, ConsumerSpec, EventConsumer, OutboxRelay, dlq_topic, ensure_topics, parse_event
from idic.contracts import InteractionRecorded
from idic.uow import COPY_AT_LEAST
from idic_devstack.waiting import eventually

from ..support import CounterUoW, MiniService, count_purchase, running_consumer, tables


@pytest.fixture(params=["sqlite", "postgresql"])
def service(request: pytest.FixtureRequest, tmp_path: Path) -> MiniService:
    if request.param == "sqlite":
        return MiniService(f"sqlite:///{tmp_path}/mini.db")
    return MiniService(request.getfixturevalue("pg_url"))


def purchase(customer_id: str, amount: str = "10.00") -> InteractionRecorded:
    return InteractionRecorded(interaction_id=str(uuid.uuid4()), customer_id=customer_id, channel="web",
                               type="purchase", direction="inbound", occurred_at=dt.datetime.now(dt.UTC),
                               amount=Decimal(amount), currency="EUR")


def publish_raw(bootstrap: str, *messages: tuple[bytes, bytes]) -> None:
    producer = KafkaProducer(bootstrap_servers=bootstrap)
    for key, value in messages:
        producer.send("idic.interaction", key=key, value=value,
                      headers=[("content-type", b"application/cloudevents+json")]).get(timeout=30)
    producer.close()


def read_topic(bootstrap: str, topic: str, *, want: int, subject: str | None = None) -> list[object]:
    """Messages of a topic from its beginning. Partitions are assigned, not subscribed: no group
    join, and no stale metadata of a topic created a moment ago (a dead-letter topic)."""
    consumer = KafkaConsumer(bootstrap_servers=bootstrap, group_id=None, enable_auto_commit=False)
    partitions = eventually(lambda: consumer.partitions_for_topic(topic), what=f"partitions of {topic}")
    consumer.assign([TopicPartition(topic, p) for p in partitions])
    consumer.seek_to_beginning()
    found: list[object] = []
    deadline = time.monotonic() + 30
    while len(found) < want and time.monotonic() < deadline:
        for records in consumer.poll(timeout_ms=500).values():
            found += [m for m in records if subject is None or m.key == subject.encode()]
    consumer.close()
    return found[:want]


def test_committed_events_reach_kafka_as_structured_cloudevents(service: MiniService, kafka) -> None:
    customer = f"c-{uuid.uuid4()}"
    with service.uow() as uow:
        for amount in ("1.00", "2.00", "3.00"):
            uow.publish(purchase(customer, amount))
        uow.commit()
    relay = OutboxRelay(engine=service.engine, tables=tables, bootstrap_servers=kafka.bootstrap_servers,
                        client_id="test-relay")
    assert relay.publish_batch() == 3
    assert relay.publish_batch() == 0  # marked sent: not published again

    messages = read_topic(kafka.bootstrap_servers, "idic.interaction", want=3, subject=customer)
    events = [from_kafka(KafkaMessage(headers=dict(m.headers), key=m.key, value=m.value), JSONFormat())
              for m in messages]
    assert [e.get_type() for e in events] == ["idic.interaction.recorded.v1"] * 3
    assert {e.get_subject() for e in events} == {customer}
    assert [e.get_data()["amount"] for e in events] == ["1.00", "2.00", "3.00"]  # per-customer order kept
    assert all(e.get_specversion() == "1.0" and e.get_source() == "/mini" for e in events)


def test_a_large_commit_streams_its_outbox_and_keeps_order(service: MiniService, kafka) -> None:
    customer = f"c-{uuid.uuid4()}"
    many = COPY_AT_LEAST + 150  # above the threshold: PostgreSQL writes the outbox with COPY
    with service.uow() as uow:
        for n in range(many):
            uow.publish(purchase(customer, f"{n}.00"))
        uow.commit()
    relay = OutboxRelay(engine=service.engine, tables=tables, bootstrap_servers=kafka.bootstrap_servers,
                        client_id="test-relay", batch_size=1000)
    assert relay.publish_batch() == many
    messages = read_topic(kafka.bootstrap_servers, "idic.interaction", want=many, subject=customer)
    events = [parse_event(m.value) for m in messages]
    assert [e.data["amount"] for e in events] == [f"{n}.00" for n in range(many)]
    assert len({e.id for e in events}) == many


def test_state_and_events_roll_back_together(service: MiniService) -> None:
    with service.uow() as uow:
        uow.publish(purchase("c-rollback"))
        # no commit: leaving the block rolls back
    with service.engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(tables.outbox)).scalar() == 0


def test_deferred_work_runs_once_at_commit_in_the_same_transaction(service: MiniService) -> None:
    runs: list[str] = []

    def summarise(uow: CounterUoW, label: str) -> None:
        runs.append(label)
        uow.publish(purchase(f"c-deferred-{label}"))  # its events join the same outbox write

    with service.uow() as uow:
        for label in ("first", "second"):  # one key: the first registration wins, it runs once
            uow.before_commit("summary", lambda label=label: summarise(uow, label))
        assert runs == []
        uow.commit()
    assert runs == ["first"]
    with service.uow() as uow:
        uow.before_commit("summary", lambda: summarise(uow, "dropped"))
        uow.rollback()  # rolled back: the deferred work goes with the transaction
        uow.commit()
    assert runs == ["first"]
    with service.engine.connect() as conn:
        keys = conn.execute(select(tables.outbox.c.key)).scalars().all()
    assert keys == ["c-deferred-first"]


def test_relay_keeps_rows_while_broker_unreachable(service: MiniService, kafka) -> None:
    with service.uow() as uow:
        uow.publish(purchase(f"c-{uuid.uuid4()}"))
        uow.commit()
    dead = OutboxRelay(engine=service.engine, tables=tables, bootstrap_servers="127.0.0.1:1", client_id="dead",
                       # kafka-python 3 waits bootstrap_timeout_ms (30 s) for a broker before send() can fail
                       producer_overrides={"max_block_ms": 1000, "bootstrap_timeout_ms": 1000})
    with pytest.raises(Exception):
        dead.publish_batch()
    with service.engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(tables.outbox)
                            .where(tables.outbox.c.sent_at.is_(None))).scalar() == 1
    live = OutboxRelay(engine=service.engine, tables=tables, bootstrap_servers=kafka.bootstrap_servers, client_id="live")
    assert live.publish_batch() == 1


def test_a_relay_that_failed_lets_another_replica_publish(pg_url: str, kafka) -> None:
    """On PostgreSQL one relay per service leads (an advisory lock). A leader that loses its
    broker must give the lead up, not keep it in a pooled connection while it cannot publish."""
    failing_replica, healthy_replica = MiniService(pg_url), MiniService(pg_url)
    with failing_replica.uow() as uow:
        uow.publish(purchase(f"c-{uuid.uuid4()}"))
        uow.commit()
    cut_off = OutboxRelay(engine=failing_replica.engine, tables=tables, bootstrap_servers="127.0.0.1:1",
                          client_id="mini-relay", producer_overrides={"max_block_ms": 1000, "bootstrap_timeout_ms": 1000})
    healthy = OutboxRelay(engine=healthy_replica.engine, tables=tables, bootstrap_servers=kafka.bootstrap_servers,
                          client_id="mini-relay")
    stop = threading.Event()
    thread = threading.Thread(target=cut_off.run, args=(stop,), daemon=True)
    thread.start()
    try:
        eventually(lambda: not thread.is_alive() or cut_off._leader_conn is not None or None, timeout=10,
                   what="the cut-off relay leading first")
        assert eventually(healthy.publish_batch, timeout=20, what="the healthy replica publishing") == 1
    finally:
        healthy._drop_leadership()
        stop.set()
        thread.join(10)
        failing_replica.engine.dispose()
        healthy_replica.engine.dispose()


def test_redelivered_event_is_applied_once(service: MiniService, kafka) -> None:
    customer = f"c-{uuid.uuid4()}"
    event = CloudEvent.wrap(purchase(customer, "5.00"), source="/test").to_json_bytes()
    publish_raw(kafka.bootstrap_servers, (customer.encode(), event), (customer.encode(), event))
    group = f"once-{uuid.uuid4().hex[:6]}"
    with running_consumer(service, bootstrap=kafka.bootstrap_servers, group=group):
        eventually(lambda: service.purchases_of(customer))
        marker = f"c-{uuid.uuid4()}"  # an event after the duplicate proves the duplicate was consumed
        publish_raw(kafka.bootstrap_servers, (marker.encode(), CloudEvent.wrap(purchase(marker), source="/t").to_json_bytes()))
        eventually(lambda: service.purchases_of(marker))
    assert service.purchases_of(customer) == (1, Decimal("5.00"))


def test_poison_message_goes_to_dlq_and_consumption_continues(service: MiniService, kafka) -> None:
    customer = f"c-{uuid.uuid4()}"
    poison_key = f"poison-{uuid.uuid4()}".encode()
    publish_raw(kafka.bootstrap_servers,
                (poison_key, b"{not json at all"),
                (customer.encode(), CloudEvent.wrap(purchase(customer, "7.00"), source="/t").to_json_bytes()))
    group = f"dlq-{uuid.uuid4().hex[:6]}"
    with running_consumer(service, bootstrap=kafka.bootstrap_servers, group=group):
        eventually(lambda: service.purchases_of(customer))
        # read while the consumer still runs: the two records sit on different partitions, and the
        # good one may be applied before the poison is dead-lettered (a stopping consumer leaves it
        # for redelivery instead)
        dead = read_topic(kafka.bootstrap_servers, dlq_topic("idic.interaction", group), want=1,
                          subject=poison_key.decode())
    assert dead, "the poison message reached no dead-letter topic"
    headers = dict(dead[0].headers)
    assert dead[0].value == b"{not json at all"
    assert b"not JSON" in headers["dlq.error"]
    assert headers["dlq.group"] == group.encode()


def test_a_poison_message_costs_its_batch_no_transaction_per_record(service: MiniService, kafka) -> None:
    """Backlog with a malformed message in it: the message is dead-lettered, and the good events of its
    poll batch are still applied together, not one transaction each (500 on a full batch)."""
    customers = [f"c-{uuid.uuid4()}" for _ in range(120)]
    poison_key = f"poison-{uuid.uuid4()}".encode()
    publish_raw(kafka.bootstrap_servers, (poison_key, b'{"not": "a cloudevent"}'),
                *[(c.encode(), CloudEvent.wrap(purchase(c), source="/t").to_json_bytes()) for c in customers])
    transactions = 0

    def counted() -> CounterUoW:
        nonlocal transactions
        transactions += 1
        return service.uow()

    group = f"batch-{uuid.uuid4().hex[:6]}"
    with running_consumer(service, bootstrap=kafka.bootstrap_servers, group=group, uow_factory=counted):
        eventually(lambda: all(service.purchases_of(c) for c in customers), what="every good event applied")
        dead = read_topic(kafka.bootstrap_servers, dlq_topic("idic.interaction", group), want=1,
                          subject=poison_key.decode())
    assert dead and dead[0].value == b'{"not": "a cloudevent"}'
    assert transactions < 20, f"{transactions} transactions for 120 events and one poison message"


def test_handler_that_keeps_failing_is_dead_lettered_after_n_tries(service: MiniService, kafka) -> None:
    bad, good = f"c-bad-{uuid.uuid4()}", f"c-{uuid.uuid4()}"
    calls: list[str] = []

    def fussy(payload: InteractionRecorded, envelope: CloudEvent, uow: object) -> None:
        if payload.customer_id == bad:
            calls.append(payload.customer_id)
            raise ValueError("cannot apply this one")
        from ..support import count_purchase
        count_purchase(payload, envelope, uow)  # type: ignore[arg-type]

    publish_raw(kafka.bootstrap_servers,
                (bad.encode(), CloudEvent.wrap(purchase(bad), source="/t").to_json_bytes()),
                (good.encode(), CloudEvent.wrap(purchase(good), source="/t").to_json_bytes()))
    group = f"fail-{uuid.uuid4().hex[:6]}"
    with running_consumer(service, bootstrap=kafka.bootstrap_servers, group=group, max_attempts=3, handler=fussy):
        eventually(lambda: service.purchases_of(good))
        dead = read_topic(kafka.bootstrap_servers, dlq_topic("idic.interaction", group), want=1, subject=bad)
    assert service.purchases_of(bad) is None
    assert len(calls) >= 3  # the one-by-one tries (after a failed whole-batch attempt, if they shared a poll)
    headers = dict(dead[0].headers)
    assert headers["dlq.attempts"] == b"3"
    assert b"cannot apply this one" in headers["dlq.error"]


def test_consumer_lag_is_measured_per_partition_and_falls_to_zero(service: MiniService, kafka) -> None:
    """idic_consumer_lag: 40 events on a partition, a consumer taking 5 at a time and held at its second
    batch: the gauge says 35 are waiting; once let go, 0."""
    from prometheus_client import REGISTRY

    topic, group = f"idic.lag-{uuid.uuid4().hex[:6]}", f"lag-{uuid.uuid4().hex[:6]}"
    ensure_topics(kafka.bootstrap_servers, [topic], partitions=1)
    producer = KafkaProducer(bootstrap_servers=kafka.bootstrap_servers)
    customers = [f"lag-{n}-{uuid.uuid4().hex[:6]}" for n in range(40)]
    for customer in customers:
        producer.send(topic, key=b"one-partition", value=CloudEvent.wrap(purchase(customer), source="/t").to_json_bytes(),
                      headers=[("content-type", b"application/cloudevents+json")])
    producer.flush()
    producer.close()
    gate, applied = threading.Event(), []

    def held_after_five(payload, envelope, uow) -> None:  # type: ignore[no-untyped-def]
        if len(applied) >= 5:
            gate.wait(60)
        count_purchase(payload, envelope, uow)
        applied.append(payload.customer_id)

    spec = ConsumerSpec(group_id=group, topics=(topic,), handlers={InteractionRecorded.event_type: held_after_five})
    consumer = EventConsumer(spec=spec, uow_factory=service.uow, bootstrap_servers=kafka.bootstrap_servers,
                             client_id=group, batch_size=5, partitions=1, retry_backoff_s=0.01)
    stop = threading.Event()
    thread = threading.Thread(target=consumer.run, args=(stop,), daemon=True)
    thread.start()

    def lag() -> float | None:
        return REGISTRY.get_sample_value("idic_consumer_lag", {"group": group, "topic": topic, "partition": "0"})

    try:
        eventually(lambda: lag() == 35, timeout=60, what="35 events waiting behind the held batch")
        gate.set()
        eventually(lambda: lag() == 0, timeout=60, what="the lag falls to zero")
        assert sorted(applied) == sorted(customers)
    finally:
        gate.set()
        stop.set()
        thread.join(15)
