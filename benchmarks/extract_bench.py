"""Extraction speed over the fixture pages, against a floor and against trafilatura.

    python benchmarks/extract_bench.py [--repeat N] [--pages DIR]

Prints, in one run on the same pages:
- extraction pages/s: bytes -> schema-valid record (decode, parse, locate, fields, normalize,
  word count, validation) — the whole of ``scraper.extract.extract_one``;
- the floor: a bare ``lxml.html`` parse of the same bytes plus pythainlp newmm tokenization of
  the extracted bodies (work any extractor of these pages must do), and the ratio to it;
- trafilatura's ``bare_extraction`` pages/s (``pip install -e '.[bench]'``), if installed, and the speed
  ratio per round: the three are timed in turn in every round, so load on the machine hits all alike.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def load_pages(folder: Path) -> list[tuple[bytes, str]]:
    pages = []
    for html in sorted(folder.glob("*.html")):
        expected = html.with_suffix(".json")
        url = json.loads(expected.read_text(encoding="utf-8"))["url"] if expected.exists() else html.as_uri()
        pages.append((html.read_bytes(), url))
    return pages


def best_of(repeat: int, fn) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pages", type=Path, default=ROOT / "fixtures" / "pages")
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()

    from lxml import html as lxml_html
    from pythainlp.tokenize import word_tokenize

    from scraper.extract import extract_one

    pages = load_pages(args.pages)
    n = len(pages)
    total_bytes = sum(len(b) for b, _ in pages)
    records = [extract_one(b, u) for b, u in pages]  # warm-up: dictionary trie, schema, regexes
    bodies = [r["body"] for r in records]

    def extraction():
        for data, url in pages:
            extract_one(data, url)

    def floor():
        for data, _ in pages:
            lxml_html.document_fromstring(data)
        for body in bodies:
            word_tokenize(body, engine="newmm", keep_whitespace=False)

    try:
        from trafilatura import bare_extraction
    except ImportError:
        bare_extraction = None

    def trafilatura_run():
        for data, url in pages:
            bare_extraction(data, url=url, with_metadata=True)

    # The three are timed in turn within each round, so a machine that slows down for a while
    # (other jobs, frequency scaling) slows all three alike and the ratios stay meaningful.
    runs = {"extraction": extraction, "floor": floor}
    if bare_extraction is not None:
        trafilatura_run()  # warm-up
        runs["trafilatura"] = trafilatura_run
    times: dict[str, list[float]] = {name: [] for name in runs}
    for _ in range(args.repeat):
        for name, fn in runs.items():
            times[name].append(best_of(1, fn))
    t_extract, t_floor = min(times["extraction"]), min(times["floor"])
    print(f"pages: {n} ({total_bytes / 1e6:.2f} MB) from {args.pages}, best of {args.repeat} interleaved rounds")
    print(f"extraction      : {n / t_extract:8.1f} pages/s  ({t_extract / n * 1e3:.2f} ms/page)")
    print(f"floor (lxml+newmm): {n / t_floor:6.1f} pages/s  ({t_floor / n * 1e3:.2f} ms/page)")
    print(f"ratio to floor  : {t_extract / t_floor:8.2f}x  (target <= 1.5x)")
    if bare_extraction is None:
        print("trafilatura     : not installed (pip install -e '.[bench]')")
        return 0
    t_traf = min(times["trafilatura"])
    print(f"trafilatura     : {n / t_traf:8.1f} pages/s  ({t_traf / n * 1e3:.2f} ms/page)")
    print(f"speed vs trafilatura: {t_traf / t_extract:5.2f}x  (target >= 3x)")
    per_round = sorted(t / e for t, e in zip(times["trafilatura"], times["extraction"], strict=True))
    print(f"  per round: min {per_round[0]:.2f}x, median {per_round[len(per_round) // 2]:.2f}x, max {per_round[-1]:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
