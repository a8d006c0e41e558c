"""What every decision needs, read once from the unit of work: active rules, policy,
the customer's recent treatments and (lazily) the propensities of their segment."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping

from ..adapters.uow import TreatmentUnitOfWork
from ..domain.context import CustomerContext
from ..domain.facts import EventFacts, FactView
from ..domain.next_best_actions import ContactPolicy, Outcomes


class LazyPropensities(Mapping[tuple[str, str], Outcomes]):
    """Loads the segment's outcome counts on first use: most decisions fire nothing."""

    def __init__(self, uow: TreatmentUnitOfWork, segment: str) -> None:
        self._uow, self._segment = uow, segment
        self._data: dict[tuple[str, str], Outcomes] | None = None

    def _loaded(self) -> dict[tuple[str, str], Outcomes]:
        if self._data is None:
            self._data = {(a, s): o for a, s, o in self._uow.rules.segment_propensities(self._segment)}
        return self._data

    def __getitem__(self, key: tuple[str, str]) -> Outcomes:
        return self._loaded()[key]

    def __iter__(self) -> Iterator[tuple[str, str]]:
        return iter(self._loaded())

    def __len__(self) -> int:
        return len(self._loaded())


def history_days(policy: ContactPolicy) -> int:
    """How far back contact policy looks."""
    return max(policy.period_days, policy.decline_cooldown_days, policy.open_offer_days, 1)


def view_of(uow: TreatmentUnitOfWork, context: CustomerContext, *, now: dt.datetime, policy: ContactPolicy,
            event: EventFacts | None = None) -> FactView:
    """The facts of one decision for this customer (one query for recent treatments)."""
    history = uow.treatments.history(context.customer_id, since=now - dt.timedelta(days=history_days(policy)))
    return FactView(ctx=context, now=now, event=event, history=history)
