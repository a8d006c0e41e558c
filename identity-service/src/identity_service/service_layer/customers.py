"""Use cases on one customer: consent, erasure (GDPR art. 17) and export (art. 15/20)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from typing import Any

from sqlalchemy import delete, update

from idic import ProblemError, utcnow
from idic.contracts import CustomerErased, CustomerUpdated

from ..adapters.orm import Customer, Identifier, Review, messaging
from ..adapters.uow import IdentityUnitOfWork
from .identify import build_profile, root_of

UowFactory = Callable[[], IdentityUnitOfWork]
NO_SYNC = {"synchronize_session": False}


def set_consent(*, customer_id: str, consent: Mapping[str, bool],
                uow_factory: UowFactory) -> tuple[str, dict[str, bool]]:
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
        return root.id, after


def erase(*, customer_id: str, uow_factory: UowFactory, request_id: str | None = None) -> tuple[str, dt.datetime]:
    """Delete the person's identifiers and personal data (the whole merged cluster); the ids
    stay as tombstones so that events and merges referring to them still make sense."""
    with uow_factory() as uow:
        root = root_of(uow, customer_id)
        cluster = [root, *uow.customers.cluster(root)]
        now = utcnow()
        session = uow.session
        session.execute(delete(Identifier).where(Identifier.customer_id == root).execution_options(**NO_SYNC))
        session.execute(update(Customer).where(Customer.id.in_(cluster)).values(
            attributes={}, consent={}, observations=[], match_profiles=None, erased_at=now,
            updated_at=now).execution_options(**NO_SYNC))
        session.execute(delete(Review).where(Review.customer_id.in_(cluster) | Review.candidate_id.in_(cluster))
                        .execution_options(**NO_SYNC))
        uow.customers.replace_keys(root, ())
        # events already sent about the person carry digests of their identifiers and
        # stay in the outbox for its retention: forget them now; unsent ones still go out, in order
        outbox = messaging.outbox
        session.execute(delete(outbox).where(outbox.c.key.in_(cluster), outbox.c.sent_at.is_not(None)))
        uow.publish(CustomerErased(customer_id=root, erased_at=now, request_id=request_id))
        uow.commit()
        return root, now


def erasure_status(*, customer_id: str, uow_factory: UowFactory) -> dict[str, Any]:
    """``{"customer_id", "erased_at"}`` once the customer was erased; 404 otherwise."""
    with uow_factory() as uow:
        customer = uow.customers.get(customer_id)
        if customer is None or customer.erased_at is None:
            raise ProblemError(404, "Not Found", f"customer {customer_id} was not erased")
        return {"customer_id": customer.id, "erased_at": customer.erased_at}


def export(*, customer_id: str, uow_factory: UowFactory) -> dict[str, Any]:
    """Everything identity holds about the person: profile, every observed value with its
    source, merge history and open reviews."""
    with uow_factory() as uow:
        root = root_of(uow, customer_id)
        customer = uow.customers.get(root)
        assert customer is not None
        cluster = [root, *uow.customers.cluster(root)]
        profile = build_profile(uow, root)
        return {
            "customer_id": root,
            "profile": profile.model_dump(mode="json"),
            "identifiers": [{"type": i.type, "value": i.value, "source": i.source, "brought_by": i.origin_id,
                             "created_at": i.created_at.isoformat()} for i in uow.customers.identifiers_of(root)],
            "observations": [dict(zip(("attribute", "value", "source", "count", "first_seen", "last_seen",
                                       "brought_by"), o, strict=True)) for o in customer.observations or []],
            "merges": [{"survivor_id": m.survivor_id, "merged_id": m.merged_id, "reason": m.reason,
                        "confidence": m.confidence, "merged_at": m.merged_at.isoformat(),
                        "unmerged_at": m.unmerged_at.isoformat() if m.unmerged_at else None}
                       for m in uow.customers.merges_of(cluster)],
            "reviews": [{"review_id": r.id, "customer_id": r.customer_id, "candidate_id": r.candidate_id,
                         "status": r.status, "reason": r.reason} for r in uow.customers.reviews_of(cluster)],
        }
