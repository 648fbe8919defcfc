#!/usr/bin/env bash
# Start PostgreSQL from Debian's package on localhost and give this GREENMFG_HOME a database of
# its own. Prints that database's DSN and writes it to $GREENMFG_HOME/postgres.dsn (mode 600),
# where publishing finds it (GREENMFG_POSTGRES_DSN overrides it): two clones on one machine
# publish to two databases, never over each other.
# One server and one role (greenmfg, may create databases) for the machine: the role's generated
# password stays in ~/.config/greenmfg/postgres.dsn (mode 600, never committed; the role's login,
# not a publish target). The DSN printed names the same role, so it also serves as
# GREENMFG_TEST_POSTGRES_DSN (.ci/run).
# Only the DSN goes to stdout (callers capture it); everything else goes to stderr.
set -euo pipefail
home="${GREENMFG_HOME:-$(cd "$(dirname "$0")/.." && pwd)/data}"
mkdir -p "$home"
home=$(cd "$home" && pwd -P)
role_file="${GREENMFG_PG_CREDENTIALS:-$HOME/.config/greenmfg/postgres.dsn}"
mkdir -p "$(dirname "$role_file")"
bash "$(dirname "$0")/system_packages.sh" postgresql >&2
version=$(ls /etc/postgresql | sort -V | tail -1)
pg_ctlcluster "$version" main status >/dev/null 2>&1 || pg_ctlcluster "$version" main start >&2 </dev/null
for _ in $(seq 60); do pg_isready -q -h 127.0.0.1 && break; sleep 0.5; done
# Reuse the role's login while it still works; otherwise set a new generated password.
if [ ! -s "$role_file" ] || ! psql "$(cat "$role_file")" -XAtqc "select 1" >/dev/null 2>&1; then
  password=$(python3 -c "import secrets; print(secrets.token_hex(16))")
  runuser -u postgres -- psql -q -v ON_ERROR_STOP=1 >&2 <<SQL
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'greenmfg') THEN CREATE ROLE greenmfg LOGIN CREATEDB; END IF;
END \$\$;
ALTER ROLE greenmfg CREATEDB PASSWORD '$password';
SQL
  runuser -u postgres -- psql -tAc "SELECT 1 FROM pg_database WHERE datname = 'greenmfg'" | grep -q 1 \
    || runuser -u postgres -- createdb -O greenmfg greenmfg >&2
  (umask 077; echo "postgresql://greenmfg:$password@127.0.0.1:5432/greenmfg" > "$role_file")
fi
# This home's database: greenmfg_ and a hash of the home's real path.
database="greenmfg_$(printf '%s' "$home" | sha256sum | cut -c1-12)"
runuser -u postgres -- psql -tAc "SELECT 1 FROM pg_database WHERE datname = '$database'" | grep -q 1 \
  || runuser -u postgres -- createdb -O greenmfg "$database" >&2
role_dsn=$(cat "$role_file")
dsn="${role_dsn%/*}/$database"
(umask 077; printf '%s\n' "$dsn" > "$home/postgres.dsn.tmp.$$" && mv -f "$home/postgres.dsn.tmp.$$" "$home/postgres.dsn")
echo "postgres_up: $home publishes to database $database" >&2
echo "$dsn"
