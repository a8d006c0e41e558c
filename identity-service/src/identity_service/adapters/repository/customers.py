"""Customers, their identifiers, blocking keys and merges: the engine's world (loaded and written
back in bulk), unmerge and erasure. Reads and writes are in bulk (chunked IN lists, multi-row
inserts) so that a batch of 10,000 records costs a few dozen statements, not tens of thousands."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, NamedTuple, TypeVar

from sqlalchemy import String, any_, bindparam, delete, func, insert, select, text, tuple_, update
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.orm import Session

from idic import bulk_insert

from ...domain.customer import HeldIdentifier, MergeRecord
from ...domain.golden import Observation
from ...domain.resolver import Candidate, CustomerState, World
from ..orm import BlockingKey, Customer, Identifier, Merge, Review, messaging

T = TypeVar("T")
CHUNK = 500
SEP = "\x1f"  # unit separator: in no blocking key (cleaned values)
SQLITE_CHUNK = 5_000  # values per IN list (SQLite allows 32,766 parameters per statement)
NO_SYNC = {"synchronize_session": False}


# the profile's reads, built once: a statement object keeps its cache key, so a GET does not pay for building
# and hashing the statement again (the ORM's per-statement work was over half of a profile read's CPU; issue 19).
# Columns, not entities: the observations (every value ever seen) and match data are not decoded for a profile.
_PROFILE_ROW = select(Customer.id, Customer.survivor_id, Customer.erased_at, Customer.attributes, Customer.consent,
                      Customer.created_at, Customer.updated_at).where(Customer.id == bindparam("customer_id"))
_IDENTIFIERS_OF = (select(Identifier.type, Identifier.value, Identifier.source, Identifier.origin_id,
                          Identifier.created_at)
                   .where(Identifier.customer_id == bindparam("customer_id")).order_by(Identifier.id))
_CLUSTER = select(Customer.id).where(Customer.survivor_id == bindparam("customer_id"))


class ProfileRow(NamedTuple):
    """What a profile shows of one customer row (merged or erased ones included)."""

    id: str
    survivor_id: str | None
    erased_at: dt.datetime | None
    attributes: dict[str, Any]
    consent: dict[str, Any]
    created_at: dt.datetime
    updated_at: dt.datetime


def chunks(items: Sequence[T], size: int = CHUNK) -> Iterator[Sequence[T]]:
    for start in range(0, len(items), size):
        yield items[start:start + size]


class CustomerRepository:
    """Customers, identifiers, blocking keys and merges (and the reviews the engine files or an erasure deletes)."""

    def __init__(self, session: Session) -> None:
        self.session = session

    # -- single rows ----------------------------------------------------------------
    def get(self, customer_id: str) -> Customer | None:
        """A customer by id (merged or erased ones included)."""
        return self.session.get(Customer, customer_id)

    def profile_row(self, customer_id: str) -> ProfileRow | None:
        """What a profile shows of a customer, merged or erased ones included; one query, nothing else loaded."""
        row = self.session.execute(_PROFILE_ROW, {"customer_id": customer_id}).first()
        return None if row is None else ProfileRow(*row)

    def add(self, customer: Customer) -> None:
        self.session.add(customer)

    def find_by_identifiers(self, pairs: list[tuple[str, str]]) -> list[Identifier]:
        """Identifier rows matching any (type, normalised value) pair."""
        if not pairs:
            return []
        return list(self.session.scalars(
            select(Identifier).where(tuple_(Identifier.type, Identifier.value).in_(pairs))))

    def owner_of(self, kind: str, value: str) -> str | None:
        """Root customer id owning one identifier (one index probe)."""
        return self.session.scalar(select(Identifier.customer_id).where(Identifier.type == kind,
                                                                         Identifier.value == value))

    def roots_of(self, customer_ids: Iterable[str]) -> dict[str, str]:
        """The current root customer of each of these customers (itself when not merged)."""
        roots: dict[str, str] = {}
        for part in self._parts(sorted(set(customer_ids))):
            for cid, survivor_id in self.session.execute(select(Customer.id, Customer.survivor_id).where(
                    self._among(Customer.id, part))):
                roots[cid] = survivor_id or cid
        return roots

    def cluster(self, root_id: str) -> list[str]:
        """Ids of every customer merged (directly or not) into this root."""
        return sorted(self.session.scalars(_CLUSTER, {"customer_id": root_id}))

    def children(self, customer_ids: Iterable[str]) -> list[str]:
        """Customers merged directly into any of these."""
        ids = list(customer_ids)
        return list(self.session.scalars(select(Customer.id).where(Customer.merged_into.in_(ids)))) if ids else []

    def identifiers_of(self, customer_id: str) -> list[HeldIdentifier]:
        """The identifiers a (root) customer holds, oldest first."""
        return [HeldIdentifier(type=kind, value=value, source=source, brought_by=origin_id, created_at=created_at)
                for kind, value, source, origin_id, created_at in self.session.execute(
                    _IDENTIFIERS_OF, {"customer_id": customer_id})]

    def merges_of(self, customer_ids: Iterable[str]) -> list[MergeRecord]:
        """Merges into or of any of these customers, oldest first."""
        ids = list(customer_ids)
        return [MergeRecord(survivor_id=m.survivor_id, merged_id=m.merged_id, reason=m.reason,
                            confidence=m.confidence, merged_at=m.merged_at, unmerged_at=m.unmerged_at,
                            explanation=m.explanation)
                for m in self.session.scalars(select(Merge).where(
                    Merge.survivor_id.in_(ids) | Merge.merged_id.in_(ids)).order_by(Merge.id))]

    # -- dedupe ------------------------------------------------------------------------
    def count_roots(self) -> int:
        """Live customers that stand for themselves (not merged, not erased)."""
        return int(self.session.scalar(select(func.count()).select_from(Customer).where(
            Customer.survivor_id.is_(None), Customer.erased_at.is_(None))) or 0)

    def root_ids_after(self, after: str, *, limit: int) -> list[str]:
        """The next ``limit`` live root customer ids after ``after``, in id order (a resumable scan)."""
        return list(self.session.scalars(select(Customer.id).where(
            Customer.id > after, Customer.survivor_id.is_(None), Customer.erased_at.is_(None))
            .order_by(Customer.id).limit(limit)))

    def keys_of(self, customer_ids: Sequence[str]) -> set[str]:
        """The blocking keys stored for these customers."""
        keys: set[str] = set()
        for part in self._parts(list(customer_ids)):
            keys.update(self.session.scalars(select(BlockingKey.key).where(self._among(BlockingKey.customer_id, part))))
        return keys

    def unmerged_pairs(self, customer_ids: Sequence[str]) -> set[frozenset[str]]:
        """Pairs a person split again (an undone merge) involving these customers."""
        pairs: set[frozenset[str]] = set()
        for part in self._parts(list(customer_ids)):
            rows = self.session.execute(select(Merge.survivor_id, Merge.merged_id).where(
                Merge.unmerged_at.is_not(None),
                self._among(Merge.survivor_id, part) | self._among(Merge.merged_id, part)))
            pairs.update(frozenset(row) for row in rows)
        return pairs

    # -- the engine's world ------------------------------------------------------------
    def owners(self, pairs: Iterable[tuple[str, str]]) -> dict[tuple[str, str], str]:
        """Root customer id of each of these identifiers that is known."""
        by_type: dict[str, list[str]] = {}
        for kind, value in sorted(set(pairs)):
            by_type.setdefault(kind, []).append(value)
        found: dict[tuple[str, str], str] = {}
        for kind, values in by_type.items():  # type = x AND value IN (...): a plain unique-index scan
            for part in self._parts(values):
                for value, cid in self.session.execute(select(Identifier.value, Identifier.customer_id).where(
                        Identifier.type == kind, self._among(Identifier.value, part))):
                    found[(kind, value)] = cid
        return found

    def load_world(self, *, owners: dict[tuple[str, str], str], keys: Iterable[str],
                   customer_ids: Iterable[str] = (), strong_types: Iterable[str] = ("national_id",),
                   max_block: int = 200) -> World:
        """Everything the engine may need: in full, the owners of the identifiers (see ``owners``)
        and the given customers; as scoring candidates, the customers sharing a blocking key
        (each loads in full later, through ``World.loader``, if a record joins it)."""
        strong = frozenset(strong_types)
        world = World(loader=lambda ids: self._full_states(ids, strong))
        world.owner.update(owners)
        full_ids = set(customer_ids) | set(owners.values())
        members = self._block_members(sorted(set(keys)), max_block)
        candidate_ids: set[str] = set()
        for key, cids in members.items():
            if len(cids) > max_block:
                # a key shared by more than max_block customers tells nothing: skip it (and say
                # so, so that the engine skips it too while it grows inside a batch)
                world.crowded.add(key)
            else:
                candidate_ids.update(cids)
        without_data = self._load_candidates(sorted(candidate_ids - full_ids), world)
        for state in self._full_states(full_ids | without_data, strong):
            world.add_loaded(state)
        for key, cids in members.items():
            if key not in world.crowded:
                world.block[key].update(c for c in cids if c in world.candidates)
        return world

    def _block_members(self, keys: list[str], max_block: int) -> dict[str, list[str]]:
        """Customers per blocking key, at most max_block + 1 (enough to tell a crowded key)."""
        members: dict[str, list[str]] = {}
        if self._postgresql:
            # one index probe per key (cost follows the batch, not the table), capped per key
            # keys are cleaned text: sent as one separated string, which psycopg passes on as is,
            # where a 60,000-element array costs it 0.2 s to encode
            joined = SEP.join(keys)
            array = "string_to_array(:keys, :sep)" if joined.count(SEP) == len(keys) - 1 else "CAST(:keys AS text[])"
            rows = self.session.execute(text(
                f"SELECT k.key, b.customer_id FROM unnest({array}) AS k(key) CROSS JOIN LATERAL "
                "(SELECT customer_id FROM blocking_keys WHERE key = k.key LIMIT :cap) AS b"),
                {"keys": joined if array.startswith("string") else keys, "sep": SEP, "cap": max_block + 1})
            for key, cid in rows:
                members.setdefault(key, []).append(cid)
            return members
        for part in self._parts(keys):
            ranked = select(BlockingKey.key, BlockingKey.customer_id, func.row_number().over(
                partition_by=BlockingKey.key).label("n")).where(self._among(BlockingKey.key, part)).subquery()
            for key, cid in self.session.execute(select(ranked.c.key, ranked.c.customer_id)
                                                 .where(ranked.c.n <= max_block + 1)):
                members.setdefault(key, []).append(cid)
        return members

    def _load_candidates(self, ids: list[str], world: World) -> set[str]:
        """Scoring data of live root customers into ``world.candidates``; answers the ids
        stored without it (written before it existed, or since unmerged): they load in full."""
        without: set[str] = set()
        for part in self._parts(ids):
            # survivor_id is tested here, not in SQL: SQLite would walk its index (every root
            # customer has a NULL there) instead of probing the primary key
            for cid, survivor_id, data in self.session.execute(
                    select(Customer.id, Customer.survivor_id, Customer.match_profiles).where(
                        self._among(Customer.id, part), Customer.erased_at.is_(None))):
                if survivor_id is not None:
                    continue
                if data is None:
                    without.add(cid)
                else:
                    world.candidates[cid] = Candidate.from_match_data(cid, data)
        return without

    def _full_states(self, customer_ids: Iterable[str], strong: frozenset[str]) -> list[CustomerState]:
        """Whole engine states (observations, e-mails, strong identifiers) of live customers."""
        states: dict[str, CustomerState] = {}
        for part in self._parts(sorted(set(customer_ids))):
            for row in self.session.execute(select(
                    Customer.id, Customer.created_at, Customer.updated_at, Customer.attributes, Customer.consent,
                    Customer.observations, Customer.merged_into, Customer.survivor_id).where(
                    self._among(Customer.id, part), Customer.erased_at.is_(None))):
                states[row.id] = CustomerState(
                    id=row.id, created_at=row.created_at, updated_at=row.updated_at,
                    attributes=dict(row.attributes or {}), consent=dict(row.consent or {}),
                    observations=[Observation.from_json(o) for o in row.observations or []],
                    merged_into=row.merged_into, survivor_id=row.survivor_id)
        types = sorted(strong | {"email"})
        for part in self._parts(sorted(states)):
            for cid, kind, value in self.session.execute(
                    select(Identifier.customer_id, Identifier.type, Identifier.value)
                    .where(self._among(Identifier.customer_id, part), Identifier.type.in_(types))):
                state = states[cid]
                if kind == "email":
                    state.emails.add(value)
                if kind in strong:
                    state.strong[kind].add(value)
        return list(states.values())

    def _parts(self, values: list[str]) -> Iterator[list[str]]:
        """PostgreSQL takes any number of values as one array parameter; others get IN lists."""
        if self._postgresql:
            if values:
                yield values
            return
        for part in chunks(values, SQLITE_CHUNK):
            yield list(part)

    def _among(self, column: Any, values: list[str]) -> Any:
        """``column IN values``: ``= ANY(array)`` on PostgreSQL (one parameter, no SQL text
        the size of the list to build and parse), an IN list elsewhere."""
        if self._postgresql:
            return column == any_(bindparam(None, values, type_=ARRAY(String), unique=True))
        return column.in_(values)

    @property
    def _postgresql(self) -> bool:
        return self.session.get_bind().dialect.name == "postgresql"

    def flush(self, world: World) -> dict[str, int]:
        """Write the world's changes back: new rows in bulk, merges as set-based updates.
        Answers how many rows each table received."""
        session = self.session
        new = [c for c in world.customers.values() if c.new]
        if new:
            bulk_insert(session, Customer, [_row(c) for c in new])
        for op in world.merges:
            session.execute(update(Identifier).where(Identifier.customer_id == op.merged_id)
                            .values(customer_id=op.survivor_id).execution_options(**NO_SYNC))
            session.execute(update(Customer).where(Customer.survivor_id == op.merged_id)
                            .values(survivor_id=op.survivor_id).execution_options(**NO_SYNC))
        if world.new_identifiers:
            bulk_insert(session, Identifier, [{**i, "customer_id": world.root(i["origin_id"])}
                                              for i in world.new_identifiers])
        changed = [c for c in world.customers.values() if c.dirty and not c.new]
        if changed:
            session.execute(update(Customer).execution_options(**NO_SYNC), [_row(c) for c in changed])
        stale: list[tuple[str, str]] = []
        fresh: list[dict[str, str]] = []
        for c in world.customers.values():
            if c.indexed is None and not c.new:
                continue
            current = c.indexed if c.indexed is not None else c.keys()
            stale.extend((key, c.id) for key in c.stored_keys - current)
            fresh.extend({"key": key, "customer_id": c.id} for key in sorted(current - c.stored_keys))
        for part in chunks(stale):
            session.execute(delete(BlockingKey).where(tuple_(BlockingKey.key, BlockingKey.customer_id).in_(list(part)))
                            .execution_options(**NO_SYNC))
        if fresh:
            bulk_insert(session, BlockingKey, fresh)
        if world.merges:
            session.execute(insert(Merge), [{"survivor_id": m.survivor_id, "merged_id": m.merged_id,
                                             "reason": m.reason, "confidence": m.confidence, "merged_at": m.at,
                                             "explanation": m.explanation.to_json() if m.explanation else None}
                                            for m in world.merges])
        if world.reviews:
            session.execute(insert(Review), world.reviews)
        session.flush()
        return {"customers": len(new), "identifiers": len(world.new_identifiers), "blocking_keys": len(fresh)}

    def refresh_statistics(self, inserted: dict[str, int]) -> None:
        """ANALYZE tables whose planner statistics a bulk insert made stale (PostgreSQL): a
        planner that still believes a table empty scans it for every key of the next batch."""
        if self.session.get_bind().dialect.name != "postgresql":
            return
        names = [name for name, count in inserted.items() if count >= 1_000]
        if not names:
            return
        stats = {str(name): float(tuples) for name, tuples in self.session.execute(
            text("SELECT relname, reltuples FROM pg_class WHERE relname = ANY(:names)"), {"names": names})}
        for name in names:
            if stats.get(name, -1) < inserted[name]:  # stats count fewer rows than this batch added
                self.session.execute(text(f"ANALYZE {name}"))

    # -- blocking keys ------------------------------------------------------------------
    def holders_of_keys(self, keys: Sequence[str], *, limit: int) -> list[str]:
        """Ids of customers holding any of these blocking keys, at most ``limit`` (an index probe)."""
        return list(self.session.scalars(select(BlockingKey.customer_id).where(BlockingKey.key.in_(keys))
                                         .limit(limit)))

    def replace_keys(self, customer_id: str, keys: Iterable[str]) -> None:
        """Set the blocking keys of one customer (after an unmerge or an erasure)."""
        self.session.execute(delete(BlockingKey).where(BlockingKey.customer_id == customer_id)
                             .execution_options(**NO_SYNC))
        rows = [{"key": k, "customer_id": customer_id} for k in sorted(set(keys))]
        if rows:
            self.session.execute(insert(BlockingKey), rows)

    # -- unmerge and erasure ------------------------------------------------------------
    def undo_merge(self, *, root_id: str, restored_id: str, restored_merged_ids: Sequence[str],
                   at: dt.datetime) -> None:
        """Split ``restored_id`` back out of the cluster of ``root_id``: the customers merged into
        it point at it again, the identifiers it and they brought move back to it, and its merge
        is marked undone (the customers' own values are the caller's to set)."""
        brought_by = [restored_id, *restored_merged_ids]
        self.session.execute(update(Customer).where(Customer.id.in_(list(restored_merged_ids)))
                             .values(survivor_id=restored_id).execution_options(**NO_SYNC))
        self.session.execute(update(Identifier).where(Identifier.customer_id == root_id,
                                                      Identifier.origin_id.in_(brought_by))
                             .values(customer_id=restored_id).execution_options(**NO_SYNC))
        self.session.execute(update(Merge).where(Merge.merged_id == restored_id, Merge.unmerged_at.is_(None))
                             .values(unmerged_at=at).execution_options(**NO_SYNC))

    def erase_cluster(self, root_id: str, merged_ids: Sequence[str], *, at: dt.datetime) -> None:
        """Delete the personal data of a root customer and of the customers merged into it:
        identifiers (the root holds them all), attribute values, consent, observations, scoring
        data, blocking keys and the reviews about any of them. The ids stay, with ``erased_at``,
        as tombstones."""
        cluster = [root_id, *merged_ids]
        self.session.execute(delete(Identifier).where(Identifier.customer_id == root_id)
                             .execution_options(**NO_SYNC))
        self.session.execute(update(Customer).where(Customer.id.in_(cluster)).values(
            attributes={}, consent={}, observations=[], match_profiles=None, erased_at=at,
            updated_at=at).execution_options(**NO_SYNC))
        self.session.execute(delete(Review).where(Review.customer_id.in_(cluster) | Review.candidate_id.in_(cluster))
                             .execution_options(**NO_SYNC))
        self.replace_keys(root_id, ())

    def forget_sent_events(self, customer_ids: Sequence[str]) -> None:
        """Delete the outbox rows already sent about these customers (their events are keyed by
        customer id); unsent ones stay for the relay. idic's unit of work offers no call for this:
        its relay prunes sent rows only once they are older than the retention."""
        outbox = messaging.outbox
        self.session.execute(delete(outbox).where(outbox.c.key.in_(list(customer_ids)), outbox.c.sent_at.is_not(None)))


def _row(c: CustomerState) -> dict[str, Any]:
    return {"id": c.id, "created_at": c.created_at, "updated_at": c.updated_at, "attributes": c.attributes,
            "consent": c.consent, "observations": [o.to_json() for o in c.observations],
            "merged_into": c.merged_into, "survivor_id": c.survivor_id, "match_profiles": c.match_data()}
