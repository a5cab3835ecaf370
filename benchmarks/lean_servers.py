"""The fleet benchmark's portals served by one asyncio loop: the same answers as
:class:`scraper.demo.server.PortalServer` for a generated portal, at a fraction of its CPU.

PortalServer (the tests' server) gives every connection a thread and parses every request with
the standard library's ``http.server``: about 0.8 ms of CPU a request, 12 s of the 88-host run's
~190 CPU seconds, on the same 2 cores as the crawl. Here one thread runs an asyncio loop with a
listening socket on each portal's address: HTTP/1.1 with keep-alive, every response after
``FaultPlan.latency()`` (the benchmark's 0.4 s +- 0.2 s), each request logged in a
:class:`~scraper.demo.server.ServerStats` as PortalServer logs it (the politeness evidence).

What is served follows PortalServer for what a generated portal holds: the target's file by
:func:`~scraper.demo.server.target_to_filename` (``index.html`` of a directory), its Content-Type
with the charset of a ``.meta.json`` sidecar, ``301`` for the portal's ``_redirects.json``, ``404``
for what is not there (sidecars included), ``403`` for a path leaving the root. Files are read
once and kept (a generated portal does not change during a run). No other fault is offered.
"""

from __future__ import annotations

import asyncio
import json
import threading
import time
from pathlib import Path
from urllib.parse import unquote

from scraper.demo.server import (
    SIDECAR_SUFFIX,
    FaultPlan,
    ServerStats,
    TraversalError,
    _content_type_for,
    _is_textual,
    _split_target,
    load_redirects,
    target_to_filename,
)

_REASONS = {200: "OK", 301: "Moved Permanently", 400: "Bad Request", 403: "Forbidden", 404: "Not Found"}


class LeanPortal:
    """One portal's address, answers and request log (``stats``, ``base_url`` as PortalServer)."""

    def __init__(self, root: Path, host: str, faults: FaultPlan):
        self.root = Path(root).resolve()
        self.host = host
        self.faults = faults
        self.moved = load_redirects(self.root)
        self.stats = ServerStats()
        self.port = 0
        self._answers: dict[str, bytes] = {}

    @property
    def address(self) -> tuple[str, int]:
        return self.host, self.port

    @property
    def base_url(self) -> str:
        return f"http://{self.host}:{self.port}/"

    def answer(self, target: str) -> tuple[int, bytes]:
        """``(status, the whole response)`` for a GET of ``target`` (built once, then kept)."""
        cached = self._answers.get(target)
        if cached is None:
            cached = self._answers[target] = self._build(target)
        return int(cached[9:12]), cached

    def _build(self, target: str) -> bytes:
        if target in self.moved:
            return _response(301, b"<html><body><h1>301 Moved Permanently</h1></body></html>\n",
                             "text/html; charset=utf-8", {"Location": self.moved[target]})
        try:
            rel = target_to_filename(target)
        except TraversalError:
            return _status(403)
        except UnicodeDecodeError:
            return _status(400)
        file = self.root / rel
        if file.is_dir():
            file = file / "index.html"
        if file.name.endswith(SIDECAR_SUFFIX) or not file.is_file():
            return _status(404)
        real = file.resolve(strict=True)
        if not real.is_relative_to(self.root):
            return _status(403)
        path, _ = _split_target(target)
        content_type = _content_type_for(unquote(path))
        charset: str | None = "utf-8"
        sidecar = file.with_name(file.name + SIDECAR_SUFFIX)
        if sidecar.is_file():
            meta = json.loads(sidecar.read_text(encoding="utf-8"))
            content_type = meta.get("content_type", content_type)
            charset = meta.get("charset", charset)
        header = f"{content_type}; charset={charset}" if charset and _is_textual(content_type) else content_type
        return _response(200, real.read_bytes(), header)


def _response(status: int, body: bytes, content_type: str, headers: dict[str, str] | None = None) -> bytes:
    lines = [f"HTTP/1.1 {status} {_REASONS.get(status, '')}", "Server: LabourDemoPortal/1",
             f"Content-Type: {content_type}", f"Content-Length: {len(body)}"]
    lines += [f"{name}: {value}" for name, value in (headers or {}).items()]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + body


def _status(status: int) -> bytes:
    body = f"<html><body><h1>{status} {_REASONS[status]}</h1></body></html>\n".encode()
    return _response(status, body, "text/html; charset=utf-8")


class LeanFleet:
    """Serve many portals from one thread; ``portals`` in the order given."""

    def __init__(self, roots: list[Path], hosts: list[str], faults: FaultPlan):
        self.portals = [LeanPortal(root, host, faults) for root, host in zip(roots, hosts, strict=True)]
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._servers: list[asyncio.base_events.Server] = []

    def start(self) -> LeanFleet:
        ready = threading.Event()
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._run, args=(ready,), name="lean-fleet", daemon=True)
        self._thread.start()
        if not ready.wait(60):
            raise RuntimeError("the servers did not start")
        return self

    def _run(self, ready: threading.Event) -> None:
        asyncio.set_event_loop(self._loop)

        async def listen():
            for portal in self.portals:
                server = await asyncio.start_server(
                    lambda r, w, p=portal: self._serve(p, r, w), host=portal.host, port=0)
                portal.port = server.sockets[0].getsockname()[1]
                self._servers.append(server)

        self._loop.run_until_complete(listen())
        ready.set()
        self._loop.run_forever()

    async def _serve(self, portal: LeanPortal, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        stats = portal.stats
        try:
            while True:
                try:
                    head = await reader.readuntil(b"\r\n\r\n")
                except (asyncio.IncompleteReadError, asyncio.LimitOverrunError, ConnectionError):
                    break
                request_line, _, rest = head.partition(b"\r\n")
                parts = request_line.decode("latin-1").split()
                if len(parts) != 3:
                    break
                method, target, version = parts
                close = version == "HTTP/1.0" or b"\nconnection: close" in rest.lower()
                started = stats._begin(target)
                try:
                    await asyncio.sleep(portal.faults.latency())
                    status, response = portal.answer(target)
                    stats._status(status)
                    if method == "HEAD":
                        response = response[:response.index(b"\r\n\r\n") + 4]
                    writer.write(response)
                    await writer.drain()
                finally:
                    stats._end(target, started)
                if close:
                    break
        except (ConnectionError, asyncio.CancelledError):  # the client went away; shutdown
            pass
        finally:
            writer.close()

    def shutdown(self) -> None:
        if self._loop is None:
            return

        async def stop():
            for server in self._servers:
                server.close()
            tasks = [t for t in asyncio.all_tasks() if t is not asyncio.current_task()]
            for t in tasks:
                t.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)

        asyncio.run_coroutine_threadsafe(stop(), self._loop).result(30)
        self._loop.call_soon_threadsafe(self._loop.stop)
        if self._thread is not None:
            self._thread.join(10)
        self._loop.close()
        self._loop = None


def _selftest() -> None:  # pragma: no cover - a quick manual check: python benchmarks/lean_servers.py ROOT
    import sys
    import urllib.request

    fleet = LeanFleet([Path(sys.argv[1])], ["127.0.0.2"], FaultPlan(global_delay=0.01)).start()
    try:
        p = fleet.portals[0]
        t = time.monotonic()
        with urllib.request.urlopen(p.base_url) as r:
            print(r.status, r.headers["Content-Type"], len(r.read()), f"{time.monotonic() - t:.3f}s")
        print(p.stats.log)
    finally:
        fleet.shutdown()


if __name__ == "__main__":  # pragma: no cover
    _selftest()
