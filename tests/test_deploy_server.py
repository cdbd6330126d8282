"""prefect.yaml on a real Prefect server (loopback, sqlite) with real process workers.

One server for the module; every process is stopped in `finally`.
"""
from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

pytestmark = pytest.mark.server

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures" / "deploy"
PREFECT = [sys.executable, "-m", "prefect"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _stop(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


class Server:
    def __init__(self, home: Path):
        port = _free_port()
        self.api = f"http://127.0.0.1:{port}/api"
        self.env = {**os.environ,
                    "PREFECT_HOME": str(home), "PREFECT_API_URL": self.api,
                    "PREFECT_API_DATABASE_CONNECTION_URL": f"sqlite+aiosqlite:///{home}/prefect.db",
                    "PREFECT_SERVER_ANALYTICS_ENABLED": "false", "PREFECT_UI_ENABLED": "false",
                    "PREFECT_WORKER_QUERY_SECONDS": "1", "PREFECT_WORKER_HEARTBEAT_SECONDS": "5",
                    "PREFECT_WORKER_PREFETCH_SECONDS": "1",
                    "PREFECT_SERVER_SERVICES_SCHEDULER_RECENT_DEPLOYMENTS_LOOP_SECONDS": "2",
                    "DEIDFLOW_HOME": str(ROOT), "DEIDFLOW_TEST_FIXTURES": str(FIXTURES),
                    "DEIDFLOW_VAULT_KEY": "correct horse battery staple for tests",
                    "PYTHONPATH": str(ROOT)}
        self.port = port
        self.log = home / "server.log"

    def start(self) -> None:
        self.proc = subprocess.Popen(PREFECT + ["server", "start", "--host", "127.0.0.1", "--port", str(self.port)],
                                     env=self.env, stdout=open(self.log, "w"), stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            assert self.proc.poll() is None, self.log.read_text()[-3000:]
            try:
                with urllib.request.urlopen(self.api + "/health", timeout=2) as r:
                    if r.status == 200:
                        return
            except OSError:
                time.sleep(0.5)
        raise AssertionError("server did not come up: " + self.log.read_text()[-3000:])

    def cli(self, *args: str, cwd: Path = ROOT, timeout: float = 120) -> str:
        r = subprocess.run(PREFECT + ["--no-prompt", *args], env=self.env, cwd=cwd, capture_output=True,
                           text=True, timeout=timeout)
        assert r.returncode == 0, f"prefect {' '.join(args)}:\n{r.stdout[-3000:]}\n{r.stderr[-3000:]}"
        return r.stdout

    def _call(self, req: urllib.request.Request) -> object:
        for attempt in range(10):
            try:
                # A SQLite server on two busy cores can take tens of seconds to answer one filter.
                with urllib.request.urlopen(req, timeout=60) as r:
                    return json.loads(r.read() or b"null")
            except urllib.error.HTTPError as exc:   # sqlite busy under load: 503, try again
                if exc.code != 503 or attempt == 9:
                    raise
                time.sleep(1)
            except (TimeoutError, urllib.error.URLError):
                # a request stuck behind a locked SQLite database (Prefect's known "database is locked"):
                # a read may be asked again; a write may have landed, so it is not
                if req.get_method() != "GET" or attempt == 9:
                    raise

    def api_post(self, path: str, body: dict) -> object:
        return self._call(urllib.request.Request(self.api + path, data=json.dumps(body).encode(), method="POST",
                                                 headers={"Content-Type": "application/json"}))

    def api_get(self, path: str) -> object:
        return self._call(urllib.request.Request(self.api + path))

    def deployment(self, name: str) -> dict:
        return self.api_get(f"/deployments/name/{name}")

    def create_run(self, name: str, parameters: dict) -> str:
        dep = self.deployment(name)
        return self.api_post(f"/deployments/{dep['id']}/create_flow_run", {"parameters": parameters})["id"]

    def run(self, run_id: str) -> dict:
        return self.api_get(f"/flow_runs/{run_id}")

    def worker(self, name: str, *args: str, env: dict | None = None) -> subprocess.Popen:
        log = open(self.log.parent / f"worker-{name}.log", "w")
        return subprocess.Popen(PREFECT + ["worker", "start", "--pool", "deidflow-pool", "--name", name,
                                           "--type", "process", *args],
                                env={**self.env, **(env or {})}, cwd=self.log.parent,
                                stdout=log, stderr=subprocess.STDOUT)


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    srv = Server(tmp_path_factory.mktemp("prefect"))
    srv.start()
    try:
        srv.cli("work-pool", "create", "deidflow-pool", "--type", "process")
        yield srv
    finally:
        _stop(srv.proc)


def _wait_final(server: Server, run_ids: list[str], timeout: float) -> list[dict]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        runs = [server.run(r) for r in run_ids]
        if all(r["state"] and r["state"]["type"] in ("COMPLETED", "FAILED", "CRASHED", "CANCELLED")
               for r in runs):
            return runs
        time.sleep(1)
    return [server.run(r) for r in run_ids]


def test_prefect_yaml_deploys_nightly_schedule_and_a_worker_completes_a_run(server, tmp_path):
    server.cli("deploy", "--all", timeout=180)
    nightly = server.deployment("process-interviews/nightly")
    [sched] = nightly["schedules"]
    assert sched["schedule"]["cron"] == "0 1 * * *" and sched["schedule"]["timezone"] and sched["active"]
    assert nightly["work_pool_name"] == "deidflow-pool" and nightly["work_queue_name"] == "batch"
    assert server.deployment("process-interviews/on-demand")["schedules"] == []
    # The scheduler service turns the cron into real scheduled runs at 01:00 local time.
    deadline, scheduled = time.monotonic() + 60, []
    while not scheduled and time.monotonic() < deadline:
        scheduled = server.api_post("/flow_runs/filter", {
            "deployments": {"id": {"any_": [nightly["id"]]}}, "flow_runs": {"state": {"type": {"any_": ["SCHEDULED"]}}}})
        time.sleep(1)
    assert scheduled, "the scheduler created no nightly runs"
    tz = ZoneInfo(sched["schedule"]["timezone"])
    starts = {datetime.fromisoformat(r["expected_start_time"]).astimezone(tz).strftime("%H:%M") for r in scheduled}
    assert starts == {"01:00"}
    assert server.deployment("process-interview/process-interview")["work_queue_name"] == "recordings"

    # A real worker runs the one-recording deployment on an empty transcript folder
    # through the real flow: an unsupported file is a clean, reported failure, so
    # use a transcript whose processing must complete.
    inbox = tmp_path / "in"
    inbox.mkdir()
    (inbox / "t1.vtt").write_text("WEBVTT\n\n00:00:00.000 --> 00:00:03.000\n<v Interviewer>How was the week?\n\n"
                                  "00:00:03.000 --> 00:00:06.000\n<v Participant>It was calm, thank you.\n")
    run_id = server.create_run("process-interview/process-interview",
                               {"path": str(inbox / "t1.vtt"), "output_dir": str(tmp_path / "out"),
                                "vault_dir": str(tmp_path / "vault"), "formats": ["docx"]})
    worker = server.worker("w-deploy", "--work-queue", "recordings", "--run-once")
    try:
        [run] = _wait_final(server, [run_id], 150)
    finally:
        _stop(worker)
    log = (server.log.parent / "worker-w-deploy.log").read_text()
    assert run["state"]["type"] == "COMPLETED", log[-3000:]
    assert (tmp_path / "out" / "t1" / "transcript.json").exists()


def test_two_workers_share_one_batch(server):
    server.cli("deploy", "--all", "--prefect-file", str(FIXTURES / "prefect.yaml"), cwd=FIXTURES)
    run_ids = [server.create_run("sleepy/sleepy", {"seconds": 4}) for _ in range(4)]
    workers = [server.worker(name, "--work-queue", "recordings", "--limit", "1",
                             env={"DEIDFLOW_TEST_WORKER": name}) for name in ("w-a", "w-b")]
    try:
        runs = _wait_final(server, run_ids, 90)
    finally:
        for w in workers:
            _stop(w)
    assert [r["state"]["type"] for r in runs] == ["COMPLETED"] * 4, runs
    pids = {r["infrastructure_pid"] for r in runs}
    assert len(pids) == 4
    results = {}
    for r in runs:   # which worker ran it: from the flow run's own logs
        logs = server.api_post("/logs/filter", {"logs": {"flow_run_id": {"any_": [r["id"]]}}})
        names = {name for name in ("w-a", "w-b") for l in logs if name in l["message"]}
        results[r["id"]] = names
    taken = {n for names in results.values() for n in names}
    assert taken == {"w-a", "w-b"}, results
