#!/usr/bin/env bash
# Apache Superset on the published warehouse (`make bi`): its own virtualenv (.venv/superset, from
# bi/superset/requirements.lock: Superset's Flask and SQLAlchemy are not Airflow's), its metadata
# database, the admin login, the dashboard bundle (bi/superset/assets) on the warehouse's
# PostgreSQL as the read-only role greenmfg_reader, then the web server.
#   bi/superset/setup.sh [install|init|serve|export|all]      (default: all)
# Settings (environment):
#   SUPERSET_HOME            metadata (SQLite), secret key, admin password, step logs: $GREENMFG_HOME/superset
#   SUPERSET_METADATA_URI    another metadata database (e.g. PostgreSQL) instead of SQLite
#   SUPERSET_SECRET_KEY      default: generated once, kept in $SUPERSET_HOME/secret_key (mode 600)
#   SUPERSET_ADMIN_USERNAME  default admin
#   SUPERSET_ADMIN_PASSWORD  default: generated once, kept in $SUPERSET_HOME/admin_password (mode 600)
#   GREENMFG_READER_DSN      the reader's DSN; default: $GREENMFG_HOME/postgres_reader.dsn (scripts/postgres_up.sh);
#                            without a password in it, GREENMFG_READER_PASSWORD
#   SUPERSET_HOST, SUPERSET_PORT   where the server listens: 127.0.0.1 and 8088
#   SUPERSET_VENV            the virtualenv: .venv/superset
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
export GREENMFG_HOME="${GREENMFG_HOME:-$root/data}"
export SUPERSET_HOME="${SUPERSET_HOME:-$GREENMFG_HOME/superset}"
export SUPERSET_CONFIG_PATH="$here/superset_config.py"
venv="${SUPERSET_VENV:-$root/.venv/superset}"
lock="$here/requirements.lock"
mkdir -p "$SUPERSET_HOME"

fail() { echo "superset setup: $*" >&2; exit 1; }

# install: the virtualenv from the lock, again only when the lock changed
install() {
  local stamp="$venv/.installed" digest uv
  digest=$(sha256sum "$lock" | cut -d' ' -f1)
  [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$digest" ] && return 0
  uv="${UV:-$root/.venv/bin/uv}"
  [ -x "$uv" ] || uv=$(command -v uv) || fail "uv not found: run make venv (or set UV)"
  echo "==> installing Superset into $venv" >&2
  step uv_venv "$uv" venv --allow-existing --python 3.11 "$venv"
  step uv_install "$uv" pip install --compile-bytecode --python "$venv/bin/python" -r "$lock"
  echo "$digest" > "$stamp"
}

# private FILE: its content, generated once (mode 600)
private() {
  [ -s "$1" ] || (umask 077; python3 -c "import secrets; print(secrets.token_urlsafe(32))" > "$1")
  cat "$1"
}

secrets() {
  export SUPERSET_SECRET_KEY="${SUPERSET_SECRET_KEY:-$(private "$SUPERSET_HOME/secret_key")}"
  export SUPERSET_ADMIN_USERNAME="${SUPERSET_ADMIN_USERNAME:-admin}"
  export SUPERSET_ADMIN_PASSWORD="${SUPERSET_ADMIN_PASSWORD:-$(private "$SUPERSET_HOME/admin_password")}"
}

# step NAME COMMAND...: its output goes to $SUPERSET_HOME/NAME.log; on failure, its one-line reason
step() {
  local name=$1 out="$SUPERSET_HOME/$1.log" reason
  shift
  "$@" >"$out" 2>&1 && return 0
  reason=$(sed -En 's/^(load_assets|export_assets|superset_config): //p' "$out" | tail -1)
  fail "${reason:-$name failed} (see $out)"
}

# init: metadata schema, roles and permissions, the admin login and the dashboard bundle
init() {
  [ -n "${GREENMFG_READER_DSN:-}" ] || [ -s "$GREENMFG_HOME/postgres_reader.dsn" ] \
    || fail "no reader DSN: set GREENMFG_READER_DSN or run scripts/postgres_up.sh" \
        "(as root; writes $GREENMFG_HOME/postgres_reader.dsn)"
  echo "==> initialising Superset ($SUPERSET_HOME)" >&2
  step db_upgrade "$venv/bin/superset" db upgrade
  step superset_init "$venv/bin/superset" init
  step load_assets "$venv/bin/python" "$here/load_assets.py"
}

serve() {
  local host="${SUPERSET_HOST:-127.0.0.1}" port="${SUPERSET_PORT:-8088}"
  echo "==> Superset on http://$host:$port/superset/dashboard/green-manufacturing/" \
    "(login $SUPERSET_ADMIN_USERNAME, password: \$SUPERSET_ADMIN_PASSWORD or $SUPERSET_HOME/admin_password)" >&2
  exec "$venv/bin/gunicorn" --bind "$host:$port" --workers 1 --worker-class gthread --threads 8 --timeout 120 \
    --error-logfile - "superset.app:create_app()"
}

# export: the dashboard as this Superset holds it, back into bi/superset/assets
export_assets() {
  step export_assets "$venv/bin/python" "$here/export_assets.py"
  grep -E '^(wrote|removed) ' "$SUPERSET_HOME/export_assets.log" || echo "bi/superset/assets: unchanged" >&2
}

case "${1:-all}" in
  install) install ;;
  init) install; secrets; init ;;
  serve) secrets; serve ;;
  export) secrets; export_assets ;;
  all) install; secrets; init; serve ;;
  *) echo "usage: bi/superset/setup.sh [install|init|serve|export|all]" >&2; exit 2 ;;
esac
