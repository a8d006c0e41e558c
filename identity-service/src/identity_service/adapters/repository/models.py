"""Match models: every trained version (the newest is in use) and the rows they are trained on."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ...domain.model import MatchModel, TrainedModel
from ..orm import Customer, Identifier, MatchModelRow
from .customers import chunks


class ModelRepository:
    """Trained match models, and the training data read from customers and their identifiers."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def latest(self) -> TrainedModel | None:
        """The newest trained model (the one in use), None before the first training."""
        row = self.session.scalars(select(MatchModelRow).order_by(MatchModelRow.id.desc()).limit(1)).first()
        return TrainedModel(model_id=row.id, model=MatchModel.from_json(row.params)) if row is not None else None

    def latest_id(self) -> int | None:
        return self.session.scalar(select(MatchModelRow.id).order_by(MatchModelRow.id.desc()).limit(1))

    def save(self, model: MatchModel, *, trained_at: dt.datetime) -> TrainedModel:
        """Store a trained model as the newest version (it is in use once committed)."""
        row = MatchModelRow(trained_at=trained_at, params=model.to_json())
        self.session.add(row)
        self.session.flush()  # the id (the version) is the database's
        return TrainedModel(model_id=row.id, model=model)

    def training_rows(self, limit: int) -> tuple[list[tuple[str, list[Any]]], dict[str, str]]:
        """Observations of up to ``limit`` live root customers, and an e-mail per origin."""
        rows = [(cid, list(obs or [])) for cid, obs in self.session.execute(
            select(Customer.id, Customer.observations).where(
                Customer.erased_at.is_(None), Customer.survivor_id.is_(None)).order_by(Customer.id).limit(limit))]
        ids = [cid for cid, _ in rows]
        emails: dict[str, str] = {}
        for part in chunks(ids):
            for origin, value in self.session.execute(select(Identifier.origin_id, Identifier.value).where(
                    Identifier.customer_id.in_(list(part)), Identifier.type == "email")):
                emails.setdefault(origin or "", value)
        return rows, emails
