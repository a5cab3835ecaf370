"""decode_html: declared, undeclared and wrongly declared Thai pages; refusals with a reason.

Every page here is hand-written HTML with Thai strings encoded in the test.
"""

from __future__ import annotations

import random

import pytest

from scraper.extract import extract_one
from scraper.parsers.decode import decode_html
from scraper.parsers.errors import ExtractionError

TITLE = "ประกาศกรมสวัสดิการและคุ้มครองแรงงาน เรื่อง การจ่ายค่าจ้างในวันหยุด"
BODY = ("สำนักงานสวัสดิการและคุ้มครองแรงงานพื้นที่ ๑๐ ขอแจ้งให้นายจ้างและลูกจ้างทราบว่า "
        "“ค่าจ้าง” ต้องจ่ายตามกำหนด… เธอและเขาได้รับสิทธิ์เท่ากัน — ตามพระราชบัญญัติคุ้มครองแรงงาน")


def page(meta: str = "", title: str = TITLE, body: str = BODY) -> str:
    return (f"<!DOCTYPE html><html><head>{meta}<title>{title}</title></head><body>"
            f"<div class='item-page'><h2 itemprop='headline'>{title}</h2>"
            f"<div itemprop='articleBody'><p>{body}</p><p>{body}</p></div></div></body></html>")


META_TIS = '<meta http-equiv="Content-Type" content="text/html; charset=tis-620">'
META_UTF8 = '<meta charset="utf-8">'


def test_cp874_page_with_no_charset_anywhere():
    text, enc = decode_html(page().encode("cp874"), None)
    assert enc == "cp874"
    assert TITLE in text and "“ค่าจ้าง”" in text and "…" in text


def test_utf8_page_with_no_charset():
    text, enc = decode_html(page().encode("utf-8"), None)
    assert (enc, TITLE in text) == ("utf-8", True)


def test_header_says_utf8_but_bytes_are_cp874():
    text, enc = decode_html(page().encode("cp874"), "utf-8")
    assert (enc, TITLE in text) == ("cp874", True)


def test_header_says_windows874_but_bytes_are_utf8():
    text, enc = decode_html(page().encode("utf-8"), "windows-874")
    assert (enc, TITLE in text) == ("utf-8", True)


def test_short_utf8_that_also_decodes_as_cp874_is_utf8():
    # "ภาษา" in UTF-8 is E0 B8 A0 E0 B8 B2 ...: every byte is defined in cp874 (mojibake "เธ เธฒ")
    html = page(META_TIS, title="ภาษา", body="ภาษา").encode("utf-8")
    html.decode("cp874")  # strict: the declared encoding alone would not notice
    text, enc = decode_html(html, "tis-620")
    assert (enc, "ภาษา" in text) == ("utf-8", True)


def test_meta_says_tis620_but_bytes_are_utf8():
    text, enc = decode_html(page(META_TIS).encode("utf-8"), None)
    assert (enc, TITLE in text) == ("utf-8", True)


def test_meta_says_utf8_but_bytes_are_cp874():
    text, enc = decode_html(page(META_UTF8).encode("cp874"), None)
    assert (enc, TITLE in text) == ("cp874", True)


def test_declared_tis620_maps_to_cp874():
    text, enc = decode_html(page(META_TIS).encode("cp874"), None)
    assert enc == "cp874" and "“ค่าจ้าง”" in text  # not C1 controls as Python's tis-620 gives
    assert decode_html(page().encode("cp874"), "iso-8859-11")[1] == "cp874"


def test_latin1_declared_over_cp874_bytes_is_detected():
    # old Thai sites kept a Dreamweaver default <meta charset=iso-8859-1> over TIS-620 text
    text, enc = decode_html(page('<meta charset="iso-8859-1">').encode("cp874"), None)
    assert (enc, TITLE in text) == ("cp874", True)


@pytest.mark.parametrize("bom,codec", [(b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le")])
def test_bom_wins_over_a_wrong_meta_and_is_stripped(bom, codec):
    text, enc = decode_html(bom + page(META_TIS).encode(codec), "tis-620")
    assert enc == codec and TITLE in text
    assert text.startswith("<!DOCTYPE")


def test_random_high_bytes_are_undecodable_naming_the_encodings():
    rnd = random.Random(7)
    junk = bytes(rnd.randrange(0x80, 0x100) for _ in range(3000))
    with pytest.raises(ExtractionError, match=r"^undecodable: \d+ invalid byte sequences as utf-8, .*cp874") as err:
        decode_html(b"<html><body><p>" + junk + b"</p></body></html>", None)
    assert "\n" not in str(err.value)


def test_random_bytes_are_refused_as_binary():
    rnd = random.Random(3)
    with pytest.raises(ExtractionError, match="binary file"):
        decode_html(bytes(rnd.randrange(256) for _ in range(5000)), None)


def test_latin1_european_text_is_a_clear_error():
    text = ("<html><head><title>Résumé de l'été</title></head><body><p>"
            + "Le café à Paris est très élégant; la façade naïve, garçon, déjà vu. " * 30 + "</p></body></html>")
    with pytest.raises(ExtractionError, match=r"^undecodable: .*utf-8.*cp874"):
        decode_html(text.encode("latin-1"), None)


def test_a_few_invalid_bytes_in_a_utf8_page_are_refused_not_replaced():
    html = page(META_UTF8).encode("utf-8").replace("เรื่อง".encode(), "เรื่อง".encode()[:-1], 1)
    with pytest.raises(ExtractionError, match=r"undecodable: 1 invalid byte sequence as utf-8"):
        decode_html(html, "utf-8")


def test_navigation_can_ask_for_the_least_damaged_decoding():
    html = page(META_UTF8).encode("utf-8").replace("เรื่อง".encode(), b"\xff", 1)
    text, enc = decode_html(html, None, errors="replace")
    assert enc == "utf-8" and text.count("\ufffd") == 1


def test_cp874_page_without_charset_gives_the_thai_title_end_to_end():
    record = extract_one(page().encode("cp874"), "https://area10.labour.go.th/index.php/news/1234-x")
    assert record["title"] == TITLE
    assert "“ค่าจ้าง”" in record["body"] and "\ufffd" not in record["body"]


def test_undecodable_page_is_an_extraction_error_end_to_end():
    with pytest.raises(ExtractionError, match="^undecodable"):
        extract_one(page().encode("cp874").replace(b"<p>", b"<p>\xfc\xfd\xfe", 1), "https://x.labour.go.th/a")


@pytest.mark.parametrize(("declared", "codec"), [("utf-8", "utf-8"), ("tis-620", "cp874"), ("windows-874", "cp874")])
def test_an_xhtml_page_opening_with_an_xml_declaration(declared, codec):
    """Old XHTML 1.0 templates open with ``<?xml version="1.0" encoding="…"?>``: the page is read
    (the declaration names the encoding like a ``<meta>``), not refused as unparseable."""
    xhtml = (f'<?xml version="1.0" encoding="{declared}"?>\n'
             '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" '
             '"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">'
             + page().replace("<html>", '<html xmlns="http://www.w3.org/1999/xhtml">', 1).removeprefix("<!DOCTYPE html>"))
    record = extract_one(xhtml.encode(codec), "https://area10.labour.go.th/index.php/news/1234-x")
    assert record["title"] == TITLE and "“ค่าจ้าง”" in record["body"]
