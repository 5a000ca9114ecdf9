"""A Report as CommonMark (with GFM tables), safe whatever reviewers and articles put in their text.

Every piece of user text goes through `inline` (one line) or `block_lines` (several): Markdown's active characters
are backslash-escaped, so `|`, `#`, backticks, `<script>`, `[x](javascript:…)`, `*`, `_`, `>` and line breaks
stay text. Only absolute http(s) URLs become links, checked again here even though sources were checked on the
way in. Headings, tables, lists and quotes come from this module alone.
"""
from __future__ import annotations

import functools
import re
from urllib.parse import quote

from evidence.report import Correction, Report, ReportClaim, SourceRef, format_timestamp
from fetching.urls import InvalidURL, check_url

__all__ = ["render_markdown", "inline", "block_lines", "link", "safe_url"]

# Active anywhere in a line: emphasis, code, links and images, raw HTML and autolinks, entities, table cells,
# headings, escapes; `~` and `$` are strikethrough and maths in GitHub's and Streamlit's Markdown.
_ACTIVE = "\\`*_[]<>#|~&$"
# One pass does both: control characters become spaces (then collapsed), active characters get a backslash.
_ESCAPES = str.maketrans({**{c: " " for c in map(chr, [*range(0x00, 0x09), *range(0x0e, 0x20), 0x7f])},
                          **{c: "\\" + c for c in _ACTIVE}})
# str.translate is slow on non-ASCII text; most text needs no escaping, which this finds quickly.
_NEEDS_ESCAPING = re.compile(r"[\x00-\x08\x0e-\x1f\x7f\\`*_\[\]<>#|~&$]")
# Active only at the start of a line: list items, setext underlines, ordered list markers ("1." or "1)").
_LINE_START = re.compile(r"^(?:([-+=])|(\d{1,9})([.)]))")
_STANCES = {"supports": "supports the claim", "refutes": "refutes the claim", "context": "gives context"}
_LINK_CHECKS = {"changed": " (the page has changed since)", "gone": " (the page has gone since)"}
_FIELD_NAMES = {"rating": "Rating", "verdict": "Verdict", "rationale": "Rationale"}


def inline(text: str | None) -> str:
    """`text` on one line with every Markdown construct escaped (line breaks become spaces).

    >>> inline("# 1,7 triệu | <b>x</b>")
    '\\\\# 1,7 triệu \\\\| \\\\<b\\\\>x\\\\</b\\\\>'
    """
    if not text:
        return ""
    escaped = " ".join((text.translate(_ESCAPES) if _NEEDS_ESCAPING.search(text) else text).split())
    if escaped[:1] in ("-", "+", "=") or escaped[:1].isdigit():
        return _LINE_START.sub(lambda m: f"\\{m[1]}" if m[1] else f"{m[2]}\\{m[3]}", escaped)
    return escaped


def block_lines(text: str | None) -> list[str]:
    """`text` as escaped lines: a blank line between paragraphs, a hard break (`\\`) between lines of one."""
    lines = [inline(line) for line in (text or "").splitlines()]
    out: list[str] = []
    for line in lines:
        if not line:
            if out and out[-1]:
                out.append("")
            continue
        if out and out[-1]:
            out[-1] += "\\"
        out.append(line)
    while out and not out[-1]:
        out.pop()
    return out


# A plain ASCII http(s) URL with a dotted host and no port or user: check_url accepts all of these, so the common
# case skips its slower checks. Anything else goes through check_url.
_PLAIN_URL = re.compile(r"https?://[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+\.?(?:[/?#][!-~]*)?", re.ASCII)
_URL_SAFE = "/:?#[]@!$*+,;=%-._~&"
_NEEDS_QUOTING = re.compile(r"[^A-Za-z0-9/:?#\[\]@!$*+,;=%\-._~&]")


@functools.lru_cache(maxsize=4096)
def safe_url(url: str | None) -> str | None:
    """The URL ready for a link destination if it is an absolute http(s) URL, else None."""
    if not url:
        return None
    if len(url) <= 2048 and _PLAIN_URL.fullmatch(url):
        checked = url
    else:
        try:
            checked = check_url(url)
        except InvalidURL:
            return None
    # Percent-encode what could end the destination or split a table cell; escape & so no entity is decoded.
    if _NEEDS_QUOTING.search(checked):
        checked = quote(checked, safe=_URL_SAFE)
    return checked.replace("&", "\\&")


def link(label: str | None, url: str | None) -> str:
    """A Markdown link if `url` is safe; otherwise the label (or the URL) as plain escaped text."""
    destination = safe_url(url)
    shown = inline(label or url or "")
    if destination is None:
        return f"{shown} (not a web link)" if url and not label else shown
    return f"[{shown}]({destination})"


def _quote(text: str | None, indent: str = "") -> list[str]:
    return [f"{indent}> {line}" if line else f"{indent}>" for line in (block_lines(text) or ["(no text)"])]


def _date(value: str | None) -> str:
    return inline(format_timestamp(value)[:10]) if value else ""


def _when(value: str | None) -> str:
    return inline(format_timestamp(value))


def _verdict_label(claim: ReportClaim) -> str:
    if not claim.rating:
        return "Not yet rated"
    return claim.rating if claim.published else f"{claim.rating} (not published)"


def _summary(report: Report) -> list[str]:
    if not report.claims:
        return ["No claims in this scope."]
    rows = ["| Claim | Verdict | Date |", "| --- | --- | --- |"]
    for claim in report.claims:
        text = " ".join(claim.text.split())
        short = text if len(text) <= 120 else text[:119].rstrip() + "…"
        date = _date(claim.published_at) if claim.published else "—"
        rows.append(f"| {claim.id}: {inline(short)} | {inline(_verdict_label(claim))} | {date} |")
    return rows


def _status_line(claim: ReportClaim) -> str:
    if claim.published:
        line = f"Published {_when(claim.published_at)}"
        if claim.first_published_at and claim.first_published_at != claim.published_at:
            line += f" (first published {_when(claim.first_published_at)})"
        return line
    labels = {"new": "New, not yet reviewed", "in_review": "In review", "drafted": "Verdict drafted, not published",
              "ready": "Ready for an editor, not published", "merged": "Merged or split"}
    line = labels.get(claim.status, inline(claim.status))
    if claim.first_published_at:
        line += f" (first published {_when(claim.first_published_at)}, reopened)"
    return line


def _source(source: SourceRef) -> list[str]:
    marker = f"{source.number}. "
    pad = " " * len(marker)
    heading = inline(source.title) or "Untitled source"
    details = [part for part in (inline(source.publisher), f"published {inline(source.published)}" if source.published
                                 else "") if part]
    lines = [heading + (" — " + ", ".join(details) if details else ""),
             f"URL: {link(source.url, source.url)}"]
    if source.archive_url:
        lines.append(f"Archived copy: {link(source.archive_url, source.archive_url)}")
    if source.accessed:
        lines.append(f"Accessed {inline(source.accessed)}")
    if source.kept_copy_on:
        lines.append(f"Copy kept on {inline(source.kept_copy_on)}" + _LINK_CHECKS.get(source.link_check or "", ""))
    elif source.link_check:
        lines.append(f"Link check: the page has {inline(source.link_check)} since it was attached")
    lines.append(f"Stance: {_STANCES.get(source.stance, inline(source.stance))}")
    out = [marker + lines[0] + "\\"] + [pad + line + "\\" for line in lines[1:-1]] + [pad + lines[-1]]
    if source.excerpt:
        out += [""] + _quote(source.excerpt, pad)
    return out + [""]


def _claim(claim: ReportClaim, *, show_article: bool = True) -> list[str]:
    out = [f"## Claim {claim.id}", "", *_quote(claim.original_text), ""]
    facts = []
    if claim.edited:
        facts.append(f"**Checked as reworded:** {inline(claim.text)}")
    speaker = inline(claim.speaker) or "not identified"
    if claim.speaker and claim.speaker_role:
        speaker += f" ({inline(claim.speaker_role)})"  # "Dmitry Peskov (Người phát ngôn Điện Kremlin)"
    facts.append(f"**Speaker:** {speaker}")
    if show_article:
        article = link(claim.article.title, claim.article.url)
        if claim.article.published:
            article += f" (published {inline(claim.article.published)})"
        facts.append(f"**Article:** {article}")
    untouched = claim.status == "new" and not claim.rating and not claim.sources and not claim.reviewers
    if untouched:
        # Listed because it is check-worthy; nothing more to say about it yet.
        return out + [f"- {fact}" for fact in facts] + ["- **Status:** New, not yet reviewed", ""]
    facts.append(f"**Rating:** {inline(claim.rating) or 'not yet rated'}")
    if claim.verdict:
        facts.append(f"**Verdict:** {inline(claim.verdict)}")
    facts.append(f"**Status:** {_status_line(claim)}")
    if claim.corrections:
        facts.append(f"**Corrections:** {len(claim.corrections)} (see Corrections)")
    facts.append(f"**Reviewed by:** {', '.join(inline(r) for r in claim.reviewers) or 'not recorded'}")
    out += [f"- {fact}" for fact in facts] + [""]
    rationale = block_lines(claim.rationale)
    if rationale:
        out += ["### Rationale", "", *rationale, ""]
    out += ["### Sources", ""]
    if claim.sources:
        for source in claim.sources:
            out += _source(source)
    else:
        out += ["No sources attached.", ""]
    return out


def _change(correction: Correction) -> list[str]:
    out = [f"- **{_when(correction.at)}**, claim {correction.claim_id}, by"
           f" {inline(correction.reviewer) or 'unknown reviewer'}:"]
    for change in correction.changes:
        before = inline(change.before) or "(none)"
        after = inline(change.after) or "(none)"
        out.append(f"  - {_FIELD_NAMES.get(change.field, inline(change.field))}: {before} → {after}")
    return out


def render_markdown(report: Report) -> str:
    """The report as a Markdown document (CommonMark plus GFM tables), ending in one newline.

    >>> print(render_markdown(build_report(db, ReportScope(claim_id=3))))  # doctest: +SKIP
    # Fact-check: claim 3
    ...
    """
    as_of = f" As of {_when(report.generated_at)}." if report.generated_at else ""
    out = [f"# {inline(report.title)}", "", inline(report.scope_line) + as_of, ""]
    if report.scope.article_id is not None:
        article = next(a for a in report.articles if a.id == report.scope.article_id)
        line = f"Article: {link(article.title, article.url)}"
        out += [line + (f", published {inline(article.published)}." if article.published else "."), ""]
    out += ["## Summary", "", *_summary(report), ""]
    one_article = report.scope.article_id is not None
    for claim in report.claims:
        out += _claim(claim, show_article=not one_article)
    out += ["## Corrections", ""]
    corrections = report.corrections
    if corrections:
        out += ["Verdict changes made after first publication, oldest first.", ""]
        for correction in corrections:
            out += _change(correction)
    else:
        out.append("No verdict has been changed after publication.")
    return "\n".join(out).rstrip("\n") + "\n"
