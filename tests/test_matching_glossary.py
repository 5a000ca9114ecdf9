"""The English gloss of a Vietnamese claim: its news terms in the words an English fact-check uses."""
from __future__ import annotations

import unicodedata

import pytest

from claims.matching import multilingual
from claims.matching.glossary import english_gloss, glossary_size, with_acronyms
from db.known_claims import import_known_claims
from db.matching import suggestions_for
from db.meaning import run_vector_job, start_vector_job
from db.settings import set_setting
from pipelines.matching import SUGGEST_MIN_MEANING_SCORE, find_matches, suggest_matches
from tests.matching_support import store_claims


def test_a_vietnamese_claim_gets_the_english_words_of_its_news_terms():
    gloss = english_gloss("Tổng thống Mỹ nói vắc-xin gây bệnh tự kỷ ở trẻ em").split()
    assert {"president", "vaccine"} <= set(gloss)


def test_the_longest_term_wins_so_a_syllable_is_never_read_in_the_wrong_sense():
    gloss = english_gloss("Quốc hội hợp pháp hóa cần sa").split()
    assert "legal" in " ".join(gloss) and "france" not in gloss and "french" not in gloss


def test_decomposed_and_upper_case_text_gets_the_same_gloss():
    text = "BỘ Y TẾ khuyên đeo khẩu trang"
    assert english_gloss(unicodedata.normalize("NFD", text)) == english_gloss(text.lower()) != ""


def test_english_text_and_text_without_news_terms_get_no_gloss():
    assert english_gloss("The president said vaccines cause autism") == ""
    assert english_gloss("") == ""


def test_the_shipped_glossary_is_well_formed():
    from claims.matching.glossary import _FILE

    lines = _FILE.read_text(encoding="utf-8").splitlines()
    terms = [line.split("\t")[0] for line in lines]
    assert glossary_size() == len(lines) > 1000
    assert all(line.count("\t") == 1 and all(part.strip() for part in line.split("\t")) for line in lines)
    assert all(t == unicodedata.normalize("NFC", t).lower() for t in terms) and len(set(terms)) == len(terms)


needs_model = pytest.mark.skipif(not multilingual.is_available(), reason="the multilingual model is not installed")

AUSTRALIA = "The prime minister of Australia banned Muslim immigrants."
ARCHIVE = [
    {"id": "australia", "text": AUSTRALIA, "verdict": "False"},
    {"id": "new-zealand", "text": "The prime minister of New Zealand banned Muslim immigrants.", "verdict": "False"},
    {"id": "austria", "text": "The president of Austria banned Muslim immigrants.", "verdict": "True"},
]
CLAIM = "Thủ tướng Úc cấm người nhập cư theo đạo Hồi."


@needs_model
def test_the_gloss_lifts_the_english_fact_check_into_the_claims_suggestions(db):
    import_known_claims(db, ARCHIVE)
    run_vector_job(db, start_vector_job(db))
    [claim] = store_claims(db, CLAIM)
    best = find_matches(db, CLAIM, by_meaning=True)[0]
    assert best.id == "australia" and best.score >= SUGGEST_MIN_MEANING_SCORE
    suggest_matches(db, [claim], by_meaning=True)
    assert "australia" in [s.other_id for s in suggestions_for(db, claim)]


@needs_model
def test_with_matches_in_other_languages_off_the_gloss_finds_nothing_english(db):
    import_known_claims(db, ARCHIVE)
    run_vector_job(db, start_vector_job(db))
    set_setting(db, "cross_language_matches", False, changed_by="editor")
    assert find_matches(db, CLAIM, by_meaning=True) == []
    assert find_matches(db, CLAIM) == []


def test_a_body_written_out_is_its_acronym_and_a_common_noun_or_a_city_stays_as_written():
    assert with_acronyms("Theo Tổ chức Y tế Thế giới, 43 cơ sở y tế bị tấn công.") == \
        "Theo WHO, 43 cơ sở y tế bị tấn công."
    assert with_acronyms("Văn phòng Cao ủy Nhân quyền LHQ cho biết") == "OHCHR cho biết"
    unchanged = "Hội nghị thượng đỉnh ở Hà Nội bàn về chế độ ăn uống."
    assert with_acronyms(unchanged) == unchanged
