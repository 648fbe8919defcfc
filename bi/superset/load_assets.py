"""The admin login and the dashboard bundle (bi/superset/assets) into Superset's metadata database.
Run by bi/superset/setup.sh with Superset's own Python (.venv/superset), after `superset db upgrade`
and `superset init`:

    python bi/superset/load_assets.py

The bundle's database YAML names the compose file's warehouse without a password; here its URI
becomes the reader's DSN (GREENMFG_READER_DSN, else $GREENMFG_HOME/postgres_reader.dsn, written by
scripts/postgres_up.sh; a DSN without a password takes GREENMFG_READER_PASSWORD) and the password
is handed to the import apart, as Superset's own import takes it. Everything in the bundle is
overwritten (Superset's "assets" import), so a changed YAML file takes effect on the next `make bi`.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ASSETS = Path(__file__).resolve().parent / "assets"
DATABASE_YAML = "databases/Green_manufacturing_warehouse.yaml"
PROBE = "select count(*) from marts.dim_list"  # a published warehouse, readable as the reader


class SetupError(Exception):
    """One line for the user, then exit 1."""


def reader_dsn() -> str:
    if dsn := os.environ.get("GREENMFG_READER_DSN", "").strip():
        return dsn
    home = Path(os.environ.get("GREENMFG_HOME") or Path(__file__).resolve().parents[2] / "data")
    path = home / "postgres_reader.dsn"
    if not path.exists():
        raise SetupError(f"no reader DSN: set GREENMFG_READER_DSN or run scripts/postgres_up.sh (writes {path})")
    return path.read_text(encoding="utf-8").strip()


def bundle(dsn: str) -> tuple[dict[str, str], dict[str, str]]:
    """The bundle's files by path (as in its zip) with the reader's URI, and the password apart."""
    import yaml
    from sqlalchemy.engine.url import make_url
    from superset.constants import PASSWORD_MASK as MASK  # (the placeholder Superset keeps in place of one)

    url = make_url(dsn).set(drivername="postgresql+psycopg2")
    if not url.password and os.environ.get("GREENMFG_READER_PASSWORD"):
        url = url.set(password=os.environ["GREENMFG_READER_PASSWORD"])  # the compose file's: a DSN without it
    if url.username != "greenmfg_reader" or not url.password:
        raise SetupError("the reader DSN must log in as greenmfg_reader with a password (scripts/postgres_up.sh)")
    contents = {str(p.relative_to(ASSETS)): p.read_text(encoding="utf-8") for p in sorted(ASSETS.rglob("*.yaml"))}
    database = yaml.safe_load(contents[DATABASE_YAML])
    database["sqlalchemy_uri"] = url.set(password=MASK).render_as_string(hide_password=False)
    contents[DATABASE_YAML] = yaml.safe_dump(database, allow_unicode=True, sort_keys=False)
    return contents, {DATABASE_YAML: url.password}


def admin_user():
    """The admin login: SUPERSET_ADMIN_USERNAME (default admin) with SUPERSET_ADMIN_PASSWORD,
    created, or its password set again when it exists."""
    from superset import security_manager

    username = os.environ.get("SUPERSET_ADMIN_USERNAME") or "admin"
    password = os.environ.get("SUPERSET_ADMIN_PASSWORD") or ""
    if len(password) < 8:
        raise SetupError("set SUPERSET_ADMIN_PASSWORD (8 characters or more; bi/superset/setup.sh makes one)")
    user = security_manager.find_user(username=username)
    if user is None:
        role = security_manager.find_role(security_manager.auth_role_admin)
        user = security_manager.add_user(username, "Superset", "Admin", f"{username}@localhost", role, password)
        if not user:
            raise SetupError(f"could not create the Superset user {username}")
    else:
        security_manager.reset_password(user.id, password)
    return user


def import_bundle(user, contents: dict[str, str], passwords: dict[str, str]) -> None:
    from superset.commands.importers.v1.assets import ImportAssetsCommand
    from superset.utils.core import override_user

    with override_user(user):
        try:
            ImportAssetsCommand(contents, passwords=passwords).run()
        except Exception as exc:  # the command wraps every error in an ImportFailedError without a message
            cause = exc.__cause__ or exc
            reason = cause.normalized_messages() if hasattr(cause, "normalized_messages") else cause
            raise SetupError(f"the bundle in {ASSETS} was refused: {' '.join(str(reason).split())}") from exc


def check_reader() -> None:
    """The warehouse answers the reader: a wrong password or an unpublished warehouse says so here,
    not as broken charts."""
    import yaml
    from superset import db
    from superset.models.core import Database

    uuid = yaml.safe_load((ASSETS / DATABASE_YAML).read_text(encoding="utf-8"))["uuid"]
    database = db.session.query(Database).filter_by(uuid=uuid).one()
    try:
        with database.get_sqla_engine() as engine, engine.connect() as con:
            con.exec_driver_sql(PROBE).scalar()
    except Exception as exc:  # the driver's errors have no common base worth naming
        reason = " ".join(str(getattr(exc, "orig", exc)).split())
        hint = " (nothing published there yet: make run)" if "does not exist" in reason else ""
        raise SetupError(f"cannot read the published marts as greenmfg_reader: {reason}{hint}") from exc


def main() -> int:
    try:
        dsn = reader_dsn()
        from superset.app import create_app

        with create_app().app_context():
            contents, passwords = bundle(dsn)
            user = admin_user()
            import_bundle(user, contents, passwords)
            check_reader()
    except SetupError as exc:
        print(f"load_assets: {exc}", file=sys.stderr)
        return 1
    print(f"load_assets: imported {sum(1 for name in contents if name.startswith('charts/'))} charts")
    return 0


if __name__ == "__main__":
    sys.exit(main())
