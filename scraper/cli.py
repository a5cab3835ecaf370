"""``labour-scraper``: the command line.

Subcommands: ``extract`` (saved pages -> records), ``sites`` (the portal registry), ``export``
(a harvest store -> JSONL/CSV/Parquet/SQLite), ``crawl``/``demo`` (defined in :mod:`scraper.crawl`),
``schedule`` (Scrapyd nodes, :mod:`scraper.schedule`), ``savefixture``, ``health`` (per-portal
health from a store, :mod:`scraper.health`) and the analyst's ``browse`` and ``report``
(:mod:`scraper.analysis.commands`).

Every mistake of usage or environment is one line on stderr naming the argument, and exit 2
(:mod:`scraper.usage`); anything else unexpected is one line and exit 1, its traceback shown only
with ``--debug``. No message shows a password (:mod:`scraper.redact`).
"""

from __future__ import annotations

import argparse
import sys

from scraper import __version__
from scraper.usage import (
    EXIT_USAGE,
    ArgumentParser,
    UsageError,
    check_output_file,
    one_line,
    open_readable_store,
    positive_int,
    since_date,
)

PROG = "labour-scraper"


def _cmd_extract(args) -> int:
    from scraper.extract import open_output, run_extract

    site = None
    if args.site:
        from scraper.registry import load_sites

        sites = load_sites()
        if args.site not in sites:
            raise UsageError(f"unknown site id {args.site!r} (see `labour-scraper sites`)", "--site")
        site = sites[args.site]
    if args.output not in (None, "-"):
        check_output_file(args.output, "-o/--output")
    out = open_output(args.output)
    try:
        ok, failed = run_extract(args.paths, out, base_url=args.base_url, site=site)
    finally:
        if out is not sys.stdout:
            out.close()
    print(f"labour-scraper: {ok} records, {failed} failed", file=sys.stderr)
    return 1 if failed else 0


def _cmd_sites(args) -> int:
    from scraper.registry import default_registry_path, format_sites_table, load_sites

    path = args.registry or default_registry_path()
    registry = load_sites(path)
    if args.site:
        unknown = [s for s in args.site if s not in registry]
        if unknown:
            raise UsageError(f"unknown site id{'s' * (len(unknown) > 1)} {', '.join(map(repr, unknown))} "
                             f"(not in {path})", "--site")
        chosen = [registry[s] for s in dict.fromkeys(args.site)]
    else:
        chosen = list(registry.values())
    if not args.check:
        for option, given in (("--json", args.json), ("--update", args.update)):
            if given:
                raise UsageError("only with --check", option)
        print(format_sites_table(chosen))
        return 0
    if args.json:
        check_output_file(args.json, "--json")
    if args.update:
        check_output_file(path, "--registry")  # the file --update rewrites
    from scraper.sitecheck import cmd_check

    return cmd_check(args, chosen, path)


def _cmd_export(args) -> int:
    from pathlib import Path

    from scraper.export import FORMATS, export
    from scraper.spiders.portal import parse_since

    check_output_file(args.output, "-o/--output")
    from scraper.export import SUFFIXES

    fmt = args.format or Path(args.output).suffix.lstrip(".").lower()
    fmt = SUFFIXES.get(fmt, fmt)
    if fmt not in FORMATS:
        raise UsageError(f"cannot tell the format from the name {args.output!r}: give --format "
                         f"{'|'.join(FORMATS)}", "--format")
    since = parse_since(args.since)
    store = open_readable_store(args.store)
    try:
        rows = export(store, fmt, Path(args.output), since=since, site=args.site, table=args.table)
    finally:
        store.close()
    what = "articles (analyst database)" if fmt == "sqlite" else f"{args.table} rows"
    print(f"labour-scraper: {rows} {what} -> {args.output}", file=sys.stderr)
    return 0


def _seconds_arg(value: str) -> float:
    try:
        number = float(value)
    except ValueError:
        number = -1.0
    if not 0 <= number <= 600:
        raise argparse.ArgumentTypeError(f"give seconds between 0 and 600, not {value!r}")
    return number


def build_parser() -> argparse.ArgumentParser:
    parser = ArgumentParser(
        prog=PROG,
        description="Harvest articles from the portals of Thailand's labour protection offices.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--debug", action="store_true", help="show the traceback of an unexpected error")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("extract", help="extract records from saved article pages (offline)")
    p.add_argument("paths", nargs="+", metavar="PATH", help="HTML files, directories (recursive), or - for stdin")
    p.add_argument("-o", "--output", metavar="FILE", help="JSON Lines output (default: stdout)")
    p.add_argument("--base-url", metavar="URL", help="URL of the page(s) instead of their file:// URI")
    p.add_argument("--site", metavar="ID", help="registry site id to attribute the pages to")
    p.set_defaults(func=_cmd_extract)

    p = sub.add_parser("export", help="export a harvest store to JSON Lines, CSV or Parquet")
    p.add_argument("--store", metavar="PATH|URL",
                   help="SQLite path or postgresql:// URL (default: the default store); opened read-only")
    p.add_argument("--format", choices=("jsonl", "csv", "parquet", "sqlite"),
                   help="default: from the output's suffix; sqlite: the analyst database `browse` serves")
    p.add_argument("--table", choices=("records", "hits", "revisions"), default="records")
    p.add_argument("--since", type=since_date, metavar="DATE", help="records published on or after DATE (CE or BE)")
    p.add_argument("--site", metavar="ID", help="only this site")
    p.add_argument("-o", "--output", metavar="FILE", required=True)
    p.set_defaults(func=_cmd_export)

    p = sub.add_parser("sites", help="list the portals of the registry, or check them live (--check)")
    p.add_argument("--registry", metavar="FILE",
                   help="registry file (default: $LABOUR_SITES, else the packaged scraper/sites.toml)")
    p.add_argument("--site", nargs="+", action="extend", metavar="ID", help="only these portals")
    p.add_argument("--check", action="store_true",
                   help="probe each portal politely: robots.txt, home page, one listing, one article")
    p.add_argument("--json", metavar="FILE", help="with --check: write the findings as JSON")
    p.add_argument("--update", action="store_true",
                   help="with --check: record the date and findings in the registry ([site.check])")
    p.add_argument("--delay", type=_seconds_arg, default=1.0, metavar="S",
                   help="with --check: seconds between two requests to one portal (default 1)")
    p.add_argument("--timeout", type=_seconds_arg, default=20.0, metavar="S",
                   help="with --check: seconds to wait for an answer (default 20)")
    p.add_argument("--jobs", type=positive_int, default=8, metavar="N",
                   help="with --check: portals checked at once (default 8; each one request at a time)")
    p.set_defaults(func=_cmd_sites)

    from scraper import crawl, health, savefixture, schedule
    from scraper.analysis import commands as analysis

    crawl.add_subcommands(sub)
    schedule.add_subcommand(sub)
    savefixture.add_subcommand(sub)
    health.add_subcommand(sub)
    analysis.add_subcommands(sub)
    for command in sub.choices.values():  # `labour-scraper crawl ... --debug` reads naturally too
        command.add_argument("--debug", action="store_true", default=argparse.SUPPRESS,
                             help="show the traceback of an unexpected error")
    return parser


def _error(prog: str, message: str) -> None:
    from scraper.redact import mask_secrets

    print(f"{prog}: error: {one_line(mask_secrets(message))}", file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    """Run one command; returns its exit code. Never lets a traceback reach the user unless
    ``--debug`` is given: usage and environment errors are 2, anything unexpected 1."""
    argv = sys.argv[1:] if argv is None else list(argv)
    debug = "--debug" in argv
    prog = PROG
    try:
        parser = build_parser()
        try:
            args = parser.parse_args(argv)
        except SystemExit as exc:  # --help, --version
            return exc.code if isinstance(exc.code, int) else 0
        debug = debug or bool(getattr(args, "debug", False))
        prog = f"{PROG} {args.command}"
        return args.func(args)
    except UsageError as exc:
        _error(exc.prog or prog, str(exc))
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("labour-scraper: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:
        from scraper.registry import RegistryError
        from scraper.storage import StoreError, StoreLocked

        if debug:
            import traceback

            traceback.print_exc()
        if isinstance(exc, StoreLocked):
            _error(prog, str(exc))
            return 3
        if isinstance(exc, (StoreError, RegistryError)) or _is_export_error(exc):
            _error(prog, str(exc))  # configuration: the store, the registry, an optional package
            return EXIT_USAGE
        hint = "" if debug else " (--debug shows the traceback)"
        _error(prog, f"{type(exc).__name__}: {exc}{hint}")
        return 1


def _is_export_error(exc: BaseException) -> bool:
    module = sys.modules.get("scraper.export")
    return module is not None and isinstance(exc, module.ExportError)


if __name__ == "__main__":
    sys.exit(main())
