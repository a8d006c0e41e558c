"""Use cases of identity-service: identify, look up, read a profile."""

from __future__ import annotations

import uuid
from collections.abc import Callable

from sqlalchemy.exc import IntegrityError

from idic import ProblemError, utcnow
from idic.contracts import CustomerIdentified, CustomerUpdated

from ..adapters.orm import Customer, Identifier
from ..adapters.uow import IdentityUnitOfWork
from ..api.schemas import IdentifierOut, IdentifyRequest, IdentifyResult, Profile
from ..domain.identifiers import InvalidIdentifier, identifier_key, normalise

UowFactory = Callable[[], IdentityUnitOfWork]


def normalised_pairs(request: IdentifyRequest, *, default_region: str,
                     field_prefix: str = "body") -> list[tuple[str, str]]:
    """(type, normalised value) of every identifier; 422 naming the first bad one."""
    pairs = []
    for index, identifier in enumerate(request.identifiers):
        try:
            pairs.append((identifier.type, normalise(identifier.type, identifier.value, default_region=default_region)))
        except InvalidIdentifier as exc:
            field = f"{field_prefix}.identifiers.{index}.value"
            raise ProblemError(422, "Unprocessable Content", f"{field}: {exc}",
                               errors=[{"field": field, "message": str(exc)}]) from exc
    return list(dict.fromkeys(pairs))


def _survivor(uow: IdentityUnitOfWork, customer: Customer) -> Customer:
    """Follow merge pointers to the customer that currently stands for this one."""
    seen = set()
    while customer.merged_into and customer.id not in seen:
        seen.add(customer.id)
        nxt = uow.customers.get(customer.merged_into)
        if nxt is None:
            break
        customer = nxt
    return customer


def identify(*, request: IdentifyRequest, uow_factory: UowFactory, default_region: str) -> IdentifyResult:
    """Find the customer these identifiers belong to (exact match), or create one."""
    pairs = normalised_pairs(request, default_region=default_region)
    for attempt in range(3):
        try:
            return _identify_once(request=request, pairs=pairs, uow_factory=uow_factory)
        except IntegrityError:
            # a concurrent request created one of these identifiers first: match it now
            if attempt == 2:
                raise
    raise AssertionError("unreachable")


def _identify_once(*, request: IdentifyRequest, pairs: list[tuple[str, str]],
                   uow_factory: UowFactory) -> IdentifyResult:
    now = utcnow()
    with uow_factory() as uow:
        hits = uow.customers.find_by_identifiers(pairs)
        owners = {}
        for hit in hits:
            survivor = _survivor(uow, hit.customer)
            if survivor.erased_at is None:
                owners[survivor.id] = survivor
        if owners:
            # Several owners would call for a merge (issue: probabilistic matching and merges);
            # until then the oldest customer wins and nobody's identifiers move.
            customer = min(owners.values(), key=lambda c: (c.created_at, c.id))
            created, matched_by, confidence = False, "identifier", 1.0
        else:
            customer = Customer(id=str(uuid.uuid4()), created_at=now, updated_at=now, attributes={}, consent={})
            uow.customers.add(customer)
            created, matched_by, confidence = True, "new", 1.0
        known = {(h.type, h.value) for h in hits}
        new_pairs = [p for p in pairs if p not in known]
        for kind, value in new_pairs:
            customer.identifiers.append(Identifier(type=kind, value=value, source=request.source, created_at=now))
        changed = _apply_attributes(customer, request)
        if changed:
            customer.updated_at = now
        uow.publish(CustomerIdentified(
            customer_id=customer.id, created=created, matched_by=matched_by, confidence=confidence,
            identifier_keys=[identifier_key(k, v) for k, v in pairs], source=request.source))
        if not created and (changed or new_pairs):
            uow.publish(CustomerUpdated(customer_id=customer.id, changed_attributes=changed,
                                        added_identifier_keys=[identifier_key(k, v) for k, v in new_pairs]))
        uow.commit()
        return IdentifyResult(customer_id=customer.id, created=created, matched_by=matched_by, confidence=confidence)


def _apply_attributes(customer: Customer, request: IdentifyRequest) -> list[str]:
    """Most recent non-empty value wins (survivorship rules come with probabilistic matching)."""
    if request.attributes is None:
        return []
    incoming = request.attributes.model_dump(exclude_none=True)
    current = dict(customer.attributes or {})
    changed = sorted(k for k, v in incoming.items() if v.strip() and current.get(k) != v.strip())
    if changed:
        current.update({k: incoming[k].strip() for k in changed})
        customer.attributes = current
    return changed


def lookup(*, kind: str, value: str, uow_factory: UowFactory, default_region: str) -> str:
    """Current survivor owning this identifier; 404 problem when nobody does."""
    try:
        normalised = normalise(kind, value, default_region=default_region)
    except InvalidIdentifier as exc:
        raise ProblemError(422, "Unprocessable Content", f"query.value: {exc}",
                           errors=[{"field": "query.value", "message": str(exc)}]) from exc
    with uow_factory() as uow:
        hits = uow.customers.find_by_identifiers([(kind, normalised)])
        if hits:
            survivor = _survivor(uow, hits[0].customer)
            if survivor.erased_at is None:
                return survivor.id
    raise ProblemError(404, "Not Found", f"no customer has {kind} identifier {value!r}")


def get_profile(*, customer_id: str, uow_factory: UowFactory) -> Profile:
    """Profile of the customer (following merges to the survivor); 404 when unknown or erased."""
    with uow_factory() as uow:
        customer = uow.customers.get(customer_id)
        if customer is not None:
            customer = _survivor(uow, customer)
        if customer is None or customer.erased_at is not None:
            raise ProblemError(404, "Not Found", f"customer {customer_id} not found")
        return Profile(
            customer_id=customer.id,
            attributes=dict(customer.attributes or {}),
            identifiers=[IdentifierOut(type=i.type, value=i.value, source=i.source) for i in customer.identifiers],
            merged_ids=uow.customers.merged_into(customer.id),
            consent=dict(customer.consent or {}),
            created_at=customer.created_at,
            updated_at=customer.updated_at,
        )
