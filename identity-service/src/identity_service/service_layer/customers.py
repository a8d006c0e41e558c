"""Use cases on one customer: consent, erasure (GDPR art. 17) and export (art. 15/20)."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from idic import ProblemError, utcnow
from idic.contracts import CustomerErased, CustomerUpdated

from ..adapters.uow import IdentityUnitOfWork
from ..domain.customer import CustomerConsent, CustomerExport, Erasure
from ..domain.golden import Observation
from .identify import build_profile, root_of

UowFactory = Callable[[], IdentityUnitOfWork]


def set_consent(*, customer_id: str, consent: Mapping[str, bool], uow_factory: UowFactory) -> CustomerConsent:
    """Record the given consent keys (others keep their value); publishes the whole map when it changed."""
    with uow_factory() as uow:
        root = uow.customers.get(root_of(uow, customer_id))
        assert root is not None
        before = dict(root.consent or {})
        after = {**before, **consent}
        if after != before:
            root.consent = after
            root.updated_at = utcnow()
            uow.publish(CustomerUpdated(customer_id=root.id, consent=after))
            uow.commit()
        return CustomerConsent(customer_id=root.id, consent=after)


def erase(*, customer_id: str, uow_factory: UowFactory, request_id: str | None = None) -> Erasure:
    """Delete the person's identifiers and personal data (the whole merged cluster); the ids
    stay as tombstones so that events and merges referring to them still make sense."""
    with uow_factory() as uow:
        root = root_of(uow, customer_id)
        merged = uow.customers.cluster(root)
        now = utcnow()
        uow.customers.erase_cluster(root, merged, at=now)
        # events already sent about the person carry digests of their identifiers and
        # stay in the outbox for its retention: forget them now; unsent ones still go out, in order
        uow.customers.forget_sent_events([root, *merged])
        uow.publish(CustomerErased(customer_id=root, erased_at=now, request_id=request_id))
        uow.commit()
        return Erasure(customer_id=root, erased_at=now)


def erasure_status(*, customer_id: str, uow_factory: UowFactory) -> Erasure:
    """When the customer was erased; 404 when it was not (or is unknown)."""
    with uow_factory() as uow:
        customer = uow.customers.get(customer_id)
        if customer is None or customer.erased_at is None:
            raise ProblemError(404, "Not Found", f"customer {customer_id} was not erased")
        return Erasure(customer_id=customer.id, erased_at=customer.erased_at)


def export(*, customer_id: str, uow_factory: UowFactory) -> CustomerExport:
    """Everything identity holds about the person: profile, every observed value with its
    source, merge history and reviews."""
    with uow_factory() as uow:
        root = root_of(uow, customer_id)
        customer = uow.customers.get(root)
        assert customer is not None
        cluster = [root, *uow.customers.cluster(root)]
        return CustomerExport(
            profile=build_profile(uow, root),
            observations=tuple(Observation.from_json(o) for o in customer.observations or []),
            merges=tuple(uow.customers.merges_of(cluster)),
            reviews=tuple(uow.reviews.of(cluster)),
        )
