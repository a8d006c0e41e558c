"""Identifier types and their normalisation before matching (the normal form and the
pseudonymous key are part of the event contract, so they live in idic.contracts)."""

from __future__ import annotations

from idic.contracts.identifiers import IDENTIFIER_TYPES, IdentifierType, InvalidIdentifier, identifier_key, normalise

__all__ = ["IDENTIFIER_TYPES", "IdentifierType", "InvalidIdentifier", "identifier_key", "normalise"]
