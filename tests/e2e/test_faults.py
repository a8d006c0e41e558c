"""A poison message on a real topic does not stop the stream. (Crashes of consumers, relays
and the broker are the campaigns in tests/campaigns/.)"""

from __future__ import annotations

import uuid

import httpx
from kafka import KafkaProducer

from idic_devstack.kafka import KafkaBroker
from idic_devstack.stack import Stack
from idic_devstack.waiting import eventually

from ..support import purchases_for, record, scored, topic_messages


def test_poison_message_goes_to_the_dead_letter_topic_and_the_stream_goes_on(
        stack: Stack, gateway: httpx.Client, kafka: KafkaBroker) -> None:
    poison_key = f"poison-{uuid.uuid4()}".encode()
    producer = KafkaProducer(bootstrap_servers=kafka.bootstrap_servers)
    producer.send("idic.interaction", key=poison_key, value=b'{"specversion": "1.0", "oops": true}',
                  headers=[("content-type", b"application/cloudevents+json")]).get(timeout=30)
    producer.close()
    customer = f"after-poison-{uuid.uuid4()}"
    record(gateway, purchases_for([customer], 1))
    eventually(lambda: scored(stack, customer)[0] == 1, timeout=60, interval=0.25,
               what="event behind the poison applied")

    def dead_lettered() -> list:
        return [m for m in topic_messages(kafka.bootstrap_servers, "idic.interaction.dlq.scoring-service")
                if m.key == poison_key]

    dead = eventually(dead_lettered, timeout=20, what="the poison on the dead-letter topic")
    assert len(dead) == 1
    assert b"not a CloudEvent" in dict(dead[0].headers)["dlq.error"]
