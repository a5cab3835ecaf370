"""scraper/workers.py: WorkerPool inline and with real worker processes, the warm-up, and workers
that end with their parent."""

from __future__ import annotations

import json
import logging
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from scraper import settings
from scraper.workers import WarmUpError, WorkerPool

ROOT = Path(__file__).resolve().parent.parent


def run_inline(coro):
    """Drive a coroutine that never suspends (the 0-worker path needs no reactor)."""
    try:
        coro.send(None)
    except StopIteration as stop:
        return stop.value
    coro.close()
    raise AssertionError("the inline pool suspended")


def python(code: str, **kwargs) -> subprocess.Popen:
    """A Python process running ``code`` with the repository first on its path."""
    return subprocess.Popen([sys.executable, "-c", code], cwd=ROOT, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, **kwargs)


def alive(pid: int) -> bool:
    """True while ``pid`` runs (an exited process not yet reaped, a zombie, counts as gone)."""
    stat = Path(f"/proc/{pid}/stat")
    if Path("/proc/self/stat").exists():
        try:
            state = stat.read_text().rsplit(")", 1)[1].split()[0]
        except (FileNotFoundError, ProcessLookupError):
            return False
        return state not in ("Z", "X")
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


# -- inline: 0 workers -----------------------------------------------------------------------------

def test_zero_workers_run_inline():
    pool = WorkerPool(0)
    assert pool.processes == []
    assert run_inline(pool.run(os.getpid)) == os.getpid()
    assert run_inline(pool.run(divmod, 7, 2)) == (3, 1)
    with pytest.raises(ValueError, match="invalid literal for int"):
        run_inline(pool.run(int, "not a number"))
    pool.close()
    pool.close()


def test_negative_worker_count_means_inline():
    assert WorkerPool(-3).processes == []


# -- real worker processes -------------------------------------------------------------------------

POOL_SCRIPT = r"""
import json, os, sys, threading, time
from concurrent.futures.process import BrokenProcessPool
from twisted.internet import defer, task
from scraper.pages.rules import parse_article
from scraper.parsers.errors import NotAnArticle
from scraper.workers import WorkerPool, call_each

LISTING = (b"<html><body><div class='blog'>" + b"".join(
    b"<div class='items-row'><div itemprop='blogPost' itemscope itemtype='https://schema.org/BlogPosting'>"
    b"<h2 itemprop='name'><a href='/index.php/news/%d-a'>t</a></h2><p>intro text</p></div></div>" % i
    for i in range(5)) + b"</div></body></html>")


async def main():
    pool = WorkerPool(1)
    out = {"parent": os.getpid()}
    try:
        out["pids"] = [await pool.run(os.getpid), await pool.run(os.getpid)]
        out["result"] = await pool.run(divmod, 7, 2)
        try:
            await pool.run(int, "not a number")
        except ValueError as exc:
            out["value_error"] = str(exc)
        try:
            await pool.run(parse_article, LISTING, "https://area5.labour.go.th/index.php/news")
        except NotAnArticle as exc:
            out["not_an_article"] = str(exc)
    finally:
        pool.close()
        pool.close()
    out["closed"] = pool.processes == []
    print(json.dumps(out))


async def many():
    # two workers: many tasks at once (more than the workers hold), results in order, an
    # unpicklable result, several calls in one task, and a worker that dies
    pool = WorkerPool(2)
    out = {}
    try:
        results = await defer.gatherResults([defer.ensureDeferred(pool.run(divmod, i, 7)) for i in range(500)])
        out["many"] = results == [divmod(i, 7) for i in range(500)]
        slow = [(time.sleep, (0.2,)), (os.getpid, ())]
        out["pids"] = len({each[1][1] for each in await defer.gatherResults(
            [defer.ensureDeferred(pool.run(call_each, slow)) for _ in range(6)])})
        try:
            await pool.run(here)  # a function of this script: a worker cannot import it
        except AttributeError as exc:
            out["not_importable"] = "here" in str(exc)
        try:
            await pool.run(threading.Lock)
        except RuntimeError as exc:
            out["unpicklable"] = str(exc).split(":")[0]
        out["each"] = [[ok, value if ok else type(value).__name__]
                       for ok, value in await pool.run(call_each, [(int, ("7",)), (int, ("x",))])]
        try:
            await pool.run(os._exit, 3)
        except BrokenProcessPool as exc:
            out["died"] = "ended" in str(exc)
        out["after"] = [await pool.run(divmod, 9, 2) for _ in range(4)]
        out["usage"] = pool.usage()["processes"]
    finally:
        pool.close()
    print(json.dumps(out))


def here():
    return 1


task.react(lambda reactor: defer.ensureDeferred(many() if sys.argv[1:] == ["many"] else main()))
"""


def test_one_worker_runs_in_another_process_and_raises_to_the_caller():
    proc = python(POOL_SCRIPT)
    stdout, stderr = proc.communicate(timeout=120)
    assert proc.returncode == 0, stderr.decode()[-3000:]
    out = json.loads(stdout)
    worker, again = out["pids"]
    assert worker == again != out["parent"]  # one worker, not the caller's process
    assert out["result"] == [3, 1]
    assert out["value_error"] == "invalid literal for int() with base 10: 'not a number'"
    assert out["not_an_article"].startswith("listing page")  # the project's own exception type crosses
    assert out["closed"]


def test_two_workers_share_many_tasks_and_survive_a_dead_one():
    proc = subprocess.Popen([sys.executable, "-c", POOL_SCRIPT, "many"], cwd=ROOT, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)
    stdout, stderr = proc.communicate(timeout=120)
    assert proc.returncode == 0, stderr.decode()[-3000:]
    out = json.loads(stdout)
    assert out["many"]
    assert out["pids"] == 2  # both workers took tasks
    assert out["not_importable"]  # its task fails, the pool goes on
    assert out["unpicklable"] == "worker result could not be pickled"
    assert out["each"] == [[True, 7], [False, "ValueError"]]
    assert out["died"]  # the task whose worker ended fails with BrokenProcessPool ...
    assert out["after"] == [[4, 1]] * 4  # ... and the other worker takes the next ones
    assert "parsing worker" in stderr.decode() and "ended" in stderr.decode()


# -- warm-up ---------------------------------------------------------------------------------------

def test_configured_warm_up_succeeds_in_a_worker():
    """The warm-up the crawl configures really runs (it once called a function that no longer existed)."""
    pool = WorkerPool(1, warm_up=settings.LABOUR_WORKER_WARM_UP)
    try:
        pool.check_warm_up(timeout=120)
    finally:
        pool.close()


def test_failed_warm_up_is_logged_and_raised(caplog):
    caplog.set_level(logging.ERROR, logger="scraper.workers")
    pool = WorkerPool(1, warm_up="pipelines.normalize._tokenizer")
    try:
        with pytest.raises(WarmUpError, match="pipelines.normalize._tokenizer failed: AttributeError") as err:
            pool.check_warm_up(timeout=120)
        assert isinstance(err.value.__cause__, AttributeError)
        deadline = time.monotonic() + 10  # logged when the warm-up's result is read
        while not caplog.records and time.monotonic() < deadline:
            time.sleep(0.05)
        assert [r.getMessage().split(":")[0] for r in caplog.records] == [
            "worker warm-up pipelines.normalize._tokenizer failed"]
    finally:
        pool.close()


# -- workers end with their parent -----------------------------------------------------------------

ORPHANING_SCRIPT = r"""
import time
from scraper.workers import WorkerPool

pool = WorkerPool(2, warm_up="time.time")
pool.check_warm_up(timeout=120)  # both workers started and watch their parent
print(" ".join(str(pid) for pid in pool.pids), flush=True)
time.sleep(600)
"""


def test_workers_exit_when_their_parent_is_killed():
    parent = python(ORPHANING_SCRIPT)
    try:
        line = parent.stdout.readline().decode()
        pids = [int(p) for p in line.split()]
        assert len(pids) == 2, (line, parent.stderr.read().decode()[-3000:] if parent.poll() is not None else "")
        assert all(alive(pid) for pid in pids)
    finally:
        parent.send_signal(signal.SIGKILL)
        parent.wait(timeout=30)
    deadline = time.monotonic() + 10
    while any(alive(pid) for pid in pids) and time.monotonic() < deadline:
        time.sleep(0.1)
    survivors = [pid for pid in pids if alive(pid)]
    for pid in survivors:  # don't leave them behind for the rest of the suite
        os.kill(pid, signal.SIGKILL)
    assert not survivors, f"workers {survivors} outlived their SIGKILLed parent"
