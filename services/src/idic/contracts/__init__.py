"""Event contracts: the only thing one service knows about another.

``EVENT_TYPES`` maps each CloudEvents ``type`` to its payload model; ``TOPICS`` lists the
topic of every producing service."""

from __future__ import annotations

from .base import EventPayload
from .identity import CustomerErased, CustomerIdentified, CustomersMerged, CustomerUnmerged, CustomerUpdated
from .interaction import InteractionRecorded, TriggerDetected
from .scoring import CustomerScored, SegmentChanged
from .treatment import TreatmentDecided, TreatmentDelivered, TreatmentOutcomeRecorded

PAYLOAD_MODELS: tuple[type[EventPayload], ...] = (
    CustomerIdentified, CustomerUpdated, CustomersMerged, CustomerUnmerged, CustomerErased,
    InteractionRecorded, TriggerDetected,
    CustomerScored, SegmentChanged,
    TreatmentDecided, TreatmentOutcomeRecorded, TreatmentDelivered,
)
EVENT_TYPES: dict[str, type[EventPayload]] = {m.event_type: m for m in PAYLOAD_MODELS}
TOPICS: tuple[str, ...] = ("idic.identity", "idic.interaction", "idic.scoring", "idic.treatment")

__all__ = [
    "EVENT_TYPES", "PAYLOAD_MODELS", "TOPICS", "EventPayload",
    "CustomerErased", "CustomerIdentified", "CustomersMerged", "CustomerUnmerged", "CustomerUpdated",
    "InteractionRecorded", "TriggerDetected", "CustomerScored", "SegmentChanged", "TreatmentDecided",
    "TreatmentDelivered", "TreatmentOutcomeRecorded",
]
