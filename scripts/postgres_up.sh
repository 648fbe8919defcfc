#!/usr/bin/env bash
# Start PostgreSQL from Debian's package on localhost and give this GREENMFG_HOME a database of
# its own. Prints that database's DSN and writes it to $GREENMFG_HOME/postgres.dsn (mode 600),
# where publishing finds it (GREENMFG_POSTGRES_DSN overrides it): two clones on one machine
# publish to two databases, never over each other.
# One server and one role (greenmfg, may create databases) for the machine: the role's generated
# password stays in ~/.config/greenmfg/postgres.dsn (mode 600, never committed; the role's login,
# not a publish target). The DSN printed names the same role, so it also serves as
# GREENMFG_TEST_POSTGRES_DSN (.ci/run).
# BI tools log in as greenmfg_reader (USAGE and SELECT on schema marts, granted at each publish):
# its password is GREENMFG_READER_PASSWORD (the environment, else the repository's .env), else the
# one generated before (~/.config/greenmfg/postgres_reader.password, mode 600); this home's
# reader DSN goes to $GREENMFG_HOME/postgres_reader.dsn (mode 600).
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
write_private() {  # write_private FILE TEXT: mode 600, replaced in one step
  (umask 077; printf '%s\n' "$2" > "$1.tmp.$$" && mv -f "$1.tmp.$$" "$1")
}
write_private "$home/postgres.dsn" "$dsn"
# The read-only role for BI tools.
reader_file="$(dirname "$role_file")/postgres_reader.password"
env_file="$(cd "$(dirname "$0")/.." && pwd)/.env"
reader_password="${GREENMFG_READER_PASSWORD:-}"
if [ -z "$reader_password" ] && [ -f "$env_file" ]; then
  reader_password=$(sed -n 's/^GREENMFG_READER_PASSWORD=//p' "$env_file" | tail -1)
fi
if [ -z "$reader_password" ] && [ -s "$reader_file" ]; then reader_password=$(cat "$reader_file"); fi
if [ -z "$reader_password" ]; then reader_password=$(python3 -c "import secrets; print(secrets.token_hex(16))"); fi
write_private "$reader_file" "$reader_password"
GREENMFG_READER_PASSWORD="$reader_password" runuser -u postgres -w GREENMFG_READER_PASSWORD -- \
  psql -q -X -v ON_ERROR_STOP=1 >&2 < "$(dirname "$0")/reader_role.sql"
reader_userinfo=$(python3 -c "import sys, urllib.parse; print('greenmfg_reader:' + urllib.parse.quote(sys.argv[1], safe=''))" "$reader_password")
write_private "$home/postgres_reader.dsn" "postgresql://$reader_userinfo@127.0.0.1:5432/$database"
echo "postgres_up: $home publishes to database $database" >&2
echo "$dsn"
