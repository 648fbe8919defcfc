"""A model task's verdict, given in the triggerer: the model tasks of the dbt group start there
(`start_from_trigger`) as soon as the build starts, wait for dbt to finish their nodes, and end
passed, failed or skipped. No worker process starts for them, and a model's task ends while
the build goes on to the models after it."""

from __future__ import annotations

import asyncio

from airflow.triggers.base import BaseTrigger, TaskFailedEvent, TaskSkippedEvent, TaskSuccessEvent
from asgiref.sync import sync_to_async

from greenmfg.orchestration import dbt_results
from greenmfg.pipeline import safe_run_id
from greenmfg.settings import paths

END_EVENTS = {"success": TaskSuccessEvent, "failed": TaskFailedEvent, "skipped": TaskSkippedEvent}
POLL_SECONDS = 1.0  # how often the build's results are read
ASK_EVERY = 15  # polls between asking Airflow whether the build task has ended (before its final results)


class DbtResultTrigger(BaseTrigger):
    """Ends its task with the verdict of `node` (and the tests it reports) in the run's build."""

    def __init__(self, node: str, reports: list[str], build_task: str = "dbt.build"):
        super().__init__()
        self.node, self.reports, self.build_task = node, list(reports), build_task

    def serialize(self) -> tuple[str, dict]:
        return f"{__name__}.{type(self).__name__}", {
            "node": self.node,
            "reports": self.reports,
            "build_task": self.build_task,
        }

    async def run(self):
        ti = self.task_instance
        polls = 0
        while (judged := await self._judge(ti.run_id, ended=False)) is None:
            polls += 1
            final = await asyncio.to_thread(dbt_results.complete, paths(), safe_run_id(ti.run_id))
            if (final or polls % ASK_EVERY == 0) and await self._build_ended(ti.dag_id, ti.run_id):
                judged = await self._judge(ti.run_id, ended=True)  # what it wrote before it ended
                break
            await asyncio.sleep(POLL_SECONDS)
        state, message = judged
        (self.log.error if state == "failed" else self.log.info)("%s", message)
        yield END_EVENTS[state]()

    async def _judge(self, run_id: str, ended: bool):
        return await asyncio.to_thread(dbt_results.judge, self.node, self.reports, run_id, ended)

    async def _build_ended(self, dag_id: str, run_id: str) -> bool:
        return await sync_to_async(dbt_results.build_ended)(dag_id, run_id, self.build_task)
