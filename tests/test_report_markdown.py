"""Markdown reports: hostile text stays text, only http(s) links, the intended structure in a real parser."""
from __future__ import annotations

import dataclasses
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from claims.model import Claim, Extraction
from db.articles import store_article
from db.sources import add_claim_source
from evidence.markdown import block_lines, inline, render_markdown
from evidence.report import (
    Correction,
    FieldChange,
    Report,
    ReportArticle,
    ReportClaim,
    ReportScope,
    SourceRef,
    build_report,
)
from evidence.review import save_review
from evidence.sources import attach_source

HOSTILE = [
    "| a | b |",
    "# Injected heading",
    "```\nfenced code\n```",
    "`code` and ``more``",
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "[x](javascript:alert(1))",
    "![image](http://evil.example/x.png)",
    "<http://evil.example> and <javascript:alert(1)>",
    "*bold* and _italic_ and __strong__",
    "line one\n# heading\n> quote\n- item\n1. one\n2) two\n---\n===\n    indented code",
    "> quoted\n>> deeper",
    "&lt;script&gt; &amp; &#60;b&#62;",
    "trailing backslash \\",
    "a\\|b | c\\\\| d",
    "title\n===",
    "[ref]: javascript:alert(1)\n[ref]",
    "~~struck~~ and $x^2$",
    "- - -",
    "+ plus\n= equals",
    "<!-- comment -->",
    "\r\nwindows\r\nlines\r",
    "\u2028separator\u2029para\x0bvertical\x0cfeed\x85next",
    "\x00nul\x1bescape",
]


def parser() -> MarkdownIt:
    # html stays enabled (as in the commonmark preset): the test proves escaping, not a disabled feature.
    return MarkdownIt("commonmark", {"html": True}).enable("table")


def all_tokens(markdown: str) -> list:
    tokens = []
    stack = list(reversed(parser().parse(markdown)))
    while stack:
        token = stack.pop()
        tokens.append(token)
        stack.extend(reversed(token.children or []))
    return tokens


def assert_safe(markdown: str) -> None:
    tokens = all_tokens(markdown)
    assert not [t for t in tokens if t.type in ("html_inline", "html_block")]
    assert not [t for t in tokens if t.type == "image"]
    for token in tokens:
        if token.type == "link_open":
            assert str(token.attrGet("href")).startswith(("http://", "https://")), token.attrGet("href")
    html = parser().render(markdown)
    assert "<script" not in html and "<img" not in html
    assert all(href.startswith(("http://", "https://")) for href in re.findall(r'href="([^"]*)"', html))


def structure(markdown: str) -> dict[str, object]:
    tokens = parser().parse(markdown)
    headings = [(t.tag, tokens[i + 1].content) for i, t in enumerate(tokens) if t.type == "heading_open"]
    rows = []
    cells = 0
    for t in tokens:
        if t.type == "tr_open":
            cells = 0
        elif t.type in ("td_open", "th_open"):
            cells += 1
        elif t.type == "tr_close":
            rows.append(cells)
    return {
        "headings": headings,
        "table_rows": rows,
        "blockquotes": sum(t.type == "blockquote_open" for t in tokens),
        "ordered_items": sum(t.type == "list_item_open" and _in_ordered(tokens, i) for i, t in enumerate(tokens)),
        "code": sum(t.type in ("code_block", "fence", "code_inline") for t in all_tokens(markdown)),
    }


def _in_ordered(tokens: list, index: int) -> bool:
    depth = 0
    for t in reversed(tokens[:index]):
        if t.type.endswith("_list_close"):
            depth += 1
        elif t.type.endswith("_list_open"):
            if depth == 0:
                return t.type == "ordered_list_open"
            depth -= 1
    return False


def store_claim(db, text: str, *, title: str = "Sample article", url: str | None = "https://news.example/a") -> int:
    article_text = f"Intro. {text}"
    claim = Claim(text=text, start=7, end=7 + len(text), checkworthy=True, score=0.9)
    stored = store_article(db, text=article_text, extraction=Extraction(language="en", claims=(claim,)),
                           title=title, url=url, published="2024-03-01")
    return stored.claim_ids[0]


def review(db, claim_id: int, hostile: str) -> None:
    attach_source(db, claim_id, url="https://stats.example/report?a=1&b=(2)", stance="refutes", reviewer=hostile,
                  title=hostile, publisher=hostile, published="2024-03-02", accessed="2024-03-03",
                  archive_url="https://web.archive.org/web/2024/https://stats.example/report", excerpt=hostile)
    claim = save_review(db, claim_id, expected_version=1, reviewer=hostile, rating="False", verdict=hostile,
                        rationale=hostile, status="drafted")
    claim = save_review(db, claim_id, expected_version=claim.version, reviewer="Lan", status="published")
    save_review(db, claim_id, expected_version=claim.version, reviewer="Minh", rating="Mostly false",
                rationale=hostile + " (corrected)")


@pytest.mark.parametrize("hostile", HOSTILE)
def test_hostile_text_in_every_field_keeps_the_report_structure(db, hostile):
    claim_id = store_claim(db, "Prices rose " + hostile, title=hostile)
    db.execute("UPDATE claims SET speaker = ? WHERE id = ?", [hostile, claim_id])
    review(db, claim_id, hostile)
    markdown = render_markdown(build_report(db, ReportScope(article_id=1)))

    assert_safe(markdown)
    shape = structure(markdown)
    assert [tag for tag, _ in shape["headings"]] == ["h1", "h2", "h2", "h3", "h3", "h2"]
    assert [text for _, text in shape["headings"][1:]] == ["Summary", f"Claim {claim_id}", "Rationale", "Sources",
                                                          "Corrections"]
    assert shape["table_rows"] == [3, 3]
    assert shape["blockquotes"] == 2  # the claim's sentence and the source's excerpt, nothing injected
    assert shape["ordered_items"] == 1
    assert shape["code"] == 0


@pytest.mark.parametrize("hostile", HOSTILE)
def test_hostile_text_renders_as_the_same_visible_text(hostile):
    html = parser().renderInline(inline(hostile))
    flat = " ".join(hostile.replace("\x00", " ").replace("\x1b", " ").split())
    expected = flat.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
    assert html == expected


def test_only_http_links_even_for_urls_stored_without_validation(db):
    claim_id = store_claim(db, "The figure is 1,7 triệu.", url="javascript:alert(1)")
    add_claim_source(db, claim_id, url="javascript:alert(document.cookie)", stance="context", reviewer="Lan",
                     title="Click me", archive_url="data:text/html,<script>alert(1)</script>")
    markdown = render_markdown(build_report(db, ReportScope(claim_id=claim_id)))

    assert_safe(markdown)
    hrefs = [t.attrGet("href") for t in all_tokens(markdown) if t.type == "link_open"]
    assert hrefs == []
    assert "javascript:alert(document.cookie)" in markdown.replace("\\", "")


def test_a_safe_source_url_becomes_a_link_with_its_query_intact(db):
    claim_id = store_claim(db, "The figure is 1,7 triệu.")
    attach_source(db, claim_id, url="https://stats.example/r?a=1&b=(2)|x", stance="supports", reviewer="Lan",
                  title="Statistics")
    tokens = all_tokens(render_markdown(build_report(db, ReportScope(claim_id=claim_id))))
    hrefs = [t.attrGet("href") for t in tokens if t.type == "link_open"]
    assert "https://stats.example/r?a=1&b=%282%29%7Cx" in hrefs
    assert "https://news.example/a" in hrefs


def test_edited_wording_is_shown_beside_the_original_sentence(db):
    claim_id = store_claim(db, "Hơn 1,7 triệu người đã rời bỏ nhà cửa.")
    save_review(db, claim_id, expected_version=1, reviewer="Lan", text="1,7 triệu người rời nhà")
    markdown = render_markdown(build_report(db, ReportScope(claim_id=claim_id)))
    assert "> Hơn 1,7 triệu người đã rời bỏ nhà cửa." in markdown
    assert "**Checked as reworded:** 1,7 triệu người rời nhà" in markdown


def test_multi_line_rationale_keeps_its_paragraphs_and_line_breaks(db):
    claim_id = store_claim(db, "Unemployment fell to 2%.")
    save_review(db, claim_id, expected_version=1, reviewer="Lan", rating="False",
                rationale="First line\nsecond line\n\nNew paragraph")
    tokens = parser().parse(render_markdown(build_report(db, ReportScope(claim_id=claim_id))))
    start = next(i for i, t in enumerate(tokens) if t.type == "inline" and t.content == "Rationale")
    paragraphs = [t for t in tokens[start + 2:start + 8] if t.type == "inline"]
    assert paragraphs[0].content == "First line\\\nsecond line"
    assert [c.type for c in paragraphs[0].children] == ["text", "hardbreak", "text"]
    assert paragraphs[1].content == "New paragraph"


# Any text at all: printable, Markdown's own characters, line breaks and control characters.
MARKDOWNISH = st.text(alphabet=st.sampled_from(list("|#`<>[]()!*_\\&;:-+=.~$/'\"x1 \t\n\r\x0b\x0c\u2028")),
                      max_size=40)
ANY_TEXT = st.one_of(st.text(max_size=60), MARKDOWNISH)
ANY_URL = st.one_of(ANY_TEXT, st.just("javascript:alert(1)"),
                    st.builds(lambda tail: "https://example.org/" + tail, MARKDOWNISH))


def hand_built_report(text: str, rationale: str, title: str, url: str) -> Report:
    article = ReportArticle(id=1, title=title, url=url, language="en", published="2024-03-01", source_name=None)
    source = SourceRef(number=1, url=url, title=title, publisher=title, published="2024-03-02",
                       accessed="2024-03-03", archive_url=url, stance="refutes", excerpt=text)
    correction = Correction(claim_id=7, at="2024-03-05T10:00:00.000000+00:00", reviewer=title,
                            changes=(FieldChange("rationale", rationale, text),))
    claim = ReportClaim(id=7, text=text + "x", original_text=text, speaker=title, article=article,
                        status="published", rating="False", rating_value=2, verdict=rationale, rationale=rationale,
                        first_published_at="2024-03-04T10:00:00.000000+00:00",
                        published_at="2024-03-05T10:00:00.000000+00:00", reviewers=(title,), sources=(source,),
                        corrections=(correction,))
    return Report(title=title, scope=ReportScope(article_id=1), scope_line="Scope: article 1. 1 claim.",
                  generated_at="2024-03-05T10:00:00.000000+00:00", claims=(claim,), articles=(article,),
                  rating_scale=())


@pytest.mark.slow  # 300 generated reports: the full suite's; the hostile cases above stay in the quick loop
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=ANY_TEXT, rationale=ANY_TEXT, title=ANY_TEXT, url=ANY_URL)
def test_any_text_renders_without_raw_html_unsafe_links_or_broken_structure(text, rationale, title, url):
    report = hand_built_report(text, rationale, title, url)
    markdown = render_markdown(report)

    assert_safe(markdown)
    shape = structure(markdown)
    has_rationale = bool(block_lines(rationale))  # blank or control characters only: no Rationale section
    expected = ["Summary", "Claim 7", *(["Rationale"] if has_rationale else []), "Sources", "Corrections"]
    assert [t for _, t in shape["headings"][1:]] == expected
    assert shape["headings"][0][0] == "h1"
    assert shape["table_rows"] == [3, 3]
    assert shape["ordered_items"] == 1
    assert shape["code"] == 0


def test_the_same_report_renders_to_the_same_bytes_twice(db):
    claim_id = store_claim(db, "Exports grew 12%.")
    review(db, claim_id, "Lan")
    first = render_markdown(build_report(db, ReportScope()))
    second = render_markdown(build_report(db, ReportScope()))
    assert first == second


def test_a_report_without_claims_says_so(db):
    markdown = render_markdown(build_report(db, ReportScope()))
    assert "No claims in this scope." in markdown
    assert "No verdict has been changed after publication." in markdown


def test_renderer_reads_only_the_report_it_is_given():
    report = hand_built_report("Claim", "Because", "Title", "https://example.org/a")
    changed = dataclasses.replace(report, title="Another title")
    assert render_markdown(changed).startswith("# Another title\n")
