"""QueryUnderstander: question text → ``Understanding`` (places and the rules that apply to them, documents named,
intents, topic, facts, sub-questions). Pure and fast; built once per index generation from the documents, the
gazetteer and the knowledge files, all loaded at the edge."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from ingest.knowledge import FactSpec, Knowledge, TopicSpec
from ingest.models import DocumentMeta
from ingest.places import Gazetteer, PlaceMention
from ingest.quantities import find_quantities
from ingest.textnorm import CLAUSE_MARK, INTERROGATIVE, alternation, clause_span, fold
from retriever.understanding.benefits import BenefitNames
from retriever.understanding.documents import DocumentNames, years_in
from retriever.understanding.facts import FactReader
from retriever.understanding.jurisdiction import Jurisdiction
from retriever.understanding.record import GENERAL_KIND, PlaceRef, SubQuestion, Understanding
from retriever.understanding.zones import ZoneNames

# A name ending in an administrative suffix that the gazetteer does not know (宁远市 where no such city exists) is
# still a place: its stem is the run of characters before the suffix, cut at pronouns and function characters.
_SHAPED = re.compile(r"([\u4e00-\u9fff]{2,6}?)(自治区|自治州|自治县|省|市|县|区|州|旗|盟)")
_NOT_IN_NAME = set("在我你他她它的了是从到去和与及或对给把被向往来回住于为哪某啥什各每本全该此其那这都也就还想要能会"
                   "几个多少些们")
# Asks answered by different clauses: how much vs how to apply / which ones ("能领多少，去哪申请"). A yes/no word
# next to a procedure ("网上能办吗") is the same ask, so eligibility never splits.
_SPLIT_ASKS = ("procedure", "list")
# what may stand between a parent and the child it locates (某省某市, 某省某市的某区): nothing, or a
# few characters that are not a separator or a conjunction (某省的规定和某市的规定 names two places)
_CONTEXT_GAP = re.compile(r"[^，,、；;。和与跟及或比同\s]{0,1}")
_ASK_KINDS = ("amount", "procedure", "list")
_QUESTION_END = re.compile(r"(?<=[？?])")


BENEFIT_NAME_CHARS = 10  # characters before a benefit noun that may name the benefit (一次性吸纳就业补贴: 7)


def listed_asks(text: str, time_words: Sequence[str] = ()) -> list[tuple[str, str]]:
    """(ask, the question with that ask alone in its place) for the first clause of ``text`` listing two or more asks
    with 、 (补多少、交多久, 最多能贷多少、贴息怎么贴); [] when no clause does. Each ask must ask (多少, 怎么 …) and be
    two characters or more: 去哪、找谁申请 splits, 技师、高级技师补多少 does not (技师 asks nothing). Asks alike but for
    the time they are asked of (``time_words``: 封顶以前是多少、现在是多少) are one ask, now against before."""
    start = 0
    for mark in [*CLAUSE_MARK.finditer(text), None]:
        end = mark.start() if mark is not None else len(text)
        asks = [a.strip() for a in text[start:end].split("、")]
        if len(asks) >= 2 and all(len(a) >= 2 and INTERROGATIVE.search(a) for a in asks):
            return [] if _one_ask_in_time(asks, time_words) else [(ask, text[:start] + ask + text[end:])
                                                                     for ask in asks]
        start = mark.end() if mark is not None else end
    return []


def _one_ask_in_time(asks: Sequence[str], time_words: Sequence[str]) -> bool:
    """The asks name times (以前, 现在) and, those words left out, each is the end of the longest (封顶是多少 and
    是多少: the same ask)."""
    pattern = alternation(time_words)
    if not any(re.search(pattern, ask) for ask in asks):
        return False
    bare = [re.sub(pattern, "", ask) for ask in asks]
    longest = max(bare, key=len)
    return all(longest.endswith(b) for b in bare)


def _same_benefit(topic: TopicSpec, benefit: str) -> bool:
    """The topics file's topic is the named benefit: one of its core words (or its title) and the name hold each other
    (技能提升补贴 = 技能提升补贴; 生活费补贴 inside 培训期间生活费补贴)."""
    return any(word in benefit or benefit in word for word in (*topic.core_words, topic.title))


class QueryUnderstander:
    def __init__(
        self, documents: Iterable[DocumentMeta], knowledge: Knowledge, gazetteer: Gazetteer | None = None,
        extra_facts: Iterable[FactSpec] = (), benefits: BenefitNames | None = None, zones: ZoneNames | None = None,
    ) -> None:
        self.documents = list(documents)
        self.benefits = benefits
        self.zones = zones
        self.knowledge = knowledge
        self.gazetteer = gazetteer or knowledge.gazetteer()
        self.jurisdiction = Jurisdiction(self.gazetteer, self.documents)
        self.names = DocumentNames(self.documents)
        self.facts = FactReader([*knowledge.facts.facts, *extra_facts], knowledge.facts.negations,
                                knowledge.facts.actions, knowledge.facts.references)
        specs = knowledge.intents.intents  # per intent, the longer words (and patterns) of others swallowing its own
        self._swallowing = {name: tuple(w for other in spec.inside if other in specs for w in specs[other].all_words())
                            for name, spec in specs.items()}
        self._swallowing_patterns = {name: tuple(p for other in spec.inside if other in specs
                                                 for p in specs[other].patterns) for name, spec in specs.items()}
        nouns = "|".join(map(re.escape, knowledge.scope.benefit_nouns))  # a benefit's name: words before one
        self._benefit_name = re.compile(rf"[\u4e00-\u9fff]{{0,{BENEFIT_NAME_CHARS}}}(?:{nouns})") if nouns else None

    def _said(self, asking: str) -> list[str]:
        """The intents a question's asking text says (in the file's order), a word of one only where no longer word
        or pattern match of an intent it stands ``inside`` holds it (哪些 of 哪些材料)."""
        return [name for name, spec in self.knowledge.intents.intents.items()
                if spec.matches(asking, self._swallowing[name], self._swallowing_patterns[name])]

    # ------------------------------------------------------------------------------------------------------
    def understand(self, text: str) -> Understanding:
        normalized = fold(text)
        documents, masked = self.names.find(normalized)
        specs = self.knowledge.intents.intents
        asking = self.knowledge.intents.asking_text(normalized)
        intents = self._said(asking)
        intents += [name for name, spec in specs.items() if name not in intents and spec.weakly_matches(asking)
                    and not any(other in intents for other in spec.yields_to)]
        intents = [name for name in specs if name in intents]  # the file's order
        places, ambiguous = self._places(masked, compared="comparison" in intents)
        national = "national" in intents
        regions = list(dict.fromkeys(region for place in places for region in place.regions))
        if national and not places:
            regions = list(self.jurisdiction.national)
        quantities = [q for q in find_quantities(masked) if q.kind != "year"]
        reading = self.facts.read(masked, quantities)
        kind = next((k for k in self.knowledge.intents.kinds if k in intents), GENERAL_KIND)
        if kind == "comparison" and "old_policy" in intents and len(places) < 2 and len(documents) < 2:
            # 审核要多久？和以前比快了还是慢了: the point asked, answered now and set against the earlier rule
            kind = next((k for k in self.knowledge.intents.kinds if k != kind and k in intents), kind)
            intents = [name for name in specs if name in {*intents, "current_policy"}]  # now, against before
        topic, benefit_words = self._topic(normalized)
        benefits = self.benefits.named(normalized) if self.benefits is not None else []
        topic_name, topic_title, core = (topic.name, topic.title, list(topic.core_words)) if topic else (None, None, [])
        if benefits and not (topic and _same_benefit(topic, benefits[0])):
            # a benefit named as the library names it (求职创业补贴) is the topic, not one whose word it holds (创业)
            topic_name, topic_title, core = benefits[0], benefits[0], []
        core = list(dict.fromkeys([*core, *benefits[:1]]))
        understanding = Understanding(
            text=text, normalized=normalized, places=places, regions=regions,
            uncovered=[p for p in places if not p.covered], ambiguous=ambiguous, national=national,
            documents=documents, years=list(dict.fromkeys(year for _, year in years_in(normalized))),
            intents=intents, kind=kind, topic=topic_name, topic_title=topic_title, topic_core=core, benefits=benefits,
            benefit_words=benefit_words,
            out_of_scope=self._out_of_scope(normalized),
            facts=reading.values, assumptions=reading.assumptions, quantities=quantities,
            fact_kinds=reading.kinds, loose_quantities=reading.loose,
        )
        understanding.sub_questions = self._parts(understanding)
        return understanding

    # ------------------------------------------------------------------------------------------------------
    def _topic(self, normalized: str) -> tuple[TopicSpec | None, list[str]]:
        """The topic the question asks about: the first (in the file's order) whose word it says in a benefit's name
        (the words before a benefit noun: 培训补贴 in 职业培训补贴, 生活费 in 生活费补贴, 学徒 in 学徒培训补贴), else
        the first whose word it says at all — so the 中级工 of a certificate never makes 考了中级工证，职业培训补贴多少
        a question on another topic listing that word. With it, the topic's words said in a benefit's name
        (培训补贴)."""
        said = [t for t in self.knowledge.topics.topics if any(term in normalized for term in t.terms)]
        names = [m.group(0) for m in self._benefit_name.finditer(normalized)] if self._benefit_name else []

        def in_names(topic: TopicSpec) -> list[str]:
            return [term for term in topic.terms if any(term in name for name in names)]

        topic = next((t for t in said if in_names(t)), said[0] if said else None)
        return topic, ([] if topic is None else in_names(topic))

    def _out_of_scope(self, normalized: str) -> list[str]:
        """Subjects of other fields the question names — unless, with them taken out, it still names a topic of
        the library: then they are the asker's situation (领失业金期间考了证，能申请技能提升补贴吗), not the
        subject. A topic word inside the other field's word (落户 in 积分落户) does not count."""
        found = [word for word in self.knowledge.scope.out_of_scope if word in normalized]
        rest = normalized
        for word in sorted(found, key=len, reverse=True):
            rest = rest.replace(word, " ")
        about_topic = any(term in rest for topic in self.knowledge.topics.topics for term in topic.terms)
        return [] if found and about_topic else found

    def _places(self, text: str, *, compared: bool = False) -> tuple[list[PlaceRef], list[PlaceRef]]:
        custom: list[PlaceRef] = []
        for name in sorted(self.jurisdiction.custom, key=len, reverse=True):
            start = text.find(name)
            if start >= 0:
                region = self.jurisdiction.custom[name]
                if all(ref.name != region for ref in custom):
                    custom.append(self.jurisdiction.custom_ref(name, region))
                text = text.replace(name, " " * len(name))  # the document's own name wins over a look-alike
        for surface, regions in self.zones.named(text) if self.zones is not None else ():
            # a zone the dataset does not list but documents name (江东新区): in their region
            ref = self.jurisdiction.zone_ref(surface, regions)
            if ref is None or any(m.surface == surface for m in self.gazetteer.scan(surface)):
                continue
            if ref.code not in {p.code for p in custom}:
                custom.append(ref)
            text = text.replace(surface, " " * len(surface))
        mentions = self.gazetteer.scan(text)
        asked = [m for m in mentions if not self._is_context(m, mentions, text if compared else None)]
        asked = self._without_background(asked, mentions, text)
        places: list[PlaceRef] = list(custom)
        ambiguous: list[PlaceRef] = []
        seen: set[str] = {ref.code or ref.name for ref in custom}
        zones = [ref.code for ref in custom if ref.code]
        for mention in asked:
            ref, unsettled = self.jurisdiction.place_ref(mention)
            if ref.code in seen or any(self.gazetteer.within(zone, ref.code) for zone in zones):
                continue  # named already, or the parent locating a zone (海口江东新区, 海南的江东新区)
            seen.add(ref.code or ref.name)
            places.append(ref)
            if unsettled:
                ambiguous.append(ref)
        for surface, suffix, _ in self._shaped_names(text, mentions):
            if surface not in seen:
                seen.add(surface)
                places.append(self.jurisdiction.unknown_ref(surface, suffix))
        return places, ambiguous

    def _without_background(self, asked: list[PlaceMention], mentions: list[PlaceMention], text: str
                            ) -> list[PlaceMention]:
        """The places asked about without the asker's origin (户口在某州某县，…想在某市开店): a place every mention of
        which stands in a clause saying a background word (places.yaml: background_words), when another place is
        named outside such clauses."""
        words = self.gazetteer.knowledge.background_words

        def background(mention: PlaceMention) -> bool:
            start, end = clause_span(text, mention.start, mention.end)
            return any(word in text[start:end] for word in words)

        origin = {m.surface for m in mentions if background(m)} - {m.surface for m in mentions if not background(m)}
        kept = [m for m in asked if m.surface not in origin]
        return kept if kept and origin and any(not background(m) for m in mentions) else asked

    def _is_context(self, mention: PlaceMention, mentions: list[PlaceMention], text: str | None) -> bool:
        """某省 in 某省某市 / 某市 in 某市某区: a parent named with its child only says where the child is. In a
        comparison (``text`` given) only a parent right before its child does: named apart (某省的规定和某市的规定分别
        说一下), the parent is compared in its own right."""
        return any(
            other is not mention
            and (text is None or (other.start >= mention.end
                                  and _CONTEXT_GAP.fullmatch(text[mention.end : other.start]) is not None))
            and all(
                any(self.gazetteer.within(child, parent) and child != parent for child in other.candidates)
                for parent in mention.candidates
            )
            for other in mentions
        )


    def _shaped_names(self, text: str, mentions: list[PlaceMention]) -> list[tuple[str, str, int]]:
        found: list[tuple[str, str, int]] = []
        for match in _SHAPED.finditer(text):
            suffix_start = match.start(2)
            if any(m.start <= suffix_start < m.end for m in mentions) or any(
                m.start < suffix_start <= m.end for m in mentions
            ):
                continue
            stem = match.group(1)
            cut = max((i + 1 for i, ch in enumerate(stem) if ch in _NOT_IN_NAME), default=0)
            stem = stem[cut:]
            surface = stem + match.group(2)
            generic = any(surface.endswith(word) for word in self.gazetteer.knowledge.generic_words)
            # 照着省里: an ordinary word before 省; 小超市: the suffix ends an ordinary word (超市) — no place either
            ordinary = (self.gazetteer.is_common_word(stem[-2:]) or self.gazetteer.is_function_word(stem[-2:])
                        or self.gazetteer.is_common_word(stem[-1:] + match.group(2)))
            if len(stem) < 2 or generic or self.gazetteer.is_generic(stem) or ordinary:
                continue
            if any(m.start <= suffix_start - len(stem) < m.end for m in mentions):
                continue
            found.append((surface, match.group(2), suffix_start - len(stem)))
        return found

    def _ask_kind(self, ask: str, kind: str) -> str:
        """The kind of one ask of a list (每户给多少: amount): its own, else the question's — never one the question has
        from another ask (要经营多久 beside 户口有啥要求 is no list, nor beside 每户给多少 an amount)."""
        said = set(self._said(self.knowledge.intents.asking_text(fold(ask))))
        return next((k for k in _ASK_KINDS if k in said), GENERAL_KIND if kind in _ASK_KINDS else kind)

    def _whether_apart(self, text: str) -> str | None:
        """The text without its questions asking how much, when one question of it (up to its question mark) asks
        whether and not how much and another asks how much (我能去干吗？补贴多少？ → 我能去干吗？); None when no
        question asks whether alone (能领多少 is one ask). A question asking for the most one may get (有没有封顶)
        asks how much."""
        sentences = _QUESTION_END.split(text)
        said = [self._asks(fold(q)) if q.rstrip().endswith(("？", "?")) else set() for q in sentences]
        if not (any("eligibility" in s and "amount" not in s for s in said) and any("amount" in s for s in said)):
            return None
        return "".join(q for q, s in zip(sentences, said, strict=True) if "amount" not in s)

    def _asks(self, question: str) -> set[str]:
        """What one (folded) question asks: its intents, and amount when it asks for the most one may get."""
        said = set(self._said(self.knowledge.intents.asking_text(question)))
        return said | {"amount"} if self.knowledge.answers.asks_most(question) else said

    def _parts(self, understanding: Understanding) -> list[SubQuestion]:
        """One part per place asked about × per distinct ask (amount vs procedure…); a single part otherwise."""
        asks = [k for k in _ASK_KINDS if k in understanding.intents]
        split_asks = "amount" in asks and any(k in _SPLIT_ASKS for k in asks)
        # a comparison's part asking a figure (分别是多少) is one place's own amount question
        compared_figure = understanding.kind == "comparison" and "amount" in understanding.intents
        kinds = asks if split_asks else ["amount" if compared_figure else understanding.kind]
        whether = self._whether_apart(understanding.text) if "amount" in asks else None
        if whether is not None:
            # 我这种能领吗？能领的话多少钱？: whether, asked in a question of its own, is a part before how much
            kinds = ["eligibility", *(kinds if split_asks else ["amount"])]
        places: list[PlaceRef | None] = list(understanding.places) if len(understanding.places) >= 2 else [None]
        if len({tuple(p.regions) for p in understanding.places if p.regions}) == 1 and all(
                p.regions for p in understanding.places):
            places = [None]  # 恩施的人在武汉培训: the same documents apply to both — one answer, not two alike
        if places == [None] and understanding.has("old_policy"):
            # 以前要经营多久、户口有什么要求？现在呢: each ask, now and before, of its own kind
            listed = listed_asks(understanding.text, self.knowledge.answers.time_words)
            if listed:
                return [SubQuestion(text=text, kind=self._ask_kind(ask, understanding.kind), ask=ask)
                        for ask, text in listed]
        if len(kinds) == 1 and places == [None]:
            return []
        parts = []
        for place in places:
            for kind in kinds:
                text = whether if kind == "eligibility" and whether is not None else understanding.text
                if place is not None:
                    for other in understanding.places:
                        if other is not place:
                            text = text.replace(other.surface, "")
                parts.append(SubQuestion(text=text, kind=kind, place=place))
        return parts
