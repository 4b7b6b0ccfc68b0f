# make run: set up and serve the dashboard. make test: set up and run every test.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
DB := data/khuyencong.duckdb
DB_INPUTS := $(wildcard data/reference/*.csv data/sources/*.csv etl/*.py etl/schema/*.sql etl/sql/*.sql)

.PHONY: run test lint check db clean

$(BIN)/.installed: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

# Rebuilt when missing or older than any of its sources.
$(DB): $(BIN)/.installed $(DB_INPUTS)
	$(BIN)/python -m etl build --db $(DB)

db: $(DB)

run: $(DB)
	$(BIN)/streamlit run dashboard.py

test: $(DB)
	$(BIN)/python -m pytest -q

lint: $(BIN)/.installed
	$(BIN)/ruff check .

check: $(DB)
	$(BIN)/python -m etl check --db $(DB)

clean:
	rm -rf $(VENV) $(DB) data/.khuyencong.duckdb*

# Figures, not tests: see bench/README.md. bench-quick skips the 10-million-project scale and the 10-minute soak.
.PHONY: bench bench-quick
bench: $(DB)
	$(BIN)/python bench/bench_build.py --scales 10000,1000000,10000000
	$(BIN)/python bench/bench_pages.py --scales 10000,1000000,10000000
	$(BIN)/python bench/bench_browser.py
	$(BIN)/python bench/bench_soak.py
	$(BIN)/python bench/bench_import.py
	$(BIN)/python bench/bench_exports.py

bench-quick: $(DB)
	$(BIN)/python bench/bench_build.py --scales 10000,1000000
	$(BIN)/python bench/bench_pages.py --scales 10000,1000000
