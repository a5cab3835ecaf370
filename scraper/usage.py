"""Usage and environment mistakes: found before anything starts, told in one line, exit 2.

A user who gives ``-o out/`` (a directory), ``--max-pages 0`` or ``--set DOWNLOAD_TIMEOUT=abc``
should read one line naming the argument at fault, not a Python traceback from deep inside Scrapy
minutes later. Everything here raises :class:`UsageError` (``str()`` is that line without the
``labour-scraper <command>: error:`` prefix, which :func:`scraper.cli.main` adds); argparse's own
errors are made one line too by :class:`ArgumentParser`.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import re
import tempfile
from pathlib import Path
from typing import Any

EXIT_USAGE = 2
LOG_LEVELS = ("CRITICAL", "ERROR", "WARNING", "INFO", "DEBUG")


class UsageError(Exception):
    """A mistake in the command line or its environment (a path that cannot be written, a store
    that cannot be opened): exit code 2. ``str(err)`` is one line naming the argument."""

    prog: str | None = None

    def __init__(self, message: str, argument: str | None = None):
        self.argument = argument
        super().__init__(f"argument {argument}: {message}" if argument else message)


class ArgumentParser(argparse.ArgumentParser):
    """argparse's parser, but its error is one line (``prog: error: argument --x: ...``) instead of
    the usage block and then the message: every usage mistake of the CLI reads the same way. The
    subparsers are of this class too (argparse makes them of the parent's class)."""

    def error(self, message: str):  # type: ignore[override]
        err = UsageError(message)
        err.prog = self.prog  # "labour-scraper crawl" for a subcommand's own mistakes
        raise err


def one_line(text: str) -> str:
    """``text`` with its line breaks and runs of blanks made single spaces."""
    return " ".join(str(text).split())


# -- argparse types (their message follows ``argument --x:``) ----------------------------------


def positive_int(value: str) -> int:
    """``--max-pages N``: a whole number of at least 1 (0 and negatives used to be accepted and
    mean nothing sensible)."""
    try:
        number = int(value)
    except ValueError:
        number = None
    if number is None or number < 1:
        raise argparse.ArgumentTypeError(f"give a whole number of at least 1, not {value!r}")
    return number


def error_rate(value: str) -> float:
    """``--max-error-rate R``: a share between 0 and 1; ``10`` meaning 10 % would silently turn
    the threshold off, so values above 1 are refused too."""
    try:
        rate = float(value)
    except ValueError:
        rate = math.nan
    if not 0.0 <= rate <= 1.0:
        raise argparse.ArgumentTypeError(f"give a share between 0 and 1 (0.1 = 10%), not {value!r}")
    return rate


def log_level(value: str) -> str:
    """``--log-level``: one of Python's level names, any case."""
    level = value.strip().upper()
    if level not in LOG_LEVELS:
        raise argparse.ArgumentTypeError(f"unknown level {value!r} (one of {', '.join(LOG_LEVELS)})")
    return level


def since_date(value: str) -> str:
    """``--since DATE``: the whole value must be one date (CE or BE); ``2567-10-01x`` is refused
    although the date parser, made for page text, finds ``2567-10-01`` inside it. Returns the
    value itself (the spider parses it again)."""
    from scraper.parsers.thaidate import parse_date, parse_iso

    text = value.strip()
    result = parse_iso(text) or parse_date(text)
    if not result or (result.matched or "").strip() != text:
        reason = f" ({result.reason})" if not result and result.reason and "impossible" in result.reason else ""
        raise argparse.ArgumentTypeError(f"not a date: {value!r}{reason}; give YYYY-MM-DD, CE or BE "
                                         f"(2024-10-01 or 2567-10-01)")
    return text


def setting_assignment(value: str) -> tuple[str, str]:
    """``--set NAME=VALUE`` -> ``(NAME, VALUE)``; the value's type is checked later, against the
    setting's default (:func:`typed_setting`)."""
    name, sep, raw = value.partition("=")
    name = name.strip()
    if not sep or not name:
        raise argparse.ArgumentTypeError(f"{value!r} is not NAME=VALUE (e.g. DOWNLOAD_DELAY=2)")
    if not re.fullmatch(r"[A-Z][A-Z0-9_]*", name):
        hint = f" ({name.upper()}?)" if re.fullmatch(r"[A-Za-z][A-Za-z0-9_]*", name) else ""
        raise argparse.ArgumentTypeError(f"{value!r}: a setting name is upper case letters, digits and _{hint}")
    return name, raw.strip()


# -- --set values, typed by their defaults ----------------------------------------------------


_TRUE = ("1", "true", "yes", "on")
_FALSE = ("0", "false", "no", "off")
#: Settings whose value is one of a few words (checked like the options that set them).
_CHOICES = {
    "LOG_LEVEL": LOG_LEVELS,
    "LABOUR_REFETCH": ("changed", "hits", "always", "never"),
}


def typed_setting(name: str, raw: str, default: Any) -> Any:
    """``raw`` (from ``--set NAME=raw``) as a value of the type of the setting's ``default``.
    Raises :class:`UsageError` naming ``--set`` when it is not one, so that Scrapy never meets
    ``DOWNLOAD_TIMEOUT='abc'`` in the middle of a crawl. A setting without a default (or a
    ``None`` one) keeps the text as given."""
    arg = "--set"
    shown = f"{name}={raw}"
    if name in _CHOICES:
        choices = _CHOICES[name]
        value = raw.upper() if name == "LOG_LEVEL" else raw
        if value not in choices:
            raise UsageError(f"{shown}: one of {', '.join(choices)}", arg)
        return value
    if isinstance(default, bool):
        if raw.lower() in _TRUE:
            return True
        if raw.lower() in _FALSE:
            return False
        raise UsageError(f"{shown}: expected true or false (the default is {default})", arg)
    if isinstance(default, (int, float)):
        try:
            number: int | float = int(raw)
        except ValueError:
            try:
                number = float(raw)
            except ValueError:
                raise UsageError(f"{shown}: expected a number (the default is {default!r})", arg) from None
        if isinstance(number, float) and math.isnan(number):
            raise UsageError(f"{shown}: expected a number (the default is {default!r})", arg)
        return number
    if _is_mapping(default):
        try:
            value = json.loads(raw) if raw else {}
        except json.JSONDecodeError:
            value = None
        if not isinstance(value, dict):
            raise UsageError(f"{shown}: expected a JSON object, e.g. {name}='{{\"key\": 1}}'", arg)
        return value
    if isinstance(default, (list, tuple)):
        if raw.startswith("["):
            try:
                value = json.loads(raw)
            except json.JSONDecodeError:
                value = None
            if not isinstance(value, list):
                raise UsageError(f"{shown}: expected a JSON array or comma-separated values", arg)
            return value
        return [part.strip() for part in raw.split(",") if part.strip()]
    return raw


def _is_mapping(value: Any) -> bool:
    from scrapy.settings import BaseSettings

    return isinstance(value, (dict, BaseSettings))


def apply_set_options(settings, assignments: list[tuple[str, str]]) -> None:
    """``--set`` values, typed and given Scrapy's ``cmdline`` priority: they win over the
    project's and per-command settings (``demo``, ``--unpolite``) whatever the order in which
    those are applied, as ``scrapy crawl -s`` does."""
    from scrapy.settings import Settings

    defaults = Settings()  # Scrapy's defaults and this project's, not what the command changed
    defaults.setmodule("scraper.settings", priority="project")
    for name, raw in assignments:
        settings.set(name, typed_setting(name, raw, defaults.get(name)), priority="cmdline")


# -- paths ------------------------------------------------------------------------------------


def check_output_file(path: str | os.PathLike, argument: str) -> None:
    """Refuse, before any work, an output that cannot be written: a directory, a path under a
    file, a file or directory without write permission (by its permission bits too: root may
    write a file marked read-only, but the user marked it so). Missing directories are fine when
    they can be created (the commands create them); nothing is left behind by the check."""
    target = Path(path).expanduser()
    shown = str(path)
    if target.is_dir() or shown.endswith(("/", os.sep)):
        raise UsageError(f"{shown} is a directory; give a file name", argument)
    if target.exists():
        if not target.is_file() and not _is_char_device(target):
            raise UsageError(f"{shown} is not a regular file", argument)
        if not _may_write(target):
            raise UsageError(f"cannot write {shown}: it is read-only", argument)
        return
    _check_creatable_dir(target.parent, shown, argument)


def check_output_dir(path: str | os.PathLike, argument: str) -> None:
    """A directory the command creates or writes into (``--job-dir``)."""
    target = Path(path).expanduser()
    shown = str(path)
    if target.exists() and not target.is_dir():
        raise UsageError(f"{shown} is not a directory", argument)
    if target.is_dir():
        _probe_dir(target, shown, argument)
        return
    _check_creatable_dir(target.parent, shown, argument)


def _check_creatable_dir(parent: Path, shown: str, argument: str) -> None:
    """The nearest existing ancestor of ``parent`` must be a directory we may create entries in."""
    ancestor = parent if str(parent) else Path(".")
    while not ancestor.exists():
        if ancestor.parent == ancestor:
            break
        ancestor = ancestor.parent
    if ancestor.exists() and not ancestor.is_dir():
        raise UsageError(f"cannot write {shown}: {ancestor} is not a directory", argument)
    _probe_dir(ancestor, shown, argument)


def _probe_dir(directory: Path, shown: str, argument: str) -> None:
    """Create and remove a temporary file in ``directory``: the one test that also holds on
    read-only mounts and pseudo file systems, for root as for anyone."""
    if not _may_write(directory):
        raise UsageError(f"cannot write {shown}: directory {directory} is read-only", argument)
    try:
        fd, name = tempfile.mkstemp(prefix=".labour-scraper-probe-", dir=directory)
    except OSError as exc:
        raise UsageError(f"cannot write {shown}: {exc.strerror or exc}", argument) from None
    os.close(fd)
    os.unlink(name)


def _may_write(target: Path) -> bool:
    try:
        mode = target.stat().st_mode
    except OSError:
        return False
    return bool(mode & 0o222) and os.access(target, os.W_OK)


def _is_char_device(target: Path) -> bool:
    import stat

    try:
        return stat.S_ISCHR(target.stat().st_mode)  # /dev/null, /dev/stdout
    except OSError:
        return False


# -- stores -----------------------------------------------------------------------------------


def store_location(value: str) -> str:
    """``--store`` value: a database URL as given, a path made absolute, or the default path."""
    if "://" in value:
        return value
    if not value:
        from scraper.storage import default_store_path

        return str(default_store_path())
    return str(Path(value).expanduser().resolve())


def open_readable_store(value: str | None):
    """The store named by ``--store`` (default: the default store), opened read-only for a
    reader such as ``export``; every way it cannot be read (missing, a directory, not SQLite, an
    unreachable server, an unsupported scheme, another schema) is a :class:`UsageError` naming
    ``--store``. The same checks as ``crawl --store`` (:func:`scraper.crawl.check_store`), but
    nothing is created, switched to WAL or migrated."""
    from scraper.storage import StoreError, open_store

    location = store_location(value or "")
    try:
        store = open_store(location, read_only=True)
    except StoreError as exc:
        raise UsageError(str(exc), "--store") from None
    try:
        store.check_readable()
    except StoreError as exc:
        store.close()
        raise UsageError(str(exc), "--store") from None
    return store
