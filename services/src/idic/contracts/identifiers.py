"""Identifier normal forms and the pseudonymous keys services exchange instead of values.

Part of the contract: identity-service publishes ``identifier_keys`` of the identifiers it
resolved, and any service holding an identifier (an interaction recorded with an e-mail
instead of a customer id, say) computes the same key to link it, without identity ever
putting the value itself on Kafka."""

from __future__ import annotations

import hashlib
from typing import Literal

import phonenumbers

IdentifierType = Literal["email", "phone", "loyalty_card", "cookie", "device", "external_id", "national_id"]
IDENTIFIER_TYPES: tuple[str, ...] = ("email", "phone", "loyalty_card", "cookie", "device", "external_id",
                                     "national_id")


class InvalidIdentifier(ValueError):
    """An identifier value that cannot be normalised (e.g. not a phone number)."""


def normalise(kind: str, value: str, *, default_region: str = "US") -> str:
    """The canonical form two equal identifiers share: e-mail lower-cased, phone E.164,
    others trimmed. (Provider rules such as Gmail dots are identity-service options on top.)"""
    value = value.strip()
    if not value:
        raise InvalidIdentifier("value is empty")
    if kind == "email":
        local, at, domain = value.rpartition("@")
        if not at or not local or "." not in domain:
            raise InvalidIdentifier("not an e-mail address")
        return f"{local}@{domain}".lower()
    if kind == "phone":
        try:
            number = phonenumbers.parse(value, default_region)
        except phonenumbers.NumberParseException as exc:
            raise InvalidIdentifier(f"not a phone number: {exc}") from exc
        if not phonenumbers.is_possible_number(number):
            raise InvalidIdentifier("not a possible phone number")
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    if kind == "external_id" and ":" not in value:
        raise InvalidIdentifier("external_id is written system:id")
    return value


def identifier_key(kind: str, normalised: str) -> str:
    """Pseudonymous key of a normalised identifier (SHA-256 of ``type:value``)."""
    return hashlib.sha256(f"{kind}:{normalised}".encode()).hexdigest()
