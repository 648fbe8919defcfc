#!/usr/bin/env bash
# Run the real Airflow DAGs once (`airflow dags test`, SQLite metadata) against the offline
# mirror: greenmfg_ingest, then greenmfg_transform, printing each task's state as it changes (the
# DAG's own log goes to a file); then print what was published. Called by `make run`.
set -euo pipefail
port="${1:-8765}"
mkdir -p "$GREENMFG_HOME" "$AIRFLOW_HOME"
log="$GREENMFG_HOME/logs"; mkdir -p "$log"

echo "==> Airflow metadata (SQLite at $AIRFLOW_HOME), pool duckdb_writer, dbt manifest"
bash scripts/airflow_setup.sh

echo "==> PostgreSQL for BI tools (marts published to schema marts)"
if dsn=$(bash scripts/postgres_up.sh 2>"$log/postgres.log"); then
  echo "    ${dsn%%:*}://greenmfg:***@${dsn##*@}"
else
  echo "    not available (see $log/postgres.log): publishing DuckDB and Parquet only"
fi

echo "==> offline mirror on 127.0.0.1:$port"
greenmfg serve-mirror --port "$port" > "$log/mirror.log" 2>&1 &
mirror_pid=$!
trap 'kill $mirror_pid 2>/dev/null || true' EXIT
for _ in $(seq 50); do
  curl -s -o /dev/null "http://127.0.0.1:$port/" && break || sleep 0.2
done
export GREENMFG_MIRROR_URL="http://127.0.0.1:$port"

run_dag() {  # dag_id: one `airflow dags test` run, its log under $GREENMFG_HOME/logs, its task states as they change
  local dag_log="$log/$1.log" start
  echo "==> airflow dags test $1 (log: $dag_log)"
  start=$(date +%s)
  if ! python -m greenmfg.orchestration.progress "$1" "$dag_log" airflow dags test "$1" \
      || ! grep -q "DagRun Finished: .*state=success" "$dag_log"; then
    grep -E "ERROR|Error|FAILED|failed" "$dag_log" | tail -30
    echo "DAG $1 did not succeed; full log: $dag_log" >&2
    exit 1
  fi
  echo "    finished in $(( $(date +%s) - start ))s"
}
run_dag greenmfg_ingest
run_dag greenmfg_transform
echo
greenmfg summary
