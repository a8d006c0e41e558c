"""A fix to kafka-python 3.0.x's group membership, applied until a release carries it.

The bug (kafka-python 3.0.12, and its main branch as of 2026-08): a consumer can stay in a group
with **no partitions, forever**. ``join_group_async`` loops ``while need_rejoin()`` and keeps its
join task across polls, so that a short ``poll(timeout_ms=500)`` re-awaits it next time; a join
completes only when a poll is waiting on it. Two ways lose a join whose answer came in between
two polls:

- the consumer's ``need_rejoin()`` answers from the metadata snapshots. A rejoin triggered because
  metadata changed (a new topic's partitions arriving just after the first join: the usual case
  for a consumer started next to the topic's creation) makes the leader take a fresh snapshot
  while it computes the assignment, and from then on ``need_rejoin()`` says False: the next poll
  never looks at the join task again. The member stays ``REBALANCING`` with its heartbeat
  disabled and ``poll()`` returns nothing, for good;
- when the loop does look, a join task that already finished is replaced by a new JoinGroup
  instead of being applied: one more rebalance of the whole group, and with polls shorter than
  a rebalance, never an assignment.

Found by repeating the pipeline bench's consumer start (3 groups at a time, next to topic
creation, on 2 loaded cores): one consumer start in 150-250 stuck for good; none in 2,100 with the
fix. CI met it as a consumer that never received a record (pipeline smoke test, 300 s) and as
service consumers that never got their partitions (treatment's fixtures waiting 60 s for assignment).

The fix: ``need_rejoin()`` stays True while a join task is held, and a join task that succeeded
while no poll was waiting is applied, as the loop applies one it waited for, before the loop
runs. ``install()`` is idempotent and returns False on a kafka-python without this coordinator.
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
        from kafka.structs import MemberState
    except ImportError:
        return False
    if not hasattr(ConsumerCoordinator, "join_group_async"):
        return False  # not the 3.x coordinator this fix is written for

    original_need_rejoin = ConsumerCoordinator.need_rejoin
    original_join_group = ConsumerCoordinator.join_group_async

    def need_rejoin(self: Any) -> bool:
        if self._join_task is not None and self._subscription.partitions_auto_assigned():
            return True  # a join is in flight or finished unobserved: its result must be applied
        return bool(original_need_rejoin(self))

    async def join_group_async(self: Any, timeout_ms: Any = None) -> Any:
        task = self._join_task
        if task is not None and task.is_done and task.succeeded() and self.state is MemberState.REBALANCING:
            # what join_group_async does with a join it waited for (kafka/coordinator/base.py)
            self._join_task = None
            with self._lock:
                self.rejoining = False
                self.rejoin_needed = False
                self.state = MemberState.STABLE
                self._enable_heartbeat()
            generation = self._generation
            await self._on_join_complete_async(generation.generation_id, generation.member_id,
                                               generation.protocol, task.value)
        return await original_join_group(self, timeout_ms=timeout_ms)

    need_rejoin.__doc__ = original_need_rejoin.__doc__
    join_group_async.__doc__ = original_join_group.__doc__
    ConsumerCoordinator.need_rejoin = need_rejoin  # type: ignore[method-assign]
    ConsumerCoordinator.join_group_async = join_group_async  # type: ignore[method-assign]
    _installed = True
    return True
