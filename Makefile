# Two commands do all the set-up on a fresh clone: `make demo` and `make test`.
# Each creates (or reuses) the virtualenv in .venv and installs the project into it.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

.PHONY: install demo test lint bench fixtures clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

## Crawl the bundled demo portal offline (served on 127.0.0.1), records to out/demo.jsonl.
demo: $(STAMP)
	$(BIN)/labour-scraper demo -o out/demo.jsonl

## The test suite (what CI runs).
test: $(STAMP)
	$(BIN)/python -m pytest -q

lint: $(STAMP)
	$(BIN)/ruff check .

## Speed measurements (installs trafilatura for the comparison).
bench: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[bench]'
	$(BIN)/python benchmarks/extract_bench.py --repeat 9

## Regenerate fixtures/pages from the page-shape generator.
fixtures: $(STAMP)
	$(BIN)/python -m scraper.demo.build_fixtures

clean:
	rm -rf $(VENV) out .pytest_cache .ruff_cache .hypothesis
