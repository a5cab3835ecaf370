"""Crawl speed and memory on a generated local portal, with `scrapy bench` as the ceiling.

    python benchmarks/crawl_bench.py [--articles 2000] [--growth 20000]

Generates a portal of N articles (scraper.demo.portal), serves it on 127.0.0.1, crawls it with
`labour-scraper crawl --unpolite` in a subprocess, and prints pages/s, crawler CPU per page and
the crawler's peak RSS (from its own summary), then runs `scrapy bench` on the same machine in
the same invocation and prints the ratio. With --growth M it also crawls an M-article portal and
prints how peak RSS grew.
"""

from __future__ import annotations

import argparse
import json
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def crawl_portal(n_articles: int, workdir: Path) -> dict:
    from scraper.demo.portal import build_portal
    from scraper.demo.server import PortalServer

    site = workdir / f"portal-{n_articles}"
    t0 = time.perf_counter()
    build_portal(site, n_articles=n_articles, seed=99, expected_records=False)
    print(f"generated a portal of {n_articles} articles in {time.perf_counter() - t0:.1f}s", flush=True)
    out = workdir / f"crawl-{n_articles}.jsonl"
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    with PortalServer(site) as server:
        t0 = time.perf_counter()
        proc = subprocess.run(
            [sys.executable, "-m", "scraper.cli", "crawl", "--start-url", server.base_url, "-o", str(out),
             "--unpolite", "--quiet", "--log-level", "ERROR"],
            capture_output=True, cwd=ROOT)
        wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)  # the crawl process and its worker processes
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    if proc.returncode != 0:
        raise SystemExit(f"crawl failed: {proc.stderr.decode()[-2000:]}")
    summary = json.loads(out.with_name(out.stem + ".summary.json").read_text(encoding="utf-8"))
    pages = summary["pages_fetched"]
    return {
        "articles": n_articles,
        "records": summary["records_written"],
        "pages": pages,
        "crawl_s": summary["duration_s"],
        "wall_s": round(wall, 2),
        "pages_per_s": pages / summary["duration_s"],
        "cpu_ms_per_page": cpu / pages * 1e3,  # crawler + workers, all CPU they used
        "peak_rss_mb": summary["peak_rss_mb"],  # the crawl process (workers: constant size)
        "largest_child_rss_mb": after.ru_maxrss / 1024,
    }


def scrapy_bench() -> float:
    """Pages/s that `scrapy bench` reaches here (its own local server, no parsing)."""
    proc = subprocess.run([sys.executable, "-m", "scrapy", "bench", "-s", "LOG_LEVEL=INFO",
                           "-s", "CLOSESPIDER_TIMEOUT=15"], capture_output=True, cwd=tempfile.gettempdir())
    rates = [int(m) for m in re.findall(r"Crawled \d+ pages \(at (\d+) pages/min\)", proc.stderr.decode())]
    rates = [r for r in rates if r > 0]
    if not rates:
        raise SystemExit(f"scrapy bench gave no rate: {proc.stderr.decode()[-1500:]}")
    return max(rates) / 60


def report(r: dict) -> None:
    print(f"  {r['articles']} articles: {r['records']} records, {r['pages']} pages in {r['crawl_s']:.1f}s"
          f" -> {r['pages_per_s']:.1f} pages/s, {r['cpu_ms_per_page']:.2f} ms CPU/page (crawler + workers),"
          f" peak RSS {r['peak_rss_mb']:.0f} MB (crawl process)")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=2000)
    ap.add_argument("--growth", type=int, metavar="M", help="also crawl M articles and report RSS growth")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="crawl-bench-") as tmp:
        small = crawl_portal(args.articles, Path(tmp))
        print("labour-scraper crawl (politeness relaxed, loopback):")
        report(small)
        ceiling = scrapy_bench()
        print(f"scrapy bench: {ceiling:.1f} pages/s")
        print(f"crawl rate / scrapy bench: {small['pages_per_s'] / ceiling:.2f}x  (target >= 0.8x)")
        if args.growth:
            big = crawl_portal(args.growth, Path(tmp))
            report(big)
            print(f"peak RSS growth {args.articles} -> {args.growth} articles: "
                  f"{big['peak_rss_mb'] / small['peak_rss_mb']:.2f}x  (target < 1.3x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
