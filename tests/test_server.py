"""Tests for scraper/demo/server.py: real HTTP requests against the running server."""

from __future__ import annotations

import http.client
import json
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from itertools import pairwise
from pathlib import Path

import pytest

from scraper.demo.server import (
    FaultPlan,
    PortalServer,
    TraversalError,
    _filler,
    target_to_filename,
)

ARTICLE = "/index.php?option=com_content&view=article&id=5"
FEED = "/index.php?option=com_content&view=category&id=8&format=feed&type=rss"
OLD_PAGE = "/old/news.php?id=7"
THAI_BODY = "<html><body><p>วันจันทร์ที่ 30 สิงหาคม 2564</p></body></html>"


def put(root: Path, target: str, body: bytes | str, meta: dict | None = None) -> Path:
    path = root / target_to_filename(target)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(body.encode("utf-8") if isinstance(body, str) else body)
    if meta is not None:
        path.with_name(path.name + ".meta.json").write_text(json.dumps(meta), encoding="utf-8")
    return path


@pytest.fixture
def root(tmp_path: Path) -> Path:
    site = tmp_path / "site"
    site.mkdir()
    (tmp_path / "secret.txt").write_text("top secret")
    put(site, "/", "<html><body>home</body></html>")
    put(site, "/robots.txt", "User-agent: *\nDisallow: /private/\n")
    put(site, ARTICLE, "<html><body>article 5</body></html>")
    put(site, "/index.php/news/12-some-alias", "<html><body>SEF article 12</body></html>")
    put(site, "/index.php/", "<html><body>joomla home</body></html>")  # index.php/index.html
    put(site, FEED, "<?xml version='1.0'?><rss/>", meta={"content_type": "application/rss+xml"})
    put(site, OLD_PAGE, THAI_BODY.encode("cp874"), meta={"charset": "tis-620"})
    put(site, "/a.html", "A")
    put(site, "/b.html", "B")
    put(site, "/slow.html", "slow")
    for n in range(8):
        put(site, f"/page{n}.html", f"page {n}")
    return site


def get(url: str, timeout: float = 5, method: str = "GET"):
    req = urllib.request.Request(url, method=method)
    with urllib.request.urlopen(req, timeout=timeout) as resp:
        return resp.status, dict(resp.headers), resp.read(), resp.url


def status_of(url: str) -> int:
    try:
        return get(url)[0]
    except urllib.error.HTTPError as err:
        err.close()
        return err.code


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


# -- the file-name mapping -------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("target", "expected"),
    [
        ("/", "index.html"),
        ("", "index.html"),
        ("/robots.txt", "robots.txt"),
        ("/index.php/news/12-some-alias", "index.php/news/12-some-alias"),
        ("/index.php/news/", "index.php/news/index.html"),
        ("//double//slash", "double/slash"),
        (ARTICLE, "index.php__id=5&option=com_content&view=article"),
        ("/index.php?view=article&id=5&option=com_content", "index.php__id=5&option=com_content&view=article"),
        ("/?format=feed&type=rss", "index.html__format=feed&type=rss"),
        ("/index.php?", "index.php"),
        ("/x.php?q=a+b&r=%2F%3F&empty=", "x.php__empty=&q=a%20b&r=%2F%3F"),
        ("/x.php?q=ข่าว", "x.php__q=%E0%B8%82%E0%B9%88%E0%B8%B2%E0%B8%A7"),
        ("/%E0%B8%82%E0%B9%88%E0%B8%B2%E0%B8%A7/1", "ข่าว/1"),
        ("/a.html#frag", "a.html"),
    ],
)
def test_target_to_filename(target, expected):
    assert target_to_filename(target) == expected


def test_target_to_filename_long_query_is_hashed_and_stable():
    q = "&".join(f"k{i}=v{i}" for i in range(40))
    name = target_to_filename("/index.php?" + q)
    assert name.startswith("index.php__q-") and len(name) == len("index.php__q-") + 24
    shuffled = "&".join(reversed(q.split("&")))
    assert target_to_filename("/index.php?" + shuffled) == name


@pytest.mark.parametrize("target", ["/../etc/passwd", "/a/../../x", "/%2e%2e/x", "/a/./b", "/a%5c..%5cb", "/a%00b"])
def test_target_to_filename_refuses_traversal(target):
    with pytest.raises(TraversalError):
        target_to_filename(target)


def test_filler_is_exact_and_chunked():
    for size in (0, 5, 60, 64 * 1024, 200_003):
        chunks = list(_filler(size))
        assert sum(map(len, chunks)) == size
        assert all(len(c) <= 64 * 1024 for c in chunks)


# -- plain serving ---------------------------------------------------------------------------------

def test_serves_files_by_path_and_query(root):
    with PortalServer(root) as srv:
        assert srv.base_url.startswith("http://127.0.0.1:") and srv.base_url.endswith("/")
        status, headers, body, _ = get(srv.url(ARTICLE))
        assert (status, body) == (200, b"<html><body>article 5</body></html>")
        assert headers["Content-Type"] == "text/html; charset=utf-8"
        assert headers["Content-Length"] == str(len(body))
        # the same query in another order hits the same file
        assert get(srv.url("/index.php?id=5&view=article&option=com_content"))[2] == body
        assert get(srv.base_url)[2] == b"<html><body>home</body></html>"
        assert get(srv.url("/index.php/news/12-some-alias"))[2] == b"<html><body>SEF article 12</body></html>"
        # a directory falls back to its index.html
        assert get(srv.url("/index.php"))[2] == b"<html><body>joomla home</body></html>"
        assert status_of(srv.url("/index.php?id=6")) == 404
        assert status_of(srv.url("/missing.html")) == 404


def test_content_types_sidecar_charset_and_robots(root):
    with PortalServer(root) as srv:
        _, headers, body, _ = get(srv.url(FEED))
        assert headers["Content-Type"] == "application/rss+xml; charset=utf-8"
        _, headers, body, _ = get(srv.url(OLD_PAGE))
        assert headers["Content-Type"] == "text/html; charset=tis-620"
        assert body.decode("cp874") == THAI_BODY
        _, headers, body, _ = get(srv.url("/robots.txt"))
        assert headers["Content-Type"] == "text/plain; charset=utf-8"
        assert b"Disallow: /private/" in body
        # sidecars are never served
        assert status_of(srv.url("/old/news.php__id=7.meta.json")) == 404


def test_robots_absent_is_404(tmp_path):
    with PortalServer(tmp_path) as srv:
        assert status_of(srv.url("/robots.txt")) == 404


def test_head_has_headers_but_no_body(root):
    with PortalServer(root) as srv:
        conn = http.client.HTTPConnection(*srv.address, timeout=5)
        conn.request("HEAD", ARTICLE)
        resp = conn.getresponse()
        assert resp.status == 200
        assert resp.getheader("Content-Length") == str(len("<html><body>article 5</body></html>"))
        assert resp.read() == b""
        # the connection is still usable (keep-alive, nothing stray on the wire)
        conn.request("GET", "/a.html")
        resp = conn.getresponse()
        assert resp.read() == b"A"
        conn.close()


def test_keep_alive_reuses_one_connection(root):
    with PortalServer(root) as srv:
        conn = http.client.HTTPConnection(*srv.address, timeout=5)
        for target in ("/a.html", "/b.html", "/nope", "/a.html"):
            conn.request("GET", target)
            resp = conn.getresponse()
            resp.read()
            assert not resp.will_close
        sock = conn.sock
        conn.request("GET", "/b.html")
        assert conn.getresponse().read() == b"B"
        assert conn.sock is sock
        conn.close()


@pytest.mark.parametrize("target", ["/../secret.txt", "/%2e%2e/secret.txt", "/a/../../secret.txt", "/..%2fsecret.txt"])
def test_path_traversal_is_refused(root, target):
    with PortalServer(root) as srv:
        conn = http.client.HTTPConnection(*srv.address, timeout=5)
        conn.request("GET", target)
        resp = conn.getresponse()
        body = resp.read()
        conn.close()
        assert resp.status == 403
        assert b"top secret" not in body
        assert srv.stats.statuses[403] == 1


def test_symlink_out_of_root_is_refused(root):
    (root / "link.txt").symlink_to(root.parent / "secret.txt")
    with PortalServer(root) as srv:
        assert status_of(srv.url("/link.txt")) == 403


# -- faults ----------------------------------------------------------------------------------------

def test_status_sequence(root):
    plan = FaultPlan(status_sequence={"/a.html": [500, 503, 200], "/b.html": [404]})
    with PortalServer(root, faults=plan) as srv:
        assert [status_of(srv.url("/a.html")) for _ in range(5)] == [500, 503, 200, 200, 200]
        assert [status_of(srv.url("/b.html")) for _ in range(2)] == [404, 200]
        assert srv.stats.count("/a.html") == 5
        assert srv.stats.statuses[500] == 1 and srv.stats.statuses[503] == 1


def test_retry_after(root):
    plan = FaultPlan(retry_after={"/a.html": (429, 2, 2), "/b.html": (503, 0.5, 1)})
    with PortalServer(root, faults=plan) as srv:
        for _ in range(2):
            with pytest.raises(urllib.error.HTTPError) as err:
                get(srv.url("/a.html"))
            assert err.value.code == 429 and err.value.headers["Retry-After"] == "2"
            err.value.close()
        assert get(srv.url("/a.html"))[2] == b"A"
        with pytest.raises(urllib.error.HTTPError) as err:
            get(srv.url("/b.html"))
        assert err.value.code == 503 and err.value.headers["Retry-After"] == "1"
        err.value.close()
        assert get(srv.url("/b.html"))[2] == b"B"


def test_not_found_overrides_an_existing_file(root):
    with PortalServer(root, faults=FaultPlan(not_found={"/a.html", ARTICLE})) as srv:
        assert status_of(srv.url("/a.html")) == 404
        assert status_of(srv.url(ARTICLE)) == 404
        assert status_of(srv.url("/b.html")) == 200


def test_redirects_and_loops(root):
    plan = FaultPlan(redirect={"/old": "/a.html", "/loop-a": "/loop-b", "/loop-b": "/loop-a"})
    with PortalServer(root, faults=plan) as srv:
        status, _, body, final = get(srv.url("/old"))
        assert (status, body, final) == (200, b"A", srv.url("/a.html"))
        opener = urllib.request.build_opener(_NoRedirect)
        with pytest.raises(urllib.error.HTTPError) as err:
            opener.open(srv.url("/loop-a"), timeout=5)
        assert err.value.code == 302 and err.value.headers["Location"] == "/loop-b"
        err.value.close()
        with pytest.raises(urllib.error.HTTPError) as err:  # urllib gives up on the loop
            get(srv.url("/loop-a"))
        err.value.close()
        counts = srv.stats.requests
        assert counts["/loop-a"] >= 2 and counts["/loop-b"] >= 1
        assert srv.stats.statuses[302] == counts["/loop-a"] + counts["/loop-b"] + 1


def test_redirects_file_gives_permanent_redirects(root):
    moved = {ARTICLE + "&Itemid=54": "/a.html", "/old/page.php?id=3": "/b.html"}
    (root / "_redirects.json").write_text(json.dumps(moved), encoding="utf-8")
    with PortalServer(root) as srv:
        assert srv.moved == moved
        opener = urllib.request.build_opener(_NoRedirect)
        with pytest.raises(urllib.error.HTTPError) as err:
            opener.open(srv.url(ARTICLE + "&Itemid=54"), timeout=5)
        assert err.value.code == 301 and err.value.headers["Location"] == "/a.html"
        err.value.close()
        status, _, body, final = get(srv.url("/old/page.php?id=3"))
        assert (status, body, final) == (200, b"B", srv.url("/b.html"))
        assert status_of(srv.url(ARTICLE)) == 200  # only the exact target moved
        assert srv.stats.statuses[301] == 2


def test_redirects_file_absent_or_broken(root):
    with PortalServer(root) as srv:
        assert srv.moved == {}
    (root / "_redirects.json").write_text("[1, 2]", encoding="utf-8")
    with pytest.raises(ValueError, match="_redirects.json"):
        PortalServer(root)


def test_huge_body_is_streamed(root):
    size = 8 * 1024 * 1024 + 7
    with PortalServer(root, faults=FaultPlan(huge={"/big.html": size})) as srv:
        with urllib.request.urlopen(srv.url("/big.html"), timeout=10) as resp:
            assert resp.headers["Content-Length"] == str(size)
            assert resp.headers["Content-Type"].startswith("text/html")
            first = resp.read(64 * 1024)
            assert first.startswith(b"<!DOCTYPE html>")
            total = len(first)
            while chunk := resp.read(256 * 1024):
                total += len(chunk)
        assert total == size
        conn = http.client.HTTPConnection(*srv.address, timeout=5)
        conn.request("HEAD", "/big.html")
        resp = conn.getresponse()
        assert resp.getheader("Content-Length") == str(size) and resp.read() == b""
        conn.close()


def test_wrong_charset_is_declared(root):
    plan = FaultPlan(wrong_charset={OLD_PAGE: "utf-8", "/a.html": "tis-620"})
    with PortalServer(root, faults=plan) as srv:
        _, headers, body, _ = get(srv.url(OLD_PAGE))
        assert headers["Content-Type"] == "text/html; charset=utf-8"
        with pytest.raises(UnicodeDecodeError):
            body.decode("utf-8")  # the bytes are still windows-874
        assert get(srv.url("/a.html"))[1]["Content-Type"] == "text/html; charset=tis-620"


def _wait_in_flight(srv: PortalServer, n: int, timeout: float = 10.0) -> None:
    """Wait until ``n`` requests are being handled (a liveness bound, not a speed check)."""
    deadline = time.monotonic() + timeout
    while srv.stats.in_flight != n and time.monotonic() < deadline:
        time.sleep(0.02)
    assert srv.stats.in_flight == n


def test_delay_times_out_the_client_without_blocking_others(root):
    # A delay no test waits out: the handler ends only if shutdown wakes it.
    with PortalServer(root, faults=FaultPlan(delay={"/slow.html": 600.0})) as srv:
        errors: list[BaseException] = []

        def slow() -> None:
            try:
                get(srv.url("/slow.html"), timeout=0.3)
            except Exception as exc:  # collected for the assertion
                errors.append(exc)

        t = threading.Thread(target=slow)
        t.start()
        _wait_in_flight(srv, 1)  # the slow handler is sleeping
        assert get(srv.url("/a.html"))[2] == b"A"  # served meanwhile: not held up by it
        t.join(5)
        assert len(errors) == 1
        assert isinstance(errors[0], TimeoutError) or "timed out" in str(errors[0])
        _wait_in_flight(srv, 1)  # /a.html's handler is done; the slow one still sleeps
    # shutdown woke the sleeping handler, which ended without answering
    _wait_in_flight(srv, 0)
    assert srv.stats.statuses == {200: 1}


def test_global_delay_and_max_in_flight(root):
    n = 4
    with PortalServer(root, faults=FaultPlan(global_delay=0.4)) as srv:
        assert srv.stats.max_in_flight == 0
        barrier = threading.Barrier(n)

        def fetch(i: int) -> bytes:
            barrier.wait(timeout=5)
            return get(srv.url(f"/page{i}.html"))[2]

        with ThreadPoolExecutor(max_workers=n) as pool:
            bodies = list(pool.map(fetch, range(n)))
        assert bodies == [f"page {i}".encode() for i in range(n)]
        assert 3 <= srv.stats.max_in_flight <= n  # they overlapped, as the server saw them
        _wait_idle(srv)  # a handler counts itself out just after its response is sent
        assert srv.stats.in_flight == 0
        assert srv.stats.total == n and srv.stats.statuses[200] == n

        srv.stats.reset()
        for i in range(2):  # sequential clients never overlap
            get(srv.url(f"/page{i}.html"))
            _wait_idle(srv)  # (the handler counts itself out just after the client has its response)
        assert srv.stats.max_in_flight == 1
        snap = srv.stats.snapshot()
        assert snap["total"] == 2 and snap["requests"] == {"/page0.html": 1, "/page1.html": 1}


# -- robustness ------------------------------------------------------------------------------------

def _wait_idle(srv: PortalServer, timeout: float = 3.0) -> None:
    deadline = time.monotonic() + timeout
    while srv.stats.in_flight and time.monotonic() < deadline:
        time.sleep(0.02)


def test_client_disconnects_are_silent(root, capfd):
    plan = FaultPlan(huge={"/big.html": 50 * 1024 * 1024}, delay={"/slow.html": 0.3})
    with PortalServer(root, faults=plan) as srv:
        for target in ("/big.html", "/slow.html"):
            with socket.create_connection(srv.address, timeout=5) as sock:
                sock.sendall(f"GET {target} HTTP/1.1\r\nHost: x\r\n\r\n".encode())
                if target == "/big.html":
                    sock.recv(1024)
                sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")
        time.sleep(0.4)
        _wait_idle(srv)
        assert srv.stats.in_flight == 0
        assert get(srv.url("/a.html"))[2] == b"A"  # still serving
        # garbage and half requests
        with socket.create_connection(srv.address, timeout=5) as sock:
            sock.sendall(b"NONSENSE\r\n\r\n")
            sock.recv(1024)
        with socket.create_connection(srv.address, timeout=5) as sock:
            sock.sendall(b"GET /a.ht")
    out, err = capfd.readouterr()
    assert err == "" and out == ""


def test_request_logging_is_off_by_default_and_can_be_enabled(root, capfd):
    with PortalServer(root) as srv:
        get(srv.url("/a.html"))
    assert capfd.readouterr().err == ""
    with PortalServer(root, log_requests=True) as srv:
        get(srv.url("/a.html"))
    assert '"GET /a.html HTTP/1.1" 200' in capfd.readouterr().err


def test_shutdown_joins_and_frees_the_port(root):
    srv = PortalServer(root)
    with pytest.raises(RuntimeError):
        _ = srv.base_url
    with srv:
        address = srv.address
        thread = srv._thread
        assert srv.running
        get(srv.url("/a.html"))
    assert not srv.running and thread is not None and not thread.is_alive()
    with pytest.raises(OSError):
        socket.create_connection(address, timeout=1).close()
    srv.shutdown()  # idempotent


def test_root_must_be_a_directory(tmp_path):
    with pytest.raises(NotADirectoryError):
        PortalServer(tmp_path / "missing")


def test_cli_serves_until_interrupted(root):
    proc = subprocess.Popen(
        [sys.executable, "-m", "scraper.demo.server", str(root), "--port", "0"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        cwd=Path(__file__).resolve().parents[1],
    )
    try:
        line = proc.stdout.readline()
        url = line.split(" at ", 1)[1].split()[0]
        assert url.startswith("http://127.0.0.1:")
        assert get(url + "a.html")[2] == b"A"
        proc.send_signal(signal.SIGINT)
        assert proc.wait(timeout=5) == 0
        assert proc.stderr.read() == ""
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def test_cli_bad_root_is_one_line_error(tmp_path):
    proc = subprocess.run(
        [sys.executable, "-m", "scraper.demo.server", str(tmp_path / "nope")],
        capture_output=True, text=True, timeout=20, cwd=Path(__file__).resolve().parents[1],
    )
    assert proc.returncode == 2
    assert proc.stderr.startswith("error: ") and proc.stderr.count("\n") == 1


def test_request_log_has_each_request_with_its_times_and_latency_varies(root):
    faults = FaultPlan(global_delay=0.05, global_jitter=0.04)
    samples = {round(faults.latency(), 4) for _ in range(50)}
    assert len(samples) > 10 and all(0.01 <= s <= 0.09 for s in samples)
    with PortalServer(root, faults=faults, host="127.0.0.2") as srv:
        assert srv.base_url.startswith("http://127.0.0.2:")
        before = time.monotonic()
        for _ in range(3):
            urllib.request.urlopen(srv.url("/a.html")).read()
        _wait_idle(srv)  # a handler logs its request just after the response is sent
        log = srv.stats.log
    assert [t for _, _, t in log] == ["/a.html"] * 3
    for started, ended, _ in log:
        assert before <= started and 0.005 <= ended - started < 2
    assert all(a[1] <= b[0] for a, b in pairwise(log))  # one after the other
