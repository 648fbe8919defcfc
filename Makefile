# Two commands on a fresh machine (python3 and make; as root they install the rest):  make run   and   make test
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# sqlfluff in an environment of its own: the chardet it brings would change how requests and
# BeautifulSoup guess encodings in the project's
LINT := $(VENV)/lint
export GREENMFG_HOME ?= $(CURDIR)/data
export AIRFLOW_HOME ?= $(GREENMFG_HOME)/airflow
export AIRFLOW__CORE__DAGS_FOLDER := $(CURDIR)/dags
export AIRFLOW__CORE__LOAD_EXAMPLES := False
export AIRFLOW__CORE__UNIT_TEST_MODE := False
export GX_ANALYTICS_ENABLED := false
MIRROR_PORT ?= 8765

.PHONY: venv run test lock corpus clean airflow-init bi bi-export

# --compile-bytecode: uv leaves .pyc files to the first import, and where PYTHONDONTWRITEBYTECODE
# is set none is ever written, so every process compiled pandas, dbt and Airflow from source
# (importing pandas: 2.7 s without, 0.6 s with).
venv: $(BIN)/.installed
$(BIN)/.installed: pyproject.toml requirements.lock requirements-lint.lock greenmfg/docs_assets.py
	bash scripts/system_packages.sh venv
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip uv
	$(BIN)/uv pip install --quiet --compile-bytecode --python $(BIN)/python -r requirements.lock
	$(BIN)/uv pip install --quiet --python $(BIN)/python --no-deps -e .
	$(BIN)/python -m greenmfg.docs_assets fetch
	$(BIN)/uv venv --quiet --allow-existing --python $(BIN)/python $(LINT)
	$(BIN)/uv pip install --quiet --python $(LINT)/bin/python -r requirements-lint.lock
	touch $@

## make airflow-init: metadata database, the duckdb_writer pool, dbt's manifest (make run does it too)
airflow-init: venv
	mkdir -p $(GREENMFG_HOME)
	PATH=$(CURDIR)/$(BIN):$$PATH bash scripts/airflow_setup.sh

## make run: set up everything, run the real Airflow DAGs on the offline corpus (each task's state
## as it changes), print the summary
run: venv
	bash scripts/system_packages.sh run
	mkdir -p $(GREENMFG_HOME)
	PATH=$(CURDIR)/$(BIN):$$PATH bash scripts/run_dag.sh $(MIRROR_PORT)

## make test: the system packages the tests need (as root), PostgreSQL, then the test suite
## (PYTEST_ARGS="-k serving" for some of it)
test: venv
	bash scripts/test.sh $(PYTEST_ARGS)

## make lock: re-resolve requirements.lock from pyproject.toml (and the lint and Superset locks)
lock: venv
	$(BIN)/uv pip compile pyproject.toml --extra test --extra bench --extra corpus --extra deploy -p 3.11 --no-header -o requirements.lock
	$(BIN)/uv pip compile requirements-lint.in -p 3.11 --no-header -o requirements-lint.lock
	$(BIN)/uv pip compile bi/superset/requirements.in -p 3.11 --no-header -o bi/superset/requirements.lock

## make bi: Apache Superset with the dashboard "China's green manufacturing" on the published marts,
## read as greenmfg_reader, on http://127.0.0.1:8088 (bi/superset/setup.sh: settings, login)
bi: venv
	if [ -z "$${GREENMFG_READER_DSN:-}" ] && [ "$$(id -u)" -eq 0 ]; then bash scripts/postgres_up.sh >/dev/null; fi
	bash bi/superset/setup.sh all

## make bi-export: the dashboard as that Superset now holds it, back into bi/superset/assets
bi-export:
	bash bi/superset/setup.sh export

## make corpus: rebuild the offline corpus (needs fonts-droid-fallback for the MIIT PDFs)
corpus: venv
	$(BIN)/python corpus/build_miit.py
	$(BIN)/python corpus/build_sites.py

clean:
	rm -rf $(GREENMFG_HOME)
