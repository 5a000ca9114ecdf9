"""A Report as CommonMark (with GFM tables), safe whatever reviewers and articles put in their text.

Every piece of user text goes through `inline` (one line) or `block_lines` (several): Markdown's active characters
are backslash-escaped, so `|`, `#`, backticks, `<script>`, `[x](javascript:…)`, `*`, `_`, `>` and line breaks
stay text. Only absolute http(s) URLs become links, checked again here even though sources were checked on the
way in. Headings, tables, lists and quotes come from this module alone.
"""
from __future__ import annotations

import datetime as dt
import functools
import re
from urllib.parse import quote

from claims.workflow import WAITING_FOR_EDITOR, Status, status_label
from evidence.report import Correction, Report, ReportClaim, SourceRef
from fetching.urls import InvalidURL, check_url
from translations import N_, _, format_date, format_datetime, language_in_use, ngettext

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
_STANCES = {"supports": N_("supports the claim"), "refutes": N_("refutes the claim"), "context": N_("gives context")}
_FIELD_NAMES = {"rating": N_("Rating"), "verdict": N_("Verdict"), "rationale": N_("Rationale")}


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
        return _("{address} (not a web link)").format(address=shown) if url and not label else shown
    return f"[{shown}]({destination})"


def _quote(text: str | None, indent: str = "") -> list[str]:
    return [f"{indent}> {line}" if line else f"{indent}>" for line in (block_lines(text) or [_("(no text)")])]


def _date(value: str | None) -> str:
    """The day of a stored moment, in UTC as the rest of the report."""
    if not value:
        return ""
    try:
        moment = dt.datetime.fromisoformat(value)
    except ValueError:
        return inline(value[:10])
    if moment.tzinfo is not None:
        moment = moment.astimezone(dt.UTC)
    return inline(format_date(moment.date()))


def _when(value: str | None) -> str:
    return inline(format_datetime(value))


def _rating(claim: ReportClaim) -> str:
    return inline(claim.rating_name or claim.rating)


def _verdict_label(claim: ReportClaim) -> str:
    if not claim.rating:
        return _("Not yet rated")
    if claim.published:
        return _rating(claim)
    return _("{rating} (not published)").format(rating=_rating(claim))


def _summary(report: Report) -> list[str]:
    if not report.claims:
        return [_("No claims in this scope.")]
    rows = [_("| Claim | Verdict | Date |"), "| --- | --- | --- |"]
    for claim in report.claims:
        text = " ".join(claim.text.split())
        short = text if len(text) <= 120 else text[:119].rstrip() + "…"
        date = _date(claim.published_at) if claim.published else "—"
        rows.append(f"| {claim.id}: {inline(short)} | {_verdict_label(claim)} | {date} |")
    return rows


def _status_line(claim: ReportClaim) -> str:
    first = _when(claim.first_published_at)
    if claim.published:
        if claim.first_published_at and claim.first_published_at != claim.published_at:
            return _("Published {when} (first published {first})").format(when=_when(claim.published_at),
                                                                           first=first)
        return _("Published {when}").format(when=_when(claim.published_at))
    # The status's one label (as the queue and the claim page show it), with what it means for a report's reader.
    if claim.status == Status.NEW:
        line = _("{status}, not yet reviewed").format(status=status_label(claim.status))
    elif claim.status in WAITING_FOR_EDITOR:
        line = _("{status}, not published").format(status=status_label(claim.status))
    else:
        line = inline(status_label(claim.status))
    if claim.first_published_at:
        return _("{status} (first published {first}, reopened)").format(status=line, first=first)
    return line


def _source(source: SourceRef) -> list[str]:
    marker = f"{source.number}. "
    pad = " " * len(marker)
    heading = inline(source.title) or _("Untitled source")
    published = _("published {date}").format(date=inline(format_date(source.published))) if source.published \
        else ""
    details = [part for part in (inline(source.publisher), published) if part]
    lines = [heading + (" — " + ", ".join(details) if details else ""),
             _("URL: {link}").format(link=link(source.url, source.url))]
    if source.archive_url:
        lines.append(_("Archived copy: {link}").format(link=link(source.archive_url, source.archive_url)))
    if source.accessed:
        lines.append(_("Accessed {date}").format(date=inline(format_date(source.accessed))))
    kept_on = inline(format_date(source.kept_copy_on)) if source.kept_copy_on else ""
    if source.kept_copy_on and source.link_check == "changed":
        lines.append(_("Copy kept on {date} (the page has changed since)").format(date=kept_on))
    elif source.kept_copy_on and source.link_check == "gone":
        lines.append(_("Copy kept on {date} (the page has gone since)").format(date=kept_on))
    elif source.kept_copy_on:
        lines.append(_("Copy kept on {date}").format(date=kept_on))
    elif source.link_check == "changed":
        lines.append(_("Link check: the page has changed since it was attached"))
    elif source.link_check == "gone":
        lines.append(_("Link check: the page has gone since it was attached"))
    elif source.link_check:
        lines.append(_("Link check: {outcome}").format(outcome=inline(source.link_check)))
    stance = _(_STANCES[source.stance]) if source.stance in _STANCES else inline(source.stance)
    lines.append(_("Stance: {stance}").format(stance=stance))
    out = [marker + lines[0] + "\\"] + [pad + line + "\\" for line in lines[1:-1]] + [pad + lines[-1]]
    if source.excerpt:
        out += [""] + _quote(source.excerpt, pad)
    return out + [""]


def _claim(claim: ReportClaim, *, show_article: bool = True) -> list[str]:
    out = [_("## Claim {id}").format(id=claim.id), "", *_quote(claim.original_text), ""]
    facts = []
    if claim.edited:
        facts.append(_("**Checked as reworded:** {text}").format(text=inline(claim.text)))
    if claim.speaker and claim.speaker_role:
        # "Dmitry Peskov (Người phát ngôn Điện Kremlin)"
        speaker = _("{speaker} ({role})").format(speaker=inline(claim.speaker), role=inline(claim.speaker_role))
    else:
        speaker = inline(claim.speaker) or _("not identified")
    facts.append(_("**Speaker:** {speaker}").format(speaker=speaker))
    if show_article:
        article = link(claim.article.title, claim.article.url)
        if claim.article.published:
            article = _("{article} (published {date})").format(article=article,
                                                                date=inline(format_date(claim.article.published)))
        facts.append(_("**Article:** {article}").format(article=article))
    untouched = claim.status == Status.NEW and not claim.rating and not claim.sources and not claim.reviewers
    if untouched:
        # Listed because it is check-worthy; nothing more to say about it yet.
        return out + [f"- {fact}" for fact in facts] + ["- " + _("**Status:** New, not yet reviewed"), ""]
    facts.append(_("**Rating:** {rating}").format(rating=_rating(claim) or _("not yet rated")))
    if claim.verdict:
        facts.append(_("**Verdict:** {verdict}").format(verdict=inline(claim.verdict)))
    facts.append(_("**Status:** {status}").format(status=_status_line(claim)))
    if claim.corrections:
        facts.append(ngettext("**Corrections:** {n} (see Corrections)", "**Corrections:** {n} (see Corrections)",
                              len(claim.corrections)).format(n=len(claim.corrections)))
    reviewers = ", ".join(inline(r) for r in claim.reviewers) or _("not recorded")
    facts.append(_("**Reviewed by:** {reviewers}").format(reviewers=reviewers))
    out += [f"- {fact}" for fact in facts] + [""]
    rationale = block_lines(claim.rationale)
    if rationale:
        out += [_("### Rationale"), "", *rationale, ""]
    out += [_("### Sources"), ""]
    if claim.sources:
        for source in claim.sources:
            out += _source(source)
    else:
        out += [_("No sources attached."), ""]
    return out


def _change(correction: Correction) -> list[str]:
    out = ["- " + _("**{when}**, claim {id}, by {reviewer}:").format(
        when=_when(correction.at), id=correction.claim_id,
        reviewer=inline(correction.reviewer) or _("unknown reviewer"))]
    for change in correction.changes:
        before = inline(change.before) or _("(none)")
        after = inline(change.after) or _("(none)")
        field = _(_FIELD_NAMES[change.field]) if change.field in _FIELD_NAMES else inline(change.field)
        out.append(f"  - {field}: {before} → {after}")
    return out


def render_markdown(report: Report) -> str:
    """The report as a Markdown document (CommonMark plus GFM tables), ending in one newline; its labels and dates
    in the report's language.

    >>> print(render_markdown(build_report(db, ReportScope(claim_id=3))))  # doctest: +SKIP
    # Fact-check: claim 3
    ...
    """
    with language_in_use(report.language):
        return _render(report)


def _render(report: Report) -> str:
    as_of = " " + _("As of {when}.").format(when=_when(report.generated_at)) if report.generated_at else ""
    out = [f"# {inline(report.title)}", "", inline(report.scope_line) + as_of, ""]
    if report.scope.article_id is not None:
        article = next(a for a in report.articles if a.id == report.scope.article_id)
        if article.published:
            out += [_("Article: {article}, published {date}.").format(
                article=link(article.title, article.url), date=inline(format_date(article.published))), ""]
        else:
            out += [_("Article: {article}.").format(article=link(article.title, article.url)), ""]
    out += [_("## Summary"), "", *_summary(report), ""]
    one_article = report.scope.article_id is not None
    for claim in report.claims:
        out += _claim(claim, show_article=not one_article)
    out += [_("## Corrections"), ""]
    corrections = report.corrections
    if corrections:
        out += [_("Verdict changes made after first publication, oldest first."), ""]
        for correction in corrections:
            out += _change(correction)
    else:
        out.append(_("No verdict has been changed after publication."))
    return "\n".join(out).rstrip("\n") + "\n"
