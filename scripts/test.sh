#!/usr/bin/env bash
# `make test` (the README's test command, and CI's through .ci/run): the system packages the tests
# need (installed as root: scripts/system_packages.sh), PostgreSQL for the serving tests and the
# services smoke test (its DSN exported to pytest as GREENMFG_TEST_POSTGRES_DSN, unless already
# set), then the test suite. Without root, what cannot be installed is reported, and the tests
# that need it are skipped with the install command (counted in the summary).
set -euo pipefail
cd "$(dirname "$0")/.."
log="${GREENMFG_HOME:-data}/logs"; mkdir -p "$log"

bash scripts/system_packages.sh test
if [ -z "${GREENMFG_TEST_POSTGRES_DSN:-}" ]; then
  if dsn=$(bash scripts/postgres_up.sh 2>"$log/postgres-test.log"); then
    export GREENMFG_TEST_POSTGRES_DSN="$dsn"
  else
    echo "PostgreSQL not started (see $log/postgres-test.log): the tests that need it are skipped" >&2
  fi
fi
exec .venv/bin/python -m pytest -q "$@"
