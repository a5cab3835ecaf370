"""A private, throwaway PostgreSQL server for the tests (a pytest plugin: ``pytest_plugins``).

``postgres_url`` (session): the URL of a database on a server started just for this test session:
``initdb`` into a temporary directory (as the ``postgres`` system user when running as root, since
initdb refuses root), trust authentication, listening only on 127.0.0.1 on a free port and on a unix
socket inside that directory; stopped and deleted at the end. With ``LABOUR_TEST_POSTGRES_URL`` set,
that server is used instead. Without PostgreSQL binaries (``initdb``/``pg_ctl`` on PATH or under
``/usr/lib/postgresql/*/bin``) the tests are skipped, except under CI (``CI`` set), where they fail.

``fresh_postgres_url`` (function): the URL of a new empty schema in that database for one test
(set as the connection's ``search_path``), dropped afterwards.
"""

from __future__ import annotations

import os
import pwd
import re
import shutil
import socket
import subprocess
import tempfile
import uuid
from pathlib import Path
from urllib.parse import quote, urlsplit, urlunsplit

import pytest

ENV_URL = "LABOUR_TEST_POSTGRES_URL"


def find_pg_bin() -> Path | None:
    """The directory holding initdb, pg_ctl and postgres (the newest version when several)."""
    found = shutil.which("initdb")
    if found and shutil.which("pg_ctl"):
        directory = Path(found).resolve().parent
        if (directory / "pg_ctl").exists() and (directory / "postgres").exists():
            return directory

    def version(p: Path) -> tuple:
        return tuple(int(x) for x in re.findall(r"\d+", p.parent.name)) or (0,)

    candidates = sorted(Path("/usr/lib/postgresql").glob("*/bin"), key=version, reverse=True)
    for directory in candidates:
        if all((directory / name).exists() for name in ("initdb", "pg_ctl", "postgres")):
            return directory
    return None


def _unavailable(reason: str):
    if os.environ.get("CI"):
        pytest.fail(f"PostgreSQL is required under CI: {reason}", pytrace=False)
    pytest.skip(f"PostgreSQL not available: {reason}")


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class LocalPostgres:
    """initdb + pg_ctl in a temporary directory."""

    def __init__(self, bindir: Path):
        self.bindir = bindir
        self.root = Path(tempfile.mkdtemp(prefix="labour-pg-"))
        self.data = self.root / "data"
        self.log = self.root / "server.log"
        self.port = _free_port()
        self.prefix: list[str] = []
        if os.geteuid() == 0:
            try:
                user = pwd.getpwnam("postgres")
            except KeyError:
                shutil.rmtree(self.root, ignore_errors=True)
                _unavailable("running as root and there is no 'postgres' system user to run initdb")
            runuser = shutil.which("runuser")
            if not runuser:
                shutil.rmtree(self.root, ignore_errors=True)
                _unavailable("running as root and runuser (util-linux) is missing")
            os.chown(self.root, user.pw_uid, user.pw_gid)
            os.chmod(self.root, 0o700)
            self.prefix = [runuser, "-u", "postgres", "--"]

    def _run(self, *args: str, timeout: float = 120) -> subprocess.CompletedProcess:
        return subprocess.run([*self.prefix, *args], capture_output=True, text=True, timeout=timeout,
                              cwd=self.root)

    def start(self) -> None:
        init = self._run(str(self.bindir / "initdb"), "-D", str(self.data), "-U", "postgres", "-A", "trust",
                         "-E", "UTF8", "--locale=C", "--no-sync")
        if init.returncode != 0:
            raise RuntimeError(f"initdb failed: {init.stderr.strip() or init.stdout.strip()}")
        # A free port picked just before the server binds it; taken meanwhile (by a server of another
        # xdist worker, say), another one.
        for _ in range(3):
            self.port = _free_port()
            options = (f"-c listen_addresses=127.0.0.1 -p {self.port} -k {self.root} "
                       "-c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=50")
            started = self._run(str(self.bindir / "pg_ctl"), "-D", str(self.data), "-l", str(self.log),
                                "-w", "-t", "60", "-o", options, "start")
            if started.returncode == 0:
                return
            log = self.log.read_text(errors="replace")[-2000:] if self.log.exists() else ""
            if "Address already in use" not in log:
                break
        raise RuntimeError(f"pg_ctl start failed: {started.stderr.strip()}\n{log}")

    def stop(self) -> None:
        if self.data.exists():
            self._run(str(self.bindir / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "-w", "stop",
                      timeout=60)
        shutil.rmtree(self.root, ignore_errors=True)

    def url(self, database: str) -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/{database}"


def _admin_execute(url: str, *statements: str) -> None:
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        for statement in statements:
            conn.execute(statement)


@pytest.fixture(scope="session")
def postgres_url():
    """URL of a PostgreSQL database for this test session (see the module docstring)."""
    external = os.environ.get(ENV_URL)
    if external:
        yield external
        return
    bindir = find_pg_bin()
    if bindir is None:
        _unavailable("no initdb/pg_ctl on PATH or under /usr/lib/postgresql/*/bin "
                     "(install the Debian package 'postgresql')")
    server = LocalPostgres(bindir)
    try:
        server.start()
        _admin_execute(server.url("postgres"), "CREATE DATABASE labour_test")
    except BaseException:
        server.stop()
        raise
    try:
        yield server.url("labour_test")
    finally:
        server.stop()


def _with_search_path(url: str, schema: str) -> str:
    parts = urlsplit(url)
    option = "options=" + quote(f"-csearch_path={schema}", safe="")
    query = f"{parts.query}&{option}" if parts.query else option
    return urlunsplit(parts._replace(query=query))


@pytest.fixture
def fresh_postgres_url(postgres_url):
    """The URL of a new, empty schema (first on ``search_path``) for one test, dropped afterwards.
    A schema costs well under a millisecond where a new database costs half a second."""
    name = "t_" + uuid.uuid4().hex[:16]
    _admin_execute(postgres_url, f'CREATE SCHEMA "{name}"')
    try:
        yield _with_search_path(postgres_url, name)
    finally:
        _admin_execute(postgres_url, f'DROP SCHEMA IF EXISTS "{name}" CASCADE')
