"""Secrets out of every message: one masking function for everything that echoes a location.

A store location may carry a password in any scheme (``postgresql://user:pw@host/db``,
``mysql://user:pw@host/db``, ``...?password=pw``, a libpq ``host=x password=pw`` string). Error
lines, log lines and the run report show locations and exception texts that may quote them, so
each of those goes through :func:`mask_secrets` (or the :class:`SecretFilter` on log handlers)
instead of each place knowing which schemes have credentials. The user name is kept (it helps to
tell which account failed); the password becomes ``***``.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from urllib.parse import unquote

MASK = "***"

# scheme://netloc: the netloc runs to the first '/', '?', '#' or whitespace; its userinfo ends at
# its *last* '@' (as urlsplit reads it), so a password holding '@' is masked whole.
_URL_NETLOC = re.compile(r"(?P<scheme>\b[A-Za-z][A-Za-z0-9+.\-]*://)(?P<netloc>[^\s/?#'\"<>]+)")
# password-like parameters, in a query string (?password=x&...) or a key=value connection string
_SECRET_PARAM = re.compile(
    r"(?i)(?P<key>(?<![A-Za-z0-9_])(?:password|passwd|pwd|pass|sslpassword|secret|token|api[_-]?key|access[_-]?key)"
    r"\s*=\s*)(?P<value>'[^']*'|[^&\s#;,'\"]+)")


def _mask_netloc(match: re.Match) -> str:
    netloc = match.group("netloc")
    if "@" not in netloc:
        return match.group(0)
    userinfo, host = netloc.rsplit("@", 1)
    user, sep, _password = userinfo.partition(":")
    return f"{match.group('scheme')}{user}{':' + MASK if sep else ''}@{host}"


def mask_secrets(text: str, secrets: Iterable[str | None] = ()) -> str:
    """``text`` with every URL password, every password-like ``key=value`` and every string of
    ``secrets`` (e.g. the password of a URL a library's error message may quote) replaced by ``***``."""
    if not text:
        return text
    text = str(text)
    for secret in secrets:
        if secret and len(secret) >= 2:
            for form in {secret, unquote(secret)}:
                text = text.replace(form, MASK)
    text = _URL_NETLOC.sub(_mask_netloc, text)
    return _SECRET_PARAM.sub(lambda m: m.group("key") + MASK, text)


def mask_location(location: str | None) -> str:
    """A store location (path or URL) fit to print: its password masked."""
    return mask_secrets(location or "")


class SecretFilter(logging.Filter):
    """A log-handler filter masking secrets in the message and in the traceback of each record
    (Scrapy logs its overridden settings, which hold the store URL, and exceptions quoting it)."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a broken format string: leave it to the formatter to report
            return True
        masked = mask_secrets(message)
        if masked != message:
            record.msg, record.args = masked, None
        if record.exc_info and not record.exc_text:
            record.exc_text = mask_secrets(logging.Formatter().formatException(record.exc_info))
        return True


def install_log_masking(logger: logging.Logger | None = None) -> None:
    """Add one :class:`SecretFilter` to every handler of ``logger`` (default: the root logger)."""
    for handler in (logger or logging.getLogger()).handlers:
        if not any(isinstance(f, SecretFilter) for f in handler.filters):
            handler.addFilter(SecretFilter())
