"""A page of the gateway's console (cockpit or dashboard) in Chromium, as an agent opens it: a
laptop screen, the agent's key typed in, and every script error or failed request it logs kept."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from playwright.sync_api import Browser, Page

from ..conftest import AGENT_KEY


@contextmanager
def console_page(browser: Browser, url: str) -> Iterator[tuple[Page, list[str]]]:
    """The page at ``url`` with the agent's key entered, and the errors it logged (checked by the caller
    once it is done with the page)."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto(url)
    page.get_by_label("API key").fill(AGENT_KEY)
    page.get_by_label("API key").press("Enter")
    try:
        yield page, errors
    finally:
        context.close()
