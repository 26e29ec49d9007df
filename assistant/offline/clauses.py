"""Answers quoted from clauses: the supported clause of the applicable region, newest document first, the older one
named as earlier policy (and the reverse), and — when the question names no region — another region that regulates
the same point."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING

from assistant.citations import citation_from_chunk, sentences
from assistant.models import Answer, Citation
from assistant.offline import compose, enumeration, memberships, selection
from assistant.offline.adjustment import (
    StandardResolver,
    adjustments,
    locality,
    names_condition,
    spelt_out,
    table_of,
)
from assistant.offline.arithmetic import AMOUNT_ASKED, BENEFIT_RUN, ClauseArithmetic, Swap
from assistant.offline.documents import cite_transition, transition_of
from assistant.offline.evidence import (
    Evidence,
    EvidenceFinder,
    asks_counted,
    caps_amount,
    joined,
    stated_categories,
    states_amount,
    states_asked_figure,
)
from assistant.offline.procedure import MATERIALS, ProcedureReader
from assistant.offline.support import DEFINING, shared_run, squeeze
from assistant.offline.verdicts import (
    Home,
    Stated,
    Verdict,
    exclusion_check,
    granted_asked,
    judge,
    phrase_around,
    ranked_checks,
    residence_check,
    row_grants,
    verdict_indices,
)
from assistant.rules.draft_text import raised_to, replacements
from assistant.rules.results import CalculationResult, plain_number, yuan
from ingest.models import INACTIVE, Chunk, DocumentMeta
from ingest.places import NATION_CODE
from ingest.quantities import Quantity, find_quantities, one_off, tidy
from ingest.textnorm import clause_span, is_lead_in
from ingest.validity import repealed
from retriever.expansion import QueryExpander
from retriever.understanding import NATIONAL_REGION, Understanding

if TYPE_CHECKING:
    from assistant.offline.engine import OfflineEngine

QUOTE_SENTENCES = 3
ASKED_FIGURE = 100.0  # what stating the kind of figure asked (几次: N次) adds to a sentence's score for the lead
STATED_NEAR = 8  # characters either side of a user's quantity whose words say what it measures (企业干了一年半)
QUANTIFIER = re.compile(r"[一两几某每这那][家个所位名户间]?|之一")  # 一家 of 一家事业单位, 之一 of 股东之一: no group
WORKED_DEPTH = 5  # evidence looked through for the clause stating the rate, when the answering clause states none
SAME_POINT = 0.95
OWN_TERMS_SHARE = 0.5  # a deferring clause's own-terms companion says at least half as much of the question
OTHER_REGION_SHARE = 0.9


def rate_quote(text: str, result: CalculationResult, score: Callable[[str], float]) -> str:
    """The sentences of a rate's clause stating the rate the result used (技师…N元 of a clause stating one rate per
    level), else the best ones: another level's figure is not quoted as if it applied."""
    rates = [f"{plain_number(rate)}元" for rate in result.components.values()]
    indices = selection.matching(text, rates) if rates else []
    return selection.quote(text, indices) if indices else selection.best(text, score, QUOTE_SENTENCES)


def shares_of_counts(stated: Sequence[Stated], text: str = "", all_words: Sequence[str] = ()) -> list[Stated]:
    """The share one count of the question is of an earlier, larger one of the same unit, as a percentage with the
    later count's words (招了5个…期满留下了3个 → 60%, said with 留下): a rate a condition sets (留用率达到50%以上) is
    met or failed by it, as by a rate said outright. An equal later count followed by a word saying it is all of them
    (``all_words``: 期满2个都留下了) is the whole: 100%."""
    counts = [s for s in stated if s.quantity.kind == "count" and s.quantity.value > 0]
    shares = []
    for part in counts:
        q = part.quantity
        whole_of = any(text.startswith(word, q.end) for word in all_words)
        for whole in counts:
            of = whole.quantity
            if of.start < q.start and (q.value < of.value or (whole_of and q.value == of.value)) \
                    and q.unit == of.unit:
                share = tidy((q.value * 100 / of.value).quantize(Decimal("0.01")))
                quantity = Quantity(kind="percent", value=share, unit="%", raw=f"{share}%", start=q.start, end=q.end)
                shares.append(Stated(quantity, part.words))
    return shares


def _figures(text: str) -> list:
    """The quantities a clause states as terms (money, rates, durations, counts, ages; not its dates)."""
    return [q for q in find_quantities(text) if q.kind != "year"]


def _terms(text: str) -> set[tuple[str, str]]:
    """The kinds of figure a clause sets terms in (an amount in 元, a period in 天…), for "does it replace that"."""
    return {(q.kind, q.unit) for q in _figures(text) if q.kind in ("money", "duration", "percent")}


FIGURE_WORDS = 6  # characters before a figure that say what it measures (正常经营 of 并正常经营12个月以上)


def _sums(text: str) -> set[tuple[str, Decimal]]:
    """The sums and shares among ``text``'s figures, as (kind, value)."""
    return {(q.kind, q.value) for q in _figures(text) if q.kind in ("money", "percent")}


def replacement_of(chunk: Chunk, evidence: Sequence[Evidence], below: Callable[[str, str], bool]
                   ) -> tuple[Chunk, Quantity, Quantity, str] | None:
    """(the clause saying it, the figure ``chunk`` states, its replacement, the phrase stating that) when another
    document the question found says a figure of ``chunk`` is replaced (由按实际缴费额的三分之二调整为…80%, 由每人
    1000元提高到1500元), or — a document ``below`` its own (by doc ids) — raises the standard ``chunk`` states to a
    new one without saying the old (``raised_over``): that figure is no longer the one in force where the asker is."""
    stated = _sums(chunk.text)
    for item in evidence:
        if item.chunk.doc_id == chunk.doc_id:
            continue
        for old, new, phrase in replacements(item.chunk.text):
            if (old.kind, old.value) in stated:
                return item.chunk, old, new, phrase
        raised = raised_over(chunk, item.chunk) if below(item.chunk.doc_id, chunk.doc_id) else None
        if raised is not None:
            return (item.chunk, *raised)
    return None


def raised_over(base: Chunk, raising: Chunk) -> tuple[Quantity, Quantity, str] | None:
    """(the sum ``base`` states, the one ``raising`` raises it to, the phrase saying so) when ``raising`` raises a
    standard to a sum per the same units (本市生活费补贴标准提高至每人每天60元 over 按每人每天40元给予生活费补贴) and
    names what it raises in BENEFIT_RUN characters in a row ``base`` says; ``base`` must state one such sum."""
    for new, phrase, subject in raised_to(raising.text):
        olds = {q.value: q for q in find_quantities(base.text)
                if q.kind == new.kind and q.per == new.per and not q.bound and q.value != new.value}
        if len(olds) == 1 and shared_run(squeeze(subject), squeeze(base.text)) >= BENEFIT_RUN:
            return next(iter(olds.values())), new, phrase
    return None


class ClauseComposer:
    def __init__(self, engine: OfflineEngine, finder: EvidenceFinder) -> None:
        self.engine = engine
        self.finder = finder
        self.procedure = ProcedureReader(  # a clause under, or itself about, another benefit is not its procedure
            engine.knowledge.answers, engine.chunks,
            lambda chunk, u: finder.under_another_benefit(chunk, u) or finder.about_another_benefit(chunk, u)
            or finder.listed_for_another_benefit(chunk, u), engine.knowledge.intents.asking_text)
        answers = engine.knowledge.answers
        self.arithmetic = ClauseArithmetic(answers.condition_chars, engine.knowledge.facts.facts,
                                           answers.per_instalment, answers.difference_words, answers.maximum_words,
                                           (answers.counted_things, answers.counted_people), answers.total_words,
                                           answers.term_words, answers.reached_words, answers.heads_joiners,
                                           QueryExpander(engine.knowledge.synonyms).expansions, answers.general_words,
                                           answers.part_months)
        self.standards = StandardResolver(engine, finder, self.arithmetic, WORKED_DEPTH)

    def scorer(self, text: str, understanding: Understanding, kind: str) -> Callable[[str], float]:
        vocabulary = self.engine.vocabulary()
        terms = vocabulary.terms(text, [*(p.surface for p in understanding.places),
                                        *(q.raw for q in understanding.quantities)])
        total = sum(vocabulary.idf(t) for t in terms) or 1.0

        wants_number = kind == "amount" or understanding.has("quantity")

        def score(sentence: str) -> float:
            bonus = 0.3 * total if wants_number and find_quantities(sentence) else 0.0
            return vocabulary.term_score(terms, sentence) + bonus

        return score

    def with_caps(self, text: str, score: Callable[[str], float], limit: int, understanding: Understanding) -> str:
        """The clause's best sentences, quoted — with those capping a sum when the question asks for the most one may
        get (有没有封顶, 最多能拿多少): 按第五条规定标准的80%执行 and its 每户企业每年最高不超过30万元."""
        indices = selection.choose(text, score, limit)
        if self.engine.knowledge.answers.asks_most(understanding.normalized):
            indices = [*indices, *(i for i, part in enumerate(selection.pieces(text)) if caps_amount(part))]
        return selection.quote(text, indices)

    def answer(
        self, question: str, text: str, understanding: Understanding, evidence: list[Evidence], *, kind: str,
        old_wanted: bool, named_place: bool, prefix: str = "", regions: list[str] | None = None,
        transition_from: str | None = None, besides: Sequence[str] = (),
    ) -> Answer:
        """``regions``: the regions this part of the question applies (its own place's); None = the question's.
        ``transition_from``: the replacing document whose transitional rule the question's dates were read against
        (its sentence is cited: it says which rule pays the case, or by when it had to be claimed). ``besides``: the
        other benefits asked for in one total with this one (none of their adjustments is this one's)."""
        score = self.scorer(text, understanding, kind)
        aspects = self.procedure.asked(understanding) if kind == "procedure" else []
        if aspects:
            evidence = self.procedure.rank(evidence, aspects, understanding)
        primary, older = (self.prefer_older(evidence), None) if old_wanted else self.prefer_newer(evidence)
        now_against_before = self.sets_now_against_before(understanding)
        if now_against_before and not understanding.has("status") and self.relates_documents(primary.chunk):
            # what changed on a point, best matched by the clause saying how the newer document stands to the older
            # one (原《…》同时废止; 本办法施行前…按原规定: its words name both, as the question does): that clause says
            # no point — the document's own clause on it answers, set against the older one's (the repeal and the
            # transitional rule are cited beside them)
            point = self.on_the_point(primary, text, understanding, evidence, aspects)
            if point is not None:
                primary, older = self.counterpart(point, text, understanding, aspects, amount=kind == "amount",
                                                  alike=True)
        replaced = not old_wanted and bool(self.newer_documents(primary.chunk.doc_id))
        if older is None and not old_wanted and now_against_before:
            primary, older = self.counterpart(primary, text, understanding, aspects, amount=kind == "amount")
        elif (older is not None and now_against_before and kind != "amount" and not aspects
              and older.coverage > primary.coverage):
            # the replaced clause says the point better than the newer document's best match (正常经营N个月以上
            # against its 补贴标准): the newer one's clause on that point, found by the replaced clause's words
            found, _ = self.counterpart(older, text, understanding)
            primary = found if found is not older else primary
        elif older is None and replaced and kind == "amount":
            # an amount asked of what holds now, best matched by a replaced document: the replacing one's figure
            # answers when it states one on the point (an old figure is never given as today's); other questions
            # keep the replaced clause, with the note naming what replaced it
            newer, older = self.counterpart(primary, text, understanding)
            if older is not None and states_amount(newer.chunk.text, money=True):
                primary = newer
            else:
                older = None
        elif older is None and kind == "eligibility" and self.repealed_here(primary.chunk.doc_id):
            # whether one may have it now, best matched by a document another repeals in so many words: the
            # repealing one's clause on the same point judges (离校2年内…须具有本市户籍 repealed by 离校3年内…不受户籍
            # 限制), the old one noted — a document only partly replaced keeps its place
            newer, found = self.counterpart(primary, text, understanding)
            if found is not None:
                primary, older = newer, found
        elif older is None and replaced and aspects:
            # how to apply, asked of today: a replaced document's procedure is not how one applies now — the
            # replacing document's clause on the point answers when it has one
            newer, found = self.counterpart(primary, text, understanding)
            if found is not None and self.procedure.described(newer.chunk, aspects):
                primary = newer
        if older is not None and kind == "amount":
            older = self.older_figure(primary, older, text, understanding)
        citations = [citation_from_chunk(1, primary.chunk)]
        status = "answered"
        lines = [prefix] if prefix else []
        region = self.region_label(primary.chunk)
        new_result: CalculationResult | None = None  # the amount worked out, to set against the older document's
        procedure_lines = self.procedure.lines(primary.chunk, aspects, region) if aspects else None
        verdict, condition = None, primary.chunk
        unmet_raise = None  # (verdict, clause) of a raise the asker fails, answered beside the standard it raises
        repeats = self.engine.knowledge.answers.repeats
        # 还能再领一次吗 answered by the clause limiting how often (每人只能享受一次): a condition met (满6个月) says
        # nothing of a second payment — only a failed one (每人每年最多3次 of a fourth) is a verdict on it
        limited = repeats.asks(understanding.normalized) and repeats.limits(squeeze(primary.chunk.text))
        if kind in ("eligibility", "amount") and (understanding.facts or understanding.quantities
                                                  or self.situations(understanding)  # 我是大四学生: who they are
                                                  or self.home(understanding) is not None):  # 某县户口: from where
            verdict, condition = self.find_verdict(primary, evidence, understanding, regions)
            beside = self.beside_raise(condition, evidence, text, understanding) \
                if kind == "eligibility" and verdict is not None and verdict.outcome == "not_eligible" else None
            if beside is not None:  # failing a raise's condition (中级工及以上…提高30%) is no bar to the benefit
                unmet_raise = (verdict, condition)
                primary = beside
                citations = [citation_from_chunk(1, primary.chunk)]
                region = self.region_label(primary.chunk)
                verdict, condition = self.find_verdict(primary, evidence, understanding, regions)
            if limited and verdict is not None and verdict.outcome == "eligible":
                verdict, condition = None, primary.chunk
        rated = understanding  # the question as the rate is chosen by
        if kind == "amount" and verdict is not None and verdict.outcome == "eligible" \
                and self.other_row(primary.chunk, condition):
            # 登记失业一年多 of a table's rows: the row whose threshold the asker's facts meet states the asker's rate,
            # not the row the question only shares words with (16—24岁登记失业青年)
            primary = primary.with_chunk(condition)
            citations, region = [citation_from_chunk(1, condition)], self.region_label(condition)
            lead = condition.text.partition("：")[0]  # the row's category, as the table's rates are chosen by
            rated = understanding.model_copy(update={"normalized": f"{understanding.normalized} {lead}"})
        words = compose.verdict_words(self.engine.knowledge.answers, understanding.normalized)
        listed = None
        leads_in = verdict is None and is_lead_in(primary.chunk.text) \
            and not self.figure_leads_in(primary.chunk.text, text, understanding, kind) \
            and not (aspects and MATERIALS not in aspects and self.procedure.described(primary.chunk, aspects))
        # (取得证书之日起12个月内申请，提交以下材料： asked 多长时间内得去申请: its own sentence answers, not its items)
        whole = self.asks_whole_procedure(primary.chunk, understanding, kind)
        if (kind == "list" or MATERIALS in aspects or leads_in or whole) and not self.defines_asked(primary.chunk,
                                                                                                   understanding):
            listed = enumeration.group(primary.chunk, self.engine.chunks(primary.chunk.doc_id), score)
            # 要交哪几样材料 asked as a list names the materials aspect as a procedure question does
            listed_materials = kind == "list" and self.procedure.list_of(understanding, MATERIALS)
            materials = MATERIALS in aspects or listed_materials
            if listed is not None and (listed_materials or not (kind == "list" or leads_in or whole)) \
                    and self.not_of_materials(listed, understanding):
                listed = None  # 要带什么 asks what to bring, not for the list of 申领程序 steps the clause is one of
            if kind == "list" and not materials and not (
                    listed is not None and memberships.names_list(enumeration.lead_in_of(listed[1][0]),
                                                                  understanding.normalized)):
                # 紧缺工种都有哪些: the list the question names by its name (本市紧缺工种目录包括以下职业：), when the
                # answering clause's is not it
                found = self.list_named(evidence, understanding, primary)
                if found is not None:
                    primary, listed = found
                    citations = [citation_from_chunk(1, primary.chunk)]
                    region = self.region_label(primary.chunk)
            if listed is None and materials:
                # the answering clause heads no list: a supported clause of a list whose title names what is asked
                # (应当提交以下材料：（一）…（二）… for 要准备哪些材料)
                found = self.titled_list(evidence, understanding, score, primary.chunk.doc_id)
                if found is not None:
                    primary, listed = found
                    citations = [citation_from_chunk(1, primary.chunk)]
                    region = self.region_label(primary.chunk)
            if listed is not None and enumeration.picks_one(primary.chunk, listed[1], self.naming_words(understanding),
                                                            by_lead=kind == "list"):
                listed = None
            elif listed is not None:  # 依托单位场地有什么要求: the items under the one item the question points to
                terms = self.engine.vocabulary().terms(text, [p.surface for p in understanding.places])
                doc_chunks = self.engine.chunks(primary.chunk.doc_id)
                item = enumeration.singled_out(listed[1], terms, doc_chunks)
                nested = enumeration.children(item, doc_chunks) if item is not None else None
                if item is not None and nested is not None:  # the sub-list under the one item pointed to
                    listed = nested
                    primary = primary.with_chunk(item)
                    citations = [citation_from_chunk(1, item)]
        if listed is not None:  # "要交哪些材料": the whole list, each item cited
            parent, items = listed
            shown, texts = enumeration.with_nested(items[: enumeration.MAX_ITEMS],
                                                   self.engine.chunks(primary.chunk.doc_id))
            citations = [citation_from_chunk(i, chunk) for i, chunk in enumerate(shown, start=1)]
            lines.append(compose.list_answer(region, enumeration.title(parent, items), texts, len(items)))
            quotes = [(citation, chunk.text.strip()) for citation, chunk in zip(citations, shown, strict=True)]
            if procedure_lines is not None and self.procedure.named(understanding):
                # 几号之前交？要带什么？: the list, and each other asked step's clause
                others = [a for a in aspects if a != MATERIALS]
                self.add_supplements(primary.chunk, evidence, others, understanding, citations, lines, quotes,
                                     shown=shown)
        elif procedure_lines is not None:
            indices, lead_line, described = procedure_lines
            lines.append(lead_line)
            quotes: list[tuple[Citation, str]] = [(citations[0], selection.quote(primary.chunk.text, indices))]
            if self.procedure.named(understanding) and described:  # each named ask answered by its own clause
                self.add_supplements(primary.chunk, evidence, aspects, understanding, citations, lines, quotes)
            if described:  # asked where to apply, and no quoted clause says: the hotline and the local office
                lines.extend(self.procedure.missing_where(aspects, [q for _, q in quotes]))
        elif verdict is not None and kind == "eligibility":  # the clause stating the condition answers
            citations = [citation_from_chunk(1, condition)]
            lines.append(compose.verdict_line(verdict, self.region_label(condition), 1, words))
            status = "needs_info" if verdict.outcome == "needs_info" else "answered"
            quotes = [(citations[0], selection.quote(condition.text, verdict_indices(condition.text, verdict)))]
        else:
            # 现在改成几次了: the sentence stating the kind of figure asked (累计次数不超过3次), before the first
            states = states_asked_figure(understanding.normalized)
            lead_score = score if states is None else (lambda part: score(part) + (ASKED_FIGURE if states(part)
                                                                                     else 0))
            lead = self.repeat_lead(primary.chunk.text, understanding, kind) or selection.best(primary.chunk.text,
                                                                                                lead_score, 1)
            quotes = [(citations[0], self.with_caps(primary.chunk.text, score, QUOTE_SENTENCES, understanding))]
            answer_line = compose.clause_answer(region, lead, 1)
            # a comparison asking no other point (两边的补贴一样吗) compares what each side pays
            asks_amount = kind == "amount" or (kind == "comparison" and (understanding.has("amount")
                                                                          or not understanding.has("procedure")))
            computes = asks_amount and (verdict is None or verdict.outcome == "eligible")
            # a raise whose condition the asker fails (具有本区户籍的…再增加10元, of one registered elsewhere) is not
            # theirs, and the standard it raises is: that level's standard, worked out for them
            unraised = self.standards.without_raise(primary.chunk, text, understanding, self.stated(understanding)) \
                if asks_amount and verdict is not None and verdict.outcome == "not_eligible" \
                and condition.id == primary.chunk.id else None
            adjusted = self.standards.adjusted(primary.chunk, condition if verdict is not None else None, text,
                                               understanding, regions, self.stated(understanding),
                                               besides=besides) if computes else None
            worked = self.worked(region, primary, evidence, rated) if computes and not adjusted else None
            if worked is not None and self.other_row(primary.chunk, worked[1][0]):
                # another row of the answering row's table worked out (the monthly row, not the one-off row the
                # search put first): a raise of that row's standard applies to it (见习补贴按上表所列标准提高10%)
                raised = self.standards.adjusted(worked[1][0], condition if verdict is not None else None, text,
                                                 understanding, regions, self.stated(understanding), besides=besides)
                adjusted, worked = (raised, None) if raised is not None else (None, worked)
            if computes and adjusted is None and worked is None \
                    and adjustments(primary.chunk, self.standards.levels):
                # a raise the asker's case does not call for (留用率达到60%以上…每人每月增加N元, 1 of 4 kept on):
                # the standard it raises, from a clause of the same document that works out
                primary, worked = self.unraised(primary, evidence, understanding)
                if worked is None and unraised is None:  # no clause found works out: the standard it raises does
                    unraised = self.standards.without_raise(primary.chunk, text, understanding,
                                                            self.stated(understanding))
            if unraised is not None:  # the raise cited for the verdict, the standard it raises worked out
                result, bases = unraised
                new_result = result.result
                rated = list({c.id: c for c in [primary.chunk, *bases]}.values())
                citations = [citation_from_chunk(n, chunk) for n, chunk in enumerate(rated, start=1)]
                quotes = [(citations[0], self.with_caps(primary.chunk.text, score, 1, understanding)),
                          *((c, rate_quote(chunk.text, result.result, score))
                            for c, chunk in zip(citations[1:], rated[1:], strict=True))]
                base_region = self.region_label(rated[-1]) if rated[-1].doc_id != rated[1].doc_id else ""
                answer_line = compose.join(
                    compose.unraised_note(region, judged=verdict is not None and verdict.outcome == "not_eligible"),
                    compose.worked_answer(self.region_label(rated[1]), result.result, 2, result.assumptions,
                                          self.engine.knowledge.answers.worked_out, base_region=base_region,
                                          base_n=len(citations)))
            elif adjusted is not None:  # a rate set against a standard stated elsewhere: both clauses cited
                result, adjustment, base = adjusted.worked, adjusted.adjustment, adjusted.bases[-1]
                new_result = result.result
                rated = list({c.id: c for c in [adjustment.chunk, *adjusted.bases]}.values())
                citations = [citation_from_chunk(n, chunk) for n, chunk in enumerate(rated, start=1)]
                quotes = [(citations[0], self.with_caps(adjustment.chunk.text, score, 1, understanding)),
                          *((c, rate_quote(chunk.text, result.result, score))
                            for c, chunk in zip(citations[1:], rated[1:], strict=True))]
                answer_line = compose.worked_answer(
                    self.region_label(adjustment.chunk), result.result, 1, result.assumptions,
                    self.engine.knowledge.answers.worked_out, phrase=adjustment.phrase,
                    base_region=self.region_label(base) if len(citations) > 1 else "", base_n=len(citations))
                deferring = [compose.deferred_note(self.region_label(chunk), rated.index(chunk) + 1)
                             for chunk in adjusted.deferring if chunk in rated]
                answer_line = compose.join(answer_line, *deferring)
            elif worked is not None:  # the rate worked out with the question's figures (its clause cited)
                answer_line, rated_chunks, rated = worked
                new_result = rated
                citations = [citation_from_chunk(n, chunk) for n, chunk in enumerate(rated_chunks, start=1)]
                quotes = [(c, rate_quote(chunk.text, rated, score))
                          for c, chunk in zip(citations, rated_chunks, strict=True)]
            if verdict is not None:
                cited = next((c.n for c in citations
                              if (c.doc_id, c.clause) == (condition.doc_id, condition.clause_path)), None)
                if cited is None:  # the condition stands in another clause of the same document
                    citations.append(citation_from_chunk(len(citations) + 1, condition))
                    quotes.append((citations[-1], selection.quote(condition.text, verdict_indices(condition.text,
                                                                                                  verdict))))
                    cited = citations[-1].n
                # the condition's own place (a city's relaxed rule judges beside the province's figure)
                verdict_text = compose.verdict_line(verdict, self.region_label(condition), cited, words)
                lines.extend([verdict_text, answer_line] if kind == "eligibility" else [answer_line, verdict_text])
                status = "needs_info" if verdict.outcome == "needs_info" and kind == "eligibility" else status
            else:
                lines.append(answer_line)
        if unmet_raise is not None:  # the raise failed, said after the standard's answer
            raised_verdict, raise_clause = unmet_raise
            citations.append(citation_from_chunk(len(citations) + 1, raise_clause))
            quotes.append((citations[-1], selection.quote(raise_clause.text,
                                                          verdict_indices(raise_clause.text, raised_verdict))))
            lines.append(compose.raise_unmet_line(raised_verdict, self.region_label(raise_clause), citations[-1].n))
        lines.extend(self.validity_notes(primary.chunk.doc_id, older is not None or old_wanted))
        if older is not None:
            old_meta, new_meta = self.engine.meta(older.chunk.doc_id), self.engine.meta(primary.chunk.doc_id)
            if old_meta and new_meta:
                citations.append(citation_from_chunk(len(citations) + 1, older.chunk))
                if now_against_before:  # what it said, in the answer itself
                    lines.append(self.before_now(older.chunk, old_meta, new_meta, citations[-1], new_result,
                                                 understanding, score))
                else:
                    lines.append(compose.earlier_policy_note(old_meta, new_meta, citations[-1]))
                # its words quoted — but a figure the answering clause replaces (an amount, a deadline of its own)
                # only when the question asks about before
                replaced = _terms(older.chunk.text) & _terms(primary.chunk.text)
                if now_against_before or not replaced:
                    quotes.append((citations[-1], selection.best(older.chunk.text, score, QUOTE_SENTENCES)))
                if now_against_before and self.procedure.named(understanding):
                    # each named step as the replaced document had it (审核多久 beside 在哪办), from its own clauses
                    for chunk, found in self.procedure.supplements(older.chunk, [], aspects, understanding):
                        citations.append(citation_from_chunk(len(citations) + 1, chunk))
                        lines.append(f"原规定：{selection.quote(chunk.text, found)}[{citations[-1].n}]")
                        quotes.append((citations[-1], selection.quote(chunk.text, found)))
                self.cite_repeal(new_meta.doc_id, old_meta, citations, lines, quotes)
                if now_against_before:
                    cite_transition(self.engine.chunks(new_meta.doc_id), self.engine.knowledge.answers.transition,
                                    citations, lines, quotes)
        elif old_wanted:
            newer = self.newer_documents(primary.chunk.doc_id)
            if newer:  # a case the replacing document's transitional rule keeps under this one is told so
                kept = transition_from is not None and any(d.doc_id == transition_from for d in newer)
                lines.append(compose.kept_by_transition_note(newer) if kept else compose.replaced_by_note(newer))
                old_meta = self.engine.meta(primary.chunk.doc_id)
                for meta in newer if old_meta else ():
                    self.cite_repeal(meta.doc_id, old_meta, citations, lines, quotes)
                    cite_transition(self.engine.chunks(meta.doc_id), self.engine.knowledge.answers.transition,
                                    citations, lines, quotes)
        elif not named_place:
            other = self.other_region(primary, evidence)
            if other is not None:
                n = len(citations) + 1
                citations.append(citation_from_chunk(n, other.chunk))
                other_lead = selection.best(other.chunk.text, score, 1)
                lines.append("此外，" + compose.clause_answer(self.region_label(other.chunk), other_lead, n))
                quotes.append((citations[-1], selection.best(other.chunk.text, score, QUOTE_SENTENCES)))
        if transition_from is not None:
            cite_transition(self.engine.chunks(transition_from), self.engine.knowledge.answers.transition,
                            citations, lines, quotes)
        own = self.own_terms(primary, text, understanding) if procedure_lines is None and listed is None else None
        if own is not None:  # 符合省定申领条件的，按省定标准享受: the document's own terms on the point follow
            n = len(citations) + 1
            citations.append(citation_from_chunk(n, own))
            lines.append(f"此外，本文件另有规定：{selection.best(own.text, score, 1)}[{n}]")
            quotes.append((citations[-1], selection.best(own.text, score, QUOTE_SENTENCES)))
        if kind in ("procedure", "amount", "eligibility") and procedure_lines is None:
            lines.append(self.procedure.next_steps(primary.chunk, region))
        body = compose.join("\n".join(lines), compose.basis(quotes))
        return Answer(question=question, status=status, answer=body, citations=citations)

    def worked(self, region: str, primary: Evidence, evidence: list[Evidence],
               understanding: Understanding) -> tuple[str, tuple[Chunk, ...], CalculationResult] | None:
        """The clause's own rate worked out with the question's figures, when no verified rule covers the clause: the
        answering clause, or — when it states no amount, or only caps a total the question does not ask about — the
        best supported clause of its document that does, else
        the one item beside it stating a rate (一、补贴对象 … 二、补贴标准。按每招用1人N元…; a cap on a total is no
        rate); for a table, the rows of the categories chosen are the clauses cited."""
        chunks = [primary.chunk]
        replaced = {(old.kind, old.value) for old, _, _ in replacements(primary.chunk.text)}
        if replaced:  # 由按实际缴费额的三分之二补贴调整为…80%: the clause stating the replaced figure is worked out
            # with the new one (its own cap and periods kept)
            based = [e.chunk for e in evidence
                     if e.chunk.doc_id != primary.chunk.doc_id and _sums(e.chunk.text) & replaced]
            base = based[0] if based else self.replaced_base(primary.chunk, replaced, understanding)
            chunks = [base, *chunks] if base is not None else chunks
        # a cap on a total the question does not ask about (每家单位每年…总额不超过N万元) states no rate; a most per
        # head (每人每月补贴最高不超过N元) does
        rateless = not states_amount(primary.chunk.text, money=True) or (
            not self.engine.knowledge.answers.asks_most(understanding.normalized)
            and all(q.bound == "max" and "人" not in q.per for q in find_quantities(primary.chunk.text)
                    if q.kind == "money"))
        if rateless:
            chunks += [e.chunk for e in evidence[:WORKED_DEPTH] if e.chunk.doc_id == primary.chunk.doc_id
                       and e.chunk is not primary.chunk and states_amount(e.chunk.text, money=True)][:1]
        if len(chunks) == 1 and rateless:  # 按第X条所列对应等级标准的N倍 not applying: the standard it names
            chunks += [c for adjustment in adjustments(primary.chunk, self.standards.levels)
                       for c in self.standards.referenced(adjustment) if states_amount(c.text, money=True)][:1]
        if len(chunks) == 1 and rateless:
            parent = enumeration.parent_path(primary.chunk.clause_path)
            beside = [c for c in self.engine.chunks(primary.chunk.doc_id)
                      if c.id != primary.chunk.id and c.kind == "clause"
                      and enumeration.parent_path(c.clause_path) == parent
                      and states_amount(c.text, money=True) and not caps_amount(c.text)]
            chunks += beside if len(beside) == 1 else []
        covered = {(r.doc_id, r.clause_path) for r in self.engine.router.rules}
        for chunk in chunks:
            meta = self.engine.meta(chunk.doc_id)
            if meta is None or (chunk.doc_id, chunk.clause_path) in covered:
                continue
            replacement = replacement_of(chunk, evidence, self.lies_below) or self.raised_where_asked(chunk,
                                                                                                    understanding)
            swap = None
            if replacement is not None:  # worked out with the figure in force where the asker is, never the old one
                saying, old, new, phrase = replacement
                other = self.engine.meta(saying.doc_id)
                if other is None:
                    continue
                swap = Swap(old, new, phrase, other, self.engine.chunks(saying.doc_id), saying.clause_path)
            worked = self.arithmetic.work(meta, self.engine.chunks(chunk.doc_id), chunk.clause_path, understanding,
                                          swap=swap)
            if worked is not None:
                doc_chunks = self.engine.chunks(chunk.doc_id)
                also = StandardResolver.rested_on(worked, chunk, doc_chunks)
                rated = (*StandardResolver.rows(worked, chunk, doc_chunks), *also)
                caveat = self.engine.knowledge.answers.worked_out
                if swap is None:
                    return compose.worked_answer(region, worked.result, 1, worked.assumptions, caveat), rated, \
                        worked.result
                line = compose.worked_answer(self.region_label(saying), worked.result, 1, worked.assumptions, caveat,
                                             phrase=swap.phrase, base_region=self.region_label(chunk), base_n=2)
                return line, (saying, *rated), worked.result
        return None

    def lies_below(self, lower: str, higher: str) -> bool:
        """Document ``lower`` is in force in a place within document ``higher``'s place (a city's under its
        province's)."""
        low, high = self.engine.meta(lower), self.engine.meta(higher)
        if low is None or high is None or not low.region_code or not high.region_code:
            return False
        within = self.engine.retriever.understander.gazetteer.within
        return low.region_code != high.region_code and within(low.region_code, high.region_code)

    def raised_where_asked(self, chunk: Chunk, understanding: Understanding
                           ) -> tuple[Chunk, Quantity, Quantity, str] | None:
        """(the clause saying it, the sum ``chunk`` states, the new one, the phrase) when an in-force document of a
        place the question names, below ``chunk``'s, raises ``chunk``'s standard (``raised_over``) — however little
        else of the question its words share."""
        for meta in self.engine.documents():
            if meta.region not in understanding.regions or meta.status in INACTIVE \
                    or not self.lies_below(meta.doc_id, chunk.doc_id):
                continue
            for other in self.engine.chunks(meta.doc_id):
                raised = raised_over(chunk, other)
                if raised is not None:
                    return (other, *raised)
        return None

    def replaced_base(self, chunk: Chunk, replaced: set[tuple[str, Decimal]], understanding: Understanding
                      ) -> Chunk | None:
        """The clause of a document in force above ``chunk``'s place stating a figure ``chunk`` replaces (the
        province's 按其实际缴费额的三分之二 of a city's 由…三分之二…调整为…80%), found by ``chunk``'s words."""
        meta = self.engine.meta(chunk.doc_id)
        if meta is None or not meta.region_code:
            return None
        within = self.engine.retriever.understander.gazetteer.within
        above = [d.doc_id for d in self.engine.documents() if d.doc_id != chunk.doc_id and d.region_code
                 and d.region_code != meta.region_code and within(meta.region_code, d.region_code)
                 and d.status not in INACTIVE]
        if not above:
            return None
        found = self.finder.find(chunk.text, understanding, regions=None, doc_ids=above, benefit=False)
        return next((e.chunk for e in found if _sums(e.chunk.text) & replaced), None)

    @staticmethod
    def other_row(answering: Chunk, row: Chunk) -> bool:
        """``row`` is another row of the table ``answering`` is a row of."""
        return (answering.kind == row.kind == "table_row" and answering.id != row.id
                and table_of(answering) == table_of(row))

    def unraised(self, primary: Evidence, evidence: list[Evidence], understanding: Understanding):
        """(answering clause, its worked result): the first other clause of the primary's document whose figure
        works out with the question's facts — else, when every raise of the primary is of a higher level's standard
        (在省定标准基础上上浮25%), the first clause of a less local document that does (the province's row for 中级
        of a firm outside the city's catalogue) — else the primary unchanged with no result."""
        def first_working(candidates: list[Evidence]):
            for other in candidates:
                worked = self.worked(self.region_label(other.chunk), other, evidence, understanding)
                if worked is not None:
                    return other, worked
            return None

        own = [e for e in evidence if e.chunk.doc_id == primary.chunk.doc_id and e.chunk.id != primary.chunk.id]
        found = first_working(own)
        if found is not None:
            return found
        meta = self.engine.meta(primary.chunk.doc_id)
        if meta is None or not all(a.reference == "level" for a in adjustments(primary.chunk, self.standards.levels)):
            return primary, None
        wider = [e for e in evidence if (m := self.engine.meta(e.chunk.doc_id)) is not None
                 and locality(m) > locality(meta)]
        return first_working(wider) or (primary, None)

    def beside_raise(self, condition: Chunk, evidence: Sequence[Evidence], text: str, understanding: Understanding
                     ) -> Evidence | None:
        """When ``condition`` only raises a higher level's standard (在省定标准基础上每人提高30%), its condition is
        the raise's, not the benefit's — one failing it may still have the standard, on that level's conditions: the
        best evidence of another document that is no raise, else the clause of the standard it raises. None
        otherwise."""
        if not self.raises_only(condition):
            return None
        found = next((e for e in evidence if e.chunk.doc_id != condition.doc_id and not self.raises_only(e.chunk)),
                     None)
        if found is not None or not evidence:
            return found
        base = self.standards.without_raise(condition, text, understanding, self.stated(understanding))
        return evidence[0].with_chunk(base[1][-1]) if base is not None else None

    def raises_only(self, chunk: Chunk) -> bool:
        """Every adjustment the clause states raises a higher level's standard, and it states one."""
        found = adjustments(chunk, self.standards.levels)
        return bool(found) and all(a.reference == "level" and (a.raises or a.added is not None or a.on_top)
                                   for a in found)

    def find_verdict(self, primary: Evidence, evidence: list[Evidence], understanding: Understanding,
                     regions: list[str] | None = None):
        """A verdict on the user's stated facts from the answering clause, else from another clause of the same
        document that states the condition (conditions often stand in their own article)."""
        specs = self.engine.knowledge.facts.facts
        # a rate said (比例改为N%) claims a rule; it is the asker's own only when they ask whether they qualify
        stated = [s for s in self.stated(understanding)
                  if s.quantity.kind != "percent" or understanding.has("eligibility")]
        same_doc = [e.chunk for e in evidence if e.chunk.doc_id == primary.chunk.doc_id]
        rest = [c for c in self.engine.chunks(primary.chunk.doc_id) if c not in same_doc]
        clauses = [primary.chunk, *same_doc, *rest]
        situations = self.situations(understanding)
        if situations:  # an excluded group the asker belongs to settles it first
            exclusions = self.engine.knowledge.answers.exclusions
            for chunk in clauses:
                check = exclusion_check(chunk.text, situations, exclusions.words, exclusions.leading,
                                        enumeration.lead_in_of(chunk), self.engine.knowledge.answers.condition_chars)
                if check is not None and not self.finder.bars_another_benefit(
                        check.sentence, understanding, self.engine.knowledge.answers.document_nouns):
                    # (领取失业保险金期间的人员不享受培训期间生活费补贴 bars no 职业培训补贴 asked about)
                    return Verdict("not_eligible", [check]), chunk
        home = self.home(understanding)
        if home is not None:  # 我是某县户口 against 非某市户籍: a registration the asker's place fails settles it
            words = self.engine.knowledge.places.residence_words
            gazetteer = self.engine.retriever.understander.gazetteer
            for chunk in clauses:
                if chunk is not primary.chunk and self.finder.about_another_benefit(chunk, understanding):
                    continue  # 具有本市户籍 of a settling-in grant judges no rent allowance asked about
                if self.procedure.described_text(enumeration.lead_in_of(chunk), [MATERIALS]):
                    continue  # 非本市户籍人员另需提供本市居住证: an item of what to bring judges no one
                check = residence_check(chunk.text, words, home, lambda name, c=chunk: self.place_code(name, c),
                                        gazetteer.within)
                if check is not None and check.met is False:
                    return Verdict("not_eligible", [check]), chunk
                if check is not None and chunk is primary.chunk:
                    break  # the answering clause's own registration (具有本区户籍的…) met: another clause's
                    # (非本区户籍人员按市级标准执行) is about other people
        asked = self.standards.asked(understanding)
        local = self.local_verdict(primary.chunk, understanding, stated, asked, regions)
        if local is not None:
            return local
        # the ranks the answering clause itself sets and the asker meets (取得初级工及以上证书的 of a 初级 holder)
        met_here = {c.fact for c in ranked_checks(self.standards.conditions_text(primary.chunk, understanding),
                                                  understanding.facts, specs) if c.met}
        for chunk in clauses:
            if chunk in rest and self.finder.under_another_benefit(chunk, understanding):
                continue  # 见习对象为…16至24岁 under 就业见习补贴 judges no founder asking for a start-up grant
            verdict = self.judge(self.standards.conditions_text(chunk, understanding), understanding, stated, asked)
            if verdict is not None and chunk is not primary.chunk and verdict.outcome == "not_eligible" \
                    and all(c.fact in met_here for c in verdict.checks):
                continue  # 中级工及以上 of another clause's raise is no condition of the answering 初级工及以上
            if verdict is not None and not self.another_tier(chunk, verdict, understanding, stated, asked):
                failed = self.failed_beside(chunk, understanding, stated, asked) if verdict.outcome == "eligible" \
                    else self.relaxed_here(primary.chunk, verdict, evidence, understanding, stated, asked, regions)
                return failed or (verdict, chunk)
        grant_words = self.engine.knowledge.answers.grant_words
        if primary.chunk.kind == "table_row" and any(w in understanding.normalized for w in grant_words):
            # 第A至B名：技师（二级） answers 能晋升技师吗 (never 考了中级工…还能申请吗: that level is the asker's own)
            # the level asked to reach (能晋升技师吗), not one the asker says they hold before it (本来就是高级工)
            asked = granted_asked(understanding.normalized, grant_words, specs) or understanding.facts
            check = row_grants(primary.chunk.text, asked, specs)
            if check is not None:
                return Verdict("eligible", [check]), primary.chunk
        return None, primary.chunk

    def figure_leads_in(self, text: str, ask: str, understanding: Understanding, kind: str) -> bool:
        """A lead-in stating the figure asked for, of what is asked (要正常经营多久 of 取得营业执照并正常经营12个月
        以上的下列人员：): its own sentence answers; the items under it say who, not how long. A period or count when
        the ask is for one (多久, 几个月), else money or a rate, right after words of the ask (签订2年以上劳动合同
        does not answer 能发多久); the lead-in's own sentence, not one before it."""
        if kind == "list" or not understanding.has("quantity"):
            return False
        lead = (sentences(text) or [text])[-1]
        wanted = ("duration", "count", "number") if asks_counted(ask) else ("money", "percent")
        terms = self.engine.vocabulary().terms(ask, [p.surface for p in understanding.places])
        for figure in _figures(lead):
            start, _ = clause_span(lead, figure.start, figure.end)
            before = lead[max(start, figure.start - FIGURE_WORDS) : figure.start]
            before = squeeze(before[before.rfind("、") + 1 :])  # 留用、签订2年: the figure's words start after 、
            if figure.kind in wanted and any(term in before for term in terms):
                return True
        return False

    def judge(self, text: str, understanding: Understanding, stated: list[Stated], asked: str) -> Verdict | None:
        """The verdict ``text`` gives on the asker's facts (verdicts.judge with the facts and asker roles known)."""
        knowledge = self.engine.knowledge
        return judge(text, understanding.facts, knowledge.facts.facts, stated, asked, knowledge.answers.asker_roles)

    def home(self, understanding: Understanding) -> Home | None:
        """Where the asker says their household is registered (我是某县农村户口): a place named in a clause saying a
        registration word (places.yaml: residence_words), with its division code. Said with a negation right before
        it (户口不在某市, 我不是某市户口) or beside a word of elsewhere (外地户口在某市…; places.yaml: elsewhere_words),
        the registration is outside that place; a place said plainly wins. 外地户口 said with no place in its clause
        is outside the one place asked about."""
        places = self.engine.knowledge.places
        gazetteer = self.engine.retriever.understander.gazetteer
        negations = tuple(self.engine.knowledge.facts.negations)
        text = understanding.normalized
        registered = [f"{e}{w}" for e in places.elsewhere_words for w in places.residence_words]
        outside: list[Home] = []
        for mention in gazetteer.scan(text):
            start, end = clause_span(text, mention.start, mention.end)
            if not mention.settled or not any(w in text[start:end] for w in places.residence_words):
                continue
            home = Home(gazetteer.place(mention.candidates[0]).name, mention.candidates[0],
                        text[start:mention.start].rstrip("在是").endswith(negations)
                        or any(r in text[start:end] for r in registered))
            if not home.outside:
                return home
            outside.append(home)
        if outside:
            return outside[0]
        asked = understanding.places[0] if len(understanding.places) == 1 else None
        if asked is not None and asked.code and any(r in text for r in registered):
            return Home(asked.name, asked.code, outside=True)
        return None

    def place_code(self, name: str, chunk: Chunk) -> str | None:
        """The division a clause names right before a registration word: its full name (某市), or the document's
        own place for a local word (本市 of a city's document, 本区 of a district's)."""
        understander = self.engine.retriever.understander
        gazetteer = understander.gazetteer
        level = gazetteer.local_level(name)
        if level is not None:
            own = understander.jurisdiction.region_of(chunk.region)
            if own is None:
                return None
            chain = gazetteer.ancestors(own)
            # the nearest unit named as the word names it (本市 of a county-level city's document is that city, of a
            # district's its city), else the word's level
            return next((p.code for p in chain if p.name.endswith(name[-1])),
                        next((p.code for p in chain if p.level == level), None))
        place = gazetteer.resolve(name, strict=True)
        return place.code if place is not None and place.code != NATION_CODE else None

    def failed_beside(self, chunk: Chunk, understanding: Understanding, stated: list[Stated], asked: str
                      ) -> tuple[Verdict, Chunk] | None:
        """A condition the asker fails in a clause beside the one they meet — under the same heading, on no other
        benefit (（一）留用、签订N年以上劳动合同的… met, （二）申领人员留用时年龄不超过N周岁 failed above it): a
        benefit's conditions often stand in items of their own, and every one must be met."""
        parent = enumeration.parent_path(chunk.clause_path)
        if not parent:
            return None
        met_for = set(self.finder.benefit_names(chunk.text))
        for other in self.engine.chunks(chunk.doc_id):
            if (other.id == chunk.id or other.kind == "table_row"
                    or enumeration.parent_path(other.clause_path) != parent):
                continue
            if self.finder.about_another_benefit(other, understanding) \
                    and not met_for & set(self.finder.benefit_names(other.text)):
                continue  # another benefit's condition (not the one the met clause grants)
            verdict = self.judge(self.standards.conditions_text(other, understanding), understanding, stated, asked)
            if verdict is not None and verdict.outcome == "not_eligible":
                return verdict, other
        return None

    def another_tier(self, chunk: Chunk, verdict: Verdict, understanding: Understanding, stated: list[Stated],
                     asked: str) -> bool:
        """The row of a table the asker fails while another row of the same table takes them in (高级工及以上：400元
        for the holder of a 中级 certificate, whose row is 中级工：300元): a tier, not a condition of the benefit."""
        if chunk.kind != "table_row" or verdict.outcome != "not_eligible":
            return False
        table = chunk.clause_path.rsplit(" ", 1)[0] + " "
        rows = [c for c in self.engine.chunks(chunk.doc_id)
                if c.kind == "table_row" and c.id != chunk.id and c.clause_path.startswith(table)]
        said = stated_categories(understanding)

        def takes_in(row: Chunk) -> bool:  # met, or naming the asker's category (中级) and failing nothing
            other = self.judge(row.text, understanding, stated, asked)
            if other is not None:
                return other.outcome == "eligible"
            return any(value in row.text for value in said)

        return any(takes_in(row) for row in rows)

    def before_now(self, old: Chunk, old_meta: DocumentMeta, new_meta: DocumentMeta, citation: Citation,
                   new_result: CalculationResult | None, understanding: Understanding,
                   score: Callable[[str], float]) -> str:
        """以前…现在…: what the replaced document said on the point — its figure worked out with the question's facts
        when the answer computed one, with the difference when asked (涨了多少) — and which document now applies."""
        said = selection.best(old.text, score, 1)
        change = ""
        if new_result is not None and new_result.amount is not None:
            worked = self.arithmetic.work(old_meta, self.engine.chunks(old.doc_id), old.clause_path, understanding)
            if worked is not None and worked.result.amount is not None:
                before, now = worked.result.amount, new_result.amount
                said = f"按原规定计算为{yuan(before)}（{'；'.join(worked.result.trace)}）"
                words = self.engine.knowledge.answers.difference_words
                if before != now and any(w in understanding.normalized for w in words):
                    change = f"现行标准比原规定{'增加' if now > before else '减少'}{yuan(abs(now - before))}。"
        return compose.before_now_note(old_meta, new_meta, citation, said, change)

    def local_verdict(self, primary: Chunk, understanding: Understanding, stated: list[Stated], asked: str,
                      regions: list[str] | None = None) -> tuple[Verdict, Chunk] | None:
        """A verdict from a more local in-force document of the asker's place than the answering one, on a
        condition it sets for a case the question names (重点企业…出勤率要求由A%放宽至B% for a question naming one
        of the firms 重点企业 is defined as): the place's own rule overrides its parent's for that case. ``regions``:
        the places this part of the question applies (one of two compared), else the question's."""
        chars = self.engine.knowledge.answers.condition_chars
        for doc in self.more_local(primary, understanding, regions):
            names = self.engine.defined_names(doc.doc_id)
            for chunk in self.engine.chunks(doc.doc_id):
                verdict = self.judge(chunk.text, understanding, stated, asked)
                if verdict is None or not verdict.checks:
                    continue
                check = verdict.checks[0]
                subject = spelt_out(check.sentence[: check.cue_at], names)
                if names_condition(subject, understanding.normalized, chars, primary.text):
                    return verdict, chunk
        return None

    def more_local(self, primary: Chunk, understanding: Understanding, regions: list[str] | None
                   ) -> list[DocumentMeta]:
        """The in-force documents of the asker's place more local than the answering clause's (``regions``: the
        places this part of the question applies, else the question's)."""
        meta = self.engine.meta(primary.doc_id)
        if meta is None:
            return []
        own = [r for r in (regions if regions is not None else understanding.local_regions) if r != NATIONAL_REGION]
        return [d for d in self.engine.documents() if d.region in own and d.doc_id != primary.doc_id
                and not d.superseded_by and locality(d) < locality(meta)]

    def relaxed_here(self, primary: Chunk, failed: Verdict, evidence: list[Evidence], understanding: Understanding,
                     stated: list[Stated], asked: str, regions: list[str] | None) -> tuple[Verdict, Chunk] | None:
        """A clause of a more local document of the asker's place — one found for the question, else one paying a
        share of a higher level's standard — that accepts what the answering document's condition failed (累计缴纳失业
        保险费满6个月不满12个月…按省定标准的50%给予补贴 where the province asks 12个月以上 of a 10-month payer) and
        grants no other benefit than the answering clause: the place's own rule for the case, its verdict the asker's.
        None when no such clause judges every failed fact and finds all it checks met."""
        failing = {check.fact for check in failed.checks if not check.met}
        local = [d.doc_id for d in self.more_local(primary, understanding, regions)]
        found = [e.chunk for e in evidence if e.chunk.doc_id in local]
        # not found for the question: only a clause paying its rate as a share of a higher level's standard
        rest = [c for doc_id in local for c in self.engine.chunks(doc_id) if c not in found
                and any(a.reference == "level" for a in adjustments(c, self.standards.levels))]
        for chunk in (c for c in [*found, *rest] if not self.finder.grant_another(c, primary)):
            verdict = self.judge(self.standards.conditions_text(chunk, understanding), understanding, stated, asked)
            if verdict is not None and verdict.outcome == "eligible" and failing <= {c.fact for c in verdict.checks}:
                return verdict, chunk
        return None

    def situations(self, understanding: Understanding) -> list[tuple[str, list[str]]]:
        """Who the asker says they are (在事业单位上班 → 事业单位; 正在领失业金 → 领失业金, also as 领失业保险金), each
        with its content terms: places and quantifiers left out."""
        patterns = self.engine.knowledge.answers.exclusions.situations
        if not patterns:
            return []
        vocabulary = self.engine.vocabulary()
        places = [p.surface for p in understanding.places]
        found: list[tuple[str, list[str]]] = []
        for pattern in patterns:
            for match in re.finditer(pattern, understanding.normalized):
                said = match.group("x")
                variants = [said] + [said.replace(trigger, term) for rule in self.engine.knowledge.synonyms
                                     for trigger in rule.triggers if trigger in said for term in rule.terms]
                for variant in variants:
                    terms = [t for t in vocabulary.terms(variant, places) if not QUANTIFIER.fullmatch(t)]
                    if terms:
                        found.append((said, terms))
        return found

    @staticmethod
    def naming_words(understanding: Understanding) -> list[str]:
        """Words of the question that can single out one row or item: its places (as written, their chain and stems)
        and the categories it states (中级, 焊工)."""
        words = {p.surface for p in understanding.places} | {n for p in understanding.places for n in p.chain}
        words |= {n.rstrip("省市区县") for n in words}
        words |= {v for v in understanding.facts.values() if isinstance(v, str)}
        return sorted(words)

    def stated(self, understanding: Understanding) -> list[Stated]:
        """Each quantity of the question with the content words right around it in its phrase (places and numbers
        left out; in 企业新型学徒制高级工一年 the year is not the 企业's), their synonyms' formal terms counted
        (营收 → 营业收入)."""
        vocabulary = self.engine.vocabulary()
        text = understanding.normalized
        places = [p.surface for p in understanding.places]
        elapsed = self.engine.knowledge.answers.elapsed
        found: list[Stated] = []
        for quantity in understanding.quantities:
            # where it is said (the same figure said twice, 招了2个…期满2个都留下了, is two statements)
            at = quantity.start if text.startswith(quantity.raw, quantity.start) else text.find(quantity.raw)
            if at < 0 or one_off(quantity, text[at + len(quantity.raw) :]):
                continue
            if quantity.kind == "age" and quantity.bound is not None:
                continue  # 招一个16岁到24岁之间的: whom, said as a range, is no one's age
            start, phrase = phrase_around(text, at, at + len(quantity.raw))
            if quantity.kind == "count" and quantity.value == 1 \
                    and AMOUNT_ASKED.search(phrase, at - start + len(quantity.raw)):
                continue  # 一个普通见习生每月能拿多少: the one an amount is asked per, no count stated
            # a question's 、 parts state facts apart (签了一年以上合同、社保交满3个月): the quantity's own part
            left = phrase.rfind("、", 0, at - start) + 1
            right = phrase.find("、", at - start + len(quantity.raw))
            start, phrase = start + left, phrase[left : right if right >= 0 else len(phrase)]
            near = text[max(start, at - STATED_NEAR) : min(start + len(phrase), at + len(quantity.raw) + STATED_NEAR)]
            words = [w for w in vocabulary.terms(near.replace(quantity.raw, " "), places)
                     if not any(ch.isdigit() for ch in w)]
            words += [term for rule in self.engine.knowledge.synonyms if any(t in near for t in rule.triggers)
                      for term in rule.terms if len(term) >= 2]
            gone_by = (any(text[:at].endswith(word) for word in elapsed.before)
                       or any(text.startswith(word, at + len(quantity.raw)) for word in elapsed.after))
            found.append(Stated(quantity, tuple(dict.fromkeys(words)), elapsed=gone_by))
        return found + shares_of_counts(found, text, self.engine.knowledge.answers.all_words)

    def cite_repeal(self, new_doc_id: str, old: DocumentMeta, citations: list[Citation], lines: list[str],
                    quotes: list[tuple[Citation, str]]) -> None:
        """The newer document's own words that it replaces the older one (原《…》（…号）同时废止), cited: the clause
        the metadata reader took its ``supersedes`` from (``ingest.validity.repealed``)."""
        chunk = next((c for c in self.engine.chunks(new_doc_id) if compose.names_document(repealed(c.text), old)),
                     None)
        if chunk is None or any((c.doc_id, c.clause) == (chunk.doc_id, chunk.clause_path) for c in citations):
            return
        citations.append(citation_from_chunk(len(citations) + 1, chunk))
        sentence = next((part for part in sentences(chunk.text) if compose.names_document(repealed(part), old)),
                        chunk.text)
        lines.append(f"新文件的规定：{sentence.strip()}[{citations[-1].n}]")
        quotes.append((citations[-1], sentence.strip()))

    def validity_notes(self, doc_id: str, mentioned: bool) -> list[str]:
        """An answer from a replaced or expired document says so (unless the older/newer pair is already named)."""
        meta = self.engine.meta(doc_id)
        if meta is None:
            return []
        notes = []
        newer = self.newer_documents(doc_id)
        if newer and not mentioned:
            notes.append(compose.replaced_by_note(newer, meta))
        if meta.status == "expired":
            notes.append(compose.expired_note(meta))
        return notes

    def prefer_newer(self, evidence: list[Evidence]) -> tuple[Evidence, Evidence | None]:
        """Answer from the newer document when an older one of the same region covers the same point.

        "The same point" = both clauses support the question about equally well (coverage within 5%)."""
        primary = evidence[0]
        same_point = [e for e in evidence if e.coverage >= SAME_POINT * primary.coverage]
        meta = self.engine.meta(primary.chunk.doc_id)
        if meta and meta.superseded_by:
            newer = next((e for e in same_point if e.chunk.doc_id in meta.superseded_by), None)
            if newer is not None:
                return newer, primary
        older = next(
            (e for e in same_point
             if (m := self.engine.meta(e.chunk.doc_id)) and primary.chunk.doc_id in m.superseded_by),
            None,
        )
        return primary, older

    def sets_now_against_before(self, understanding: Understanding) -> bool:
        """以前的方案呢 / 现在还是50%吗 / 以前每年补5500，现在呢: an earlier policy named, or a current-policy question
        quoting a figure the asker remembers (an amount, a rate, a bare number; any figure they say they heard: 听说要
        N岁以下, 同事说N天内) — not 按现行政策 alone."""
        if understanding.has("old_policy"):
            return True
        heard = any(w in understanding.normalized for w in self.engine.knowledge.answers.hearsay_words)
        remembered = any(q.kind in ("money", "percent", "number") or heard for q in understanding.quantities)
        return understanding.has("current_policy") and remembered

    def counterpart(
        self, primary: Evidence, text: str, understanding: Understanding, aspects: Sequence[str] = (),
        *, amount: bool = False, alike: bool = False,
    ) -> tuple[Evidence, Evidence | None]:
        """(answering clause, older clause) for a question setting now against before (现在还是50%吗, 以前的方案呢):
        the same point searched in the document that replaced the answering one (which then answers), or in the one
        it replaced — retrieval over the whole library ranks only one of a pair that words a point alike. For a
        procedure question, the clause describing the asked aspects best (审核要多久: the one with its time limit); for
        an amount the replaced clause states, the replacing document's clause stating one, found by its words.
        ``alike``: the question's words matched the clause naming both documents better than any point, so the older
        document's clause on the point is searched in the answering clause's words first."""
        doc_id = primary.chunk.doc_id
        said = compose.unlabelled(primary.chunk.text)  # its words, not its number (第九条)
        newer = [d.doc_id for d in self.newer_documents(doc_id)]
        if newer:
            found = self.finder.find(text, understanding, regions=None, doc_ids=newer)
            if aspects:  # the newer document's clause on the same step, searched in the answering clause's words
                found = joined(found, self.finder.find(said, understanding, regions=None,
                                                       doc_ids=newer, benefit=False))
            elif not amount:  # the same point worded alike (正常经营N个月以上 → M个月以上), naming the benefit or not
                found = joined(self.finder.find(said, understanding, regions=None, doc_ids=newer,
                                                benefit=False, strict=True), found)
            found = self._on_aspects(found, aspects, understanding)
            figure = self.figure_in(said, understanding, newer, benefit=False) if amount and \
                states_amount(primary.chunk.text, money=True) else None  # searched in the replaced clause's words
            found = [figure, *found] if figure is not None else found
            return (found[0], primary) if found else (primary, None)
        older = [d.doc_id for d in self.engine.documents() if doc_id in d.superseded_by]
        if older:
            found = self.finder.find(text, understanding, regions=None, doc_ids=older)
            if alike and not aspects:
                found = joined(self.finder.find(said, understanding, regions=None, doc_ids=older,
                                                benefit=False, strict=True), found)
            if aspects:  # the older document's clause on the same step, searched in the answering clause's words
                found = joined(found, self.finder.find(said, understanding, regions=None,
                                                       doc_ids=older, benefit=False))
            found = self._on_aspects(found, aspects, understanding)
            return (primary, found[0]) if found else (primary, None)
        return primary, None

    def _on_aspects(self, found: list[Evidence], aspects: Sequence[str], understanding: Understanding
                    ) -> list[Evidence]:
        return self.procedure.rank(found, list(aspects), understanding) if aspects and found else found

    def older_figure(self, primary: Evidence, older: Evidence, text: str, understanding: Understanding) -> Evidence:
        """For an amount answered with a figure, the older document's clause stating one on the point (中级工每人补贴
        N元), not another of its clauses the question matched as well (自某年某月某日起取得…证书)."""
        if not states_amount(primary.chunk.text, money=True) or states_amount(older.chunk.text, money=True):
            return older
        return self.figure_in(text, understanding, [older.chunk.doc_id]) or older

    def figure_in(self, text: str, understanding: Understanding, doc_ids: list[str], *, benefit: bool = True
                  ) -> Evidence | None:
        """The best supported clause of ``doc_ids`` stating a sum of money, searched as ``text``; None if none."""
        found = self.finder.find(text, understanding, regions=None, doc_ids=doc_ids, amount=True, benefit=benefit)
        return next((e for e in found if states_amount(e.chunk.text, money=True)), None)

    def prefer_older(self, evidence: list[Evidence]) -> Evidence:
        """"老文件是怎么规定的": the best supported clause of a document a newer one replaced, if any."""
        return next((e for e in evidence if self.newer_documents(e.chunk.doc_id)), evidence[0])

    def relates_documents(self, chunk: Chunk) -> bool:
        """The clause says how its document stands to an earlier one: repeals it (原《…》同时废止) or how cases begun
        under it are handled (本办法施行前…按原规定执行)."""
        transition = self.engine.knowledge.answers.transition
        return bool(repealed(chunk.text)) or transition_of([chunk], transition) is not None

    def on_the_point(self, primary: Evidence, text: str, understanding: Understanding,
                     evidence: Sequence[Evidence], aspects: Sequence[str] = ()) -> Evidence | None:
        """The clause of the primary's document saying the point asked, not how it stands to another document: of
        its clauses among the evidence and those a search in that document alone finds, the one saying most of the
        question's words (the evidence's first may be its opening, matched by the documents' names alone) — for a
        procedure question, the one describing the asked aspects best; None when none supports the question."""
        doc_id = primary.chunk.doc_id
        found = [e for e in evidence if e.chunk.doc_id == doc_id] \
            + self.finder.find(text, understanding, regions=None, doc_ids=[doc_id])
        found = [e for e in found if not self.relates_documents(e.chunk)]
        if aspects:
            return next(iter(self._on_aspects(found, aspects, understanding)), None)
        vocabulary = self.engine.vocabulary()
        terms = vocabulary.terms(text, [p.surface for p in understanding.places])
        return max(found, key=lambda e: vocabulary.term_score(terms, e.chunk.text), default=None)

    def repealed_here(self, doc_id: str) -> bool:
        """A document of the library repeals this one in so many words (原《…》同时废止)."""
        meta = self.engine.meta(doc_id)
        return meta is not None and any(compose.repeals(newer, meta) for newer in self.newer_documents(doc_id))

    def newer_documents(self, doc_id: str) -> list:
        meta = self.engine.meta(doc_id)
        if meta is None:
            return []
        return [d for d in self.engine.documents() if d.doc_id in meta.superseded_by]

    def repeat_lead(self, text: str, understanding: Understanding, kind: str) -> str:
        """A question asking whether the benefit may be had again (还能再领吗) is answered by every sentence of the
        clause limiting how often (同一等级只能享受一次 and 已取得较高等级证书后…不予补贴 both); "" when it asks
        nothing of the kind or the clause says no limit."""
        repeats = self.engine.knowledge.answers.repeats
        if kind not in ("eligibility", "list") or not repeats.asks(understanding.normalized):
            return ""
        return selection.quote(text, selection.matching(text, repeats.words))

    def add_supplements(self, primary: Chunk, evidence: list[Evidence], aspects: list[str],
                        understanding: Understanding, citations: list[Citation], lines: list[str],
                        quotes: list[tuple[Citation, str]], shown: Sequence[Chunk] = ()) -> None:
        """Each asked aspect the answering clause leaves unsaid, from the clause of its document that says it, cited
        after the others (not one of the ``shown`` list's items)."""
        for chunk, found in self.procedure.supplements(primary, evidence, aspects, understanding):
            if any(chunk.id == c.id for c in shown):
                continue
            citations.append(citation_from_chunk(len(citations) + 1, chunk))
            quote = selection.quote(chunk.text, found)
            lines.append(f"{compose.unlabelled(quote)}[{citations[-1].n}]")
            quotes.append((citations[-1], quote))

    def defines_asked(self, chunk: Chunk, understanding: Understanding) -> bool:
        """The clause defines a name the question asks what it covers (本办法所称就业困难人员，是指…, of 哪几类人算
        就业困难人员): it answers alone, whatever list its siblings make."""
        answers = self.engine.knowledge.answers
        return any(f"{DEFINING}{name}" in chunk.text and what in chunk.text
                   and answers.asks_defined(understanding.normalized, name)
                   for name, what in self.engine.defined_names(chunk.doc_id).items())

    def list_named(self, evidence: Sequence[Evidence], understanding: Understanding, primary: Evidence
                   ) -> tuple[Evidence, tuple[str, list[Chunk]]] | None:
        """The first list of the evidence's documents (the answering one's first) whose lead-in names it by a name
        the question says (``memberships.named_lists``), with its first item as the answering clause."""
        documents = dict.fromkeys([primary.chunk.doc_id, *(e.chunk.doc_id for e in evidence)])
        found = next((named for doc_id in documents
                      for named in memberships.named_lists(self.engine.chunks(doc_id), understanding.normalized)), None)
        if found is None:
            return None
        return primary.with_chunk(found[1][0]), found

    def titled_list(self, evidence: list[Evidence], understanding: Understanding, score: Callable[[str], float],
                    answering: str) -> tuple[Evidence, tuple[str, list[Chunk]]] | None:
        """The first supported clause that belongs to a list whose title says what the question asks for in the
        materials aspect's words (材料 of 要准备哪些材料) — the ``answering`` document's own first; not a clause about
        another benefit than the one asked, nor one of a replaced document when the answering one is in force (the
        materials of the notice it repealed are not what to bring now)."""
        words = [w for w in self.engine.knowledge.answers.aspects[MATERIALS].asked
                 if len(w) >= 2 and w in understanding.normalized]
        current = not self.newer_documents(answering)
        for item in sorted(evidence[1:], key=lambda e: e.chunk.doc_id != answering):
            if self.procedure.aside(item.chunk, understanding) or (current and self.newer_documents(item.chunk.doc_id)):
                continue
            found = enumeration.group(item.chunk, self.engine.chunks(item.chunk.doc_id), score)
            if found is not None and any(w in enumeration.title(*found) for w in words):
                return item, found
        return None

    def not_of_materials(self, listed: tuple[Chunk, list[Chunk]], understanding: Understanding) -> bool:
        """A list shown for the materials aspect is no list of materials when its title does not say the aspect's
        words (申请材料, 提供以下): 审核和资金拨付's items say 社会保障卡 of where money goes, not what to bring. When
        the question names the aspect (要带什么), an untitled list still counts; a titled one (三、申领程序: its steps,
        one of them the answering clause) does not."""
        title = enumeration.title(*listed)
        if MATERIALS in self.procedure.named(understanding) and not title:
            return False
        # the title, or the lead-in clause the items stand under (见习补贴按季度申领。…提交下列材料：)
        parent, items = listed
        lead = next((c.text for c in self.engine.chunks(items[0].doc_id) if c.clause_path == parent), "") \
            if items else ""
        return not self.procedure.described_text(f"{title} {lead}", [MATERIALS])

    def asks_whole_procedure(self, chunk: Chunk, understanding: Understanding, kind: str) -> bool:
        """流程是怎样的 answered from one step of a procedure section (四、申报程序（一）…（三）): the whole section."""
        answers = self.engine.knowledge.answers
        if kind != "procedure" or not any(w in understanding.normalized for w in answers.whole_procedure):
            return False
        return any(w in heading for heading in chunk.heading_path for w in answers.procedure_headings)

    def own_terms(self, primary: Evidence, text: str, understanding: Understanding) -> Chunk | None:
        """When the answering clause only defers to a higher level's rule (符合省定申领条件的，按省定标准享受 — a
        level word of ``answers.yaml: standard_levels`` and no figure of its own), the best supported clause of the
        same document that states a figure on the point (the benefit's name not required): what it adds."""
        body = primary.chunk.text
        levels = [w for words in self.engine.knowledge.answers.standard_levels.values() for w in words]
        if _figures(body) or not any(word in body for word in levels):
            return None
        vocabulary = self.engine.vocabulary()
        terms = vocabulary.terms(text, [p.surface for p in understanding.places])
        scored = [(vocabulary.coverage(terms, chunk), chunk) for chunk in self.engine.chunks(primary.chunk.doc_id)
                  if chunk.id != primary.chunk.id and _figures(chunk.text)]
        best = max(scored, key=lambda pair: pair[0], default=None)
        if best is None or best[0] < OWN_TERMS_SHARE * primary.coverage:
            return None
        return best[1]

    @staticmethod
    def other_region(primary: Evidence, evidence: list[Evidence]) -> Evidence | None:
        """The best clause of another region when the question named none and both regions regulate the point."""
        for item in evidence:
            if item.chunk.region not in (primary.chunk.region, NATIONAL_REGION) and \
                    item.coverage >= OTHER_REGION_SHARE * primary.coverage:
                return item
        return None

    def region_label(self, chunk: Chunk) -> str:
        meta = self.engine.meta(chunk.doc_id)
        number = chunk.doc_number or (f"{meta.year}年文件" if meta and meta.year else "")
        region = compose.region_phrase(chunk.region)
        return f"{region}（{number}）" if number else region
