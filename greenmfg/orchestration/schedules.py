"""When the DAGs run: a cron in China's time zone, which a deployment may change without
editing a DAG (GREENMFG_INGEST_CRON, GREENMFG_TRANSFORM_CRON; `none`: triggered runs only)."""

from __future__ import annotations

from greenmfg.settings import setting

TIMEZONE = "Asia/Shanghai"


def cron(name: str):
    """The CronTriggerTimetable of GREENMFG_<NAME>_CRON (its default in greenmfg.settings), or None
    for `none` (or set empty)."""
    from airflow.sdk import CronTriggerTimetable

    expression = setting(f"GREENMFG_{name.upper()}_CRON", empty_is_unset=False).strip()
    return None if expression.lower() in ("", "none") else CronTriggerTimetable(expression, timezone=TIMEZONE)
