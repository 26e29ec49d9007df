"""The reading half of the content-trust classifier: normalize text and find vocabulary cues in its sentences.

Normalization (for matching only, never for display): invisible characters dropped (zero-width, bidi, soft hyphen,
combining marks), homoglyphs mapped to Latin, traditional → simplified, NFKC and lower case (``textnorm.fold``:
"，" becomes ","), separators and symbols between CJK characters removed, letters spelled out one by one joined —
so 忽-略, 忽 略, 忽\u200b略, 忽★略, 忽略, Ｉｇｎｏｒｅ, іgnore (Cyrillic і) and I-g-n-o-r-e all read the same.

Cues come from ``data/knowledge/trust.yaml`` (format at its top). A cue that begins or ends with a lone Chinese
character must meet a word boundary there (jieba), so 别 does not match inside 分别 nor 以 inside 可以.
"""

from __future__ import annotations

import base64
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Literal

from pydantic import BaseModel, ConfigDict

from ingest.textnorm import fold

CJK = "\u3400-\u9fff"
SENTENCE_END = re.compile(r"[。!?;\n]+|\.(?=\s|$)")
SUBCLAUSE_END = re.compile(r"[,:。]")  # 。 also parts the two sentences of a scored pair; 、 only parts list items
_GAP = r"[^。!?;\n,:、]{0,10}?"  # `…` in a Chinese cue: a few characters
_LATIN_GAP = r"[^。!?;\n,:、]{0,30}?"  # `…` after a Latin word: a few words
_SYMBOL = r"[\u2190-\u2bff\U0001f000-\U0001faff]"  # arrows, shapes, dingbats, emoji: 忽★略, 忽😀略
_INVISIBLE = frozenset(("Cf", "Cc", "Mn", "Co", "Cs"))
_SPACES = frozenset("\t\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")
_NUMERAL = "一二三四五六七八九十百零〇"
# an item label opening a sentence: （一） (1) 1. 1、 一、 第三条 ① a) — structure, not a subject
_ITEM_LABEL = re.compile(
    rf"\(?[{_NUMERAL}\d]{{1,4}}\)|[{_NUMERAL}\d]{{1,4}}[.、]|第[{_NUMERAL}\d]{{1,5}}[条款项章节]|[\u2460-\u2473]|[a-z][).]"
)
_STRAY = re.compile(r"(?<![a-z0-9])[a-z0-9](?![a-z0-9])")  # a lone letter or digit glued on: w忽略以上 …
_LEET_WORD = re.compile(r"(?<![a-z0-9])(?=[a-z0-9]*[a-z])(?=[a-z0-9]*\d)[a-z0-9]{3,}(?![a-z0-9])")
_BASE64 = re.compile(r"(?<![A-Za-z0-9+/])[A-Za-z0-9+/]{16,}={0,2}")
_OVERRIDE = re.compile("\u202e([^\u202c\n]*)\u202c?")  # right-to-left override … pop: shown reversed


def _displayed_order(text: str) -> str:
    """Text under a right-to-left override (U+202E) in the order a reader sees it: ‮。答回略忽‬ → 忽略回答。"""
    return _OVERRIDE.sub(lambda m: m.group(1)[::-1], text) if "\u202e" in text else text


def _decoded(token: str) -> str | None:
    """A base64 token's text, when it decodes to readable UTF-8 (not merely a long word or number)."""
    if token.isalpha() or token.isdigit():
        return None
    try:
        decoded = base64.b64decode(token + "=" * (-len(token) % 4), validate=True).decode("utf-8")
    except (ValueError, UnicodeDecodeError):
        return None
    return decoded if decoded.isprintable() else None


# Active content never found in regulation: HTML that runs, links and images that fetch.
_ACTIVE_MARKUP = re.compile(
    r"<\s*/?\s*(?:script|img|iframe|svg|object|embed|style|link|meta|a\s)|\bon(?:error|load|click)\s*=|javascript:"
    r"|!?\[[^\]\n]{0,200}\]\(\s*(?:https?:|data:|javascript:|www\.)",
    re.IGNORECASE,
)


class TrustVocabulary(BaseModel):
    """``data/knowledge/trust.yaml`` (see the format comment at its top)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    homoglyphs: dict[Literal["from", "to"], str]
    leet: dict[Literal["from", "to"], str]
    separators: str
    you: tuple[str, ...]
    you_official: tuple[str, ...]
    machine: tuple[str, ...]
    vocative: tuple[str, ...]
    particles: tuple[str, ...]
    requests: tuple[str, ...]
    coverbs: tuple[str, ...]
    answer: tuple[str, ...]
    received: tuple[str, ...]
    audience: tuple[str, ...]
    asked: tuple[str, ...]
    answer_context: tuple[str, ...]
    uniform: tuple[str, ...]
    disregard: tuple[str, ...]
    negators: tuple[str, ...]
    heed: tuple[str, ...]
    prohibitions: tuple[str, ...]
    text_deictics: tuple[str, ...]
    other_text: tuple[str, ...]
    prompt_nouns: tuple[str, ...]
    void: tuple[str, ...]
    void_request: tuple[str, ...]
    self_fragment: tuple[str, ...]
    precedence: tuple[str, ...]
    role_verbs: tuple[str, ...]
    pretend: tuple[str, ...]
    role_statements: tuple[str, ...]
    passive: tuple[str, ...]
    conditionals: tuple[str, ...]
    probe: tuple[str, ...]
    secrecy: tuple[str, ...]
    citation: tuple[str, ...]
    chat_markup: tuple[str, ...]


CATEGORIES = tuple(name for name in TrustVocabulary.model_fields if name not in ("homoglyphs", "leet", "separators"))


def cue_pattern(cue: str) -> str:
    """One cue → regex: Latin words whole (``*`` = any ending), ``…`` = a short gap, Chinese as a substring."""
    pattern, previous = "", ""
    for piece in cue.split("…"):
        if previous:
            pattern += _LATIN_GAP if previous[-1].isascii() else _GAP
        body = re.escape(piece.rstrip("*")).replace(r"\ ", r"\s*")
        if piece[:1].isascii() and piece[:1].isalpha():
            body = r"(?<![a-z])" + body
        if piece.endswith("*"):
            body += "[a-z]*"
        elif piece[-1:].isascii() and piece[-1:].isalpha():
            body += r"(?![a-z])"
        pattern, previous = pattern + body, piece
    return pattern


def _lone_char(piece: str) -> bool:
    return len(piece) == 1 and bool(re.fullmatch(f"[{CJK}]", piece))


@dataclass(frozen=True)
class _Cue:
    category: str
    pattern: re.Pattern[str]
    anchor: str  # a literal every match contains (its first word or characters)
    bound_start: bool  # begins with a lone Chinese character: must begin a word (jieba)
    bound_end: bool

    @classmethod
    def of(cls, category: str, cue: str) -> _Cue:
        pieces = cue.split("…")
        anchor = pieces[0].rstrip("*").split(" ")[0]
        return cls(category, re.compile(cue_pattern(cue)), anchor, _lone_char(pieces[0]), _lone_char(pieces[-1]))


@dataclass(frozen=True)
class Hit:
    category: str
    start: int
    end: int
    text: str


@dataclass
class Evidence:
    """Cue hits of one sentence (or pair of sentences), by category."""

    sentence: str
    hits: dict[str, list[Hit]] = field(default_factory=dict)

    def of(self, category: str) -> list[Hit]:
        return self.hits.get(category, [])

    def has(self, *categories: str) -> bool:
        return any(self.hits.get(category) for category in categories)

    def first(self, *categories: str) -> str:
        return next(hit.text for category in categories for hit in self.of(category))

    def joined(self, other: Evidence) -> Evidence:
        """The evidence of this sentence and the next read as one unit (``。`` between them parts sub-clauses)."""
        shift = len(self.sentence) + 1
        hits = {category: list(hits) for category, hits in self.hits.items()}
        for category, more in other.hits.items():
            hits.setdefault(category, []).extend(
                Hit(h.category, h.start + shift, h.end + shift, h.text) for h in more)
        return Evidence(f"{self.sentence}。{other.sentence}", hits)

    def subclause_start(self, position: int) -> int:
        return max((m.end() for m in SUBCLAUSE_END.finditer(self.sentence, 0, position)), default=0)


class CueReader:
    """Normalizes text and finds the vocabulary's cues in it."""

    def __init__(self, vocabulary: TrustVocabulary) -> None:
        for name in ("homoglyphs", "leet"):
            table = getattr(vocabulary, name)
            if len(table.get("from", "")) != len(table.get("to", "")):
                raise ValueError(f"{name}: 'from' and 'to' must have the same length")
        self.vocabulary = vocabulary
        self._glyphs = str.maketrans(vocabulary.homoglyphs.get("from", ""), vocabulary.homoglyphs.get("to", ""))
        self._leet = str.maketrans(vocabulary.leet.get("from", ""), vocabulary.leet.get("to", ""))
        separators = re.escape(vocabulary.separators)
        self._cjk_gap = re.compile(rf"(?<=[{CJK}])(?:[{separators}\s]|{_SYMBOL}){{1,3}}(?=[{CJK}])")
        self._spelled = re.compile(rf"(?<![a-z])(?:[a-z][{separators}\s]){{2,}}[a-z](?![a-z])")
        self._separator = re.compile(rf"[{separators}\s]")
        self._cues: list[_Cue] = []
        self.patterns: dict[str, re.Pattern[str]] = {}
        for name in CATEGORIES:
            cues = sorted(set(getattr(vocabulary, name)), key=len, reverse=True)
            self._cues += [_Cue.of(name, cue) for cue in cues]
            self.patterns[name] = re.compile("|".join(cue_pattern(c) for c in cues) or r"(?!)")
        self._tokenizer = None

    # ------------------------------------------------------------------ text

    def normalize(self, text: str) -> str:
        visible = "".join(
            " " if char in _SPACES else char
            for char in _displayed_order(text)
            if char == "\n" or unicodedata.category(char) not in _INVISIBLE
        )
        folded = fold(visible.translate(self._glyphs)).translate(self._glyphs)
        joined = self._cjk_gap.sub("", folded)
        spelled = self._spelled.sub(lambda m: self._separator.sub("", m.group()), joined)
        return _LEET_WORD.sub(lambda m: m.group().translate(self._leet), spelled)  # 1gn0re → ignore

    def sentences(self, text: str) -> list[str]:
        """Normalized sentences, then those of any base64 payload the text carries (decoded)."""
        hidden = [decoded for token in _BASE64.findall(text) if (decoded := _decoded(token))]
        return [s.strip() for part in (text, *hidden) for s in SENTENCE_END.split(self.normalize(part)) if s.strip()]

    def markup(self, text: str) -> str | None:
        """Chat-template markers or active HTML/markdown anywhere in the text (before any sentence splitting)."""
        light = unicodedata.normalize("NFKC", text.translate(self._glyphs)).lower()
        light = "".join(char for char in light if char == "\n" or unicodedata.category(char) not in _INVISIBLE)
        found = self.patterns["chat_markup"].search(light) or _ACTIVE_MARKUP.search(light)
        return found.group() if found else None

    def words(self, text: str) -> list[str]:
        return self._jieba().lcut(text)

    def _jieba(self):
        if self._tokenizer is None:
            import logging

            import jieba

            jieba.setLogLevel(logging.WARNING)
            self._tokenizer = jieba.Tokenizer()  # its own dictionary: terms others add to jieba do not leak in
        return self._tokenizer

    # ------------------------------------------------------------------ cues

    def evidence(self, sentence: str) -> Evidence:
        """Every cue in the sentence; within a category, overlapping hits resolve leftmost-longest."""
        found: dict[str, list[Hit]] = {}
        bounds: tuple[set[int], set[int]] | None = None
        official = [m.span() for m in self.patterns["you_official"].finditer(sentence)]
        for cue in self._cues:
            if cue.anchor not in sentence:
                continue  # a substring test first: most cues are absent from most sentences
            for match in cue.pattern.finditer(sentence):
                start, end = match.span()
                if end == start or (cue.category == "you" and any(s <= start < e for s, e in official)):
                    continue  # 你市, 你厅: official correspondence addresses a government body
                if cue.bound_start or cue.bound_end:
                    bounds = bounds or self._word_bounds(sentence)
                    if (cue.bound_start and start not in bounds[0]) or (cue.bound_end and end not in bounds[1]):
                        continue  # 别 in 分别, 管 in 主管, 以 in 可以: a character of another word
                found.setdefault(cue.category, []).append(Hit(cue.category, start, end, match.group()))
        evidence = Evidence(sentence)
        for category, hits in found.items():
            kept: list[Hit] = []
            for hit in sorted(hits, key=lambda h: (h.start, h.start - h.end)):
                if not kept or hit.start >= kept[-1].end:
                    kept.append(hit)
            evidence.hits[category] = kept
        return evidence

    def _word_bounds(self, sentence: str) -> tuple[set[int], set[int]]:
        starts, ends, position = set(), set(), 0
        for word in self.words(sentence):
            starts.add(position)
            position += len(word)
            ends.add(position)
        return starts, ends

    def strip_leading(self, prefix: str, categories: tuple[str, ...]) -> str:
        """``prefix`` without what it opens with that is not a subject: item labels (（一）), cues of ``categories``
        (请/一律/如果 …) and time clauses (系统生成答复时 …)."""
        rest = prefix.strip()
        while rest:
            ends = [m.end() for category in categories if (m := self.patterns[category].match(rest)) and m.end()]
            label = _ITEM_LABEL.match(rest)
            if label:
                ends.append(label.end())
            ends.append(self._time_clause_end(rest))
            if not any(ends):
                break
            rest = rest[max(ends) :].strip()
        return _STRAY.sub("", rest).strip()

    def _time_clause_end(self, text: str) -> int:
        """End of a leading "…时" clause (时 a word of its own: 回答问题时, not 及时/同时), else 0."""
        position = text.find("时")
        if not 0 < position <= 16 or re.search(r"[,:。]", text[:position]):
            return 0
        words = self.words(text[: position + 1])
        return position + 1 if words and words[-1] == "时" else 0

    def opens_with_coverb(self, text: str) -> bool:
        """按…/把…/照本段…: a preposition opening an adverbial, not a noun that starts with one (用人单位)."""
        if not re.match(f"[{CJK}]", text):
            return False
        coverbs = self.vocabulary.coverbs
        if next(iter(self.words(text)), "") in coverbs:
            return True
        after = text[1:]
        return text[0] in coverbs and (after[:1].isdigit() or any(
            self.patterns[c].match(after) for c in ("self_fragment", "text_deictics", "other_text", "audience")))
