"""Figures as a Vietnamese editor reads them: numbers in words, the counted noun as the unit, ranges of days, and
numbers that are not figures (ordinals, model names, names' numbers, years)."""
import pytest

from claims import extract_claims, find_dates, find_quantities


def figures(text: str) -> list[tuple[float, str | None, str]]:
    return [(q.value, q.unit, str(q.qualifier)) for q in find_quantities(text, language="vi")]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("một km", 1), ("hai lần", 2), ("ba người", 3), ("bốn tỉnh", 4), ("năm người", 5), ("sáu xã", 6),
        ("bảy tỉnh", 7), ("tám xe tăng", 8), ("chín binh sĩ", 9), ("mười ngôi nhà", 10), ("mười một người", 11),
        ("hai mươi người", 20), ("hai mươi lăm người", 25), ("hai mươi mốt ca", 21), ("ba mươi tư hộ", 34),
        ("ba trăm người", 300), ("một trăm linh năm người", 105), ("bốn nghìn người", 4000),
        ("mười hai triệu người", 12_000_000), ("hai triệu rưỡi người", 2_500_000), ("hai nghìn tỷ đồng", 2e12),
        ("hai trieu nguoi", 2_000_000),
        # five after the tens is "lăm": "năm" there is the year
        ("mười năm", 10), ("hai mươi năm", 20), ("năm mươi năm", 50), ("hàng chục năm", 10), ("vài chục năm", 20),
    ],
)
def test_numbers_written_in_words_are_figures(text, value):
    (q,) = find_quantities(f"Có {text} bị ảnh hưởng.", language="vi")
    assert q.value == value


@pytest.mark.parametrize(("text", "values"), [
    ("Hai trong số sáu lò phản ứng đã ngừng hoạt động.", [2, 6]),
    ("Ba trong số 14 tên lửa đã trúng mục tiêu.", [3, 14]),
    ("Năm trong số họ đã bị bắt giữ.", [5]),
    ("Hai trong số đó là trẻ em.", [2]),
    ("Một trong số những nước bỏ phiếu trắng là Việt Nam.", []),  # "one of": grammar
])
def test_a_part_of_a_count_in_words_is_a_figure(text, values):
    assert [q.value for q in find_quantities(text, language="vi")] == values


@pytest.mark.parametrize(("text", "read"), [
    ("Cuộc gặp kéo dài khoảng 1 tiếng rưỡi.", [(1.5, "giờ")]),
    ("Cuộc gặp kéo dài hai tiếng rưỡi.", [(2.5, "giờ")]),
    ("Ông Macron đã điện đàm gần 2 tiếng với ông Putin.", [(2, "giờ")]),
    ("Người dân nghe thấy 3 tiếng nổ lớn.", [(3, "tiếng")]),  # three blasts, not three hours
    ("Anh ấy nói được hai tiếng Anh và Pháp.", []),  # two languages
    ("Mỹ sẽ cung cấp 100 tên lửa cho Ukraine.", [(100, "tên lửa")]),  # "cung cấp" supplies; no level
    # a headline's figure ends at its line: the next line's "Ngày 3/6" is no unit of it
    ("Chiến sự bước sang ngày thứ 100\nNgày 3/6, giao tranh tiếp diễn.", [(100, None)]),
])
def test_tieng_is_hours_unless_a_sound_or_a_language(text, read):
    assert [(q.value, q.unit) for q in find_quantities(text, language="vi")] == read


def test_half_and_a_half_in_words():
    assert figures("Một nửa dân số") == [(0.5, None, "exact")]
    assert [q.value for q in find_quantities("Mất hai triệu rưỡi đồng", language="vi")] == [2_500_000]


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [("hàng trăm người", 100, "người"), ("hàng nghìn binh sĩ", 1000, "binh sĩ"), ("vài chục ngôi nhà", 20, "nhà"),
     ("hàng tỷ USD", 1e9, "USD")],
)
def test_hang_tram_and_vai_chuc_are_approximate(text, value, unit):
    assert figures(f"Có {text} bị ảnh hưởng.") == [(value, unit, "approx")]


@pytest.mark.parametrize(
    ("text", "unit"),
    [("7 tỉnh", "tỉnh"), ("12 binh sĩ", "binh sĩ"), ("3 máy bay", "máy bay"), ("bảy tỉnh", "tỉnh"),
     ("3 quả tên lửa", "tên lửa"), ("5 máy bay chiến đấu", "máy bay"), ("24 lá phiếu", "phiếu"),
     ("hơn 150 quân nhân", "quân nhân"), ("36 quả đạn cối", "đạn cối"), ("3 phía", "phía"), ("13 m", "m"),
     ("3 ngày", "ngày"), ("hơn 2.300.000 người dân", "người"), ("4.200 tỷ đồng", "VND"),
     ("7 hành lang nhân đạo", "hành lang"), ("bốn chiến đấu cơ", "chiến đấu cơ"), ("155 tỷ m3", "m3"),
     ("20 mét khối", "m3"), ("100 m2", "m2"), ("40 m3", "m3"), ("30 phòng thí nghiệm", "phòng thí nghiệm"),
     ("hai đề nghị", "đề nghị"), ("3 nghị quyết", "nghị quyết"), ("20 cây số", "km"), ("64 dặm", "mile")],
)
def test_the_counted_noun_after_a_figure_is_its_unit(text, unit):
    (q,) = find_quantities(f"Đã có {text} trong đợt này.", language="vi")
    assert q.unit == unit


def test_the_same_figure_in_digits_and_in_words_reads_the_same():
    assert figures("Mưa lũ ở 7 tỉnh.") == figures("Mưa lũ ở bảy tỉnh.") == [(7, "tỉnh", "exact")]


@pytest.mark.parametrize(
    ("text", "qualifier"),
    [("hơn 1,7 triệu người", "more_than"), ("ít nhất 11 người", "at_least"), ("khoảng 16.000 lính", "approx"),
     ("gần 150 nhà ngoại giao", "approx"), ("lên tới 20.000 người", "up_to"), ("dưới 10 người", "less_than"),
     ("trên dưới 100 người", "approx"), ("tầm 200 người", "approx"), ("ngót 300 người", "approx")],
)
def test_qualifiers(text, qualifier):
    (q,) = find_quantities(f"Theo ước tính, {text} bị ảnh hưởng.", language="vi")
    assert str(q.qualifier) == qualifier


def test_bare_den_is_to_not_up_to():
    (q,) = find_quantities("Bài viết đề cập đến 3 cái tên quen thuộc.", language="vi")
    assert (q.value, q.unit, str(q.qualifier)) == (3, "tên", "exact")


@pytest.mark.parametrize(
    "text",
    [
        "Bên thứ 3 không được can thiệp.",
        "Đây là lần thứ hai ông tới Hà Nội.",
        "Thứ nhất, chúng tôi phản đối.",
        "Máy bay Su-25 bị bắn rơi.",
        "Hệ thống S-400 được triển khai.",
        "Xe bọc thép BTR-80 bị phá hủy.",
        "Nghị quyết 2202 được thông qua.",
        "Lữ đoàn 36 đã rút lui.",
        "Tòa nhà số 14 đường Lenin bị trúng đạn.",
        "Vụ nổ xảy ra lúc 17 giờ.",
        "Thế vận hội năm 2014 diễn ra ở Sochi.",
        "Nền kỹ thuật 4.0 đang phát triển.",
        "Phụ lục 7 của Công ước quy định rõ.",
        "Hai bên đã ký thỏa thuận.",
        "Ông một lần nữa nhấn mạnh lập trường.",
        "Một là diễn tập có thực binh.",
        "Tỷ lệ thất nghiệp giảm.",
        "Nghị định 15/2022/NĐ-CP có hiệu lực.",
        "Quyết định số 1234/QĐ-TTg đã được ban hành.",
        "Mực nước sông Hồng vẫn dưới báo động 1.",
        "Bão có sức gió mạnh cấp 12, giật cấp 14.",  # levels on a scale
    ],
)
def test_ordinals_model_names_names_numbers_and_years_are_not_figures(text):
    assert find_quantities(text, language="vi") == []


def test_the_campaigns_day_count_is_a_figure():
    (q,) = find_quantities("Chiến dịch đã bước sang ngày thứ 12.", language="vi")
    assert q.value == 12


@pytest.mark.parametrize(
    ("text", "dates"),
    [
        ("Mưa lũ từ ngày 10 đến 14/9 làm nhiều nhà bị ngập.", ["--09-10", "--09-14"]),
        ("Mưa lũ 10-14/9 làm nhiều nhà bị ngập.", ["--09-10", "--09-14"]),
        ("Mưa lũ từ 10/9 đến 14/9 làm nhiều nhà bị ngập.", ["--09-10", "--09-14"]),
        ("Hội nghị diễn ra từ ngày 28 đến 30/12/2023.", ["2023-12-28", "2023-12-30"]),
        ("Mỹ nói cuộc tấn công sẽ bắt đầu vào ngày 16/2, 17/2, rồi lại đến 20/2.", ["--02-16", "--02-17", "--02-20"]),
    ],
)
def test_date_ranges_and_lists_give_every_date_and_no_figure(text, dates):
    assert [d.value for d in find_dates(text)] == dates
    assert find_quantities(text, language="vi") == []


def test_a_range_with_a_published_date_resolves_both_ends():
    import datetime as dt

    found = find_dates("Mưa lũ từ ngày 10 đến 14/9.", published=dt.date(2024, 9, 20))
    assert [d.value for d in found] == ["2024-09-10", "2024-09-14"]


def test_a_flood_report_reads_as_the_editor_reads_it():
    text = ("Theo báo cáo của Ban Chỉ đạo Trung ương về phòng chống thiên tai, hơn 2.300.000 người dân ở bảy tỉnh "
            "đã bị ảnh hưởng bởi mưa lũ từ ngày 10 đến 14/9.")
    (claim,) = extract_claims(text).claims
    assert claim.speaker == "Ban Chỉ đạo Trung ương về phòng chống thiên tai"
    assert [(q.value, q.unit, str(q.qualifier)) for q in claim.quantities] == [
        (2_300_000, "người", "more_than"), (7, "tỉnh", "exact")]
    assert [d.value for d in claim.dates] == ["--09-10", "--09-14"]
    # Reasons in the fact-checker's words: no tense or passive marker as an event, the hedge is not a comparison.
    assert not any(r in ("reports an event: đã", "reports an event: bị", "makes a comparison: hơn")
                   for r in claim.reasons)
    assert "names Ban Chỉ đạo Trung ương về phòng chống thiên tai" in claim.reasons


def test_english_figures_are_read_as_before():
    (q,) = find_quantities("More than two million people fled.", language="en")
    assert (q.value, str(q.qualifier)) == (2_000_000, "more_than")
    assert find_quantities("The vote was 95 to 24.", language="en")[0].unit is None


def test_a_day_and_month_written_with_a_dot_after_ngay_is_a_date():
    assert [d.value for d in find_dates("Phát biểu tại Hà Nội ngày 5.9, ông cho biết.")] == ["--09-05"]
    assert find_quantities("Phát biểu tại Hà Nội ngày 5.9, ông cho biết.", language="vi") == []
    assert [q.value for q in find_quantities("Mỗi ngày 1.5 triệu lượt khách", language="vi")] == [1_500_000]


def test_tren_between_two_numbers_is_out_of_not_more_than():
    found = find_quantities("Sở đã hoàn thành 8 trên 10 dự án.", language="vi")
    assert [(q.value, str(q.qualifier)) for q in found] == [(8, "exact"), (10, "exact")]


def test_dieu_the_verb_counts_and_dieu_the_article_of_a_law_names():
    assert [q.value for q in find_quantities("Quân đội điều 3 sư đoàn tới biên giới.", language="vi")] == [3]
    assert find_quantities("Theo Điều 5 Luật Đất đai, đất thuộc sở hữu toàn dân.", language="vi") == []


@pytest.mark.parametrize(
    ("text", "value", "qualifier"),
    [("Hơn chục người bị thương.", 10, "more_than"), ("Cả trăm người tụ tập.", 100, "approx"),
     ("Gần nghìn hộ dân phải sơ tán.", 1000, "approx")],
)
def test_a_scale_word_after_a_hedge_counts(text, value, qualifier):
    (q,) = find_quantities(text, language="vi")
    assert (q.value, str(q.qualifier)) == (value, qualifier)


def test_a_scale_word_after_a_hedge_counts_only_a_noun():
    assert find_quantities("Số người đi làm tăng hơn tỷ lệ sinh.", language="vi") == []


@pytest.mark.parametrize(("text", "value"), [("Có tới ba phần tư số hộ bị ảnh hưởng.", 0.75),
                                             ("Hai phần ba cử tri ủng hộ dự luật.", 2 / 3),
                                             ("Một phần năm diện tích lúa bị ngập.", 0.2)])
def test_a_fraction_in_words_is_one_figure(text, value):
    (claim,) = extract_claims(text).claims
    assert [round(q.value, 4) for q in claim.quantities] == [round(value, 4)]


@pytest.mark.parametrize(("text", "value", "unit"), [("Dự án dài 5km.", 5, "km"), ("Hơn 10ha lúa bị ngập.", 10, "ha"),
                                                     ("Mỗi bao nặng 3kg.", 3, "kg"),
                                                     ("Vé giá 25.000đồng.", 25000, "VND"),
                                                     ("Khoảng 2triệu người mất việc.", 2_000_000, "người")])
def test_a_unit_written_against_its_number_is_read(text, value, unit):
    assert [(q.value, q.unit) for q in find_quantities(text, language="vi")] == [(value, unit)]


@pytest.mark.parametrize("text", ["Chuyến bay cất cánh lúc 10h30.", "Hãng mua 20 chiếc A320neo.",
                                  "Mạng 5G phủ sóng toàn thành phố.", "Ca Covid-19 đầu tiên."])
def test_codes_and_clock_times_with_letters_stay_no_figure(text):
    assert [q.value for q in find_quantities(text, language="vi") if q.value in (10, 30, 320, 5, 19)] == []


@pytest.mark.parametrize("text", ["Tên lửa 3M22 Zircon đã được thử nghiệm.", "Khả năng thành công chỉ là 50/50.",
                                  "Cửa hàng mở cửa 24/24."])
def test_a_model_code_even_odds_and_every_hour_are_no_figure(text):
    assert find_quantities(text, language="vi") == []


@pytest.mark.parametrize(("text", "value"), [("Nhiệt độ có thể xuống tới -10 độ C vào ban đêm.", -10),
                                             ("Nhiệt độ ở Moskva xuống âm 15 độ.", -15),
                                             ("Temperatures in Kharkiv fell to minus 12 degrees.", -12),
                                             ("Nhiệt độ dao động 5 - 10 độ C.", 5)])
def test_a_temperature_below_zero_is_negative(text, value):
    assert [q.value for q in find_quantities(text)] == [value]


def test_a_space_lost_before_a_number_still_gives_the_figure_but_not_for_a_numbered_thing():
    assert [(q.value, q.unit) for q in find_quantities("Nga có141 máy bay bị bắn hạ.", language="vi")] == [
        (141, "máy bay")]
    assert find_quantities("Xe buýt số12 chạy qua. Tầng12 bị cháy. Lần thứ3 tăng giá.", language="vi") == []


@pytest.mark.parametrize(("text", "value", "unit"), [("Giá rau đã tăng gấp đôi so với tuần trước.", 2, "lần"),
                                                     ("Doanh thu tăng gấp rưỡi.", 1.5, "lần"),
                                                     ("Số ca mắc tăng gấp ba so với năm ngoái.", 3, "lần"),
                                                     ("Exports doubled last year.", 2, "times"),
                                                     ("The deficit tripled in a decade.", 3, "times")])
def test_a_multiple_in_words_is_a_figure(text, value, unit):
    assert [(q.value, q.unit) for q in find_quantities(text)] == [(value, unit)]


def test_a_multiple_in_words_is_read_once_and_urgency_is_no_figure():
    assert [(q.text, q.value) for q in find_quantities("Giá tăng gấp ba lần.", language="vi")] == [("ba lần", 3)]
    assert find_quantities("Ông nói gấp gáp rằng cần đi gấp.", language="vi") == []


@pytest.mark.parametrize(("text", "value", "unit"), [("Công ty bị phạt 2 tỷ 500 triệu đồng.", 2.5e9, "VND"),
                                                     ("Anh vay 1 triệu 500 nghìn đồng.", 1.5e6, "VND"),
                                                     ("Có 3 triệu 200 nghìn ca mắc.", 3.2e6, "ca"),
                                                     ("Khoảng 1 triệu rưỡi người đã sơ tán.", 1.5e6, "người")])
def test_an_amount_written_in_two_scales_or_with_a_half_is_one_figure(text, value, unit):
    assert [(q.value, q.unit) for q in find_quantities(text, language="vi")] == [(value, unit)]


def test_two_amounts_set_apart_by_a_comma_stay_two():
    assert [q.value for q in find_quantities("Có 2 tỷ, 500 triệu người.", language="vi")] == [2e9, 5e8]


def test_a_range_of_months_after_tu_is_no_date():
    (q,) = find_quantities("Cuộc chiến có thể kéo dài từ 5-7 tháng nữa.", language="vi")
    assert (q.value, q.high, q.unit) == (5, 7, "tháng")


def test_a_date_typed_without_diacritics_is_no_fraction():
    claim = extract_claims("Khoang 3 trieu nguoi da roi khoi Ukraine ke tu ngay 24/2.").claims[0]
    assert [q.value for q in claim.quantities] == [3_000_000]
    assert [d.text for d in claim.dates] == ["ngay 24/2"]
