"""Per-portal page objects, pinned to a portal's domain with web-poet's ``@handle_urls``.

Import every module here so their rules reach ``web_poet.default_registry``.
"""
