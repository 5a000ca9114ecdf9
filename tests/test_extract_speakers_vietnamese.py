"""Vietnamese attribution as an editor reads it: the speaker's whole name, the title beside it, every common shape."""
import pytest

from claims import extract_claims
from claims.speakers import read_speakers


def speakers(*sentences: str) -> list[tuple[str | None, str | None]]:
    return [(a.name, a.role) if a else (None, None) for a in read_speakers(list(sentences), "vi")]


@pytest.mark.parametrize(
    ("sentence", "name", "role"),
    [
        # Ông/Bà X, <chức vụ of any length>, <verb>
        ("Ông Trịnh Văn Lực, Phó Trưởng ban Chỉ đạo Trung ương về phòng chống thiên tai, cho biết thiệt hại ước "
         "tính khoảng 4.200 tỷ đồng.", "Trịnh Văn Lực", "Phó Trưởng ban Chỉ đạo Trung ương về phòng chống thiên tai"),
        ("Bà Đào Thị Hạnh, Giám đốc Sở Nông nghiệp tỉnh Nam Định, khẳng định 300 ha lúa bị ngập.",
         "Đào Thị Hạnh", "Giám đốc Sở Nông nghiệp tỉnh Nam Định"),
        ("Ông Kiều Minh Sơn, chủ tịch xã, nhấn mạnh mọi hộ dân đã được sơ tán.", "Kiều Minh Sơn", "chủ tịch xã"),
        ("Bà Lò Thị Sen, trưởng bản, cho hay nước đã rút.", "Lò Thị Sen", "trưởng bản"),
        ("Ông Hans Keller, người đứng đầu phái đoàn châu Âu, tuyên bố viện trợ sẽ tăng gấp đôi.", "Hans Keller",
         "đứng đầu phái đoàn châu Âu"),
        # <chức vụ> X <verb>
        ("Thứ trưởng Bộ Y tế Tạ Quang Vinh xác nhận 12 ca tử vong.", "Tạ Quang Vinh", "Thứ trưởng Bộ Y tế"),
        ("Giám đốc Sở Y tế Quảng Trị Lý Thu Hà cho biết 20 trạm y tế bị hư hỏng.", "Lý Thu Hà",
         "Giám đốc Sở Y tế Quảng Trị"),
        # <chức vụ>, ông X, <verb>
        ("Thị trưởng thành phố cảng Odessa, ông Pavel Orlov, cho phóng viên biết 40 tàu đang chờ.", "Pavel Orlov",
         "Thị trưởng thành phố cảng Odessa"),
        # X nói với Reuters / phóng viên; trả lời phỏng vấn; X viết trên Telegram
        ("Nhà kinh tế học Ingrid Solberg nói với Reuters rằng lạm phát đã chạm đỉnh.", "Ingrid Solberg",
         "Nhà kinh tế học"),
        ("Đại diện công ty Hòa Phát trả lời phỏng vấn rằng nhà máy vẫn hoạt động.", "Đại diện công ty Hòa Phát",
         None),
        ("Cựu thủ tướng Anton Varga viết trên Telegram rằng cuộc bầu cử bị gian lận.", "Anton Varga",
         "Cựu thủ tướng"),
        # organisations and offices that speak; roles without a name
        ("Bộ Quốc phòng Nga thông báo 5 máy bay đã bị bắn rơi.", "Bộ Quốc phòng Nga", None),
        ("Một quan chức Mỹ giấu tên cho biết hai bên đã gặp nhau.", "Một quan chức Mỹ giấu tên", None),
        ("Hãng tin AP đưa tin 30 người mất tích.", "AP", "Hãng tin"),
        # Theo X, … / …, theo X. / theo báo cáo của X
        ("Theo Tổng cục Thống kê, GDP quý III tăng 7,4%.", "Tổng cục Thống kê", None),
        ("Mực nước đã vượt báo động 3, theo Đài Khí tượng Thủy văn tỉnh.", "Đài Khí tượng Thủy văn tỉnh", None),
        ("Theo báo cáo của Ban Chỉ đạo Trung ương về phòng chống thiên tai, bảy tỉnh bị ảnh hưởng.",
         "Ban Chỉ đạo Trung ương về phòng chống thiên tai", None),
        ("Theo thông báo của Sở Giao thông vận tải, 14 tuyến đường bị sạt lở.", "Sở Giao thông vận tải", None),
        ("Theo ông Ngô Bảo Châu, nguyên Viện trưởng Viện Toán học, 40% sinh viên bỏ học.", "Ngô Bảo Châu",
         "nguyên Viện trưởng Viện Toán học"),
        ("Nhà Trắng ra thông báo cho biết chuyến thăm kéo dài 2 ngày.", "Nhà Trắng", None),
        # dẫn lời X
        ("Hãng tin Interfax dẫn lời Thứ trưởng Ngoại giao Oleg Sirin cho biết đàm phán sẽ tiếp tục.", "Oleg Sirin",
         "Thứ trưởng Ngoại giao"),
    ],
)
def test_speaker_and_role_of_one_sentence(sentence, name, role):
    assert speakers(sentence) == [(name, role)]


@pytest.mark.parametrize(
    "sentence",
    [
        "Theo đó, người dân được hỗ trợ 2 triệu đồng mỗi hộ.",
        "Theo kế hoạch, cây cầu sẽ thông xe vào tháng 12.",
        "Theo thông lệ, lễ hội diễn ra vào mùng 10 tháng Giêng.",
        "Theo giờ địa phương, vụ nổ xảy ra lúc 3 giờ sáng.",
        "Ông Đặng Văn Tùng đã dẫn đoàn cứu hộ vào bản lúc nửa đêm.",  # acts, does not speak
        "Bộ Ngoại giao chưa bình luận về thông tin này.",  # declines to speak
        "Đây là bài viết của một độc giả.",
        "Tôi cho rằng quyết định này là đúng.",
        "(Theo Reuters)",
        "Minh Anh (Theo Reuters, AFP)",
        "Theo dự báo, bão sẽ đổ bộ vào đêm nay.",
        "Theo ghi nhận, giá vàng miếng chiều 8/3 ở mức 74,5 triệu đồng/lượng.",
        "Ông Biden đã gọi điện cho ông Zelensky vào tối 15/3.",
        "Khu vực này thường được gọi là mặt trận Melovoe.",
        "Con số này phản ánh sự suy giảm của nền kinh tế.",
        "Cảnh sát đã xác định được danh tính nghi phạm.",
    ],
)
def test_sentences_where_nobody_speaks_have_no_speaker(sentence):
    assert speakers(sentence) == [(None, None)]


def test_quotation_followed_by_ong_x_noi_names_the_whole_name_introduced_before():
    found = speakers(
        "Người phát ngôn Bộ Ngoại giao Phạm Thu Hằng hôm 4/5 cho biết Hà Nội phản đối.",
        '"Chúng tôi luôn sẵn sàng đối thoại", bà Hằng nói.',
        "“Mọi hành động đơn phương đều vô giá trị” - Phạm Thu Hằng cho biết.",
    )
    assert [name for name, _ in found] == ["Phạm Thu Hằng"] * 3
    assert found[1][1] == "Người phát ngôn Bộ Ngoại giao"  # the role she was introduced with


def test_back_references_by_pronoun_demonstrative_and_title_resolve_to_the_person():
    found = speakers(
        "Ngoại trưởng Ba Lan Tomasz Nowak cho biết Warsaw sẽ gửi thêm 200 binh sĩ.",
        "Ông nói thêm rằng quyết định đã được nội các thông qua.",
        "Theo ông này, khoản viện trợ sẽ được giải ngân trong tháng tới.",
        "Ngoại trưởng Ba Lan cũng kêu gọi các nước láng giềng hành động.",
        "Nowak đã nêu đích danh ba công ty vi phạm lệnh cấm vận.",
    )
    assert [name for name, _ in found] == ["Tomasz Nowak"] * 5
    # "Nữ phát ngôn viên" after a spokeswoman; speaking out "về sự việc" says nothing, but names who "ông" is next
    found = speakers("Người phát ngôn Bộ Ngoại giao Nga Maria Zakharova chỉ trích phương Tây.",
                     "Nữ phát ngôn viên cho rằng các video được đăng tải 4 ngày sau đó.",
                     "Phó Chủ tịch Hội đồng An ninh Nga Dmitry Medvedev cũng lên tiếng về sự việc.",
                     "Ông khẳng định Moskva sẽ đáp trả.")
    assert [name for name, _ in found] == ["Maria Zakharova", "Maria Zakharova", None, "Dmitry Medvedev"]
    # a name after "gặp với" is not whom a later "ông" refers to
    found = speakers("Ngoại trưởng Nga Sergei Lavrov đã tới Ankara.",
                     "Tại cuộc gặp với Ngoại trưởng Thổ Nhĩ Kỳ Mevlut Cavusoglu, ông cho biết Nga sẵn sàng đàm phán.")
    assert found[1][0] == "Sergei Lavrov"


def test_a_family_name_spelled_differently_and_a_name_given_only_later_are_whole():
    found = speakers(
        "Tổng thống Aleksandr Volkovskyy phát biểu tại hội nghị.",
        "Volkovsky nói rằng đất nước cần thêm thời gian.",
        '"Chúng tôi sẽ không lùi bước", ông Morozov viết trên Telegram.',
        "Cựu Bộ trưởng Quốc phòng Igor Morozov.",
    )
    assert found[1][0] == "Aleksandr Volkovskyy"
    assert found[2][0] == "Igor Morozov"


def test_sentences_inside_a_quotation_take_its_speaker():
    found = speakers(
        "Thủ tướng Lena Berg nói: “Chúng tôi đã chuẩn bị kỹ.",
        "Mọi phương án đều được tính đến.",
        "Người dân không phải lo lắng”.",
        "Giá xăng tăng 3% trong tháng 5.",
    )
    assert [name for name, _ in found] == ["Lena Berg", "Lena Berg", "Lena Berg", None]


def test_a_sentence_that_is_one_quotation_follows_its_attributed_neighbour():
    found = speakers(
        "Bộ trưởng Tài chính Vũ Hoàng Nam cho biết thêm rằng thâm hụt đã giảm.",
        "“Chúng tôi đang làm việc với các ngân hàng để giảm lãi suất”.",
    )
    assert [name for name, _ in found] == ["Vũ Hoàng Nam", "Vũ Hoàng Nam"]


def test_extract_claims_and_its_json_carry_the_role_beside_the_speaker():
    from claims.contract import claim_to_json

    text = "Người phát ngôn Điện Kremlin Dmitry Peskov hôm 7/3 cho biết Nga sẵn sàng ngừng bắn."
    (claim,) = extract_claims(text).claims
    assert (claim.speaker, claim.speaker_role) == ("Dmitry Peskov", "Người phát ngôn Điện Kremlin")
    shown = claim_to_json(claim)
    assert shown["speaker"] == "Dmitry Peskov" and shown["speaker_role"] == "Người phát ngôn Điện Kremlin"


def test_reasons_name_the_whole_name_not_its_first_syllable():
    text = ("Bà Lê Thị Mai, Giám đốc Sở Y tế Quảng Trị, cho biết 12 bệnh viện bị ngập. "
            '"Chúng tôi đã sơ tán hết bệnh nhân", bà Mai nói.')
    first, second = extract_claims(text).claims
    assert "names Lê Thị Mai" in first.reasons and "attributed to Lê Thị Mai" in first.reasons
    assert "names Lê Thị Mai" in second.reasons
    assert not any(r in ("names Lê", "names Mai") for c in (first, second) for r in c.reasons)


def test_english_attribution_still_works_in_an_english_article():
    found = read_speakers(["Central bank governor Ana Ruiz told lawmakers that rates would stay.",
                           "Ruiz said prices were falling.",
                           "Prices rose 4 percent, according to the Labor Department."], "en")
    assert [a.name if a else None for a in found] == ["Ana Ruiz", "Ana Ruiz", "Labor Department"]


def test_a_quotation_closed_in_a_later_sentence_takes_the_speaker_named_after_it():
    found = speakers(
        '"Một tấm ảnh được dựng từ trò chơi điện tử.',
        'Và giờ là thêm một câu chuyện nữa", ông Ivanov, người hiện là Phó Chủ tịch Thượng viện, viết trên '
        "Telegram hôm 4/4.",
        "Cựu Thủ tướng Sergei Ivanov.",
    )
    assert [name for name, _ in found[:2]] == ["Sergei Ivanov", "Sergei Ivanov"]
    assert found[1][1] == "Phó Chủ tịch Thượng viện"


def test_a_title_said_again_with_a_country_names_the_person_introduced_with_the_title_alone():
    found = speakers("Tổng thống Jean Morel đã nêu rõ lập trường của Pháp.",
                     'Tổng thống Pháp nhấn mạnh: "Chúng tôi không thay đổi".')
    assert found[1] == ("Jean Morel", "Tổng thống Pháp")


def test_a_bodys_statement_quoted_then_named():
    (found,) = speakers('"Lực lượng cứu hộ đã tiếp cận hiện trường", thông báo của Bộ Quốc phòng Ba Lan có đoạn.')
    assert found == ("Bộ Quốc phòng Ba Lan", None)


def test_a_place_between_the_speaker_and_the_verb_is_an_aside():
    (found,) = speakers("Quan chức địa phương tỉnh Quảng Bình, miền Trung Việt Nam, hôm nay cho biết 3 người mất tích.")
    assert found == ("Quan chức địa phương tỉnh Quảng Bình", None)


def test_the_sentence_after_theo_ong_x_is_not_his_title():
    found = speakers("Bà Hồ Thị Lan, Giám đốc Sở Tài chính, cho biết ngân sách đủ chi.",
                     "Theo bà Lan, khoảng 70% kinh phí sẽ dùng để sửa đường.")
    assert found[1] == ("Hồ Thị Lan", "Giám đốc Sở Tài chính")


def test_a_body_that_estimates_speaks():
    (found,) = speakers("Ngân hàng Thế giới (WB) ước tính thiệt hại lên tới 1 tỷ USD mỗi năm.")
    assert found == ("Ngân hàng Thế giới", None)


@pytest.mark.parametrize(
    ("sentence", "name", "role"),
    [
        ("Ông Vũ Đức Đam: Tôi cho rằng chúng ta đã kiểm soát được dịch.", "Vũ Đức Đam", None),
        ("Báo cáo của Bộ Tài chính cho thấy nợ công giảm xuống 37% GDP.", "Bộ Tài chính", None),
        ("Ông Lê Văn Tám (45 tuổi, trú tại xã Hòa Bình) kể nước lên rất nhanh.", "Lê Văn Tám", None),
        ("Ông Hoàng Văn Cường, Phó Hiệu trưởng Trường Đại học Kinh tế Quốc dân, đại biểu Quốc hội, cho rằng cần "
         "tăng lương.", "Hoàng Văn Cường",
         "Phó Hiệu trưởng Trường Đại học Kinh tế Quốc dân, đại biểu Quốc hội"),
    ],
)
def test_interviews_reports_and_several_titles(sentence, name, role):
    assert speakers(sentence) == [(name, role)]


@pytest.mark.parametrize("sentence", ["PV: Ông đánh giá thế nào về tình hình?", "Hà Nội: Mưa lớn gây ngập.",
                                      "Kể từ năm 2020, giá nhà đã tăng gấp đôi.",
                                      "Có ý kiến cho rằng việc giảm thuế sẽ kéo giá xăng xuống.",
                                      "Người ta cho rằng đây là đợt rét đậm nhất trong 10 năm."])
def test_a_question_a_dateline_ke_tu_and_an_unnamed_view_have_no_speaker(sentence):
    assert speakers(sentence) == [(None, None)]


def test_a_particular_office_is_not_a_reference_back_to_the_last_person():
    found = speakers("Tổng thống Nga Vladimir Putin xác nhận một tướng tử trận.",
                     "Quan chức địa phương thành phố Sumy hôm nay cho biết 10 người thiệt mạng.")
    assert found[1][0] == "Quan chức địa phương thành phố Sumy"


def test_passage_tags_name_people_whole_and_without_their_title():
    from claims.passage import claim_names

    names = claim_names("Ông Nguyễn Văn Hùng, Phó Trưởng ban Chỉ đạo, cho biết thiệt hại khoảng 4.200 tỷ đồng.")
    assert names[0] == "Nguyễn Văn Hùng"
    assert not any(n in ("Nguyễn", "Ông Nguyễn Văn Hùng Phó Trưởng") for n in names)


def test_the_clause_after_theo_a_role_is_not_taken_for_the_speaker():
    assert speakers("Theo lãnh đạo Sở Y tế, bệnh viện đã quá tải.") == [("lãnh đạo Sở Y tế", None)]


def test_thong_tin_them_attributes():
    found = speakers("Ông Nguyễn Văn Phú cho biết nước đã rút.",
                     "Ông Phú thông tin thêm, huyện đã hỗ trợ 500 triệu đồng.")
    assert [name for name, _ in found] == ["Nguyễn Văn Phú"] * 2


@pytest.mark.parametrize(
    ("sentence", "name", "role"),
    [
        # bodies whose names carry lower-case syllables or a second capital ("Công an", "Công Thương")
        ("Bộ Công an cho biết đã bắt giữ 15 đối tượng.", "Bộ Công an", None),
        ("Bộ Công Thương cho biết giá xăng tăng 1.200 đồng mỗi lít.", "Bộ Công Thương", None),
        ("Theo số liệu của Cục Hàng không, sản lượng khách đạt 3,5 triệu lượt.", "Cục Hàng không", None),
        ("Tổng công ty Hàng không Việt Nam cho hay hãng đã hủy 24 chuyến bay.", "Tổng công ty Hàng không Việt Nam",
         None),
        # official names with a comma or a dash inside
        ("Bộ Văn hóa, Thể thao và Du lịch cho biết có 8 di tích bị xuống cấp.", "Bộ Văn hóa, Thể thao và Du lịch",
         None),
        ("Bà Đào Ngọc Dung, Bộ trưởng Bộ Lao động - Thương binh và Xã hội, cho biết 5.000 hồ sơ đã được duyệt.",
         "Đào Ngọc Dung", "Bộ trưởng Bộ Lao động - Thương binh và Xã hội"),
        ("Đài Phát thanh - Truyền hình Hà Nội đưa tin có 3 người bị thương.", "Đài Phát thanh - Truyền hình Hà Nội",
         None),
        ("Quân chủng Phòng không - Không quân cho biết đã bắn hạ 2 máy bay.", "Quân chủng Phòng không - Không quân",
         None),
        # a body whose name ends in a word that elsewhere makes a noun ("bản tin")
        ("Cơ quan Khí tượng Nhật Bản dự báo nhiệt độ có thể lên tới 40 độ C.", "Cơ quan Khí tượng Nhật Bản", None),
        # after "Theo", a title beside the name in brackets or as its own chunk joins the role; a photo's mark does not
        ("Theo Thiếu tướng Igor Konashenkov, người phát ngôn Bộ Quốc phòng Nga, quân Nga đã phá hủy 12 xe tăng.",
         "Igor Konashenkov", "Thiếu tướng, người phát ngôn Bộ Quốc phòng Nga"),
        ("Theo bà Lê Thị Bình (Phó Chủ tịch UBND tỉnh), có 300 hộ bị ảnh hưởng.", "Lê Thị Bình",
         "Phó Chủ tịch UBND tỉnh"),
        ("Theo ông Putin (ảnh), Nga có 3 điều kiện.", "Putin", None),
        # a clause before the speaker is what was said, not the speaker's title
        ("Văn hóa, thể thao là hai lĩnh vực lớn nhất, ông Nam nói.", "Nam", None),
        # a role at a body, with no person's name
        ("Lãnh đạo Sở Giao thông Vận tải TP HCM cho hay 2 tuyến metro sẽ hoàn thành.",
         "Lãnh đạo Sở Giao thông Vận tải TP HCM", None),
        # asides between the person and the verb: an age, a title between dashes or in brackets
        ("Bà Nguyễn Thị Hoa, 60 tuổi, cho biết giá gạo đã tăng gấp đôi.", "Nguyễn Thị Hoa", None),
        ("Ông Trần Văn Tư, 58 tuổi, trú tại xã Hòa Bắc, kể nước lên tới mái nhà chỉ trong 2 giờ.", "Trần Văn Tư", None),
        # two titles, the second not a title on its own, before the person
        ("Trả lời báo chí, nhà nghiên cứu quốc tế, khoa học chính trị Lê Văn Toàn cho rằng 3 kịch bản có thể xảy ra.",
         "Lê Văn Toàn", "nhà nghiên cứu quốc tế, khoa học chính trị"),
        # a reporter's outlet before the person who speaks to it
        ("Trao đổi với phóng viên Thanh Niên, chị Phạm Thị Thu, một tiểu thương, cho hay giá rau tăng 30%.",
         "Phạm Thị Thu", "một tiểu thương"),
        ("Ông Lê Văn Thành - Phó Thủ tướng - đề nghị hỗ trợ 10 tỷ đồng cho tỉnh.", "Lê Văn Thành", "Phó Thủ tướng"),
        ("Ông Nguyễn Văn Hùng (Giám đốc Công ty ABC) khẳng định doanh thu tăng 30%.", "Nguyễn Văn Hùng",
         "Giám đốc Công ty ABC"),
        # titles built on "trưởng", and "thông tin" as the verb after them
        ("Đại tá Nguyễn Văn Minh, Trưởng Công an huyện Gia Lâm, thông tin 3 người đã bị bắt.", "Nguyễn Văn Minh",
         "Trưởng Công an huyện Gia Lâm"),
        ("Tướng Valery Gerasimov, Tổng tham mưu trưởng quân đội Nga, tuyên bố giai đoạn một đã hoàn tất.",
         "Valery Gerasimov", "Tổng tham mưu trưởng quân đội Nga"),
        # verbs of assessment and proposal
        ("PGS.TS Trần Đình Thiên đánh giá tăng trưởng năm nay đạt 6,5%.", "Trần Đình Thiên", "PGS.TS"),
        ("Ông Hoàng Văn Cường - Phó Hiệu trưởng Đại học Kinh tế Quốc dân - phân tích giá nhà tăng 30%.",
         "Hoàng Văn Cường", "Phó Hiệu trưởng Đại học Kinh tế Quốc dân"),
        # a European name with its particles
        ("Bà Ursula von der Leyen, Chủ tịch Ủy ban châu Âu, cho biết EU sẽ cấm nhập khẩu than.",
         "Ursula von der Leyen", "Chủ tịch Ủy ban châu Âu"),
    ],
)
def test_bodies_roles_at_bodies_asides_and_particles(sentence, name, role):
    assert speakers(sentence) == [(name, role)]


@pytest.mark.parametrize("sentence", ["Việc đánh giá tác động sẽ hoàn thành trong tháng 5.",
                                      "Dự án được đánh giá là thành công.",
                                      "Nhiều đề nghị của cử tri đã được giải quyết."])
def test_assessment_and_proposal_as_nouns_name_no_speaker(sentence):
    assert speakers(sentence) == [(None, None)]


@pytest.mark.parametrize(
    ("sentence", "name", "role"),
    [
        # a Chinese name as Vietnamese writes it starts at its family name
        ("Người phát ngôn Bộ Ngoại giao Trung Quốc Uông Văn Bân nói Bắc Kinh phản đối trừng phạt.", "Uông Văn Bân",
         "Người phát ngôn Bộ Ngoại giao Trung Quốc"),
        ("Chủ tịch Trung Quốc Tập Cận Bình cho biết Bắc Kinh sẵn sàng hợp tác.", "Tập Cận Bình", "Chủ tịch Trung Quốc"),
        # a country that calls for something, then the person named as the source: the person speaks
        ("Trung Quốc kêu gọi các bên kiềm chế, người phát ngôn Bộ Ngoại giao Trung Quốc Uông Văn Bân nói trong cuộc "
         "họp báo.", "Uông Văn Bân", "người phát ngôn Bộ Ngoại giao Trung Quốc"),
        # a high commissioner, a fund, a fleet are bodies after "Theo"
        ("Theo Cao ủy Liên Hợp Quốc về người tị nạn (UNHCR), hơn 2,5 triệu người đã rời khỏi Ukraine.",
         "Cao ủy Liên Hợp Quốc về người tị nạn", None),
        ("Theo Quỹ Tiền tệ Quốc tế, kinh tế Nga sẽ giảm 8,5%.", "Quỹ Tiền tệ Quốc tế", None),
    ],
)
def test_chinese_names_a_country_before_the_person_and_more_bodies(sentence, name, role):
    assert speakers(sentence) == [(name, role)]


def test_a_country_alone_still_speaks_when_nobody_is_named():
    assert speakers("Trung Quốc kêu gọi các bên kiềm chế.") == [("Trung Quốc", None)]


def test_a_testimony_attributes_but_a_hearing_is_a_noun():
    assert speakers("Giám đốc CIA William Burns điều trần trước Quốc hội rằng Nga đã thất bại.") == \
        [("William Burns", "Giám đốc CIA")]
    assert speakers("Phiên điều trần kéo dài 3 giờ.") == [(None, None)]


def test_a_country_that_spoke_first_keeps_the_sentence_when_another_country_answers_in_a_clause():
    assert speakers("Moscow tuyên bố ngừng bắn, một đề xuất mà Kiev chỉ trích là vô đạo đức.") == [("Moscow", None)]


@pytest.mark.parametrize(("sentence", "name"), [
    ("Tờ The Guardian dẫn lời một nhà ngoại giao châu Âu cho hay gói trừng phạt sẽ được thông qua.",
     "một nhà ngoại giao châu Âu"),
    ("Một nhà ngoại giao phương Tây cho biết các cuộc đàm phán đã bế tắc.", "Một nhà ngoại giao phương Tây"),
])
def test_a_role_of_a_continent_or_the_west_is_no_persons_name(sentence, name):
    assert speakers(sentence) == [(name, None)]


@pytest.mark.parametrize(("sentence", "name"), [
    ("Gần 1.000 ha lúa bị ngập úng, Sở Nông nghiệp tỉnh Nghệ An thông tin.", "Sở Nông nghiệp tỉnh Nghệ An"),
    ("Như Sputnik đã đưa tin trước đó, Nga đã triển khai thêm quân.", "Sputnik"),
    ("Phát biểu tại hội nghị, Thủ tướng Nhật Bản Fumio Kishida cam kết viện trợ thêm 100 triệu USD.", "Fumio Kishida"),
])
def test_a_body_informing_at_the_end_as_reported_and_a_pledge(sentence, name):
    assert speakers(sentence)[0][0] == name


def test_information_as_a_noun_names_nobody():
    assert speakers("Người dân cần cập nhật thông tin.") == [(None, None)]
    assert speakers("Theo Cục An toàn thông tin, 300 trang web đã bị tấn công.")[0][0] == "Cục An toàn thông tin"


@pytest.mark.parametrize("sentence", [
    ">> Xem thêm: Thủ tướng Anh 'nổi giận' trước đề xuất nhượng đất cho Nga",
    "Sau cảnh báo của Washington, Moskva rút 3.000 quân khỏi biên giới.",
    # speaking somewhere, or about something, without a word of what was said
    "Tổng thống Putin đã phát biểu tại Quốc hội.",
    "Trung tướng Tô Ân Xô, Chánh Văn phòng Bộ Công an, thông tin tại buổi họp báo chiều 30/3.",
    # coal and a worry, not words of saying
    "Ba Lan cấm nhập khẩu than Nga từ tháng 8.",
    "Giá xăng tăng liên tục gây lo ngại cho người tiêu dùng.",
    "Nhiều hộ dân lo ngại giá điện còn tăng.",
])
def test_a_verb_of_saying_after_before_or_after_is_a_noun_and_names_nobody(sentence):
    assert speakers(sentence) == [(None, None)]


def test_a_sentence_typed_without_diacritics_names_its_speaker_as_written():
    assert speakers("Bo Ngoai giao Nga thong bao 12 nha ngoai giao My bi truc xuat.") == [("Bo Ngoai giao Nga", None)]
    assert speakers("Thu tuong Anh Boris Johnson tuyen bo London se gui them 6.000 ten lua.") == [
        ("Boris Johnson", "Thu tuong Anh")]
    # "noi" after a name is "nói" (said); after "la" it is "nơi" (a place)
    assert speakers("Ong Kuleba noi Ukraine can them 300 xe tang.")[0][0] == "Kuleba"
    assert speakers("Kharkiv la noi dien ra giao tranh ac liet.") == [(None, None)]


@pytest.mark.parametrize("sentence", ["A 🙂 ... ,", "B 2 3 4 ..."])
def test_a_sentence_in_capitals_that_reads_the_same_in_small_letters_names_nobody(sentence):
    assert speakers(sentence) == [(None, None)]


def test_informing_right_after_a_bodys_name_attributes():
    assert speakers("Lãnh đạo Sở Y tế Đà Nẵng thông tin thành phố đã tiêm 400.000 liều vaccine.")[0][0] == \
        "Lãnh đạo Sở Y tế Đà Nẵng"


def test_a_title_alone_refers_back_to_the_person_introduced_with_it_who_did_not_speak_yet():
    found = speakers("Chiều 3/4, Bộ trưởng Bộ Công Thương Nguyễn Hồng Diên đã làm việc với tỉnh Lạng Sơn.",
                     "Bộ trưởng cho biết 1.200 xe hàng vẫn đang chờ thông quan.")
    assert found[0] == (None, None)
    assert found[1][0] == "Nguyễn Hồng Diên"


def test_a_body_whose_name_holds_and_stays_one_body():
    assert speakers("Bộ Văn hóa, Thể thao và Du lịch cho biết sẽ kiểm tra lễ hội.")[0][0] == \
        "Bộ Văn hóa, Thể thao và Du lịch"


@pytest.mark.parametrize("sentence", [
    "Thị trưởng Mariupol Vadym Boychenko được hãng tin AP dẫn lời nói rằng khoảng 100.000 người vẫn mắc kẹt.",
    "Hãng tin AP dẫn lời nói của ông Vadym Boychenko rằng khoảng 100.000 người vẫn mắc kẹt.",
])
def test_the_person_an_agency_quotes_speaks_not_the_agency(sentence):
    assert speakers(sentence)[0][0] == "Vadym Boychenko"


def test_a_sentence_in_capitals_names_the_body_as_written_and_a_group_joins_its_speaker():
    assert speakers("BỘ QUỐC PHÒNG NGA CHO BIẾT HƠN 1.000 LÍNH UKRAINE ĐÃ ĐẦU HÀNG Ở MARIUPOL.")[0][0] == \
        "BỘ QUỐC PHÒNG NGA"
    assert speakers("Mỹ và các đồng minh đã cam kết viện trợ cho Ukraine hơn 13 tỷ USD.")[0][0] == \
        "Mỹ và các đồng minh"
    # a person's name after an honorific, in capitals too, before the title beside it
    assert speakers("ÔNG PHẠM QUANG VINH, NGUYÊN THỨ TRƯỞNG NGOẠI GIAO, CHO RẰNG VIỆT NAM KHÔNG CHỌN PHE.")[0][0] \
        == "PHẠM QUANG VINH"


@pytest.mark.parametrize(("sentence", "name"), [
    # two speakers joined by "và" are both named
    ("Moskva và Kiev sau đó cho biết họ sẽ mở cuộc điều tra.", "Moskva và Kiev"),
    ("Nga và Ukraine đều cho biết đã trao đổi tù binh.", "Nga và Ukraine"),
    # a source, or the analysts as a group, speak without a name
    ("Một nguồn tin quân sự nói với RIA Novosti rằng khoảng 300 binh sĩ Ukraine đã bị bắt.", "Một nguồn tin quân sự"),
    ("Giới phân tích phương Tây ước tính quân đội Nga có khoảng 900.000 quân nhân.", "Giới phân tích phương Tây"),
    # a republic speaks as a body, and "tự xưng" (self-proclaimed) is no part of its name
    ("Cộng hòa Nhân dân Donetsk tự xưng (DPR) cũng xác nhận đã kiểm soát kho vũ khí.", "Cộng hòa Nhân dân Donetsk"),
    ("Cộng hòa Séc cho biết sẽ gửi thêm vũ khí cho Ukraine.", "Cộng hòa Séc"),
    # who published the pictures, and the person an outlet cites
    ("Ảnh vệ tinh do Planet Labs công bố cho thấy hàng chục máy bay bị phá hủy tại sân bay.", "Planet Labs"),
    ("Kênh BBC trích dẫn một nhà ngoại giao châu Âu cho biết gói trừng phạt mới đã sẵn sàng.",
     "một nhà ngoại giao châu Âu"),
    # an agency citing a source it does not name speaks itself, even a source inside a body
    ("Hãng tin Interfax dẫn nguồn tin từ Bộ Ngoại giao Nga cho biết cuộc gặp đã bị hoãn.", "Interfax"),
    # names spelled by sound, with an initial, after a country spelled the same way
    ("Tổng thống U-crai-na V. Dê-len-xki kêu gọi phương Tây gửi thêm 200 xe tăng.", "V. Dê-len-xki"),
    ("Người phát ngôn Điện Crem-li Đ. Pe-xcốp nói rằng cuộc gặp chưa được lên kế hoạch.", "Đ. Pe-xcốp"),
    # who broadcast the pictures that show something, an outlet by its kind in two words, and a report to someone
    ("Đài truyền hình RT phát đi đoạn video cho thấy một cây cầu ở Kherson bị sập.", "RT"),
    ("Trang tin Defense News cho biết 4 tàu khu trục sẽ được điều tới Biển Baltic.", "Defense News"),
    ("Tham mưu trưởng Valery Gerasimov báo cáo với Tổng thống rằng 3 mục tiêu đã bị phá hủy.", "Valery Gerasimov"),
    # a seat of government named by its address speaks for it
    ("Số 10 phố Downing cho biết London sẽ cử thêm chuyên gia rà phá bom mìn tới Ukraine.", "Số 10 phố Downing"),
    ("Điện Élysée thông báo hai tổng thống đã điện đàm trong gần hai giờ.", "Điện Élysée"),
    # an academic title with its full stop before the name
    ("Theo TS. Lê Văn Thịnh, Phó Viện trưởng, việc giảm thuế sẽ kéo giá xăng xuống.", "Lê Văn Thịnh"),
    # a representative of an association whose name holds a place
    ("Theo đại diện Hiệp hội Doanh nghiệp Việt tại Ba Lan, khoảng 200 người đang chờ về nước.",
     "đại diện Hiệp hội Doanh nghiệp Việt tại Ba Lan"),
    # a trade without a name speaks, and a market's name is no person's
    ("Con tàu bị kẹt ở cảng cùng 12 thủy thủ, chủ tàu xác nhận.", "chủ tàu"),
    ("Giá thịt lợn tăng 20%, một tiểu thương ở chợ Đồng Xuân cho biết.", "một tiểu thương ở chợ Đồng Xuân"),
    # an age and a trade, both asides after the name
    ("Bà Phạm Thị Mai, 47 tuổi, một tiểu thương ở Odessa, kể lại rằng chợ đã đóng cửa.", "Phạm Thị Mai"),
    # a post no list knows, between commas after "Bà X"
    ("Bà Olga Stefanishyna, Phó Thủ tướng phụ trách hội nhập châu Âu, cho biết Kiev đã nộp hồ sơ.",
     "Olga Stefanishyna"),
    ("Bà Iryna Venediktova, Tổng công tố Ukraine, cho biết đã mở 20 cuộc điều tra mới.", "Iryna Venediktova"),
    # a survey, a poll or the figures of a body: the body
    ("Theo một cuộc thăm dò của Trung tâm Levada, 70% người Nga theo dõi sát chiến sự.", "Trung tâm Levada"),
    ("Theo các số liệu của Tổng cục Thống kê, xuất khẩu tăng 12%.", "Tổng cục Thống kê"),
    # testimony, and a government inspectorate
    ("Một tù binh Nga khai với các điều tra viên rằng đơn vị của anh ta đã bắn vào một ô tô.", "Một tù binh Nga"),
    ("Thanh tra Chính phủ cho biết 3 dự án có sai phạm.", "Thanh tra Chính phủ"),
    # an article's author speaks; an unnamed "ý kiến" does not (see the sentences without a source)
    ("Tác giả bài báo cho rằng các lệnh trừng phạt đã không đạt mục tiêu.", "Tác giả bài báo"),
    # a quotation described, a satellite picture by a company, intelligence as a source
    ("\"Chúng tôi bị kẹp giữa hai gọng kìm\", một chỉ huy Ukraine mô tả tình cảnh ở Severodonetsk.",
     "một chỉ huy Ukraine"),
    ("Ảnh vệ tinh của công ty Planet Labs cho thấy 5 máy bay bị phá hủy tại sân bay Saki.", "Planet Labs"),
    ("Nga đã mất khoảng 30% sức mạnh chiến đấu, theo tình báo Anh.", "tình báo Anh"),
    # headlines in capitals, a title and name before a colon, a date opening a sentence without a comma
    ("BỘ QUỐC PHÒNG NGA TUYÊN BỐ ĐÃ PHÁ HỦY 35 XE TĂNG UKRAINE TRONG NGÀY 12/4.", "BỘ QUỐC PHÒNG NGA"),
    ("TỔNG THỐNG ZELENSKY: UKRAINE SẼ KHÔNG NHƯỢNG LÃNH THỔ", "ZELENSKY"),
    ("NGÀY 8/3 NGA TUYÊN BỐ ĐÃ BẮN 30 TÊN LỬA", "NGA"),
    ("Người phát ngôn Bộ Ngoại giao Nga Maria Zakharova: \"Phương Tây đang dựng chuyện\"", "Maria Zakharova"),
    ("Sáng 12/4 Bộ Y tế cho biết có 500 ca mắc mới.", "Bộ Y tế"),
    # who told an outlet, not the outlet told; a reporter's account; "theo lời" before the person
    ("Theo tiết lộ của một sĩ quan tình báo Mỹ với CNN, Nga đã bắn hơn 1.100 tên lửa.", "một sĩ quan tình báo Mỹ"),
    ("Theo ông John Kirby nói với Fox News, Nga đã bắn hơn 1.100 tên lửa.", "John Kirby"),
    ("Theo lời bà Iryna Vereshchuk, 4.000 người đã được sơ tán.", "Iryna Vereshchuk"),
    ("Ghi nhận của phóng viên TTXVN cho thấy nhiều cửa hàng đã đóng cửa.", "phóng viên TTXVN"),
    # who calls something something; a poll's result closing the sentence
    ("Thủ tướng Hungary Viktor Orban gọi lệnh cấm vận dầu mỏ là \"một quả bom nguyên tử\".", "Viktor Orban"),
    ("Có tới 60% người Đức ủng hộ việc gửi vũ khí cho Ukraine, kết quả thăm dò của đài ZDF cho thấy.", "ZDF"),
    # a side that states something, then another that denies it: the first speaks
    ("Phía Mỹ cho rằng Trung Quốc đã biết trước kế hoạch của Nga, nhưng Bắc Kinh phủ nhận.", "Phía Mỹ"),
    # who posted, not where: "đăng video trên Telegram khẳng định"
    ("Nhà lãnh đạo Chechnya Ramzan Kadyrov đăng video trên Telegram khẳng định lực lượng của ông đã vào Mariupol.",
     "Ramzan Kadyrov"),
    # typed without diacritics
    ("Thu tuong Pham Minh Chinh yeu cau bao dam an toan cho cong dan Viet Nam tai Ukraine.", "Pham Minh Chinh"),
    # what an outlet covers stands between its kind and its name
    ("Chuyên trang quân sự Topwar cho biết các đơn vị Nga đã tiến sát Lysychansk.", "Topwar"),
    ("Hãng tin nhà nước RIA Novosti đưa tin 3 người thiệt mạng.", "RIA Novosti"),
    # a recollection closing a quotation
    ("\"Chúng tôi đi bộ gần 20 km trong đêm\", chị Nguyễn Thị Hoa, một tiểu thương ở Kharkov, nhớ lại.",
     "Nguyễn Thị Hoa"),
    # a citizen's report closing a quotation ("phản ánh"), not a figure that reflects something
    ("\"Giá cước vận tải vẫn chưa giảm\", ông Lê Văn Minh, tài xế xe tải ở Bình Dương, phản ánh.", "Lê Văn Minh"),
    # a title between dashes after "Theo"; a calculation's owner; an association whose name goes on in small letters
    ("Theo ông Võ Trí Thành - Viện trưởng Viện Nghiên cứu chiến lược thương hiệu, giá phân bón đã tăng 30%.",
     "Võ Trí Thành"),
    ("Theo tính toán của các chuyên gia Oxford Economics, thương mại toàn cầu giảm 1%.",
     "Oxford Economics"),
    ("Gần 300 sinh viên đã về nước an toàn, theo Hội sinh viên Việt Nam tại Ba Lan.",
     "Hội sinh viên Việt Nam tại Ba Lan"),
    # a paper whose name goes on in small letters; information from a body
    ("Theo Tuổi trẻ, khoảng 200 xe tải đang chờ thông quan ở cửa khẩu.", "Tuổi trẻ"),
    ("Nguồn tin của Người lao động cho hay giá phân bón đã tăng 30%.", "Người lao động"),
    ("Thông tin từ Sở Y tế Đà Nẵng cho biết 12 ca bệnh đã được cách ly.", "Sở Y tế Đà Nẵng"),
    # "Như lời ông X," as "Theo lời ông X,"; a belief stated by someone named
    ("Như lời ông Ushakov, Điện Kremlin “chưa nhận được đề xuất nào” từ phía Mỹ.", "Ushakov"),
    ("Chuyên gia Andrei Kortunov, Tổng giám đốc Hội đồng Đối ngoại Nga, tin rằng đàm phán sẽ còn kéo dài.",
     "Andrei Kortunov"),
    ("Ông Lê Phước Minh, Tham tán Thương mại tại Nga, khuyến nghị doanh nghiệp chuyển sang vận tải đường sắt.",
     "Lê Phước Minh"),
    ("Trong khi đó, ông chủ Nhà Trắng gọi Tổng thống Putin là \"tội phạm chiến tranh\".", "ông chủ Nhà Trắng"),
    ("Trung tướng Tô Ân Xô, Chánh Văn phòng, người phát ngôn Bộ Công an, thông tin 1.245 công dân đã về nước.",
     "Tô Ân Xô"),
    ("Người phát ngôn Dmitry Peskov đổ lỗi cho phía Ukraine vì đàm phán bế tắc.", "Dmitry Peskov"),
    ("Theo ước tính của phương Tây, Nga đã mất 10.000 binh sĩ.", "phương Tây"),
    # the person, then the title after a dash, before the verb
    ("Ông Phạm Văn Dũng - Giám đốc Sở Công Thương Hà Nội cho biết, thành phố có 546 cửa hàng xăng dầu.",
     "Phạm Văn Dũng"),
    # a reporter reports what was seen; a body that records does not speak by that alone
    ("Phóng viên Thanh Niên ghi nhận tại nhiều cây xăng, người dân xếp hàng dài chờ đổ xăng.", "Thanh Niên"),
    ("Theo một nguồn tin thân cận với Điện Kremlin, ông Putin sẽ không dự hội nghị.",
     "một nguồn tin thân cận với Điện Kremlin"),
    ("Ngoại trưởng Nga cũng không loại trừ khả năng gặp người đồng cấp Ukraine.", "Ngoại trưởng Nga"),
    # "ông" after a clause refers to the person the sentence opens with
    ("Tổng thống Mỹ Joe Biden có bài phát biểu tại Warsaw, trong đó ông gọi ông Putin là \"đồ tể\".", "Joe Biden"),
    # a person the press names by initials
    ("Bà N.T.M., một tiểu thương ở chợ Long Biên, than giá rau đã tăng gấp đôi.", "N.T.M."),
    # a channel's number is part of its name
    ("Kênh truyền hình nhà nước Rossiya 24 phát đi hình ảnh cho thấy đoàn xe quân sự.", "Rossiya 24"),
    # who owns the channel speaks, not the channel
    ("Kênh Telegram của ông Ramzan Kadyrov thông báo 3 khu phố đã bị kiểm soát.", "Ramzan Kadyrov"),
    # complaining and worrying, after a person introduced with a title between commas
    ("Ông Lê Văn Hải, chủ một nhà hàng ở Hà Nội, than giá gas đã tăng gấp đôi.", "Lê Văn Hải"),
    ("Bà Phạm Thu Trang, Giám đốc một công ty logistics, lo ngại cước container còn tăng.", "Phạm Thu Trang"),
    # a rank before the name, a commander-in-chief's title between commas
    ("Tướng Valery Zaluzhny, Tổng tư lệnh các lực lượng vũ trang Ukraine, nói rằng quân đội đã giành lại 1.000 km2.",
     "Valery Zaluzhny"),
    ("Trả lời báo chí, Thiếu tá Lê Văn Hải, Phó trưởng Công an huyện Thanh Trì, cho biết 5 đối tượng đã bị bắt.",
     "Lê Văn Hải"),
    # how often a body speaks is no part of its name
    ("Bộ Quốc phòng Nga nhiều lần cáo buộc Ukraine pháo kích nhà máy.", "Bộ Quốc phòng Nga"),
    ("Phía Nga liên tục khẳng định chiến dịch diễn ra đúng kế hoạch.", "Phía Nga"),
    # two sides accusing each other: neither is the source of what the sentence states
    ("Nga và Ukraine liên tục cáo buộc nhau tấn công nhà máy điện hạt nhân.", None),
    ("Moscow và Kiev đổ lỗi cho nhau về vụ pháo kích.", None),
    # a complaint closing the sentence; "than" before anything else is coal
    ("Giá phân bón đã tăng gấp 2 lần so với năm ngoái, bà Thu than.", "Thu"),
    ("Trong kho, ông Nam vẫn còn 200 tấn than đá.", None),
    # who posted, not where; where the words were said is no part of the speaker
    ("Ông Ramzan Kadyrov đăng video trên Telegram, tuyên bố các đơn vị Chechnya đã kiểm soát thành phố.",
     "Ramzan Kadyrov"),
    ("Tổng thống Volodymyr Zelensky trong bài phát biểu hằng đêm nói rằng 100 binh sĩ thiệt mạng mỗi ngày.",
     "Volodymyr Zelensky"),
    # an agency citing a source it does not name; a nurse; a channel showing a video
    ("TASS dẫn nguồn tin quân sự cho biết 2 tiểu đoàn Ukraine đã bị bao vây.", "TASS"),
    ("Một nữ y tá kể với phóng viên rằng binh sĩ đã dùng bệnh viện làm vị trí bắn.", "Một nữ y tá"),
    ("Kênh truyền hình Zvezda phát đoạn video cho thấy các xe tăng T-72 tiến vào Volnovakha.", "Zvezda"),
    # a channel named in quotes; who put out the information; a kicker before a colon is no speaker
    ("Theo kênh Telegram \"Rybar\", quân Nga đã tiến vào Lyman.", "Rybar"),
    ("Kênh Telegram \"Rybar\" cho biết quân Nga đã tiến vào Lyman.", "Rybar"),
    ("Thông tin do kênh Telegram Rybar đăng tải chưa được xác minh độc lập.", "Telegram Rybar"),
    ("CẬP NHẬT: Bộ Quốc phòng Nga thông báo đã bắn hạ 3 máy bay Su-25 của Ukraine.", "Bộ Quốc phòng Nga"),
    # a web address as the source
    ("Phương Tây đã áp đặt hơn 5.000 lệnh trừng phạt lên Nga, theo trang theo dõi Castellum.ai.",
     "trang theo dõi Castellum.ai"),
    # a share of a group that speaks
    ("Một phần ba số doanh nghiệp được khảo sát cho biết đơn hàng đã giảm.",
     "Một phần ba số doanh nghiệp được khảo sát"),
    ("60% số người được hỏi cho biết họ ủng hộ lệnh trừng phạt.", "60% số người được hỏi"),
    ("Theo VCCI, khoảng 60% doanh nghiệp được khảo sát cho biết họ gặp khó khăn về vốn.", "VCCI"),
    # choked with tears, closing a quotation; a mood elsewhere
    ("\"Chúng tôi chỉ kịp mang theo giấy tờ tùy thân\", bà Hoàng Thị Lan nghẹn ngào.", "Hoàng Thị Lan"),
    ("Người dân bức xúc vì giá xăng tăng 5%.", None),
    # households and workers speak as a group
    ("Nhiều hộ gia đình ở Berlin cho biết hóa đơn tiền điện của họ đã tăng gấp đôi.", "Nhiều hộ gia đình ở Berlin"),
])
def test_war_news_names_its_speakers_in_its_own_shapes(sentence, name):
    assert speakers(sentence)[0][0] == name


def test_a_body_of_this_country_speaks_and_a_body_that_acted_is_what_cơ_quan_này_refers_to():
    assert speakers("Hơn 2 triệu người đã sang Ba Lan, lực lượng biên phòng nước này cho biết hôm thứ Hai.")[0][0] \
        == "lực lượng biên phòng nước này"
    assert speakers("Theo Bộ Ngoại giao nước này, đại sứ Nga đã bị triệu tập.")[0][0] == "Bộ Ngoại giao nước này"
    said = speakers("Bộ Quốc phòng Nga đã công bố video về vụ tấn công.",
                    "Cơ quan này cho biết 3 xe tăng Ukraine bị phá hủy.")
    assert [name for name, _ in said] == [None, "Bộ Quốc phòng Nga"]
    # with no body before it, "cơ quan này" names nobody
    assert speakers("Cơ quan này cho biết 3 xe tăng Ukraine bị phá hủy.")[0][0] is None


@pytest.mark.parametrize(("headline", "name"), [
    ("Bộ Quốc phòng Nga: \"Lực lượng Ukraine đang từng bước đầu hàng\"", "Bộ Quốc phòng Nga"),
    ("VTV: Nga 2 lần yêu cầu Hội đồng Bảo an họp khẩn nhưng bất thành", "VTV"),
    ("Ukraine: Tên lửa bắn vào nhà dân, không bên nào nhận trách nhiệm", "Ukraine"),
    ("Zakharova: Phương Tây đang tiến hành chiến tranh thông tin", "Zakharova"),
    # a caption's credit, a front's name, the kind of piece, a city's dateline and a measure are nobody
    ("Ảnh: Reuters", None),
    ("Mặt trận Izium: Quân Ukraine rút khỏi hai ngôi làng", None),
    ("Video: Nga bắn 30 tên lửa vào Kiev", None),
    ("Kherson: Mất điện trên diện rộng sau trận pháo kích", None),
    ("GDP: Tăng 5% trong quý I", None),
    ("NÓNG: Nga bắn 30 tên lửa vào Kiev", None),
])
def test_a_headline_names_its_source_before_a_colon(headline, name):
    assert speakers(headline)[0][0] == name


def test_a_source_opening_the_sentence_speaks_for_a_proposal_it_reports_not_for_an_accusation():
    assert speakers("Theo nguồn tin của tờ Kommersant, phái đoàn Nga đã đề xuất ngừng bắn trong 3 ngày.")[0][0] \
        == "Kommersant"
    assert speakers("Theo hãng tin AFP, Nga cáo buộc Ukraine pháo kích vào thành phố Kursk.")[0][0] == "Nga"
    assert speakers("Theo Reuters, ông Putin cho biết Nga sẽ giảm hoạt động quân sự.")[0][0] == "Putin"


def test_a_seat_of_government_closing_the_sentence_is_its_source_not_the_country_before_it():
    assert speakers("Mỹ cam kết gửi thêm 800 triệu USD vũ khí cho Ukraine, Nhà Trắng thông báo.")[0][0] == "Nhà Trắng"
    assert speakers("Nga cáo buộc Ukraine pháo kích vào Belgorod, Kiev bác bỏ.")[0][0] == "Nga"


def test_announcing_figures_is_a_statement_but_announcing_a_ban_or_giving_an_interview_is_not():
    said = speakers("Người phát ngôn Điện Kremlin Dmitry Peskov hôm qua đã trả lời phỏng vấn kênh Sky News.",
                    "Bộ Quốc phòng Nga công bố 498 binh sĩ đã thiệt mạng.",
                    "Cơ quan này cũng cho biết 1.597 người bị thương.",
                    "Nhà Trắng hôm 8/3 công bố lệnh cấm nhập khẩu dầu mỏ của Nga.",
                    "Tổng cục Thống kê công bố GDP quý III tăng 13,67%.")
    assert [name for name, _ in said] == [None, "Bộ Quốc phòng Nga", "Bộ Quốc phòng Nga", None, "Tổng cục Thống kê"]


def test_an_interviews_answer_goes_on_to_the_next_question():
    found = speakers("PV: Thưa ông, lệnh cấm vận dầu mỏ sẽ tác động thế nào tới giá xăng?",
                     "TS Nguyễn Đức Độ: Giá xăng trong nước có thể tăng thêm 5-7% trong quý tới.",
                     "Việt Nam nhập khẩu khoảng 30% lượng xăng dầu tiêu thụ.",
                     "PV: Vậy Quỹ bình ổn giá còn đủ sức hỗ trợ không?")
    assert [name for name, _ in found] == [None, "Nguyễn Đức Độ", "Nguyễn Đức Độ", None]
    # the outlet asking; thanks close the interview
    found = speakers("Sputnik: Thưa ông, kim ngạch thương mại hai nước hiện đạt bao nhiêu?",
                     "TS. Lê Văn Bình: Năm ngoái thương mại hai chiều đạt khoảng 7 tỷ USD.",
                     "Con số này vẫn còn khiêm tốn.",
                     "Xin cảm ơn ông!",
                     "Giá cà phê xuất khẩu tăng 12%.")
    assert [name for name, _ in found] == [None, "Lê Văn Bình", "Lê Văn Bình", None, None]
    # without a question, a source before a colon is a headline's, and the story after it names no one
    assert speakers("Bộ Quốc phòng Nga: Lực lượng Ukraine đang đầu hàng",
                    "Mariupol đã bị bao vây từ đầu tháng 3.")[1] == (None, None)


@pytest.mark.parametrize("sentence", ["Lầu Năm Góc chưa phản hồi đề nghị bình luận của phóng viên.",
                                      "Điện Kremlin từ chối yêu cầu bình luận của Reuters."])
def test_a_request_for_comment_answered_or_not_names_nobody(sentence):
    assert speakers(sentence) == [(None, None)]


def test_the_statement_of_the_sentence_before_and_a_woman_referred_to_as_co():
    found = speakers("Bộ Quốc phòng Ukraine hôm nay cho biết một tướng Nga đã thiệt mạng gần Kharkov.",
                     "Theo thông báo, nhiều sĩ quan cấp cao khác của Nga cũng thiệt mạng.",
                     "Mariana Vishegirskaya đã sinh con gái hôm 11/3.",
                     "Cô cho biết con gái nặng khoảng 3,2 kg.")
    assert [name for name, _ in found] == ["Bộ Quốc phòng Ukraine", "Bộ Quốc phòng Ukraine", None,
                                           "Mariana Vishegirskaya"]
    assert speakers("Theo thông báo, 3 người thiệt mạng.") == [(None, None)]  # nobody spoke before


def test_a_recording_published_as_something_is_a_statement_of_the_body_that_published_it():
    found = speakers("Bộ Quốc phòng Ukraine cho biết tướng Gerasimov đã thiệt mạng gần Kharkov.",
                     "Bộ này cũng công bố đoạn ghi âm mà họ cho là cuộc trao đổi giữa hai sĩ quan FSB.")
    assert found[1][0] == "Bộ Quốc phòng Ukraine"
    assert speakers("Bộ Quốc phòng Nga công bố một loạt video về các cuộc tấn công.") == [(None, None)]


def test_the_title_beside_a_name_is_the_last_one_not_who_cited_it():
    (found,) = speakers("Tuyên bố được đưa ra sau khi giới truyền thông dẫn tin từ đại diện DPR và lãnh đạo nước "
                        "Cộng hòa Chechnya thuộc Nga, ông Ramzan Kadyrov, khẳng định hơn 1.000 binh sĩ đã đầu hàng.")
    assert found == ("Ramzan Kadyrov", "lãnh đạo nước Cộng hòa Chechnya thuộc Nga")


def test_the_diplomat_named_again_is_the_minister_who_spoke():
    said = speakers("Ngoại trưởng Nga Sergei Lavrov khẳng định Moscow không có kế hoạch tấn công các nước khác.",
                    "Về cuộc gặp với Ngoại trưởng Ukraine Dmytro Kuleba, nhà ngoại giao Nga cho hay hai bên không đạt "
                    "được tiến triển nào.")
    assert [name for name, _ in said] == ["Sergei Lavrov", "Sergei Lavrov"]
