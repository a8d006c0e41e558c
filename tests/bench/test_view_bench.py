"""The single face's speed (issue 19): each service's single-customer GET called directly, the gateway's
proxied GET and its 360 view, at 1 and 8 connections, on SQLite and on PostgreSQL, with the code before
issue 19's changes and today's, in one run (``tests/load/view_bench.py`` says how). ``make bench`` only."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.load.view_bench import main

BEFORE = "c8059af"  # the last commit before issue 19 changed the code paths measured here


@pytest.mark.bench
def test_view_bench() -> None:
    runs = main(["--database", "both", "--baseline", BEFORE, "--out", str(Path("var/bench-view.txt"))])
    failed = {(arm, case): r.errors for arm, results in runs.items() for case, r in results.items() if r.errors}
    assert not failed, f"requests that failed: {failed}"


@pytest.mark.bench
def test_mixed_load_before_and_after() -> None:
    """The load test's mixed workload on PostgreSQL, the code before issue 19 and today's, one after the other
    (``run_locust`` fails on any error)."""
    main(["--mixed", "60", "--baseline", BEFORE, "--out", str(Path("var/bench-view-mixed.txt"))])
