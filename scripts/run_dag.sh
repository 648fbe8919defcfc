#!/usr/bin/env bash
# Run the real Airflow DAG once (`airflow dags test`, SQLite metadata) against the offline
# mirror, then print what was published. Called by `make run`.
set -euo pipefail
port="${1:-8765}"
mkdir -p "$GREENMFG_HOME" "$AIRFLOW_HOME"
log="$GREENMFG_HOME/logs"; mkdir -p "$log"

echo "==> airflow db migrate (SQLite at $AIRFLOW_HOME)"
airflow db migrate > "$log/airflow-db-migrate.log" 2>&1 || { tail -30 "$log/airflow-db-migrate.log"; exit 1; }

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

echo "==> airflow dags test greenmfg_pipeline (log: $log/dag-run.log)"
start=$(date +%s)
if ! airflow dags test greenmfg_pipeline > "$log/dag-run.log" 2>&1; then
  grep -E "ERROR|Error|FAILED|failed" "$log/dag-run.log" | tail -30
  echo "DAG run failed; full log: $log/dag-run.log" >&2
  exit 1
fi
if ! grep -q "DagRun Finished: .*state=success" "$log/dag-run.log"; then
  grep "DagRun Finished" "$log/dag-run.log" || true
  echo "DAG run did not succeed; full log: $log/dag-run.log" >&2
  exit 1
fi
echo "==> DAG run finished in $(( $(date +%s) - start ))s"
echo
greenmfg summary
