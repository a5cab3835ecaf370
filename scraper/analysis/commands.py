"""The ``browse`` and ``report`` subcommands (registered by :mod:`scraper.cli`).

Both only read the store (opened read-only, never migrated, as ``export``); every usage mistake is
found before anything is built and told in one line naming the argument (exit 2)."""

from __future__ import annotations

import argparse
import errno
import os
import socket
import sys
import tempfile
from datetime import datetime, timezone
from pathlib import Path

from scraper.usage import UsageError, check_output_file, open_readable_store


def port_number(value: str) -> int:
    try:
        port = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a port number: {value!r}") from None
    if not 1 <= port <= 65535:
        raise argparse.ArgumentTypeError(f"a port is 1..65535, not {port}")
    return port


def as_of(value: str) -> datetime:
    from scraper.usage import since_date

    return datetime.fromisoformat(since_date(value)).replace(hour=12, tzinfo=timezone.utc)


def _check_port_free(host: str, port: int) -> None:
    """Refuse a port already in use now, rather than after the database is built."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        raise UsageError(f"cannot resolve host {host!r}: {exc.strerror}", "--host") from None
    family, _, _, _, addr = infos[0]
    with socket.socket(family, socket.SOCK_STREAM) as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind(addr)
        except OSError as exc:
            what = "in use" if exc.errno == errno.EADDRINUSE else (exc.strerror or str(exc))
            raise UsageError(f"cannot listen on {host}:{port}: {what}", "--port") from None


def cmd_browse(args) -> int:
    from scraper.analysis.browse import serve
    from scraper.analysis.db import build_database

    _check_port_free(args.host, args.port)
    if args.db:
        check_output_file(args.db, "--db")
        db = Path(args.db)
    else:
        db = Path(tempfile.mkdtemp(prefix="labour-browse-")) / "labour.db"
    store = open_readable_store(args.store)
    try:
        n = build_database(store, db)
    finally:
        store.close()
    print(f"labour-scraper: {n} articles -> {db}", file=sys.stderr)
    try:
        serve(db, args.host, args.port)
    finally:
        if not args.db:
            for f in (db, db.parent):
                try:
                    os.unlink(f) if f.is_file() else os.rmdir(f)
                except OSError:
                    pass
    return 0


def cmd_report(args) -> int:
    from scraper.analysis.report import build_report

    check_output_file(args.output, "-o/--output")
    store = open_readable_store(args.store)
    try:
        result = build_report(store, args.output, now=args.as_of)
    finally:
        store.close()
    print(f"labour-scraper: report of {result['articles']} articles, {result['charts']} charts -> {args.output}",
          file=sys.stderr)
    return 0


def add_subcommands(sub) -> None:
    p = sub.add_parser("browse", help="browse and search a harvest store in Datasette (Thai full-text search)")
    p.add_argument("--store", metavar="PATH|URL",
                   help="SQLite path or postgresql:// URL (default: the default store); opened read-only")
    p.add_argument("--port", type=port_number, default=8001, help="default 8001")
    p.add_argument("--host", default="127.0.0.1", help="default 127.0.0.1 (loopback only)")
    p.add_argument("--db", metavar="FILE",
                   help="keep the analyst database here (default: a temporary file, removed on exit)")
    p.set_defaults(func=cmd_browse)

    p = sub.add_parser("report", help="one self-contained HTML report of a harvest store (charts, Thai, BE/CE)")
    p.add_argument("--store", metavar="PATH|URL",
                   help="SQLite path or postgresql:// URL (default: the default store); opened read-only")
    p.add_argument("-o", "--output", metavar="FILE", required=True, help="the HTML file")
    p.add_argument("--as-of", type=as_of, metavar="DATE",
                   help="count freshness from DATE (CE or BE; default: now)")
    p.set_defaults(func=cmd_report)
