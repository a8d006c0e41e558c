"""The agent console in a real headless Chromium (Debian's), against the gateway and fake services
served by uvicorn: search, the one-screen view, recording an interaction and an offer outcome,
all by keyboard. Saves test-artifacts/console.png."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from gateway_fakes import make_settings
from gateway_servers import ANN, FakeSuite, serve
from playwright.sync_api import Browser, Page, expect, sync_playwright

from gateway.domain.access import actor_of
from gateway.main import create_app

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
KEY = "agent-key-0123456789"
ARTIFACTS = Path(__file__).resolve().parents[3] / "test-artifacts"


@pytest.fixture(scope="module")
def suite() -> FakeSuite:
    return FakeSuite()


@pytest.fixture(scope="module")
def gateway_url(suite: FakeSuite) -> Iterator[str]:
    with serve(suite.app, lifespan="off") as services:
        settings = make_settings(api_keys={KEY: ["read", "write"]}, identity_url=services,
                                 interaction_url=services, scoring_url=services, treatment_url=services)
        with serve(create_app(settings)) as url:
            yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture
def page(browser: Browser, gateway_url: str) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1366, "height": 900})  # a laptop screen
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" and "404" not in m.text else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(gateway_url + "/")
    yield page
    context.close()
    assert errors == [], errors  # no script error, no CSP violation


def enter_key(page: Page) -> None:
    page.get_by_label("API key").fill(KEY)
    page.get_by_label("API key").press("Enter")
    expect(page.locator("#key-state")).to_have_text("key set for this tab")


def search(page: Page, text: str) -> None:
    box = page.get_by_role("searchbox", name="Customer")
    box.fill(text)
    box.press("Enter")


def test_page_holds_no_key_and_is_locked_down(page: Page, gateway_url: str) -> None:
    html = page.content()
    assert KEY not in html
    response = page.request.get(gateway_url + "/")
    csp = response.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "'unsafe-inline'" not in csp
    search(page, "email:ann@example.com")  # no key yet: the agent is told
    expect(page.locator("#message")).to_contain_text("Enter an API key")


def test_agent_finds_a_customer_and_sees_everything_on_one_screen(page: Page, suite: FakeSuite) -> None:
    enter_key(page)
    assert page.evaluate("sessionStorage.getItem('idic.apiKey')") == KEY
    assert KEY not in page.content()
    search(page, "email:ann@example.com")
    customer = page.locator("#customer")
    expect(customer).to_be_visible()
    expect(page.locator("#customer-h")).to_be_focused()  # keyboard users land on the result
    expect(page.locator("#customer-id")).to_have_text(ANN)
    expect(page.locator("#profile")).to_contain_text("Ann Lee")
    expect(page.locator("#profile")).to_contain_text("10115 Berlin")
    expect(page.locator("#identifiers")).to_contain_text("loyalty_card: LC-1")
    expect(page.locator("#merged")).to_contain_text("c-old")
    expect(page.locator("#value")).to_contain_text("most_valuable")
    expect(page.locator("#value")).to_contain_text("431.20 EUR")
    expect(page.locator("#value")).to_contain_text("7 %")  # churn risk
    expect(page.locator("#segments")).to_contain_text("eco-buyers")
    expect(page.locator("#consent")).to_contain_text("sms")
    expect(page.locator("#nba")).to_contain_text("offer-eco-bundle")
    expect(page.locator("#nba")).to_contain_text("segment eco-buyers")  # with its reasons
    expect(page.locator("#timeline")).to_contain_text("purchase")
    expect(page.locator("#degraded")).to_be_hidden()
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "console.png"), full_page=True)
    assert (ARTIFACTS / "console.png").stat().st_size > 10_000


def test_agent_records_an_interaction_and_an_offer_outcome_by_keyboard(page: Page, suite: FakeSuite) -> None:
    enter_key(page)
    search(page, "ann@example.com")  # a bare e-mail address is taken as email:
    expect(page.locator("#customer-id")).to_have_text(ANN)
    page.get_by_label("Channel").select_option("phone")
    page.get_by_label("Type", exact=True).select_option("complaint")
    page.get_by_label("Note").fill("parcel arrived damaged")
    page.get_by_label("Note").press("Enter")  # Enter submits
    expect(page.locator("#message")).to_contain_text("recorded")
    recorded = suite.interactions[-1]
    assert recorded["customer_id"] == ANN and recorded["channel"] == "phone" and recorded["type"] == "complaint"
    assert recorded["payload"] == {"note": "parcel arrived damaged"}
    assert suite.actors[-1] == actor_of(KEY)  # the services learn who, never the key
    expect(page.locator("#timeline")).to_contain_text("complaint")  # the view reloads

    page.locator("#nba button").first.focus()
    page.keyboard.press("Enter")  # the action's button fills in its treatment and moves on
    expect(page.get_by_label("Treatment id")).to_have_value("t-100")
    expect(page.get_by_label("Outcome", exact=True)).to_be_focused()
    page.get_by_label("Outcome", exact=True).select_option("declined")
    page.get_by_label("Treatment id").press("Enter")
    expect(page.locator("#message")).to_contain_text("declined")
    assert suite.outcomes[-1] == ("t-100", {"outcome": "declined"})


def test_agent_searches_by_name_and_sees_refusals(page: Page) -> None:
    enter_key(page)
    search(page, "Ann Lee")
    expect(page.locator("#hits")).to_be_visible()
    page.keyboard.press("Enter")  # the first hit has the focus
    expect(page.locator("#customer-id")).to_have_text(ANN)
    page.get_by_label("Treatment id").fill("t-unknown")
    page.get_by_label("Treatment id").press("Enter")
    expect(page.locator("#message")).to_contain_text("Not Found (404)")
    search(page, "Zoe Nobody")
    expect(page.locator("#message")).to_contain_text("Nobody found")
    search(page, "email:zoe@example.com")
    expect(page.locator("#message")).to_contain_text("404")
    expect(page.locator("#customer")).to_be_hidden()


def test_keyboard_focus_order_follows_the_page(page: Page) -> None:
    expect(page.locator("#search-q")).to_be_focused()  # the page opens ready to search
    page.get_by_label("API key").focus()
    order = []
    for _ in range(4):
        page.keyboard.press("Tab")
        order.append(page.evaluate("document.activeElement.id"))
    assert order == ["key-save", "key-forget", "search-q", "search-go"]


def test_docs_render_without_any_cdn(browser: Browser, gateway_url: str) -> None:
    context = browser.new_context()
    page = context.new_page()
    outside: list[str] = []
    page.on("request", lambda r: outside.append(r.url) if not r.url.startswith(gateway_url) else None)
    page.goto(gateway_url + "/docs")
    expect(page.locator(".swagger-ui .opblock").first).to_be_visible(timeout=20_000)
    assert page.locator(".swagger-ui .opblock").count() >= 30  # every public operation is listed
    expect(page.locator(".swagger-ui")).to_contain_text("/v1/customers/{customer_id}")
    assert outside == []
    context.close()
