"""Bulk ingest: the rows it stores equal those of ingesting article after article, a bad article is refused alone,
and ingest by URL holds no write lock while its claims are extracted."""
from __future__ import annotations

import sqlite3
import threading
import time
from pathlib import Path

import pytest
from web_support import local_site

from bench.ingest_scale import desk_articles, write_articles
from db.connection import open_database
from fetching.web import fetch_page
from pipelines.ingest import SUGGEST_AT_ONCE_CLAIMS, ingest_one_by_one, ingest_paths, prepare_text
from pipelines.suggestions import pending_suggestions, suggest_pending
from pipelines.url_ingest import ingest_url


def _rows_without_timestamps(db) -> dict[str, list[tuple]]:
    """Every row of every table (the full-text index's words too), timestamps left out."""
    tables = {}
    for table in db.table_names():
        if table.startswith("claims_fts_") or table.startswith("sqlite_"):
            continue
        columns = [c.name for c in db[table].columns if not (c.name == "at" or c.name.endswith("_at"))]
        if table == "claims_fts":
            columns = ["rowid", *columns]
        names = ", ".join(f'"{c}"' for c in columns)
        tables[table] = db.execute(f"SELECT {names} FROM [{table}] ORDER BY rowid").fetchall()
    return tables


@pytest.fixture(scope="module")
def articles(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("articles")
    texts = desk_articles(240, seed=3, mean_bytes=900)
    texts.insert(100, texts[10])  # the same text twice: stored once, reported as already stored
    write_articles(folder, texts)
    (folder / "a999999.txt").write_bytes(b"   \n")  # no text: refused by name
    return folder


def test_bulk_ingest_stores_the_same_rows_as_one_article_at_a_time(articles, tmp_path):
    old = open_database(tmp_path / "old.db")
    old_outcomes = list(ingest_one_by_one(old, [articles], added_by="Lan"))
    new = open_database(tmp_path / "new.db")
    new_outcomes = list(ingest_paths(new, [articles], added_by="Lan"))
    assert [(o.name, o.error, o.stored) for o in new_outcomes] == [(o.name, o.error, o.stored) for o in old_outcomes]
    assert sum(o.stored is not None and o.stored.already_stored for o in new_outcomes) == 1
    assert [o.error for o in new_outcomes if not o.ok] == ["is empty"]
    # A run this large leaves its suggestions pending; the worker's job makes them, the same as at ingest.
    assert pending_suggestions(new) == 240
    assert suggest_pending(new) == 240
    assert pending_suggestions(new) == 0
    old_rows, new_rows = _rows_without_timestamps(old), _rows_without_timestamps(new)
    assert old_rows.keys() == new_rows.keys()
    assert len(new_rows["claims"]) > 1000 and len(new_rows["claim_matches"]) > 100
    for table in old_rows:
        assert new_rows[table] == old_rows[table], table


def test_a_small_run_gets_its_suggestions_before_ingest_returns(articles, tmp_path):
    db = open_database(tmp_path / "small.db")
    files = sorted(articles.glob("a00000[1-4].txt"))
    list(ingest_paths(db, files))
    claims = db.execute("SELECT count(*) FROM claims WHERE checkworthy = 1").fetchone()[0]
    assert 0 < claims <= SUGGEST_AT_ONCE_CLAIMS
    assert pending_suggestions(db) == 0


def test_an_article_that_cannot_be_stored_is_named_and_the_others_are_stored(articles, tmp_path):
    db = open_database(tmp_path / "refuse.db")
    bad = sorted(articles.glob("*.txt"))[5]
    first_line = bad.read_text(encoding="utf-8").splitlines()[0].strip()
    db.execute("CREATE TABLE refused (prefix TEXT)")
    db.execute("INSERT INTO refused VALUES (?)", [first_line[:40]])
    db.execute("CREATE TRIGGER refuse_one BEFORE INSERT ON articles WHEN substr(new.text, 1, 40) ="
               " (SELECT prefix FROM refused) BEGIN SELECT RAISE(ABORT, 'refused here'); END")
    outcomes = list(ingest_paths(db, [articles]))
    refused = [o for o in outcomes if not o.ok and o.name == str(bad)]
    assert len(refused) == 1 and "refused here" in (refused[0].error or "")
    assert db.execute("SELECT count(*) FROM articles").fetchone()[0] == 239
    stored_claims = sum(o.stored.claims for o in outcomes if o.stored is not None and not o.stored.already_stored)
    assert db.execute("SELECT count(*) FROM claims").fetchone()[0] == stored_claims


def test_ingest_by_url_lets_another_writer_in_while_it_extracts(tmp_path):
    paragraphs = desk_articles(150, seed=9)
    body = "<html><head><title>Bản tin dài</title></head><body>" + "".join(
        f"<p>{p}</p>" for text in paragraphs for p in text.split("\n\n")) + "</body></html>"
    db_path = tmp_path / "url.db"
    db = open_database(db_path)
    db.execute("CREATE TABLE probe (n INTEGER)")
    waits: list[float] = []
    finished = threading.Event()

    def other_writer() -> None:
        conn = sqlite3.connect(db_path, timeout=120)
        while not finished.is_set():
            started = time.perf_counter()
            conn.execute("BEGIN IMMEDIATE")
            waits.append(time.perf_counter() - started)
            conn.execute("INSERT INTO probe VALUES (1)")
            conn.execute("COMMIT")
            time.sleep(0.02)
        conn.close()

    with local_site() as site:
        url = site.page("/long", body)
        writer = threading.Thread(target=other_writer)
        writer.start()
        outcome = ingest_url(db, url, allow_private=True)
        finished.set()
        writer.join()
        started = time.perf_counter()
        prepare_text(fetch_page(url, allow_private=True).text)
        extraction = time.perf_counter() - started
    assert outcome.ok and outcome.stored is not None and outcome.stored.claims > 1000
    # The other writer waits at most for the store itself, never for the extraction (timed here alone).
    assert max(waits) < extraction * 0.75, (max(waits), extraction)
