"""Is a ranked hit relevant to the query, or only the nearest noise? A pure decision over the query and the hits.

Fusion always ranks *something* first, so a lookup for 量子计算机 would show five clauses. The judgement here is
what lets search answer "未找到相关条款" instead, and show the nearest hits only as suggestions:

- **Content terms.** The query's BM25 tokens (the same jieba tokenizer), without place names (they act as
  filters), question words (``data/knowledge/question_words.txt``), digits and single characters.
- **Known terms only.** A term the corpus never uses (and that has no formal expansion) cannot be matched by any
  clause, so it is left out of the coverage: colloquial words (厂里, 交着) must not sink a good match. A query
  with no known term at all (红烧肉的做法, English gibberish) gets nothing.
- **IDF-weighted coverage.** Each known term weighs its BM25 IDF; a colloquial term counts as found when the
  chunk uses one of its formal expansions (考证 → 职业资格证书).
- **Rank agreement.** A hit that both the dense and the lexical ranking put near the top needs much less
  coverage: two independent signals agree on it (colloquial questions share few words with the clause).

Known limit (measured in ``eval/relevance_eval.py``): a nonsense query whose only known word is incidental
(形成 in 黑洞是怎么形成的) still matches the clauses using that word; separating those needs semantics that
lexical evidence does not carry.

``judge`` is the decision for one hit; ``split_hits`` applies it to a ranked list. Both are pure functions of
their arguments; ``query_terms`` builds the weighted terms from injected tokenizer, frequency and expansion
functions.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Literal

from ingest.textnorm import fold
from ingest.textnorm import squeeze as squeeze
from retriever.models import SearchHit

Level = Literal["高", "中", "低"]

# A hit is relevant when the IDF-weighted share of the query's known content terms it contains reaches
# MIN_COVERAGE, or AGREED_COVERAGE when dense and BM25 both rank it within AGREE_RANK. 高 needs HIGH_COVERAGE and
# both rankings within HIGH_AGREE_RANK.
MIN_COVERAGE = 0.5
AGREED_COVERAGE = 0.15
HIGH_COVERAGE = 0.8
AGREE_RANK = 10
HIGH_AGREE_RANK = 5
_MIN_TERM_CHARS = 2


@dataclass(frozen=True)
class QueryTerms:
    """The query's known content terms with their IDF weights and formal alternatives (term → expansions);
    ``unknown``: content terms the corpus never uses; ``named``: the query named a place or a document."""

    weights: dict[str, float] = field(default_factory=dict)
    alternatives: dict[str, tuple[str, ...]] = field(default_factory=dict)
    unknown: tuple[str, ...] = ()
    named: bool = False

    @property
    def total(self) -> float:
        return sum(self.weights.values())


def idf(document_frequency: int, size: int) -> float:
    """BM25's IDF; a term no entry contains gets the weight of the rarest possible term."""
    return math.log(1 + (size - document_frequency + 0.5) / (document_frequency + 0.5))


def query_terms(
    query: str,
    *,
    tokenize: Callable[[str], list[str]],
    frequency: Callable[[str], int],
    size: int,
    expansions: Callable[[str], list[str]],
    ignore: Iterable[str] = (),
    skip: frozenset[str] = frozenset(),
    named: bool = False,
) -> QueryTerms:
    """Content terms of ``query``: ``ignore`` (place names) is cut out of the text first; ``skip`` words, digits
    and single characters are dropped. ``frequency`` is a term's document frequency among ``size`` entries;
    ``expansions`` its formal wordings."""
    text = fold(query)
    for word in sorted({fold(w) for w in ignore if w}, key=len, reverse=True):
        text = text.replace(word, " ")
    weights: dict[str, float] = {}
    alternatives: dict[str, tuple[str, ...]] = {}
    unknown: list[str] = []
    for token in tokenize(text):
        if len(token) < _MIN_TERM_CHARS or token in skip or token.isdigit() or token in weights or token in unknown:
            continue
        extra = tuple(squeeze(term) for term in expansions(token))
        df = frequency(token)
        if not df and not extra:
            unknown.append(token)
            continue
        weights[token] = idf(df, size)
        if extra:
            alternatives[token] = extra
    return QueryTerms(weights=weights, alternatives=alternatives, unknown=tuple(unknown), named=named)


def coverage(terms: QueryTerms, text: str) -> float:
    """IDF-weighted share of the terms found in ``text`` (already ``squeeze``-d), literally or as an expansion."""
    total = terms.total
    if not total:
        return 0.0
    found = sum(
        weight
        for term, weight in terms.weights.items()
        if term in text or any(alt in text for alt in terms.alternatives.get(term, ()))
    )
    return found / total


@dataclass(frozen=True)
class Judgement:
    relevant: bool
    level: Level
    coverage: float
    agreement: bool


def judge(terms: QueryTerms, text: str, dense_rank: int | None, lexical_rank: int | None) -> Judgement:
    """The decision for one hit. ``text`` is the hit's searchable text (heading path + clause), squeezed."""
    if not terms.weights and not terms.unknown:  # only a place or document named: the filters did the selecting
        return Judgement(terms.named, "中" if terms.named else "低", 0.0, False)
    share = coverage(terms, text) if terms.weights else 0.0
    top = max(dense_rank, lexical_rank) if dense_rank is not None and lexical_rank is not None else None
    agreement = top is not None and top <= AGREE_RANK
    relevant = share >= MIN_COVERAGE or (agreement and share >= AGREED_COVERAGE)
    if not relevant:
        return Judgement(False, "低", share, agreement)
    level: Level = "高" if share >= HIGH_COVERAGE and top is not None and top <= HIGH_AGREE_RANK else "中"
    return Judgement(True, level, share, agreement)


@dataclass(frozen=True)
class Candidate:
    """What ``split_hits`` needs of a ranked hit."""

    key: str
    text: str
    dense_rank: int | None
    lexical_rank: int | None


def split_hits(terms: QueryTerms, candidates: Sequence[Candidate]) -> tuple[list[str], list[str], dict[str, Level]]:
    """(relevant keys, suggestion keys, level of every key), each list in the given rank order."""
    relevant: list[str] = []
    suggestions: list[str] = []
    levels: dict[str, Level] = {}
    for candidate in candidates:
        verdict = judge(terms, candidate.text, candidate.dense_rank, candidate.lexical_rank)
        (relevant if verdict.relevant else suggestions).append(candidate.key)
        levels[candidate.key] = verdict.level
    return relevant, suggestions, levels


def apply(
    terms: QueryTerms, hits: Sequence[SearchHit], keep_docs: set[str] | frozenset[str] = frozenset()
) -> tuple[list[SearchHit], list[SearchHit]]:
    """(relevant hits, suggestions): the hits judged relevant in their order, then the other hits of those hits'
    documents (低), then as suggestions the rest; each labelled 高/中/低 (``rank`` stays the fused rank, so "first
    overall" keeps its meaning for callers). Hits of ``keep_docs`` — documents the question names, so what it asks
    about — stay relevant (at least 中) whatever their wording."""
    candidates = [Candidate(h.chunk.id, squeeze(h.chunk.embed_text()), h.dense_rank, h.lexical_rank) for h in hits]
    relevant, _, levels = split_hits(terms, candidates)
    for hit in hits:
        if hit.chunk.doc_id in keep_docs and hit.chunk.id not in relevant:
            relevant.append(hit.chunk.id)
            levels[hit.chunk.id] = "中"
    keep = set(relevant)
    kept = [h for h in hits if h.chunk.id in keep]
    # The rest of a document a relevant hit comes from follows, still in rank order: the question is answerable
    # there, and the clause it asks about often shares few words with it (the item under the heading the relevant
    # hit matched: 补贴标准 under a 补贴对象 that names the benefit). Noise stays out: a question no clause covers
    # has no relevant hit, so no document to follow.
    documents = {h.chunk.doc_id for h in kept}
    context = [h for h in hits if h.chunk.id not in keep and h.chunk.doc_id in documents]
    keep |= {h.chunk.id for h in context}
    rest = [h for h in hits if h.chunk.id not in keep]
    return (
        [h.model_copy(update={"relevance": levels[h.chunk.id]}) for h in [*kept, *context]],
        [h.model_copy(update={"relevance": levels[h.chunk.id]}) for h in rest],
    )
