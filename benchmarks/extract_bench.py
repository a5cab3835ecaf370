"""Extraction speed over the fixture pages, against a floor and against trafilatura.

    python benchmarks/extract_bench.py [--repeat N] [--pages DIR]

Prints, in one run on the same pages:
- extraction pages/s: bytes -> schema-valid record (decode, parse, locate, fields, normalize,
  word count, validation) — the whole of ``scraper.extract.extract_one``;
- the floor: a bare ``lxml.html`` parse of the same bytes plus pythainlp newmm tokenization of
  the extracted bodies (work any extractor of these pages must do), and the ratio to it;
- trafilatura's ``bare_extraction`` pages/s (``pip install -e '.[bench]'``), if installed.
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

    t_extract = best_of(args.repeat, extraction)
    t_floor = best_of(args.repeat, floor)
    print(f"pages: {n} ({total_bytes / 1e6:.2f} MB) from {args.pages}, best of {args.repeat} runs")
    print(f"extraction      : {n / t_extract:8.1f} pages/s  ({t_extract / n * 1e3:.2f} ms/page)")
    print(f"floor (lxml+newmm): {n / t_floor:6.1f} pages/s  ({t_floor / n * 1e3:.2f} ms/page)")
    print(f"ratio to floor  : {t_extract / t_floor:8.2f}x  (target <= 1.5x)")
    try:
        from trafilatura import bare_extraction
    except ImportError:
        print("trafilatura     : not installed (pip install -e '.[bench]')")
        return 0

    def trafilatura_run():
        for data, url in pages:
            bare_extraction(data, url=url, with_metadata=True)

    trafilatura_run()
    t_traf = best_of(max(1, args.repeat // 2), trafilatura_run)
    print(f"trafilatura     : {n / t_traf:8.1f} pages/s  ({t_traf / n * 1e3:.2f} ms/page)")
    print(f"speed vs trafilatura: {t_traf / t_extract:5.2f}x  (target >= 3x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
