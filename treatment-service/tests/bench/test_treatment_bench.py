"""Decision benchmarks (``make bench``; figures in the README).

1. Next-best-action latency p50/p99 for one customer with N active rules (our compiled
   conditions + suppression + ranking), side by side in the same run with GoRules
   zen-engine evaluating an equivalent decision table (hit policy collect) on the same
   contexts; both must find exactly the same eligible rules.
2. Decisions per second for a re-decide of many customers (next-best-actions of each).
3. ``GET /v1/customers/{id}/next-best-actions`` through the app on SQLite (DB read included).

The unmarked smoke test runs the same code on small numbers so that it cannot rot."""

from __future__ import annotations

import json
import random
import statistics
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import zen
from fastapi.testclient import TestClient
from treatment_factories import T0, interaction

from idic.contracts import CustomerScored
from treatment_service.config import Settings
from treatment_service.domain.context import CustomerContext
from treatment_service.domain.facts import FactView
from treatment_service.domain.next_best_actions import ContactPolicy, next_best_actions
from treatment_service.domain.rules import Rule, RuleDocument
from treatment_service.domain.ruleset import RuleSet
from treatment_service.main import create_app

TIERS = ("most_valuable", "most_growable", "maintain", "below_zero")
KINDS = ("offer", "message", "cross_sell", "retention", "service_level")


def rule_specs(n: int, seed: int = 7) -> list[dict[str, Any]]:
    """N rules on tier, churn risk and e-mail interactions in the last 30 days."""
    rng = random.Random(seed)
    return [{"rule_id": f"bench-{i:04d}", "tier": rng.choice(TIERS), "churn": round(rng.random(), 2),
             "emails": rng.randint(0, 3), "priority": rng.randint(0, 100), "kind": rng.choice(KINDS),
             "value": rng.randint(1, 200)} for i in range(n)]


def rule_document(spec: dict[str, Any]) -> dict[str, Any]:
    return {"name": spec["rule_id"], "status": "active", "priority": spec["priority"], "realtime": False,
            "condition": {"all": [{"fact": "value.tier", "op": "eq", "value": spec["tier"]},
                                  {"fact": "value.churn_risk", "op": "gte", "value": spec["churn"]},
                                  {"fact": "interactions.30d.channel.email", "op": "gte", "value": spec["emails"]}]},
            "action": {"action_id": spec["rule_id"], "kind": spec["kind"], "channels": ["email", "phone"],
                       "value": str(spec["value"]), "currency": "EUR"}}


def zen_table(specs: list[dict[str, Any]]) -> Any:
    """The same rules as one zen-engine decision table."""
    rows = [{"_id": s["rule_id"], "tier": json.dumps(s["tier"]), "churn": f">= {s['churn']}",
             "emails": f">= {s['emails']}", "rule": json.dumps(s["rule_id"])} for s in specs]
    content = {"nodes": [
        {"id": "in", "type": "inputNode", "name": "Request", "position": {"x": 0, "y": 0}},
        {"id": "table", "type": "decisionTableNode", "name": "rules", "position": {"x": 0, "y": 0}, "content": {
            "hitPolicy": "collect",
            "inputs": [{"id": "tier", "name": "Tier", "field": "tier"},
                       {"id": "churn", "name": "Churn risk", "field": "churn_risk"},
                       {"id": "emails", "name": "E-mails 30d", "field": "emails_30d"}],
            "outputs": [{"id": "rule", "name": "Rule", "field": "rule"}], "rules": rows}},
        {"id": "out", "type": "outputNode", "name": "Response", "position": {"x": 0, "y": 0}}],
        "edges": [{"id": "e1", "sourceId": "in", "targetId": "table", "type": "edge"},
                  {"id": "e2", "sourceId": "table", "targetId": "out", "type": "edge"}]}
    return zen.ZenEngine().create_decision(json.dumps(content))


def contexts(m: int, seed: int = 11) -> list[CustomerContext]:
    rng = random.Random(seed)
    out = []
    for i in range(m):
        c = CustomerContext.new(f"c{i}", now=T0)
        c.apply_scored(CustomerScored(customer_id=c.customer_id, scored_at=T0, frequency=rng.randint(0, 9),
                                      tier=rng.choice(TIERS), churn_risk=round(rng.random(), 3),
                                      rfm_segment=rng.choice(("champions", "at_risk", "new"))), now=T0)
        for _ in range(rng.randint(0, 4)):
            c.apply_interaction(interaction(c.customer_id, channel="email", type="email_open"), now=T0)
        out.append(c)
    return out


def percentiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    return statistics.median(ordered), ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]


def timed(fn: Callable[[], Any], repeat: int, cpu: list[float] | None = None) -> list[float]:
    """Wall-clock ms per call (and, into ``cpu``, this thread's CPU ms: immune to other processes)."""
    out = []
    for _ in range(repeat):
        start, start_cpu = time.perf_counter(), time.thread_time()
        fn()
        out.append((time.perf_counter() - start) * 1000)
        if cpu is not None:
            cpu.append((time.thread_time() - start_cpu) * 1000)
    return out


def compiled(specs: list[dict[str, Any]]) -> RuleSet:
    """The active rule set as the service caches it."""
    return RuleSet(Rule.compile(s["rule_id"], 1, RuleDocument.model_validate(rule_document(s))) for s in specs)


def run_latency(n_rules: int, n_contexts: int, repeat: int) -> dict[str, float]:
    specs = rule_specs(n_rules)
    rules = compiled(specs)
    decision = zen_table(specs)
    policy = ContactPolicy()
    ours_eligible: list[float] = []
    ours_nba: list[float] = []
    theirs: list[float] = []
    ours_cpu: list[float] = []
    theirs_cpu: list[float] = []
    for ctx in contexts(n_contexts):
        view = FactView(ctx=ctx, now=T0)
        eligible = {r.rule_id for r in rules.rules if r.in_window(T0) and r.holds(view)}
        zen_input = {"tier": ctx.tier, "churn_risk": ctx.churn_risk, "emails_30d": ctx.channel_counts.get("email", 0)}
        found = {row["rule"] for row in decision.evaluate(zen_input)["result"]}
        assert eligible == found, ctx.customer_id  # the two engines decide the same
        ours_eligible += timed(lambda v=view: [r for r in rules.rules if r.holds(FactView(ctx=v.ctx, now=T0))],
                               repeat)
        ours_nba += timed(lambda v=view: next_best_actions(rules, FactView(ctx=v.ctx, now=T0), policy=policy,
                                                           propensities={}, limit=10), repeat, ours_cpu)
        theirs += timed(lambda z=zen_input: decision.evaluate(z), repeat, theirs_cpu)
    figures: dict[str, float] = {}
    for name, samples in (("ours_conditions", ours_eligible), ("ours_nba", ours_nba), ("zen", theirs),
                          ("ours_nba_cpu", ours_cpu), ("zen_cpu", theirs_cpu)):
        figures[f"{name}_p50_ms"], figures[f"{name}_p99_ms"] = percentiles(samples)
    return figures


def run_redecide(n_rules: int, n_customers: int) -> float:
    """Decisions (one customer's ranked next-best-actions) per second."""
    rules = compiled(rule_specs(n_rules))
    pool = contexts(min(n_customers, 5000))
    policy = ContactPolicy()
    start = time.perf_counter()
    for i in range(n_customers):
        next_best_actions(rules, FactView(ctx=pool[i % len(pool)], now=T0), policy=policy, propensities={}, limit=10)
    return n_customers / (time.perf_counter() - start)


def run_http(tmp_path: Path, kafka: Any, n_rules: int, repeat: int) -> tuple[float, float]:
    settings = Settings(database_url=f"sqlite:///{tmp_path}/bench.db", kafka_bootstrap_servers=kafka.bootstrap_servers,
                        consumer_group="treatment-bench", run_workers=False, log_json=False, log_level="WARNING")
    with TestClient(create_app(settings)) as client:
        for spec in rule_specs(n_rules):
            assert client.post("/v1/rules", json={**rule_document(spec), "rule_id": spec["rule_id"]}).status_code == 201
        ctx = contexts(1)[0]
        with client.app.state.runtime.uow() as uow:  # type: ignore[attr-defined]
            uow.contexts.save(ctx)
            uow.commit()
        url = f"/v1/customers/{ctx.customer_id}/next-best-actions"
        client.get(url)  # compiles and caches the rules
        return percentiles(timed(lambda: client.get(url).raise_for_status(), repeat))


def report(title: str, figures: dict[str, Any]) -> None:
    print(f"\n[treatment bench] {title}: " + ", ".join(
        f"{k}={v:.3f}" if isinstance(v, float) else f"{k}={v}" for k, v in figures.items()))


def test_decision_smoke(tmp_path: Path, kafka: Any) -> None:
    """Small numbers, every path of the benchmark (unmarked: runs with the tests)."""
    figures = run_latency(n_rules=30, n_contexts=40, repeat=2)
    assert figures["ours_nba_p50_ms"] > 0 and figures["zen_p50_ms"] > 0
    assert run_redecide(n_rules=30, n_customers=200) > 0
    p50, p99 = run_http(tmp_path, kafka, n_rules=5, repeat=5)
    assert 0 < p50 <= p99


@pytest.mark.bench
def test_decision_latency_500_rules_vs_zen_engine() -> None:
    figures = run_latency(n_rules=500, n_contexts=300, repeat=5)
    report("one customer, 500 active rules, top 10 (ms)", figures)
    # the targets; CPU time, because wall-clock p99 on a shared 2-core box measures the neighbours
    assert figures["ours_nba_cpu_p99_ms"] < 5.0
    assert figures["ours_nba_cpu_p50_ms"] <= figures["zen_cpu_p50_ms"]


@pytest.mark.bench
def test_redecide_100k_customers() -> None:
    for n_rules in (3, 50, 500):
        rate = run_redecide(n_rules=n_rules, n_customers=100_000)
        report(f"re-decide 100,000 customers, {n_rules} rules", {"decisions_per_s": rate})


@pytest.mark.bench
def test_http_next_best_actions_500_rules(tmp_path: Path, kafka: Any) -> None:
    p50, p99 = run_http(tmp_path, kafka, n_rules=500, repeat=500)
    report("GET next-best-actions over HTTP (TestClient, SQLite), 500 rules (ms)", {"p50": p50, "p99": p99})
