"""``labour-scraper schedule``: the network spread over Scrapyd nodes, one job per portal, all
harvesting into one PostgreSQL store; waits for them and tells how each one ended.

    labour-scraper schedule --scrapyd http://node1:6800/ http://node2:6800/ --all \\
        --store postgresql://harvest@db.example/labour

Why one job per portal: a portal is the unit of politeness (its own hosts, its own pace) and of
the store's lock (:meth:`scraper.storage.Store.lock` locks single portals in PostgreSQL), so jobs on
different portals never wait for each other, and a portal that is slow or failing costs one job.

Dispatch is least loaded first and keeps no long backlog: a job goes to a node only while that
node has no pending job (Scrapyd's ``daemonstatus.json``), to the one running fewest jobs among
those. A node whose slots are all busy thus holds at most one waiting job and the rest of the
portals stay here, to go to whichever node frees a slot first; portals of very different sizes
do not pile up behind one slow node. Scrapyd does not publish a node's slot count (``max_proc``),
so this needs none.

Scrapyd does not report a job's exit status either: a job is judged by its log (``log_url`` of
``listjobs.json``), from the run summary the crawl writes there in one line
(:data:`SUMMARY_MARK`, by :class:`scraper.extensions.CrawlReport`), with the same rule as
``crawl``'s exit code (:func:`scraper.crawl.exit_code`). No summary (the process died, the
portal was locked by another run, the log was rotated away) is a failure, with the reason
found in the log.
"""

from __future__ import annotations

import json
import re
import sys
import time
import urllib.error
import urllib.request
import uuid
from collections import deque
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode, urljoin, urlsplit

from scraper.usage import UsageError, check_output_file, error_rate, setting_assignment, since_date

PROJECT = "labour_scraper"  # scrapy.cfg [deploy] project
SPIDER = "portal"
#: The log line holding a job's run summary (JSON after the mark).
SUMMARY_MARK = "labour-scraper summary "
#: A node that has not answered for this long is given up: its unfinished jobs count as failed.
NODE_GRACE_S = 60.0
HTTP_TIMEOUT_S = 20.0
LOG_LEVELS_WITH_INFO = ("INFO", "DEBUG")


def add_subcommand(sub) -> None:
    p = sub.add_parser("schedule", help="spread one Scrapyd job per portal over Scrapyd nodes and wait for them")
    p.add_argument("--scrapyd", nargs="+", action="extend", required=True, metavar="URL",
                   help="Scrapyd node(s), e.g. http://10.0.0.5:6800/ (the project deployed on each)")
    which = p.add_mutually_exclusive_group(required=True)
    which.add_argument("--site", nargs="+", action="extend", metavar="ID", help="registry site id(s)")
    which.add_argument("--all", action="store_true", help="every portal of the registry")
    p.add_argument("--store", required=True, metavar="URL",
                   help="postgresql://... reached by every node (no password in it: see docs/scaling.md)")
    p.add_argument("--project", default=PROJECT, help=f"Scrapyd project name (default {PROJECT})")
    p.add_argument("--since", type=since_date, metavar="DATE", help="only articles published on or after DATE")
    p.add_argument("--refetch", choices=("changed", "hits", "always", "never"),
                   help="when known articles are fetched again (default: changed)")
    p.add_argument("--max-error-rate", type=error_rate, metavar="R", default=0.10,
                   help="a job failed when errors + quarantined exceed R x articles found (default 0.10)")
    p.add_argument("--set", action="append", default=[], type=setting_assignment, metavar="NAME=VALUE",
                   help="a Scrapy setting for every job (typed like its default)")
    p.add_argument("--poll", type=_seconds, default=5.0, metavar="S", help="seconds between polls (default 5)")
    p.add_argument("--report", metavar="FILE", help="write every job and its outcome as JSON")
    p.set_defaults(func=cmd_schedule)


def _seconds(value: str) -> float:
    import argparse

    try:
        number = float(value)
    except ValueError:
        number = -1.0
    if not 0.05 <= number <= 3600:
        raise argparse.ArgumentTypeError(f"give seconds between 0.05 and 3600, not {value!r}")
    return number


# -- nodes ----------------------------------------------------------------------------------------


class NodeError(Exception):
    """A Scrapyd node did not answer, or answered with an error."""


@dataclass
class Node:
    url: str
    pending: int = 0
    running: int = 0
    last_ok: float = field(default_factory=time.monotonic)
    gone: bool = False
    assigned: list[str] = field(default_factory=list)

    @property
    def label(self) -> str:
        return urlsplit(self.url).netloc

    def _answer(self, req: urllib.request.Request) -> dict:
        try:
            with urllib.request.urlopen(req, timeout=HTTP_TIMEOUT_S) as resp:
                body = resp.read()
        except urllib.error.HTTPError as exc:
            raise NodeError(f"{self.url}: HTTP {exc.code} from {req.full_url.removeprefix(self.url)}") from None
        except (OSError, ValueError) as exc:
            reason = getattr(exc, "reason", None) or exc
            raise NodeError(f"{self.url} does not answer ({reason})") from None
        try:
            answer = json.loads(body)
        except ValueError:
            raise NodeError(f"{self.url}: not a Scrapyd node (no JSON from {req.full_url})") from None
        if not isinstance(answer, dict) or answer.get("status") != "ok":
            message = answer.get("message") if isinstance(answer, dict) else answer
            raise NodeError(f"{self.url}: {req.full_url.removeprefix(self.url)}: {message}")
        return answer

    def get(self, endpoint: str, **params: str) -> dict:
        return self._answer(urllib.request.Request(urljoin(self.url, endpoint) + ("?" + urlencode(params) if params else "")))

    def post(self, endpoint: str, fields: list[tuple[str, str]]) -> dict:
        data = urlencode(fields).encode("utf-8")
        return self._answer(urllib.request.Request(urljoin(self.url, endpoint), data=data, headers={
            "Content-Type": "application/x-www-form-urlencoded"}))

    def text(self, path: str) -> str:
        try:
            with urllib.request.urlopen(urljoin(self.url, path), timeout=HTTP_TIMEOUT_S) as resp:
                return resp.read().decode("utf-8", "replace")
        except urllib.error.HTTPError as exc:
            raise NodeError(f"HTTP {exc.code}") from None
        except (OSError, ValueError) as exc:
            raise NodeError(str(getattr(exc, "reason", None) or exc)) from None


@dataclass
class Job:
    site: str
    node: Node
    id: str
    state: str = "scheduled"  # scheduled (pending at Scrapyd), running, then ok / failed
    scheduled_at: float = 0.0
    started_at: float | None = None
    ended_at: float | None = None
    reason: str = ""
    summary: dict | None = None
    log_url: str | None = None

    @property
    def done(self) -> bool:
        return self.state in ("ok", "failed")


# -- checks ---------------------------------------------------------------------------------------


def _node_urls(values: list[str]) -> list[str]:
    urls: list[str] = []
    for value in values:
        parts = urlsplit(value)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise UsageError(f"{value!r} is not an http(s) URL of a Scrapyd node", "--scrapyd")
        try:
            parts.port  # noqa: B018 - raises ValueError on a bad port
        except ValueError:
            raise UsageError(f"{value!r} has a bad port", "--scrapyd") from None
        url = value if value.endswith("/") else value + "/"
        if url in urls:
            raise UsageError(f"{value} is given twice", "--scrapyd")
        urls.append(url)
    return urls


def _check_store(location: str) -> None:
    """A PostgreSQL store without a password in its URL, that opens (and is migrated here, once,
    rather than by the first jobs at the same time)."""
    from scraper.storage import StoreError, open_store

    if not location.startswith(("postgresql://", "postgres://")):
        raise UsageError("schedule needs a PostgreSQL store (postgresql://...) that every node reaches; an "
                         "SQLite file belongs to one machine and is locked whole", "--store")
    parts = urlsplit(location)
    if parts.password or re.search(r"(^|&)password=", parts.query):
        raise UsageError("no password in the URL: it would travel in every job's settings, shown by "
                         "Scrapyd's listjobs.json and job logs; give the nodes ~/.pgpass or PGPASSWORD",
                         "--store")
    try:
        store = open_store(location)
        try:
            store.migrate()
        finally:
            store.close()
    except StoreError as exc:
        raise UsageError(str(exc), "--store") from None


def _job_settings(args) -> list[tuple[str, str]]:
    """``setting=NAME=VALUE`` fields of every job; ``--set`` values typed here (a mistake is a
    usage error now, not a failed job on every node later), passed on as given."""
    from scrapy.settings import Settings

    from scraper.usage import typed_setting

    defaults = Settings()
    defaults.setmodule("scraper.settings", priority="project")
    given = {}
    for name, raw in args.set:
        typed_setting(name, raw, defaults.get(name))
        given[name] = raw
    level = given.get("LOG_LEVEL", "INFO").upper()
    if level not in LOG_LEVELS_WITH_INFO:
        raise UsageError(f"LOG_LEVEL={given['LOG_LEVEL']}: schedule reads each job's summary from its INFO log "
                         "line; give INFO or DEBUG", "--set")
    fields = {"LABOUR_STORE": args.store, "LOG_LEVEL": level}
    if args.refetch:
        fields["LABOUR_REFETCH"] = args.refetch
    fields.update({k: v for k, v in given.items() if k != "LOG_LEVEL"})
    return [("setting", f"{k}={v}") for k, v in fields.items()]


def _check_nodes(nodes: list[Node], project: str) -> None:
    for node in nodes:
        try:
            status = node.get("daemonstatus.json")
            projects = node.get("listprojects.json").get("projects", [])
            if project not in projects:
                raise UsageError(f"project {project!r} is not deployed on {node.url} (scrapyd-deploy; "
                                 f"it has: {', '.join(projects) or 'none'})", "--scrapyd")
            spiders = node.get("listspiders.json", project=project).get("spiders", [])
        except NodeError as exc:
            raise UsageError(str(exc), "--scrapyd") from None
        if SPIDER not in spiders:
            raise UsageError(f"project {project!r} on {node.url} has no spider {SPIDER!r}", "--scrapyd")
        node.pending, node.running = int(status.get("pending", 0)), int(status.get("running", 0))


# -- judging a finished job -----------------------------------------------------------------------


def judge(job: Job, log: str | None, max_error_rate: float, log_error: str = "") -> None:
    """Set ``job.state`` to ok or failed, with the reason, from the job's log text."""
    from scraper.crawl import exit_code

    if log is None:
        job.state, job.reason = "failed", f"its log could not be read ({log_error}); see docs/scaling.md"
        return
    summary = None
    for line in log.splitlines():
        at = line.find(SUMMARY_MARK)
        if at >= 0:
            try:
                summary = json.loads(line[at + len(SUMMARY_MARK):])
            except ValueError:
                continue
    job.summary = summary
    if summary is None:
        job.state, job.reason = "failed", _failure_in(log) or "no run summary in its log (the crawl did not end)"
        return
    if exit_code(summary, max_error_rate) == 0:
        job.state = "ok"
        return
    job.state = "failed"
    if summary.get("finish_reason") not in ("finished", "closespider_pagecount"):
        found = _failure_in(log)  # a lock refused when the pipelines opened ends the crawl "shutdown"
        job.reason = f"not finished ({summary.get('finish_reason')})" + (f": {found}" if found else "")
    else:
        failures = summary.get("quarantined", 0) + summary.get("listing_errors", 0)
        job.reason = (f"{failures} quarantined or listing errors of {summary.get('articles_found', 0)} articles: "
                      f"over --max-error-rate {max_error_rate:g}")


def _failure_in(log: str) -> str:
    """The most telling error of a log without a summary: a store lock, else the last exception
    line of a traceback, else the last ERROR/CRITICAL line."""
    from scraper.redact import mask_secrets

    locked = re.findall(r"StoreLocked: (.+)", log)
    if locked:
        return mask_secrets(locked[-1].strip())
    lines = log.splitlines()
    exception = [ln for ln in lines if re.match(r"^[A-Za-z_][\w.]*(Error|Exception|Locked|Exit)\b: ", ln)]
    if exception:
        return mask_secrets(exception[-1].strip())
    errors = [ln for ln in lines if " ERROR: " in ln or " CRITICAL: " in ln]
    return mask_secrets(errors[-1].split(": ", 1)[-1].strip()) if errors else ""


# -- the run --------------------------------------------------------------------------------------


class Schedule:
    """Dispatch, poll and report; :meth:`run` returns the exit code."""

    def __init__(self, args, nodes: list[Node], sites: list[str], settings: list[tuple[str, str]], out=None):
        self.args = args
        self.nodes = nodes
        self.queue = deque(sites)
        self.settings = settings
        self.jobs: list[Job] = []
        self.out = out or sys.stdout
        self.started = time.monotonic()
        self.started_at = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())

    def say(self, text: str) -> None:
        print(f"[schedule {time.monotonic() - self.started:7.1f}s] {text}", file=self.out, flush=True)

    def run(self) -> int:
        from scraper.redact import mask_location

        self.say(f"{len(self.queue)} portal{'s' * (len(self.queue) != 1)} over {len(self.nodes)} "
                 f"node{'s' * (len(self.nodes) != 1)} ({', '.join(n.label for n in self.nodes)}), "
                 f"store {mask_location(self.args.store)}")
        while True:
            self.dispatch()
            if not self.queue and all(j.done for j in self.jobs):
                break
            if self.queue and all(n.gone for n in self.nodes):
                for site in self.queue:
                    self.say(f"{site}: not scheduled: no node answers")
                break
            time.sleep(self.args.poll)
            self.poll()
        return self.finish()

    def dispatch(self) -> None:
        """Least loaded first: to a node with no pending job, the one running fewest."""
        while self.queue:
            free = [n for n in self.nodes if not n.gone and n.pending == 0]
            if not free:
                return
            node = min(free, key=lambda n: (n.running, len(n.assigned), self.nodes.index(n)))
            site = self.queue[0]
            job_id = f"{site}-{uuid.uuid4().hex[:12]}"
            fields = [("project", self.args.project), ("spider", SPIDER), ("jobid", job_id), ("site", site)]
            if self.args.since:
                fields.append(("since", self.args.since))
            try:
                node.post("schedule.json", fields + self.settings)
            except NodeError as exc:
                self.say(f"{node.label}: schedule.json failed ({exc}); trying another node")
                self._lost_contact(node)
                continue
            self.queue.popleft()
            node.pending += 1
            node.last_ok = time.monotonic()
            node.assigned.append(site)
            job = Job(site, node, job_id, scheduled_at=time.monotonic())
            self.jobs.append(job)
            self.say(f"{site}: scheduled on {node.label} (job {job_id}; the node had {node.running} running)")

    def poll(self) -> None:
        for node in self.nodes:
            if node.gone:
                continue
            try:
                status = node.get("daemonstatus.json")
                listed = node.get("listjobs.json", project=self.args.project)
            except NodeError as exc:
                self._lost_contact(node, str(exc))
                continue
            node.last_ok = time.monotonic()
            node.pending, node.running = int(status.get("pending", 0)), int(status.get("running", 0))
            states = {}
            for state in ("pending", "running", "finished"):
                for entry in listed.get(state, []):
                    states[entry.get("id")] = (state, entry)
            for job in self.jobs:
                if job.node is node and not job.done:
                    self._update(job, *states.get(job.id, (None, {})))

    def _update(self, job: Job, state: str | None, entry: dict) -> None:
        if state == "running" and job.state == "scheduled":
            job.state, job.started_at = "running", time.monotonic()
            self.say(f"{job.site}: running on {job.node.label}")
        elif state == "finished" or (state is None and job.state == "running"):
            if job.started_at is None:
                job.started_at = time.monotonic()
            job.ended_at = time.monotonic()
            job.log_url = entry.get("log_url") or f"/logs/{self.args.project}/{SPIDER}/{job.id}.log"
            try:
                log, error = job.node.text(job.log_url), ""
            except NodeError as exc:
                log, error = None, str(exc)
            judge(job, log, self.args.max_error_rate, error)
            self.say(self._ended_line(job))

    def _ended_line(self, job: Job) -> str:
        took = (job.ended_at or 0) - (job.started_at or job.scheduled_at)
        if job.summary:
            s = job.summary
            what = (f"{s.get('records_written', 0)} records, {s.get('pages_fetched', 0)} pages, "
                    f"{s.get('quarantined', 0)} quarantined, {s.get('listing_errors', 0)} listing errors")
        else:
            what = "no summary"
        line = f"{job.site}: {job.state} on {job.node.label} after {took:.1f}s: {what}"
        return line + (f"; {job.reason}" if job.reason else "")

    def _lost_contact(self, node: Node, reason: str = "") -> None:
        if time.monotonic() - node.last_ok < NODE_GRACE_S:
            return
        node.gone = True
        self.say(f"{node.label}: given up, no answer for {NODE_GRACE_S:.0f}s" + (f" ({reason})" if reason else ""))
        for job in self.jobs:
            if job.node is node and not job.done:
                job.state, job.reason, job.ended_at = "failed", f"node {node.label} stopped answering", time.monotonic()
                self.say(self._ended_line(job))

    def finish(self) -> int:
        wall = time.monotonic() - self.started
        ok = [j for j in self.jobs if j.state == "ok"]
        failed = [j for j in self.jobs if j.state == "failed"]
        unscheduled = list(self.queue)
        spread = "; ".join(f"{n.label}: {' '.join(n.assigned) or '-'}" for n in self.nodes)
        text = (f"done in {wall:.1f}s: {len(self.jobs) + len(unscheduled)} portals, {len(ok)} ok, "
                f"{len(failed)} failed" + (f", {len(unscheduled)} not scheduled" if unscheduled else "")
                + f"; {spread}")
        self.say(text)
        for job in failed:
            self.say(f"failed: {job.site} on {job.node.label}: {job.reason}")
        if self.args.report:
            self.write_report(wall, unscheduled)
        return 0 if not failed and not unscheduled else 1

    def write_report(self, wall: float, unscheduled: list[str]) -> None:
        import os

        from scraper.redact import mask_location

        report = {
            "started_at": self.started_at,
            "duration_s": round(wall, 3),
            "store": mask_location(self.args.store),
            "project": self.args.project,
            "nodes": [{"url": n.url, "portals": n.assigned, "gone": n.gone} for n in self.nodes],
            "jobs": [{"site": j.site, "node": j.node.url, "job": j.id, "outcome": j.state, "reason": j.reason or None,
                      "waited_s": round((j.started_at or j.scheduled_at) - j.scheduled_at, 3),
                      "ran_s": round((j.ended_at or 0) - (j.started_at or 0), 3) if j.ended_at else None,
                      "log_url": j.log_url and urljoin(j.node.url, j.log_url), "summary": j.summary}
                     for j in self.jobs],
            "not_scheduled": unscheduled,
            "ok": sum(j.state == "ok" for j in self.jobs),
            "failed": sum(j.state == "failed" for j in self.jobs) + len(unscheduled),
        }
        path = Path(self.args.report)
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(path.name + ".tmp")
        tmp.write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        os.replace(tmp, path)


def cmd_schedule(args) -> int:
    from scraper.registry import load_sites

    urls = _node_urls(args.scrapyd)
    registry = load_sites()
    if args.all:
        sites = list(registry)
    else:
        unknown = [s for s in args.site if s not in registry]
        if unknown:
            raise UsageError(f"unknown site id{'s' * (len(unknown) > 1)} {', '.join(map(repr, unknown))} "
                             "(see `labour-scraper sites`)", "--site")
        sites = list(dict.fromkeys(args.site))
    if args.report:
        check_output_file(args.report, "--report")
    settings = _job_settings(args)
    _check_store(args.store)
    nodes = [Node(u) for u in urls]
    _check_nodes(nodes, args.project)
    run = Schedule(args, nodes, sites, settings)
    try:
        return run.run()
    except KeyboardInterrupt:
        waiting = [f"{j.site} ({j.node.label} job {j.id})" for j in run.jobs if not j.done]
        if waiting:
            print("labour-scraper schedule: jobs left running on their nodes: " + ", ".join(waiting),
                  file=sys.stderr)
        raise
