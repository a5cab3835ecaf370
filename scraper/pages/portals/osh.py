"""osh.labour.go.th, the department's occupational safety portal (กองความปลอดภัยแรงงาน).

Its Joomla 3 template switches "show hits" off in the article and prints the article's count in a
sidebar box headed "สถิติบทความนี้" ("this article's statistics"), next to a site-wide counter.
The generic reader rightly ignores sidebars, so this portal's pages are pinned, by a web-poet URL
rule on the portal's domain, to a page object that also reads that box. Everything else is the
Joomla 3 reading. The box is found by its heading's words, not by a class name.
"""

from __future__ import annotations

import re

from lxml import etree
from web_poet import handle_urls

from scraper.pages.generic import ArticlePage
from scraper.pages.joomla3 import Joomla3ArticlePage
from scraper.parsers import fields
from scraper.parsers.text import clean, element_text

#: The sidebar box's heading: "สถิติบทความนี้" / "สถิติบทความ" (this article's statistics).
_STATS_HEADING = re.compile(r"^\s*สถิติ(?:ของ)?บทความ(?:นี้)?\s*$")
_HEADINGS = etree.XPath("//*[self::h2 or self::h3 or self::h4 or self::strong]")


@handle_urls("osh.labour.go.th", instead_of=ArticlePage)
class OshArticlePage(Joomla3ArticlePage):
    layout = "portal:osh"

    def find_hits(self) -> str | None:
        return super().find_hits() or self.sidebar_hits()

    def sidebar_hits(self) -> str | None:
        """The labelled count in the box whose heading says it is this article's statistics."""
        for heading in _HEADINGS(self.doc):
            if not _STATS_HEADING.match(clean(element_text(heading)) or ""):
                continue
            box = heading.getparent()
            if box is None:
                continue
            lines = [clean(element_text(el)) for el in box.iter("p", "div", "span", "li") if el is not heading]
            found = fields.hits_from_lines([line for line in lines if line])
            if found:
                return found
        return None
