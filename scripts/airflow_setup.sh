#!/usr/bin/env bash
# Prepare an Airflow metadata database for the greenmfg DAGs (idempotent): migrate it, create the
# one-slot pool every DuckDB-writing task runs in, and render dbt's manifest, from which the
# transform DAG makes its dbt tasks (parsing the DAG never runs dbt; run this again after a change
# to the dbt project). Used by `make run`, the CI smoke test and the compose stack's airflow-init.
set -euo pipefail
log="${GREENMFG_HOME:?}/logs"; mkdir -p "$log"

airflow db migrate > "$log/airflow-db-migrate.log" 2>&1 || { tail -30 "$log/airflow-db-migrate.log"; exit 1; }
pool=$(python -c "from greenmfg.orchestration.stages import WRITER_POOL as p, WRITER_POOL_DESCRIPTION as d; print(p); print(d)")
airflow pools set "$(sed -n 1p <<<"$pool")" 1 "$(sed -n 2p <<<"$pool")" > "$log/airflow-pools.log" 2>&1 \
  || { tail -30 "$log/airflow-pools.log"; exit 1; }
greenmfg dbt-manifest > /dev/null
