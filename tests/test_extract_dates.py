"""Dates: Vietnamese day/month order, English forms, resolution against the publication date."""
import datetime as dt

import pytest

from claims import find_dates


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("Hội nghị khai mạc ngày 14/6.", "ngày 14/6", "--06-14"),
        ("Ông đến Hà Nội hôm 3/9.", "hôm 3/9", "--09-03"),
        ("Vụ cháy xảy ra rạng sáng 21-4.", "rạng sáng 21-4", "--04-21"),
        ("Tối 5/11, đoàn đã tới.", "Tối 5/11", "--11-05"),
        ("Sáng thứ Ba (16/7), hội nghị mở.", "Sáng thứ Ba (16/7)", "--07-16"),
        ("Luật có hiệu lực ngày 2 tháng 9.", "ngày 2 tháng 9", "--09-02"),
        ("Sinh ngày 12/10/1985 tại Huế.", "ngày 12/10/1985", "1985-10-12"),
        ("Từ tháng 6/2018 đến nay.", "tháng 6/2018", "2018-06"),
        ("Tốc độ tăng trưởng năm 2016 đạt 6%.", "năm 2016", "2016"),
        ("The law passed on June 5, 2021.", "June 5, 2021", "2021-06-05"),
        ("It opened on 14 July 2017.", "14 July 2017", "2017-07-14"),
        ("Sales fell in August 2020.", "August 2020", "2020-08"),
        ("Unemployment peaked in 2010.", "2010", "2010"),
        ("A deadline of Oct. 3 was set.", "Oct. 3", "--10-03"),
        # a month named in words, capitalised; a quarter's year
        ("Ngày 24 tháng Hai năm 2022, Nga mở chiến dịch.", "Ngày 24 tháng Hai năm 2022", "2022-02-24"),
        ("Trong tháng Mười Hai, giá điện tăng.", "tháng Mười Hai", "--12"),
        ("GDP quý II/2022 tăng 7,72%.", "2022", "2022"),
    ],
)
def test_date_span_and_value(text, span, value):
    assert _only_date(text) == (span, value)


def _only_date(text, published=None):
    """(span, value) of the one date found in `text`, after checking its offsets index the text."""
    (d,) = find_dates(text, published=published)
    assert text[d.start:d.end] == d.text
    return d.text, d.value


@pytest.mark.parametrize(
    ("text", "published", "value"),
    [
        ("hôm 3/9", dt.date(2023, 9, 10), "2023-09-03"),
        ("ngày 28/12", dt.date(2024, 1, 4), "2023-12-28"),
        ("on May 2", dt.date(2019, 6, 1), "2019-05-02"),
    ],
)
def test_day_and_month_resolve_against_publication_date(text, published, value):
    (d,) = find_dates(text, published=published)
    assert d.value == value


@pytest.mark.parametrize("text", ["2,3 triệu người", "tăng 45%", "giảm 2,5%", "1/4 dân số", "tỷ lệ 3/5",
                                  # a share of something after "tới" or "đến" in the middle of a sentence
                                  "Quân đội đã mất tới 1/3 lực lượng.", "Nga kiểm soát đến 2/3 lãnh thổ tỉnh này."])
def test_figures_are_never_dates(text):
    assert find_dates(text) == []


def test_a_number_before_tháng_and_a_name_are_no_month():
    assert find_dates("Anh Ba tháng trước đã về nước.") == []
    assert find_dates("Hai tháng nay giá xăng tăng liên tục.") == []


def test_a_date_opening_a_sentence_or_closing_a_span_stays_a_date():
    assert [d.value for d in find_dates("Đến 1/3 học sinh đi học trở lại.")] == ["--03-01"]
    assert [d.value for d in find_dates("Lệnh ngừng bắn có hiệu lực tới 1/3.")] == ["--03-01"]


def test_the_night_of_one_day_into_the_next_is_two_dates_and_no_figure():
    text = "Đêm 23 rạng sáng 24/2, Nga mở chiến dịch quân sự."
    assert [(d.text, d.value) for d in find_dates(text)] == [("Đêm 23", "--02-23"), ("rạng sáng 24/2", "--02-24")]


@pytest.mark.parametrize("text", ["ngày 31/2", "hôm 30/2", "ngày 12/13", "ngày 0/5", "tháng 13/2020"])
def test_impossible_dates_are_skipped(text):
    assert find_dates(text) == []


def test_lowercase_may_is_not_a_month():
    assert find_dates("prices may 5 times rise") == []


def test_offset_shifts_spans():
    (d,) = find_dates("vào ngày 9/4", offset=50)
    assert (d.start, d.end) == (54, 62)


PUBLISHED = dt.date(2022, 3, 9)


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("GDP tăng 8% so với năm ngoái.", "năm ngoái", "2021"),
        ("Năm nay xuất khẩu giảm.", "Năm nay", "2022"),
        ("Hôm qua, ông Peskov cho biết.", "Hôm qua", "2022-03-08"),
        ("Giá xăng tăng từ tháng trước.", "tháng trước", "2022-02"),
        ("Prices rose 5% last year.", "last year", "2021"),
        ("Yesterday the minister resigned.", "Yesterday", "2022-03-08"),
        ("The plan starts next month.", "next month", "2022-04"),
    ],
)
def test_relative_dates_resolve_against_publication_date(text, span, value):
    assert _only_date(text, PUBLISHED) == (span, value)


def test_relative_dates_need_a_publication_date():
    assert find_dates("GDP tăng 8% so với năm ngoái.") == []


@pytest.mark.parametrize("text", ["Cách đây 3 tháng trước giá đã tăng.", "Giá sẽ tăng trong hai năm tới.",
                                  "Over the next two years, prices rose.", "năm ngoáiii", "Hôm quay lại"])
def test_a_length_of_time_is_not_a_relative_date(text):
    assert find_dates(text, published=PUBLISHED) == []


@pytest.mark.parametrize(
    ("text", "span", "with_date", "without_date"),
    [
        ("Trong tháng 3, hơn 1,7 triệu người rời đi.", "tháng 3", "2022-03", "--03"),
        ("Tháng 11 giá vàng tăng.", "Tháng 11", "2021-11", "--11"),
        ("Doanh thu tháng 12 năm ngoái đạt 5 tỷ.", "tháng 12 năm ngoái", "2021-12", "--12"),
        ("In March, the plan was approved.", "March", "2022-03", "--03"),
        ("He said in May that prices fell.", "May", "2021-05", "--05"),
    ],
)
def test_a_month_without_its_year(text, span, with_date, without_date):
    assert _only_date(text, PUBLISHED) == (span, with_date)
    assert _only_date(text) == (span, without_date)


def test_a_month_count_is_not_a_month():
    assert find_dates("Sau 3 tháng, giá tăng.", published=PUBLISHED) == []
    assert find_dates("May I ask about prices?", published=PUBLISHED) == []


@pytest.mark.parametrize("text", [
    "Nhập khẩu vũ khí giai đoạn 1995-2021 tăng 80%.",
    "Kế hoạch 2021 – 2025 có 15 mục tiêu.",
    "Thời kỳ từ năm 2001 đến năm 2010, GDP tăng 7%.",
    "The 2016-2020 plan set 15 goals.",
])
def test_a_period_of_years_is_two_years_and_no_figure(text):
    from claims import extract_claims

    (claim,) = extract_claims(text).claims
    years = [d.value for d in claim.dates]
    assert len(years) == 2 and years[0] < years[1]
    assert all(q.value < 1000 for q in claim.quantities)


@pytest.mark.parametrize("text", ["Tỷ số là 2019-2018 nghiêng về đội khách.", "Số ca tăng từ 1995 lên 2021 ca."])
def test_two_numbers_that_are_no_period_stay_figures(text):
    assert not find_dates(text)
