"""Write the committed fixtures (``fixtures/pages/NNN.html`` + ``NNN.json``) and make held-out pages.

    python -m scraper.demo.build_fixtures [--out fixtures/pages]

Deterministic: the same code writes the same bytes. Page 001 is the seed article in shape (a);
then 6 pages per shape, each with a planned set of variations (see FIXTURE_PLAN). Held-out pages for
evaluation come from :func:`holdout_pages` with any other seed: same generator, random variations.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from datetime import datetime
from pathlib import Path

from .shapes import SHAPES, RenderedPage, make_article, render, seed_article
from .truth import BANGKOK, DateStyle

BASE_SEED = 20210830
DEFAULT_OUT = Path(__file__).resolve().parents[2] / "fixtures" / "pages"


def _dt(y, mo, d, h=10, mi=15, s=0) -> datetime:
    return datetime(y, mo, d, h, mi, s, tzinfo=BANGKOK)


#: (shape, site, overrides). site "" = the shape's default pool, None = a host not in sites.toml.
FIXTURE_PLAN: list[tuple[str, str | None, dict]] = [
    # (a) joomla3_override: 001 is the seed (added separately)
    ("joomla3_override", "area3", dict(date_mode="time", features={"img", "list"}, hits_thai=True, n_attachments=2, alias_style="date")),
    ("joomla3_override", "area7", dict(date_mode="created", author=None, date_style=DateStyle(month="abbr", year="be2", digits="thai"), features={"table"})),
    ("joomla3_override", "area9", dict(date_style=DateStyle(month="en"), hits=12873, hits_thousands=True, category="ข่าวกิจกรรม", body_kind="long")),
    ("joomla3_override", "area10", dict(date_style=DateStyle(weekday="thi", time="wela"), body_kind="image_only", url_style="nonsef")),
    ("joomla3_override", "area3", dict(category="ประกาศ", hits=None, features={"doclink", "doclink_icon", "lines"}, url_style="sef_root")),
    # (b) joomla3_default
    ("joomla3_default", "area5", dict(n_attachments=2, features={"img"}, url_style="nonsef", modified=None)),
    ("joomla3_default", "labour", dict(utc_attr=True, published=_dt(2021, 8, 31, 1, 30, 12), modified=_dt(2021, 9, 2, 9, 5, 0),
                                       date_style=DateStyle(),
                                       note="datetime attribute printed in UTC (2021-08-30T18:30:12+00:00): in Asia/Bangkok it is "
                                            "the 31st, the visible date; no warning expected")),
    ("joomla3_default", "area1", dict(info_below=True, page_heading=True, hits_thai=True, features={"table", "lines"})),
    ("joomla3_default", "area2", dict(visible_shift_days=-1, date_style=DateStyle(), modified=None,
                                      note="deliberate: microdata datePublished is one day after the visible "
                                           "'เผยแพร่เมื่อ:' text; published follows microdata and a warning is expected")),
    ("joomla3_default", "area8", dict(author=None, hits=None, category=None, body_kind="image_only")),
    ("joomla3_default", "area5", dict(body_kind="long", date_style=DateStyle(weekday="comma", time="colon"), n_attachments=1)),
    # (c) joomla4
    ("joomla4", "osh", dict(microdata=True, modified=_dt(2023, 3, 9, 14, 2, 41), n_attachments=1, published=_dt(2023, 3, 1, 9, 41, 7))),
    ("joomla4", "labour", dict(microdata=False, url_rewrite=True, features={"list", "table"})),
    ("joomla4", "area4", dict(utc_attr=True, date_style=DateStyle(month="abbr", digits="thai"), features={"img"})),
    ("joomla4", "area6", dict(microdata=False, visible_shift_days=1, modified=None,
                              note="deliberate: <time datetime> is one day before its visible 'เผยแพร่เมื่อ:' text; "
                                   "published follows the time element and a warning is expected")),
    ("joomla4", "osh", dict(author=None, hits=None, features={"doclink_icon", "heading"})),
    ("joomla4", "labour", dict(body_kind="image_only", microdata=True)),
    # (d) joomla15_table (windows-874 bytes for most)
    ("joomla15_table", "nakhonratchasima", dict(joomla_version="1.5", encoding="cp874", charset_label="tis-620",
                                                date_style=DateStyle(weekday="thi", time="wela"), hits=1234, hits_thousands=True,
                                                published=_dt(2021, 8, 30, 10, 15))),
    ("joomla15_table", "area2", dict(joomla_version="2.5", encoding="cp874", charset_label="windows-874",
                                     published=_dt(2020, 1, 28, 14, 5, 31), modified=_dt(2020, 2, 3, 11, 0))),
    ("joomla15_table", "khonkaen", dict(encoding="cp874", charset_label="tis-620", hits_thai=True,
                                     date_style=DateStyle(weekday="thi", pho_so=True), features={"table", "list"})),
    ("joomla15_table", None, dict(encoding="cp874", charset_label="tis-620", features={"lines"})),
    ("joomla15_table", "nakhonratchasima", dict(joomla_version="2.5", encoding="utf-8", features={"img", "lines"})),
    ("joomla15_table", "area2", dict(encoding="cp874", charset_label="tis-620", body_kind="long", author=None)),
    # (e) wordpress
    ("wordpress", "area6", dict(permalink="shortlink", yoast_meta=True, share_buttons=True)),
    ("wordpress", "chiangmai", dict(permalink="dated", yoast_meta=False, features={"img"},
                                published=_dt(2022, 5, 1, 9, 0, 0), hits=4521, hits_thousands=True)),
    ("wordpress", "nakhonratchasima", dict(permalink="dated_thai", yoast_meta=True, modified=_dt(2022, 7, 14, 15, 20, 0),
                                           published=_dt(2022, 7, 12, 13, 45, 9), features={"table"})),
    ("wordpress", None, dict(permalink="shortlink", author=None)),
    ("wordpress", "area6", dict(permalink="dated", body_kind="image_only", share_buttons=False)),
    ("wordpress", "area9", dict(permalink="dated", hits=None, features={"doclink", "list"}, share_buttons=True)),
    # (f) custom_php
    ("custom_php", "nakhonratchasima", dict(date_style=DateStyle(month="num"), layout="one_cell", encoding="utf-8", url_style="root")),
    ("custom_php", "area3", dict(date_style=DateStyle(month="abbr", year="be2", digits="thai"), layout="label_cells",
                                 encoding="cp874", charset_label="tis-620")),
    ("custom_php", "chonburi", dict(date_style=DateStyle(month="isobe", time="sec"), layout="one_cell", url_style="news_dir")),
    ("custom_php", None, dict(url_style="hash", encoding="cp874", charset_label="windows-874", date_style=DateStyle(month="num", time="colon"))),
    ("custom_php", "nakhonratchasima", dict(date_style=DateStyle(month="abbr", time="wela_dot"), features={"img", "doclink"},
                                            url_style="news_dir", layout="label_cells")),
    ("custom_php", "area3", dict(author=None, hits=None, features={"lines"}, encoding="cp874", charset_label="tis-620",
                                 url_style="root")),
    # (g) k2
    ("k2", "area5", dict(url_style="component", date_style=DateStyle(weekday="comma", time="colon", zero_pad=True),
                         n_attachments=2, attachment_counter=True, published=_dt(2021, 9, 6, 13, 30))),
    ("k2", "area7", dict(url_style="menu", intro_split=True, published=_dt(2022, 1, 11, 15, 2, 10), modified=_dt(2022, 1, 20, 8, 45),
                         features={"list"})),
    ("k2", "area1", dict(date_style=DateStyle(), author=None, n_attachments=0)),
    ("k2", "osh", dict(date_style=DateStyle(month="abbr", digits="thai", time="wela"), features={"img", "table"})),
    ("k2", "area5", dict(body_kind="long", intro_split=True, n_attachments=0)),
    ("k2", "area7", dict(hits=None, category=None, features={"doclink"}, n_attachments=1, attachment_counter=True)),
]


def fixture_pages() -> list[RenderedPage]:
    """The committed fixtures, in order (001 = the seed)."""
    pages = [render(seed_article(), rng=random.Random(BASE_SEED))]
    for n, (shape, site, overrides) in enumerate(FIXTURE_PLAN, start=2):
        rng = random.Random(BASE_SEED + n)
        article = make_article(rng, shape, site=site, **dict(overrides))
        pages.append(render(article, rng=rng))
    return pages


def holdout_pages(seed: int, n: int) -> list[RenderedPage]:
    """``n`` unseen pages across all shapes (round-robin), random variations, for ``seed`` != BASE_SEED."""
    pages = []
    for i in range(n):
        rng = random.Random(seed * 1_000_003 + i)
        shape = SHAPES[i % len(SHAPES)]
        opts: dict = {}
        r = rng.random()
        if r < 0.06:
            opts["body_kind"] = "image_only"
        elif r < 0.12:
            opts["body_kind"] = "long"
        site = None if rng.random() < 0.08 else ""
        article = make_article(rng, shape, site=site, **opts)
        pages.append(render(article, rng=rng))
    return pages


def write_pages(pages: list[RenderedPage], out: Path) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for i, page in enumerate(pages, start=1):
        stem = out / f"{i:03d}"
        stem.with_suffix(".html").write_bytes(page.html)
        stem.with_suffix(".json").write_text(json.dumps(page.expected, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        written.append(stem)
    return written


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m scraper.demo.build_fixtures", description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output directory (default: fixtures/pages)")
    args = ap.parse_args(argv)
    pages = fixture_pages()
    written = write_pages(pages, args.out)
    print(f"wrote {len(written)} page/record pairs to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
