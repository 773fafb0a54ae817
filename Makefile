# The kiosk's two commands: `make run` and `make test`. Both set everything up first.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
CONTENT ?= content
ARGS ?=

.PHONY: run test bench lint typecheck render media schema system-deps setup clean

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

lint: setup
	$(BIN)/ruff check kiosk tests bench scripts

typecheck: setup
	$(BIN)/mypy kiosk

## Lint, type-check and run the whole test suite offscreen.
test: setup lint typecheck
	QT_QPA_PLATFORM=offscreen $(BIN)/pytest

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
