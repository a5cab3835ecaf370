"""Hand-written pages modelled on real CMS themes (fixtures/handwritten/<family>/<name>.html + .json).

The expected records were written by hand from what each page shows (docs/record.md), never copied
from the extractor's output. Article pages must give exactly the expected fields; non-article pages
(home page, listings) must be refused with an ExtractionError.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest

from scraper.extract import extract_one
from scraper.parsers.errors import ExtractionError

ROOT = Path(__file__).resolve().parent.parent
HANDWRITTEN = ROOT / "fixtures" / "handwritten"
FAMILIES = ("joomla15", "joomla3", "joomla4", "k2", "wordpress", "custom_php")
FIELDS = ("title", "published", "author", "hits", "category", "body", "attachments", "images")


def _pairs() -> list[tuple[Path, dict]]:
    pairs = []
    for html in sorted(HANDWRITTEN.glob("*/*.html")):
        expected = json.loads(html.with_suffix(".json").read_text(encoding="utf-8"))
        pairs.append((html, expected))
    return pairs


PAIRS = _pairs()
ARTICLES = [(h, e) for h, e in PAIRS if e["article"]]
REFUSED = [(h, e) for h, e in PAIRS if not e["article"]]


def _id(html: Path) -> str:
    return f"{html.parent.name}/{html.stem}"


def test_enough_pages_of_each_kind():
    assert len(ARTICLES) >= 26
    assert len(REFUSED) >= 5
    per_family = Counter(h.parent.name for h, _ in ARTICLES)
    assert {f: per_family[f] for f in FAMILIES if per_family[f] < 4} == {}
    # portals/: pages of per-portal page objects; drupal/, other/: CMSs and hand-made sites without a
    # layout family of their own, kept as held-out pages
    assert set(per_family) <= {*FAMILIES, "portals", "drupal", "other"}


_HOSTED_BLOG = re.compile(r"^https?://(?:[a-z0-9-]+\.(?:wordpress\.com|blogspot\.com)/|sites\.google\.com/)")


def test_every_page_has_its_expected_record_and_model_note():
    for html, expected in PAIRS:
        if "_saved_from" not in expected:  # pages saved by `labour-scraper savefixture` keep the exact bytes
            assert html.read_bytes().lstrip().startswith(b"<!-- modelled on:"), _id(html)
            # (an office's blog or site on a hosting service, its own address there: WordPress.com, Blogger, Google Sites)
            assert expected["url"].startswith(("https://", "http://")) and (
                ".labour.go.th/" in expected["url"] or _HOSTED_BLOG.match(expected["url"])), _id(html)
        if expected["article"]:
            assert set(FIELDS) <= set(expected), _id(html)
        else:
            assert expected.get("reason"), _id(html)


#: Pages the extractor is known to get wrong (issue 8; strict xfail, so the list can only shrink).
#: beaver_builder_theme_schema_comment_count: the text goes on in page-builder modules nested in
#: other column groups (a photo and a paragraph in a second row), which are lost.
#: google_sites_new_date_below_google_url_redirect: a download button (a block that is one
#: redirect link) at the end of the text is taken for navigation (ninth and tenth sets).
#: From the eleventh to fifteenth blind sets: d7_nexus: the image
#: field above the text field is not taken for the text's picture; wix_dynamic_item: the
#: social bar's icon is taken for a picture of the text.
#: From the twentieth and twenty-first blind sets: dnn9_xcillion: the banner picture between the
#: title and the text is not the text's; liferay71_wcd: a tag icon's item is the category there,
#: and the picture field above the text is lost; mobirise5: the page's closing sections (menu
#: links, the copyright line) are read as more sections of the text; opencms11_mercury: the
#: text's later sections under their own headings are taken for other boxes, the category is
#: only in the breadcrumb and the picture sits in the title's block.
#: From the twenty-seventh blind set: adminlte3_public_news: each value in a box's h3 with its
#: caption under it ("20 พ.ย. 2567" over "วันที่เผยแพร่"): the values' h3s are taken for headings
#: and the captions are read after them.
#: From the thirtieth blind set: asp_classic_section_bar: the item's pictures are a table of
#: thumbnails after the text, each opening its big picture through javascript:, and are lost.
#: From the thirty-third blind set: dlpw_central_j3_press_release: the release's number line
#: ("ข่าวที่ 215/2567") over the text and its dated sign-off under it are text, not info.
#: From the fortieth to forty-second blind sets: hugo_ananke: the section's name printed in an
#: <aside> above the title ("ข่าวประชาสัมพันธ์") is set aside with the sidebars: no category.
#: From the forty-third to forty-fifth blind sets: shapely_child_be_posted: the author's table of
#: documents inside the post, each row a file link, is read as a files table (not text); the
#: record keeps it as text. Which of the two docs/record.md means is open.
#: From the forty-sixth and forty-seventh blind sets: craft_cms_rayong: the author's name has no
#: title and its icon is an inline <svg> whose path is no known icon's, so nothing says it is a
#: name; the files card after the text ("PDF · 412 KB", "ดาวน์โหลด") is read as text.
#: From the fifty-ninth blind set: mkdocs_material_blog_post: Material for MkDocs' blog prints the
#: post's date, category and author in a navigation sidebar beside the <article> (a <nav>, its
#: items marked by Material Design icons as inline <svg>s), which is read as the site's menu:
#: the page is refused as a static page.
#: From the seventy-fourth blind set: ms_publisher2007_web_page_news_sheet: Publisher's "Publish
#: to the Web" sheet has no headings; the headline is a 26pt text box above the date box, the
#: photo's caption box under it is read as the title and the text starts after it.
#: From the seventy-sixth to seventy-eighth blind sets:
#: - dreamweaver_cs3_spry_tis620: the two pictures in a table row of their own under the text are
#:   not read as the text's images.
#: - tachyons_news_detail_side_info_card: the PDF in the side column's info card, outside the
#:   <article>, is not read as the article's attachment.
#: - templatemo_xtra_blog_credit_line: the only author is the credit line ending the text ("ข่าว/ภาพ :
#:   นางสาวศิริพร คำภา"); a credit inside the text stays text and names no author here (open for the
#:   spec: docs/record.md does not say).
#: - concrete5_56_greek_yogurt_blog_entry: the sharing caption and the guestbook's comments after
#:   the text are read as text (no wrapper marks where the entry ends).
#: - odoo16_website_blog_post: Odoo prints article:published_time with no zone ("2024-01-18
#:   03:15:42", UTC in its database); a time with no zone is read as Bangkok's (open for the spec).
#: From the eightieth to eighty-third blind sets:
#: - cakephp38_baked_view: a scaffolded record view, its fields in a table of English labels
#:   ("User", "Views", "Created"): no label of them is known, and the page is refused.
#: - jekyll_mediumish (two pages, one from set 81, one from set 83): the featured picture between
#:   the post's header and its text is read as the text's (both writers left it out: open for the
#:   spec, as on earlier pages); on one, the author is jekyll-seo-tag's account key in the head
#:   ("pr_lamphun"), not the name in the author's box. (The box and the title's block were read
#:   as the text until the post-header rule, found on these pages.)
#: - hugo_docsy: a lead under the title (Docsy's lead paragraph) is read as the text's first
#:   paragraph; the page's writer took it for header matter (open for the spec: docs/record.md
#:   does not say; Ghost Dawn's excerpt, in the title's block, is left out with it).
#: - nextjs14_tailwind_starter_blog: the last paragraphs (a documents list) are left out.
#: From the eighty-fourth to eighty-seventh blind sets:
#: - k2_28_contractor: K2's extra fields under the text ("ข้อมูลเพิ่มเติม", "วันที่จัดกิจกรรม: …")
#:   are left out; the page's writer kept them as the item's text (open for the spec).
#: - mediawiki_1_23_vector: a wiki page, its only counter in the footer ("หน้านี้มีการเข้าถึง 2,846
#:   ครั้ง") and its only date the last edit's: refused as a static page; its writer took it for
#:   an article with that count (open for the spec: is a wiki page news?).
#: - movable_type_5_classic_blog: the category only in the sidebar's "About this Entry" box.
#: From the eighty-eighth to ninety-first blind sets:
#: - bootstrap4_handmade_news_view_side_info_card, php_tables_cp874_news_detail and
#:   zen7_subtheme_submitted_user_picture: a cover or field picture above the text, outside its
#:   block, is not read as the text's picture (the writers counted it: open for the spec, as the
#:   featured image above the text; other writers left it out).
#: - hugo_congo2 and hueman (two pages): the category is not found.
#: - plone52_barceloneta_news_item_text_is_list_of_links: the list of links that is most of the
#:   text is left out, and its files with it.
#: - spip42_dist: the text is not found (a short line of another block is taken for it).
#: - astra4_molongui_guest_author: the guest author's box under the text, linking no author page,
#:   is read as text; and the unit's logo in it as a picture.
#: - colormag_2_scanned_press_release: a post that is a scanned picture and a PDF link: the link's
#:   text is the writer's body ("pr14-2564"); the extractor gives an empty body.
#: - coldfusion_news_detail (blind set 93): its writer leaves the work group in brackets after a
#:   full name out of the author ("สุภาวดี บุญมา (กลุ่มงานคุ้มครองแรงงาน)"), where two older pages
#:   keep a unit in brackets after a given name as the display name; and keeps a one-line
#:   "เอกสารแนบ : <a>file</a>" in the text, which the extractor drops as the files' caption.
#:   docs/record.md says neither: a question for the spec.
#: - framer_cms_detail (blind set 99): the category, a pill link above the title in Framer's
#:   generated class names, is not found.
#: - squarespace_71_blog_item (blind set 99): the text's section under its own heading after the
#:   first paragraphs is cut off as another box.
#: - hello_elementor_jetthemecore (blind set 99): the breadcrumb and the title widgets are read as
#:   the text's first lines, and the featured image widget above it as one of its pictures.
#: - d7_framework_theme (blind set 100): the node's image field before its body field is
#:   not counted among the text's pictures.
#: - sharepoint2010_publishing_articleright (blind set 101): the title, a plain span in the
#:   site's title area after the sub-site's h1, is not found (the picture's caption "ภาพ: …" is taken);
#:   no category from SharePoint's title trail.
#: - kube6_handmade_news_view (blind set 104): the category, an unlinked label badge above the
#:   title, is not found.
#: - cassiopeia_author_hidden_signature_line (blind set 106): its writer takes the credit line
#:   ending the text ("ภาพ/ข่าว : นางสาวอรอุมา หมัดหลี", which stays text) as the author; the
#:   extractor gives none. docs/record.md does not say: a question for the spec.
#: - ewt_bizpotential_ewt_news (blind set 105): the views, "จำนวนผู้อ่าน 245 คน" in the vote
#:   form's head under the related news, are not read (a form is not the article's).
#: - maxsite110_readnews (blind set 105): the category and the title share one bold line
#:   ("ข่าวประชาสัมพันธ์<br>title") in a table cell, no heading: the office's name from the <title> is
#:   taken, and the date of a "latest news" row.
#: - websitebaker_283_allcss (blind set 105): the post footer ("แก้ไขล่าสุด: … กลับ") and the
#:   comments after it are read as text, and a picture of the footer with them.
KNOWN_GAPS: set[str] = {"custom_php/dreamweaver_cs3_spry_tis620_news_show_info_line_two_digit_be_open_count_nl2br_file_row",
                        "custom_php/bootstrap4_handmade_news_view_side_info_card_khao_phap_unit_thai_digit_views",
                        "custom_php/php_tables_cp874_news_detail_id_be_abbr_date_reads_nl2br_doc_attachment",
                        "drupal/zen7_subtheme_submitted_user_picture_time_pubdate_statistics_counter_tags",
                        "other/hugo_congo2_time_go_default_datetime_reading_time_author_box_pagination_times",
                        "other/plone52_barceloneta_news_item_text_is_list_of_links",
                        "other/spip42_dist_cartouche_info_publi_abbr_par_auteur_chapo_documents_joints",
                        "wordpress/astra4_molongui_guest_author_unit_byline_post_views_counter_after_content",
                        "wordpress/colormag_2_scanned_press_release_image_only_pdf_link",
                        "wordpress/hueman_byline_time_published_a3_page_views_count_total_today_author_bio",
                        "wordpress/hueman_3_4_post_byline_time_no_offset_related_posts_yoast8_welfare_division",
                        "k2/k2_28_contractor_bs3_template_extra_fields_activity_date_native_comments_attachment_downloads",
                        "other/mediawiki_1_23_vector_footer_lastmod_thai_solar_year_viewcount_no_byline",
                        "other/movable_type_5_classic_blog_byline_by_on_abbr_published_about_this_entry",
                        "custom_php/cakephp38_baked_view_vertical_table_th_locale_buddhist_short_datetime_autoparagraph_related_files_table",
                        "other/hugo_docsy_blog_post_no_author_byline_time_only_schema_meta_taxonomy_terms",
                        "other/jekyll_mediumish_author_box_above_title_seo_tag_author_key_date_below_content",
                        "other/jekyll_mediumish_author_box_above_title_sticky_share_left_time_below_text_seo_tag",
                        "other/nextjs14_tailwind_starter_blog_postlayout_authors_side_column_th_locale_utc_time",
                        "custom_php/tachyons_news_detail_side_info_card_dl_thai_digits_time_attachment_in_aside",
                        "custom_php/templatemo_xtra_blog_credit_line_reads",
                        "other/concrete5_56_greek_yogurt_blog_entry_posted_by_on_english_mdy_no_wrapper_main_area_guestbook_comments_no_category_ubon",
                        "other/odoo16_website_blog_post_div_title_cover_babel_th_mmm_d_yyyy_naive_utc_og_published",
                        "other/ms_publisher2007_web_page_news_sheet_absolute_text_boxes_vml_downlevel_msonormal_thai_digits_date_box",
                        "other/mkdocs_material_blog_post_sidebar_meta_ce_era_readtime_admonition",
                        "other/craft_cms_rayong_wage_subcommittee",
                        "wordpress/shapely_child_be_posted_label_no_time_jetpack_og_safety",
                        "other/hugo_ananke_single_time_format_localized_th_month_first_ce_schema_meta_bundle_relative_img",
                        "joomla3/dlpw_central_j3_press_release_number_right_aligned_microdata_time_pr_signoff",
                        "other/asp_classic_section_bar_bracket_date_two_digit_be_footer_reporter_reads_thumbs_table",
                        "custom_php/adminlte3_public_news_small_box_stats_value_then_label",
                        "wordpress/beaver_builder_theme_schema_comment_count",
                        "other/google_sites_new_date_below_google_url_redirect",
                        "drupal/d7_nexus_event_date_in_title_posted_by_rdf_last_updated",
                        "other/wix_dynamic_item_page_cms_text_date_be_wixguard",
                        "other/dnn9_xcillion_dnnblog_post_details_iso_date_written_by",
                        "other/liferay71_wcd_ftl_thai_digit_short_be_icon_meta",
                        "other/mobirise5_static_news_sections_posted_subtitle",
                        "other/opencms11_mercury_sr_only_labels_ce_thai_abbrev",
                        "other/coldfusion_news_detail_dotted_two_digit_be_time_without_dot",
                        "other/framer_cms_detail_page_rich_text_container_thai_medium_date",
                        "other/squarespace_71_blog_item_head_itemprop_short_us_date",
                        "wordpress/hello_elementor_jetthemecore_jetengine_dynamic_fields_views",
                        "drupal/d7_framework_theme_submitted_us_date_statistics_reads",
                        "other/sharepoint2010_publishing_articleright_title_span_site_h1_thai_locale_date_line",
                        "custom_php/kube6_handmade_news_view_label_badge_thai_digit_two_digit_be_read_count",
                        "joomla4/cassiopeia_author_hidden_signature_line_end_of_text",
                        "other/ewt_bizpotential_ewt_news_numread_vote_box_area4",
                        "other/maxsite110_readnews_category_above_topic_pageview_nakhonphanom",
                        "other/websitebaker_283_allcss_news_post_header_group_line_area2"}


@pytest.mark.parametrize("html,expected", [
    pytest.param(h, e, marks=pytest.mark.xfail(strict=True, reason="known gap (issue 8)")) if _id(h) in KNOWN_GAPS
    else (h, e) for h, e in ARTICLES], ids=[_id(h) for h, _ in ARTICLES])
def test_article_page_extracts_as_written_by_hand(html, expected):
    record = extract_one(html.read_bytes(), expected["url"])
    mismatched = {f: (record.get(f), expected[f]) for f in FIELDS if record.get(f) != expected[f]}
    assert not mismatched, "\n".join(f"{f}: got {g!r}\n     expected {e!r}" for f, (g, e) in mismatched.items())


#: Non-article pages not refused yet, each with its reason. (The menu-only "about" page, the
#: contact page, the staff directory, the sign-in page, the list of dated PDF links, the video
#: gallery, the photo album, the org chart and the infographic cards of the earlier blind sets,
#: the search results, month grid, album and TablePress page of the thirteenth, the ITA items of
#: the thirty-fifth and fiftieth, are told by scraper/pages/kinds.py, the month-grid check and the
#: site-footer rule; the thirty-fifth set's Views table of job notices linked by their aliases and
#: Download Manager's table of forms, by the listing table's rows linked by title.)
#: From the seventy-ninth blind set: a newsletter's index featuring its newest issue in full
#: (spectre_css_php_newsletter_index), the print pop-up of a category blog holding one item whole
#: (protostar_category_blog_print_popup) and Phoca Download's category of one file with its
#: details (helix_ultimate_phocadownload4_category) read as one article each.
#: From the ninety-first blind set: a director's greeting on a WordPress Page that Yoast dates and
#: Post Views Counter counts (twenty_twelve_page_director_greeting), and a service page whose
#: explanation tops a complaint form (helix3_article_menu_service_page) read as articles.
#: From the ninety-ninth blind set: an Elementor page with a JetEngine listing grid of dated,
#: counted announcements behind JetSmartFilters' filters (jetengine_listing_grid) read as an article.
#: From the hundred-and-third blind set: DOCman 1.4's details page of one download, its long
#: description, submitter, date and download count (docman14_ja_purity_doc_details) read as an article.
#: From the hundredth blind set: a SobiPro directory of certified firms, each entry with its
#: certification date and its own view count (sobipro14_directory_section_entries) read as an article.
#: From the hundred-and-sixth blind set: a classic Blogger template's monthly archive page showing
#: three posts whole, each under its date header (blogger_classic_minima_monthly_archive) read as an article.
REFUSED_GAPS: set[str] = {"custom_php/spectre_css_php_newsletter_index_latest_issue_card_back_issues_table_non_article",
                          "joomla3/helix3_article_menu_service_page_convertforms_complaint_form_non_article",
                          "wordpress/twenty_twelve_page_director_greeting_yoast_webpage_post_views_counter_non_article",
                          "joomla3/protostar_category_blog_print_popup_tmpl_component_one_leading_item_non_article",
                          "joomla4/helix_ultimate_phocadownload4_category_annual_report_single_file_details_below_non_article",
                          "wordpress/jetengine_listing_grid_jetsmartfilters_announcements_page_non_article",
                          "joomla15/docman14_ja_purity_doc_details_single_download_non_article",
                          "joomla3/sobipro14_directory_section_entries_non_article",
                          "other/blogger_classic_minima_monthly_archive_non_article"}


@pytest.mark.parametrize("html,expected", [
    pytest.param(h, e, marks=pytest.mark.xfail(strict=True, reason="known gap: see REFUSED_GAPS"))
    if _id(h) in REFUSED_GAPS else (h, e) for h, e in REFUSED], ids=[_id(h) for h, _ in REFUSED])
def test_non_article_page_is_refused(html, expected):
    with pytest.raises(ExtractionError):
        extract_one(html.read_bytes(), expected["url"])
