-- The read-only role BI tools log in as, its password from the environment variable
-- GREENMFG_READER_PASSWORD; run by a superuser's psql (scripts/postgres_up.sh; the compose
-- file's warehouse-db on its first start). Each publish grants it USAGE and SELECT on the new
-- schema marts (greenmfg/serving.py), nothing more.
\getenv password GREENMFG_READER_PASSWORD
SELECT 'CREATE ROLE greenmfg_reader LOGIN' WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'greenmfg_reader')
\gexec
ALTER ROLE greenmfg_reader LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT PASSWORD :'password';
