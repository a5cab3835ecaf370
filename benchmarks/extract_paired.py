"""Extraction time of two checkouts of this project, measured side by side on the same pages.

    git worktree add --detach /tmp/base <commit>        # the version to compare with
    python benchmarks/extract_paired.py /tmp/base [--pages DIR] [--rounds 24]

Each checkout gets its own long-lived Python process (its own ``scraper`` package, found through
its PYTHONPATH) that loads the pages once and extracts all of them in one round whenever asked.
The rounds alternate A B B A A B ..., so a machine whose speed drifts (other jobs, frequency
scaling) slows both alike; the figures are ms/page per round, printed as min / p25 / median, and
the ratio of this checkout to the other one for each. The minimum is the least disturbed round.
A last line sums each page's own fastest round: a burst of load then spoils one page's time,
not a whole round's, and the ratio holds steadier on a busy machine. Figures only, never asserts. ``extract_bench.py`` gives the ratio to a floor within one checkout;
this one answers "how much slower than that commit?" directly.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# What each process runs: extract every page once (warm-up), then one timed round per line read.
_WORKER = r"""
import json, sys, time
from pathlib import Path
from scraper.extract import extract_one
pages = []
for html in sorted(Path(sys.argv[1]).glob("*.html")):
    expected = html.with_suffix(".json")
    url = json.loads(expected.read_text(encoding="utf-8"))["url"] if expected.exists() else html.as_uri()
    pages.append((html.read_bytes(), url))
def one_round():
    times = []
    for data, url in pages:
        t0 = time.perf_counter()
        try:
            extract_one(data, url)
        except Exception:
            pass  # a refused page costs what it costs, in both checkouts
        times.append(time.perf_counter() - t0)
    return times
one_round()
print(len(pages), flush=True)
for _ in sys.stdin:
    print(json.dumps(one_round()), flush=True)
"""


def _start(checkout: Path, pages: Path) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(checkout)}
    proc = subprocess.Popen([sys.executable, "-c", _WORKER, str(pages)], cwd=checkout, env=env,
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    proc.stdout.readline()  # warmed up
    return proc


def _round(proc: subprocess.Popen) -> list[float]:
    """One round's time of each page, in seconds."""
    proc.stdin.write("go\n")
    proc.stdin.flush()
    return json.loads(proc.stdout.readline())


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("other", type=Path, help="a checkout (worktree) of the version to compare with")
    ap.add_argument("--pages", type=Path, default=ROOT / "fixtures" / "pages")
    ap.add_argument("--rounds", type=int, default=24)
    args = ap.parse_args()
    if not (args.other / "scraper" / "extract.py").is_file():
        print(f"argument other: {args.other} is not a checkout of this project (no scraper/extract.py)", file=sys.stderr)
        return 2
    if args.rounds < 1:
        print(f"argument --rounds: give a whole number of at least 1, not {args.rounds}", file=sys.stderr)
        return 2
    args.pages = args.pages.resolve()  # each process runs in its own checkout
    if not any(args.pages.glob("*.html")):
        print(f"argument --pages: {args.pages} holds no .html pages", file=sys.stderr)
        return 2
    names = {"this": ROOT, "other": args.other.resolve()}
    procs = {name: _start(path, args.pages) for name, path in names.items()}
    times: dict[str, list[float]] = {name: [] for name in names}  # ms/page of each round
    fastest: dict[str, list[float]] = {}  # each page's least disturbed time over the rounds
    try:
        for i in range(args.rounds):
            order = ["this", "other"] if i % 2 == 0 else ["other", "this"]
            for name in order:
                pages = _round(procs[name])
                times[name].append(sum(pages) / len(pages) * 1000)
                fastest[name] = [min(a, b) for a, b in zip(fastest.get(name, pages), pages, strict=True)]
    finally:
        for proc in procs.values():
            proc.stdin.close()
            proc.wait()
    print(f"pages: {args.pages}, {args.rounds} rounds each, alternating")
    stats = {}
    for name, path in names.items():
        ordered = sorted(times[name])
        stats[name] = (ordered[0], ordered[len(ordered) // 4], statistics.median(ordered))
        print(f"{name:5s} {str(path):40s} min {stats[name][0]:.2f}  p25 {stats[name][1]:.2f}  median {stats[name][2]:.2f} ms/page")
    ratios = [a / b for a, b in zip(stats["this"], stats["other"], strict=True)]
    print(f"this / other: min {ratios[0]:.2f}x  p25 {ratios[1]:.2f}x  median {ratios[2]:.2f}x")
    # each page at its least disturbed round, then summed: a burst of load spoils one page's
    # round, not the whole round's figure
    this, other = (sum(fastest[name]) / len(fastest[name]) * 1000 for name in names)
    print(f"each page's fastest round: this {this:.2f}  other {other:.2f} ms/page  this / other {this / other:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
