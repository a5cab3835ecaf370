"""JSON Lines output: records appended to a file (``LABOUR_OUTPUT``) that survives a crash.

Each record is one ``write()`` of one whole line, flushed to the OS at once and fsynced
periodically; on open, a torn last line left by a killed run is cut off, so the file never
ends in a torn line, and a re-run (same output) continues after the last whole record.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import json
import os
import time
from pathlib import Path


def sidecar_path(output: str | None, suffix: str) -> str | None:
    """``out/demo.jsonl`` + ``.summary.json`` -> ``out/demo.summary.json``."""
    if not output:
        return None
    p = Path(output)
    stem = p.name[: -len(p.suffix)] if p.suffix else p.name
    return str(p.with_name(stem + suffix))


class OutputLocked(RuntimeError):
    """Another crawl is writing this output file; ``str(err)`` is the one-line message."""


@contextlib.contextmanager
def output_lock(path: str):
    """Exclusive, non-blocking ``fcntl.flock`` on ``<output>.lock`` (as the store's lock): two crawls
    appending to one output would interleave and each skip the other's articles. The kernel
    releases it when the process dies. Raises :class:`OutputLocked` naming the holder's pid."""
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    lock_path = path + ".lock"
    fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            if exc.errno not in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES):
                raise
            holder = os.pread(fd, 200, 0).decode("utf-8", "replace").strip()
            who = f"another crawl ({holder})" if holder else "another crawl"
            raise OutputLocked(f"output {path} is being written by {who}") from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"pid {os.getpid()}\n".encode(), 0)
        try:
            yield
        finally:
            with contextlib.suppress(OSError):
                os.ftruncate(fd, 0)
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


def repair_torn_tail(path: str) -> int:
    """Truncate the file after its last newline; return how many bytes were cut."""
    try:
        size = os.path.getsize(path)
    except FileNotFoundError:
        return 0
    if size == 0:
        return 0
    with open(path, "rb+") as fh:
        block = 65536
        pos = size
        while pos > 0:
            start = max(0, pos - block)
            fh.seek(start)
            chunk = fh.read(pos - start)
            idx = chunk.rfind(b"\n")
            if idx >= 0:
                keep = start + idx + 1
                break
            pos = start
        else:
            keep = 0
        if keep < size:
            fh.truncate(keep)
        return size - keep


def existing_records(path: str) -> tuple[set[str], set[str]]:
    """Ids and URLs of the whole records already in a JSON Lines output (empty if none)."""
    ids: set[str] = set()
    urls: set[str] = set()
    try:
        fh = open(path, encoding="utf-8")
    except FileNotFoundError:
        return ids, urls
    with fh:
        for line in fh:
            if not line.endswith("\n"):
                break  # torn tail: not a record
            try:
                rec = json.loads(line)
            except ValueError:
                continue
            if isinstance(rec, dict) and "id" in rec:
                ids.add(rec["id"])
                urls.add(rec.get("url", ""))
    return ids, urls


class AppendOnlyJsonLines:
    """Append whole lines to a file with single writes; fsync every ``fsync_every`` seconds."""

    def __init__(self, path: str, fsync_every: float = 1.0):
        self.path = path
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        repair_torn_tail(path)
        self.fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
        self.fsync_every = fsync_every
        self._last_sync = time.monotonic()
        self.count = 0

    def append(self, line: str) -> None:
        data = (line + "\n").encode("utf-8")
        written = os.write(self.fd, data)
        while written < len(data):  # regular files write whole buffers, but be exact
            written += os.write(self.fd, data[written:])
        self.count += 1
        now = time.monotonic()
        if now - self._last_sync >= self.fsync_every:
            os.fsync(self.fd)
            self._last_sync = now

    def close(self) -> None:
        if self.fd >= 0:
            os.fsync(self.fd)
            os.close(self.fd)
            self.fd = -1


class JsonLinesOutputPipeline:
    """Last stage: append each record to ``LABOUR_OUTPUT`` (when set)."""

    def __init__(self, output: str | None, stats, lock: bool = True):
        self.output = output
        self.stats = stats
        self.take_lock = lock
        self.file: AppendOnlyJsonLines | None = None
        self._lock_cm = None

    @classmethod
    def from_crawler(cls, crawler):
        # `labour-scraper crawl` holds the output's lock itself (exit code 3 when taken); runs
        # through `scrapy crawl` or Scrapyd take it here
        return cls(crawler.settings.get("LABOUR_OUTPUT") or None, crawler.stats,
                   not crawler.settings.getbool("LABOUR_OUTPUT_LOCK_HELD"))

    def open_spider(self, spider=None):
        if self.output:
            if self.take_lock:
                self._lock_cm = output_lock(self.output)
                self._lock_cm.__enter__()  # raises OutputLocked: the crawl must not run
            self.file = AppendOnlyJsonLines(self.output)

    def close_spider(self, spider=None):
        if self.file:
            self.file.close()
        if self._lock_cm is not None:
            self._lock_cm.__exit__(None, None, None)

    def process_item(self, item, spider=None):
        if self.file and isinstance(item, dict):
            self.file.append(json.dumps(item, ensure_ascii=False))
            self.stats.inc_value("labour/records_written")
        return item
