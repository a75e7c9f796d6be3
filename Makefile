# The targets the README and CI call. `make demo` and `make test` work on a fresh machine:
# they create .venv and install Dateline with pinned dependencies first.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
# The shared examples and data: beside the checkout, or where DATELINE_SHARED says, or the
# workplace's copy (a clone made elsewhere, e.g. under /tmp, still finds it).
SHARED ?= $(firstword $(wildcard $(DATELINE_SHARED) ../shared /work/shared) ../shared)
export DATELINE_SHARED := $(abspath $(SHARED))
STAMP := $(VENV)/.installed

.PHONY: install demo test lint format typecheck unit bench clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	@test -f $(SHARED)/examples/seed-article.txt || { echo "demo: $(SHARED)/examples/seed-article.txt not found (set SHARED=path/to/shared)"; exit 2; }
	$(BIN)/dateline extract $(SHARED)/examples/seed-article.txt --published 2024-05-01 --format table

lint: $(STAMP)
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench

format: $(STAMP)
	$(BIN)/ruff check --fix src tests bench
	$(BIN)/ruff format src tests bench

typecheck: $(STAMP)
	$(BIN)/mypy

unit: $(STAMP)
	$(BIN)/python -m pytest -q

test: lint typecheck unit

bench: $(STAMP)
	$(BIN)/python bench/extraction.py
	$(BIN)/python bench/throughput.py

clean:
	rm -rf $(VENV) build dist src/*.egg-info .pytest_cache .mypy_cache .ruff_cache .hypothesis
