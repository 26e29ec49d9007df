"""Evidence: the clauses that support an answer to a question, within the regions whose rules apply.

Retrieval ranks; support decides. A clause supports a question when it covers enough of the question's content terms
(IDF-weighted, synonyms credited for colloquial words), names every benefit the question names, and — for questions
about money — states an amount. The first hit of a retriever that is sure of it (first overall, or near the top of both
BM25 and dense) needs less lexical proof: same meaning, other words.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from assistant.citations import sentences
from assistant.offline.denials import denial, denied_words
from assistant.offline.enumeration import lead_in_of
from assistant.offline.support import SUPPORT_THRESHOLD, CorpusVocabulary, squeeze
from ingest.knowledge import FactSpec
from ingest.models import Chunk
from ingest.quantities import COUNT_UNITS, find_quantities
from ingest.textnorm import AFTER_CLAUSE, INTERROGATIVE, fold, is_lead_in, undoubled
from retriever.lookup import merge_filters
from retriever.models import SearchFilters, SearchHit
from retriever.protocols import Retriever
from retriever.understanding import NATIONAL_REGION, Understanding

TOP_K = 8
FIRST_HIT_THRESHOLD = 0.3
AGREEING_RANK = 2
SELF_REFERENCE = "本"  # 本办法, 本通知 (a document noun after it): a document naming its own (本办法补贴)
PLACE_ROW_BONUS = 0.2
NAME_CHARS = 12  # characters before a benefit noun a benefit's name may have (一次性吸纳就业补贴)
NAME_BREAK = re.compile(r"[的不未没和或及与将把]")  # 的, a negation, a conjunction or 将/把 ends what a name may hold
SAME_KIND_CHARS = 2  # a word two benefit names share before their common ending makes them one kind
NAME_BODY = 3  # and at least (生活费补贴; 企业补贴 says who is paid)
HEADING_NAME_BODY = 2  # a heading's (培训补贴加发: what its clauses are about, not who is paid)
_NUMERAL = "[一二三四五六七八九十百零〇\\d]"
# a heading's label: 二、 （三） 第四章 3. 附件1
HEADING_LABEL = re.compile(
    rf"^\s*(?:第{_NUMERAL}+[章节条]|{_NUMERAL}+、|[（(]{_NUMERAL}+[）)]|\d+[.．、]|附件\s*{_NUMERAL}*[：:]?)\s*")
TOPIC_RANK = 3  # a document regulating the asked topic answers with its best few retrieved clauses
_MONEY_KINDS = ("money", "percent")
_SITUATION = ("months", "years", "money", "count", "percent")
# "多少人", "几个城市", "多久": the question itself names a unit that is not money
_COUNTED = re.compile(rf"(多少|几)({'|'.join(COUNT_UNITS)}|年|月|天|城市|次)|多久|多长")


_SENTENCE_END = re.compile(r"(?<=[。？?！!])")


def asking_clauses(text: str) -> str:
    """The clauses of ``text`` that ask (a question word, or the last clause of a sentence ending in a question mark),
    when others only tell — the asker's story told in clauses of the asking sentence itself (家里是农村低收入户，
    不是脱贫户，我能去干乡村公益性岗位吗？ → the last); "" when every clause asks or none does."""
    parts = [p for p in AFTER_CLAUSE.split(text) if p.strip(" ，,；;")]
    asking = [p for p in parts if INTERROGATIVE.search(p) or p.rstrip().endswith(("？", "?"))]
    return "".join(asking) if asking and len(asking) < len(parts) else ""


def _says_any(text: str, names: Sequence[str]) -> bool:
    """The text says one of the names as written (spaces aside), however short a name is to be read as one."""
    body = undoubled(squeeze(text))
    return any(undoubled(squeeze(name)) in body for name in names)


def asking_sentences(text: str) -> str:
    """The sentences of ``text`` that ask (a question word or a question mark), when others only tell (我们培训学校打算
    开人工智能训练师的培训班。开班前要提前几天备案？ → the second); "" when every sentence asks or none does."""
    parts = [p for p in _SENTENCE_END.split(text) if p.strip()]
    asking = [p for p in parts if INTERROGATIVE.search(p) or p.rstrip().endswith(("？", "?"))]
    return "".join(asking) if asking and len(asking) < len(parts) else ""


@dataclass(frozen=True)
class Evidence:
    hit: SearchHit
    coverage: float
    strength: float

    @property
    def chunk(self) -> Chunk:
        return self.hit.chunk

    def with_chunk(self, chunk: Chunk) -> Evidence:
        """Another clause standing first where this evidence stood, with its coverage and strength."""
        return Evidence(SearchHit(chunk=chunk, score=0.0, rank=1), coverage=self.coverage, strength=self.strength)


def joined(evidence: list[Evidence], more: Iterable[Evidence]) -> list[Evidence]:
    """``evidence``, then the clauses of ``more`` it does not hold yet (a second search in other words)."""
    seen = {e.chunk.id for e in evidence}
    return [*evidence, *(e for e in more if e.chunk.id not in seen)]


def states_amount(text: str, *, money: bool) -> bool:
    """The text states a quantity — money or a rate when ``money`` is asked for, else any (人次, 年, 个)."""
    kinds = _MONEY_KINDS if money else ("money", "percent", "count", "duration", "number")
    return any(q.kind in kinds for q in find_quantities(text))


def states_asked_figure(question: str) -> Callable[[str], bool] | None:
    """Whether a sentence states the kind of figure the question asks for, when it asks one that is not money (几次
    → a count of 次, 几年 and 多久 → a period): None when it asks none."""
    asked = _COUNTED.search(question)
    if asked is None:
        return None
    unit = asked.group(2)
    if unit is None or unit in ("年", "月", "天"):
        return lambda sentence: any(q.kind == "duration" for q in find_quantities(sentence))
    return lambda sentence: any(q.kind == "count" and q.unit == unit for q in find_quantities(sentence))


def asks_counted(text: str) -> bool:
    """The text asks for a figure that is not money: a period (多久, 几个月) or a count (多少人, 几次)."""
    return bool(_COUNTED.search(text))


def caps_amount(text: str) -> bool:
    """The text caps a sum of money (每家企业每年最高不超过N万元), as a rate with a longest period does not."""
    return any(q.kind == "money" and q.bound == "max" for q in find_quantities(text))


def stated_categories(u: Understanding) -> list[str]:
    """The categories the question states (中级, 脱贫劳动力): its facts that are words."""
    return [value for value in u.facts.values() if isinstance(value, str) and value]


def amount_query(u: Understanding, amount_words: Sequence[str]) -> str:
    """The question asked as the clause with its figure is written: topic, stated categories, amount words."""
    words = [u.topic_title or "", *stated_categories(u), *amount_words]
    return " ".join(dict.fromkeys(w for w in words if w))


def _one_held(names: Sequence[str], asked: Sequence[str]) -> bool:
    """One of the names is (or holds, or is held by) one asked about."""
    said, wanted = [undoubled(n) for n in names], [undoubled(a) for a in asked]
    return any(a in n or n in a for n in said for a in wanted)


def _headings(chunk: Chunk) -> list[str]:
    """The clause's headings below the document's title, nearest first, their labels (二、 （一）) off."""
    return [HEADING_LABEL.sub("", heading) for heading in reversed(chunk.heading_path[1:])]


class EvidenceFinder:
    """Supported clauses for a question (pure over the retriever and the corpus vocabulary)."""

    def __init__(
        self, retriever: Retriever, vocabulary: Callable[[], CorpusVocabulary], benefit_nouns: Iterable[str],
        money_words: Iterable[str] = (), fact_specs: Iterable[FactSpec] = (), lead_words: Iterable[str] = (),
        negations: Iterable[str] = (), people_words: Iterable[str] = (),
    ) -> None:
        self.retriever = retriever
        self.vocabulary = vocabulary
        self.benefit_nouns = tuple(benefit_nouns)
        nouns = "|".join(map(re.escape, self.benefit_nouns))
        # 补贴性培训 is subsidised training: a noun 性 follows names no benefit
        self._named_benefit = re.compile(rf"[\u4e00-\u9fff]{{2,{NAME_CHARS}}}?(?:{nouns})(?!性)") if nouns else None
        # an action word inside a run ends what comes before the name (另给予一次性交通补贴); one character (能, 领)
        # is as often part of a word (技能) and cuts nothing
        self._leads = tuple(sorted((w for w in lead_words if len(w) >= 2), key=len, reverse=True))
        self.money_words = tuple(money_words)
        self.fact_specs = tuple(fact_specs)
        self._denied = denial(tuple(negations))
        self.people_words = tuple(people_words)

    def find(
        self, text: str, understanding: Understanding, *, regions: list[str] | None, old_wanted: bool = False,
        required_word: str | None = None, doc_ids: list[str] | None = None, amount: bool = False,
        score: Callable[[str], float] | None = None, strict: bool = False, benefit: bool = True,
        asked: str | None = None,
    ) -> list[Evidence]:
        """Supported clauses, strongest first. ``regions`` restricts (None = any region); ``amount`` demands that the
        clause state a quantity (money or a rate when the question speaks of money); ``required_word`` that it say
        that word; ``strict`` that even the retriever's first hit meet the full support bar; ``benefit`` that a clause
        answering a question about a benefit (补贴, 资助 …) name one (not so for how-to questions) — the question's or,
        given ``asked``, that part of it's (我能去干吗？ of 我能去干吗？补贴多少？ asks about no benefit)."""
        vocabulary = self.vocabulary()
        filters = SearchFilters(regions=regions) if regions is not None else None
        if doc_ids:
            filters = merge_filters(SearchFilters(doc_ids=doc_ids), None)
        response = self.retriever.search(text, top_k=TOP_K, filters=filters, understanding=understanding)
        places = self.place_words(understanding)
        # what the user says about their situation (失业保险交了三年), and what they say they are not
        # (不在重点产业目录里), is not what the answer clause must say
        situation = [q.raw for q in understanding.quantities] + self.situation_words(understanding)
        situation += denied_words(text, self._denied)
        terms = vocabulary.terms(text, [*places, *situation])
        alternatives = vocabulary.alternatives(text, terms)
        subjects = vocabulary.unknown_subjects(text, terms)
        benefit_asked = benefit and self.says_benefit_noun(understanding.normalized if asked is None else asked)
        money = amount and any(word in understanding.normalized for word in self.money_words) \
            and not asks_counted(understanding.normalized)

        def names_place(hit: SearchHit) -> bool:  # a national table row naming the asked place (北  京：丰台区…)
            return hit.chunk.region == NATIONAL_REGION and any(p in squeeze(hit.chunk.text) for p in places)

        def judged(hits: Iterable[SearchHit]) -> list[tuple[float, SearchHit]]:
            supported: list[tuple[float, SearchHit]] = []
            place = 0  # the hit's place among those that could answer at all (hits stating no figure skipped)
            for hit in hits:
                body = squeeze(hit.chunk.text)
                if required_word is not None and required_word not in body:
                    continue
                if not all(vocabulary.mentions(subject, hit.chunk, alternatives) for subject in subjects):
                    continue
                if amount and not states_amount(hit.chunk.text, money=money):
                    continue
                if benefit_asked and not self.names_benefit(hit.chunk) and not names_place(hit):
                    continue  # "有学徒补贴吗" is not answered by a clause that only mentions 学徒制
                place += 1
                coverage = vocabulary.coverage(terms, hit.chunk, alternatives)
                coverage += PLACE_ROW_BONUS if names_place(hit) else 0.0
                if place <= TOPIC_RANK and hit.chunk.kind != "preamble" and (
                        self.regulates(hit.chunk, understanding)  # a document about the topic (its opening, naming
                        or (amount and self.grants_asked_benefit(hit.chunk, understanding))):  # it, says no point)
                    coverage = max(coverage, SUPPORT_THRESHOLD)  # or a figure of the benefit asked about
                first_bar = FIRST_HIT_THRESHOLD * (0.66 if old_wanted else 1.0)
                if coverage >= SUPPORT_THRESHOLD or (not strict and self.confident(hit) and coverage >= first_bar):
                    supported.append((coverage, hit))
            return supported

        # the search's relevance cut is for a reader scanning results: when no clause it kept supports an answer,
        # the ones it set aside are judged here too (a long question about the asker's situation shares few words
        # with the clause that answers it) — never one about another benefit than the question names, and not for
        # a search in the words procedures use (``benefit`` off: those words alone match any procedure clause)
        supported = judged(response.judged_relevant())
        if not supported and benefit:
            supported = judged(h for h in response.below_cut()
                               if not self.about_another_benefit(h.chunk, understanding))
        elif benefit and all(self.pays_another_benefit(h.chunk, understanding) for _, h in supported):
            # every clause kept pays another benefit than the one named (a 留寿生活补贴 row for 应届大学生 asked
            # about the 见习补贴): the named one's clauses set aside are judged beside them
            supported += judged(h for h in response.below_cut()
                                if not self.about_another_benefit(h.chunk, understanding)
                                and not self.pays_another_benefit(h.chunk, understanding))
        asked = asking_sentences(text)
        if not supported and asked:  # the asker's story told in sentences of its own, then the ask: judged by the ask
            terms = vocabulary.terms(asked, [*places, *situation])
            alternatives = vocabulary.alternatives(asked, terms)
            supported = judged(response.judged_relevant())
        clauses = asking_clauses(text) if not supported and not strict else ""
        said = vocabulary.terms(clauses, [*places, *situation]) if clauses and clauses != asked else []
        if any(t not in self.benefit_nouns for t in said):
            # the story told in clauses before the ask — when the ask names what it is about (补贴给多少 alone does
            # not), and never for national text answering an uncovered place (its bar stays the whole question's)
            terms = said
            alternatives = vocabulary.alternatives(clauses, terms)
            supported = judged(response.judged_relevant())
        total = sum(vocabulary.idf(t) for t in terms) or 1.0
        scorer = score or (lambda sentence: vocabulary.term_score(terms, sentence))
        wants_basis = understanding.has("basis") or understanding.has("metadata")

        def strength(coverage: float, hit: SearchHit) -> float:
            focus = max((scorer(part) for part in sentences(hit.chunk.text)), default=0.0) / total
            value = coverage + 0.5 * focus - 0.04 * (hit.rank - 1)
            if names_place(hit):
                value += 0.5
            if wants_basis and hit.chunk.kind == "preamble":
                value += 0.5  # "照着哪个文件出的": the preamble cites the basis document
            if old_wanted and hit.chunk.status in ("superseded", "expired"):
                value += 0.5  # "老文件是怎么规定的": the earlier document is what is asked for
            return value

        evidence = [Evidence(hit, coverage, strength(coverage, hit)) for coverage, hit in supported]
        return sorted(evidence, key=lambda e: e.strength, reverse=True)

    def saying(self, text: str, understanding: Understanding, *, regions: list[str] | None,
               says: Callable[[str], bool]) -> list[Evidence]:
        """The first few clauses a search for ``text`` returns that say what ``says`` looks for (a clause limiting how
        often: 每人每个自然年度最多申领一次) in a document about the question's topic (if it names one by its core
        words: a topic only guessed from 培训补贴 filters nothing) — taken at the support bar, for the words asked for
        stand in them however little else of a long question they share."""
        filters = SearchFilters(regions=regions) if regions is not None else None
        response = self.retriever.search(text, top_k=TOP_K, filters=filters, understanding=understanding)
        asked = squeeze(understanding.normalized)
        named = any(squeeze(word) in asked for word in understanding.topic_core)
        found = [hit for hit in response.judged_relevant()[:TOPIC_RANK]
                 if says(squeeze(hit.chunk.text)) and (not named or self.regulates(hit.chunk, understanding))]
        return [Evidence(hit, SUPPORT_THRESHOLD, SUPPORT_THRESHOLD - 0.04 * (hit.rank - 1)) for hit in found]

    def benefit_names(self, text: str, body: int = NAME_BODY) -> list[str]:
        """The benefits a text names (另给予一次性交通补贴 → 一次性交通补贴): a run of words ending in a benefit noun,
        read after its last action word; a bare noun (给予补贴) or one word before it (给予企业补贴: who is paid, not
        which benefit) names none — ``body``: the fewest characters before the noun (a heading, saying what its
        clauses are about, names a benefit by a shorter run: 培训补贴加发)."""
        if self._named_benefit is None:
            return []
        names = []
        body_text = undoubled(squeeze(text))
        for match in self._named_benefit.finditer(body_text):
            run = match.group(0)
            cut = max((run.rfind(w) + len(w) for w in self._leads if w in run), default=0)
            cut = max([cut, *(m.end() for m in NAME_BREAK.finditer(run))])  # 不属于本补助: no name
            if not cut and match.start() and body_text[match.start() - 1].isdigit():
                continue  # 10个工作日内补贴…: a run a number starts (no action word after it) is no name
            name = run[cut:]
            own = name[: -len(next(n for n in self.benefit_nouns if name.endswith(n)))]
            if len(own) >= body and not own.endswith("本"):  # 本补助: the document's own benefit
                names.append(name)
        return names

    def about_another_benefit(self, chunk: Chunk, understanding: Understanding) -> bool:
        """The clause's own text names benefits, none of them the one the question asks about (一次性交通补贴 for a
        生活费补贴 question, both under one chapter) — never a name of its kind (X生活补贴 for X补贴, see
        ``same_kind``). A clause saying the asked benefit's name (稳岗奖励应在…申请；机构吸纳奖励应在…申请) is about it,
        however short the name is to be read as one."""
        asked = understanding.benefits[:1]
        return not _says_any(chunk.text, asked) and self.others_only(self.benefit_names(chunk.text), asked)

    def listed_for_another_benefit(self, chunk: Chunk, understanding: Understanding) -> bool:
        """The clause is an item of a list whose lead-in names benefits, none the one asked about (1. 申请表 under
        申领一次性创业补贴应提交以下材料： for a 见习补贴 question): what the item is for is said above it."""
        lead = lead_in_of(chunk)
        asked = understanding.benefits[:1]
        return is_lead_in(lead) and not _says_any(lead, asked) and self.others_only(self.benefit_names(lead), asked)

    def others_only(self, names: Sequence[str], asked: Sequence[str]) -> bool:
        """Benefits are named and asked about, and none named is of the kind of one asked (``same_kind``)."""
        return bool(names and asked) and not any(self.same_kind(name, one) for name in names for one in asked)

    def names_another_benefit(self, text: str, understanding: Understanding) -> bool:
        """The text (a sentence) names benefits, none the one asked about (by the library's name or the topic's),
        and never says the name the question gives it (见习补贴在…基础上每人每月再增加N元，所需资金从就业补助资金中列支
        is about the 见习补贴 asked about, however the name of a fund is read)."""
        return not _says_any(text, understanding.benefits[:1]) and self.others_only(
            self.benefit_names(text), self.asked_benefit(understanding))

    def bars_another_benefit(self, sentence: str, understanding: Understanding, own: Sequence[str] = ()) -> bool:
        """A sentence barring a group (领取失业保险金期间的人员不享受培训期间生活费补贴) names benefits, and none is
        (or holds, or is held by) the one asked about (培训补贴): it bars the group from those only — a name of the
        document's own (本办法补贴, ``own``: the nouns a document calls itself by) is every one's. Stricter than
        ``names_another_benefit``: a bar is read as narrowly as it is written."""
        names = [n for n in self.benefit_names(sentence) if not any(f"{SELF_REFERENCE}{w}" in n for w in own)]
        asked = self.asked_benefit(understanding)
        return bool(names and asked) and not _one_held([n.replace("的", "") for n in names],
                                                       [a.replace("的", "") for a in asked])

    def says_benefit_noun(self, text: str) -> bool:
        """The text says a benefit noun (补贴, 资助 …): a question (or a part of one) asking about a benefit."""
        body = fold(text)
        return any(noun in body for noun in self.benefit_nouns)

    def pays_another_benefit(self, chunk: Chunk, understanding: Understanding) -> bool:
        """The clause grants benefits (``granted``), none of the kind of a benefit the question names, and says none
        of those names, its headings included — the document's title only when every benefit it names is of the asked
        kind (关于做好A补贴和B补贴工作的通知 says nothing of which one a clause pays): 一次性入职奖励 is no 岗位补贴."""
        names = understanding.benefits
        title, *headings = chunk.heading_path or [""]
        said = _says_any(" ".join([*headings, chunk.text]), names) or (_says_any(title, names) and all(
            any(self.same_kind(n, a) for a in names) for n in self.benefit_names(title)))
        return not said and self.others_only(self.granted(chunk), names)

    def grants_another_benefit(self, chunk: Chunk, understanding: Understanding) -> bool:
        """No benefit the clause grants (``granted``) is of the kind asked about (``asked_benefit``):
        按中级工180元的标准给予技能等级认定补贴，可与职业培训补贴同时享受 grants the 认定补贴 and only mentions the
        培训补贴."""
        asked = self.asked_benefit(understanding)
        granted = self.granted(chunk)
        return bool(granted and asked) and not any(self.same_kind(name, asked[0]) for name in granted)

    @staticmethod
    def asked_benefit(understanding: Understanding) -> list[str]:
        """The benefit asked about, as a list of at most one name: named as the library names it, else the topic's
        word for it the question says in a benefit's name (培训补贴)."""
        return understanding.benefits[:1] or [w for w in understanding.benefit_words if w][:1]

    def grants_asked_benefit(self, chunk: Chunk, understanding: Understanding) -> bool:
        """The clause grants the benefit asked about: a name it grants holds the asked one or is held by it (附件1
        山西省职业培训补贴标准's rows for 培训补贴; never 一次性求职创业补贴 for 一次性创业补贴)."""
        return _one_held(self.granted(chunk), self.asked_benefit(understanding))

    def granted(self, chunk: Chunk) -> list[str]:
        """The benefits a clause grants: the first each of its sentences stating a sum of money names (else the first
        its text names), else the nearest heading's that names one (none: it names no benefit)."""
        paying = [s for s in sentences(chunk.text) if any(q.kind == "money" for q in find_quantities(s))]
        named = [names[0] for s in paying if (names := self.benefit_names(s))]
        if named:
            return list(dict.fromkeys(named))
        for text in (chunk.text, *_headings(chunk)):
            names = self.benefit_names(text)
            if names:
                return names[:1]
        return []

    def grants_only(self, chunk: Chunk, these: Sequence[str], not_those: Sequence[str]) -> bool:
        """The clause grants a benefit of the kind of one of ``these`` and none of the kind of ``not_those``."""
        granted = self.granted(chunk)
        return (any(self.same_kind(g, b) for g in granted for b in these)
                and not any(self.same_kind(g, b) for g in granted for b in not_those))

    def about_only(self, chunk: Chunk, these: Sequence[str], not_those: Sequence[str]) -> bool:
        """A clause naming no benefit it grants is about one of ``these`` and none of ``not_those`` by the nearest of
        its text and headings writing any of them, however short the name (在市级标准基础上每人再给予500元 under
        二、培训补贴加发; 按以下标准给予培训补贴：… — for a total of 培训补贴 and 生活费补贴)."""
        if self.granted(chunk):
            return False
        for said in (HEADING_LABEL.sub("", chunk.text), *_headings(chunk)):
            mine, theirs = _says_any(said, these), _says_any(said, not_those)
            if mine or theirs:
                return mine and not theirs
        return False

    def heading_benefit(self, chunk: Chunk) -> str:
        """The benefit a clause naming none it grants is about by the nearest of its headings naming one (二、培训补贴
        加发 → 培训补贴: a heading names a benefit by a shorter run than a clause does), else ""."""
        if self.granted(chunk):
            return ""
        for heading in _headings(chunk):
            names = self.benefit_names(heading, body=HEADING_NAME_BODY)
            if names:
                return names[0]
        return ""

    def grants_apart_from(self, chunk: Chunk, name: str) -> bool:
        """The clause grants benefits by name, none of the kind of ``name``, and never says ``name`` (第三条…给予生活费
        补贴 of 培训补贴)."""
        mine = self.granted(chunk)
        return bool(mine) and name not in squeeze(chunk.text) and not any(self.same_kind(name, own) for own in mine)

    def grant_another(self, chunk: Chunk, than: Chunk) -> bool:
        """The two clauses grant different benefits: each names those it grants, and no name of one is of the same
        kind as a name of the other (技能等级认定补贴 and 职业培训补贴)."""
        mine, theirs = self.granted(chunk), self.granted(than)
        return bool(mine and theirs) and not any(self.same_kind(a, b) for a in mine for b in theirs)

    def same_kind(self, one: str, other: str) -> bool:
        """Two benefit names of one kind: one holds the other; or, ending in the same noun, their common ending holds
        two words before it (职业培训补贴 of 提高职业培训补贴 and 山西省职业培训补贴), or what stands before that
        ending shares a word (学徒 of 企业新型学徒制培训补贴 and 重点产业链企业学徒培训补贴) when that ending is
        more than the noun, or is the word the shorter starts with when it is only the noun (留寿补贴,
        留寿生活补贴). Never 创业培训补贴 and 职业技能培训补贴, nor 技能等级认定补贴 and 职业培训补贴, nor
        职业培训补贴 and 培训期间生活费补贴. The people a name says it is for are left out first (``_kind``):
        其职工培训补贴 is a 职业技能培训补贴's kind, 见习人员租房补贴 no 见习补贴."""
        if one in other or other in one:
            return True
        noun = next((n for n in self.benefit_nouns if one.endswith(n) and other.endswith(n)), None)
        if noun is None:
            return False
        one, other = self._kind(one, noun), self._kind(other, noun)
        if one in other or other in one:
            return True
        common = 0  # characters of their common ending
        while common < min(len(one), len(other)) and one[-1 - common] == other[-1 - common]:
            common += 1
        if common >= len(noun) + 2 * SAME_KIND_CHARS:
            return True
        short, long = sorted((one[:-common], other[:-common]), key=len)
        if common <= len(noun):  # only the noun in common: the word the shorter name starts with is the longer's
            return short[:SAME_KIND_CHARS] in long  # (带徒 of 带徒津贴 and 实行带徒师傅津贴), never only one ending
            # the shorter and heading the longer (培训 of 职业培训补贴 and 培训期间生活费补贴)
        return any(short[i : i + SAME_KIND_CHARS] in long for i in range(len(short) - SAME_KIND_CHARS + 1))

    def _kind(self, name: str, noun: str) -> str:
        """A benefit's name without the people it is for, when words of its own are left before its noun: 见习人员租房
        补贴 is a 租房补贴 for 见习人员, 其职工培训补贴 a 培训补贴 (``people_words``); 见习人员补贴 stays whole."""
        before = name[: -len(noun)]
        cut = max((before.rfind(w) + len(w) for w in self.people_words if w in before), default=0)
        return name[cut:] if len(before) - cut >= SAME_KIND_CHARS else name

    def under_another_benefit(self, chunk: Chunk, understanding: Understanding) -> bool:
        """The clause stands under another benefit's heading than the ones the question names (a 受理时间 under
        一、求职创业补贴 for 一次性吸纳就业补贴): a heading below the title that, its label off, is a benefit's name."""
        return self.others_only(self._benefit_headings(chunk), understanding.benefits)

    def _benefit_headings(self, chunk: Chunk) -> list[str]:
        """The clause's headings below the title that, their labels off, are a benefit's name (二、培训奖励 →
        培训奖励), outermost first."""
        if self._named_benefit is None:
            return []
        return [name for heading in chunk.heading_path[1:]
                if self._named_benefit.fullmatch(name := squeeze(HEADING_LABEL.sub("", heading)))]

    def headed_apart(self, chunk: Chunk, answering: Chunk, understanding: Understanding) -> bool:
        """The clause stands under a heading naming another benefit than the one the answering clause stands under,
        which is the benefit asked about (an adjustment under 二、培训奖励 beside the rate under 三、岗位补贴 of a
        岗位补贴 question): the nearest heading of each that is a benefit's name. Never so for clauses under one
        heading, for one under no such heading, nor when the answering clause's heading is not the asked benefit's
        (the search's first clause may be another benefit's: an adjustment under 四、入职奖励 is then the asked
        one)."""
        asked = understanding.benefits[:1]
        named = [headings[-1] if (headings := self._benefit_headings(c)) else None for c in (chunk, answering)]
        if not asked or named[0] is None or named[1] is None:
            return False
        return self.same_kind(named[1], asked[0]) \
            and not any(self.same_kind(named[0], name) for name in (named[1], asked[0]))

    def names_benefit(self, chunk: Chunk) -> bool:
        """The clause, or a heading it stands under (not the document title: every title names one), names a benefit:
        the items under 一、补贴对象 are about the 补贴 though none of them says it."""
        body = squeeze(" ".join([*chunk.heading_path[1:], chunk.text]))
        return any(noun in body for noun in self.benefit_nouns)

    @staticmethod
    def regulates(chunk: Chunk, understanding: Understanding) -> bool:
        """The chunk is about the question's topic: its text, headings or document title use the topic's core words."""
        body = undoubled(squeeze(chunk.embed_text()))
        return any(undoubled(squeeze(word)) in body for word in understanding.topic_core)

    @staticmethod
    def confident(hit: SearchHit) -> bool:
        """The retriever is sure of this hit: first overall, or near the top of both BM25 and dense on their own
        (two independent rankings agreeing is evidence the wording differs, not the meaning)."""
        agree = hit.dense_rank is not None and hit.lexical_rank is not None
        return hit.rank == 1 or (agree and max(hit.dense_rank, hit.lexical_rank) <= AGREEING_RANK)

    def situation_words(self, understanding: Understanding) -> list[str]:
        """Cues of the quantities the user stated about themselves (失业保险 in 失业保险交了三年)."""
        stated = understanding.facts.keys()
        return [cue for spec in self.fact_specs if spec.name in stated and spec.type in _SITUATION
                for cue in spec.cues]

    @staticmethod
    def place_words(understanding: Understanding) -> list[str]:
        """The words naming the places asked about: as written, their parent chain and its stems (某省 → 某)."""
        words = {p.surface for p in understanding.places} | {n for p in understanding.places for n in p.chain}
        words |= {n.rstrip("省市区县") for n in words}
        return [squeeze(w) for w in words if len(w) >= 2]
