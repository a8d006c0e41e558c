"""Use case: (re)train the match model on the customers currently stored."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from idic import ProblemError, utcnow
from idic.jobs import JobFn, Progress

from ..adapters.uow import IdentityUnitOfWork
from ..domain.model import MatchModel, TrainedModel
from ..domain.training import fit, profiles_from_observations

UowFactory = Callable[[], IdentityUnitOfWork]


def train_model(*, uow_factory: UowFactory, max_customers: int = 200_000, random_pairs: int = 50_000,
                seed: int = 0) -> TrainedModel:
    """Estimate u, m and the prior from the stored customers and make it the model in use."""
    with uow_factory() as uow:
        rows, emails = uow.models.training_rows(max_customers)
    profiles = profiles_from_observations(rows, emails)
    try:
        model = fit(profiles, random_pairs=random_pairs, seed=seed)
    except ValueError as exc:
        raise ProblemError(409, "Conflict", f"cannot train yet: {exc}") from exc
    return save_model(model=model, uow_factory=uow_factory)


def save_model(*, model: MatchModel, uow_factory: UowFactory) -> TrainedModel:
    """Store a trained model as the newest version: the one in use from now on."""
    with uow_factory() as uow:
        trained = uow.models.save(model, trained_at=utcnow())
        uow.commit()
        return trained


def current_model(*, uow_factory: UowFactory) -> TrainedModel:
    """The model in use; 404 while none was trained."""
    with uow_factory() as uow:
        trained = uow.models.latest()
        if trained is None:
            raise ProblemError(404, "Not Found", "no match model was trained yet")
        return trained


TRAIN = "matching_train"


def job_kinds(*, uow_factory: UowFactory, on_trained: Callable[[], None]) -> dict[str, JobFn]:
    """The jobs identity runs: training the match model (params of ``MatchingTrainRequest``; result: the model)."""
    def run_training(params: dict[str, Any], progress: Progress) -> dict[str, Any]:
        progress(0, 1)
        trained = train_model(uow_factory=uow_factory, **params)
        on_trained()
        progress(1, 1)
        return trained.to_json()  # a job's result is JSON
    return {TRAIN: run_training}
