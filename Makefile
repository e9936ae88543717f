# Förderlotse: the two commands are `make run` and `make test` (see README.md).
PY ?= python3
VENV := .venv
PIP := $(VENV)/bin/pip
TORCH := torch==2.13.0

.PHONY: run test test-fast install install-test system-test-deps fit eval bench load results index clean

run: install            ## install, build the index if needed, start the assistant on http://127.0.0.1:7860
	$(VENV)/bin/matcher index
	$(VENV)/bin/matcher serve

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	test -d $(VENV) || $(PY) -m venv $(VENV)
	$(PIP) install -q --upgrade pip
	$(PIP) install -q $(TORCH)                       # CPU wheel first (see shared STACK.md)
	$(PIP) install -q $(TORCH) -e ".[llm,postgres]"
	touch $@

install-test: $(VENV)/.installed-test

$(VENV)/.installed-test: $(VENV)/.installed pyproject.toml
	$(PIP) install -q $(TORCH) -e ".[llm,postgres,eval,test]"
	touch $@

system-test-deps:        ## Debian packages the tests use: chromium (browser tests), poppler (PDF check), PostgreSQL
	@missing=""; \
	test -x /usr/bin/chromium || missing="$$missing chromium"; \
	command -v pdftoppm >/dev/null || missing="$$missing poppler-utils"; \
	ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing="$$missing postgresql"; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing >/dev/null; \
	fi

test: install-test system-test-deps   ## install everything, check and audit the corpus, run the whole suite
	$(VENV)/bin/matcher corpus check
	$(VENV)/bin/matcher corpus audit --errors-only
	$(VENV)/bin/python -m pytest -q

test-fast: install-test   ## only the fast tier (no model-heavy, browser or PostgreSQL tests)
	$(VENV)/bin/python -m pytest -q -m "not slow and not browser and not postgres"

index: install
	$(VENV)/bin/matcher index

fit: install-test        ## fit the ranking weights by 5-fold CV on the dev cases (writes matcher/weights.yaml if better)
	$(VENV)/bin/python -m evals.fit

eval: install-test       ## full evaluation, rewrites evals/RESULTS.md
	$(VENV)/bin/matcher eval --minilm

bench: install-test      ## benchmarks, the "# Benchmarks" section of evals/RESULTS.md
	$(VENV)/bin/python -m evals.bench

load: install-test       ## bounded load test (20 sessions x 60 s on 127.0.0.1), its block in evals/RESULTS.md
	$(VENV)/bin/python -m evals.load --start --sessions 20 --seconds 60 --results

results: eval bench load ## reproduce all of evals/RESULTS.md (about 20 minutes on 2 cores)

clean:
	rm -rf .matcher artifacts
