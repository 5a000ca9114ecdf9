"""Matching by meaning across Vietnamese and English: real model, real SQLite, no mocks."""
from __future__ import annotations

import subprocess
import sys
import threading

import numpy as np
import pytest
from matching_support import store_claims

from claims.matching import multilingual
from claims.matching.normalize import match_text
from db.known_claims import import_known_claims
from db.matching import suggestions_for
from db.meaning import latest_job, run_vector_job, start_vector_job
from db.meaning_index import MeaningSearch
from db.settings import set_setting
from pipelines.matching import find_matches, suggest_matches
from pipelines.vector_jobs import keep_vectors_current, start_in_background, wait_for_background

pytestmark = pytest.mark.skipif(not multilingual.is_available(), reason="the multilingual model is not installed")

GARLIC_EN = "Eating garlic protects you from catching the coronavirus."
GARLIC_VI = "Ăn tỏi giúp phòng lây nhiễm vi rút corona."
ARCHIVE = [
    {"id": "pf-garlic", "text": GARLIC_EN, "verdict": "False", "url": "https://checks.example/garlic"},
    {"id": "pf-bridge", "text": "The city will close the old bridge to traffic next spring.", "verdict": "True"},
    {"id": "pf-vote", "text": "Dead people voted in the county election.", "verdict": "False"},
    {"id": "pf-fled", "text": "More than 1.7 million people have fled Ukraine since the war began.",
     "verdict": "True"},
    {"id": "pf-rice", "text": "Rice exports doubled in the first quarter.", "verdict": "Mostly true"},
    {"id": "pf-moon", "text": "The moon landing was filmed in a studio.", "verdict": "False"},
]


def _vectors(db) -> None:
    job = start_vector_job(db)
    assert job is not None
    run_vector_job(db, job)


@pytest.fixture
def archive(db):
    import_known_claims(db, ARCHIVE)
    _vectors(db)
    return db


def test_a_vietnamese_claim_finds_the_english_fact_check_that_shares_no_word(archive):
    assert not set(match_text(GARLIC_VI).split()) & set(match_text(GARLIC_EN).split())
    assert "pf-garlic" not in [m.id for m in find_matches(archive, GARLIC_VI, limit=3)]  # not by words
    best = find_matches(archive, GARLIC_VI, limit=3, by_meaning=True)[0]
    assert (best.id, best.language, best.verdict) == ("pf-garlic", "en", "False")


def test_the_desk_setting_hides_matches_in_other_languages(archive):
    set_setting(archive, "cross_language_matches", False, changed_by="editor")
    found = find_matches(archive, GARLIC_VI, limit=5, by_meaning=True)
    assert all(m.language == "vi" for m in found) and "pf-garlic" not in [m.id for m in found]
    set_setting(archive, "cross_language_matches", True, changed_by="editor")
    assert find_matches(archive, GARLIC_VI, limit=1, by_meaning=True)[0].id == "pf-garlic"


def test_a_translation_with_the_same_figures_is_a_duplicate_and_other_figures_stay_related(archive):
    same = find_matches(archive, "Hơn 1,7 triệu người đã rời bỏ Ukraine kể từ khi chiến tranh bắt đầu.",
                        limit=1, by_meaning=True)[0]
    other = find_matches(archive, "Hơn 1,8 triệu người đã rời bỏ Ukraine kể từ khi chiến tranh bắt đầu.",
                         limit=1, by_meaning=True)[0]
    denied = find_matches(archive, "Không có hơn 1,7 triệu người rời bỏ Ukraine kể từ khi chiến tranh bắt đầu.",
                          limit=1, by_meaning=True)[0]
    assert (same.id, same.relation) == ("pf-fled", "duplicate")
    assert (other.id, other.relation) == ("pf-fled", "related")
    assert (denied.id, denied.relation) == ("pf-fled", "related")


def test_the_claim_page_suggestion_of_an_english_fact_check_carries_language_and_verdict(archive):
    (claim_id,) = store_claims(archive, GARLIC_VI)
    _vectors(archive)
    stored = suggest_matches(archive, [claim_id], by_meaning=True)
    shown = {s.other_id: s for s in suggestions_for(archive, claim_id)}
    assert stored == len(shown)
    assert shown["pf-garlic"].language == "en" and shown["pf-garlic"].verdict == "False"
    set_setting(archive, "cross_language_matches", False, changed_by="editor")
    assert "pf-garlic" not in {s.other_id for s in suggestions_for(archive, claim_id)}


def test_a_search_never_computes_stored_vectors(db):
    import_known_claims(db, ARCHIVE)
    find_matches(db, GARLIC_VI, by_meaning=True)  # words only: no vector stored yet
    assert db.execute("SELECT count(*) FROM meaning_vectors").fetchone()[0] == 0


def test_the_model_is_loaded_once_per_process(tmp_path):
    script = (
        "from claims.matching import multilingual\n"
        "from db.connection import open_database\n"
        "from db.known_claims import import_known_claims\n"
        "from pipelines.matching import find_matches\n"
        "from db.meaning import run_vector_job, start_vector_job\n"
        f"db = open_database({str(tmp_path / 'm.db')!r})\n"
        "import_known_claims(db, [{'id': 'a', 'text': 'Rice exports doubled'}, {'id': 'b', 'text': 'Gạo tăng'}])\n"
        "run_vector_job(db, start_vector_job(db))\n"
        "for text in ['Xuất khẩu gạo tăng gấp đôi', 'Rice sales doubled', 'Giá vàng']:\n"
        "    find_matches(db, text, by_meaning=True)\n"
        "multilingual.encode(['một', 'hai'])\n"
        "print(multilingual.loads())\n")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True,
                          cwd=str(__import__("pathlib").Path(__file__).resolve().parent.parent))
    assert done.stdout.strip() == "1"


def test_the_model_loads_once_under_concurrent_first_use():
    threads = [threading.Thread(target=multilingual.encode, args=(["Giá xăng tăng"],)) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert multilingual.loads() == 1


def test_the_nearest_neighbour_index_finds_what_exact_search_finds():
    rng = np.random.default_rng(5)
    centres = rng.normal(size=(40, multilingual.DIMENSIONS)).astype(np.float32)
    stored = centres[rng.integers(0, 40, 4000)] + 0.6 * rng.normal(size=(4000, multilingual.DIMENSIONS))
    stored = (stored / np.linalg.norm(stored, axis=1, keepdims=True)).astype(np.float32)
    exact, approximate = MeaningSearch(ann_from=10**9), MeaningSearch(ann_from=1000)
    for search in (exact, approximate):
        for start in range(0, 4000, 1000):  # added in parts, as a store grows
            rows = list(range(start, start + 1000))
            search.add([r + 1 for r in rows], [("known", str(r)) for r in rows], ["en"] * 1000, stored[rows])
    assert approximate.approximate and not exact.approximate
    queries = stored[:100] + 0.05 * rng.normal(size=(100, multilingual.DIMENSIONS)).astype(np.float32)
    queries /= np.linalg.norm(queries, axis=1, keepdims=True)
    same_first, overlap = 0, 0
    for q in queries:
        want = [r for r, _ in exact.nearest(q, 10)]
        got = [r for r, _ in approximate.nearest(q, 10)]
        same_first += want[0] == got[0]
        overlap += len(set(want) & set(got))
    assert same_first == 100  # every near-duplicate is found first, as exact search finds it
    assert overlap >= 900


def test_a_background_vector_job_records_its_progress(db, db_path):
    import_known_claims(db, [{"id": f"k{i}", "text": f"Claim number {i} about rice exports"} for i in range(300)])
    assert latest_job(db) is None
    seen: list[tuple[int, int]] = []
    job = start_vector_job(db)
    assert (job.total, job.done, job.running) == (300, 0, True)
    finished = run_vector_job(db, job, on_progress=lambda done, total: seen.append((done, total)))
    assert seen[-1] == (300, 300) and len(seen) >= 2 and [d for d, _ in seen] == sorted(d for d, _ in seen)
    assert (finished.done, finished.running) == (300, False) and latest_job(db).finished_at
    store_claims(db, "Xuất khẩu gạo tăng gấp đôi trong quý một.")
    assert start_in_background(str(db_path))
    wait_for_background(str(db_path), timeout=120)
    assert db.execute("SELECT count(*) FROM meaning_vectors WHERE kind = 'claim'").fetchone()[0] == 1
    assert start_vector_job(db) is None  # nothing left to do


def test_new_claims_get_their_english_fact_check_suggested_by_the_background_job(archive, db_path):
    (claim_id,) = store_claims(archive, GARLIC_VI)
    assert start_in_background(str(db_path))
    wait_for_background(str(db_path), timeout=120)
    shown = {s.other_id: s for s in suggestions_for(archive, claim_id)}
    assert shown["pf-garlic"].language == "en"


def test_the_claim_page_shows_the_english_fact_check_with_its_verdict_and_the_setting_hides_it(archive, db_path,
                                                                                               monkeypatch):
    from app_support import make_app, open_page, texts

    monkeypatch.setenv("FACTCHECK_DB", str(db_path))
    (claim_id,) = store_claims(archive, GARLIC_VI)
    _vectors(archive)
    suggest_matches(archive, [claim_id], by_meaning=True)
    at = open_page(make_app(), "claim", id=claim_id)
    assert not at.exception
    page = texts(at)
    assert GARLIC_EN in page and "in English" in page and "False" in page
    set_setting(archive, "cross_language_matches", False, changed_by="editor")
    page = texts(open_page(make_app(), "claim", id=claim_id))
    assert GARLIC_EN not in page


def test_the_claim_page_shows_the_progress_of_a_running_vector_job(db, db_path, monkeypatch):
    from app_support import make_app, open_page, texts

    monkeypatch.setenv("FACTCHECK_DB", str(db_path))
    import_known_claims(db, ARCHIVE)
    (claim_id,) = store_claims(db, GARLIC_VI)
    job = start_vector_job(db)  # counted, not yet run: as the app shows it while the thread works
    page = texts(open_page(make_app(), "claim", id=claim_id))
    assert f"Vectors by meaning: 0 of {job.total}" in page


def test_opening_the_app_starts_the_vectors_unless_turned_off(db, db_path, monkeypatch):
    import_known_claims(db, ARCHIVE)
    monkeypatch.setenv("FACTCHECK_VECTORS", "off")
    keep_vectors_current(db)
    assert latest_job(db) is None
    monkeypatch.setenv("FACTCHECK_VECTORS", "on")
    keep_vectors_current(db)
    wait_for_background(str(db_path), timeout=120)
    assert latest_job(db).done == len(ARCHIVE) and start_vector_job(db) is None


def test_a_text_stored_twice_gets_the_same_vector_under_both_ids(db):
    # The job encodes each distinct text of a chunk once and gives its vector to every row that has it.
    import_known_claims(db, [{"id": "a", "text": GARLIC_VI}, {"id": "b", "text": GARLIC_EN},
                             {"id": "c", "text": GARLIC_VI}])
    _vectors(db)
    stored = {ref: np.frombuffer(blob, dtype="<f4") for ref, blob in db.execute(
        "SELECT ref, vector FROM meaning_vectors WHERE model = ?", [multilingual.MODEL_NAME])}
    assert set(stored) == {"a", "b", "c"}
    assert np.array_equal(stored["a"], stored["c"])
    assert np.allclose(stored["a"], multilingual.encode([GARLIC_VI])[0], atol=1e-5)
    assert np.allclose(stored["b"], multilingual.encode([GARLIC_EN])[0], atol=1e-5)
    assert start_vector_job(db) is None  # nothing left to do
