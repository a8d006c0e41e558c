"""Dead letters through a real broker: a handler bug dead-letters one customer's event; it is listed with
its error; after the fix it is applied again for that group alone, once, however often the redrive runs;
a message that is still bad goes back to the dead-letter topic with its error."""

from __future__ import annotations

import threading
import uuid
from decimal import Decimal
from typing import Any

from kafka import KafkaProducer

from idic import CloudEvent, ConsumerSpec, EventConsumer, dlq_topic
from idic.contracts import InteractionRecorded
from idic.redrive import DeadLetters
from idic_devstack.waiting import eventually

from ..support import MiniService, count_purchase
from .test_delivery import purchase, service  # noqa: F401  (service: the fixture, SQLite and PostgreSQL)


def test_a_dead_letter_is_listed_then_applied_once_after_the_fix(service: MiniService, kafka: Any) -> None:  # noqa: F811
    topic, group = f"idic.redrive-{uuid.uuid4().hex[:6]}", f"redrive-{uuid.uuid4().hex[:6]}"
    unlucky, fine = f"unlucky-{uuid.uuid4().hex[:6]}", f"fine-{uuid.uuid4().hex[:6]}"
    fixed = threading.Event()

    def buggy(payload: InteractionRecorded, envelope: CloudEvent, uow: Any) -> None:
        if payload.customer_id == unlucky and not fixed.is_set():
            raise ValueError("amount has no currency rule yet")  # the bug, until the fix ships
        count_purchase(payload, envelope, uow)

    spec = ConsumerSpec(group_id=group, topics=(topic,), handlers={InteractionRecorded.event_type: buggy})
    producer = KafkaProducer(bootstrap_servers=kafka.bootstrap_servers)
    headers = [("content-type", b"application/cloudevents+json")]
    bad = CloudEvent.wrap(purchase(unlucky, "12.00"), source="/t")
    for event in (bad, CloudEvent.wrap(purchase(fine, "3.00"), source="/t")):
        producer.send(topic, key=event.subject.encode(), value=event.to_json_bytes(), headers=headers)
    producer.send(topic, key=b"poison", value=b"{not json", headers=headers)
    producer.flush()

    consumer = EventConsumer(spec=spec, uow_factory=service.uow, bootstrap_servers=kafka.bootstrap_servers,
                             client_id=group, max_attempts=2, partitions=1, retry_backoff_s=0.01)
    stop = threading.Event()
    thread = threading.Thread(target=consumer.run, args=(stop,), daemon=True)
    thread.start()
    try:
        eventually(lambda: service.purchases_of(fine) is not None, timeout=60, what="the good event applied")
        letters = DeadLetters(spec=spec, uow_factory=service.uow, bootstrap_servers=kafka.bootstrap_servers,
                              client_id=group, max_attempts=2)
        eventually(lambda: len(letters.pending()) == 2, timeout=60, what="two dead letters")
    finally:
        stop.set()
        thread.join(15)

    pending = {letter.key: letter for letter in letters.pending()}
    assert pending[unlucky].error == "ValueError: amount has no currency rule yet"
    assert (pending[unlucky].attempts, pending[unlucky].event_id) == (2, bad.id)
    assert pending[unlucky].source.startswith(f"{topic}/") and pending[unlucky].dlq.startswith(dlq_topic(topic, group))
    assert pending["poison"].event_id is None and "not JSON" in pending["poison"].error
    assert service.purchases_of(unlucky) is None

    fixed.set()  # the fix ships
    assert letters.redrive() == {"applied": 1, "dead_lettered": 1}  # the poison is still poison
    assert service.purchases_of(unlucky) == (1, Decimal("12.00"))
    [still_bad] = letters.pending()  # dead-lettered again, with its error: the only one left
    assert still_bad.key == "poison" and "not JSON" in still_bad.error
    assert letters.redrive() == {"dead_lettered": 1}
    assert service.purchases_of(unlucky) == (1, Decimal("12.00"))  # never applied twice
    assert service.inbox_count(group) == 2
