# Roundtable — the two commands of the README's Quick start are `make run` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
ifeq ($(OS),Windows_NT)
BIN    := $(VENV)/Scripts
endif
STAMP_APP  := $(VENV)/.installed-app
STAMP_TEST := $(VENV)/.installed-test
STAMP_PACKAGE := $(VENV)/.installed-package
APP_ID     := io.github.roundtable.Roundtable
UNAME      := $(shell uname -s 2>/dev/null)

.PHONY: run test wheel-check desktop-check package clean revision bench bench-smoke screenshots translations

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Roundtable needs Python 3.11 or newer; set PYTHON=python3.x")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP_APP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	@touch $@

$(STAMP_TEST): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@touch $@ $(STAMP_APP) $(STAMP_PACKAGE)

$(STAMP_PACKAGE): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[package]'
	@touch $@ $(STAMP_APP)

## Start Roundtable on its default database (created, migrated and seeded on first run).
run: $(STAMP_APP)
	$(BIN)/roundtable $(ARGS)

## Lint, type-check, run the whole test suite headless, and prove the wheel works installed.
# The bundle test (tests/packaging/test_bundle.py) builds with PyInstaller: -m 'not bundle' skips it.
test: $(STAMP_TEST)
	$(BIN)/ruff check app tests migrations benchmarks packaging
	$(BIN)/ruff format --check app tests migrations benchmarks packaging
	$(BIN)/mypy
	$(MAKE) --no-print-directory desktop-check
ifeq ($(UNAME),Linux)
	$(call need_tool,strace,strace)
endif
	QT_QPA_PLATFORM=offscreen $(BIN)/pytest $(PYTEST_ARGS)
	$(MAKE) --no-print-directory wheel-check
	$(MAKE) --no-print-directory bench-smoke

## Build the one-folder application for this OS: dist/Roundtable (and dist/Roundtable.app on macOS).
package: $(STAMP_PACKAGE)
	$(BIN)/python -m PyInstaller --noconfirm --log-level WARN --distpath dist --workpath build/pyinstaller packaging/roundtable.spec
	@echo "package: dist/Roundtable/roundtable (and roundtable-cli) — see README, Packaging"

# A system tool the checks need: installed with apt-get when missing and we are root (as in CI).
define need_tool
	@command -v $(1) >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "installing $(2) for $(1)"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(2) >/dev/null; \
	  else echo "$(1) is missing: install the $(2) package"; exit 1; fi; }
endef

## Validate the Linux desktop entry and AppStream metainfo, as software centres and distributions do.
desktop-check:
ifeq ($(UNAME),Linux)
	$(call need_tool,desktop-file-validate,desktop-file-utils)
	$(call need_tool,appstreamcli,appstream)
	desktop-file-validate packaging/linux/$(APP_ID).desktop
	appstreamcli validate --strict --no-net packaging/linux/$(APP_ID).metainfo.xml
else
	@echo "desktop-check: Linux only; skipped on $(UNAME)"
endif

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

## The performance table (benchmarks/run.py): every row against a floor measured in the same run, at
## 100,000 entries; JSON under benchmarks/results/. BENCH_ARGS="--only interactive --runs 2" for less.
bench: $(STAMP_TEST)
	$(BIN)/python -m benchmarks.run $(BENCH_ARGS)

## The same at a small size, as CI runs it (make test): it must complete; timings are not judged.
bench-smoke: $(STAMP_TEST)
	$(BIN)/python -m benchmarks.run --smoke

## Update resources/translations/*.ts from the sources (pyside6-lupdate), compile the .qm files
## (pyside6-lrelease) and list what still needs translating. Commit the .ts and .qm files.
translations: $(STAMP_APP)
	$(BIN)/python packaging/translations.py

## PNGs of the main views, light and dark, into the git-ignored screenshots/ (offscreen).
screenshots: $(STAMP_APP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python packaging/screenshots.py screenshots

## New Alembic revision from the models: make revision m="add something"
revision: $(STAMP_TEST)
	$(BIN)/python -m app.db.revision "$(m)"

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .mypy_cache .ruff_cache
