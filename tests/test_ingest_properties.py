"""Properties of ingest over generated text: idempotent, and every stored claim is exactly its span of the article."""
from __future__ import annotations

import contextlib
import tempfile
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claims.reading import UnreadableArticle
from db.claims import claims_for_article
from db.connection import open_database
from pipelines.ingest import ingest_text

FRAGMENTS = ["Bộ Y tế cho biết", "hơn 1,7 triệu người", "khoảng 90%", "ngày 8/3", "Điện Kremlin", "TP.HCM",
             "TS. Nguyễn Văn A nói:", "“Chúng tôi đã tăng 15%”", "The ministry said", "2.3% in March 2024",
             "U.S. officials", "từ 1.200 đến 2.000 tỷ đồng", "(Ảnh: TTXVN)", "...", "?!", "\n\n", "\r\n", "\t",
             "e\u0301", "Đ", "đ", "\u00a0", "\u200b", "\x00", "\x07", "\ufeff", "🙂", "\u2028", '"', "'", "«", "»",
             "<b>", "&amp;", "#", "*", "-", "1", "0,5", "năm 2023", "tháng Ba", "Peskov", "NEAR(", "AND("]

article_texts = st.lists(
    st.one_of(st.sampled_from(FRAGMENTS), st.text(min_size=1, max_size=12)),
    min_size=1, max_size=40,
).map(lambda parts: " ".join(parts))

pytestmark = pytest.mark.slow  # a new database per example: the full suite's
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@contextlib.contextmanager
def _fresh_db() -> Iterator:
    """A new database in a folder of its own for one generated example (pytest's fixtures are per test)."""
    with tempfile.TemporaryDirectory() as folder:
        db = open_database(Path(folder) / "properties.db")
        try:
            yield db
        finally:
            db.close()


@SETTINGS
@given(text=article_texts)
def test_every_claim_ingest_stores_is_exactly_its_span_of_the_stored_article(text):
    with _fresh_db() as db:
        try:
            stored = ingest_text(db, text)
        except UnreadableArticle:
            assert not "".join(ch for ch in text if unicodedata.category(ch)[0] not in "CZ").strip()
            return
        article = db.execute("SELECT text FROM articles WHERE id = ?", [stored.article_id]).fetchone()[0]
        assert article == unicodedata.normalize("NFC", article)
        claims = claims_for_article(db, stored.article_id, include_merged=True)
        assert len(claims) == stored.claims
        for claim in claims:
            assert 0 <= claim.start < claim.end <= len(article)
            assert article[claim.start:claim.end] == claim.text == claim.original_text
            for part in (*claim.quantities, *claim.dates):
                assert claim.start <= part.start < part.end <= claim.end
                assert article[part.start:part.end] == part.text


@SETTINGS
@given(text=article_texts)
def test_ingesting_the_same_text_twice_stores_one_article_with_the_same_claims(text):
    with _fresh_db() as db:
        try:
            first = ingest_text(db, text)
        except UnreadableArticle:
            return
        before = claims_for_article(db, first.article_id, include_merged=True)
        again = ingest_text(db, text)
        # Other line breaks and spacing do not make it another article either.
        respaced = ingest_text(db, "\n" + text.replace(" ", "  ") + "  \n")
        assert again.already_stored and respaced.already_stored
        assert again.article_id == respaced.article_id == first.article_id
        assert db.execute("SELECT count(*) FROM articles").fetchone()[0] == 1
        assert claims_for_article(db, first.article_id, include_merged=True) == before
        assert db.execute("SELECT count(*) FROM history WHERE action = 'ingested'").fetchone()[0] == 1
