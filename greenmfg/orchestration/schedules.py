"""When the DAGs run: a cron in China's time zone, which a deployment may change without
editing a DAG (GREENMFG_INGEST_CRON, GREENMFG_TRANSFORM_CRON; `none`: triggered runs only)."""

from __future__ import annotations

import os

TIMEZONE = "Asia/Shanghai"


def cron(name: str, default: str):
    """The CronTriggerTimetable of GREENMFG_<NAME>_CRON (else `default`), or None for `none`."""
    from airflow.sdk import CronTriggerTimetable

    expression = os.environ.get(f"GREENMFG_{name.upper()}_CRON", default).strip()
    return None if expression.lower() in ("", "none") else CronTriggerTimetable(expression, timezone=TIMEZONE)
