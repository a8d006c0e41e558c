"""The unit of work of treatment-service: idic's outbox-writing UoW plus its repositories."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy.orm import Session

from idic import Aliases, Erasures, UnitOfWork

from .orm import identities
from .repository import ContextRepository, ReportRepository, RuleRepository, TreatmentRepository, WebhookRepository


class TreatmentUnitOfWork(UnitOfWork):
    contexts: ContextRepository
    aliases: Aliases
    erasures: Erasures
    treatments: TreatmentRepository
    reports: ReportRepository
    rules: RuleRepository
    webhooks: WebhookRepository
    on_deliveries_due: Callable[[], None] | None = None  # the runtime wakes the webhook sender with it

    def _attach(self, session: Session) -> None:
        self.contexts = ContextRepository(session)
        self.aliases = Aliases(session, identities.aliases)
        self.erasures = Erasures(session, identities.erasures)
        self.treatments = TreatmentRepository(session, before_commit=self.before_commit)
        self.reports = ReportRepository(session)
        # the compiled-rules cache lives as long as this database's session factory
        self.rules = RuleRepository(session, self._session_factory, before_commit=self.before_commit)
        self.webhooks = WebhookRepository(session)

    def rollback(self) -> None:
        super().rollback()
        self.treatments.forget_report_changes()
        self.rules.forget_outcome_counts()

    def commit(self) -> None:
        """Commit; then, if a webhook delivery became due, wake the sender (no wait for its next tick)."""
        super().commit()
        if self.webhooks.due_now:
            self.webhooks.due_now = False
            if self.on_deliveries_due is not None:
                self.on_deliveries_due()
