"""Fast loading of many distinct customers for the benchmarks: the service's own engine builds the
rows (normalised identifiers, observations, golden record, blocking keys) exactly as
``identify`` would store them, and the repository writes them with COPY, without a request,
a matching step or outbox events per customer. Test support: it reaches into the service's
internals, so it lives with the benchmarks, not in the package."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from typing import Any

from identity_service.adapters.uow import IdentityUnitOfWork
from identity_service.api.bodies import record_of
from identity_service.config import Settings
from identity_service.domain.model import starting_model
from identity_service.domain.resolver import Resolver, World
from identity_service.service_layer.identify import policy_of
from idic import utcnow
from idic.public.identity import IdentifyRequest


def load_distinct_customers(*, records: Iterable[dict[str, Any]], uow_factory: Callable[[], IdentityUnitOfWork],
                            settings: Settings, chunk: int = 20_000,
                            progress: Callable[[int], None] | None = None) -> int:
    """Store each record as a new customer (the records must be of distinct people with
    identifiers nobody has yet); answers how many were stored."""
    # matching is what a bench of distinct people does not need: without it the engine only
    # normalises, builds the golden record and the blocking keys
    policy = dataclasses.replace(policy_of(settings), probabilistic=False, link_identified=False)
    total = 0
    for part in _chunks(iter(records), chunk):
        world = World()
        resolver = Resolver(world, model=starting_model(), policy=policy, now=utcnow())
        for raw in part:
            resolver.identify(record_of(IdentifyRequest.model_validate(raw), settings=settings))
        with uow_factory() as uow:
            uow.customers.flush(world)
            uow.commit()
        total += len(part)
        if progress is not None:
            progress(total)
    return total


def _chunks(items: Iterator[dict[str, Any]], size: int) -> Iterator[list[dict[str, Any]]]:
    while part := list(islice(items, size)):
        yield part
