# make site: set up from a fresh clone (Python 3.11+ only) and build site/
# make test: run every test (and the linter); also needs Chromium, Java and Node.js (.ci/system-packages)
# make quick: the tests that need no browser and no web validator, for the edit-test loop
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(PY) -m pip --disable-pip-version-check -q

.PHONY: site test quick system-packages check serve edit lint format clean bench bench-search

$(VENV)/.site: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(PIP) install -r requirements.txt
	touch $@

$(VENV)/.dev: $(VENV)/.site requirements-dev.txt
	$(PIP) install -r requirements-dev.txt
	touch $@

# The editor's packages (Decap CMS, its local backend, yaml) and the web validators that the tests run (Nu HTML
# Checker, Lighthouse), exactly as package-lock.json pins them; no install scripts: vnu-jar's would download a
# Java runtime where none is found (.ci/run installs Debian's).
node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --ignore-scripts
	touch $@

site: $(VENV)/.site
	$(PY) build.py build $(if $(SITE_URL),--site-url "$(SITE_URL)")

check: $(VENV)/.site
	$(PY) build.py check

serve: $(VENV)/.site
	$(PY) build.py serve

# The web form on this computer: http://localhost:8000/admin/, saving into content/.
edit: $(VENV)/.site node_modules/.installed
	$(PY) build.py edit

# Chromium, a Java runtime and Node.js: installed with apt-get where this user may, or named in one line.
system-packages:
	@.ci/system-packages

# Both cores, a test file to a worker (a file's fixtures are made once); the ten slowest steps at the end.
PYTEST := $(PY) -m pytest -n $(or $(WORKERS),auto) --dist loadfile --durations=10

test: system-packages $(VENV)/.dev node_modules/.installed
	$(PY) -m ruff check .
	$(PYTEST)

# No browser and no web validator: unit, schema, render, content and command-line tests.
quick: $(VENV)/.dev
	$(PY) -m ruff check .
	$(PYTEST) -m "not browser and not validator"

bench: $(VENV)/.dev
	$(PY) -m bench.performance $(if $(AGAINST),--against "$(AGAINST)") --json test-artifacts/bench.json

bench-search: $(VENV)/.dev
	$(PY) -m bench.search --json test-artifacts/search-benchmark.json

lint: $(VENV)/.dev
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .

format: $(VENV)/.dev
	$(PY) -m ruff format .
	$(PY) -m ruff check --fix .
	$(PY) build.py format

clean:
	rm -rf build site .pytest_cache test-artifacts
