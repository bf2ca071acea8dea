# Quick start: `make demo` and `make test` on a machine with Python 3.11 and make.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
SEEDS  := seeds
DEMO   := $(SEEDS)/A_RES_72_195.es.txt $(SEEDS)/A_RES_70_179.es.modeled.txt

.PHONY: demo test lint bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test,xlsx]'
	touch $@ $(VENV)/.installed

# The review UI in a terminal (the word diff when not in one), on the bundled seeds.
demo: $(VENV)/.installed
	@if [ -t 0 ] && [ -t 1 ]; then \
		$(BIN)/resalign tui $(DEMO) --state $(VENV)/demo-review.toml; \
	else \
		$(BIN)/resalign diff $(DEMO); \
	fi

test: $(VENV)/.installed-test
	$(BIN)/ruff check align tui resalign tests bench
	$(BIN)/lint-imports
	$(BIN)/python -m pytest

bench: $(VENV)/.installed-test
	$(BIN)/python bench/run.py

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache *.egg-info
