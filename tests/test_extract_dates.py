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
    ],
)
def test_date_span_and_value(text, span, value):
    (d,) = find_dates(text)
    assert (d.text, d.value) == (span, value)
    assert text[d.start:d.end] == d.text


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


@pytest.mark.parametrize("text", ["2,3 triệu người", "tăng 45%", "giảm 2,5%", "1/4 dân số", "tỷ lệ 3/5"])
def test_figures_are_never_dates(text):
    assert find_dates(text) == []


@pytest.mark.parametrize("text", ["ngày 31/2", "hôm 30/2", "ngày 12/13", "ngày 0/5", "tháng 13/2020"])
def test_impossible_dates_are_skipped(text):
    assert find_dates(text) == []


def test_lowercase_may_is_not_a_month():
    assert find_dates("prices may 5 times rise") == []


def test_offset_shifts_spans():
    (d,) = find_dates("vào ngày 9/4", offset=50)
    assert (d.start, d.end) == (54, 62)
