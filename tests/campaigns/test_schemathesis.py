"""schemathesis with all its checks against every deployable's OpenAPI, on PostgreSQL:
no server error, no response that breaks the schema, bad input refused with a documented
status. Short form in `make test` (5 examples per operation; the coverage phase through the gateway
only); 100 examples per operation and every phase on every target under `make bench`."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from idic_devstack.stack import Stack

from ..conftest import API_KEY

CONFIG = Path(__file__).with_name("schemathesis.toml")
TARGETS = ["identity", "interaction", "scoring", "treatment", "gateway"]


def schemathesis_cli() -> list[str]:
    found = shutil.which("schemathesis", path=str(Path(sys.executable).parent))
    assert found, "schemathesis is a test dependency (requirements-dev.txt)"
    return [found]


SHORT = 5


@pytest.mark.parametrize("examples", [pytest.param(SHORT, id="short"),
                                      pytest.param(100, id="long", marks=[pytest.mark.bench, pytest.mark.timeout(3600)])])
@pytest.mark.parametrize("target", TARGETS)
def test_schemathesis_finds_nothing(stack: Stack, target: str, examples: int, tmp_path: Path) -> None:
    # every check is on by default; not naming them with --checks keeps the config file's one per-operation
    # exception in force (a command-line --checks overrides per-operation settings)
    command = [*schemathesis_cli(), "--no-color", "--config-file", str(CONFIG), "run",
               f"{stack.url(target)}/openapi.json", "--max-examples", str(examples),
               "--seed", "20261123", "--request-timeout", "30", "--report", "junit",
               "--report-dir", str(tmp_path)]
    if target == "gateway":
        command += ["--header", f"X-API-Key: {API_KEY}"]
    elif examples == SHORT:
        # The coverage phase (every boundary and negative case of every schema, whatever --max-examples says)
        # is ~85 % of a short run (treatment: 58 of 67 s alone). The short form runs it once, through the
        # gateway, which reaches every service behind the proxied operations, whose bodies tests/contract
        # proves the same as the services'; `make bench` (long) runs every phase on every target.
        command += ["--phases", "examples,fuzzing,stateful"]
    result = subprocess.run(command, capture_output=True, text=True, timeout=900)
    summary = "\n".join(line for line in result.stdout.splitlines() if line.strip())
    assert result.returncode == 0, f"schemathesis found problems in {target}:\n{summary[-6000:]}"
    print(f"\n[schemathesis {target}] " + next((line for line in summary.splitlines()[::-1]
                                                 if "generated" in line), "").strip())
