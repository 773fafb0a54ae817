# The kiosk's two commands: `make run` and `make test`. Both set everything up first.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
CONTENT ?= content
ARGS ?=
PYTEST_ARGS ?=

.PHONY: run test test-offscreen test-x11 bench lint typecheck render media schema system-deps setup clean

system-deps:
	@bash scripts/system-deps.sh

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test]'
	@touch $(STAMP)

setup: system-deps $(STAMP)

## Start the kiosk on the bundled exhibition (full screen; `make run ARGS=--windowed` for a window).
run: setup
	$(BIN)/kiosk run $(CONTENT) $(ARGS)

## Style, and the layers of docs/architecture.md as import contracts (pyproject.toml); the
## translation catalogs complete and compiled.
lint: setup
	$(BIN)/ruff check kiosk tests bench scripts
	$(BIN)/lint-imports
	$(BIN)/python scripts/translations.py check

typecheck: setup
	$(BIN)/mypy kiosk

## Lint, type-check and run the tests in both rigs: the whole suite offscreen, then the window,
## playback, operations and stop/restart tests on a real X display (Xvfb, OpenGL, Qt's threaded
## render loop: what kiosks in the field run; the tests start and stop Xvfb themselves).
test: setup lint typecheck
	$(MAKE) --no-print-directory test-offscreen
	$(MAKE) --no-print-directory test-x11

## Offscreen too each test file runs in a process of its own: one process that made several
## hundred windows was seen to crash in QQmlApplicationEngine::load about one run in two.
test-offscreen: setup
	@files=$$(KIOSK_TEST_RIG=offscreen $(BIN)/pytest --collect-only -q $(PYTEST_ARGS) 2>/dev/null \
		| grep '::' | cut -d: -f1 | sort -u); \
	test -n "$$files" || { echo "no tests were collected for the offscreen rig"; exit 1; }; \
	failed=""; for file in $$files; do \
		KIOSK_TEST_RIG=offscreen $(BIN)/pytest -q $(PYTEST_ARGS) $$file || failed="$$failed $$file"; \
	done; \
	if [ -n "$$failed" ]; then echo "offscreen rig failed in:$$failed"; exit 1; fi

## On the real display each test file runs in a process of its own, as each kiosk is one process
## with one window: one process that made some hundred windows on one Xvfb was seen to crash in
## Qt (a stale primary screen in QWindowPrivate::connectToScreen) about one run in three.
test-x11: setup
	@files=$$(KIOSK_TEST_RIG=x11 $(BIN)/pytest --collect-only -q $(PYTEST_ARGS) 2>/dev/null \
		| grep '::' | cut -d: -f1 | sort -u); \
	test -n "$$files" || { echo "no tests were collected for the real-display rig"; exit 1; }; \
	failed=""; for file in $$files; do \
		KIOSK_TEST_RIG=x11 $(BIN)/pytest -q $(PYTEST_ARGS) $$file || failed="$$failed $$file"; \
	done; \
	if [ -n "$$failed" ]; then echo "real-display rig failed in:$$failed"; exit 1; fi

## Run every benchmark; each prints one JSON line of figures.
bench: setup
	@set -e; for script in bench/*.py; do \
		case $$script in *_common.py) continue;; esac; \
		echo "# $$script" >&2; $(BIN)/python $$script; \
	done

## Write a PNG of every screen of the bundled exhibition into render/.
render: setup
	QT_QPA_PLATFORM=offscreen $(BIN)/kiosk render $(CONTENT) --out render

## Redraw the sample exhibition's media (needs espeak-ng and sox for the narration).
media: setup
	QT_QPA_PLATFORM=offscreen $(BIN)/python scripts/make_sample_media.py

schema: setup
	$(BIN)/kiosk schema --write $(CONTENT)/schema

clean:
	rm -rf $(VENV) render .pytest_cache .mypy_cache .ruff_cache
