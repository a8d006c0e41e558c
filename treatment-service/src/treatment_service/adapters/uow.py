"""The unit of work of treatment-service: idic's outbox-writing UoW plus its repositories."""

from __future__ import annotations

from sqlalchemy.orm import Session

from idic import UnitOfWork

from .repository import ContextRepository
from .rules_repository import RuleRepository
from .treatments_repository import TreatmentRepository


class TreatmentUnitOfWork(UnitOfWork):
    contexts: ContextRepository
    treatments: TreatmentRepository
    rules: RuleRepository

    def _attach(self, session: Session) -> None:
        self.contexts = ContextRepository(session)
        self.treatments = TreatmentRepository(session)
        # the compiled-rules cache lives as long as this database's session factory
        self.rules = RuleRepository(session, self._session_factory)
