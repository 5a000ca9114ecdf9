"""Finding an article by its number or the words of its title, for the pickers of a desk of any size."""
from __future__ import annotations

import sqlite_utils

from claims.folding import fold

__all__ = ["find_articles", "article_titles"]


def _with_fold(db: sqlite_utils.Database) -> None:
    # Titles are compared folded (case and diacritics ignored, đ included), like every search of the workbench.
    db.conn.create_function("fold", 1, lambda text: fold(text or ""), deterministic=True)


def _like(word: str) -> str:
    return "%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def find_articles(db: sqlite_utils.Database, query: str = "", *, limit: int = 50) -> list[tuple[int, str]]:
    """(number, title) of the articles a picker offers, newest first: the one numbered `query` ("1234" or
    "#1234") first, then those whose title holds every word of `query`; the newest when `query` is empty.

    >>> find_articles(db, "#1")  # doctest: +SKIP
    [(1, 'Giá xăng tăng 5% trong tháng 3')]
    """
    text = query.strip()
    if not text:
        return [(r[0], r[1]) for r in db.execute("SELECT id, title FROM articles ORDER BY id DESC LIMIT ?", [limit])]
    found: dict[int, str] = {}
    number = text.removeprefix("#").strip()
    if number.isdigit() and len(number) < 19:
        found.update(db.execute("SELECT id, title FROM articles WHERE id = ?", [int(number)]).fetchall())
    words = fold(text).split()
    if words and len(found) < limit:
        _with_fold(db)
        where = " AND ".join("fold(title) LIKE ? ESCAPE '\\'" for _ in words)
        for article_id, title in db.execute(f"SELECT id, title FROM articles WHERE {where} ORDER BY id DESC LIMIT ?",
                                            [*map(_like, words), limit]):
            found.setdefault(article_id, title)
    return list(found.items())[:limit]


def article_titles(db: sqlite_utils.Database, article_ids: list[int]) -> dict[int, str]:
    """The titles of those of `article_ids` that exist."""
    if not article_ids:
        return {}
    marks = ", ".join("?" for _ in article_ids)
    return dict(db.execute(f"SELECT id, title FROM articles WHERE id IN ({marks})", article_ids).fetchall())
