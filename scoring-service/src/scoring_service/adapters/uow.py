"""The unit of work of scoring-service: idic's outbox-writing UoW plus its repositories."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from idic import Aliases, Erasures, UnitOfWork

from ..domain.features import CustomerFeatures
from .locks import hold_population_lock
from .orm import identities
from .repository import (
    FeatureRepository,
    ModelRepository,
    PopulationRepository,
    PurchaseDayRepository,
    RefusalRepository,
    ReportRepository,
    ScoreRepository,
    SegmentRepository,
)


class ScoringUnitOfWork(UnitOfWork):
    features: FeatureRepository
    scores: ScoreRepository
    aliases: Aliases
    days: PurchaseDayRepository
    models: ModelRepository
    segments: SegmentRepository
    erasures: Erasures
    refusals: RefusalRepository
    population: PopulationRepository

    rescore_queue: dict[str, CustomerFeatures | None]
    # the interactions of this transaction for the channels and feedback reports, written once at commit:
    # (UTC day, channel, customer, currency) -> the DAY_COUNTS they add
    interaction_days: list[tuple[Any, str, str, str, list[int]]]

    def _attach(self, session: Session) -> None:
        self.rescore_queue = {}  # customers to re-score at commit -> their features before this transaction
        self.interaction_days = []
        self._population_lock_held = False
        self.features = FeatureRepository(session)
        self.scores = ScoreRepository(session)
        self.aliases = Aliases(session, identities.aliases)
        self.days = PurchaseDayRepository(session)
        self.models = ModelRepository(session)
        self.segments = SegmentRepository(session)
        self.erasures = Erasures(session, identities.erasures)
        self.refusals = RefusalRepository(session)
        self.population = PopulationRepository(session)
        self.reports = ReportRepository(session)

    def wait_for_population_runs(self) -> None:
        """Hold back until a population run in progress commits (see adapters.locks); the lock
        is then held to the end of the transaction, so once per consumer batch is enough."""
        if not self._population_lock_held:
            hold_population_lock(self.session, exclusive=False)
            self._population_lock_held = True
