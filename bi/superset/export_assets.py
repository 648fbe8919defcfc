"""The dashboard as Superset now holds it, written back into bi/superset/assets (`make bi-export`):
edit charts and filters in Superset's UI, save, export, review the diff, commit. Run with Superset's
own Python after `make bi` (same SUPERSET_HOME):

    python bi/superset/export_assets.py

Superset's own export, made reviewable: the files keep their names (a chart's file is found by its
uuid), YAML is written with Chinese as text, and what belongs to one installation is left out: the
database file and metadata.yaml stay as they are (the reader's URI and password are set at import,
never written here), native filters lose the chart ids Superset computes from their scope again.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import yaml

ASSETS = Path(__file__).resolve().parent / "assets"
DASHBOARD_YAML = "dashboards/China_s_green_manufacturing.yaml"
KEPT = ("metadata.yaml", "databases/")  # owned by the repository, not by an installation
EXPORTED = ("charts/", "datasets/", "dashboards/")


def dump(data: dict) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=120)


def current() -> dict[str, dict]:
    return {str(p.relative_to(ASSETS)): yaml.safe_load(p.read_text(encoding="utf-8")) for p in ASSETS.rglob("*.yaml")}


def exported(dashboard_uuid: str) -> dict[str, dict]:
    from superset import db, security_manager
    from superset.commands.dashboard.export import ExportDashboardsCommand
    from superset.models.dashboard import Dashboard
    from superset.utils.core import override_user

    dashboard = db.session.query(Dashboard).filter_by(uuid=dashboard_uuid).one_or_none()
    if dashboard is None:
        raise SystemExit(f"export_assets: no dashboard {dashboard_uuid} in this Superset: run make bi first")
    admin = security_manager.find_user(username=os.environ.get("SUPERSET_ADMIN_USERNAME") or "admin")
    with override_user(admin):
        files = ExportDashboardsCommand([dashboard.id]).run()
        return {name: yaml.safe_load(content()) for name, content in files if not name.startswith(KEPT)}


def normalized(name: str, data: dict, before: dict | None) -> dict:
    """Stable for review: a dataset's columns and metrics in the file's order (Superset's is
    arbitrary), filter scopes sorted, nothing that names this installation's ids."""
    if name.startswith("datasets/"):
        for key, field in (("columns", "column_name"), ("metrics", "metric_name")):
            data[key] = in_order(data.get(key, []), field, [item[field] for item in (before or {}).get(key, [])])
    if name.startswith("dashboards/"):
        data.pop("theme_uuid", None)
        for native_filter in data.get("metadata", {}).get("native_filter_configuration", []):
            native_filter.pop("chartsInScope", None)  # ids of this installation: recomputed from the scope
            native_filter.pop("tabsInScope", None)
            native_filter.get("scope", {}).get("excluded", []).sort()
    return data


def in_order(items: list[dict], field: str, order: list[str]) -> list[dict]:
    rank = {name: n for n, name in enumerate(order)}
    return sorted(items, key=lambda item: (rank.get(item[field], len(rank)), item[field]))


def target_names(files: dict[str, dict], known: dict[str, dict]) -> dict[str, str]:
    """Exported name → the repository's file of the same uuid (else the exported name)."""
    by_uuid = {data.get("uuid"): name for name, data in known.items()}
    return {name: by_uuid.get(data.get("uuid"), name) for name, data in files.items()}


def main() -> int:
    from superset.app import create_app

    known = current()
    with create_app().app_context():
        files = exported(known[DASHBOARD_YAML]["uuid"])
    names = target_names(files, known)
    written = {names[name]: normalized(name, data, known.get(names[name])) for name, data in files.items()}
    for name in sorted(set(known) - set(written)):
        if name.startswith(EXPORTED):
            (ASSETS / name).unlink()
            print(f"removed {name}")
    for name, data in sorted(written.items()):
        if known.get(name) != data:
            (ASSETS / name).parent.mkdir(parents=True, exist_ok=True)
            (ASSETS / name).write_text(dump(data), encoding="utf-8")
            print(f"wrote {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
