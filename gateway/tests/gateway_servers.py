"""Real HTTP servers for the gateway tests: uvicorn in a thread, and a fake of the four services."""

from __future__ import annotations

import datetime as dt
import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from decimal import Decimal
from typing import Any

import uvicorn
from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from gateway_fakes import make_settings

from gateway.main import create_app
from idic.public.treatment import Rule, RuleDocument
from idic_devstack.waiting import eventually

ANN = "c-ann"
# a customer whose name is markup: the console must show it as text and run none of it
HOSTILE = "c-hostile"
TWIN = "c-twin"  # Ann as a second customer, from a form with a typo: the review queue's case
HOSTILE_NAME = ('<img src=x onerror="window.__pwned=1">', "<script>window.__pwned=2</script>")
NOW = "2026-11-20T10:00:00+00:00"
LATER = "2026-11-27T10:00:00+00:00"


def free_socket() -> socket.socket:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    return sock


@contextmanager
def serve(app: Any, *, lifespan: str = "on") -> Iterator[str]:
    """Serve an ASGI app on a free port in a thread; yields its base URL."""
    sock = free_socket()
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan=lifespan, access_log=False))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    eventually(lambda: server.started, timeout=15, interval=0.02, what="the server started")
    try:
        yield f"http://127.0.0.1:{sock.getsockname()[1]}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


@contextmanager
def gateway_before(suite: FakeSuite, *, api_keys: dict[str, Any]) -> Iterator[str]:
    """The gateway, served in front of ``suite`` (every service at the same fake), with these keys."""
    with serve(suite.app, lifespan="off") as services:
        settings = make_settings(api_keys=api_keys, identity_url=services, interaction_url=services,
                                 scoring_url=services, treatment_url=services)
        with serve(create_app(settings)) as url:
            yield url


def _not_found(detail: str) -> JSONResponse:
    return JSONResponse({"type": "about:blank", "title": "Not Found", "status": 404, "detail": detail},
                        status_code=404, media_type="application/problem+json")


def _offset(cursor: str | None) -> int:
    """A fake's cursor: an offset as text, opaque to the client; one it never gave reads past the end."""
    if cursor is None:
        return 0
    return int(cursor) if cursor.isascii() and cursor.isdigit() else 1 << 30


class FakeSuite:
    """One app answering the paths of all four services (they do not overlap) for one known
    customer, Ann (``c-ann``, merged from ``c-old``); it records what was written to it."""

    def __init__(self) -> None:
        self.interactions: list[dict[str, Any]] = []
        self.outcomes: list[tuple[str, dict[str, Any]]] = []
        self.actors: list[str] = []
        self.older_visits = 0  # store visits before Ann's first purchase, to page through
        self.more_reviews = 0  # open reviews after rv-1, to page through the queue
        self.decisions: list[tuple[str, str]] = []  # (review id, accept | reject)
        self.merges: list[dict[str, Any]] = []
        self.consents: list[tuple[str, dict[str, bool]]] = []
        self.unmerges: list[tuple[str, dict[str, Any]]] = []
        self.app = self._build()

    def _build(self) -> FastAPI:  # noqa: C901 - one small handler per faked path
        app = FastAPI()
        known = {ANN, "c-old", HOSTILE, TWIN}

        @app.get("/readyz")
        def readyz() -> dict[str, str]:
            return {"status": "ready"}

        @app.get("/v1/customers/lookup")
        def lookup(type: str, value: str) -> JSONResponse:
            if (type, value.lower()) in (("email", "ann@example.com"), ("loyalty_card", "LC-1")):
                return JSONResponse({"customer_id": ANN})
            return _not_found("no customer has this identifier")

        @app.get("/internal/customers/search")
        def search(name: str, limit: int = 20) -> dict[str, Any]:
            hits = [{"customer_id": ANN, "attributes": {"first_name": "Ann", "last_name": "Lee", "city": "Berlin"}}]
            return {"results": hits if "ann" in name.lower() else []}

        @app.get("/v1/customers/{customer_id}")
        def profile(customer_id: str) -> JSONResponse:
            if customer_id not in known:
                return _not_found("unknown customer")
            if customer_id == TWIN:
                return JSONResponse({
                    "customer_id": TWIN, "attributes": {"first_name": "Anne", "last_name": "Lee", "city": "Berlin",
                                                        "date_of_birth": "1985-04-12"},
                    "identifiers": [{"type": "email", "value": "anne.lee@example.org", "source": "store"}],
                    "merged_ids": [], "consent": {}, "created_at": NOW, "updated_at": NOW})
            if customer_id == HOSTILE:
                return JSONResponse({
                    "customer_id": HOSTILE, "attributes": {"first_name": HOSTILE_NAME[0], "last_name": HOSTILE_NAME[1],
                                                           "city": '"><svg onload="window.__pwned=3">'},
                    "identifiers": [{"type": "email", "value": "x@example.com", "source": "<b>web</b>"}],
                    "merged_ids": [], "consent": {"do_not_contact": True}, "created_at": NOW, "updated_at": NOW})
            return JSONResponse({
                "customer_id": ANN,
                "attributes": {"first_name": "Ann", "last_name": "Lee", "city": "Berlin", "postcode": "10115",
                               "country": "DE", "date_of_birth": "1985-04-12"},
                "identifiers": [{"type": "email", "value": "ann@example.com", "source": "web"},
                                {"type": "loyalty_card", "value": "LC-1", "source": "store"}],
                "merged_ids": ["c-old"], "consent": {"email": True, "sms": False, "profiling": True},
                "created_at": NOW, "updated_at": NOW})

        @app.get("/v1/customers/{customer_id}/value")
        def value(customer_id: str) -> JSONResponse:
            if customer_id != ANN:
                return _not_found("not scored")
            return JSONResponse({
                "customer_id": ANN,
                "rfm": {"status": "scored", "recency_days": 12, "frequency": 7, "monetary": "412.50",
                        "currency": "EUR", "r": 5, "f": 4, "m": 4, "segment": "champions"},
                "clv": {"status": "scored", "p_alive": 0.93, "expected_purchases_90d": 1.8,
                        "expected_avg_order_value": "58.90", "clv_12m": "431.20"},
                "tier": "most_valuable", "tier_status": "scored", "segments": ["weekend-shoppers", "eco-buyers"],
                "churn_risk": 0.07, "churn_risk_status": "scored",
                "churn_drivers": [{"input": "p_alive", "value": 0.93, "adds": 0.07}], "scored_at": NOW,
                "worth": {"cost_to_serve": "6.00", "net_value": "423.70", "potential_value": "455.60",
                          "growth_gap": "31.90", "currency": "EUR"}})

        @app.get("/v1/reports/value")
        def value_report(tier: str | None = None) -> dict[str, Any]:
            deciles = [{"decile": n, "customers": 1, "value": f"{110 - 10 * n}.00", "min_value": f"{110 - 10 * n}.00",
                        "max_value": f"{110 - 10 * n}.00", "share": round((110 - 10 * n) / 550, 6),
                        "cumulative_share": round(sum(110 - 10 * k for k in range(1, n + 1)) / 550, 6)}
                       for n in range(1, 11)]
            return {"as_of": NOW, "tier": tier, "customers": 10, "total_value": "550.00", "currency": "EUR",
                    "deciles": deciles,
                    "clv": {"customers": 8, "mean": "61.25", "quantiles": {"p50": "55.00", "p99": "120.00"},
                            "histogram": [{"from": f"{12 * n}.00", "to": None if n == 9 else f"{12 * (n + 1)}.00",
                                           "customers": [0, 1, 1, 2, 1, 1, 0, 1, 0, 1][n]} for n in range(10)]},
                    "churn_risk": {"customers": 8, "mean": 0.31, "histogram": [
                        {"from": n / 10, "to": (n + 1) / 10, "customers": [2, 1, 1, 1, 1, 0, 1, 0, 1, 0][n]}
                        for n in range(10)]}}

        @app.get("/v1/reports/cohorts")
        def cohorts_report(period: str = "month") -> dict[str, Any]:
            months = ["2026-10-01", "2026-11-01", "2026-12-01"]
            active = {"2026-10-01": [10, 3, 1], "2026-11-01": [4, 2]}
            cells = [{"cohort_start": cohort, "period_index": k, "period_start": months[months.index(cohort) + k],
                      "active_customers": n, "share_active": round(n / counts[0], 6), "revenue": f"{10 * n}.00"}
                     for cohort, counts in active.items() for k, n in enumerate(counts)]
            return {"as_of": NOW, "period": period, "since": None, "until": None,
                    "cohorts": [{"cohort_start": c, "customers": n[0], "revenue": f"{10 * sum(n)}.00"}
                                for c, n in active.items()], "cells": cells}

        @app.get("/v1/reports/linkage")
        def linkage_report(tier: str | None = None) -> dict[str, Any]:
            def group(name: str, customers: int, active: float, mean: int, risk: float) -> dict[str, Any]:
                return {"group": name, "customers": customers, "buyers": customers, "active_share": active,
                        "value": f"{customers * mean}.00", "mean_value": f"{mean}.00", "mean_churn_risk": risk}
            return {"as_of": NOW, "tier": tier, "active_days": 90,
                    "nps_groups": [group("promoter", 4, 0.75, 120, 0.2), group("passive", 3, 0.667, 80, 0.3),
                                   group("detractor", 2, 0.5, 40, 0.55), group("no_answer", 1, 1.0, 60, 0.25)],
                    "complaints": [group("complained", 2, 0.5, 30, 0.6), group("no_complaint", 8, 0.75, 95, 0.24)]}

        @app.get("/v1/reports/treatments")
        def treatments_report(period: str = "month", channel: str | None = None) -> dict[str, Any]:
            def row(rule: str, month: str, presented: int, converted: int, control: int, control_converted: int,
                    revenue: str) -> dict[str, Any]:
                rate, base = round(converted / presented, 4), round(control_converted / control, 4)
                return {"rule_id": rule, "period_start": f"{month}-01T00:00:00Z", "presented": presented,
                        "accepted": converted + 2, "declined": 3, "ignored": presented - converted - 5,
                        "converted": converted, "acceptance_rate": round((converted + 2) / presented, 4),
                        "conversion_rate": rate, "revenue": {"EUR": revenue}, "control_presented": control,
                        "control_converted": control_converted, "control_conversion_rate": base,
                        "uplift": round(rate - base, 4)}
            return {"as_of": NOW, "period": period, "since": None, "until": None, "channel": channel,
                    "rules": [row("offer-eco-bundle", "2026-10", 40, 6, 10, 1, "180.00"),
                              row("offer-eco-bundle", "2026-11", 50, 9, 10, 1, "270.00"),
                              row("service-recovery", "2026-11", 20, 5, 5, 1, "100.00")]}

        @app.get("/v1/reports/channels")
        def channels_report(period: str = "month", channel: str | None = None, tier: str | None = None) -> Any:
            def row(month: str, name: str, n: int, cost: str, purchases: int, revenue: str) -> dict[str, Any]:
                return {"period_start": f"{month}-01T00:00:00Z", "channel": name, "interactions": n, "cost": cost,
                        "cost_per_interaction": f"{Decimal(cost) / n:.2f}", "purchases": purchases,
                        "revenue": {"EUR": revenue} if purchases else {}, "conversion_rate": round(purchases / n, 6)}
            return {"as_of": NOW, "period": period, "since": None, "until": None, "channel": channel, "tier": tier,
                    "rows": [row("2026-10", "store", 40, "80.00", 12, "600.00"), row("2026-10", "web", 100, "5.00", 8, "320.00"),
                             row("2026-11", "store", 50, "100.00", 18, "900.00"), row("2026-11", "web", 120, "6.00", 12, "480.00")]}

        @app.get("/v1/reports/feedback")
        def feedback_report(period: str = "month", channel: str | None = None, tier: str | None = None) -> Any:
            def answers(promoters: int, passives: int, detractors: int) -> dict[str, Any]:
                n = promoters + passives + detractors
                return {"nps_responses": n, "promoters": promoters, "passives": passives, "detractors": detractors,
                        "nps": round(100 * (promoters - detractors) / n, 2), "csat_responses": n, "csat_mean": 4.1}
            months = ["2026-10-01T00:00:00Z", "2026-11-01T00:00:00Z"]
            return {"as_of": NOW, "period": period, "since": None, "until": None, "channel": channel, "tier": tier,
                    "periods": [{"period_start": months[0], **answers(2, 0, 1)}, {"period_start": months[1], **answers(3, 1, 1)}],
                    "by_channel": [{"period_start": m, "channel": "email", **answers(2, 0, 1)} for m in months],
                    "by_tier": [{"period_start": months[0], "tier": "most_valuable", **answers(2, 0, 0)},
                                {"period_start": months[0], "tier": None, **answers(0, 0, 1)},
                                {"period_start": months[1], "tier": "most_valuable", **answers(2, 1, 0)},
                                {"period_start": months[1], "tier": "maintain", **answers(1, 0, 1)}]}

        @app.get("/v1/reports/tiers")
        def tiers_report(period: str = "month") -> dict[str, Any]:
            return {"as_of": NOW, "period": period, "since": None, "until": None,
                    "tiers": [{"tier": "most_valuable", "customers": 2, "customer_share": 0.2, "value": "190.00",
                               "value_share": 0.345455},
                              {"tier": "maintain", "customers": 8, "customer_share": 0.8, "value": "360.00",
                               "value_share": 0.654545}],
                    "movements": [{"period_start": "2026-12-01T00:00:00Z", "from_tier": None, "to_tier": "maintain",
                                   "customers": 8}],
                    "history": [{"period_start": f"2026-{m:02d}-01T00:00:00Z", "as_of": f"2026-{m:02d}-28T03:00:00Z",
                                 "tier": tier, "customers": n, "value": f"{v + 10 * m}.00"}
                                for m in (10, 11, 12) for tier, n, v in (("most_valuable", 2, 60), ("maintain", 8, 240))]}

        def recent() -> list[dict[str, Any]]:
            base = [{"interaction_id": "i-1", "customer_id": ANN, "id": None, "channel": "store", "type": "purchase",
                     "direction": "inbound", "occurred_at": "2026-11-08T15:30:00+00:00",
                     "recorded_at": "2026-11-08T15:30:01+00:00", "amount": "58.90", "currency": "EUR", "cost": None,
                     "payload": {}}]
            older = [{**base[0], "interaction_id": f"v-{n}", "type": "visit", "amount": None, "currency": None,
                      "occurred_at": f"2026-10-{1 + n % 28:02d}T09:00:00+00:00"} for n in range(self.older_visits)]
            return [*reversed(self.interactions), *base, *older]

        @app.get("/internal/customers/{customer_id}/interactions/summary")
        def summary(customer_id: str) -> dict[str, Any]:
            items = recent() if customer_id == ANN else []
            return {"recent": items[:5], "count": len(items)}

        @app.get("/v1/customers/{customer_id}/timeline")
        def timeline(customer_id: str, limit: int = 50, cursor: str | None = None, channel: str | None = None,
                     type: str | None = None) -> dict[str, Any]:
            items = [i for i in (recent() if customer_id == ANN else [])
                     if (channel is None or i["channel"] == channel) and (type is None or i["type"] == type)]
            start = _offset(cursor)
            page = items[start:start + limit]
            more = start + limit < len(items)
            return {"customer_id": customer_id, "items": page, "next_cursor": str(start + limit) if more else None}

        @app.get("/v1/customers/{customer_id}/triggers")
        def triggers(customer_id: str, limit: int = 50) -> dict[str, Any]:
            def ago(days: int) -> str:  # relative to the day the test runs: alerts are the recent ones
                return (dt.datetime.now(dt.UTC) - dt.timedelta(days=days)).isoformat()
            found = [{"trigger_id": "tr-1", "customer_id": ANN, "kind": "detractor", "occurred_at": ago(2),
                      "interaction_id": "i-s", "details": {"nps": 4}, "detected_at": ago(2)},
                     {"trigger_id": "tr-2", "customer_id": ANN, "kind": "first_purchase", "occurred_at": ago(20),
                      "interaction_id": "i-1", "details": {}, "detected_at": ago(20)},
                     {"trigger_id": "tr-3", "customer_id": ANN, "kind": "complaint", "occurred_at": ago(200),
                      "interaction_id": "i-0", "details": {}, "detected_at": ago(200)}]
            return {"customer_id": customer_id, "items": found[:limit] if customer_id == ANN else []}

        @app.get("/v1/customers/{customer_id}/feedback")
        def feedback(customer_id: str) -> dict[str, Any]:
            answers = [(4, "2026-11-19T10:00:00+00:00"), (7, "2026-10-01T10:00:00+00:00"),
                       (9, "2026-08-01T10:00:00+00:00")] if customer_id == ANN else []
            history = [{"interaction_id": f"i-s{n}", "occurred_at": at, "channel": "email", "nps": nps,
                        "csat": 5 - n if n < 2 else None} for n, (nps, at) in enumerate(answers)]
            nps = ({"latest": 4, "latest_at": answers[0][1], "average": 6.67, "responses": 3, "trend": -5.0,
                    "direction": "down"} if answers else
                   {"latest": None, "latest_at": None, "average": None, "responses": 0, "trend": None, "direction": None})
            empty = {"latest": None, "latest_at": None, "average": None, "responses": 0, "trend": None, "direction": None}
            return {"customer_id": customer_id, "nps": nps, "csat": empty, "history": history}

        @app.get("/v1/customers/{customer_id}/channels")
        def channels(customer_id: str) -> dict[str, Any]:
            mix = [{"channel": "store", "count": 3, "share": 0.6, "cost": "6.00"},
                   {"channel": "email", "count": 2, "share": 0.4, "cost": "0.00"}]
            return {"customer_id": customer_id, "count": 5 if customer_id == ANN else 0,
                    "channels": mix if customer_id == ANN else [], "cost_to_serve": "6.00" if customer_id == ANN else "0.00"}

        @app.post("/v1/interactions", status_code=202)
        async def record(request: Request) -> dict[str, str]:
            body = await request.json()
            self.actors.append(request.headers.get("x-actor", ""))
            interaction_id = f"i-{len(self.interactions) + 2}"
            # stored as interaction-service shows it: the request's fields plus what the service assigns
            self.interactions.append({"customer_id": ANN, "id": None, "direction": "inbound", "occurred_at": NOW,
                                      "amount": None, "currency": None, "cost": None, "payload": {}, **body,
                                      "interaction_id": interaction_id, "recorded_at": NOW,
                                      "actor": request.headers.get("x-actor")})
            return {"interaction_id": interaction_id, "customer_id": body.get("customer_id") or ANN}

        @app.get("/v1/customers/{customer_id}/next-best-actions")
        def actions(customer_id: str) -> list[dict[str, Any]]:
            if customer_id != ANN:
                return []
            return [{"action_id": "offer-eco-bundle", "kind": "offer", "channel": "email", "score": 0.82,
                     "reasons": ["tier is most_valuable", "segment eco-buyers", "email consent given"],
                     "rule_id": "r-eco", "treatment_id": "t-100", "expires_at": LATER},
                    {"action_id": "vip-service", "kind": "service_level", "channel": None, "score": 0.5,
                     "reasons": ["tier is most_valuable"], "rule_id": "r-vip", "treatment_id": "t-101",
                     "expires_at": LATER}]

        treatment = {"treatment_id": "t-100", "customer_id": ANN, "action_id": "offer-eco-bundle", "kind": "offer",
                     "channel": "email", "rule_id": "r-eco", "rule_version": 1, "score": 0.82,
                     "reasons": ["tier is most_valuable"], "decided_at": NOW, "expires_at": LATER,
                     "cause_event_id": None, "outcome": None, "outcome_at": None, "delivered_at": NOW}

        @app.post("/v1/treatments/{treatment_id}/outcome")
        async def outcome(treatment_id: str, request: Request) -> JSONResponse:
            if treatment_id != "t-100":
                return _not_found("unknown treatment")
            body = await request.json()
            self.outcomes.append((treatment_id, body))
            return JSONResponse({**treatment, "outcome": body["outcome"], "outcome_at": NOW})

        @app.get("/v1/customers/{customer_id}/treatments")
        def treatments(customer_id: str) -> dict[str, Any]:
            return {"customer_id": customer_id, "treatments": [treatment] if customer_id == ANN else [],
                    "next_cursor": None}

        counts = {"presented": 10, "accepted": 4, "declined": 2, "ignored": 4, "converted": 3,
                  "acceptance_rate": 0.4, "conversion_rate": 0.3, "revenue": "120.00", "currency": "EUR"}

        @app.get("/v1/rules/{rule_id}/performance")
        def performance(rule_id: str) -> JSONResponse:
            if rule_id != "r-eco":
                return _not_found("unknown rule")
            return JSONResponse({"rule_id": rule_id, "since": NOW, "until": LATER, **counts,
                                 "control": {**counts, "converted": 1, "conversion_rate": 0.1}, "uplift": 0.2})

        # ---- the rest of the public paths, answering in the shapes of the public contract ----

        def identified(_: Any) -> dict[str, Any]:
            return {"customer_id": ANN, "created": False, "matched_by": "identifier", "confidence": 1.0}

        @app.post("/v1/customers/identify")
        async def identify(request: Request) -> dict[str, Any]:
            return identified(await request.json())

        @app.post("/v1/customers/identify:batch")
        async def identify_batch(request: Request) -> dict[str, Any]:
            return {"results": [identified(r) for r in (await request.json())["records"]]}

        review = {"review_id": "rv-1", "customer_id": TWIN, "candidate_id": ANN, "probability": 0.82,
                  "reason": "possible_duplicate", "status": "open", "created_at": NOW, "decided_at": None,
                  "explanation": {"candidate_id": ANN, "probability": 0.82, "prior_weight": -4.25, "comparisons": [
                      {"attribute": "first_name", "level": 1, "weight": 1.19},
                      {"attribute": "last_name", "level": 0, "weight": 7.41},
                      {"attribute": "date_of_birth", "level": 0, "weight": 9.73},
                      {"attribute": "city", "level": 0, "weight": 4.82},
                      {"attribute": "email", "level": 2, "weight": -4.01},
                      {"attribute": "postcode", "level": None, "weight": 0.0}]}}
        review["details"] = {"explanation": review["explanation"]}

        @app.get("/v1/reviews")
        def reviews(status: str = "open", limit: int = 100, cursor: str | None = None) -> dict[str, Any]:
            still_open = not self.decisions and status == "open"
            queue = ([review] if still_open else []) + [
                {**review, "review_id": f"rv-x{n:03d}", "customer_id": f"c-dup-{n:03d}"} for n in range(self.more_reviews)]
            start = _offset(cursor)
            page, rest = queue[start:start + limit], queue[start + limit:]
            after = str(start + limit) if rest else None
            return {"reviews": page, "next_cursor": after, "next_after": after}

        @app.post("/v1/reviews/{review_id}:accept")
        def accept(review_id: str) -> JSONResponse:
            return decide(review_id, "accepted")

        @app.post("/v1/reviews/{review_id}:reject")
        def reject(review_id: str) -> JSONResponse:
            return decide(review_id, "rejected")

        def decide(review_id: str, status: str) -> JSONResponse:
            if review_id != "rv-1":
                return _not_found("unknown review")
            self.decisions.append((review_id, status))
            return JSONResponse({**review, "status": status, "decided_at": NOW})

        @app.post("/v1/customers/merge")
        async def merge(request: Request) -> JSONResponse:
            body = await request.json()
            self.merges.append(body)
            if not {body["survivor_id"], *body["merged_ids"]} <= known:
                return _not_found("unknown customer")
            return JSONResponse({"customer_id": body["survivor_id"], "attributes": {}, "identifiers": [],
                                 "merged_ids": body["merged_ids"], "consent": {}, "created_at": NOW,
                                 "updated_at": NOW})

        @app.post("/v1/customers/{customer_id}/unmerge")
        async def unmerge(customer_id: str, request: Request) -> JSONResponse:
            body = await request.json()
            self.unmerges.append((customer_id, body))
            if customer_id != ANN or body["customer_id"] != "c-old":
                return _not_found("nothing to unmerge")
            return JSONResponse({"customer_id": ANN, "restored_id": "c-old", "restored_merged_ids": []})

        @app.put("/v1/customers/{customer_id}/consent")
        async def consent(customer_id: str, request: Request) -> JSONResponse:
            if customer_id not in known:
                return _not_found("unknown customer")
            given = {k: v for k, v in (await request.json()).items() if v is not None}
            self.consents.append((customer_id, given))
            return JSONResponse({"customer_id": ANN, "consent": {"email": True, **given}})

        @app.delete("/v1/customers/{customer_id}", status_code=204, response_model=None)
        def erase(customer_id: str) -> JSONResponse | None:
            return None if customer_id in known else _not_found("unknown customer")

        @app.post("/v1/interactions:batch", status_code=202)
        async def record_batch(request: Request) -> dict[str, Any]:
            items = (await request.json())["interactions"]
            return {"results": [{"interaction_id": f"b-{i}", "customer_id": it.get("customer_id") or ANN}
                                for i, it in enumerate(items)]}

        @app.get("/v1/channels/stats")
        def stats(since: str | None = None) -> dict[str, Any]:
            return {"since": since, "channels": [{
                "channel": "store", "count": 3, "customers": 1, "total_cost": "6.00", "cost_per_interaction": "2.00",
                "purchases": 1, "revenue": {"EUR": "58.90"}, "conversion_rate": 0.33}]}

        fit = {"bgnbd": {"r": 0.24, "alpha": 4.41, "a": 0.79, "b": 2.43},
               "gamma_gamma": {"p": 6.25, "q": 3.74, "v": 15.44}, "customers": 2357, "fitted_at": NOW,
               "calibration_end": NOW, "time_unit": "weeks", "fit_seconds": 1.5}

        jobs: dict[str, dict[str, Any]] = {}

        def started(prefix: str, kind: str, result: dict[str, Any]) -> JSONResponse:
            job_id = f"{prefix}_{len(jobs):032x}"
            jobs[job_id] = {"job_id": job_id, "kind": kind, "status": "succeeded", "progress": {"done": 1, "total": 1},
                            "created_at": NOW, "started_at": NOW, "finished_at": NOW, "result": result,
                            "error": None}
            return JSONResponse({**jobs[job_id], "status": "queued", "started_at": None, "finished_at": None,
                                 "result": None, "progress": {"done": 0, "total": None}}, status_code=202,
                                headers={"location": f"/v1/jobs/{job_id}"})

        @app.post("/v1/models/clv:fit")
        def fit_clv() -> JSONResponse:
            return started("scoring", "clv_fit", fit)

        @app.post("/v1/models/rfm:refresh")
        def refresh_rfm() -> JSONResponse:
            return started("scoring", "rfm_refresh", {
                "customers": 1, "purchasers": 1, "refreshed_at": NOW, "announced": 1, "seconds": 0.1, "needs": None,
                "rfm": {"recency_edges": [3.0], "frequency_edges": [1.0], "monetary_edges": [58.9]},
                "tiers": {"valuable_cutoff": 58.9, "growable_cutoff": None}})

        @app.post("/v1/models/matching:train")
        def train_matching() -> JSONResponse:
            return started("identity", "matching_train", {
                "model_id": 2, "m": {"email": [0.05, 0.95]}, "u": {"email": [0.999, 0.001]}, "prior": 0.05,
                "trained_at": NOW, "stats": {"profiles": 3, "random_pairs": 3}})

        @app.post("/v1/customers:dedupe")
        def dedupe_customers() -> JSONResponse:
            return started("identity", "customers_dedupe", {"customers_scanned": 0, "merged": 0, "reviews": 0})

        @app.post("/v1/triggers:scan")
        def scan_triggers() -> JSONResponse:
            return started("interaction", "triggers_scan", {"fired": {"lapse": 0, "birthday": 0}, "scanned_at": NOW})

        @app.get("/v1/jobs/{job_id}")
        def job(job_id: str) -> JSONResponse:
            return JSONResponse(jobs[job_id]) if job_id in jobs else _not_found("unknown job")

        @app.get("/v1/jobs")
        def job_list(kind: str | None = None) -> dict[str, Any]:
            return {"jobs": [j for j in jobs.values() if kind in (None, j["kind"])]}

        # the shapes of idic.public.webhooks (what treatment-service answers)
        webhook = {"webhook_id": "wh-1", "url": "https://hooks.example.com/idic", "events": ["treatment.decided"],
                   "description": None, "active": True, "created_at": NOW, "updated_at": NOW}
        delivery = {"delivery_id": "msg_1", "webhook_id": "wh-1", "event_id": "e-1",
                    "event_type": "idic.treatment.decided.v1", "status": "failed", "attempts": 8,
                    "next_attempt_at": None, "give_up_at": None, "last_status_code": 500, "last_error": "HTTP 500",
                    "created_at": NOW, "delivered_at": None}

        @app.post("/v1/webhooks", status_code=201)
        async def create_webhook(request: Request) -> dict[str, Any]:
            return {**webhook, **(await request.json()), "secret": "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"}

        @app.get("/v1/webhooks")
        def list_webhooks() -> dict[str, Any]:
            return {"webhooks": [webhook]}

        @app.api_route("/v1/webhooks/{webhook_id}", methods=["GET", "PATCH", "DELETE"], response_model=None)
        async def one_webhook(webhook_id: str, request: Request) -> JSONResponse | None:
            if webhook_id != "wh-1":
                return _not_found("unknown webhook")
            if request.method == "DELETE":
                return None
            changes = await request.json() if request.method == "PATCH" else {}
            return JSONResponse({**webhook, **{k: v for k, v in changes.items() if v is not None}})

        @app.get("/v1/webhooks/{webhook_id}/deliveries")
        def deliveries(webhook_id: str) -> JSONResponse:
            if webhook_id != "wh-1":
                return _not_found("unknown webhook")
            return JSONResponse({"deliveries": [delivery], "next_cursor": None})

        @app.post("/v1/webhooks/{webhook_id}/deliveries/{delivery_id}:retry", status_code=202)
        def retry(webhook_id: str, delivery_id: str) -> JSONResponse:
            if (webhook_id, delivery_id) != ("wh-1", "msg_1"):
                return _not_found("unknown delivery")
            return JSONResponse({**delivery, "status": "pending", "next_attempt_at": NOW, "give_up_at": NOW},
                                status_code=202)

        @app.get("/v1/models/clv")
        def last_fit() -> dict[str, Any]:
            return fit

        @app.get("/v1/segments")
        def segments() -> dict[str, Any]:
            return {"segments": [{"id": "eco-buyers", "kind": "needs", "name": "Eco buyers", "description": "",
                                  "size": 1, "value": "431.20"}]}

        @app.post("/v1/segments", status_code=201)
        async def create_segment(request: Request) -> dict[str, Any]:
            body = await request.json()
            return {"id": f"rule-{body['id']}", "kind": "rule", "name": body["name"], "description": "",
                    "size": 0, "value": "0", "conditions": body["conditions"]}

        @app.get("/v1/segments/{segment_id}/customers")
        def segment_customers(segment_id: str) -> JSONResponse:
            if segment_id != "eco-buyers":
                return _not_found("unknown segment")
            return JSONResponse({"segment_id": segment_id, "customers": [{"customer_id": ANN, "since": NOW}],
                                 "next_cursor": None, "next_after": None})

        # a stored rule as treatment-service answers it (idic.public.treatment.Rule, defaults filled in)
        rule = Rule.model_validate({
            "rule_id": "r-eco", "version": 1, "name": "eco", "priority": 1,
            "condition": {"fact": "segments", "op": "contains", "value": "eco-buyers"},
            "action": {"action_id": "offer-eco-bundle", "kind": "offer", "channels": ["email"]},
            "created_at": NOW, "created_by": "ops", "updated_at": NOW, "updated_by": "ops"}).model_dump(mode="json")

        @app.get("/v1/rules")
        def rules() -> list[dict[str, Any]]:
            return [rule]

        @app.post("/v1/rules", status_code=201)
        async def create_rule(request: Request) -> dict[str, Any]:
            self.actors.append(request.headers.get("x-actor", ""))
            return Rule.model_validate({**rule, **(await request.json()), "rule_id": "r-new"}).model_dump(mode="json")

        @app.post("/v1/rules:simulate")
        def simulate() -> dict[str, Any]:
            return {"customer_id": ANN, "rule_id": "r-eco", "rule_version": 1, "status": "active", "fires": False,
                    "in_validity_window": True, "condition_holds": False,
                    "conditions": [{"path": "condition", "fact": "segments", "op": "contains", "value": "eco-buyers",
                                    "actual": [], "result": False}],
                    "suppression": None, "suppressed_channels": [], "action": None, "rank": None,
                    "competing_actions": 0}

        @app.api_route("/v1/rules/{rule_id}", methods=["GET", "PUT", "DELETE"], response_model=None)
        async def one_rule(rule_id: str, request: Request) -> JSONResponse | None:
            if rule_id != "r-eco":
                return _not_found("unknown rule")
            if request.method == "DELETE":
                return JSONResponse({**rule, "version": 2, "status": "retired"})
            return JSONResponse(rule)

        policy = {"max_contacts_per_channel": 3, "period_days": 7, "decline_cooldown_days": 30,
                  "exclusive_kinds": ["offer"], "open_offer_days": 14}

        @app.get("/v1/rules/{rule_id}/versions")
        def versions(rule_id: str) -> JSONResponse:
            document = {k: v for k, v in rule.items() if k in RuleDocument.model_fields}
            version = {"rule_id": "r-eco", "version": 1, "change": "created", "changed_at": NOW, "changed_by": "ops",
                       "rule": document}
            return JSONResponse([version]) if rule_id == "r-eco" else _not_found("unknown rule")

        @app.api_route("/v1/contact-policy", methods=["GET", "PUT"])
        async def contact_policy(request: Request) -> dict[str, Any]:
            return (await request.json()) if request.method == "PUT" else policy

        @app.get("/internal/erasures/{customer_id}")
        def erasure(customer_id: str) -> JSONResponse:
            return _not_found("not erased")

        @app.get("/internal/customers/{customer_id}/export")
        def export(customer_id: str) -> JSONResponse:
            return JSONResponse({"customer_id": customer_id}) if customer_id == ANN else _not_found("nothing")

        return app
