"""Use cases behind the HTTP API: next-best-actions, the stored context, treatments and outcomes."""

from __future__ import annotations

from collections.abc import Callable

from idic import ProblemError, utcnow

from ..adapters.uow import TreatmentUnitOfWork
from ..domain.context import CustomerContext
from ..domain.rules import Action, next_best_actions
from ..domain.treatments import TreatmentRecord

UowFactory = Callable[[], TreatmentUnitOfWork]


def _not_found(what: str) -> ProblemError:
    return ProblemError(404, "Not Found", what)


def get_next_best_actions(*, customer_id: str, channel: str | None, limit: int,
                          uow_factory: UowFactory) -> list[Action]:
    """Ranked actions from the stored context only; [] when we know nothing of the customer."""
    with uow_factory() as uow:
        context = uow.contexts.get(uow.contexts.resolve(customer_id))
    if context is None:
        return []
    return next_best_actions(context, channel=channel, limit=limit)


def get_context(*, customer_id: str, uow_factory: UowFactory) -> tuple[CustomerContext, list[str]]:
    """The survivor's context and the ids merged into it; 404 when none is stored."""
    with uow_factory() as uow:
        survivor = uow.contexts.resolve(customer_id)
        context = uow.contexts.get(survivor)
        if context is None:
            raise _not_found(f"no context for customer {customer_id}")
        return context, uow.contexts.merged_ids(survivor)


def list_treatments(*, customer_id: str, limit: int, uow_factory: UowFactory) -> list[TreatmentRecord]:
    """Treatments decided for the customer (after merges, the survivor's), newest first."""
    with uow_factory() as uow:
        return uow.treatments.for_customer(uow.contexts.resolve(customer_id), limit=limit)


def record_outcome(*, treatment_id: str, outcome: str, uow_factory: UowFactory) -> TreatmentRecord:
    """Set the customer's answer to a treatment, once: 404 unknown, 409 already answered."""
    with uow_factory() as uow:
        treatment = uow.treatments.get(treatment_id)
        if treatment is None:
            raise _not_found(f"treatment {treatment_id} not found")
        if treatment.outcome is None and uow.treatments.set_outcome(
                treatment_id=treatment_id, outcome=outcome, at=utcnow()):
            updated = uow.treatments.get(treatment_id)
            uow.commit()
            assert updated is not None
            return updated
        current = uow.treatments.get(treatment_id)  # a concurrent request may have answered first
        raise ProblemError(409, "Conflict", f"treatment {treatment_id} already has an outcome",
                           outcome=current.outcome if current else None)
