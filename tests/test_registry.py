"""Tests for scraper/registry.py and the packaged scraper/sites.toml."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest

from scraper import registry
from scraper.registry import (
    RegistryError,
    Site,
    format_sites_table,
    load_sites,
    normalize_host,
    site_for_url,
)

# The 76 provinces (Bangkok has its own area offices), spelled as in official usage.
PROVINCES_TH = {
    "กระบี่", "กาญจนบุรี", "กาฬสินธุ์", "กำแพงเพชร", "ขอนแก่น", "จันทบุรี", "ฉะเชิงเทรา", "ชลบุรี",
    "ชัยนาท", "ชัยภูมิ", "ชุมพร", "เชียงราย", "เชียงใหม่", "ตรัง", "ตราด", "ตาก", "นครนายก", "นครปฐม",
    "นครพนม", "นครราชสีมา", "นครศรีธรรมราช", "นครสวรรค์", "นนทบุรี", "นราธิวาส", "น่าน", "บึงกาฬ",
    "บุรีรัมย์", "ปทุมธานี", "ประจวบคีรีขันธ์", "ปราจีนบุรี", "ปัตตานี", "พระนครศรีอยุธยา", "พะเยา",
    "พังงา", "พัทลุง", "พิจิตร", "พิษณุโลก", "เพชรบุรี", "เพชรบูรณ์", "แพร่", "ภูเก็ต", "มหาสารคาม",
    "มุกดาหาร", "แม่ฮ่องสอน", "ยโสธร", "ยะลา", "ร้อยเอ็ด", "ระนอง", "ระยอง", "ราชบุรี", "ลพบุรี",
    "ลำปาง", "ลำพูน", "เลย", "ศรีสะเกษ", "สกลนคร", "สงขลา", "สตูล", "สมุทรปราการ", "สมุทรสงคราม",
    "สมุทรสาคร", "สระแก้ว", "สระบุรี", "สิงห์บุรี", "สุโขทัย", "สุพรรณบุรี", "สุราษฎร์ธานี", "สุรินทร์",
    "หนองคาย", "หนองบัวลำภู", "อ่างทอง", "อำนาจเจริญ", "อุดรธานี", "อุตรดิตถ์", "อุทัยธานี",
    "อุบลราชธานี",
}
PROVINCIAL = "สำนักงานสวัสดิการและคุ้มครองแรงงานจังหวัด"
AREA = "สำนักงานสวัสดิการและคุ้มครองแรงงานกรุงเทพมหานครพื้นที่ "

GOOD_ENTRY = """
[[site]]
id = "{id}"
office = "สำนักงานทดสอบ"
base_url = "{base}"
start_urls = ["{base}"]
"""


def write(tmp_path: Path, text: str, name: str = "sites.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


# -- the packaged registry ----------------------------------------------------------------------

def test_packaged_registry_keeps_the_original_ids():
    sites = load_sites()
    for sid in ["labour", "osh", "nakhonratchasima", *(f"area{n}" for n in range(1, 11))]:
        assert sid in sites
    assert list(sites)[:3] == ["labour", "osh", "area1"]  # file order is kept


def test_packaged_registry_covers_every_province_with_correct_thai_names():
    sites = load_sites()
    provincial = {s.office[len(PROVINCIAL):] for s in sites.values() if s.office.startswith(PROVINCIAL)}
    assert provincial == PROVINCES_TH
    areas = sorted(s.office for s in sites.values() if s.office.startswith(AREA))
    assert areas == sorted(f"{AREA}{n}" for n in range(1, 11))
    assert sites["labour"].office == "กรมสวัสดิการและคุ้มครองแรงงาน"
    assert len(sites) == 2 + 10 + 76


def test_packaged_registry_entries_are_consistent():
    sites = load_sites()
    seen_hosts: set[str] = set()
    for site in sites.values():
        assert site.base_url.startswith("https://") and site.base_url.endswith(".labour.go.th/")
        assert site.start_urls[0] == site.base_url, site.id
        assert all(u.startswith(site.base_url) for u in site.start_urls), site.id
        assert not seen_hosts & set(site.hosts), site.id
        seen_hosts |= set(site.hosts)
        assert site.note, site.id
        if site.checked:
            assert site.note.startswith("seen in "), site.id
        else:
            assert "inferred" in site.note, site.id
        # provinces: <romanized>.labour.go.th with the id as the host label
        if site.office.startswith(PROVINCIAL):
            assert site.host == f"{site.id}.labour.go.th"
            assert re.fullmatch(r"[a-z]+", site.id)
    checked = {s.id for s in sites.values() if s.checked}
    assert {"labour", "osh", "area5", "nakhonratchasima"} <= checked


def test_default_load_is_cached_and_returns_a_fresh_dict():
    registry._default_sites.cache_clear()
    first = load_sites()
    first.pop("labour")
    second = load_sites()
    assert "labour" in second
    info = registry._default_sites.cache_info()
    assert info.misses == 1 and info.hits >= 1
    assert second["osh"] is load_sites()["osh"]


# -- Site ---------------------------------------------------------------------------------------

def test_site_is_frozen_and_hashable():
    site = load_sites()["area5"]
    with pytest.raises(dataclasses.FrozenInstanceError):
        site.id = "x"  # type: ignore[misc]
    assert {site: 1}[site] == 1
    assert isinstance(site.start_urls, tuple) and isinstance(site.hosts, tuple)
    assert site.hosts == ("area5.labour.go.th", "www.area5.labour.go.th")
    assert site.host == "area5.labour.go.th"


def test_hosts_include_aliases_with_and_without_www_and_settings_are_kept(tmp_path):
    path = write(tmp_path, """
[[site]]
id = "x"
office = "สำนักงานทดสอบ"
base_url = "https://www.Example.go.th/"
start_urls = ["https://www.example.go.th/index.php?option=com_content&view=category&id=8"]
aliases = ["old.example.go.th", "www.Mirror.example.org"]
checked = true
note = "seen in a test"

[site.settings]
DOWNLOAD_DELAY = 2.5
CONCURRENT_REQUESTS_PER_DOMAIN = 1
""")
    site = load_sites(path)["x"]
    assert site.hosts == (
        "www.example.go.th", "example.go.th",
        "old.example.go.th", "www.old.example.go.th",
        "www.mirror.example.org", "mirror.example.org",
    )
    assert site.settings == {"DOWNLOAD_DELAY": 2.5, "CONCURRENT_REQUESTS_PER_DOMAIN": 1}
    assert site.checked is True and site.note == "seen in a test"
    assert site.owns("http://MIRROR.example.org:8080/x")


def test_optional_fields_default(tmp_path):
    path = write(tmp_path, GOOD_ENTRY.format(id="a", base="https://a.example.go.th/"))
    site = load_sites(path)["a"]
    assert site.checked is False and site.note is None and site.settings == {}


# -- site_for_url ---------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://area5.labour.go.th/index.php/news/12-x", "area5"),
        ("HTTPS://AREA5.LABOUR.GO.TH/", "area5"),
        ("http://www.area5.labour.go.th:8080/attachments/article/192/2562.pdf", "area5"),
        ("https://labour.go.th/", "labour"),
        ("https://www.labour.go.th/index.php?option=com_content&view=article&id=5", "labour"),
        ("https://chiangmai.labour.go.th/", "chiangmai"),
        ("https://nakhonratchasima.labour.go.th./", "nakhonratchasima"),
        ("https://example.com/", None),
        ("https://evil-labour.go.th/", None),
        ("/index.php?id=5", None),
        ("file:///tmp/page.html", None),
        ("", None),
    ],
)
def test_site_for_url_default_registry(url, expected):
    site = site_for_url(url)
    assert (site.id if site else None) == expected


def test_site_for_url_with_explicit_sites(tmp_path):
    path = write(tmp_path, GOOD_ENTRY.format(id="a", base="http://127.0.0.1:8000/")
                 + GOOD_ENTRY.format(id="b", base="https://b.example.go.th/"))
    sites = load_sites(path)
    assert site_for_url("http://127.0.0.1:9999/x", sites).id == "a"
    assert site_for_url("https://www.b.example.go.th/y", list(sites.values())).id == "b"
    assert site_for_url("https://area5.labour.go.th/", sites) is None


def test_normalize_host():
    assert normalize_host("WWW.Labour.go.th:443") == "labour.go.th"
    assert normalize_host("https://user@www.x.go.th:8080/p") == "x.go.th"
    assert normalize_host("https://[::1/") is None  # malformed: no exception
    assert normalize_host("") is None


# -- format_sites_table -----------------------------------------------------------------------------

def test_format_sites_table_one_line_per_site():
    sites = load_sites()
    table = format_sites_table(sites)
    lines = table.splitlines()
    assert len(lines) == len(sites)
    first = lines[0].split()
    assert first[:3] == ["labour", "✓", "https://www.labour.go.th/"]
    assert lines[0].endswith("กรมสวัสดิการและคุ้มครองแรงงาน")
    area1 = next(line for line in lines if line.startswith("area1 "))
    assert area1.split()[1] == "-"
    # the base-URL column is aligned
    assert len({line.index("https://") for line in lines}) == 1
    assert format_sites_table([]) == ""


# -- validation ---------------------------------------------------------------------------------

def test_broken_toml_names_the_file(tmp_path):
    path = write(tmp_path, '[[site]]\nid = "a"\noffice = "unterminated\n')
    with pytest.raises(RegistryError) as err:
        load_sites(path)
    assert str(path) in str(err.value) and "TOML" in str(err.value)
    assert "\n" not in str(err.value)


def test_missing_file(tmp_path):
    with pytest.raises(RegistryError, match="nope.toml"):
        load_sites(tmp_path / "nope.toml")


def test_duplicate_id(tmp_path):
    path = write(tmp_path, GOOD_ENTRY.format(id="a", base="https://a.example.go.th/")
                 + GOOD_ENTRY.format(id="a", base="https://b.example.go.th/"))
    with pytest.raises(RegistryError, match=r"#2: duplicate id 'a'") as err:
        load_sites(path)
    assert str(path) in str(err.value)


def test_duplicate_host_across_sites(tmp_path):
    path = write(tmp_path, GOOD_ENTRY.format(id="a", base="https://a.example.go.th/")
                 + GOOD_ENTRY.format(id="b", base="https://www.a.example.go.th/"))
    with pytest.raises(RegistryError, match="already belongs to 'a'"):
        load_sites(path)


@pytest.mark.parametrize("missing", ["id", "office", "base_url", "start_urls"])
def test_missing_field_names_the_entry(tmp_path, missing):
    lines = [
        'id = "prov"', 'office = "สำนักงานทดสอบ"', 'base_url = "https://p.example.go.th/"',
        'start_urls = ["https://p.example.go.th/"]',
    ]
    body = "\n".join(line for line in lines if not line.startswith(missing + " "))
    path = write(tmp_path, GOOD_ENTRY.format(id="ok", base="https://ok.example.go.th/")
                 + "\n[[site]]\n" + body + "\n")
    with pytest.raises(RegistryError) as err:
        load_sites(path)
    msg = str(err.value)
    assert str(path) in msg and "#2" in msg and f"missing field '{missing}'" in msg
    if missing != "id":
        assert "'prov'" in msg


@pytest.mark.parametrize(
    "base",
    ["ftp://a.example.go.th/", "a.example.go.th", "https:///nohost/", "https://a b.go.th/",
     "https://a.example.go.th:99999/", "https://a.example.go.th"],
)
def test_bad_base_url(tmp_path, base):
    path = write(tmp_path, GOOD_ENTRY.format(id="a", base=base).replace(
        f'start_urls = ["{base}"]', 'start_urls = ["https://a.example.go.th/"]'))
    with pytest.raises(RegistryError, match=r"\(id 'a'\): base_url"):
        load_sites(path)


@pytest.mark.parametrize(
    ("line", "pattern"),
    [
        ('start_urls = []', "start_urls must be a non-empty list"),
        ('start_urls = "https://a.example.go.th/"', "start_urls must be a non-empty list"),
        ('start_urls = ["https://a.example.go.th/", "javascript:alert(1)"]', r"start_urls\[1\]"),
        ('start_urls = ["https://a.example.go.th/", 5]', r"start_urls\[1\] must be a non-empty string"),
    ],
)
def test_bad_start_urls(tmp_path, line, pattern):
    text = GOOD_ENTRY.format(id="a", base="https://a.example.go.th/").replace(
        'start_urls = ["https://a.example.go.th/"]', line)
    with pytest.raises(RegistryError, match=pattern):
        load_sites(write(tmp_path, text))


@pytest.mark.parametrize(
    ("extra", "pattern"),
    [
        ('checked = "yes"', "checked must be true or false"),
        ("note = 3", "note must be a string"),
        ('settings = "fast"', "settings must be a table"),
        ("settings = { CONCURRENT_REQUESTS = 100 }", "'CONCURRENT_REQUESTS' is not a per-portal setting"),
        ("settings = { AUTOTHROTTLE_ENABLED = false }", "is not a per-portal setting"),
        ("settings = { DOWNLOAD_DELAY = -1 }", "DOWNLOAD_DELAY must be a number >= 0"),
        ('settings = { DOWNLOAD_DELAY = "2" }', "DOWNLOAD_DELAY must be a number"),
        ("settings = { CONCURRENT_REQUESTS_PER_DOMAIN = 1.5 }", "must be an integer >= 1"),
        ("settings = { CONCURRENT_REQUESTS_PER_DOMAIN = 0 }", "must be an integer >= 1"),
        ("settings = { CONCURRENT_REQUESTS_PER_DOMAIN = true }", "must be an integer"),
        ("settings = { DOWNLOAD_DELAY_JITTER = 2 }", r"DOWNLOAD_DELAY_JITTER must be a number 0.0..1.0"),
        ("settings = { DOWNLOAD_TIMEOUT = 0 }", "DOWNLOAD_TIMEOUT must be a number"),
        ('aliases = ["bad host!"]', "is not a host name"),
        ('chekced = true', "unknown field"),
    ],
)
def test_bad_optional_fields(tmp_path, extra, pattern):
    text = GOOD_ENTRY.format(id="a", base="https://a.example.go.th/") + extra + "\n"
    with pytest.raises(RegistryError, match=pattern):
        load_sites(write(tmp_path, text))


@pytest.mark.parametrize("bad_id", ["Area5", "has space", "", "-lead"])
def test_bad_id(tmp_path, bad_id):
    text = GOOD_ENTRY.format(id=bad_id, base="https://a.example.go.th/")
    with pytest.raises(RegistryError, match="id must match"):
        load_sites(write(tmp_path, text))


def test_no_sites_and_unknown_top_level_key(tmp_path):
    with pytest.raises(RegistryError, match=r"no \[\[site\]\] entries"):
        load_sites(write(tmp_path, "# empty\n"))
    text = 'version = 1\n' + GOOD_ENTRY.format(id="a", base="https://a.example.go.th/")
    with pytest.raises(RegistryError, match="unknown top-level key"):
        load_sites(write(tmp_path, text, "other.toml"))


def test_non_utf8_file(tmp_path):
    path = tmp_path / "sites.toml"
    path.write_bytes(GOOD_ENTRY.format(id="a", base="https://a.example.go.th/").encode("cp874"))
    with pytest.raises(RegistryError, match="not UTF-8"):
        load_sites(path)


def test_site_constructor_is_plain_dataclass():
    site = Site("x", "สำนักงาน", "https://x.go.th/", ("https://x.go.th/",), ("x.go.th",))
    assert site.checked is False and site.settings == {}
