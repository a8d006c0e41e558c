"""The latest population model (CLV fit, needs clusters) of each kind."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session

from ..orm import ModelRow

# built once: a statement keeps its cache key (every value read asks this; issue 19)
_HAS_MODEL = select(ModelRow.kind).where(ModelRow.kind == bindparam("kind"))


class ModelRepository:
    """The latest population model of each kind."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def all(self) -> dict[str, dict[str, Any]]:
        """kind -> params (with ``fitted_at``)."""
        return {row.kind: {**row.params, "fitted_at": row.fitted_at} for row in self.session.scalars(select(ModelRow))}

    def has(self, kind: str) -> bool:
        """Whether a model of this kind is stored (without loading its parameters)."""
        return self.session.scalar(_HAS_MODEL, {"kind": kind}) is not None

    def put(self, kind: str, params: dict[str, Any], *, now: dt.datetime) -> None:
        """Replace the model of this kind."""
        row = self.session.get(ModelRow, kind)
        if row is None:
            self.session.add(ModelRow(kind=kind, params=params, fitted_at=now))
        else:
            row.params, row.fitted_at = params, now
        self.session.flush()
