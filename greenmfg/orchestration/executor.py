"""Airflow's LocalExecutor, its workers started with the task runtime and the project's task
modules already imported. Each task is a process forked from a worker: it inherits them, where
it would otherwise import them afresh (a second or two per task, more than most scrapes take).
Set AIRFLOW__CORE__EXECUTOR=greenmfg.orchestration.executor.PreloadedLocalExecutor.

Only modules that start no thread and open nothing are preloaded: forking after that is safe.
The tasks run the code the scheduler loaded: restart the scheduler after updating the project.
"""

from __future__ import annotations

import importlib
import logging

from airflow.executors.local_executor import LocalExecutor

log = logging.getLogger(__name__)

PRELOADED = (
    "airflow.sdk.execution_time.task_runner",  # what every task process runs
    "greenmfg.orchestration.assets",  # what the DAG files import
    "greenmfg.orchestration.callbacks",
    "greenmfg.orchestration.dbt_group",
    "greenmfg.orchestration.schedules",
    "greenmfg.pipeline",  # the stages the tasks call
    "greenmfg.scrape",  # the ingest's tasks: one per source
    "greenmfg.run_report",
)


def preload(modules: tuple[str, ...] = PRELOADED) -> list[str]:
    """Import these modules; those that fail are left to the tasks (which then say why)."""
    loaded = []
    for name in modules:
        try:
            importlib.import_module(name)
        except Exception as exc:  # a task importing it will fail with the full error
            log.warning("not preloaded: %s (%s: %s)", name, type(exc).__name__, exc)
        else:
            loaded.append(name)
    return loaded


class PreloadedLocalExecutor(LocalExecutor):
    """LocalExecutor whose worker processes fork with PRELOADED imported."""

    def start(self) -> None:
        if self.is_mp_using_fork:  # with spawn, a worker imports nothing from this process
            log.info("preloaded for the task processes: %s", ", ".join(preload()))
        super().start()
