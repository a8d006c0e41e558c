"""schemathesis against the gateway's own /openapi.json: with a valid key and fake services
behind it, no generated request may cause a server error or an answer that breaks the schema."""

from __future__ import annotations

import atexit
import shutil
import tempfile
from collections.abc import Iterator

import httpx
import pytest
import schemathesis
from gateway_fakes import make_settings
from gateway_servers import FakeSuite, serve
from hypothesis import HealthCheck, settings
from hypothesis.configuration import set_hypothesis_home_dir
from schemathesis.checks import negative_data_rejection, positive_data_acceptance

from gateway.main import create_app

KEY = "fuzz-key-0123456789"
# Hypothesis caches what it learns under ./.hypothesis: keep the work tree clean
_HOME = tempfile.mkdtemp(prefix="gateway-hypothesis-")
set_hypothesis_home_dir(_HOME)
atexit.register(shutil.rmtree, _HOME, True)


@pytest.fixture(scope="session")
def gateway_url() -> Iterator[str]:
    suite = FakeSuite()
    with serve(suite.app, lifespan="off") as services:
        # conformance, not speed, is checked here: the fakes, the gateway and the generator share one process
        # (and its GIL) on a loaded machine, where a trivial upstream call once took over the usual 3 s (504)
        config = make_settings(api_keys={KEY: ["read", "write", "admin"]}, rate_limit_rps=0, auth_failures_per_minute=0,
                               identity_url=services, interaction_url=services, scoring_url=services,
                               treatment_url=services, timeout_s=15.0)
        with serve(create_app(config)) as url:
            yield url


# the document the running gateway serves at /openapi.json (built the same way, no server needed to
# collect the tests; schemathesis' lazy fixture loading does not work with pytest 9)
schema = schemathesis.openapi.from_dict(create_app(make_settings(api_keys={KEY: ["admin"]})).openapi())
# NUL is refused by design (422, PostgreSQL cannot store it), though JSON Schema cannot say so
# deterministic: the same examples every run (a CI failure reproduces); database "none": nothing on disk
schema.config.generation.update(allow_x00=False, deterministic=True, database="none")


# a period's `until` must lie after its `since` (422 otherwise), and so must a rule's `valid_until` after its
# `valid_from`: a rule between two values that JSON Schema cannot state, so a schema-valid period or window
# may rightly be refused on these routes (every other check still runs on them)
PERIOD_ROUTES = {("GET", "/v1/channels/stats"), ("GET", "/v1/feedback/nps"), ("GET", "/v1/rules/{rule_id}/performance"),
                 ("GET", "/v1/reports/value"), ("GET", "/v1/reports/tiers"), ("GET", "/v1/reports/cohorts"),
                 ("GET", "/v1/reports/linkage"), ("GET", "/v1/reports/treatments"), ("GET", "/v1/reports/channels"),
                 ("GET", "/v1/reports/feedback"),
                 ("POST", "/v1/rules"), ("PUT", "/v1/rules/{rule_id}"), ("POST", "/v1/rules:simulate"),
                 ("POST", "/v1/customers/merge")}  # and a survivor is not among the merged
# A rule's condition tree is checked by treatment-service node by node (the gateway only makes sure it is
# an object); behind the gateway here stands a fake that takes any rule, so a broken condition the
# schema excludes (`{"all": {}}`) is not refused in this test. tests/campaigns runs the same checks
# against the real services, where it is.
SERVICE_CHECKED_ROUTES = {("POST", "/v1/rules"), ("PUT", "/v1/rules/{rule_id}"), ("POST", "/v1/rules:simulate")}


@schema.parametrize()
@settings(max_examples=15, deadline=None, suppress_health_check=list(HealthCheck))
def test_gateway_api_conforms_to_its_schema(case: schemathesis.Case, gateway_url: str) -> None:
    route = (case.operation.method.upper(), case.operation.path)
    excluded = [*([positive_data_acceptance] if route in PERIOD_ROUTES else []),
                *([negative_data_rejection] if route in SERVICE_CHECKED_ROUTES else [])] or None
    case.call_and_validate(base_url=gateway_url, headers={"X-API-Key": KEY}, timeout=30, excluded_checks=excluded)


def test_the_fuzzed_document_is_the_one_served(gateway_url: str) -> None:
    served = httpx.get(f"{gateway_url}/openapi.json", timeout=10).json()
    assert served == schema.raw_schema
