"""A fix to kafka-python 3.0.x's group membership, applied until a release carries it.

The bug (kafka-python 3.0.12, and its main branch as of 2026-08): a consumer can stay in a group
with **no partitions, forever**. ``ensure_active_group`` loops ``while need_rejoin()`` and keeps an
in-flight join task across polls, so a short ``poll(timeout_ms=500)`` re-awaits it next time. The
consumer's ``need_rejoin()`` answers from the metadata snapshots: a rejoin that was triggered
because metadata changed (a new topic's partitions arriving just after the first join, the usual
case for a consumer started next to the topic's creation) makes the leader take a fresh snapshot
while it computes the assignment, and from that moment ``need_rejoin()`` says False. If the poll
that started the join timed out before the SyncGroup answer, the next poll leaves the loop without
awaiting the join task: the assignment it received is never applied, the member stays
``REBALANCING`` with its heartbeat disabled, and ``poll()`` returns nothing from then on.

Found by repeating the pipeline bench's consumer start (3 groups at a time, next to topic
creation, on 2 loaded cores): about one consumer in 150 stuck for good. CI met it as a consumer
that never received a record (pipeline smoke test, 300 s) and as service consumers that never got
their partitions (treatment's fixtures waiting 60 s for assignment).

The fix keeps ``need_rejoin()`` True while a join task is held: the loop then awaits it, or, when
it already finished unobserved, joins again (one extra rebalance, instead of none ever).
``install()`` is idempotent and returns False on a kafka-python without that coordinator.
"""

from __future__ import annotations

from typing import Any

_installed = False


def install() -> bool:
    """Patch kafka-python's consumer coordinator once per process; True when the patch is in place."""
    global _installed
    if _installed:
        return True
    try:
        from kafka.coordinator.consumer import ConsumerCoordinator
    except ImportError:
        return False
    if not hasattr(ConsumerCoordinator, "ensure_active_group_async"):
        return False  # not the 3.x coordinator this fix is written for

    original_need_rejoin = ConsumerCoordinator.need_rejoin

    def need_rejoin(self: Any) -> bool:
        if getattr(self, "_join_task", None) is not None and self._subscription.partitions_auto_assigned():
            return True  # a join is in flight or finished unobserved: its result must be applied
        return bool(original_need_rejoin(self))

    need_rejoin.__doc__ = original_need_rejoin.__doc__
    ConsumerCoordinator.need_rejoin = need_rejoin  # type: ignore[method-assign]
    _installed = True
    return True
