"""The dashboard in a real headless Chromium (Debian's), against the gateway and fake services
served by uvicorn: every picture drawn with numbers behind it, the filters, a refused filter, no
script error, nothing from outside the gateway, axe-core at 1280x800 and on a 768-px tablet.
Saves test-artifacts/dashboard*.png."""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import parse_qs, urlsplit

import pytest
from gateway_servers import FakeSuite, gateway_before
from playwright.sync_api import Browser, Page, expect
from test_gateway_console import ARTIFACTS, KEY, serious_violations

from idic_devstack.browser import chromium

CHARTS = ("pareto-chart", "tiers-chart", "moves-chart", "history-chart", "cohorts-chart", "linkage-chart", "rules-chart", "clv-chart",
          "churn-chart", "channel-cost-chart", "channel-conversion-chart", "nps-chart")


@pytest.fixture(scope="module")
def gateway_url() -> Iterator[str]:
    with gateway_before(FakeSuite(), api_keys={KEY: {"scopes": ["read"], "actor": "analyst.ada"}}) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with chromium() as browser:
        yield browser


@pytest.fixture
def seen(browser: Browser, gateway_url: str) -> Iterator[tuple[Page, list[str]]]:
    """The dashboard page, and every URL it requested."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    errors: list[str] = []
    requests: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" and "422" not in m.text else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("request", lambda r: requests.append(r.url))
    page.goto(gateway_url + "/dashboard")
    page.get_by_label("API key").fill(KEY)
    page.get_by_label("API key").press("Enter")
    yield page, requests
    context.close()
    assert errors == [], errors  # no script error, no CSP violation


def test_every_picture_is_drawn_with_its_numbers(seen: tuple[Page, list[str]], gateway_url: str) -> None:
    page, requests = seen
    # seven reports and twelve pictures: on two loaded cores the first drawing may take several seconds
    expect(page.locator("#as-of")).to_contain_text("As of the population run of", timeout=30_000)
    for chart in CHARTS:
        expect(page.locator(f"#{chart} svg")).to_have_count(1)
        assert page.locator(f"#{chart} svg path").count() >= 5, chart  # axes, bars, lines: drawn, not empty
        assert page.locator(f"#{chart}").get_attribute("aria-label"), chart
    expect(page.locator("#pareto-chart")).to_have_attribute(
        "aria-label", "Pareto curve: the top tenth of 10 customers holds 18.2 % of the net value, "
        "the top two tenths 34.5 %.")
    first = page.locator("#pareto-table tr").first.locator("td")
    expect(first).to_have_text(["1", "1", "100.00 EUR", "18.2 %", "18.2 %"])
    expect(page.locator("#pareto-table tr")).to_have_count(10)
    expect(page.locator("#tiers-table tr").first.locator("td")).to_have_text(
        ["most valuable", "2", "20.0 %", "190.00", "34.5 %"])
    expect(page.locator("#moves-table tr").first.locator("td")).to_have_text(["2026-12-01", "not tiered", "maintain", "8"])
    expect(page.locator("#history-table tr")).to_have_count(6)
    expect(page.locator("#history-table tr").last.locator("td")).to_have_text(["2026-12-01", "maintain", "8", "360.00"])
    expect(page.locator("#history-chart")).to_have_attribute(
        "aria-label", "Net value per tier over 3 period(s); in the latest: most valuable 180.00, maintain 360.00.")
    expect(page.locator("#dist-table")).to_contain_text("Churn risk")
    expect(page.locator("#linkage-table tr").nth(2).locator("td")).to_have_text(
        ["detractor", "2", "50.0 %", "40.00", "55.0 %"])
    expect(page.locator("#rules-table tr").nth(1).locator("td")).to_have_text(
        ["offer-eco-bundle", "2026-11-01", "50", "11", "9", "18.0 %", "10.0 %", "8.0 points", "270.00 EUR"])
    expect(page.locator("#rules-chart")).to_have_attribute(
        "aria-label", "Uplift of 2 rule(s) over 2 period(s); in the latest: offer-eco-bundle 8.0 points, "
        "service-recovery 5.0 points.")
    expect(page.locator("#channels-table tr").first.locator("td")).to_have_text(
        ["2026-10-01", "store", "40", "80.00", "2.00", "12", "600.00 EUR", "30.0 %"])
    expect(page.locator("#channel-conversion-chart")).to_have_attribute(
        "aria-label", "Conversion in the latest period: store 36.0 %, web 10.0 %.")
    expect(page.locator("#nps-table tr").first.locator("td")).to_have_text(["2026-10-01", "all answers", "3", "33.33", "4.1"])
    expect(page.locator("#nps-chart")).to_have_attribute(
        "aria-label", "NPS 40 in the latest period, from 5 answers; per tier: most valuable 66.67, not tiered no answers, "
        "maintain 0.")
    expect(page.locator("#linkage-chart")).to_have_attribute(
        "aria-label", "Still buying: promoters 75.0 %, detractors 50.0 %; customers who complained 50.0 %, the others 75.0 %.")
    expect(page.locator("#cohorts-table tr").first).to_have_text("2026-1010100.0 %30.0 %10.0 %")
    expect(page.locator("#cohorts-chart")).to_have_attribute(
        "aria-label", "Cohorts of 2026-10 to 2026-11: 50.0 % of the 2026-11 cohort bought again the month after.")
    # the charts' own text is in the page as text (axis names, legends), never as markup from data
    expect(page.locator("#pareto-chart")).to_contain_text("Cumulative share")
    assert all(url.startswith(gateway_url) for url in requests), [u for u in requests if not u.startswith(gateway_url)]
    assert serious_violations(page) == []
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "dashboard.png"), full_page=True)

    page.set_viewport_size({"width": 768, "height": 1024})  # a tablet: one column, nothing scrolls sideways
    expect(page.locator("#pareto-table tr")).to_have_count(10)
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    assert serious_violations(page) == []
    page.screenshot(path=str(ARTIFACTS / "dashboard-tablet.png"), full_page=True)


def test_the_filters_apply_to_every_picture(seen: tuple[Page, list[str]]) -> None:
    page, requests = seen
    expect(page.locator("#as-of")).to_contain_text("As of", timeout=30_000)  # the first load has drawn
    page.get_by_label("Value tier", exact=True).select_option("most_valuable")
    page.get_by_label("Period", exact=True).select_option("quarter")
    segment = page.get_by_label("Segment (value, tiers, linkage)")
    expect(segment.locator("option")).to_have_text(["everyone", "Eco buyers (needs)"])  # listed from /v1/segments
    segment.select_option("eco-buyers")
    page.get_by_label("Since", exact=True).fill("2026-01-01")
    # the last of the seven reports asked: every one of them has been sent with the filters by then
    with page.expect_request(lambda r: urlsplit(r.url).path == "/v1/reports/feedback" and "tier=" in r.url):
        page.get_by_role("button", name="Show").click()
    expect(page.locator("#pareto-table tr")).to_have_count(10)

    def asked(path: str) -> dict[str, list[str]]:
        return parse_qs(urlsplit([u for u in requests if urlsplit(u).path == path][-1]).query)
    in_segment = {"segment": ["eco-buyers"]}  # kept per segment by the runs: value, tiers and linkage
    assert asked("/v1/reports/value") == {"since": ["2026-01-01T00:00:00Z"], "tier": ["most_valuable"], **in_segment}
    assert asked("/v1/reports/tiers") == {"since": ["2026-01-01T00:00:00Z"], "period": ["quarter"], **in_segment}
    assert asked("/v1/reports/cohorts") == {"since": ["2026-01-01T00:00:00Z"]}  # cohorts are monthly, always
    assert asked("/v1/reports/linkage") == {"since": ["2026-01-01T00:00:00Z"], "tier": ["most_valuable"],
                                            **in_segment}
    assert asked("/v1/reports/treatments") == {"since": ["2026-01-01T00:00:00Z"], "period": ["quarter"]}
    for report in ("channels", "feedback"):
        assert asked(f"/v1/reports/{report}") == {"since": ["2026-01-01T00:00:00Z"], "period": ["quarter"],
                                                   "tier": ["most_valuable"]}


def test_a_refused_filter_is_explained(seen: tuple[Page, list[str]]) -> None:
    page, _ = seen
    page.get_by_label("Since", exact=True).fill("2026-03-01")
    page.get_by_label("Until (not included)").fill("2026-02-01")
    page.get_by_role("button", name="Show").click()
    expect(page.locator("#message")).to_contain_text("query.until: until must lie after since")
    expect(page.locator("#pareto-table")).to_contain_text("query.until")
