"""Use cases of identity-service: identify (one or a batch), look up, read a profile."""

from __future__ import annotations

import gc
import threading
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager

from sqlalchemy.exc import IntegrityError

from idic import ProblemError, utcnow

from ..adapters.repository.customers import ProfileRow
from ..adapters.uow import IdentityUnitOfWork
from ..config import Settings
from ..domain.customer import CustomerProfile
from ..domain.golden import Survivorship, normalised_attributes
from ..domain.identifiers import InvalidIdentifier, normalise
from ..domain.resolver import CandidateChanged, Policy, Record, Resolution, Resolver
from .models import ModelCache

UowFactory = Callable[[], IdentityUnitOfWork]
_GMAIL = {"gmail.com", "googlemail.com"}


def normalise_identifier(kind: str, value: str, *, settings: Settings) -> str:
    """The matching form: idic's normal form, plus provider e-mail rules when enabled."""
    normalised = normalise(kind, value, default_region=settings.default_phone_region)
    if kind == "email" and settings.email_provider_rules:
        local, _, domain = normalised.rpartition("@")
        local = local.split("+", 1)[0] or local
        if domain in _GMAIL:
            local, domain = local.replace(".", ""), "gmail.com"
        normalised = f"{local}@{domain}"
    return normalised


def to_record(*, identifiers: Sequence[tuple[str, str]], attributes: Mapping[str, str], source: str | None,
              settings: Settings, field_prefix: str = "body") -> Record:
    """Validated, normalised record from (type, value) pairs as given and attribute values (blank
    ones dropped); 422 naming the first identifier that cannot be normalised (``field_prefix``
    says where the record sits in the request)."""
    pairs = []
    for index, (kind, value) in enumerate(identifiers):
        try:
            pairs.append((kind, normalise_identifier(kind, value, settings=settings)))
        except InvalidIdentifier as exc:
            field = f"{field_prefix}.identifiers.{index}.value"
            raise ProblemError(422, "Unprocessable Content", f"{field}: {exc}",
                               errors=[{"field": field, "message": str(exc)}]) from exc
    cleaned = normalised_attributes(attributes)
    if not pairs and not cleaned:
        field = f"{field_prefix}.identifiers"
        raise ProblemError(422, "Unprocessable Content", f"{field}: give at least one identifier or attribute",
                           errors=[{"field": field, "message": "give at least one identifier or attribute"}])
    return Record(pairs=list(dict.fromkeys(pairs)), attributes=cleaned, source=source)


def policy_of(settings: Settings) -> Policy:
    """The engine's knobs from the settings."""
    return Policy(
        survivorship=Survivorship(rules=settings.survivorship, default=settings.survivorship_default,
                                  source_priority=tuple(settings.source_priority)),
        strong_types=frozenset(settings.strong_identifier_types), probabilistic=settings.probabilistic_matching,
        match_threshold=settings.match_threshold, review_threshold=settings.review_threshold,
        max_candidates=settings.max_candidates, link_identified=settings.link_identified)


def identify_records(*, records: Sequence[Record], uow_factory: UowFactory, settings: Settings,
                     models: ModelCache) -> list[Resolution]:
    """Identify records in order in one transaction: the same answers as one call per record."""
    for attempt in range(3):
        try:
            with _collector_paused(len(records) >= 100):
                return _identify_once(records=records, uow_factory=uow_factory, settings=settings, models=models)
        except (IntegrityError, CandidateChanged):
            # a concurrent request created one of these identifiers first, or erased or merged a
            # candidate after we read it: identify again against what is stored now
            if attempt == 2:
                raise
    raise AssertionError("unreachable")


# module state on purpose: there is one collector per process, so the count of batches holding
# it off must be one per process too (a count per app or runtime would let one turn it back on
# under another's batch). It holds no settings and nothing a test or a request configures.
_paused = 0
_paused_lock = threading.Lock()


@contextmanager
def _collector_paused(pause: bool) -> Iterator[None]:
    """Hold off Python's cyclic garbage collector during a batch: a 10,000-record batch
    allocates about a million objects, which triggers full collections that traverse every
    object of the process (measured: 2 of 6 seconds of a batch). Everything the batch creates
    is freed by reference counting when it ends; the collector resumes once no batch runs."""
    global _paused
    if not pause:
        yield
        return
    with _paused_lock:
        _paused += 1
        gc.disable()
    try:
        yield
    finally:
        with _paused_lock:
            _paused -= 1
            if _paused == 0:
                gc.enable()


def _identify_once(*, records: Sequence[Record], uow_factory: UowFactory, settings: Settings,
                   models: ModelCache) -> list[Resolution]:
    with uow_factory() as uow:
        model = models.get(uow)
        pairs = [p for r in records for p in r.pairs]
        known = uow.customers.owners(pairs)
        # records a stored identifier decides need candidates only to link other customers to them
        keys: set[str] = set()
        if settings.probabilistic_matching:
            keys = {k for r in records
                    if r.attributes and (settings.link_identified or not any(p in known for p in r.pairs))
                    for k in r.keys()}
        world = uow.customers.load_world(owners=known, keys=keys, strong_types=settings.strong_identifier_types,
                                          max_block=settings.max_candidates)
        resolver = Resolver(world, model=model, policy=policy_of(settings), now=utcnow())
        results = [resolver.identify(r) for r in records]
        inserted = uow.customers.flush(world)
        for event in world.events:
            uow.publish(event)
        uow.commit()
    if max(inserted.values()) >= 1_000:
        with uow_factory() as uow:
            uow.customers.refresh_statistics(inserted)
            uow.commit()
    return results


def lookup(*, kind: str, value: str, uow_factory: UowFactory, settings: Settings) -> str:
    """Current survivor owning this identifier; 404 problem when nobody does."""
    try:
        normalised = normalise_identifier(kind, value, settings=settings)
    except InvalidIdentifier as exc:
        raise ProblemError(422, "Unprocessable Content", f"query.value: {exc}",
                           errors=[{"field": "query.value", "message": str(exc)}]) from exc
    with uow_factory() as uow:
        # identifiers always point at the root customer and are deleted on erasure: one probe
        owner = uow.customers.owner_of(kind, normalised)
    if owner is None:
        raise ProblemError(404, "Not Found", f"no customer has this {kind} identifier")
    return owner


def root_of(uow: IdentityUnitOfWork, customer_id: str) -> str:
    """The live root customer standing for ``customer_id``; 404 when unknown or erased."""
    return str(_root_row(uow, customer_id).id)


def _root_row(uow: IdentityUnitOfWork, customer_id: str) -> ProfileRow:
    """The profile row of the live root customer standing for ``customer_id``; 404 when unknown or erased."""
    row = uow.customers.profile_row(customer_id)
    if row is not None and row.survivor_id:
        row = uow.customers.profile_row(row.survivor_id)
    if row is None or row.erased_at is not None:
        raise ProblemError(404, "Not Found", f"customer {customer_id} not found")
    return row


def get_profile(*, customer_id: str, uow_factory: UowFactory) -> CustomerProfile:
    """Profile of the customer (following merges to the survivor); 404 when unknown or erased."""
    with uow_factory() as uow:
        return _profile(uow, _root_row(uow, customer_id))


def build_profile(uow: IdentityUnitOfWork, root_id: str) -> CustomerProfile:
    """The profile of a root customer: golden record, identifiers, merged ids, consent."""
    row = uow.customers.profile_row(root_id)
    assert row is not None
    return _profile(uow, row)


def _profile(uow: IdentityUnitOfWork, row: ProfileRow) -> CustomerProfile:
    return CustomerProfile(
        customer_id=row.id,
        attributes=dict(row.attributes or {}),
        identifiers=tuple(uow.customers.identifiers_of(row.id)),
        merged_ids=tuple(uow.customers.cluster(row.id)),
        consent=dict(row.consent or {}),
        created_at=row.created_at,
        updated_at=row.updated_at,
    )
