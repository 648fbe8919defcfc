#!/usr/bin/env bash
# Start PostgreSQL from Debian's package on localhost and create the warehouse database.
# Prints the DSN. One server, one set of credentials for the machine: the generated password
# stays in ~/.config/greenmfg/postgres.dsn (mode 600, never committed).
# Only the DSN goes to stdout (callers capture it); everything else goes to stderr.
set -euo pipefail
dsn_file="${GREENMFG_PG_CREDENTIALS:-$HOME/.config/greenmfg/postgres.dsn}"
mkdir -p "$(dirname "$dsn_file")"
if ! command -v pg_ctlcluster >/dev/null; then
  apt-get update -qq >/dev/null && apt-get install -y -qq postgresql >&2
fi
version=$(ls /etc/postgresql | sort -V | tail -1)
pg_ctlcluster "$version" main status >/dev/null 2>&1 || pg_ctlcluster "$version" main start >&2 </dev/null
for _ in $(seq 60); do pg_isready -q -h 127.0.0.1 && break; sleep 0.5; done
# Reuse the DSN while it still logs in; otherwise set a new generated password.
if [ ! -s "$dsn_file" ] || ! psql "$(cat "$dsn_file")" -XAtqc "select 1" >/dev/null 2>&1; then
  password=$(python3 -c "import secrets; print(secrets.token_hex(16))")
  runuser -u postgres -- psql -q -v ON_ERROR_STOP=1 >&2 <<SQL
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'greenmfg') THEN CREATE ROLE greenmfg LOGIN CREATEDB; END IF;
END \$\$;
ALTER ROLE greenmfg CREATEDB PASSWORD '$password';
SQL
  runuser -u postgres -- psql -tAc "SELECT 1 FROM pg_database WHERE datname = 'greenmfg'" | grep -q 1 \
    || runuser -u postgres -- createdb -O greenmfg greenmfg >&2
  (umask 077; echo "postgresql://greenmfg:$password@127.0.0.1:5432/greenmfg" > "$dsn_file")
fi
cat "$dsn_file"
