"""The whole office network in one run: N generated portals on N loopback addresses, crawled with
the default polite settings, against the politeness bound.

    python benchmarks/fleet_bench.py [--hosts 88] [--latency 0.4] [--jitter 0.2] [--articles 140]
                                     [--runs 2] [--servers lean|threads] [--set NAME=VALUE ...]

Portal i (scraper.demo.portal, seed i) is served on 127.0.0.(2+i), every response after
``latency`` +- ``jitter`` seconds: by default all portals from one asyncio loop in this process
(benchmarks/lean_servers.py: the same answers as PortalServer at a fraction of its CPU, since the
servers share the cores with the crawl), with ``--servers threads`` by a PortalServer each as the
tests serve them. One ``labour-scraper crawl`` in a subprocess gets every portal's home page as a
start URL. Printed per run and as min/median/max over runs:

* wall time (the crawl's own duration) against the politeness bound: the busiest host's requests
  times its interval (DOWNLOAD_DELAY), i.e. how long the run must take if each host gets one
  request per interval and all hosts are crawled side by side;
* requests in flight per host, most seen by any host, from the servers' own request logs, and
  the median interval between a host's requests;
* hosts being served at the same moment (median and most, from the logs);
* CPU per page of the crawl process and its parsing workers (the crawl's summary; cross-checked
  with this process's RUSAGE_CHILDREN), peak RSS (crawl process plus workers), workers used;
* where the time went: the first request's delay after the crawl process started, the busiest
  host's span and mean interval between its requests (its pace: the bound assumes
  DOWNLOAD_DELAY), and CPU seconds by component: the crawl process, its workers, this process
  (the 88 servers) and every other process on the machine meanwhile (/proc/stat), against what
  the cores offered. The servers share the machine with the crawl: with 2 cores, the bound can
  only be met when the crawl, its workers and the servers together need less than 2 cores at
  the bound's pace (~170 pages/s), and nothing else runs. On the development machine (December
  2026, nothing else running) 1.16-1.22x the bound, ~12.6 ms of CPU a page: CPU-bound (the
  figures and what they are made of: docs/scaling.md).

Figures only, never asserts (tests/test_fleet.py checks politeness and overlap).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from itertools import pairwise
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from lean_servers import LeanFleet  # noqa: E402

from scraper.demo.portal import build_portal  # noqa: E402
from scraper.demo.server import FaultPlan, PortalServer, peak_overlap  # noqa: E402


def host_address(i: int) -> str:
    """127.0.0.2, 127.0.0.3, ... (127.0.0.1 stays free for everything else)."""
    n = i + 2
    return f"127.0.{n // 256}.{n % 256}"


def build_portals(workdir: Path, hosts: int, articles: int) -> list[Path]:
    roots = []
    t0 = time.perf_counter()
    for i in range(hosts):
        root = workdir / f"portal-{articles}-{i:03d}"
        manifest = root / "_manifest.json"
        if not (manifest.exists() and json.loads(manifest.read_text(encoding="utf-8"))["n_articles"] == articles):
            build_portal(root, n_articles=articles, seed=1000 + i, expected_records=False)
        roots.append(root)
    print(f"{hosts} portals of {articles} articles ready in {time.perf_counter() - t0:.1f}s", flush=True)
    return roots


def hosts_busy(logs: dict[str, list[tuple[float, float, str]]], step: float = 0.25) -> tuple[float, int]:
    """Median and most hosts with a request in flight, sampled every ``step`` seconds over the run."""
    spans = [(s, e) for log in logs.values() for s, e, _ in log]
    if not spans:
        return 0.0, 0
    start, end = min(s for s, _ in spans), max(e for _, e in spans)
    samples = []
    t = start
    while t <= end:
        samples.append(sum(1 for log in logs.values() if any(s <= t < e for s, e, _ in log)))
        t += step
    return statistics.median(samples), max(samples)


def machine_busy_s() -> float | None:
    """CPU seconds the whole machine has spent busy (not idle, not waiting for I/O), from
    /proc/stat; None where there is none."""
    try:
        with open("/proc/stat", encoding="ascii") as fh:
            fields = [int(v) for v in fh.readline().split()[1:]]
    except (OSError, ValueError):
        return None
    return (sum(fields[:8]) - fields[3] - fields[4]) / os.sysconf("SC_CLK_TCK")


def one_run(servers: list, workdir: Path, run: int, extra: list[str], delay: float) -> dict:
    for srv in servers:
        srv.stats.reset()
    out = workdir / f"fleet-run{run}.jsonl"
    cmd = [sys.executable, "-m", "scraper.cli", "crawl", "-o", str(out), "--quiet", "--log-level", "ERROR",
           "--max-error-rate", "1"]
    for srv in servers:
        cmd += ["--start-url", srv.base_url]
    for assignment in extra:
        cmd += ["--set", assignment]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    own_before = resource.getrusage(resource.RUSAGE_SELF)  # this process: the servers' threads
    busy_before = machine_busy_s()
    t0 = time.perf_counter()
    started = time.monotonic()
    proc = subprocess.run(cmd, capture_output=True, cwd=ROOT)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    own_after = resource.getrusage(resource.RUSAGE_SELF)
    busy_after = machine_busy_s()
    if proc.returncode not in (0, 1):
        raise SystemExit(f"crawl failed ({proc.returncode}): {proc.stderr.decode()[-3000:]}")
    summary = json.loads(out.with_name(out.stem + ".summary.json").read_text(encoding="utf-8"))
    logs = {srv.base_url: srv.stats.log for srv in servers}
    per_host = {url: len(log) for url, log in logs.items()}
    busiest = max(per_host.values())
    gaps = []
    for log in logs.values():
        starts = sorted(s for s, _, _ in log)
        gaps += [b - a for a, b in pairwise(starts)]
    bound = busiest * delay
    busy_median, busy_max = hosts_busy(logs)
    pages = summary["pages_fetched"]
    busiest_log = max(logs.values(), key=len)
    children_cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    servers_cpu = (own_after.ru_utime + own_after.ru_stime) - (own_before.ru_utime + own_before.ru_stime)
    workers = summary.get("workers", {})
    machine = None if busy_before is None or busy_after is None else busy_after - busy_before
    return {
        "run": run,
        "wall_s": summary["duration_s"],
        "process_s": round(wall, 2),
        "bound_s": round(bound, 2),
        "ratio": summary["duration_s"] / bound,
        "requests": sum(per_host.values()),
        "busiest_host_requests": busiest,
        "max_in_flight_per_host": max(peak_overlap([(s, e) for s, e, _ in log]) for log in logs.values()),
        "server_max_in_flight": max(srv.stats.max_in_flight for srv in servers),
        "median_gap_s": statistics.median(gaps) if gaps else 0.0,
        "hosts_busy_median": busy_median,
        "hosts_busy_max": busy_max,
        "records": summary["records_written"],
        "pages": pages,
        "cpu_ms_per_page": summary["cpu_s"] / max(1, pages) * 1e3,
        "cpu_ms_per_page_rusage": ((after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime))
        / max(1, pages) * 1e3,
        "peak_rss_mb": summary["peak_rss_mb"],
        "workers": workers.get("processes", 0),
        "exit": proc.returncode,
        # where the time went: the first request after the crawl process started, the busiest
        # host's own span and mean interval (its pace), CPU seconds by component
        "first_request_s": min(s for log in logs.values() for s, _, _ in log) - started,
        "busiest_span_s": max(e for _, e, _ in busiest_log) - min(s for s, _, _ in busiest_log),
        "busiest_mean_interval_s": ((max(s for s, _, _ in busiest_log) - min(s for s, _, _ in busiest_log))
                                    / max(1, len(busiest_log) - 1)),
        "cpu_crawl_s": summary["cpu_s"] - workers.get("cpu_s", 0.0),
        "cpu_workers_s": workers.get("cpu_s", 0.0),
        "cpu_servers_s": servers_cpu,
        # everything else the machine did meanwhile (other programs, the kernel's own work); with
        # 2 cores, what the crawl could not have
        "cpu_others_s": None if machine is None else machine - servers_cpu - children_cpu,
        "cpu_available_s": wall * (os.cpu_count() or 1),
    }


def spread(values: list[float], fmt: str = "{:.2f}") -> str:
    return "/".join(fmt.format(v) for v in (min(values), statistics.median(values), max(values)))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--hosts", type=int, default=88, help="portals, one per loopback address (default 88)")
    ap.add_argument("--latency", type=float, default=0.4, help="seconds per response (default 0.4)")
    ap.add_argument("--jitter", type=float, default=0.2, help="+- seconds around the latency (default 0.2)")
    ap.add_argument("--articles", type=int, default=140,
                    help="articles per portal (default 140: ~157 requests a host, as in issue 10)")
    ap.add_argument("--runs", type=int, default=2, help="crawls of the same fleet (default 2)")
    ap.add_argument("--workdir", type=Path, help="keep portals and outputs here (default: a temporary directory)")
    ap.add_argument("--servers", choices=("lean", "threads"), default="lean",
                    help="lean: all portals from one asyncio loop (benchmarks/lean_servers.py, default); "
                         "threads: a PortalServer each, as the tests serve them (~4x the CPU a request)")
    ap.add_argument("--set", action="append", default=[], metavar="NAME=VALUE",
                    help="a setting for the crawl (e.g. LABOUR_WORKERS=0); default: the polite defaults")
    args = ap.parse_args(argv)
    if not 1 <= args.hosts <= 250:
        ap.error("--hosts: 1..250")

    from scrapy.settings import Settings

    settings = Settings()
    settings.setmodule("scraper.settings")
    delay = settings.getfloat("DOWNLOAD_DELAY")
    for assignment in args.set:
        name, _, value = assignment.partition("=")
        if name == "DOWNLOAD_DELAY":
            delay = float(value)

    with tempfile.TemporaryDirectory(prefix="fleet-bench-") as tmp:
        workdir = args.workdir or Path(tmp)
        workdir.mkdir(parents=True, exist_ok=True)
        roots = build_portals(workdir, args.hosts, args.articles)
        faults = FaultPlan(global_delay=args.latency, global_jitter=args.jitter)
        fleet = None
        if args.servers == "lean":
            fleet = LeanFleet(roots, [host_address(i) for i in range(len(roots))], faults).start()
            servers = fleet.portals
        else:
            # each server's thread looks whether to stop twice a second (the default 20 times a
            # second cost 88 servers ~4% of a core doing nothing); requests are answered at once
            servers = [PortalServer(root, faults=faults, host=host_address(i), poll_interval=0.5)
                       for i, root in enumerate(roots)]
            for srv in servers:
                srv.start()
        try:
            print(f"{args.hosts} hosts ({servers[0].address[0]} .. {servers[-1].address[0]}, {args.servers} "
                  f"servers), latency {args.latency}s +- {args.jitter}s, interval {delay}s, settings: "
                  f"{' '.join(args.set) or 'the polite defaults'}", flush=True)
            results = []
            for run in range(1, args.runs + 1):
                r = one_run(servers, workdir, run, args.set, delay)
                results.append(r)
                print(f"run {run}: wall {r['wall_s']:.1f}s vs bound {r['bound_s']:.1f}s = {r['ratio']:.2f}x | "
                      f"{r['requests']} requests, busiest host {r['busiest_host_requests']} | "
                      f"max in flight per host {r['max_in_flight_per_host']} (server counter "
                      f"{r['server_max_in_flight']}) | median gap {r['median_gap_s']:.3f}s | hosts busy "
                      f"median {r['hosts_busy_median']:.0f}, max {r['hosts_busy_max']} | {r['records']} records | "
                      f"CPU {r['cpu_ms_per_page']:.2f} ms/page (rusage {r['cpu_ms_per_page_rusage']:.2f}) | "
                      f"peak RSS {r['peak_rss_mb']:.0f} MB | workers {r['workers']} | exit {r['exit']}",
                      flush=True)
                others = "n/a" if r["cpu_others_s"] is None else f"{r['cpu_others_s']:.1f}"
                print(f"       first request {r['first_request_s']:.1f}s after start | busiest host's span "
                      f"{r['busiest_span_s']:.1f}s, mean interval {r['busiest_mean_interval_s']:.3f}s | CPU s: "
                      f"crawl {r['cpu_crawl_s']:.1f}, workers {r['cpu_workers_s']:.1f}, servers "
                      f"{r['cpu_servers_s']:.1f}, other processes {others}, of {r['cpu_available_s']:.0f} "
                      f"available", flush=True)
        finally:
            if fleet is not None:
                fleet.shutdown()
            else:
                with ThreadPoolExecutor(len(servers)) as pool:  # each takes up to its poll interval
                    list(pool.map(PortalServer.shutdown, servers))
    print(f"\nover {len(results)} runs, min/median/max:")
    print(f"  wall time     {spread([r['wall_s'] for r in results], '{:.1f}')} s")
    print(f"  bound         {spread([r['bound_s'] for r in results], '{:.1f}')} s")
    print(f"  wall / bound  {spread([r['ratio'] for r in results])}")
    print(f"  max in flight per host  {spread([r['max_in_flight_per_host'] for r in results], '{:.0f}')}")
    print(f"  CPU per page  {spread([r['cpu_ms_per_page'] for r in results])} ms")
    print(f"  busiest host's mean interval  {spread([r['busiest_mean_interval_s'] for r in results], '{:.3f}')} s")
    if all(r["cpu_others_s"] is not None for r in results):
        print(f"  CPU of other processes  {spread([r['cpu_others_s'] for r in results], '{:.1f}')} s")
    print(f"  peak RSS      {spread([r['peak_rss_mb'] for r in results], '{:.0f}')} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
