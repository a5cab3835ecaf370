"""Thai full-text search in SQLite, two ways, and the measurement that chose between them.

SQLite's default FTS tokenizer (unicode61) splits on spaces and punctuation; Thai is written without
spaces between words, so a whole Thai phrase becomes one token and a search for a word inside it finds
nothing. Two ways around it are implemented here, on the same normalized text:

* ``trigram``: FTS5's trigram tokenizer indexes every three-character sequence, so a query matches
  any substring of three or more characters; a shorter term (``ลา``, ``ยา``) matches nothing, as in
  FTS5 itself (and in Datasette's search box).
* ``trigram_like``: the same index, and a term of one or two characters falls back to a ``LIKE``
  scan of the text (substring: ``ลา`` is found in ``ศาลา`` and ``เวลา`` too).
* ``segmented``: the text is cut into words by pythainlp (``newmm`` in its Rust implementation, the
  segmenter of ``word_count``), the words are joined by spaces and indexed by unicode61; a query is
  segmented the same way and matched as a phrase.

:func:`evaluate` runs the queries of ``fixtures/search/queries.json`` (answers judged by hand)
against ``fixtures/search/corpus.jsonl`` with each, and :func:`better` ranks them by F1 (a rule
fixed before the first run). Measured (``python -m scraper.analysis.search``, 24 queries, 47 expected
answers): trigram 44/47 found, 0 wrong (F1 0.97: it misses only the 2-letter queries ``ลา``, ``ยา``);
segmented 40/47, 0 wrong (F1 0.92: the dictionary keeps compounds such as ``ค่าจ้างขั้นต่ำ``,
``ลาป่วย`` and ``ค่าล่วงเวลา`` as single words, so ``ค่าจ้าง``, ``ลา`` and ``ล่วงเวลา`` miss them);
trigram_like 47/47 found but 10 wrong (F1 0.90, all from ``ลา`` and ``ยา``). The analyst database
therefore indexes with trigram (:data:`CHOSEN`), which is also what Datasette's own search box
queries without any plugin. ``tests/test_search.py`` keeps the figures and the choice true.

Both index the same text: NFC, Thai digits as ASCII digits (pages write ``๑๕๔๖``, analysts type
``1546``), lower case.
"""

from __future__ import annotations

import json
import re
import sqlite3
import unicodedata
from collections.abc import Iterable
from pathlib import Path

METHODS = ("trigram", "trigram_like", "segmented")
CHOSEN = "trigram"
FTS_TABLE = "articles_fts"

_THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
_SPACE = re.compile(r"\s+")
FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "search"


def normalize(text: str | None) -> str:
    """The text as indexed and as queried: NFC, ASCII digits, lower case, one space between runs."""
    if not text:
        return ""
    return _SPACE.sub(" ", unicodedata.normalize("NFC", text).translate(_THAI_DIGITS).lower()).strip()


def segment(text: str | None) -> str:
    """pythainlp words of the normalized text joined by single spaces (punctuation dropped)."""
    from pythainlp.tokenize import word_tokenize

    words = word_tokenize(normalize(text), engine="nlpo3", keep_whitespace=False)
    return " ".join(w for w in words if any(ch.isalnum() for ch in w))


def create_index(conn: sqlite3.Connection, method: str, table: str = FTS_TABLE, content: str | None = None) -> None:
    """Create the FTS5 table. ``content`` names the table whose ``rowid`` it indexes (external content:
    the text is not stored twice; Datasette finds the index through it)."""
    tokenize = "unicode61" if method == "segmented" else "trigram"
    extra = f", content='{content}', content_rowid='rowid'" if content else ""
    conn.execute(f"CREATE VIRTUAL TABLE {table} USING fts5(title, body, tokenize='{tokenize}'{extra})")


def index_rows(conn: sqlite3.Connection, method: str, rows: Iterable[tuple[int, str, str]],
               table: str = FTS_TABLE) -> None:
    """Index ``(rowid, title, body)`` rows."""
    prepare = segment if method == "segmented" else normalize
    conn.executemany(f"INSERT INTO {table} (rowid, title, body) VALUES (?, ?, ?)",
                     ((rowid, prepare(title), prepare(body)) for rowid, title, body in rows))


def _phrase(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def match_rowids(conn: sqlite3.Connection, method: str, query: str, table: str = FTS_TABLE,
                 content: str = "articles") -> list[int]:
    """rowids of the rows matching every whitespace-separated term of ``query``."""
    terms = normalize(query).split()
    if not terms:
        return []
    if method == "segmented":
        phrases = [segment(t) for t in terms]
        if not all(phrases):
            return []
        expr = " AND ".join(_phrase(p) for p in phrases)
        return [r for (r,) in conn.execute(f"SELECT rowid FROM {table} WHERE {table} MATCH ?", (expr,))]
    long_terms = [t for t in terms if len(t) >= 3]
    short_terms = [t for t in terms if len(t) < 3]
    if method == "trigram":  # FTS5 as it is: a term under three characters matches nothing
        if short_terms or not long_terms:
            return []
    sql, params = f"SELECT rowid FROM {content} WHERE 1", []
    if long_terms:
        sql += f" AND rowid IN (SELECT rowid FROM {table} WHERE {table} MATCH ?)"
        params.append(" AND ".join(_phrase(t) for t in long_terms))
    for t in short_terms:  # too short for trigrams: a scan of the normalized text
        sql += " AND (search_text(title) LIKE ? OR search_text(body) LIKE ?)"
        params += [f"%{t}%"] * 2
    return [r for (r,) in conn.execute(sql, params)]


def register_functions(conn: sqlite3.Connection) -> None:
    """``search_text(x)``: :func:`normalize` in SQL (the short-query fallback, canned queries)."""
    conn.create_function("search_text", 1, normalize, deterministic=True)


# -- the comparison -------------------------------------------------------------------------------


def load_fixtures(directory: Path = FIXTURES) -> tuple[list[dict], list[dict]]:
    corpus = [json.loads(line) for line in (directory / "corpus.jsonl").read_text("utf-8").splitlines() if line]
    queries = json.loads((directory / "queries.json").read_text("utf-8"))["queries"]
    return corpus, queries


def evaluate(corpus: list[dict] | None = None, queries: list[dict] | None = None) -> dict:
    """Per method: per query the ids found, how many of the expected ones, and totals."""
    if corpus is None or queries is None:
        corpus, queries = load_fixtures()
    results: dict = {}
    for method in METHODS:
        conn = sqlite3.connect(":memory:")
        register_functions(conn)
        conn.execute("CREATE TABLE articles (id TEXT, title TEXT, body TEXT)")
        conn.executemany("INSERT INTO articles (rowid, id, title, body) VALUES (?, ?, ?, ?)",
                         [(i, a["id"], a["title"], a["body"]) for i, a in enumerate(corpus, 1)])
        create_index(conn, method, content="articles")
        index_rows(conn, method, [(i, a["title"], a["body"]) for i, a in enumerate(corpus, 1)])
        per_query, hit, wrong = [], 0, 0
        for q in queries:
            ids = {corpus[r - 1]["id"] for r in match_rowids(conn, method, q["q"])}
            expected = set(q["expected"])
            per_query.append({"q": q["q"], "expected": sorted(expected), "found": sorted(ids & expected),
                              "wrong": sorted(ids - expected)})
            hit += len(ids & expected)
            wrong += len(ids - expected)
        total = sum(len(q["expected"]) for q in queries)
        precision = hit / (hit + wrong) if hit + wrong else 0.0
        recall = hit / total if total else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        results[method] = {"queries": per_query, "found": hit, "expected": total, "wrong": wrong,
                           "precision": precision, "recall": recall, "f1": f1}
        conn.close()
    return results


def format_table(results: dict) -> str:
    lines = ["| query | expected | " + " | ".join(f"{m} found (wrong)" for m in METHODS) + " |",
             "|---|---|" + "---|" * len(METHODS)]
    rows = zip(*(results[m]["queries"] for m in METHODS), strict=True)
    for per in rows:
        cells = [f"{len(p['found'])}/{len(p['expected'])}" + (f" (+{len(p['wrong'])})" if p["wrong"] else "")
                 for p in per]
        lines.append(f"| {per[0]['q']} | {len(per[0]['expected'])} | " + " | ".join(cells) + " |")
    lines.append("| **total** | " + str(results[METHODS[0]]["expected"]) + " | " + " | ".join(
        f"{results[m]['found']}/{results[m]['expected']} (+{results[m]['wrong']}), "
        f"recall {results[m]['recall']:.2f}, precision {results[m]['precision']:.2f}, F1 {results[m]['f1']:.2f}"
        for m in METHODS) + " |")
    return "\n".join(lines)


def better(results: dict) -> str:
    """The method with the higher F1 (recall first on a tie: an analyst can skim a wrong hit, not
    a missing one)."""
    return max(METHODS, key=lambda m: (results[m]["f1"], results[m]["recall"]))


if __name__ == "__main__":
    res = evaluate()
    print(format_table(res))
    print(f"better: {better(res)}")
