"""Who a sentence says made a statement, resolved across an article ("ông Peskov" → "Dmitry Peskov")."""
from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from claims.folding import fold as _fold_uncached
from claims.names import PLACES_AND_BODIES, split_title
from claims.vi_speakers import Attribution, VietnameseSpeakers

__all__ = ["Attribution", "SpeakerResolver", "find_speakers", "read_speakers"]

# Names and titles repeat endlessly across articles; folding each token once is the speaker module's hot path.
fold = lru_cache(maxsize=1 << 16)(_fold_uncached)

_VI_VERBS = (
    "cho biết", "nói với", "nói rằng", "nói", "tuyên bố", "khẳng định", "xác nhận", "nhấn mạnh", "bày tỏ",
    "nêu rõ", "thông báo", "cảnh báo", "phát biểu", "chia sẻ", "tiết lộ", "thừa nhận", "cáo buộc", "lưu ý",
    "giải thích", "công bố",
)
_EN_VERBS = (
    # Not "added", "reported", "estimated", "states": in news they are as often facts as attributions.
    "said", "says", "told", "tells", "stated", "announced", "announces", "claimed", "warned", "warns", "noted",
    "wrote", "writes", "argued", "insisted", "confirmed", "explained", "testified", "declared", "acknowledged",
    "admitted", "denied", "estimates that", "estimated that", "estimate that", "reported that", "reports that",
    "urged", "urges", "say", "added that", "expects", "forecasts", "predicts",
    # "claims" is a verb before a clause ("Moscow claims its forces …"), a noun elsewhere ("rejected the claims")
    "claims that", "claims it", "claims its", "claims they", "claims their", "claims he", "claims she", "claims to",
    "claim that",
    # a pledge states an intention, as "cam kết" does (not "threatened to": floods and prices threaten too)
    "pledged", "pledges", "vowed", "vows", "promised to",
)
# Verbs that attribute only as a sentence's last word (or before a day: "…, the ministry estimated on Monday."),
# after the source ("…, NATO officials estimated.", "…, city officials believe."): before it they are as often facts
# ("the company reported a loss").
_CLOSING_VERBS = re.compile(r",\s*(?P<np>[^,;:\"“”]{2,60}?)\s+"
                            r"(?:estimated|reported|added|estimates|estimate|report|claims|believe|believes)"
                            r"(?:\s+(?:on|last|this|late|early)\s+[A-Za-z]+)?\s*[.!]?\s*$")
# "Mariupol mayor Vadym Boychenko was quoted by AP as saying": the person quoted, not the agency.
_QUOTED_AS_SAYING = re.compile(r"^\W*(?P<np>[^,;:\"“”]{2,80}?)\s+(?:was|were)\s+quoted\s+(?:by\s+[^,;:]{1,60}?\s+)?"
                               r"as\s+saying\b")
# A body's document, then the body: "a poll by the Levada Center", "a statement from the statistics office".
_DOCUMENT_OF = (r"(?:statement|report|survey|poll|study|estimate|analysis|data|figures|census|release|images|"
                r"pictures|photos|footage)\s+"
                r"(?:from|by|of|released by|published by)\s+")
# "a poll by the Levada Center showed": the body whose poll, study or data it is (Vietnamese: "Báo cáo của X cho
# thấy", in claims/vi_speakers.py).
_FINDINGS = r"(?:showed|shows|show|found|finds|suggested|suggests|revealed|reveals)\b"
_FINDINGS_OF = re.compile(r"(?:^|\b)(?:an?|the)?\s*" + _DOCUMENT_OF + r"(?P<np>[^,;.\"“”]{2,60}?)\s+" + _FINDINGS,
                          re.IGNORECASE)
# "a ZDF poll showed", "a new Reuters/Ipsos survey found", "…, Eurostat data showed": the body named before its poll
# or its data.
_NAMED_FINDINGS = re.compile(r"(?:\b(?:[Aa]n?|[Tt]he)\s+|^\W*|,\s*)(?:(?:new|recent|latest)\s+)?"
                             r"(?P<np>[A-Z][\w./&-]*(?:\s+[A-Z][\w./&-]*){0,3}"
                             # "…, agriculture ministry data showed": a body named in small letters
                             r"|(?<=, )(?:[a-z]+\s+){1,2}(?:ministry|office|agency|bureau|service|department))\s+"
                             r"(?:poll|survey|study|report|analysis|data|figures|statistics)\s+"
                             # "Eurostat data released on Wednesday showed"
                             r"(?:(?:released|published|issued)(?:\s+(?:on|last|this|late|early)\s+[A-Za-z]+)?\s+)?"
                             + _FINDINGS)
_NOT_FINDERS = frozenset("Official Government Preliminary New Latest Recent Early Final Its Their His Her Our Such "
                         "These Those Other Satellite Trade Customs".split())
# "according to a senior US official speaking to CNN": who spoke, not who was told.
_TOLD = re.compile(r"\s+(?:speaking|talking|told|telling|quoted by)\s.*$")
# "according to a statement from the statistics office": the body, not its statement.
_SOURCE_OF = re.compile(r"^(?:an?|the)\s+" + _DOCUMENT_OF, re.IGNORECASE)
# A verb must not continue a word ("unsaid"); that is checked in `_verbs` rather than by a look-behind, which would
# stop the regex engine from skipping straight to the verbs' first letters.
_VERB = re.compile(
    r"(?:" + "|".join(re.escape(v).replace(r"\ ", r"\s+") for v in sorted(_VI_VERBS + _EN_VERBS,
                                                                                     key=len, reverse=True))
    # "rejected the claims", "dismissed the report as": a denial; before anything else they are acts ("rejected the
    # bill", "dismissed the general")
    # "Orban called the embargo a nuclear bomb", "… called the attack \"barbaric\"": calls it something; "called
    # Macron on Tuesday" (a telephone call) is no statement of his
    + r"|called(?=\s+(?!for\s|on\s|off\s|up\s|in\s|back\s)(?:[^\W\d_][\w'’.-]*\s+){1,4}?(?:an?\s|[\"“]))"
    # an accusation, as "cáo buộc" ("Moscow accused Kyiv of …"; not "a man accused of spying", nor two sides that
    # "accused each other": neither is the source)
    + r"|(?:accused|accuses)(?!\s+of\b)(?!\s+(?:each\s+other|one\s+another)\b)(?=\s+\S)"
    # an appeal, as "urged": "called for a ceasefire", "called on Moscow to" (not "called on Saturday")
    + r"|called\s+for|called\s+on(?=\s+(?!(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|January|February|March|April|"
      r"May|June|July|August|September|October|November|December|\d|the\s+phone|the\s+telephone)\S)"
    + r"|(?:rejected|dismissed)(?=\s+(?:the\s+|these\s+|those\s+|such\s+|all\s+|any\s+)?(?:[^\W\d_]+\s+)?"
      r"(?:claims?|reports?|allegations?|accusations?|suggestions?|charges?)(?![^\W\d_]))"
    + r")(?![^\W\d_])"
)
_LETTER = re.compile(r"[^\W\d_]")


def _verbs(masked: str) -> Iterator[re.Match[str]]:
    """Each verb of attribution in `masked`, in order, that does not continue a word."""
    pos = 0
    while (m := _VERB.search(masked, pos)) is not None:
        if m.start() and _LETTER.match(masked, m.start() - 1):
            pos = m.start() + 1
            continue
        yield m
        pos = m.end()


_ACCORDING = re.compile(r"(?:^|[,;(]\s*)(?:[Tt]heo|[Aa]ccording\s+to)\s+(?P<np>[^,;.()\"“”]{2,80})")
_INVERTED = re.compile(r"^\s*(?:said|says|told|added|wrote)\s+(?P<np>[^,;.\"“”]{2,60})")
# Clause separators: the speaker stands after the last of these before the verb.
_CLAUSE = re.compile(r"[,;:(\"“”]|\s[-–—]\s")
_LEADING = re.compile(
    r"^(?:(?:và|nhưng|tuy nhiên|trước đó|sau đó|khi đó|đồng thời|ngoài ra|trong khi đó|cũng|and|but|also|"
    r"meanwhile|however|then|the)\s+)+", re.IGNORECASE)
_TRAILING = re.compile(
    r"(?:\s+(?:cũng|đã|vừa|mới|từng|còn|đều|lại|trước đó|mới đây|hôm qua|hôm nay|sáng nay|chiều nay|tối qua|"
    r"(?:hôm|ngày|sáng|chiều|tối|trưa|đêm)(?:\s+thứ\s+\S+)?\s*\(?\d{1,2}[/-]\d{1,2}(?:[/-]\d{4})?\)?|"
    r"also|has|had|have|recently|earlier|later|yesterday|today|then|previously|now|still|already|"
    r"on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|last\s+\w+))+$",
    re.IGNORECASE)
_PRONOUNS = {"ông", "bà", "ông ấy", "bà ấy", "ông ta", "bà ta", "he", "she", "anh", "chị", "anh ấy", "chị ấy"}
_NOT_SPEAKERS = {"tôi", "chúng tôi", "chúng ta", "i", "we", "you", "bạn", "they", "it", "họ", "this", "that",
                 "nó", "điều này", "who", "which", "người ta", "ai"}
# A phrase ending in one of these, or holding a subordinating word, is part of a clause, not a speaker.
_FUNCTION_WORDS = {"là", "của", "các", "những", "một", "này", "được", "bị", "khi", "sau", "trước", "về", "với",
                   "và", "đó", "đây", "rằng", "nếu", "vì", "the", "a", "an", "of", "to", "is", "was", "that",
                   "and", "or", "if", "when", "because", "it", "there", "what", "who"}
_SUBORDINATE = {"khi", "rằng", "nếu", "vì", "mà", "that", "if", "when", "because", "which", "who", "là", "is",
                "was", "were", "are", "đây", "đó", "had", "has", "have", "will", "would", "could"}
_HONORIFICS = {"ông", "bà", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "sir", "madam"}
_UNNAMED_ROLES = frozenset("spokesperson spokesman spokeswoman official officials representative adviser aide "
                           "source sources".split())
_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
# "The Finnish leader", "the minister": a title that refers back to the person named last.
_BACK_ROLES = frozenset("leader president minister premier chancellor diplomat envoy spokesman spokeswoman mayor "
                        "governor secretary ambassador commander".split())
_AGE = re.compile(r"^\d{1,3}$")
# Small words inside a person's name ("Ursula von der Leyen"); any other small word makes a description
# ("Naftogaz, Ukraine's state energy company, said"), not a name.
_NAME_PARTICLES = frozenset("von der de van al bin da di la le du ibn".split())
# A body referred to by its kind ("the company said") after the sentence opened with its name: that name.
_THE_BODY = frozenset("company firm group agency ministry bank military army organisation organization operator"
                      .split())
_OPENING_NAME = re.compile(r"^\W*(?P<np>[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*){0,3})\s+[a-z]")


def _opening_body(masked: str) -> str | None:
    """The name a sentence opens with, when "the company said" refers to it: two words or more, capitals or a
    known body ("Prices rose …, the ministry said" opens with no name)."""
    m = _OPENING_NAME.match(masked)
    name = m.group("np") if m else ""
    return name if " " in name or (name.isupper() and len(name) > 1) or fold(name) in PLACES_AND_BODIES else None


# After "said X": ", an adviser to the president" is X's title.
_APPOSITION_AFTER = re.compile(r"\s*,\s*(?P<role>(?:an?|the)\s+[^,;.\"“”]{2,80})")


_CONNECTORS = {fold(w) for w in ("trước đó", "sau đó", "khi đó", "tuy nhiên", "đồng thời", "ngoài ra",
                                 "trong khi đó", "however", "meanwhile", "but", "and", "then", "also")}


_ORG_HEADS = {fold(w) for w in """Department Ministry Agency Office Commission Council University Institute Bank
    Party Court Police Company Corporation Committee Association Organization Organisation Group Service Bureau
    Administration Government Parliament Assembly Army Navy Times Post Journal News Reuters AFP AP Bloomberg
    Axios CNN BBC""".split()}


_QUOTED = re.compile(r'“[^”]*”?|"[^"]*"?')


_NAME_CHUNKS = re.compile(r"[,;:()\"“”.]|\s[-–—]\s")


def _mask_quotes(s: str) -> str:
    """The sentence with quoted words blanked out (same length), so a verb inside a quote is not attribution."""
    if '"' not in s and "“" not in s:
        return s
    def blank(m: re.Match[str]) -> str:
        quoted = m.group()
        closed = len(quoted) > 1 and quoted[-1] in "\"”"
        return quoted[0] + "_" * (len(quoted) - 1 - closed) + (quoted[-1] if closed else "")

    return _QUOTED.sub(blank, s)


def _is_capitalised(token: str) -> bool:
    return bool(token) and token[0].isupper()


def _name_in(phrase: str) -> tuple[str, str]:
    """Split a noun phrase into (role, name): "Người phát ngôn Điện Kremlin Dmitry Peskov" → ("Người phát ngôn Điện
    Kremlin", "Dmitry Peskov")."""
    return split_title(phrase)


def _has_vietnamese_marks(token: str) -> bool:
    return fold(token) != token.lower()


class SpeakerResolver:
    """Reads an article's sentences in order and names each one's speaker, remembering who was introduced."""

    def __init__(self) -> None:
        self._by_last: dict[str, set[str]] = {}
        self._by_role: dict[str, str] = {}
        self._role_of: dict[str, str] = {}
        self._last_person: str | None = None

    def role_of(self, name: str) -> str | None:
        """The title a person was introduced with ("Kremlin spokesman" for "Dmitry Peskov"), if any."""
        return self._role_of.get(name)

    def _keep_role(self, name: str, role: str) -> None:
        role = _ARTICLE.sub("", _strip_honorific(role.strip(" ,;:-–—"))).strip()
        if role and len(role.split()) <= 10 and role.split()[0].lower() not in _FUNCTION_WORDS:
            self._role_of[name] = role

    def _remember(self, name: str, role: str) -> None:
        parts = name.split()
        if len(parts) >= 2:
            self._by_last.setdefault(fold(parts[-1]), set()).add(name)
        role_key = fold(_strip_honorific(role))
        if role_key and len(parts) >= 1:
            self._by_role[role_key] = self._full(name)

    def _full(self, name: str) -> str:
        parts = name.split()
        known = self._by_last.get(fold(parts[-1]), set()) if parts else set()
        longer = [k for k in known if len(k.split()) >= len(parts) and k.endswith(name)]
        return longer[0] if len(longer) == 1 else name

    def learn_names(self, sentence: str) -> None:
        """Remember full names mentioned anywhere ("Tổng thống Ukraine Volodymyr Zelensky (trái) gặp …")."""
        self._learn_names(_mask_quotes(sentence))

    def _learn_names(self, masked: str) -> None:
        for chunk in _NAME_CHUNKS.split(masked):
            words = chunk.split()
            if len(words) < 3:  # a name run starts after the first word and has two words at least
                continue
            # One letter a word, C for capitalised: two capitals in a row are found by str.find, not word by word.
            capitalised = "".join(["C" if w[0].isupper() and "_" not in w else "." for w in words])
            # A run at the very start of a sentence may be a place or body; a run after a word is a name.
            k = capitalised.find("CC", 1)
            while k > 0:
                j = k + 2
                while j < len(words) and capitalised[j] == "C":
                    j += 1
                _, name = _name_in(" ".join(words[k:j]))
                if len(name.split()) >= 2:
                    self._remember(name, "")
                k = capitalised.find("CC", j)

    def _resolve(self, phrase: str) -> str | None:
        indefinite = phrase.strip(" ,;:-–—_\"“”").lower().startswith(("a ", "an ", "one "))
        phrase = _LEADING.sub("", phrase.strip(" ,;:-–—_\"“”"))
        while True:
            # Strip time words and adverbs off the end, looking only at the tail so this stays cheap.
            m = _TRAILING.search(phrase, max(0, len(phrase) - 60))
            if not m or m.start() == m.end():
                break
            phrase = phrase[: m.start()]
        phrase = phrase.strip(" ,")
        if not phrase or len(phrase.split()) > 12 or "_" in phrase:
            return None
        low = phrase.lower()
        words = low.split()
        if low in _NOT_SPEAKERS or words[-1] in _FUNCTION_WORDS or _SUBORDINATE.intersection(words[1:]) \
                or fold(low) in _CONNECTORS:
            return None
        if low in _PRONOUNS:
            return self._last_person
        role, name = _name_in(phrase)
        titled = bool(role.strip()) or fold(phrase.split()[0]) in PLACES_AND_BODIES
        if name and len(name.split()) == 1 and name == phrase.strip():
            known_full = self._full(name)
            if known_full != name:
                # "Powell said" after "Fed Chair Jerome Powell": the surname alone names the same person.
                self._last_person = known_full
                return known_full
        if name and fold(name.split()[-1]) in _ORG_HEADS:
            return phrase  # "the Commerce Department", "Bộ Quốc phòng Nga": a body, not a person
        if name and (len(name.split()) >= 2 or titled or name.lower() != phrase.lower()):
            full = self._full(name)
            self._remember(full, role)
            if role.strip():
                self._keep_role(full, role)
            self._last_person = full
            return full
        known = self._by_role.get(fold(_strip_honorific(phrase)))
        if known:
            self._last_person = known
            return known
        if words[-1] in _BACK_ROLES and self._last_person and len(words) <= 3 and not indefinite and (
                words[-1] == "leader" or words[-1] in (self._role_of.get(self._last_person) or words[-1]).lower()):
            return self._last_person  # "The Finnish leader added that": the person named last, if the title fits
        # An unnamed speaker ("Một quan chức Mỹ giấu tên", "the ministry") is kept as written when short, or when it
        # opens with a spokesperson's or an official's role ("A spokesperson for the UN refugee agency").
        return phrase if len(words) <= (9 if _UNNAMED_ROLES.intersection(words[:3]) else 6) else None

    def speaker_of(self, sentence: str) -> str | None:
        """The speaker of one sentence (call in article order), or None when the sentence names none."""
        masked = _mask_quotes(sentence)
        speaker = None
        if (closing := _CLOSING_VERBS.search(masked)) and (speaker := self._resolve(closing.group("np"))):
            # "Western countries have pledged 78 billion euros, the Kiel Institute estimates.": the source closing
            # the sentence, whatever verb stands before it
            self._learn_names(masked)
            return speaker
        for m in _verbs(masked):
            before = masked[: m.start()].rstrip()
            parts = before.split(",")
            aside = parts[-2].strip() if len(parts) >= 3 and not parts[-1].strip() else ""
            of_manner = aside[:1].islower() and (aside.split()[0].endswith("ing")
                                                 or aside.split()[0] in ("who", "whose"))  # "…, who asked not to be
            # named, said": an aside about the speaker before it
            described = len(aside.split()) >= 2 and any(w[:1].islower() and w not in _NAME_PARTICLES
                                                        for w in aside.split())  # "…, Ukraine's state energy company,"
            if (aside[:1].islower() or described) \
                    and (of_manner or _name_in(_CLAUSE.split(parts[-3])[-1].strip())[1]):
                # "X, an appositive, said", "A senior official, speaking on condition of anonymity, said": the
                # speaker is X, before the aside.
                clause = _CLAUSE.split(parts[-3])[-1]
                if not of_manner and (speaker := self._resolve(clause)):
                    self._keep_role(speaker, aside)  # "Dmitry Peskov, the Kremlin spokesman, said"
                    break
            else:
                clause = _CLAUSE.split(before)[-1]
            if not clause.strip() and parts and len(parts) >= 3 and _AGE.match(parts[-2].strip()):
                clause = _CLAUSE.split(parts[-3])[-1]  # "John Smith, 45, said"
            elif not clause.strip() and len(parts) >= 3 and parts[-2].strip()[:1].isupper() \
                    and len(parts[-2].split()) >= 2 and all(w[:1].isupper() or w in _NAME_PARTICLES
                                                            for w in parts[-2].split()) \
                    and (who := self._resolve(parts[-2])) and " " in who:
                # "Poland's president, Andrzej Duda, said": the title first, then the person between commas
                title = _CLAUSE.split(parts[-3])[-1].strip()
                if title and any(w.islower() for w in title.split()):
                    self._keep_role(who, title)
                speaker = who
                break
            elif not clause.strip() and (not before or before.rstrip(",").endswith(("\"", "”"))):
                # "…," said Mykhailo Podolyak, an adviser to the president: said after a quotation, then who
                inverted = _INVERTED.match(masked[m.start():])
                clause = inverted.group("np") if inverted else ""
                after = masked[m.start() + (inverted.end() if inverted else 0):]
                if inverted and (aside := _APPOSITION_AFTER.match(after)) and (who := self._resolve(clause)):
                    self._keep_role(who, aside.group("role"))
                    speaker = who
                    break
            speaker = self._resolve(clause)
            if speaker:
                break
        if speaker is None and ("heo" in masked or "ccording" in masked):  # [Tt]heo, [Aa]ccording
            m = _ACCORDING.search(masked)
            if m and m.group(0).lstrip(",; ").startswith(("(Theo", "(theo")):
                m = None  # "Minh Anh (Theo Reuters, AFP)": a story's credit, as Vietnamese reading leaves it
            if m and any(_is_capitalised(t) for t in m.group("np").split()) or (
                    m and m.group(0).lower().lstrip(",;( ").startswith("according")):
                speaker = self._resolve(_TOLD.sub("", _SOURCE_OF.sub("", m.group("np").strip())))
        if speaker is None and "quoted" in masked and (quoted := _QUOTED_AS_SAYING.search(masked)):
            speaker = self._resolve(quoted.group("np"))
        if speaker is None and (closing := _CLOSING_VERBS.search(masked)):
            speaker = self._resolve(closing.group("np"))
        if speaker is None and (findings := _FINDINGS_OF.search(masked) or _NAMED_FINDINGS.search(masked)) \
                and findings.group("np").split()[0] not in _NOT_FINDERS:
            speaker = self._resolve(findings.group("np"))
        if speaker is None:
            self._mentioned(masked)
        elif speaker.lower().removeprefix("the ") in _THE_BODY and (body := _opening_body(masked)):
            speaker = body  # "Russian Railways raised fares …, the company said": the company named first
        self._learn_names(masked)
        return speaker

    def _mentioned(self, masked: str) -> None:
        """The person a sentence opens with though they do not speak in it ("Finnish President Sauli Niinisto
        called …"): whom "he" or "the Finnish leader" refers to next, known with that title."""
        run: list[str] = []
        for word in masked.split()[:12]:
            if word[:1].isupper() and word.strip(",;:.").isalpha():
                run.append(word.strip(",;:."))
                if word[-1:] in ",;:.":
                    break
            elif run:
                break
        role, name = _name_in(" ".join(run))
        if len(name.split()) >= 2 and fold(name.split()[0]) not in PLACES_AND_BODIES:
            self._last_person = self._full(name)
            if role.strip():
                self._remember(self._last_person, role)
                self._keep_role(self._last_person, role)


_VIETNAMESE_LETTERS = re.compile("[ăâđêôơưĂÂĐÊÔƠƯạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]")
_OPENING = "“"
_CLOSING = "”"


def _quote_balance(sentence: str) -> int:
    """+1 when the sentence leaves a quotation open, -1 when it closes one opened before, 0 otherwise."""
    curly = sentence.count(_OPENING) - sentence.count(_CLOSING)
    if curly:
        return 1 if curly > 0 else -1
    if sentence.count('"') % 2:
        stripped = sentence.strip()
        return 1 if stripped.startswith('"') or stripped.rfind('"') > len(stripped) // 2 else -1
    return 0


def _wholly_quoted(sentence: str) -> bool:
    stripped = sentence.strip().rstrip(".!?… ")
    return len(stripped) > 2 and stripped[0] in "\"“" and stripped[-1] in "\"”" and \
        stripped.count('"') + stripped.count("“") + stripped.count("”") == 2


def read_speakers(sentences: list[str], language: str | None = None) -> list[Attribution | None]:
    """The speaker (name and title) of each sentence of one article, in order.

    Vietnamese articles are read as an editor reads them: names introduced anywhere are known, sentences inside a
    quotation take the quotation's speaker, and a sentence that is one quotation follows its attributed neighbour.
    """
    vietnamese = language == "vi" or (language is None and any(_VIETNAMESE_LETTERS.search(s) for s in sentences))
    if not vietnamese:
        resolver = SpeakerResolver()
        return [Attribution(n, resolver.role_of(n)) if (n := resolver.speaker_of(s)) else None for s in sentences]
    reader = VietnameseSpeakers()
    for sentence in sentences:
        reader.learn_names(sentence)
    found = [reader.speaker_of(s) for s in sentences]
    # Quotations across sentences: "… Trước tiên … ”, ông Putin nói." and "Ông nói: “… . … .”"
    i = 0
    while i < len(sentences):
        if _quote_balance(sentences[i]) > 0:
            j = i + 1
            while j < len(sentences) and j - i < 30 and _quote_balance(sentences[j]) <= 0:
                if _quote_balance(sentences[j]) < 0:
                    break
                j += 1
            if j < len(sentences) and _quote_balance(sentences[j]) < 0:
                opened_at_start = sentences[i].lstrip()[:1] in "\"“"
                source = found[j] or (found[i] if not opened_at_start else None)
                if source is not None:
                    for k in range(i, j + 1):
                        if found[k] is None and (k > i or opened_at_start):
                            found[k] = source
                i = j
        i += 1
    for k in range(1, len(sentences)):
        if found[k] is None and found[k - 1] is not None and _wholly_quoted(sentences[k]):
            found[k] = found[k - 1]
    # A family name said before the whole name was (a quotation's speaker, then a caption) is known by now.
    whole = [Attribution(full, a.role or reader.role_of(full))
             if a is not None and " " not in a.name and (full := reader.full_name(a.name)) != a.name else a
             for a in found]
    return whole


def _strip_honorific(phrase: str) -> str:
    words = phrase.split()
    while words and words[0].lower() in _HONORIFICS:
        words = words[1:]
    return " ".join(words)


def find_speakers(sentences: list[str]) -> list[str | None]:
    """The speaker of each sentence of one article, in order: ``find_speakers(["Ông A B nói X.", "Ông nói Y."])``
    gives ``["A B", "A B"]``."""
    return [a.name if a else None for a in read_speakers(sentences)]
