"""What sets two close claims apart besides their figures and negations: opposite words ("tăng" / "giảm",
"ủng hộ" / "phản đối", "exports" / "imports"), other names ("Hà Nội" / "TP HCM", "Nga" / "Ukraine") and one term
put in the place of another in otherwise the same words ("Lạm phát tại Nga lên 16,7%" / "Lãi suất tại Nga lên
16,7%").

"Nga kiểm soát 90% lãnh thổ Donbas" and "Ukraine kiểm soát 90% lãnh thổ Donbas" share every word but one and their
figure; they are not the same claim. A paraphrase keeps its names (it may drop one) and says the same thing, so it
has no opposite word the other lacks and no name the other replaces.
"""
from __future__ import annotations

import re
from difflib import SequenceMatcher
from functools import lru_cache

from rapidfuzz.distance import Levenshtein

from claims.folding import fold, nfc
from claims.matching.glossary import spelled_out, with_acronyms
from claims.matching.normalize import STOP_WORDS, said_alike
from claims.names import PLACES_AND_BODIES, SENTENCE_OPENERS, name_runs, split_title

__all__ = ["OPPOSITES", "opposite_words", "other_names", "swapped_places", "swapped_term"]

# Each entry: two sets of words that say opposite things. Matched on case-folded NFC text with diacritics (folding
# would make "lỗ" (loss) the same as "lộ" (road)).
OPPOSITES: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...] = (
    (("tăng",), ("giảm",)),
    (("ủng hộ", "tán thành"), ("phản đối",)),
    (("xuất khẩu",), ("nhập khẩu",)),
    (("thắng",), ("thua",)),
    (("chết", "thiệt mạng", "tử vong"), ("bị thương",)),
    (("cao nhất",), ("thấp nhất",)),
    (("lớn nhất",), ("nhỏ nhất",)),
    (("nhiều nhất",), ("ít nhất",)),
    (("lãi",), ("lỗ",)),
    (("mua",), ("bán",)),
    (("đồng ý", "chấp thuận", "phê duyệt"), ("từ chối", "bác bỏ")),
    (("cho phép",), ("cấm",)),
    (("thừa",), ("thiếu",)),
    (("cần",), ("đã được", "đã nhận", "nhận được")),  # needs aid / has received it
    (("mở cửa",), ("đóng cửa",)),
    (("điện hạt nhân", "hạt nhân"), ("nhiệt điện", "thủy điện", "điện gió", "điện mặt trời")),  # another kind of plant
    (("nhiệt điện",), ("thủy điện", "điện gió", "điện mặt trời")),
    (("đường biển",), ("đường ống",)),  # oil shipped by sea / through a pipeline
    (("increase", "increased", "increases", "rise", "rose", "risen", "rises", "grew", "grown", "higher", "up"),
     ("decrease", "decreased", "decreases", "fall", "fell", "fallen", "falls", "shrank", "declined", "lower",
      "down")),
    (("support", "supports", "supported", "for"), ("oppose", "opposes", "opposed", "against")),
    (("export", "exports", "exported"), ("import", "imports", "imported")),
    (("won", "win", "wins"), ("lost", "lose", "loses")),
    (("killed", "dead", "died", "deaths"), ("injured", "wounded")),
    (("highest", "largest", "most", "biggest"), ("lowest", "smallest", "least", "fewest")),
    (("approved", "approve", "approves"), ("rejected", "reject", "rejects")),
    (("allowed", "allow", "allows"), ("banned", "ban", "bans")),
    (("profit", "profits"), ("loss", "losses")),
    (("bought", "buy", "buys"), ("sold", "sell", "sells")),
    (("nuclear",), ("coal-fired", "hydroelectric", "gas-fired", "thermal")),
    (("seaborne", "by sea"), ("pipeline", "pipelines")),
)


def _pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(r"(?<![^\W\d_])(?:" + "|".join(re.escape(w) for w in words) + r")(?![^\W\d_])")


_PATTERNS = tuple((_pattern(a), _pattern(b)) for a, b in OPPOSITES)


@lru_cache(maxsize=50_000)
def _said(text: str) -> tuple[tuple[str | None, str | None], ...]:
    """For each entry of OPPOSITES, the first word of each side the text uses (None when it uses none)."""
    low = nfc(text).casefold()
    out = []
    for one, other in _PATTERNS:
        a, b = one.search(low), other.search(low)
        out.append((a.group() if a else None, b.group() if b else None))
    return tuple(out)


def opposite_words(a: str, b: str) -> tuple[str, str] | None:
    """A word of `a` whose opposite `b` says instead (neither saying both): ``("tăng", "giảm")``, or None."""
    for (a_one, a_other), (b_one, b_other) in zip(_said(a), _said(b), strict=True):
        if a_one and not a_other and b_other and not b_one:
            return a_one, b_other
        if a_other and not a_one and b_one and not b_other:
            return a_other, b_one
    return None


# Money's names are units, which figures compare: "139 USD/thùng", "7,1 tỉ đô la Mỹ".
_CURRENCIES = frozenset("usd eur vnd rub gbp jpy cny uah".split())
_DOLLAR_NAME = re.compile(r"(?<![^\W\d_])(?:đô la|đôla|đô-la|dollar|dollars)\s+(?:Mỹ|US|Mĩ)(?![^\W\d_])", re.IGNORECASE)
def _spelled(folded: str) -> str:
    """A folded name with its sound spelling or other transliteration written the usual way ("u-crai-na",
    "kyiv", "pu-tin": `said_alike`)."""
    return said_alike(folded.replace("-", " "))


# A country and the capital or seat that speaks and acts for it in news ("Washington sẽ viện trợ …" is "Mỹ sẽ viện
# trợ …"): the same name, unless written as where something happens ("ở Kiev" is not "ở Ukraine"). Spellings by
# sound ("Mát-xcơ-va", "Ki-ép") are the usual ones already (`_spelled`).
_STANDS_FOR = {_spelled(fold(alias)): _spelled(fold(country)) for country, aliases in (
    ("Mỹ", ("Hoa Kỳ", "Washington", "Nhà Trắng", "US", "USA", "United States", "White House")),
    ("Nga", ("Moscow", "Moskva", "Điện Kremlin", "Kremlin", "Russia")),
    ("Ukraine", ("Kiev",)),
    ("Anh", ("London", "Vương quốc Anh", "Britain", "UK")),
    ("Trung Quốc", ("Bắc Kinh", "Beijing", "China")),
    ("EU", ("Brussels", "European Union")),  # "Liên minh châu Âu" is written "EU" first (`_EU`)
    ("Pháp", ("Paris", "France")),
    ("Đức", ("Berlin", "Germany")),
    ("Belarus", ("Minsk",)),
) for alias in aliases}
# Words before a country's name that say which of its people or bodies act, as news varies them freely.
_GENERIC_HEAD = re.compile(r"^(?:luc luong|quan doi|quan|chinh phu|chinh quyen|phia|nha nuoc|nguoi|the)\s+(?=\S)")
_WHERE = re.compile(r"(?:ở|tại|in|at)\s*$", re.IGNORECASE)
_EU = re.compile(r"(?<![^\W\d_])Liên minh [Cc]hâu Âu(?![^\W\d_])")  # its lower-case words break the run


_POSSESSIVE = re.compile(r"['’]s?(?=\s|$)")
# English adjectives of a country, folded, as the country's name.
_DEMONYMS = {"ukrainian": "ukraine", "russian": "russia", "american": "us", "british": "britain", "german": "germany",
             "french": "france", "polish": "poland", "chinese": "china", "belarusian": "belarus", "turkish": "turkey",
             "finnish": "finland", "swedish": "sweden", "japanese": "japan", "vietnamese": "vietnam",
             "european": "europe", "hungarian": "hungary", "moldovan": "moldova", "romanian": "romania"}
# Countries named as countries, not by a capital or a seat: a name even opening a sentence, and the country wherever
# it stands ("in Russia" is Russia; "in Moscow" is the city).
_COUNTRIES = frozenset(_DEMONYMS.values()) | frozenset(_spelled(fold(w)) for w in (
    "US", "USA", "United States", "Hoa Kỳ", "UK", "Vương quốc Anh", "EU", "European Union"))


# Words opening an English sentence before a name, and the calendar's words, which dates compare.
_EN_OPENERS = frozenset("since in on by after before until during from at as for with when while the but and".split())
_CALENDAR = frozenset(fold(w) for w in """January February March April May June July August September October November
    December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Monday Tuesday Wednesday Thursday Friday Saturday
    Sunday""".split())


@lru_cache(maxsize=50_000)
def _names(text: str) -> tuple[tuple[str, frozenset[str]], ...]:
    """The names a text mentions, as written and as a set of folded words. A name that opens the text alone
    counts when it is a known place or body ("Nga kiểm soát …"), not any word capitalised for opening it. A
    currency is no name, a capital standing for its country is the country's name (`_STANDS_FOR`), and a body
    the glossary knows by one word is that word ("Tổ chức Y tế Thế giới" is "WHO", `with_acronyms`)."""
    text = with_acronyms(_EU.sub("EU", _DOLLAR_NAME.sub(lambda m: "_" * len(m.group()), nfc(text))))
    found = []
    for s, e in name_runs("· " + text):
        words = text[s - 2:e - 2].split()
        opened = len(words)
        while words and (fold(words[0]) in SENTENCE_OPENERS or (s == 2 and fold(words[0]) in _EN_OPENERS)):
            words = words[1:]  # "Theo Thiếu tướng …", "Trong …", "Since …": a clause's first word, not the name's
        words = [w for w in words if fold(w.split("/")[0]) not in _CURRENCIES
                 and fold(w.rstrip(".,")) not in _CALENDAR]  # "February", "Feb.": a date's, read as a date
        name = " ".join(words)
        acronym = len(words) < opened and name.isupper()  # "Theo WHO": an acronym after the opening word
        if not name or (s == 2 and len(words) == 1 and fold(name) not in PLACES_AND_BODIES and not acronym
                        and _POSSESSIVE.sub("", fold(name)) not in _COUNTRIES):
            continue
        folded = _spelled(_GENERIC_HEAD.sub("", fold(name)) or fold(name))  # "Quân đội Nga": Nga; "Pu-tin": putin
        folded = _POSSESSIVE.sub("", folded)  # "Ukraine's" is Ukraine
        folded = _DEMONYMS.get(folded, folded)  # "Ukrainian territory" is Ukraine's
        if folded in _STANDS_FOR and (folded in _COUNTRIES or not _WHERE.search(text, 0, max(0, s - 2))):
            folded = _STANDS_FOR[folded]  # "in Russia" is Russia; "in Moscow" is the city
        words_of = set(folded.split())
        if name.isupper():  # "UNHCR" holds the words of its name: "Cao ủy Liên Hợp Quốc về người tị nạn"
            words_of.update(w for full in spelled_out(name) for w in fold(full).split())
            if (name.startswith("UN") and len(name) > 2) or name in _UN_AGENCIES:
                words_of.add("un")  # a UN agency is the UN: "the UN refugee agency" / "UNHCR", "the UN nuclear
                # watchdog" / "IAEA"
        found.append((name, frozenset(words_of)))
    return tuple(found)


_UN_AGENCIES = frozenset("IAEA WHO FAO WFP ILO IMO ICAO OHCHR UNESCO UNICEF UNHCR UNDP".split())


@lru_cache(maxsize=50_000)
def _person(name: str) -> frozenset[str]:
    """The folded words of the person a name gives without the title ("Tổng thống Zelensky": zelensky); none when
    it has no title."""
    title, person = split_title(name) if " " in name else ("", name)
    return frozenset(_spelled(fold(person)).split()) if title else frozenset()


def _misspelt(mine: frozenset[str], theirs: frozenset[str]) -> bool:
    """Whether two names differ only by a slip of spelling ("Ukriane", "Ucraine" for "Ukraine")."""
    return Levenshtein.normalized_similarity(" ".join(sorted(mine)), " ".join(sorted(theirs))) >= _SPELLING


_SPELLING = 0.7


def _within(few: frozenset[str], many: frozenset[str]) -> bool:
    """Whether every word of `few` is in `many`, a long word also when `many` spells it another way: "Tổng thống
    Zelensky" is within "Tổng thống Volodymyr Zelenskyy" (a name transliterated twice), "Vitali Klitschko" is not
    within "Wladimir Klitschko"; an initial stands for a given name of its letter ("V. Putin", "Vladimir Putin")."""
    return few <= many or all(
        w in many or (len(w) >= _LONG_WORD and any(len(o) >= _LONG_WORD and Levenshtein.normalized_similarity(w, o)
                                                   >= _WORD_SPELLING for o in many))
        or (len(w) == 2 and w[1] == "." and any(o[:1] == w[0] for o in many)) for w in few)  # "V." for "Vladimir"


_LONG_WORD = 6
_WORD_SPELLING = 0.8


def other_names(a: str, b: str) -> tuple[str, str] | None:
    """A name of `a` that `b` replaces by another (`b` mentions a name `a` lacks and lacks one `a` has), or None.

    A name counts as kept when the other text has one holding all its words or all of whose words it holds
    ("Zelensky" and "Tổng thống Zelensky"), the same for the persons they name without their titles ("Tổng thống
    Zelensky" and "Volodymyr Zelenskyy"); a name dropped without another in its place changes nothing."""
    mine, theirs = _names(a), _names(b)

    def kept(name: str, words: frozenset[str], others: tuple[tuple[str, frozenset[str]], ...]) -> bool:
        if any(words <= o or o <= words for _, o in others):
            return True  # the common case first, without comparing spellings
        if any(fold(name) == fold(other) for other, _ in others):
            return True  # written alike, whatever each stands for: "in Brussels" / "the Brussels summit"
        if any(_within(words, o) or _within(o, words) or _misspelt(words, o) for _, o in others):
            return True
        person = _person(name) or words
        for other, o in others:
            theirs = _person(other) or o
            if (person is not words or theirs is not o) and (_within(person, theirs) or _within(theirs, person)):
                return True  # "Tổng thống Zelensky" and "Volodymyr Zelenskyy": the persons, without their titles
        return False

    only_mine = [n for n, w in mine if not kept(n, w, theirs)]
    only_theirs = [n for n, w in theirs if not kept(n, w, mine)]
    mine_left = [n for n in only_mine if not any(_may_be_one_body(n, t) for t in only_theirs)]
    theirs_left = [n for n in only_theirs if not any(_may_be_one_body(t, n) for t in only_mine)]
    return (mine_left[0], theirs_left[0]) if mine_left and theirs_left else None


# The first words of a body's Vietnamese name, folded: an acronym the glossary does not know may stand for it.
_BODY_WORDS = frozenset("vien|to chuc|co quan|van phong|quy|uy ban|hoi dong|cuc|trung tam|hiep hoi|lien doan|"
                        "ngan hang|dai hoc|tap doan|cong ty|lien minh".split("|"))


def _may_be_one_body(one: str, other: str) -> bool:
    """Whether `one` and `other` may name one body: an acronym the glossary does not spell out ("ISW") and a body's
    Vietnamese name ("Viện Nghiên cứu Chiến tranh"), either way round; a known acronym ("WHO") is not given the
    doubt."""
    for acronym, name in ((one, other), (other, one)):
        words = fold(name).split()
        if acronym.isupper() and 2 <= len(acronym) <= 6 and not spelled_out(acronym) \
                and (words[:1] and words[0] in _BODY_WORDS or " ".join(words[:2]) in _BODY_WORDS):
            return True
    return False


# Small words a paraphrase swaps freely ("tại" / "ở"), besides the stop words; folded.
_LITTLE_WORDS = frozenset("o khoi toi sang chi hon gan khoang tren duoi cung nua rat da dang vua moi hien duoc bi"
                          " nham".split())  # "nhằm" (in order to), as "do" and "để"
_LONGEST_TERM = 3  # syllables: a term of news ("lạm phát", "lương tối thiểu")


def swapped_term(a_norm: str, b_norm: str) -> tuple[str, str] | None:
    """The term of `a` that `b` puts another in the place of, all else written alike, as folded words: ("lam phat",
    "lai suat") for "Lạm phát tại Nga lên 16,7%" / "Lãi suất tại Nga lên 16,7%"; None otherwise.

    Both texts are `match_text` forms. It is one replaced run, whose words the other text does not hold elsewhere,
    of at most three syllables that say something on
    each side (besides small words; one side at least says something: "than" (coal) is an English stop word), not a
    misspelling, with at most two words added or dropped elsewhere and at
    least half of the words kept in order. A paraphrase rewrites more than one place, or only small words.
    """
    # a capital put for its country is the same name ("Bắc Kinh đòi" / "Trung Quốc tuyên bố"): what else was
    # replaced is what to judge
    a_norm, b_norm = _as_countries(a_norm), _as_countries(b_norm)
    mine, theirs = a_norm.split(), b_norm.split()
    only_mine, only_theirs = set(mine) - set(theirs), set(theirs) - set(mine)
    if not only_mine or not only_theirs or len(only_mine) + len(only_theirs) > 2 * _LONGEST_TERM + 4:
        return None  # nothing replaced on one side (words only added, dropped or moved), or too much
    blocks = SequenceMatcher(None, mine, theirs, autojunk=False).get_opcodes()
    replaced = [b for b in blocks if b[0] == "replace"]
    if len(replaced) != 1:
        return None
    _, i1, i2, j1, j2 = replaced[0]
    one, other = mine[i1:i2], theirs[j1:j2]
    if f" {' '.join(one)} " in f" {b_norm} " or f" {' '.join(other)} " in f" {a_norm} ":
        return None  # words moved ("… với sóch" / "… sóch với"), not replaced
    saying = [w for w in one + other if w not in STOP_WORDS and w not in _LITTLE_WORDS]
    if not saying or any(w[0].isdigit() for w in one + other) \
            or max(len([w for w in side if w in saying]) for side in (one, other)) > _LONGEST_TERM:
        return None
    if Levenshtein.normalized_similarity(" ".join(one), " ".join(other)) >= _SPELLING:
        return None
    if len(one) == len(other) == 1 and min(len(one[0]), len(other[0])) == 1 and one[0][0] == other[0][0]:
        return None  # an initial and the name it stands for ("V. Putin" / "Vladimir Putin")
    if _STANDS_FOR.get(" ".join(one), " ".join(one)) == _STANDS_FOR.get(" ".join(other), " ".join(other)):
        return None  # a capital for its country ("Moskva" / "Nga")
    added = sum(max(b[2] - b[1], b[4] - b[3]) for b in blocks if b[0] in ("insert", "delete"))
    kept = sum(b[2] - b[1] for b in blocks if b[0] == "equal")
    if added > 2 or kept < max(len(mine), len(theirs)) / 2:
        return None
    return " ".join(one), " ".join(other)


_CAPITALS = re.compile(r"(?<!\S)(?:" + "|".join(re.escape(a) for a in sorted(_STANDS_FOR, key=len, reverse=True))
                       + r")(?!\S)")


def _as_countries(norm: str) -> str:
    """A `match_text` form with each capital or seat written as its country."""
    return _CAPITALS.sub(lambda m: _STANDS_FOR[m.group()], norm)


def swapped_places(a_norm: str, b_norm: str) -> tuple[str, str] | None:
    """Two terms of `a` that `b` writes in each other's place, all else alike, as folded words: ("ukraine", "nga")
    for "Ukraine tuyên bố đã bắn hạ 7 máy bay Nga" / "Nga tuyên bố đã bắn hạ 7 máy bay Ukraine": who did what to
    whom turned round. None otherwise (a paraphrase that moves words rewrites more than two places)."""
    mine, theirs = a_norm.split(), b_norm.split()
    if sorted(mine) != sorted(theirs):
        return None
    changed = [b for b in SequenceMatcher(None, mine, theirs, autojunk=False).get_opcodes() if b[0] != "equal"]
    if len(changed) != 2 or any(b[0] != "replace" for b in changed):
        return None
    (_, i1, i2, j1, j2), (_, k1, k2, l1, l2) = changed
    one, other = mine[i1:i2], mine[k1:k2]
    if one != theirs[l1:l2] or other != theirs[j1:j2] or one == other:
        return None
    if not [w for w in one + other if w not in STOP_WORDS and w not in _LITTLE_WORDS]:
        return None
    if set(mine[i2:k1]) <= _JOINING:
        return None  # "Nga và Ukraine" / "Ukraine và Nga": a pair named in another order
    return " ".join(one), " ".join(other)


_JOINING = frozenset("va voi hoac cung and or with".split())
