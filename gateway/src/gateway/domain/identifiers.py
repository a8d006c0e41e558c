"""How a customer is named in a URL: an opaque id, or ``type:value`` of a built-in identifier."""

from __future__ import annotations

from dataclasses import dataclass

from idic.contracts.identifiers import IDENTIFIER_TYPES as _TYPES
from idic.contracts.identifiers import IdentifierType

__all__ = ["IDENTIFIER_TYPES", "MAX_REF_LENGTH", "CustomerId", "CustomerRef", "IdentifierRef", "IdentifierType",
           "InvalidCustomerRef", "parse_customer_ref"]

IDENTIFIER_TYPES: frozenset[str] = frozenset(_TYPES)
MAX_REF_LENGTH = 600


class InvalidCustomerRef(ValueError):
    """A path segment that can name no customer."""


@dataclass(frozen=True)
class CustomerId:
    """An opaque customer id, used as is."""

    value: str


@dataclass(frozen=True)
class IdentifierRef:
    """A built-in identifier that identity must resolve to the current customer id."""

    type: str
    value: str


CustomerRef = CustomerId | IdentifierRef


def parse_customer_ref(ref: str) -> CustomerRef:
    """``email:a@b.com`` → IdentifierRef; anything else → CustomerId.

    Only the first ':' splits, because external_id values are themselves ``system:id``.
    A prefix that is not a built-in type keeps the whole string an opaque id."""
    if not ref or len(ref) > MAX_REF_LENGTH:
        raise InvalidCustomerRef(f"a customer id has 1 to {MAX_REF_LENGTH} characters")
    if ref in (".", ".."):
        # dot segments would be normalised away in the upstream URL and address another path
        raise InvalidCustomerRef("'.' and '..' are not customer ids")
    kind, sep, value = ref.partition(":")
    if sep and kind in IDENTIFIER_TYPES:
        if not value.strip():
            raise InvalidCustomerRef(f"identifier {kind}: has no value")
        return IdentifierRef(type=kind, value=value)
    return CustomerId(value=ref)
