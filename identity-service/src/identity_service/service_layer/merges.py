"""Use cases: merge customers by hand, undo a merge."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from idic import ProblemError, utcnow
from idic.contracts import CustomersMerged, CustomerUnmerged, CustomerUpdated

from ..adapters.uow import IdentityUnitOfWork
from ..config import Settings
from ..domain.golden import Observation, golden
from ..domain.matching import blocking_keys, features
from ..domain.model import starting_model
from ..domain.resolver import Resolver, diff, strong_conflict
from .identify import policy_of, root_of

UowFactory = Callable[[], IdentityUnitOfWork]


def merge(*, survivor_id: str, merged_ids: Sequence[str], uow_factory: UowFactory, settings: Settings,
          reason: str = "manual", confidence: float | None = None) -> str:
    """Fold customers into a survivor; returns the survivor's id. Customers already in the
    survivor's cluster are skipped; different strong identifiers (national ids) refuse (409)."""
    with uow_factory() as uow:
        survivor = merge_in(uow, survivor_id=survivor_id, merged_ids=merged_ids, settings=settings, reason=reason,
                            confidence=confidence)
        uow.commit()
        return survivor


def merge_in(uow: IdentityUnitOfWork, *, survivor_id: str, merged_ids: Sequence[str], settings: Settings,
             reason: str, confidence: float | None) -> str:
    """``merge`` inside a unit of work the caller commits."""
    survivor = root_of(uow, survivor_id)
    roots = []
    for merged_id in merged_ids:
        root = root_of(uow, merged_id)
        if root != survivor and root not in roots:
            roots.append(root)
    if not roots:
        return survivor
    world = uow.customers.load_world(owners={}, keys=(), customer_ids=[survivor, *roots],
                                     strong_types=settings.strong_identifier_types)
    resolver = Resolver(world, model=starting_model(), policy=policy_of(settings), now=utcnow())
    strong = world.customers[survivor].strong_pairs()
    for root in roots:
        theirs = world.customers[root].strong_pairs()
        if strong_conflict(strong, theirs):
            raise ProblemError(409, "Conflict", f"customers {survivor} and {root} have different "
                               f"{', '.join(sorted({t for t, _ in theirs}))}: they are not one person")
        strong |= theirs
    for root in roots:
        resolver.merge(survivor_id=survivor, merged_id=root, reason=reason, confidence=confidence, emit=False)
    world.events.insert(0, CustomersMerged(customer_id=survivor, merged_ids=roots, confidence=confidence))
    uow.customers.flush(world)
    for event in world.events:
        uow.publish(event)
    return survivor


def unmerge(*, customer_id: str, restored_id: str, uow_factory: UowFactory, settings: Settings) -> list[str]:
    """Split ``restored_id`` (with whatever had been merged into it) back out of the root
    ``customer_id``, with the identifiers and attribute values it brought; returns the ids
    that came back out with it."""
    with uow_factory() as uow:
        repo = uow.customers
        root = repo.get(customer_id)
        if root is None or root.erased_at is not None:
            raise ProblemError(404, "Not Found", f"customer {customer_id} not found")
        restored = repo.get(restored_id)
        if restored is None or restored.erased_at is not None:
            raise ProblemError(404, "Not Found", f"customer {restored_id} not found")
        if root.survivor_id is not None or restored.survivor_id != root.id:
            raise ProblemError(409, "Conflict", f"customer {restored_id} is not merged into {customer_id}")
        subtree, frontier = [restored.id], [restored.id]
        while frontier:
            frontier = repo.children(frontier)
            subtree.extend(frontier)
        now = utcnow()
        rules = policy_of(settings).survivorship
        observations = [Observation.from_json(o) for o in root.observations or []]
        brought = [o for o in observations if o.origin in subtree]
        kept = [o for o in observations if o.origin not in subtree]
        before_root, before_restored = dict(root.attributes or {}), dict(restored.attributes or {})
        root.observations = [o.to_json() for o in kept]
        root.attributes = golden(kept, rules)
        root.updated_at = now
        restored.observations = [o.to_json() for o in brought]
        restored.attributes = golden(brought, rules)
        restored.merged_into = restored.survivor_id = None
        restored.updated_at = now
        # both changed values and identifiers: the engine derives their scoring data afresh
        root.match_profiles = restored.match_profiles = None
        repo.undo_merge(root_id=root.id, restored_id=restored.id, restored_merged_ids=subtree[1:], at=now)
        repo.replace_keys(root.id, blocking_keys(features(root.attributes)))
        repo.replace_keys(restored.id, blocking_keys(features(restored.attributes)))
        uow.publish(CustomerUnmerged(customer_id=root.id, restored_id=restored.id,
                                     restored_merged_ids=subtree[1:]))
        changed = diff(before_root, root.attributes)
        if changed:
            uow.publish(CustomerUpdated(customer_id=root.id, changed_attributes=changed))
        dob = restored.attributes.get("date_of_birth")
        uow.publish(CustomerUpdated(
            customer_id=restored.id, changed_attributes=diff(before_restored, restored.attributes) or
            sorted(restored.attributes), consent=dict(restored.consent or {}) or None,
            birthday_month_day=dob[5:] if dob and len(dob) == 10 else None))
        uow.commit()
        return subtree[1:]
