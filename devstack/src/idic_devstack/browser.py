"""Debian's Chromium (``/usr/bin/chromium``, installed by ``make setup``) driven by Playwright, as every
browser test launches it: never ``playwright install``, which downloads a browser of its own."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # playwright is a test dependency (requirements-dev.txt), not the devstack's
    from playwright.sync_api import Browser

CHROMIUM = "/usr/bin/chromium"
# headless, and without the background traffic this machine's closed network refuses many times a second
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@contextmanager
def chromium() -> Iterator[Browser]:
    """A headless Chromium for the duration of the block."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        try:
            yield browser
        finally:
            browser.close()
