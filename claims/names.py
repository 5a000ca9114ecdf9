"""Names as a Vietnamese editor reads them: a person's whole name apart from their title ("Phó Trưởng ban … Nguyễn
Văn Hùng" → "Nguyễn Văn Hùng"), and organisations with all their words ("Bộ Quốc phòng Nga")."""
from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from claims.folding import fold as _fold_uncached

__all__ = ["fold", "is_capitalised", "split_title", "name_runs", "first_name_run", "VI_SURNAMES", "PLACES_AND_BODIES",
           "NOT_SECOND_SYLLABLES", "TWO_CAPITALISED", "SENTENCE_OPENERS", "UPPER", "one_vietnamese_syllable"]

fold = lru_cache(maxsize=1 << 16)(_fold_uncached)

# The commonest Vietnamese family names, and those of Chinese names as Vietnamese writes them ("Uông Văn Bân",
# "Tập Cận Bình"): a run of capitalised syllables holding one starts the person's name there ("Sở Y tế Quảng Trị
# Lê Thị Mai" → "Lê Thị Mai"). Compared without marks, so only names no other syllable folds to ("Hoa" would take
# "Hòa Phát"), or compared as written (`_WRITTEN_SURNAMES`).
VI_SURNAMES = frozenset(fold(w) for w in """Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý
    Đinh Đào Trịnh Trương Lâm Phùng Tô Cao Lương Kiều Đoàn Vương Tạ Quách Thái Châu Lưu Chu Tăng Triệu Doãn Khổng
    Mạc Lã Nghiêm Kim Tôn Thân Giang La Hứa Diệp Văn Ninh Phí Quan Từ Bạch Âu Mai Hà Uông Khương""".split())
_WRITTEN_SURNAMES = frozenset("Tập Tần Ôn Mao Tưởng Tào Thôi Bành Viên Hoa".split())

# Capitalised words that open a run but are a title, a place or a body, not the person ("Nga Vladimir Putin").
PLACES_AND_BODIES = frozenset(fold(w.strip()) for w in """
    Ông|Bà|Ngài|Anh|Chị|Tướng|Đại tướng|Thượng tướng|Trung tướng|Thiếu tướng|Đại tá|Thượng tá|Trung tá|Thiếu tá|
    TS.|TS|PGS.|PGS|GS.|GS|ThS.|ThS|BS.|BS|KTS.|LS.|Mr.|Mrs.|Ms.|Dr.|Prof.|Sen.|Rep.|Gov.|Gen.|
    President|Vice|Prime|Minister|Secretary|Senator|Governor|Representative|Chancellor|Spokesman|Spokeswoman|
    Chairman|Chairwoman|CEO|Judge|Justice|Pope|King|Queen|Prince|General|Colonel|Ambassador|Mayor|Director|
    Commissioner|Lawmaker|Official|Leader|Former|
    Nga|Mỹ|Hoa Kỳ|Ukraine|Ukraina|Ucraina|Anh|Pháp|Đức|Ý|Nhật|Nhật Bản|Hàn Quốc|Triều Tiên|Trung Quốc|Đài Loan|
    Việt Nam|Lào|Campuchia|Thái Lan|Singapore|Malaysia|Indonesia|Philippines|Ấn Độ|Thổ Nhĩ Kỳ|Ba Lan|Thụy Điển|
    Na Uy|Phần Lan|Đan Mạch|Hà Lan|Tây Ban Nha|Bồ Đào Nha|Israel|Iran|Iraq|Syria|Canada|Úc|Australia|Belarus|
    Kazakhstan|Palestine|Gaza|Hamas|Taliban|EU|NATO|ASEAN|UAE|Qatar|Saudi|Ả Rập Xê Út|Điện Kremlin|Kremlin|
    Nhà Trắng|Lầu Năm Góc|Liên Hợp Quốc|Liên hợp quốc|LHQ|Quốc hội|Chính phủ|Bộ|Sở|UBND|TP|HCM|TP.HCM|Hà Nội|
    Washington|Moscow|Moskva|Kiev|Kyiv|Bắc Kinh|Tokyo|London|Paris|Berlin|Brussels|U.S.|US|UK|U.K.|American|
    Russian|Ukrainian|Chinese|British|French|German|White House|Pentagon|Congress|Senate|Democrat|Democratic|
    Republican|State Department|Ministry|Foreign|Defense|Health|Chechnya|Donetsk|Lugansk|Luhansk|Mariupol|Kharkov|
    Kharkiv|Crimea|Donbass|Âu|Tây|Phi|Đông Âu|Tây Âu|Trung Đông|Mỹ Latinh|Bắc Mỹ|Nam Mỹ|
    U-crai-na|Mát-xcơ-va|Mátxcơva|Matxcơva|Ki-ép|Ki-ev|Điện Crem-li|Crem-li|Oa-sinh-tơn|Bê-la-rút|Minsk|Min-xcơ|
    Crưm|Đôn-bát|Donbas|Đô-nét-xcơ|Lu-han-xcơ|Lu-gan-xcơ|Khác-cốp|Ma-ri-u-pôn|Khéc-xôn|Kherson|Ô-đét-xa|Odessa|
    I-xra-en|Xy-ri|Xi-ri|Brúc-xen|Luân Đôn|Pa-ri|Béc-lin|Hungary|Hung-ga-ri|Séc|Litva|Lít-va|Gruzia|Moldova
    """.split("|"))
_LONGEST = max(len(w.split()) for w in PLACES_AND_BODIES)
# Heads of organisations' names: a run opened by one keeps the uncapitalised second syllables of its words
# ("Bộ Quốc phòng Nga", "Ban Chỉ đạo Trung ương").
_BODY_HEADS = frozenset(fold(w) for w in """Bộ Ban Sở Ủy Uỷ Hội Cục Tổng Viện Trung Ngân Quân Đại Liên Tòa Toà Công
    Cảnh Hãng Đài Báo Tờ Trường Bệnh Tập Nhà Văn Học Lực Chính Quốc Mặt Hạ Thượng Hiệp Tổ Quỹ Phòng Hạm Sư Lữ Khối
    Phái Nghị""".split())
_WORD = re.compile(r"\S+")
# Words that follow a name rather than finish one of its words ("Bộ Quốc phòng Nga thông báo", "… Nga đã").
NOT_SECOND_SYLLABLES = frozenset("""thông cho nói tuyên khẳng xác nhấn lưu cảnh đã đang sẽ vừa cũng và của là với về
    tại ở trong hôm ngày sáng chiều tối có không được bị đưa công chia tiết thừa cáo giải nêu bày kêu yêu dự bác phủ
    lên trả viết chỉ nhận vào từ đến tới sau trước khi thì mà nên để như các những một này đó ấy hay vẫn còn đều
    lại rằng tố mới""".split())


def is_capitalised(token: str) -> bool:
    return bool(token) and token[0].isupper() and "_" not in token


def _has_vietnamese_marks(token: str) -> bool:
    return fold(token) != token.lower()


def _is_surname(word: str) -> bool:
    return fold(word) in VI_SURNAMES or word in _WRITTEN_SURNAMES


def split_title(phrase: str) -> tuple[str, str]:
    """(title, name) of a noun phrase ending in a name; the name is "" when it ends in none.

    "Người phát ngôn Điện Kremlin Dmitry Peskov" → ("Người phát ngôn Điện Kremlin", "Dmitry Peskov");
    "Giám đốc Sở Y tế Quảng Trị Lê Thị Mai" → ("Giám đốc Sở Y tế Quảng Trị", "Lê Thị Mai").
    """
    tokens = phrase.split()
    i = len(tokens)
    while i > 0:
        if is_capitalised(tokens[i - 1]):
            i -= 1
            continue
        k = i - 1
        while k > 0 and tokens[k] in _NAME_PARTICLES and tokens[k - 1] in _NAME_PARTICLES:
            k -= 1
        if i < len(tokens) and tokens[k] in _NAME_PARTICLES and k > 0 and is_capitalised(tokens[k - 1]):
            i = k  # particles between capitalised words belong to the name ("Ursula von der Leyen")
            continue
        break
    run = tokens[i:]
    j = 0
    while j < len(run) - 1:
        # Longest known title, place or body first ("Nhật Bản" before "Nhật"); an acronym (BQP, NATO) is a body.
        width = next((k for k in range(min(_LONGEST, len(run) - j), 0, -1)
                      if fold(" ".join(run[j:j + k])) in PLACES_AND_BODIES), 0)
        if not width and len(run[j]) > 1 and run[j].rstrip(".").isupper() and len(run) - j > 2:
            width = 1  # an acronym before a name of two words or more is a body ("NATO Jens Stoltenberg")
        if not width or (len(run) - j - width < 1):
            break
        j += width
    name = run[j:]
    if name and (j or i) and fold(" ".join(name)) in PLACES_AND_BODIES:
        name = []  # "Người đứng đầu nhà nước Nga": a title ending in a place, no name
    if len(name) > 2 and any(_has_vietnamese_marks(t) or _is_surname(t) for t in name):
        # A Vietnamese name starts at its family name: the earliest one leaving two to four syllables.
        start = next((k for k in range(max(0, len(name) - 4), len(name) - 1) if _is_surname(name[k])), None)
        if start is not None:
            name = name[start:]
    typed_bare = _is_surname(name[0]) and all(one_vietnamese_syllable(t) for t in name) if name else False
    if len(name) > 2 and not any(_has_vietnamese_marks(t) for t in name) and not typed_bare:
        # "Texas Greg Abbott": a foreign name rarely has more than two parts, besides its particles; "Pham Minh
        # Chinh", a Vietnamese name typed without diacritics, keeps its family name
        kept = 0
        for k in range(len(name) - 1, -1, -1):
            kept += name[k] not in _NAME_PARTICLES
            if kept > 2:
                name = name[k + 1:]
                break
    elif len(name) > 4:
        name = name[-4:]
    title = " ".join(tokens[: len(tokens) - len(name)])
    return title, " ".join(name)


# Capitalised only because they open the sentence: a run starting with one starts after it.
SENTENCE_OPENERS = frozenset(fold(w) for w in """Theo Trong Tại Khi Sau Còn Cũng Với Nhưng Và Tuy Hôm Ngày Vào Từ Đến
    Như Để Nếu Dù Mới Trước Cùng Đồng Ngoài Riêng Bởi Vì Do Qua Đây Đó Ông Bà Hiện Lần Dẫn Chiều Sáng Tối Năm Tháng
    Thế Song Giải Phát Trả Bình Đáp Xuất""".split())


UPPER = "".join(c for c in map(chr, [*range(0x41, 0x250), *range(0x1E00, 0x1F00)]) if c.isupper())
# A capitalised word after the first one, found at C speed: most sentences' names are found without a word loop.
# Lower-case particles inside a European name; none is a Vietnamese word.
_NAME_PARTICLES = frozenset(("von", "van", "der", "den", "de", "del", "della", "di", "du", "le", "bin", "ibn", "al"))
_CAPITAL_INSIDE = re.compile(rf"\s[\"“(‘']*[{UPPER}]")
TWO_CAPITALISED = re.compile(rf"[{UPPER}][^\s,;:.()]*\s+[\"“(‘']*[{UPPER}]")


def _after_particles(words: list[tuple[int, int, str]], k: int) -> int:
    """The place of the capitalised word after the name particles from `k` on ("von der" → "Leyen"), or 0."""
    while k < len(words) and words[k][2] in _NAME_PARTICLES and words[k][1] - words[k][0] == len(words[k][2]):
        k += 1  # a particle with punctuation on it ("de,") ends the name
    return k if k < len(words) and is_capitalised(words[k][2]) else 0


def name_runs(text: str) -> Iterator[tuple[int, int]]:
    """Spans of the names a text mentions: runs of capitalised words, an organisation's run with the uncapitalised
    second syllables of its words ("Bộ Quốc phòng Nga"). The text's first word counts only inside a longer run."""
    if _CAPITAL_INSIDE.search(text) is None:
        return
    words = [(m.start(), m.end(), m.group().strip(",;:.()\"“”'‘’!?")) for m in _WORD.finditer(text)]
    i = 0
    while i < len(words):
        if not is_capitalised(words[i][2]) or words[i][2].isdigit():
            i += 1
            continue
        if i == 0 and fold(words[i][2]) in SENTENCE_OPENERS and len(words) > 1 and is_capitalised(words[1][2]):
            i += 1
        body = fold(words[i][2]) in _BODY_HEADS
        j = i
        while j + 1 < len(words) and not _ends_clause(text[words[j][0]:words[j][1]]):
            if text[words[j + 1][0]] in "(\"“":
                break  # "Ngân hàng Thế giới (WB)": an aside or a quotation starts
            nxt = words[j + 1][2]
            if is_capitalised(nxt):
                j += 1
            elif nxt in _NAME_PARTICLES and is_capitalised(words[j][2]) and _after_particles(words, j + 1):
                j = _after_particles(words, j + 1)  # "Ursula von der Leyen": particles inside a foreign name
            elif body and is_capitalised(words[j][2]) and nxt.isalpha() and nxt.islower() \
                    and nxt not in NOT_SECOND_SYLLABLES and _SYLLABLE.match(fold(words[j][2])) \
                    and not _ends_a_known_name(words, i, j):
                # "Quốc phòng": the second syllable of a word whose first one was capitalised; not after a whole
                # name of a place or body ("Liên Hợp Quốc định nghĩa", "Trung Quốc đăng tải")
                j += 1
            else:
                break
        if not is_capitalised(words[j][2]) and j > i and not (body and j > i + 1):
            j -= 1
        if j > i or i > 0:
            start = words[i][0] + text[words[i][0]:words[i][1]].find(words[i][2])
            last = text[words[j][0]:words[j][1]]
            end = words[j][0] + last.find(words[j][2]) + len(words[j][2])
            yield start, end
        i = j + 1


# The shape of one Vietnamese syllable, folded: only such a word takes a second syllable ("Quốc phòng"), a foreign
# word does not ("Ukriane mất").
_SYLLABLE = re.compile(r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?[aeiouy]{1,3}(?:ng|nh|ch|[cmnpt])?$")


def one_vietnamese_syllable(word: str) -> bool:
    """Whether a word has the shape of one Vietnamese syllable ("quốc", "nga"), unlike most foreign names
    ("putin", "zelensky")."""
    return _SYLLABLE.match(fold(word)) is not None


def _ends_a_known_name(words: list[tuple[int, int, str]], first: int, last: int) -> bool:
    """Whether the words from `first` to `last` end with a whole known place or body ("… Việt Nam")."""
    return any(fold(" ".join(w[2] for w in words[k:last + 1])) in PLACES_AND_BODIES
               for k in range(max(first, last - 3), last + 1))


def _ends_clause(token: str) -> bool:
    """Whether a word closes its clause; an initial ("V. Pu-tin", "J. Biden") does not."""
    if len(token) == 2 and token[1] == "." and token[0].isupper():
        return False
    return token[-1:] in ",;:.()\"“”!?"


def first_name_run(text: str) -> str | None:
    """The first name a sentence mentions, whole and without its title ("Ông Nguyễn Văn Hùng nói …" → "Nguyễn Văn
    Hùng", "… của Ban Chỉ đạo Trung ương về …" → "Ban Chỉ đạo Trung ương"), or None."""
    for start, end in name_runs(text):
        run = text[start:end]
        _, name = split_title(run)
        if len(name.split()) >= 2:
            return name
        if start > 0 or len(run.split()) >= 2:
            return run
    return None
