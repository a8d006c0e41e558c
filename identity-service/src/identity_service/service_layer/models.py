"""The match model in use: the newest trained one, re-read at most every few seconds."""

from __future__ import annotations

import threading
import time

from ..adapters.uow import IdentityUnitOfWork
from ..domain.model import MatchModel, starting_model


class ModelCache:
    """Per-process cache of the newest match model (training happens in another process too)."""

    def __init__(self, *, refresh_s: float) -> None:
        self.refresh_s = refresh_s
        self._lock = threading.Lock()
        self._model: MatchModel | None = None
        self._model_id: int | None = None
        self._checked = float("-inf")

    def get(self, uow: IdentityUnitOfWork) -> MatchModel:
        """The model to score with (the starting model until one was trained)."""
        now = time.monotonic()
        if now - self._checked >= self.refresh_s:
            latest = uow.models.latest_id()
            if latest != self._model_id:
                trained = uow.models.latest()
                with self._lock:
                    self._model = trained.model if trained is not None else None
                    self._model_id = trained.model_id if trained is not None else None
            self._checked = now
        return self._model or starting_model()

    def invalidate(self) -> None:
        """Re-read on next use (after a training in this process)."""
        self._checked = float("-inf")
