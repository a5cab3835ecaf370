"""``labour-scraper``: the command line.

Subcommands: ``extract`` (saved pages -> records), ``sites`` (the portal registry), ``export``
(a harvest store -> JSONL/CSV/Parquet), and ``crawl``/``demo`` (defined in :mod:`scraper.crawl`).
"""

from __future__ import annotations

import argparse
import sys

from scraper import __version__


def _cmd_extract(args) -> int:
    from scraper.extract import open_output, run_extract

    site = None
    if args.site:
        from scraper.registry import load_sites

        sites = load_sites()
        if args.site not in sites:
            print(f"labour-scraper: unknown site id {args.site!r} (see `labour-scraper sites`)", file=sys.stderr)
            return 2
        site = sites[args.site]
    out = open_output(args.output)
    try:
        ok, failed = run_extract(args.paths, out, base_url=args.base_url, site=site)
    finally:
        if out is not sys.stdout:
            out.close()
    print(f"labour-scraper: {ok} records, {failed} failed", file=sys.stderr)
    return 1 if failed else 0


def _cmd_sites(args) -> int:
    from scraper.registry import format_sites_table, load_sites

    print(format_sites_table(load_sites()))
    return 0


def _cmd_export(args) -> int:
    from pathlib import Path

    from scraper.crawl import store_location
    from scraper.export import export
    from scraper.spiders.portal import parse_since
    from scraper.storage import open_store

    fmt = args.format or Path(args.output).suffix.lstrip(".").lower()
    if fmt not in ("jsonl", "csv", "parquet"):
        print(f"labour-scraper: unknown export format {fmt!r}: give --format jsonl|csv|parquet", file=sys.stderr)
        return 2
    try:
        since = parse_since(args.since)
    except ValueError as exc:
        print(f"labour-scraper: {exc}", file=sys.stderr)
        return 2
    location = store_location(args.store or "")
    if "://" not in location and not Path(location).exists():
        print(f"labour-scraper: no store at {location}", file=sys.stderr)
        return 2
    store = open_store(location)
    try:
        store.migrate()
        rows = export(store, fmt, Path(args.output), since=since, site=args.site, table=args.table)
    finally:
        store.close()
    print(f"labour-scraper: {rows} {args.table} rows -> {args.output}", file=sys.stderr)
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="labour-scraper",
        description="Harvest articles from the portals of Thailand's labour protection offices.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("extract", help="extract records from saved article pages (offline)")
    p.add_argument("paths", nargs="+", metavar="PATH", help="HTML files, directories (recursive), or - for stdin")
    p.add_argument("-o", "--output", metavar="FILE", help="JSON Lines output (default: stdout)")
    p.add_argument("--base-url", metavar="URL", help="URL of the page(s) instead of their file:// URI")
    p.add_argument("--site", metavar="ID", help="registry site id to attribute the pages to")
    p.set_defaults(func=_cmd_extract)

    p = sub.add_parser("export", help="export a harvest store to JSON Lines, CSV or Parquet")
    p.add_argument("--store", metavar="PATH|URL", help="SQLite path or postgresql:// URL (default: the default store)")
    p.add_argument("--format", choices=("jsonl", "csv", "parquet"), help="default: from the output's suffix")
    p.add_argument("--table", choices=("records", "hits", "revisions"), default="records")
    p.add_argument("--since", metavar="DATE", help="records published on or after DATE (CE or BE)")
    p.add_argument("--site", metavar="ID", help="only this site")
    p.add_argument("-o", "--output", metavar="FILE", required=True)
    p.set_defaults(func=_cmd_export)

    p = sub.add_parser("sites", help="list the portals of the registry")
    p.set_defaults(func=_cmd_sites)

    from scraper import crawl, savefixture

    crawl.add_subcommands(sub)
    savefixture.add_subcommand(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except KeyboardInterrupt:
        print("labour-scraper: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
