"""Pages never seen in development: generated with other seeds than the committed fixtures.

Done-when of the extraction issue: title, published date, author and hits exactly right and the
body at least 90% similar on at least 95% of pages, over all seven page shapes.
"""

from __future__ import annotations

import difflib
from collections import Counter

from scraper.demo.build_fixtures import holdout_pages
from scraper.extract import extract_one

EXACT = ("title", "published", "author", "hits")


def body_similarity(a: str, b: str) -> float:
    if a == b:
        return 1.0
    return difflib.SequenceMatcher(None, a.split("\n\n"), b.split("\n\n"), autojunk=False).ratio()


def score(pages) -> tuple[float, Counter, list[str]]:
    ok = 0
    misses: Counter = Counter()
    examples: list[str] = []
    for page in pages:
        expected = page.expected
        try:
            record = extract_one(page.html, expected["url"])
        except Exception as exc:  # an unseen page must not fail; count it as a miss
            misses[f"{expected['_shape']}:error"] += 1
            examples.append(f"{expected['url']}: {exc}")
            continue
        wrong = [f for f in EXACT if record[f] != expected[f]]
        if body_similarity(record["body"], expected["body"]) < 0.9:
            wrong.append("body")
        if wrong:
            for f in wrong:
                misses[f"{expected['_shape']}:{f}"] += 1
            examples.append(f"{expected['url']}: {wrong}")
        else:
            ok += 1
    return ok / len(pages), misses, examples


def test_unseen_pages_extract_correctly():
    pages = holdout_pages(seed=2026, n=140)  # 20 per shape
    assert {p.expected["_shape"] for p in pages} == {
        "joomla3_override", "joomla3_default", "joomla4", "joomla15_table", "wordpress", "custom_php", "k2"}
    rate, misses, examples = score(pages)
    assert rate >= 0.95, f"{rate:.1%} correct; misses {dict(misses)}; e.g. {examples[:5]}"
