"""Check-worthiness: checkable statements score high, opinions, questions and courtesies low."""
import pytest

from claims import ClaimType, extract_claims


def judged(text):
    (claim,) = extract_claims(text).claims
    return claim


@pytest.mark.parametrize(
    "text",
    [
        "Hơn 3.000 hộ dân đã phải sơ tán vì lũ.",
        "Tỷ lệ thất nghiệp giảm xuống 2,1% trong quý II.",
        "Quốc hội đã thông qua luật đất đai sửa đổi hôm 18/1.",
        "Bộ Y tế cho biết đã ghi nhận 45 ca mắc mới.",
        "Nhà máy đã ngừng hoạt động từ năm 2019.",
        # a rank among others is a record a fact-checker checks
        "Nga là thị trường tiêu thụ cà phê lớn thứ 5 của Việt Nam.",
        # what a video or an analysis shows, and who shot or struck what: what a fact-checker verifies
        "Một video xuất hiện trên mạng xã hội cho thấy lính Ukraine bắn tù binh Nga ở Kharkov.",
        "Các hãng tin sau đó xác định video được quay tại phía bắc thị trấn Dmytrivka.",
        "The city spent $40 million on the stadium last year.",
        "My opponent voted against the farm bill three times.",
        "Crime in the state fell 12 percent after the law passed.",
        "The governor signed the budget, which cut school funding by a third.",
        "Exports reached a record high in 2022, according to the customs office.",
        "We have lowered the jobless rate in this state.",
        "She wants to give the richest one percent a tax break worth billions, (APPLAUSE) and it is paid by all.",
    ],
)
def test_checkable_statements_are_checkworthy(text):
    claim = judged(text)
    assert claim.checkworthy
    assert 0.5 <= claim.score <= 1.0
    assert claim.reasons


@pytest.mark.parametrize(
    "text",
    [
        "Thank you all very much for coming tonight.",
        "I think we need to do better for our children.",
        "What are you going to do about it?",
        "We should all work together on this.",
        "Good evening.",
        "Xin chân thành cảm ơn quý vị.",
        "Theo tôi, chúng ta cần kiên nhẫn hơn.",
        "Chúc các thầy cô ngày 20/11 thật nhiều sức khỏe và niềm vui.",  # a wish, though it holds a date
        "Chúng tôi hy vọng lợi nhuận năm sau sẽ tăng mạnh.",
        "Let me be very clear about that.",
        "(Applause)",
        "I believe in this country.",
        "I had lunch with my brother three weeks ago.",
        "I was a teacher before I ran for office.",
    ],
)
def test_opinions_questions_and_courtesies_are_not_checkworthy(text):
    claim = judged(text)
    assert not claim.checkworthy
    assert 0.0 <= claim.score < 0.5


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Dân số tỉnh đạt 1,2 triệu người.", ClaimType.STATISTIC),
        ("Hội nghị khai mạc ngày 9/5.", ClaimType.DATE),
        ("Tòa án đã tuyên án bị cáo.", ClaimType.EVENT),
        ("Ông Vũ Văn Nam cho biết cầu đã thông xe.", ClaimType.QUOTE),
        ("Đây là mức giá cao nhất trong 10 năm.", ClaimType.COMPARISON),
        ("Giá điện sẽ tăng vào tháng tới.", ClaimType.PREDICTION),
        ("The plant closed because demand collapsed.", ClaimType.CAUSAL),
    ],
)
def test_claim_types(text, kind):
    assert kind in judged(text).types


def test_reasons_quote_the_statistic():
    claim = judged("Ước tính gần 2,5 triệu người bị ảnh hưởng.")
    assert any("gần 2,5 triệu người" in r for r in claim.reasons)


def test_an_amount_without_a_number_counts_less_than_a_number():
    vague = judged("The war has cost the economy billions of dollars, officials said.")
    exact = judged("The war has cost the economy $40 billion, officials said.")
    assert "contains a statistic: billions" in vague.reasons
    assert vague.score < exact.score


def test_a_share_counts_as_a_statistic_not_as_a_small_count():
    share = judged("One out of six people in the district lives in poverty.")
    count = judged("The district was hit 3 times last winter.")  # a small everyday count
    assert share.checkworthy
    assert share.score > count.score


def test_scores_stay_within_bounds():
    for text in ("a", "?", "100%", "Thank you. " * 3, "Nhất, nhất, nhất 1 2 3 4 5 6 7 8 9."):
        for claim in extract_claims(text).claims:
            assert 0.0 <= claim.score <= 1.0


def test_a_lower_case_vietnamese_word_is_never_shown_as_a_name():
    (claim,) = extract_claims("Ước tính, hơn 1,7 triệu người đã rời bỏ nhà cửa.").claims
    assert not [r for r in claim.reasons if r.startswith("names ")]


@pytest.mark.parametrize(
    "text",
    [
        "https://vn.example.com/20220421/tap-tran-chung-nga-viet-14854870.html",
        "2022-04-21T16:31+0700",
        "Ban biên tập toasoan@example.vn +84 24 3825 1234",
        "Hoàng Hoa https://cdn.example.com/img/592/84/5928448_0:0:959:959_100x100_80.jpg",
        # a link to another story: its headline is that story's
        ">> Xem thêm: Nga xác nhận hơn 1.000 lính Ukraine ở Mariupol đã đầu hàng",
        "Read more: Russia says 1,000 troops surrendered in Mariupol",
    ],
)
def test_page_furniture_is_not_a_claim_though_its_digits_read_as_figures(text):
    claim = judged(text)
    assert not claim.checkworthy
    assert any(reason.startswith("page furniture, not a statement") for reason in claim.reasons)


def test_a_claim_that_cites_its_address_stays_checkworthy():
    claim = judged("Theo báo cáo công bố tại https://example.org/bao-cao, hơn 1,7 triệu người đã rời bỏ nhà cửa.")
    assert claim.checkworthy
    assert not any(reason.startswith("page furniture") for reason in claim.reasons)


@pytest.mark.parametrize(
    ("text", "not_shown"),
    [
        # a syllable of a cue inside a word of another sense: unity is no superlative, a secretary no signing
        ("Tổng thư ký Liên Hợp Quốc kêu gọi sự thống nhất của cộng đồng quốc tế.", ("makes a comparison",
                                                                                     "reports an event")),
        ("Họ vẫn còn do dự về quyền tự do báo chí.", ("states a cause",)),
        ("Việt Nam chọn lẽ phải và tiếp tục theo dõi tình hình.", ("hedged or hypothetical",
                                                                   "refers to a record")),
        # what is acceptable ("chấp nhận được") was received ("nhận được") by nobody
        ("Cách làm này là không thể chấp nhận được.", ("reports an event",)),
        # an English word spelt like a Vietnamese one is no cue in Vietnamese, nor the other way round
        ("Không ai được phép can thiệp vào công việc nội bộ của nước khác.", ("hedged or hypothetical",)),
        ("What do you want from the people of this state?", ("states a cause",)),
        # "chuẩn bị" (prepare) holds no passive "bị"; the latest news is no record
        ("Chúng tôi phải chuẩn bị cho mùa đông.", ("tells of something that happened",)),
        ("Theo dõi tin tức mới nhất tại chuyên mục Thế giới.", ("makes a comparison",)),
    ],
)
def test_a_cue_syllable_in_a_word_of_another_sense_is_no_cue(text, not_shown):
    reasons = judged(text).reasons
    assert not [r for r in reasons if r.startswith(not_shown)], reasons


def test_the_cue_itself_still_counts_where_it_means_what_it_says():
    reasons = judged("Đây là mức giá cao nhất trong 10 năm, do giá dầu tăng.").reasons
    assert any(r.startswith("makes a comparison") for r in reasons)
    assert any(r.startswith("states a cause: do") for r in reasons)


def test_a_view_reported_as_a_view_weighs_less_than_a_fact_reported():
    view = judged("Chuyên gia Nguyễn Văn An nhận định rằng phương Tây đã thất bại trong cuộc chiến thông tin.")
    fact = judged("Chuyên gia Nguyễn Văn An cho biết phương Tây đã thất bại trong cuộc chiến thông tin.")
    assert view.score < fact.score
    assert "gives a view: nhận định" in view.reasons
    assert not judged("Nhiều nhà quan sát tin rằng cuộc chiến đã bước sang giai đoạn mới.").checkworthy
    # a figure of its own keeps a reported view worth checking
    assert judged("Ông Nguyễn Văn An cho rằng Nga đã mất hơn 10.000 binh sĩ trong tháng 3.").checkworthy
    # a judgement is a view, whoever says it
    assert not judged("Việc hủy trận đấu là hoàn toàn sai lầm, huấn luyện viên trưởng nói.").checkworthy


def test_an_analysts_word_and_a_forecast_weigh_less_unless_a_figure_of_their_own_is_checked():
    analysis = judged("Theo giới phân tích, Nga đã đánh mất lợi thế trên chiến trường miền nam.")
    report = judged("Theo Bộ Quốc phòng Anh, Nga đã đánh mất lợi thế trên chiến trường miền nam.")
    assert analysis.score < report.score and "an analyst's view: giới phân tích" in analysis.reasons
    assert judged("Theo các chuyên gia, giá khí đốt đã tăng 30% trong tháng 8.").checkworthy
    forecast = judged("Bộ Tài chính dự báo thu ngân sách năm nay tăng mạnh.")
    assert forecast.score < judged("Bộ Tài chính cho biết thu ngân sách năm nay tăng mạnh.").score
    assert "forecasts: dự báo" in forecast.reasons
    assert not judged("Dự báo giá xăng trong kỳ điều chỉnh tới sẽ tiếp tục tăng.").checkworthy


def test_a_feeling_told_weighs_less_than_what_happened():
    feeling = judged("Bà Lan xúc động khi gặp lại con gái sau nhiều tháng xa cách.")
    event = judged("Bà Lan gặp lại con gái sau nhiều tháng xa cách.")
    assert feeling.score < event.score and "tells a feeling: xúc động" in feeling.reasons


def test_the_sentence_before_a_photo_credit_is_a_caption_not_a_claim():
    article = ("Quân đội Ukraine cho biết đã giành lại 40 khu dân cư ở Kherson. "
               "Binh sĩ Ukraine tại một ngôi làng vừa được giải phóng ở Kherson hôm 12/10. Ảnh: Reuters")
    first, caption, credit = extract_claims(article).claims
    assert first.checkworthy and not caption.checkworthy and "a photo's caption" in caption.reasons
    assert not credit.checkworthy
    # the same sentence without a credit after it states a fact
    assert extract_claims("Binh sĩ Ukraine đã tiến vào một ngôi làng ở Kherson hôm 12/10.").claims[0].checkworthy

