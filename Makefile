# greenchain: the two set-up commands are `make demo` and `make test`.
# Each creates .venv if it is missing and installs the package (editable) first.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: demo test lint docs bench manifest clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test,docs,excel,dask]"
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/python examples/demo.py

test: $(STAMP)
	bash scripts/setup_browser.sh
	$(BIN)/python -m pytest -q
	$(MAKE) lint docs

lint: $(STAMP)
	$(BIN)/ruff check greenchain tests benchmarks examples scripts
	$(BIN)/ruff format --check greenchain tests benchmarks examples scripts
	$(BIN)/mypy greenchain
	$(BIN)/lint-imports --no-cache

docs: $(STAMP)
	$(BIN)/mkdocs build --strict --quiet --site-dir build/site

bench: $(STAMP)
	$(BIN)/python benchmarks/bench_inventory.py

manifest:
	$(PYTHON) scripts/update_manifest.py

clean:
	rm -rf build dist out .pytest_cache
