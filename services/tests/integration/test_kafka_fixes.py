"""kafka-python's group membership, as our consumers rely on it, over a real broker.

A consumer that rejoins because its topic grew must end up owning the new partitions, even when
every ``poll()`` returns before the rebalance does. kafka-python 3.0.12 alone leaves it with no
partitions for good (see ``idic.kafka_fixes``); this test fails without that fix.
"""

from __future__ import annotations

import time
import uuid

from kafka import KafkaConsumer, TopicPartition
from kafka.admin import KafkaAdminClient, NewPartitions, NewTopic

import idic  # noqa: F401 - importing idic applies kafka_fixes, as it does in every service
from idic import kafka_fixes
from idic_devstack.kafka import KafkaBroker
from idic_devstack.waiting import eventually


def test_the_fix_is_applied_when_idic_is_imported() -> None:
    assert kafka_fixes.install() is True


def test_a_member_whose_topic_grows_takes_the_new_partitions_even_polling_without_waiting(kafka: KafkaBroker) -> None:
    topic = f"grows-{uuid.uuid4().hex[:8]}"
    admin = KafkaAdminClient(bootstrap_servers=kafka.bootstrap_servers)
    admin.create_topics([NewTopic(topic, num_partitions=1, replication_factor=1)])
    consumer = KafkaConsumer(bootstrap_servers=kafka.bootstrap_servers, group_id=topic, enable_auto_commit=False,
                             metadata_max_age_ms=300)  # notices the new partitions quickly
    try:
        consumer.subscribe([topic])
        eventually(lambda: consumer.poll(timeout_ms=200) is not None and consumer.assignment(),
                   timeout=60, what="the first assignment")
        admin.create_partitions({topic: NewPartitions(total_count=3)})

        # poll(timeout_ms=0) returns before the rebalance completes, and the rebalance completes while
        # the member is busy between polls (as with a batch to apply): the join must still be applied.
        # kafka-python alone stays REBALANCING with partition 0; keeping need_rejoin() True alone
        # joins again and again; with both fixes the member owns the three partitions.
        wanted = {TopicPartition(topic, p) for p in range(3)}
        deadline = time.monotonic() + 30
        while consumer.assignment() != wanted and time.monotonic() < deadline:
            consumer.poll(timeout_ms=0)
            time.sleep(0.3)
        assert consumer.assignment() == wanted
    finally:
        consumer.close()
        admin.close()
