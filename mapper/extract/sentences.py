"""Report text -> the sentences worth reading, each cut into clauses.

Pure. Page furniture is dropped first: headings and one-line teasers without a
full stop, "Updated 6:27pm" lines, photo captions, "Read also" link lists; a
dateline ("ERBIL, Kurdistan Region —", "(Baghdad)") is cut from the paragraph it
opens, because it names where the story was filed, not where anything happened.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from mapper.extract.posts import is_signature
from mapper.extract.vocabulary import ATTACK_VERBS
from mapper.extract.words import key_words, words_of

#: No one wraps text wider than this: a longer line is a paragraph of its own.
WRAP_WIDTH = 160
_BLANK_LINE_RE = re.compile(r"\n[ \t]*\n+")
_READ_ALSO_RE = re.compile(
    r"^\s*(?:read also|also read|read more|see also|related(?: articles| stories)?|more on this|"
    r"read)\s*:",
    re.IGNORECASE,
)
_BULLET_RE = re.compile(r"^\s*(?:[•·▪*\-–—]|\d+[.)])\s+")
_UPDATED_RE = re.compile(
    r"^\s*(?:updated|last updated|published|posted|first published)\b.{0,60}$", re.IGNORECASE
)
_CAPTION_START_RE = re.compile(
    r"(?:photo|picture|image|file photo|file picture|caption|credit)s?\b\s*[:\-—(]",
    re.IGNORECASE,
)
#: The four patterns above in one anchored match; the group says which kind of line it
#: is: a link list heading, a bullet, or furniture to drop ("Updated ..." or a caption).
#: No line can open as two of the kinds (their first characters differ), except the two
#: kinds of furniture, which are dropped alike.
_LINE_KIND_RE = re.compile(
    rf"(?P<read_also>{_READ_ALSO_RE.pattern})|(?P<bullet>{_BULLET_RE.pattern})"
    rf"|(?P<furniture>{_UPDATED_RE.pattern}|{_CAPTION_START_RE.pattern})",
    re.IGNORECASE,
)
#: The ASCII characters a stripped line of those kinds opens on: a cheap test before the
#: case-insensitive pattern (a line opening on another character, "ſ" for "s", is tried).
_KIND_OPENERS = frozenset("rasmulpficRASMULPFIC*-0123456789")
_AGENCY_CREDIT_RE = re.compile(
    r"\b(?:REUTERS|Reuters|AFP|AP|EPA|AA|Getty Images|Anadolu)(?:/[^/]{2,60}){1,2}\s*$"
)
#: An agency's sign-off after a paragraph's last sentence: "... casualties. REUTERS".
_SIGN_OFF_RE = re.compile(
    r"(?<=[.!?\"”’])\s+(?:[-–—]\s*)?(?:REUTERS|Reuters|AFP|\(AP\)|AP|IANS|\(IANS\)|Xinhua"
    r"|\(Xinhua\)|/[A-Za-z]+/|ANI|KUNA|dpa|\(AFP\)|\(Reuters\))\s*$"
)
#: How every sign-off ends: a cheap test before the pattern.
_SIGN_OFF_ENDS = (
    "REUTERS",
    "Reuters",
    "AFP",
    "AP",
    "IANS",
    "Xinhua",
    "ANI",
    "KUNA",
    "dpa",
    ")",
    "/",
)
_CAPTION_CREDIT_RE = re.compile(r"\[[^\]]*(?:AFP|Getty|Reuters|AP|photo|Photo)[^\]]*\]\s*$")
_DATELINES = (
    re.compile(r"^\s*\((?:[A-Z][\w'’-]*)(?:[ ,]+[A-Z][\w'’-]*){0,3}\)\s*(?:[—–-]{1,2}\s*)?"),
    re.compile(
        r"^\s*[A-Z][A-Z'’-]{2,}(?:\s+[A-Z][A-Z'’-]+){0,2}(?:,\s*[A-Z][\w'’]*(?:\s+[A-Z][\w'’]*){0,2})?"
        r"(?:,?\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2})?\s*(?:\([^)]{1,40}\))?\s*(?:[—–-]{1,2}|:)\s*"
    ),
    re.compile(
        r"^\s*[A-Z][a-z]+(?:,\s*[A-Z][a-z]+)?,\s+(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8})"
        r"\s*(?:\([^)]{1,40}\))?\s*[—–-]{1,2}\s*"
    ),
    # "Baghdad, (Agency - Outlet - 3rd Feb, 2024)": a place and the filing in brackets.
    re.compile(
        r"^\s*[A-Z][a-z]+(?:,\s*[A-Z][a-z]+)?,\s*\((?=[^)]*(?:\b[A-Z]{2,}\b|\d))[^()]{2,80}\)"
        r"\s*(?:[—–:-]{1,2}\s*)?"
    ),
    # "March 15, 2022: -": the day the story was filed, before its first sentence.
    re.compile(
        r"^\s*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2},?|\d{1,2}\s+[A-Z][a-z]{2,8},?)\s+\d{4}\s*"
        r"(?:[:—–]|\s-)\s*-?\s*"
    ),
)
#: How every dateline above opens: a bracket, a digit, a word in capitals, or a
#: capitalised word before a comma or a day's number. A cheap test before them all:
#: most paragraphs open on none ("The ...", "Iraqi ...").
_DATELINE_OPENING_RE = re.compile(r"\s*(?:[(\d]|[A-Z](?:[A-Z'’-]|[a-z]+(?:,|\.?\s+\d)))")
#: A sentence ends before white space and a capital, or, on pages that lost the space
#: ("... other provinces.The Pentagon said"), between a word and a capitalised word.
_SENTENCE_END_RE = re.compile(
    r"[.!?](?:[\"'”’)\]]*\s+(?=[\"'“‘(]?[A-Z0-9])|(?<=[a-z]{3}[.!?])(?=[A-Z][a-z]))"
)
_ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "gen",
        "lt",
        "col",
        "maj",
        "capt",
        "sgt",
        "st",
        "no",
        "u.s",
        "u.n",
        "u.k",
        "vs",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "brig",
    ]
)
#: Clause breaks inside a sentence: one sentence may tell two attacks.
_COUNTS = "one|two|three|four|five|six|seven|eight|nine|ten"
#: Every break opens on one of ";,:" or white space: the lookahead turns every other
#: character down before the alternatives are tried.
_CLAUSE_RE = re.compile(
    r"(?=[;,:\s])(?:;\s+|,?\s+while\s+|,\s+whereas\s+|,\s+and\s+(?=on\s+[A-Z])"
    # "a spate of rocket attacks, including one that killed a contractor at ...".
    r"|,\s+(?=including\s+one\s+(?:that|which|in which|against|on|at|in)\b)"
    # "..., to which the US responded with air strikes near Qaim": a second attack.
    r"|,\s+(?=to which\s+(?:\w+\s+){1,3}?(?:responded|retaliated)\b)"
    # "IS claimed two attacks: a fuel tanker was blown up at a checkpoint ...".
    r"|:\s+(?=(?:a|an|the|one|two|three|four|\d+)\s)"
    rf"|(?P<and>,?\s+and\s+)(?=(?:a|an|another|{_COUNTS}|\d+)\s))"
)
#: "and a ..." starts a second attack only when both sides have an attack verb:
#: "rockets hit X and a drone struck Y", not "... two soldiers and a British medic";
#: after the "and", before any of ".;,", or "..., and a suicide bomber killed at least 32".
_ATTACK_VERB_RE = re.compile(rf"\b(?:{'|'.join(ATTACK_VERBS)})\b")
_PUNCTUATION_RE = re.compile(r"[.;,]")
_KILLER_RE = re.compile(
    r"(?:a|an)\s+(?:suicide\s+)?(?:bomber|gunman|car bomb|bomb|drone|rocket)\s+killed\b"
)
_VERB_WORDS = key_words(ATTACK_VERBS) - {"off", "through", "down"}


class Sentence(NamedTuple):
    """A sentence of the cleaned document with its offsets."""

    start: int
    end: int
    text: str


class Clause(NamedTuple):
    """A clause: the unit the extractor reads; ``sentence`` indexes its sentence."""

    start: int
    end: int
    text: str
    sentence: int


class Document(NamedTuple):
    """The cleaned text, its sentences and their clauses; ``headings`` are the datelines
    cut from paragraphs ("RAMADI:"), each with the paragraph's span: (start, end, cut)."""

    text: str
    sentences: list[Sentence]
    clauses: list[Clause]
    headings: tuple[tuple[int, int, str], ...] = ()


def clean_paragraphs(text: str) -> list[str]:
    """Return the article's paragraphs without page furniture or datelines."""
    return [paragraph for paragraph, _heading in _clean(text)]


def _clean(text: str) -> list[tuple[str, str]]:
    """The article's paragraphs, each with the dateline cut from its head ("" if none)."""
    paragraphs: list[tuple[str, str]] = []
    in_link_list = False
    for block in _BLANK_LINE_RE.split(text.replace("\r\n", "\n")):
        lines = [line for line in map(str.strip, block.split("\n")) if line]
        kept: list[str] = []
        for i, line in enumerate(lines):
            may_be_kind = line[0] in _KIND_OPENERS or not line[0].isascii()
            kind = _LINE_KIND_RE.match(line) if may_be_kind else None
            found = kind.lastgroup if kind is not None else None
            if found == "read_also":
                in_link_list = True
                continue
            if found == "bullet":
                if in_link_list:
                    continue
            else:
                in_link_list = False
            repeated = (i > 0 and lines[i - 1] == line) or (
                i + 1 < len(lines) and lines[i + 1] == line
            )
            if repeated or found == "furniture" or _has_photo_credit(line) or is_signature(line):
                continue
            kept.append(line)
        if not kept:
            continue
        # A page with a paragraph a line and no blank lines between: when a line is
        # longer than anyone wraps text, or most lines end a sentence, each line is a
        # paragraph (a heading or teaser among them has no sentence ending); otherwise
        # the lines are one paragraph wrapped.
        unwrapped = len(kept) == 1 or max(map(len, kept)) > WRAP_WIDTH
        if not unwrapped and len(kept) >= 3:
            ended = sum(1 for line in kept if _ends_sentence(_without_sign_off(line)))
            unwrapped = 2 * ended >= len(kept)
        units = kept if unwrapped else [" ".join(kept)]
        for unit in units:
            paragraph = _without_sign_off(unit)
            if not _ends_sentence(paragraph):
                paragraph = _without_trailing_stamp(paragraph)
                if not _ends_sentence(paragraph):
                    continue  # a heading, a teaser or a byline
            body = _without_dateline(paragraph)
            paragraphs.append((body, paragraph[: len(paragraph) - len(body)]))
    return paragraphs


#: A short tail after a paragraph's last sentence that ends none: a date stamp and the
#: outlet ("... told the agency. 28.09.2022, Example International"), not a cut teaser
#: nor a caption's credit ("... on 15 January. (Screen capture/Example)").
_TRAILING_STAMP_RE = re.compile(
    r"(?<=[.!?\"'”’)])\s+(?![(\[])(?:[^.!?…/()\[\]]|(?<=\d)\.(?=\d)){1,60}$"
)


def _without_trailing_stamp(paragraph: str) -> str:
    """*paragraph*, which ends no sentence, without the stamp after its last sentence."""
    if paragraph.endswith(("...", "…")):
        return paragraph
    stamp = _TRAILING_STAMP_RE.search(paragraph)
    return paragraph if stamp is None else paragraph[: stamp.start()]


def _ends_sentence(text: str) -> bool:
    return text.rstrip("\"'”’)] ").endswith((".", "!", "?"))


def _without_sign_off(paragraph: str) -> str:
    if not paragraph.rstrip().endswith(_SIGN_OFF_ENDS):
        return paragraph
    sign_off = _SIGN_OFF_RE.search(paragraph)
    return paragraph if sign_off is None else paragraph[: sign_off.start()]


def _without_dateline(paragraph: str) -> str:
    if _DATELINE_OPENING_RE.match(paragraph):
        for dateline in _DATELINES:
            cut = dateline.match(paragraph)
            if cut and cut.end() < len(paragraph):
                return paragraph[cut.end() :]
    return paragraph


def split_document(text: str) -> Document:
    """Clean *text* and split it into sentences and clauses, with offsets."""
    headed = _clean(text)
    cleaned = "\n\n".join(paragraph for paragraph, _heading in headed)
    sentences: list[Sentence] = []
    headings: list[tuple[int, int, str]] = []
    offset = 0  # where the paragraph starts in `cleaned`; paragraphs hold no line break
    for paragraph, heading in headed:
        start = offset
        if heading:
            headings.append((offset, offset + len(paragraph), heading))
        searched = 0  # where the text after the last boundary starts
        boundaries = _SENTENCE_END_RE.finditer(paragraph) if _ends_inside(paragraph) else ()
        for boundary in boundaries:
            at = boundary.start()
            # The word before the full stop: a boundary ends in white space, so that word
            # lies after the last one (reading the whole paragraph so far was quadratic).
            before = paragraph[searched:at].rsplit(None, 1)
            searched = boundary.end()
            word = before[-1].lower().rstrip(".") if before else ""
            if word in _ABBREVIATIONS or len(word) == 1:
                continue
            sentences.append(_sentence(cleaned, start, offset + at + 1))
            start = offset + boundary.end()
        offset += len(paragraph)
        if start < offset:
            sentences.append(_sentence(cleaned, start, offset))
        offset += 2
    clauses = []
    for index, sentence in enumerate(sentences):
        start = sentence.start
        if not _may_cut(sentence.text):
            clauses.append(Clause(start, sentence.end, sentence.text, index))
            continue
        # The next verb or punctuation from a point on, each looked for once, not once
        # per "and" (a sentence of a thousand "and"s was read a thousand times).
        verb_from_start = _Ahead(_ATTACK_VERB_RE, cleaned, sentence.end)
        verb_after, stop_after = (
            _Ahead(p, sentence.text) for p in (_ATTACK_VERB_RE, _PUNCTUATION_RE)
        )
        for cut in _CLAUSE_RE.finditer(sentence.text):
            if cut.group("and") and not (
                _verb_before(verb_from_start, start, sentence.start + cut.start())
                and _verb_next(verb_after, stop_after, sentence.text, cut.end())
            ):
                continue  # "two killed and four wounded", not two attacks
            end = sentence.start + cut.start()
            clauses.append(Clause(start, end, cleaned[start:end], index))
            start = sentence.start + cut.end()
        clauses.append(Clause(start, sentence.end, cleaned[start : sentence.end], index))
    return Document(cleaned, sentences, clauses, tuple(headings))


class _Ahead:
    """The first match of *pattern* in *text* at or after a position that only grows."""

    def __init__(self, pattern: re.Pattern[str], text: str, end: int | None = None) -> None:
        self.pattern, self.text, self.end = pattern, text, len(text) if end is None else end
        self.at = -1
        self.match: re.Match[str] | None = None

    def first(self, at: int) -> re.Match[str] | None:
        if at < self.at or self.at < 0 or (self.match is not None and at > self.match.start()):
            self.match = self.pattern.search(self.text, at, self.end)
        self.at = at
        return self.match


def _verb_before(verbs: _Ahead, start: int, end: int) -> bool:
    """Whether an attack verb stands between *start* and *end* of the document."""
    verb = verbs.first(start)
    if verb is None or verb.start() >= end:
        return False
    return verb.end() <= end or _ATTACK_VERB_RE.search(verbs.text, start, end) is not None


def _verb_next(verbs: _Ahead, stops: _Ahead, sentence: str, at: int) -> bool:
    """Whether a second attack follows an "and" ending at *at*: an attack verb before any
    of ".;,", or "a suicide bomber killed"."""
    verb, stop = verbs.first(at), stops.first(at)
    if verb is not None and (stop is None or verb.start() < stop.start()):
        return True
    return _KILLER_RE.match(sentence, at) is not None


@lru_cache(maxsize=1024)  # asked once per clause of a sentence
def first_colon(sentence: str) -> int:
    """Where the first ": " of *sentence* is, or -1."""
    return sentence.find(": ")


def _has_photo_credit(line: str) -> bool:
    """A photo caption ending in a credit: bracketed ("... [AFP]") or an agency and its
    photographer ("... REUTERS/Thaier Al-Sudani/File Photo")."""
    if line.endswith("]"):
        # Only the last bracket can hold it; tried from its first "[" (each "[" was a
        # search through the rest of the line).
        opening = line.find("[", line.rfind("]", 0, len(line) - 1) + 1)
        return opening >= 0 and _CAPTION_CREDIT_RE.match(line, opening) is not None
    return "/" in line and _AGENCY_CREDIT_RE.search(line) is not None


def _ends_inside(paragraph: str) -> bool:
    """Whether a sentence may end before the last character of *paragraph* (a cheap test
    before the pattern: most paragraphs are one sentence)."""
    inside = paragraph[:-1]
    return "." in inside or "!" in inside or "?" in inside


def _may_cut(sentence: str) -> bool:
    """Whether *sentence* may hold a clause break (a cheap test before the pattern)."""
    if ";" in sentence or "while" in sentence or "whereas" in sentence:
        return True
    if "including one" in sentence or ": " in sentence or "to which" in sentence:
        return True
    return " and " in sentence and not words_of(sentence).isdisjoint(_VERB_WORDS)


def _sentence(text: str, start: int, end: int) -> Sentence:
    if end < len(text) and not text[end - 1].isspace() and text[end] not in "\"'”’)]":
        return Sentence(start, end, text[start:end])  # the usual case, nothing to move
    while end > start and text[end - 1].isspace():
        end -= 1
    # Keep a closing quote or bracket with its sentence.
    while end < len(text) and text[end] in "\"'”’)]":
        end += 1
    return Sentence(start, end, text[start:end])
