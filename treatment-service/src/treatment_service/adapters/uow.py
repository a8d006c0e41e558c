"""The unit of work of treatment-service: idic's outbox-writing UoW plus its repositories."""

from __future__ import annotations

from sqlalchemy.orm import Session

from idic import UnitOfWork

from .repository import ContextRepository, TreatmentRepository


class TreatmentUnitOfWork(UnitOfWork):
    contexts: ContextRepository
    treatments: TreatmentRepository

    def _attach(self, session: Session) -> None:
        self.contexts = ContextRepository(session)
        self.treatments = TreatmentRepository(session)
