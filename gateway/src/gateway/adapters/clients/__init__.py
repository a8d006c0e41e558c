"""Clients of the backend services; each accepts an injected httpx transport."""

from __future__ import annotations

from dataclasses import dataclass

from .base import ServiceClient, Timeouts, UpstreamFailure
from .services import IdentityClient, InteractionClient, ScoringClient, TreatmentClient, UpstreamClientError

__all__ = ["Clients", "IdentityClient", "InteractionClient", "ScoringClient", "ServiceClient", "Timeouts",
           "TreatmentClient", "UpstreamClientError", "UpstreamFailure"]


@dataclass(frozen=True)
class Clients:
    """The four pooled clients the app's lifespan owns."""

    identity: IdentityClient
    interaction: InteractionClient
    scoring: ScoringClient
    treatment: TreatmentClient

    def all(self) -> dict[str, ServiceClient]:
        """Each client by its service's short name."""
        return {"identity": self.identity, "interaction": self.interaction,
                "scoring": self.scoring, "treatment": self.treatment}

    async def aclose(self) -> None:
        """Close every pool."""
        for client in self.all().values():
            await client.aclose()
