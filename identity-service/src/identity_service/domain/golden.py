"""The golden record: every value ever observed for an attribute is kept (with its source,
how often and when it was seen, and which customer brought it), and survivorship rules
pick the value the golden record shows."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Literal

Rule = Literal["most_recent", "most_frequent", "source_priority"]


@dataclass
class Observation:
    """One distinct (attribute, value, source) seen for the customer ``origin`` brought in."""

    name: str
    value: str
    source: str
    count: int
    first_seen: str
    last_seen: str
    origin: str

    def to_json(self) -> list[Any]:
        return [self.name, self.value, self.source, self.count, self.first_seen, self.last_seen, self.origin]

    @classmethod
    def from_json(cls, row: list[Any]) -> Observation:
        return cls(*row)


@dataclass(frozen=True)
class Survivorship:
    """Which rule picks each attribute's value; ``source_priority`` lists sources best first."""

    rules: Mapping[str, Rule]
    default: Rule = "most_recent"
    source_priority: tuple[str, ...] = ()

    def rule_for(self, name: str) -> Rule:
        return self.rules.get(name, self.default)


def normalised_attributes(attributes: Mapping[str, str]) -> dict[str, str]:
    """Attribute values as the golden record keeps them: trimmed, blank ones dropped, a date of birth
    written YYYYMMDD (many exports do) in its ISO form YYYY-MM-DD, so both forms compare and survive alike."""
    cleaned = {name: value.strip() for name, value in attributes.items() if value.strip()}
    dob = cleaned.get("date_of_birth")
    if dob is not None and len(dob) == 8 and dob.isdigit():
        cleaned["date_of_birth"] = f"{dob[:4]}-{dob[4:6]}-{dob[6:]}"
    return cleaned


def observe(observations: list[Observation], *, attributes: Mapping[str, str], source: str, at: str,
            origin: str) -> None:
    """Record that ``source`` reported these values now (one row per distinct value)."""
    index = {(o.name, o.value, o.source, o.origin): o for o in observations}
    for name, value in attributes.items():
        found = index.get((name, value, source, origin))
        if found is None:
            observations.append(Observation(name, value, source, 1, at, at, origin))
        else:
            found.count += 1
            found.last_seen = at


def golden(observations: Iterable[Observation], rules: Survivorship) -> dict[str, str]:
    """The golden record: one value per attribute, chosen by that attribute's rule."""
    by_name: dict[str, list[Observation]] = defaultdict(list)
    for o in observations:
        by_name[o.name].append(o)
    return {name: _pick(obs, rules.rule_for(name), rules.source_priority) for name, obs in sorted(by_name.items())}


def _pick(observations: list[Observation], rule: Rule, priority: tuple[str, ...]) -> str:
    # Ties always fall back to recency, then to the value, so the answer is deterministic.
    if len(observations) == 1:  # most attributes of most customers: every rule agrees
        return observations[0].value
    if rule == "most_frequent":
        totals: dict[str, int] = defaultdict(int)
        latest: dict[str, str] = defaultdict(str)
        for o in observations:
            totals[o.value] += o.count
            latest[o.value] = max(latest[o.value], o.last_seen)
        return max(totals, key=lambda v: (totals[v], latest[v], v))
    if rule == "source_priority":
        rank = {s: len(priority) - i for i, s in enumerate(priority)}
        return max(observations, key=lambda o: (rank.get(o.source, 0), o.last_seen, o.value)).value
    return max(observations, key=lambda o: (o.last_seen, o.count, o.value)).value


# keys where true is the refusal: a "do not contact" asked under either record stands
REFUSAL_WHEN_TRUE = frozenset({"do_not_contact"})


def combine_consent(a: Mapping[str, bool], b: Mapping[str, bool]) -> dict[str, bool]:
    """Consent of two records of one person: where they disagree, refusal wins (GDPR: a
    consent that cannot be shown to be given is not given)."""
    out = dict(a)
    for key, value in b.items():
        mine = out.get(key, value)
        out[key] = (mine or value) if key in REFUSAL_WHEN_TRUE else (mine and value)
    return out
