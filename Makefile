# Quick start: `make demo` and `make test` on a machine with Python 3.11 and make.
# Another Python: `make test PYTHON=python3.13 VENV=.venv-3.13` (as .ci/run does).
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   ?= .venv
BIN    := $(VENV)/bin

.PHONY: demo test lint bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# The checkout on the venv's path too, as a checkout is: a script written against the
# repository's folders (`import align`) runs with .venv/bin/python; the wheel itself
# provides only `resalign`.
CHECKOUT = $(BIN)/python -c "import pathlib, site; pathlib.Path(site.getsitepackages()[0], 'resalign-checkout.pth').write_text('$(CURDIR)\n')"

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	@echo "Installing resalign and its dependencies into $(VENV) (once)…"
	$(BIN)/python -m pip install --progress-bar on -e .
	$(CHECKOUT)
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test,xlsx,corpus]'
	$(CHECKOUT)
	touch $@ $(VENV)/.installed

# The review UI in a terminal (the word diff when not in one) on the bundled seeds:
# the modeled 2015 text (70/179) on the left, the 2017 resolution (72/195) on the right.
demo: $(VENV)/.installed
	$(BIN)/resalign demo --state $(VENV)/demo-review.toml

test: $(VENV)/.installed-test
	$(BIN)/ruff check align tui resalign tests bench
	$(BIN)/lint-imports
	$(BIN)/mypy
	$(BIN)/python -m pytest

$(VENV)/.installed-bench: pyproject.toml $(VENV)/.installed-test
	$(BIN)/python -m pip install --quiet -e '.[test,xlsx,corpus,bench]'
	touch $@

bench: $(VENV)/.installed-bench
	$(BIN)/python bench/run.py

clean:
	rm -rf $(VENV) .venv-3.* .pytest_cache .ruff_cache .hypothesis .import_linter_cache build dist *.egg-info
