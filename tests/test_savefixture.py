"""`labour-scraper savefixture URL` end to end: the real CLI against a real HTTP server on 127.0.0.1."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from scraper.demo.server import PortalServer
from scraper.extract import extract_one
from scraper.savefixture import guess_family, guess_name

ROOT = Path(__file__).resolve().parent.parent
HANDWRITTEN = ROOT / "fixtures" / "handwritten"
SEED_LIKE = HANDWRITTEN / "joomla3" / "department_override_seed.html"
CP874 = HANDWRITTEN / "custom_php" / "cp874_no_charset.html"
LISTING = HANDWRITTEN / "joomla3" / "category_blog.html"


def run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "scraper.cli", "savefixture", *args], capture_output=True,
                          timeout=120, cwd=cwd)


@pytest.fixture(scope="module")
def portal(tmp_path_factory):
    site = tmp_path_factory.mktemp("portal")
    (site / "index.php" / "news").mkdir(parents=True)
    shutil.copyfile(SEED_LIKE, site / "index.php" / "news" / "1234-ita-95-59")
    shutil.copyfile(CP874, site / "news_detail.php__id=1096")
    (site / "news_detail.php__id=1096.meta.json").write_text(json.dumps({"charset": "tis-620"}))
    shutil.copyfile(LISTING, site / "index.php" / "news" / "index.html")
    with PortalServer(site) as server:
        yield server


def test_saves_exact_bytes_and_the_current_record(portal, tmp_path):
    url = portal.base_url + "index.php/news/1234-ita-95-59"
    proc = run(url, "--dir", str(tmp_path))
    assert proc.returncode == 0, proc.stderr.decode()
    html = tmp_path / "joomla3" / "127-1234.html"
    assert html.read_bytes() == SEED_LIKE.read_bytes()
    saved = json.loads(html.with_suffix(".json").read_text(encoding="utf-8"))
    record = extract_one(SEED_LIKE.read_bytes(), url, encoding="utf-8")
    assert saved["url"] == url and saved["article"] is True
    for field in ("title", "published", "author", "hits", "category", "body", "attachments", "images"):
        assert saved[field] == record[field], field
    assert saved["_declared_encoding"] == "utf-8"
    assert saved["_saved_from"] == url


def test_declared_charset_is_passed_on_and_recorded(portal, tmp_path):
    url = portal.base_url + "news_detail.php?id=1096"
    proc = run(url, "--dir", str(tmp_path), "--family", "custom_php", "--name", "nan-agri")
    assert proc.returncode == 0, proc.stderr.decode()
    html = tmp_path / "custom_php" / "nan-agri.html"
    assert html.read_bytes() == CP874.read_bytes()
    saved = json.loads(html.with_suffix(".json").read_text(encoding="utf-8"))
    assert saved["_declared_encoding"] == "tis-620"
    assert saved["title"] == "แรงงานจังหวัดน่าน แนะนำสิทธิลูกจ้างในงานเกษตรกรรม"


def test_refused_page_is_saved_with_its_reason(portal, tmp_path):
    proc = run(portal.base_url + "index.php/news/", "--dir", str(tmp_path), "--name", "listing")
    assert proc.returncode == 0, proc.stderr.decode()
    [json_path] = list(tmp_path.glob("*/listing.json"))
    saved = json.loads(json_path.read_text(encoding="utf-8"))
    if saved["article"] is False:  # today's extractor may still take the listing for an article
        assert saved["reason"]


def test_existing_fixture_needs_force(portal, tmp_path):
    url = portal.base_url + "index.php/news/1234-ita-95-59"
    assert run(url, "--dir", str(tmp_path), "--name", "seed").returncode == 0
    proc = run(url, "--dir", str(tmp_path), "--name", "seed")
    assert proc.returncode == 2
    err = proc.stderr.decode()
    assert err.count("\n") == 1 and "--name" in err and "--force" in err and "Traceback" not in err
    assert run(url, "--dir", str(tmp_path), "--name", "seed", "--force").returncode == 0


@pytest.mark.parametrize("url,argument", [
    ("ftp://127.0.0.1/page.html", "URL"),
    ("file:///etc/hostname", "URL"),
    ("not a url", "URL"),
])
def test_non_http_url_is_a_usage_error(url, argument, tmp_path):
    proc = run(url, "--dir", str(tmp_path))
    err = proc.stderr.decode()
    assert proc.returncode == 2 and err.count("\n") == 1 and argument in err and "Traceback" not in err
    assert not any(tmp_path.iterdir())


def test_unreachable_host_is_a_usage_error(tmp_path):
    import socket

    with socket.socket() as sock:  # a port nobody listens on (bound, so no other server is given it meanwhile)
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
        proc = run(f"http://127.0.0.1:{port}/index.php/news/1-x", "--dir", str(tmp_path))
    err = proc.stderr.decode()
    assert proc.returncode == 2 and err.count("\n") == 1 and "URL" in err and "Traceback" not in err


def test_missing_page_is_a_usage_error(portal, tmp_path):
    proc = run(portal.base_url + "index.php/news/9999-none", "--dir", str(tmp_path))
    err = proc.stderr.decode()
    assert proc.returncode == 2 and "404" in err and err.count("\n") == 1


def test_unwritable_dir_is_a_usage_error(portal, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory")
    proc = run(portal.base_url + "index.php/news/1234-ita-95-59", "--dir", str(blocker))
    err = proc.stderr.decode()
    assert proc.returncode == 2 and err.count("\n") == 1 and "--dir" in err and "Traceback" not in err


def test_family_and_name_guesses():
    assert guess_family(SEED_LIKE.read_bytes(), "utf-8") == "joomla3"
    assert guess_family((HANDWRITTEN / "joomla15" / "attachments_area5.html").read_bytes(), None) == "joomla15"
    assert guess_family((HANDWRITTEN / "joomla4" / "cassiopeia_full.html").read_bytes(), None) == "joomla4"
    assert guess_family((HANDWRITTEN / "k2" / "k2_default_thai.html").read_bytes(), None) == "k2"
    assert guess_family((HANDWRITTEN / "wordpress" / "generatepress_updated_first.html").read_bytes(), None) == "wordpress"
    assert guess_family(CP874.read_bytes(), None) == "custom_php"
    assert guess_name("https://area5.labour.go.th/index.php/news/192-alias") == "area5-192"
    assert guess_name("https://www.labour.go.th/index.php?option=com_content&view=article&id=31:x") == "www-31"
    assert guess_name("https://area2.labour.go.th/?p=2345") == "area2-2345"
    assert guess_name("https://area3.labour.go.th/index.php/news/item/1023-work-rules") == "area3-1023"
    assert guess_name("https://nan.labour.go.th/about.php").startswith("nan-")
