"""Routing: each part of a question (one per place × ask) to the answer that settles it, then one answer for all."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from assistant.citations import citation_from_chunk, citation_from_clause, sentences
from assistant.conversation import ResolvedQuestion
from assistant.models import Answer, Citation, ToolCall
from assistant.offline import compose, memberships, ranks, selection
from assistant.offline.adjustment import STANDARD_WORD, attachment_named, general_rate
from assistant.offline.arithmetic import says, stated_values
from assistant.offline.calculation import RuleRouter, RuleView
from assistant.offline.clauses import ClauseComposer
from assistant.offline.conjuncts import compared
from assistant.offline.documents import DocumentAnswers, transition_of
from assistant.offline.enumeration import lead_in_of, names_people
from assistant.offline.evidence import (
    HEADING_NAME_BODY,
    SAME_KIND_CHARS,
    Evidence,
    EvidenceFinder,
    amount_query,
    caps_amount,
    joined,
    stated_categories,
    states_amount,
)
from assistant.offline.groups import Groups, counted_apart, groups, partitioned, periods_apart
from assistant.offline.persons import people
from assistant.offline.support import shared_run, squeeze
from assistant.offline.transition import old_rule_applies, starts_and_deadline
from assistant.offline.verdicts import judge, verdict_indices
from assistant.rules.results import CalculationResult
from ingest.models import INACTIVE, STATUS_LABELS, Chunk
from ingest.places import NATION_CODE
from ingest.quantities import find_quantities
from retriever.models import SearchHit
from retriever.understanding import GENERAL_KIND, NATIONAL_REGION, PlaceRef, Understanding

if TYPE_CHECKING:
    from assistant.offline.engine import OfflineEngine

RIVAL_DEPTH = 4  # another document's clause this high, naming the rule's point with a figure, is a rival figure
NOTHING_RELEVANT = "本库收录的政策文件中没有与该问题相关的规定。"
NUMERIC_FACTS = ("months", "years", "money", "count", "percent")
MAX_COMPARED = 3  # documents a comparison question may set side by side
LEAD_IN_SHARE = 0.9  # a document's own lead-in naming who may have a benefit ranks just behind its best clause
TIER_NOUN = r"([\u4e00-\u9fff]{2,4})"  # the thing a tier word ranks: the Chinese characters after it (up to four)
PLACE_NAMED_CHARS = 8  # characters between a place and its topic word in a thing named after the place
ATTACHED_DEPTH = 3  # how many of the best clauses on an amount point may send it to an attachment
MIN_LISTED_ROWS = 2  # figures of a table listed for a question asking each of them (各等级分别多少)
MEMBER_INTENTS = ("amount", "eligibility")  # asks whose answer says which listed group the asker is
NOT_IN_NAMES = ("duration", "money")  # quantities a run read as a benefit's name never holds (一年每人补贴)


def _one_place(u: Understanding) -> PlaceRef | None:
    """The one place the question names, else None (none or several)."""
    return u.places[0] if len(u.places) == 1 else None


def in_force(meta) -> bool:
    return meta.status not in INACTIVE



@dataclass
class Part:
    text: str
    kind: str
    place: PlaceRef | None
    ask: str = ""


@dataclass
class PartAnswerer:
    engine: OfflineEngine
    finder: EvidenceFinder
    router: RuleRouter
    clauses: ClauseComposer
    documents: DocumentAnswers

    def answer(self, resolved: ResolvedQuestion) -> Answer:
        return self._with_members(self._answer(resolved), resolved)

    def _answer(self, resolved: ResolvedQuestion) -> Answer:
        understanding = resolved.understanding
        parts = [Part(p.text if p.place is None else self._part_text(resolved.text, p.place, understanding),
                      p.kind, p.place, p.ask) for p in understanding.sub_questions]
        if not parts and understanding.kind == "comparison" and len(understanding.documents) >= 2:
            by_document = self._by_document(resolved)
            if by_document is not None:
                return by_document
        if not parts and understanding.kind == "comparison" and understanding.has("amount"):
            side_by_side = self._side_by_side_of(resolved)
            if side_by_side is not None:
                return side_by_side
        if not parts and understanding.kind == "amount":
            summed = (self._by_sum(resolved) or self._by_person(resolved) or self._by_subset(resolved)
                      or self._by_joined(resolved) or self._by_period(resolved))
            if summed is not None:
                return summed
        only = _one_place(understanding)
        if not parts:
            return self._where_silent(
                self.part(resolved.question, resolved.text, understanding, understanding.kind, only), only)
        places = [p.place for p in parts if p.place is not None]
        answers = [self._compared_amount(resolved, part) or self._where_silent(self.part(
            resolved.question, part.text, understanding, part.kind, part.place,
            others=[q for q in places if q is not part.place]), part.place or only) for part in parts]
        titles = [self._part_title(p) for p in parts]
        return self._combined(resolved, answers, titles,
                              [p.place.label if p.place else t for p, t in zip(parts, titles, strict=True)])

    def _where_silent(self, answer: Answer, place: PlaceRef | None) -> Answer:
        """An answer for a place whose most local cited document is a wider level's (the place has no rule of its own
        on the point) cites that document's clause saying it applies where a lower level made none (地方未另行规定的，
        按本通知规定执行): why the wider rule holds there. Unchanged when no such clause exists or it is cited."""
        words = self.engine.knowledge.answers.silent_levels
        if answer.status != "answered" or place is None or not place.code or not words:
            return answer
        metas = [m for c in answer.citations if (m := self.engine.meta(c.doc_id)) and m.region in place.regions]
        if not metas:
            return answer
        nearest = min(place.regions.index(m.region) for m in metas)
        wider = [m for m in metas if place.regions.index(m.region) == nearest]
        if any(m.region_code in (None, place.code) for m in wider):
            return answer
        cited = {c.chunk_id for c in answer.citations}
        raises = self.engine.knowledge.answers.lower_raises
        # an amount given lets a lower level's raise matter (县（市、区）可在本办法规定标准基础上提高): cited when no
        # clause says the document applies where a lower level made no rule
        notes = [(words, compose.silent_level_note, [])]
        if raises and answer.citations and states_amount(answer.answer.split(compose.BASIS)[0], money=True):
            first = answer.citations[0]  # the figure's clause: a raise allowed of another benefit is not its own
            granted = [n for c in self.engine.chunks(first.doc_id) if c.id == first.chunk_id
                       for n in self.finder.granted(c)]
            notes.append((raises, compose.lower_raise_note, granted))
        for said_words, note, granted in notes:
            for doc_id in dict.fromkeys(m.doc_id for m in wider):
                for chunk in self.engine.chunks(doc_id):
                    said = next((s for s in sentences(chunk.text) if any(w in s for w in said_words)
                                 and not self.finder.others_only(self.finder.benefit_names(s), granted)), None)
                    if said is None or chunk.id in cited:
                        continue
                    citation = citation_from_chunk(len(answer.citations) + 1, chunk)
                    text = compose.with_basis(answer.answer, note(place.name, citation.n), citation, said)
                    return answer.model_copy(update={"answer": text, "citations": [*answer.citations, citation]})
        return answer

    def _with_members(self, answer: Answer, resolved: ResolvedQuestion) -> Answer:
        """An answer on an amount or who qualifies, resting on a clause that pays by a list (招用下列人员…：（1）…；
        属于重点产业目录的 beside 本年度目录包括以下产业：), also says which of its items the question's people or
        things are, each cited (``memberships``): 去年毕业的大学生 is （1）毕业年度及离校2年内未就业高校毕业生."""
        u = resolved.understanding
        if answer.status != "answered" or not any(u.has(intent) for intent in MEMBER_INTENTS):
            return answer
        knowledge = self.engine.knowledge
        people_words = knowledge.answers.beneficiaries.people_words
        stated = self.clauses.stated(u)
        asked = self.clauses.standards.asked(u)

        def fails(text: str) -> bool:
            verdict = self.clauses.judge(text, u, stated, asked)
            return verdict is not None and verdict.outcome == "not_eligible"

        cited = {c.chunk_id for c in answer.citations}
        found: list[Chunk] = []
        for citation in answer.citations:
            chunk = next((c for c in self.engine.chunks(citation.doc_id) if c.id == citation.chunk_id), None)
            if chunk is None:
                continue
            for lead, items in memberships.lists_of(chunk, self.engine.chunks(chunk.doc_id), people_words):
                found += [item for item in memberships.members(items, lead, u.normalized, knowledge.synonyms,
                                                               self.engine.word_list, people_words,
                                                               knowledge.facts.negations, fails)
                          if item.id not in cited and item not in found]
        if not found:
            return answer
        citations = [citation_from_chunk(len(answer.citations) + i, item) for i, item in enumerate(found, start=1)]
        quotes = [(citation, item.text.strip()) for citation, item in zip(citations, found, strict=True)]
        text = compose.with_bases(answer.answer, compose.members_note(quotes), quotes)
        return answer.model_copy(update={"answer": text, "citations": [*answer.citations, *citations]})

    def _compared_amount(self, resolved: ResolvedQuestion, part: Part) -> Answer | None:
        """A comparison's amount part in one place (城镇和乡村公益性岗位每个月补贴差多少？期限有啥不一样？): the
        things it compares side by side, as a comparison asking only a figure is answered. None for any other part."""
        if part.kind != "amount" or part.place is not None or resolved.understanding.kind != "comparison":
            return None
        return self._side_by_side_of(resolved)

    def _side_by_side_of(self, resolved: ResolvedQuestion) -> Answer | None:
        """The groups (``_by_group``) or the joined things (``_by_conjunct``) one place's comparison sets side by
        side."""
        return self._by_group(resolved) or self._by_conjunct(resolved)

    def _by_group(self, resolved: ResolvedQuestion) -> Answer | None:
        """一个是失业人员，一个是在职职工，差多少: two groups of one unranked fact (facts.yaml choice options) named in
        one place — a part per group, each answered with the other group's words left out and its own as the fact,
        and their difference when asked. None unless the question names two or more groups of one fact."""
        u = resolved.understanding
        for spec in self.engine.knowledge.facts.facts:
            if spec.type != "choice" or spec.order:
                continue
            named = {option: [w for w in (option, *words) if w in u.normalized]
                     for option, words in spec.options.items()}
            named = {option: words for option, words in named.items() if words}
            if not 2 <= len(named) <= MAX_COMPARED:
                continue
            asked = []
            for option in named:
                text = resolved.text
                for other, words in named.items():
                    for word in sorted(words, key=len, reverse=True) if other != option else ():
                        text = text.replace(word, "")
                own = self.engine.retriever.understand(text)
                asked.append((option, text, own.model_copy(update={"facts": {**own.facts, spec.name: option}})))
            return self._side_by_side(resolved, asked)
        return None

    def _by_conjunct(self, resolved: ResolvedQuestion) -> Answer | None:
        """小微企业和个体户差多少 in one place: a part per thing the question joins (和, 跟 …), each asked with the
        other left out, and their difference when asked. None unless two things are joined (places are parts
        already)."""
        u = resolved.understanding
        knowledge = self.engine.knowledge
        stops = self.engine.asking() | knowledge.stopwords | set(knowledge.answers.difference_words)
        pair = compared(u.normalized, self.engine.words(u.normalized), knowledge.answers.compared_joiners, stops,
                        self.finder.place_words(u))
        if pair is None:
            return None
        asked = [(title, text, self.engine.retriever.understand(text))
                 for title, text in ((pair.first, pair.asking_first()), (pair.second, pair.asking_second()))]
        return self._side_by_side(resolved, asked)

    def _by_person(self, resolved: ResolvedQuestion) -> Answer | None:
        """我五十岁，在省外干了四个月；我老伴…在省内干了半年。我家一共能领多少: people described one by one in a
        question asking what they get together — a part per person, each asked with what is said of them and of
        everyone, led by their total (a person the rule does not cover adds nothing). None unless the question so
        describes two or more people (``persons.people``)."""
        u = resolved.understanding
        words = self.engine.knowledge.answers
        found = people(u.normalized, words.person_words, words.together_words, words.total_words)
        if found is None:
            return None
        texts = [found.asking(person, [*words.total_words, *words.together_words]) for person in found.people]
        answers = self._amount_parts(resolved, texts)
        return self._totalled(resolved, answers, list(found.people))

    def _by_subset(self, resolved: ResolvedQuestion) -> Answer | None:
        """招了4个应届毕业生，其中1个是低保家庭的…一共能领多少: a group set apart from the heads counted and paid at a
        rate of its own — a part for the group and one for the rest, each asked as of that group alone, led by their
        total. None unless the question so sets a group apart (``groups.groups``) and the two are answered from
        different clauses stating sums (its rate and theirs; of documents no newer one replaces): a group paid by the
        others' clauses (其中两个是登记失业人员 of a per-head raise) is worked out by the whole question's own
        calculation. Two groups making up the heads (40个学员，30个是脱贫户，另外10个是…; ``groups.partitioned``)
        are parted the same way when paid differently per head."""
        u = resolved.understanding
        words = self.engine.knowledge.answers
        found = groups(u.normalized, words.subset_words) or partitioned(u.normalized, words.heads_joiners)
        return self._paid_apart(resolved, found) if found is not None else None

    def _by_joined(self, resolved: ResolvedQuestion) -> Answer | None:
        """招了3个应届大学毕业生，还招了1个52岁的失业人员…一共能拿多少: two groups counted one after the other in a
        question asking a total — a part per group, each asked as of that group alone, led by their total. None unless
        the question so counts two groups (``groups.counted_apart``) paid from different clauses stating sums (one
        rate for both is worked out by the whole question's own calculation, its heads added up)."""
        words = self.engine.knowledge.answers
        if not any(w in resolved.understanding.normalized for w in words.total_words):
            return None
        found = counted_apart(resolved.understanding.normalized, words.heads_joiners)
        if found is None:
            return None
        return self._paid_apart(resolved, found)

    def _by_period(self, resolved: ResolvedQuestion) -> Answer | None:
        """头5个月每月交350块，后面7个月每月交450块…能领多少: two periods each paid a sum of its own — a part per
        period, each asked as of that period alone, led by their total when each part is worked out. None unless the
        question so states two periods (``groups.periods_apart``)."""
        found = periods_apart(resolved.understanding.normalized)
        if found is None:
            return None
        answers = self._amount_parts(resolved, [found.apart, found.rest])
        if not all(compose.WORKED_LABEL in a.answer for a in answers):
            return None  # a part not worked out: the question is answered whole
        return self._totalled(resolved, answers, list(found.labels))

    def _paid_apart(self, resolved: ResolvedQuestion, found: Groups) -> Answer | None:
        """The groups' parts led by their total, when each cites clauses stating sums (of documents no newer one
        replaces) and the two cite different ones, or when each part works out an amount and the two differ per
        head (``found.heads``: 脱贫户 at the table's 100%, the others at its 80%; a 52-year-old 上述第（3）类人员 at
        1.5 times the rate) — groups making up a whole (``found.whole``) only then; None otherwise."""
        answers = self._amount_parts(resolved, [found.apart, found.rest])
        if found.heads is not None:
            amounts = [compose.person_amount(a) for a in answers]
            if None not in amounts and amounts[0] * found.heads[1] != amounts[1] * found.heads[0]:
                return self._totalled(resolved, answers, list(found.labels))
            if found.whole:
                return None
        cited = [frozenset((c.doc_id, c.clause) for c in a.citations
                           if states_amount(c.text, money=True) and self._unreplaced(c.doc_id)) for a in answers]
        if not all(cited) or cited[0] == cited[1]:
            return None
        return self._totalled(resolved, answers, list(found.labels))

    def _mixes_places(self, answers: Sequence[Answer]) -> bool:
        """The parts rest on documents of places no one place lies in (one group paid by 甲州's rule, the other by
        乙市's, for a question naming no place): their total would pass one place's rule off as another's."""
        metas = [m for a in answers for c in a.citations if (m := self.engine.meta(c.doc_id)) is not None]
        codes = {m.region_code for m in metas if m.region_code and m.region_code != NATION_CODE}
        within = self.engine.retriever.understander.gazetteer.within
        return any(a != b and not within(a, b) and not within(b, a) for a in codes for b in codes)

    def _amount_parts(self, resolved: ResolvedQuestion, texts: Sequence[str]) -> list[Answer]:
        """Each text (the question as one person or one group would ask it) answered as an amount part of the
        question's one place."""
        u = resolved.understanding
        place = _one_place(u)
        return [self._where_silent(self.part(resolved.question, text, self.engine.retriever.understand(text),
                                             "amount", place), place) for text in texts]

    def _totalled(self, resolved: ResolvedQuestion, answers: list[Answer], titles: list[str]) -> Answer | None:
        """The parts under their titles, led by their total (``compose.with_people_total``); None when they rest on
        the rules of places no one place lies in (``_mixes_places``): the question is then worked out whole."""
        if self._mixes_places(answers):
            return None
        return compose.with_people_total(compose.combine(resolved.question, answers, titles), answers, titles,
                                         self.engine.knowledge.answers.verdicts["not_eligible"])

    def _unreplaced(self, doc_id: str) -> bool:
        """No newer document replaces it (an expired one counts: unlike ``in_force``, which reads the status)."""
        meta = self.engine.meta(doc_id)
        return meta is not None and not meta.superseded_by

    def _by_sum(self, resolved: ResolvedQuestion) -> Answer | None:
        """一次性创业补贴加上带动就业补贴一共多少: two benefits joined (``answers.yaml: summed_joiners``) in a question
        asking a total — a part per benefit, each asked with the other left out, led by their sum. None unless both
        things joined name a benefit and each part states an amount of a clause of its own."""
        u = resolved.understanding
        knowledge = self.engine.knowledge
        if not any(w in u.normalized for w in knowledge.answers.total_words):
            return None
        stops = self.engine.asking() | knowledge.stopwords | set(knowledge.answers.total_words)
        # the normalized text: things written in traditional characters (見習補貼加留用獎勵) name benefits too
        nouns = knowledge.scope.benefit_nouns
        pair = compared(u.normalized, self.engine.words(u.normalized), knowledge.answers.summed_joiners, stops,
                        self.finder.place_words(u), ends=nouns)

        def benefit_named(side: str) -> str | None:
            """The benefit a side names, as the library names it, so its part asks about that benefit by its name:
            the longest end of it a document writes (身上见习补贴 → 见习补贴: the words before a name that run into
            it are no part of it; as said when none is written); 生活费 as a document says it (生活费补贴). None when
            the side names no benefit."""
            noun = next((n for n in nouns if side.endswith(n) and len(side) > len(n)), None)
            if noun is not None:
                ends = [side[start:] for start in range(len(side) - len(noun) - 1)]
                return next((end for end in ends if self.engine.regulating((end,))), side)
            return next((f"{side}{n}" for n in nouns if self.engine.regulating((f"{side}{n}",))), None)

        if pair is None:
            return None
        first, second = benefit_named(pair.first), benefit_named(pair.second)
        if first is None or second is None:
            return None
        place = _one_place(u)
        titles = [first, second]
        answers = [self.part(resolved.question, text, self.engine.retriever.understand(text), "amount", place,
                             besides=[other]) for text, other in ((pair.asking_first(first), second),
                                                                  (pair.asking_second(second), first))]
        return compose.with_sum(compose.combine(resolved.question, answers, titles), answers, titles)

    def _side_by_side(self, resolved: ResolvedQuestion, asked: list[tuple[str, str, Understanding]]) -> Answer:
        """An amount part per (title, question, understanding) in the one place asked about, combined; led by their
        difference when there are two and the question asks how far apart they are."""
        u = resolved.understanding
        place = _one_place(u)
        answers = [self.part(resolved.question, text, own, "amount", place) for _, text, own in asked]
        return self._combined(resolved, answers, [title for title, _, _ in asked])

    def _combined(self, resolved: ResolvedQuestion, answers: list[Answer], titles: list[str],
                  labels: list[str] | None = None) -> Answer:
        """The parts under their titles, led by the difference of two when the question asks how far apart they are
        (``labels``: how the lead names each part, its title by default)."""
        combined = compose.combine(resolved.question, answers, titles)
        if len(answers) == 2 and any(w in resolved.understanding.normalized
                                     for w in self.engine.knowledge.answers.difference_words):
            return compose.with_difference(combined, answers, labels or titles)
        return combined

    def _by_document(self, resolved: ResolvedQuestion) -> Answer | None:
        """<甲>年的方案和<乙>年的办法比有什么变化: a part per named document, each answered from that document alone
        (oldest first, so the change reads in order); None unless every named document speaks to the point."""
        u = resolved.understanding
        metas = sorted((m for ref in u.documents[:MAX_COMPARED] if (m := self.engine.meta(ref.doc_id))),
                       key=lambda m: (m.year or 0, m.doc_id))
        newest = metas[-1]
        found = {newest.doc_id: self.finder.find(resolved.text, u, regions=None, doc_ids=[newest.doc_id])}
        if not found[newest.doc_id]:
            return None
        anchor = found[newest.doc_id][0].chunk.text  # the same point in the others: searched with its clause's words
        for meta in metas[:-1]:
            found[meta.doc_id] = (self.finder.find(anchor, u, regions=None, doc_ids=[meta.doc_id])
                                  or self.finder.find(resolved.text, u, regions=None, doc_ids=[meta.doc_id]))
            if not found[meta.doc_id]:
                return None
        answers = [self.clauses.answer(resolved.question, resolved.text, u, found[m.doc_id], kind=GENERAL_KIND,
                                       old_wanted=bool(m.superseded_by), named_place=True) for m in metas]
        titles = [f"{m.year}年{m.doc_number or m.title}" if m.year else m.doc_number or m.title for m in metas]
        return compose.combine(resolved.question, answers, titles)

    @staticmethod
    def _part_text(text: str, place: PlaceRef, understanding: Understanding) -> str:
        for other in understanding.places:
            if other is not place:
                text = text.replace(other.surface, "")
        return text

    @staticmethod
    def _part_title(part: Part) -> str:
        if part.ask:
            return part.ask
        kind = compose.KIND_TITLES.get(part.kind, "")
        where = part.place.label if part.place else ""
        return "".join(x for x in (where, kind) if x) or "回答"

    # ------------------------------------------------------------------------------------------------------
    def part(self, question: str, text: str, u: Understanding, kind: str, place: PlaceRef | None,
             others: Sequence[PlaceRef] = (), *, besides: Sequence[str] = ()) -> Answer:
        """One part's answer (``besides``: the other benefits asked for in one total with this one)."""
        summed = bool(besides)
        engine = self.engine
        places = [place] if place is not None else list(u.places)
        regions = self._own_regions(text, u, self._regions(u, places), others)
        latest = max((d.year for d in engine.documents() if d.year), default=0)
        if u.has("new_policy") and any(y > latest for y in u.years):
            return self._not_found(question, NOTHING_RELEVANT)
        situations = [said for said, _ in self.clauses.situations(u)] if u.out_of_scope else []
        if u.out_of_scope and not all(any(w in said for said in situations) for w in u.out_of_scope):
            # another field (公积金, 医保) — unless a clause of the asked region uses the very word, or it is only who
            # the asker is (还在领失业金: the situation, not what is asked)
            found = self.finder.find(text, u, regions=regions, required_word=u.out_of_scope[0])
            if not found:
                return self._not_found(question, NOTHING_RELEVANT)
            return self.clauses.answer(question, text, u, found, kind=kind, old_wanted=False,
                                       named_place=bool(places))
        ambiguous = [p for p in u.ambiguous if place is None or p.surface == place.surface]
        if ambiguous:
            return Answer(question=question, status="needs_info", answer=compose.ask_place_reading(ambiguous[0]))
        old_wanted = u.has("old_policy") and not u.has("current_policy")
        if self.documents.wanted(u) and not (kind in ("amount", "eligibility", "procedure") and not u.documents
                                             and not u.has("status") and not u.has("metadata")):
            repealed = self.documents.repealed(u)
            if repealed:
                return self.documents.repealed_answer(question, repealed)
            targets = self.documents.targets(u, regions, lambda: self.finder.find(text, u, regions=regions))
            if targets:
                return self.documents.answer(question, u, targets)
        uncovered = [p for p in places if not p.covered]
        only_national = bool(uncovered) and not any(p.covered for p in places)
        evidence = self.finder.find(text, u, regions=regions, old_wanted=old_wanted, amount=kind == "amount",
                                    score=self.clauses.scorer(text, u, kind), strict=only_national,
                                    benefit=kind != "procedure", asked=text)
        if kind == "comparison" and u.has("amount"):
            # 各个等级分别多少 with no two things named apart: every figure of the table the clause on the point sends
            # its standard to (具体标准见附件), listed
            rows = self._attached_rows(text, u, regions, old_wanted=old_wanted, strict=only_national)
            if len(rows) >= MIN_LISTED_ROWS:
                prefix = compose.national_only_prefix([p.label for p in uncovered]) if only_national else ""
                return self.clauses.answer(question, text, u, rows, kind="list", old_wanted=old_wanted,
                                           named_place=bool(places), prefix=prefix, regions=regions)
        if kind == "amount":  # look again as the topic, the stated categories and the words amounts are written in
            evidence = self._amount_evidence(text, evidence, u, regions, old_wanted=old_wanted)
            evidence = self._general_rate_first(evidence, u)
        if not evidence and kind == "amount" and u.has("eligibility") and not only_national:
            # "收多少培训费是政府定的吗": a yes/no the asked region's clause answers without a figure (national text
            # without a figure does not answer a place's amount question)
            evidence = self.finder.find(text, u, regions=regions, old_wanted=old_wanted)
        if not evidence and kind == "eligibility" and not only_national:
            # 失业保险交了8个月，刚考了中级证，能申请吗: a question telling only the asker's situation, which the search
            # leaves out of what a clause must say — the asked place's clauses on the stated facts judge it
            evidence = self._stated_conditions(u, regions, old_wanted=old_wanted)
        rank = ranks.stated_rank(u.normalized, self.engine.knowledge.answers.rank_words)
        evidence = ranks.prefer_covering(evidence, lambda e: e.chunk, rank)  # 第N名: not the 前K名 row
        if kind == "amount" and not stated_categories(u) and self.engine.knowledge.answers.asks_most(u.normalized):
            evidence.sort(key=lambda e: not caps_amount(e.chunk.text))  # 一年最多能拿多少: the cap (stable)
        if kind != "procedure":  # a clause on another benefit than the one asked about comes last (stable), and for
            # one benefit of several summed, one granting it by name first (生活费补贴: not the 培训补贴 clause)
            own = self._own_name(evidence, u) if kind == "amount" else []
            evidence.sort(key=lambda e: (self.finder.about_another_benefit(e.chunk, u),
                                         kind == "amount" and self.finder.grants_another_benefit(e.chunk, u),
                                         self.finder.others_only(self.finder.granted(e.chunk), own),
                                         summed and not self.finder.grants_asked_benefit(e.chunk, u)))
        if besides:  # a clause granting only another benefit of the total is that one's part (带动就业补贴 N元/人),
            # by its own words or, naming none, by its heading's (二、培训补贴加发)
            evidence = [e for e in evidence if not self.finder.grants_only(e.chunk, besides, u.benefits[:1])
                        and not self.finder.about_only(e.chunk, besides, u.benefits[:1])]
        if kind in ("amount", "eligibility"):  # the figure of, or the right to, a benefit the library names is not
            # that of another one the clause pays
            evidence = [e for e in evidence if not self.finder.pays_another_benefit(e.chunk, u)]
        if kind == "amount" and besides and not any(states_amount(e.chunk.text, money=True) for e in evidence):
            # one benefit of a total whose story found no clause stating its figure (the hires were the other's):
            # its figure in the words amounts are written in
            evidence = self._granting_figure(u, regions, old_wanted=old_wanted, only_national=only_national) + evidence
        if kind == "amount" and not evidence:  # 具体标准见附件: the figures stand in the table the clause names
            evidence = self._attached_rows(text, u, regions, old_wanted=old_wanted, strict=only_national)
        exclusions = self.engine.knowledge.answers.exclusions
        if exclusions.asks(u.normalized):  # 哪些人不能领: the clause that excludes
            worded = f"{text} {' '.join(exclusions.words)}"
            evidence = joined(evidence, self.finder.find(worded, u, regions=regions, strict=only_national,
                                                         benefit=False))
            evidence.sort(key=lambda e: not any(w in e.chunk.text for w in exclusions.words))  # stable
        repeats = self.engine.knowledge.answers.repeats
        if kind in ("eligibility", "list") and repeats.asks(u.normalized):  # 今年还能再领一次吗: how often
            worded = f"{text} {' '.join(repeats.words)}"
            evidence = joined(evidence, self.finder.saying(worded, u, regions=regions, says=repeats.limits))
            evidence.sort(key=lambda e: not repeats.limits(squeeze(e.chunk.text)))  # stable
        beneficiaries = self.engine.knowledge.answers.beneficiaries
        who = beneficiaries.asks(u.normalized) and not exclusions.asks(u.normalized)
        if who and kind in ("list", "eligibility"):
            # 哪几类人可以申请: the items under the lead-in naming who may have it (补贴对象为下列人员：)
            worded = f"{text} {' '.join(beneficiaries.query_words)}"
            evidence = joined(evidence, self.finder.find(worded, u, regions=regions, strict=only_national,
                                                         benefit=False))
            evidence += self._people_lead_ins(evidence)
            evidence.sort(key=lambda e: not self._names_beneficiaries(e.chunk))  # stable
        if kind == "list" and not u.benefits:  # 哪几类人算就业困难人员: the clause defining the name asked about
            evidence = joined(self._defining(u, regions), evidence)
        if kind == "procedure" or (kind == "list" and u.has("procedure")):  # again in the words procedures use
            aspects = self.clauses.procedure.asked(u)
            worded = f"{text} {' '.join(self.clauses.procedure.query_words(aspects))}"
            evidence = joined(evidence, self.finder.find(worded, u, regions=regions, strict=only_national,
                                                         benefit=False))
            evidence += self.clauses.procedure.own_clauses(evidence, aspects)
        evidence = self._same_tier(self._on_topic(evidence, u), u)
        dated = self._by_transition(evidence, u) if not old_wanted else None
        older, replacing = dated if dated is not None else (None, None)
        if older is not None:  # 去年3月开的店、11月交的申请: begun before the new rule, claimed by its deadline
            old_wanted = True
            found = self.finder.find(text, u, regions=None, old_wanted=True, amount=kind == "amount", doc_ids=[older])
            figure = (self.clauses.figure_in(text, u, [older], benefit=False) or self._standard_of(older, evidence)
                      if kind == "amount" else None)
            evidence = joined([figure] if figure is not None else [], joined(found, evidence))  # its figure first
        if not old_wanted:
            evidence = self._replacing_first(evidence)
        named_here = self._named_here(u, regions)
        if not named_here:
            evidence = []  # the benefit asked about by name is another place's: said so below, never borrowed
        lapsed = self._lapsed_before(evidence, u)
        if lapsed is not None:  # 2028年的标准: every answering document ends before the asked year
            return self._not_found(question, lapsed)
        if only_national:
            if evidence:
                prefix = compose.national_only_prefix([p.label for p in uncovered])
                return self.clauses.answer(question, text, u, evidence, kind=kind, old_wanted=old_wanted,
                                           named_place=True, prefix=prefix, regions=regions)
            return self._not_found(question, compose.uncovered_place_reason(
                [p.surface for p in uncovered], self._topic(u), self._elsewhere(text, u, kind, set(regions or ())),
            ))
        rule = self.router.choose(u, evidence, regions)
        rival = None
        if evidence and kind in ("amount", "eligibility"):
            rule, rival = self._verified_point(u, evidence, regions, rule)
        if rule is not None:
            calculated = self._by_rule(question, u, rule, kind, named_place=bool(places))
            if calculated is None and rival is not None:  # a general question: the verified rule's own clause
                calculated = self.clauses.answer(question, text, u, [self._rule_evidence(rule, evidence)], kind=kind,
                                                 old_wanted=False, named_place=bool(places))
            if calculated is not None:
                return self._with_rival(calculated, rival) if rival is not None else calculated
        if not evidence:
            if places:
                asked = [r for r in (regions or []) if r != NATIONAL_REGION][:1] or [p.label for p in places]
                # the place's own chain (a province a comparison's part left out) is never "another region"
                applicable = set(regions or ()) | {region for p in places for region in p.regions}
                elsewhere = self._elsewhere(text, u, kind, applicable)
                if elsewhere:  # what the place lacks: the benefit asked by name when that is what it lacks
                    subject = self._topic(u) if named_here else self._asked_name(u)
                    return self._not_found(question, compose.cross_region_reason(asked, subject, elsewhere))
                where = "、".join(asked)
                return self._not_found(question, f"本库收录的{where}相关文件中没有找到能回答该问题的条款。")
            return self._not_found(question, "本库收录的政策文件中没有找到能回答该问题的条款。")
        return self.clauses.answer(question, text, u, evidence, kind=kind, old_wanted=old_wanted,
                                   named_place=bool(places), regions=regions,
                                   prefix=compose.TRANSITION_APPLIES if older is not None else "",
                                   transition_from=replacing, besides=besides)

    def _defining(self, u: Understanding, regions: Sequence[str] | None) -> list[Evidence]:
        """The clauses of in-force documents of ``regions`` (any, when None) defining a name (本办法所称就业困难人员，
        是指…; ``engine.defined_names``, said 所称: not a short name 以下简称) the question asks what it covers
        (``answers.yaml: defined_before, defined_after``): what the name covers is what it lists."""
        return [Evidence(SearchHit(chunk=chunk, score=0.0, rank=1), coverage=1.0, strength=1.0)
                for meta in self.engine.documents()
                if (regions is None or meta.region in regions) and not meta.superseded_by
                for chunk in self.engine.chunks(meta.doc_id) if self.clauses.defines_asked(chunk, u)]

    def _granting_figure(self, u: Understanding, regions, *, old_wanted: bool, only_national: bool
                         ) -> list[Evidence]:
        """Clauses stating a figure of the benefit the question names, found by asking for it in the words amounts
        are written in (一次性创业补贴 标准 每人 给予 元); [] when the question names none."""
        if not u.benefits:
            return []
        return [e for e in self._worded_figures(u, regions, old_wanted=old_wanted)
                if states_amount(e.chunk.text, money=True) and self.finder.grants_asked_benefit(e.chunk, u)
                and not (only_national and e.chunk.region != NATIONAL_REGION)]

    def _worded_figures(self, u: Understanding, regions, *, old_wanted: bool) -> list[Evidence]:
        """Supported clauses stating an amount, found by asking for the topic and the stated categories in the words
        amounts are written in (``evidence.amount_query``)."""
        worded = amount_query(u, self.engine.knowledge.answers.amount_words)
        return self.finder.find(worded, u, regions=regions, old_wanted=old_wanted, amount=True, strict=True)

    def _general_rate_first(self, evidence: list[Evidence], u: Understanding) -> list[Evidence]:
        """The first clause states a rate for a group of its own the question does not name, and its document states
        the same benefit's rate for all (``adjustment.general_rate``): that clause answers first."""
        if not evidence:
            return evidence
        first = evidence[0]
        general = general_rate(first.chunk, self.engine.chunks(first.chunk.doc_id), u,
                               self.engine.knowledge.answers.condition_chars)
        if general is None:
            return evidence
        return [first.with_chunk(general), *(e for e in evidence if e.chunk.id != general.id)]

    def _attached_rows(self, text: str, u: Understanding, regions, *, old_wanted: bool, strict: bool
                       ) -> list[Evidence]:
        """The rows stating money of the attachment a clause on the point sends its standard to (补贴标准。按证书等级
        分档给予补贴，具体标准见附件): an amount question whose figures stand in a table of the document. The first of
        the best few supported clauses, asked as the question and as its topic in the words amounts are written in,
        that states no figure and names an attachment and a standard; [] when none."""
        for query in (text, amount_query(u, self.engine.knowledge.answers.amount_words)):  # the second if need be
            for best in self.finder.find(query, u, regions=regions, old_wanted=old_wanted, strict=strict)[
                    :ATTACHED_DEPTH]:
                named = attachment_named(best.chunk.text)
                if named is None or STANDARD_WORD not in best.chunk.text or states_amount(best.chunk.text, money=True):
                    continue
                table = named.split(" ")[0]  # the whole attachment, though the clause names one of its rows
                rows = [c for c in self.engine.chunks(best.chunk.doc_id)
                        if c.clause_path.split(" ")[0] == table and states_amount(c.text, money=True)]
                return [Evidence(SearchHit(chunk=c, score=0.0, rank=i + 1), coverage=best.coverage,
                                 strength=best.strength) for i, c in enumerate(rows)]
        return []

    def _amount_evidence(self, text: str, evidence: list, u: Understanding, regions, *, old_wanted: bool) -> list:
        """An amount question's clauses with the figure: the first look's, then those found by asking for the topic in
        the words amounts are written in with the categories the user stated (中级, 脱贫劳动力) — kept when they state
        an amount, regulate the topic (when the question names one) and name a stated category (so the asker's
        situation, 交了两年失业保险, cannot hide the figure, and a money clause about something else never answers).
        Clauses naming more of the stated categories come first (the sentence "中级（四级）证书的，每人补贴1400元"
        over a definition)."""
        categories = stated_categories(u)
        if not categories:
            return evidence
        if not u.topic_core:  # no topic named: never when the question names a benefit the corpus lacks (租房补贴)
            vocabulary = self.engine.vocabulary()
            if vocabulary.unknown_subjects(text, vocabulary.terms(text, [p.surface for p in u.places])):
                return evidence

        # a category is named as the question's reader would read it: 高级 is not named by 高级技师, 技师 neither
        excluded = dict(stated_values(u, self.clauses.arithmetic.not_words))

        def named(item) -> int:
            body = squeeze(item.chunk.text)
            return sum(says(body, squeeze(value), excluded.get(value, ())) for value in categories)

        seen = {e.chunk.id for e in evidence}
        own = self._own_name(evidence, u)  # 这个带徒津贴: a figure of the topic granting another kind is not asked
        found = [e for e in self._worded_figures(u, regions, old_wanted=old_wanted)
                 if e.chunk.id not in seen and named(e) and (not u.topic_core or self.finder.regulates(e.chunk, u)
                                                              or self.finder.grants_asked_benefit(e.chunk, u))
                 and not self.finder.others_only(self.finder.granted(e.chunk), own)]
        return sorted(evidence + found, key=named, reverse=True)  # stable: the first look's order within a count

    def _own_name(self, evidence: Sequence[Evidence], u: Understanding) -> list[str]:
        """The name the question gives the benefit asked in its own words (这个带徒津贴 → 带徒津贴), when the library
        has none for it and a clause found grants a benefit of its kind (二、设立带徒师傅津贴): a figure granting
        another kind (a 学徒培训补贴 rate of the same topic) does not answer it. Empty otherwise (一年每人补贴 is no
        benefit a clause found grants)."""
        if u.benefits or any(u.benefit_words):
            return []
        names = self._said_name(u)
        grants = any(self.finder.same_kind(g, n) for e in evidence for g in self.finder.granted(e.chunk) for n in names)
        return names if grants else []

    def _stated_conditions(self, u: Understanding, regions, *, old_wanted: bool) -> list:
        """The asked place's clauses on the facts the question states, found by the topic's name, the words naming
        those facts (失业保险 of 失业保险交了8个月) and the categories it states (中级): those saying such a word
        (any, when no stated fact is named by a word: 刚毕业还没找到工作，考了个四级证，能领培训补贴吗 of the topic).
        Empty when the question states no fact, or names neither a topic nor a fact's word."""
        cues = [spec.cues[0] for spec in self.engine.knowledge.facts.facts if spec.name in u.facts and spec.cues]
        if not u.facts or not (cues or u.topic_title):
            return []  # a question stating nothing of the asker is no situation to judge (有没有X补贴)
        query = " ".join(dict.fromkeys(w for w in [u.topic_title or "", *cues, *stated_categories(u)] if w))
        # the facts' words are what is searched for here, not the asker's situation to leave out of the search
        asked = u.model_copy(update={"facts": {}, "fact_kinds": {}, "quantities": [], "loose_quantities": []})
        found = self.finder.find(query, asked, regions=regions, old_wanted=old_wanted, benefit=False)
        return [e for e in found if not cues or any(cue in e.chunk.text for cue in cues)]

    def _verified_point(self, u: Understanding, evidence, regions, chosen: RuleView | None):
        """(rule, rival): a verified rule of the asked region covers the point the question names, but the best
        clause is another in-force document's figure for it — the rule answers, the rival is surfaced as a
        conflict and never has its figure stated (figures for a verified point come from the rule only)."""
        candidates = [chosen] if chosen is not None else [
            r for r in self.router.applicable(u, regions)
            if r.spec.kind == "amount" and self.router.keyword_score(r, u) > 0
        ]
        for rule in candidates:
            for item in evidence[:RIVAL_DEPTH]:
                meta = self.engine.meta(item.chunk.doc_id)
                if (item.chunk.doc_id != rule.doc_id and item.chunk.region == rule.region and meta is not None
                        and in_force(meta) and rule.spec.point in item.chunk.text
                        and states_amount(item.chunk.text, money=True)):
                    return rule, item
        return chosen, None

    def _rule_evidence(self, rule: RuleView, evidence):
        """The supported clause the rule rests on (from the evidence, else its chunk in the index)."""
        own = [e for e in evidence if (e.chunk.doc_id, e.chunk.clause_path) == (rule.doc_id, rule.clause_path)]
        if own:
            return own[0]
        chunk = next(c for c in self.engine.chunks(rule.doc_id) if c.clause_path == rule.clause_path)
        return Evidence(SearchHit(chunk=chunk, score=0.0, rank=1), coverage=1.0, strength=1.0)

    def _with_rival(self, answer: Answer, rival) -> Answer:
        meta = self.engine.meta(rival.chunk.doc_id)
        citation = citation_from_chunk(len(answer.citations) + 1, rival.chunk)
        note = compose.conflict_note(meta, citation.n) if meta else ""
        return answer.model_copy(update={
            "answer": compose.join(answer.answer, note), "citations": [*answer.citations, citation],
            "notes": [*answer.notes, "同一事项本地区另有现行文件规定不同标准，已提示核实"],
        })

    # ------------------------------------------------------------------------------------------------------
    @staticmethod
    def _regions(u: Understanding, places: list[PlaceRef]) -> list[str] | None:
        if places:
            return list(dict.fromkeys(r for p in places for r in p.regions))
        if u.national:
            return list(u.regions)
        return None

    def _own_regions(self, text: str, u: Understanding, regions: list[str] | None,
                     others: Sequence[PlaceRef]) -> list[str] | None:
        """A part set against its parent (某省的规定和某市的规定): the child's part answers from its own documents
        when they say anything on the point — else it inherits the parent's, as any question would."""
        compared = {o.regions[0] for o in others if o.covered and o.regions}
        if not regions or not compared & set(regions[1:]):
            return regions
        own = [r for r in regions if r not in compared and r != NATIONAL_REGION]
        return own if own and self.finder.find(text, u, regions=own, strict=True) else regions

    def _on_topic(self, evidence: list[Evidence], u: Understanding) -> list[Evidence]:
        """A question naming a programme by name (以工代训, a `core` word in topics.yaml) is not answered by a clause
        of a document that never names it and does not say its terms (a province's 生活费 clause for 以工代训 asked in
        a city only a sibling city regulates it for) — nor by any clause when no document of the library names it."""
        topic = self.engine.knowledge.topics.named(u.topic)
        topic = topic if topic is not None and topic.core else None
        if topic is None or not any(squeeze(word) in squeeze(u.normalized) for word in topic.core):
            return evidence  # only a programme the question names by name (考下来 names no programme)
        regulating = self.engine.regulating(topic.core)  # none at all: no clause of the library answers for it
        return [e for e in evidence if e.chunk.doc_id in regulating
                or any(term in squeeze(e.chunk.text) for term in topic.terms)]

    def _replacing_first(self, evidence: list[Evidence]) -> list[Evidence]:
        """Clauses of a document another found document repeals in so many words (原《…》同时废止) come after that
        document's (a question on what holds now: the old notice's figure must not answer over the new measures'
        condition). An earlier policy only partly replaced keeps its place: the newer one may not say the point."""
        found = [m for m in (self.engine.meta(d) for d in dict.fromkeys(e.chunk.doc_id for e in evidence)) if m]
        repealed = {old.doc_id for old in found if any(compose.repeals(newer, old) for newer in found)}
        return sorted(evidence, key=lambda e: e.chunk.doc_id in repealed)  # stable

    def _by_transition(self, evidence: list[Evidence], u: Understanding) -> tuple[str | None, str] | None:
        """(the replaced document whose standard still pays the asker's case — None when the replacing one's does —,
        the replacing document), by the replacing one's transitional sentence and the months the question names
        (``assistant.offline.transition``); None when no document of the evidence has such a sentence or the months
        do not say."""
        transition = self.engine.knowledge.answers.transition
        for doc_id in dict.fromkeys(e.chunk.doc_id for e in evidence):
            meta = self.engine.meta(doc_id)
            if meta is None:
                continue
            pairs = [(doc_id, d) for d in self.clauses.newer_documents(doc_id)] or [
                (d.doc_id, meta) for d in self.engine.documents() if doc_id in d.superseded_by]
            for old_id, new_meta in pairs:
                found = transition_of(self.engine.chunks(new_meta.doc_id), transition)
                if found is None:
                    continue
                starts, last_day = starts_and_deadline(found[1], new_meta.effective_from, transition)
                applies = old_rule_applies(u.normalized, self.engine.today(), starts, last_day,
                                           transition.relative_years, transition.applied_words, transition.same_year)
                if applies is not None:
                    return (old_id if applies else None), new_meta.doc_id
        return None

    def _standard_of(self, doc_id: str, evidence: list[Evidence]) -> Evidence | None:
        """A document's clause stating its standard (一次性创业补贴标准为每户N元) when the question's words find none:
        of its clauses stating a sum of money, the one saying the most of the words amounts are written in."""
        words = self.engine.knowledge.answers.amount_words
        stating = [c for c in self.engine.chunks(doc_id) if any(q.kind == "money" for q in find_quantities(c.text))]
        best = max(stating, key=lambda c: sum(w in c.text for w in words), default=None)
        if best is None or not evidence:
            return None
        return evidence[0].with_chunk(best)

    def _named_here(self, u: Understanding, regions: Sequence[str] | None) -> bool:
        """False when the question asks about a benefit by the library's name for it (企业培养奖励) that documents of
        other regions write but no document of the regions whose rules apply (the place's own, its parents',
        national) ever does, under any benefit noun: that place has no such benefit, and a clause of its documents
        on another one (a province's 技能提升补贴 table) must not answer for it. So too a thing of the topic the
        question names after a place (某省职业技能大赛, asked of another city of 某省) that only another region's
        document writes."""
        if not regions:
            return True
        here = {m.doc_id for m in self.engine.documents() if m.region in regions}
        for phrase in self._named_after_place(u):
            naming = self.engine.regulating((phrase,))
            if naming and not naming & here:
                return False
        if not u.benefits:
            return self._own_named_here(u, regions, here)
        name = u.benefits[0]
        naming = self.engine.regulating((name,))
        if not naming:
            return True
        # the same benefit under another noun (生活补贴 asked, 生活补助 written) is named
        nouns = self.engine.knowledge.scope.benefit_nouns
        body = self._name_body(name)
        any_noun = self.engine.regulating(tuple(body + noun for noun in nouns)) if body != name else naming
        return bool(any_noun & here)

    def _name_body(self, name: str) -> str:
        """A benefit's name without its noun (带徒 of 带徒津贴); the name itself when it ends in none."""
        nouns = sorted(self.engine.knowledge.scope.benefit_nouns, key=len, reverse=True)
        return next((name[: -len(noun)] for noun in nouns if name.endswith(noun)), name)

    def _own_named_here(self, u: Understanding, regions: Sequence[str], here: set[str]) -> bool:
        """False when the question names a benefit in its own words (带徒津贴: the library has no name for it) that
        clauses of other regions grant (a word of its name shared, under any benefit noun: 带徒师傅津贴, 师带徒补贴)
        and none of the regions whose rules apply does — that place has none, and its clauses on another benefit of
        the topic must not answer. True when no clause anywhere grants one of its kind (the library cannot tell) or
        one of the place's does."""
        if any(u.benefit_words):
            return True
        names = self._said_name(u)
        if not names:
            return True
        body = self._name_body(names[0])

        def granting(found: Sequence[Evidence]) -> list[Evidence]:  # a word of the name shared, under any noun
            return [e for e in found if any(shared_run(body, self._name_body(granted)) >= SAME_KIND_CHARS
                                            for granted in self.finder.granted(e.chunk))]

        anywhere = granting(self.finder.find(names[0], u, regions=None))
        if not anywhere or any(e.chunk.doc_id in here for e in anywhere):
            return True
        return bool(granting(self.finder.find(names[0], u, regions=list(regions))))

    def _named_after_place(self, u: Understanding) -> list[str]:
        """What the question names by a place and a word of its topic (某省职业技能大赛: a place's own contest)."""
        topic = self.engine.knowledge.topics.named(u.topic)
        names = {name for p in u.places for name in (p.surface, *p.chain) if len(name) >= 2}
        if topic is None or not names:
            return []
        pattern = re.compile(f"(?:{'|'.join(map(re.escape, sorted(names, key=len, reverse=True)))})"
                             rf"[\u4e00-\u9fff]{{0,{PLACE_NAMED_CHARS}}}?(?:{'|'.join(map(re.escape, topic.terms))})")
        return [m.group(0) for m in pattern.finditer(u.normalized)]

    def _names_beneficiaries(self, chunk: Chunk) -> bool:
        """The clause is a lead-in naming who may have the benefit, an item under one, or an item naming people."""
        beneficiaries = self.engine.knowledge.answers.beneficiaries
        return (beneficiaries.names_them(chunk.text) or beneficiaries.names_them(lead_in_of(chunk))
                or names_people(chunk, beneficiaries.people_words))

    def _people_lead_ins(self, evidence: list[Evidence]) -> list[Evidence]:
        """The best supported document's own lead-ins naming people (…的下列人员，可…申领：): a list's lead-in rarely
        shares the question's words about who the asker is, so retrieval alone misses it; added just behind the
        best clause."""
        if not evidence:
            return []
        top = evidence[0]
        seen = {e.chunk.id for e in evidence}
        names_them = self.engine.knowledge.answers.beneficiaries.names_them
        found = [c for c in self.engine.chunks(top.chunk.doc_id) if c.id not in seen and names_them(c.text)]
        return [Evidence(SearchHit(chunk=c, score=0.0, rank=len(evidence) + i), coverage=top.coverage * LEAD_IN_SHARE,
                         strength=top.strength * LEAD_IN_SHARE) for i, c in enumerate(found, start=1)]

    def _same_tier(self, evidence: list[Evidence], u: Understanding) -> list[Evidence]:
        """A question naming a thing at one tier (市级技能大师工作室) is not answered by a document naming that thing
        only at another tier (国家级技能大师工作室), whatever clause of it was found: each tier word of the question
        (answers.yaml ``tier_words``) with the words after it must not be met in the document only under another
        tier."""
        tiers = self.engine.knowledge.answers.tier_words
        asked = [(tier, match.group(1)) for tier in tiers
                 for match in re.finditer(re.escape(tier) + TIER_NOUN, squeeze(u.normalized))]
        if not asked:
            return evidence
        ranges = sorted(self.engine.knowledge.answers.tier_ranges, key=len, reverse=True)
        widened = f"(?:{'|'.join(map(re.escape, ranges))})?" if ranges else ""
        # each asked thing at every tier, a range word allowed between (省级及以上就业见习 names 省级就业见习 too)
        at_tier = [(tier, {t: re.compile(re.escape(t) + widened + re.escape(noun)) for t in tiers})
                   for tier, noun in asked]

        def other_tier(doc_id: str) -> bool:
            text = self.engine.document_text(doc_id)
            return any(not named[tier].search(text) and any(p.search(text) for t, p in named.items() if t != tier)
                       for tier, named in at_tier)
        elsewhere = {doc_id for doc_id in {e.chunk.doc_id for e in evidence} if other_tier(doc_id)}
        return [e for e in evidence if e.chunk.doc_id not in elsewhere]

    @staticmethod
    def _topic(u: Understanding) -> str:
        return u.topic_title or "该事项"

    def _said_name(self, u: Understanding) -> list[str]:
        """The first benefit name the question says in its own words (这个带徒津贴 → 带徒津贴), if any: never one
        holding a period or a sum (一年每人补贴 says how long and how much, not which benefit)."""
        names = self.finder.benefit_names(u.normalized, body=HEADING_NAME_BODY)[:1]
        return [n for n in names if not any(q.kind in NOT_IN_NAMES for q in find_quantities(n))]

    def _asked_name(self, u: Understanding) -> str:
        """The benefit the question names: the library's name for it, else its own words' (带徒津贴), else the
        topic's."""
        return next(iter([*u.benefits[:1], *self._said_name(u)]), self._topic(u))

    def _elsewhere(self, text: str, u: Understanding, kind: str, applicable: set[str]) -> list:
        """In-force documents of other regions with a supported clause on the point (named, never quoted)."""
        found = self._on_topic(self.finder.find(text, u.model_copy(update={"places": [], "regions": []}),
                                                regions=None, amount=kind == "amount"), u)
        regions = [e.chunk.region for e in found if e.chunk.region not in (*applicable, NATIONAL_REGION)]
        regions += [r.region for r in self.router.regions_with_rules(u) if r.region not in applicable]
        regions = list(dict.fromkeys(regions))
        return [m for m in self.engine.documents() if m.region in regions and in_force(m)]

    def _lapsed_before(self, evidence: Sequence[Evidence], u: Understanding) -> str | None:
        """Why the clauses found cannot answer: the question asks about a year after the last day of every document
        they come from (none of them says what holds then) — else None."""
        if not u.years or not evidence:
            return None
        metas = [self.engine.meta(doc_id) for doc_id in dict.fromkeys(e.chunk.doc_id for e in evidence)]
        if any(m is None or m.effective_to is None for m in metas):
            return None
        last = max(m.effective_to for m in metas)
        if min(u.years) <= last.year:
            return None
        return compose.lapsed_reason(next(m for m in metas if m.effective_to == last), min(u.years))

    def _not_found(self, question: str, reason: str) -> Answer:
        return Answer(question=question, status="not_found",
                      answer=compose.not_found_answer(reason, self.engine.documents()))

    # ---- rules -------------------------------------------------------------------------------------------
    def _by_rule(
        self, question: str, u: Understanding, rule: RuleView, kind: str, *, named_place: bool
    ) -> Answer | None:
        personal = u.has("personal")
        relevant = self.router.relevant_facts(rule, u.facts)
        if not named_place and personal and relevant:  # "我考了个中级证能补多少": the amount depends on where
            regions = list(dict.fromkeys([rule.region, *(r.region for r in self.router.regions_with_rules(u))]))
            docs = [m for m in self.engine.documents() if m.region in regions and in_force(m)]
            return Answer(question=question, status="needs_info", answer=compose.ask_region(self._topic(u), docs))
        split = self.router.split(rule, u.facts)
        if split is not None:
            return self._by_option(question, rule, u, split, assume=not personal)
        if not relevant:  # "标准是多少": the rule's figure — but only when money is what is asked (not 多少人次)
            asks_money = any(word in u.normalized for word in self.engine.knowledge.scope.money_words)
            if rule.spec.kind == "amount" and kind == "amount" and asks_money:
                return self._calculate(question, rule, u, assume=True)
            return None
        numeric = any(self._is_numeric(name) for name in relevant)
        if personal or (numeric and not u.has("choice")) or len(relevant) >= 2:
            return self._calculate(question, rule, u, assume=not personal)
        if rule.spec.kind == "amount":
            return self._calculate(question, rule, u, assume=True)
        return None

    def _is_numeric(self, name: str) -> bool:
        spec = next((f for f in self.engine.knowledge.facts.facts if f.name == name), None)
        return spec is not None and spec.type in NUMERIC_FACTS

    def _calculate(self, question: str, rule: RuleView, u: Understanding, *, assume: bool,
                   facts: dict[str, Any] | None = None) -> Answer | None:
        result, arguments, stated = self.router.run(rule, facts if facts is not None else u.facts, assume=assume)
        if result.status == "needs_info" and assume:
            return None  # a general question the calculator cannot settle: answer from the clause instead
        stated = [*stated, *(u.assumptions[k] for k in arguments if k in u.assumptions)]
        citations = self._citations(result)
        call = ToolCall(name=rule.name, arguments=arguments, result=result.model_dump(mode="json"))
        quotes = [(c, ref.text) for c, ref in zip(citations, result.sources, strict=False)][:1]
        unmet = self._unmet_conditions(rule, u, arguments) if result.status == "eligible" else None
        if result.status == "needs_info":
            text = compose.join(compose.needs_info_answer(result, citations[0].n), compose.basis(quotes))
            status = "needs_info"
        elif unmet is not None:  # the rule's figure, but the document's own condition is not met
            verdict, chunk = unmet
            citations.append(citation_from_chunk(len(citations) + 1, chunk))
            quotes.append((citations[-1], selection.quote(chunk.text, verdict_indices(chunk.text, verdict))))
            region = result.region
            text = compose.join(
                compose.verdict_line(verdict, region, citations[-1].n,
                                     compose.verdict_words(self.engine.knowledge.answers, u.normalized)),
                compose.standard_if_eligible(result, citations[0].n), compose.basis(quotes),
            )
            status = "answered"
        else:
            text = compose.join(compose.calculation_answer(result, citations[0].n, stated), compose.basis(quotes))
            status = "answered"
        notes = [f"{c.label}（{STATUS_LABELS.get(c.status or '', '')}）" for c in citations[1:]]
        return Answer(question=question, status=status, answer=text, citations=citations, tool_calls=[call],
                      notes=notes)

    def _unmet_conditions(self, rule: RuleView, u: Understanding, arguments: dict[str, Any]):
        """A condition of the rule's document on a fact the user stated and the rule did not take (a rules file
        may declare the amounts only): (verdict, clause) when the user's value fails it, else None."""
        untaken = {k: v for k, v in u.facts.items() if k not in arguments}
        if not untaken:
            return None
        specs = self.engine.knowledge.facts.facts
        for chunk in self.engine.chunks(rule.doc_id):
            verdict = judge(chunk.text, untaken, specs)
            if verdict is not None and verdict.outcome == "not_eligible":
                return verdict, chunk
        return None

    def _by_option(self, question: str, rule: RuleView, u: Understanding, split, *, assume: bool) -> Answer | None:
        """Several options in one question (2个中级工 + 4个高级工): one run per option, then the sum."""
        spec, counts = split
        parts = [self._calculate(question, rule, u, assume=assume,
                                 facts={**u.facts, spec.choice_input: option, spec.count_input: count})
                 for option, count in counts.items()]
        if any(part is None or part.status != "answered" for part in parts):
            return next((part for part in parts if part is not None and part.status != "answered"), None)
        calls = [call for part in parts if part is not None for call in part.tool_calls]
        results = [CalculationResult.model_validate(call.result) for call in calls]
        total = compose.sum_of_parts(results)
        citations = self._citations(total)
        quotes = [(c, ref.text) for c, ref in zip(citations, total.sources, strict=False)][:1]
        text = compose.join(compose.calculation_answer(total, citations[0].n, []), compose.basis(quotes))
        total_call = ToolCall(name=rule.name, arguments={"parts": [call.arguments for call in calls]},
                              result=total.model_dump(mode="json"))
        return Answer(question=question, status="answered", answer=text, citations=citations,
                      tool_calls=[*calls, total_call])

    def _citations(self, result: CalculationResult) -> list[Citation]:
        documents = {d.doc_id: d for d in self.engine.documents()}
        return [
            citation_from_clause(
                n, doc_id=ref.doc_id, title=ref.title, doc_number=ref.doc_number, clause_path=ref.clause_path,
                text=ref.text, documents=documents, chunks=self.engine.chunks(ref.doc_id),
            )
            for n, ref in enumerate(result.sources, start=1)
        ]
