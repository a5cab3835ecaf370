"""Deployment to Scrapyd, end to end: build the egg with scrapyd-client, upload it to a real scrapyd
on 127.0.0.1, schedule the ``portal`` spider against the demo portal (served in this process) and
check the job's records."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
import zipfile
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode

import pytest

from pipelines.validate import validation_errors
from scraper.demo.server import PortalServer
from scraper.registry import load_sites
from tests.crawling import DEMO_SITE, ROOT, article_number, manifest, read_jsonl

#: one xdist worker runs the module, so that its module-scoped egg (scrapyd-deploy) is built once
pytestmark = pytest.mark.xdist_group("test_scrapyd")

PROJECT = "labour_scraper"  # scrapy.cfg [deploy] project
SPIDER = "portal"
JOB_TIMEOUT = 180.0
#: What the egg is built from (copied, so the build leaves nothing in the working tree).
BUILD_INPUTS = ("scrapy.cfg", "pyproject.toml", "README.md", "scraper", "pipelines")


def tail(path: Path, chars: int = 6000) -> str:
    if not path.exists():
        return f"<{path} does not exist>"
    return path.read_text(encoding="utf-8", errors="replace")[-chars:]


# --- the egg -------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def egg(tmp_path_factory) -> Path:
    """``scrapyd-deploy --build-egg`` run on a copy of the project's build inputs."""
    base = tmp_path_factory.mktemp("egg")
    src = base / "project"
    src.mkdir()
    for name in BUILD_INPUTS:
        path = ROOT / name
        if not path.exists():  # no setup.py: scrapyd-deploy writes its own
            continue
        if path.is_dir():
            shutil.copytree(path, src / name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        else:
            shutil.copy2(path, src / name)
    out = base / f"{PROJECT}.egg"
    proc = subprocess.run([sys.executable, "-m", "scrapyd_client.deploy", "--build-egg", str(out), "--debug"],
                          cwd=src, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0 and out.exists(), (
        f"scrapyd-deploy --build-egg failed ({proc.returncode}):\n{proc.stdout[-3000:]}\n{proc.stderr[-5000:]}")
    return out


def test_egg_holds_both_packages_the_package_data_and_the_settings_entry_point(egg):
    with zipfile.ZipFile(egg) as zf:
        names = set(zf.namelist())
        entry_points = zf.read("EGG-INFO/entry_points.txt").decode("utf-8")
    for required in ("scraper/__init__.py", "scraper/settings.py", "scraper/spiders/portal.py",
                     "scraper/sites.toml", "scraper/schema/record.schema.json", "pipelines/__init__.py"):
        assert required in names, f"{required} missing from the egg: {sorted(names)}"
    for module in sorted((ROOT / "pipelines").glob("*.py")):
        assert f"pipelines/{module.name}" in names, f"pipelines/{module.name} missing from the egg"
    for schema in sorted((ROOT / "scraper" / "schema").glob("*.json")):
        assert f"scraper/schema/{schema.name}" in names, f"scraper/schema/{schema.name} missing from the egg"
    # scrapyd.runner finds the settings module through this entry point.
    lines = [line.strip() for line in entry_points.splitlines()]
    assert "[scrapy]" in lines and "settings = scraper.settings" in lines, entry_points
    assert not any(n.startswith(("tests/", "fixtures/", "benchmarks/")) for n in names)


# --- a real scrapyd ------------------------------------------------------------------------------

def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class Scrapyd:
    proc: subprocess.Popen
    url: str
    workdir: Path
    stdout: Path

    def logs_dir(self) -> Path:
        return self.workdir / "logs"

    def items_dir(self) -> Path:
        return self.workdir / "items"

    def job_log(self, job: str) -> Path:
        return self.logs_dir() / PROJECT / SPIDER / f"{job}.log"

    def job_items(self, job: str) -> Path:
        return self.items_dir() / PROJECT / SPIDER / f"{job}.jl"

    def diagnostics(self, job: str | None = None) -> str:
        text = f"\n--- scrapyd output ({self.stdout}) ---\n{tail(self.stdout, 4000)}"
        if job:
            text += f"\n--- job log ({self.job_log(job)}) ---\n{tail(self.job_log(job))}"
        return text

    def request(self, endpoint: str, data: bytes | None = None, headers: dict | None = None,
                timeout: float = 120) -> dict:
        req = urllib.request.Request(self.url + endpoint, data=data, headers=headers or {})
        try:
            with urllib.request.urlopen(req, timeout=timeout) as resp:
                body = resp.read()
        except urllib.error.HTTPError as exc:
            raise AssertionError(f"{endpoint}: HTTP {exc.code}: {exc.read()[:2000]!r}{self.diagnostics()}") from exc
        answer = json.loads(body)
        assert answer.get("status") == "ok", f"{endpoint}: {answer}{self.diagnostics()}"
        return answer

    def get(self, endpoint: str, **params: str) -> dict:
        return self.request(endpoint + ("?" + urlencode(params) if params else ""), timeout=30)

    def post_form(self, endpoint: str, fields: list[tuple[str, str]]) -> dict:
        return self.request(endpoint, urlencode(fields).encode("ascii"),
                            {"Content-Type": "application/x-www-form-urlencoded"})

    def add_version(self, egg: Path, version: str) -> dict:
        """``addversion.json``: a multipart/form-data POST, like ``curl -F egg=@file``."""
        boundary = uuid.uuid4().hex
        body = b""
        for name, value in (("project", PROJECT), ("version", version)):
            body += (f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'
                     f"{value}\r\n").encode()
        body += (f'--{boundary}\r\nContent-Disposition: form-data; name="egg"; filename="{egg.name}"\r\n'
                 "Content-Type: application/octet-stream\r\n\r\n").encode()
        body += egg.read_bytes() + f"\r\n--{boundary}--\r\n".encode()
        return self.request("addversion.json", body, {"Content-Type": f"multipart/form-data; boundary={boundary}"})

    def wait_for_job(self, job: str, timeout: float = JOB_TIMEOUT) -> dict:
        deadline = time.monotonic() + timeout
        state = None
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise AssertionError(f"scrapyd exited ({self.proc.returncode}) during the job{self.diagnostics(job)}")
            jobs = self.get("listjobs.json", project=PROJECT)
            for state in ("pending", "running", "finished"):
                match = [j for j in jobs[state] if j["id"] == job]
                if match and state == "finished":
                    return match[0]
                if match:
                    break
            else:
                state = "unknown to scrapyd"
            time.sleep(0.5)
        raise AssertionError(f"job {job} not finished after {timeout:.0f}s (last state: {state}){self.diagnostics(job)}")


def stop(proc: subprocess.Popen) -> None:
    """Terminate scrapyd and anything it launched (its own process group), then kill what is left."""
    if proc.poll() is None:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            pass
    with contextlib.suppress(ProcessLookupError):  # crawl processes may outlive a terminated scrapyd
        os.killpg(proc.pid, signal.SIGKILL)
    proc.wait(timeout=15)


def start_scrapyd(workdir: Path, env: dict | None = None, max_proc: int = 1, jobs_to_keep: int = 5) -> Scrapyd:
    """A scrapyd on 127.0.0.1 in ``workdir``; ``env`` is added to its environment (its jobs inherit it)."""
    port = free_port()
    dirs = {name: workdir / name for name in ("eggs", "logs", "items", "dbs")}
    # Scrapyd and its runner (a subprocess per job) read ./scrapyd.conf from the working directory.
    (workdir / "scrapyd.conf").write_text(
        "[scrapyd]\n"
        "bind_address = 127.0.0.1\n"
        f"http_port = {port}\n"
        f"eggs_dir = {dirs['eggs']}\n"
        f"logs_dir = {dirs['logs']}\n"
        f"items_dir = {dirs['items']}\n"
        f"dbs_dir = {dirs['dbs']}\n"
        f"jobs_to_keep = {jobs_to_keep}\n"
        f"max_proc = {max_proc}\n"
        "poll_interval = 0.2\n",
        encoding="utf-8",
    )
    stdout = workdir / "scrapyd.out"
    with stdout.open("wb") as out:
        proc = subprocess.Popen([sys.executable, "-m", "scrapyd", "--pidfile", str(workdir / "twistd.pid")],
                                cwd=workdir, stdout=out, stderr=subprocess.STDOUT, start_new_session=True,
                                env={**os.environ, **(env or {})})
    server = Scrapyd(proc, f"http://127.0.0.1:{port}/", workdir, stdout)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise OSError(f"scrapyd exited ({proc.returncode}) on port {port}{server.diagnostics()}")
        try:
            with urllib.request.urlopen(server.url + "daemonstatus.json", timeout=2) as resp:
                if json.loads(resp.read()).get("status") == "ok":
                    return server
        except (OSError, ValueError):
            pass
        time.sleep(0.2)
    stop(proc)
    raise AssertionError(f"scrapyd did not answer daemonstatus.json within 60s{server.diagnostics()}")


def start_scrapyd_retrying(parent: Path, name: str, **kwargs) -> Scrapyd:
    """:func:`start_scrapyd` in ``parent/<name>0`` (then ``<name>1``, ``<name>2``): the free port may be
    taken by someone else (another xdist worker, say) before scrapyd binds it."""
    error = None
    for attempt in range(3):
        workdir = parent / f"{name}{attempt}"
        workdir.mkdir()
        try:
            return start_scrapyd(workdir, **kwargs)
        except OSError as exc:
            error = exc
    raise AssertionError(f"scrapyd did not start: {error}")


@pytest.fixture
def scrapyd(tmp_path):
    server = start_scrapyd_retrying(tmp_path, "scrapyd")
    try:
        yield server
    finally:
        stop(server.proc)


#: Run where scrapyd runs a job: what the activated egg provides (code, settings, package data).
EGG_PROBE = """
import json, os
from scrapyd.runner import project_environment
with project_environment(os.environ["SCRAPY_PROJECT"]):
    import pipelines, scraper
    from scraper.registry import load_sites
    print(json.dumps({"scraper": scraper.__file__, "pipelines": pipelines.__file__,
                      "settings": os.environ["SCRAPY_SETTINGS_MODULE"], "sites": sorted(load_sites())}))
"""


def test_scrapyd_runs_the_deployed_spider_on_the_demo_portal(egg, scrapyd, tmp_path):
    deployed = scrapyd.add_version(egg, "1")
    assert deployed["project"] == PROJECT and deployed["spiders"] == 1, deployed
    assert scrapyd.get("listspiders.json", project=PROJECT)["spiders"] == [SPIDER]

    # Jobs import the project from the deployed egg (not from this working tree) and find sites.toml in it.
    probe = subprocess.run([sys.executable, "-c", EGG_PROBE], cwd=scrapyd.workdir, capture_output=True, text=True,
                           env={**os.environ, "SCRAPY_PROJECT": PROJECT}, timeout=120)
    assert probe.returncode == 0, probe.stderr[-3000:]
    seen = json.loads(probe.stdout.splitlines()[-1])
    eggs_dir = str(scrapyd.workdir / "eggs")
    assert seen["scraper"].startswith(eggs_dir) and seen["pipelines"].startswith(eggs_dir), seen
    assert seen["settings"] == "scraper.settings"
    assert "area10" in seen["sites"] and seen["sites"] == sorted(load_sites()), seen["sites"][:10]

    output = tmp_path / "scrapyd.jsonl"
    with PortalServer(DEMO_SITE) as portal:
        scheduled = scrapyd.post_form("schedule.json", [
            ("project", PROJECT), ("spider", SPIDER), ("start_url", portal.base_url),
            ("setting", "DOWNLOAD_DELAY=0"), ("setting", "AUTOTHROTTLE_ENABLED=False"),
            ("setting", "RETRY_BACKOFF_BASE=0.05"), ("setting", f"LABOUR_OUTPUT={output}"),
        ])
        job = scheduled["jobid"]
        scrapyd.wait_for_job(job)

    diagnostics = scrapyd.diagnostics(job)
    log = scrapyd.job_log(job).read_text(encoding="utf-8", errors="replace")
    assert "'finish_reason': 'finished'" in log, f"the crawl did not finish cleanly{diagnostics}"
    assert "Traceback" not in log, f"errors in the job log{diagnostics}"
    assert "Process died" not in tail(scrapyd.stdout, 10**6), f"the crawl process failed{diagnostics}"

    records = read_jsonl(output)
    assert records, f"no records in LABOUR_OUTPUT {output}{diagnostics}"
    numbers = [article_number(r["id"]) for r in records]
    assert len(numbers) == len(set(numbers)), f"duplicate records{diagnostics}"
    assert all(r["id"].startswith("127.0.0.1:") for r in records), [r["id"] for r in records[:5]]
    expected = {article_number(a["id"]) for a in manifest()["articles"]}
    assert set(numbers) == expected, (
        f"missing {sorted(expected - set(numbers))[:20]}, unexpected {sorted(set(numbers) - expected)[:20]}"
        f"{diagnostics}")
    invalid = {r["id"]: errors for r in records if (errors := validation_errors(r))}
    assert not invalid, dict(list(invalid.items())[:5])

    # scrapyd's own items feed (items_dir) holds the same records.
    feed = read_jsonl(scrapyd.job_items(job))
    assert sorted(r["id"] for r in feed) == sorted(r["id"] for r in records), f"items feed differs{diagnostics}"
