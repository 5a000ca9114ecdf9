"""Speakers: attribution verbs, "theo X", quotes with attribution, and names resolved across an article."""
import pytest

from claims import extract_claims
from claims.speakers import find_speakers


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("Bộ trưởng Tài chính Hồ Đức Phớc cho biết ngân sách đã cân đối.", "Hồ Đức Phớc"),
        ("Thủ tướng Nhật Bản Fumio Kishida tuyên bố sẽ tăng chi tiêu.", "Fumio Kishida"),
        ("Ngoại trưởng Pháp Jean Dupont khẳng định Paris ủng hộ thỏa thuận.", "Jean Dupont"),
        ("Giám đốc sở Nguyễn Thị Hoa xác nhận, 12 trường đã đóng cửa.", "Nguyễn Thị Hoa"),
        ("Bà Trần Mai Anh nhấn mạnh việc kiểm tra là bắt buộc.", "Trần Mai Anh"),
        ("Ông Lê Minh Tuấn nói với VnExpress rằng dự án chậm tiến độ.", "Lê Minh Tuấn"),
        ("Theo Tổng cục Thống kê, GDP tăng 5%.", "Tổng cục Thống kê"),
        ("Một nhà ngoại giao giấu tên cảnh báo về nguy cơ xung đột.", "Một nhà ngoại giao giấu tên"),
        ("Senator Maria Lopez said the program cost $2 billion.", "Maria Lopez"),
        ("Prices rose 4 percent, according to the Labor Department.", "Labor Department"),
        ('"We will not back down," said Governor Alan Price.', "Alan Price"),
        ("Acme Corp told investors that sales fell.", "Acme Corp"),
        # "claims" before a clause attributes; the noun does not
        ("Kyiv claims its troops have retaken 20 villages.", "Kyiv"),
        ("Moscow claims to have shot down 12 drones.", "Moscow"),
        # a verb closing the sentence, a day after it
        ("About 300 people were in the building, local officials believe.", "local officials"),
        ("Exports fell by 20%, the trade ministry estimated on Friday.", "trade ministry"),
    ],
)
def test_speaker_of_an_attributed_sentence(sentence, speaker):
    assert find_speakers([sentence]) == [speaker]


def test_appositive_between_name_and_verb_is_skipped():
    sentence = "Anna Berg, cố vấn của Thủ tướng Thụy Điển, cho biết đàm phán sẽ tiếp tục."
    assert find_speakers([sentence]) == ["Anna Berg"]


def test_surname_and_pronoun_resolve_to_the_full_name_introduced_earlier():
    article = [
        "Người phát ngôn Bộ Ngoại giao Trung Quốc Lý Kiến Bình hôm 4/5 cho biết Bắc Kinh phản đối.",
        "Trả lời báo chí, ông Bình nói rằng lập trường không thay đổi.",
        "Ông cũng khẳng định hai bên vẫn đối thoại.",
        '"Chúng tôi luôn sẵn sàng," ông nói.',
    ]
    assert find_speakers(article) == ["Lý Kiến Bình"] * 4


def test_role_mentioned_again_without_name_resolves_to_that_person():
    article = [
        "Người phát ngôn Nhà Trắng Karen Dale cho biết tổng thống sẽ tới Hà Nội.",
        '"Chuyến đi đã được chuẩn bị kỹ" - người phát ngôn Nhà Trắng cho biết.',
    ]
    assert find_speakers(article) == ["Karen Dale", "Karen Dale"]


def test_bare_pronoun_without_anyone_introduced_has_no_speaker():
    assert find_speakers(["Ông nói rằng mọi việc ổn."]) == [None]


@pytest.mark.parametrize(
    "sentence",
    [
        "Đây là tuyên bố mạnh mẽ nhất từ trước tới nay.",
        "Theo kế hoạch, công trình hoàn thành vào cuối năm.",
        "Giá lúa tăng 3% so với tháng trước.",
        "I said that we would win.",
        '"Tôi sẽ nói sau," là câu trả lời.',
        "The claims that 300 people died were false.",
    ],
)
def test_sentence_without_a_named_source_has_no_speaker(sentence):
    assert find_speakers([sentence]) == [None]


def test_extract_claims_fills_speaker_per_claim():
    text = "Chủ tịch Tập đoàn ABC Phan Văn Kiên cho biết lợi nhuận tăng 20%. Ông nói thêm rằng năm sau sẽ tốt hơn."
    claims = extract_claims(text).claims
    assert [c.speaker for c in claims] == ["Phan Văn Kiên", "Phan Văn Kiên"]


def test_bare_surname_resolves_to_the_full_name_introduced_earlier():
    article = ["Central bank governor Ana Ruiz told lawmakers that rates would stay.", "Ruiz said prices were falling."]
    assert find_speakers(article) == ["Ana Ruiz", "Ana Ruiz"]


def test_attribution_after_the_fact_names_the_source_not_the_subject():
    sentence = "The economy added 120,000 jobs in May, the statistics office said."
    assert find_speakers([sentence]) == ["statistics office"]


@pytest.mark.parametrize(("sentence", "speaker"), [
    ("Mariupol mayor Vadym Boychenko was quoted by AP as saying that about 100,000 people remained trapped.",
     "Vadym Boychenko"),
    ("About a quarter of Ukraine's population have been forced from their homes, the United Nations estimates.",
     "United Nations"),
    ("US officials estimate that Russia massed up to 190,000 troops near the border.", "US officials"),
    ("More than half of the army's tanks have been destroyed, the report claims.", "report"),
    ("In a statement posted on its website, China's foreign ministry urged all sides to exercise restraint.",
     "China's foreign ministry"),
])
def test_a_person_quoted_in_the_passive_an_estimate_and_an_appeal_name_who_speaks(sentence, speaker):
    assert find_speakers([sentence]) == [speaker]


@pytest.mark.parametrize(("sentence", "speaker"), [
    ("Western intelligence officials say a third of Russia's invasion force has been lost.",
     "Western intelligence officials"),
    ("Beijing rejected the accusations as \"disinformation\".", "Beijing"),
    ("The ministry dismissed the reports of a second mobilisation.", "ministry"),
    ("The World Bank now expects Ukraine's output to fall by 45%.", "World Bank"),  # a forecast, "now" left off
    ("Nobody predicted a war of this length.", None),
    ("The senate rejected the bill by 52 votes to 48.", None),  # an act, not a statement
    ("The coach dismissed two players after the match.", None),
    ("Farmers have no say in how the grain is shipped.", None),
    # calling something something, and an appeal, speak; a telephone call and a name do not
    ("Hungarian Prime Minister Viktor Orban called the oil embargo a nuclear bomb for the economy.", "Viktor Orban"),
    ("Kuleba called the massacre \"a deliberate slaughter\".", "Kuleba"),
    ("Macron called on Moscow to withdraw its troops.", "Macron"),
    ("The UN called for an immediate ceasefire.", "UN"),
    ("Zelensky called Macron on Tuesday to discuss the talks.", None),
    ("They live in a town called Bucha.", None),
    # a poll named by its body, and who spoke to an outlet
    ("Some 60% of Germans back sending heavy weapons to Ukraine, a ZDF poll showed.", "ZDF"),
    ("According to a senior US official speaking to CNN, Russia has fired 1,100 missiles.", "a senior US official"),
    ("Inflation in the euro zone hit a record 7.5% in March, Eurostat data showed.", "Eurostat"),
    ("A senior European official, who asked not to be named, said the embargo would be phased in.",
     "A senior European official"),
    ("Official figures showed inflation at 7%.", None),
    # the source closing the sentence, whatever verb stands before it
    ("Western countries have pledged a total of 78 billion euros to Ukraine, the Kiel Institute estimates.",
     "Kiel Institute"),
    ("Officials in Moscow have accused Kyiv of shelling a border village.", "Officials in Moscow"),
    ("A man accused of spying was arrested in Kyiv.", None),
    ("Moscow and Kyiv have accused each other of shelling the plant.", None),
    # "the company said" after the sentence opened with the company's name; a sentence opening with no name
    ("Russian Railways raised fares by 5%, the company said.", "Russian Railways"),
    ("OPEC cut output by 2 million barrels a day, the group said.", "OPEC"),
    ("Prices rose 5% in March, the ministry said.", "ministry"),
    # a company described between commas; a body's data "released on Wednesday"
    ("Naftogaz, Ukraine's state energy company, said on Friday it had received gas from Europe.", "Naftogaz"),
    ("Eurostat data released on Wednesday showed inflation eased to 10% in November.", "Eurostat"),
    ("Satellite images from Maxar Technologies show a 40-mile convoy north of Kyiv.", "Maxar Technologies"),
    ("\"We will rebuild every city,\" Zelensky pledged in his nightly address.", "Zelensky"),
    # a spokesperson for a body with a long name, and a body's data named in small letters
    ("A spokeswoman for the Russian defence ministry said 14 depots were destroyed.",
     "A spokeswoman for the Russian defence ministry"),
    ("Wheat exports fell by half in March, agriculture ministry data showed.", "agriculture ministry"),
])
def test_officials_say_and_a_denial_attribute_but_acts_do_not(sentence, speaker):
    assert find_speakers([sentence]) == [speaker]


def test_a_person_named_without_speaking_is_whom_a_title_refers_to_next():
    found = _said("Polish President Andrzej Duda met Joe Biden in Warsaw on Saturday. "
                  "The Polish leader added that 3 million refugees had crossed into Poland. "
                  "A presidential aide said the talks had gone well.")
    assert found == [(None, None), ("Andrzej Duda", "Polish President"), ("A presidential aide", None)]


def _said(text: str) -> list[tuple[str | None, str | None]]:
    return [(c.speaker, c.speaker_role) for c in extract_claims(text).claims]


@pytest.mark.parametrize(("sentence", "speaker", "role"), [
    ("Polish Prime Minister Mateusz Morawiecki said Poland had taken in 1.5 million refugees.", "Mateusz Morawiecki",
     "Polish Prime Minister"),
    ("Dmitry Peskov, the Kremlin spokesman, said Moscow had no plans for a general mobilisation.", "Dmitry Peskov",
     "Kremlin spokesman"),
    ("At least 21 people were killed in Kharkiv, regional governor Oleh Synehubov said.", "Oleh Synehubov",
     "regional governor"),
    # an aside of manner between the speaker and the verb; what follows the verb is no speaker
    ("A senior US defense official, speaking on condition of anonymity, said Russia had fired more than 1,000 "
     "missiles.", "A senior US defense official", None),
    ("The World Bank estimates that Ukraine's economy will shrink by 45.1% this year.", "World Bank", None),
    # said after a quotation, then the speaker and their title
    ('"We are ready to talk," said Mykhailo Podolyak, an adviser to the Ukrainian president.', "Mykhailo Podolyak",
     "adviser to the Ukrainian president"),
    # an age between commas; what follows "said" is never the speaker unless a quotation stands before it
    ("John Smith, 45, said the shelling began at dawn.", "John Smith", None),
    ("Reuters reported that the central bank had spent $1.2 billion.", "Reuters", None),
    ("Russia has lost about 15,000 troops, NATO officials estimated.", "NATO officials", None),
    ("Prices rose 3 percent in February, according to a statement from the statistics office.", "statistics office",
     None),
    ("The president's approval rating rose to 83%, a poll by the Levada Center showed.", "Levada Center", None),
    # the title first, then the person between commas
    ("Poland's president, Andrzej Duda, said his country would not send jets.", "Andrzej Duda", "Poland's president"),
    ("The mayor of Kharkiv, Ihor Terekhov, told reporters the city was shelled.", "Ihor Terekhov", "mayor of Kharkiv"),
    ("A study of 2,000 patients found the drug cut deaths by half.", None, None),
])
def test_english_speakers_keep_the_title_they_were_introduced_with(sentence, speaker, role):
    assert _said(sentence) == [(speaker, role)]


def test_a_title_given_once_stays_with_the_person_through_the_article():
    text = ("Dmitry Peskov, the Kremlin spokesman, said Moscow had no plans. "
            "Peskov later told reporters that talks would go on.")
    assert _said(text) == [("Dmitry Peskov", "Kremlin spokesman")] * 2
