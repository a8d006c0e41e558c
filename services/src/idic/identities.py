"""Merge aliases and erasure tombstones: what a consuming service keeps of identity's merges and
erasures, declared on that service's own MetaData (like the outbox and inbox) and used through
one API.

A merge leaves an alias ``merged_id -> survivor_id`` so that late events and reads of a merged id
go to the survivor; an unmerge removes it; an erasure drops the aliases of and to the erased id and
keeps a tombstone (the opaque id and when, nothing personal) so that late events are not stored
again. What a service does with its *own* data on a merge or an erasure (moving interactions,
folding features, deleting contexts) stays in that service."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Column, MetaData, Select, String, Table, bindparam, delete, insert, or_, select, text, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from .consumer import BatchPreparer, Handler
from .contracts import CustomerErased, CustomersMerged, CustomerUnmerged, EventPayload
from .db import UtcDateTime
from .events import CloudEvent

ID_LENGTH = 255  # customer ids are opaque strings from identity-service, and Kafka keys here (<= 255)
_IN_CHUNK = 500  # bound parameters per IN (): SQLite allows 32,766, PostgreSQL 65,535

# each single-customer read asks for the survivor first: a statement built once per alias table keeps its cache
# key, so the read does not build and hash it again (issue 19)
_SURVIVOR_QUERIES: dict[Table, Select[str]] = {}


def _survivor_query(table: Table) -> Select[str]:
    query = _SURVIVOR_QUERIES.get(table)
    if query is None:
        query = _SURVIVOR_QUERIES[table] = select(table.c.survivor_id).where(
            table.c.merged_id == bindparam("merged_id"))
    return query


@dataclass(frozen=True)
class IdentityTables:
    """``customer_aliases`` (merged id -> survivor) and ``erasures`` (tombstones)."""

    aliases: Table
    erasures: Table


def add_identity_tables(metadata: MetaData) -> IdentityTables:
    """Declare ``customer_aliases`` and ``erasures`` on a service's metadata."""
    aliases = Table(
        "customer_aliases", metadata,
        Column("merged_id", String(ID_LENGTH), primary_key=True),
        Column("survivor_id", String(ID_LENGTH), nullable=False, index=True),  # what was merged into whom
        Column("merged_at", UtcDateTime, nullable=False),
    )
    erasures = Table(
        "erasures", metadata,
        Column("customer_id", String(ID_LENGTH), primary_key=True),
        Column("erased_at", UtcDateTime, nullable=False),
    )
    return IdentityTables(aliases=aliases, erasures=erasures)


def _chunks(values: Iterable[str]) -> Iterator[list[str]]:
    ordered = sorted(set(values))  # sorted: the same statements, in the same order, for the same ids
    for start in range(0, len(ordered), _IN_CHUNK):
        yield ordered[start:start + _IN_CHUNK]


def _walk(customer_id: str, survivor_of: dict[str, str | None]) -> str:
    """Follow aliases from ``customer_id`` to the id that stands for itself (a cycle ends the walk)."""
    seen = {customer_id}
    current = customer_id
    while (survivor := survivor_of.get(current)) is not None and survivor not in seen:
        seen.add(survivor)
        current = survivor
    return current


class Aliases:
    """Merge aliases, read and written in one unit of work's session.

    Writes keep aliases one hop deep (a merge re-points the aliases of the ids it merges); reads
    follow chains anyway. What ``prefetch`` loaded and what this object wrote is remembered for the
    rest of the transaction, so looking it up again needs no query; every write keeps it true. Plain
    reads are not remembered: each asks the database, as a transaction at read committed would."""

    def __init__(self, session: Session, table: Table) -> None:
        self.session = session
        self.table = table
        self._known: dict[str, str | None] = {}  # id -> survivor (None: not merged away)
        self._held: str | None = None  # the identity-changes lock this transaction holds: shared, exclusive

    def serialise_with_identity_changes(self, *, exclusive: bool) -> None:
        """On PostgreSQL, take the service's identity-changes lock to the end of the transaction: exclusive
        to apply a merge, an unmerge or an erasure, shared to apply anything else about a customer. With
        several consumers of one group (replicas), one may otherwise apply B's purchase while another
        merges B into A: the first, not seeing the merge yet (read committed), writes B's state after the
        second moved it to A, and the purchase stays on a merged-away id; after an erasure, data of the
        erased person would be stored again. Taken before anything is read or locked (``prefetch``, row
        locks), so it orders whole transactions; shared holders run side by side. SQLite takes its single
        write lock at BEGIN, which orders them already."""
        wanted = "exclusive" if exclusive else "shared"
        if self._held == "exclusive" or self._held == wanted:
            return
        if self.session.get_bind().dialect.name != "postgresql":
            return
        function = "pg_advisory_xact_lock" if exclusive else "pg_advisory_xact_lock_shared"
        self.session.execute(text(f"SELECT {function}(hashtext('idic:identity-changes'))"))
        self._held = wanted

    # -- reads ----------------------------------------------------------------------
    def resolve(self, customer_id: str) -> str:
        """The survivor standing for this id (the id itself when it was never merged away)."""
        seen = {customer_id}
        current = customer_id
        while (survivor := self._survivor_of(current)) is not None and survivor not in seen:
            seen.add(survivor)
            current = survivor
        return current

    def resolve_many(self, customer_ids: Iterable[str]) -> dict[str, str]:
        """Each of these ids -> the survivor standing for it (itself when never merged away): one
        query per chunk of ids, and one more only when some of them were merged away."""
        return self._resolve_all(customer_ids, remember=False)

    def prefetch(self, customer_ids: Iterable[str]) -> dict[str, str]:
        """``resolve_many``, remembering every alias and every absence found for the rest of the
        transaction (a consumer batch: one query for the batch instead of one per event)."""
        return self._resolve_all(customer_ids, remember=True)

    def merged_into(self, survivor_id: str) -> list[str]:
        """The ids standing for this survivor, sorted."""
        found: set[str] = set()
        frontier = {survivor_id}
        while frontier:
            rows: set[str] = set()
            for chunk in _chunks(frontier):
                rows.update(self.session.scalars(select(self.table.c.merged_id)
                                                 .where(self.table.c.survivor_id.in_(chunk))))
            frontier = rows - found - {survivor_id}
            found |= frontier
        return sorted(found)

    # -- writes ---------------------------------------------------------------------
    def record_merge(self, *, survivor_id: str, merged_ids: Iterable[str], at: dt.datetime) -> None:
        """The merged ids, and every id merged into one of them before, now stand for the survivor;
        the survivor stands for itself (the newest merge wins over an alias it had)."""
        merged = [m for m in dict.fromkeys(merged_ids) if m != survivor_id]
        t = self.table
        for chunk in _chunks([*merged, survivor_id]):
            self.session.execute(delete(t).where(t.c.merged_id.in_(chunk)))
        if merged:
            for chunk in _chunks(merged):
                self.session.execute(update(t).where(t.c.survivor_id.in_(chunk)).values(survivor_id=survivor_id))
            self.session.execute(insert(t), [{"merged_id": m, "survivor_id": survivor_id, "merged_at": at}
                                             for m in merged])
        gone = set(merged)
        for customer_id, survivor in self._known.items():
            if survivor in gone:
                self._known[customer_id] = survivor_id
        self._known.update(dict.fromkeys(merged, survivor_id))
        self._known[survivor_id] = None

    def undo_merge(self, *, restored_id: str, survivor_id: str) -> bool:
        """Unmerge: the restored id stands for itself again. Only when it stands for the same survivor
        as ``survivor_id`` (a later merge of it elsewhere wins); False when there was nothing to undo."""
        standing = self.resolve(restored_id)
        if standing == restored_id or standing != self.resolve(survivor_id):
            return False
        self.session.execute(delete(self.table).where(self.table.c.merged_id == restored_id))
        self._known[restored_id] = None
        return True

    def forget(self, customer_id: str) -> list[str]:
        """Erasure: drop every alias of and to this id and of the ids merged into it; returns those
        merged ids (sorted), so that the caller can erase their data and tombstone them too."""
        merged = self.merged_into(customer_id)
        group = {customer_id, *merged}
        t = self.table
        for chunk in _chunks(group):
            self.session.execute(delete(t).where(or_(t.c.merged_id.in_(chunk), t.c.survivor_id.in_(chunk))))
        for known, survivor in self._known.items():
            if survivor in group:
                self._known[known] = None
        self._known.update(dict.fromkeys(group))
        return merged

    # -- lookups ----------------------------------------------------------------------
    def _survivor_of(self, customer_id: str) -> str | None:
        if customer_id in self._known:
            return self._known[customer_id]
        return self.session.scalar(_survivor_query(self.table), {"merged_id": customer_id})

    def _lookup(self, customer_ids: set[str], *, remember: bool) -> dict[str, str | None]:
        """id -> its alias' survivor (None: none), for each of these ids."""
        found = {c: self._known[c] for c in customer_ids if c in self._known}
        unknown: dict[str, str | None] = {}
        t = self.table
        for chunk in _chunks(customer_ids - found.keys()):
            rows = {merged: survivor for merged, survivor in self.session.execute(
                select(t.c.merged_id, t.c.survivor_id).where(t.c.merged_id.in_(chunk)))}
            unknown.update({c: rows.get(c) for c in chunk})
        if remember:
            self._known.update(unknown)
        return found | unknown

    def _resolve_all(self, customer_ids: Iterable[str], *, remember: bool) -> dict[str, str]:
        ids = set(customer_ids)
        survivor_of: dict[str, str | None] = {}
        frontier = ids
        while frontier:  # one hop per round: a round finds nothing new once survivors stand for themselves
            found = self._lookup(frontier, remember=remember)
            survivor_of.update(found)
            frontier = {s for s in found.values() if s is not None and s not in survivor_of}
        return {c: _walk(c, survivor_of) for c in ids}


class Erasures:
    """Erasure tombstones (the opaque id and when it was erased), in one unit of work's session.

    A tombstone is never removed. What ``prefetch`` found and what this object wrote is remembered
    for the rest of the transaction, so that asking again needs no query."""

    def __init__(self, session: Session, table: Table) -> None:
        self.session = session
        self.table = table
        self._known: dict[str, bool] = {}  # id -> has a tombstone

    def record(self, customer_ids: Iterable[str], *, at: dt.datetime) -> None:
        """Tombstone these ids; one already tombstoned keeps its first time."""
        ids = [c for c in dict.fromkeys(customer_ids) if not self._known.get(c)]
        insert_ = pg_insert if self.session.get_bind().dialect.name == "postgresql" else sqlite_insert
        for chunk in _chunks(ids):
            self.session.execute(insert_(self.table).values([{"customer_id": c, "erased_at": at} for c in chunk])
                                 .on_conflict_do_nothing(index_elements=[self.table.c.customer_id]))
        self._known.update(dict.fromkeys(ids, True))

    def is_erased(self, customer_id: str) -> bool:
        """Whether this id has a tombstone."""
        known = self._known.get(customer_id)
        if known is not None:
            return known
        return self.erased_at(customer_id) is not None

    def erased_among(self, customer_ids: Iterable[str]) -> set[str]:
        """Which of these ids have a tombstone (one query per chunk of ids not known yet)."""
        ids = set(customer_ids)
        erased = {c for c in ids if self._known.get(c)}
        for chunk in _chunks(c for c in ids if c not in self._known):
            erased.update(self.session.scalars(select(self.table.c.customer_id)
                                               .where(self.table.c.customer_id.in_(chunk))))
        return erased

    def erased_at(self, customer_id: str) -> dt.datetime | None:
        """When this id was erased here (None: it was not)."""
        if self._known.get(customer_id) is False:
            return None
        return self.session.scalar(select(self.table.c.erased_at).where(self.table.c.customer_id == customer_id))

    def prefetch(self, customer_ids: Iterable[str]) -> set[str]:
        """``erased_among``, remembering the answer for each id for the rest of the transaction."""
        ids = set(customer_ids)
        erased = self.erased_among(ids)
        self._known.update({c: c in erased for c in ids})
        return erased


IDENTITY_CHANGES = frozenset({CustomersMerged.event_type, CustomerUnmerged.event_type, CustomerErased.event_type})
"""The events that move or delete what a service keeps of a customer: applied under the exclusive lock."""


def serialised_with_identity_changes(handlers: dict[str, Handler]) -> dict[str, Handler]:
    """The handlers, each first taking the identity-changes lock (``Aliases.serialise_with_identity_changes``)
    in the mode its event needs; the unit of work must have ``aliases``."""

    def wrap(event_type: str, handler: Handler) -> Handler:
        exclusive = event_type in IDENTITY_CHANGES

        def handle(payload: Any, envelope: CloudEvent, uow: Any) -> None:
            uow.aliases.serialise_with_identity_changes(exclusive=exclusive)
            handler(payload, envelope, uow)

        handle.__doc__ = getattr(handler, "func", handler).__doc__
        return handle

    return {event_type: wrap(event_type, handler) for event_type, handler in handlers.items()}


def identity_changes_first(then: BatchPreparer | None = None) -> BatchPreparer:
    """A consumer batch's preparer taking the identity-changes lock in the strongest mode its events need,
    before ``then`` reads anything: a batch holding it shared that then asks for it exclusively would
    deadlock with another consumer doing the same (PostgreSQL aborts one; it is retried record by record)."""

    def prepare(uow: Any, events: list[tuple[CloudEvent, EventPayload]]) -> None:
        if events:
            uow.aliases.serialise_with_identity_changes(
                exclusive=any(event.type in IDENTITY_CHANGES for event, _ in events))
        if then is not None:
            then(uow, events)

    return prepare
