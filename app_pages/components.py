"""Widget helpers the pages share: the per-run database, the reviewer's name, flashes, safe text and highlights."""
from __future__ import annotations

import html
import re
import threading
from collections.abc import Iterable

import sqlite_utils
import streamlit as st

from db.accounts import Account
from db.connection import open_database, resolve_db_path
from db.records import ClaimRecord

__all__ = ["PAGES", "STATUS_LABELS", "STATUS_COLOURS", "database", "close_database", "require_reviewer",
           "reviewer", "signed_in", "sign_out", "flash", "show_flash", "md_escape", "short", "status_label",
           "claim_colour",
           "highlighted_article_html", "find_passage", "open_claim", "open_article", "review_progress",
           "legend_html"]

# Page files, as st.navigation registers them; st.switch_page needs exactly these paths.
PAGES = {
    "articles": "app_pages/articles.py",
    "article": "app_pages/article.py",
    "queue": "app_pages/queue.py",
    "claim": "app_pages/claim.py",
    "reports": "app_pages/reports.py",
    "desk": "app_pages/desk.py",
    "statistics": "app_pages/statistics.py",
    "speakers": "app_pages/speakers.py",
}

STATUS_LABELS = {"new": "New", "in_review": "In review", "drafted": "Verdict drafted", "published": "Published",
                 "merged": "Merged or split", "dismissed": "Dismissed"}
STATUS_COLOURS = {"new": "#e8eaed", "in_review": "#fde68a", "drafted": "#bfdbfe", "published": "#bbf7d0",
                  "merged": "#f1f5f9", "dismissed": "#f1f5f9"}
# Verdict colours run from green (true) to red (false); anything off the scale (Unverifiable, custom) is violet.
_RATING_COLOURS = {"true": "#86efac", "mostly true": "#bbf7d0", "half true": "#fef08a", "mostly false": "#fed7aa",
                   "false": "#fca5a5"}
_UNRATED = "#e5e7eb"
_OTHER_RATING = "#ddd6fe"

# One connection per script run, per thread: Streamlit runs each session's script on its own thread, and a
# sqlite3 connection must never be used by two threads at once. app.py opens it and closes it after the page ran.
_local = threading.local()


def database() -> sqlite_utils.Database:
    """The connection for this script run (opened on first use; honours $FACTCHECK_DB)."""
    db = getattr(_local, "db", None)
    if db is None:
        db = open_database(resolve_db_path())
        _local.db = db
        _vectors_in_background(db)
    return db



def _vectors_in_background(db: sqlite_utils.Database) -> None:
    """Make sure the vectors by meaning of new texts are being computed on a thread of their own (`db.meaning`)."""
    from db.meaning import keep_vectors_current

    keep_vectors_current(db)


def close_database() -> None:
    """Close this run's connection; the next run opens a fresh one."""
    db = getattr(_local, "db", None)
    _local.db = None
    if db is not None:
        db.close()


def reviewer() -> str | None:
    """The signed-in account's name (what the history records), if someone is signed in."""
    return st.session_state.get("reviewer")


def signed_in() -> Account | None:
    """The signed-in account as this run found it (role and state read from the database at the run's start)."""
    return st.session_state.get("account")


def sign_out(message: str | None = None) -> None:
    for key in ("reviewer", "account", "account_login", "last_active"):
        st.session_state.pop(key, None)
    if message:
        flash("signin", "info", message)


def _identity_provider_account(db: sqlite_utils.Database) -> Account | None:
    """The account mapped to the user Streamlit's OpenID Connect sign-in (st.login) vouches for, if configured."""
    from db.accounts import account_by_subject

    try:
        user = st.user
        if not user.get("is_logged_in"):
            return None
        subject = user.get("email") or user.get("sub")
    except Exception:  # noqa: BLE001 - no [auth] section in secrets.toml: there is no identity provider
        return None
    return account_by_subject(db, str(subject)) if subject else None


def require_reviewer(db: sqlite_utils.Database) -> str:
    """The signed-in account's name; until someone signs in, show the sign-in form and stop the page.

    Identity comes only from the account signed in in this browser session (or the desk's identity provider):
    no query parameter names anyone. The account is read again on every run, so a disabled account or a changed
    role takes effect at the next click; a session idle for the desk's timeout is signed out.
    """
    import time

    from db.accounts import get_account
    from db.settings import get_setting

    login = st.session_state.get("account_login")
    if login:
        account = get_account(db, login)
        idle = time.time() - st.session_state.get("last_active", 0)
        timeout = 60 * get_setting(db, "idle_timeout_minutes")
        if account is None or account.disabled:
            sign_out("Your account was disabled: ask an admin.")
        elif idle > timeout:
            sign_out(f"Signed out after {timeout // 60} minutes without activity. Sign in again to go on.")
        else:
            return _signed_in_as(account)
    if (vouched := _identity_provider_account(db)) is not None and not vouched.disabled:
        return _signed_in_as(vouched)
    _sign_in_form(db)
    st.stop()
    raise AssertionError("unreachable")  # st.stop raises


def _signed_in_as(account: Account) -> str:
    import time

    st.session_state.update(account=account, account_login=account.login, reviewer=account.name,
                            last_active=time.time())
    return account.name


def _sign_in_form(db: sqlite_utils.Database) -> None:
    from db.accounts import SignInRefused, authenticate, count_accounts

    st.title("Fact-check workbench")
    show_flash("signin")
    if count_accounts(db) == 0:
        st.warning("This desk has no accounts yet. Make the first admin on the server:"
                   " `factcheck user add LOGIN --role admin` (it asks for the password), then sign in here.")
    st.write("Sign in with your account: every change is recorded under your name.")
    with st.form("signin_form"):
        login = st.text_input("Login", key="signin_login", autocomplete="username")
        password = st.text_input("Password", type="password", key="signin_password", autocomplete="current-password")
        submitted = st.form_submit_button("Sign in", type="primary")
    if submitted:
        try:
            account = authenticate(db, login, password)
        except SignInRefused as refused:
            st.error(f"Not signed in: {md_escape(str(refused))}.")
        else:
            _signed_in_as(account)
            st.rerun()


def flash(page: str, kind: str, message: str) -> None:
    """Keep a message to show after the rerun that follows a save (success, error, warning or info)."""
    st.session_state.setdefault(f"{page}_flash", []).append((kind, message))


def show_flash(page: str) -> None:
    for kind, message in st.session_state.pop(f"{page}_flash", []):
        getattr(st, kind)(message)


# What makes Markdown do something: links and images ([, ], !), emphasis, code, tables, maths, Streamlit's
# :colour[...] and :material/...: directives, and HTML (Streamlit shows it as text, but escaped it stays so).
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()|<>~$:!])")
_MD_BLOCK_START = re.compile(r"^(\s*\d*)([#>+-]|(?<=\d)[.)])")


# Streamlit's Markdown makes a link of any text that looks like an address (http://…, www.…, a@b.org, mailto:…),
# after escapes are read, so escaping cannot stop it. An invisible word joiner (U+2060) inside the pattern does: in
# text a user or a page wrote, no link is made; the app makes its own links with `md_link`.
_AUTOLINKED = re.compile(r"(?i)(://|\b(?:www|mailto|xmpp)(?=[.:])|@)")


def no_autolink(text: str) -> str:
    """`text` with a word joiner (U+2060, invisible) inside each ://, www., mailto:, xmpp: and @: what md_escape
    shows, as a reader sees it.

    >>> no_autolink("www.x.org, a@b.org").replace("\u2060", "|")
    'www|.x.org, a|@b.org'
    """
    return _AUTOLINKED.sub(lambda m: "\u2060" + m.group(1) if m.group(1) == "@" else m.group(1) + "\u2060", text)


def md_escape(text: str | None) -> str:
    """Text shown through st.markdown (and labels, captions, alerts) exactly as typed: one line, no Markdown, and
    no link made of an address in it.

    >>> md_escape("![](http://host/t.png) *1.7* triệu").replace("\u2060", "|")
    '\\\\!\\\\[\\\\]\\\\(http\\\\://|host/t.png\\\\) \\\\*1.7\\\\* triệu'
    """
    line = _MD_SPECIAL.sub(r"\\\1", no_autolink(" ".join((text or "").split())))
    return _MD_BLOCK_START.sub(lambda m: m.group(1) + "\\" + m.group(2), line)


def md_link(label: str, url: str) -> str:
    """A link the app makes, to an http(s) address it has checked: `label` shown as text, `url` as the target
    (characters that would end a Markdown link target are percent-encoded). Anything else is shown as text."""
    from urllib.parse import quote

    if not url.lower().startswith(("http://", "https://")):
        return md_escape(label)
    return f"[{md_escape(label)}]({quote(url, safe=_URL_SAFE)})"


_URL_SAFE = "/:?#[]@!$&'*+,;=%-._~"


def short(text: str, limit: int = 110) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + "…"


def status_label(status: str) -> str:
    return STATUS_LABELS.get(status, status)


def claim_colour(claim: ClaimRecord, colour_by: str) -> str:
    """Background of a highlighted claim: by workflow status, or by the verdict's rating."""
    if colour_by == "verdict":
        if not claim.rating:
            return _UNRATED
        return _RATING_COLOURS.get(claim.rating.casefold(), _OTHER_RATING)
    return STATUS_COLOURS.get(claim.status, _UNRATED)


def legend_html(colour_by: str, ratings: Iterable[str] = ()) -> str:
    if colour_by == "verdict":
        items = [(r, _RATING_COLOURS.get(r.casefold(), _OTHER_RATING)) for r in ratings] + [("No verdict", _UNRATED)]
    else:
        items = [(label, STATUS_COLOURS[key]) for key, label in STATUS_LABELS.items() if key != "merged"]
    return "".join(f'<span style="background:{colour};padding:1px 8px;border-radius:4px;margin-right:6px;'
                   f'font-size:0.85em">{html.escape(label)}</span>' for label, colour in items)


def highlighted_article_html(text: str, claims: list[ClaimRecord], *, colour_by: str = "status",
                             selected: int | None = None) -> str:
    """The article with each claim highlighted in place; every piece of article text is HTML-escaped.

    Overlapping spans (an added claim inside an engine one) are drawn as the first one only, so the text is never
    duplicated or reordered.
    """
    parts: list[str] = []
    cursor = 0
    for claim in sorted(claims, key=lambda c: (c.start, -c.end)):
        if claim.start < cursor or claim.end > len(text):
            continue
        parts.append(html.escape(text[cursor:claim.start]))
        border = "outline:2px solid #1d4ed8;" if claim.id == selected else ""
        weight = "" if claim.checkworthy else "opacity:0.75;"
        tip = f"#{claim.id} · {status_label(claim.status)}" + (f" · {claim.rating}" if claim.rating else "")
        parts.append(
            f'<mark title="{html.escape(tip)}" style="background:{claim_colour(claim, colour_by)};{border}{weight}'
            f'padding:1px 2px;border-radius:3px">{html.escape(text[claim.start:claim.end])}'
            f'<sup style="color:#475569;font-size:0.7em;margin-left:2px">#{claim.id}</sup></mark>')
        cursor = claim.end
    parts.append(html.escape(text[cursor:]))
    body = "".join(parts).replace("\n", "<br>")
    return f'<div style="line-height:1.8;font-size:1.02rem">{body}</div>'


def find_passage(text: str, passage: str, *, within: tuple[int, int] | None = None) -> tuple[int, int] | None:
    """Where a passage the reviewer pasted sits in the article: exact first, then ignoring spacing and case.

    Returns (start, end) offsets into `text`, or None if the passage is not there.
    """
    passage = passage.strip()
    if not passage:
        return None
    low, high = within or (0, len(text))
    region = text[low:high]
    found = region.find(passage)
    if found >= 0:
        return low + found, low + found + len(passage)
    # Copying from the browser changes line breaks and runs of spaces: match any whitespace between the words.
    words = passage.split()
    pattern = r"\s+".join(re.escape(w) for w in words)
    match = re.search(pattern, region, flags=re.IGNORECASE)
    if match is None:
        return None
    return low + match.start(), low + match.end()


def open_claim(claim_id: int) -> None:
    """Go to the Claim page for this claim."""
    st.session_state["claim_current_id"] = int(claim_id)
    st.switch_page(PAGES["claim"], query_params={"id": str(claim_id)})


def open_article(article_id: int) -> None:
    st.session_state["article_current_id"] = int(article_id)
    st.switch_page(PAGES["article"], query_params={"id": str(article_id)})


def review_progress(db: sqlite_utils.Database, article_id: int | None = None) -> tuple[int, int]:
    """(reviewed, total) check-worthy claims: reviewed means a verdict is drafted or published."""
    from db.claims import ClaimFilter, claim_queue

    def total(status: str | None) -> int:
        return claim_queue(db, ClaimFilter(status=status, article_id=article_id, checkworthy=True), limit=1).total

    return total("drafted") + total("published"), total(None)
