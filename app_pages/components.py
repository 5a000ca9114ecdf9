"""Widget helpers the pages share: the per-run database, the reviewer's name, flashes, safe text and highlights."""
from __future__ import annotations

import html
import re
import threading
from collections.abc import Iterable

import sqlite_utils
import streamlit as st

from claims.errors import WorkbenchError
from claims.workflow import WAITING_FOR_EDITOR, Status, status_label
from db.accounts import Account, Role
from db.connection import open_database, resolve_db_path
from db.records import ClaimRecord
from translations import LANGUAGE_NAMES, _, use_language

__all__ = ["PAGES", "STATUS_COLOURS", "database", "close_database", "require_reviewer",
           "reviewer", "signed_in", "sign_out", "go_to", "resume_session",
           "flash", "show_flash", "show_error", "md_escape", "short",
           "claim_colour",
           "highlighted_article_html", "find_passage", "open_claim", "open_article", "review_progress",
           "legend_html", "start_in_language", "language_selector", "role_name", "rating_names", "rating_help",
           "date_input_format", "inbox_counts_caption"]

# Page files, as st.navigation registers them; st.switch_page needs exactly these paths.
PAGES = {
    "inbox": "app_pages/inbox.py",
    "articles": "app_pages/articles.py",
    "article": "app_pages/article.py",
    "queue": "app_pages/queue.py",
    "claim": "app_pages/claim.py",
    "reports": "app_pages/reports.py",
    "desk": "app_pages/desk.py",
    "statistics": "app_pages/statistics.py",
    "speakers": "app_pages/speakers.py",
}

# Each status's colour where claims are highlighted; its name is `Status.label` (claims/workflow.py).
STATUS_COLOURS = {Status.NEW: "#e8eaed", Status.IN_REVIEW: "#fde68a", Status.DRAFTED: "#bfdbfe",
                  Status.READY: "#a5b4fc", Status.PUBLISHED: "#bbf7d0", Status.MERGED: "#f1f5f9",
                  Status.DISMISSED: "#f1f5f9"}
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
        _background_work(db)
    return db



def _background_work(db: sqlite_utils.Database) -> None:
    """Make sure a `factcheck worker` process (lower priority, outside the app) does the background work: pending
    suggestions and vectors by meaning (`pipelines/worker.py`)."""
    from pipelines.worker import start_worker

    start_worker(db)


def close_database() -> None:
    """Close this run's connection; the next run opens a fresh one."""
    db = getattr(_local, "db", None)
    _local.db = None
    if db is not None:
        db.close()


def start_in_language(db: sqlite_utils.Database) -> str:
    """Show this run in the signed-in account's language (the desk's on the sign-in form); returns it."""
    from db.account_language import account_language

    language = account_language(db, st.session_state.get("account_login"), browser=st.context.locale)
    use_language(language)
    return language


def language_selector(db: sqlite_utils.Database) -> None:
    """The signed-in account's choice of language (or the desk's), saved at once and applied on the next run."""
    from db.account_language import account_language, chosen_language, set_account_language

    login = st.session_state.get("account_login")
    if not login:
        return
    desk = account_language(db, None, browser=st.context.locale)  # what following the desk gives this reader
    options = ["desk", *LANGUAGE_NAMES]  # "desk": no choice of its own, the desk's language
    current = chosen_language(db, login) or "desk"
    # Shown names worked out here, in this run's language: AppTest calls format_func outside the script's thread.
    shown = {**LANGUAGE_NAMES, "desk": _("The desk's ({language})").format(language=LANGUAGE_NAMES[desk])}
    chosen = st.selectbox(_("Language"), options, index=options.index(current), key="app_language",
                          format_func=shown.get)
    if chosen != current:
        set_account_language(db, login, None if chosen == "desk" else chosen, changed_by=reviewer())
        st.rerun()


def rating_names(db: sqlite_utils.Database) -> dict[str, str]:
    """{label: name} of the desk's rating scale in the reader's language, in scale order."""
    from db.ratings import named_scale
    from translations import current_language

    return {r.label: r.name for r in named_scale(db, current_language())}


def rating_help(db: sqlite_utils.Database) -> str | None:
    """The scale's definitions in the reader's language, one per line (Markdown list for a widget's help)."""
    from db.ratings import named_scale
    from translations import current_language

    lines = [f"- **{md_escape(r.name)}**: {md_escape(r.definition)}" for r in named_scale(db, current_language())
             if r.definition]
    return "\n".join(lines) or None


def no_english_hints() -> None:
    """Streamlit writes its typing hints ("Press Enter to apply") in English whatever the page's language; in
    another language they are not shown."""
    from translations import current_language

    if current_language() != "en":
        st.html('<style>[data-testid="InputInstructions"] {display: none}</style>')


def uploader_in_reader_language(types: Iterable[str]) -> None:
    """Streamlit's file uploader writes its button ("Upload") and its limits ("20MB per file • TXT") in English
    whatever the page's language: in another language they are written over, by a style, in the reader's words."""
    from translations import current_language

    if current_language() == "en":
        return
    size = st.get_option("server.maxUploadSize")
    words = {"button": _("Upload"),
             "limits": _("At most {size} MB a file · {types}").format(size=size, types=", ".join(
                 dict.fromkeys(t.upper() for t in types)))}
    quoted = {k: '"' + v.replace("\\", "").replace('"', "'") + '"' for k, v in words.items()}
    zone = '[data-testid="stFileUploaderDropzone"]'
    st.html(f"<style>{zone} button [data-testid=\"stMarkdownContainer\"] p {{font-size:0}}"
            f"{zone} button [data-testid=\"stMarkdownContainer\"] p::after {{content:{quoted['button']};"
            "font-size:0.875rem}"
            f"{zone} [data-testid=\"stFileUploaderDropzoneInstructions\"] span {{font-size:0}}"
            f"{zone} [data-testid=\"stFileUploaderDropzoneInstructions\"] span::after"
            f" {{content:{quoted['limits']};font-size:0.875rem}}</style>")


def date_input_format() -> str:
    """How a date picker writes its day for the reader: 15/09/2026 in Vietnamese, 2026-09-15 in English."""
    from translations import current_language

    return "DD/MM/YYYY" if current_language() == "vi" else "YYYY-MM-DD"


def role_name(role: str) -> str:
    return Role(role).label if role in _ROLE_VALUES else role


_ROLE_VALUES = frozenset(r.value for r in Role)


def reviewer() -> str | None:
    """The signed-in account's name (what the history records), if someone is signed in."""
    return st.session_state.get("reviewer")


def signed_in() -> Account | None:
    """The signed-in account as this run found it (role and state read from the database at the run's start)."""
    return st.session_state.get("account")


def sign_out(message: str | None = None) -> None:
    """End this browser's session: its server-side record is revoked (a copied cookie is refused from now on) and
    everything this tab remembered is forgotten, so the next person starts from the sign-in page."""
    from db.sessions import revoke_session

    session_id = st.session_state.get("sign_in_session")
    if session_id is not None:
        revoke_session(database(), session_id, because="signed_out")
    st.session_state.clear()
    if message:
        flash("signin", "info", message)


def go_to(address: str) -> None:
    """Send the browser to a plain HTTP address of this server (the cookie addresses), then stop the run."""
    import json

    target = json.dumps(address).replace("<", "\\u003c")
    # Our own address only (a path built here), never user text: the one place a page runs a script.
    st.html(f"<script>window.location.replace({target});</script>", unsafe_allow_javascript=True)
    st.stop()


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


def _cookie_token() -> str | None:
    from db.sessions import COOKIE_NAME

    try:
        token = st.context.cookies.get(COOKIE_NAME)
    except Exception:  # noqa: BLE001 - no browser request behind this run (AppTest)
        return None
    return token if isinstance(token, str) else None


def _session_ended(reason: str, minutes: int) -> None:
    from translations import _

    messages = {"signed_out": _("You signed out (in this or another tab). Sign in again to go on."),
                "disabled": _("Your account was disabled: ask an admin."),
                "password_reset": _("Your password was changed, so every session ended."
                                    " Sign in with the new password."),
                "idle": _("Signed out after {minutes} minutes without activity. Sign in again to go on."),
                "expired": _("Your session reached its end (12 hours). Sign in again to go on."),
                "replaced": _("You signed in again in another tab. Sign in again to go on here.")}
    sign_out(messages.get(reason, messages["signed_out"]).format(minutes=minutes))


def resume_session(db: sqlite_utils.Database) -> bool:
    """Sign this new tab in from the browser's session cookie, if it names a live session; whether someone is
    signed in. Called before the pages are listed, so a reload draws them at once."""
    from db.accounts import account_by_id
    from db.sessions import check_session, session_by_token
    from db.settings import get_setting

    if "sign_in_session" not in st.session_state and (token := _cookie_token()):
        session_id = session_by_token(db, token)
        if session_id is not None:
            state = check_session(db, session_id, idle_minutes=get_setting(db, "idle_timeout_minutes"))
            account = account_by_id(db, state.account_id) if state.account_id is not None else None
            if state.ended is None and account is not None and not account.disabled:
                _signed_in_as(account, session_id)
    return bool(st.session_state.get("account_login"))


def require_reviewer(db: sqlite_utils.Database, *, return_to: str = "/") -> str:
    """The signed-in account's name; until someone signs in, show the sign-in form and stop the page.

    Identity comes only from a server-side session record (db/sessions.py), named by this tab's state or by the
    browser's session cookie (an opaque token), or from the desk's identity provider: no query parameter names
    anyone. The record and the account are read again on every run, so sign-out in another tab, a disabled
    account, a password reset or the idle timeout take effect at the next click. `return_to` is the page to go
    back to once signed in (a shared claim link, say).
    """
    import time

    from db.accounts import account_by_id, get_account
    from db.sessions import check_session, session_by_token
    from db.settings import get_setting

    minutes = get_setting(db, "idle_timeout_minutes")
    session_id = st.session_state.get("sign_in_session")
    tab_signed_in = session_id is not None
    if session_id is None and (token := _cookie_token()):
        session_id = session_by_token(db, token)
    if session_id is not None:
        state = check_session(db, session_id, idle_minutes=minutes)
        account = account_by_id(db, state.account_id) if state.account_id is not None else None
        if state.ended is None and account is not None and not account.disabled:
            return _signed_in_as(account, session_id)
        if tab_signed_in or state.ended not in (None, "signed_out", "replaced", "unknown"):
            _session_ended(state.ended or "disabled", minutes)
        else:
            st.session_state.pop("sign_in_session", None)
    elif login := st.session_state.get("account_login"):
        # A tab signed in by the server itself (AppTest sets it): the account and idle time still rule.
        account = get_account(db, login)
        idle = time.time() - st.session_state.get("last_active", 0)
        if account is None or account.disabled:
            sign_out(_("Your account was disabled: ask an admin."))
        elif idle > 60 * minutes:
            _session_ended("idle", minutes)
        else:
            return _signed_in_as(account, None)
    if (vouched := _identity_provider_account(db)) is not None and not vouched.disabled:
        return _signed_in_as(vouched, None)
    _sign_in_form(db, return_to)
    st.stop()
    raise AssertionError("unreachable")  # st.stop raises


def _signed_in_as(account: Account, session_id: int | None) -> str:
    import time

    st.session_state.update(account=account, account_login=account.login, reviewer=account.name,
                            last_active=time.time())
    if session_id is not None:
        st.session_state["sign_in_session"] = session_id
    return account.name


def _sign_in_form(db: sqlite_utils.Database, return_to: str) -> None:
    from urllib.parse import urlencode

    from app_pages.session_routes import BEGIN_PATH, routes_mounted, safe_next
    from db.accounts import SignInRefused, authenticate, count_accounts
    from db.sessions import revoke_session, session_by_token, start_session
    from translations import _

    st.title(_("Fact-check workbench"))
    if st.query_params.get("signed_out"):
        st.info(_("Signed out."))
    show_flash("signin")
    if count_accounts(db) == 0:
        st.warning(_("This desk has no accounts yet. Make the first admin on the server:"
                     " `factcheck user add LOGIN --role admin` (it asks for the password), then sign in here."))
    st.write(_("Sign in with your account: every change is recorded under your name."))
    with st.form("signin_form"):
        login = st.text_input(_("Login"), key="signin_login", autocomplete="username")
        password = st.text_input(_("Password"), type="password", key="signin_password",
                                 autocomplete="current-password")
        submitted = st.form_submit_button(_("Sign in"), type="primary")
    if submitted:
        try:
            account = authenticate(db, login, password)
        except SignInRefused as refused:
            show_error(refused, _("Not signed in: {reason}."))
        else:
            # A new token at every sign-in: whatever cookie this browser held before is revoked, never reused.
            if (old := session_by_token(db, _cookie_token())) is not None:
                revoke_session(db, old, because="replaced")
            session_id, grant = start_session(db, account.id)
            st.session_state.clear()
            _signed_in_as(account, session_id)
            st.query_params.pop("signed_out", None)
            if routes_mounted():
                go_to(f"{BEGIN_PATH}?{urlencode({'grant': grant, 'next': safe_next(return_to)})}")
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


def show_error(error: WorkbenchError, wording: str | None = None, *, where=st, **fields: str) -> None:
    """Show an error the user can fix, once, as the pages all do: its message as it is (escaped, one line), inside
    `wording` when given (a translated "Not saved: {reason}"; `fields` fill its other placeholders).

    >>> try:
    ...     save_review(db, 7, ...)
    ... except WorkbenchError as error:
    ...     show_error(error, _("Not saved: {reason}"))  # doctest: +SKIP
    """
    reason = md_escape(str(error))
    where.error(wording.format(reason=reason, **fields) if wording else reason)


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


def claim_colour(claim: ClaimRecord, colour_by: str) -> str:
    """Background of a highlighted claim: by workflow status, or by the verdict's rating."""
    if colour_by == "verdict":
        if not claim.rating:
            return _UNRATED
        return _RATING_COLOURS.get(claim.rating.casefold(), _OTHER_RATING)
    return STATUS_COLOURS.get(claim.status, _UNRATED)


def legend_html(colour_by: str, ratings: Iterable[str] = (), *, names: dict[str, str] | None = None) -> str:
    """The colours' key: statuses, or the scale's ratings (labels, shown by their `names` where given)."""
    names = names or {}
    if colour_by == "verdict":
        items = [(names.get(r, r), _RATING_COLOURS.get(r.casefold(), _OTHER_RATING)) for r in ratings]
        items.append((_("No verdict"), _UNRATED))
    else:
        items = [(status.label, STATUS_COLOURS[status]) for status in Status if status is not Status.MERGED]
    return "".join(f'<span style="background:{colour};padding:1px 8px;border-radius:4px;margin-right:6px;'
                   f'font-size:0.85em">{html.escape(label)}</span>' for label, colour in items)


def highlighted_article_html(text: str, claims: list[ClaimRecord], *, colour_by: str = "status",
                             selected: int | None = None, link: str | None = None,
                             names: dict[str, str] | None = None) -> str:
    """The article with each claim highlighted in place; every piece of article text is HTML-escaped.

    A claim inside another (one a reviewer added within an engine claim) is drawn nested inside it; claims that
    cross each other's edges are drawn as the first one only, so the text is never duplicated or reordered.
    With `link` (a query string holding "{id}"), a claim's words are links that select it. `names` gives the
    ratings' names in the reader's language for the tips (`rating_names`).
    """
    body = _marked(text, sorted((c for c in claims if 0 <= c.start < c.end <= len(text)),
                                key=lambda c: (c.start, -c.end, c.id)),
                   0, len(text), colour_by=colour_by, selected=selected, link=link,
                   names=names or {}).replace("\n", "<br>")
    return f'<div style="line-height:1.8;font-size:1.02rem">{body}</div>'


def _marked(text: str, claims: list[ClaimRecord], low: int, high: int, *, colour_by: str, selected: int | None,
            link: str | None, names: dict[str, str], inside: ClaimRecord | None = None) -> str:
    def words(start: int, end: int) -> str:
        piece = html.escape(text[start:end])
        if not piece or inside is None or link is None:
            return piece
        return (f'<a href="{html.escape(link.format(id=inside.id))}" style="color:inherit;text-decoration:none"'
                f' title="{html.escape(_claim_tip(inside, names))}">{piece}</a>')

    parts: list[str] = []
    cursor = low
    for i, claim in enumerate(claims):
        if claim.start < cursor:
            continue  # nested in one drawn already, or crossing its edge
        inner = [c for c in claims[i + 1:] if claim.start <= c.start and c.end <= claim.end]
        parts.append(words(cursor, claim.start))
        border = "outline:2px solid #1d4ed8;" if claim.id == selected else ""
        weight = "" if claim.checkworthy else "opacity:0.75;"
        number = f"#{claim.id}"
        if link is not None:
            number = (f'<a href="{html.escape(link.format(id=claim.id))}" style="color:inherit">{number}</a>')
        parts.append(
            f'<mark title="{html.escape(_claim_tip(claim, names))}" style="background:{claim_colour(claim, colour_by)};'
            f'{border}{weight}padding:1px 2px;border-radius:3px">'
            + _marked(text, inner, claim.start, claim.end, colour_by=colour_by, selected=selected, link=link,
                      names=names, inside=claim)
            + f'<sup style="color:#475569;font-size:0.7em;margin-left:2px">{number}</sup></mark>')
        cursor = claim.end
    parts.append(words(cursor, high))
    return "".join(parts)


def _claim_tip(claim: ClaimRecord, names: dict[str, str]) -> str:
    rating = names.get(claim.rating, claim.rating) if claim.rating else None
    return f"#{claim.id} · {status_label(claim.status)}" + (f" · {rating}" if rating else "")


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

    return sum(total(s) for s in (*WAITING_FOR_EDITOR, Status.PUBLISHED)), total(None)


def inbox_counts_caption(db: sqlite_utils.Database, account: Account) -> str:
    """The sidebar's line of what waits in the signed-in person's inbox."""
    from db.inbox import inbox_counts
    from evidence.permissions import Action, can
    from translations import _

    counts = inbox_counts(db, account.id, may_publish=can(db, account, Action.PUBLISH),
                          since=st.session_state.get("inbox_since"))
    parts = [_("Inbox: {n} assigned").format(n=counts.assigned), _("{n} drafts").format(n=counts.drafts)]
    if can(db, account, Action.PUBLISH):
        parts.append(_("{n} to publish").format(n=counts.to_publish))
    parts.append(_("{n} with new notes").format(n=counts.notes))
    return " · ".join(parts)
