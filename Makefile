# I-D-I-C customer platform. Two commands on a fresh machine: `make run`, `make test`.
SHELL := /bin/bash
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
PACKAGES := services devstack identity-service interaction-service scoring-service treatment-service gateway
PYPROJECTS := $(foreach p,$(PACKAGES),$(p)/pyproject.toml)
SERVICE_TESTS := services devstack identity-service interaction-service scoring-service treatment-service gateway
PYTEST := $(BIN)/python -m pytest

.PHONY: run test bench lint system-deps setup clean help

help:
	@echo "make run    - install what is missing, start Kafka + the five deployables (SQLite), print URLs"
	@echo "make test   - the whole suite against its own Kafka and PostgreSQL"
	@echo "make bench  - benchmarks (slow), printing their figures"
	@echo "make lint   - ruff + mypy"

# System packages: only installed when missing, so a second run costs nothing.
system-deps:
	@missing=""; \
	command -v java >/dev/null || missing="$$missing openjdk-17-jre-headless"; \
	command -v mvn >/dev/null || missing="$$missing maven"; \
	ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1 || missing="$$missing postgresql"; \
	command -v chromium >/dev/null || missing="$$missing chromium"; \
	command -v chromedriver >/dev/null || missing="$$missing chromium-driver"; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  export DEBIAN_FRONTEND=noninteractive; \
	  (apt-get update -q && apt-get install -y -q $$missing) || { echo "apt-get failed: install$$missing by hand" >&2; exit 1; }; \
	fi

$(BIN)/uv:
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q uv

# Reinstall only when a pyproject or the dev requirements change.
$(VENV)/.installed: $(BIN)/uv $(PYPROJECTS) requirements-dev.txt
	$(BIN)/uv pip install --python $(BIN)/python -q $(foreach p,$(PACKAGES),-e ./$(p)) -r requirements-dev.txt
	touch $@

setup: system-deps $(VENV)/.installed
	@$(BIN)/idic-devstack fetch-kafka >/dev/null

run: setup
	$(BIN)/idic-devstack run

# Each package's tests run in their own pytest session (each starts its own broker and
# PostgreSQL), then the end-to-end and fault tests of the whole suite.
test: setup
	@set -e; for p in $(SERVICE_TESTS); do echo "== $$p"; $(PYTEST) $$p/tests -q -m "not bench"; done
	@echo "== tests (end to end, then the campaigns, which leave the suite busy)"; \
	  $(PYTEST) tests/test_compose.py tests/contract tests/e2e tests/bench tests/campaigns -q -m "not bench" --durations=12

# Every package's benchmarks (marked `bench`), then the suite's; each prints its figures.
# pytest exits 5 when a package has no benchmark: that is not a failure.
bench: setup
	@set -e; for p in $(SERVICE_TESTS) tests; do \
	  t=$$p; [ $$p = tests ] || t=$$p/tests; echo "== $$p"; \
	  $(PYTEST) $$t -q -m bench -s || [ $$? -eq 5 ]; done

lint: setup
	$(BIN)/ruff check .
	$(BIN)/mypy services/src/idic

clean:
	rm -rf var test-artifacts
