# The front door: `make help` lists the targets. `make run` and `make test` do every set-up
# step themselves on a fresh clone (virtualenv, packages, assets, a local Neo4j).

SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 5000
export PORT

VENDOR := app/static/vendor
CSS := app/static/build/app.css

# Starts the local "run" instance unless NEO4J_URI names a server, then exports its address
# and password for the command that follows in the same recipe line.
NEO4J_RUN_ENV = if [ -z "$$NEO4J_URI" ]; then db/neo4j.sh start run && eval "$$(db/neo4j.sh env run)"; fi

.PHONY: help
help: ## List the targets
	@grep -hE '^[a-zA-Z_-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-12s %s\n", $$1, $$2}'

$(VENV)/.installed: requirements.txt
	@command -v $(PYTHON) >/dev/null || { echo "Python 3.11 ($(PYTHON)) is needed"; exit 1; }
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

# GOV.UK Frontend and vis-network are served by the app itself: no CDN, works offline.
$(VENDOR)/.copied: node_modules/.installed
	rm -rf $(VENDOR) && mkdir -p $(VENDOR)/govuk-frontend $(VENDOR)/vis-network $(VENDOR)/accessible-autocomplete
	cp node_modules/govuk-frontend/dist/govuk/govuk-frontend.min.js $(VENDOR)/govuk-frontend/
	cp -r node_modules/govuk-frontend/dist/govuk/assets $(VENDOR)/govuk-frontend/
	# The "dist" build with its stylesheet: the standalone build injects a <style> element,
	# which the content security policy (style-src 'self') refuses.
	cp node_modules/vis-network/dist/vis-network.min.js $(VENDOR)/vis-network/
	cp node_modules/vis-network/dist/dist/vis-network.min.css $(VENDOR)/vis-network/
	# GOV.UK's accessible autocomplete, for the analysts' name pickers.
	cp node_modules/accessible-autocomplete/dist/accessible-autocomplete.min.js \
	  node_modules/accessible-autocomplete/dist/accessible-autocomplete.min.css \
	  $(VENDOR)/accessible-autocomplete/
	touch $@

$(CSS): app/static/src/app.scss node_modules/.installed
	mkdir -p $(dir $@)
	npx sass --pkg-importer=node --no-source-map --style=compressed --quiet-deps $< $@

.PHONY: deps
deps: $(VENV)/.installed $(VENDOR)/.copied $(CSS) ## Install Python packages and build the assets

.PHONY: db-lib
db-lib: ## Fetch the Neo4j server from Maven Central into db/lib
	db/neo4j.sh lib

.PHONY: db-start
db-start: ## Start the local Neo4j (run instance) unless NEO4J_URI is set
	@$(NEO4J_RUN_ENV); true

.PHONY: db-stop
db-stop: ## Stop the local Neo4j (run instance)
	db/neo4j.sh stop run

.PHONY: setup
setup: deps ## Start Neo4j if needed, apply the schema, load the demo into an empty database
	@$(NEO4J_RUN_ENV); $(VENV)/bin/flask --app app setup

.PHONY: seed
seed: deps ## Load the demo area (idempotent: adds only what is missing)
	@$(NEO4J_RUN_ENV); $(VENV)/bin/flask --app app seed

N ?= 10000
SEED ?= 1
.PHONY: seed-area
seed-area: deps ## Add a synthetic area: make seed-area N=100000 SEED=1
	@$(NEO4J_RUN_ENV); $(PY) -m seed.generate --children $(N) --seed $(SEED)

.PHONY: run
run: deps ## Set everything up and serve the app on http://127.0.0.1:$(PORT)
	@$(NEO4J_RUN_ENV); \
	$(VENV)/bin/flask --app app setup && \
	echo "Serving on http://127.0.0.1:$(PORT)  (Ctrl-C to stop; 'make db-stop' stops Neo4j)" && \
	{ $(VENV)/bin/flask --app app alerts work --exit-with-parent & } && \
	exec $(VENV)/bin/gunicorn --config config/gunicorn.py --bind 127.0.0.1:$(PORT) 'app:create_app()'

# Browser tests drive Debian's chromium (browser downloads do not work on a closed network).
.PHONY: browser
browser:
	@command -v chromium >/dev/null || { \
	  echo "Installing Debian's chromium for the browser tests ..."; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

# The store's tests run on SQLite and on a real PostgreSQL: Debian's server, which the test
# suite starts from a throw-away folder on its own port (see tests/support/postgres_server.py).
.PHONY: postgres
postgres:
	@ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || [ -n "$$TEST_POSTGRES_URL" ] || { \
	  echo "Installing Debian's postgresql for the store's tests ..."; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null; }

.PHONY: test
test: deps db-lib browser postgres ## Run the whole test suite against a real Neo4j, PostgreSQL and browser
	$(VENV)/bin/pytest

CHILDREN ?= 100000
.PHONY: bench
bench: deps db-lib ## Measure at area scale: make bench [CHILDREN=100000] [BENCH_ARGS="--skip imports"]
	$(PY) -m bench --children $(CHILDREN) $(BENCH_ARGS)

.PHONY: lint
lint: $(VENV)/.installed ## Check the Python code with ruff and the types with mypy
	$(VENV)/bin/ruff check .
	$(VENV)/bin/mypy

.PHONY: stop
stop: ## Stop every local Neo4j instance (run, test, bench)
	db/neo4j.sh stop run; db/neo4j.sh stop test; db/neo4j.sh stop bench
