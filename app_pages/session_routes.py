"""The two plain HTTP addresses that set and clear the session cookie, mounted beside Streamlit by serve.py.

Streamlit's script runs over a WebSocket and cannot set a response header, so the sign-in form, once the password
is right, sends the browser to /session/begin with a one-time grant; that address swaps the grant for the
session's token and sets it as an HttpOnly, SameSite=Lax cookie, then returns the browser to the page it came
from. /session/end revokes the session and clears the cookie. See docs/accounts.md.
"""
from __future__ import annotations

from urllib.parse import urlsplit

__all__ = ["BEGIN_PATH", "END_PATH", "session_routes", "routes_mounted", "safe_next"]

BEGIN_PATH = "/session/begin"
END_PATH = "/session/end"
_mounted = False


def routes_mounted() -> bool:
    """Whether this process serves the cookie addresses (`streamlit run serve.py`); under `streamlit run app.py`
    or AppTest a sign-in lasts as long as the browser tab."""
    return _mounted


def safe_next(target: str | None) -> str:
    """A path on this server to return to after sign-in ("/" for anything else: no open redirect)."""
    if not target:
        return "/"
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return "/"
    return target


def _no_store(response):
    response.headers["Cache-Control"] = "no-store"
    return response


def _begin(request):
    from starlette.responses import RedirectResponse

    from db.connection import open_database, resolve_db_path
    from db.sessions import COOKIE_NAME, SESSION_LIFETIME, redeem_grant

    db = open_database(resolve_db_path())
    try:
        token = redeem_grant(db, request.query_params.get("grant", ""))
    finally:
        db.close()
    response = RedirectResponse(safe_next(request.query_params.get("next")), status_code=303)
    if token is not None:
        response.set_cookie(COOKIE_NAME, token, max_age=int(SESSION_LIFETIME.total_seconds()), path="/",
                            httponly=True, samesite="lax", secure=request.url.scheme == "https")
    return _no_store(response)


def _end(request):
    from starlette.responses import RedirectResponse

    from db.connection import open_database, resolve_db_path
    from db.sessions import COOKIE_NAME, revoke_session, session_by_token

    db = open_database(resolve_db_path())
    try:
        session_id = session_by_token(db, request.cookies.get(COOKIE_NAME))
        if session_id is not None:
            revoke_session(db, session_id, because="signed_out")
    finally:
        db.close()
    response = RedirectResponse("/?signed_out=1", status_code=303)
    response.delete_cookie(COOKIE_NAME, path="/", httponly=True, samesite="lax")
    return _no_store(response)


def session_routes() -> list:
    """The routes to mount with st.App (plain functions: Starlette runs them on its thread pool)."""
    global _mounted
    from starlette.routing import Route

    _mounted = True
    return [Route(BEGIN_PATH, _begin, methods=["GET"]), Route(END_PATH, _end, methods=["GET"])]
