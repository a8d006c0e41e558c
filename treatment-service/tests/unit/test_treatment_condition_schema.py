"""The public schema of a rule's condition (idic.public.treatment) says exactly what the
condition compiler accepts: the same fact catalogue, the operators per fact type, the
literal per operator. Checked both ways on generated comparisons."""

from __future__ import annotations

from typing import Any

import jsonschema_rs
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from idic.public.treatment import FACT_TYPES, OPERATORS, comparison_schema, published_comparison_schema
from treatment_service.domain.conditions import InvalidCondition, compile_condition
from treatment_service.domain.facts import STATIC, resolve_fact

VALIDATOR = jsonschema_rs.validator_for(comparison_schema())
PUBLISHED = jsonschema_rs.validator_for(published_comparison_schema())
DYNAMIC = ["interactions.7d.count", "interactions.90d.channel.web", "interactions.01d.type.purchase",
           "interactions.by_channel.email", "interactions.by_type.complaint", "consent.email", "consent.do_not_contact",
           "triggers.30d.kinds", "treatments.14d.count"]
NOT_FACTS = ["interactions.0d.count", "interactions.91d.count", "interactions.7d.channel.Web", "consent.",
             "triggers.100d.kinds", "value", "value.tier.x", "single face", "", "consent.email\n"]
OPS = sorted({op for ops in OPERATORS.values() for op in ops}) + ["like", ""]
scalars = st.one_of(st.none(), st.booleans(), st.integers(-10**6, 10**6), st.floats(allow_nan=False, allow_infinity=False),
                    st.text(max_size=210), st.sampled_from(["most_valuable", "email", "x" * 200, "x" * 201]))
values = st.one_of(scalars, st.lists(scalars, max_size=3), st.just([]), st.lists(st.just("vip"), min_size=100,
                                                                                  max_size=101))
facts = st.one_of(st.sampled_from(sorted(FACT_TYPES) + DYNAMIC + NOT_FACTS), st.text(max_size=30))


def compiles(leaf: dict[str, Any]) -> bool:
    try:
        compile_condition(leaf)
    except InvalidCondition:
        return False
    return True


def test_the_catalogue_is_the_compilers() -> None:
    assert {name: fact.type for name, fact in STATIC.items()} == FACT_TYPES
    for name in DYNAMIC:
        assert resolve_fact(name) is not None, name
        assert VALIDATOR.is_valid({"fact": name, "op": "exists"}), name
    for name in NOT_FACTS:
        assert resolve_fact(name) is None, name
        assert not VALIDATOR.is_valid({"fact": name, "op": "exists"}), name


@settings(max_examples=3000, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
@given(fact=facts, op=st.sampled_from(OPS), value=values, with_value=st.booleans(), extra=st.booleans())
def test_schema_valid_exactly_when_the_compiler_accepts(fact: str, op: str, value: Any, with_value: bool,
                                                        extra: bool) -> None:
    leaf: dict[str, Any] = {"fact": fact, "op": op}
    if with_value:
        leaf["value"] = value
    if extra:
        leaf["why"] = "x"
    accepted = compiles(leaf)
    assert VALIDATOR.is_valid(leaf) == accepted, leaf
    # the OpenAPI's (coarser) form never refuses what the compiler takes, and knows the same facts
    assert PUBLISHED.is_valid(leaf) or not accepted, leaf
    assert PUBLISHED.is_valid({"fact": fact, "op": "exists"}) == (resolve_fact(fact) is not None), fact
