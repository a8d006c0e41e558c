"""The dashboard against the whole suite (real processes, PostgreSQL, Kafka): after a population run,
the reports answer through the gateway in JSON and CSV, and every picture of /dashboard is drawn
from them in Chromium. Saves test-artifacts/dashboard-e2e.png."""

from __future__ import annotations

import csv
import io
import uuid
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import httpx
import pytest
from playwright.sync_api import Browser, expect

from idic_devstack.browser import chromium
from idic_devstack.stack import Stack
from idic_devstack.waiting import eventually

from .console_pages import console_page

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with chromium() as browser:
        yield browser


def test_the_dashboard_draws_the_reports_of_a_population_run(stack: Stack, gateway: httpx.Client,
                                                               browser: Browser) -> None:
    buyers = []
    for n in range(1, 6):  # five buyers of 100 to 500 EUR, known to scoring before the run
        identified = gateway.post("/v1/customers/identify", json={
            "identifiers": [{"type": "email", "value": f"dash.buyer.{n}.{uuid.uuid4().hex[:6]}@example.com"}]})
        assert identified.status_code == 200, identified.text
        buyers.append(identified.json()["customer_id"])
        recorded = gateway.post("/v1/interactions", json={"customer_id": buyers[-1], "channel": "web",
                                                          "type": "purchase", "amount": f"{100 * n}.00",
                                                          "currency": "EUR"})
        assert recorded.status_code == 202, recorded.text
    eventually(lambda: all(gateway.get(f"/v1/customers/{b}/value").status_code == 200 for b in buyers),
               timeout=60, interval=0.5, what="scoring knows the five buyers")

    def refreshed() -> httpx.Response | None:  # the schedule may be running one already: ours follows it
        answer = gateway.post("/v1/models/rfm:refresh", headers={"Prefer": "wait=60"})
        assert answer.status_code in (200, 409), answer.text
        return answer if answer.status_code == 200 else None
    run = eventually(refreshed, timeout=120, interval=1, what="a population run of ours")
    assert run.json()["status"] == "succeeded", run.text

    value = gateway.get("/v1/reports/value").json()
    assert value["as_of"] is not None and value["customers"] == run.json()["result"]["customers"] >= 5
    assert Decimal(value["deciles"][0]["max_value"]) >= 500  # the biggest buyer, at least, is in the top tenth
    assert sum(d["customers"] for d in value["deciles"]) == value["customers"]
    assert sum((Decimal(d["value"]) for d in value["deciles"]), Decimal(0)) == Decimal(value["total_value"])
    tiers = gateway.get("/v1/reports/tiers").json()
    assert sum(t["customers"] for t in tiers["tiers"]) == value["customers"]
    table = gateway.get("/v1/reports/value", headers={"Accept": "text/csv"})
    assert table.status_code == 200 and table.headers["content-type"].startswith("text/csv")
    rows = [r for r in csv.DictReader(io.StringIO(table.text)) if r["table"] == "deciles"]
    assert [r["value"] for r in rows] == [d["value"] for d in value["deciles"]]

    with console_page(browser, stack.url("gateway") + "/dashboard") as (page, errors):
        expect(page.locator("#as-of")).to_contain_text("As of the population run of", timeout=15_000)
        expect(page.locator("#pareto-table tr")).to_have_count(10)
        expect(page.locator("#pareto-table tr").first.locator("td").nth(2)).to_contain_text(value["deciles"][0]["value"])
        assert Decimal(value["deciles"][0]["value"]) > 0
        expect(page.locator("#tiers-table tr")).to_have_count(4)
        for chart in ("pareto-chart", "tiers-chart", "churn-chart"):
            assert page.locator(f"#{chart} svg path").count() >= 5, chart
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "dashboard-e2e.png"), full_page=True)
    assert errors == [], errors
