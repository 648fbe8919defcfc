"""Failure callbacks: record the failure with the run's report and tell a webhook.

The webhook is an Airflow connection, `greenmfg_webhook` (HTTP type; its host is the URL,
e.g. AIRFLOW_CONN_GREENMFG_WEBHOOK='{"conn_type": "http", "host": "https://hooks.example.org/T0/B0"}').
The payload is JSON with a `text` field (Slack, Mattermost and Feishu-style bots read it). Without that
connection the failure is only recorded and logged.
"""

from __future__ import annotations

import logging

log = logging.getLogger(__name__)
WEBHOOK_CONN_ID = "greenmfg_webhook"


def on_task_failure(context) -> None:
    from greenmfg import run_report
    from greenmfg.orchestration.stages import run_id_of
    from greenmfg.settings import paths

    ti = context["ti"]
    task = ti.task_id if getattr(ti, "map_index", -1) in (-1, None) else f"{ti.task_id}.{ti.map_index}"
    error = context.get("exception")
    message = f"{type(error).__name__}: {error}" if error else _verdict(context) or "failed"
    run_report.record_task_failure(paths(), run_id_of(context), task, message)
    post_webhook(
        {
            "text": f"greenmfg: {context['dag'].dag_id} run {context['run_id']}: task {task} failed: {message[:500]}",
            "dag_id": context["dag"].dag_id,
            "run_id": context["run_id"],
            "task": task,
            "error": message,
        }
    )


def _verdict(context) -> str | None:
    """A dbt model task ended in the triggerer with no exception to tell: its verdict says why."""
    task = context.get("task")
    if not (hasattr(task, "node") and hasattr(task, "reports")):
        return None
    from greenmfg.orchestration.dbt_results import judge

    return judge(task.node, task.reports, context["run_id"])[1]


def post_webhook(payload: dict) -> bool:
    """POST the payload as JSON to the `greenmfg_webhook` connection; False when there is none
    or the post failed (a callback must never raise)."""
    try:
        from airflow.providers.http.hooks.http import HttpHook

        hook = HttpHook(method="POST", http_conn_id=WEBHOOK_CONN_ID)
        hook.run(endpoint=None, json=payload, extra_options={"timeout": 10})
        return True
    except Exception as exc:  # a missing connection included: the failure is recorded anyway
        log.warning("webhook %s not posted: %s: %s", WEBHOOK_CONN_ID, type(exc).__name__, exc)
        return False
