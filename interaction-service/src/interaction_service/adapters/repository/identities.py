"""Identifier links (key -> customer, from identity's events) and pending interactions (merge aliases and
erasure tombstones: idic.Aliases and idic.Erasures on the unit of work)."""

from __future__ import annotations

from typing import cast

from sqlalchemy import Table, delete, func, or_, select, text, update
from sqlalchemy.orm import Session

from ...domain.interactions import StoredInteraction
from ..orm import IdentifierLink, Interaction, PendingKey
from .interactions import chunks, stored


class IdentityRepository:
    """What this service knows of identity: never identifier values, only their keys."""

    def __init__(self, session: Session) -> None:
        self.session = session

    # -- links ------------------------------------------------------------------
    def customers_of(self, keys: list[str]) -> dict[str, str]:
        """identifier key -> current customer, for the keys identity has announced."""
        return {key: current for key, (current, _) in self.links_of(keys).items()}

    def links_of(self, keys: list[str]) -> dict[str, tuple[str, str]]:
        """identifier key -> (current customer, customer identity first announced it for)."""
        found: dict[str, tuple[str, str]] = {}
        for chunk in chunks(sorted(set(keys))):
            stmt = select(IdentifierLink.identifier_key, IdentifierLink.customer_id,
                          IdentifierLink.original_customer_id).where(IdentifierLink.identifier_key.in_(chunk))
            found.update({key: (cid, original) for key, cid, original in self.session.execute(stmt)})
        return found

    def link(self, *, keys: list[str], customer_id: str, original: str) -> None:
        """Point these keys at a customer (identity is the authority: a later event wins)."""
        keys = sorted(set(keys))
        known = self.customers_of(keys)
        for key in keys:
            if key in known:
                if known[key] != customer_id:
                    self.session.execute(update(IdentifierLink).where(IdentifierLink.identifier_key == key)
                                         .values(customer_id=customer_id, original_customer_id=original))
            else:
                self.session.add(IdentifierLink(identifier_key=key, customer_id=customer_id,
                                                original_customer_id=original))
        self.session.flush()

    def rekey_links(self, *, merged_ids: list[str], survivor_id: str) -> None:
        self.session.execute(update(IdentifierLink).where(IdentifierLink.customer_id.in_(merged_ids))
                             .values(customer_id=survivor_id).execution_options(synchronize_session=False))

    def restore_links(self, *, restored_id: str, from_id: str) -> None:
        self.session.execute(update(IdentifierLink).where(IdentifierLink.original_customer_id == restored_id,
                                                          IdentifierLink.customer_id == from_id)
                             .values(customer_id=restored_id).execution_options(synchronize_session=False))

    def drop_links(self, customer_id: str) -> None:
        self.session.execute(delete(IdentifierLink).where(or_(
            IdentifierLink.customer_id == customer_id, IdentifierLink.original_customer_id == customer_id)))

    def keys_of(self, customer_id: str) -> list[str]:
        return list(self.session.scalars(select(IdentifierLink.identifier_key)
                                         .where(IdentifierLink.customer_id == customer_id)
                                         .order_by(IdentifierLink.identifier_key)))

    def serialise_with_identity_events(self, *, exclusive: bool) -> None:
        """On PostgreSQL, recording interactions (shared) and applying linking or erasure (exclusive)
        exclude each other until commit. Otherwise, under read committed, a request that saw no link
        (or no erasure) yet and a consumer that saw no pending row (or no new interaction) yet both
        commit: the interaction stays pending for ever, or is stored after its person was erased,
        with whatever personal data it carries."""
        if self.session.get_bind().dialect.name != "postgresql":
            return  # SQLite is not covered: its single writer narrows the window; production runs PostgreSQL
        lock = "pg_advisory_xact_lock" if exclusive else "pg_advisory_xact_lock_shared"
        self.session.execute(text(f"SELECT {lock}(hashtext('interaction-service:identity-events'))"))

    # -- pending interactions ---------------------------------------------------
    def add_pending(self, rows: list[dict[str, str]]) -> None:
        """rows of {identifier_key, interaction_id}."""
        if rows:
            # a mapped class's __table__ is typed FromClause; a declared model's is a Table
            self.session.execute(cast(Table, PendingKey.__table__).insert(), rows)

    def pending_for(self, keys: list[str]) -> list[Interaction]:
        """Interactions waiting for one of these keys, oldest first."""
        ids: set[str] = set()
        for chunk in chunks(sorted(set(keys))):
            ids.update(self.session.scalars(select(PendingKey.interaction_id)
                                            .where(PendingKey.identifier_key.in_(chunk))))
        rows: list[Interaction] = []
        for chunk in chunks(sorted(ids)):
            rows.extend(self.session.scalars(select(Interaction).where(Interaction.id.in_(chunk),
                                                                       Interaction.customer_id.is_(None))))
        return sorted(rows, key=lambda r: (r.occurred_at, r.id))

    def link_pending(self, *, keys: list[str], customer_id: str, original: str) -> list[StoredInteraction]:
        """Give the interactions waiting for one of these keys their customer (``original``: who identity
        announced the key for, whom an unmerge gives them back to); returns them linked, oldest first."""
        pending = self.pending_for(keys)
        for row in pending:
            row.customer_id, row.original_customer_id = customer_id, original
        self.resolve_pending([r.id for r in pending])
        self.session.flush()
        return [stored(r) for r in pending]

    def resolve_pending(self, interaction_ids: list[str]) -> None:
        """These interactions are linked now: forget all their keys."""
        for chunk in chunks(interaction_ids):
            self.session.execute(delete(PendingKey).where(PendingKey.interaction_id.in_(chunk)))

    def count_pending(self) -> int:
        return int(self.session.scalar(select(func.count()).select_from(Interaction)
                                       .where(Interaction.customer_id.is_(None))) or 0)
