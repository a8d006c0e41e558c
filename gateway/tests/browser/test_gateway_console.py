"""The agent console in a real headless Chromium (Debian's), against the gateway and fake services
served by uvicorn: search, the one-screen view, recording an interaction and an offer outcome,
all by keyboard. Saves test-artifacts/console.png."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from gateway_servers import ANN, HOSTILE, HOSTILE_NAME, TWIN, FakeSuite, gateway_before
from playwright.sync_api import Browser, Page, expect

from idic_devstack.browser import chromium

KEY = "agent-key-0123456789"
AGENT = "agent.anna"  # the key's actor name: what the agent records is shown as theirs
ARTIFACTS = Path(__file__).resolve().parents[3] / "test-artifacts"


@pytest.fixture(scope="module")
def suite() -> FakeSuite:
    return FakeSuite()


@pytest.fixture(scope="module")
def gateway_url(suite: FakeSuite) -> Iterator[str]:
    with gateway_before(suite, api_keys={KEY: {"scopes": ["read", "write"], "actor": AGENT}}) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with chromium() as browser:
        yield browser


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
    expect(page.locator("#customer-h")).to_contain_text("Ann Lee")
    expect(page.locator("#customer-id")).to_have_text(ANN)
    profile = page.locator("#profile")
    for text in ("Ann Lee", "10115 Berlin", "loyalty_card: LC-1", "c-old", "sms no"):
        expect(profile).to_contain_text(text)
    # alerts first, the detractor survey before the first purchase, and the refused channel
    alerts = page.locator("#alerts li")
    expect(alerts.first).to_have_text(re.compile(r"^Detractor \(NPS\): NPS 4"))
    expect(alerts.first).to_have_class("attention")
    expect(page.locator("#alerts")).to_contain_text("First purchase")
    expect(page.locator("#alerts")).not_to_contain_text("Complaint")  # 200 days ago: history, not an alert
    expect(page.locator("#alerts")).to_contain_text("No consent for sms")
    value = page.locator("#value")
    for text in ("most valuable", "431.20 EUR", "7 %", "0.93", "412.50 EUR", "champions (R5 F4 M4)",
                 "Net value, 12 months423.70 EUR",
                 "Potential value (if they stay)455.60 EUR (room to grow 31.90 EUR)"):
        expect(value).to_contain_text(text)
    expect(page.locator("#drivers")).to_contain_text("p alive = 0.93: +7 %")
    expect(page.locator("#segments")).to_contain_text("eco-buyers")
    expect(page.locator("#feedback")).to_contain_text("4 (")  # the latest NPS, with its date
    expect(page.locator("#feedback")).to_contain_text("down (-5.0)")
    trend = page.locator("#feedback-trend svg[role=img]")
    expect(trend.first).to_have_attribute("aria-label", "NPS answers over time, oldest first: 9, 7, 4")
    expect(trend.nth(1)).to_have_attribute("aria-label", "CSAT answers over time, oldest first: 4, 5")
    expect(page.locator("#channels tr").first).to_contain_text("store3")
    expect(page.locator("#channels meter").first).to_have_attribute("value", "0.6")
    expect(page.locator("#cost-to-serve")).to_have_text("Cost to serve: 6.00 (store 6.00)")
    expect(page.locator("#nba")).to_contain_text("offer-eco-bundle")
    expect(page.locator("#nba")).to_contain_text("segment eco-buyers")  # with its reasons
    expect(page.locator("#treatments")).to_contain_text("offer-eco-bundle")
    expect(page.locator("#treatments")).to_contain_text("open until")
    expect(page.locator("#timeline")).to_contain_text("purchase")
    expect(page.locator("#degraded")).to_be_hidden()
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "console.png"), full_page=True)
    assert (ARTIFACTS / "console.png").stat().st_size > 10_000


def test_agent_records_an_interaction_and_an_offer_outcome_by_keyboard(page: Page, suite: FakeSuite) -> None:
    enter_key(page)
    search(page, "ann@example.com")  # a bare e-mail address is taken as email:
    expect(page.locator("#customer-id")).to_have_text(ANN)
    page.get_by_label("Channel", exact=True).nth(1).select_option("phone")  # the form's (the first filters)
    page.get_by_label("Type", exact=True).nth(1).select_option("complaint")
    page.get_by_label("Note").fill("parcel arrived damaged")
    page.get_by_label("Note").press("Enter")  # Enter submits
    expect(page.locator("#message")).to_contain_text("recorded")
    recorded = suite.interactions[-1]
    assert recorded["customer_id"] == ANN and recorded["channel"] == "phone" and recorded["type"] == "complaint"
    assert recorded["payload"] == {"note": "parcel arrived damaged"}
    assert suite.actors[-1] == AGENT  # the services learn who (the key's name), never the key
    note = page.locator("#timeline tr", has_text="parcel arrived damaged")  # the view reloads
    expect(note).to_contain_text(AGENT)

    # one click records the outcome of the action on screen: no treatment id to copy
    declined = page.get_by_role("group", name="Outcome of offer-eco-bundle").get_by_role("button", name="Declined")
    declined.focus()
    page.keyboard.press("Enter")
    expect(page.locator("#message")).to_contain_text("declined")
    assert suite.outcomes[-1] == ("t-100", {"outcome": "declined"})
    expect(page.locator("#nba tr").first).to_contain_text("declined")


def test_agent_searches_by_name_and_sees_refusals(page: Page) -> None:
    enter_key(page)
    search(page, "Ann Lee")
    expect(page.locator("#hits")).to_be_visible()
    page.keyboard.press("Enter")  # the first hit has the focus
    expect(page.locator("#customer-id")).to_have_text(ANN)
    # the service no longer knows the second action's treatment: the agent is told why
    page.get_by_role("group", name="Outcome of vip-service").get_by_role("button", name="Accepted").click()
    expect(page.locator("#message")).to_contain_text("Not Found (404)")
    search(page, "Zoe Nobody")
    expect(page.locator("#message")).to_contain_text("Nobody found")
    search(page, "email:zoe@example.com")
    expect(page.locator("#message")).to_contain_text("404")
    expect(page.locator("#customer")).to_be_hidden()


def test_the_timeline_pages_back_and_filters_by_channel_and_type(page: Page, suite: FakeSuite) -> None:
    suite.older_visits = 30
    try:
        enter_key(page)
        search(page, "email:ann@example.com")
        rows = page.locator("#timeline tr")
        expect(rows).to_have_count(20)
        more = page.get_by_role("button", name="Older interactions")
        more.click()
        expect(rows).to_have_count(len(suite.interactions) + 1 + 30)  # each interaction once: recorded, bought, visits
        expect(rows.last).to_contain_text("visit")
        expect(more).to_be_hidden()
        page.locator("#t-type").select_option("purchase")
        page.locator("#t-apply").click()
        expect(rows).to_have_count(1)
        expect(rows.first).to_contain_text("58.90 EUR")
        page.locator("#t-type").select_option("")
        page.locator("#t-channel").select_option("web")
        page.locator("#t-apply").click()
        expect(rows.first).to_have_text(re.compile("no interactions of this kind"))
    finally:
        suite.older_visits = 0


def test_the_duplicates_queue_pages_through_every_open_review(page: Page, suite: FakeSuite) -> None:
    suite.more_reviews = 30
    try:
        enter_key(page)
        page.get_by_role("button", name="Possible duplicates").click()
        rows = page.locator("#reviews-list tr")
        expect(rows).to_have_count(25)  # a page at a time, oldest first
        expect(rows.first).to_contain_text(TWIN)
        more = page.get_by_role("button", name="More possible duplicates")
        more.click()
        expect(rows).to_have_count(31)
        expect(rows.last).to_contain_text("c-dup-029")
        expect(page.get_by_role("button", name=f"Compare c-dup-024 with {ANN}")).to_be_focused()  # the first new row
        expect(more).to_be_hidden()
        assert len({rows.nth(n).locator("td").nth(1).inner_text() for n in range(31)}) == 31  # none twice
    finally:
        suite.more_reviews = 0


def test_customer_data_is_shown_as_text_never_run(page: Page) -> None:
    enter_key(page)
    search(page, HOSTILE)
    expect(page.locator("#customer-h")).to_contain_text(HOSTILE_NAME[0])  # the markup, as text
    expect(page.locator("#profile")).to_contain_text(HOSTILE_NAME[1])
    expect(page.locator("#profile")).to_contain_text('"><svg onload=')
    assert page.evaluate("window.__pwned === undefined")
    assert page.locator("#customer img, #customer script, #profile svg").count() == 0
    expect(page.locator("#alerts li").first).to_have_text("Do not contact: no outbound contact at all")


def serious_violations(page: Page) -> list[tuple[str, str, list[str]]]:
    results = Axe().run(page)
    return [(v["id"], v["impact"], [n["target"] for n in v["nodes"]]) for v in results.response["violations"]
            if v["impact"] in ("serious", "critical")]


def test_supervisor_compares_a_possible_duplicate_and_merges_them(page: Page, suite: FakeSuite) -> None:
    try:
        enter_key(page)
        page.get_by_role("button", name="Possible duplicates").click()
        expect(page.locator("#reviews-h")).to_be_focused()
        row = page.locator("#reviews-list tr").first
        expect(row).to_contain_text(TWIN)
        expect(row).to_contain_text("82 %")
        expect(row).to_contain_text("first name, last name, date of birth, city agree; email differs")
        row.get_by_role("button", name=f"Compare {TWIN} with {ANN}").click()
        expect(page.locator("#compare-h")).to_be_focused()
        expect(page.locator("#compare-left")).to_contain_text("Anne Lee")
        expect(page.locator("#compare-left")).to_contain_text("anne.lee@example.org")
        expect(page.locator("#compare-right")).to_contain_text("Ann Lee")
        why = page.locator("#compare-why")
        expect(why.locator("tr", has_text="email")).to_contain_text("differs (level 2)-4.01")
        expect(why.locator("tr", has_text="date of birth")).to_contain_text("agrees exactly+9.73")
        expect(why.locator("tr", has_text="postcode")).to_contain_text("not on both records")
        expect(why).to_contain_text("82.0 %")
        assert serious_violations(page) == []
        page.screenshot(path=str(ARTIFACTS / "reviews-compare.png"), full_page=True)

        page.get_by_role("button", name="Merge them").click()
        dialog = page.get_by_role("dialog")
        expect(dialog).to_contain_text(f"Merge Ann Lee ({ANN}) and Anne Lee ({TWIN}) into one customer?")
        expect(page.locator("#confirm-no")).to_be_focused()  # the safe choice has the focus
        page.keyboard.press("Escape")  # changed their mind: nothing happens
        expect(dialog).to_be_hidden()
        assert suite.decisions == []
        page.get_by_role("button", name="Merge them").click()
        dialog.get_by_role("button", name="Confirm").click()
        expect(page.locator("#message")).to_have_text("Merged.")
        assert suite.decisions == [("rv-1", "accepted")]
        expect(page.locator("#reviews-list")).to_contain_text("no possible duplicates waiting")
    finally:
        suite.decisions.clear()


def test_agent_edits_consent_and_only_what_changed_is_sent(page: Page, suite: FakeSuite) -> None:
    enter_key(page)
    search(page, "email:ann@example.com")
    expect(page.get_by_label("E-mail", exact=True)).to_have_value("true")  # as recorded: email yes, sms no, push unknown
    expect(page.get_by_label("SMS")).to_have_value("false")
    expect(page.get_by_label("App notifications")).to_have_value("")
    page.get_by_role("button", name="Save consent").click()
    expect(page.locator("#message")).to_have_text("Nothing changed.")
    page.get_by_label("SMS").select_option("yes")
    page.get_by_label("Do not contact").select_option("no")
    page.get_by_role("button", name="Save consent").click()
    expect(page.locator("#message")).to_contain_text("Consent saved: sms yes, do_not_contact no.")
    assert suite.consents[-1] == (ANN, {"sms": True, "do_not_contact": False})


def test_agent_merges_and_unmerges_with_a_confirmation(page: Page, suite: FakeSuite) -> None:
    enter_key(page)
    search(page, "email:ann@example.com")
    page.get_by_role("button", name="Unmerge c-old").click()
    expect(page.get_by_role("dialog")).to_contain_text("Unmerge c-old from Ann Lee?")
    page.get_by_role("dialog").get_by_role("button", name="Confirm").click()
    expect(page.locator("#message")).to_contain_text("Unmerged c-old")
    assert suite.unmerges[-1] == (ANN, {"customer_id": "c-old"})

    merges = len(suite.merges)
    page.get_by_label("Merge a duplicate into this customer").fill(TWIN)
    page.get_by_role("button", name="Merge…").click()
    expect(page.get_by_role("dialog")).to_contain_text(f"Merge Anne Lee ({TWIN}) into Ann Lee ({ANN})?")
    page.get_by_role("dialog").get_by_role("button", name="Cancel").click()
    assert len(suite.merges) == merges
    page.get_by_role("button", name="Merge…").click()
    page.get_by_role("dialog").get_by_role("button", name="Confirm").click()
    expect(page.locator("#message")).to_contain_text(f"Merged {TWIN} into this customer")
    assert suite.merges[-1] == {"survivor_id": ANN, "merged_ids": [TWIN]}
    page.get_by_label("Merge a duplicate into this customer").fill("email:nobody@example.com")
    page.get_by_role("button", name="Merge…").click()
    expect(page.locator("#message")).to_contain_text("404")  # an unknown customer: told, nothing merged
    assert len(suite.merges) == merges + 1


def test_rules_read_in_plain_words_simulated_for_the_customer_and_measured(page: Page) -> None:
    enter_key(page)
    page.get_by_role("button", name="Rules").click()
    expect(page.locator("#rules-h")).to_be_focused()
    page.get_by_role("button", name="Simulate eco for this customer").click()
    expect(page.locator("#message")).to_contain_text("Search for a customer first")
    search(page, "email:ann@example.com")
    expect(page.locator("#customer-h")).to_be_focused()  # the cockpit has loaded; the rules stay open above it
    expect(page.locator("#rules")).to_be_visible()
    row = page.locator("#rules-list tr").first
    expect(row).to_contain_text("eco (r-eco, v1)")
    expect(row).to_contain_text("When segments includes eco-buyers")
    expect(row).to_contain_text("offer “offer-eco-bundle” by email")
    page.get_by_role("button", name="Simulate eco for this customer").click()
    expect(page.locator("#rule-detail-h")).to_have_text("eco for Ann Lee: does not fire")
    expect(page.locator("#rule-detail-lines")).to_have_text(
        "Does not hold: segments includes eco-buyers (this customer: none)")
    page.get_by_role("button", name="Performance of eco").click()
    figures = page.locator("#rule-detail-figures")
    for text in ("Presented10", "Accepted4 (40.0 %)", "Converted3 (30.0 %)", "Revenue120.00 EUR",
                 "Control group10 held back, 1 converted (10.0 %)", "Uplift+20.0 points"):
        expect(figures).to_contain_text(text)
    assert serious_violations(page) == []
    rules_button = page.get_by_role("button", name="Rules")
    expect(rules_button).to_have_attribute("aria-expanded", "true")
    rules_button.click()  # and closed again
    expect(page.locator("#rules")).to_be_hidden()
    expect(rules_button).to_have_attribute("aria-expanded", "false")
    # nested conditions read unambiguously: groups in brackets, windows in words
    words = page.evaluate("""conditionWords({"all": [
        {"any": [{"fact": "triggers.7d.kinds", "op": "contains", "value": "complaint"},
                 {"fact": "triggers.7d.kinds", "op": "contains", "value": "detractor"}]},
        {"not": {"fact": "value.tier", "op": "in", "value": ["most_valuable", "most_growable"]}},
        {"fact": "consent.email", "op": "exists"}]})""")
    assert words == ("(triggers kinds in the last 7 days includes complaint or triggers kinds in the last 7 days "
                     "includes detractor) and not value tier is one of most valuable, most growable and consent email "
                     "is known")


@pytest.mark.parametrize("width, height, name", [(1280, 800, "laptop"), (768, 1024, "tablet")])
def test_the_cockpit_is_accessible_and_fits_a_laptop_and_a_tablet(browser: Browser, gateway_url: str, width: int,
                                                                    height: int, name: str) -> None:
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    page.goto(gateway_url + "/")
    enter_key(page)
    search(page, "email:ann@example.com")
    expect(page.locator("#customer-id")).to_have_text(ANN)
    expect(page.locator("#feedback-trend svg").first).to_be_visible()
    assert serious_violations(page) == []
    # nothing wider than the screen: the page never scrolls sideways
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"cockpit-{name}.png"), full_page=True)
    context.close()


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
