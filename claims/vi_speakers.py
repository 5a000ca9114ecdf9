"""Who speaks in a Vietnamese news sentence, as an editor attributes it: the name whole, the title beside it.

The shapes read: "Ông X, <chức vụ>, cho biết …", "<chức vụ> X cho biết", "Theo X, …", "…, theo X.", "theo báo cáo của
X", "…", ông X nói", "X nói với phóng viên", "X viết trên Telegram", "cho AP biết", "dẫn lời X", an organisation that
speaks ("Bộ Quốc phòng Nga thông báo"), a role without a name ("một quan chức Mỹ giấu tên"), and back-references
("ông nói", "ông này", "ông Peskov", "Tổng thống Ukraine nói", "vị chuyên gia") resolved to the person introduced.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from rapidfuzz.distance import Levenshtein

from claims.names import (
    NOT_SECOND_SYLLABLES,
    PLACES_AND_BODIES,
    SENTENCE_OPENERS,
    TWO_CAPITALISED,
    UPPER,
    VI_SURNAMES,
    fold,
    is_capitalised,
    name_runs,
    one_vietnamese_syllable,
    split_title,
)
from claims.sentences import shouted
from claims.wordlists import longest_of

__all__ = ["Attribution", "VietnameseSpeakers"]


def _low(text: str) -> str:
    """Lowercase with single spaces: word lists compare with diacritics kept (folded, "vẫn" would be "vận")."""
    return " ".join(text.lower().split())


@dataclass(frozen=True)
class Attribution:
    """A speaker as shown to the fact-checker: `name` whole ("Nguyễn Văn Hùng", "Bộ Quốc phòng Nga", "một quan chức
    Mỹ giấu tên") and `role`, the title written beside it ("Phó Trưởng ban Chỉ đạo …"), when there is one."""

    name: str
    role: str | None = None


_VERBS = (
    "cho biết thêm", "cho biết", "cho hay", "nói thêm", "nói với", "nói rằng", "nói", "tuyên bố", "khẳng định",
    "xác nhận", "nhấn mạnh", "lưu ý", "thông báo", "đưa tin", "cảnh báo", "phát biểu", "chia sẻ", "tiết lộ",
    "thừa nhận", "cáo buộc", "giải thích", "lý giải", "nêu rõ", "bày tỏ", "nhận định", "cho rằng", "chỉ ra",
    "kêu gọi", "yêu cầu", "dự đoán", "bác bỏ", "phủ nhận", "lên tiếng", "trả lời", "viết", "chỉ trích",
    "xác định", "nhận xét", "bình luận", "khuyến cáo", "thông tin", "trích dẫn", "đe", "nêu", "kể lại", "có đoạn",
    "ước tính", "dự báo", "kể", "than thở", "tâm sự", "bộc bạch", "đề nghị", "đề xuất", "kiến nghị", "đánh giá",
    "phân tích", "điều trần", "cam kết", "báo cáo với", "báo cáo rằng", "khai với", "khai rằng", "khai nhận",
    "mô tả", "công bố", "gọi", "phản ánh", "nhớ lại", "than", "lo ngại", "than phiền", "phàn nàn", "tin rằng",
    "khuyến nghị", "đổ lỗi", "ghi nhận", "không loại trừ", "nghẹn ngào", "thở dài", "bức xúc",
)
_VERB = re.compile(r"(?:cho(?:\s+[^\s,.;:()]+){1,3}\s+biết|" + longest_of(_VERBS) + r")(?![^\W\d_])")
_LETTER = re.compile(r"[^\W\d_]")
# Words before the title that stands beside a name: who cited whom, and another title joined by "và".
_TITLE_AFTER = re.compile(r"^.*(?:\s(?:dẫn tin từ|dẫn nguồn tin từ|dẫn lời|trích lời)\s|\svà\s(?=(?:"
                          + "|".join(sorted(("lãnh đạo", "nhà lãnh đạo", "người đứng đầu", "đại diện", "tổng thống",
                                             "thủ tướng", "bộ trưởng", "chủ tịch", "người phát ngôn"), key=len,
                                            reverse=True)) + r")\s))", re.IGNORECASE)
_CLAIMED_AS = re.compile(r"\smà\s+(?:họ|ông|bà|ông ta|bà ta|phía này|cơ quan này)\s+(?:cho là|cho rằng|khẳng định|"
                         r"nói là|gọi là|mô tả là)(?![^\W\d_])")
_RESPONDED = re.compile(r"(?:phản hồi|trả lời|từ chối|đáp ứng|nhận được)\s+(?:các\s+|những\s+)?(?:đề nghị|yêu cầu)"
                        r"(?:\s+(?:bình luận|phỏng vấn|xác nhận))?\s*$", re.IGNORECASE)
_CALLS = re.compile(r"\s+(?!điện|cho|lại|tên)[^,.;:]{1,60}?\slà(?![^\W\d_])")  # "X gọi Y là Z": X calls Y Z
_SAID_AFTER = re.compile(r"\srằng(?![^\W\d_])|:")
# After "công bố", what makes it a statement: a figure within a few words, or "rằng", "số liệu", "con số".
_FIGURES_AFTER = re.compile(r"(?:\s+[^\s\d]+){0,5}?\s+(?:(?:khoảng|hơn|gần|ít nhất|tới)\s+)?\d"
                            r"|\s+(?:rằng|số liệu|con số|kết quả|thông tin)(?![^\W\d_])")
# A verb after one of these is a noun ("bài viết", "câu nói", "sự khẳng định") or passive ("được yêu cầu").
# So is one right after "trước", "sau", "về" ("giận dữ trước đề xuất cắt đất", "sau cảnh báo của Mỹ").
_NOUN_MAKERS = frozenset("bài câu lời bản sự việc cuộc được bị các những một buổi phần theo phiên trước sau về".split())
# Two words ending in a noun maker that leave the verb after them a verb: quoting ("được AP dẫn lời nói"), or a
# word whose second syllable it is ("nguồn tin quân sự cho biết": "quân sự" is military).
_NOT_NOUN_MAKING = frozenset({"dẫn lời", "trích lời", "quân sự", "dân sự", "hình sự", "nhân sự", "thực sự"})
# "chưa bình luận", "từ chối bình luận", "không nói": a body or person that does not speak here.
_REFUSALS = frozenset("chưa không chối tránh".split())
# "thông tin" is a verb only as a clause's last word ("quân đội Nga thông tin,").
_ONLY_BEFORE_PUNCTUATION = frozenset({"thông tin", "rằng"})
_REPORTER_BEFORE = re.compile(r"(?:[Pp]hóng viên|PV|[Kk]ý giả|[Nn]hà báo)(?:\s+[^\s,.;:]+){0,4}\s*$")
_EACH_OTHER = re.compile(r"\s+(?:cho\s+)?nhau(?![^\W\d_])", re.IGNORECASE)
_ABOUT_ONLY = re.compile(r"\s+(?:về|tại|trong|ở)\s+(?:(?!rằng|là)[^,;:\"“”]){1,40}?[.!]?\s*$")
# Words of saying only after a person introduced with a title between commas ("Bà X, một tiểu thương, than …") or
# before "rằng": "than" is also coal, "lo ngại" also a worry ("gây lo ngại").
_ONLY_AFTER_AN_ASIDE = frozenset({"than", "lo ngại"})
_ONLY_CLOSING_A_QUOTE = frozenset({"nghẹn ngào", "thở dài", "bức xúc"})
_QUOTE_MARK = re.compile(r"[\"”»]")
_CLOSING_BY_A_PERSON = re.compile(r",\s*(?:ông|bà|anh|chị|cô)\s+[A-ZĐÀ-Ỹ][^\s,.;:]*(?:\s+[A-ZĐÀ-Ỹ][^\s,.;:]*){0,3}\s*$")
_AFTER_AN_ASIDE = _ONLY_AFTER_AN_ASIDE | {"thông tin"}


def _after_titled_asides(masked: str, at: int) -> bool:
    """Whether the verb at `at` follows a person introduced with titles between commas ("Đại tá X, Trưởng …,"),
    looking back no further than a speaker stands from the verb."""
    before = masked[max(0, at - _REACH): at]
    return before.rstrip().endswith(",") and _HONORIFIC_OR_TITLED.search(before) is not None
_QUOTED = re.compile(r"“[^”]*”?|\"[^\"]*\"?")
# A quote mark closing a quotation opened in an earlier sentence: "”" before any "“", or a straight one followed
# by a comma or a dash, with an odd number of straight quotes in the sentence.
_CLOSES_EARLIER = re.compile(r"^[^“\"]*?(?:”|\"(?=\s*[,–—-]))")
_PARENTHESIS = re.compile(r"\([^()]*\)?")
_CHUNK = re.compile(r"[,;:\"“”]|\s[-–—]\s|^[-–—]\s|(?<=[a-zà-ỹđ])\.(?=[A-ZÀ-ỸĐ])")
_COMMAS = re.compile(r"[,;:]|\s[-–—]\s|^[-–—]\s|(?<=[a-zà-ỹđ])\.(?=[A-ZÀ-ỸĐ])")
# The subject stands after the last of these in its clause ("… sau khi Tổng thống Ukraine … cáo buộc").
_SUBORDINATE = re.compile(
    r"(?<![^\W\d_])(?:sau khi|trước khi|trong khi|khi|rằng|nhưng|song|vì|bởi|nên|mà|dẫn lời|dẫn thông báo của|"
    r"dẫn tuyên bố của|trích lời|trích dẫn)(?![^\W\d_])", re.IGNORECASE)
_LEADING = re.compile(
    r"^(?:(?:và|nhưng|tuy nhiên|trước đó|sau đó|khi đó|đồng thời|ngoài ra|trong khi đó|trong khi|cũng|còn|mới đây|"
    r"cùng ngày|hôm qua|hôm nay|thì|song|vì vậy|do đó|theo đó|trong đó|đáp lại|tiếp đó|ngay sau đó|ngay trước đó|"
    r"trong một diễn biến liên quan|trong một diễn biến khác|như|"
    # a date opening the sentence without a comma ("Ngày 8/3 Nga tuyên bố", "Sáng 12/4 Bộ Y tế cho biết")
    r"(?:ngày|hôm|sáng|trưa|chiều|tối|đêm)\s+\d{1,2}[/.-]\d{1,2}(?:[/.-]\d{2,4})?)\s+)+", re.IGNORECASE)
_IN_STATEMENT = re.compile(r"^(?:(?:trong|theo)\s+)?(?:bài viết|tuyên bố|thông báo|thông cáo|báo cáo|bài đăng|văn bản|"
                           r"thư|phát biểu)\s+(?:của\s+)?|^thông tin (?:từ|của)\s+", re.IGNORECASE)
# Where the words were said, after the speaker: "Tổng thống Zelensky trong bài phát biểu hằng đêm nói rằng".
_WHERE_SAID = re.compile(r"(?<=\S)\s+(?:trong|tại|qua|trên)\s+(?:một\s+|các\s+|buổi\s+)?(?:bài phát biểu|phát biểu|"
                         r"cuộc họp báo|họp báo|thông điệp|video|cuộc phỏng vấn|phỏng vấn|bài đăng|cuộc gặp|"
                         r"cuộc điện đàm|điện đàm|bài viết|bài báo|cuộc họp|phiên họp|diễn đàn)(?![^\W\d_])[^,;:]*$",
                         re.IGNORECASE)
_TRAILING = re.compile(
    r"(?:\s+(?:cũng|đã|vừa|mới|từng|còn|đều|lại|thì|sau đó|trước đó|khi đó|mới đây|gần đây|một lần nữa|hôm qua|"
    r"hôm nay|sáng nay|"
    r"chiều nay|tối qua|chính thức|trực tiếp|công khai|thêm|ngay|lập tức|ngay lập tức|nhanh chóng|tiếp tục|"
    r"hiện|hiện nay|cũng đã|đã từng|liên tục|liên tiếp|nhiều lần|không ngừng|thường xuyên|vẫn|luôn|gay gắt|"
    r"kịch liệt|lớn tiếng|lên tiếng|thẳng thắn|tự xưng|(?:hôm|ngày|sáng|chiều|tối|trưa|đêm)"
    r"(?:\s+thứ\s+\S+)?\s*\d{1,2}(?:[/.-]\d{1,2})?(?:[/.-]\d{4})?|"
    r"(?:hôm|ngày|sáng|chiều|tối|trưa|đêm)\s+\d{1,2}\s+tháng\s+\d{1,2}))+$", re.IGNORECASE)
_PRONOUNS = frozenset(_low(w) for w in ("ông", "bà", "ông ấy", "bà ấy", "ông ta", "bà ta", "ngài", "người này",
                                        "ông này", "bà này", "vị này", "nhân vật này", "anh", "chị", "anh ấy",
                                        "chị ấy", "cô", "cô ấy", "cô ta", "anh ta", "chị ta"))
_NOT_SPEAKERS = frozenset(_low(w) for w in ("tôi", "chúng tôi", "chúng ta", "bạn", "các bạn", "họ", "người ta",
                                            "ai", "nó", "điều này", "đây", "đó", "điều đó", "ta", "mình", "em",
                                            "video", "hình ảnh", "ảnh", "bản đồ", "kết quả"))
# A speaker's phrase starts with one of these when it names a role without a name, or a body.
_ROLE_HEADS = frozenset(_low(w) for w in """người phát ngôn|phát ngôn viên|đại diện|quan chức|
    giới chức|giới phân tích|giới quan sát|giới chuyên gia|nguồn tin|lãnh đạo|nhà lãnh đạo|người đứng đầu|chuyên gia|
    phóng viên|đại sứ|thị trưởng|công tố viên|
    nhà phân tích|giáo sư|
    tổng thống|thủ tướng|bộ trưởng|ngoại trưởng|thứ trưởng|chủ tịch|phó chủ tịch|tổng thư ký|giám đốc|
    phó giám đốc|trưởng ban|phó trưởng ban|trưởng phòng|trưởng đoàn|tướng|thiếu tướng|trung tướng|đại tướng|đại tá|
    thượng tá|trung tá|thiếu tá|đại úy|đại uý|đô đốc|phó đô đốc|chuẩn đô đốc|
    nhà chức trách|nhân viên|bác sĩ|luật sư|nhà nghiên cứu|học giả|nhà khoa học|nhà báo|nghị sĩ|thượng nghị sĩ|
    hạ nghị sĩ|nguồn tin|nhân chứng|tư lệnh|tổng tư lệnh|chỉ huy|tổng chỉ huy|tổng thanh tra|tổng lãnh sự|bí thư|
    tổng bí thư|chủ nhiệm|viện trưởng|hiệu trưởng|cố vấn|
    trợ lý|thư ký|nhà ngoại giao|người dân|cư dân|quan sát viên|điều tra viên|kiểm sát viên|thẩm phán|
    nhà kinh tế|nhà sử học|nhà bình luận|người đại diện|phó thủ tướng|phó tổng thống|thống đốc|tổng giám đốc|
    phó tổng giám đốc|chánh văn phòng|vụ trưởng|cục trưởng|phó cục trưởng|tổng cục trưởng|sĩ quan|binh sĩ|
    quân nhân|đại biểu|đại biểu quốc hội|bộ trưởng ngoại giao|bộ trưởng quốc phòng|người phụ trách|
    chủ tàu|chủ doanh nghiệp|chủ cửa hàng|chủ quán|chủ đầu tư|chủ trang trại|chủ hộ|thuyền trưởng|tài xế|
    nông dân|ngư dân|tiểu thương|thương nhân|doanh nhân|giáo viên|học sinh|sinh viên|nghi phạm|bị can|bị cáo|
    tổng công tố|chưởng lý|tổng chưởng lý|chánh án|ủy viên|tổng biên tập|huấn luyện viên|tù binh|người tị nạn|
    nạn nhân|người sống sót|tác giả|ông chủ|bà chủ|người được hỏi|người được khảo sát|người tiêu dùng|
    y tá|điều dưỡng|nhân viên y tế|tình nguyện viên|người lính|hộ gia đình|hộ dân|gia đình|công nhân|
    nhà hoạt động|nhiếp ảnh gia|phóng viên ảnh|
    cựu""".split("|") if w.strip())
_BODY_HEADS = frozenset(_low(w) for w in """bộ|sở|ban|ủy ban|uỷ ban|ubnd|đại sứ quán|thanh tra|tình báo|
    cơ quan tình báo|
    lãnh sự quán|quân đội|chính phủ|chính quyền|lực lượng|hãng tin|hãng thông tấn|tờ|báo|đài|trang|kênh|
    truyền thông|cơ quan|liên đoàn|tổng công ty|quân chủng|binh chủng|
    hội đồng|tòa án|toà án|tòa|viện|trung tâm|tổng cục|cục|công an|cảnh sát|bệnh viện|công ty|tập đoàn|ngân hàng|
    đảng|văn phòng|nhà trắng|điện kremlin|lầu năm góc|liên hợp quốc|quốc hội|hạ viện|thượng viện|không quân|
    hải quân|lục quân|bộ tư lệnh|bộ chỉ huy|phương tiện truyền thông|cơ quan báo chí|phía|chính quyền địa phương|
    tổ chức|hiệp hội|hội|nhóm|mặt trận|liên minh|ngân hàng nhà nước|tòa trọng tài|nhà máy|trường|đại học|
    liên hiệp quốc|hội nghị|cao ủy|cao uỷ|quỹ|hạm đội|phái bộ|phái đoàn|cộng hòa|cộng hoà|
    số 10 phố downing|phố downing|điện élysée|dinh élysée|chuyên trang|tạp chí""".split("|") if w.strip())
# The kind of outlet before its name is the name's title: "Hãng tin AP" is AP.
_OUTLETS = frozenset(_low(w) for w in ("tờ", "báo", "đài", "trang", "kênh", "hãng tin", "hãng thông tấn",
                                       "tạp chí", "hãng", "kênh truyền hình", "đài truyền hình", "trang tin",
                                       "tờ báo", "báo điện tử", "trang web", "đài phát thanh", "chuyên trang"))
# Vietnamese papers written with small letters after the first ("Theo Dân trí,", "Nguồn tin của Người lao động"):
# no capital marks where their names end.
_SMALL_LETTER_PAPERS = re.compile(
    r"(?:(?:[Nn]guồn tin (?:của|từ)(?: báo| tờ)?|[Tt]ờ báo|[Bb]áo điện tử|[Bb]áo|[Tt]ờ)\s+)?(?P<name>Dân trí|"
    r"Người lao động|Lao động|Thanh niên|Tuổi trẻ|Tiền phong|Nhân dân|Quân đội nhân dân|Công an nhân dân|"
    r"Đại đoàn kết|Sài Gòn giải phóng|Hà Nội mới|An ninh thủ đô|Kinh tế và đô thị|Pháp luật TP\.HCM|"
    r"Giáo dục và thời đại|Sức khỏe và đời sống|Nông nghiệp Việt Nam|Tài nguyên và môi trường)")
_PLATFORM_OF = re.compile(r"(?:(?:kênh|trang|tài khoản|trang cá nhân)\s+)?(?:Telegram|Twitter|Facebook|YouTube|"
                          r"Instagram|TikTok|VK|Weibo|X)(?:\s+(?:chính thức|cá nhân|riêng))?\s+của\s+(?P<owner>\S.*)",
                          re.IGNORECASE)
_OUTLET_WORDS = frozenset("quân sự kinh tế chính trị nhà nước điện tử quốc phòng độc lập trực tuyến tin tức "
                          "chuyên ngành mạng uy tín nổi tiếng".split())
# "Vị chuyên gia", "nhà lãnh đạo Ukraine", "quan chức Nga": a role named again refers back to the last person.
_DETERMINERS = frozenset(_low(w) for w in ("vị", "một", "các", "những", "cựu", "nhiều", "nữ"))
_GENERIC_ROLE_WORDS = frozenset(fold(w) for w in "người viên nhà bộ của".split())
_BACK_HEADS = frozenset(_low(w) for w in ("vị", "nhà lãnh đạo", "quan chức", "người đứng đầu", "lãnh đạo",
                                          "nhà ngoại giao"))
_DEMONSTRATIVE = frozenset(_low(w) for w in ("này", "ấy", "đó", "trên"))
# Not speakers after "theo": "theo đó", "theo kế hoạch", "theo giờ địa phương", "Theo Luật …".
_NOT_AFTER_THEO = frozenset(_low(w) for w in """đó|kế hoạch|thông lệ|quy định|giờ|mô tả|
    kiến thức|quan điểm|sự|hướng|dự kiến|lịch|luật|truyền thống|thỏa thuận|thoả thuận|cách|như|ý kiến|
    nghị quyết|nghị định|quyết định|
    thông tư|hiến pháp|điều|khoản|chương trình|phong tục|tiêu chuẩn|nguyên tắc|tôi|chúng tôi|thống kê|báo cáo|
    số liệu|dữ liệu|đánh giá|yêu cầu|đề nghị|đề xuất|lệnh|chỉ đạo|tinh thần|hợp đồng|phán quyết|thời gian|
    lộ trình|mức|giá|tỷ lệ|tỉ lệ|ghi nhận|quan sát|thông tin|nhiều|một số|các|những""".split("|") if w.strip())
_OF = re.compile(r"^(?:(?:một|các|những)\s+)?(?:(?:cuộc|bản|kết quả|số)\s+)?"
                 r"(?:báo cáo|thông báo|thông cáo|tuyên bố|số liệu|thống kê|ước tính|dữ liệu|công bố|kết quả|"
                 r"đánh giá|thông tin|nhận định|lời|lời kể|phát biểu|ý kiến|dự báo|khảo sát|thăm dò|nghiên cứu|"
                 r"tiết lộ|ghi nhận|tường thuật|phân tích|cáo buộc|xác nhận|tính toán|tổng hợp|ước lượng|điều tra|"
                 r"kết luận)"
                 r"(?:\s+\S+){0,3}?\s+(?:của|từ)\s+|^nguồn tin(?:\s+\S+){0,2}?\s+(?:từ|của|thuộc)\s+"
                 r"|^lời(?:\s+kể)?\s+(?=(?:ông|bà|anh|chị|cô|ngài)\s)", re.IGNORECASE)
_ACCORDING = re.compile(r"(?:^[^\w(]*|[,;]\s*|\s[-–]\s)(?:(?:[Cc]ũng|[Tt]uy nhiên|[Nn]hưng|[Vv]à|[Cc]òn)\s+)?"
                        r"(?:[Tt]heo(?:\s+như)?|[Nn]hư(?=\s+lời\s))"  # "Như lời ông X, …"
                        r"\s+(?P<np>(?:(?:GS|PGS|TS|ThS|BS|KTS|LS|NCS)\.\s*)*(?:[^,;.()\"“”:]|\.(?=\w)){1,80}"
                        r"(?:[\"“][^,;.()\"“”:]{2,40}[\"”])?)")  # 'Theo kênh Telegram "Rybar", …': the name quoted
_CITES_A_SOURCE = re.compile(r"^(?P<np>\S+(?:\s+\S+){0,3}?)\s+dẫn\s+(?:một\s+|các\s+|nhiều\s+)?nguồn tin(?![^\W\d_])")
_POSTED_ON = re.compile(r"\s+(?:đăng tải|đăng|chia sẻ|viết)(?:\s+(?:một|đoạn|bài|dòng|các|những))?"
                        r"(?:\s+(?:video|bài viết|bài|thông điệp|trạng thái|dòng trạng thái|tweet|hình ảnh|ảnh))?"
                        r"\s+(?:trên|lên)\s+\S.*$")
_DASH = re.compile(r"\s[-–—]\s")
_LAST_DASH = re.compile(r"\s[-–—]\s[^,;:\"“”\-–—]*$")  # the last separator before the verb is a dash
_THE_STATEMENT = re.compile(r"(?:thông báo|tuyên bố|thông cáo)(?:\s+(?:này|trên|đó))?", re.IGNORECASE)
# "Theo một quan chức Mỹ nói với CNN, …": who was told is not who spoke.
_TOLD = re.compile(r"(?<!thân cận)(?<!gần gũi)(?<!thân thiết)(?<!gắn bó)(?<!liên quan)"  # "thân cận với Điện Kremlin"
                   r"\s+(?:(?:nói|trả lời|chia sẻ|tiết lộ|cho biết|phát biểu)\s+)?với\s.*$")
_QUOTED_BY = re.compile(r"^\s*(?P<np>[^,;]+?)\s+được\s+[^,;]{1,60}?\s+(?:dẫn lời|trích lời|dẫn lại lời)\s*$")
_QUOTE_BY = re.compile(r"(?<![^\W\d_])(?:(?:dẫn|trích) lời(?:\s+(?:nói|phát biểu) của)?"
                       r"|dẫn (?:thông báo|tuyên bố|phát biểu|thông cáo) của)\s+")
_AGENT = re.compile(r"được\s+(?P<np>(?:ông|bà|ngài)\s+[^\s,.;:]+(?:\s+[^\W\d_][^\s,.;:]*){0,3}?)\s+"
                    r"(?:đưa ra|công bố|phát biểu|nêu ra|khẳng định|chia sẻ)(?![^\W\d_])")
# Seats of government that speak for it, though their names are places' ("Nhà Trắng thông báo").
_SEATS = frozenset(fold(w) for w in ("Nhà Trắng", "Điện Kremlin", "Kremlin", "Lầu Năm Góc", "Điện Élysée",
                                     "Phố Downing", "Nhà Xanh"))
_OPENS_WITH_THEO = re.compile(r"^\W*(?:(?:[Cc]ũng|[Tt]uy nhiên|[Nn]hưng|[Cc]òn)\s+)?[Tt]heo\s")
# A proposal, a demand or a pledge a source reports ("Theo X, Y đã đề xuất …"): that Y made it is the source's
# claim. An accusation or a denial stays Y's ("Theo AFP, Nga cáo buộc …").
_REPORTED_ACTS = frozenset(("đề xuất", "đề nghị", "kiến nghị", "kêu gọi", "yêu cầu", "cam kết"))
# Countries, blocs and seats of government that speak in a headline before a colon ("Ukraine: Tên lửa bắn vào …");
# a city there is where, not who.
_HEADLINE_SPEAKERS = _SEATS | frozenset(fold(w.strip()) for w in """Nga|Ukraine|Mỹ|Trung Quốc|Anh|Pháp|Đức|Nhật Bản|
    Hàn Quốc|Triều Tiên|Ấn Độ|Israel|Iran|Ba Lan|Belarus|Thổ Nhĩ Kỳ|Việt Nam|NATO|EU|Liên Hợp Quốc|LHQ|Moskva|Kiev|
    Washington|Bắc Kinh|London|Paris|Berlin""".split("|"))
# Acronyms before a colon that name no source: measures, currencies, the interviewer ("PV: Ông đánh giá …?").
_NOT_SOURCES = frozenset("GDP CPI FDI ODA PMI USD VND EUR VN PV BTV MC".split())
# What a caption or a section heading opens with before a colon: the kind of piece, a picture's credit, a front.
_HEADLINE_KINDS = frozenset(_low(w) for w in """video|clip|infographic|emagazine|longform|podcast|quiz|update|live|
    photo|photos|news|breaking|exclusive|analysis|opinion|factbox|explainer|interview|chart|map|gallery|trailer|
    ảnh|hình|hình ảnh|nguồn|chú thích|mặt trận|xem thêm|tin liên quan|đọc thêm|tham khảo|lưu ý|cập nhật|
    trực tiếp|tin|hot|new|nóng|mới|source|note|credit|via|by|photo credit|khẩn|tin nóng|tin khẩn|độc quyền|
    tin mới|góc nhìn|phân tích|toàn cảnh|diễn biến""".split("|"))


def _a_kind_of_piece(np: str) -> bool:
    """Whether the words before a colon say what the piece is ("CẬP NHẬT", "Ảnh", "Video"), not who speaks."""
    words = np.split()
    return bool(words) and (_low(words[0]) in _HEADLINE_KINDS or _low(" ".join(words[:2])) in _HEADLINE_KINDS)


_HEADLINE_SOURCE = re.compile(rf"^\W*(?P<np>[{UPPER}][^\s:]*(?:\s+[^\s:]+){{0,10}}?)\s*:\s+(?=\S)")
# An interviewer's question: "PV: …", "Phóng viên: …", "Hỏi: …".
_QUESTION = re.compile(r"^\W*(?:PV|P\.V|Phóng viên|Hỏi|Câu hỏi)\s*:\s")
_THANKS = re.compile(r"^\W*(?:[Xx]in\s+)?(?:chân thành\s+)?cảm ơn(?![^\W\d_])", re.IGNORECASE)
_INTERVIEW = re.compile(rf"^\W*(?P<np>(?:(?:Ông|Bà|Anh|Chị|Ngài)\s+)?[{UPPER}][^\s:]*(?:\s+[{UPPER}][^\s:]*){{0,4}})"
                        r"\s*:\s")
# A body's report, a reporter's account or pictures that show something: "Báo cáo của Bộ Tài chính cho thấy",
# "Ghi nhận của phóng viên TTXVN cho thấy", "Hình ảnh do Maxar công bố cho thấy".
_DOCUMENTS = r"[Bb]áo cáo|[Tt]hống kê|[Ss]ố liệu|[Kk]hảo sát|[Tt]hăm dò|[Nn]ghiên cứu|[Dd]ữ liệu"
_REPORT_SHOWS = re.compile(rf"(?:^\W*|,\s*)(?:(?:[Kk]ết quả|[Mm]ột|[Cc]uộc)\s+)*"
                           rf"(?:{_DOCUMENTS}|[Gg]hi nhận|[Tt]ường thuật|[Hh]ình ảnh|[Ảả]nh|[Vv]ideo|[Bb]ản đồ)"
                           r"(?:\s+vệ tinh)?"
                           rf"(?:\s+mới(?:\s+nhất)?)?\s+(?:của|từ)\s+(?:(?:công ty|hãng(?!\s+t)|tập đoàn)\s+)?"
                           r"(?P<np>[^,;.:]{2,80}?)\s+cho thấy")
_PUBLISHED_BY = re.compile(rf"(?:^\W*|,\s*)(?:{_DOCUMENTS}|[Hh]ình ảnh|[Ảả]nh|[Vv]ideo|[Bb]ản đồ)(?:\s+vệ tinh)?"
                           r"\s+do\s+(?P<np>[^,;.:]{2,60}?)\s+(?:công bố|đăng tải|cung cấp|chụp|thực hiện)\s+cho thấy")
_INFORMATION_BY = re.compile(r"^\W*(?:[Tt]hông tin|[Tt]in|[Cc]on số|[Ss]ố liệu)"
                             r"(?:\s+(?:này|trên|đó|về [^,;.:]{1,40}?))?\s+do\s+(?P<np>[^,;.:]{2,60}?)"
                             r"\s+(?:đăng tải|cung cấp|đưa ra|công bố|đăng|phát đi)(?![^\W\d_])")
# "Kênh Zvezda phát đi hình ảnh cho thấy …": who published the pictures, as the subject.
_PUBLISHED = re.compile(rf"(?:^\W*|,\s*)(?P<np>[^,;.:]{{2,80}}?)\s+(?:công bố|đăng tải|phát đi|phát|công khai|đăng)\s+"
                        rf"(?:một\s+|các\s+|những\s+|loạt\s+)?(?:{_DOCUMENTS}|hình ảnh|ảnh|video|đoạn video|đoạn phim|"
                        r"bản đồ)(?:\s+vệ tinh)?(?:\s+mới)?\s+cho thấy")
_HONORIFIC = re.compile(r"^(?:ông|bà|ngài|anh|chị)(?:\s+|$)", re.IGNORECASE)
# A military rank before a name stands where an honorific would: "Trung tá Lê Văn Hải" is a person, not a title.
_RANK = re.compile(r"^(?:(?:thiếu|trung|thượng|đại)\s+(?:tướng|tá|úy|uý)|tướng|(?:phó\s+|chuẩn\s+)?đô đốc)"
                   r"\s+(?=[A-ZĐ])", re.IGNORECASE)
# "X, người đã …", "X, hiện là …": the words before a title; "người phát ngôn" (spokesperson) is a title whole.
_APPOSITIVE_ROLE = re.compile(r"^(?:người(?!\s+phát ngôn)"
                              r"|là|hiện là|vốn là|từng là)\s+(?:hiện\s+)?(?:là\s+)?", re.IGNORECASE)
_TOO_LONG = 14
_REACH = 320
_MOST_VERBS = 8


# An outlet or an account named in quotes: 'kênh Telegram "Rybar"', 'tài khoản "Intel Slava Z"'.
_QUOTED_NAME_KIND = (r"(?:kênh|tài khoản|trang|nhóm|tờ|báo|tạp chí|chương trình)"
                     r"(?:\s+(?:Telegram|Twitter|Facebook|YouTube|TikTok|VK|truyền hình|tin tức))?\s*")
_NAMED_IN_QUOTES = re.compile(_QUOTED_NAME_KIND + "$", re.IGNORECASE)
# A share of a group that speaks as that share: "Một phần ba số doanh nghiệp được khảo sát cho biết".
_SHARE_OF_A_GROUP = re.compile(r"^(?:(?:khoảng|gần|hơn|trên|chừng|tới)\s+)?(?:\d+(?:[.,]\d+)?\s*%|\d+/\d+|một nửa|"
                               r"một phần (?:ba|tư|năm|mười)|hai phần ba|ba phần tư|phần lớn|đa số|hầu hết)\s+"
                               r"(?:(?:trong\s+)?số\s+)?(?:doanh nghiệp|công ty|người|hộ|cử tri|nhà đầu tư|chuyên gia|"
                               r"nhà kinh tế|ngân hàng|cư dân|nông dân|tiểu thương)(?![^\W\d_])", re.IGNORECASE)
_QUOTED_NAME = re.compile(_QUOTED_NAME_KIND + r"[\"“](?P<name>[^\"“”]{2,40})[\"”]?", re.IGNORECASE)


def _mask_quotes(s: str) -> str:
    """The sentence with quoted words blanked (same length), so a verb inside a quote is not attribution. A quote
    opened at the start and left open is a paragraph quoted whole: its words are read."""
    if '"' not in s and "“" not in s and "”" not in s:
        return s
    closing = _CLOSES_EARLIER.search(s)
    if closing is not None:
        # '… Và giờ đây là Bucha", ông Medvedev viết': the words before the first quote mark are quoted.
        s = "_" * (closing.end() - 1) + s[closing.end() - 1:]
        head, s = s[: closing.end()], s[closing.end():]
        return head + _mask_quotes(s) if s else head

    def blank(m: re.Match[str]) -> str:
        quoted = m.group()
        closed = len(quoted) > 1 and quoted[-1] in "\"”"
        if not closed and not s[: m.start()].strip():
            return quoted
        if closed and _NAMED_IN_QUOTES.search(s, max(0, m.start() - 30), m.start()) and len(quoted.split()) <= 4:
            return quoted  # 'kênh Telegram "Rybar"': the channel's name, not words quoted
        return quoted[0] + "_" * (len(quoted) - 1 - closed) + (quoted[-1] if closed else "")

    return _QUOTED.sub(blank, s)


# Official names written with a comma or a dash inside ("Bộ Văn hóa, Thể thao và Du lịch", "Bộ Lao động - Thương
# binh và Xã hội", "Đài Phát thanh - Truyền hình Hà Nội"): their separators are hidden while the sentence is cut at
# commas and dashes, then given back.
_JOINED_NAMES = (("Văn hóa", "Thể thao"), ("Văn hoá", "Thể thao"), ("Lao động", "Thương binh"),
                 ("Phòng không", "Không quân"), ("Phát thanh", "Truyền hình"))
_NAME_SEPARATORS = re.compile("|".join(f"(?<={left})(\\s*[,–—-]\\s*)(?={right})" for left, right in _JOINED_NAMES))
_HIDDEN = {",": "\ue000", "-": "\ue001", "–": "\ue002", "—": "\ue003"}
_SHOWN = str.maketrans({v: k for k, v in _HIDDEN.items()})


def _keep_names_whole(masked: str) -> str:
    if not any(left in masked for left, _ in _JOINED_NAMES):
        return masked
    return _NAME_SEPARATORS.sub(lambda m: "".join(_HIDDEN.get(ch, ch) for ch in m.group()), masked)


def _restored(found: Attribution | None) -> Attribution | None:
    if found is None or not any(ch in found.name + (found.role or "") for ch in _HIDDEN.values()):
        return found
    return Attribution(found.name.translate(_SHOWN), found.role.translate(_SHOWN) if found.role else None)


def _starts_with(folded: str, heads: frozenset[str]) -> int:
    """The number of words of the longest of `heads` that `folded` starts with (0 if none)."""
    words = folded.split()
    for n in range(min(5, len(words)), 0, -1):
        if " ".join(words[:n]) in heads:
            return n
    return 0


def _verbs(masked: str) -> Iterator[re.Match[str]]:
    """Each verb of attribution in `masked`, in order, that is a verb here (not "bài viết", not "được yêu cầu")."""
    pos = 0
    while (m := _VERB.search(masked, pos)) is not None:
        pos = m.end()
        if m.start() and _LETTER.match(masked, m.start() - 1):
            pos = m.start() + 1
            continue
        before = masked[max(0, m.start() - 12): m.start()].split()
        in_a_name = len(before) >= 2 and before[-1][:1].isupper() and before[-2][:1].isupper()  # "Nhật Bản"
        if before and not in_a_name and " ".join(before[-2:]).lower() not in _NOT_NOUN_MAKING \
                and (before[-1].lower() in _NOUN_MAKERS or before[-1].lower() in _REFUSALS):
            continue
        verb = " ".join(m.group().split()).lower()
        rest = masked[m.end(): m.end() + 6]
        after_apposition = verb in _AFTER_AN_ASIDE and _after_titled_asides(masked, m.start())
        closes_sentence = verb == "thông tin" and not masked[m.end():].strip(" .!\"”") \
            and "," in masked[: m.start()]  # "…, Sở Nông nghiệp tỉnh Nghệ An thông tin."
        after_a_name = verb == "thông tin" and before and before[-1][:1].isupper() \
            and not rest.lstrip().startswith(("về", "này", "đó", "của", "trên", "chính", "liên"))  # "Sở Y tế TP HCM
        # thông tin thành phố đã …": informs, after the body's or the person's name
        if verb in _ONLY_BEFORE_PUNCTUATION and rest.lstrip()[:1] not in (",", ":") \
                and not rest.lstrip().startswith("thêm") and not after_apposition and not closes_sentence \
                and not after_a_name:
            continue  # "thông tin" is a verb before a comma, or after "Đại tá X, Trưởng Công an huyện Y,"
        if verb in _ONLY_AFTER_AN_ASIDE or verb in _ONLY_CLOSING_A_QUOTE:
            closed_by_a_person = not masked[m.end():].strip(" .!\"”") \
                and _CLOSING_BY_A_PERSON.search(masked, max(0, m.start() - 40), m.start())  # "…, bà Thu than."
            if verb in _ONLY_AFTER_AN_ASIDE and not rest.startswith(" rằng") and not after_apposition \
                    and not closed_by_a_person:
                continue
            if verb in _ONLY_CLOSING_A_QUOTE and not (closed_by_a_person
                                                      and _QUOTE_MARK.search(masked, 0, m.start())):
                continue  # '"…", bà Lan nghẹn ngào.': said choked with tears; "bức xúc" elsewhere is a mood
        if rest.startswith((" của", " được")):  # "tuyên bố của": a noun; "xác định được": found, not said
            continue
        if _RESPONDED.search(masked, max(0, m.start() - 40), m.start()) \
                or (verb in ("đề nghị", "yêu cầu") and _RESPONDED.search(masked[: m.end()])):
            continue  # "chưa phản hồi đề nghị bình luận": a request for comment answered or not, no one spoke
        if verb == "công bố" and not _FIGURES_AFTER.match(masked, m.end()) \
                and not _CLAIMED_AS.search(masked, m.end(), m.end() + 120):
            continue  # "công bố 1.351 binh sĩ đã thiệt mạng" states figures; "công bố một loạt video", "công bố
            # lệnh cấm nhập khẩu" publish pictures or a decision, no statement; "công bố đoạn ghi âm mà họ cho là
            # …" says what the recording is
        if verb == "trả lời" and rest.startswith(" phỏng") and not _SAID_AFTER.search(masked, m.end()):
            continue  # "trả lời phỏng vấn kênh PBS.": gave an interview, said nothing yet ("… rằng" says)
        if verb == "gọi" and (not _CALLS.match(masked, m.end())
                              or (before and before[-1].lower() in ("tên", "thường"))):
            continue  # "gọi lệnh cấm vận là …" calls it something; "gọi điện", "tên gọi", "thường được gọi là" do not
        if verb in ("phản ánh", "nhớ lại") and not (masked[m.end():].lstrip()[:1] in (",", ":", ".", "")
                                                    or rest.startswith((" rằng", " với"))):
            continue  # "…, một tài xế phản ánh.", "phản ánh với phóng viên": reports; "phản ánh sự suy giảm" reflects;
            # "…, chị Hoa nhớ lại.": recalls, closing a quotation
        if verb == "ghi nhận" and not _REPORTER_BEFORE.search(masked, max(0, m.start() - 60), m.start()):
            continue  # "Phóng viên Tuổi Trẻ ghi nhận …" reports what was seen; "WHO ghi nhận 31 vụ" records, no more
        if verb in ("lên tiếng", "thông tin", "phát biểu") and _ABOUT_ONLY.match(masked, m.end()):
            continue  # "Ông Medvedev cũng lên tiếng về sự việc.", "…, thông tin tại buổi họp báo chiều 30/3.": spoke,
            # but the sentence says nothing that was said
        if verb in ("cáo buộc", "đổ lỗi", "chỉ trích") and _EACH_OTHER.match(masked, m.end()):
            continue  # "Nga và Ukraine cáo buộc nhau tấn công nhà máy": each side accuses the other, neither is the
            # source of what the sentence states
        if verb == "kể" and rest.startswith((" cả", " từ", " trên", " tên")):
            continue  # "kể cả", "kể từ": not "told"
        yield m


def _clean(phrase: str) -> str:
    phrase = _LEADING.sub("", phrase.strip(" ,;:-–—_\"“”'"))
    phrase = _WHERE_SAID.sub("", phrase)
    phrase = " " + _IN_STATEMENT.sub("", phrase)  # the space lets a phrase of time words alone ("hôm nay") go
    while True:
        m = _TRAILING.search(phrase, max(0, len(phrase) - 60))
        if not m or m.start() == m.end():
            break
        phrase = phrase[: m.start()]
    return phrase.strip(" ,-–—")


class VietnameseSpeakers:
    """Reads one article's Vietnamese sentences in order, naming each one's speaker and remembering who was
    introduced (by family name, by title) so that later mentions resolve to the whole name."""

    def __init__(self) -> None:
        self._by_last: dict[str, set[str]] = {}
        self._by_role: dict[str, set[str]] = {}
        self._role_of: dict[str, str] = {}
        self._last_person: str | None = None
        self._last_body: str | None = None
        self._interviewed = False  # a question marked "PV:" or "Hỏi:" was met: the article is an interview
        self._answering: Attribution | None = None  # who answers the last question, for the sentences that follow
        self._previous: Attribution | None = None  # the last sentence's speaker ("Theo thông báo, …" is theirs)

    # Memory of names -------------------------------------------------------------------------------------------
    def remember(self, name: str, role: str | None, *, in_passing: bool = False) -> None:
        """Remember a person and their title; a title met in passing ("PGS.TS X", a caption) does not replace the
        one the person was quoted with."""
        if role and role.replace(".", "").isupper():
            role = None  # "PGS.TS", "TS.": an academic title, not a role
        parts = name.split()
        if len(parts) >= 2:
            self._by_last.setdefault(fold(parts[-1]), set()).add(name)
        if role:
            key = fold(_HONORIFIC.sub("", role))
            if key:
                self._by_role.setdefault(key, set()).add(name)
            if in_passing:
                self._role_of.setdefault(name, role)
            else:
                self._role_of[name] = role

    def full_name(self, name: str) -> str:
        """The whole name introduced for a part of it ("Peskov" → "Dmitry Peskov"), or `name` itself."""
        parts = name.split()
        if not parts:
            return name
        known = self._by_last.get(fold(parts[-1]), set())
        longer = [k for k in known if len(k.split()) >= len(parts) and fold(k).endswith(fold(name))]
        if len(longer) == 1:
            return longer[0]
        if not known and len(parts) == 1 and len(parts[0]) >= 5:
            # A spelling variant of an introduced family name ("Zelensky" for "Zelenskyy").
            last = fold(parts[0])
            close = {full for key, fulls in self._by_last.items() if key[:1] == last[:1]
                     and Levenshtein.normalized_similarity(key, last) >= 0.7 for full in fulls}
            if len(close) == 1:
                return close.pop()
        return name

    def role_of(self, name: str) -> str | None:
        return self._role_of.get(name)

    def learn_names(self, sentence: str) -> None:
        """Remember the names a sentence introduces with their titles ("Cựu Tổng thống Nga Dmitry Medvedev.")."""
        masked = _mask_quotes(sentence)
        if TWO_CAPITALISED.search(masked) is None or shouted(sentence):
            return  # a name to remember has two capitalised words at least; in capitals every word has
        for chunk in _CHUNK.split(masked):
            if TWO_CAPITALISED.search(chunk) is None:
                continue
            for start, end in name_runs(chunk):
                run = chunk[start:end]
                title, name = split_title(run)
                first = _low(name.split()[0]) if name else ""
                if len(name.split()) < 2 or fold(first) in PLACES_AND_BODIES or first in _OUTLETS \
                        or first in _BODY_HEADS \
                        or fold(name) in PLACES_AND_BODIES:
                    continue
                before = chunk[:start].split()[-4:]
                while before and not _starts_with(_low(" ".join(before)), _ROLE_HEADS):
                    before = before[1:]
                role = " ".join(before + title.split()).strip()
                self.remember(name, role or None, in_passing=True)

    # Reading one sentence ----------------------------------------------------------------------------------------
    def speaker_of(self, sentence: str) -> Attribution | None:
        found = self._speaker_of(sentence)
        self._previous = found
        return found

    def _speaker_of(self, sentence: str) -> Attribution | None:
        if shouted(sentence):
            return self._in_capitals(sentence)
        if _unmarked(sentence) and (marked := _with_marks(sentence)) != sentence:
            return self._without_marks(sentence, marked)
        masked = _keep_names_whole(_mask_quotes(sentence))
        if _QUESTION.match(masked) or (_HEADLINE_SOURCE.match(masked) and masked.rstrip(" \"”»").endswith("?")):
            # "PV: Thưa ông, …?", "Sputnik: Thưa ông, … bao nhiêu?": the interviewer asks, nobody states anything
            self._interviewed, self._answering = True, None
            return None
        if self._answering is not None and _THANKS.match(masked):
            self._answering = None  # "Xin cảm ơn ông!": the interview is over
            return None
        answer = self._by_interview(masked)
        if answer is not None and self._interviewed:
            self._answering = _restored(answer)
        found = _restored(answer or self._by_headline(masked) or self._by_source_first(masked)
                          or self._by_verb(masked) or self._by_quote_attribution(masked) or self._by_according(masked)
                          or self._by_agent(masked) or self._by_report(masked))
        if found is not None and _SHARE_OF_A_GROUP.match(found.name) and _OPENS_WITH_THEO.match(masked):
            found = _restored(self._by_according(masked)) or found  # "Theo VCCI, 60% doanh nghiệp … cho biết": VCCI
        if found is None and self._answering is not None:
            return self._answering  # the answer goes on, to the next question
        if found is None:
            # "Trước đó, Tổng thống Ukraine Volodymyr Zelenskyy đã có bài phát biểu": the person the next "ông"
            # refers to, though they do not speak here.
            head = masked[:80]
            runs = list(name_runs(head))
            if runs and runs[0][0] == 0 and _starts_with(_low(head[:runs[0][1]]), _BODY_HEADS):
                self._last_body = head[:runs[0][1]]  # "Bộ Quốc phòng Nga đã công bố video …", then "Cơ quan này"
            for start, end in runs:
                title, name = split_title(head[start:end])
                going_on = head[end:].split()[:1]  # "Phó Chủ tịch …": a title's first words, not a name
                if going_on and _starts_with(_low(f"{head[start:end]} {going_on[0]}"), _ROLE_HEADS) \
                        > len(head[start:end].split()):
                    continue
                if len(name.split()) >= 2 and fold(name.split()[0]) not in PLACES_AND_BODIES:
                    self._last_person = self.full_name(name)
                    title = _clean(_COMMAS.split(head[:start])[-1] + title)
                    if title and self._is_title(title) and not _HONORIFIC.fullmatch(title):
                        # "Bộ trưởng Bộ Y tế Nguyễn Thanh Long đã làm việc …", then "Bộ trưởng cho biết"
                        self.remember(self._last_person, title, in_passing=True)
                    break
            return None
        if found.role is None and found.name in self._role_of and fold(found.name) not in PLACES_AND_BODIES:
            found = Attribution(found.name, self._role_of[found.name])
        return found

    def _without_marks(self, sentence: str, marked: str) -> Attribution | None:
        """The speaker of a sentence typed without diacritics ("Bo Quoc phong Nga cho biet …"), read in `marked`,
        its words of attribution given their marks (`_with_marks`), and given as the sentence writes it."""
        found = self.speaker_of(marked)
        if found is None:
            return None

        def as_written(phrase: str | None) -> str | None:
            at = marked.find(phrase) if phrase else -1
            return sentence[at:at + len(phrase)] if phrase and at >= 0 else phrase

        return Attribution(as_written(found.name) or found.name, as_written(found.role))

    def _in_capitals(self, sentence: str) -> Attribution | None:
        """The speaker of a sentence written in capitals ("BỘ QUỐC PHÒNG NGA CHO BIẾT …"): read in small letters,
        places and bodies capitalised again, and the speaker given as the sentence writes it."""
        lowered = sentence.lower()
        in_name = [0]  # syllables of a person's name taken after an honorific ("ÔNG NGUYỄN VĂN HẢI")

        def small_or_named(m: re.Match[str]) -> str:
            word = m.group().lower()
            before = lowered[max(0, m.start() - 12):m.start()].split()[-1:]
            gap = lowered[m.start() - 1:m.start()] if m.start() else ""
            if before and before[0] in ("ông", "bà", "anh", "chị", "ngài") and gap == " " \
                    and fold(word) in VI_SURNAMES:
                in_name[0] = 1
                return word.capitalize()
            if in_name[0] and gap == " " and in_name[0] < 4 and word not in NOT_SECOND_SYLLABLES:
                in_name[0] += 1
                return word.capitalize()
            in_name[0] = 0
            if fold(word) in PLACES_AND_BODIES and not (before and f"{before[0]} {word}" in _VERBS):
                return word.capitalize()  # "Nga", "Bộ"; not the "bố" of "tuyên bố"
            if word.isascii() and len(word) >= 4 and not one_vietnamese_syllable(word):
                return word.capitalize()  # a foreign name: "PUTIN", "ZELENSKY"
            return word

        words = _LETTERS_RUN.sub(small_or_named, sentence)
        words = words[:1].upper() + words[1:]
        found = self.speaker_of(words) if len(words) == len(sentence) and words != sentence else None
        at = words.find(found.name) if found else -1
        return Attribution(sentence[at:at + len(found.name)], found.role) if found and at >= 0 else found

    def _by_verb(self, masked: str) -> Attribution | None:
        body = country = None
        for n, m in enumerate(_verbs(masked)):
            if n >= _MOST_VERBS:
                break
            # A speaker and their title stand within a few hundred characters of the verb: reading only those
            # keeps a long unpunctuated text linear.
            before = masked[max(0, m.start() - _REACH): m.start()]
            found = self._opening_person(before) or self._subject(before)
            if found is None:
                continue
            if fold(found.name) in PLACES_AND_BODIES and n == 0:
                # "Trung Quốc kêu gọi …, người phát ngôn … Uông Văn Bân nói": the person named as the source
                # speaks; a country alone speaks only when nobody is named after it.
                country = found
                continue
            closes = not masked[m.end():].strip(" .!\"”'")
            if country is not None and not _names_someone(found.name) \
                    and (not closes or (fold(found.name) in PLACES_AND_BODIES and fold(found.name) not in _SEATS)):
                # "Moscow tuyên bố …, một đề xuất mà Kiev chỉ trích": the country that spoke first; a body closing
                # the sentence is its source ("Mỹ cam kết …, Nhà Trắng thông báo.")
                continue
            if found.name != self._last_body and (body is None or fold(found.name) not in PLACES_AND_BODIES):
                return found  # after a body, only a person it quotes speaks ("…, nhưng Bắc Kinh phủ nhận" does not)
            # "Đài truyền hình … đưa tin, …, Đại sứ Nga … Vasily Nebenzya cho biết": the person quoted speaks.
            body = body or found
        return body or country

    def _by_quote_attribution(self, masked: str) -> Attribution | None:
        m = _QUOTE_BY.search(masked)
        if not m:
            return None
        rest = masked[m.end():]
        chunks = _CHUNK.split(_PARENTHESIS.sub(lambda p: " " * len(p.group()), rest))
        np = chunks[0]
        verb = next(_verbs(np), None)
        if verb is not None:
            np = np[: verb.start()]
        np = re.split(r"\.|\s+rằng(?![^\W\d_])", np)[0]  # "dẫn lời ông X rằng …": the person ends at "rằng"
        return self._phrase(_clean(np), chunks[1] if len(chunks) > 1 else None)

    def _by_according(self, masked: str) -> Attribution | None:
        if "heo" not in masked and "hư lời" not in masked:
            return None
        for m in _ACCORDING.finditer(masked):
            if _THE_STATEMENT.fullmatch(m.group("np").strip()) and masked[m.end():].lstrip().startswith(","):
                return self._previous  # "Theo thông báo, …": the statement the sentence before reported
            of = _OF.match(m.group("np").strip())  # "Theo tính toán của các chuyên gia …": the experts
            np = _TOLD.sub("", m.group("np").strip()[of.end() if of else 0:])
            np, dashed = (_DASH.split(np, maxsplit=1) + [""])[:2]
            words = _low(np).split()
            if not words or (words[0] in _NOT_AFTER_THEO and not (of and words[0] in _DETERMINERS)) \
                    or " ".join(words[:2]) in _NOT_AFTER_THEO:
                continue
            following = masked[m.end():].lstrip()
            bracket = _FIRST_PARENTHESIS.match(following)
            if bracket:  # "Theo bà X (Phó Chủ tịch …), …": the title in brackets, then what was said
                following = following[bracket.end():].lstrip()
            nxt = _CHUNK.split(following[1:])[0] if following.startswith(",") else None
            found = self._phrase(_clean(np), nxt)
            if found is not None:  # the title in brackets, or between dashes ("Theo bà X - Viện trưởng …, …")
                return self._with_apposition(found, bracket.group("inside") if bracket else dashed or None,
                                             nxt if nxt is not None and "," in following[1:] else None)
        return None

    def _with_apposition(self, found: Attribution, bracketed: str | None, after: str | None) -> Attribution:
        """"Theo bà X (Phó Chủ tịch …), …", "Theo Thiếu tướng X, người phát ngôn …, …": the title beside the name,
        in brackets or as a chunk of its own before what was said, joins the role."""
        bracketed = " ".join((bracketed or "").split())
        extra = bracketed if bracketed and (_starts_with(_low(bracketed), _ROLE_HEADS) or (
            bracketed[0].isupper() and self._is_title(bracketed))) else None  # not "(ảnh)", a photo's mark
        if extra is None and after is not None and found.role is not None:
            title = _clean(after)
            words = _low(title).split()
            if title and len(words) <= 12 and not _CLAUSE_WORDS & set(words) \
                    and (_starts_with(_low(title), _ROLE_HEADS) or words[0] == "người"):
                extra = title
        if extra is None or not _names_someone(found.name) or (found.role and extra in found.role):
            return found
        role = f"{found.role}, {extra}" if found.role else extra
        self.remember(found.name, role)
        return Attribution(found.name, role)

    def _by_interview(self, masked: str) -> Attribution | None:
        """"Ông Vũ Đức Đam: Tôi cho rằng …": an interview's answer names its speaker before a colon."""
        m = _INTERVIEW.match(masked)
        if m is None or fold(m.group("np")) in PLACES_AND_BODIES or _a_kind_of_piece(m.group("np")):
            return None  # ("CẬP NHẬT: Bộ Quốc phòng Nga thông báo …": what the piece is, not who speaks)
        if not _HONORIFIC.match(m.group("np")) and len(m.group("np").split()) < 2:
            return None
        return self._phrase(m.group("np"))

    def _by_source_first(self, masked: str) -> Attribution | None:
        """"Theo nguồn tin của tờ Izvestia, phái đoàn Ukraine đã đề xuất …": a source opening the sentence speaks
        for the proposal, demand or pledge it reports; any other verb of saying after it ("Theo Reuters, ông Putin
        cho biết …", "Theo AFP, Nga cáo buộc …") leaves the one who said it to speak."""
        if not _OPENS_WITH_THEO.match(masked):
            return None
        verb = next(_verbs(masked), None)
        if verb is None or " ".join(verb.group().split()).lower() not in _REPORTED_ACTS:
            return None
        return self._by_according(masked)

    def _by_headline(self, masked: str) -> Attribution | None:
        """"Bộ Quốc phòng Nga: "Lực lượng Ukraine đang …"", "CCTV: Nga 2 lần yêu cầu …": a headline names its source
        before a colon. A body or an outlet is a source anywhere; an acronym, a country or one foreign name only in a
        headline (no full stop at its end), where "Ukraine: Tên lửa bắn vào nhà dân" is what Ukraine says."""
        m = _HEADLINE_SOURCE.match(masked)
        if m is None:
            return None
        np, folded = m.group("np"), _low(m.group("np"))
        if _a_kind_of_piece(np):
            return None  # "Ảnh: AP" (a caption), "Mặt trận Rubizhne: …" (a section's place)
        if _starts_with(folded, _BODY_HEADS) or _starts_with(folded, _OUTLETS):
            return self._phrase(np)
        if _starts_with(folded, _ROLE_HEADS) and _names_someone(np) and next(_verbs(np), None) is None:
            return self._phrase(np)  # "Người phát ngôn Bộ Ngoại giao Nga Maria Zakharova: "…""
        headline = not masked.rstrip(" \"”'").endswith(".")
        one_foreign_word = " " not in np and np.isalpha() and not np.isupper() and not _vietnamese(np) \
            and fold(np) not in PLACES_AND_BODIES  # "Topwar: …", "Peskov: …"; not a city's dateline ("Mariupol: …")
        acronym = np.isupper() and " " not in np and np.isalpha() \
            and all(c.isascii() or c == "Đ" for c in np)  # "CCTV: …", "VTV: …"; not a word shouted, "NÓNG: …"
        if np in _NOT_SOURCES:
            return None
        if headline and (acronym or fold(np) in _HEADLINE_SPEAKERS or one_foreign_word):
            self._last_body = np
            return Attribution(np)
        return None

    def _by_report(self, masked: str) -> Attribution | None:
        """"Báo cáo của Bộ Tài chính cho thấy …", "Hình ảnh do Maxar công bố cho thấy …": the body whose report or
        pictures they are; "Thông tin do kênh Telegram X đăng tải …": who put the information out."""
        if "cho thấy" not in masked:
            given = _INFORMATION_BY.match(masked) if " do " in masked else None
            return self._phrase(_clean(given.group("np"))) if given else None
        m = _REPORT_SHOWS.search(masked) or _PUBLISHED_BY.search(masked) or _PUBLISHED.search(masked)
        return self._phrase(_clean(m.group("np"))) if m else None

    def _by_agent(self, masked: str) -> Attribution | None:
        m = _AGENT.search(masked) if "được" in masked else None
        return self._phrase(m.group("np")) if m else None

    def _subject(self, before: str) -> Attribution | None:
        """The speaker standing before a verb of attribution, with its appositive title if any."""
        aside = _LAST_PARENTHESIS.search(before)
        found = self._subject_of(before)
        if aside and found is not None and found.role is None and self._is_title(aside.group("inside")) \
                and _names_someone(found.name):
            # "Ông Nguyễn Văn Hùng (Giám đốc Công ty ABC) khẳng định": the title in brackets
            role = " ".join(aside.group("inside").split())
            self.remember(found.name, role)
            found = Attribution(found.name, role)
        return found

    def _subject_of(self, before: str) -> Attribution | None:
        before = _PARENTHESIS.sub(lambda p: " " * len(p.group()), before)
        chunks = _CHUNK.split(before)
        last = chunks[-1]
        quoted = _QUOTED_BY.match(last) if "được" in last and " lời" in last else None
        if quoted:
            # "Thị trưởng Vadym Boychenko được hãng tin AP dẫn lời nói rằng": the person quoted, not the outlet
            found = self._phrase(_clean(quoted.group("np")))
            if found is not None:
                return found
        cuts = [m.end() for m in _SUBORDINATE.finditer(last)]
        if cuts:
            last = last[cuts[-1]:]
        last = _clean(last)
        if not last:
            # "Ông X, <chức vụ>, cho biết" or "<chức vụ>, ông X, cho biết": the two chunks before the verb.
            # ("X đăng video trên Telegram, tuyên bố …": X, not where X posted)
            around = [_POSTED_ON.sub("", c) or c for c in _COMMAS.split(before) if c.strip(" _\"“”") and _clean(c)]
            # "Bà Nguyễn Thị Hoa, 60 tuổi, trú tại xã X, cho biết", "Ông X, 52 tuổi, một thương nhân, kể": the age
            # and home are asides, wherever they stand after the first chunk
            around = around[:1] + [c for c in around[1:]
                                   if not (_AGE.match(_clean(c)) or _LIVES_AT.match(_clean(c)))]
            if len(around) == 1:
                return self._phrase(_clean(around[0]))
            if len(around) >= 2 and _is_place(_clean(around[-1])):
                return self._phrase(_clean(around[-2]))  # "X, miền Trung Việt Nam, hôm nay cho biết"
            for k in range(len(around) - 3, max(-1, len(around) - 5), -1):
                # "Ông X, Phó Hiệu trưởng …, đại biểu Quốc hội, cho rằng": several titles after the person
                titles = [_clean(c) for c in around[k + 1:]]
                if _names_someone(_clean(around[k])) and all(self._is_title(t) for t in titles) \
                        and not any((_HONORIFIC.match(t) or _RANK.match(t)) and _names_someone(t) for t in titles):
                    # ("Trao đổi với phóng viên Tuổi Trẻ, anh X, một tài xế, cho hay": "anh X" is the person)
                    person = self._phrase(_clean(around[k]))
                    if person is not None:
                        role = ", ".join(titles) if not any("_" in t for t in titles) else None
                        self.remember(person.name, role)
                        return Attribution(person.name, role)
            if len(around) >= 2:
                first = around[-2]
                cuts = [m.end() for m in _SUBORDINATE.finditer(first)]
                return self._appositive(_clean(first[cuts[-1]:] if cuts else first), _clean(around[-1]))
            return None
        previous = _clean(chunks[-2]) if len(chunks) >= 2 else ""
        dashed = _LAST_DASH.search(before)
        if dashed and previous and _HONORIFIC.match(previous) and _names_someone(previous) and self._is_title(last):
            # "Ông Phạm Văn Dũng - Giám đốc Sở Công Thương Hà Nội cho biết": the person, then the title after a dash
            person = self._phrase(previous)
            if person is not None:
                self.remember(person.name, last)
                return Attribution(person.name, last)
        last = _POSTED_ON.sub("", last) or last  # "X đăng video trên Telegram khẳng định": X, not Telegram
        found = self._phrase(last, None, previous)
        if found is None and previous and _is_place(last):
            # "Quan chức địa phương thành phố Sumy, đông bắc Ukraine, hôm nay cho biết": the place is an aside
            return self._phrase(previous)
        if found is None:
            # "Tờ Topwar.ru dẫn một số nguồn tin khác cho biết", "Chuyên gia X đưa ra nhận định": the subject ends
            # with the first name of the clause.
            for start, end in name_runs(last):
                if len(last[:start].split()) <= 8:
                    found = self._phrase(last[:end], None, previous)
                break
        if found is None and (cites := _CITES_A_SOURCE.match(last)):
            found = self._phrase(cites.group("np"), None, previous)  # "TASS dẫn nguồn tin quân sự cho biết": TASS
        return found

    def _appositive(self, first: str, second: str) -> Attribution | None:
        if not first or not second:
            return None
        honoured = bool(_HONORIFIC.match(second)) and _names_someone(second)
        if not honoured and _names_someone(first) and (self._is_title(second) or (
                _HONORIFIC.match(first) and _reads_as_a_post(second))):
            person = self._phrase(first)
            if person is not None:
                role = _APPOSITIVE_ROLE.sub("", second) if "_" not in second else None
                self.remember(person.name, role)
                return Attribution(person.name, role or person.role)
        person = self._phrase(second)
        first = _TITLE_AFTER.sub("", first) or first  # "… dẫn tin từ đại diện DPR và lãnh đạo …": the last title
        if person is not None and _names_someone(second) and self._is_title(first):
            role = first if "_" not in first else None
            self.remember(person.name, role)
            return Attribution(person.name, role or person.role)
        if person is None and _starts_with(_low(first), _BODY_HEADS):
            return self._phrase(first)  # "truyền thông Ukraine đã công bố …, video, nói rằng"
        return person

    @staticmethod
    def _is_title(phrase: str) -> bool:
        """A phrase that can stand beside a name as its title: it starts with a role, a body, "người …" or an
        uncapitalised word, and is not a whole clause."""
        phrase = phrase.strip()
        if not phrase or "_" in phrase or len(phrase.split()) > 20:
            return False
        folded = _low(_APPOSITIVE_ROLE.sub("", phrase))
        folded = re.sub(r"^(?:(?:phó|nguyên|cựu|tân|quyền)\s+)+", "", folded)  # "Phó Hiệu trưởng", "nguyên Bộ trưởng"
        return bool(_starts_with(folded, _ROLE_HEADS) or _starts_with(folded, _BODY_HEADS)
                    or "trưởng" in folded.split()[:4]  # "Trưởng Công an huyện …", "Tổng tham mưu trưởng …"
                    or phrase[0].islower() or _APPOSITIVE_ROLE.match(phrase))

    def _phrase(self, np: str, following: str | None = None, preceding: str = "") -> Attribution | None:
        """The speaker a noun phrase names, resolved against the article so far; None when it names nobody."""
        np = np.strip(" ,-–—")
        if not np or "_" in np or len(np.split()) > 2 * _TOO_LONG:
            return None
        if _SHARE_OF_A_GROUP.match(np):
            return Attribution(np)  # "Một phần ba số doanh nghiệp được khảo sát cho biết": that share of them
        named = _QUOTED_NAME.fullmatch(np)
        if named:  # 'kênh Telegram "Rybar"', 'tờ "Sự thật Komsomol"': the name in quotes
            self._last_body = named.group("name")
            return Attribution(named.group("name"))
        platform = _PLATFORM_OF.match(np)
        if platform:  # "kênh Telegram của Ramzan Kadyrov": who owns the channel speaks
            return self._phrase(platform.group("owner"), following, preceding)
        if fold(np) == "phuong tay":  # "Theo ước tính của phương Tây": the West, as "Phương Tây cáo buộc" names it
            return Attribution(np)
        paper = _SMALL_LETTER_PAPERS.fullmatch(np)
        if paper:
            self._last_body = paper.group("name")
            return Attribution(paper.group("name"))
        folded = _low(np)
        if len(np.split()) > _TOO_LONG and not _starts_with(folded, _BODY_HEADS):
            return None
        if " và " in np and not _starts_with(folded, _BODY_HEADS):
            both = self._both(np)
            if both is not None:
                return both
        words = folded.split()
        if folded in _NOT_SPEAKERS:
            return None
        if folded in _PRONOUNS:
            return Attribution(self._last_person) if self._last_person else None
        of_this_country = len(words) >= 3 and words[-2] == "nước"  # "lực lượng biên phòng nước này": a body
        if words[-1] in _DEMONSTRATIVE and len(words) >= 2 and not of_this_country and (
                " ".join(words[:-1]) in _PRONOUNS or _starts_with(" ".join(words[:-1]), _ROLE_HEADS)
                or _starts_with(" ".join(words[:-1]), _BODY_HEADS) or words[0] in ("người", "vị", "nhân")):
            # "ông này", "công tố viên này", "Bộ này": the last person, or the last body that spoke.
            if _starts_with(folded, _BODY_HEADS) > _starts_with(folded, _ROLE_HEADS):
                return Attribution(self._last_body) if self._last_body else None
            return Attribution(self._last_person) if self._last_person else None
        determiner = 0
        while determiner < min(2, len(words) - 1) and words[determiner] in _DETERMINERS:
            determiner += 1  # "Một nữ y tá": two
        role_width = _starts_with(" ".join(words[determiner:]), _ROLE_HEADS) + determiner if \
            _starts_with(" ".join(words[determiner:]), _ROLE_HEADS) else 0
        body_width = _starts_with(folded, _BODY_HEADS)
        outlet = _starts_with(folded, _OUTLETS)
        rest = np.split()
        if outlet:  # "chuyên trang quân sự Topwar", "hãng tin nhà nước RIA": what the outlet covers, then its name
            width = outlet
            while width < len(rest) and _low(rest[width]) in _OUTLET_WORDS:
                width += 1
            if width > outlet and width < len(rest) and is_capitalised(rest[width]):
                outlet = width
        if outlet and len(rest) > outlet and is_capitalised(rest[outlet]) \
                and fold(" ".join(rest[outlet:])) not in PLACES_AND_BODIES \
                and not (len(rest) > outlet + 1 and rest[outlet + 1].islower() and _vietnamese(rest[outlet])
                         and rest[outlet + 1] not in NOT_SECOND_SYLLABLES):  # "Đài Khí tượng …" is a body
            # "Hãng tin AP", "Tờ Topwar.ru", "Theo Đài Sputnik của nhà nước Nga": the outlet's name.
            name_words = []
            for w in rest[outlet:]:
                if not is_capitalised(w) and name_words and not (w.isdigit() and len(name_words) == 1):
                    break  # "Rossiya 24", "Channel 4": a channel's number is its name's
                name_words.append(w)
            name = " ".join(name_words)
            self._last_body = name
            return Attribution(name, " ".join(rest[:outlet]))
        if body_width > role_width:
            kept = []
            for w in np.split():
                if kept and w[:1].islower() and _low(w) in _BODY_STOPS \
                        and f"{_low(kept[-1])} {_low(w)}" not in _BODY_NAME_WORDS:  # "Bộ Công an", "Cục Hàng không"
                    break
                kept.append(w)
            body = " ".join(kept)
            if len(kept) >= 2 and _low(kept[-1]) in _DEMONSTRATIVE and not of_this_country:
                return Attribution(self._last_body) if self._last_body else None  # "cơ quan này"
            title, name = split_title(body)
            if name and title and fold(title.split()[-1]) in _PLACE_WORDS and not name.isupper() \
                    and _low(title.split()[-1]) not in _BODY_HEADS:  # "Bộ Công Thương" is a ministry's name
                # "phương tiện truyền thông Nga Ren.tv": the outlet's name, its kind and country as its title
                self._last_body = name
                return Attribution(name, title)
            self._last_body = body
            return Attribution(body)
        title, name = split_title(np)
        if name and title and role_width and name.isupper() and " " not in name:
            name = ""  # "Phóng viên AP": a role at a body, without a name
        if name and title and (" ".join(title.split()[-2:]) in _PLACE_KINDS or title.split()[-1] in _PLACE_KINDS):
            name = ""  # "… tỉnh Quảng Bình": a place's name
        if name and title and role_width and any(_low(w) in _BODY_HEADS for w in title.split()[role_width:]) \
                and (fold(name) in PLACES_AND_BODIES
                     or (_vietnamese(name.split()[0]) and fold(name.split()[0]) not in VI_SURNAMES)):
            name = ""  # "Lãnh đạo Sở Y tế Đà Nẵng": a role at a body of a place, without a person's name
        if name and title and (_low(title.split()[-1]) in _BODY_HEADS
                               or _low(" ".join(title.split()[-2:])) in _BODY_HEADS) \
                and ((len(name.split()) == 1 and _low(title.split()[-1]) in _NAMED_LIKE_BRANDS)
                     or (_vietnamese(name.split()[0]) and fold(name.split()[0]) not in VI_SURNAMES)):
            # "Đại diện công ty Hòa Phát", "Lãnh đạo Sở Giao thông Vận tải": the name is the body's, not a person's
            name = ""
        if name and title and _at_a_place(title):
            name = ""  # "một tiểu thương ở chợ Long Biên": the name is the place's
        if name:
            parts = name.split()
            if not title and len(parts) == 1 and (following is None or not self._is_title(following)):
                full = self.full_name(name)
                if full != name or fold(name) in self._by_last:
                    self._last_person = full
                    return Attribution(full)
                # A single capitalised word: a country, city, outlet or a person known by one name; a Vietnamese
                # word capitalised only because it opens the sentence ("Đáp lại …") is none of these.
                if len(name) > 1 and fold(name) not in SENTENCE_OPENERS and (
                        fold(name) in PLACES_AND_BODIES or fold(name) == name.lower() or name.isupper()):
                    return Attribution(name)
                return None
            honorific = bool(_HONORIFIC.match(title + " ")) if title else False
            titled = bool(title) and (honorific or role_width or body_width or _starts_with(
                _low(title.split()[-1]) if title else "", _ROLE_HEADS) or title[0].islower() or len(parts) >= 2)
            if len(parts) >= 2 or titled:
                full = self.full_name(name)
                role = _HONORIFIC.sub("", title).strip() or None
                if role is None and following is not None and _names_a_post(following):
                    role = _APPOSITIVE_ROLE.sub("", following.strip()) or None
                if role is None and preceding and self._is_title(preceding) and len(preceding.split()) <= 12 \
                        and not _CLAUSE_WORDS & set(_low(preceding).split()):
                    role = preceding
                elif role is not None and preceding and not honorific and self._is_title(preceding) \
                        and not _starts_with(_low(role), _ROLE_HEADS) and _starts_with(_low(preceding), _ROLE_HEADS) \
                        and role[:1].islower() and len(preceding.split()) <= 8 \
                        and not _CLAUSE_WORDS & set(_low(preceding).split()):
                    role = f"{preceding}, {role}"  # "nhà khoa học chính trị, khoa học lịch sử X": two titles
                self.remember(full, role)
                self._last_person = full
                return Attribution(full, role)
        if role_width:
            for start, end in name_runs(np):
                if start and np[end:].strip() and _names_someone(np[:end]) and not _body_named(np[:end]) \
                        and not _starts_with(_low(np[start:end]), _BODY_HEADS) \
                        and not _at_a_place(np[:start]):  # "đại diện Hiệp hội X tại Y", "… ở chợ Long Biên"
                    # "Chuyên gia Nguyễn Minh Hoàng đưa ra": the speaker ends with the name
                    return self._phrase(np[:end], following, preceding)
                break
            # A role without a name: a person named before under that title, a back-reference, or the role as
            # the speaker ("một quan chức Mỹ giấu tên", "Giới chức địa phương").
            key = fold(_HONORIFIC.sub("", np))
            known = self._by_role.get(key, set())
            if not known:
                # "Tổng thống Nga" for someone introduced as "Tổng thống Vladimir Putin": the title without places
                bare = " ".join(w for w in key.split() if w not in _PLACE_WORDS)
                known = self._by_role.get(bare, set()) if bare != key else set()
            if not known and len(key.split()) >= 2:
                # "Bộ trưởng" for someone introduced as "Bộ trưởng Bộ Y tế Nguyễn Thanh Long": the head of a title
                known = {name for role, names in self._by_role.items() if role.startswith(key + " ")
                         for name in names}
            if len(known) == 1:
                person = next(iter(known))
                self._last_person = person
                return Attribution(person, np)
            if following is not None and _names_someone(following.strip()):
                person = self._phrase(following.strip())
                if person is not None and person.role is None and len(person.name.split()) >= 2:
                    self.remember(person.name, np)
                    return Attribution(person.name, np)
            if self._last_person and (words[0] == "vị" or (_starts_with(folded, _BACK_HEADS)
                                                            and self._shares_place(np.split(), self._last_person))):
                return Attribution(self._last_person, None if words[0] == "vị" else np)
            if self._last_person and words[0] in ("nữ", "nam") and self._holds_role(self._last_person, words[1:]):
                return Attribution(self._last_person)  # "Nữ phát ngôn viên" after "Người phát ngôn … Zakharova"
            return Attribution(np)
        if all(is_capitalised(w) or not w.isalpha() for w in np.split()) and len(words) <= 6 \
                and not np.split()[0].isdigit():
            return Attribution(np)  # "RIA Novosti", "Liên Hợp Quốc": a body's name, capitalised throughout
        return None

    def _opening_person(self, before: str) -> Attribution | None:
        """"Tổng thống Mỹ Joe Biden có bài phát biểu …, trong đó ông gọi …": a pronoun after a clause, standing just
        before the verb, refers to the person the sentence opens with (named with two words or more), not to the
        last sentence's; None when the subject is no such pronoun ("Ông nói …" refers to an earlier sentence)."""
        if "," not in before and not _SUBORDINATE.search(before):
            return None
        if _low(_clean(_CHUNK.split(before)[-1])) not in _PRONOUNS:
            return None
        for start, end in name_runs(before):
            _, name = split_title(before[start:end])
            if start == 0 and len(name.split()) >= 2 and fold(name.split()[0]) not in PLACES_AND_BODIES:
                return Attribution(self.full_name(name))  # the sentence's subject, not a name after "với", "của"
            break
        return None

    def _holds_role(self, person: str, words: list[str]) -> bool:
        """Whether `person` was introduced with a title that shares a telling word with `words` ("phát ngôn")."""
        telling = {fold(w) for w in words} - _GENERIC_ROLE_WORDS
        return any(person in names and telling & set(role.split()) for role, names in self._by_role.items())

    def _both(self, np: str) -> Attribution | None:
        """Two speakers joined by "và" ("Moskva và Kiev sau đó cho biết", "Tổng thống Putin và Thủ tướng Scholz"),
        each named on its own, or a speaker and a group ("Mỹ và các đồng minh"): both, as one speaker; None when
        either side names nobody."""
        first, _, second = np.rpartition(" và ")
        if not first[:1].isupper() or max(len(first.split()), len(second.split())) > 6:
            return None
        group = second.split()[0] in ("các", "những") and len(second.split()) <= 4  # "Mỹ và các đồng minh"
        if not (second[:1].isupper() or group):
            return None
        one = self._phrase(first)
        other = Attribution(second) if group else self._phrase(second)
        if one is None or other is None:
            return None
        return Attribution(f"{one.name} và {other.name}")

    def _shares_place(self, words: list[str], person: str) -> bool:
        """Whether a role said again ("quan chức Nga") fits the last person's title: it names no place, or one in
        their title ("Đại sứ Nga tại Liên hợp quốc")."""
        places = [fold(w) for w in words if fold(w) in _PLACE_WORDS]
        if len(words) > 6 or any(fold(w) not in _PLACE_WORDS and w[:1].isupper() for w in words[1:]):
            return False  # "quan chức địa phương thành phố Sumy": a particular office, not a reference back
        if not places:
            return True
        role = fold(self._role_of.get(person, ""))
        return any(p in role.split() for p in places)


_PLACE_WORDS = frozenset(w for p in PLACES_AND_BODIES for w in p.split() if len(p.split()) == 1)
# Where a body's name ends: "đại sứ quán Nga tại Anh hôm 10/3 …", "truyền thông Ukraine đã công bố …".
_BODY_STOPS = frozenset(_low(w) for w in """đã đang sẽ vừa cũng hôm ngày trong khi vào sau trước công có không được bị
    ra đưa thì mà là vẫn còn đều lại mới từng hiện nay tối sáng chiều gồm""".split())


# A phrase holding one of these is a clause ("thể thao là hai lĩnh vực lớn"), not a title beside a name.
_CLAUSE_WORDS = frozenset({"là", "đã", "đang", "sẽ"})

# A word of _BODY_STOPS that a body's name holds after the word before it ("Cục Hàng không Việt Nam", "Tổng công
# ty …", "Quân chủng Phòng không - Không quân").
_BODY_NAME_WORDS = frozenset({"hàng không", "tổng công", "phòng không"})

# Bodies whose one-word name is a brand ("công ty Apple", "ngân hàng Vietcombank"), not a person standing after
# them as "Điện Kremlin Ushakov" does.
_NAMED_LIKE_BRANDS = frozenset(("ty", "đoàn", "hàng", "hãng", "chức", "trường", "học", "viện", "máy"))
_PLACE_KINDS = frozenset(("tỉnh", "huyện", "xã", "quận", "phường", "bang", "vùng", "làng", "bản", "thôn", "ấp",
                          "thành phố", "thị xã", "thị trấn", "đảo", "sông"))
_DIRECTIONS = frozenset("đông tây nam bắc miền phía vùng tỉnh thành phố ngoại ô gần".split())


# A person introduced with an honorific or a rank and their titles between commas: "Đại tá X, Trưởng …,", "Trung
# tướng X, Chánh Văn phòng, người phát ngôn Bộ Công an,".
_HONORIFIC_OR_TITLED = re.compile(rf"(?:^|[\s,])(?:[Ôô]ng|[Bb]à|[Aa]nh|[Cc]hị|[Đđ]ại tá|[Tt]rung tá|[Tt]hiếu tá|"
                                  rf"[Tt]hượng tá|[Tt]ướng)\s+[{UPPER}][^,]*(?:,[^,]+){{1,3}},\s*$")
# "trú tại xã Cẩm Thịnh", "ngụ ở phường 3", "quê Nghệ An": where a person lives, an aside like the age.
_LIVES_AT = re.compile(r"^(?i:trú|ngụ|cư trú|thường trú|tạm trú|sống|quê)(?:\s+(?i:tại|ở)(?![^\W\d_])|\s+[A-ZÀ-ỸĐ])")


def _at_a_place(phrase: str) -> bool:
    """Whether a phrase ends with "ở" or "tại" and at most two small words ("một tiểu thương ở chợ", "tại thành
    phố"): a capitalised name after it is a place's."""
    words = phrase.split()
    for back in (1, 2, 3):
        if len(words) >= back and words[-back] in ("ở", "tại") and all(w.islower() for w in words[-back:]):
            return True
    return False


_AGE = re.compile(r"^(?:\d{1,3}|[^\W\d_]+)\s+tuổi$")
_BRACKETED = r"\((?P<inside>[^()]{2,120})\)"
_LAST_PARENTHESIS = re.compile(_BRACKETED + r"\s*$")
_FIRST_PARENTHESIS = re.compile(_BRACKETED)


_LETTERS_RUN = re.compile(r"[^\W\d_]+")


# Words of attribution and the heads of bodies and titles, as typed without diacritics, with their marks. Each
# unmarked letter stands for one marked letter, so a sentence keeps its length and its offsets.
_MARKED = {fold(w): w for w in (
    "cho biết", "tuyên bố", "khẳng định", "xác nhận", "thông báo", "cảnh báo", "nhấn mạnh", "nói rằng",
    "nói với", "cáo buộc", "thừa nhận", "phát biểu", "Bộ Quốc phòng", "Bộ Ngoại giao", "Bộ Y tế", "Bộ trưởng",
    "Tổng thống", "Thủ tướng", "Ngoại trưởng", "người phát ngôn", "Phát ngôn viên", "quân đội", "chính quyền",
    "Điện Kremlin", "Nhà Trắng", "Lầu Năm Góc", "Liên Hợp Quốc", "yêu cầu", "kêu gọi", "cho hay", "nhận định",
    "cho rằng", "bác bỏ", "nêu rõ", "đưa tin")}
_BARE_ONG = re.compile(r"(?<![^\W\d_])[Oo]ng(?= [A-Z])")
_BARE_NOI = re.compile(r"(?<![^\W\d_])(?P<name>[A-Z][a-z]+ )noi(?= )")
_MARKLESS = re.compile(r"(?<![^\W\d_])(?:" + longest_of(_MARKED) + r")(?![^\W\d_])", re.IGNORECASE)


def _with_marks(sentence: str) -> str:
    """`sentence` with its words of attribution and heads of bodies and titles given their marks, one letter for one
    letter, so it keeps its length and offsets."""
    marked = _MARKLESS.sub(lambda m: _match_case(m.group(), _MARKED.get(m.group().lower(), m.group())), sentence)
    marked = _BARE_ONG.sub(lambda m: "Ông" if m.group()[0] == "O" else "ông", marked)
    # "Ong Zelensky noi …": said, after a name (not "noi" as "nơi", a place, "la noi")
    return _BARE_NOI.sub(lambda m: m.group("name") + "nói", marked)


def _match_case(written: str, marked: str) -> str:
    """`marked` in the case `written` has, letter by letter ("Bo Quoc phong" → "Bộ Quốc phòng"); `written` as it is
    when the two differ in length (words set apart by more than one space)."""
    if len(written) != len(marked):
        return written
    return "".join(m.upper() if w.isupper() else m.lower() for w, m in zip(written, marked, strict=True))


def _unmarked(sentence: str) -> bool:
    """Whether a sentence of Vietnamese words is typed without any diacritic (a post copied from social media)."""
    return sentence.isascii() and bool(_MARKLESS.search(sentence) or _BARE_NOI.search(sentence))


def _is_place(phrase: str) -> bool:
    """Whether a phrase only says where ("đông bắc Ukraine", "miền nam nước này")."""
    words = phrase.split()
    return bool(words) and words[0].lower() in _DIRECTIONS and len(words) <= 6


def _reads_as_a_post(phrase: str) -> bool:
    """Whether a capitalised phrase between commas after "Ông X" or "Bà X" can be a post no list knows ("Bà X,
    Tổng công tố Ukraine, cho biết"): a few words, no digit, no clause, not a place."""
    words = phrase.split()
    return bool(words) and words[0][:1].isupper() and len(words) <= 8 and not any(c.isdigit() for c in phrase) \
        and not _CLAUSE_WORDS & set(_low(phrase).split()) and not _is_place(phrase) \
        and fold(phrase) not in PLACES_AND_BODIES


def _names_a_post(phrase: str) -> bool:
    """Whether the words after "Theo ông X," are his title ("nguyên Trưởng ban …"), not the rest of the sentence."""
    words = _APPOSITIVE_ROLE.sub("", phrase.strip()).split()
    while words and words[0].lower() in ("nguyên", "cựu", "hiện", "là", "phó", "tân"):
        words = words[1:]
    folded = _low(" ".join(words))
    return bool(words) and len(words) <= 12 and not any(c.isdigit() for c in phrase) and bool(
        _starts_with(folded, _ROLE_HEADS) or _starts_with(folded, _BODY_HEADS) or folded.startswith("trưởng"))


def _body_named(phrase: str) -> bool:
    """Whether a phrase ends in a body's name rather than a person's: one capitalised word after a body's kind
    ("Lãnh đạo Sở Giao", cut from "Sở Giao thông Vận tải")."""
    title, name = split_title(phrase)
    return bool(title) and len(name.split()) == 1 and _low(title.split()[-1]) in _BODY_HEADS


def _vietnamese(word: str) -> bool:
    return fold(word) != word.lower()


def _names_someone(phrase: str) -> bool:
    """Whether a phrase ends in a person's name (not a place or an acronym alone)."""
    _, name = split_title(phrase)
    if _HONORIFIC.match(phrase) and _INITIALS.fullmatch(name):
        return True  # "Bà N.T.M.": a person named by initials, as the press names the private
    return bool(name) and not (name.isupper() and " " not in name) and fold(name) not in PLACES_AND_BODIES


_INITIALS = re.compile(r"(?:[A-ZĐ]\.){2,4}")
