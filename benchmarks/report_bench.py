"""Time to build the report (and the analyst database `browse` serves) for the demo harvest and for a
synthetic 20,000-article store. Prints figures; asserts nothing about speed.

    python benchmarks/report_bench.py [--repeat 3] [--articles 20000] [--work DIR]

The demo harvest is a real crawl of the bundled demo portal (offline, 127.0.0.1) into a store. The
synthetic store holds the demo portal's expected records re-dated over 2019-2025 and spread over
every portal of the registry, each observed twice (hits grow; every 50th article is edited, so it
has a revision), as a few years of nightly harvests of all portals would leave it.
"""

from __future__ import annotations

import argparse
import copy
import hashlib
import json
import random
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from scraper.analysis.db import build_database  # noqa: E402
from scraper.analysis.report import build_report  # noqa: E402
from scraper.derived import derive  # noqa: E402
from scraper.registry import load_sites  # noqa: E402
from scraper.storage import open_store  # noqa: E402

T0 = datetime(2025, 9, 1, 2, 0, tzinfo=timezone.utc)


def demo_store(work: Path) -> Path:
    path = work / "demo.sqlite3"
    if not path.exists():
        subprocess.run([sys.executable, "-m", "scraper.cli", "demo", "--store", str(path), "-o",
                        str(work / "demo.jsonl"), "--quiet", "--unpolite"], check=True, cwd=ROOT)
    return path


def synthetic_store(work: Path, n: int) -> Path:
    path = work / f"synthetic-{n}.sqlite3"
    if path.exists():
        return path
    rng = random.Random(11)
    templates = [json.loads(line) for line in (ROOT / "fixtures/site/_expected.jsonl").read_text("utf-8").splitlines()]
    sites = list(load_sites().values())
    store = open_store(path)
    store.migrate()
    start = datetime(2019, 1, 1)
    second = []
    for i in range(n):
        t = {k: v for k, v in copy.deepcopy(templates[i % len(templates)]).items() if not k.startswith("_")}
        site = sites[i % len(sites)]
        day = (start + timedelta(days=rng.randrange(6 * 365 + 240))).date().isoformat()
        t.update(id=f"{site.id}:{10000 + i}", url=f"https://{site.host}/index.php/news/{10000 + i}-x", site=site.id,
                 office=site.office, published=day, hits=rng.randrange(50, 30000))
        t.update(derive(site.id, site.office, day))
        store.observe_record(t, T0)
        second.append(t)
    for i, t in enumerate(second):
        t["hits"] += rng.randrange(0, 500)
        if i % 50 == 0:
            t["body"] += " (แก้ไข)"
            t["content_hash"] = hashlib.sha256(f"{t['title']}\n\n{t['body']}".encode()).hexdigest()
        store.observe_record(t, T0 + timedelta(days=7))
    store.close()
    return path


def timed(fn, repeat: int) -> list[float]:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return times


def show(label: str, times: list[float]) -> None:
    print(f"{label:<38} median {statistics.median(times):6.2f} s   min {min(times):6.2f}   max {max(times):6.2f}"
          f"   ({len(times)} runs)", flush=True)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--articles", type=int, default=20000)
    ap.add_argument("--work", type=Path, help="keep the stores here (default: a temporary directory)")
    args = ap.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="report-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    for name, make in (("demo harvest", demo_store), (f"synthetic {args.articles}", None)):
        t = time.perf_counter()
        path = make(work) if make else synthetic_store(work, args.articles)
        store = open_store(path, read_only=True)
        counts = store.counts()
        print(f"{name}: {counts['articles']} articles, {counts['hits']} hit rows, {counts['revisions']} revisions "
              f"(store ready in {time.perf_counter() - t:.1f} s)", flush=True)
        show(f"  report ({name})", timed(lambda s=store: build_report(s, work / "report.html"), args.repeat))
        size = (work / "report.html").stat().st_size
        print(f"  report size {size / 1e6:.2f} MB")
        show(f"  analyst database ({name})", timed(lambda s=store: build_database(s, work / "labour.db"), args.repeat))
        store.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
