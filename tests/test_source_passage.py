"""The suggested passage: the sentences of a source that state the claim's figures, dates or names, best first."""
from __future__ import annotations

from claims.passage import claim_names, suggest_passage

CLAIM = "Người phát ngôn Điện Kremlin Dmitry Peskov cho biết hơn 1,7 triệu người đã rời bỏ nhà cửa."
PAGE = ("Giá xăng trong nước tăng 5% trong tuần qua.\n"
        "Theo ông Dmitry Peskov, khoảng 1,8 triệu người đã rời bỏ nhà cửa ở miền đông.\n"
        "Liên Hợp Quốc hôm 7/3 xác nhận hơn 1,7 triệu người đã phải rời bỏ nhà cửa kể từ đầu tháng.\n"
        "Thời tiết miền Bắc chuyển lạnh.")


def test_the_sentence_with_the_claims_figure_is_suggested_first() -> None:
    suggested = suggest_passage(CLAIM, PAGE)
    assert "hơn 1,7 triệu người" in suggested[0].text
    assert PAGE[suggested[0].start:suggested[0].end] == suggested[0].text
    assert any(reason.startswith("figure") for reason in suggested[0].reasons)


def test_a_near_miss_figure_never_outranks_the_same_figure() -> None:
    """The 1,8 triệu sentence names the speaker and shares more words, but states another figure."""
    texts = [s.text for s in suggest_passage(CLAIM, PAGE)]
    near_miss = next(t for t in texts if "1,8 triệu" in t)
    assert texts.index(near_miss) > 0


def test_a_page_with_only_another_figure_gets_no_figure_reason() -> None:
    suggested = suggest_passage("Hơn 1,7 triệu người đã rời bỏ nhà cửa.", "Có 1,8 triệu người đã rời bỏ nhà cửa.")
    assert all(not r.startswith("figure") for s in suggested for r in s.reasons)


def test_the_same_figure_written_another_way_counts() -> None:
    page = "Officials said 1,700,000 people had left. Weather was mild on Tuesday."
    suggested = suggest_passage("More than 1.7 million people left their homes", page)
    assert suggested[0].text == "Officials said 1,700,000 people had left."


def test_dates_and_names_bring_a_sentence_without_figures() -> None:
    page = "The minister spoke. On March 7 Dmitry Peskov met reporters in Moscow. Nothing else happened."
    suggested = suggest_passage("Dmitry Peskov said on March 7 that talks had failed", page)
    assert suggested[0].text == "On March 7 Dmitry Peskov met reporters in Moscow."
    assert {"date “March 7”", "name “Dmitry Peskov”"} <= set(suggested[0].reasons)


def test_names_are_matched_without_case_or_diacritics() -> None:
    suggested = suggest_passage("Điện Kremlin phủ nhận tin đồn", "Thông báo của DIEN KREMLIN được đưa ra sáng nay.")
    assert suggested and "name “Điện Kremlin”" in suggested[0].reasons


def test_an_unrelated_page_suggests_nothing() -> None:
    assert suggest_passage(CLAIM, "Thời tiết miền Bắc chuyển lạnh. Giá vàng giảm nhẹ.") == []
    assert suggest_passage(CLAIM, "") == []


def test_month_names_are_dates_not_names() -> None:
    assert "March" not in " ".join(claim_names("Prices rose 5% on March 7, the Treasury said"))
