# nor-docs: the two commands a new user runs are `make protocols` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
RECORDS ?= records
OUT     ?= build
TODAY   ?=
FORMAT  ?= text
OUTPUT  ?=
SOFFICE ?= soffice
BY      ?=

.PHONY: lock test-newest docs docs-reference protocols pdf roadmaps control templates validate schema check calendar test test-fast lint clean
.PHONY: bench bench-protocols bench-check bench-validate bench-roadmaps bench-import bench-analytics bench-unknown-keys

UV_VERSION := 0.13.9

# The environment every command runs in: exactly the versions of requirements.lock (exported from
# uv.lock, with hashes), then nor-docs itself, built with the locked setuptools.
$(STAMP): requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --disable-pip-version-check --require-hashes -r requirements.lock
	$(BIN)/pip install -q --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $(STAMP)

# Linters and the docs site need more than the tests: requirements-dev.lock on top.
DEV_STAMP := $(VENV)/.installed-dev
$(DEV_STAMP): $(STAMP) requirements-dev.lock
	$(BIN)/pip install -q --disable-pip-version-check --require-hashes -r requirements-dev.lock
	touch $(DEV_STAMP)

## Refresh the lock: the newest versions pyproject.toml allows, into uv.lock and the two exports.
lock:
	test -x .venv-lock/bin/uv || { $(PYTHON) -m venv .venv-lock && .venv-lock/bin/pip install -q uv==$(UV_VERSION); }
	.venv-lock/bin/uv lock --upgrade
	.venv-lock/bin/uv export --frozen --extra test --group build --no-emit-project --no-header --format requirements-txt -o requirements.lock >/dev/null
	.venv-lock/bin/uv export --frozen --extra test --extra lint --extra docs --group build --no-emit-project --no-header --format requirements-txt -o requirements-dev.lock >/dev/null

## The tests on the newest versions pyproject.toml allows (no lock), in a venv of their own: what
## the scheduled CI job runs to see a new release break nor-docs before a user does.
test-newest:
	rm -rf .venv-newest
	$(PYTHON) -m venv .venv-newest
	.venv-newest/bin/pip install -q --disable-pip-version-check --upgrade -e '.[test]'
	.venv-newest/bin/pip list --format=freeze --disable-pip-version-check
	.venv-newest/bin/pytest -q

## Render the records into build/protocols/*.docx. The build reports the errors of a record it
## cannot build and skips it (the others are built; the exit code is then 2). Warnings — the
## sample's two deliberate ones (a school spelled two ways, a wrong percentage) — are the worked
## example of `make validate`, not the first thing a build prints.
protocols: $(STAMP)
	$(BIN)/nor-docs build protocols --records $(RECORDS) --out $(OUT)/protocols

## The built protocols as PDF (LibreOffice headless, one batched call) in build/pdf/.
pdf: protocols
	@command -v $(SOFFICE) >/dev/null 2>&1 || { echo "make pdf: не найден LibreOffice ($(SOFFICE)). Установите его (например, apt-get install libreoffice-writer) — или откройте DOCX из $(OUT)/protocols в Word и сохраните как PDF." >&2; exit 1; }
	@ls $(OUT)/protocols/*.docx >/dev/null 2>&1 || { echo "make pdf: в $(OUT)/protocols нет DOCX — сначала make protocols." >&2; exit 1; }
	$(SOFFICE) -env:UserInstallation=file://$(abspath $(OUT))/.lo-profile --headless --convert-to pdf --outdir $(OUT)/pdf $(OUT)/protocols/*.docx

## Roadmaps into build/roadmaps/*.docx; TODAY=2024-01-20 (or STATUS=1 for today) adds each item's
## status and a progress summary. A roadmap with errors is reported and skipped (exit code 2);
## warnings are make validate's.
roadmaps: $(STAMP)
	$(BIN)/nor-docs build roadmaps --records $(RECORDS) --out $(OUT)/roadmaps$(if $(TODAY), --today $(TODAY))$(if $(STATUS), --status)

## Regenerate the shipped DOCX templates (templates/*.docx) from templates/make_templates.py.
templates: $(STAMP)
	$(BIN)/python templates/make_templates.py

## Every problem of the records, warnings too: on the sample, its two deliberate warnings (a
## school spelled two ways, a percentage that does not match its counts) — the worked example.
validate: $(STAMP)
	$(BIN)/nor-docs validate --records $(RECORDS)

## Deadlines as of today (TODAY=2023-02-20 replays a day; FORMAT=github|gitlab|json|junit for CI;
## OUTPUT=file writes the report there). Exit 1 when anything is overdue, 2 for invalid records.
check: $(STAMP)
	$(BIN)/nor-docs check --records $(RECORDS) --format $(FORMAT)$(if $(TODAY), --today $(TODAY))$(if $(OUTPUT), --output $(OUTPUT))

## Calendar feeds (.ics) of open deadlines into build/calendar/.
calendar: $(STAMP)
	$(BIN)/nor-docs calendar --records $(RECORDS) --out $(OUT)/calendar$(if $(TODAY), --today $(TODAY))

## The control sheet as of today: build/control/control-sheet-<date>.docx (TODAY=2023-02-20 replays
## a day; BY=meeting groups by protocol and roadmap instead of by executor). Exit 2 for invalid records.
control: $(STAMP)
	$(BIN)/nor-docs build control --records $(RECORDS) --out $(OUT)/control$(if $(TODAY), --today $(TODAY))$(if $(BY), --by $(BY))

## Regenerate the JSON Schemas editors use (nor_docs/schemas/).
schema: $(STAMP)
	$(BIN)/nor-docs schema

## The whole test suite, LibreOffice tests included (skipped with a reason if it is missing).
test: $(STAMP)
	$(BIN)/pytest -q

## Without the LibreOffice tests.
test-fast: $(STAMP)
	$(BIN)/pytest -q -m "not libreoffice"

## The code checks (docs/code-checks.md): ruff over the package, the tests, the benchmarks and the
## template generators; mypy over the package at the level pyproject.toml states. CI runs it.
lint: $(DEV_STAMP)
	$(BIN)/ruff check nor_docs tests bench templates
	$(BIN)/mypy

## Every benchmark: bench/run.py runs each bench/*_bench.py in turn.
bench: $(STAMP)
	$(BIN)/python bench/run.py

## 1,000 generated protocols: nor-docs against pandoc and plain docxtpl (see bench/protocols_bench.py).
bench-protocols: $(STAMP)
	$(BIN)/python bench/protocols_bench.py

## nor-docs check over 1,000 meetings / 10,000 assignments (target: <= 1 s wall, median).
## bench/run.py (make bench) runs every bench/*_bench.py, this one included.
bench-check: $(STAMP)
	$(BIN)/python bench/check_bench.py

## validate on 1,000 generated meetings / 10,000 assignments: median wall time, target < 1 s.
bench-validate: $(STAMP)
	$(BIN)/python bench/validate_bench.py

## A generated 300-item roadmap: render time (target < 1 s, median of runs; bench/roadmap_bench.py).
bench-roadmaps: $(STAMP)
	$(BIN)/python bench/roadmap_bench.py

## A region's results (2,000 schools × 5 years × 30 lines): import + analyse ≤ 3 s, report ≤ 5 s (bench/analytics_bench.py).
bench-analytics: $(STAMP)
	$(BIN)/python bench/analytics_bench.py

## nor-docs import of 100 protocols (DOCX, text, Markdown): median wall time, target <= 5 s.
bench-import: $(STAMP)
	$(BIN)/python bench/import_bench.py

## The reference pages of the manual (codes, commands, fields) regenerated from the code.
docs-reference: $(STAMP)
	$(BIN)/python docs/reference.py
	$(BIN)/python docs/architecture_tree.py

## The manual as a static site in build/site (Sphinx with MyST Markdown; open build/site/index.html).
## Warnings are errors: a broken link or a page left out of the table of contents fails the build.
docs: $(DEV_STAMP)
	$(BIN)/sphinx-build -q -W --keep-going -b html -d build/.doctrees docs build/site

## validate on 60,000 unknown keys in one file and 20,000 list items with one each (issue 12: it
## was quadratic); AGAINST=REV also times that revision's code on the same files.
bench-unknown-keys: $(STAMP)
	$(BIN)/python bench/unknown_keys_bench.py$(if $(AGAINST), --against $(AGAINST))

clean:
	rm -rf $(OUT) bench/out
