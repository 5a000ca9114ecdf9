"""Matching in the review workflow: suggestions stored, decisions remembered, groups with one canonical claim."""
from __future__ import annotations

from db.claims import get_claim
from db.duplicates import decide_match, duplicate_groups, offer_verdict_to_duplicates
from db.history import history_for_claim
from db.known_claims import import_known_claims
from db.matching import suggestions_for
from pipelines.matching import find_matches, suggest_matches
from tests.matching_support import store_claims

PAST = [
    {"id": "afp-1", "text": "Việt Nam có 1,7 triệu người thất nghiệp trong quý hai", "verdict": "Sai",
     "url": "https://factcheck.example.org/afp-1"},
    {"id": "afp-2", "text": "Thủ đô Hà Nội sẽ cấm xe máy từ năm 2030", "verdict": "Đúng một phần"},
]


def test_a_new_claim_is_matched_against_past_fact_checks_with_link_and_verdict(db):
    import_known_claims(db, PAST)
    [claim] = store_claims(db, "Việt Nam có 1.700.000 người thất nghiệp trong quý hai.")
    stored = suggest_matches(db, [claim])
    [first, *_] = shown = suggestions_for(db, claim)
    assert stored == len(shown)
    assert (first.other_kind, first.other_id, first.relation) == ("known", "afp-1", "duplicate")
    assert first.url == "https://factcheck.example.org/afp-1" and first.rating == "Sai"
    assert first.checked_by == "factcheck.example.org"


def test_different_figure_against_a_past_fact_check_is_related(db):
    import_known_claims(db, PAST)
    [match, *_] = find_matches(db, "Việt Nam có 1,8 triệu người thất nghiệp trong quý hai")
    assert (match.id, match.kind, match.relation) == ("afp-1", "known", "related")


def test_find_matches_ids_are_the_imported_id_or_the_claim_number(db):
    import_known_claims(db, PAST)
    a, _ = store_claims(db, "Hà Nội sẽ cấm xe máy từ năm 2030 trong nội thành.", "Một câu khác hẳn về thời tiết.")
    found = {(m.kind, m.id) for m in find_matches(db, "Thủ đô Hà Nội sẽ cấm xe máy từ năm 2030")}
    assert ("known", "afp-2") in found and ("claim", str(a)) in found


def test_find_matches_can_leave_out_the_claim_itself(db):
    [a] = store_claims(db, "Giá điện tăng 3% từ tháng sau.")
    assert all(m.id != str(a) for m in find_matches(db, "Giá điện tăng 3% từ tháng sau.", exclude_claim_id=a))


def test_a_claim_repeated_in_a_later_article_gets_a_duplicate_suggestion(db):
    [old] = store_claims(db, "Bộ Y tế cho biết 90% người dân đã tiêm vắc xin.", title="một")
    [new] = store_claims(db, "Bộ Y tế cho biết 90 % người dân đã tiêm vắc-xin.", title="hai")
    suggest_matches(db, [new])
    [s] = [s for s in suggestions_for(db, new) if s.other_kind == "claim"]
    assert (s.other_claim_id, s.relation, s.decision) == (old, "duplicate", "suggested")
    assert [x.other_claim_id for x in suggestions_for(db, old)] == [new]  # seen from the other side too


def test_a_rejected_suggestion_is_never_suggested_again(db):
    [old] = store_claims(db, "Bộ Y tế cho biết 90% người dân đã tiêm vắc xin.", title="một")
    [new] = store_claims(db, "Bộ Y tế cho biết 90% người dân đã tiêm vắc xin rồi.", title="hai")
    suggest_matches(db, [new])
    [s] = suggestions_for(db, new)
    decide_match(db, s.match_id, decision="rejected", reviewer="lan")
    assert suggest_matches(db, [new]) == 0
    assert suggest_matches(db, [old]) == 0  # nor in the other direction
    assert suggestions_for(db, new) == []
    assert [e.action for e in history_for_claim(db, new)][-1] == "rejected"


def test_confirming_puts_both_claims_in_one_group_under_the_earliest(db):
    [old] = store_claims(db, "Giá xăng tăng 5% trong tháng ba.", title="một")
    [new] = store_claims(db, "Giá xăng tăng 5 % trong tháng ba", title="hai")
    suggest_matches(db, [new])
    [s] = suggestions_for(db, new)
    decide_match(db, s.match_id, decision="confirmed", reviewer="lan")
    rows = dict(db.execute("SELECT id, canonical_id FROM claims").fetchall())
    assert rows == {old: None, new: old}
    [group] = duplicate_groups(db)
    assert (group.canonical_id, group.claim_ids, group.confirmed) == (old, (old, new), True)


def test_the_claim_with_a_verdict_becomes_canonical_and_its_verdict_is_offered_not_forced(db):
    [old] = store_claims(db, "Giá xăng tăng 5% trong tháng ba.", title="một")
    [new] = store_claims(db, "Giá xăng tăng 5 % trong tháng ba", title="hai")
    db.execute("UPDATE claims SET rating = 'False' WHERE id = ?", [new])
    suggest_matches(db, [new])
    [s] = suggestions_for(db, new)
    decide_match(db, s.match_id, decision="confirmed", reviewer="lan")
    assert db.execute("SELECT canonical_id FROM claims WHERE id = ?", [old]).fetchone()[0] == new
    assert offer_verdict_to_duplicates(db, new) == [old]
    assert db.execute("SELECT rating FROM claims WHERE id = ?", [old]).fetchone()[0] is None


def test_rejecting_a_confirmed_duplicate_takes_it_out_of_the_group(db):
    [old] = store_claims(db, "Giá xăng tăng 5% trong tháng ba.", title="một")
    [new] = store_claims(db, "Giá xăng tăng 5 % trong tháng ba", title="hai")
    suggest_matches(db, [new])
    [s] = suggestions_for(db, new)
    decide_match(db, s.match_id, decision="confirmed", reviewer="lan")
    decide_match(db, s.match_id, decision="rejected", reviewer="minh")
    assert db.execute("SELECT count(*) FROM claims WHERE canonical_id IS NOT NULL").fetchone()[0] == 0


def test_suggested_groups_do_not_chain_near_misses(db):
    ids = store_claims(db,
                       "Giá xăng tăng 5% trong tháng ba.",
                       "Giá xăng tăng 5 % trong tháng ba!",
                       "Giá xăng tăng 6% trong tháng ba.",
                       "Giá xăng tăng 6 % trong tháng ba!",
                       "Giá xăng không tăng 6% trong tháng ba.")
    groups = {frozenset(g.claim_ids) for g in duplicate_groups(db)}
    assert groups == {frozenset(ids[0:2]), frozenset(ids[2:4])}


def test_matches_follow_claims_edited_and_past_checks_imported_after_the_first_match(db):
    [claim] = store_claims(db, "Giá xăng tăng 5% trong tháng ba.")
    assert [m.id for m in find_matches(db, "Giá xăng tăng 5% trong tháng ba")] == [str(claim)]
    db.execute("UPDATE claims SET text = 'Giá điện giảm 2% trong tháng tư.', updated_at = '2999-01-01' WHERE id = ?",
               [claim])
    assert [m.relation for m in find_matches(db, "Giá điện giảm 2% trong tháng tư")] == ["duplicate"]
    assert all(m.score < 60 for m in find_matches(db, "Giá xăng tăng 5% trong tháng ba"))
    import_known_claims(db, [{"id": "p", "text": "Giá xăng tăng 5% trong tháng ba"}])
    assert find_matches(db, "Giá xăng tăng 5% trong tháng ba")[0].id == "p"


def test_claims_that_only_share_names_are_not_suggested(db):
    [old] = store_claims(db, "Tổng thống Ukraine Volodymyr Zelensky gặp Tổng thống Nga Vladimir Putin tại Paris.",
                         title="một")
    [new] = store_claims(db, "Khi đó, ông gợi ý Tổng thống Putin nên tới Kiev.", title="hai")
    assert suggest_matches(db, [new]) == 0 and suggestions_for(db, old) == []


def test_suggestions_missed_by_a_stopped_ingest_are_stored_when_the_text_comes_again(db):
    from claims import extract_claims
    from db.articles import store_article, suggestions_stored
    from pipelines.ingest import ingest_text

    import_known_claims(db, PAST)
    text = "Theo báo cáo, Việt Nam có 1,7 triệu người thất nghiệp trong quý hai."
    # What a killed ingest leaves: the article and its claims stored, the suggestions not yet.
    stored = store_article(db, text=text, extraction=extract_claims(text), title="Lao động")
    assert suggestions_for(db, stored.claim_ids[0]) == [] and not suggestions_stored(db, stored.article_id)
    again = ingest_text(db, text, title="Lao động")
    assert again.already_stored and again.article_id == stored.article_id
    assert [s.other_id for s in suggestions_for(db, stored.claim_ids[0])] == ["afp-1"]
    assert suggestions_stored(db, stored.article_id)


def test_a_past_fact_check_in_other_words_is_suggested_for_a_sample_article_claim(db):
    from pathlib import Path

    from pipelines.ingest import ingest_paths

    # An archive of one: its word statistics are weak, the closeness of the two texts is what counts.
    import_known_claims(db, [
        {"id": "kc-17", "text": "Hơn 1,7 triệu người đã rời bỏ nhà cửa kể từ khi xung đột ở Ukraine bắt đầu.",
         "verdict": "Đúng", "url": "https://kiemchung.example/ukraine-1-7-trieu"},
    ])
    seeds = Path(__file__).resolve().parent.parent / "seeds"
    claim_ids = [i for outcome in ingest_paths(db, [seeds]) for i in outcome.stored.claim_ids]
    displaced = next(i for i in claim_ids if "hơn 1,7 triệu người đã rời bỏ nhà cửa" in get_claim(db, i).text)
    [suggestion] = [s for s in suggestions_for(db, displaced) if s.other_kind == "known"]
    # Reworded ("Ước tính, …, trong cuộc xung đột"), yet the same figure: the same claim, checked already.
    assert (suggestion.other_id, suggestion.relation, suggestion.rating) == ("kc-17", "duplicate", "Đúng")


def test_a_tweet_finds_the_fact_check_about_its_author_named_only_in_the_signature(db):
    import_known_claims(db, [
        {"id": "house-fire", "text": "A protester in Ferguson, Missouri, accidentally burned down his own house."},
        {"id": "neko-case", "text": "Musician Neko Case's Vermont farmhouse was badly damaged in a fire in 2017."},
        {"id": "sprinklers", "text": "An image shows a house that was saved from a fire by sprinklers."},
    ])
    tweet = ("I keep getting reports that my house burned down? Not my house. Not that that didn't scare me. @AP"
             " — Neko Case (@NekoCase) September 19, 2017")
    assert find_matches(db, tweet)[0].id == "neko-case"


def test_a_tweet_finds_the_fact_check_about_the_account_it_addresses(db):
    import_known_claims(db, [
        {"id": "alias", "text": "Ivanka Trump adopted the alias Adrienne Vittadini to market her fashion line."},
        {"id": "tshirts", "text": "A clothing retailer pulled a line of T-shirts after consumers complained."},
    ])
    tweet = "@AVittadini Don't be fooled consumers this is @IvankaTrump clothing line! pic.twitter.com/rLfAspeM6x"
    assert find_matches(db, tweet)[0].id == "alias"
