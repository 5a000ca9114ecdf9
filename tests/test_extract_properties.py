"""Robustness: any text, however odd, extracts without error and every offset points at its own text."""
import datetime as dt
import json

from hypothesis import given, settings
from hypothesis import strategies as st

from claims import extract_claims, extraction_to_json, find_dates, find_quantities, split_sentences
from claims.folding import nfc

_PIECES = st.sampled_from([
    "hơn 1,7 triệu người", "ngày 8/3", "hôm 31/2", "1/3", "90%", "TP.HCM", "Mr. ", "U.S.", "“", "”", '"', "(Ảnh: AFP)",
    "ông Nam nói.", " - ", "\n", "\n\n", ". ", "? ", "…", "năm 2019", "từ 1.200 đến 2.000", "$5bn", "🙂", "\x00",
    "\u200b", "\ufeff", "e\u0301", "Ω", "中文", "العربية", "ä", " said.", "theo Reuters,", "1.2.3.4", ",,,", "----",
])
_TEXT = st.one_of(st.text(max_size=300), st.lists(st.one_of(_PIECES, st.text(max_size=8)), max_size=40).map("".join))


@settings(max_examples=300, deadline=None)
@given(_TEXT, st.one_of(st.none(), st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2100, 1, 1))))
def test_every_offset_indexes_the_nfc_text(text, published):
    full = nfc(text)
    extraction = extract_claims(text, published=published)
    for claim in extraction.claims:
        assert full[claim.start:claim.end] == claim.text
        assert 0.0 <= claim.score <= 1.0
        for item in (*claim.quantities, *claim.dates):
            assert full[item.start:item.end] == item.text
            assert claim.start <= item.start <= item.end <= claim.end
    json.dumps(extraction_to_json(extraction, id="x", include_all=True))


@settings(max_examples=200, deadline=None)
@given(_TEXT, st.integers(min_value=0, max_value=10_000))
def test_quantities_and_dates_on_any_string_keep_offsets(text, offset):
    for item in (*find_quantities(text, offset), *find_dates(text, offset)):
        assert text[item.start - offset:item.end - offset] == item.text


@settings(max_examples=200, deadline=None)
@given(_TEXT)
def test_sentence_spans_are_ordered_disjoint_and_trimmed(text):
    previous_end = 0
    for start, end in split_sentences(text):
        assert previous_end <= start < end <= len(text)
        assert text[start:end] == text[start:end].strip()
        previous_end = end


def test_empty_text_gives_no_claims():
    extraction = extract_claims("")
    assert extraction.claims == ()
    assert extraction_to_json(extraction, id="e") == {"id": "e", "language": extraction.language, "claims": []}


def test_offsets_index_nfc_text_when_input_is_decomposed():
    text = "Ngu\u031bo\u031b\u0300i ta no\u0301i hơn 20% đã đi."
    extraction = extract_claims(text)
    full = nfc(text)
    (claim,) = extraction.claims
    (q,) = claim.quantities
    assert full[q.start:q.end] == "hơn 20%"


def test_json_contract_shape():
    extraction = extract_claims("Ngày 8/3, bà Lê Hoa cho biết hơn 1,7 triệu người đã rời đi. Xin cảm ơn.")
    out = extraction_to_json(extraction, id="a1")
    assert set(out) >= {"id", "language", "claims"}
    assert out["language"] == "vi"
    (claim,) = out["claims"]
    assert set(claim) >= {"text", "start", "end", "checkworthy", "score", "types", "speaker", "quantities", "dates"}
    assert set(claim["quantities"][0]) >= {"text", "start", "end", "value", "unit", "qualifier"}
    assert claim["quantities"][0]["qualifier"] == "more_than"
    assert claim["dates"][0] == {"text": "Ngày 8/3", "start": 0, "end": 8, "value": "--03-08"}
    everything = extraction_to_json(extraction, id="a1", include_all=True)
    assert len(everything["claims"]) == 2
    assert everything["claims"][1]["checkworthy"] is False
