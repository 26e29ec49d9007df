"""The offline answer engine (default): deterministic, no LLM, no network.

Understanding → routing → composition. The question is read once (``Retriever.understand``: places and the regions
whose rules apply, documents, intents, facts, sub-questions); each part is then routed:
1. out of scope (公积金, 个税, a "2024年新政策" the library cannot have) → ``not_found`` with what the library covers;
2. a place name with several readings that differ in rules → ``needs_info`` asking which;
3. questions about a document itself (还有效吗, 文号, 谁发的) → its metadata;
4. evidence: the supported clauses within the applicable regions (own, parents', national); none → ``not_found``
   naming the regions whose documents do regulate the point — never their numbers;
5. the rule (calculator or check) resting on the best evidence, run with the question's facts (asking for the
   missing ones); otherwise the evidence quoted, newest document first.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

from assistant.conversation import ResolvedQuestion, asked_of_another_benefit, remember, resolve
from assistant.errorlog import log_internal_error, user_message_for
from assistant.models import Answer, Conversation
from assistant.offline import compose
from assistant.offline.adjustment import defined_names
from assistant.offline.calculation import RuleRouter, fact_specs
from assistant.offline.clauses import ClauseComposer
from assistant.offline.documents import DocumentAnswers
from assistant.offline.evidence import EvidenceFinder
from assistant.offline.parts import PartAnswerer
from assistant.offline.support import CorpusVocabulary, asking_words, squeeze
from assistant.rules.book import RuleBook
from assistant.validation import MAX_QUESTION_CHARS, validate_question
from ingest.errors import UserInputError
from ingest.knowledge import Knowledge
from ingest.models import Chunk, DocumentMeta
from retriever.lexical import ChineseTokenizer
from retriever.protocols import Retriever
from retriever.understanding.facts import FactReader

PER_UNIT = "(?:每[人名户个位家月年天日季])"  # a rate's unit written inside a benefit's name (每人每月)
MIN_SPLIT_HEAD = 2  # the fewest characters of a name before its noun for the name to be read split by a rate


class OfflineEngine:
    """Deterministic answers: calculators for amounts and eligibility, quoted clauses for everything else."""

    name = "offline"

    def __init__(
        self, retriever: Retriever, rules: Callable[[], RuleBook], *, knowledge: Knowledge | None = None,
        max_question_chars: int = MAX_QUESTION_CHARS, log_dir: Path | None = None,
        today: Callable[[], date] = date.today,
    ) -> None:
        """``rules`` gives the verified rule book of the live index (``assistant.rules.store.LiveRules``); ``today``
        the date a question's 去年 and 现在 are read from."""
        self.today = today
        self.retriever = retriever
        self.rules = rules
        self.knowledge = knowledge or getattr(retriever, "knowledge", None) or Knowledge.load()
        self.max_question_chars = max_question_chars
        self.log_dir = log_dir
        self._documents: list[DocumentMeta] | None = None
        self._corpus_key: tuple[tuple[str, str], ...] | None = None
        self._chunks: dict[str, list[Chunk]] = {}
        self._vocabulary: CorpusVocabulary | None = None
        self._regulating: dict[tuple[str, ...], frozenset[str]] = {}
        self._defined: dict[str, dict[str, str]] = {}
        self._texts: dict[str, str] = {}
        self._tokenizer = ChineseTokenizer(self.knowledge)
        self._router: RuleRouter | None = None
        self._asking: frozenset[str] | None = None

    # ------------------------------------------------------------------------------------------ protocol

    def answer(self, question: str, conversation: Conversation | None = None) -> Answer:
        try:
            cleaned = validate_question(question, max_chars=self.max_question_chars)
        except UserInputError as error:
            return Answer(question=str(question)[:200], status="rejected", answer=error.zh, engine="offline")
        try:
            self.refresh()
            resolved = resolve(cleaned, conversation, self.retriever)
            answer = self.respond(resolved) if resolved.follow_up else self.respond_each(resolved)
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
            self._regulating, self._defined, self._texts = {}, {}, {}

    def documents(self) -> list[DocumentMeta]:
        if self._documents is None:
            self.refresh()
        assert self._documents is not None
        return self._documents

    def chunks(self, doc_id: str) -> list[Chunk]:
        if doc_id not in self._chunks:
            self._chunks[doc_id] = list(self.retriever.chunks_of(doc_id))
        return self._chunks[doc_id]

    def document_text(self, doc_id: str) -> str:
        """A document's clauses, squeezed into one text (read once per corpus)."""
        if doc_id not in self._texts:
            self._texts[doc_id] = squeeze(" ".join(chunk.text for chunk in self.chunks(doc_id)))
        return self._texts[doc_id]

    def words(self, text: str) -> list[tuple[str, int, int]]:
        """The words of a text with their positions (the tokenizer's accurate mode)."""
        return self._tokenizer.words(text)

    def word_list(self, text: str) -> list[str]:
        """The words of a text, without their positions."""
        return [word for word, _, _ in self.words(text)]

    def asking(self) -> frozenset[str]:
        """Words that never name what a question is about (``support.asking_words``), built once."""
        if self._asking is None:
            self._asking = asking_words(self.knowledge)
        return self._asking

    def vocabulary(self) -> CorpusVocabulary:
        if self._vocabulary is None:
            chunks = [chunk for meta in self.documents() for chunk in self.chunks(meta.doc_id)]
            self._vocabulary = CorpusVocabulary(
                chunks, self._tokenizer, self.asking(), self.knowledge.synonyms,
                self.knowledge.scope.benefit_nouns, self.knowledge.scope.benefit_lead_words,
            )
        return self._vocabulary

    @property
    def router(self) -> RuleRouter:
        """Routing over the rule book of the live index (rebuilt when the book changes)."""
        book = self.rules()
        if self._router is None or self._router.book is not book:
            facts = self.knowledge.facts
            known = {f.name for f in facts.facts}
            reader = FactReader([s for s in fact_specs(book) if s.name not in known], facts.negations, facts.actions,
                                facts.references)
            self._router = RuleRouter(book, [f for f in facts.facts if f.type == "count_by_choice"], reader)
        return self._router

    def regulating(self, words: tuple[str, ...]) -> frozenset[str]:
        """The documents whose clauses, headings or title say one of ``words`` (a programme named: 以工代训). The
        modifier mark 的 is no part of a name: 培训期间的生活费补贴 is said by a document writing 培训期间生活费补贴."""
        if words not in self._regulating:
            wanted = [_without_de(w) for w in words]
            # a name whose rate is written inside it (城镇公益性岗位每人每月补贴1000元 says 城镇公益性岗位补贴)
            split = [re.compile(f"{re.escape(w[: -len(n)])}{PER_UNIT}{{1,3}}{re.escape(n)}")
                     for w in wanted for n in self.knowledge.scope.benefit_nouns
                     if w.endswith(n) and len(w) - len(n) >= MIN_SPLIT_HEAD]
            self._regulating[words] = frozenset(
                meta.doc_id for meta in self.documents()
                if any(w in (text := _without_de(chunk.embed_text())) or any(p.search(text) for p in split)
                       for chunk in self.chunks(meta.doc_id) for w in wanted))
        return self._regulating[words]

    def defined_names(self, doc_id: str) -> dict[str, str]:
        """The names a document defines (以下简称“X”) and what they stand for, read once per index generation."""
        if doc_id not in self._defined:
            self._defined[doc_id] = defined_names(self.chunks(doc_id))
        return self._defined[doc_id]

    def meta(self, doc_id: str) -> DocumentMeta | None:
        return next((d for d in self.documents() if d.doc_id == doc_id), None)

    # ------------------------------------------------------------------------------------------ answering

    def respond_each(self, resolved: ResolvedQuestion) -> Answer:
        """The question's answer — one part per benefit when it asks the same of another benefit after a first ask
        (培训期间的生活费补贴我能拿吗？培训补贴呢？: ``conversation.asked_of_another_benefit``)."""
        asks = asked_of_another_benefit(resolved.text, self.retriever)
        if asks is None:
            return self.respond(resolved)
        answers = [self.respond(ResolvedQuestion(question=resolved.question, text=text,
                                                 understanding=(u := self.retriever.understand(text)), facts=u.facts))
                   for text, _ in asks]
        return compose.combine(resolved.question, answers, [title for _, title in asks])

    def respond(self, resolved: ResolvedQuestion) -> Answer:
        if resolved.dangling:
            return Answer(question=resolved.question, status="needs_info", answer=compose.dangling_follow_up())
        resolved = resolved.model_copy(update={"understanding": self.router.with_rule_facts(resolved.understanding)})
        scope = self.knowledge.scope
        finder = EvidenceFinder(self.retriever, self.vocabulary, scope.benefit_nouns, scope.money_words,
                                self.knowledge.facts.facts, scope.benefit_lead_words, self.knowledge.facts.negations,
                                self.knowledge.answers.beneficiaries.people_words)
        parts = PartAnswerer(
            engine=self, finder=finder, router=self.router,
            clauses=ClauseComposer(self, finder), documents=DocumentAnswers(self),
        )
        return parts.answer(resolved)


def _without_de(text: str) -> str:
    return squeeze(text).replace("的", "")
