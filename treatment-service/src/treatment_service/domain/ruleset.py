"""The active rules of a decision, ordered by priority and indexed by their most common
guard (e.g. ``value.tier == X``), so that a decision looks only at rules that can hold."""

from __future__ import annotations

import heapq
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from typing import Any

from .facts import FactView
from .rules import Rule


class RuleSet:
    """Rules in rank order (priority desc, then id), with an equality index on one fact."""

    def __init__(self, rules: Iterable[Rule]) -> None:
        self.rules: tuple[Rule, ...] = tuple(sorted(rules, key=lambda r: (-r.doc.priority, r.rule_id)))
        self._order = {r.rule_id: i for i, r in enumerate(self.rules)}
        self._by_id = {r.rule_id: r for r in self.rules}
        self.controlled: tuple[Rule, ...] = tuple(r for r in self.rules if r.doc.control_share > 0)
        guards = {r.rule_id: r.condition.guard() for r in self.rules}
        common = Counter(g[0] for g in guards.values() if g is not None).most_common(1)
        self.index_fact: str | None = common[0][0] if common else None
        self._getter: Any = None
        self._always: list[Rule] = []
        self._by_value: dict[Any, list[Rule]] = defaultdict(list)
        for rule in self.rules:
            guard = guards[rule.rule_id]
            if guard is None or guard[0] != self.index_fact:
                self._always.append(rule)
                continue
            self._getter = guard[1]
            for value in guard[2]:
                self._by_value[value].append(rule)

    def get(self, rule_id: str) -> Rule | None:
        return self._by_id.get(rule_id)

    def __len__(self) -> int:
        return len(self.rules)

    def __iter__(self) -> Iterator[Rule]:
        return iter(self.rules)

    def candidates(self, view: FactView) -> Iterable[Rule]:
        """The rules that may hold for this view, in rank order (the others cannot)."""
        if self._getter is None:
            return self.rules
        indexed = self._by_value.get(self._getter(view))
        if not indexed:
            return self._always
        if not self._always:
            return indexed
        return heapq.merge(self._always, indexed, key=lambda r: self._order[r.rule_id])


def as_ruleset(rules: Iterable[Rule]) -> RuleSet:
    return rules if isinstance(rules, RuleSet) else RuleSet(rules)
