"""Streamlit serves each session on its own thread: the store must be safe for that."""
from __future__ import annotations

import threading

from claims.model import Claim, Extraction
from db.articles import store_article
from db.claims import VersionConflict, get_claim, update_claim
from db.connection import open_database
from db.history import history_for_claim


def test_a_connection_opened_on_one_thread_works_on_another(db):
    result: list[int] = []
    worker = threading.Thread(target=lambda: result.append(db.execute("SELECT count(*) FROM claims").fetchone()[0]))
    worker.start()
    worker.join()
    assert result == [0]


def test_reviewers_on_many_threads_never_see_a_locked_database_and_lose_no_write(db_path):
    setup = open_database(db_path)
    text = "Hơn 1,7 triệu người đã rời bỏ nhà cửa."
    stored = store_article(setup, text=text, title="t", extraction=Extraction(
        "vi", (Claim(text=text, start=0, end=len(text), checkworthy=True, score=0.9),)))
    claim_id = stored.claim_ids[0]
    accepted: list[tuple[str, int]] = []
    errors: list[BaseException] = []

    def reviewer(name: str) -> None:
        db = open_database(db_path)  # one connection per session, as the app does per rerun
        try:
            for i in range(30):
                while True:
                    seen = get_claim(db, claim_id)
                    try:
                        update_claim(db, claim_id, expected_version=seen.version, reviewer=name,
                                     changes={"assignee": f"{name}-{i}"})
                    except VersionConflict:
                        continue
                    accepted.append((name, i))
                    break
        except BaseException as error:  # noqa: BLE001 - surfaced by the assertion below
            errors.append(error)
        finally:
            db.close()

    threads = [threading.Thread(target=reviewer, args=(f"r{n}",)) for n in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert len(accepted) == 180
    final = get_claim(setup, claim_id)
    assert final.version == 1 + 180
    assert len([e for e in history_for_claim(setup, claim_id) if e.action == "updated"]) == 180
