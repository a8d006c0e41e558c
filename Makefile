# I-D-I-C customer platform. Two commands on a fresh machine: `make run`, `make test`.
SHELL := /bin/bash
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
PACKAGES := services devstack identity-service interaction-service scoring-service treatment-service gateway
PYPROJECTS := $(foreach p,$(PACKAGES),$(p)/pyproject.toml)
SERVICE_TESTS := services devstack identity-service interaction-service scoring-service treatment-service gateway
PYTEST := $(BIN)/python -m pytest

.PHONY: run test bench lint lock system-deps setup clean help

help:
	@echo "make run    - install what is missing, start Kafka + the five deployables (SQLite), print URLs"
	@echo "make test   - the whole suite against its own Kafka and PostgreSQL"
	@echo "make bench  - benchmarks (slow), printing their figures"
	@echo "make lint   - ruff + mypy"
	@echo "make lock   - re-resolve requirements.lock after changing a dependency"

# System packages: only installed when missing, so a second run costs nothing.
system-deps:
	@missing=""; \
	command -v java >/dev/null || missing="$$missing openjdk-17-jre-headless"; \
	command -v mvn >/dev/null || missing="$$missing maven"; \
	ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1 || missing="$$missing postgresql"; \
	command -v chromium >/dev/null || missing="$$missing chromium"; \
	command -v chromedriver >/dev/null || missing="$$missing chromium-driver"; \
	command -v wrk >/dev/null || missing="$$missing wrk"; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  export DEBIAN_FRONTEND=noninteractive; \
	  (apt-get update -q && apt-get install -y -q $$missing) || { echo "apt-get failed: install$$missing by hand" >&2; exit 1; }; \
	fi

UV_VERSION := 0.13.9
$(BIN)/uv:
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q uv==$(UV_VERSION)

# Reinstall only when a pyproject, the dev requirements or the lock change. Every third-party package is
# installed at the version requirements.lock pins (one lock for the whole workspace; the Dockerfiles
# install with it too), so two builds a month apart install the same code.
$(VENV)/.installed: $(BIN)/uv $(PYPROJECTS) requirements-dev.txt requirements.lock
	$(BIN)/uv pip install --python $(BIN)/python -q -c requirements.lock $(foreach p,$(PACKAGES),-e ./$(p)) \
	  -r requirements-dev.txt
	touch $@

# Re-resolve requirements.lock after changing a dependency (pins already there are kept where they fit).
lock: $(BIN)/uv
	$(BIN)/uv pip compile requirements.in --universal --python-version 3.11 -o requirements.lock -q \
	  $(foreach n,idic idic-devstack identity-service interaction-service scoring-service treatment-service gateway,\
	  --no-emit-package $(n))

setup: system-deps $(VENV)/.installed
	@$(BIN)/idic-devstack fetch-kafka >/dev/null

run: setup
	$(BIN)/idic-devstack run

# Every package's tests run in a pytest session of their own, and so do the suite's (`tests/`) in two: the
# loop test (a broker and stack of its own anyway) and all the rest (end to end, the contract, benchmarks'
# smoke tests, campaigns). The browser's end-to-end tests (cockpit, dashboard) stay with the rest, on the
# stack it starts anyway: run after the loop instead, they cost a stack start more, and on two cores the
# whole run is as long as all the work over the cores (2026-12-06: 16 min 28 s that way). Each session starts its own broker and PostgreSQL. TEST_JOBS sessions run at a
# time, in this order: the suite's and the loop (the two longest; the loop is over before the suite's
# outage, rebalance and replay campaigns, whose catch-up bounds a second busy stack on the 2 cores made them
# miss), the gateway's, then the other packages, longest first. The scale-out and upgrade tests (23 processes
# of the production shape, a previous release's databases upgraded: ~4.5 CPU-minutes) run after all of them,
# alone: beside the suite's crash campaign they pushed its catch-up past its bound (2026-12-07: 360 s, failed). The HTTP campaigns (schemathesis) stay in
# the suite's session: run as a session of their own beside the crash campaigns and the loop, the three
# missed their bounds on the 2 cores. Most of a package session's time is spent waiting on Kafka round
# trips, consumers and polling, not on the CPU. Each one's output goes to test-artifacts/sessions/<name>.log,
# a line is printed when one ends, then every log in full and a table of wall times; any failure fails
# `make test`. Last, compose's containers started outside Docker (tests/compose): a broker of their own,
# since they join the suite's consumer groups on the suite's topics.
TEST_JOBS ?= 3
SUITE := tests/test_compose.py tests/contract tests/e2e tests/bench tests/campaigns
LOOP := tests/e2e/test_loop.py
SCALE := tests/e2e/test_scale_out.py tests/upgrade
LONGEST := treatment-service scoring-service interaction-service
PACKAGE_ORDER := $(foreach p,$(LONGEST),$(filter $(p),$(SERVICE_TESTS))) $(filter-out gateway $(LONGEST),$(SERVICE_TESTS))
package_session = "$(1)=$(PYTEST) $(1)/tests -q -m 'not bench' --durations=5"
test: setup
	@status=0; $(BIN)/python -m idic_devstack.sessions --logs test-artifacts/sessions --jobs $(TEST_JOBS) \
	  "tests=$(PYTEST) $(SUITE) --ignore=$(LOOP) --ignore=tests/e2e/test_scale_out.py -q -m 'not bench' --durations=12" \
	  "tests-loop=$(PYTEST) $(LOOP) -q -m 'not bench' --durations=5" \
	  $(call package_session,gateway) \
	  $(foreach p,$(PACKAGE_ORDER),$(call package_session,$(p))) \
	  "compose=$(PYTEST) tests/compose -q -m 'not bench' --durations=5" \
	  "lint=bash -c '$(BIN)/ruff check . && $(BIN)/mypy $(MYPY_TARGETS)'" || status=1; \
	$(BIN)/python -m idic_devstack.sessions --logs test-artifacts/sessions --jobs 1 \
	  "scale-upgrade=$(PYTEST) $(SCALE) -q -m 'not bench' --durations=5" || status=1; \
	exit $$status

# Every package's benchmarks (marked `bench`), then the suite's; each prints its figures.
# pytest exits 5 when a package has no benchmark: that is not a failure.
bench: setup
	@set -e; for p in $(SERVICE_TESTS) tests; do \
	  t=$$p; [ $$p = tests ] || t=$$p/tests; echo "== $$p"; \
	  $(PYTEST) $$t -q -m bench -s || [ $$? -eq 5 ]; done

# ruff over the repository, mypy over every package (one run: 285 files, ~15 s cold); `make test` runs it too.
MYPY_TARGETS := services/src/idic devstack/src/idic_devstack identity-service/src/identity_service \
  interaction-service/src/interaction_service scoring-service/src/scoring_service \
  treatment-service/src/treatment_service gateway/src/gateway
lint: setup
	$(BIN)/ruff check .
	$(BIN)/mypy $(MYPY_TARGETS)

clean:
	rm -rf var test-artifacts
