"""What ops import is checked like code: the Prometheus alert rules and scrape configuration and the
Grafana dashboard parse, each alert says how bad it is and what to do, every metric they name is one
the deployables export (from the metric families the code registers: a renamed metric fails here),
and the scrape jobs are compose's services on their ports."""

from __future__ import annotations

import json
import re
from pathlib import Path

import yaml
from prometheus_client import REGISTRY
from prometheus_client.metrics_core import Metric

import gateway.adapters.clients.base  # noqa: F401  (registers the gateway's metrics)
import gateway.service_layer.customers  # noqa: F401
import idic.metrics  # noqa: F401

ROOT = Path(__file__).resolve().parents[2]
ALERTS = yaml.safe_load((ROOT / "infra/prometheus/alerts.yml").read_text())
SCRAPE = yaml.safe_load((ROOT / "infra/prometheus/prometheus.yml").read_text())
DASHBOARD = json.loads((ROOT / "infra/grafana/idic-dashboard.json").read_text())
COMPOSE = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
PROMETHEUS_OWN = {"up"}
METRIC = re.compile(r"\b((?:idic|gateway)_[a-z0-9_]+|up)\b")


def exported() -> set[str]:
    """Every sample name the registered families can produce."""
    suffixes = {"counter": ("_total",), "histogram": ("_bucket", "_sum", "_count"), "gauge": ("",),
                "summary": ("_sum", "_count", "")}
    names = set()
    for family in REGISTRY.collect():
        assert isinstance(family, Metric)
        for suffix in suffixes.get(family.type, ("",)):
            names.add(family.name + suffix)
    return names


def expressions() -> dict[str, str]:
    rules = {f"alert {r['alert']}": r["expr"] for group in ALERTS["groups"] for r in group["rules"]}
    panels = {f"panel {p['title']}": t["expr"] for p in DASHBOARD["panels"] for t in p["targets"]}
    return rules | panels


def test_every_metric_named_by_an_alert_or_a_panel_is_exported() -> None:
    known = exported() | PROMETHEUS_OWN
    assert "idic_consumer_lag" in known and "idic_events_dead_lettered_total" in known
    unknown = {where: sorted(set(METRIC.findall(expr)) - known) for where, expr in expressions().items()}
    assert {w: u for w, u in unknown.items() if u} == {}
    for where, expr in expressions().items():
        assert METRIC.search(expr), f"{where} names no metric"
        assert expr.count("(") == expr.count(")") and expr.count("{") == expr.count("}"), where


def test_the_alerts_cover_lag_dead_letters_backlog_and_readiness() -> None:
    rules = [r for group in ALERTS["groups"] for r in group["rules"]]
    named = {metric for r in rules for metric in METRIC.findall(r["expr"])}
    assert {"idic_consumer_lag", "idic_events_dead_lettered_total", "idic_outbox_pending", "up"} <= named
    for rule in rules:
        assert rule["labels"]["severity"] in ("warning", "critical"), rule["alert"]
        assert rule["annotations"]["summary"], rule["alert"]
    assert len({r["alert"] for r in rules}) == len(rules)


def test_the_dashboard_is_a_grafana_dashboard_over_a_prometheus_datasource() -> None:
    assert DASHBOARD["uid"] and DASHBOARD["title"] and isinstance(DASHBOARD["schemaVersion"], int)
    ids = [p["id"] for p in DASHBOARD["panels"]]
    assert len(ids) == len(set(ids)) >= 10
    for panel in DASHBOARD["panels"]:
        assert panel["datasource"]["type"] == "prometheus" and panel["targets"], panel["title"]
        assert {"h", "w", "x", "y"} <= set(panel["gridPos"])


def test_prometheus_scrapes_every_deployable_where_compose_runs_it() -> None:
    assert SCRAPE["rule_files"] == ["alerts.yml"]
    targets = {c["job_name"]: c["static_configs"][0]["targets"][0] for c in SCRAPE["scrape_configs"]}
    for name, service in COMPOSE["services"].items():
        if "build" not in service:
            continue
        dockerfile = (ROOT / service["build"]["dockerfile"]).read_text()
        [port] = re.findall(r"^EXPOSE (\d+)$", dockerfile, flags=re.M)
        assert targets[f"idic-{name}"] == f"{name}:{port}"
    gateway = next(c for c in SCRAPE["scrape_configs"] if c["job_name"] == "idic-gateway")
    assert gateway["authorization"]["type"] == "Bearer" and gateway["authorization"]["credentials_file"]
