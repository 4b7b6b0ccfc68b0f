# make run: set up and serve the dashboard. make serve-many: the same, N app processes behind nginx on PORT.
# make test: set up and run every test (make test-fast: all but the slow ones, which start servers or browsers or
# kill builds). They look for Chromium, a Vietnamese font and nginx first (tools/ensure-system-packages).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
DB := data/khuyencong.duckdb
DB_INPUTS := $(wildcard data/reference/*.csv data/sources/*.csv etl/*.py etl/importing/*.py etl/schema/*.sql etl/sql/*.sql \
                      etl/sql/*/*.sql etl/checks/*.sql)

.PHONY: run serve-many test test-fast coverage browser lint check db clean
N ?= 3
PORT ?= 8080

$(BIN)/.installed: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

# Rebuilt when missing or older than any of its sources.
$(DB): $(BIN)/.installed $(DB_INPUTS)
	$(BIN)/python -m etl build --db $(DB)

db: $(DB)

# Installs Chromium, a Vietnamese font and nginx where it can (root with apt-get), else says what to install; never
# fails.
browser:
	@PYTHON=$(PYTHON) tools/ensure-system-packages

# Two glibc arenas instead of 8 per core: each rerun's thread otherwise keeps what it freed in an arena of its own
# (the soak's memory growth: bench/results.md).
run: browser $(DB)
	MALLOC_ARENA_MAX=2 $(BIN)/streamlit run app.py

# N app processes behind nginx (its own temporary prefix, as the current user) on 127.0.0.1:PORT until Ctrl-C, all run
# by supervisord, which starts again any process that exits.
serve-many: browser $(DB)
	$(BIN)/python -m khuyencong.cluster --processes $(N) --port $(PORT)

# Tests run on every core (pytest-xdist; a module stays on one worker, so its server and browser are started once)
# and in a random order (pytest-randomly; the seed is printed: `-p randomly -p "randomly_seed=N"` repeats an order).
# JOBS=0 runs them in one process.
JOBS ?= auto
PYTEST = $(BIN)/python -m pytest -q -n $(JOBS) --dist loadfile

test: browser $(DB)
	$(PYTEST)

test-fast: $(DB)
	$(PYTEST) -m "not slow"

# Line and branch coverage of the whole suite (coverage.py), report in test-output/coverage/.
coverage: browser $(DB)
	$(PYTEST) --cov --cov-report=term:skip-covered --cov-report=html:test-output/coverage

# ruff, then the project's own rules read from the source (layers, SQL view rules: tools/lint_rules.py).
lint: $(BIN)/.installed
	$(BIN)/ruff check .
	$(BIN)/python tools/lint_rules.py

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
	$(BIN)/python bench/bench_capacity.py --scales 10000,1000000
	$(BIN)/python bench/bench_import.py
	$(BIN)/python bench/bench_report_layout.py
	$(BIN)/python bench/bench_hostile.py
	$(BIN)/python bench/bench_load_memory.py
	$(BIN)/python bench/bench_exports.py
	$(BIN)/python bench/bench_map.py --scales 10000,10000000
	$(BIN)/python bench/bench_extract.py

bench-quick: $(DB)
	$(BIN)/python bench/bench_build.py --scales 10000,1000000
	$(BIN)/python bench/bench_pages.py --scales 10000,1000000
	$(BIN)/python bench/bench_map.py --scales 10000
	$(BIN)/python bench/bench_extract.py
