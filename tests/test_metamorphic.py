"""Metamorphic extraction tests: a page changed in ways that keep its meaning gives the same record.

Unit tests first: each transform of ``tests/metamorphic.py`` on small hand-written snippets does
exactly what it says and nothing else. Then every fixture page (generated ``fixtures/pages`` and,
when present, hand-written ``fixtures/handwritten/<family>/*.html`` with ``article: true``) x every
transform that applies to it must extract to its expected record.
"""

from __future__ import annotations

import re
from collections import Counter

import pytest
from lxml import html as lxml_html

from scraper.extract import extract_one
from tests import metamorphic as mm

# ---------------------------------------------------------------------------------------------
# snippets
# ---------------------------------------------------------------------------------------------

BODY_P1 = "กรมสวัสดิการและคุ้มครองแรงงาน ได้รับคะแนน 95.59 ประจำปี 2564 จำนวน 31 หน่วยงาน"
BODY_P2 = "ผู้ใช้แรงงานสามารถติดต่อสายด่วน 1546 ได้ตลอด 24 ชั่วโมง"
BODY_P3 = "ประกาศ ณ วันที่ 30 สิงหาคม 2564"
TITLE = "กสร. ได้รับคะแนน 95.59 จากผลประเมิน ITA 2564"

SNIPPET = f"""<!DOCTYPE html>
<html lang="th"><head><meta charset="utf-8" />
<meta name="description" content="ข่าว 2564 ฮิต 31" />
<title>{TITLE} - area10</title><link rel="canonical" href="https://area10.labour.go.th/index.php/1286-ita" /></head>
<body class="site view-article itemid-127">
<div id="main" class="main">
<div class="item-page" itemscope itemtype="https://schema.org/Article">
<h2 class="contentheading" itemprop="headline">{TITLE}</h2>
<div class="article-meta">
<div class="post-date"><time datetime="2021-08-30T10:15:00+07:00">Post on 30 สิงหาคม 2564</time></div>
<div class="post-author">by <a href="/author/area10" rel="author">area10</a></div>
<div class="post-category">หมวด: <a href="/news" itemprop="articleSection">ข่าว 2564</a></div>
<div class="post-hits" data-count="31">ฮิต: 31</div>
</div>
<div class="article-content main" itemprop="articleBody">
<p>{BODY_P1}</p>
<p>{BODY_P2}</p>
<p>{BODY_P3}</p>
<p><img src="/images/a31.jpg" alt="31" /></p>
</div>
</div>
</div>
<div id="right" class="moduletable"><span class="hits-counter">ฮิต: 31</span><div>2021-10-24 05:50</div></div>
</body></html>
""".encode()

EXPECTED = {
    "url": "https://area10.labour.go.th/index.php/1286-ita",
    "title": TITLE,
    "published": "2021-08-30T10:15:00+07:00",
    "published_raw": "30 สิงหาคม 2564",
    "author": "area10",
    "hits": 31,
    "category": "ข่าว 2564",
    "body": "\n\n".join([BODY_P1, BODY_P2, BODY_P3]),
    "images": ["https://area10.labour.go.th/images/a31.jpg"],
    "attachments": [],
}

#: A windows-874 page in the Joomla 1.5 table shape: rows for meta and body.
TABLE_SNIPPET = f"""<html><head><meta http-equiv="Content-Type" content="text/html; charset=tis-620" />
<title>ข่าว</title></head><body><table><tr><td class="content">
<table class="contentpaneopen"><tr><td class="contentheading">{TITLE}</td></tr></table>
<table class="contentpaneopen">
<tr><td class="createdby"><span class="small">เขียนโดย area10</span></td></tr>
<tr><td class="createdate">วันจันทร์ที่ 30 สิงหาคม 2564 เวลา 10:15 น.</td></tr>
<tr><td class="hits"><span class="small">อ่าน 1,234 ครั้ง</span></td></tr>
<tr><td valign="top"><p>{BODY_P1} \u201cคำพูด\u201d</p><p>{BODY_P2}</p><p>{BODY_P3}</p></td></tr>
</table></td></tr></table></body></html>
""".encode("cp874")

TABLE_EXPECTED = {
    "url": "http://x.labour.go.th/index.php?id=1",
    "title": TITLE,
    "published_raw": "วันจันทร์ที่ 30 สิงหาคม 2564 เวลา 10:15 น.",
    "author": "area10",
    "hits": 1234,
    "category": None,
    "body": "\n\n".join([BODY_P1 + " \u201cคำพูด\u201d", BODY_P2, BODY_P3]),
    "images": [],
}


def doc(data: bytes):
    return lxml_html.document_fromstring(data.decode(mm.page_encoding(data)))


def one(root, xpath: str):
    found = root.xpath(xpath)
    assert len(found) == 1, (xpath, found)
    return found[0]


def all_text(root) -> str:
    return " ".join("".join(root.itertext()).split())


def attributes(root, skip=("class", "id")) -> list:
    return [(el.tag, k, v) for el in root.iter() if isinstance(el.tag, str)
            for k, v in sorted(el.attrib.items()) if k not in skip]


def body_text(root) -> str:
    return all_text(one(root, '//*[@itemprop="articleBody"]'))


# ---------------------------------------------------------------------------------------------
# round trip and encodings
# ---------------------------------------------------------------------------------------------


def test_roundtrip_keeps_encoding_and_charset_declaration():
    out = mm.roundtrip(TABLE_SNIPPET)
    assert b'<meta http-equiv="Content-Type" content="text/html; charset=tis-620">' in out
    text = out.decode("cp874")  # still windows-874 bytes, curly quotes included
    assert "\u201cคำพูด\u201d" in text and TITLE in text
    assert b"<meta charset=\"utf-8\">" in mm.roundtrip(SNIPPET)


def test_page_encoding():
    assert mm.page_encoding(TABLE_SNIPPET) == "cp874"
    assert mm.page_encoding(SNIPPET) == "utf-8"
    assert mm.page_encoding("<p>ไทย</p>".encode("cp874")) == "cp874"


def test_analyse_finds_parts_from_values_not_classes():
    tree, _ = mm.parse(mm.rename_classes_and_ids(SNIPPET, EXPECTED))
    lay = mm.analyse(tree, EXPECTED)
    assert lay.title_el.tag == "h2"
    assert lay.body_el.get("itemprop") == "articleBody"
    assert lay.article_el.get("itemprop") is None and lay.article_el.get("itemscope") is not None
    kinds = Counter(k for k, _, _ in lay.meta)
    assert kinds == {"published": 1, "author": 1, "category": 1, "hits": 1}  # not the sidebar's ฮิต: 31


# ---------------------------------------------------------------------------------------------
# rename_classes_and_ids
# ---------------------------------------------------------------------------------------------


def test_rename_replaces_every_class_and_id_consistently():
    out = doc(mm.rename_classes_and_ids(SNIPPET, EXPECTED, "x"))
    before = doc(SNIPPET)
    tokens = set()
    for old, new in zip(before.iter(), out.iter(), strict=True):
        assert old.tag == new.tag
        if old.get("class") is not None:
            assert len(old.get("class").split()) == len(new.get("class").split())
            tokens.update(new.get("class").split())
        if old.get("id") is not None:
            tokens.add(new.get("id"))
    assert tokens and all(re.fullmatch(r"c\d+", t) for t in tokens)
    # the same name gives the same token: "main" is an id and a class token here
    assert one(out, "//body/div[1]").get("id") == one(out, '//*[@itemprop="articleBody"]').get("class").split()[1]


def test_rename_keeps_everything_else():
    before, out = doc(SNIPPET), doc(mm.rename_classes_and_ids(SNIPPET, EXPECTED, "x"))
    assert attributes(before) == attributes(out)  # itemprop, itemscope, rel, datetime, href, src, meta
    assert all_text(before) == all_text(out)
    assert one(out, "//title").text == one(before, "//title").text


def test_rename_keeps_wordpress_postid_class():
    page = b'<html><body class="single postid-77 logged-out"><p>x</p></body></html>'
    assert one(doc(mm.rename_classes_and_ids(page)), "//body").get("class") == "c1 postid-77 c2"


# ---------------------------------------------------------------------------------------------
# thai_digits_in_meta
# ---------------------------------------------------------------------------------------------


def test_thai_digits_only_in_date_and_hits_lines():
    before, out = doc(SNIPPET), doc(mm.thai_digits_in_meta(SNIPPET, EXPECTED, "x"))
    assert all_text(one(out, "//time")) == "Post on ๓๐ สิงหาคม ๒๕๖๔"
    assert all_text(one(out, '//div[@class="post-hits"]')) == "ฮิต: ๓๑"
    # names are not numbers: author and category values keep their digits
    assert "area10" in all_text(out) and all_text(one(out, '//*[@itemprop="articleSection"]')) == "ข่าว 2564"
    # never attributes, title, body, head, or the sidebar outside the article
    assert attributes(before, skip=()) == attributes(out, skip=())
    assert one(out, "//h2").text == TITLE and one(out, "//title").text == one(before, "//title").text
    assert body_text(out) == body_text(before)
    assert all_text(one(out, '//div[@id="right"]')) == "ฮิต: 312021-10-24 05:50"


def test_thai_digits_in_a_cp874_table_page():
    out = mm.thai_digits_in_meta(TABLE_SNIPPET, TABLE_EXPECTED, "x").decode("cp874")
    assert "วันจันทร์ที่ ๓๐ สิงหาคม ๒๕๖๔ เวลา ๑๐:๑๕ น." in out and "อ่าน ๑,๒๓๔ ครั้ง" in out
    assert "charset=tis-620" in out and BODY_P1 in out


# ---------------------------------------------------------------------------------------------
# synonym_labels
# ---------------------------------------------------------------------------------------------


def test_synonym_labels_replace_each_label_by_a_synonym_and_nothing_else():
    out = doc(mm.synonym_labels(SNIPPET, EXPECTED, "x"))
    lines = {k: all_text(one(out, f'//div[@class="post-{k}"]')) for k in ("date", "author", "category", "hits")}
    date_label = lines["date"].removesuffix(" 30 สิงหาคม 2564")
    assert date_label in ("เผยแพร่เมื่อ", "วันที่เผยแพร่", "Published on", "วันที่ลงข่าว")
    assert lines["author"].removesuffix(" area10") in ("เขียนโดย", "ผู้เขียน", "โดย", "Written by", "Posted by")
    assert lines["category"].removesuffix(": ข่าว 2564") in ("หมวดหมู่", "Category")
    assert lines["hits"].removesuffix(": 31") in ("เข้าชม", "เปิดอ่าน", "จำนวนผู้เข้าชม", "Views")
    before = doc(SNIPPET)
    assert body_text(out) == body_text(before) and attributes(out, ()) == attributes(before, ())
    assert all_text(one(out, '//div[@id="right"]')) == "ฮิต: 312021-10-24 05:50"


def test_synonym_labels_are_reproducible_and_seeded():
    a = mm.synonym_labels(SNIPPET, EXPECTED, "001.html")
    assert a == mm.synonym_labels(SNIPPET, EXPECTED, "001.html")
    variants = {mm.synonym_labels(SNIPPET, EXPECTED, f"{n:03}.html") for n in range(12)}
    assert len(variants) > 1


def test_synonym_labels_keep_khrang():
    out = mm.synonym_labels(TABLE_SNIPPET, TABLE_EXPECTED, "x").decode("cp874")
    m = re.search(r'<td class="hits"><span class="small">(.*?) 1,234 ครั้ง</span>', out)
    assert m and m.group(1) in ("ฮิต", "เข้าชม", "เปิดอ่าน", "จำนวนผู้เข้าชม", "Views")
    assert re.search(r"(เขียนโดย|ผู้เขียน|โดย|Written by|Posted by|by) area10", out)
    assert "เขียนโดย area10" not in out


# ---------------------------------------------------------------------------------------------
# extra_wrappers
# ---------------------------------------------------------------------------------------------


def test_extra_wrappers_add_unclassed_blocks_only():
    before, out = doc(SNIPPET), doc(mm.extra_wrappers(SNIPPET, EXPECTED, "x"))
    added = Counter(el.tag for el in out.iter()) - Counter(el.tag for el in before.iter())
    assert set(added) <= {"div", "section"} and sum(added.values()) >= 3
    new = [el for el in out.iter("div", "section") if not el.attrib]
    assert len(new) - len([el for el in before.iter("div", "section") if not el.attrib]) == sum(added.values())
    assert all_text(out) == all_text(before) and attributes(out, ()) == attributes(before, ())
    article = one(out, "//*[@itemscope]")
    assert article.getparent().tag in ("div", "section") and not article.getparent().attrib  # around the article
    body = one(out, '//*[@itemprop="articleBody"]')
    assert body.getparent().tag in ("div", "section") and not body.getparent().attrib  # around the body
    assert any(c.tag in ("div", "section") and not c.attrib and len(c.findall("p")) >= 2 for c in body)  # groups


def test_extra_wrappers_never_inside_table_rows():
    out = doc(mm.extra_wrappers(TABLE_SNIPPET, TABLE_EXPECTED, "x"))
    for table in out.iter("table", "tr"):
        assert all(c.tag in ("tr", "td", "th", "tbody") for c in table), lxml_html.tostring(table)[:200]
    assert all_text(out) == all_text(doc(TABLE_SNIPPET))
    body_cell = one(out, '//td[@valign="top"]')
    assert [c.tag for c in body_cell] in (["div"], ["section"])  # the cell's contents wrapped


# ---------------------------------------------------------------------------------------------
# meta_below_body
# ---------------------------------------------------------------------------------------------


def test_meta_below_body_moves_the_info_block_after_the_body():
    out = doc(mm.meta_below_body(SNIPPET, EXPECTED, "x"))
    article = one(out, "//*[@itemscope]")
    order = [c.get("class") for c in article]
    assert order == ["contentheading", "article-content main", "article-meta"]
    meta = one(out, '//div[@class="article-meta"]')
    assert [c.get("class") for c in meta] == ["post-date", "post-author", "post-category", "post-hits"]
    before = doc(SNIPPET)
    assert sorted(all_text(before).split()) == sorted(all_text(out).split())
    assert body_text(out) == body_text(before)


def test_meta_below_body_moves_table_rows_as_rows():
    out = doc(mm.meta_below_body(TABLE_SNIPPET, TABLE_EXPECTED, "x"))
    rows = one(out, '//table[@class="contentpaneopen"][2]').findall("tr")
    assert [r[0].get("class") for r in rows] == [None, "createdby", "createdate", "hits"]


# ---------------------------------------------------------------------------------------------
# all_together, not applicable
# ---------------------------------------------------------------------------------------------


def test_all_together_applies_every_transform():
    out = mm.all_together(SNIPPET, EXPECTED, "x")
    text = out.decode()
    assert "๓๐ สิงหาคม ๒๕๖๔" in text and "ฮิต: 31" in text  # digits; the sidebar's stays
    assert "article-meta" not in text and "post-hits" not in text  # renamed
    assert text.count("<section>") + text.count("<div>") >= 3  # wrappers
    root = doc(out)
    assert not any(re.search(r"[a-z]{3}", el.get("class") or "") for el in root.iter())
    article = one(root, "//*[@itemscope]")
    assert "".join(article.itertext()).index(BODY_P3) < "".join(article.itertext()).index("๒๕๖๔")


def test_not_applicable_returns_the_roundtrip():
    page = b"<html><body><p>no meta here</p></body></html>"
    exp = {"title": "x", "body": "nothing", "published_raw": "1 มกราคม 2564", "hits": 5}
    for name in ("thai_digits_in_meta", "synonym_labels", "extra_wrappers", "meta_below_body"):
        assert mm.TRANSFORMS[name](page, exp, "x") == mm.roundtrip(page), name


# ---------------------------------------------------------------------------------------------
# discovery and comparison
# ---------------------------------------------------------------------------------------------


def test_generated_cases_are_all_fixture_pages():
    cases = mm.generated_cases()
    assert len(cases) >= 40 and all(c.origin == "generated" for c in cases)


def test_handwritten_cases_only_articles(tmp_path, monkeypatch):
    family = tmp_path / "joomla3"
    family.mkdir()
    (family / "a.html").write_text("<html></html>")
    (family / "a.json").write_text('{"url": "https://x/1", "article": true, "title": "t", "hits": 3}')
    (family / "b.html").write_text("<html></html>")
    (family / "b.json").write_text('{"url": "https://x/", "article": false}')
    monkeypatch.setattr(mm, "HANDWRITTEN_DIR", tmp_path)
    assert [c.name for c in mm.handwritten_cases()] == ["handwritten/joomla3/a"]
    assert [c.article for c in mm.handwritten_cases(articles_only=False)] == [True, False]
    assert mm.handwritten_cases()[0].fields() == ("title", "hits")


def test_compare_exempts_and_published_raw_nullness():
    case = mm.Case("pages/x", "generated", None, {f: None for f in mm.RECORD_FIELDS} | {"published_raw": "1",
                                                                                         "warnings": ["w"]})
    record = dict(case.expected) | {"published_raw": "๑", "date_source": "label", "warnings": []}
    assert mm.compare(record, case) == {}
    assert list(mm.compare(record | {"published_raw": None, "hits": 2}, case)) == ["published_raw", "hits"]


# ---------------------------------------------------------------------------------------------
# every fixture x every transform
# ---------------------------------------------------------------------------------------------

CASES = mm.generated_cases() + mm.handwritten_cases()
_VARIANTS: dict[tuple[str, str], bytes] = {}
APPLICABLE: dict[str, list[str]] = {name: [] for name in mm.TRANSFORMS}


def _build_variants() -> None:
    for case in CASES:
        data = case.html_path.read_bytes()
        base = mm.roundtrip(data)
        for name, fn in mm.TRANSFORMS.items():
            variant = fn(data, case.expected, case.seed)
            if variant != base:
                _VARIANTS[case.name, name] = variant
                APPLICABLE[name].append(case.name)


_build_variants()
CASE_BY_NAME = {c.name: c for c in CASES}
VARIANT_IDS = sorted(_VARIANTS, key=lambda k: (list(mm.TRANSFORMS).index(k[1]), k[0]))


_ROUNDTRIP_GAPS: set[str] = {  # pages that are known gaps as written
    "handwritten/custom_php/bootstrap4_handmade_news_view_side_info_card_khao_phap_unit_thai_digit_views",
    "handwritten/custom_php/php_tables_cp874_news_detail_id_be_abbr_date_reads_nl2br_doc_attachment",
    "handwritten/drupal/zen7_subtheme_submitted_user_picture_time_pubdate_statistics_counter_tags",
    "handwritten/other/hugo_congo2_time_go_default_datetime_reading_time_author_box_pagination_times",
    "handwritten/other/plone52_barceloneta_news_item_text_is_list_of_links",
    "handwritten/other/spip42_dist_cartouche_info_publi_abbr_par_auteur_chapo_documents_joints",
    "handwritten/wordpress/astra4_molongui_guest_author_unit_byline_post_views_counter_after_content",
    "handwritten/wordpress/colormag_2_scanned_press_release_image_only_pdf_link",
    "handwritten/wordpress/hueman_byline_time_published_a3_page_views_count_total_today_author_bio",
    "handwritten/wordpress/hueman_3_4_post_byline_time_no_offset_related_posts_yoast8_welfare_division",
    "handwritten/k2/k2_28_contractor_bs3_template_extra_fields_activity_date_native_comments_attachment_downloads",
    "handwritten/other/mediawiki_1_23_vector_footer_lastmod_thai_solar_year_viewcount_no_byline",
    "handwritten/other/movable_type_5_classic_blog_byline_by_on_abbr_published_about_this_entry",
    "handwritten/custom_php/cakephp38_baked_view_vertical_table_th_locale_buddhist_short_datetime_autoparagraph_related_files_table",
    "handwritten/other/hugo_docsy_blog_post_no_author_byline_time_only_schema_meta_taxonomy_terms",
    "handwritten/other/jekyll_mediumish_author_box_above_title_sticky_share_left_time_below_text_seo_tag",
    "handwritten/other/jekyll_mediumish_author_box_above_title_seo_tag_author_key_date_below_content",
    "handwritten/other/nextjs14_tailwind_starter_blog_postlayout_authors_side_column_th_locale_utc_time",
    "handwritten/custom_php/dreamweaver_cs3_spry_tis620_news_show_info_line_two_digit_be_open_count_nl2br_file_row",
    "handwritten/custom_php/tachyons_news_detail_side_info_card_dl_thai_digits_time_attachment_in_aside",
    "handwritten/custom_php/templatemo_xtra_blog_credit_line_reads",
    "handwritten/other/concrete5_56_greek_yogurt_blog_entry_posted_by_on_english_mdy_no_wrapper_main_area_guestbook_comments_no_category_ubon",
    "handwritten/other/odoo16_website_blog_post_div_title_cover_babel_th_mmm_d_yyyy_naive_utc_og_published",
    "handwritten/other/ms_publisher2007_web_page_news_sheet_absolute_text_boxes_vml_downlevel_msonormal_thai_digits_date_box",
    "handwritten/other/mkdocs_material_blog_post_sidebar_meta_ce_era_readtime_admonition",
    "handwritten/other/craft_cms_rayong_wage_subcommittee",
    "handwritten/wordpress/shapely_child_be_posted_label_no_time_jetpack_og_safety",
    "handwritten/other/hugo_ananke_single_time_format_localized_th_month_first_ce_schema_meta_bundle_relative_img",
    "handwritten/joomla3/dlpw_central_j3_press_release_number_right_aligned_microdata_time_pr_signoff",
    "handwritten/other/asp_classic_section_bar_bracket_date_two_digit_be_footer_reporter_reads_thumbs_table",
    "handwritten/custom_php/adminlte3_public_news_small_box_stats_value_then_label", "handwritten/wordpress/beaver_builder_theme_schema_comment_count",
    "handwritten/other/google_sites_new_date_below_google_url_redirect",
    "handwritten/drupal/d7_nexus_event_date_in_title_posted_by_rdf_last_updated",
    "handwritten/other/wix_dynamic_item_page_cms_text_date_be_wixguard",
    "handwritten/other/dnn9_xcillion_dnnblog_post_details_iso_date_written_by",
    "handwritten/other/liferay71_wcd_ftl_thai_digit_short_be_icon_meta",
    "handwritten/other/mobirise5_static_news_sections_posted_subtitle",
    "handwritten/other/opencms11_mercury_sr_only_labels_ce_thai_abbrev",
    "handwritten/other/coldfusion_news_detail_dotted_two_digit_be_time_without_dot",
    "handwritten/other/framer_cms_detail_page_rich_text_container_thai_medium_date",
    "handwritten/other/squarespace_71_blog_item_head_itemprop_short_us_date",
    "handwritten/wordpress/hello_elementor_jetthemecore_jetengine_dynamic_fields_views",
    "handwritten/drupal/d7_framework_theme_submitted_us_date_statistics_reads",
    "handwritten/other/sharepoint2010_publishing_articleright_title_span_site_h1_thai_locale_date_line",
    "handwritten/custom_php/kube6_handmade_news_view_label_badge_thai_digit_two_digit_be_read_count",
    "handwritten/joomla4/cassiopeia_author_hidden_signature_line_end_of_text",
    "handwritten/other/ewt_bizpotential_ewt_news_numread_vote_box_area4",
    "handwritten/other/maxsite110_readnews_category_above_topic_pageview_nakhonphanom",
    "handwritten/other/websitebaker_283_allcss_news_post_header_group_line_area2"}


@pytest.mark.parametrize("case", [pytest.param(c, marks=pytest.mark.xfail(strict=True, reason="known gap as written"))
                                  if c.name in _ROUNDTRIP_GAPS else c for c in CASES], ids=[c.name for c in CASES])
def test_roundtrip_alone_keeps_the_record(case):
    """The harness itself (decode, lxml parse, serialize, encode) changes no field."""
    record = extract_one(mm.roundtrip(case.html_path.read_bytes()), case.expected["url"])
    diff = mm.compare(record, case)
    assert not diff, f"{case.name} round trip:\n" + mm.format_diff(diff)


def test_each_transform_applies_to_most_fixtures():
    generated = [c.name for c in CASES if c.origin == "generated"]
    report = {name: sum(1 for n in names if n in generated) for name, names in APPLICABLE.items()}
    print("\ntransform applicability on fixtures/pages:",
          ", ".join(f"{k} {v}/{len(generated)}" for k, v in report.items()))
    low = {k: v for k, v in report.items() if v < 0.7 * len(generated)}
    assert not low, f"transforms applying to under 70% of {len(generated)} pages: {low}"


#: Variants the extractor still gets wrong (issue 8 stays open on them). Strict: a variant that
#: starts passing fails the suite until it is taken off this list, so the list only shrinks.
KNOWN_GAPS: set[tuple[str, str]] = {
    # Eighty-eighth to ninety-first blind sets (a random sample; Bangkok area offices and central
    # divisions; bylines and counters; look-alike pages), measured at 5f5a0df (the Go time string
    # fix, f44e6de, came from set 88): ten pages are known gaps as written (tests/test_handwritten.py
    # says why), and so are their variants. Left besides: renamed, the hand-made Bootstrap page with
    # its info card beside the text (refused), Astra's views and Zen's picture; with every transform,
    # the PageLines, Joomla 1.7, Drupal 8 Bootstrap and K2 2.6 pages.
    ("handwritten/custom_php/bootstrap4_handmade_news_view_side_info_card_khao_phap_unit_thai_digit_views", "rename_classes_and_ids"),
    ("handwritten/custom_php/php_tables_cp874_news_detail_id_be_abbr_date_reads_nl2br_doc_attachment", "rename_classes_and_ids"),
    ("handwritten/drupal/zen7_subtheme_submitted_user_picture_time_pubdate_statistics_counter_tags", "rename_classes_and_ids"),
    ("handwritten/other/hugo_congo2_time_go_default_datetime_reading_time_author_box_pagination_times", "rename_classes_and_ids"),
    ("handwritten/other/plone52_barceloneta_news_item_text_is_list_of_links", "rename_classes_and_ids"),
    ("handwritten/other/spip42_dist_cartouche_info_publi_abbr_par_auteur_chapo_documents_joints", "rename_classes_and_ids"),
    ("handwritten/wordpress/astra4_molongui_guest_author_unit_byline_post_views_counter_after_content", "rename_classes_and_ids"),
    ("handwritten/wordpress/colormag_2_scanned_press_release_image_only_pdf_link", "rename_classes_and_ids"),
    ("handwritten/wordpress/hueman_byline_time_published_a3_page_views_count_total_today_author_bio", "rename_classes_and_ids"),
    ("handwritten/wordpress/hueman_3_4_post_byline_time_no_offset_related_posts_yoast8_welfare_division", "rename_classes_and_ids"),
    ("handwritten/other/hugo_congo2_time_go_default_datetime_reading_time_author_box_pagination_times", "thai_digits_in_meta"),
    ("handwritten/wordpress/astra4_molongui_guest_author_unit_byline_post_views_counter_after_content", "thai_digits_in_meta"),
    ("handwritten/wordpress/hueman_3_4_post_byline_time_no_offset_related_posts_yoast8_welfare_division", "thai_digits_in_meta"),
    ("handwritten/wordpress/hueman_byline_time_published_a3_page_views_count_total_today_author_bio", "thai_digits_in_meta"),
    ("handwritten/wordpress/hueman_3_4_post_byline_time_no_offset_related_posts_yoast8_welfare_division", "synonym_labels"),
    ("handwritten/wordpress/hueman_byline_time_published_a3_page_views_count_total_today_author_bio", "synonym_labels"),
    ("handwritten/custom_php/bootstrap4_handmade_news_view_side_info_card_khao_phap_unit_thai_digit_views", "extra_wrappers"),
    ("handwritten/drupal/zen7_subtheme_submitted_user_picture_time_pubdate_statistics_counter_tags", "extra_wrappers"),
    ("handwritten/other/hugo_congo2_time_go_default_datetime_reading_time_author_box_pagination_times", "extra_wrappers"),
    ("handwritten/wordpress/astra4_molongui_guest_author_unit_byline_post_views_counter_after_content", "extra_wrappers"),
    ("handwritten/wordpress/colormag_2_scanned_press_release_image_only_pdf_link", "extra_wrappers"),
    ("handwritten/wordpress/hueman_3_4_post_byline_time_no_offset_related_posts_yoast8_welfare_division", "extra_wrappers"),
    ("handwritten/wordpress/hueman_byline_time_published_a3_page_views_count_total_today_author_bio", "extra_wrappers"),
    ("handwritten/wordpress/pagelines_framework2_metabar_sc_time_nextgen_thumbs_gallery", "extra_wrappers"),
    ("handwritten/other/hugo_congo2_time_go_default_datetime_reading_time_author_box_pagination_times", "meta_below_body"),
    ("handwritten/wordpress/astra4_molongui_guest_author_unit_byline_post_views_counter_after_content", "meta_below_body"),
    ("handwritten/wordpress/colormag_2_scanned_press_release_image_only_pdf_link", "meta_below_body"),
    ("handwritten/wordpress/hueman_3_4_post_byline_time_no_offset_related_posts_yoast8_welfare_division", "meta_below_body"),
    ("handwritten/wordpress/hueman_byline_time_published_a3_page_views_count_total_today_author_bio", "meta_below_body"),
    ("handwritten/custom_php/bootstrap4_handmade_news_view_side_info_card_khao_phap_unit_thai_digit_views", "all_together"),
    ("handwritten/custom_php/php_tables_cp874_news_detail_id_be_abbr_date_reads_nl2br_doc_attachment", "all_together"),
    ("handwritten/drupal/zen7_subtheme_submitted_user_picture_time_pubdate_statistics_counter_tags", "all_together"),
    ("handwritten/other/hugo_congo2_time_go_default_datetime_reading_time_author_box_pagination_times", "all_together"),
    ("handwritten/other/plone52_barceloneta_news_item_text_is_list_of_links", "all_together"),
    ("handwritten/other/spip42_dist_cartouche_info_publi_abbr_par_auteur_chapo_documents_joints", "all_together"),
    ("handwritten/wordpress/astra4_molongui_guest_author_unit_byline_post_views_counter_after_content", "all_together"),
    ("handwritten/wordpress/colormag_2_scanned_press_release_image_only_pdf_link", "all_together"),
    ("handwritten/wordpress/hueman_3_4_post_byline_time_no_offset_related_posts_yoast8_welfare_division", "all_together"),
    ("handwritten/wordpress/hueman_byline_time_published_a3_page_views_count_total_today_author_bio", "all_together"),
    ("handwritten/wordpress/pagelines_framework2_metabar_sc_time_nextgen_thumbs_gallery", "all_together"),
    # Eighty-fourth to eighty-seventh blind sets (a random sample; look-alike pages; southern and
    # eastern offices; info lines in all their forms), measured at b0d0886 (84, 86), dc325d3 (85)
    # and 2ccf041 (87): three pages are known gaps as written (tests/test_handwritten.py says why),
    # and so are their variants. Left besides: renamed, Laravel's byline (its glyphicon's class the
    # only sign); with the info moved below the text, the Bootstrap page over its grid of other
    # news, Laravel's and the ASP.NET MVC scaffold's; with every transform, those three and
    # ChromeNews's page. (Twenty-eight older variants left the list with this session's fixes.)
    ("handwritten/custom_php/laravel55_make_auth_layout_bootstrap3_panel_news_show_glyphicon_meta_line_it_2024", "rename_classes_and_ids"),
    ("handwritten/k2/k2_28_contractor_bs3_template_extra_fields_activity_date_native_comments_attachment_downloads", "rename_classes_and_ids"),
    ("handwritten/other/mediawiki_1_23_vector_footer_lastmod_thai_solar_year_viewcount_no_byline", "rename_classes_and_ids"),
    ("handwritten/other/movable_type_5_classic_blog_byline_by_on_abbr_published_about_this_entry", "rename_classes_and_ids"),
    ("handwritten/k2/k2_28_contractor_bs3_template_extra_fields_activity_date_native_comments_attachment_downloads", "thai_digits_in_meta"),
    ("handwritten/k2/k2_28_contractor_bs3_template_extra_fields_activity_date_native_comments_attachment_downloads", "synonym_labels"),
    ("handwritten/other/mediawiki_1_23_vector_footer_lastmod_thai_solar_year_viewcount_no_byline", "synonym_labels"),
    ("handwritten/k2/k2_28_contractor_bs3_template_extra_fields_activity_date_native_comments_attachment_downloads", "extra_wrappers"),
    ("handwritten/other/mediawiki_1_23_vector_footer_lastmod_thai_solar_year_viewcount_no_byline", "extra_wrappers"),
    ("handwritten/other/movable_type_5_classic_blog_byline_by_on_abbr_published_about_this_entry", "extra_wrappers"),
    ("handwritten/custom_php/bootstrap4_news_detail_meta_label_time_views_huge_other_news_card_grid", "meta_below_body"),
    ("handwritten/custom_php/laravel55_make_auth_layout_bootstrap3_panel_news_show_glyphicon_meta_line_it_2024", "meta_below_body"),
    ("handwritten/k2/k2_28_contractor_bs3_template_extra_fields_activity_date_native_comments_attachment_downloads", "meta_below_body"),
    ("handwritten/other/aspnet_mvc4_internet_template_scaffolded_details_fieldset_display_labels_th_culture", "meta_below_body"),
    ("handwritten/other/movable_type_5_classic_blog_byline_by_on_abbr_published_about_this_entry", "meta_below_body"),
    ("handwritten/custom_php/bootstrap4_news_detail_meta_label_time_views_huge_other_news_card_grid", "all_together"),
    ("handwritten/custom_php/laravel55_make_auth_layout_bootstrap3_panel_news_show_glyphicon_meta_line_it_2024", "all_together"),
    ("handwritten/k2/k2_28_contractor_bs3_template_extra_fields_activity_date_native_comments_attachment_downloads", "all_together"),
    ("handwritten/other/aspnet_mvc4_internet_template_scaffolded_details_fieldset_display_labels_th_culture", "all_together"),
    ("handwritten/other/mediawiki_1_23_vector_footer_lastmod_thai_solar_year_viewcount_no_byline", "all_together"),
    ("handwritten/other/movable_type_5_classic_blog_byline_by_on_abbr_published_about_this_entry", "all_together"),
    ("handwritten/wordpress/chromenews_afthemes_boxed_header_unlabelled_ce_date_min_read_topbar_today_no_seo", "all_together"),
    # Eightieth to eighty-third blind sets (a random sample; bylines in all their forms; northern
    # and western offices; info away from the title), measured at e400dd4 (80, 81), 777c539 (82)
    # and 47811fc (83): seven pages are known gaps as written (tests/test_handwritten.py says why),
    # and so are their variants. Left besides: renamed, Magazine Lite's category (its class only),
    # the PHP page's file-type icon taken for a picture, Penscratch's "Like" bar and tags; Largo's
    # and Typology's info moved below the text; with every transform, Barrio's side block, Shape5
    # Vertex's, Blogger's, Awaken's, Largo's, Typology's and Penscratch's pages. (d10_barrio's side
    # block with wrappers added is read since the side block's caption rule.)
    ("handwritten/custom_php/cakephp38_baked_view_vertical_table_th_locale_buddhist_short_datetime_autoparagraph_related_files_table", "rename_classes_and_ids"),
    ("handwritten/custom_php/handmade_tis620_news_detail_compiled_by_photographer_credits_nl2br_read_count", "rename_classes_and_ids"),
    ("handwritten/drupal/magazine_lite_d89_mtt_node_meta_by_author_medium_date_rdf_hidden_statistics_counter_breadcrumb", "rename_classes_and_ids"),
    ("handwritten/other/hugo_docsy_blog_post_no_author_byline_time_only_schema_meta_taxonomy_terms", "rename_classes_and_ids"),
    ("handwritten/other/jekyll_mediumish_author_box_above_title_seo_tag_author_key_date_below_content", "rename_classes_and_ids"),
    ("handwritten/other/jekyll_mediumish_author_box_above_title_sticky_share_left_time_below_text_seo_tag", "rename_classes_and_ids"),
    ("handwritten/other/nextjs14_tailwind_starter_blog_postlayout_authors_side_column_th_locale_utc_time", "rename_classes_and_ids"),
    ("handwritten/wordpress/wpcom_hosted_penscratch2_posted_on_tilde_byline_sharedaddy_likes_related_author_bio_comments", "rename_classes_and_ids"),
    ("handwritten/custom_php/cakephp38_baked_view_vertical_table_th_locale_buddhist_short_datetime_autoparagraph_related_files_table", "thai_digits_in_meta"),
    ("handwritten/other/nextjs14_tailwind_starter_blog_postlayout_authors_side_column_th_locale_utc_time", "thai_digits_in_meta"),
    ("handwritten/custom_php/cakephp38_baked_view_vertical_table_th_locale_buddhist_short_datetime_autoparagraph_related_files_table", "synonym_labels"),
    ("handwritten/other/nextjs14_tailwind_starter_blog_postlayout_authors_side_column_th_locale_utc_time", "synonym_labels"),
    ("handwritten/custom_php/cakephp38_baked_view_vertical_table_th_locale_buddhist_short_datetime_autoparagraph_related_files_table", "extra_wrappers"),
    ("handwritten/drupal/barrio5_subtheme_featured_top_hero_title_views_info_block_sidebar_second", "extra_wrappers"),
    ("handwritten/other/jekyll_mediumish_author_box_above_title_seo_tag_author_key_date_below_content", "extra_wrappers"),
    ("handwritten/other/jekyll_mediumish_author_box_above_title_sticky_share_left_time_below_text_seo_tag", "extra_wrappers"),
    ("handwritten/other/nextjs14_tailwind_starter_blog_postlayout_authors_side_column_th_locale_utc_time", "extra_wrappers"),
    ("handwritten/custom_php/cakephp38_baked_view_vertical_table_th_locale_buddhist_short_datetime_autoparagraph_related_files_table", "meta_below_body"),
    ("handwritten/other/jekyll_mediumish_author_box_above_title_seo_tag_author_key_date_below_content", "meta_below_body"),
    ("handwritten/other/jekyll_mediumish_author_box_above_title_sticky_share_left_time_below_text_seo_tag", "meta_below_body"),
    ("handwritten/other/nextjs14_tailwind_starter_blog_postlayout_authors_side_column_th_locale_utc_time", "meta_below_body"),
    ("handwritten/wordpress/largo_byline_avatar_job_title_media_credit_caption_author_bio_widget", "meta_below_body"),
    ("handwritten/wordpress/typology_meks_cover_single_title_meta_in_hero_yoast_utc_sticky_bottom_bar", "meta_below_body"),
    ("handwritten/custom_php/cakephp38_baked_view_vertical_table_th_locale_buddhist_short_datetime_autoparagraph_related_files_table", "all_together"),
    ("handwritten/drupal/barrio5_subtheme_featured_top_hero_title_views_info_block_sidebar_second", "all_together"),
    ("handwritten/drupal/magazine_lite_d89_mtt_node_meta_by_author_medium_date_rdf_hidden_statistics_counter_breadcrumb", "all_together"),
    ("handwritten/k2/k2_271_j34_shape5_vertex_date_above_title_weekday_ce_time_author_rating_read_times_modified_author_latest_related_comments_lampang", "all_together"),
    ("handwritten/other/blogger_soho_footer_byline_post_author_profile_box_contributors_widget", "all_together"),
    ("handwritten/other/hugo_docsy_blog_post_no_author_byline_time_only_schema_meta_taxonomy_terms", "all_together"),
    ("handwritten/other/jekyll_mediumish_author_box_above_title_seo_tag_author_key_date_below_content", "all_together"),
    ("handwritten/other/jekyll_mediumish_author_box_above_title_sticky_share_left_time_below_text_seo_tag", "all_together"),
    ("handwritten/other/nextjs14_tailwind_starter_blog_postlayout_authors_side_column_th_locale_utc_time", "all_together"),
    ("handwritten/wordpress/awaken_themezhut_cat_above_title_time_byline_nextgen_thumbnails_pvc_after_content_uttaradit", "all_together"),
    ("handwritten/wordpress/largo_byline_avatar_job_title_media_credit_caption_author_bio_widget", "all_together"),
    ("handwritten/wordpress/typology_meks_cover_single_title_meta_in_hero_yoast_utc_sticky_bottom_bar", "all_together"),
    ("handwritten/wordpress/wpcom_hosted_penscratch2_posted_on_tilde_byline_sharedaddy_likes_related_author_bio_comments", "all_together"),
    # Seventy-sixth to seventy-ninth blind sets (a random sample; north-eastern and central
    # offices; bylines and counters in all their forms; look-alike pages), measured at 8eaf016
    # (76), d5b9fb3 (77, 78) and 466b660 (79): all but five pages right as written after the
    # fixes (tests/test_handwritten.py says why). The variants left: those five pages' (renamed,
    # all together; Odoo's also with extra wrappers and its info below the text), one renamed
    # (Storefront's category, found by its class), a hand-made PHP page whose files line joins
    # the text renamed, Chirpy with extra wrappers, PostNuke's info below the text, and five
    # pages' every transform at once. (Lightning's name after an updated date, its avatar's
    # class gone, was one more renamed; it is read since the session's last fix.)
    ("handwritten/custom_php/php53_news_detail_div_topic_no_heading_box_h2_section_info_pipe_two_digit_be_time_nl2br_lightbox_fb_comments_samutprakan", "rename_classes_and_ids"),
    ("handwritten/custom_php/tachyons_news_detail_side_info_card_dl_thai_digits_time_attachment_in_aside", "rename_classes_and_ids"),
    ("handwritten/custom_php/templatemo_xtra_blog_credit_line_reads", "rename_classes_and_ids"),
    ("handwritten/other/concrete5_56_greek_yogurt_blog_entry_posted_by_on_english_mdy_no_wrapper_main_area_guestbook_comments_no_category_ubon", "rename_classes_and_ids"),
    ("handwritten/other/odoo16_website_blog_post_div_title_cover_babel_th_mmm_d_yyyy_naive_utc_og_published", "rename_classes_and_ids"),
    ("handwritten/wordpress/storefront_byline_simple_author_box_official", "rename_classes_and_ids"),
    ("handwritten/other/jekyll_chirpy6_post_meta_english_month_thai_labels_og_published_folder_category_tail_pageviews_spinner", "extra_wrappers"),
    ("handwritten/other/odoo16_website_blog_post_div_title_cover_babel_th_mmm_d_yyyy_naive_utc_og_published", "extra_wrappers"),
    ("handwritten/other/odoo16_website_blog_post_div_title_cover_babel_th_mmm_d_yyyy_naive_utc_og_published", "meta_below_body"),
    ("handwritten/other/postnuke_extralite_reads_in_brackets_tis620", "meta_below_body"),
    ("handwritten/custom_php/php53_news_detail_div_topic_no_heading_box_h2_section_info_pipe_two_digit_be_time_nl2br_lightbox_fb_comments_samutprakan", "all_together"),
    ("handwritten/custom_php/tachyons_news_detail_side_info_card_dl_thai_digits_time_attachment_in_aside", "all_together"),
    ("handwritten/custom_php/templatemo_xtra_blog_credit_line_reads", "all_together"),
    ("handwritten/k2/joomspirit_j3_k2_item_text_date_weekday_ce_time_read_count_footer_attachment_downloads_author_block", "all_together"),
    ("handwritten/other/concrete5_56_greek_yogurt_blog_entry_posted_by_on_english_mdy_no_wrapper_main_area_guestbook_comments_no_category_ubon", "all_together"),
    ("handwritten/other/jekyll_chirpy6_post_meta_english_month_thai_labels_og_published_folder_category_tail_pageviews_spinner", "all_together"),
    ("handwritten/other/odoo16_website_blog_post_div_title_cover_babel_th_mmm_d_yyyy_naive_utc_og_published", "all_together"),
    ("handwritten/other/postnuke_extralite_reads_in_brackets_tis620", "all_together"),
    ("handwritten/wordpress/storefront_byline_simple_author_box_official", "all_together"),
    # Seventy-second to seventy-fifth blind sets (a random sample; Bangkok area offices and
    # central divisions; poor or misleading markup; look-alike pages), measured at f58bf76 (72),
    # d175197 (73), 8c48d03 (74) and 4702b89 (75): all but the Publisher news sheet right as
    # written after the fixes. The variants left: four pages renamed (BizNews's name and views
    # under the text by an avatar and an eye icon; the Publisher sheet; Pagelayer's and Visual
    # Composer's rows, whose text is split by a gallery and found only in part), three with extra
    # wrappers (the text found in part: JA Purity II, Jimdo; Thrive's text a small block, the
    # related posts' <article>s a listing), and ten pages' every transform at once.
    ("handwritten/custom_php/htmlcodex_biznews_bs4_badge_then_two_digit_be_abbrev_date_title_below_icon_only_views_after_body", "rename_classes_and_ids"),
    ("handwritten/other/ms_publisher2007_web_page_news_sheet_absolute_text_boxes_vml_downlevel_msonormal_thai_digits_date_box", "rename_classes_and_ids"),
    ("handwritten/wordpress/popularfx_pagelayer_post_inline_style_tags_list_widget_time_dmy_numeric", "rename_classes_and_ids"),
    ("handwritten/wordpress/visualcomposer_starter_vcv_rows_author_data_before_title_rankmath_meta_label_dmy", "rename_classes_and_ids"),
    ("handwritten/joomla15/ja_purity_ii_t3v1_j15_article_tools_createdate_override_wanthi_weela_createby_breadcrumb_below_content", "extra_wrappers"),
    ("handwritten/other/jimdo_creator_blog_post_english_date_above_h1_cdn_image_caption_app_download_pdf", "extra_wrappers"),
    ("handwritten/wordpress/thrive_theme_builder_ommi_shortcode_title_span_cat_above_author_pipe_date_styled_list", "extra_wrappers"),
    ("handwritten/custom_php/htmlcodex_biznews_bs4_badge_then_two_digit_be_abbrev_date_title_below_icon_only_views_after_body", "all_together"),
    ("handwritten/joomla15/ja_purity_ii_t3v1_j15_article_tools_createdate_override_wanthi_weela_createby_breadcrumb_below_content", "all_together"),
    ("handwritten/k2/k2_210_purity3_event_news_schedule_table_rows_created_text_time_read_times_jevents_upcoming_module", "all_together"),
    ("handwritten/other/jimdo_creator_blog_post_english_date_above_h1_cdn_image_caption_app_download_pdf", "all_together"),
    ("handwritten/other/ms_publisher2007_web_page_news_sheet_absolute_text_boxes_vml_downlevel_msonormal_thai_digits_date_box", "all_together"),
    ("handwritten/wordpress/genesis25_magazine_pro_microdata_c_offset_bug_featured_posts_microdata_sidebar_area1", "all_together"),
    ("handwritten/wordpress/popularfx_pagelayer_post_inline_style_tags_list_widget_time_dmy_numeric", "all_together"),
    ("handwritten/wordpress/thrive_theme_builder_ommi_shortcode_title_span_cat_above_author_pipe_date_styled_list", "all_together"),
    ("handwritten/wordpress/visualcomposer_starter_vcv_rows_author_data_before_title_rankmath_meta_label_dmy", "all_together"),
    # Sixty-eighth to seventy-first blind sets (a random sample; southern and eastern offices;
    # info printed in unusual places; look-alike pages), measured at cfa5064 (68), 4b94dbe (69,
    # 70) and f57698a (71): every page right as written after the fixes. The variants left:
    # NewsPlus Lite's side column of info renamed loses the category (its label a class name);
    # the cp874 table page's info moved below the text leaves the site's welcome marquee the
    # nearest line above it, read as the title; and four pages' every transform at once.
    ("handwritten/drupal/newsplus_lite_d10_node_side_relative_published_updated_metatag_statistics", "rename_classes_and_ids"),
    ("handwritten/drupal/newsplus_lite_d10_node_side_relative_published_updated_metatag_statistics", "all_together"),
    ("handwritten/custom_php/php52_table_cp874_pipe_info_thai_digits_two_digit_be_br_body_doc_link_nakhonsithammarat", "meta_below_body"),
    ("handwritten/custom_php/php52_table_cp874_pipe_info_thai_digits_two_digit_be_br_body_doc_link_nakhonsithammarat", "all_together"),
    ("handwritten/k2/k2_269_beez20_j25_date_above_title_weekday_ce_time_hits_content_footer_allvideos_inline_jcomments_k2_plugin", "all_together"),
    # Sixty-sixth and sixty-seventh blind sets (a random sample; look-alike non-articles),
    # measured at 5c29eec (66) and 8fe5c29 (67): all but Bravada's page right as written after
    # the fixes, and every variant of the others right. Bravada's page (its title and info in the
    # header image's band) is right as written since the header-band title (this session's
    # sixty-ninth set's fix); its info moved below the text loses the title and the date.
    ("handwritten/wordpress/bravada_header_page_title_meta_microdata_date_em_author", "meta_below_body"),
    ("handwritten/wordpress/bravada_header_page_title_meta_microdata_date_em_author", "all_together"),
    # Sixty-third to sixty-fifth blind sets (a random sample; templates that print the info away
    # from the title; hand-made PHP and Joomla of provincial offices), measured at cbb776b (63),
    # 00ef943 (64) and 6de5344 (65): every page right as written after the fixes. The variants
    # below fail where the class names told the info in a hero band or a column beside the text
    # (Clean Blog's masthead and footer strip, Elementor's right column, Illdy's jumbotron),
    # where Plone's trail home is an icon alone, and where a wrapper or the info moved below the
    # text parts a sidebar's Views block or a badge from what it names.
    ("handwritten/custom_php/startbootstrap_clean_blog_masthead_posted_by_on_footer_strip_eye_modified", "rename_classes_and_ids"),
    ("handwritten/other/plone6_volto17_ssr_news_item_blocks_no_byline_description_lead_breadcrumb_home_icon_window_data", "rename_classes_and_ids"),
    ("handwritten/wordpress/elementor_pro_single_two_columns_post_info_list_right_column_pvc_shortcode", "rename_classes_and_ids"),
    ("handwritten/wordpress/illdy_title_in_header_jumbotron_h1_icons_only_meta_time_date_only_author_box_related", "rename_classes_and_ids"),
    ("handwritten/custom_php/php8_bs5_card_badge_category_list_inline_labels_colon_modified_attachment_card_buengkan", "meta_below_body"),
    ("handwritten/custom_php/php8_bs5_card_badge_category_list_inline_labels_colon_modified_attachment_card_buengkan", "all_together"),
    ("handwritten/custom_php/startbootstrap_clean_blog_masthead_posted_by_on_footer_strip_eye_modified", "all_together"),
    ("handwritten/other/plone6_volto17_ssr_news_item_blocks_no_byline_description_lead_breadcrumb_home_icon_window_data", "all_together"),
    ("handwritten/wordpress/elementor_pro_single_two_columns_post_info_list_right_column_pvc_shortcode", "all_together"),
    # Sixtieth to sixty-second blind sets (a random sample; less common CMSs and builders; pages
    # that look like articles), measured at 703f16e: every page right as written after the fixes.
    # The variants below fail where WPBakery's rows, their class names gone, leave the text's
    # table and message box outside the text found (GeneratePress) or move the info with its
    # views inside the content, where a wrapper splits SharePoint's date header from its post,
    # and where every transform together leaves Extra's share and rating captions in the text.
    ("handwritten/wordpress/generatepress_wpbakery_content_rows_separator_heading_btn3_pdf_pvc_inside_content", "rename_classes_and_ids"),
    ("handwritten/other/sharepoint2010_blog_post_aspx_be_date_header_time_only_footer", "extra_wrappers"),
    ("handwritten/other/sharepoint2010_blog_post_aspx_be_date_header_time_only_footer", "all_together"),
    ("handwritten/wordpress/divi_extra_post_meta_pipes_abbrev_month_first_ce_comment_bubble_rating", "all_together"),
    ("handwritten/wordpress/generatepress_wpbakery_content_rows_separator_heading_btn3_pdf_pvc_inside_content", "all_together"),
    # Fifty-seventh to fifty-ninth blind sets (a random sample; how templates print the published
    # date when a page carries several; northern provincial and Bangkok area offices), measured at
    # 839bb63 (57-58) and 01a95df (59): 28 of 30 articles right as written after the fixes
    # (Material for MkDocs' sidebar info, a known gap as written). The variants below fail where a
    # wrapper cuts the text after its first part (Start Bootstrap's subheading, K2's intro and
    # full text with every transform), where the info moved below the text takes the section's
    # link or a Views block's caption with it (JA Mesolite, Backdrop), and where every transform
    # together loses a self-link or a category (Lovecraft).
    ("handwritten/other/mkdocs_material_blog_post_sidebar_meta_ce_era_readtime_admonition", "rename_classes_and_ids"),
    ("handwritten/custom_php/startbootstrap_blog_post_template_meta_line_abbrev_be_date_author_reads_badge_category", "extra_wrappers"),
    ("handwritten/joomla15/ja_mesolite_j15_thai_weekday_createdate_ce_time_unlabelled_section_link_modifydate_below", "meta_below_body"),
    ("handwritten/other/backdrop_cms127_basis_english_submitted_by_on_us_medium_date_time_views_block_dates_tags", "meta_below_body"),
    ("handwritten/custom_php/startbootstrap_blog_post_template_meta_line_abbrev_be_date_author_reads_badge_category", "all_together"),
    ("handwritten/joomla15/ja_mesolite_j15_thai_weekday_createdate_ce_time_unlabelled_section_link_modifydate_below", "all_together"),
    ("handwritten/k2/zen_grid4_k2_default_item_intro_fulltext_table_hits_in_content_footer_download_counter", "all_together"),
    ("handwritten/other/backdrop_cms127_basis_english_submitted_by_on_us_medium_date_time_views_block_dates_tags", "all_together"),
    ("handwritten/other/mkdocs_material_blog_post_sidebar_meta_ce_era_readtime_admonition", "all_together"),
    ("handwritten/wordpress/lovecraft_post_meta_span_labels_by_on_in_thai_slug_lowercase_escapes_plain_date", "all_together"),
    # Fifty-fourth to fifty-sixth blind sets (a random sample; the Central, East and West offices
    # and the department's centres; how templates print the author and the hits), measured at
    # 88ab32c: all but three pages right as written after the fixes (GetSimple's two and daisyUI's
    # sidebar card, mended in the next session: the page's date after the post's block, Heroicons 2).
    # The variants below fail where a wrapper cuts the text
    # after its first part (Astro's, Rails' Action Text, K2's intro and full text with every
    # transform), where the info moves below the text off a label/value table (the title with it)
    # or as a bare account name, where the class names told Download Attachments' table and a
    # credit's block from the text, and where every transform leaves a bare count with no icon.
    # (daisyUI's badge above the title, its section, read as a last paragraph once moved below the text)
    ("handwritten/custom_php/php82_tailwind_daisyui4_sidebar_info_card_icon_only_heroicons_abbrev_be2_views_comma", "meta_below_body"),
    ("handwritten/other/astro4_astropaper_updated_label_time_modified_only_visible_utc_build_meta_published_empty_author_area8", "extra_wrappers"),
    ("handwritten/other/rails71_actiontext_impressionist_author_label_time_tag_th_long_visitors_times", "extra_wrappers"),
    ("handwritten/custom_php/php52_jquery_ui_redmond_windows874_info_table_above_text_topic_row_title_thai_digits_abbrev_be_attach_row_nl2br", "meta_below_body"),
    ("handwritten/drupal/d7_touch_devsaran_glyph_icon_meta_thai_weekday_abbrev_dmy_ce_time_relative_canonical_file_field_term_field_reads", "meta_below_body"),
    ("handwritten/custom_php/php52_jquery_ui_redmond_windows874_info_table_above_text_topic_row_title_thai_digits_abbrev_be_attach_row_nl2br", "all_together"),
    ("handwritten/custom_php/php8_bs5_boxicons_news_photo_credit_unit_views_times_abbrev_2digit_be", "all_together"),
    ("handwritten/k2/k2_2103_mixwebtemplates_j310_unit_account_author_block_latest_hits_b_modified_intro_full", "all_together"),
    ("handwritten/k2/k2_2103_sj_ytframework3_override_icon_only_item_info_dmy_ce_bare_hits_download_counters_comment_dates", "all_together"),
    ("handwritten/other/astro4_astropaper_updated_label_time_modified_only_visible_utc_build_meta_published_empty_author_area8", "all_together"),
    ("handwritten/other/rails71_actiontext_impressionist_author_label_time_tag_th_long_visitors_times", "all_together"),
    # Fifty-first to fifty-third blind sets (a random sample; Isan and southern offices; the layout
    # around the title), measured at 20030db: every page right as written after the fixes. The
    # variants below fail where the class names were all the generic reading had of a Thai web
    # shop's Joomla 1.5 table template, where a wrapper cuts Blazor's icon-only info line off the
    # date (then no date is left) or the info moved below the text keeps its section name in the
    # text, and where PHP-Nuke's print page, its title, info and text in one cell, loses its title
    # once the info moves below the text.
    ("handwritten/joomla15/thai_shop_table_tpl_componentheading_contentheading_poster_only_base_href", "rename_classes_and_ids"),
    ("handwritten/other/blazor_net8_static_ssr_template_layout_news_detail_icon_meta_be_base_href", "extra_wrappers"),
    ("handwritten/other/blazor_net8_static_ssr_template_layout_news_detail_icon_meta_be_base_href", "meta_below_body"),
    ("handwritten/other/phpnuke76_thainuke_print_page_cp874_bold_title_in_table_date_topic_br_paragraphs", "meta_below_body"),
    ("handwritten/joomla15/thai_shop_table_tpl_componentheading_contentheading_poster_only_base_href", "all_together"),
    ("handwritten/other/blazor_net8_static_ssr_template_layout_news_detail_icon_meta_be_base_href", "all_together"),
    ("handwritten/other/phpnuke76_thainuke_print_page_cp874_bold_title_in_table_date_topic_br_paragraphs", "all_together"),
    # Forty-eighth to fiftieth blind sets (a random sample; modern kits and page builders with
    # icon-only info; pages that look like articles), measured at be4954b: every page right as
    # written after the fixes. The variants below fail where the info moved below the text stays
    # in the text (Oxygen's one item a line, Flowbite's section name, Zuvi's author picture) or
    # meets a date in the text first (Rowling), where a wrapper cuts Elementor's text after its
    # first widgets, and where every transform at once leaves Cassiopeia's blanked labels no info.
    ("handwritten/wordpress/hello_elementor_free_single_no_visible_meta_tsf_utc_published_elementor_content_button_pdf", "extra_wrappers"),
    ("handwritten/custom_php/tailwind3_flowbite2_heroicons_meta_two_digit_be_popular_views_sidebar", "meta_below_body"),
    ("handwritten/drupal/d10_zuvi_icon_meta_dmy_time_metatag_published_seconds_category_field_inline_table", "meta_below_body"),
    ("handwritten/wordpress/oxygen4_fancy_icon_meta_svg_sprite_titles_pvc_no_label_seopress_crumbs", "meta_below_body"),
    ("handwritten/wordpress/rowling_posted_by_on_categories_above_title_related_posts_twice", "meta_below_body"),
    ("handwritten/custom_php/tailwind3_flowbite2_heroicons_meta_two_digit_be_popular_views_sidebar", "all_together"),
    ("handwritten/joomla4/j5_cassiopeia_language_overrides_blank_info_labels_icons_only_two_times_vvisit", "all_together"),
    ("handwritten/wordpress/hello_elementor_free_single_no_visible_meta_tsf_utc_published_elementor_content_button_pdf", "all_together"),
    ("handwritten/wordpress/oxygen4_fancy_icon_meta_svg_sprite_titles_pvc_no_label_seopress_crumbs", "all_together"),
    ("handwritten/wordpress/rowling_posted_by_on_categories_above_title_related_posts_twice", "all_together"),
    # Forty-sixth and forty-seventh blind sets (random samples), measured at d026e3a: as written,
    # Craft CMS's author and files card (the page is a known gap, tests/test_handwritten.py); the
    # variants below fail where the icons' class names said what a value is.
    ("handwritten/other/craft_cms_rayong_wage_subcommittee", "rename_classes_and_ids"),
    ("handwritten/joomla15/ja_larix_nakhonsawan_createdate_nonsef", "extra_wrappers"),
    ("handwritten/other/flask_jinja_bootstrap5_card_thai_digits_short_be", "extra_wrappers"),
    ("handwritten/joomla15/ja_larix_nakhonsawan_createdate_nonsef", "all_together"),
    ("handwritten/other/craft_cms_rayong_wage_subcommittee", "all_together"),
    ("handwritten/other/flask_jinja_bootstrap5_card_thai_digits_short_be", "all_together"),
    # Forty-third to forty-fifth blind sets (a fifth random sample; the department's divisions
    # and Bangkok-area offices; older sites), measured with a6c22d0's extractor: as written, the
    # Shapely child theme's documents table inside the post is kept as text by the expected record
    # (a files table is not text for docs/record.md: the page is a known gap,
    # tests/test_handwritten.py); with class names replaced, Shapely's author box; with every
    # transform, K2's intro and Arras' gallery.
    ("handwritten/wordpress/shapely_child_be_posted_label_no_time_jetpack_og_safety", "rename_classes_and_ids"),
    ("handwritten/wordpress/shapely_child_be_posted_label_no_time_jetpack_og_safety", "thai_digits_in_meta"),
    ("handwritten/wordpress/shapely_child_be_posted_label_no_time_jetpack_og_safety", "synonym_labels"),
    ("handwritten/wordpress/shapely_child_be_posted_label_no_time_jetpack_og_safety", "extra_wrappers"),
    ("handwritten/wordpress/shapely_child_be_posted_label_no_time_jetpack_og_safety", "meta_below_body"),
    ("handwritten/k2/k2_211_cassiopeia_j4_intro_full_attach", "all_together"),
    ("handwritten/wordpress/arras15_wp33_entry_info_by_address_posted_on_abbr_published_posted_in_entry_photo_gallery_style", "all_together"),
    ("handwritten/wordpress/shapely_child_be_posted_label_no_time_jetpack_og_safety", "all_together"),
    # Fortieth to forty-second blind sets (a fourth random sample; published dates; bylines and
    # counters), measured at 91fe8c8 and fixed after but one: as written, Hugo Ananke's section
    # label in an <aside> above the title gives no category (the page is a known gap,
    # tests/test_handwritten.py); with class names replaced, Flatly's icon-only author, Helix3's
    # K2 hits (the download count is taken), ColorNews' eye-icon count, MoreNews' title (its
    # meta line "2 min read … 3 วัน ago" is taken) and Newsphere's text; with the info moved below
    # the text, the Symfony page's section name; with every transform, also Helix3's K2 text and
    # Dazzling's author box.
    ("handwritten/other/hugo_ananke_single_time_format_localized_th_month_first_ce_schema_meta_bundle_relative_img", "rename_classes_and_ids"),
    ("handwritten/other/hugo_ananke_single_time_format_localized_th_month_first_ce_schema_meta_bundle_relative_img", "extra_wrappers"),
    ("handwritten/custom_php/symfony64_twig_bs5_news_show_meta_below_body_thai_digits_abbrev_be2_time_views", "meta_below_body"),
    ("handwritten/other/hugo_ananke_single_time_format_localized_th_month_first_ce_schema_meta_bundle_relative_img", "meta_below_body"),
    ("handwritten/k2/k2_210_helix3_no_author_date_above_title_open_read_hits_rating_votes_comments_by", "all_together"),
    ("handwritten/k2/k2_29_helix3_page_title_h2_date_above_itemtitle_rating_download_link_hits_footer_author_latest", "all_together"),
    ("handwritten/other/hugo_ananke_single_time_format_localized_th_month_first_ce_schema_meta_bundle_relative_img", "all_together"),
    ("handwritten/wordpress/colornews_posted_by_colon_in_link_pvc_eye_icon_only_count_before_content", "all_together"),
    ("handwritten/wordpress/dazzling_icon_byline_simple_author_box_a3_pvc_total_and_today", "all_together"),
    # Thirty-seventh to thirty-ninth blind sets (WordPress, Joomla and other systems at random),
    # measured at 7914096 and fixed after: with class names replaced, Accelerate's views (an eye
    # icon's bare number before the date), the area office's "ข่าว :" credit line (the pen icon
    # gone, it stays text) and Baskerville's star pictures; with the info moved below the text,
    # JSN Epic's unlabelled category link; with every transform, also Gantry 4's K2 hits (the
    # attachment's download count), Hemingway's text (cut at a moved info line).
    ("handwritten/wordpress/baskerville2_meta_below_body_date_category_author_bio_h4_wp_postratings_votes", "rename_classes_and_ids"),
    ("handwritten/joomla15/jsn_epic_j15_jcomments_createdate_be_weekday_time_unlabelled_category", "meta_below_body"),
    ("handwritten/wordpress/baskerville2_meta_below_body_date_category_author_bio_h4_wp_postratings_votes", "all_together"),
    ("handwritten/wordpress/hemingway_post_meta_date_sep_author_category_icon_bottom_jetpack_og_utc_sharing_related", "all_together"),
    # Thirty-fourth to thirty-sixth blind sets (a third random sample, pages that look alike, the
    # newest sites), measured together at 690ada6, not fixed yet: with class names replaced,
    # Bootstrap 2's icon-only info line, Metro UI's trail (its home crumb an icon, no class names
    # to tell it), Olivero's category, Blocksy's views and News Portal's one-paragraph announcement;
    # with every transform, JSN Boot's K2 text and Orchard Core's byline.
    ("handwritten/custom_php/metro_ui_css2_panel_header_div_title_thai_digit_label_row_tiles_sidebar", "rename_classes_and_ids"),
    ("handwritten/wordpress/news_portal_mystery_one_paragraph_linked_pdf_announcement", "rename_classes_and_ids"),
    ("handwritten/custom_php/metro_ui_css2_panel_header_div_title_thai_digit_label_row_tiles_sidebar", "all_together"),
    ("handwritten/k2/k2_210_jsn_boot_date_above_title_rating_votes_intro_full_attachment_counter_author_block", "all_together"),
    ("handwritten/other/orchardcore_theblogtheme_masthead_post_heading_posted_by_on_month_first_be_recent_posts_widget", "all_together"),
    ("handwritten/wordpress/news_portal_mystery_one_paragraph_linked_pdf_announcement", "all_together"),
    # Thirty-second blind set (how old pages age), not fixed yet: with wrappers added, the SP
    # Upgrade-migrated JA Biz page; with the info moved below the text, WP-Print's. (A "ประกาศ ณ
    # วันที่" line typed as the text's first paragraph is now read as the text's and as the date's.)
    ("handwritten/wordpress/wp_print_plugin_print_page_blogtitle_p_posted_by_on_at_in_english_canonical", "meta_below_body"),
    # Thirty-first blind set (a second random sample), not fixed yet: with class names replaced,
    # SiteOrigin's Page Builder panels around the text.
    ("handwritten/wordpress/siteorigin_corp_page_builder_panels_date_off_yoast_meta_only_widget_titles_button_pdf_related_dates", "rename_classes_and_ids"),
    ("handwritten/wordpress/siteorigin_corp_page_builder_panels_date_off_yoast_meta_only_widget_titles_button_pdf_related_dates", "all_together"),
    # Thirty-third blind set (the department's and the Bangkok-area portals), not fixed yet: the
    # press release's number line over the text and its dated sign-off under it are read as info,
    # not text (the page is a known gap, tests/test_handwritten.py); with the info moved below the
    # text, CivicTheme's press-release number field.
    ("handwritten/joomla3/dlpw_central_j3_press_release_number_right_aligned_microdata_time_pr_signoff", "rename_classes_and_ids"),
    ("handwritten/joomla3/dlpw_central_j3_press_release_number_right_aligned_microdata_time_pr_signoff", "thai_digits_in_meta"),
    ("handwritten/joomla3/dlpw_central_j3_press_release_number_right_aligned_microdata_time_pr_signoff", "synonym_labels"),
    ("handwritten/joomla3/dlpw_central_j3_press_release_number_right_aligned_microdata_time_pr_signoff", "extra_wrappers"),
    ("handwritten/drupal/d10_civictheme_press_release_number_field_utc_time_field_metatag_created_statistics_file", "meta_below_body"),
    ("handwritten/joomla3/dlpw_central_j3_press_release_number_right_aligned_microdata_time_pr_signoff", "meta_below_body"),
    ("handwritten/joomla3/dlpw_central_j3_press_release_number_right_aligned_microdata_time_pr_signoff", "all_together"),
    # Twenty-eighth to thirtieth blind sets (a random sample, page builders, Thai packages and the
    # long tail), not fixed yet: the ASP page's thumbnail table after the text is not taken for its
    # pictures (the page itself is a known gap, tests/test_handwritten.py); with class names
    # replaced, the ITA package's info table below the text, PHP-Fusion's icon-only info box below
    # the text (its author link then taken for the category), the Struts portal's section link
    # and Uncode's WPBakery rows are lost; with wrappers added, HTML5 UP's icon info and Elementor's
    # sections; with the info moved below the text, the e-Office form's expiry date is taken for
    # the published one and the webboard's poster cell for text; with every transform, the
    # builders' views widgets (Divi, Elementor, Uncode) and Kadence's text.
    ("handwritten/other/asp_classic_section_bar_bracket_date_two_digit_be_footer_reporter_reads_thumbs_table", "rename_classes_and_ids"),
    ("handwritten/other/jsp_struts2_tiles_bs2_meta_above_title_numeric_be_time_download_action", "rename_classes_and_ids"),
    ("handwritten/wordpress/uncode_wpbakery_header_basic_post_info_over_featured_bg_yoast_utc_btn_pdf", "rename_classes_and_ids"),
    ("handwritten/custom_php/html5up_editorial_news_meta_icons_before_h1_thai_digit_date_footer_views_relative_paths", "extra_wrappers"),
    ("handwritten/wordpress/elementor_pro_sections_astra_post_info_above_title_pvc_shortcode_widget", "extra_wrappers"),
    ("handwritten/custom_php/eoffice_pr_board_read_label_rows_title_in_subject_row_readers_list", "meta_below_body"),
    ("handwritten/custom_php/thai_vendor_webboard_news_topic_label_span_poster_foot_row_visitors", "meta_below_body"),
    ("handwritten/joomla4/sppb5_article_layout_helix_ultimate_page_title_h2_icon_tooltip_info_bare_hits_sidebar_microdata", "meta_below_body"),
    ("handwritten/custom_php/eoffice_pr_board_read_label_rows_title_in_subject_row_readers_list", "all_together"),
    ("handwritten/custom_php/html5up_editorial_news_meta_icons_before_h1_thai_digit_date_footer_views_relative_paths", "all_together"),
    ("handwritten/custom_php/thai_vendor_webboard_news_topic_label_span_poster_foot_row_visitors", "all_together"),
    ("handwritten/other/asp_classic_section_bar_bracket_date_two_digit_be_footer_reporter_reads_thumbs_table", "all_together"),
    ("handwritten/other/jsp_struts2_tiles_bs2_meta_above_title_numeric_be_time_download_action", "all_together"),
    ("handwritten/wordpress/elementor_pro_sections_astra_post_info_above_title_pvc_shortcode_widget", "all_together"),
    ("handwritten/wordpress/kadence_title_above_content_hero_pill_posted_on_label_be_time_infobox", "all_together"),
    ("handwritten/wordpress/uncode_wpbakery_header_basic_post_info_over_featured_bg_yoast_utc_btn_pdf", "all_together"),
    # Twenty-sixth blind set (a random sample, measured after the fixes for sets 23-25 and 27),
    # not fixed yet: with class names replaced or wrappers added, the Gantry 4 info block and
    # Weaver Xtreme's site h1 before the post's are lost, and tagDiv's bare views moved below the
    # text; with every transform, Joomla 5's unicode-alias page and the W3Layouts page.
    ("handwritten/wordpress/newspaper12_tdb_cloud_single_template_bare_views_comment_zero_related_times_docx", "meta_below_body"),
    # Twenty-seventh blind set (how offices print the info), not fixed yet: AdminLTE's value-then-
    # caption boxes (the page itself is a known gap, tests/test_handwritten.py); with class names
    # replaced, the Bootstrap page-header's <small> info and an unlinked category badge; the info
    # moved below the text from a title's <small> or a fieldset's legend.
    *(("handwritten/custom_php/adminlte3_public_news_small_box_stats_value_then_label", t) for t in (
        "rename_classes_and_ids", "thai_digits_in_meta", "synonym_labels", "extra_wrappers", "meta_below_body", "all_together")),
    ("handwritten/custom_php/bs3_page_header_h1_small_raw_be_datetime_unit_author_hits_after_value", "meta_below_body"),
    # (with every transform, the title and its <small> info move below the text together: the
    # trail's last crumb named it until a trail printed as a list became navigation, this session)
    ("handwritten/custom_php/bs3_page_header_h1_small_raw_be_datetime_unit_author_hits_after_value", "all_together"),
    ("handwritten/custom_php/fieldset_legend_title_weekday_abbrev_be2_counter_image_hits", "meta_below_body"),
    # Twenty-third to twenty-fifth blind sets, not fixed yet: with class names replaced, a PHP
    # page's label-cell table of files (bs3 show.php) and the Attachments extension's table
    # (Protostar, its file icons then taken for pictures) are read as text; the Joomla info
    # block's "หมวด" label, once its dt/dd classes are gone, no longer marks the modified-only
    # guide page as an article (YT Framework); the AngularJS page's unrendered bindings left in
    # the text, and its unlabelled name once every transform moves it below the text; a Muse
    # export's absolutely placed frames wrapped apart (the title's frame and the date's); the
    # packaged CMS's topic line with every transform; a Phoca Download line and Zakra's table
    # cut from the text with every transform.
    ("handwritten/custom_php/show_nid_bs3_label_cells_table_category_row_be_abbrev", "rename_classes_and_ids"),
    ("handwritten/joomla3/sj_ytframework3_modified_only_info_kr7_guide_jcomments", "rename_classes_and_ids"),
    ("handwritten/joomla3/sj_ytframework3_modified_only_info_kr7_guide_jcomments", "all_together"),
    ("handwritten/other/adobe_muse_export_text_frames_h2_title_date_frame_assets_pdf", "extra_wrappers"),
    ("handwritten/other/adobe_muse_export_text_frames_h2_title_date_frame_assets_pdf", "all_together"),
    ("handwritten/custom_php/egov_package_mod_news_op_detail_div_topic_weekday_be_open_count", "all_together"),
    ("handwritten/joomla4/gantry5_hydrogen_j5_phoca_download_plugin_no_hits_no_id_url", "all_together"),
    ("handwritten/wordpress/zakra_page_header_title_only_breadcrumb_trail_svg_meta_table_jetpack_blog_stats", "all_together"),
    # Twenty-second blind set, with class names replaced: Bulma's icon-only hits; Material icons'
    # ligature names read as words once their class is gone (the page then has no info).
    ("handwritten/custom_php/materialize_news_view_thai_digits_be2_dot_time_reads", "rename_classes_and_ids"),
    ("handwritten/custom_php/materialize_news_view_thai_digits_be2_dot_time_reads", "all_together"),
    # Twentieth and twenty-first blind sets, not fixed yet (dnn9, liferay71, mobirise5, opencms11:
    # the pages themselves are known gaps, tests/test_handwritten.py): an unlabelled name after
    # its date once the icons' names are gone (Liferay 7.1: a name and a category side by side,
    # neither linked); a picture between the
    # title and the text moved by wrappers (Plone); a StreamField text split by wrappers under a
    # subheading taken for the title (Wagtail).
    ("handwritten/other/dnn9_xcillion_dnnblog_post_details_iso_date_written_by", "rename_classes_and_ids"),
    ("handwritten/other/liferay71_wcd_ftl_thai_digit_short_be_icon_meta", "rename_classes_and_ids"),
    ("handwritten/other/mobirise5_static_news_sections_posted_subtitle", "rename_classes_and_ids"),
    ("handwritten/other/opencms11_mercury_sr_only_labels_ce_thai_abbrev", "rename_classes_and_ids"),
    ("handwritten/other/plone6_classic_byline_datetime_gmt_offset_breadcrumb", "extra_wrappers"),
    ("handwritten/other/wagtail_bakerydemo_streamfield_thai_be_date_tagged_with", "extra_wrappers"),
    ("handwritten/other/dnn9_xcillion_dnnblog_post_details_iso_date_written_by", "all_together"),
    ("handwritten/other/liferay71_wcd_ftl_thai_digit_short_be_icon_meta", "all_together"),
    ("handwritten/other/mobirise5_static_news_sections_posted_subtitle", "all_together"),
    ("handwritten/other/opencms11_mercury_sr_only_labels_ce_thai_abbrev", "all_together"),
    ("handwritten/other/plone6_classic_byline_datetime_gmt_offset_breadcrumb", "all_together"),
    ("handwritten/other/wagtail_bakerydemo_streamfield_thai_be_date_tagged_with", "all_together"),
    # Eighteenth and nineteenth blind sets, not fixed yet: icons with their class names replaced
    # (Semantic UI's "user icon", TZ Portfolio's tp-eye, a shop template's icons) say nothing; a
    # meta table or a files box moved by a wrapper or below the text; Drupal's unlabelled
    # submitted line and upload table without their classes; a picture caption's date; a bold
    # label over its value moved below the text; an eye picture beside a count once the labels
    # around it change.
    ("handwritten/custom_php/foundation6_time_before_date_eye_png_bare_count_breadcrumbs", "synonym_labels"),
    ("handwritten/custom_php/materialize_meta_table_thead_pho_so_year_person_author", "all_together"),
    ("handwritten/custom_php/materialize_meta_table_thead_pho_so_year_person_author", "extra_wrappers"),
    ("handwritten/custom_php/materialize_meta_table_thead_pho_so_year_person_author", "rename_classes_and_ids"),
    ("handwritten/drupal/d6_pixture_reloaded_submitted_dmy_weekday_person_reads_upload", "all_together"),
    ("handwritten/drupal/d6_pixture_reloaded_submitted_dmy_weekday_person_reads_upload", "extra_wrappers"),
    ("handwritten/wordpress/foxiz_single_category_pill_read_time_phuchom_views_file_block", "all_together"),
    ("handwritten/wordpress/foxiz_single_category_pill_read_time_phuchom_views_file_block", "meta_below_body"),
    ("handwritten/wordpress/newspack_page_featured_caption_only_date_thai_digits", "rename_classes_and_ids"),
    # Sixteenth and seventeenth blind sets, not fixed yet: without class names, Olivero's
    # breadcrumb is not told from a menu; a date badge's day and month in separate blocks are not
    # joined; Kadence's featured picture is taken into the text; with every transform at once,
    # a line of tooltip labels is lost (the page then shows no date, author or hits), and the
    # K2 2.5 text loses its end.
    ("handwritten/wordpress/graphene_date_badge_meta_categories_attachments", "all_together"),
    ("handwritten/wordpress/kadence_updated_on_only_pill_category_above_title", "rename_classes_and_ids"),
    ("handwritten/k2/k2_25_joomla15_thai_template_read_times_published_in", "all_together"),
    # Eleventh to fifteenth blind sets, not fixed yet:
    # the page itself is a known gap (tests/test_handwritten.py KNOWN_GAPS)
    ("handwritten/drupal/d7_nexus_event_date_in_title_posted_by_rdf_last_updated", "meta_below_body"),
    ("handwritten/drupal/d7_nexus_event_date_in_title_posted_by_rdf_last_updated", "rename_classes_and_ids"),
    ("handwritten/drupal/d7_nexus_event_date_in_title_posted_by_rdf_last_updated", "synonym_labels"),
    ("handwritten/drupal/d7_nexus_event_date_in_title_posted_by_rdf_last_updated", "thai_digits_in_meta"),
    # the page itself is a known gap (tests/test_handwritten.py KNOWN_GAPS)
    ("handwritten/other/wix_dynamic_item_page_cms_text_date_be_wixguard", "rename_classes_and_ids"),
    ("handwritten/other/wix_dynamic_item_page_cms_text_date_be_wixguard", "thai_digits_in_meta"),
    # a count after an icon font alone (fa-eye, bi-eye), renamed: nothing says what the number
    # is, and it is not a bare count beside the date (another number stands between)
    ("handwritten/custom_php/bs5_date_badge_thai_digits_two_digit_be_relative_paths", "all_together"),
    # (the same: Font Awesome icons alone before the count and the category)
    ("handwritten/joomla3/helix2_icons_only_meta_be_abbrev_menu_alias_date", "all_together"),
    ("handwritten/joomla3/helix2_icons_only_meta_be_abbrev_menu_alias_date", "rename_classes_and_ids"),
    # the category pill moved below the text is read as its last line
    ("handwritten/custom_php/tailwind_news_video_embed_icon_meta", "all_together"),
    ("handwritten/custom_php/tailwind_news_video_embed_icon_meta", "meta_below_body"),
    # an info block of icon pictures with no alt text, or a <time> with a space in its datetime, moved below the text, reads as text
    ("handwritten/joomla4/templatetoaster_j4_postedon_icon_images", "meta_below_body"),
    # (the same)
    ("handwritten/joomla3/templatemonster_j3_item_title_parts_time_space_datetime", "meta_below_body"),
    # an unlabelled info row moved below the text (date, views, a category link) reads as text
    ("handwritten/joomla4/gridbox_post_intro_info_views_after_number", "all_together"),
    ("handwritten/joomla4/gridbox_post_intro_info_views_after_number", "meta_below_body"),
    # (the same: its meta row of a date, a name and a link)
    # a theme's 'post-content' block around the whole post: with its meta row moved below the text, the title is not found in it
    ("handwritten/drupal/d10_gavias_post_meta_slash_numeric_ce_date", "meta_below_body"),
    # WP-PostViews' count in the header, moved below the text with its icon, is not read
    ("handwritten/wordpress/zox_news_microdata_date_only_postviews_relative", "all_together"),
    ("handwritten/wordpress/zox_news_microdata_date_only_postviews_relative", "meta_below_body"),
    # with every transform at once, the seminar's schedule table after the text is cut off
    ("handwritten/joomla15/milkyway_print_popup_component_tmpl", "all_together"),
    # with every transform at once, the topic line above its icon info line is not told from the section heading the <title> names
    ("handwritten/other/aspnet_webforms_formview_span_topic_icon_meta_sitemappath", "all_together"),
    # Jannah's hit count after an icon-font flame (tie-icon-fire), renamed
    ("handwritten/wordpress/jannah_relative_time_schema", "rename_classes_and_ids"),
    # Not fixed yet (third blind set): a trail of links only (no separators, no title at its end)
    # is told from a menu by its classes alone; the last line of a classic ASP page is lost.
    ("handwritten/other/asp_classic_english_longdate", "all_together"),
    # Not fixed yet (fourth blind set): without class names, a T3 intro section, the text of a
    # page whose section heading sits above its title, and a sidebar-first theme's text are lost.
    ("handwritten/joomla3/ja_teline5_magazine_article", "rename_classes_and_ids"),
    ("handwritten/joomla3/ja_teline5_magazine_article", "all_together"),
    # Fifth and sixth blind sets: a field printed without any label, known only by its CMS's
    # class name (SharePoint's free-text by-line), is lost with the names;
    # with every transform at once, a last paragraph that is mostly an outside link is cut off.
    ("handwritten/wordpress/enfold_title_container_h1_comment_count", "all_together"),
    # Seventh and eighth blind sets, not fixed yet: icon-font labels go with their class names
    # (Bootstrap panel footer); a category only in a breadcrumb told by its markup (Moodle, ASP.NET
    # MVC, Joomla 1.0 pathway) or a Hugo/The7/Publisher layout known by its classes; a title row
    # whose meta line moves below the text; a wrapper splitting a panel's meta line off.
    ("handwritten/custom_php/bootstrap3_agency_panel_footer_icons", "all_together"),
    ("handwritten/custom_php/bootstrap3_agency_panel_footer_icons", "extra_wrappers"),
    ("handwritten/custom_php/php_html5_meta_charset_windows874_br", "all_together"),
    ("handwritten/custom_php/php_html5_meta_charset_windows874_br", "meta_below_body"),
    ("handwritten/joomla15/joomla10_madeyourweb_tis620_be_era", "rename_classes_and_ids"),
    ("handwritten/k2/k2_gavick_day_month_badge_read_times", "all_together"),
    ("handwritten/other/hugo_papermod_jsonld_page_bundle_image", "rename_classes_and_ids"),
    ("handwritten/wordpress/publisher_utc_datetime_share_views", "all_together"),
    ("handwritten/wordpress/the7_wpbakery_rows_meta_after_content", "all_together"),
    ("handwritten/wordpress/the7_wpbakery_rows_meta_after_content", "rename_classes_and_ids"),
    # Ninth and tenth blind sets, not fixed yet: a K2 sub-template's text lost to a sidebar's
    # paragraph without the class names; a Thai template shop's page and a table layout under
    # every transform at once.
    ("handwritten/joomla15/thaishop_gov_template_be_time_base_href", "all_together"),
    ("handwritten/k2/k2_sub_template_extra_field_date_created_time", "all_together"),
    ("handwritten/k2/k2_sub_template_extra_field_date_created_time", "rename_classes_and_ids"),
    # the pages themselves are known gaps (tests/test_handwritten.py KNOWN_GAPS)
    ("handwritten/other/google_sites_new_date_below_google_url_redirect", "rename_classes_and_ids"),
    ("handwritten/other/google_sites_new_date_below_google_url_redirect", "thai_digits_in_meta"),
    ("handwritten/other/google_sites_new_date_below_google_url_redirect", "synonym_labels"),
    ("handwritten/other/google_sites_new_date_below_google_url_redirect", "extra_wrappers"),
    ("handwritten/other/google_sites_new_date_below_google_url_redirect", "meta_below_body"),
    ("handwritten/other/google_sites_new_date_below_google_url_redirect", "all_together"),
    ("handwritten/other/webflow_cms_template_english_date_cdn_assets", "thai_digits_in_meta"),
    ("handwritten/other/webflow_cms_template_english_date_cdn_assets", "synonym_labels"),
    ("handwritten/other/webflow_cms_template_english_date_cdn_assets", "extra_wrappers"),
    ("handwritten/other/webflow_cms_template_english_date_cdn_assets", "all_together"),
    ("handwritten/wordpress/beaver_builder_theme_schema_comment_count", "rename_classes_and_ids"),
    ("handwritten/wordpress/beaver_builder_theme_schema_comment_count", "thai_digits_in_meta"),
    ("handwritten/wordpress/beaver_builder_theme_schema_comment_count", "synonym_labels"),
    ("handwritten/wordpress/beaver_builder_theme_schema_comment_count", "extra_wrappers"),
    ("handwritten/wordpress/beaver_builder_theme_schema_comment_count", "meta_below_body"),
    ("handwritten/wordpress/beaver_builder_theme_schema_comment_count", "all_together"),
    # Blind sets 92-95, not fixed yet: icon-only view counts with their icons' class names gone
    # (Jannah's fire, a Bootstrap card's eye); Dotclear's files box once wrapped or moved; the beez
    # one-sentence notice and Ghost Alto's post under every transform at once or its info moved.
    ("handwritten/custom_php/php_bs4_card_news_view_phu_song_icon_meta_dmy_be_time_eye_count_only_under_body_related_cards", "rename_classes_and_ids"),
    ("handwritten/joomla15/beez_componentheading_one_sentence_news_item", "all_together"),
    ("handwritten/joomla15/beez_componentheading_one_sentence_news_item", "meta_below_body"),
    ("handwritten/other/dotclear2_berlin_post_info_english_datetime_attachments", "all_together"),
    ("handwritten/other/dotclear2_berlin_post_info_english_datetime_attachments", "extra_wrappers"),
    ("handwritten/other/dotclear2_berlin_post_info_english_datetime_attachments", "meta_below_body"),
    ("handwritten/other/ghost_alto_thai_abbrev_month_ce_time_date_only", "all_together"),
    ("handwritten/other/ghost_alto_thai_abbrev_month_ce_time_date_only", "meta_below_body"),
    ("handwritten/wordpress/jannah_icon_only_comment_count_and_fire_views_author_avatar_login_name_dmy_slash", "all_together"),
    ("handwritten/wordpress/jannah_icon_only_comment_count_and_fire_views_author_avatar_login_name_dmy_slash", "rename_classes_and_ids"),
    # the page itself is a known gap (tests/test_handwritten.py KNOWN_GAPS)
    ("handwritten/other/coldfusion_news_detail_dotted_two_digit_be_time_without_dot", "all_together"),
    ("handwritten/other/coldfusion_news_detail_dotted_two_digit_be_time_without_dot", "extra_wrappers"),
    ("handwritten/other/coldfusion_news_detail_dotted_two_digit_be_time_without_dot", "meta_below_body"),
    ("handwritten/other/coldfusion_news_detail_dotted_two_digit_be_time_without_dot", "rename_classes_and_ids"),
    ("handwritten/other/coldfusion_news_detail_dotted_two_digit_be_time_without_dot", "synonym_labels"),
    ("handwritten/other/coldfusion_news_detail_dotted_two_digit_be_time_without_dot", "thai_digits_in_meta"),
    # Blind sets 96-99, not fixed yet: the pages below as written read wrong on a field other than
    # the four (category, body, images), and under some transforms on one of the four too: Nuxt's
    # byline moved below its text, PHP-Nuke's info line moved, Live Composer's meta module moved,
    # K2's header date under every transform at once, AstroWind's JavaScript date wrapped or moved.
    ("handwritten/k2/k2_29_purity3_date_with_time_in_header_hits_content_footer_download_links", "all_together"),
    ("handwritten/other/astro_astrowind_single_post_time_datetime_js_date_string", "all_together"),
    ("handwritten/other/astro_astrowind_single_post_time_datetime_js_date_string", "extra_wrappers"),
    ("handwritten/other/nuxt3_nuxt_content_v2_content_renderer_markdown_table", "all_together"),
    ("handwritten/other/nuxt3_nuxt_content_v2_content_renderer_markdown_table", "meta_below_body"),
    ("handwritten/other/phpnuke80_deepblue_news_article_cp874_posted_on_at_ict_topic_only_in_related_links", "all_together"),
    ("handwritten/other/phpnuke80_deepblue_news_article_cp874_posted_on_at_ict_topic_only_in_related_links", "meta_below_body"),
    ("handwritten/wordpress/live_composer_lumberjack_tp_meta_module_be_date", "meta_below_body"),
    # the pages themselves are known gaps (tests/test_handwritten.py KNOWN_GAPS)
    ("handwritten/other/framer_cms_detail_page_rich_text_container_thai_medium_date", "all_together"),
    ("handwritten/other/framer_cms_detail_page_rich_text_container_thai_medium_date", "extra_wrappers"),
    ("handwritten/other/framer_cms_detail_page_rich_text_container_thai_medium_date", "meta_below_body"),
    ("handwritten/other/framer_cms_detail_page_rich_text_container_thai_medium_date", "rename_classes_and_ids"),
    ("handwritten/other/framer_cms_detail_page_rich_text_container_thai_medium_date", "synonym_labels"),
    ("handwritten/other/framer_cms_detail_page_rich_text_container_thai_medium_date", "thai_digits_in_meta"),
    ("handwritten/other/squarespace_71_blog_item_head_itemprop_short_us_date", "all_together"),
    ("handwritten/other/squarespace_71_blog_item_head_itemprop_short_us_date", "extra_wrappers"),
    ("handwritten/other/squarespace_71_blog_item_head_itemprop_short_us_date", "meta_below_body"),
    ("handwritten/other/squarespace_71_blog_item_head_itemprop_short_us_date", "rename_classes_and_ids"),
    ("handwritten/other/squarespace_71_blog_item_head_itemprop_short_us_date", "thai_digits_in_meta"),
    ("handwritten/wordpress/hello_elementor_jetthemecore_jetengine_dynamic_fields_views", "meta_below_body"),
    ("handwritten/wordpress/hello_elementor_jetthemecore_jetengine_dynamic_fields_views", "rename_classes_and_ids"),
    ("handwritten/wordpress/hello_elementor_jetthemecore_jetengine_dynamic_fields_views", "synonym_labels"),
    ("handwritten/wordpress/hello_elementor_jetthemecore_jetengine_dynamic_fields_views", "thai_digits_in_meta"),
    # Blind sets 100-103, not fixed yet: views shown by an icon alone once its class names are gone
    # (AccessPress Mag's eye after the comments', Sela's footer in the text); a PHP table's labelled rows
    # and a Bootstrap card's info table without class names; Ghost 0.11's author in the post footer
    # renamed; and some pages under every transform at once or with their info moved below the text.
    ("handwritten/custom_php/bs3_news_detail_info_table_after_attachments_thai_digits", "rename_classes_and_ids"),
    ("handwritten/custom_php/codeigniter4_press_release_meta_table_thai_digits_two_digit_be", "all_together"),
    ("handwritten/custom_php/php5_table_labelled_rows_thai_digits_two_digit_be", "rename_classes_and_ids"),
    ("handwritten/custom_php/php83_tailwind_info_card_aside", "meta_below_body"),
    ("handwritten/drupal/olivero_d95_very_long_title_breadcrumb_category_article", "all_together"),
    ("handwritten/drupal/olivero_d95_very_long_title_breadcrumb_category_article", "meta_below_body"),
    ("handwritten/k2/k2_23_j15_milkyway_content_footer_hits_attachment_block", "all_together"),
    ("handwritten/other/ghost011_casper14_date_head_author_in_post_footer", "all_together"),
    ("handwritten/other/ghost011_casper14_date_head_author_in_post_footer", "rename_classes_and_ids"),
    ("handwritten/wordpress/accesspress_mag_eye_icon_views_after_byline", "all_together"),
    ("handwritten/wordpress/accesspress_mag_eye_icon_views_after_byline", "rename_classes_and_ids"),
    ("handwritten/wordpress/sela_meta_footer_below_content_wp_postviews", "all_together"),
    ("handwritten/wordpress/sela_meta_footer_below_content_wp_postviews", "rename_classes_and_ids"),
    # the pages themselves are known gaps (tests/test_handwritten.py KNOWN_GAPS)
    ("handwritten/drupal/d7_framework_theme_submitted_us_date_statistics_reads", "all_together"),
    ("handwritten/drupal/d7_framework_theme_submitted_us_date_statistics_reads", "extra_wrappers"),
    ("handwritten/drupal/d7_framework_theme_submitted_us_date_statistics_reads", "meta_below_body"),
    ("handwritten/drupal/d7_framework_theme_submitted_us_date_statistics_reads", "rename_classes_and_ids"),
    ("handwritten/drupal/d7_framework_theme_submitted_us_date_statistics_reads", "synonym_labels"),
    ("handwritten/drupal/d7_framework_theme_submitted_us_date_statistics_reads", "thai_digits_in_meta"),
    ("handwritten/other/sharepoint2010_publishing_articleright_title_span_site_h1_thai_locale_date_line", "all_together"),
    ("handwritten/other/sharepoint2010_publishing_articleright_title_span_site_h1_thai_locale_date_line", "extra_wrappers"),
    ("handwritten/other/sharepoint2010_publishing_articleright_title_span_site_h1_thai_locale_date_line", "meta_below_body"),
    ("handwritten/other/sharepoint2010_publishing_articleright_title_span_site_h1_thai_locale_date_line", "rename_classes_and_ids"),
    ("handwritten/other/sharepoint2010_publishing_articleright_title_span_site_h1_thai_locale_date_line", "thai_digits_in_meta"),
    # Blind sets 104-107, not fixed yet: a PHP page's label badge over its title, EWT's and MaxSite's
    # table layouts, a WebsiteBaker post footer, a Blogger archive and a signature line under several
    # transforms; and more pages under every transform at once or with their info moved below the text.
    ("handwritten/custom_php/pattani_table_layout_thai_digit_two_digit_be_date_info_row", "all_together"),
    ("handwritten/custom_php/pattani_table_layout_thai_digit_two_digit_be_date_info_row", "rename_classes_and_ids"),
    ("handwritten/drupal/bartik9_subtheme_unit_field_no_label_as_author", "meta_below_body"),
    ("handwritten/drupal/zeropoint_d6_submitted_us_mdy_medium_date_statistics_reads_upload_table", "all_together"),
    ("handwritten/drupal/zeropoint_d6_submitted_us_mdy_medium_date_statistics_reads_upload_table", "rename_classes_and_ids"),
    ("handwritten/joomla3/protostar_custom_fields_writer_and_photographer_after_title", "all_together"),
    ("handwritten/joomla3/protostar_custom_fields_writer_and_photographer_after_title", "synonym_labels"),
    ("handwritten/k2/k2_210_beez3_author_block_name_with_job_title", "all_together"),
    ("handwritten/k2/k2_269_shape5_vertex_j25_item_read_times_attachment_counter", "all_together"),
    ("handwritten/wordpress/frost_block_theme_avatar_block_only_author", "all_together"),
    ("handwritten/wordpress/frost_block_theme_avatar_block_only_author", "meta_below_body"),
    ("handwritten/wordpress/islemag_posted_on_utc_two_digit_year_gallery_thai_pdf_names", "all_together"),
    ("handwritten/wordpress/islemag_posted_on_utc_two_digit_year_gallery_thai_pdf_names", "rename_classes_and_ids"),
    # the pages themselves are known gaps (tests/test_handwritten.py KNOWN_GAPS)
    ("handwritten/custom_php/kube6_handmade_news_view_label_badge_thai_digit_two_digit_be_read_count", "all_together"),
    ("handwritten/custom_php/kube6_handmade_news_view_label_badge_thai_digit_two_digit_be_read_count", "extra_wrappers"),
    ("handwritten/custom_php/kube6_handmade_news_view_label_badge_thai_digit_two_digit_be_read_count", "meta_below_body"),
    ("handwritten/custom_php/kube6_handmade_news_view_label_badge_thai_digit_two_digit_be_read_count", "rename_classes_and_ids"),
    ("handwritten/custom_php/kube6_handmade_news_view_label_badge_thai_digit_two_digit_be_read_count", "synonym_labels"),
    ("handwritten/joomla4/cassiopeia_author_hidden_signature_line_end_of_text", "all_together"),
    ("handwritten/joomla4/cassiopeia_author_hidden_signature_line_end_of_text", "extra_wrappers"),
    ("handwritten/joomla4/cassiopeia_author_hidden_signature_line_end_of_text", "meta_below_body"),
    ("handwritten/joomla4/cassiopeia_author_hidden_signature_line_end_of_text", "rename_classes_and_ids"),
    ("handwritten/joomla4/cassiopeia_author_hidden_signature_line_end_of_text", "synonym_labels"),
    ("handwritten/joomla4/cassiopeia_author_hidden_signature_line_end_of_text", "thai_digits_in_meta"),
    ("handwritten/other/ewt_bizpotential_ewt_news_numread_vote_box_area4", "all_together"),
    ("handwritten/other/ewt_bizpotential_ewt_news_numread_vote_box_area4", "extra_wrappers"),
    ("handwritten/other/ewt_bizpotential_ewt_news_numread_vote_box_area4", "meta_below_body"),
    ("handwritten/other/ewt_bizpotential_ewt_news_numread_vote_box_area4", "rename_classes_and_ids"),
    ("handwritten/other/ewt_bizpotential_ewt_news_numread_vote_box_area4", "synonym_labels"),
    ("handwritten/other/ewt_bizpotential_ewt_news_numread_vote_box_area4", "thai_digits_in_meta"),
    ("handwritten/other/maxsite110_readnews_category_above_topic_pageview_nakhonphanom", "all_together"),
    ("handwritten/other/maxsite110_readnews_category_above_topic_pageview_nakhonphanom", "extra_wrappers"),
    ("handwritten/other/maxsite110_readnews_category_above_topic_pageview_nakhonphanom", "meta_below_body"),
    ("handwritten/other/maxsite110_readnews_category_above_topic_pageview_nakhonphanom", "rename_classes_and_ids"),
    ("handwritten/other/maxsite110_readnews_category_above_topic_pageview_nakhonphanom", "thai_digits_in_meta"),
    ("handwritten/other/websitebaker_283_allcss_news_post_header_group_line_area2", "all_together"),
    ("handwritten/other/websitebaker_283_allcss_news_post_header_group_line_area2", "rename_classes_and_ids"),
}
_GAP = pytest.mark.xfail(strict=True, reason="known gap of the extractor on this variant (issue 8)")


@pytest.mark.parametrize("key", [pytest.param(k, marks=_GAP) if k in KNOWN_GAPS else k for k in VARIANT_IDS],
                         ids=[f"{t}-{c}" for c, t in VARIANT_IDS])
def test_variant_extracts_to_the_same_record(key):
    case_name, transform = key
    case = CASE_BY_NAME[case_name]
    try:
        record = extract_one(_VARIANTS[key], case.expected["url"])
    except Exception as exc:  # an ExtractionError is a wrong answer for an article page
        pytest.fail(f"{case_name} x {transform}: extraction refused the page: {exc}")
    diff = mm.compare(record, case)
    assert not diff, f"{case_name} x {transform}:\n" + mm.format_diff(diff)


# non-article pages not refused as written (tests/test_handwritten.py REFUSED_GAPS)
_NOT_REFUSED_AS_WRITTEN: set[str] = {
    "handwritten/joomla3/helix3_article_menu_service_page_convertforms_complaint_form_non_article",
    "handwritten/wordpress/twenty_twelve_page_director_greeting_yoast_webpage_post_views_counter_non_article",
    "handwritten/custom_php/spectre_css_php_newsletter_index_latest_issue_card_back_issues_table_non_article",
    "handwritten/joomla3/protostar_category_blog_print_popup_tmpl_component_one_leading_item_non_article",
    "handwritten/joomla4/helix_ultimate_phocadownload4_category_annual_report_single_file_details_below_non_article",
    "handwritten/wordpress/jetengine_listing_grid_jetsmartfilters_announcements_page_non_article",
    "handwritten/joomla15/docman14_ja_purity_doc_details_single_download_non_article",
    "handwritten/joomla3/sobipro14_directory_section_entries_non_article",
    "handwritten/other/blogger_classic_minima_monthly_archive_non_article",
}
_NON_ARTICLE_GAPS: set[str] = {
    # sixty-second set: Events Manager's day list, its class names gone, reads as one event's page
    # (each event a block of title link, time and place; its table no longer a listing's)
    "handwritten/wordpress/twentysixteen_events_manager_calendar_day_list_title_format_non_article",
}
NON_ARTICLES = [c for c in mm.handwritten_cases(articles_only=False)
                if not c.article and c.name not in _NOT_REFUSED_AS_WRITTEN]


@pytest.mark.parametrize("transform", ["rename_classes_and_ids", "all_together"])
@pytest.mark.parametrize("case", [pytest.param(c, marks=_GAP) if c.name in _NON_ARTICLE_GAPS else c
                                  for c in NON_ARTICLES], ids=[c.name for c in NON_ARTICLES])
def test_non_article_stays_refused_without_its_class_names(case, transform):
    """A listing, a home page or an archive is not an article because of what it shows (several
    entries, a read-more intro, the site's root), not because of its template's class names."""
    from scraper.parsers.errors import ExtractionError

    variant = mm.TRANSFORMS[transform](case.html_path.read_bytes(), {}, case.seed)
    with pytest.raises(ExtractionError):
        extract_one(variant, case.expected["url"])
