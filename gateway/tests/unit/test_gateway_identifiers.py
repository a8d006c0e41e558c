import pytest

from gateway.domain.identifiers import (
    IDENTIFIER_TYPES,
    CustomerId,
    IdentifierRef,
    InvalidCustomerRef,
    parse_customer_ref,
)


def test_plain_id_is_used_as_is() -> None:
    assert parse_customer_ref("c_01HZX") == CustomerId("c_01HZX")


@pytest.mark.parametrize("kind", sorted(IDENTIFIER_TYPES))
def test_every_builtin_type_is_an_identifier(kind: str) -> None:
    assert parse_customer_ref(f"{kind}:abc") == IdentifierRef(type=kind, value="abc")


def test_email_identifier() -> None:
    assert parse_customer_ref("email:A.B@Example.com") == IdentifierRef("email", "A.B@Example.com")


def test_external_id_splits_on_first_colon_only() -> None:
    assert parse_customer_ref("external_id:crm:42:x") == IdentifierRef("external_id", "crm:42:x")


def test_unknown_prefix_keeps_the_whole_string_an_id() -> None:
    assert parse_customer_ref("crm:42") == CustomerId("crm:42")
    assert parse_customer_ref("Email:a@b.com") == CustomerId("Email:a@b.com")  # types are lower-case


@pytest.mark.parametrize("ref", ["", ".", "..", "email:", "phone:   ", "x" * 601])
def test_refs_that_name_nobody_are_invalid(ref: str) -> None:
    with pytest.raises(InvalidCustomerRef):
        parse_customer_ref(ref)
