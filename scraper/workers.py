"""Worker processes for the CPU-bound steps of a crawl: parsing pages and normalizing records.

Scrapy runs callbacks and pipelines on its single reactor thread, so extraction (lxml, Thai text
normalization, word segmentation) competes with the downloader for one core. With
``LABOUR_WORKERS = N`` (N >= 1) those steps run in N worker processes and the reactor only
awaits their results; with 0 they run in-process. The spider and the pipelines share one pool
per crawler.

The pool talks to its workers over two pipes each, read and written by the reactor itself
(non-blocking, one length-prefixed pickle a task and a result): no thread in the crawl process.
``concurrent.futures.ProcessPoolExecutor``, used before, moves every task and result through a
queue-feeder thread and a result thread; those threads and the reactor took turns on the GIL for
every page, each turn up to the interpreter's 5 ms switch interval, and the reactor's lag went
into every download latency AutoThrottle measured (issue 10: 88 hosts crawled at ~0.9 s a
request instead of 0.5 s; ``docs/scaling.md``). Each worker holds at most :data:`IN_FLIGHT`
tasks (one being run, the others waiting in its pipe), so that it does not wait for the reactor
between two tasks; the rest wait in the pool, and go to the worker with the fewest.

Workers run at a lower CPU priority (``nice``, :data:`WORKER_NICE`): on a machine short of cores
the reactor, whose delays become the portals' intervals, gets the CPU first; the workers'
throughput does not depend on when they run.

This module imports nothing of the project: what a worker loads ahead of its first task is named
by the ``LABOUR_WORKER_WARM_UP`` setting (a dotted path, called in each worker when it starts).
A warm-up that fails is logged at ERROR as soon as its result is read (by the reactor, or by
:meth:`WorkerPool.check_warm_up`, which raises it).

Workers end with the process that started them, even when it is SIGKILLed: on Linux through
``prctl(PR_SET_PDEATHSIG, SIGTERM)``, elsewhere through a thread watching the parent's pid. A
worker that dies fails its tasks in flight (``BrokenProcessPool``); later tasks go to the others,
or run in the crawl's own process when none is left.
"""

from __future__ import annotations

import ctypes
import importlib
import itertools
import logging
import multiprocessing
import os
import pickle
import resource
import select
import signal
import struct
import sys
import threading
import time
import traceback
import weakref
from collections import deque
from concurrent.futures.process import BrokenProcessPool

from twisted.internet.defer import Deferred

try:
    import fcntl
except ImportError:  # not on Windows
    fcntl = None

logger = logging.getLogger(__name__)

_POOLS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()

#: ``PR_SET_PDEATHSIG`` of ``<linux/prctl.h>``: the signal a process gets when its parent dies.
_PR_SET_PDEATHSIG = 1

#: ``ru_maxrss`` is in kilobytes on Linux, in bytes on macOS.
_MAXRSS_UNIT = 1 if sys.platform == "darwin" else 1024

#: Tasks a worker holds at once: the one it runs and those waiting in its pipe. The reactor
#: reads results and sends tasks between its other work; a worker that held only its next task
#: waited for it (two tasks are ~12 ms of parsing, a busy reactor's turn is 10-40 ms): in the
#: 88-host bench two workers with work waiting in the pool used 0.9 of 2 cores.
IN_FLIGHT = 8

#: Pipe buffer asked for (Linux, F_SETPIPE_SZ; the default 64 KiB holds about ten results): a
#: worker blocks writing a result only when the reactor has not read this much.
PIPE_BYTES = 1 << 20

#: Niceness added to each worker (0: none), see the module docstring.
WORKER_NICE = 5

_FRAME = struct.Struct("!QQ")  # the length of the pickle that follows, the task's id
_READ_CHUNK = 1 << 18
_WARM_UP = 0  # the task id of a worker's warm-up result


class WarmUpError(RuntimeError):
    """A worker's warm-up raised; ``__cause__`` is the worker's exception."""


class RemoteTraceback(Exception):
    """The traceback of an exception raised in a worker (the ``__cause__`` of that exception as
    the caller sees it)."""

    def __init__(self, tb: str):
        super().__init__(tb)
        self.tb = tb

    def __str__(self) -> str:
        return self.tb


def _rebuild_exception(exc: BaseException, tb: str) -> BaseException:
    exc.__cause__ = RemoteTraceback(tb)
    return exc


class _ExceptionWithTraceback:
    """Pickles as the exception itself, with the worker's traceback attached as its cause."""

    def __init__(self, exc: BaseException):
        self.tb = '\n"""\n' + "".join(traceback.format_exception(type(exc), exc, exc.__traceback__)) + '"""'
        self.exc = exc.with_traceback(None)

    def __reduce__(self):
        return _rebuild_exception, (self.exc, self.tb)


# -- in the worker ---------------------------------------------------------------------------------

def _init_worker(parent_pid: int, nice: int = 0) -> None:
    # Ctrl-C reaches the whole process group: workers leave the graceful stop to Scrapy.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _exit_with_parent(parent_pid)
    if nice:
        try:
            os.nice(nice)
        except OSError:
            pass


def _exit_with_parent(parent_pid: int) -> None:
    """End this worker when ``parent_pid`` dies (SIGKILL included) instead of outliving it.

    PR_SET_PDEATHSIG fires when the *thread* that started the worker ends; the pool's workers are
    started by the thread that makes the pool (the reactor's, i.e. the main thread, in a crawl).
    """
    watched = False
    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            watched = libc.prctl(_PR_SET_PDEATHSIG, signal.SIGTERM, 0, 0, 0) == 0
        except (OSError, AttributeError):
            watched = False
    if not watched:
        threading.Thread(target=_watch_parent, args=(parent_pid,), name="parent-watch", daemon=True).start()
    if os.getppid() != parent_pid:  # the parent died before the watch was in place
        os._exit(1)


def _watch_parent(parent_pid: int, interval: float = 1.0) -> None:
    stop = threading.Event()
    while not stop.wait(interval):
        if os.getppid() != parent_pid:  # reparented: the parent is gone
            os._exit(1)


def call_by_name(path: str):
    """Import ``package.module.function`` and call it (in a worker: the warm-up)."""
    module, _, name = path.rpartition(".")
    if not module:
        raise ValueError(f"not a dotted path to a function: {path!r}")
    return getattr(importlib.import_module(module), name)()


def call_each(calls: list[tuple]) -> list[tuple[bool, object]]:
    """``[(fn, args), ...]`` -> ``[(True, result) or (False, exception), ...]``: several calls on
    one page in one task (the page's bytes, the same object in each call's arguments, are pickled
    once)."""
    out = []
    for fn, args in calls:
        try:
            out.append((True, fn(*args)))
        except Exception as exc:  # noqa: BLE001 - handed to the caller, which decides
            out.append((False, exc))
    return out


def _read_exactly(fd: int, n: int) -> bytes | None:
    parts, left = [], n
    while left:
        chunk = os.read(fd, min(left, _READ_CHUNK))
        if not chunk:
            return None
        parts.append(chunk)
        left -= len(chunk)
    return b"".join(parts)


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]


def _result_frame(task_id: int, ok: bool, value) -> bytes:
    """``(task id, ok, value, pid, CPU seconds so far, peak RSS bytes)`` as one frame: the crawl's
    summary counts the workers' CPU and memory (one getrusage call, about a microsecond, a task)."""
    try:
        value = pickle.dumps(value, pickle.HIGHEST_PROTOCOL)
    except Exception as exc:  # noqa: BLE001 - an unpicklable result or exception: say so instead
        value = pickle.dumps(RuntimeError(f"worker result could not be pickled: {type(exc).__name__}: {exc}; "
                                          f"the {'result' if ok else 'exception'} was {type(value).__name__}"))
        ok = False
    usage = resource.getrusage(resource.RUSAGE_SELF)
    # the value pickled on its own: a value the crawl cannot unpickle fails its task, not the pool
    data = pickle.dumps((ok, value, os.getpid(), usage.ru_utime + usage.ru_stime, usage.ru_maxrss * _MAXRSS_UNIT),
                        pickle.HIGHEST_PROTOCOL)
    return _FRAME.pack(len(data), task_id) + data


def _worker_main(tasks, results, parent_pid: int, warm_up: str | None, nice: int) -> None:
    """A worker: run the warm-up, then each task read from ``tasks``, answering on ``results``,
    until ``tasks`` ends (the pool closed it, or the crawl's process is gone)."""
    _init_worker(parent_pid, nice)
    rfd, wfd = tasks.fileno(), results.fileno()
    if warm_up:
        try:
            call_by_name(warm_up)
            frame = _result_frame(_WARM_UP, True, None)
        except BaseException as exc:  # noqa: BLE001 - reported to the pool, which raises it
            frame = _result_frame(_WARM_UP, False, _ExceptionWithTraceback(exc))
        _write_all(wfd, frame)
    while True:
        header = _read_exactly(rfd, _FRAME.size)
        if header is None:
            break
        size, task_id = _FRAME.unpack(header)
        data = _read_exactly(rfd, size)
        if data is None:
            break
        try:
            fn, args = pickle.loads(data)  # may fail too (a function this process cannot import)
            frame = _result_frame(task_id, True, fn(*args))
        except BaseException as exc:  # noqa: BLE001 - the caller's exception, raised on its side
            frame = _result_frame(task_id, False, _ExceptionWithTraceback(exc))
        _write_all(wfd, frame)


# -- in the crawl ----------------------------------------------------------------------------------

class _Worker:
    """One worker process and the crawl's ends of its two pipes (non-blocking)."""

    def __init__(self, pool: WorkerPool, ctx, warm_up: str | None, nice: int):
        self.pool = pool
        tasks_r, tasks_w = ctx.Pipe(duplex=False)
        results_r, results_w = ctx.Pipe(duplex=False)
        self.process = ctx.Process(target=_worker_main, args=(tasks_r, results_w, os.getpid(), warm_up, nice),
                                   name="labour-worker", daemon=True)
        self.process.start()
        tasks_r.close()
        results_w.close()
        self._tasks, self._results = tasks_w, results_r  # they own the file descriptors
        self.wfd, self.rfd = tasks_w.fileno(), results_r.fileno()
        os.set_blocking(self.wfd, False)
        os.set_blocking(self.rfd, False)
        for fd in (self.wfd, self.rfd):
            _grow_pipe(fd)
        self.pid = self.process.pid
        self.alive = True
        self.in_flight: dict[int, Deferred] = {}
        self.warming = bool(warm_up)
        self._out = bytearray()
        self._in = bytearray()
        self.reader = _PipeEnd(self, self.rfd)
        self.writer = _PipeEnd(self, self.wfd)
        self._reading = self._writing = False

    # the reactor's side
    def watch(self, reactor) -> None:
        if self.alive and not self._reading:
            reactor.addReader(self.reader)
            self._reading = True

    def send(self, task_id: int, fn, args, d: Deferred) -> None:
        try:
            data = pickle.dumps((fn, args), pickle.HIGHEST_PROTOCOL)
        except Exception as exc:  # noqa: BLE001 - an argument that cannot go to a worker: the caller's error
            d.errback(exc)
            return
        self.in_flight[task_id] = d
        self._out += _FRAME.pack(len(data), task_id)
        self._out += data
        self.flush()

    def flush(self) -> None:
        try:
            while self._out:
                written = os.write(self.wfd, self._out)
                del self._out[:written]
        except BlockingIOError:
            pass
        except OSError as exc:  # EPIPE: the worker is gone
            self.died(f"{type(exc).__name__}: {exc}")
            return
        from twisted.internet import reactor

        if self._out and not self._writing:
            reactor.addWriter(self.writer)
            self._writing = True
        elif not self._out and self._writing:
            reactor.removeWriter(self.writer)
            self._writing = False

    def read(self) -> list[tuple]:
        """Whatever whole results the pipe holds now (never blocks); [] when none."""
        eof = False
        try:
            while True:
                chunk = os.read(self.rfd, _READ_CHUNK)
                if not chunk:
                    eof = True
                    break
                self._in += chunk
        except BlockingIOError:
            pass
        except OSError as exc:
            logger.error("worker %s: reading its results failed: %s", self.pid, exc)
            eof = True
        messages = []
        while len(self._in) >= _FRAME.size:
            n, task_id = _FRAME.unpack_from(self._in)
            if len(self._in) < _FRAME.size + n:
                break
            messages.append((task_id, *pickle.loads(bytes(self._in[_FRAME.size:_FRAME.size + n]))))
            del self._in[:_FRAME.size + n]
        if eof:
            messages.append(None)  # after the results it sent before it ended
        return messages

    def died(self, why: str) -> None:
        if not self.alive:
            return
        self.alive = False
        self.stop_watching()
        self.process.join(timeout=1)
        code = self.process.exitcode
        lost = list(self.in_flight.values())
        self.in_flight.clear()
        logger.error("parsing worker %s ended (%s, exit code %s) with %d task(s) in flight", self.pid, why, code,
                     len(lost))
        for d in lost:
            d.errback(BrokenProcessPool(f"worker {self.pid} ended ({why}, exit code {code})"))

    def stop_watching(self) -> None:
        from twisted.internet import reactor

        if self._reading:
            reactor.removeReader(self.reader)
            self._reading = False
        if self._writing:
            reactor.removeWriter(self.writer)
            self._writing = False

    def close(self) -> None:
        self.stop_watching()
        self._tasks.close()  # end of tasks: the worker finishes the one it runs and exits
        self.alive = False


def _grow_pipe(fd: int) -> None:
    """Ask for a pipe buffer of PIPE_BYTES (Linux; elsewhere, or past the system's limit, the
    buffer stays as it is)."""
    setpipe = getattr(fcntl, "F_SETPIPE_SZ", None) if fcntl is not None else None
    if setpipe is None:
        return
    try:
        fcntl.fcntl(fd, setpipe, PIPE_BYTES)
    except OSError:
        pass


class _PipeEnd:
    """A worker's pipe as the reactor sees it (IReadDescriptor / IWriteDescriptor)."""

    def __init__(self, worker: _Worker, fd: int):
        self.worker, self.fd = worker, fd

    def fileno(self) -> int:
        return self.fd

    def doRead(self):
        self.worker.pool._on_results(self.worker)

    def doWrite(self):
        self.worker.flush()

    def connectionLost(self, reason) -> None:
        self.worker.pool._on_results(self.worker)

    def logPrefix(self) -> str:
        return "labour-worker"


class WorkerPool:
    """Run a picklable function with arguments, in a worker process or inline; await the result.

    ``warm_up``: dotted path of a function each worker calls once at start (imports, dictionaries).
    """

    def __init__(self, workers: int, warm_up: str | None = None, nice: int = WORKER_NICE):
        self.workers = max(0, workers)
        self.warm_up = warm_up
        self.processes: list[_Worker] = []
        self._ids = itertools.count(1)
        self._waiting: deque = deque()  # (task id, fn, args, Deferred) for a worker with room
        self._usage: dict[int, tuple[float, int]] = {}  # worker pid -> (CPU seconds, peak RSS bytes)
        self._warm_up_errors: dict[int, BaseException] = {}
        self._watched = False
        if self.workers:
            ctx = multiprocessing.get_context("spawn")
            self.processes = [_Worker(self, ctx, warm_up, nice) for _ in range(self.workers)]

    @classmethod
    def for_crawler(cls, crawler) -> WorkerPool:
        pool = _POOLS.get(crawler)
        if pool is None:
            settings = crawler.settings
            pool = cls(settings.getint("LABOUR_WORKERS", 0), warm_up=settings.get("LABOUR_WORKER_WARM_UP") or None,
                       nice=settings.getint("LABOUR_WORKER_NICE", WORKER_NICE))
            _POOLS[crawler] = pool
            from scrapy import signals

            crawler.signals.connect(pool.close, signal=signals.engine_stopped)
        return pool

    @staticmethod
    def existing(crawler) -> WorkerPool | None:
        """The crawler's pool if one was made (for the summary), without making one."""
        return _POOLS.get(crawler)

    @property
    def pids(self) -> list[int]:
        """The worker processes' ids (empty inline)."""
        return [w.pid for w in self.processes]

    # -- results ------------------------------------------------------------------------------
    def _on_results(self, worker: _Worker) -> None:
        for message in worker.read():
            if message is None:
                worker.died("its pipe closed")
                continue
            task_id, ok, value, pid, cpu, rss = message
            self._usage[pid] = (cpu, rss)
            try:
                value = pickle.loads(value)
            except Exception as exc:  # noqa: BLE001 - e.g. an exception class that cannot be rebuilt here
                ok, value = False, RuntimeError(f"worker result could not be unpickled: {type(exc).__name__}: {exc}")
            if task_id == _WARM_UP:
                worker.warming = False
                if not ok:
                    self._warm_up_errors[pid] = value
                    logger.error("worker warm-up %s failed: %s: %s", self.warm_up, type(value).__name__, value,
                                 exc_info=value)
                continue
            d = worker.in_flight.pop(task_id, None)
            if d is None:
                continue
            if ok:
                d.callback(value)
            else:
                d.errback(value)
        self._dispatch()

    def check_warm_up(self, timeout: float | None = None) -> None:
        """Wait for the workers' warm-ups; raise :class:`WarmUpError` if one failed."""
        deadline = None if timeout is None else time.monotonic() + timeout
        while True:
            warming = [w for w in self.processes if w.alive and w.warming]
            if not warming:
                break
            left = None if deadline is None else deadline - time.monotonic()
            if left is not None and left <= 0:
                raise TimeoutError(f"worker warm-up {self.warm_up} still running after {timeout} s")
            ready, _, _ = select.select([w.rfd for w in warming], [], [], left)
            for w in warming:
                if w.rfd in ready:
                    self._on_results(w)
        for exc in self._warm_up_errors.values():
            raise WarmUpError(f"worker warm-up {self.warm_up} failed: {type(exc).__name__}: {exc}") from exc

    # -- tasks --------------------------------------------------------------------------------
    async def run(self, fn, *args, urgent: bool = False):
        """``fn(*args)`` in a worker (inline without workers); ``urgent`` tasks go before those
        waiting for a worker (a listing page, whose links are the next requests, before the
        article pages queued earlier)."""
        if not self.processes:
            return fn(*args)
        if not self._watched:
            from twisted.internet import reactor

            for w in self.processes:
                w.watch(reactor)
            self._watched = True
        d: Deferred = Deferred()
        task = (next(self._ids), fn, args, d)
        if urgent:
            self._waiting.appendleft(task)
        else:
            self._waiting.append(task)
        self._dispatch()
        return await d

    def _dispatch(self) -> None:
        while self._waiting:
            alive = [w for w in self.processes if w.alive]
            if not alive:  # every worker died: the crawl's own process parses from now on
                task_id, fn, args, d = self._waiting.popleft()
                try:
                    result = fn(*args)
                except BaseException as exc:  # noqa: BLE001 - the caller's, as from a worker
                    d.errback(exc)
                else:
                    d.callback(result)
                continue
            worker = min(alive, key=lambda w: len(w.in_flight))
            if len(worker.in_flight) >= IN_FLIGHT:
                return
            task_id, fn, args, d = self._waiting.popleft()
            worker.send(task_id, fn, args, d)

    def usage(self) -> dict:
        """The workers' share of the crawl: processes that ran a task, their CPU seconds and the sum
        of their peak RSS (MB), as of each one's latest task."""
        return {
            "processes": len(self._usage),
            "cpu_s": round(sum(cpu for cpu, _ in self._usage.values()), 3),
            "peak_rss_mb": round(sum(rss for _, rss in self._usage.values()) / 2**20, 1),
        }

    def close(self, timeout: float = 10.0) -> None:
        """Stop the workers (each finishes the task it runs); calling it again does nothing."""
        workers, self.processes = self.processes, []
        for w in workers:
            w.close()
        deadline = time.monotonic() + timeout
        for w in workers:
            w.process.join(timeout=max(0.0, deadline - time.monotonic()))
            if w.process.is_alive():
                w.process.terminate()
                w.process.join(timeout=5)
            w._results.close()
            for d in w.in_flight.values():
                d.errback(BrokenProcessPool("worker pool closed"))
            w.in_flight.clear()
        while self._waiting:
            self._waiting.popleft()[3].errback(BrokenProcessPool("worker pool closed"))
