"""The portal registry: ``sites.toml`` read into validated, immutable :class:`Site` records.

The file format is described in the header comment of ``scraper/sites.toml``. Loading checks
every entry and raises :class:`RegistryError` with a one-line message naming the file and the
entry (duplicate id, missing or unknown field, wrong type, bad URL).
"""

from __future__ import annotations

import functools
import os
import re
import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised only on Python 3.10
    import tomli as tomllib

__all__ = [
    "RegistryError",
    "SITE_SETTINGS",
    "Site",
    "format_sites_table",
    "load_sites",
    "normalize_host",
    "site_for_url",
]

DEFAULT_RESOURCE = "sites.toml"
#: Environment variable naming a registry file to use instead of the packaged one.
ENV_REGISTRY = "LABOUR_SITES"

_REQUIRED = ("id", "office", "base_url", "start_urls")
_OPTIONAL = ("checked", "note", "aliases", "settings", "check")
#: Keys of a ``[site.check]`` table (written by ``labour-scraper sites --check --update``).
CHECK_KEYS = ("date", "reachable", "reason", "cms", "family", "feed", "sitemap", "listing", "articles_listed",
              "article", "fields", "missing")
_ID_RE = re.compile(r"^[a-z0-9][a-z0-9_-]*$")
_HOST_RE = re.compile(r"^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$")


#: What ``[site.settings]`` may hold: the settings a portal can have for itself in a run that also
#: crawls other portals, i.e. those Scrapy keeps per download slot (per host). Anything global
#: (CONCURRENT_REQUESTS, AUTOTHROTTLE_*, ...) would silently act on every portal of the run, so
#: it is refused. name -> (type, smallest value, largest value or None). Applied to the crawl
#: through ``DOWNLOAD_SLOTS`` by :mod:`scraper.fleet`.
SITE_SETTINGS: dict[str, tuple[type, float, float | None]] = {
    "DOWNLOAD_DELAY": (float, 0.0, None),
    "DOWNLOAD_DELAY_JITTER": (float, 0.0, 1.0),
    "CONCURRENT_REQUESTS_PER_DOMAIN": (int, 1, None),
    "DOWNLOAD_TIMEOUT": (float, 0.001, None),
}


class RegistryError(ValueError):
    """The registry file is unreadable or an entry is invalid; ``str(err)`` is one line."""


@dataclass(frozen=True)
class Site:
    """One portal: a labour office's web site."""

    id: str
    office: str
    base_url: str
    start_urls: tuple[str, ...]
    hosts: tuple[str, ...]
    checked: bool = False
    note: str | None = None
    settings: dict[str, Any] = field(default_factory=dict, hash=False, compare=True)
    #: the last live check's findings (``[site.check]``, see :mod:`scraper.sitecheck`); {} when never checked
    check: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)

    @property
    def host(self) -> str:
        """The host of ``base_url`` (lower case, no port)."""
        return urlsplit(self.base_url).hostname or ""

    def owns(self, url: str) -> bool:
        """True when ``url``'s host belongs to this site (see :func:`normalize_host`)."""
        host = normalize_host(url)
        return host is not None and host in {normalize_host(h) for h in self.hosts}


def normalize_host(url_or_host: str) -> str | None:
    """Host of a URL (or a bare host), lower-cased, without port and without a leading ``www.``.

    Returns None when there is no host (relative URL, ``file:`` URI, empty string).
    """
    text = url_or_host.strip()
    if not text:
        return None
    if "//" not in text:
        text = "//" + text  # a bare host, optionally with a port
    try:
        host = urlsplit(text).hostname  # lower-cased, port and userinfo dropped
    except ValueError:
        return None
    if not host:
        return None
    host = host.rstrip(".")
    if host.startswith("www."):
        host = host[4:]
    return host or None


def _www_variants(host: str) -> list[str]:
    bare = host[4:] if host.startswith("www.") else host
    return [host, bare if host != bare else "www." + host]


def _check_url(value: Any, where: str, what: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise RegistryError(f"{where}: {what} must be a non-empty string, got {value!r}")
    try:
        parts = urlsplit(value)
        host = parts.hostname
        parts.port  # noqa: B018 - raises ValueError on a bad port
    except ValueError as exc:
        raise RegistryError(f"{where}: {what} is not a valid URL: {value!r} ({exc})") from None
    if parts.scheme not in ("http", "https") or not host or not _HOST_RE.match(host):
        raise RegistryError(f"{where}: {what} is not an absolute http(s) URL: {value!r}")
    if any(c.isspace() for c in value):
        raise RegistryError(f"{where}: {what} contains whitespace: {value!r}")
    return value


def _check_settings(settings: Any, where: str) -> dict[str, Any]:
    if not isinstance(settings, dict):
        raise RegistryError(f"{where}: settings must be a table ([site.settings])")
    for name, value in settings.items():
        if name not in SITE_SETTINGS:
            raise RegistryError(f"{where}: settings: {name!r} is not a per-portal setting "
                                f"(one of {', '.join(SITE_SETTINGS)})")
        kind, low, high = SITE_SETTINGS[name]
        numeric = (int,) if kind is int else (int, float)
        if isinstance(value, bool) or not isinstance(value, numeric) or value < low or \
                (high is not None and value > high):
            span = f"{low}..{high}" if high is not None else f">= {low}"
            raise RegistryError(f"{where}: settings: {name} must be {'an integer' if kind is int else 'a number'} "
                                f"{span}, got {value!r}")
    return {name: SITE_SETTINGS[name][0](value) for name, value in settings.items()}


def _site_from_table(table: Any, index: int, source: str) -> Site:
    where = f"{source}: [[site]] #{index + 1}"
    if not isinstance(table, dict):
        raise RegistryError(f"{where}: expected a table, got {type(table).__name__}")
    site_id = table.get("id")
    if isinstance(site_id, str):
        where += f" (id {site_id!r})"
    for key in _REQUIRED:
        if key not in table:
            raise RegistryError(f"{where}: missing field {key!r}")
    unknown = sorted(set(table) - set(_REQUIRED) - set(_OPTIONAL))
    if unknown:
        raise RegistryError(f"{where}: unknown field(s) {', '.join(map(repr, unknown))}")

    if not isinstance(site_id, str) or not _ID_RE.match(site_id):
        raise RegistryError(f"{where}: id must match [a-z0-9][a-z0-9_-]*, got {site_id!r}")
    office = table["office"]
    if not isinstance(office, str) or not office.strip():
        raise RegistryError(f"{where}: office must be a non-empty string")
    base_url = _check_url(table["base_url"], where, "base_url")
    if not urlsplit(base_url).path.endswith("/"):
        raise RegistryError(f"{where}: base_url must end with '/': {base_url!r}")

    start = table["start_urls"]
    if not isinstance(start, list) or not start:
        raise RegistryError(f"{where}: start_urls must be a non-empty list of URLs")
    start_urls = tuple(_check_url(u, where, f"start_urls[{i}]") for i, u in enumerate(start))

    checked = table.get("checked", False)
    if not isinstance(checked, bool):
        raise RegistryError(f"{where}: checked must be true or false, got {checked!r}")
    note = table.get("note")
    if note is not None and not isinstance(note, str):
        raise RegistryError(f"{where}: note must be a string")
    settings = _check_settings(table.get("settings", {}), where)

    check = table.get("check", {})
    if not isinstance(check, dict):
        raise RegistryError(f"{where}: check must be a table ([site.check])")
    unknown = sorted(set(check) - set(CHECK_KEYS))
    if unknown:
        raise RegistryError(f"{where}: unknown key(s) in [site.check]: {', '.join(map(repr, unknown))}")

    aliases = table.get("aliases", [])
    if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
        raise RegistryError(f"{where}: aliases must be a list of host names")
    hosts: list[str] = []
    base_host = urlsplit(base_url).hostname or ""
    for raw in [base_host, *aliases]:
        host = raw.strip().lower().rstrip(".")
        if not _HOST_RE.match(host):
            raise RegistryError(f"{where}: alias {raw!r} is not a host name")
        for variant in _www_variants(host):
            if variant not in hosts:
                hosts.append(variant)

    return Site(
        id=site_id,
        office=office.strip(),
        base_url=base_url,
        start_urls=start_urls,
        hosts=tuple(hosts),
        checked=checked,
        note=note,
        settings=dict(settings),
        check=dict(check),
    )


def parse_sites(data: bytes | str, source: str = "<sites.toml>") -> dict[str, Site]:
    """Parse and validate registry text; ``source`` names the file in error messages."""
    text = data.decode("utf-8") if isinstance(data, bytes) else data
    try:
        doc = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise RegistryError(f"{source}: not valid TOML: {exc}") from None
    tables = doc.get("site")
    if tables is None:
        raise RegistryError(f"{source}: no [[site]] entries")
    if not isinstance(tables, list):
        raise RegistryError(f"{source}: 'site' must be an array of tables ([[site]])")
    extra = sorted(set(doc) - {"site"})
    if extra:
        raise RegistryError(f"{source}: unknown top-level key(s) {', '.join(map(repr, extra))}")

    sites: dict[str, Site] = {}
    host_owner: dict[str, str] = {}
    for index, table in enumerate(tables):
        site = _site_from_table(table, index, source)
        if site.id in sites:
            raise RegistryError(f"{source}: [[site]] #{index + 1}: duplicate id {site.id!r}")
        for host in site.hosts:
            key = normalize_host(host) or host
            other = host_owner.setdefault(key, site.id)
            if other != site.id:
                raise RegistryError(
                    f"{source}: [[site]] #{index + 1} (id {site.id!r}): host {host!r} "
                    f"already belongs to {other!r}"
                )
        sites[site.id] = site
    return sites


def registry_override() -> str | None:
    """``$LABOUR_SITES``: the registry file that replaces the packaged one for the whole program
    (every command, ``scrapy crawl`` and Scrapyd jobs, which inherit the daemon's environment).
    For a private fleet, a staging list or tests against portals served on loopback, without
    building another egg."""
    return os.environ.get(ENV_REGISTRY, "").strip() or None


def default_registry_path() -> Path:
    """The file :func:`load_sites` reads when given no path: ``$LABOUR_SITES``, else the packaged
    ``scraper/sites.toml`` (what ``sites --check --update`` rewrites by default)."""
    override = registry_override()
    if override:
        return Path(override).expanduser()
    return Path(str(resources.files("scraper").joinpath(DEFAULT_RESOURCE)))


@functools.cache
def _default_sites(override: str | None = None) -> dict[str, Site]:
    if override:
        return load_sites(override)
    resource = resources.files("scraper").joinpath(DEFAULT_RESOURCE)
    try:
        data = resource.read_bytes()
    except OSError as exc:
        raise RegistryError(f"{resource}: cannot read the packaged registry: {exc}") from None
    return parse_sites(data, str(resource))


def load_sites(path: str | Path | None = None) -> dict[str, Site]:
    """Load the registry: ``path``, or (cached) ``$LABOUR_SITES`` or the packaged
    ``scraper/sites.toml`` when None.

    Returns a new dict (id -> Site) in file order; raises :class:`RegistryError`.
    """
    if path is None:
        return dict(_default_sites(registry_override()))
    p = Path(path)
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise RegistryError(f"{p}: cannot read registry: {exc.strerror or exc}") from None
    try:
        return parse_sites(data, str(p))
    except UnicodeDecodeError as exc:
        raise RegistryError(f"{p}: not UTF-8: {exc}") from None


def _as_list(sites: Mapping[str, Site] | Iterable[Site] | None) -> list[Site]:
    if sites is None:
        return list(_default_sites(registry_override()).values())
    if isinstance(sites, Mapping):
        return list(sites.values())
    return list(sites)


def site_for_url(url: str, sites: Mapping[str, Site] | Iterable[Site] | None = None) -> Site | None:
    """The site whose hosts include ``url``'s host, compared case-insensitively and without port
    or a leading ``www.``; None when no site matches (or ``url`` has no host)."""
    host = normalize_host(url)
    if host is None:
        return None
    if sites is None:
        return _default_host_index(registry_override()).get(host)
    for site in _as_list(sites):
        if any(normalize_host(h) == host for h in site.hosts):
            return site
    return None


@functools.cache
def _default_host_index(override: str | None = None) -> dict[str, Site]:
    """host -> site of the default registry (hosts are unique: checked on load)."""
    index: dict[str, Site] = {}
    for site in _default_sites(override).values():
        for h in site.hosts:
            key = normalize_host(h)
            if key:
                index.setdefault(key, site)
    return index


def format_sites_table(sites: Mapping[str, Site] | Iterable[Site]) -> str:
    """One line per site: id, checked mark (``✓`` checked, ``-`` not), base URL, office."""
    rows = _as_list(sites)
    if not rows:
        return ""
    id_w = max(len(s.id) for s in rows)
    url_w = max(len(s.base_url) for s in rows)
    lines = [
        f"{s.id:<{id_w}}  {'✓' if s.checked else '-'}  {s.base_url:<{url_w}}  {s.office}".rstrip()
        for s in rows
    ]
    return "\n".join(lines)


# -- writing findings back ------------------------------------------------------------------------

_TABLE_HEADER = re.compile(r"^\s*\[\[?\s*([A-Za-z0-9_.\s]+?)\s*\]\]?\s*(#.*)?$")


def _toml_value(value: Any) -> str:
    import datetime as _dt
    import json as _json

    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, _dt.date):
        return value.isoformat()
    if isinstance(value, str):
        return _json.dumps(value, ensure_ascii=False)  # a TOML basic string: same escapes as JSON
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    raise TypeError(f"cannot write {type(value).__name__} to the registry")


def update_checks(path: str | Path, findings: Mapping[str, Mapping[str, Any]]) -> list[str]:
    """Write ``[site.check]`` tables (site id -> findings, keys of :data:`CHECK_KEYS`, ``None``
    values left out) into the registry file at ``path``, in place; returns the ids updated.

    Text surgery rather than a TOML round trip, so that the file stays as people wrote it: its
    comments, order, quoting and blank lines untouched; only each checked site's old
    ``[site.check]`` table is replaced by the new one, at the end of its ``[[site]]`` entry. The
    result is parsed and validated before it replaces the file (atomically)."""
    import os

    p = Path(path)
    lines = p.read_text(encoding="utf-8").splitlines()
    starts = [i for i, ln in enumerate(lines) if (m := _TABLE_HEADER.match(ln)) and ln.lstrip().startswith("[[")
              and m.group(1) == "site"]
    ids = load_sites(p)  # the entries, validated, in file order: the n-th [[site]] is the n-th id
    if len(starts) != len(ids):
        raise RegistryError(f"{p}: cannot tell its [[site]] entries apart line by line; not updated")
    out: list[str] = lines[: starts[0]] if starts else list(lines)
    done = []
    for n, (start, site_id) in enumerate(zip(starts, ids, strict=True)):
        end = starts[n + 1] if n + 1 < len(starts) else len(lines)
        block = lines[start:end]
        if site_id in findings:
            block = _without_check_table(block)
            trailing = []
            while block and not block[-1].strip():
                trailing.insert(0, block.pop())
            block.append("[site.check]")
            for key in CHECK_KEYS:
                value = findings[site_id].get(key)
                if value is not None:
                    block.append(f"{key} = {_toml_value(value)}")
            block += trailing or ([""] if end < len(lines) else [])
            done.append(site_id)
        out += block
    text = "\n".join(out) + "\n"
    parse_sites(text, str(p))  # never write a registry that does not load
    tmp = p.with_name(p.name + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, p)
    _default_sites.cache_clear()
    _default_host_index.cache_clear()
    return done


def _without_check_table(block: list[str]) -> list[str]:
    """A ``[[site]]`` entry's lines without its ``[site.check]`` table (header to next header)."""
    kept, skipping = [], False
    for line in block:
        m = _TABLE_HEADER.match(line)
        if m and not line.lstrip().startswith("#"):
            skipping = m.group(1) == "site.check" and not line.lstrip().startswith("[[")
            if skipping:
                continue
        if not skipping:
            kept.append(line)
    return kept
