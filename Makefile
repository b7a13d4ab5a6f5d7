# nor-docs: the two commands a new user runs are `make protocols` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
RECORDS ?= records
OUT     ?= build

.PHONY: protocols validate schema test test-fast bench bench-validate clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q -e '.[test]'
	touch $(STAMP)

## Validate the sample records and render them into build/.
protocols: $(STAMP)
	$(BIN)/nor-docs validate --records $(RECORDS)

validate: $(STAMP)
	$(BIN)/nor-docs validate --records $(RECORDS)

## Regenerate the JSON Schemas editors use (nor_docs/schemas/).
schema: $(STAMP)
	$(BIN)/nor-docs schema

## The whole test suite, LibreOffice tests included (skipped with a reason if it is missing).
test: $(STAMP)
	$(BIN)/pytest -q

## Without the LibreOffice tests.
test-fast: $(STAMP)
	$(BIN)/pytest -q -m "not libreoffice"

## Every benchmark (each bench/*_bench.py).
bench: $(STAMP)
	$(BIN)/python bench/run.py

## validate on 1,000 generated meetings / 10,000 assignments: median wall time, target < 1 s.
bench-validate: $(STAMP)
	$(BIN)/python bench/validate_bench.py

clean:
	rm -rf $(OUT) bench/out
