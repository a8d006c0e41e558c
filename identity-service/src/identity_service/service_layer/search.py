"""Find customers by name for an agent: phonetic, through the blocking-key index."""

from __future__ import annotations

from idic import ProblemError

from ..domain.customer import NameMatch
from ..domain.matching import blocking_keys
from .customers import UowFactory
from .identify import root_of


def search_by_name(*, name: str, limit: int, uow_factory: UowFactory) -> list[NameMatch]:
    """Current customers whose first and last name sound like ``name`` ("Jon Smyth" finds
    John Smith): the name's phonetic blocking key is looked up in the index the matcher keeps."""
    parts = name.split()
    if len(parts) < 2:
        raise ProblemError(422, "Unprocessable Content", "query.name: give a first and a last name",
                           errors=[{"field": "query.name", "message": "give a first and a last name"}])
    keys = [k for k in blocking_keys({"first_name": parts[0], "last_name": " ".join(parts[1:])})
            if k.startswith("nn:")]
    results: list[NameMatch] = []
    with uow_factory() as uow:
        ids = uow.customers.holders_of_keys(keys, limit=limit * 4)
        seen: set[str] = set()
        for customer_id in ids:
            root = root_of(uow, customer_id)
            customer = uow.customers.get(root)
            if root in seen or customer is None or customer.erased_at is not None:
                continue
            seen.add(root)
            results.append(NameMatch(customer_id=root, attributes=dict(customer.attributes or {})))
            if len(results) >= limit:
                break
    return results
