"""Airflow's services as plain processes, the way docker-compose.yml runs them but without
Docker: PostgreSQL metadata database, api-server, scheduler (LocalExecutor), dag-processor and
triggerer. Used by the CI smoke test; every service logs to <root>/logs/<service>.log."""

from __future__ import annotations

import contextlib
import os
import secrets
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import requests

from greenmfg.settings import PROJECT_ROOT

BIN = Path(sys.executable).parent
SERVICES = ("api-server", "scheduler", "dag-processor", "triggerer")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class LocalAirflow:
    def __init__(self, root: Path, metadata_dsn: str, extra_env: dict[str, str]):
        self.root = root
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.logs = root / "logs"
        self.processes: dict[str, subprocess.Popen] = {}
        self._token: str | None = None
        self.env = {
            **os.environ,
            "PATH": f"{BIN}:{os.environ['PATH']}",
            "AIRFLOW_HOME": str(root / "airflow"),
            "AIRFLOW__DATABASE__SQL_ALCHEMY_CONN": metadata_dsn.replace("postgresql://", "postgresql+psycopg2://", 1),
            "AIRFLOW__CORE__EXECUTOR": "greenmfg.orchestration.executor.PreloadedLocalExecutor",
            "AIRFLOW__CORE__PARALLELISM": "8",  # short tasks wait on the api-server as much as on the CPU
            "AIRFLOW__SCHEDULER__SCHEDULER_IDLE_SLEEP_TIME": "0.5",
            "AIRFLOW__CORE__DAGS_FOLDER": str(PROJECT_ROOT / "dags"),
            "AIRFLOW__CORE__LOAD_EXAMPLES": "False",
            "AIRFLOW__CORE__UNIT_TEST_MODE": "False",
            "AIRFLOW__CORE__EXECUTION_API_SERVER_URL": f"{self.url}/execution/",
            "AIRFLOW__CORE__FERNET_KEY": _fernet_key(),
            "AIRFLOW__API_AUTH__JWT_SECRET": secrets.token_urlsafe(32),
            "AIRFLOW__API__SECRET_KEY": secrets.token_urlsafe(32),
            "AIRFLOW__API__BASE_URL": self.url,
            "AIRFLOW__CORE__SIMPLE_AUTH_MANAGER_ALL_ADMINS": "True",
            "AIRFLOW__DAG_PROCESSOR__REFRESH_INTERVAL": "10",
            # a task's supervisor notices its process ended within this many seconds (it waits up to
            # this long when the task's sockets close before the process can be reaped): 5 s, the
            # default, after each of the transform's short per-model tasks
            "AIRFLOW__WORKERS__MIN_HEARTBEAT_INTERVAL": "1",
            "AIRFLOW__SCHEDULER__ENABLE_HEALTH_CHECK": "True",
            "AIRFLOW__SCHEDULER__SCHEDULER_HEALTH_CHECK_SERVER_PORT": str(free_port()),
            "AIRFLOW__LOGGING__BASE_LOG_FOLDER": str(self.logs / "tasks"),
            **extra_env,
        }

    def __enter__(self) -> LocalAirflow:
        self.logs.mkdir(parents=True, exist_ok=True)
        subprocess.run(["bash", "scripts/airflow_setup.sh"], env=self.env, cwd=PROJECT_ROOT, check=True, timeout=900)
        for service in SERVICES:
            command = [str(BIN / "airflow"), *service.split()]
            if service == "api-server":
                command += ["--host", "127.0.0.1", "--port", str(self.port), "--workers", "1"]
            with open(self.logs / f"{service}.log", "wb") as log:
                self.processes[service] = subprocess.Popen(
                    command, env=self.env, cwd=self.root, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
                )
        self._wait_until(lambda: self._get_ok("/api/v2/version"), 180, "the api-server to answer")
        # the Execution API (the tasks' own) builds its versioned routes on its first request:
        # seconds a long-running api-server paid long ago, not part of a run
        self._wait_until(lambda: self._get_ok("/execution/health"), 180, "the Execution API to answer")
        return self

    def __exit__(self, *exc) -> None:
        for process in self.processes.values():
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGTERM)
        for process in self.processes.values():
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(process.pid, signal.SIGKILL)

    # --- the REST API -------------------------------------------------------------------
    def token(self) -> str:
        if self._token is None:  # simple auth manager, every user an admin: a token for the asking
            answer = requests.get(f"{self.url}/auth/token", timeout=30)
            answer.raise_for_status()
            self._token = answer.json()["access_token"]
        return self._token

    def api(self, method: str, path: str, **kwargs) -> dict:
        answer = requests.request(
            method,
            f"{self.url}/api/v2{path}",
            timeout=60,
            headers={"Authorization": f"Bearer {self.token()}"},
            **kwargs,
        )
        if answer.status_code >= 400:
            raise AssertionError(f"{method} {path}: {answer.status_code} {answer.text[:500]}")
        return answer.json() if answer.content else {}

    def wait_for_dag(self, dag_id: str, timeout: float = 300) -> None:
        self._wait_until(
            lambda: self._get_ok(f"/api/v2/dags/{dag_id}", auth=True), timeout, f"the dag-processor to parse {dag_id}"
        )

    def runs(self, dag_id: str) -> list[dict]:
        return self.api("GET", f"/dags/{dag_id}/dagRuns", params={"order_by": "run_after"})["dag_runs"]

    def wait_for_run(self, dag_id: str, match, timeout: float) -> dict:
        """The first run of dag_id for which match(run) holds, once it has finished."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            self.check_services()
            found = [r for r in self.runs(dag_id) if match(r)]
            if found and found[0]["state"] in ("success", "failed"):
                return found[0]
            time.sleep(5)
        raise AssertionError(f"no finished {dag_id} run within {timeout}s: {self.runs(dag_id)}\n{self.tail()}")

    def task_states(self, dag_id: str, run_id: str) -> dict[str, str]:
        instances = self.api("GET", f"/dags/{dag_id}/dagRuns/{run_id}/taskInstances", params={"limit": 200})
        return {
            (t["task_id"] if t["map_index"] < 0 else f"{t['task_id']}[{t['map_index']}]"): t["state"]
            for t in instances["task_instances"]
        }

    def task_seconds(self, dag_id: str, run_id: str) -> dict[str, float]:
        """Each finished task's duration, the longest first."""
        instances = self.api("GET", f"/dags/{dag_id}/dagRuns/{run_id}/taskInstances", params={"limit": 200})
        seconds = {
            (t["task_id"] if t["map_index"] < 0 else f"{t['task_id']}[{t['map_index']}]"): t["duration"] or 0.0
            for t in instances["task_instances"]
        }
        return dict(sorted(seconds.items(), key=lambda item: -item[1]))

    def timeline(self, dag_id: str, run: dict) -> list[tuple[str, float, float]]:
        """Each task's start and end, in seconds from the run's start, in the order they started."""
        from datetime import datetime

        began = datetime.fromisoformat(run["start_date"])
        instances = self.api("GET", f"/dags/{dag_id}/dagRuns/{run['dag_run_id']}/taskInstances", params={"limit": 200})
        return sorted(
            (
                (
                    t["task_id"],
                    (datetime.fromisoformat(t["start_date"]) - began).total_seconds(),
                    (datetime.fromisoformat(t["end_date"]) - began).total_seconds(),
                )
                for t in instances["task_instances"]
                if t["start_date"] and t["end_date"]
            ),
            key=lambda row: row[1],
        )

    def task_log(self, dag_id: str, run_id: str, task_id: str, try_number: int = 1) -> str:
        answer = self.api(
            "GET",
            f"/dags/{dag_id}/dagRuns/{run_id}/taskInstances/{task_id}/logs/{try_number}",
            params={"full_content": "true"},
        )
        content = answer.get("content", "")
        return (
            "\n".join(str(e.get("event", e)) if isinstance(e, dict) else str(e) for e in content)
            if isinstance(content, list)
            else str(content)
        )

    # --- health -------------------------------------------------------------------------
    def check_services(self) -> None:
        dead = {name: p.returncode for name, p in self.processes.items() if p.poll() is not None}
        if dead:
            raise AssertionError(f"Airflow services exited: {dead}\n{self.tail()}")

    def tail(self, lines: int = 25) -> str:
        return "\n".join(
            f"--- {p.name}\n" + "\n".join(p.read_text(errors="replace").splitlines()[-lines:])
            for p in sorted(self.logs.glob("*.log"))
        )

    def _get_ok(self, path: str, auth: bool = False) -> bool:
        headers = {"Authorization": f"Bearer {self.token()}"} if auth else {}
        try:
            return requests.get(f"{self.url}{path}", headers=headers, timeout=10).status_code == 200
        except requests.RequestException:
            return False

    def _wait_until(self, ready, timeout: float, what: str) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            self.check_services()
            if ready():
                return
            time.sleep(2)
        raise AssertionError(f"timed out after {timeout}s waiting for {what}\n{self.tail()}")


def _fernet_key() -> str:
    from cryptography.fernet import Fernet

    return Fernet.generate_key().decode()
