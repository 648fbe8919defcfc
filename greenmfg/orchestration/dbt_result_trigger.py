"""A model task's verdict, given in the triggerer: the model tasks of the dbt group start there
(`start_from_trigger`), read the build's results and end at once, passed, failed or skipped.
No worker process starts for them, so a model's task costs what reading its result costs."""

from __future__ import annotations

import asyncio

from airflow.triggers.base import BaseTrigger, TaskFailedEvent, TaskSkippedEvent, TaskSuccessEvent

from greenmfg.orchestration import dbt_results

END_EVENTS = {"success": TaskSuccessEvent, "failed": TaskFailedEvent, "skipped": TaskSkippedEvent}


class DbtResultTrigger(BaseTrigger):
    """Ends its task with the verdict of `node` (and the tests it reports) in the run's build."""

    def __init__(self, node: str, reports: list[str]):
        super().__init__()
        self.node, self.reports = node, list(reports)

    def serialize(self) -> tuple[str, dict]:
        return f"{__name__}.{type(self).__name__}", {"node": self.node, "reports": self.reports}

    async def run(self):
        run_id = self.task_instance.run_id
        state, message = await asyncio.to_thread(dbt_results.judge, self.node, self.reports, run_id)
        (self.log.error if state == "failed" else self.log.info)("%s", message)
        yield END_EVENTS[state]()
