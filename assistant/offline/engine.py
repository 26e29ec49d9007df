"""The offline answer engine (default): deterministic, no LLM, no network.

Order of decisions for one (resolved) question:
1. out of scope (公积金, 个税, a "2024年新政策" the corpus cannot have) → ``not_found`` with what the corpus covers;
2. a topic with calculators (技能提升补贴, 学徒制…) asked for a region whose documents do not regulate it →
   ``not_found`` naming the region that does — without its numbers (jurisdiction is never borrowed);
3. the matching calculator or eligibility check when the question gives facts (asking for missing ones);
4. otherwise the best supported clause(s) from retrieval, restricted to the named region (+ national).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from assistant.calculators import CalculationResult, registry, run_calculator
from assistant.citations import best_sentences, citation_from_chunk, citation_from_clause, doc_label, sentences
from assistant.conversation import ResolvedQuestion, remember, resolve
from assistant.errorlog import log_internal_error, user_message_for
from assistant.models import Answer, Citation, Conversation, ToolCall
from assistant.offline import compose
from assistant.offline.support import SUPPORT_THRESHOLD, CorpusVocabulary, squeeze
from assistant.offline.topics import Topic, detect_topic, question_kind
from assistant.understanding import KNOWN_PLACES, NATIONAL_REGION, RegionMention, detect_regions
from assistant.validation import MAX_QUESTION_CHARS, validate_question
from ingest.errors import UserInputError
from ingest.models import STATUS_LABELS, Chunk, DocumentMeta
from retriever.expansion import bundled_rules
from retriever.lexical import ChineseTokenizer
from retriever.models import SearchFilters, SearchHit
from retriever.protocols import Retriever

PERSONAL_RE = re.compile(r"我|俺|本人|咱|孩子|自家|自己")
OUT_OF_SCOPE_RE = re.compile(
    r"公积金|个税|个人所得税|专项附加扣除|积分落户|养老金|医保|医疗保险|失业保险金|失业金|社保卡|驾照|驾驶证|复审|年审|"
    r"退休金|最低工资|房贷|车贷"
)
NEW_POLICY_RE = re.compile(r"(?<!到)(20\d\d)年.{0,6}(新出|出台|新政策|最新|发布|新的政策|新规)")
BASIS_RE = re.compile(r"(依据|根据|照着|按照).{0,12}(哪个|什么)文件|是照着|文件出的|哪个文件发的|文号")
OLD_DOC_RE = re.compile(r"老文件|旧文件|老政策|旧政策|原来的|以前的|早先|0[0-9]年|200[0-9]年")
STATUS_QUESTION_RE = re.compile(r"还有效|有效吗|废止|失效|作废|还执行|还按")
CHOICE_RE = re.compile(r"还是")
BENEFIT_RE = re.compile(r"补贴|补助|资助|奖励|奖金|津贴")
# Calculators that take one level and a headcount; a question with several levels runs them once per level.
LEVEL_FIELD, HEADCOUNT_FIELD = "apprentice_level", "apprentices"
NOTHING_RELEVANT = "本库收录的政策文件中没有与该问题相关的规定。"
NUMERIC_FACTS = frozenset({
    "unemployment_insurance_months", "actual_cost", "apprentices", "years", "payroll_total", "salary_total",
    "education_expense", "studios", "years_in_beijing",
})
# Facts a general ("what is the standard") question may assume, stated in the answer.
ASSUMPTIONS: dict[str, dict[str, tuple[Any, str]]] = {
    "sjz_skill_upgrade_subsidy": {"unemployment_insurance_months": (12, "按累计缴纳失业保险费满12个月计")},
    "sjz_apprenticeship_subsidy": {"apprentices": (1, "按每名学徒计"), "years": (1, "按培训1年计")},
}
NUMBER_IN_TEXT = re.compile(r"\d|[一二两三四五六七八九十百千万]+(?:元|人|个|名|家|年|次|%|倍)")
TOP_K = 8
FIRST_HIT_THRESHOLD = 0.3
AGREEING_RANK = 2
QUOTE_SENTENCES = 3
PLACE_ROW_BONUS = 0.2
SAME_POINT = 0.95


class OfflineEngine:
    """Deterministic answers: calculators for amounts and eligibility, quoted clauses for everything else."""

    name = "offline"

    def __init__(
        self, retriever: Retriever, *, max_question_chars: int = MAX_QUESTION_CHARS, log_dir: Path | None = None
    ) -> None:
        self.retriever = retriever
        self.max_question_chars = max_question_chars
        self.log_dir = log_dir
        self._documents: list[DocumentMeta] | None = None
        self._corpus_key: tuple[tuple[str, str], ...] | None = None
        self._chunks: dict[str, list[Chunk]] = {}
        self._vocabulary: CorpusVocabulary | None = None

    # ------------------------------------------------------------------------------------------ protocol

    def answer(self, question: str, conversation: Conversation | None = None) -> Answer:
        try:
            cleaned = validate_question(question, max_chars=self.max_question_chars)
        except UserInputError as error:
            return Answer(question=str(question)[:200], status="rejected", answer=error.zh, engine="offline")
        try:
            self.refresh()
            resolved = resolve(cleaned, conversation, self.documents())
            answer = self.respond(resolved)
        except UserInputError as error:
            return Answer(question=cleaned, status="rejected", answer=error.zh, engine="offline")
        except Exception as exc:  # never raise to the user: log with an id they can quote
            error_id = log_internal_error(exc, log_dir=self.log_dir, question=cleaned, engine="offline")
            return Answer(question=cleaned, status="not_found", answer=user_message_for(error_id), error_id=error_id)
        remember(conversation, resolved, answer)
        return answer

    def stream(self, question: str, conversation: Conversation | None = None) -> Iterator[str | Answer]:
        answer = self.answer(question, conversation)
        yield from answer.answer.splitlines(keepends=True)
        yield answer

    # ------------------------------------------------------------------------------------------ corpus

    def refresh(self) -> None:
        """Drop the corpus caches when the index now holds other documents (an ingest since the last question):
        the retriever follows a new index generation by itself, and our documents/vocabulary must match it."""
        documents = list(self.retriever.documents())
        key = tuple((d.doc_id, d.source_sha256) for d in documents)
        if key != self._corpus_key:
            self._documents, self._corpus_key, self._chunks, self._vocabulary = documents, key, {}, None

    def documents(self) -> list[DocumentMeta]:
        if self._documents is None:
            self.refresh()
        assert self._documents is not None
        return self._documents

    def chunks(self, doc_id: str) -> list[Chunk]:
        if doc_id not in self._chunks:
            self._chunks[doc_id] = list(self.retriever.chunks_of(doc_id))
        return self._chunks[doc_id]

    def vocabulary(self) -> CorpusVocabulary:
        if self._vocabulary is None:
            documents = self.documents()
            places = [
                *KNOWN_PLACES,
                *(n for d in documents if d.region != NATIONAL_REGION for n in (d.region, *d.aliases) if len(n) >= 2),
            ]
            chunks = [chunk for meta in documents for chunk in self.chunks(meta.doc_id)]
            self._vocabulary = CorpusVocabulary(chunks, ChineseTokenizer(), places, bundled_rules())
        return self._vocabulary

    def meta(self, doc_id: str) -> DocumentMeta | None:
        return next((d for d in self.documents() if d.doc_id == doc_id), None)

    # ------------------------------------------------------------------------------------------ decisions

    def respond(self, resolved: ResolvedQuestion) -> Answer:
        text = resolved.text
        documents = self.documents()
        mention = detect_regions(text, documents)
        topic = detect_topic(text)
        if self._asks_newer_policy(text):
            return self._not_found(resolved, NOTHING_RELEVANT)
        outside = OUT_OF_SCOPE_RE.search(text)
        if outside:  # usually another field (公积金, 医保) — unless a clause of the asked region uses the very word
            answer = self._from_clauses(resolved, mention, required_word=outside.group(0))
            return answer if answer.status == "answered" else self._not_found(resolved, NOTHING_RELEVANT)
        local = [r for r in mention.regions if r != NATIONAL_REGION]
        if mention.unknown and not local and topic is not None and topic.calculators:
            elsewhere = [m for m in documents if m.region in topic.calculators and m.status != "superseded"]
            return self._not_found(resolved, compose.uncovered_place_reason(mention.unknown, topic.title, elsewhere))
        status_answer = self._document_status(resolved, mention)
        if status_answer is not None:
            return status_answer
        if topic is not None and topic.calculators:
            routed = self._by_topic(resolved, topic, mention)
            if routed is not None:
                return routed
        return self._from_clauses(resolved, mention)

    def _asks_newer_policy(self, text: str) -> bool:
        latest = max((d.year for d in self.documents() if d.year), default=0)
        return any(int(match.group(1)) > latest for match in NEW_POLICY_RE.finditer(text))

    def _by_topic(self, resolved: ResolvedQuestion, topic: Topic, mention: RegionMention) -> Answer | None:
        text = resolved.text
        kind = question_kind(text)
        personal = bool(PERSONAL_RE.search(text))
        asked = [r for r in mention.regions if r != NATIONAL_REGION]
        if asked and not any(r in topic.calculators for r in asked):
            if kind != "amount" and (local := self._local_clause_answer(resolved, mention, asked)) is not None:
                return local  # the asked region's own document answers it (another subsidy, another route)
            if kind in ("amount", "eligibility") or personal:
                elsewhere = [m for m in self.documents() if m.region in topic.calculators and m.status != "superseded"]
                reason = compose.cross_region_reason(asked, topic.title, elsewhere)
                return self._not_found(resolved, reason)
            return None
        regions = [r for r in asked if r in topic.calculators] or list(topic.calculators)
        if len(regions) > 1:
            return None  # several regions regulate it: the clause path labels each region
        region = regions[0]
        spec = registry()[topic.calculators[region]]
        relevant = {k: v for k, v in resolved.facts.items() if k in spec.input_model.model_fields}
        if not asked and personal and relevant:
            docs = [m for m in self.documents() if m.region in topic.calculators and m.status != "superseded"]
            return Answer(question=resolved.question, status="needs_info", answer=compose.ask_region(topic.title, docs))
        by_level = resolved.facts.get("apprentices_by_level") or {}
        if by_level and {LEVEL_FIELD, HEADCOUNT_FIELD} <= spec.input_model.model_fields.keys():
            return self._calculate_by_level(resolved, spec.name, relevant, by_level, assume=not personal)
        if not relevant:
            return None
        numeric = bool(NUMERIC_FACTS & relevant.keys())
        if personal or (numeric and not CHOICE_RE.search(text)) or len(relevant) >= 2:
            return self._calculate(resolved, spec.name, relevant, assume=not personal)
        if spec.kind == "amount":
            return self._calculate(resolved, spec.name, relevant, assume=True)
        return None

    def _local_clause_answer(
        self, resolved: ResolvedQuestion, mention: RegionMention, asked: list[str]
    ) -> Answer | None:
        """A clause of the asked region itself that supports a yes/no or how-to question, or None."""
        answer = self._from_clauses(resolved, mention)
        if answer.status != "answered" or not answer.citations or answer.citations[0].region not in asked:
            return None
        # "有学徒补贴吗" is not answered by a clause that only mentions 学徒制: money asked, money in the clause
        if BENEFIT_RE.search(resolved.text) and not BENEFIT_RE.search(answer.citations[0].text):
            return None
        return answer

    def _calculate(
        self, resolved: ResolvedQuestion, name: str, facts: dict[str, Any], *, assume: bool
    ) -> Answer | None:
        arguments = dict(facts)
        assumptions: list[str] = []
        if assume:
            for field, (value, phrase) in ASSUMPTIONS.get(name, {}).items():
                if field not in arguments:
                    arguments[field] = value
                    assumptions.append(phrase)
        result = run_calculator(name, arguments)
        if result.status == "needs_info" and assume:
            return None  # a general question the calculator cannot settle: answer from the clause instead
        citations = self._calculator_citations(result)
        call = ToolCall(name=name, arguments=arguments, result=result.model_dump(mode="json"))
        quotes = [(c, ref.text) for c, ref in zip(citations, result.sources, strict=False)][:1]
        if result.status == "needs_info":
            text = compose.join(compose.needs_info_answer(result, citations[0].n), compose.basis(quotes))
            status = "needs_info"
        else:
            text = compose.join(compose.calculation_answer(result, citations[0].n, assumptions), compose.basis(quotes))
            status = "answered"
        notes = [f"{c.label}（{STATUS_LABELS.get(c.status or '', '')}）" for c in citations[1:]]
        return Answer(
            question=resolved.question, status=status, answer=text, citations=citations, tool_calls=[call], notes=notes
        )

    def _calculate_by_level(
        self, resolved: ResolvedQuestion, name: str, facts: dict[str, Any], counts: dict[str, int], *, assume: bool
    ) -> Answer | None:
        """Several levels in one question (2个中级工 + 4个高级工): one calculator run per level, then the sum."""
        parts = [
            self._calculate(resolved, name, {**facts, LEVEL_FIELD: level, HEADCOUNT_FIELD: count}, assume=assume)
            for level, count in counts.items()
        ]
        if any(part is None or part.status != "answered" for part in parts):
            return next((part for part in parts if part is not None and part.status != "answered"), None)
        calls = [call for part in parts if part is not None for call in part.tool_calls]
        results = [CalculationResult.model_validate(call.result) for call in calls]
        total = compose.sum_of_parts(results)
        citations = self._calculator_citations(total)
        quotes = [(c, ref.text) for c, ref in zip(citations, total.sources, strict=False)][:1]
        text = compose.join(compose.calculation_answer(total, citations[0].n, []), compose.basis(quotes))
        total_call = ToolCall(
            name=name, arguments={"parts": [call.arguments for call in calls]}, result=total.model_dump(mode="json")
        )
        return Answer(
            question=resolved.question, status="answered", answer=text, citations=citations,
            tool_calls=[*calls, total_call],
        )

    def _calculator_citations(self, result: CalculationResult) -> list[Citation]:
        documents = {d.doc_id: d for d in self.documents()}
        return [
            citation_from_clause(
                n, doc_id=ref.doc_id, title=ref.title, doc_number=ref.doc_number, clause_path=ref.clause_path,
                text=ref.text, documents=documents, chunks=self.chunks(ref.doc_id),
            )
            for n, ref in enumerate(result.sources, start=1)
        ]

    def _document_status(self, resolved: ResolvedQuestion, mention: RegionMention) -> Answer | None:
        text = resolved.text
        if not STATUS_QUESTION_RE.search(text) or not OLD_DOC_RE.search(text):
            return None
        old = [
            d for d in self.documents()
            if d.status == "superseded" and (not mention.regions or d.region in mention.regions)
        ]
        if len(old) != 1:
            return None
        meta = old[0]
        newer = [d for d in self.documents() if d.doc_id in meta.superseded_by]
        lines = [f"{meta.region}{doc_label(meta)}（{meta.year}年）的效力状态：{STATUS_LABELS[meta.status]}。"]
        if meta.note:
            lines.append(meta.note)
        if newer:
            lines.append("同一事项现以" + "、".join(f"{doc_label(d)}（{d.year}年）" for d in newer) + "为准。")
        answer = Answer(question=resolved.question, status="answered", answer="\n".join(lines))
        clause = self._from_clauses(resolved, mention, prefer_new=True)
        if clause.status == "answered":
            answer.answer = compose.join(answer.answer, clause.answer)
            answer.citations = clause.citations
        return answer

    # ------------------------------------------------------------------------------------------ clauses

    def _from_clauses(
        self, resolved: ResolvedQuestion, mention: RegionMention, *, prefer_new: bool = False,
        required_word: str | None = None,
    ) -> Answer:
        text = resolved.text
        vocabulary = self.vocabulary()
        terms = vocabulary.terms(text)
        kind = question_kind(text)
        old_wanted = bool(OLD_DOC_RE.search(text)) and not prefer_new
        hits = self._search(text, mention, old_wanted=old_wanted)
        places = [squeeze(p) for p in self._place_words(text)]

        def names_place(hit: SearchHit) -> bool:  # a national table row naming the asked place (北  京：丰台区…)
            return hit.chunk.region == NATIONAL_REGION and any(p in squeeze(hit.chunk.text) for p in places)

        alternatives = vocabulary.alternatives(text, terms)
        subjects = vocabulary.unknown_subjects(text, terms)
        supported = [
            (vocabulary.coverage(terms, hit.chunk, alternatives) + (PLACE_ROW_BONUS if names_place(hit) else 0.0), hit)
            for hit in hits
            if self._in_jurisdiction(hit.chunk, mention)
            and (required_word is None or required_word in squeeze(hit.chunk.text))
            and all(vocabulary.mentions(subject, hit.chunk, alternatives) for subject in subjects)
        ]
        # The retriever's first hit needs less lexical proof than the rest (colloquial wording, same meaning);
        # an older document asked for by name words the same point differently (来京务工人员… vs 直接引进).
        first_bar = FIRST_HIT_THRESHOLD * (0.66 if old_wanted else 1.0)
        supported = [
            (cov, hit) for cov, hit in supported
            if cov >= SUPPORT_THRESHOLD or (self._confident(hit) and cov >= first_bar)
        ]
        if not supported:
            where = "、".join(r for r in (*mention.regions, *mention.unknown) if r != NATIONAL_REGION)
            scope = f"本库收录的{where}相关文件中" if where else "本库收录的政策文件中"
            return self._not_found(resolved, f"{scope}没有找到能回答该问题的条款。")

        total = sum(vocabulary.idf(t) for t in terms) or 1.0
        wants_basis = bool(BASIS_RE.search(text))

        def score(sentence: str) -> float:
            bonus = 0.3 * total if kind == "amount" and NUMBER_IN_TEXT.search(sentence) else 0.0
            return vocabulary.term_score(terms, sentence) + bonus

        def strength(pair: tuple[float, SearchHit]) -> float:
            cov, hit = pair
            focus = max((score(part) for part in sentences(hit.chunk.text)), default=0.0) / total
            value = cov + 0.5 * focus - 0.04 * (hit.rank - 1)
            if names_place(hit):
                value += 0.5
            if wants_basis and hit.chunk.kind == "preamble":
                value += 0.5  # "照着哪个文件出的": the preamble cites the basis document
            return value

        ranked = sorted(supported, key=strength, reverse=True)
        primary = ranked[0][1]
        older_hit: SearchHit | None = None
        if not old_wanted:
            primary, older_hit = self._prefer_newer(ranked)
        citations = [citation_from_chunk(1, primary.chunk)]
        lead = best_sentences(primary.chunk.text, score, limit=1)
        quotes = [(citations[0], best_sentences(primary.chunk.text, score, limit=QUOTE_SENTENCES))]
        lines = [compose.clause_answer(self._region_label(primary.chunk), lead, 1)]
        if older_hit is not None:
            old_meta, new_meta = self.meta(older_hit.chunk.doc_id), self.meta(primary.chunk.doc_id)
            if old_meta and new_meta:
                citations.append(citation_from_chunk(2, older_hit.chunk))
                lines.append(compose.earlier_policy_note(old_meta, new_meta, citations[-1]))
        elif not mention.regions and not mention.unknown:
            other = self._other_region(primary, ranked)
            if other is not None:
                n = len(citations) + 1
                citations.append(citation_from_chunk(n, other.chunk))
                other_lead = best_sentences(other.chunk.text, score, limit=1)
                lines.append("此外，" + compose.clause_answer(self._region_label(other.chunk), other_lead, n))
                quotes.append((citations[-1], best_sentences(other.chunk.text, score, limit=QUOTE_SENTENCES)))
        body = compose.join("\n".join(lines), compose.basis(quotes))
        return Answer(question=resolved.question, status="answered", answer=body, citations=citations)

    @staticmethod
    def _confident(hit: SearchHit) -> bool:
        """The retriever is sure of this hit: first overall, or near the top of both BM25 and dense on their own
        (two independent rankings agreeing is evidence the wording differs, not the meaning)."""
        agree = hit.dense_rank is not None and hit.lexical_rank is not None
        return hit.rank == 1 or (agree and max(hit.dense_rank, hit.lexical_rank) <= AGREEING_RANK)

    def _search(self, text: str, mention: RegionMention, *, old_wanted: bool) -> list[SearchHit]:
        allowed = self._allowed_regions(mention)
        doc_ids = None
        if old_wanted:  # "老文件/07年那个文件": look inside the superseded documents of the region
            doc_ids = [
                d.doc_id for d in self.documents()
                if d.status == "superseded" and (not allowed or d.region in allowed)
            ] or None
        filters = SearchFilters(regions=allowed, doc_ids=doc_ids) if (allowed or doc_ids) else None
        return self.retriever.search(self._query(text, mention), top_k=TOP_K, filters=filters, auto_filter=False).hits

    def _place_words(self, text: str) -> list[str]:
        names = {n for d in self.documents() if d.region != NATIONAL_REGION for n in (d.region, *d.aliases)}
        names |= set(KNOWN_PLACES)
        return [name for name in names if len(name) >= 2 and name in text]

    def _allowed_regions(self, mention: RegionMention) -> list[str] | None:
        if mention.regions:
            return [*mention.regions, NATIONAL_REGION]
        if mention.unknown:
            return [NATIONAL_REGION]
        return None

    def _in_jurisdiction(self, chunk: Chunk, mention: RegionMention) -> bool:
        if mention.regions:
            return chunk.region in mention.regions or chunk.region == NATIONAL_REGION
        if mention.unknown:  # only a national clause that names the place itself (the MOHRSS city table)
            body = squeeze(chunk.text)
            return chunk.region == NATIONAL_REGION and any(place in body for place in mention.unknown)
        return True

    def _query(self, text: str, mention: RegionMention) -> str:
        """Add the province of a named city, so national tables listing provinces can match (石家庄 → 河北)."""
        extra = []
        for meta in self.documents():
            if meta.region in mention.regions and meta.province and meta.province != meta.region:
                extra.append(re.sub(r"(省|市|自治区)$", "", meta.province))
        return " ".join([text, *dict.fromkeys(extra)])

    def _prefer_newer(self, ranked: list[tuple[float, SearchHit]]) -> tuple[SearchHit, SearchHit | None]:
        """Answer from the newer document when an older one of the same region covers the same point.

        "The same point" = both clauses support the question about equally well (coverage within 5%)."""
        cov, primary = ranked[0]
        same_point = [h for c, h in ranked if c >= SAME_POINT * cov]
        meta = self.meta(primary.chunk.doc_id)
        if meta and meta.superseded_by:
            newer = next((h for h in same_point if h.chunk.doc_id in meta.superseded_by), None)
            if newer is not None:
                return newer, primary
        older = next(
            (h for h in same_point if (m := self.meta(h.chunk.doc_id)) and primary.chunk.doc_id in m.superseded_by),
            None,
        )
        return primary, older

    def _other_region(self, primary: SearchHit, supported: list[tuple[float, SearchHit]]) -> SearchHit | None:
        """The best clause of another region when the question named none and both regions regulate the point."""
        best = max((cov for cov, h in supported if h is primary), default=0.0)
        for cov, hit in supported:
            if hit.chunk.region not in (primary.chunk.region, NATIONAL_REGION) and cov >= 0.9 * best:
                return hit
        return None

    def _region_label(self, chunk: Chunk) -> str:
        meta = self.meta(chunk.doc_id)
        number = chunk.doc_number or (f"{meta.year}年文件" if meta and meta.year else "")
        region = compose.region_phrase(chunk.region)
        return f"{region}（{number}）" if number else region

    def _not_found(self, resolved: ResolvedQuestion, reason: str) -> Answer:
        return Answer(
            question=resolved.question, status="not_found", answer=compose.not_found_answer(reason, self.documents())
        )
