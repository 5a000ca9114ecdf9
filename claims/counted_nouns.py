"""The counted noun after a Vietnamese figure, which is the figure's unit: "7 tỉnh" is 7 tỉnh, "12 binh sĩ" 12 binh sĩ,
"3 quả tên lửa" 3 tên lửa (the classifier "quả" is skipped), "5 máy bay chiến đấu" 5 máy bay (the word, not its
description). A paraphrase with the same figures then has the same units, which is how matching compares them."""
from __future__ import annotations

import re

from claims.wordlists import longest_of

__all__ = ["counted_noun", "classifier_after", "COUNTED_NOUNS"]

# Classifiers name the kind of thing counted, not the thing: they are skipped ("ba chiếc xe tăng" → xe tăng).
_CLASSIFIERS = ("quả", "chiếc", "con", "cái", "tòa", "toà", "ngôi", "lá", "bức", "tấm", "khẩu", "cây", "căn", "bản",
                "cuốn", "tờ", "pho", "viên")
# Nouns of more than one syllable, kept whole; and single-syllable nouns a number word may count on its own
# ("bảy tỉnh"). Common news vocabulary, not taken from any one article.
COUNTED_NOUNS = frozenset("""
người|người dân|dân thường|trẻ em|phụ nữ|nạn nhân|bệnh nhân|học sinh|sinh viên|giáo viên|công nhân|nhân viên|
lao động|cư dân|du khách|hành khách|cử tri|đại biểu|chuyên gia|nhà báo|phóng viên|bác sĩ|y tá|cảnh sát|
binh sĩ|binh lính|quân nhân|lính|lính thủy đánh bộ|lính đánh thuê|lính dù|sĩ quan|chiến binh|tay súng|tù binh|
quân|tướng|nhà ngoại giao|quan chức|thi thể|gia đình|hộ|hộ dân|hộ gia đình|ca|ca nhiễm|ca tử vong|trường hợp|
tỉnh|thành phố|huyện|xã|làng|ngôi làng|khu vực|khu dân cư|quốc gia|nước|nước cộng hòa|vùng|địa phương|mặt trận|
máy bay|trực thăng|xe|xe tăng|xe bọc thép|tàu|tàu chiến|tàu ngầm|xuồng|
tên lửa|đạn|đạn cối|đạn pháo|bom|pháo|súng|vũ khí|hệ thống|mục tiêu|căn cứ|cây cầu|cầu|tòa nhà|nhà|căn nhà|
ngôi nhà|căn hộ|tầng|trường|trường học|bệnh viện|nhà máy|công ty|doanh nghiệp|dự án|ngân hàng|cửa hàng|
phiếu|phiếu bầu|lá phiếu|lần|vụ|vụ việc|vụ tấn công|trận|cuộc|đợt|vòng|điểm|bàn thắng|huy chương|
trang|hình ảnh|bức ảnh|video|tài liệu|văn bản|bài|tin|đơn|hồ sơ|tiểu đoàn|lữ đoàn|sư đoàn|trung đoàn|đại đội|
đơn vị|nhóm|tổ chức|cơ sở|điểm nóng|chốt|giếng|hecta|ngày|tuần|tháng|năm|giờ|phút|giây|thế kỷ|thập kỷ|thập niên|
tên|câu|chữ|loại|mẫu|con tàu|chuyến|chuyến bay|đầu đạn|hạt giống|sản phẩm|mặt hàng|tàu thuyền|thuyền|
trạm|sân bay|cảng|đường|tuyến|km|cây số|cán bộ|chiến sĩ|đối tượng|nghi phạm|bị can|trẻ sơ sinh|học viên|
thành viên|cổ phiếu|lượt|lượt khách|thí sinh|vận động viên|cầu thủ|tàu cá|ngư dân|nông dân|hộ nghèo|ô tô|xe máy|
xe buýt|tấn hàng|container|ổ dịch|mẫu xét nghiệm|liều vắc xin|liều|nhà ở|công trình|cây|con|gia súc|gia cầm|
hành lang|thường dân|chiến đấu cơ|lệnh trừng phạt|gói trừng phạt|gói viện trợ|kho|tổ máy|
lò phản ứng|thùng|chuyến tàu|nghị sĩ|công dân|quan sát viên|tình nguyện viên|doanh nhân|tỷ phú|nhà đầu tư|
khách hàng|tài khoản|thuê bao|lính cứu hỏa|nhân sự|
phòng thí nghiệm|tội ác|vụ án|ngôi mộ|hố chôn|đám cháy|vụ nổ|vụ cháy|vụ tai nạn|
hồ chứa|cuộc gọi|tin nhắn|lựu pháo|súng cối|bệ phóng|tổ hợp|bé gái|bé trai|cậu bé|cô bé|em bé|thai phụ|sản phụ|
người già|người cao tuổi|thủy thủ|thuyền viên|phi công|tài xế|chung cư|khu chung cư|nhà dân|toa|toa tàu|nhịp cầu|
đề nghị|đề xuất|yêu cầu|kiến nghị|nghị quyết|dự thảo|UAV|drone|flycam|thẩm phán|luật sư|đại sứ|bộ trưởng|
công tố viên|nhà khoa học|nhà nghiên cứu
""".replace("\n", "").split("|")) - {""}
_CLASSIFIER = re.compile(r"(?:" + longest_of(_CLASSIFIERS) + r")\s+")
_NOUN = re.compile(r"(?:" + longest_of(COUNTED_NOUNS) + r")(?![^\W\d_])")
_SYLLABLE = re.compile(r"[^\W\d_]+")
# Words that follow a figure without being what it counts.
_NOT_NOUNS = frozenset("""và hay hoặc của là đã đang sẽ bị được thì mà với cho về ở tại trong trên dưới khi nay qua
trước sau tới đến từ để như có không cũng vẫn còn đều lại nữa rồi này đó ấy kia theo so hơn gần khoảng chừng
nào gì ai lúc vào ra lên xuống trở mỗi mọi các những một hai ba bốn năm sáu bảy tám chín mười trăm nghìn ngàn
triệu tỷ tỉ chục rưỡi lẻ linh giảm tăng đạt chiếm mất thiệt chết nằm rời xảy diễn thuộc gồm bao đang phải cần
nên vượt lùi kéo""".split())


def classifier_after(text: str, pos: int) -> bool:
    """Whether a classifier follows the figure ending at `pos` ("4 khẩu M777", "3 chiếc Su-25"): it counts
    something, whatever is named after it."""
    m = re.match(r"[ \t]+", text[pos:pos + 4])
    return m is not None and _CLASSIFIER.match(text, pos + m.end()) is not None


def counted_noun(text: str, pos: int, *, known_only: bool = False) -> tuple[str, int] | None:
    """The noun counted by a figure ending at `pos`, and where it ends; None when none follows.

    With `known_only` only nouns of the list count (after a number written in words, where "hai bên" is "both
    sides"); otherwise any uncapitalised word that is not a function word does ("3 phía").
    """
    m = re.match(r"[ \t]+", text[pos:pos + 4])
    if not m:
        return None
    at = pos + m.end()
    classifier = _CLASSIFIER.match(text, at)
    if classifier:
        at = classifier.end()
    noun = _NOUN.match(text, at)
    if noun:
        return " ".join(noun.group().split()), noun.end()
    if known_only:
        return None
    word = _SYLLABLE.match(text, at)
    if word is None or not word.group().islower() or word.group() in _NOT_NOUNS or len(word.group()) < 2:
        return None
    if word.end() < len(text) and text[word.end()] in "-/.@_" and text[word.end() + 1: word.end() + 2].isalnum():
        return None  # a code or an address, not a word
    return word.group(), word.end()
