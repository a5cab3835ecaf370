"""``labour-scraper crawl`` and ``labour-scraper demo``: run the portal spider in-process."""

from __future__ import annotations

import contextlib
import ipaddress
import os
import sys
from pathlib import Path
from urllib.parse import urlsplit

from scraper.usage import (
    UsageError,
    apply_set_options,
    check_output_dir,
    check_output_file,
    error_rate,
    log_level,
    positive_int,
    setting_assignment,
    since_date,
    store_location,
)

DEMO_OFFICE = "พอร์ทัลสาธิต (demo portal)"


def add_subcommands(sub) -> None:
    p = sub.add_parser("crawl", help="crawl portals into JSON Lines records")
    which = p.add_mutually_exclusive_group(required=True)
    which.add_argument("--site", action="append", metavar="ID", help="registry site id (repeatable)")
    which.add_argument("--all", action="store_true", help="every portal of the registry")
    which.add_argument("--start-url", action="append", metavar="URL", help="any Joomla portal page (repeatable)")
    which.add_argument("--demo", action="store_true", help="the bundled demo portal, served on 127.0.0.1")
    _common(p)
    p.set_defaults(func=cmd_crawl)

    p = sub.add_parser("demo", help="serve the bundled demo portal on 127.0.0.1 and crawl it (offline)")
    _common(p, default_output="out/demo.jsonl")
    p.set_defaults(func=cmd_crawl, demo=True, site=None, all=False, start_url=None)


def _common(p, default_output: str | None = None) -> None:
    p.add_argument("-o", "--output", metavar="FILE", default=default_output,
                   help="records: .jsonl (crash-safe, resumable) or .csv (Scrapy feed); optional with --store")
    p.add_argument("--store", nargs="?", const="", metavar="PATH|URL",
                   help="harvest into a store (SQLite path, or postgresql://...; default path when no value): "
                        "incremental, with revisions and hit-count history")
    p.add_argument("--refetch", choices=("changed", "hits", "always", "never"),
                   help="with --store: when known articles are fetched again (default: changed)")
    p.add_argument("--report", metavar="FILE", help="JSON run report (default: beside the output or the store)")
    p.add_argument("--log-file", metavar="FILE", help="write Scrapy's log to FILE")
    p.add_argument("--max-error-rate", type=error_rate, metavar="R",
                   help="exit 1 when errors + quarantined exceed R x articles found (0..1, default 0.10)")
    p.add_argument("--since", type=since_date, metavar="DATE",
                   help="only articles published on or after DATE (CE or BE)")
    p.add_argument("--job-dir", metavar="DIR", help="resumable job state (Scrapy JOBDIR, crash-safe)")
    p.add_argument("--max-pages", type=positive_int, metavar="N", help="stop after N pages")
    p.add_argument("--http-cache", action="store_true", help="cache responses (Scrapy HTTPCACHE)")
    p.add_argument("--unpolite", action="store_true",
                   help="relax politeness for benchmarks; only allowed when every start URL is on loopback")
    p.add_argument("--log-level", type=log_level, default="WARNING",
                   help="Scrapy log level: CRITICAL, ERROR, WARNING (default), INFO or DEBUG")
    p.add_argument("--quiet", action="store_true", help="no progress lines")
    p.add_argument("--set", action="append", default=[], type=setting_assignment, metavar="NAME=VALUE",
                   help="any Scrapy setting, typed like its default; applied last, it wins over every other option")


def is_loopback_url(url: str) -> bool:
    host = urlsplit(url).hostname or ""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def demo_site_root() -> Path:
    """The bundled demo portal: ``fixtures/site`` of the source tree, else generated once."""
    repo_site = Path(__file__).resolve().parent.parent / "fixtures" / "site"
    if (repo_site / "robots.txt").exists():
        return repo_site
    from scraper.demo.portal import build_portal

    target = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "labour-scraper" / "demo-site"
    if not (target / "robots.txt").exists():
        build_portal(target)
    return target


def project_settings(args):
    """The project's settings with the options of this command line; ``--set`` is not applied
    here but last, by :func:`crawl_settings`."""
    os.environ.setdefault("SCRAPY_SETTINGS_MODULE", "scraper.settings")
    from scrapy.utils.project import get_project_settings

    settings = get_project_settings()
    output = args.output
    if output and output.endswith(".csv"):
        # a fresh run replaces the file (as with JSON Lines); a resumed one (--job-dir) continues it
        settings.set("FEEDS", {output: {"format": "csv", "encoding": "utf-8", "overwrite": not args.job_dir}})
        settings.set("LABOUR_SUMMARY", str(Path(output).with_suffix(".summary.json")))
        settings.set("LABOUR_QUARANTINE", str(Path(output).with_suffix(".quarantine.jsonl")))
    elif output:
        settings.set("LABOUR_OUTPUT", output)
    if args.job_dir:
        settings.set("JOBDIR", args.job_dir)
    if args.max_pages:
        settings.set("CLOSESPIDER_PAGECOUNT", args.max_pages)
    if args.store is not None:
        settings.set("LABOUR_STORE", store_location(args.store))
    if args.refetch:
        settings.set("LABOUR_REFETCH", args.refetch)
    if args.report:
        settings.set("LABOUR_SUMMARY", args.report)
    elif not output and args.store is not None and "://" not in settings.get("LABOUR_STORE"):
        settings.set("LABOUR_SUMMARY", str(Path(settings.get("LABOUR_STORE")).with_suffix(".report.json")))
    if args.log_file:
        settings.set("LOG_FILE", args.log_file)
    if args.max_error_rate is not None:
        settings.set("LABOUR_MAX_ERROR_RATE", args.max_error_rate)
    if args.http_cache:
        settings.set("HTTPCACHE_ENABLED", True)
    settings.set("LOG_LEVEL", args.log_level.upper())
    settings.set("LABOUR_QUIET", bool(args.quiet))
    return settings


def crawl_settings(args):
    """Every setting of this crawl: the project's, this command line's options, the relaxed
    politeness of ``demo``/``--unpolite`` (loopback only), and ``--set`` last, at Scrapy's
    ``cmdline`` priority, so that it wins over all of them. Raises :class:`UsageError` for a
    ``--set`` value that does not fit its setting's type."""
    settings = project_settings(args)
    if args.demo or args.unpolite:
        relax_politeness(settings)
    apply_set_options(settings, args.set)
    return settings


def validate_crawl_args(args) -> None:
    """Every check of a crawl's command line that needs no network and starts nothing, in the
    order a user reads the options; raises :class:`UsageError` naming the argument."""
    from scraper.registry import load_sites

    if args.start_url:  # http(s) only, before anything starts (scraper/hostpolicy.py)
        from scraper.hostpolicy import check_start_url

        try:
            args.start_url = [check_start_url(u) for u in args.start_url]
        except ValueError as exc:
            raise UsageError(str(exc).removeprefix("--start-url "), "--start-url") from None
    if args.site:
        registry = load_sites()
        unknown = [s for s in args.site if s not in registry]
        if unknown:
            ids = ", ".join(repr(s) for s in unknown)
            raise UsageError(f"unknown site id{'s' if len(unknown) > 1 else ''} {ids} (see `labour-scraper sites`)",
                             "--site")
    if not args.output and args.store is None:
        raise UsageError("give -o FILE, --store, or both", "-o/--output")
    if args.output:
        check_output_file(args.output, "-o/--output")
    if args.report:
        check_output_file(args.report, "--report")
    if args.log_file:
        check_output_file(args.log_file, "--log-file")
    if args.job_dir:
        check_output_dir(args.job_dir, "--job-dir")
    if args.refetch and args.store is None:
        raise UsageError("only with --store (it decides when articles already stored are fetched again)",
                         "--refetch")
    if args.unpolite and not args.demo:
        if not args.start_url or not all(is_loopback_url(u) for u in args.start_url):
            raise UsageError("for local benchmarks only: every --start-url must be on loopback", "--unpolite")


def check_store(location: str) -> None:
    """Open and close the store once before anything starts: a directory, a file that is no
    SQLite database, an unreachable server or an unsupported scheme is a one-line error naming
    ``--store`` (exit 2), not a failure in the middle of a crawl."""
    from scraper.storage import StoreError, open_store

    try:
        open_store(location).close()
    except StoreError as exc:
        raise UsageError(str(exc), "--store") from None


def fresh_outputs(settings) -> None:
    """Without --job-dir a crawl starts afresh: the previous run's files are replaced.

    With --job-dir the same output is continued instead (records already there are kept and not
    fetched again), which is how interrupted crawls resume.
    """
    from pipelines.jsonlines import sidecar_path

    output = settings.get("LABOUR_OUTPUT")
    for path in (output, settings.get("LABOUR_QUARANTINE") or sidecar_path(output, ".quarantine.jsonl")):
        if path and os.path.exists(path):
            os.remove(path)


def start_demo_server(server_cls, root, job_dir: str | None):
    """The demo portal on a free port; on a resumed run (``--job-dir``), on the port of the run
    being resumed when it is still free, so that the requests queued in the job dir stay valid.
    When it is taken, the new port differs and the stale queue is dropped (CrashSafeJobDir)."""
    from scraper.extensions import previous_origin

    previous = urlsplit(previous_origin(job_dir) or "")
    if previous.hostname == "127.0.0.1" and previous.port:
        try:
            return server_cls(root, port=previous.port).start()
        except OSError:
            pass
    return server_cls(root).start()


def relax_politeness(settings) -> None:
    for name, value in settings.getdict("POLITENESS_RELAXED").items():
        settings.set(name, value)


def cmd_crawl(args) -> int:
    from scraper.registry import RegistryError, Site
    from scraper.spiders.portal import PortalSpider
    from scraper.storage import StoreError

    validate_crawl_args(args)
    settings = crawl_settings(args)
    if settings.get("LABOUR_STORE"):
        check_store(settings.get("LABOUR_STORE"))
    spider_kwargs: dict = {"since": args.since}
    server = None
    if args.demo:
        from scraper.demo.server import PortalServer

        server = start_demo_server(PortalServer, demo_site_root(), args.job_dir)
        base = server.base_url
        settings.set("LABOUR_JOB_ORIGIN", base)
        spider_kwargs["sites"] = [Site(id="demo", office=DEMO_OFFICE, base_url=base, start_urls=(base,),
                                       hosts=("127.0.0.1",), checked=True, note="bundled demo portal")]
        print(f"[labour-scraper] demo portal served at {base}", file=sys.stderr)
    elif args.site:
        spider_kwargs["site"] = ",".join(args.site)
    elif args.all:
        spider_kwargs["all"] = "1"
    else:
        spider_kwargs["start_url"] = ",".join(args.start_url)
    try:
        with store_lock(settings, portal_ids(args, spider_kwargs)) as locked, \
                held_output_lock(args.output, settings) as out_locked:
            if locked is not None or out_locked is not None:
                print(f"labour-scraper {args.command}: error: {locked or out_locked}", file=sys.stderr)
                return 3
            if not args.job_dir:
                fresh_outputs(settings)
            summary = run_spider(settings, PortalSpider, **spider_kwargs)
    except (StoreError, RegistryError) as exc:  # a store or registry that cannot be read: configuration
        raise UsageError(str(exc)) from None
    finally:
        if server is not None:
            server.shutdown()
    return exit_code(summary, settings.getfloat("LABOUR_MAX_ERROR_RATE", 0.10))


def exit_code(summary: dict | None, max_error_rate: float) -> int:
    """0 finished; 1 not finished, or errors + quarantined over the threshold; else 4 when a
    portal has a layout_drift finding (the run itself went well, a portal changed)."""
    if not summary or summary.get("finish_reason") not in ("finished", "closespider_pagecount"):
        return 1
    failures = summary.get("quarantined", 0) + summary.get("listing_errors", 0)
    # articles already in a resumed run's output count as seen: a rerun with nothing left to do
    # (every record written before) is a success, not a run whose few failures are all it did
    seen = (summary.get("articles_found", 0) + summary.get("refetched_changed", 0) + summary.get("known_unchanged", 0)
            + summary.get("skipped_already_written", 0))
    # a resumed run also fetches the articles its job dir had queued: they were "found" by the
    # interrupted run, so this run's records and quarantined pages are attempts too
    done = summary.get("records_written", 0) + summary.get("quarantined", 0)
    attempted = max(1, seen, done)
    if failures / attempted > max_error_rate:
        return 1
    return 4 if summary.get("findings") else 0


@contextlib.contextmanager
def held_output_lock(output: str | None, settings):
    """Hold ``-o``'s lock around the crawl (taken before the previous run's files are replaced);
    yields None, or the OutputLocked message."""
    from pipelines.jsonlines import OutputLocked, output_lock

    if not output:
        yield None
        return
    try:
        cm = output_lock(output)
        cm.__enter__()
    except OutputLocked as exc:
        yield str(exc)
        return
    settings.set("LABOUR_OUTPUT_LOCK_HELD", True)
    try:
        yield None
    finally:
        cm.__exit__(None, None, None)


def portal_ids(args, spider_kwargs: dict) -> list[str]:
    """The portals this crawl harvests, as the spider will name them (registry ids; a bare
    ``--start-url``'s host; ``demo``): what :class:`store_lock` locks in a store that locks single
    portals (PostgreSQL)."""
    from scraper.registry import load_sites
    from scraper.spiders.portal import site_for_start_url

    if spider_kwargs.get("sites"):
        return [s.id for s in spider_kwargs["sites"]]
    if args.all:
        return list(load_sites())
    if args.site:
        return list(args.site)
    return [site_for_start_url(u).id for u in args.start_url or ()]


class store_lock:
    """Hold the store's lock around the crawl; yields None, or the StoreLocked message.

    With ``portals``, only those portals are locked where the store can lock single portals
    (PostgreSQL: runs on other portals go on at the same time); SQLite is always locked whole."""

    def __init__(self, settings, portals: list[str] | None = None):
        self.settings = settings
        self.portals = portals
        self.store = None
        self.cm = None

    def __enter__(self):
        location = self.settings.get("LABOUR_STORE")
        if not location:
            return None
        from scraper.storage import StoreLocked, open_store

        self.store = open_store(location)
        self.cm = self.store.lock(self.portals)
        try:
            self.cm.__enter__()
        except StoreLocked as exc:
            self.cm = None
            return str(exc)
        self.store.migrate()
        self.settings.set("LABOUR_STORE_LOCK_HELD", True)
        return None

    def __exit__(self, *exc_info):
        if self.cm is not None:
            self.cm.__exit__(None, None, None)
        if self.store is not None:
            self.store.close()
        return False


def run_spider(settings, spider_cls, **kwargs) -> dict | None:
    """Run one crawl to its end in this process; return the summary dict."""
    from scrapy.crawler import CrawlerProcess

    from scraper.redact import install_log_masking

    process = CrawlerProcess(settings)
    install_log_masking()  # on the handlers Scrapy just installed: the store URL is in its logs
    crawler = process.create_crawler(spider_cls)
    process.crawl(crawler, **kwargs)
    process.start()
    return crawler.stats.get_value("labour/summary") if crawler.stats else None
