"""Where a document applies, read from its own text through the gazetteer — for documents without a sidecar.

Signals, in order of trust:

1. the issuer (发文机关): the closing lines above the signing date, else the title's head before 关于/印发/转发;
   an issuer naming no place but a central body (国务院, …部) is national;
2. the title: a place in its head, or one opening its subject or a 《》 inside it (关于天津市…, 关于印发《永州市…》);
   a place further inside the title (关于做好对口支援新疆…的通知) is weak;
3. the 文号 prefix: a province-level 简称 (津人社规字 → 天津市) or a central body's prefix (人社部函) decides when
   issuer and title name no place (a county's 宁政办发 is no 宁夏 document, so it never overrules them); a place's
   short name (北碚府发 → 北碚区) is weak — prefixes also join first characters (永宁政办发 = 永州 + 宁远);
4. the body: its own-jurisdiction words (本市, 我省, 全县) must suit a place read from the 文号 alone, and the places it
   names most break ties between readings and corroborate weak ones — they never decide alone.

Issuer and title on different lines of descent (the closing says 北京市, the title 天津市), readings nothing
settles, and weak readings nothing corroborates all give region 未知 with the reason: a wrong region is worse than none.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property

from ingest.models import UNKNOWN_REGION, Level
from ingest.places import NATION_CODE, NATION_NAME, Gazetteer, PlaceMention, describe
from ingest.textnorm import squeeze

ISSUER, TITLE, DOC_NUMBER = "发文机关", "标题", "文号"
_HEAD_END = re.compile(r"关于|印发|转发|《")
_TITLE_LEAD = re.compile(r"(?:关于|印发|转发|发布|颁布|\d{4}年度?)*")
_NUMBER_PREFIX_END = re.compile(r"[〔\[［【(（]")
_UNIT_LEVEL: dict[str, Level] = {"province": "province", "prefecture": "city"}
EVIDENCE_CHARS = 20_000  # a document names its own places early; a huge file is not scanned to its end


@dataclass(frozen=True)
class Signal:
    """What one part of the document says about its place: codes it trusts, codes it only suggests."""

    source: str
    trusted: tuple[str, ...] = ()
    weak: tuple[str, ...] = ()
    mixed: tuple[str, ...] = ()  # places on different lines of descent (two issuers from two provinces)


@dataclass(frozen=True)
class RegionGuess:
    region: str
    province: str | None
    level: Level
    code: str | None
    reason: str = field(default="", compare=False)  # why the region is 未知, in Chinese


Unknown = Callable[[str], RegionGuess]  # builds the 未知 guess with its reason


def on_line(gazetteer: Gazetteer, a: str, b: str) -> bool:
    """One unit inside the other (or the same). The nation is its own line: a national document is no city's."""
    if NATION_CODE in (a, b):
        return a == b
    return gazetteer.within(a, b) or gazetteer.within(b, a)


def reliable(gazetteer: Gazetteer, mention: PlaceMention) -> bool:
    """A full name (北碚区), a province's or prefecture's short name (黑龙江, 石家庄) or a 简称 in a set phrase (来京);
    a county's bare short name is too often an ordinary word (合作, 振兴, 通道) to count outside a 文号."""
    places = [gazetteer.place(code) for code in mention.candidates]
    return len(mention.surface) == 1 or any(p.name == mention.surface or p.level != "county" for p in places)


def _deepest(gazetteer: Gazetteer, mentions: list[PlaceMention]) -> tuple[tuple[str, ...], bool]:
    """The deepest units every mention agrees with (湖南省永州市宁远县 → 宁远县), and whether they disagree."""
    codes = list(dict.fromkeys(code for m in mentions for code in m.candidates))
    agreed = [c for c in codes if all(any(gazetteer.within(c, o) for o in m.candidates) for m in mentions)]
    if not agreed:
        return tuple(codes), True
    deepest = [c for c in agreed if not any(o != c and gazetteer.within(o, c) for o in agreed)]
    return tuple(deepest), False


def split_title(title: str) -> tuple[str, str]:
    """``天津市人社局关于做好…的通知`` → (``天津市人社局``, ``关于做好…的通知``); the head may be empty."""
    match = _HEAD_END.search(title)
    return (title[: match.start()], title[match.start() :]) if match else (title, "")


def issuer_signal(gazetteer: Gazetteer, issuer: str | None) -> Signal | None:
    text = squeeze(issuer or "")
    if not text:
        return None
    mentions = [m for m in gazetteer.scan(text) if reliable(gazetteer, m)]
    if mentions:
        codes, mixed = _deepest(gazetteer, mentions)
        return Signal(ISSUER, mixed=codes) if mixed else Signal(ISSUER, trusted=codes)
    if any(word in text for word in gazetteer.knowledge.national_issuers):
        return Signal(ISSUER, trusted=(NATION_CODE,))
    return None


def title_signal(gazetteer: Gazetteer, title: str) -> Signal | None:
    """Places in the head and at the start of the subject or of a 《》 are trusted; others are weak."""
    head, rest = split_title(squeeze(title))
    leading = [m for m in gazetteer.scan(head) if reliable(gazetteer, m)]
    inner: list[PlaceMention] = []
    for mention in gazetteer.scan(rest):
        if not reliable(gazetteer, mention):
            continue
        opening = rest.rfind("《", 0, mention.start) + 1
        (leading if _TITLE_LEAD.fullmatch(rest[opening : mention.start]) else inner).append(mention)
    trusted, mixed = _deepest(gazetteer, leading) if leading else ((), False)
    weak = _deepest(gazetteer, inner)[0] if inner else ()
    if mixed:  # a title naming places on several lines speaks of its topic, not its jurisdiction
        trusted, weak = (), (*trusted, *weak)
    return Signal(TITLE, trusted=trusted, weak=weak) if trusted or weak else None


def doc_number_signal(gazetteer: Gazetteer, doc_number: str | None) -> Signal | None:
    prefix = _NUMBER_PREFIX_END.split(squeeze(doc_number or ""), maxsplit=1)[0]
    if not prefix:
        return None
    if prefix.startswith(tuple(gazetteer.knowledge.national_doc_number_prefixes)):
        return Signal(DOC_NUMBER, trusted=(NATION_CODE,))
    named = [m for m in gazetteer.scan(prefix) if m.start == 0]
    if named:
        return Signal(DOC_NUMBER, weak=named[0].candidates)
    place = gazetteer.abbreviation(prefix[0])
    return Signal(DOC_NUMBER, trusted=(place.code,)) if place else None


class BodyEvidence:
    """The body's own-jurisdiction words and the places it names (scanned on first use)."""

    def __init__(self, gazetteer: Gazetteer, body: str) -> None:
        self.gazetteer = gazetteer
        self.text = squeeze(body)

    @cached_property
    def local_word(self) -> str | None:
        """The most used own-jurisdiction word's unit (本市/全市 → 市), None when none or tied."""
        counts: Counter[str] = Counter()
        for word in self.gazetteer.knowledge.local_words:
            counts[word[-1]] += self.text.count(word)
        ranked = [(unit, n) for unit, n in counts.most_common(2) if n]
        if not ranked or (len(ranked) > 1 and ranked[0][1] == ranked[1][1]):
            return None
        return ranked[0][0]

    @cached_property
    def level(self) -> Level:
        """The level the own-jurisdiction words imply, for a region that stays 未知."""
        if self.local_word is None:
            return "unknown"
        words = [w for w in self.gazetteer.knowledge.local_words if w.endswith(self.local_word)]
        word = max(words, key=self.text.count)
        level = self.gazetteer.local_level(word) or ""
        return _UNIT_LEVEL.get(level) or ("district" if self.local_word == "区" else "county")

    @cached_property
    def mentions(self) -> list[tuple[str, ...]]:
        text = self.text[:EVIDENCE_CHARS]
        return [m.candidates for m in self.gazetteer.scan(text) if reliable(self.gazetteer, m)]

    def suits(self, code: str) -> bool:
        """No own-jurisdiction word, or one naming the unit's kind (本市 suits 天津市 and 石家庄市, not 河北省)."""
        return self.local_word is None or self.gazetteer.place(code).name.endswith(self.local_word)

    def score(self, code: str) -> int:
        return sum(1 for candidates in self.mentions if any(on_line(self.gazetteer, code, c) for c in candidates))

    def best(self, codes: list[str]) -> str | None:
        """The code the body names most (its own line counted), None without a strict winner."""
        ranked = sorted(((self.score(c), c) for c in codes), reverse=True)
        if not ranked or ranked[0][0] == 0 or (len(ranked) > 1 and ranked[1][0] == ranked[0][0]):
            return None
        return ranked[0][1]


def guess_for(gazetteer: Gazetteer, code: str) -> RegionGuess:
    """The canonical region of a unit: 全国, 天津市, 黑龙江省, 石家庄市, 重庆市北碚区, 永州市宁远县."""
    if code == NATION_CODE:
        return RegionGuess(NATION_NAME, None, "national", code)
    place = gazetteer.place(code)
    province = gazetteer.province_of(code)
    province_name = province.name if province else None
    if place.level == "province":
        return RegionGuess(place.name, place.name, "municipality" if place.municipality else "province", code)
    if place.level == "prefecture":
        return RegionGuess(place.name, province_name, "city", code)
    parent = gazetteer.get(place.parent) if place.parent else None
    region = f"{parent.name}{place.name}" if parent else place.name
    return RegionGuess(region, province_name, "district" if place.name.endswith("区") else "county", code)


def guess_for_region(gazetteer: Gazetteer, region: str) -> RegionGuess | None:
    """A region name as written (a sidecar's ``重庆市北碚区``, ``北京``) placed on the divisions; None when the name is
    unknown or ends in another unit's kind (宁远市 is no 宁远县)."""
    place = gazetteer.resolve(region)
    text = squeeze(region)
    if place is None or (place.code != NATION_CODE and not text.endswith((place.name, *place.aliases))):
        return None
    return guess_for(gazetteer, place.code)


def infer_region(
    gazetteer: Gazetteer, *, issuer: str | None, title: str, doc_number: str | None, body: str
) -> RegionGuess:
    evidence = BodyEvidence(gazetteer, body)
    issuer = issuer or split_title(squeeze(title))[0]  # no closing issuer: the title's head speaks for it
    signals = [
        s for s in (issuer_signal(gazetteer, issuer), title_signal(gazetteer, title),
                    doc_number_signal(gazetteer, doc_number)) if s
    ]

    def unknown(reason: str) -> RegionGuess:
        return RegionGuess(UNKNOWN_REGION, None, evidence.level, None, reason)

    def names(codes: tuple[str, ...] | list[str]) -> str:
        return "或".join(describe(gazetteer, c) for c in codes)

    for signal in signals:
        if signal.mixed:
            return unknown(f"{signal.source}涉及多个地区（{'、'.join(describe(gazetteer, c) for c in signal.mixed)}）")
    trusted = [s for s in signals if s.trusted]
    if any(s.source != DOC_NUMBER for s in trusted):  # a 文号's first character decides only when nothing else can
        trusted = [s for s in trusted if s.source != DOC_NUMBER]
    for index, first in enumerate(trusted):
        for other in trusted[index + 1 :]:
            if not any(on_line(gazetteer, a, b) for a in first.trusted for b in other.trusted):
                return unknown(f"{first.source}指向{names(first.trusted)}，{other.source}却指向{names(other.trusted)}")
    if not trusted:
        return _from_weak(gazetteer, evidence, signals, unknown)
    readings = [r for r in trusted[0].trusted
                if all(any(on_line(gazetteer, r, o) for o in s.trusted) for s in trusted[1:])]
    if len(readings) > 1:
        hints = [code for s in signals if s is not trusted[0] for code in (*s.trusted, *s.weak)]
        weak = [r for r in readings if any(on_line(gazetteer, r, hint) for hint in hints)]
        chosen = weak[0] if len(weak) == 1 else evidence.best(readings)
        if chosen is None:
            return unknown(f"{trusted[0].source}中的地名可指{names(readings)}，正文无法区分")
        readings = [chosen]
    code = readings[0]
    if trusted[0].source == DOC_NUMBER and code != NATION_CODE:
        return _check_number_reading(gazetteer, evidence, code, unknown)
    return guess_for(gazetteer, code)


def _from_weak(gazetteer: Gazetteer, evidence: BodyEvidence, signals: list[Signal], unknown: Unknown) -> RegionGuess:
    weak = list(dict.fromkeys(code for s in signals for code in s.weak))
    if not weak:
        return unknown("发文机关、标题和文号都没有指明地区")
    sources = "、".join(s.source for s in signals if s.weak)
    corroborated = [c for c in weak if evidence.suits(c) and evidence.score(c)]
    chosen = corroborated[0] if len(corroborated) == 1 else evidence.best(corroborated)
    if chosen is None:
        listed = "或".join(describe(gazetteer, c) for c in weak)
        return unknown(f"只有{sources}中的地名（{listed}），正文没有可印证的内容")
    return guess_for(gazetteer, chosen)


def _check_number_reading(gazetteer: Gazetteer, evidence: BodyEvidence, code: str, unknown: Unknown) -> RegionGuess:
    """A place read from the 文号 alone must suit the body: 本市 with 冀 → the city of 河北省 the body names most."""
    name = describe(gazetteer, code)
    if not evidence.suits(code):
        inside = list(dict.fromkeys(
            c for candidates in evidence.mentions for c in candidates
            if c != code and gazetteer.within(c, code) and evidence.suits(c)
        ))
        chosen = evidence.best(inside)
        if chosen is None:
            return unknown(f"文号指向{name}，但正文自称“{evidence.local_word}”，也未指明是其中哪个地方")
        return guess_for(gazetteer, chosen)
    if evidence.local_word is None and evidence.mentions and not evidence.score(code):
        return unknown(f"文号指向{name}，但正文提到的地方都不在其中")
    return guess_for(gazetteer, code)
