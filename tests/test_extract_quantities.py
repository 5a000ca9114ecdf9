"""Figures: values in base units, units, hedges and ranges, in Vietnamese and English conventions."""
import pytest

from claims import Qualifier, find_quantities
from claims.quantities import parse_number


@pytest.mark.parametrize(
    ("token", "language", "value"),
    [
        ("2,4", "vi", 2.4),
        ("3.250.000", "vi", 3250000),
        ("4.500", "vi", 4500),
        ("2.4", "en", 2.4),
        ("3,250,000", "en", 3250000),
        ("4,500", "en", 4500),
        ("1.234,5", "vi", 1234.5),
        ("1,234.5", "en", 1234.5),
        ("0.250", "vi", 0.25),
        ("12", None, 12),
    ],
)
def test_parse_number_reads_separators_by_language(token, language, value):
    assert parse_number(token, language) == pytest.approx(value)


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("khoảng 3,2 triệu người", 3_200_000, "người"),
        ("vốn 15 tỷ đồng", 15e9, "VND"),
        ("chi 2 nghìn tỷ đồng", 2e12, "VND"),
        ("thu 7 tỉ USD", 7e9, "USD"),
        ("tăng 4,5%", 4.5, "percent"),
        ("tăng 12 phần trăm", 12, "percent"),
        ("rose 6.5 percent", 6.5, "percent"),
        ("a $3.4 billion deal", 3.4e9, "USD"),
        ("about 2.5 million people", 2.5e6, "people"),
        ("dài 120 km", 120, "km"),
        ("nặng 30 tấn", 30, "tấn"),
        ("three hundred jobs", 300, "jobs"),
        ("hai triệu người", 2e6, "người"),
        ("over a hundred billion dollars", 1e11, "USD"),
        ("the top one percent", 1, "percent"),
    ],
)
def test_figure_value_is_in_base_units(text, value, unit):
    (q,) = find_quantities(text)
    assert q.value == pytest.approx(value)
    assert q.unit == unit


@pytest.mark.parametrize(
    ("text", "qualifier"),
    [
        ("khoảng 300 người", Qualifier.APPROX),
        ("ước tính 40 ca", Qualifier.APPROX),
        ("gần 60%", Qualifier.APPROX),
        ("nearly 80 percent", Qualifier.APPROX),
        ("roughly 15 people", Qualifier.APPROX),
        ("hơn 2,3 triệu người", Qualifier.MORE_THAN),
        ("trên 500 ngôi nhà", Qualifier.MORE_THAN),
        ("more than 40 deaths", Qualifier.MORE_THAN),
        ("over 70 percent", Qualifier.MORE_THAN),
        ("ít nhất 11 người", Qualifier.AT_LEAST),
        ("at least 6 people", Qualifier.AT_LEAST),
        ("dưới 5%", Qualifier.LESS_THAN),
        ("fewer than 30 cases", Qualifier.LESS_THAN),
        ("tối đa 25 người", Qualifier.AT_MOST),
        ("at most 9 percent", Qualifier.AT_MOST),
        ("lên tới 600 tỷ đồng", Qualifier.UP_TO),
        ("up to 45 percent", Qualifier.UP_TO),
        ("đúng 17 người", Qualifier.EXACT),
        # the minimum wage and the highest speed are levels named exactly, not hedges
        ("mức lương tối thiểu 4,68 triệu đồng", Qualifier.EXACT),
        ("tốc độ tối đa 80 km", Qualifier.EXACT),
    ],
)
def test_hedge_words_set_the_qualifier_and_join_the_span(text, qualifier):
    (q,) = find_quantities(text)
    assert q.qualifier is qualifier
    assert text.endswith(q.text) or q.text in text
    assert text[q.start:q.end] == q.text


@pytest.mark.parametrize(
    ("text", "low", "high", "unit"),
    [
        ("từ 3.400 đến 5.000 người", 3400, 5000, "người"),
        ("độ tuổi 40 - 45", 40, 45, None),
        ("từ 15 đến 25 %", 15, 25, "percent"),
        ("between 20 and 30 percent", 20, 30, "percent"),
        ("từ 2 đến 3 triệu người", 2e6, 3e6, "người"),
        ("khoảng 2.500-3.000 binh sĩ", 2500, 3000, "binh sĩ"),  # "about 2,500 to 3,000": one range, not two
        ("vào khoảng 7.000 đến 10.000 người", 7000, 10000, "người"),  # a hedge opens the range as "từ" does
        ("about 7,000 to 10,000 people", 7000, 10000, "people"),
    ],
)
def test_ranges_give_both_ends(text, low, high, unit):
    (q,) = find_quantities(text)
    assert (q.value, q.high, q.unit) == (pytest.approx(low), pytest.approx(high), unit)


def test_a_number_in_words_with_a_classifier_counts_a_named_model_but_one_is_an_article():
    assert [q.value for q in find_quantities("Ukraine nhận thêm ba khẩu M777 và một chiếc Su-25.")] == [3]


def test_a_hedged_figure_taken_somewhere_is_no_range():
    assert [q.value for q in find_quantities("đưa khoảng 300 người đến 2 bệnh viện")] == [300, 2]


def test_fraction_is_a_quantity_not_a_date():
    (q,) = find_quantities("hơn 2/5 dân số")
    assert q.value == pytest.approx(0.4)
    assert q.qualifier is Qualifier.MORE_THAN


@pytest.mark.parametrize("text", ["ngày 14/6", "hôm 3/9", "năm 2021", "in 2016", "March 4, 2020", "tháng 6/2018"])
def test_dates_are_not_reported_as_figures(text):
    assert find_quantities(text) == []


@pytest.mark.parametrize("text", ["COVID-19", "tiêm vắc xin mũi F0", "máy bay F-35", "nhóm G20", "lúc 10:45",
                                  "lúc 9h30", "tại Q.3"])
def test_digits_inside_names_codes_and_times_are_not_figures(text):
    assert find_quantities(text) == []


def test_ordinal_day_count_reports_its_number():
    (q,) = find_quantities("chiến dịch bước sang ngày thứ 25")
    assert q.value == 25


def test_offset_shifts_spans_into_the_article():
    text = "Có 40% số hộ"
    (q,) = find_quantities(text, offset=100)
    assert (q.start, q.end) == (103, 106)


def test_same_number_written_three_ways_has_one_value():
    values = {find_quantities(t)[0].value for t in ("2,6 triệu", "2.6 million", "2.600.000")}
    assert values == {2_600_000}


def test_empty_text_has_no_figures():
    assert find_quantities("") == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1,7 trieu nguoi", 1_700_000),
        ("Viet Nam co 1,7 trieu nguoi nhiem benh", 1_700_000),
        ("VIET NAM CO 1,7 TRIEU NGUOI", 1_700_000),
        ("von 15 ty dong", 15e9),
        ("thu 2,5 ti dong", 2.5e9),
        ("chi 2 nghin ty dong", 2e12),
        ("chi 3 ngan ti dong", 3e12),
        ("khoang 300 nghin nguoi", 300_000),
        ("co 5 ngan ho dan", 5_000),
        ("hai trieu nguoi", 2e6),
    ],
)
def test_scale_words_typed_without_diacritics_are_read(text, value):
    (q,) = find_quantities(text)
    assert q.value == pytest.approx(value)


@pytest.mark.parametrize("text", ["1,7 trieu nguoi", "1,7 triệu người", "1.7 million people", "1.700.000 người"])
def test_unaccented_millions_equal_the_other_notations(text):
    assert find_quantities(text)[0].value == 1_700_000


def test_a_sentence_typed_without_diacritics_reads_its_thousands_the_vietnamese_way():
    # "hơn 1.000 lính": no scale word, so only the sentence's words tell that it is Vietnamese
    text = "Bo Quoc phong Nga cho biet hon 1.000 linh Ukraine da dau hang o Mariupol."
    assert [q.value for q in find_quantities(text)] == [1000]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("mua 2 ti vi moi", 2),  # two television sets
        ("tang 5 ty le", 5),
        ("cong ty co 300 nhan vien", 300),
        ("ty le 5 nguoi", 5),
        ("5 tieu chi", 5),
        ("3 ngang", 3),
    ],
)
def test_bare_ty_ti_and_ngan_are_scales_only_right_after_a_number(text, value):
    (q,) = find_quantities(text)
    assert q.value == value


def test_bare_syllables_alone_are_not_figures():
    assert find_quantities("cong ty ty le ti vi ngan hang") == []
    assert find_quantities("hai ti vi") == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1,500 trieu dong", 1.5e6),  # a Vietnamese scale word: the comma is the decimal mark
        ("1.500 trieu dong", 1.5e9),  # ... and the dot groups thousands
        ("the budget is 1,500 million", 1.5e9),
    ],
)
def test_a_vietnamese_scale_word_reads_the_number_the_vietnamese_way(text, value):
    assert find_quantities(text)[0].value == pytest.approx(value)


@pytest.mark.parametrize(("text", "value"), [("half a million people", 5e5), ("a half million people", 5e5),
                                             ("two and a half million people", 2.5e6), ("a dozen people", 12),
                                             ("a hundred thousand people", 1e5), ("a million people", 1e6),
                                             ("Khoảng nửa triệu người đã tham gia.", 5e5),
                                             ("Công ty lỗ hơn nửa tỷ đồng.", 5e8)])
def test_halves_and_articles_in_number_words_are_read_as_a_reader_says_them(text, value):
    assert [q.value for q in find_quantities(text)] == [value]



@pytest.mark.parametrize("text", ["Dự án Nord Stream 2 trị giá lớn đã bị đình chỉ.", "Thỏa thuận Minsk 2 được ký.",
                                  "Máy bay Boeing 737 bị cấm bay.", "Sư đoàn Dù 76 của Nga đóng quân tại Bucha.",
                                  "Phù hiệu của tiểu đoàn lính thủy đánh bộ 503 Ukraine."])
def test_the_number_of_a_name_is_no_figure(text):
    assert find_quantities(text, language="vi") == []


@pytest.mark.parametrize(("text", "value"), [("Sư đoàn này đã mất 500 binh sĩ.", 500),
                                             ("Hạm đội Biển Đen mất 3 tàu chiến.", 3)])
def test_a_count_after_a_military_unit_is_still_a_figure(text, value):
    assert [q.value for q in find_quantities(text, language="vi")] == [value]


def test_a_count_after_a_country_name_is_still_a_figure():
    assert [(q.value, q.unit) for q in find_quantities("Mỹ đã cảnh báo Nga 2 lần trong tuần.", language="vi")] \
        == [(2, "lần")]


@pytest.mark.parametrize(("text", "value"), [("Roughly two-thirds of the city has fled.", 2 / 3),
                                             ("Three quarters of voters agree.", 0.75),
                                             ("He won a third of the vote.", 1 / 3),
                                             ("Exports fell by a third in March.", 1 / 3),
                                             ("Rents climbed by roughly a quarter last year.", 1 / 4),
                                             ("The rating rose threefold.", 3)])
def test_english_fractions_in_words_are_shares(text, value):
    (q,) = find_quantities(text, language="en")
    assert q.value == pytest.approx(value)


@pytest.mark.parametrize("text", ["She won a third term.", "They reached the quarter-final.",
                                  "The Nord Stream 2 pipeline was halted."])
def test_english_ordinals_and_names_numbers_are_no_figures(text):
    assert find_quantities(text, language="en") == []


@pytest.mark.parametrize(("text", "value"), [("Khoảng 1,300 binh sĩ đã thiệt mạng.", 1300),
                                             ("Giá tăng 1,300 đồng.", 1300), ("Hơn 12,500 người rời đi.", 12500),
                                             ("Lạm phát 2,125%.", 2.125), ("Có 1,5 triệu người.", 1_500_000),
                                             ("Quãng đường 1,250 km.", 1.25)])
def test_english_grouping_in_vietnamese_text_counts_thousands_of_things_that_come_whole(text, value):
    (q,) = find_quantities(text, language="vi")
    assert q.value == pytest.approx(value)


@pytest.mark.parametrize(("text", "value"), [
    ("Hàng vạn người đã đổ về quảng trường.", 10_000),  # vạn: ten thousand
    ("Khoảng 3,5 vạn người được sơ tán.", 35_000),
    ("Có hàng chục vạn người mất điện.", 100_000),
    ("Hơn 1\u202f200\u202f000 người đã được tiêm.", 1_200_000),  # thousands grouped by narrow spaces
    ("Hơn 1\u00a0200 người đã được tiêm.", 1_200),
    ("Hơn 1 200 000 người đã được tiêm.", 1_200_000),  # plain spaces, two groups at least
])
def test_ten_thousands_in_words_and_thousands_grouped_by_spaces_are_one_figure(text, value):
    (q,) = find_quantities(text, language="vi")
    assert q.value == value


def test_a_name_that_opens_with_van_is_no_figure():
    assert [q.value for q in find_quantities("Vạn Lý Trường Thành dài hơn 21.000 km.", language="vi")] == [21_000]


@pytest.mark.parametrize("text", [
    "Bản tin thời tiết được phát sóng lúc 19 giờ 45 trên VTV1.",
    "Phiên tòa sẽ tiếp tục vào lúc 13 giờ 30 chiều nay.",
    "Hạn chót nộp hồ sơ là 17 giờ ngày 30/6.",
    "Chị dậy từ 4 giờ sáng để chuẩn bị hàng.",
    # after "đến" or "khoảng" an hour with its part of the day or its date is still a time of day
    "Tính đến 17 giờ ngày 9/3, lực lượng cứu hộ vẫn đang tìm kiếm.",
    "Khoảng 5 giờ 30 sáng, còi báo động vang lên khắp thành phố.",
])
def test_a_time_of_day_is_no_figure_neither_its_hour_nor_its_minutes(text):
    assert [q.text for q in find_quantities(text, language="vi")] == []


@pytest.mark.parametrize(("text", "values"), [
    ("Cuộc họp kéo dài 2 giờ 30 phút.", [2, 30]),
    ("Cuộc điện đàm kéo dài gần 2 giờ.", [2]),
    ("Trong 24 giờ qua, cả nước ghi nhận 300 ca mắc mới.", [24, 300]),
])
def test_a_duration_in_hours_stays_a_figure(text, values):
    assert [q.value for q in find_quantities(text, language="vi")] == values


@pytest.mark.parametrize(("text", "values"), [
    ("Lệnh cấm vận sẽ kéo dài một năm.", [1]),  # lasting one year: one
    ("Thành phố bị mất điện suốt một tuần.", [1]),
    ("Kho dự trữ giảm 40% trong vòng 1 năm.", [40, 1]),  # "vòng 1" here is no stage of talks
    ("Số ca mắc tăng gấp đôi trong vòng một tuần.", [2]),  # within a week: "a", not a figure
    ("Vòng 2 của cuộc đàm phán diễn ra tại Istanbul.", []),  # the second stage of talks
    ("Tỉnh bắt đầu tiêm mũi 4 cho 120.000 người.", [120000]),  # the fourth dose names a dose, counts nothing
    ("Lãi suất kỳ hạn 6 tháng giảm 0,3 điểm phần trăm.", [0.3]),  # a deposit's term names it
    ("Trong quý 3/2022, 450 doanh nghiệp đã rút khỏi thị trường.", [450]),  # a quarter is a date
    ("Doanh thu quý IV/2021 tăng 12%.", [12]),
    ("Mấy chục chiếc xe tải bị kẹt ở cửa khẩu.", [20]),  # "mấy chục" as "vài chục"
    ("Trong thế kỷ 20, châu Âu trải qua 2 cuộc chiến tranh thế giới.", [2]),  # a century's number names it
    ("Canada đã chuyển cho Ukraine 4 khẩu M777.", [4]),  # a classifier after it: a count, though a name is before
    ("Ba Lan gửi 18 khẩu lựu pháo Krab.", [18]),
    ("Số hộ nghèo tăng từ 1,2 lên 1,8 triệu hộ.", [1_200_000, 1_800_000]),  # a change: the second's scale word
    ("Dân số giảm từ 4 xuống còn 3 triệu người.", [4_000_000, 3_000_000]),
    ("Thỏa thuận ngừng bắn kéo dài 3 tháng rưỡi.", [3.5]),  # and a half
])
def test_one_year_lasting_is_a_figure_but_a_week_within_is_an_article_and_a_stage_or_dose_counts_nothing(
        text, values):
    assert [q.value for q in find_quantities(text, language="vi")] == values


@pytest.mark.parametrize(("text", "value", "qualifier"), [
    ("Tens of thousands of people gathered in the square.", 10_000, Qualifier.APPROX),
    ("Hundreds of millions of dollars were pledged.", 100_000_000, Qualifier.APPROX),
    ("Dozens of villages lost power.", 12, Qualifier.APPROX),
    ("Nearly one in five homes was damaged.", 0.2, Qualifier.APPROX),
    ("One in 10 schools has closed.", 0.1, Qualifier.EXACT),
    ("Two in three families have lost income.", 2 / 3, Qualifier.EXACT),
    ("About 3 out of 5 bridges were destroyed.", 0.6, Qualifier.APPROX),
    ("Almost 3.2m refugees have crossed the border.", 3_200_000, Qualifier.APPROX),  # "m" glued, then people
])
def test_vague_amounts_shares_and_short_scales_in_english_are_figures(text, value, qualifier):
    (q,) = find_quantities(text, language="en")
    assert (q.value, q.qualifier) == (pytest.approx(value), qualifier)


def test_a_short_scale_before_no_counted_people_stays_a_measure_and_a_score_is_no_share():
    (q,) = find_quantities("They built a 12m wall along the border.", language="en")
    assert (q.value, q.unit) == (12, "m")
    assert [q.value for q in find_quantities("They won 4 out of 4 games.", language="en")] == [4, 4]


@pytest.mark.parametrize(("text", "value", "qualifier"), [
    ("More than half of the army's tanks have been destroyed.", 0.5, Qualifier.MORE_THAN),
    ("Half of the city was left without power.", 0.5, Qualifier.EXACT),
    ("His unit had lost half its men.", 0.5, Qualifier.EXACT),
    ("More than half the population has left.", 0.5, Qualifier.MORE_THAN),
])
def test_half_of_something_is_a_share_in_english(text, value, qualifier):
    (q,) = find_quantities(text, language="en")
    assert (q.value, q.qualifier) == (value, qualifier)


def test_on_behalf_of_holds_no_half():
    assert find_quantities("She spoke on behalf of the government.", language="en") == []


@pytest.mark.parametrize(("text", "counted"), [
    ("Vụ pháo kích khiến 4 người thiệt mạng, trong đó có một bé gái.", [(4, "người"), (1, "bé gái")]),
    ("Đợt pháo kích khiến ít nhất ba tòa chung cư bốc cháy.", [(3, "chung cư")]),
    # "lúc" before a vague amount is "when", not a time of day
    ("Tên lửa rơi xuống nhà ga lúc hàng nghìn người đang chờ tàu.", [(1000, "người")]),
    ("Đoàn sơ tán có 30 người, trong số đó có hai thai phụ.", [(30, "người"), (2, "thai phụ")]),
])
def test_a_count_in_words_of_people_among_others_or_of_buildings_is_a_figure(text, counted):
    assert [(q.value, q.unit) for q in find_quantities(text, language="vi")] == counted


def test_one_as_an_article_is_still_no_figure():
    assert find_quantities("Một người dân cho biết chợ đã đóng cửa.", language="vi") == []


@pytest.mark.parametrize(("text", "language", "value"), [("Tên lửa Kinzhal có thể đạt tốc độ Mach 10.", "vi", 10),
                                                         ("The glide vehicle flies at Mach 5.", "en", 5)])
def test_a_speed_in_mach_is_a_figure(text, language, value):
    (q,) = find_quantities(text, language=language)
    assert (q.value, q.unit) == (value, "Mach")


@pytest.mark.parametrize(("text", "figures"), [
    ("VIỆT NAM LÀ MỘT TRONG 35 NƯỚC BỎ PHIẾU TRẮNG TẠI LIÊN HỢP QUỐC", [(35, "nước")]),
    ("BẢY TỈNH MIỀN TRUNG BỊ NGẬP SÂU SAU MƯA LŨ", [(7, "tỉnh")]),
    # Vietnamese typed without diacritics is still Vietnamese: 2.000 is two thousand
    ("Gia xang tang 2.000 dong/lit tu 15h chieu nay.", [(2000, None)]),
])
def test_figures_of_a_headline_in_capitals_and_of_text_without_diacritics(text, figures):
    from claims import extract_claims

    (claim,) = extract_claims(text).claims
    assert [(q.value, q.unit) for q in claim.quantities] == figures
    assert all(text[q.start:q.end] == q.text for q in claim.quantities)


@pytest.mark.parametrize(("text", "figures"), [
    ("Thu ngân sách 10 tháng đạt 1,44 triệu tỷ đồng.", [(10, "tháng"), (1.44e15, "VND")]),
    # a price per litre: "một" after the price is "a"
    ("Giá xăng E5 giảm 410 đồng, còn 22.380 đồng một lít.", [(410, "VND"), (22380, "VND")]),
])
def test_a_million_billion_and_a_price_per_unit(text, figures):
    assert [(q.value, q.unit) for q in find_quantities(text, language="vi")] == figures
