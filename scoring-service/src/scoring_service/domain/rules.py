"""Rule-defined segments: all conditions over the value object must hold."""

from __future__ import annotations

import operator
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, cast

from idic.public.scoring import LABEL_OPS as PUBLIC_LABEL_OPS
from idic.public.scoring import SEGMENT_FIELDS

# field -> kind, as the public contract declares it (idic.public.scoring)
FIELDS: dict[str, str] = SEGMENT_FIELDS
OPS: dict[str, Callable[[Any, Any], bool]] = {
    "eq": operator.eq, "ne": operator.ne, "lt": operator.lt, "lte": operator.le, "gt": operator.gt,
    "gte": operator.ge, "in": lambda a, b: a in b,
}
LABEL_OPS = set(PUBLIC_LABEL_OPS)


@dataclass(frozen=True)
class RuleSegment:
    """A segment defined by conditions over the value object."""

    segment_id: str
    name: str
    conditions: list[dict[str, Any]]


def check_condition(condition: dict[str, Any]) -> str | None:
    """Why a condition is invalid, or None."""
    field, op, value = condition.get("field"), condition.get("op"), condition.get("value")
    if field not in FIELDS:
        return f"unknown field {field!r}; one of {sorted(FIELDS)}"
    if op not in OPS or (FIELDS[field] == "label" and op not in LABEL_OPS):
        return f"operator {op!r} does not apply to {field}"
    values = cast("list[Any]", value) if op == "in" else [value]  # "in" with a non-list returns just below
    if op == "in" and not isinstance(value, list):
        return "operator 'in' needs a list value"
    kind = (int, float) if FIELDS[field] == "number" else (str,)
    if not all(isinstance(v, kind) and not isinstance(v, bool) for v in values):
        return f"{field} compares with {'numbers' if FIELDS[field] == 'number' else 'strings'}"
    return None


def matches(conditions: list[dict[str, Any]], value: dict[str, Any]) -> bool:
    """True when every condition holds; a field without a value (e.g. no CLV yet) never matches."""
    for c in conditions:
        actual = value.get(c["field"])
        if actual is None or not OPS[c["op"]](actual, c["value"]):
            return False
    return True


def matches_many(conditions: list[dict[str, Any]], fields: dict[str, Any]) -> Any:
    """``matches`` over many customers at once: ``fields`` maps each field to a numpy array
    (numbers as floats with nan for "no value", labels as objects with None)."""
    import numpy as np  # the per-customer check above stays free of numpy

    size = len(next(iter(fields.values())))
    result = np.ones(size, dtype=bool)
    for c in conditions:
        actual, op, value = fields[c["field"]], c["op"], c["value"]
        # None as the 0-d object array numpy makes of it (the stubs do not take a bare None operand)
        known = ~np.isnan(actual) if FIELDS[c["field"]] == "number" else np.not_equal(
            actual, np.asarray(None, dtype=object))
        hit: Any  # a bool array, or what OPS gives for these arrays
        with np.errstate(invalid="ignore"):
            if op == "in":  # equality per listed value: labels are objects (None never equals one)
                hit = np.zeros(size, dtype=bool)
                for v in value:
                    hit |= np.asarray(actual == v, dtype=bool)
            else:
                hit = OPS[op](actual, value)
        result &= known & np.asarray(hit, dtype=bool)
    return result
