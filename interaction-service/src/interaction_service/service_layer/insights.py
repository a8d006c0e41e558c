"""Read use cases: feedback (NPS/CSAT), triggers, and the GDPR export."""

from __future__ import annotations

import datetime as dt

from idic import ProblemError

from ..domain import feedback
from ..domain.export import CustomerData
from ..domain.feedback import CustomerFeedback, FeedbackOverview
from ..domain.triggers import CustomerTriggers
from .record import UowFactory

HISTORY = 50  # survey answers a customer's feedback looks back on
EXPORT_TRIGGERS = 100_000  # "all of them": a customer has a few hundred at most


def feedback_overview(*, since: dt.datetime | None, until: dt.datetime | None,
                      uow_factory: UowFactory) -> FeedbackOverview:
    """NPS and CSAT overall and per channel over a period."""
    with uow_factory() as uow:
        counts = uow.interactions.feedback_by_channel(since=since, until=until)
    return feedback.overview(counts, since=since, until=until)


def customer_feedback(*, customer_id: str, uow_factory: UowFactory) -> CustomerFeedback:
    """A customer's latest answers and their trend (over the last 50 survey answers)."""
    with uow_factory() as uow:
        customer_id = uow.aliases.resolve(customer_id)
        history = uow.interactions.feedback_of(customer_id, limit=HISTORY)
    return feedback.customer_feedback(customer_id, history)


def customer_triggers(*, customer_id: str, kind: str | None, limit: int, uow_factory: UowFactory
                      ) -> CustomerTriggers:
    """A customer's detected triggers, newest first."""
    with uow_factory() as uow:
        customer_id = uow.aliases.resolve(customer_id)
        items = uow.triggers.triggers_of(customer_id=customer_id, kind=kind, limit=limit)
    return CustomerTriggers(customer_id=customer_id, items=items)


def export(*, customer_id: str, uow_factory: UowFactory) -> CustomerData:
    """GDPR art. 15: everything held about a customer; 404 when nothing is."""
    with uow_factory() as uow:
        data = CustomerData(customer_id=customer_id, interactions=uow.interactions.all_of(customer_id),
                            triggers=uow.triggers.triggers_of(customer_id=customer_id, limit=EXPORT_TRIGGERS),
                            birthday_month_day=uow.triggers.birthday_of(customer_id),
                            identifier_keys=uow.identities.keys_of(customer_id))
    if data.empty:
        raise ProblemError(404, "Not Found", f"no data held about customer {customer_id}")
    return data


def erased_at(*, customer_id: str, uow_factory: UowFactory) -> dt.datetime:
    """When this service applied the erasure of a customer (404 until it did)."""
    with uow_factory() as uow:
        at = uow.erasures.erased_at(customer_id)
    if at is None:
        raise ProblemError(404, "Not Found", f"no erasure applied for customer {customer_id}")
    return at
