"""Text as claim matching compares it: folded, social-media debris removed, figures in one canonical form."""
from __future__ import annotations

import re
from collections.abc import Callable

from claims.decoration import plain_text
from claims.folding import fold, nfc
from claims.language import detect_language

__all__ = ["strip_social", "canonical_figures", "match_text", "match_tokens", "STOP_WORDS"]

_URL = re.compile(r"(?:https?://|www\.)\S+|pic\.twitter\.com/\S+|\b[\w-]+\.(?:com|org|net|ly|co)/\S*", re.I)
# The signature a copied tweet ends with, "— Center for Bio Div (@CenterForBioDiv) January 14, 2020"; a quoted
# tweet carries one in the middle.
_TWEET_TAIL = re.compile(r"\s*[—–]\s*([^—–\n]{0,80}?)\s*\(@\w{1,30}\)\s*[A-Za-z]+\.?\s+\d{1,2},\s*\d{4}\s*")
_HANDLE = re.compile(r"(?<!\w)@(\w+)")
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")
_HASHTAG = re.compile(r"#(\w+)")
_WORD = re.compile(r"\w+")

# Function words that say nothing about which claim this is. Negations are kept out of this list's job:
# polarity is compared separately, and a dropped "không" must not hide a near-miss from the candidates.
STOP_WORDS = frozenset("""
a an the and or but of to in on at by for from with as is are was were be been being am it its this that these
those there here their they them he she his her him we our you your i me my so if then than too very can could
will would shall should may might must do does did done has have had having about into over after before up
down out off just also only what which who whom whose when where why how all any both each few more most other
some such own same s t via rt amp says said say according
va cua la co duoc cac nhung cho trong nay do voi mot thi ma nhu khi tai ve tu den boi de da dang se rang thi
nay kia ay ra vao len lai con cung van theo nhieu nen neu vi
""".split())



def strip_social(text: str) -> str:
    """Remove URLs and pic.twitter.com links; keep the names that handles, hashtags and signatures carry.

    A fact-check is often about the person who tweeted or was addressed ("Musician Neko Case's farmhouse …" for a
    tweet signed "— Neko Case (@NekoCase) September 19, 2017"), so a signature keeps its author's name and loses
    its handle and date, "@IvankaTrump" reads "Ivanka Trump", "#AustralianFires" "Australian Fires". On the
    CheckThat! 2020 dev tweets this took MAP@5 from 0.859 to 0.905 (README, matching by meaning).

    >>> strip_social("Fires again https://t.co/x @NekoCase — Jo Ann (@jo) January 14, 2020")
    'Fires again Neko Case Jo Ann'
    """
    text = _TWEET_TAIL.sub(lambda m: f" {m.group(1)} ", text)
    text = _URL.sub(" ", text)
    text = _HANDLE.sub(lambda m: " " + _CAMEL.sub(" ", m.group(1)) + " ", text)
    text = _HASHTAG.sub(lambda m: " " + _CAMEL.sub(" ", m.group(1)) + " ", text)
    return " ".join(text.split())


def _quantity_finder() -> Callable | None:
    try:
        from claims import find_quantities
    except ImportError:
        return None
    return find_quantities


def _number(value: float) -> str:
    if value == int(value) and abs(value) < 1e18:
        return str(int(value))
    # "_" keeps a decimal one token for the word tokenizer ("0_5"), so 0.5 never reads as "0" and "5".
    return f"{value:.6g}".replace(".", "_")


# Words that may state a figure without a digit ("bốn lần", "nửa triệu tấn", "two-thirds"): "một" alone, "a", is
# left out, it states one only beside another of these.
_NUMBER_WORD = re.compile(r"(?<![^\W\d_])(?:hai|ba|bốn|tư|năm|sáu|bảy|tám|chín|mười|mươi|trăm|nghìn|ngàn|triệu|tỷ|tỉ|"
                          r"nửa|rưỡi|chục|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|"
                          r"forty|fifty|hundred|thousand|million|billion|half|dozen|third|quarter)(?![^\W\d_])",
                          re.IGNORECASE)


def canonical_figures(text: str) -> str:
    """Rewrite every quantity as its value in base units: "1,7 triệu", "1.700.000" and "một triệu bảy trăm nghìn"
    all become "1700000".

    A percentage becomes "<value> pct"; other units are kept as written. Needs `claims.find_quantities`;
    without it the text is returned unchanged.
    """
    if not any(ch.isdigit() for ch in text) and not _NUMBER_WORD.search(text):
        return text
    finder = _quantity_finder()
    if finder is None:
        return text
    pieces: list[str] = []
    last = 0
    for q in sorted(finder(text), key=lambda q: q.start):
        if q.start < last:
            continue
        value = _number(q.value) + (f" {_number(q.high)}" if q.high is not None else "")
        unit = "pct" if q.unit == "percent" else (q.unit or "")
        pieces.append(text[last:q.start])
        pieces.append(f" {value} {unit} ")
        last = q.end
    pieces.append(text[last:])
    return "".join(pieces)


# Vietnamese news words that say the same thing, folded, each written as the first of its line; and verbs of
# saying, which a paraphrase changes or drops ("X cho biết …" / "…, theo X"): the words of the claim decide.
# Only words no other words fold to, so nothing else is rewritten ("đô la" is left: it folds as "đó là" does).
_SAID_ALIKE = {
    "thiet mang": ("tu vong", "chet", "tu tran"),
    "binh si": ("quan nhan", "binh linh"),
    "nguoi dan": ("cu dan",),
    "pha huy": ("tieu diet",),  # of weapons and vehicles, as war news uses both
    "thong qua": ("phe duyet", "chap thuan"),  # a law, a package of aid
    "phat hien": ("tim thay",),  # bodies, a grave, a weapons store
    "ho chon tap the": ("mo tap the", "ngoi mo tap the"),
    "nha dieu tra": ("dieu tra vien",),
    "ngay qua": ("24 gio qua",),
    "chien su": ("xung dot", "chien tranh"),  # the war, as the news names it three ways
    "no ra": ("bung phat", "bung no"),  # a war or a fight that broke out
    "": ("cho biet", "cho hay", "tuyen bo", "khang dinh", "thong bao"),
    # places and people of the news as the official press spells them by sound ("U-crai-na", "Mát-xcơ-va"), or
    # as other transliterations do, written one way
    "ukraine": ("u crai na", "ukraina", "ucraina"),
    "moskva": ("mat xco va", "matxcova", "mat xcova"),
    "kiev": ("ki ep", "ki ev", "kyiv"),
    "kremlin": ("crem li",),
    "washington": ("oa sinh ton",),
    "belarus": ("be la rut",),
    "donbass": ("don bat", "donbas"),
    "donetsk": ("do net xco",),
    "luhansk": ("lu han xco", "lu gan xco", "lugansk"),
    "kharkov": ("khac cop", "kharkiv", "khar cop"),
    "mariupol": ("ma ri u pon",),
    "kherson": ("khec xon",),
    "odessa": ("o det xa", "odesa"),
    "israel": ("i xra en",),
    "syria": ("xy ri", "xi ri"),
    "brussels": ("bruc xen",),
    "london": ("luan don",),
    "paris": ("pa ri",),
    "berlin": ("bec lin",),
    "minsk": ("min xco",),
    "putin": ("pu tin",),
    "zelensky": ("zelenskyy", "zelenskiy", "de len xki"),
}
_ALIKE = re.compile(r"\b(?:" + "|".join(sorted((re.escape(w) for ws in _SAID_ALIKE.values() for w in ws),
                                                key=len, reverse=True)) + r")\b")
_ALIKE_TO = {w: first for first, ws in _SAID_ALIKE.items() for w in ws}


_ALIKE_FIRST = frozenset(w.split()[0] for w in _ALIKE_TO)  # a text holding none of these is left as it is


def said_alike(folded: str) -> str:
    """Folded words with the news words said alike written one way: ``said_alike("u crai na") == "ukraine"``."""
    words = folded.split()
    if _ALIKE_FIRST.isdisjoint(words):
        return " ".join(words)
    return " ".join(_ALIKE.sub(lambda m: _ALIKE_TO[m.group()], " ".join(words)).split())


# Bodies a Vietnamese text writes by the letters the press uses for them or in full ("EU", "Liên minh châu Âu"),
# folded: written both ways, once, in the text two claims are compared on, whichever way the claim wrote it (the
# letters stay for the word search in English: "WHO"). Only in Vietnamese text: "who" is an English word.
_SPELLED_OUT = {
    "eu": "lien minh chau au", "iaea": "co quan nang luong nguyen tu quoc te", "lhq": "lien hop quoc",
    "hdba": "hoi dong bao an", "unhcr": "cao uy lien hop quoc ve nguoi ti nan", "unicef": "quy nhi dong lien hop quoc",
    "imf": "quy tien te quoc te", "wb": "ngan hang the gioi", "who": "to chuc y te the gioi",
}
_BOTH_WAYS = {form: f"{full} {letters}" for letters, full in _SPELLED_OUT.items()
              for form in (f"{full} {letters}", full, letters)}
_EITHER_WAY = re.compile(r"\b(?:" + "|".join(sorted(_BOTH_WAYS, key=len, reverse=True)) + r")\b")


def match_text(text: str) -> str:
    """The folded, cleaned text two claims are compared on (stop words kept, figures canonical, news words said
    alike written one way: "tử vong" as "thiệt mạng", "quân nhân" as "binh sĩ"; verbs of saying left out).

    >>> match_text("Hơn 1,7 triệu người — Jo (@jo) May 1, 2020")  # doctest: +SKIP
    'hon 1700000 nguoi'
    """
    cleaned = canonical_figures(strip_social(plain_text(nfc(text))))
    alike = said_alike(" ".join(_WORD.findall(fold(cleaned))))
    if _EITHER_WAY.search(alike) and detect_language(text) == "vi":
        return _EITHER_WAY.sub(lambda m: _BOTH_WAYS[m.group()], alike)
    return alike


def _stem(token: str) -> str:
    """A light English stemmer: plurals and possessives only (Vietnamese syllables never end in -s)."""
    if len(token) <= 3 or token[-1] != "s" or token[0].isdigit():
        return token
    if token.endswith("ies") and len(token) > 4:
        return token[:-3] + "y"
    if token.endswith(("ss", "us", "is")):
        return token
    if token.endswith(("ches", "shes", "xes", "sses")):
        return token[:-2]
    return token[:-1]


def match_tokens(text: str, *, normalized: bool = False) -> list[str]:
    """The content words of a claim for indexing: stop words dropped, plurals stemmed, order kept.

    >>> match_tokens("The wombats are herding animals")
    ['wombat', 'herding', 'animal']
    """
    words = (text if normalized else match_text(text)).split()
    return [_stem(w) for w in words if w not in STOP_WORDS]
