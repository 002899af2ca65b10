# Roundtable — the two commands of the README's Quick start are `make run` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
ifeq ($(OS),Windows_NT)
BIN    := $(VENV)/Scripts
endif
STAMP_APP  := $(VENV)/.installed-app
STAMP_TEST := $(VENV)/.installed-test

.PHONY: run test wheel-check clean revision bench

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Roundtable needs Python 3.11 or newer; set PYTHON=python3.x")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP_APP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	@touch $@

$(STAMP_TEST): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@touch $@ $(STAMP_APP)

## Start Roundtable on its default database (created, migrated and seeded on first run).
run: $(STAMP_APP)
	$(BIN)/roundtable $(ARGS)

## Lint, type-check, run the whole test suite headless, and prove the wheel works installed.
test: $(STAMP_TEST)
	$(BIN)/ruff check app tests migrations
	$(BIN)/ruff format --check app tests migrations
	$(BIN)/mypy
	QT_QPA_PLATFORM=offscreen $(BIN)/pytest $(PYTEST_ARGS)
	$(MAKE) --no-print-directory wheel-check

## Build the wheel, install it into a new virtual environment, run it on a new database there.
WHEEL_DIR := build/wheel-check
wheel-check: $(STAMP_TEST)
	rm -rf $(WHEEL_DIR)
	$(BIN)/python -m pip wheel --quiet --no-deps --wheel-dir $(WHEEL_DIR)/dist .
	$(PYTHON) -m venv $(WHEEL_DIR)/venv
	$(WHEEL_DIR)/venv/bin/python -m pip install --quiet $(WHEEL_DIR)/dist/roundtable-*.whl
	cd $(WHEEL_DIR) && venv/bin/roundtable --version
	cd $(WHEEL_DIR) && ROUNDTABLE_HOME=$(CURDIR)/$(WHEEL_DIR)/home venv/bin/roundtable check
	cd $(WHEEL_DIR) && ROUNDTABLE_HOME=$(CURDIR)/$(WHEEL_DIR)/home venv/bin/roundtable show chen-gang > /dev/null
	@echo "wheel-check: the installed wheel creates, migrates, seeds and checks a new database."

## Performance runs (not part of `make test`): each prints times and ratios to a floor measured in the same run.
bench: $(STAMP_TEST)
	@for b in benchmarks/bench_*.py; do $(BIN)/python -m benchmarks.$$(basename $$b .py) || exit 1; done

## New Alembic revision from the models: make revision m="add something"
revision: $(STAMP_TEST)
	$(BIN)/python -m app.db.revision "$(m)"

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .mypy_cache .ruff_cache
