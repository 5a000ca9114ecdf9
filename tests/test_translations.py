"""Interface text in Vietnamese and English: every message shown is in the catalogues, the Vietnamese catalogue is
complete and compiled, pages wrap what they show, and dates and numbers are written the reader's way."""
from __future__ import annotations

import ast
import datetime as dt
from pathlib import Path

import pytest
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po

from conftest import PROJECT
from translations import (
    LOCALES,
    _,
    current_language,
    format_date,
    format_datetime,
    format_decimal,
    language_in_use,
    ngettext,
    use_language,
)

# Where interface text lives (the Makefile's `translations-extract` reads the same places).
MESSAGE_PLACES = ("app_pages", "claims/workflow.py", "claims/matching/duplicate_rule.py", "claims/reading.py",
                  "claims/language.py", "fetching", "evidence", "factcheck", "pipelines", "db")
# Streamlit calls whose first argument, `label`, `help` or `placeholder` is shown to the reader.
SHOWN = {"title", "header", "subheader", "caption", "write", "markdown", "text", "button", "text_input", "text_area",
         "selectbox", "multiselect", "radio", "toggle", "checkbox", "number_input", "date_input", "slider",
         "form_submit_button", "download_button", "info", "warning", "error", "success", "toast", "expander",
         "tabs", "metric", "file_uploader", "spinner", "popover", "page_link", "link_button", "segmented_control",
         "pills", "status", "set_page_config", "Page"}
SHOWN_KEYWORDS = {"label", "help", "placeholder", "title", "page_title"}
# Pages whose text is still English-only; each must shrink to nothing (a listed page that is clean fails too).
NOT_YET_TRANSLATED: set[str] = set()


def _extracted() -> dict[str, tuple[str, int]]:
    """Every msgid the code wraps, with where it is (file, line)."""
    keywords = {**DEFAULT_KEYWORDS, "N_": None}
    found: dict[str, tuple[str, int]] = {}
    sources = [(PROJECT, "app.py")] + [(PROJECT / place, place) for place in MESSAGE_PLACES]
    for folder, name in sources:
        if name.endswith(".py"):
            from babel.messages.extract import extract_from_file

            path = folder if folder.is_file() else folder / name
            items = [(name, *m) for m in extract_from_file("python", path, keywords=keywords)]
        else:
            items = [(f"{name}/{f}", lineno, message, comments, context) for f, lineno, message, comments, context
                     in extract_from_dir(folder, method_map=[("**.py", "python")], keywords=keywords)]
        for where, lineno, message, *_rest in items:
            msgid = message[0] if isinstance(message, tuple) else message
            if msgid:
                found.setdefault(msgid, (where, lineno))
    return found


def _catalogue(language: str):
    with open(LOCALES / language / "LC_MESSAGES" / "messages.po", "rb") as po:
        return read_po(po, locale=language)


def test_every_wrapped_message_is_in_each_catalogue():
    extracted = _extracted()
    assert len(extracted) > 30
    for language in ("vi", "en"):
        known = {m.id[0] if isinstance(m.id, tuple) else m.id for m in _catalogue(language) if m.id}
        missing = {msgid: where for msgid, where in extracted.items() if msgid not in known}
        assert missing == {}, f"not in the {language} catalogue: run `make translations-update` and translate"


def test_the_vietnamese_catalogue_is_complete_and_not_fuzzy():
    untranslated = [m.id for m in _catalogue("vi") if m.id and (
        not all(m.string) if isinstance(m.string, tuple) else not m.string)]
    fuzzy = [m.id for m in _catalogue("vi") if m.id and m.fuzzy]
    assert untranslated == []
    assert fuzzy == []


def test_placeholders_survive_translation():
    import re

    for message in _catalogue("vi"):
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        wanted = set(re.findall(r"\{\w*\}", ids[-1]))
        for string in strings:
            assert set(re.findall(r"\{\w*\}", string)) == wanted, message.id


def _key(value):
    return tuple(value) if isinstance(value, (list, tuple)) else value


@pytest.mark.parametrize("language", ["vi", "en"])
def test_the_compiled_catalogue_is_the_text_catalogue(language):
    with open(LOCALES / language / "LC_MESSAGES" / "messages.mo", "rb") as mo:
        # pybabel writes an untranslated plural as the English forms themselves: that is not a translation.
        compiled = {_key(m.id): _key(m.string) for m in read_mo(mo) if m.id and m.string
                    and _key(m.string) != _key(m.id)}
    written = {_key(m.id): _key(m.string) for m in _catalogue(language) if m.id and (
        all(m.string) if isinstance(m.string, tuple) else m.string) and _key(m.string) != _key(m.id)}
    assert compiled == written, "run `make translations-compile`"


def _unwrapped(path: Path) -> list[str]:
    """Text shown through a Streamlit call without going through _() or ngettext()."""
    def is_text(node: ast.AST) -> bool:
        if isinstance(node, ast.JoinedStr):
            return any(isinstance(v, ast.Constant) and any(c.isalpha() for c in v.value) for v in node.values)
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            # Icons and example addresses are no language's text.
            return any(c.isalpha() for c in node.value) and not node.value.startswith((":material/", "https://"))
        if isinstance(node, (ast.List, ast.Tuple)):
            return any(is_text(e) for e in node.elts)
        if isinstance(node, ast.BinOp):
            return is_text(node.left) or is_text(node.right)
        return False

    offenders = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in SHOWN):
            continue
        shown = node.args[:1] + [k.value for k in node.keywords if k.arg in SHOWN_KEYWORDS]
        offenders += [f"{path.relative_to(PROJECT)}:{node.lineno}" for arg in shown if is_text(arg)]
    return offenders


def test_pages_wrap_the_text_they_show():
    files = [PROJECT / "app.py", *sorted((PROJECT / "app_pages").glob("*.py"))]
    offenders = {str(p.relative_to(PROJECT)): found for p in files if (found := _unwrapped(p))}
    assert set(offenders) - NOT_YET_TRANSLATED == set(), offenders
    assert NOT_YET_TRANSLATED - set(offenders) == set(), "translated now: take it off NOT_YET_TRANSLATED"


def test_the_check_finds_a_bare_label(tmp_path):
    page = PROJECT / "app_pages" / "_probe_for_test.py"
    try:
        page.write_text('import streamlit as st\nst.button("Save review")\nst.button(_("Save review"))\n'
                        'st.caption(f"{n} claims")\nst.tabs([_("Preview"), "CSV"])\n', encoding="utf-8")
        assert [o.split(":")[1] for o in _unwrapped(page)] == ["2", "4", "5"]
    finally:
        page.unlink()


def test_messages_follow_the_language_of_each_context():
    use_language("vi")
    assert _("Sign in") == "Đăng nhập"
    assert ngettext("Added article #{id} with {n} claim.", "Added article #{id} with {n} claims.", 5).format(
        id=3, n=5) == "Đã thêm bài #3 với 5 nhận định."
    with language_in_use("en"):
        assert _("Sign in") == "Sign in"
    assert current_language() == "vi"
    use_language("fr")  # not a language of the workbench: English
    assert _("Sign in") == "Sign in"
    assert ngettext("Added article #{id} with {n} claim.", "Added article #{id} with {n} claims.", 1) == (
        "Added article #{id} with {n} claim.")


def test_another_thread_keeps_its_own_language():
    import threading

    use_language("vi")
    seen = []
    thread = threading.Thread(target=lambda: (use_language("en"), seen.append(_("Sign in"))))
    thread.start()
    thread.join()
    assert seen == ["Sign in"]
    assert _("Sign in") == "Đăng nhập"


@pytest.mark.parametrize(("language", "day", "number", "fraction"), [
    ("vi", "15/9/2026", "1.700.000", "1,7"),
    ("en", "2026-09-15", "1,700,000", "1.7"),
])
def test_dates_and_numbers_are_written_the_readers_way(language, day, number, fraction):
    assert format_date(dt.date(2026, 9, 15), language) == day
    assert format_date("2026-09-15T08:30:00+00:00", language) == day
    assert format_decimal(1_700_000, language) == number
    assert format_decimal(1.7, language) == fraction


def test_a_fixed_number_of_decimals():
    assert (format_decimal(0.9, "vi", places=2), format_decimal(0.9, "en", places=2)) == ("0,90", "0.90")


def test_a_day_without_its_year_is_written_the_readers_way():
    assert (format_date("--03-08", "vi"), format_date("--03-08", "en")) == ("8/3", "8 March")
    assert format_date("--02-30", "vi") == "--02-30"  # no such day: kept as it is


def test_partial_or_broken_dates_are_kept_as_they_are():
    assert format_date("2026-09", "vi") == "2026-09"
    assert format_date("not a date", "vi") == "not a date"
    assert format_date(None, "vi") == ""


def test_moments_are_written_in_utc_the_readers_way():
    assert format_datetime("2024-03-08T17:05:00+07:00", "vi") == "10:05 8/3/2024 (UTC)"
    assert format_datetime("2024-03-08T17:05:00+07:00", "en") == "2024-03-08 10:05 UTC"
    assert format_datetime("2024-03-08", "vi") == "8/3/2024"


def test_the_engines_reasons_and_types_read_in_vietnamese():
    from app_pages.claim_words import claim_type_name, language_word, reason_text

    with language_in_use("vi"):
        assert reason_text("contains a statistic: hơn 1,7 triệu người") == "có số liệu thống kê: hơn 1,7 triệu người"
        assert reason_text("is a question") == "là câu hỏi"
        assert reason_text("a reason the interface does not know") == "a reason the interface does not know"
        assert (claim_type_name("statistic"), language_word("en")) == ("số liệu", "tiếng Anh")
    with language_in_use("en"):
        assert reason_text("attributed to Dmitry Peskov") == "attributed to Dmitry Peskov"


def test_the_catalogues_ship_in_the_package():
    """pyproject's package data names every catalogue file, so `pip install .` carries what the app reads."""
    import fnmatch
    import tomllib

    patterns = tomllib.loads((PROJECT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"][
        "package-data"]["translations"]
    files = [p.relative_to(PROJECT / "translations").as_posix() for p in LOCALES.rglob("*.[mp]o")]
    assert len(files) == 4
    assert [f for f in files if not any(fnmatch.fnmatch(f, pattern) for pattern in patterns)] == []


def test_no_message_hides_inside_an_f_string():
    """pybabel (on Python 3.11) cannot see _("…") inside an f-string's braces: such a message never reaches the
    catalogue. Messages go outside, with .format()."""
    hidden = []
    for place in ("app.py", *MESSAGE_PLACES, "app_pages"):
        for path in ([PROJECT / place] if place.endswith(".py") else sorted((PROJECT / place).rglob("*.py"))):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.JoinedStr) and any(
                        isinstance(inner, ast.Call) and isinstance(inner.func, ast.Name)
                        and inner.func.id in ("_", "ngettext") for inner in ast.walk(node)):
                    hidden.append(f"{path.relative_to(PROJECT)}:{node.lineno}")
    assert hidden == []
