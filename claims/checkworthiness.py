"""Whether a sentence states something a fact-checker could verify, with the reasons a reviewer is shown."""
from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

from claims.model import ClaimType, DateMention, Qualifier, Quantity
from claims.names import name_runs, split_title

__all__ = ["Assessment", "assess", "is_photo_credit", "THRESHOLD"]

THRESHOLD = 0.5


@dataclass(frozen=True)
class Assessment:
    score: float
    checkworthy: bool
    types: tuple[ClaimType, ...]
    reasons: tuple[str, ...]


_TOKEN = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


def _tokens(text: str) -> list[str]:
    return _TOKEN.findall(text.lower().replace("’", "'"))


class _Lexicon:
    """A list of cue words and phrases in English and in Vietnamese; all lexicons share one index per language, so a
    sentence is scanned once for all and only for the cues of its own language ("can" in "can thiệp", intervene, is
    no English modal; "do" in "What do you…" is no Vietnamese "because")."""

    def __init__(self, en: str = "", vi: str = "") -> None:
        for language, group in (("en", en), ("vi", vi)):
            phrases = {tuple(_tokens(w)) for w in group.split("|") if w.strip()}
            for index in (_INDEX[language], _INDEX[_ANY]):
                for phrase in phrases:
                    index.setdefault(phrase[0], []).append((phrase, len(phrase), " ".join(phrase), self))
                    index[phrase[0]].sort(key=lambda entry: entry[1], reverse=True)


# Per language (and _ANY, both, for a language the cues do not know): first word → (phrase, its length, as text,
# lexicon), longest phrase first: one dict lookup per word of a sentence.
_ANY = "*"
_INDEX: dict[str, dict[str, list[tuple[tuple[str, ...], int, str, _Lexicon]]]] = {"en": {}, "vi": {}, _ANY: {}}


def _cues(tokens: list[str], language: str) -> dict[_Lexicon, str]:
    """For each lexicon, its first phrase in `tokens` (longest at a position) among the cues of `language`."""
    index = _INDEX.get(language, _INDEX[_ANY])
    found: dict[_Lexicon, str] = {}
    after = 0  # the end of a word that holds a cue's syllable without its sense ("thống nhất", "thư ký")
    for i, entries in enumerate(map(index.get, tokens)):
        if entries and i >= after:
            for phrase, length, text, lexicon in entries:
                if length == 1 or tuple(tokens[i:i + length]) == phrase:
                    if lexicon is _OTHER_SENSE:
                        after = i + length
                        break
                    found.setdefault(lexicon, text)
    return found


# Vietnamese words of two syllables, one of them a cue's, that mean something else: "thống nhất" is unity, not a
# superlative; "thư ký" a secretary, not a signing; "tự do" freedom and "do dự" hesitation, not "because"; "theo
# dõi" is to follow, not "according to"; "lẽ phải" is what is right, not "must". Read as one word, they are no cue.
_OTHER_SENSE = _Lexicon(vi="thống nhất|thứ nhất|nhất định|nhất là|nhất trí|nhất thời|hợp nhất|đồng nhất|hơn nữa|"
                           "hơn hết|tăng cường|thư ký|ký ức|ký hiệu|ký giả|ký tự|ký sự|nhật ký|diễn đạt|truyền đạt|"
                           "biểu đạt|chưa xác định|không xác định|theo dõi|kèm theo|tiếp theo|theo đuổi|làm theo|"
                           "đi theo|theo sau|tự do|do dự|do thám|trở nên|lẽ phải|phải trái|bên phải|chấp nhận|chuẩn bị|"
                           "mới nhất|gần nhất")
_COMPARISON = _Lexicon(
    en="more than|less than|fewer than|higher than|lower than|larger than|bigger than|smaller than|faster than|"
    "worse than|better than|as many as|as much as|highest|lowest|largest|biggest|smallest|fastest|slowest|"
    "most|least|record|first time|first ever|number one|top|double|doubled|tripled|twice|half|"
    "increase|increased|decrease|decreased|rose|risen|fell|fallen|grew|grown|dropped|declined|surged|"
    "plunged|soared|up|down|compared|since",
    vi="nhất|hơn|kém|gấp|tăng|giảm|so với|kỷ lục|lần đầu|đầu tiên|cao nhất|thấp nhất|lớn nhất|nhỏ nhất|"
    "nhiều nhất|ít nhất|vượt|sụt|tụt|gấp đôi|lớn thứ|đứng thứ|cao thứ|nhiều thứ",
)
_EVENT_EN = _Lexicon(
    en="voted|vote against|cut|cuts|raised|passed|signed|vetoed|opposed|supported|proposed|sponsored|spent|"
    "lost|created|added|reduced|eliminated|funded|killed|closed|built|sent|invaded|attacked|bombed|banned|"
    "approved|rejected|sued|fired|hired|appointed|won|paid|borrowed|owed|cost|saved|increased|doubled|"
    "tripled|announced|launched|arrested|charged|convicted|indicted|elected|defeated|imposed|repealed|"
    "abolished|introduced|enacted|ratified|withdrew|deployed|captured|died|resigned|received|gave|took|"
    "bought|sold|shut|invested|ordered|agreed|refused|denied|admitted|happened|occurred|caused|broke|"
    "brought down|blocked|expanded|tripled|lowered|balanced|slashed|tripled|ended|started|began",
)
# Tense alone: a weaker sign of a reported fact than a verb of record.
_PAST_EN = _Lexicon(en="has been|have been|had been|was|were|has|have|had|did|didn't|never|already|ago|last year|"
                    "last month")
# Tense and passive markers ("đã", "bị") say an event happened without naming it: a reviewer is shown the verb.
_PAST_VI = _Lexicon(vi="đã|vừa|từng|chưa bao giờ|đến nay|trước đó|bị")
_EVENT_VI = _Lexicon(
    vi="tuyên bố|bác bỏ|ký|thông qua|tấn công|gặp|tiến hành|"
    "kiểm soát|công bố|bắt giữ|khởi tố|xét xử|phê duyệt|ban hành|triển khai|rút|sáp nhập|ngừng|từ chối|"
    "đồng ý|chấp thuận|phản đối|diễn ra|xảy ra|thiệt mạng|tử vong|bị thương|phát hiện|thu giữ|trao đổi|"
    "ghi nhận|đạt|chiếm|nhận được|mất|được bầu|bổ nhiệm|cách chức|kỷ luật|xử phạt|sơ tán|di tản|rời bỏ|"
    "cho thấy|xác định|xuất hiện|bắn|trúng|đăng tải|phá hủy|tiêu diệt|bắn hạ|pháo kích|không kích|ném bom",
)
_SOURCE = _Lexicon(
    en="according to|report|reports|reported|study|survey|data|statistics|census|figures|official|officials|"
    "percent|per cent|rate|budget|deficit|debt|unemployment|inflation|tax|taxes|income|jobs|economy|"
    "law|bill|legislation|program|programs",
    vi="theo|báo cáo|thống kê|số liệu|khảo sát|nghiên cứu|dữ liệu|chính thức|ngân sách|kinh tế|lạm phát|"
    "thất nghiệp|thuế|luật|nghị định|quyết định",
)
_CAUSAL = _Lexicon(
    en="because|because of|due to|caused|causes|led to|leads to|result of|resulted in|as a result|thanks to|"
    "therefore|so that",
    vi="vì|do|bởi|bởi vì|dẫn đến|dẫn tới|khiến|gây ra|nhờ|nên|kết quả là|hậu quả",
)
_PREDICTION = _Lexicon(
    en="will|won't|going to|expected to|forecast|projected|predicts|predicted|plans to|next year",
    vi="sẽ|dự kiến|dự báo|kế hoạch|năm tới|sắp",
)
_OPINION = _Lexicon(
    en="i think|i believe|i feel|i hope|i want|i'd like|i would like|i'm sure|i am sure|in my opinion|"
    "i'm going to|i am going to|i will|i'll|we will|we'll|we're going to|we are going to|we need|"
    "we must|we should|we have to|we've got to|we ought|let me|let's|let us|i don't believe|i don't think|"
    "my view|i suggest|i propose|i would|i'd|we can|we could|we would|you know|of course|frankly|"
    "i agree|i disagree|i support|i oppose|i intend|i promise|i pledge|i say",
    vi="tôi nghĩ|tôi tin|tôi cho rằng|theo tôi|tôi hy vọng|tôi muốn|chúng ta cần|chúng ta phải|chúng ta nên|"
    "hãy|tôi mong|theo ý kiến tôi|xin hỏi",
)
_MODAL = _Lexicon(
    en="would|should|could|might|must|may|can|need to|needs to|ought|want to|wants to|hope|believe|think|feel",
    vi="có thể|nên|cần|phải|muốn|mong|có lẽ|dường như|có vẻ|hy vọng|hi vọng|kỳ vọng",
)
# A view reported as a view ("chuyên gia X nhận định rằng …"): an analysis, which the desk does not check unless it
# carries a figure or an event of its own.
_VIEW = _Lexicon(vi="cho rằng|nhận định|tin rằng|đánh giá rằng|sai lầm|đúng đắn|vô lý|phi lý|đáng tiếc|đáng xấu hổ|"
                 "không thể chấp nhận|nực cười|vô căn cứ|tồi tệ")
# Analysts and observers: what they say is an analysis unless it carries a figure of its own.
_ANALYST = _Lexicon(vi="chuyên gia|nhà phân tích|giới phân tích|giới quan sát|giới chuyên gia|nhà quan sát|"
                       "nhà bình luận|bình luận viên")
_FORECAST = _Lexicon(vi="dự báo|dự đoán|dự kiến")
# A feeling told ("rất vui", "xúc động", "hài lòng"): how someone felt, which nobody can check.
_FEELING = _Lexicon(vi="vui|vui mừng|mừng|buồn|xúc động|hụt hẫng|hạnh phúc|tự hào|lo lắng|sợ hãi|thất vọng|"
                       "phấn khởi|bức xúc|bàng hoàng|đau lòng|tiếc nuối|hài lòng|khóc|nỗi buồn|nỗi sợ|sung sướng")
_POLITE = _Lexicon(
    en="thank you|thanks|good evening|good morning|good night|welcome|applause|laughter|crosstalk|"
    "ladies and gentlemen|congratulations|excuse me|i'm sorry|god bless|appreciate",
    vi="xin chào|cảm ơn|chúc mừng|chúc|xin lỗi|kính thưa",
)
_OPENERS = {"and", "but", "so", "well", "now", "oh", "look", "yes", "no"}
_FIRST_PERSON = {"i", "we", "i'm", "we're", "i've", "we've", "i'd", "we'd", "i'll", "we'll", "tôi"}
_SECOND_PERSON = _Lexicon(en="you|your|you're|you've", vi="bạn|các bạn")
# Any letter-run after a word; kept only when it starts with a capital (a range like À-Ỹ would admit lower-case đ).
_PROPER_MID = re.compile(r"(?<=[^\W\d_] )[^\W\d_]{2,}")
_EVERYDAY_UNITS = {None, "days", "years", "months", "weeks", "hours", "minutes", "năm", "tháng", "tuần", "giờ",
                   "phút", "times", "lần", "tuổi", "years old", "decades"}
_NUMBER_WORD = _Lexicon(en="million|billion|trillion|thousand|hundred|millions|billions|thousands|hundreds|"
                           "percent|dozen|dozens|a third|a quarter|one-third|two-thirds|half",
                        vi="triệu|tỷ|tỉ|nghìn|ngàn|phần trăm|một nửa|một phần ba")


# Page furniture a pasted or fetched page brings along: web and e-mail addresses, telephone numbers, machine time
# stamps ("2022-04-21T16:31+0700"). Their digits read as figures, yet a line made mostly of them states nothing.
_FURNITURE = re.compile(r"(?:https?://|www\.)\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\+\d[\d ().-]{6,}\d"
                        r"|\b\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?")
FURNITURE_SHARE = 0.4  # of the sentence's characters (spaces aside) in furniture, from which it is not a claim
# A link to another story (">> Xem thêm: …", "Read more: …"): its headline is that story's, not this article's.
_LINK_TO_A_STORY = re.compile(r"^\W*(?:xem thêm|đọc thêm|tin liên quan|bài liên quan|read more|see also|related)\s*:",
                              re.IGNORECASE)


# A photo's credit ("Ảnh: AP", "(Ảnh minh họa: Reuters)", "Photo: AFP"): the sentence before it is the photo's caption.
_PHOTO_CREDIT = re.compile(r"^\W*(?:ảnh(?:\s+minh\s+họa|\s+chụp\s+màn\s+hình)?|nguồn\s+ảnh|photo|image)\s*:",
                           re.IGNORECASE)


def is_photo_credit(sentence: str) -> bool:
    """Whether a sentence is a photo's credit: ``is_photo_credit("Ảnh: AP")``."""
    return _PHOTO_CREDIT.match(sentence) is not None and len(sentence) < 120


def _furniture(text: str) -> str | None:
    """The first piece of page furniture when such pieces make up FURNITURE_SHARE of the text, else None."""
    story = _LINK_TO_A_STORY.match(text)
    if story:
        return story.group(0).strip()
    found = _FURNITURE.findall(text)
    if not found:
        return None
    covered = sum(len(f.replace(" ", "")) for f in found)
    return found[0] if covered >= FURNITURE_SHARE * max(1, len(text.replace(" ", ""))) else None


def _without(text: str, parts: Sequence[str]) -> str:
    for part in parts:
        text = text.replace(part, " ")
    return text


def _whole_name(text: str, at: int, word: str) -> str:
    """The whole name holding the word at `at`, without its title: "names Nguyễn Văn Hùng", not "names Nguyễn"."""
    for start, end in name_runs(text):
        if start <= at < end:
            run = text[start:end]
            _, name = split_title(run)
            return name if len(name.split()) >= 2 else run
        if start > at:
            break
    return word


def _squash(logit: float) -> float:
    return 1.0 / (1.0 + math.exp(-logit))


def _speaks_of_self(tokens: list[str]) -> bool:
    """Whether the sentence opens with I/we ("And I think…", "Well, we…", "Chúng tôi…")."""
    i = 0
    while i < len(tokens) and tokens[i] in _OPENERS:
        i += 1
    return i < len(tokens) and (tokens[i] in _FIRST_PERSON or tokens[i:i + 2] in (["chúng", "tôi"], ["chúng", "ta"]))


def assess(sentence: str, *, language: str = "en", quantities: Sequence[Quantity] = (),
           dates: Sequence[DateMention] = (), speaker: str | None = None, caption: bool = False) -> Assessment:
    """Score one claim candidate; ``assess("Hơn 1,7 triệu người đã rời bỏ nhà cửa.", ...)`` is check-worthy.
    `caption`: the sentence stands right before a photo's credit ("Ảnh: AP"), so it describes the photo.

    The score is a logistic of summed cues: figures, dates, reported events, comparisons, named sources and
    attribution push it up; opinions, promises, questions, greetings and fragments push it down.
    """
    text = sentence.strip()
    words = _tokens(text)
    cues = _cues(words, language)

    types: list[ClaimType] = []
    reasons: list[str] = []
    logit = -1.2 if language == "en" else -0.8

    def add(weight: float, reason: str, kind: ClaimType | None = None) -> None:
        nonlocal logit
        logit += weight
        reasons.append(reason)
        if kind is not None and kind not in types:
            types.append(kind)

    strong_figure = False
    if quantities:
        q = max(quantities, key=lambda q: (q.unit not in _EVERYDAY_UNITS, q.value >= 10, q.end - q.start))
        # "Two days ago", "12 years old": small everyday counts say less than "95 percent" or "$40 billion".
        # (a share, "1 out of 6", "2/3", is no small count)
        everyday = q.qualifier == "exact" and 1 <= q.value < 10 and q.unit in _EVERYDAY_UNITS
        # "billions of dollars", "hàng nghìn người": an amount without a number says how large, not how much
        vague = q.qualifier == Qualifier.APPROX and not any(ch.isdigit() for ch in q.text)
        strong_figure = not everyday and not vague
        add(1.0 if everyday else 1.2 if vague else 2.2, f"contains a statistic: {q.text}", ClaimType.STATISTIC)
    elif cues.get(_NUMBER_WORD):
        add(1.2, f"contains a figure: {cues.get(_NUMBER_WORD)}", ClaimType.STATISTIC)
    if dates:
        add(1.0, f"mentions a date: {dates[0].text}", ClaimType.DATE)
    comparison = cues.get(_COMPARISON)
    if comparison and any(q.qualifier is not Qualifier.EXACT and comparison in q.text.lower() for q in quantities):
        # "hơn 1,7 triệu", "more than 50 percent": a hedge already shown on the figure, not a comparison.
        hedges = " ".join(q.text for q in quantities if q.qualifier is not Qualifier.EXACT).lower()
        comparison = _cues(_tokens(_without(text, [q.text for q in quantities])), language).get(_COMPARISON) \
            if hedges else comparison
    if comparison:
        add(0.7, f"makes a comparison: {comparison}", ClaimType.COMPARISON)
    event = cues.get(_EVENT_VI if language == "vi" else _EVENT_EN)
    if event:
        add(0.9 if language == "vi" else 0.8, f"reports an event: {event}", ClaimType.EVENT)
    elif language == "vi" and cues.get(_PAST_VI):
        add(0.9, "tells of something that happened", ClaimType.EVENT)
    elif cues.get(_PAST_EN):
        add(0.5, f"reports an event: {cues[_PAST_EN]}", ClaimType.EVENT)
    source = cues.get(_SOURCE)
    if source:
        add(0.5, f"refers to a record or topic that can be checked: {source}")
    if speaker:
        add(0.9, f"attributed to {speaker}", ClaimType.QUOTE)
    elif '"' in text or "“" in text or "”" in text:
        types.append(ClaimType.QUOTE)
    proper = next((m for m in _PROPER_MID.finditer(text) if m.group(0)[0].isupper()), None)
    if proper:
        name = _whole_name(text, proper.start(), proper.group(0))
        if speaker and (name in speaker or proper.group(0) in speaker.split()):
            name = speaker  # "bà Mai nói" after "Bà Lê Thị Mai …": the whole name the article gave
        add(0.6 if language == "en" else 0.4, f"names {name}")
    causal = cues.get(_CAUSAL)
    if causal:
        add(0.2, f"states a cause: {causal}", ClaimType.CAUSAL)
    prediction = cues.get(_PREDICTION)
    forecast = cues.get(_FORECAST)
    if forecast:
        # "dự báo", "dự kiến": a forecast or a plan says what is to come; "sẽ" alone is as often an announcement
        add(-0.9, f"forecasts: {forecast}", ClaimType.PREDICTION)
    elif prediction:
        add(-0.3 if language == "en" else 0.0, f"predicts: {prediction}", ClaimType.PREDICTION)

    opinion = cues.get(_OPINION)
    if opinion:
        add(-1.6, f"opinion or intention: {opinion}")
    elif cues.get(_MODAL):
        add(-0.6, f"hedged or hypothetical: {cues.get(_MODAL)}")
    if cues.get(_VIEW):
        add(-0.9, f"gives a view: {cues.get(_VIEW)}")
    if cues.get(_ANALYST) and not strong_figure:
        add(-0.9, f"an analyst's view: {cues.get(_ANALYST)}")
    if cues.get(_FEELING) and not strong_figure:
        add(-0.9, f"tells a feeling: {cues.get(_FEELING)}")
    if _speaks_of_self(words) and not strong_figure and not event:
        # "I was a school board member" is biography; "We have cut the deficit" is a record and stays.
        add(-0.7, "speaks about the speaker")
    if cues.get(_SECOND_PERSON):
        add(-0.5, "addresses the listener")
    if text.endswith("?") or (words and words[0] in ("why", "how", "what", "who", "is", "are", "do", "does", "can")) \
            or words[:2] in (["tại", "sao"], ["vì", "sao"], ["làm", "sao"]):  # "Tại" alone is "at"
        add(-2.0, "is a question")
    if cues.get(_POLITE):
        # A courtesy is the whole point of a short sentence, an aside ("(applause)") in a long one.
        add(-2.5 if len(words) < 12 else -0.8, f"greeting or courtesy: {cues.get(_POLITE)}")
    furniture = _furniture(text)
    if furniture:
        add(-5.0, f"page furniture, not a statement: {furniture[:60]}")
    if caption:
        add(-5.0, "a photo's caption")
    if len(words) < 5:
        add(-2.0, "too short to state a fact")
    elif len(words) < 8:
        add(-0.6, "short")

    score = _squash(logit)
    return Assessment(round(score, 3), score >= THRESHOLD, tuple(types), tuple(reasons))
