"""Use cases behind the HTTP API: next-best-actions, the stored context, treatments and outcomes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from idic import ProblemError, utcnow

from ..adapters.uow import TreatmentUnitOfWork
from ..domain.context import CustomerContext
from ..domain.next_best_actions import next_best_actions, segment_of
from ..domain.rules import Action
from ..domain.treatments import TreatmentRecord
from .decisions import LazyPropensities, view_of

UowFactory = Callable[[], TreatmentUnitOfWork]


def _not_found(what: str) -> ProblemError:
    return ProblemError(404, "Not Found", what)


def get_next_best_actions(*, customer_id: str, channel: str | None, limit: int,
                          uow_factory: UowFactory) -> list[Action]:
    """Ranked actions from the stored context only; [] when we know nothing of the customer."""
    with uow_factory() as uow:
        context = uow.contexts.get(uow.aliases.resolve(customer_id))
        if context is None:
            return []
        rules = uow.rules.active()
        policy = uow.rules.policy()
        view = view_of(uow, context, now=utcnow(), policy=policy)
        return next_best_actions(rules, view, policy=policy, channel=channel, limit=limit,
                                 propensities=LazyPropensities(uow, segment_of(view)))


def get_context(*, customer_id: str, uow_factory: UowFactory) -> tuple[CustomerContext, list[str]]:
    """The survivor's context and the ids merged into it; 404 when none is stored."""
    with uow_factory() as uow:
        survivor = uow.aliases.resolve(customer_id)
        context = uow.contexts.get(survivor)
        if context is None:
            raise _not_found(f"no context for customer {customer_id}")
        return context, uow.aliases.merged_into(survivor)


def page_treatments(*, customer_id: str, limit: int, before: tuple[dt.datetime, str] | None,
                    uow_factory: UowFactory) -> tuple[str, list[TreatmentRecord]]:
    """One page of the customer's treatments (the survivor's after merges), newest first."""
    with uow_factory() as uow:
        survivor = uow.aliases.resolve(customer_id)
        return survivor, uow.treatments.page(survivor, limit=limit, before=before)


def list_treatments(*, customer_id: str, limit: int, uow_factory: UowFactory) -> list[TreatmentRecord]:
    """Treatments decided for the customer (after merges, the survivor's), newest first."""
    with uow_factory() as uow:
        return uow.treatments.for_customer(uow.aliases.resolve(customer_id), limit=limit)


def export_customer(*, customer_id: str, uow_factory: UowFactory) -> tuple[CustomerContext | None, list[str],
                                                                            list[TreatmentRecord]]:
    """Everything held about the customer (GDPR art. 15); 404 when nothing is."""
    with uow_factory() as uow:
        survivor = uow.aliases.resolve(customer_id)
        context = uow.contexts.get(survivor)
        treatments = uow.treatments.for_customer(survivor, limit=100_000)
        if context is None and not treatments:
            raise _not_found(f"nothing held about customer {customer_id}")
        return context, uow.aliases.merged_into(survivor), treatments


def erasure_status(*, customer_id: str, uow_factory: UowFactory) -> dt.datetime:
    """When this service applied the erasure of ``customer_id``; 404 when it has not."""
    with uow_factory() as uow:
        erased_at = uow.erasures.erased_at(customer_id)
    if erased_at is None:
        raise _not_found(f"no erasure applied for customer {customer_id}")
    return erased_at
