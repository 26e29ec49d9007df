"""China's administrative divisions: codes, parents, full and short names — the one gazetteer every layer uses.

The divisions come from a maintained dataset, the location table inside the ``jionlp`` package (Ministry of Civil
Affairs codes, three levels: 34 province-level units, ~350 prefecture-level units, ~3,200 county-level units, each
with its official short name). It is read as data (the zip inside the package); jionlp itself is never imported.
What that table does not say — 文号 one-character 简称, the words a document uses for its own jurisdiction, and
place-shaped generic words — lives in ``data/knowledge/places.yaml``.

A place inherits the rules of its ancestors (a district those of its city and province) and of the nation, never
those of a sibling. ``scan`` finds place names in a text, longest first, and keeps every reading a name allows
(朝阳 is a prefecture in 辽宁 and a district in 北京) unless the text itself settles it (北京朝阳).
"""

from __future__ import annotations

import importlib.util
import io
import zipfile
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field

PlaceLevel = Literal["national", "province", "prefecture", "county"]
NATION_CODE = "000000"
NATION_NAME = "全国"
_DATASET = ("dictionary", "china_location.zip", "china_location.txt")
# an autonomous unit is also called by its short name and its unit's last character (通道侗族自治县 → 通道县,
# 黔南布依族苗族自治州 → 黔南州, 鄂伦春自治旗 → 鄂伦春旗)
_AUTONOMOUS = ("自治县", "自治旗", "自治州")
_PSEUDO_UNITS = ("省直辖行政区划", "市直辖", "省直辖县级行政区划", "自治区直辖县级行政区划")
_LEVELS: tuple[PlaceLevel, ...] = ("province", "prefecture", "county")
MIN_NAME = 2


class Place(BaseModel):
    """One administrative unit."""

    model_config = ConfigDict(frozen=True)

    code: str = Field(description="Six-digit division code; 000000 for the nation.")
    name: str = Field(description="Full name, e.g. 重庆市, 北碚区, 黑龙江省.")
    aliases: tuple[str, ...] = Field((), description="Official short names, e.g. 北碚, 黑龙江.")
    level: PlaceLevel
    parent: str | None = Field(None, description="Code of the unit above; None for provinces and the nation.")

    @property
    def municipality(self) -> bool:
        """A province-level city (直辖市): 北京市, 天津市, 上海市, 重庆市."""
        return self.level == "province" and self.name.endswith("市")


class PlaceMention(BaseModel):
    """A place name found in a text, with every unit it may name."""

    model_config = ConfigDict(frozen=True)

    surface: str
    start: int
    end: int
    candidates: tuple[str, ...] = Field(description="Codes of the units the name may mean (one when settled).")

    @property
    def settled(self) -> bool:
        return len(self.candidates) == 1


class CommonWords(BaseModel):
    """When a county's short name is an ordinary word: listed in jieba's dictionary at ``min_frequency`` or more
    with a part-of-speech tag other than a place tag (合作, 比如, 振兴 are words; 海淀, 北碚 are places)."""

    model_config = ConfigDict(extra="forbid")

    min_frequency: int = 500
    place_tags: list[str] = Field(default_factory=lambda: ["ns"])


class PlacesKnowledge(BaseModel):
    """``data/knowledge/places.yaml``."""

    model_config = ConfigDict(extra="forbid")

    common_words: CommonWords = Field(default_factory=CommonWords)
    abbreviations: dict[str, str] = Field(default_factory=dict)
    abbreviation_phrases: list[str] = Field(default_factory=list)
    local_words: dict[str, Literal["province", "prefecture", "county"]] = Field(default_factory=dict)
    generic_words: list[str] = Field(default_factory=list)
    within_words: list[str] = Field(default_factory=list)
    within_units: list[str] = Field(default_factory=list)
    not_places: list[str] = Field(default_factory=list)
    background_words: list[str] = Field(default_factory=list)
    residence_words: list[str] = Field(default_factory=list)
    measure_words: list[str] = Field(default_factory=list)
    elsewhere_words: list[str] = Field(default_factory=list)
    zone_words: list[str] = Field(default_factory=list)
    issuer_suffixes: list[str] = Field(default_factory=list)
    national_issuers: list[str] = Field(default_factory=list)
    national_doc_number_prefixes: list[str] = Field(default_factory=list)


def _dataset_text() -> str:
    spec = importlib.util.find_spec("jionlp")  # locates the package without importing it
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("jionlp's location dataset is missing: pip install jionlp")
    folder, archive, member = _DATASET
    path = Path(next(iter(spec.submodule_search_locations))) / folder / archive
    with zipfile.ZipFile(path) as bundle, bundle.open(member) as handle:
        return io.TextIOWrapper(handle, encoding="utf-8").read()


def parse_dataset(text: str) -> list[Place]:
    """The dataset's tab-indented tree (depth = level; towns and villages below counties are skipped).

    A municipality repeats itself one level down (北京市 / 北京市 / 海淀区) and provinces group their directly
    administered counties under a pseudo unit (省直辖行政区划): both are folded away, so 海淀区's parent is 北京市."""
    places: list[Place] = []
    stack: list[str | None] = [None, None, None]
    for raw in text.splitlines():
        depth = len(raw) - len(raw.lstrip("\t"))
        if depth > 2 or not raw.strip():
            continue
        fields = raw.strip().split("\t")
        name = fields[0].strip()
        code = fields[1].strip() if len(fields) > 1 else ""
        if not code:
            stack[depth] = stack[depth - 1] if depth else None
            continue
        aliases = tuple(
            alias for alias in (a.strip() for a in (fields[2] if len(fields) > 2 else "").split("/"))
            if alias and alias != name
        )
        parent = stack[depth - 1] if depth else None
        if depth and (name in _PSEUDO_UNITS or code == parent):
            stack[depth] = parent  # fold the repeated municipality / pseudo unit into its parent
            continue
        places.append(Place(code=code, name=name, aliases=aliases, level=_LEVELS[depth], parent=parent))
        stack[depth] = code
    return places


class Gazetteer:
    """Lookups over the divisions (pure; build once at the edge with ``load``)."""

    def __init__(self, places: Iterable[Place], knowledge: PlacesKnowledge | None = None) -> None:
        self.knowledge = knowledge or PlacesKnowledge()
        self.nation = Place(code=NATION_CODE, name=NATION_NAME, level="national")
        self._by_code: dict[str, Place] = {NATION_CODE: self.nation}
        for place in places:
            self._by_code.setdefault(place.code, place)
        self._full: dict[str, list[str]] = {}
        self._short: dict[str, list[str]] = {}
        for place in self._by_code.values():
            if place.level == "national":
                continue
            self._full.setdefault(place.name, []).append(place.code)
            autonomous = next((s for s in _AUTONOMOUS if place.name.endswith(s)), None)
            for alias in place.aliases if autonomous else ():  # 通道侗族自治县 is called 通道县 too
                self._full.setdefault(alias + autonomous[-1], []).append(place.code)
            for alias in place.aliases:
                self._short.setdefault(alias, []).append(place.code)
        generic = set(self.knowledge.generic_words)
        not_places = set(self.knowledge.not_places) | _common_words(
            (a for a, codes in self._short.items() if all(self._by_code[c].level == "county" for c in codes)),
            self.knowledge.common_words,
        )
        # The names a scan matches: every full name; a province's or prefecture's short name; a county's short name
        # only when no other unit uses it (长安, 和平 name several districts and are ordinary words besides).
        self._scan: dict[str, tuple[str, ...]] = {}
        for name, codes in self._full.items():
            if name not in generic and len(name) >= MIN_NAME:
                self._scan[name] = tuple(codes)
        for alias, codes in self._short.items():
            if alias in generic or alias in not_places or len(alias) < MIN_NAME or alias in self._scan:
                continue
            owners = set(codes) | set(self._full.get(alias, []))
            if len(owners) == 1 or any(self._by_code[c].level != "county" for c in codes):
                self._scan[alias] = tuple(c for c in codes if len(owners) == 1 or self._by_code[c].level != "county")
        self._longest = max(len(name) for name in self._scan)
        self._abbreviations = {
            char: code for char, full in self.knowledge.abbreviations.items()
            if (code := next(iter(self._full.get(full, [])), None))
        }

    # ---- lookups ---------------------------------------------------------------------------------------
    @classmethod
    def load(cls, knowledge_file: Path | None = None) -> Gazetteer:
        return _load(str(knowledge_file) if knowledge_file else "")

    def get(self, code: str) -> Place | None:
        return self._by_code.get(code)

    def place(self, code: str) -> Place:
        return self._by_code[code]

    def __len__(self) -> int:
        return len(self._by_code)

    def ancestors(self, code: str) -> list[Place]:
        """The unit itself, then its parent, … up to the province (the nation is not included)."""
        chain: list[Place] = []
        current = self._by_code.get(code)
        while current is not None and current.level != "national":
            chain.append(current)
            current = self._by_code.get(current.parent) if current.parent else None
        return chain

    def within(self, code: str, ancestor: str) -> bool:
        """``code`` is ``ancestor`` or lies inside it (every place lies inside the nation)."""
        return ancestor == NATION_CODE or any(p.code == ancestor for p in self.ancestors(code))

    def province_of(self, code: str) -> Place | None:
        chain = self.ancestors(code)
        return chain[-1] if chain else None

    def named(self, name: str) -> list[Place]:
        """Units whose full name or short name is ``name``."""
        codes = dict.fromkeys([*self._full.get(name, []), *self._short.get(name, [])])
        return [self._by_code[c] for c in codes]

    def abbreviation(self, char: str) -> Place | None:
        code = self._abbreviations.get(char)
        return self._by_code[code] if code else None

    def is_generic(self, word: str) -> bool:
        return word in self.knowledge.generic_words

    def local_level(self, word: str) -> str | None:
        return self.knowledge.local_words.get(word)

    def resolve(self, name: str, *, strict: bool = False) -> Place | None:
        """The unit a region name denotes: ``重庆市北碚区`` → 北碚区, ``石家庄`` → 石家庄市, ``全国`` → the nation.

        A compound name is read left to right, each part inside the one before; None when the name is unknown or
        stays ambiguous. ``strict``: every part must be a unit's full name (宁远市 is not 宁远县)."""
        text = "".join(name.split())
        if text in (NATION_NAME, "国家", "中国", "中华人民共和国"):
            return self.nation
        mentions = self.scan(text)
        if strict and (not mentions or any(mention.surface not in self._full for mention in mentions)
                       or sum(m.end - m.start for m in mentions) != len(text)):
            return None
        covered = sum(m.end - m.start for m in mentions)
        if not mentions or covered < len(text.rstrip("市省区县")) - 1:
            return None
        last = mentions[-1]
        return self._by_code[last.candidates[0]] if last.settled else None

    # ---- scanning --------------------------------------------------------------------------------------
    def scan(self, text: str) -> list[PlaceMention]:
        """Place names in ``text`` (already normalized: simplified characters), longest first at each position,
        each with the units it may name; names the text itself settles (北京海淀, 重庆江北区) are settled."""
        mentions: list[PlaceMention] = []
        position = 0
        while position < len(text):
            for length in range(min(self._longest, len(text) - position), MIN_NAME - 1, -1):
                surface = text[position : position + length]
                codes = self._scan.get(surface) or self._in_context(surface, mentions, position)
                if codes and not (self._at_name_start(text, position, surface, codes, mentions)
                                  and self._at_name_end(text, position + length, surface, codes)):
                    codes = ()
                if codes:
                    mentions.append(PlaceMention(surface=surface, start=position, end=position + length,
                                                 candidates=codes))
                    position += length
                    break
            else:
                position += 1
        mentions += self._abbreviation_phrases(text, mentions)
        mentions.sort(key=lambda m: m.start)
        return [self._settle(m, mentions) for m in mentions]

    def _at_name_start(
        self, text: str, start: int, surface: str, codes: tuple[str, ...], before: list[PlaceMention]
    ) -> bool:
        """Whether a name may begin here. A county's short name (振兴城市 has 兴城 in it) and a name ending in a
        generic word (兴城市 ends in 城市) must not be glued to the word before them: they count at the start of
        the text, after punctuation or a function character, or right after another place (某市某区) — never right
        after a measure word (places.yaml: measure_words): 开了个小店 counts a shop."""
        county_short = surface not in self._full and all(self._by_code[c].level == "county" for c in codes)
        generic_end = any(surface.endswith(w) and len(w) < len(surface) for w in self.knowledge.generic_words)
        if not (county_short or generic_end) or start == 0 or (before and before[-1].end == start):
            return True
        if text[:start].endswith(tuple(self.knowledge.measure_words)):  # 开了个|小店: a thing counted, no place
            return False
        if self.is_linking_character(text[start - 1]):  # 在|于都, 和|于都: a preposition or conjunction before it
            return True
        return not self.is_common_word(text[start - 1 : start + 1])  # 振|兴城: the name would start inside 振兴

    def _at_name_end(self, text: str, end: int, surface: str, codes: tuple[str, ...]) -> bool:
        """Whether a name may end here. A county's short name must not be glued to the word after it: a short name
        某安 in 某安置 ends inside 安置 (its last character and the next make an ordinary word)."""
        county_short = surface not in self._full and all(self._by_code[c].level == "county" for c in codes)
        if not county_short or end >= len(text):
            return True
        return not self.is_common_word(text[end - 1 : end + 1])

    def is_function_word(self, word: str) -> bool:
        """A verb, adverb, pronoun, preposition or particle in jieba's dictionary (照着, 那边): never a place's name."""
        _, tag = short_words().get(word, (0, ""))
        return tag[:1] in ("v", "d", "r", "p", "c", "u", "m", "q")

    @staticmethod
    def is_linking_character(char: str) -> bool:
        """A character jieba's dictionary tags as a preposition or conjunction (在, 和, 从, 与): a place named after it
        starts there, whatever word the two characters would also make (在于)."""
        _, tag = short_words().get(char, (0, ""))
        return tag in ("p", "c")

    def is_common_word(self, word: str) -> bool:
        """An ordinary two-character word (jieba's dictionary, see ``CommonWords``)."""
        rule = self.knowledge.common_words
        return word in frequent_words(rule.min_frequency, tuple(rule.place_tags))

    def _in_context(self, surface: str, before: list[PlaceMention], position: int) -> tuple[str, ...]:
        """A shared short name right after its parent's name: 天津和平, 重庆江北."""
        if not before or position - before[-1].end > 1:
            return ()
        parents = set(before[-1].candidates)
        codes = [*self._full.get(surface, []), *self._short.get(surface, [])]
        return tuple(dict.fromkeys(c for c in codes if any(self.within(c, p) for p in parents)))

    def _abbreviation_phrases(self, text: str, taken: list[PlaceMention]) -> list[PlaceMention]:
        found: list[PlaceMention] = []
        for char, code in self._abbreviations.items():
            for phrase in self.knowledge.abbreviation_phrases:
                pattern = phrase.format(char)
                start = text.find(pattern)
                while start >= 0:
                    at = start + phrase.index("{}")
                    if not any(m.start <= at < m.end for m in taken):
                        found.append(PlaceMention(surface=char, start=at, end=at + 1, candidates=(code,)))
                    start = text.find(pattern, start + 1)
        return found

    def _settle(self, mention: PlaceMention, mentions: list[PlaceMention]) -> PlaceMention:
        """Keep the readings another mention in the text supports (北京 … 朝阳区); among readings on one line of
        descent, the widest (吉林 → 吉林省, not 吉林市)."""
        candidates = list(mention.candidates)
        if len(candidates) > 1:
            others = {c for m in mentions if m is not mention for c in m.candidates}
            supported = [c for c in candidates if any(self.within(c, o) or self.within(o, c) for o in others)]
            candidates = supported or candidates
        if len(candidates) > 1:
            widest = [c for c in candidates if all(self.within(o, c) for o in candidates)]
            candidates = widest or candidates
        return mention if len(candidates) == len(mention.candidates) else mention.model_copy(
            update={"candidates": tuple(candidates)}
        )


@cache
def short_words() -> dict[str, tuple[int, str]]:
    """jieba's dictionary, one- and two-character words only: word → (frequency, part-of-speech tag); read once."""
    spec = importlib.util.find_spec("jieba")
    if spec is None or not spec.origin:
        return {}
    words: dict[str, tuple[int, str]] = {}
    with open(Path(spec.origin).parent / "dict.txt", encoding="utf-8") as handle:
        for line in handle:
            word, _, rest = line.partition(" ")
            if len(word) <= 2:
                freq, _, tag = rest.strip().partition(" ")
                words[word] = (int(freq), tag)
    return words


@cache
def frequent_words(min_frequency: int, place_tags: tuple[str, ...]) -> frozenset[str]:
    """Two-character words jieba lists at ``min_frequency`` or more under a non-place tag: ordinary words (合作, 比如,
    振兴)."""
    return frozenset(w for w, (freq, tag) in short_words().items()
                     if len(w) == 2 and freq >= min_frequency and tag not in place_tags)


def _common_words(aliases: Iterable[str], rule: CommonWords) -> set[str]:
    """The aliases jieba's dictionary knows as ordinary words (see ``CommonWords``)."""
    return set(aliases) & frequent_words(rule.min_frequency, tuple(rule.place_tags))


@cache
def _load(knowledge_file: str) -> Gazetteer:
    knowledge = PlacesKnowledge()
    if knowledge_file:
        data = yaml.safe_load(Path(knowledge_file).read_text(encoding="utf-8")) or {}
        knowledge = PlacesKnowledge.model_validate(data)
    return Gazetteer(parse_dataset(_dataset_text()), knowledge)


def codes_of(mentions: Iterable[PlaceMention]) -> list[str]:
    return list(dict.fromkeys(code for mention in mentions for code in mention.candidates))


def level_label(level: str) -> str:
    return {"national": "国家", "province": "省级", "prefecture": "地级", "county": "县级"}.get(level, level)


def describe(gazetteer: Gazetteer, code: str) -> str:
    """``湖南省永州市宁远县`` — the chain of full names, widest first (the nation as 全国)."""
    if code == NATION_CODE:
        return NATION_NAME
    return "".join(p.name for p in reversed(gazetteer.ancestors(code))) or code
