"""Per-field extraction accuracy over the fixtures and their metamorphic variants.

    python benchmarks/field_accuracy.py

One table, counts right/total per field (title, published, author, hits, category, body,
attachments, images, and "all four" of title/published/author/hits), with rows for:

(a) the hand-written pages of fixtures/handwritten/<family>/ (written by people; a page whose
    JSON says ``"article": false`` counts as right on every field when extraction refuses it);
(b) the pages of fixtures/pages (made by the project's own generator, scraper/demo/shapes.py);
(c) every metamorphic variant (tests/metamorphic.py) of both, one row per set x transform; a
    variant is counted only on the pages where the transform changes something.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from scraper.extract import extract_one  # noqa: E402
from scraper.parsers.errors import ExtractionError  # noqa: E402
from tests import metamorphic as mm  # noqa: E402

FIELDS = ("title", "published", "author", "hits", "category", "body", "attachments", "images")
FOUR = ("title", "published", "author", "hits")
COLUMNS = FIELDS + ("all four",)


def score(data: bytes, case: mm.Case) -> dict[str, bool | None]:
    """field -> right (None: the field is not stated in this page's expected file)."""
    fields = [f for f in FIELDS if f in case.expected or not case.article]
    try:
        record = extract_one(data, case.expected["url"])
    except ExtractionError:
        record = None
    except Exception:  # noqa: BLE001 - a crash is a wrong answer, the table must still print
        record = None
    if not case.article:
        result = {f: record is None for f in fields}
    elif record is None:
        result = {f: False for f in fields}
    else:
        result = {f: record.get(f) == case.expected.get(f) for f in fields}
    if all(f in result for f in FOUR):
        result["all four"] = all(result[f] for f in FOUR)
    return result


class Row:
    def __init__(self, label: str):
        self.label = label
        self.right = dict.fromkeys(COLUMNS, 0)
        self.total = dict.fromkeys(COLUMNS, 0)
        self.pages = 0

    def add(self, result: dict[str, bool | None]) -> None:
        self.pages += 1
        for col, ok in result.items():
            if ok is None:
                continue
            self.total[col] += 1
            self.right[col] += bool(ok)

    def cells(self) -> list[str]:
        return [f"{self.right[c]}/{self.total[c]}" if self.total[c] else "-" for c in COLUMNS]


def main() -> int:
    sets = [
        ("hand-written", mm.handwritten_cases(articles_only=False)),
        ("generated", mm.generated_cases()),
    ]
    rows: list[Row] = []
    variant_rows: list[Row] = []
    for label, cases in sets:
        base = Row(f"{label} pages")
        per_transform = {name: Row(f"{label} x {name}") for name in mm.TRANSFORMS}
        every = Row(f"{label} x every variant")
        for case in cases:
            data = case.html_path.read_bytes()
            base.add(score(data, case))
            rt = mm.roundtrip(data)
            for name, fn in mm.TRANSFORMS.items():
                variant = fn(data, case.expected if case.article else {}, case.seed)
                if variant == rt:
                    continue  # not applicable to this page
                result = score(variant, case)
                per_transform[name].add(result)
                every.add(result)
        rows.append(base)
        variant_rows += list(per_transform.values()) + [every]

    print("Field accuracy (right/total) of scraper.extract.extract_one")
    print("  hand-written: fixtures/handwritten/<family>/*.html, written by people"
          f" ({len(sets[0][1])} pages; non-article pages right when refused)")
    print("  generated:    fixtures/pages/*.html, made by the project's own generator"
          f" scraper/demo/shapes.py ({len(sets[1][1])} pages)")
    print("  'x <transform>': metamorphic variants (tests/metamorphic.py), only where the transform"
          " changes the page; 'pages' = variants in the row")
    width = max(len(r.label) for r in rows + variant_rows)
    head = ["set".ljust(width), "pages"] + [c.rjust(11) for c in COLUMNS]
    print(" ".join(head))
    print("-" * len(" ".join(head)))
    for i, row in enumerate(rows + variant_rows):
        if i == len(rows):
            print("-" * len(" ".join(head)))
        print(" ".join([row.label.ljust(width), str(row.pages).rjust(5)] + [c.rjust(11) for c in row.cells()]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
