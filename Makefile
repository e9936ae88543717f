# Förderlotse: the two commands are `make run` and `make test` (see README.md).
PY ?= python3
VENV := .venv
PIP := $(VENV)/bin/pip
TORCH := torch==2.13.0

.PHONY: run test test-fast install install-test system-test-deps cluster-deps serve-cluster serve-cluster-stop \
	fit fit-ranker eval bench load load-cluster browser-soak results index clean
INSTANCES ?= 2
PORT ?= 8080
RUN_DIR ?= .cluster

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

system-test-deps:        ## Debian packages the tests use: chromium (browser tests), poppler (PDF check), PostgreSQL, nginx (cluster)
	@missing=""; \
	test -x /usr/bin/chromium || missing="$$missing chromium"; \
	command -v nginx >/dev/null || test -x /usr/sbin/nginx || missing="$$missing nginx-light"; \
	command -v pdftoppm >/dev/null || missing="$$missing poppler-utils"; \
	ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing="$$missing postgresql"; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing >/dev/null; \
	fi

cluster-deps:            ## Debian packages of the cluster: nginx and PostgreSQL (installed when missing; no service is started)
	@missing=""; \
	command -v nginx >/dev/null || test -x /usr/sbin/nginx || missing="$$missing nginx-light"; \
	ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing="$$missing postgresql"; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing >/dev/null; \
	fi

serve-cluster: install cluster-deps   ## INSTANCES app instances + Chroma server + PostgreSQL + nginx on http://127.0.0.1:$(PORT); Ctrl-C stops all
	$(VENV)/bin/python -m deploy.cluster start --instances $(INSTANCES) --port $(PORT) --run-dir $(RUN_DIR)

serve-cluster-stop:      ## stop a cluster started with `--detach` (or left over) in RUN_DIR
	$(VENV)/bin/python -m deploy.cluster stop --run-dir $(RUN_DIR)

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

fit-ranker: install-test ## fit the learned rankers on the dev cases, 5-fold CV first (writes matcher/ranker.json with need_model.json and case_base.json, and support_ranker.json, if better)
	$(VENV)/bin/python -m evals.fit --ranker

eval: install-test       ## full evaluation, rewrites evals/RESULTS.md
	$(VENV)/bin/matcher eval --minilm

bench: install-test      ## benchmarks, the "# Benchmarks" section of evals/RESULTS.md
	$(VENV)/bin/python -m evals.bench

load: install-test       ## bounded load test (20 sessions x 60 s on 127.0.0.1), its block in evals/RESULTS.md
	$(VENV)/bin/python -m evals.load --start --sessions 20 --seconds 60 --results

load-cluster: install-test cluster-deps   ## the same load through nginx to INSTANCES instances (PostgreSQL, Chroma server), then with one killed
	$(VENV)/bin/python -m evals.load --start --cluster $(INSTANCES) --sessions 20 --seconds 60 --results
	$(VENV)/bin/python -m evals.load --start --cluster $(INSTANCES) --sessions 20 --seconds 60 --kill-at 25 --results

browser-soak: install-test system-test-deps   ## the browser test 10 times beside a second instance and CPU load
	$(VENV)/bin/python -m evals.browser_soak --runs 10

results: eval bench load load-cluster ## reproduce all of evals/RESULTS.md (about 25 minutes on 2 cores)

clean:
	rm -rf .matcher artifacts
