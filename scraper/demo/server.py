"""A local HTTP server for the demo portal and for fault-injection tests (standard library only).

Usage::

    with PortalServer(root_dir, faults=FaultPlan(status_sequence={"/a.html": [500, 200]})) as srv:
        urllib.request.urlopen(srv.base_url + "a.html")      # 'http://127.0.0.1:PORT/a.html'
        srv.stats.max_in_flight                              # peak concurrent requests

or from a shell: ``python -m scraper.demo.server ROOT [--port N] [--log]``.

File-name mapping (:func:`target_to_filename`)
-----------------------------------------------
A request target ``PATH[?QUERY]`` maps to a file below ``root_dir``:

* ``PATH`` is percent-decoded (UTF-8) and split on ``/``; empty segments are dropped. A path that
  is empty or ends with ``/`` gets ``index.html`` appended. ``.``/``..`` segments, backslashes and
  NUL are refused (the server answers 403).
* A non-empty ``QUERY`` is parsed (blank values kept, ``+`` is a space), its ``name=value`` pairs
  are sorted, each name and value is percent-encoded so only ``A-Z a-z 0-9 - . _ ~ %`` remain, and
  the pairs are joined with ``=`` and ``&``. The last path segment becomes
  ``<segment>__<canonical query>``. A canonical query longer than 150 characters is replaced by
  ``q-<first 24 hex digits of its SHA-256>``.

  ``/index.php?view=article&option=com_content&id=5`` -> ``index.php__id=5&option=com_content&view=article``
  ``/index.php/news/12-some-alias`` -> ``index.php/news/12-some-alias``
  ``/`` -> ``index.html``; ``/?format=feed&type=rss`` -> ``index.html__format=feed&type=rss``

* When the mapped path is a directory (``/index.php`` when SEF pages live below ``index.php/``),
  the server serves ``<that directory>/index.html``; a generator that needs both should write the
  page for ``/index.php`` to ``index.php/index.html``.

Content-Type comes from the extension of the request *path* (not the query): ``.php``, ``.html``,
``.htm``, no extension or a trailing ``/`` are ``text/html``; others by :mod:`mimetypes`. Text types
get ``; charset=utf-8`` unless an optional sidecar ``<file>.meta.json`` says otherwise, e.g.
``{"charset": "tis-620"}`` or ``{"content_type": "application/rss+xml", "charset": "utf-8"}``
(``"charset": null`` sends no charset parameter). Sidecars themselves are never served.

Faults (:class:`FaultPlan`) are keyed by the exact request target (path plus ``?query`` as sent).

Permanent redirects: when ``root_dir/_redirects.json`` exists (``{"/old?id=1": "/new?id=2", ...}``,
keys are exact request targets), :class:`PortalServer` loads it at construction and answers those
targets ``301 Moved Permanently`` with that ``Location`` (before any fault but ``redirect``). A
generated portal (:mod:`scraper.demo.portal`) writes this file for its moved article URLs.
"""

from __future__ import annotations

import argparse
import contextlib
import errno
import hashlib
import json
import logging
import math
import mimetypes
import os
import random
import sys
import threading
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, quote, unquote

__all__ = ["FaultPlan", "PortalServer", "ServerStats", "TraversalError", "load_redirects", "peak_overlap",
           "target_to_filename"]

log = logging.getLogger(__name__)

SIDECAR_SUFFIX = ".meta.json"
REDIRECTS_FILE = "_redirects.json"
_MAX_QUERY_CHARS = 150
_CHUNK = 64 * 1024
_HTML_EXTS = {"", ".php", ".html", ".htm"}
_DISCONNECT_ERRORS = (BrokenPipeError, ConnectionResetError, ConnectionAbortedError, TimeoutError)


class TraversalError(ValueError):
    """A request target tries to leave the served directory."""


def _canonical_query(query: str) -> str:
    pairs = sorted(parse_qsl(query, keep_blank_values=True))
    canonical = "&".join(f"{quote(k, safe='')}={quote(v, safe='')}" for k, v in pairs)
    if len(canonical) > _MAX_QUERY_CHARS:
        canonical = "q-" + hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:24]
    return canonical


def _split_target(path_and_query: str) -> tuple[str, str]:
    target = path_and_query.split("#", 1)[0]
    path, _, query = target.partition("?")
    return path, query


def target_to_filename(path_and_query: str) -> str:
    """The file (a relative POSIX path below the served root) for a request target.

    See the module docstring for the scheme. Raises :class:`TraversalError` for ``..`` and
    similar segments.
    """
    path, query = _split_target(path_and_query)
    decoded = unquote(path, encoding="utf-8", errors="strict")
    if "\\" in decoded or "\x00" in decoded:
        raise TraversalError(f"refused request path {path!r}")
    segments = [s for s in decoded.split("/") if s]
    if any(s in (".", "..") for s in segments):
        raise TraversalError(f"refused request path {path!r}")
    if not segments or decoded.endswith("/"):
        segments.append("index.html")
    canonical = _canonical_query(query) if query else ""
    if canonical:
        segments[-1] = f"{segments[-1]}__{canonical}"
    return "/".join(segments)


def _content_type_for(path: str) -> str:
    if path == "" or path.endswith("/"):
        return "text/html"
    last = path.rsplit("/", 1)[-1]
    ext = os.path.splitext(last)[1].lower()
    if ext in _HTML_EXTS:
        return "text/html"
    if ext in (".rss",):
        return "application/rss+xml"
    guessed, _ = mimetypes.guess_type("x" + ext)
    return guessed or "application/octet-stream"


def _is_textual(content_type: str) -> bool:
    return content_type.startswith("text/") or content_type.endswith(("+xml", "/xml", "/json", "javascript"))


@dataclass
class FaultPlan:
    """Faults to inject, each keyed by the exact request target (``/path?query``).

    status_sequence: {target: [500, 200]}: the n-th request gets the n-th status (200 means
        "serve normally"); after the list is used up the target is served normally.
    delay: {target: seconds}: sleep before answering (other requests are not blocked).
    retry_after: {target: (status, seconds, times)}: the first ``times`` requests get ``status``
        with ``Retry-After: seconds`` (rounded up to whole seconds).
    not_found: targets answered 404 whether or not a file exists.
    redirect: {target: location}: 302 to ``location`` (loops such as a -> b -> a are allowed).
    huge: {target: size_bytes}: a 200 text/html body of exactly that many bytes of filler,
        streamed in chunks (never held in memory).
    wrong_charset: {target: charset}: serve the file but declare this charset.
    global_delay: seconds slept before every response (makes concurrency measurable).
    global_jitter: that sleep varies uniformly by up to this many seconds either way (a server
        whose answers take 0.4 s +- 0.2 s: ``global_delay=0.4, global_jitter=0.2``).
    """

    status_sequence: dict[str, list[int]] = field(default_factory=dict)
    delay: dict[str, float] = field(default_factory=dict)
    retry_after: dict[str, tuple[int, float, int]] = field(default_factory=dict)
    not_found: set[str] = field(default_factory=set)
    redirect: dict[str, str] = field(default_factory=dict)
    huge: dict[str, int] = field(default_factory=dict)
    wrong_charset: dict[str, str] = field(default_factory=dict)
    global_delay: float = 0.0
    global_jitter: float = 0.0

    def latency(self) -> float:
        """The sleep before one response: ``global_delay`` +- ``global_jitter``, never negative."""
        if not self.global_jitter:
            return self.global_delay
        return max(0.0, self.global_delay + random.uniform(-self.global_jitter, self.global_jitter))  # noqa: S311


class ServerStats:
    """Thread-safe request statistics, measured on the server side.

    :attr:`log` keeps every request's ``(started, ended, target)`` (``time.monotonic()`` seconds,
    comparable across servers of one process): the evidence for politeness (intervals, requests in
    flight at any moment) and for hosts being crawled at the same time.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._log: list[tuple[float, float, str]] = []
        self._requests: Counter[str] = Counter()
        self._statuses: Counter[int] = Counter()
        self._in_flight = 0
        self._max_in_flight = 0
        self._total = 0

    def _begin(self, target: str) -> float:
        with self._lock:
            self._requests[target] += 1
            self._total += 1
            self._in_flight += 1
            self._max_in_flight = max(self._max_in_flight, self._in_flight)
            return time.monotonic()

    def _end(self, target: str, started: float) -> None:
        with self._lock:
            self._in_flight -= 1
            self._log.append((started, time.monotonic(), target))

    @property
    def log(self) -> list[tuple[float, float, str]]:
        """``(started, ended, target)`` of every request answered, in the order they ended; a copy."""
        with self._lock:
            return list(self._log)

    def _status(self, code: int) -> None:
        with self._lock:
            self._statuses[code] += 1

    @property
    def requests(self) -> Counter[str]:
        """Requests per request target (path plus query), a copy."""
        with self._lock:
            return Counter(self._requests)

    @property
    def statuses(self) -> Counter[int]:
        """Responses per status code, a copy."""
        with self._lock:
            return Counter(self._statuses)

    @property
    def total(self) -> int:
        with self._lock:
            return self._total

    @property
    def in_flight(self) -> int:
        with self._lock:
            return self._in_flight

    @property
    def max_in_flight(self) -> int:
        """Peak number of requests being handled at the same time."""
        with self._lock:
            return self._max_in_flight

    def count(self, target: str) -> int:
        with self._lock:
            return self._requests[target]

    def snapshot(self) -> dict[str, Any]:
        with self._lock:
            return {
                "requests": dict(self._requests),
                "statuses": dict(self._statuses),
                "total": self._total,
                "in_flight": self._in_flight,
                "max_in_flight": self._max_in_flight,
            }

    def reset(self) -> None:
        """Zero every counter (requests still in flight stay counted as in flight)."""
        with self._lock:
            self._requests.clear()
            self._statuses.clear()
            self._log.clear()
            self._total = 0
            self._max_in_flight = self._in_flight


def peak_overlap(spans: Iterator[tuple[float, float]] | list[tuple[float, float]]) -> int:
    """The most ``(start, end)`` spans open at one moment (one ending as another starts: not both),
    e.g. requests in flight from :attr:`ServerStats.log`, or hosts busy from their first to last."""
    events = sorted([(s, 1) for s, _ in spans] + [(e, -1) for _, e in spans])
    peak = now = 0
    for _, step in events:
        now += step
        peak = max(peak, now)
    return peak


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, addr: tuple[str, int], root: Path, faults: FaultPlan, log_requests: bool,
                 moved: dict[str, str] | None = None) -> None:
        super().__init__(addr, _Handler)
        self.root = root
        self.faults = faults
        self.moved = moved or {}
        self.log_requests = log_requests
        self.stats = ServerStats()
        self.stopping = threading.Event()
        self._fault_lock = threading.Lock()
        self._fault_counts: Counter[tuple[str, str]] = Counter()

    def next_fault_index(self, kind: str, target: str) -> int:
        """0 for the first request of ``target`` seen by fault ``kind``, then 1, 2, ..."""
        with self._fault_lock:
            n = self._fault_counts[(kind, target)]
            self._fault_counts[(kind, target)] = n + 1
            return n

    def handle_error(self, request: Any, client_address: Any) -> None:
        exc = sys.exc_info()[1]
        if isinstance(exc, _DISCONNECT_ERRORS) or (
            isinstance(exc, OSError) and exc.errno in (errno.EPIPE, errno.ECONNRESET)
        ):
            return  # the client went away: nothing to report
        log.error("demo server: error while handling a request from %s: %r", client_address, exc)


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    protocol_version = "HTTP/1.1"  # keep-alive; every response carries Content-Length
    server_version = "LabourDemoPortal/1"
    sys_version = ""
    timeout = 15  # idle keep-alive connections are closed after this many seconds

    # -- plumbing -------------------------------------------------------------------------
    def handle(self) -> None:
        try:
            super().handle()
        except _DISCONNECT_ERRORS:
            self.close_connection = True

    def log_message(self, format: str, *args: Any) -> None:
        if self.server.log_requests:
            sys.stderr.write(f"{self.address_string()} - {format % args}\n")

    def send_response(self, code: int, message: str | None = None) -> None:
        self.server.stats._status(code)
        super().send_response(code, message)

    def do_GET(self) -> None:
        self._serve(head=False)

    def do_HEAD(self) -> None:
        self._serve(head=True)

    def _sleep(self, seconds: float) -> bool:
        """Sleep unless the server is stopping; True when the sleep ran to its end."""
        return not self.server.stopping.wait(seconds) if seconds > 0 else True

    def _send_body(
        self, status: int, body: bytes, content_type: str = "text/html; charset=utf-8",
        headers: dict[str, str] | None = None, head: bool = False,
    ) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        if not head:
            self.wfile.write(body)

    def _send_status(self, status: int, head: bool, headers: dict[str, str] | None = None) -> None:
        reason = self.responses.get(status, ("",))[0]
        body = f"<html><body><h1>{status} {reason}</h1></body></html>\n".encode()
        self._send_body(status, body, headers=headers, head=head)

    # -- the request ----------------------------------------------------------------------
    def _serve(self, head: bool) -> None:
        target = self.path
        stats = self.server.stats
        started = stats._begin(target)
        try:
            self._respond(target, head)
            self.wfile.flush()
        finally:
            stats._end(target, started)

    def _respond(self, target: str, head: bool) -> None:
        faults = self.server.faults
        try:
            rel = target_to_filename(target)
        except TraversalError:
            self._send_status(403, head)
            return
        except UnicodeDecodeError:
            self._send_status(400, head)
            return

        if not self._sleep(faults.latency()) or not self._sleep(faults.delay.get(target, 0.0)):
            self.close_connection = True
            return  # shutting down
        if target in faults.redirect:
            self._send_status(302, head, {"Location": faults.redirect[target]})
            return
        if target in self.server.moved:
            self._send_status(301, head, {"Location": self.server.moved[target]})
            return
        if target in faults.not_found:
            self._send_status(404, head)
            return
        if target in faults.retry_after:
            status, seconds, times = faults.retry_after[target]
            if self.server.next_fault_index("retry_after", target) < times:
                self._send_status(status, head, {"Retry-After": str(max(0, math.ceil(seconds)))})
                return
        if target in faults.status_sequence:
            seq = faults.status_sequence[target]
            n = self.server.next_fault_index("status_sequence", target)
            if n < len(seq) and seq[n] != 200:
                self._send_status(seq[n], head)
                return
        if target in faults.huge:
            self._send_huge(faults.huge[target], head)
            return
        self._send_file(target, rel, head)

    def _send_huge(self, size: int, head: bool) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(size))
        self.end_headers()
        if head:
            return
        for chunk in _filler(size):
            self.wfile.write(chunk)

    def _send_file(self, target: str, rel: str, head: bool) -> None:
        root = self.server.root
        file = root / rel
        if file.is_dir():
            file = file / "index.html"
        if file.name.endswith(SIDECAR_SUFFIX) or not file.is_file():
            self._send_status(404, head)
            return
        try:
            real = file.resolve(strict=True)
        except OSError:
            self._send_status(404, head)
            return
        if not real.is_relative_to(root):
            self._send_status(403, head)  # a symlink pointing outside the root
            return

        path, _ = _split_target(target)
        content_type = _content_type_for(unquote(path))
        charset: str | None = "utf-8"
        sidecar = file.with_name(file.name + SIDECAR_SUFFIX)
        if sidecar.is_file():
            try:
                meta = json.loads(sidecar.read_text(encoding="utf-8"))
                content_type = meta.get("content_type", content_type)
                charset = meta.get("charset", charset)
            except (OSError, ValueError, AttributeError):
                log.warning("demo server: ignoring unreadable sidecar %s", sidecar)
        wrong = self.server.faults.wrong_charset.get(target)
        if wrong is not None:
            charset = wrong
        header = content_type
        if charset and (_is_textual(content_type) or wrong is not None):
            header = f"{content_type}; charset={charset}"

        size = real.stat().st_size
        self.send_response(200)
        self.send_header("Content-Type", header)
        self.send_header("Content-Length", str(size))
        self.end_headers()
        if head:
            return
        with open(real, "rb") as fh:
            while chunk := fh.read(_CHUNK):
                self.wfile.write(chunk)


def _filler(size: int) -> Iterator[bytes]:
    """Exactly ``size`` bytes of HTML-ish filler, produced chunk by chunk."""
    head = b"<!DOCTYPE html><html><head><title>huge</title></head><body>\n"
    line = b"<p>filler filler filler filler filler filler filler filler filler filler</p>\n"
    block = line * (_CHUNK // len(line))
    remaining = size
    first = head[:remaining]
    if first:
        yield first
        remaining -= len(first)
    while remaining > 0:
        piece = block if remaining >= len(block) else block[:remaining]
        yield piece
        remaining -= len(piece)


def load_redirects(root: Path) -> dict[str, str]:
    """``root/_redirects.json`` ({request target: location}) when present, else {}."""
    file = root / REDIRECTS_FILE
    if not file.is_file():
        return {}
    try:
        data = json.loads(file.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ValueError(f"{file}: not a JSON object of redirects ({exc})") from None
    if not isinstance(data, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in data.items()):
        raise ValueError(f"{file}: expected a JSON object {{target: location}} of strings")
    return dict(data)


class PortalServer:
    """Serve ``root_dir`` on 127.0.0.1 (a free port by default) from a background thread.

    Permanent (301) redirects come from ``root_dir/_redirects.json`` when it exists (:attr:`moved`).

    Use as a context manager, or call :meth:`start` and :meth:`shutdown`.
    """

    def __init__(
        self,
        root_dir: str | os.PathLike[str],
        faults: FaultPlan | None = None,
        *,
        host: str = "127.0.0.1",
        port: int = 0,
        log_requests: bool = False,
        poll_interval: float = 0.05,
    ) -> None:
        self.root = Path(root_dir).resolve()
        if not self.root.is_dir():
            raise NotADirectoryError(f"{root_dir}: not a directory")
        self.faults = faults or FaultPlan()
        self.moved = load_redirects(self.root)
        self.host = host
        self.port = port
        self.log_requests = log_requests
        #: how often the serving thread looks whether to stop (not how fast it answers): the
        #: fleet benchmark's 88 servers each woke 20 times a second for nothing at 0.05
        self.poll_interval = poll_interval
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None

    # -- lifecycle -------------------------------------------------------------------------
    def start(self) -> PortalServer:
        if self._server is not None:
            raise RuntimeError("server already started")
        server = _Server((self.host, self.port), self.root, self.faults, self.log_requests, self.moved)
        self._server = server
        self._thread = threading.Thread(
            target=server.serve_forever, kwargs={"poll_interval": self.poll_interval},
            name=f"PortalServer:{server.server_address[1]}", daemon=True,
        )
        self._thread.start()
        return self

    def shutdown(self) -> None:
        """Stop serving, wake delayed requests, close the socket and join the serving thread."""
        server, thread = self._server, self._thread
        if server is None:
            return
        server.stopping.set()
        server.shutdown()
        server.server_close()
        if thread is not None:
            thread.join(timeout=5)
        self._thread = None

    close = shutdown

    def __enter__(self) -> PortalServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.shutdown()

    # -- information -----------------------------------------------------------------------
    @property
    def _live(self) -> _Server:
        if self._server is None:
            raise RuntimeError("server not started")
        return self._server

    @property
    def address(self) -> tuple[str, int]:
        host, port = self._live.server_address[:2]
        return str(host), int(port)

    @property
    def base_url(self) -> str:
        host, port = self.address
        return f"http://{host}:{port}/"

    @property
    def stats(self) -> ServerStats:
        return self._live.stats

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def url(self, target: str = "/") -> str:
        """Absolute URL for a request target such as ``/index.php?id=5``."""
        return self.base_url + target.lstrip("/")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m scraper.demo.server", description="Serve a demo portal directory on 127.0.0.1."
    )
    parser.add_argument("root", help="directory to serve (see target_to_filename for the file names)")
    parser.add_argument("--port", type=int, default=0, help="port to bind (default: a free one)")
    parser.add_argument("--log", action="store_true", help="log every request to stderr")
    args = parser.parse_args(argv)
    try:
        srv = PortalServer(args.root, port=args.port, log_requests=args.log).start()
    except (OSError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    try:
        with contextlib.suppress(KeyboardInterrupt):
            # inside: a Ctrl-C may come as soon as the line is out, before print has returned
            print(f"serving {srv.root} at {srv.base_url} (Ctrl-C to stop)", flush=True)
            threading.Event().wait()
    finally:
        srv.shutdown()
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
