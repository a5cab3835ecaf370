"""Per-portal page objects, pinned to a portal's domain with web-poet's ``@handle_urls``.

Import every module here so their rules reach ``web_poet.default_registry``. A portal's module is
for what only that portal does (see ``osh.py``); what a whole layout family does belongs in the
family's module.
"""

import tldextract.tldextract

# web-poet matches URL rules with url-matcher, which splits domains with tldextract, already when a
# rule is registered (below); tldextract's default extractor downloads the Public Suffix List on
# first use, and offline it logs a traceback. Extraction never touches the network (CI machines
# have none, a crawl must not call third parties): the snapshot bundled with tldextract, set
# before the first rule.
tldextract.tldextract.TLD_EXTRACTOR = tldextract.TLDExtract(suffix_list_urls=())

from scraper.pages.portals import osh  # noqa: E402, F401
