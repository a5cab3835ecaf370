"""Per-portal page objects, pinned to a portal's domain with web-poet's ``@handle_urls``.

Import every module here so their rules reach ``web_poet.default_registry``. A portal's module is
for what only that portal does (see ``osh.py``); what a whole layout family does belongs in the
family's module.
"""

from scraper.pages.portals import osh  # noqa: F401
