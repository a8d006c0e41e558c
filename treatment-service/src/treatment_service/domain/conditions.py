"""The condition language of rules: a small, typed, declarative JSON tree, never ``eval``.

    condition := {"all": [condition, ...]} | {"any": [condition, ...]} | {"not": condition}
               | {"fact": "<fact name>", "op": "<operator>", "value": <literal>}

Fact names and their types come from ``domain.facts``; every operator is checked against
the fact's type and every literal against the operator, at write time, so a stored rule
can always be evaluated. Errors name the exact place (``condition.all.1.value``).
A comparison on a fact that is unknown for this customer (``None``) is false, except
``not_exists``. Rules are compiled once to closures (microseconds per evaluation)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .facts import FactView, resolve_fact

MAX_DEPTH = 8
MAX_NODES = 200
Pred = Callable[[FactView], bool]

NUMBER_OPS = {"eq", "ne", "lt", "lte", "gt", "gte", "in", "not_in", "exists", "not_exists"}
STRING_OPS = {"eq", "ne", "in", "not_in", "exists", "not_exists"}
BOOL_OPS = {"eq", "ne", "exists", "not_exists"}
LIST_OPS = {"contains", "not_contains", "exists", "not_exists"}
OPS_BY_TYPE = {"number": NUMBER_OPS, "string": STRING_OPS, "bool": BOOL_OPS, "list": LIST_OPS}
SYMBOLS = {"eq": "==", "ne": "!=", "lt": "<", "lte": "<=", "gt": ">", "gte": ">=", "in": "in", "not_in": "not in",
           "contains": "contains", "not_contains": "does not contain", "exists": "is known",
           "not_exists": "is unknown"}


@dataclass(frozen=True)
class ConditionIssue:
    """One error in a condition: where (dotted path from the condition) and what."""

    path: str
    message: str


class InvalidCondition(ValueError):
    """The condition does not compile; ``issues`` name each place."""

    def __init__(self, issues: list[ConditionIssue]) -> None:
        super().__init__("; ".join(f"{i.path}: {i.message}" for i in issues))
        self.issues = issues


@dataclass(frozen=True)
class Leaf:
    """One comparison of a fact with a literal."""

    path: str
    fact: str
    op: str
    value: Any
    getter: Callable[[FactView], Any]
    negated: bool  # under an odd number of ``not``: reasons must not quote it as "held"

    def describe(self, actual: Any) -> str:
        """E.g. ``value.churn_risk 0.70 >= 0.6``, ``value.tier == most_valuable``, ``segments contains vip``."""
        shown = f"{actual:.2f}" if isinstance(actual, float) else actual
        if self.op in ("exists", "not_exists"):
            return f"{self.fact} {SYMBOLS[self.op]}"
        if self.op in ("eq", "contains", "not_contains"):
            return f"{self.fact} {SYMBOLS[self.op]} {self.value}"
        return f"{self.fact} {shown} {SYMBOLS[self.op]} {self.value}"


@dataclass(frozen=True)
class Condition:
    """A compiled condition: ``holds(view)`` and the leaves for traces and reasons."""

    source: dict[str, Any]
    holds: Pred
    leaves: tuple[Leaf, ...]

    def trace(self, view: FactView) -> list[dict[str, Any]]:
        """Every comparison with the fact's actual value and its result (no short-circuit)."""
        return [{"path": leaf.path, "fact": leaf.fact, "op": leaf.op, "value": leaf.value,
                 "actual": _jsonable(leaf.getter(view)), "result": _compare(leaf.op, leaf.getter(view), leaf.value)}
                for leaf in self.leaves]

    def guard(self) -> tuple[str, Any, frozenset[Any]] | None:
        """(fact, getter, values) when the condition needs a string fact to be one of ``values``
        (a top-level ``eq``/``in``, alone or inside the top ``all``): lets a rule set index rules."""
        doc = self.source
        candidates = doc["all"] if isinstance(doc.get("all"), list) else [doc]
        for item in candidates:
            if isinstance(item, dict) and item.get("op") in ("eq", "in") and "fact" in item:
                leaf = next((x for x in self.leaves if x.fact == item["fact"] and x.op == item["op"]
                             and x.value == item["value"] and not x.negated), None)
                if leaf is not None and isinstance(leaf.value, str | list) and (
                        leaf.op == "in" or isinstance(leaf.value, str)):
                    values = frozenset(leaf.value) if leaf.op == "in" else frozenset([leaf.value])
                    return leaf.fact, leaf.getter, values
        return None

    def reasons(self, view: FactView, *, limit: int = 3) -> list[str]:
        """Human-readable comparisons that held (positive ones), for next-best-action reasons."""
        out = []
        for leaf in self.leaves:
            actual = leaf.getter(view)
            if not leaf.negated and _compare(leaf.op, actual, leaf.value):
                out.append(leaf.describe(actual))
                if len(out) >= limit:
                    break
        return out


def compile_condition(doc: Any, *, root: str = "condition") -> Condition:
    """Check and compile a condition document; raises InvalidCondition naming each bad place."""
    compiler = _Compiler()
    pred = compiler.node(doc, root, depth=1, negated=False)
    if compiler.issues:
        raise InvalidCondition(compiler.issues)
    return Condition(source=doc, holds=pred, leaves=tuple(compiler.leaves))


class _Compiler:
    def __init__(self) -> None:
        self.issues: list[ConditionIssue] = []
        self.leaves: list[Leaf] = []
        self.nodes = 0

    def fail(self, path: str, message: str) -> Pred:
        self.issues.append(ConditionIssue(path, message))
        return _never

    def node(self, doc: Any, path: str, *, depth: int, negated: bool) -> Pred:
        self.nodes += 1
        if self.nodes > MAX_NODES:
            return self.fail(path, f"condition has more than {MAX_NODES} nodes")
        if depth > MAX_DEPTH:
            return self.fail(path, f"condition nested deeper than {MAX_DEPTH}")
        if not isinstance(doc, dict):
            return self.fail(path, "must be an object: {all|any|not} or {fact, op, value}")
        if "fact" in doc:
            return self.leaf(doc, path, negated=negated)
        keys = set(doc)
        if len(keys) != 1 or not keys <= {"all", "any", "not"}:
            return self.fail(path, f"expected exactly one of all, any, not or a comparison with fact; got "
                                   f"{sorted(keys) or 'no key'}")
        key = keys.pop()
        if key == "not":
            inner = self.node(doc["not"], f"{path}.not", depth=depth + 1, negated=not negated)
            return lambda v: not inner(v)
        items = doc[key]
        if not isinstance(items, list) or not items:
            return self.fail(f"{path}.{key}", "must be a non-empty list of conditions")
        preds = tuple(self.node(item, f"{path}.{key}.{i}", depth=depth + 1, negated=negated)
                      for i, item in enumerate(items))
        if len(preds) == 1:
            return preds[0]
        if key == "all":
            def all_of(v: FactView) -> bool:
                for p in preds:  # a plain loop: faster than all() over a generator on the hot path
                    if not p(v):
                        return False
                return True
            return all_of

        def any_of(v: FactView) -> bool:
            for p in preds:
                if p(v):
                    return True
            return False
        return any_of

    def leaf(self, doc: dict[str, Any], path: str, *, negated: bool) -> Pred:
        extra = set(doc) - {"fact", "op", "value"}
        if extra:
            return self.fail(f"{path}.{sorted(extra)[0]}", "unknown key in a comparison (allowed: fact, op, value)")
        name = doc["fact"]
        if not isinstance(name, str):
            return self.fail(f"{path}.fact", "must be a fact name (string)")
        fact = resolve_fact(name)
        if fact is None:
            return self.fail(f"{path}.fact", f"unknown fact {name!r} (see the README for the catalogue)")
        op = doc.get("op")
        allowed = OPS_BY_TYPE[fact.type]
        if op not in allowed:
            return self.fail(f"{path}.op", f"operator {op!r} does not apply to {fact.type} fact {name!r}; "
                                           f"use one of {sorted(allowed)}")
        if op in ("exists", "not_exists"):
            if "value" in doc:
                return self.fail(f"{path}.value", f"{op} takes no value")
            value = None
        elif "value" not in doc:
            return self.fail(f"{path}.value", f"{op} needs a value")
        else:
            value = doc["value"]
            message = _check_literal(fact.type, op, value)
            if message:
                return self.fail(f"{path}.value", message)
            if isinstance(value, list):
                value = tuple(value)
        getter = fact.getter
        self.leaves.append(Leaf(path=path, fact=name, op=op, value=list(value) if isinstance(value, tuple) else value,
                                getter=getter, negated=negated))
        return _predicate(op, getter, value)


def _is_number(x: Any) -> bool:
    return isinstance(x, int | float) and not isinstance(x, bool)


def _check_literal(kind: str, op: str, value: Any) -> str | None:
    """None when ``value`` suits the operator on a fact of type ``kind``; else the message."""
    scalar = {"number": _is_number, "string": lambda x: isinstance(x, str) and len(x) <= 200,
              "bool": lambda x: isinstance(x, bool), "list": lambda x: isinstance(x, str) and len(x) <= 200}[kind]
    wanted = {"number": "a number", "string": "a string (≤200 characters)", "bool": "true or false",
              "list": "a string (≤200 characters)"}[kind]
    if op in ("in", "not_in"):
        if not isinstance(value, list) or not value or len(value) > 100 or not all(scalar(x) for x in value):
            return f"{op} needs a non-empty list (≤100) of {wanted}"
        return None
    return None if scalar(value) else f"{op} needs {wanted}"


def _compare(op: str, actual: Any, value: Any) -> bool:
    if op == "exists":
        return actual is not None
    if op == "not_exists":
        return actual is None
    if actual is None:
        return False
    match op:
        case "eq":
            return bool(actual == value)
        case "ne":
            return bool(actual != value)
        case "lt":
            return bool(actual < value)
        case "lte":
            return bool(actual <= value)
        case "gt":
            return bool(actual > value)
        case "gte":
            return bool(actual >= value)
        case "in":
            return actual in value
        case "not_in":
            return actual not in value
        case "contains":
            return value in actual
        case "not_contains":
            return value not in actual
    raise ValueError(op)


def _predicate(op: str, get: Callable[[FactView], Any], value: Any) -> Pred:
    """A specialised closure per operator: the hot path of every decision."""
    if op in ("in", "not_in"):
        value = frozenset(value)
    match op:
        case "gte":
            return lambda v: (a := get(v)) is not None and a >= value
        case "gt":
            return lambda v: (a := get(v)) is not None and a > value
        case "lte":
            return lambda v: (a := get(v)) is not None and a <= value
        case "lt":
            return lambda v: (a := get(v)) is not None and a < value
        case "eq":
            return lambda v: (a := get(v)) is not None and a == value
        case "ne":
            return lambda v: (a := get(v)) is not None and a != value
        case "in":
            return lambda v: (a := get(v)) is not None and a in value
        case "not_in":
            return lambda v: (a := get(v)) is not None and a not in value
        case "contains":
            return lambda v: (a := get(v)) is not None and value in a
        case "not_contains":
            return lambda v: (a := get(v)) is not None and value not in a
        case "exists":
            return lambda v: get(v) is not None
    return lambda v: get(v) is None  # not_exists


def _never(view: FactView) -> bool:
    return False


def _jsonable(value: Any) -> Any:
    if isinstance(value, frozenset | set | tuple):
        return sorted(value)
    return value
