"""HybridRetriever: dense (Chroma) + lexical (BM25) candidates, RRF fusion, region/document awareness.

It reads the live index generation and re-checks ``CURRENT`` on every call (one small file read), so a
long-running reader such as the Gradio app sees a new ingest on its next search without restarting.
"""

from __future__ import annotations

import re
import threading
import time
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ingest.errors import IndexError_, UserInputError
from ingest.knowledge import FactSpec, Knowledge
from ingest.models import Chunk, DocumentMeta
from ingest.textnorm import squeeze
from retriever import generations as gens
from retriever import relevance
from retriever.expansion import QueryExpander
from retriever.fusion import rrf
from retriever.integrity import REBUILD_HINT_ZH, DamagedIndexError
from retriever.lexical import Bm25Index, ChineseTokenizer
from retriever.models import SearchFilters, SearchHit, SearchResponse
from retriever.protocols import Embedder
from retriever.rerank import CrossEncoderReranker
from retriever.store import VectorStore, where_clause
from retriever.understanding import NATIONAL_REGION, QueryUnderstander, Understanding
from retriever.understanding.benefits import BenefitNames
from retriever.understanding.zones import ZoneNames

RRF_K = 60
NAME_GAP = 2  # characters a document may write inside a benefit's name (见习期满留用奖励 for 见习留用奖励)
# BM25 is weighted well above dense: on the dev gold set the offline embedders put the right clause first far less
# often than BM25 with query expansion does (eval/results/tuning.md); dense still breaks ties and adds recall.
DENSE_WEIGHT = 1.0
LEXICAL_WEIGHT = 3.0
SENTENCE_WEIGHT = 2.0
CANDIDATES = 50
MAX_TOP_K = 50
_VOTE = 1.0 / (RRF_K + 1)  # what a first place in a weight-1 ranking is worth
# A chunk of the place's own region gets a first place in every ranking, so it outranks national text; a parent
# region's chunk (a province's rule for a city asked about) one first-place vote less: own rules first among equally
# relevant clauses, but a parent's clause that both rankings put first (the province's amounts a city does not restate)
# is not buried under the city's unrelated clauses.
REGION_BOOST = (DENSE_WEIGHT + LEXICAL_WEIGHT) * _VOTE
PARENT_REGION_SHARE = 0.75
# A document the question names (文号, title, "07年那个文件") is the strongest preference — above the region's own
# text — but never a filter.
NAMED_DOC_BOOST = REGION_BOOST + 2.0 * _VOTE
YEAR_BOOST = 0.5 * _VOTE
# Newer rules on the same point come first — unless the query asks for the old policy. A tenth of a vote only
# breaks near-ties: a superseded clause that matches the question clearly better still ranks above.
SUPERSEDED_PENALTY = 0.1 * _VOTE
EARLIER_BOOST = 1.0 * _VOTE  # "老文件怎么规定的": the superseded document is what is asked for
PREAMBLE_BOOST = 2.0 * _VOTE  # "哪个文件发的/还有效吗": the header names the basis, 文号 and approval
TABLE_ROW_BOOST = 2.0 * _VOTE  # a table row naming the asked place (or its province): "石家庄在不在名单里"
# The region boost orders a place's own rules first, but it may not push out of the results the few clauses that
# rank first without it: a parent's or the nation's rule on the point a local document does not regulate (a city
# searched for a benefit only the national notice grants) stays among the hits, after the own ones.
KEPT_UNBOOSTED = 2


def check_query(query: str, *, max_chars: int) -> str:
    """Minimal guard for callers that skip ``assistant.validation`` (the CLI and UI validate before this)."""
    if not isinstance(query, str) or not query.strip():
        raise UserInputError("搜索词不能为空，请输入要查找的关键词。", "search query is empty")
    text = " ".join(query.split())
    if len(text) > max_chars:
        raise UserInputError(
            f"搜索词过长（{len(text)}字），请控制在{max_chars}字以内。", f"search query too long ({len(text)} chars)"
        )
    if not any(unicodedata.category(char)[0] in "LN" for char in text):
        raise UserInputError("请输入文字内容（纯标点或表情无法检索）。", "search query has no letters or digits")
    return text


def check_model(manifest_name: str, manifest_dimension: int, embedder: Embedder) -> None:
    """The index must have been built by the configured embedding model, else queries would be meaningless."""
    if manifest_name != embedder.name or manifest_dimension != embedder.dimension:
        raise IndexError_(
            f"索引是用向量模型 {manifest_name}（{manifest_dimension}维）建立的，而当前配置的是 {embedder.name}"
            f"（{embedder.dimension}维）。请运行 policy-assistant ingest 重新导入，或改回原来的模型设置。",
            "index was built with another embedding model; re-run `policy-assistant ingest`",
        )


_FILTER_CACHE_SIZE = 64


class _FilterIndex:
    """Chunk ids by region, document and status, built once per generation, so a filter costs set unions
    over the values it names instead of a pass over every chunk."""

    def __init__(self, chunks: list[Chunk]) -> None:
        ids: dict[str, dict[str, set[str]]] = {"region": {}, "doc_id": {}, "status": {}}
        for chunk in chunks:
            for field, by_value in ids.items():
                by_value.setdefault(getattr(chunk, field), set()).add(chunk.id)
        self._ids = {field: {v: frozenset(s) for v, s in by_value.items()} for field, by_value in ids.items()}
        # the same few filters recur (a region plus national); handing back the same set object lets the BM25
        # indexes reuse their masks for it
        self._cache: dict[tuple, frozenset[str] | None] = {}

    def allowed(self, filters: SearchFilters) -> frozenset[str] | None:
        """The ids passing every given filter; ``None`` when nothing restricts (every chunk passes)."""
        key = tuple(None if v is None else frozenset(v) for v in (filters.regions, filters.doc_ids, filters.statuses))
        if key not in self._cache:
            if len(self._cache) >= _FILTER_CACHE_SIZE:
                self._cache.clear()
            self._cache[key] = self._compute(filters)
        return self._cache[key]

    def _compute(self, filters: SearchFilters) -> frozenset[str] | None:
        allowed: frozenset[str] | None = None
        for field, values in (("region", filters.regions), ("doc_id", filters.doc_ids), ("status", filters.statuses)):
            if values is None:
                continue
            groups = [self._ids[field].get(value, frozenset()) for value in set(values)]
            matching = groups[0] if len(groups) == 1 else frozenset().union(*groups)
            allowed = matching if allowed is None else allowed & matching
        return allowed


@dataclass
class _Snapshot:
    generation: gens.StoredGeneration
    chunks: dict[str, Chunk]
    by_doc: dict[str, list[Chunk]]
    bm25: Bm25Index
    sentence_bm25: Bm25Index | None
    vectors: VectorStore
    understander: QueryUnderstander
    filter_index: _FilterIndex
    doc_texts: dict[str, str]  # each document's clauses and headings, squeezed: what it regulates


class HybridRetriever:
    """Implements ``retriever.protocols.Retriever`` over the live index generation."""

    def __init__(
        self,
        *,
        index_dir: Path,
        embedder: Embedder,
        chroma_url: str | None = None,
        knowledge: Knowledge | None = None,
        tokenizer: ChineseTokenizer | None = None,
        reranker: CrossEncoderReranker | None = None,
        max_query_chars: int = 1000,
    ) -> None:
        self.index_dir = index_dir
        self.embedder = embedder
        self.chroma_url = chroma_url
        self.knowledge = knowledge or Knowledge.load()
        self.tokenizer = tokenizer or ChineseTokenizer(self.knowledge)
        self.reranker = reranker
        self.expander = QueryExpander(self.knowledge.synonyms)
        self.max_query_chars = max_query_chars
        self._snapshot: _Snapshot | None = None
        self._loaded_for: str | None = None  # the CURRENT value the snapshot was opened for
        self._lock = threading.Lock()

    # ---- index generations -------------------------------------------------------------------------
    def _load(self) -> _Snapshot:
        """The live generation — or, when it is damaged, the newest intact one (``index_problem`` says so)."""
        return gens.open_live(self.index_dir, self._open)

    def _open(self, generation: gens.StoredGeneration) -> _Snapshot:
        manifest = generation.manifest
        check_model(manifest.embedding_name, manifest.embedding_dimension, self.embedder)
        by_doc: dict[str, list[Chunk]] = {}
        for chunk in generation.chunks:
            by_doc.setdefault(chunk.doc_id, []).append(chunk)
        for chunks in by_doc.values():
            chunks.sort(key=lambda c: (c.order, c.part))
        try:
            bm25 = Bm25Index.load(generation.directory / gens.BM25_DIR)
            sentence_dir = generation.directory / gens.SENTENCE_BM25_DIR
            sentence_bm25 = Bm25Index.load(sentence_dir) if sentence_dir.exists() else None
        except (OSError, ValueError) as exc:
            raise DamagedIndexError(
                f"索引的关键词数据已损坏。{REBUILD_HINT_ZH}。", f"bm25: {exc}", reason="关键词索引无法读取"
            ) from exc
        vectors = VectorStore.open(
            generation=generation.name, generation_dir=generation.directory, chroma_url=self.chroma_url, create=False
        )
        if (count := vectors.count()) != manifest.chunk_count:
            raise DamagedIndexError(
                f"索引的向量数量（{count}）与条款数（{manifest.chunk_count}）不符。{REBUILD_HINT_ZH}。",
                "vector count differs from chunk count",
                reason=f"向量 {count} 条，条款 {manifest.chunk_count} 条",
            )
        return _Snapshot(
            generation=generation,
            chunks={c.id: c for c in generation.chunks},
            by_doc=by_doc,
            bm25=bm25,
            sentence_bm25=sentence_bm25,
            vectors=vectors,
            understander=QueryUnderstander(
                manifest.documents, self.knowledge, extra_facts=self._rule_facts(generation),
                benefits=BenefitNames(generation.chunks, manifest.documents, self.knowledge.scope.benefit_nouns,
                                      self.knowledge.scope.benefit_lead_words, self.tokenizer.word_starts),
                zones=ZoneNames(generation.chunks, manifest.documents, self.knowledge.places.zone_words,
                                self.tokenizer.word_starts, local=lambda r: r not in (NATIONAL_REGION, "未知", "")),
            ),
            filter_index=_FilterIndex(generation.chunks),
            doc_texts={doc: squeeze(" ".join(c.embed_text() for c in chunks)) for doc, chunks in by_doc.items()},
        )

    def snapshot(self) -> _Snapshot:
        """The live generation, reloaded when ``CURRENT`` has moved since the last call."""
        current = gens.read_current(self.index_dir)
        snapshot = self._snapshot
        if snapshot is not None and (current is None or current == self._loaded_for):
            return snapshot  # a vanished CURRENT keeps the generation we have rather than failing mid-session
        with self._lock:
            if self._snapshot is None or current != self._loaded_for:
                self._snapshot = self._load()
                self._loaded_for = current
            return self._snapshot

    @property
    def index_problem(self) -> str | None:
        """Chinese warning when the live generation is damaged and an older intact one is served instead."""
        snapshot = self._snapshot
        return snapshot.generation.warning if snapshot is not None else None

    def warm_up(self) -> None:
        """Load the embedding model and jieba now, so the first real search is as fast as the rest."""
        self.embedder.embed_query("预热")
        self.tokenizer.tokenize("预热")

    @property
    def generation(self) -> str:
        return self.snapshot().generation.name

    # ---- Retriever protocol -------------------------------------------------------------------------
    def documents(self) -> list[DocumentMeta]:
        return list(self.snapshot().generation.manifest.documents)

    def chunk_counts(self) -> dict[str, int]:
        return {doc_id: len(chunks) for doc_id, chunks in self.snapshot().by_doc.items()}

    def chunks_of(self, doc_id: str) -> list[Chunk]:
        return list(self.snapshot().by_doc.get(doc_id, []))

    def get_chunk(self, chunk_id: str) -> Chunk | None:
        return self.snapshot().chunks.get(chunk_id)

    @property
    def understander(self) -> QueryUnderstander:
        """The query understanding for the live generation (its documents, gazetteer and knowledge)."""
        return self.snapshot().understander

    def understand(self, text: str) -> Understanding:
        return self.snapshot().understander.understand(text)

    def search(
        self,
        query: str,
        top_k: int = 5,
        filters: SearchFilters | None = None,
        understanding: Understanding | None = None,
    ) -> SearchResponse:
        started = time.perf_counter()
        text = check_query(query, max_chars=self.max_query_chars)
        if not 1 <= top_k <= MAX_TOP_K:
            raise UserInputError(f"返回条数须在1到{MAX_TOP_K}之间。", f"top_k must be within 1..{MAX_TOP_K}")
        snapshot = self.snapshot()
        understanding = understanding or snapshot.understander.understand(text)
        effective = filters or SearchFilters()
        try:
            hits = self._rank(snapshot, text, understanding, effective, top_k) if not _impossible(effective) else []
        except DamagedIndexError:
            self._snapshot = None  # damaged since it was opened: verify again (and fall back) on the next call
            raise
        asked = named_documents(understanding, snapshot.generation.manifest.documents)  # relevant by being named
        hits, suggestions = relevance.apply(self._query_terms(snapshot, text, understanding), hits, keep_docs=asked)
        elapsed = (time.perf_counter() - started) * 1000
        return SearchResponse(query=text, understanding=understanding, filters=effective, hits=hits,
                              suggestions=suggestions, elapsed_ms=elapsed)

    def _query_terms(self, snapshot: _Snapshot, text: str, understanding: Understanding) -> relevance.QueryTerms:
        """The query's content terms for the relevance cut-off (places named are filters, not content)."""
        return relevance.query_terms(
            text,
            tokenize=self.tokenizer.tokenize,
            frequency=snapshot.bm25.document_frequency,
            size=snapshot.bm25.size,
            expansions=self.expander.expansions,
            ignore=place_words(understanding) | {p.surface for p in understanding.uncovered},
            skip=self.knowledge.question_words,
            named=bool(understanding.places or understanding.documents or understanding.national),
        )

    # ---- internals -----------------------------------------------------------------------------------
    def _topic_terms(self, understanding: Understanding) -> tuple[str, ...]:
        """The words that make a question one on its topic (技能大赛 of 职业技能竞赛), as ``topics.yaml`` lists them."""
        spec = self.knowledge.topics.named(understanding.topic)
        return spec.terms if spec is not None else ()

    @staticmethod
    def _rule_facts(generation: gens.StoredGeneration) -> list[FactSpec]:
        """Inputs of the generation's verified rules, read from questions like the knowledge facts (none yet)."""
        return []

    def _lexical_tokens(self, text: str) -> list[str]:
        """The query's own tokens plus the formal terms its colloquial words stand for."""
        tokens = self.tokenizer.tokenize(text)
        extra = self.expander.expansions(text)
        return tokens + self.tokenizer.tokenize(" ".join(extra)) if extra else tokens

    def _rank(
        self, snapshot: _Snapshot, text: str, understanding: Understanding, filters: SearchFilters, top_k: int
    ) -> list[SearchHit]:
        mask = snapshot.filter_index.allowed(filters)  # None: no filter, nothing to mask
        allowed = snapshot.chunks if mask is None else mask
        if not allowed:
            return []
        where = where_clause(regions=filters.regions, doc_ids=filters.doc_ids, statuses=filters.statuses)
        dense = snapshot.vectors.query(self.embedder.embed_query(text), limit=CANDIDATES, where=where, allowed_ids=mask)
        dense = [cid for cid in dense if cid in allowed]
        tokens = self._lexical_tokens(text)
        lexical = snapshot.bm25.rank(tokens, allowed=mask, limit=CANDIDATES)
        rankings, weights = [dense, lexical], [DENSE_WEIGHT, LEXICAL_WEIGHT]
        if snapshot.sentence_bm25 is not None:
            rankings.append(snapshot.sentence_bm25.rank(tokens, allowed=mask, limit=CANDIDATES))
            weights.append(SENTENCE_WEIGHT)
        fused = dict(rrf(rankings, k=RRF_K, weights=weights))
        boosts = _region_boosts(understanding)
        boosted = _on_topic(understanding, snapshot, self._topic_terms(understanding))
        places = place_words(understanding)
        named = named_documents(understanding, snapshot.generation.manifest.documents)
        about_document = any(understanding.has(i) for i in ("metadata", "status", "basis"))
        lifted: dict[str, float] = {}
        for chunk_id in fused:
            chunk = snapshot.chunks[chunk_id]
            if chunk.region in boosts:
                lifted[chunk_id] = boosts[chunk.region] if boosted is None or chunk.doc_id in boosted else 0.0
            if chunk.doc_id in named:
                fused[chunk_id] += NAMED_DOC_BOOST
            if chunk.publish_date and int(chunk.publish_date[:4]) in understanding.years:
                fused[chunk_id] += YEAR_BOOST
            if chunk.status in ("superseded", "expired"):
                fused[chunk_id] += _superseded_adjustment(understanding)
            if about_document and chunk.kind == "preamble":
                fused[chunk_id] += PREAMBLE_BOOST
            if chunk.kind == "table_row" and any(place in chunk.text for place in places):
                fused[chunk_id] += TABLE_ROW_BOOST
        ranked = _keeping_unboosted(fused, lifted, top_k)
        if self.reranker is not None:
            head = ranked[: max(top_k * 4, 20)]
            ranked = self.reranker.rerank(text, [(cid, snapshot.chunks[cid].embed_text()) for cid, _ in head])
        dense_rank = {cid: i for i, cid in enumerate(dense, start=1)}
        lexical_rank = {cid: i for i, cid in enumerate(lexical, start=1)}
        return [
            SearchHit(
                chunk=snapshot.chunks[cid],
                score=score,
                rank=position,
                dense_rank=dense_rank.get(cid),
                lexical_rank=lexical_rank.get(cid),
            )
            for position, (cid, score) in enumerate(ranked[:top_k], start=1)
        ]


def _keeping_unboosted(fused: dict[str, float], lifted: dict[str, float], top_k: int) -> list[tuple[str, float]]:
    """``fused`` plus each chunk's region lift, best first — with those of the first ``KEPT_UNBOOSTED`` of the ranking
    without lifts that are of a region no lift applies to (``lifted`` has the chunks of the regions that have one, a
    0.0 lift for a document off the question's topic) kept within the first ``top_k``: moved to its end, in their
    order, when the lifts pushed them out — never more than half of ``top_k``."""
    ranked = sorted(((cid, score + lifted.get(cid, 0.0)) for cid, score in fused.items()), key=lambda pair: -pair[1])
    first = [cid for cid, _ in sorted(fused.items(), key=lambda pair: -pair[1])[:KEPT_UNBOOSTED] if cid not in lifted]
    shown = {cid for cid, _ in ranked[:top_k]}
    # at most the lower half of the results: the place's own first hits stay (top_k 1 keeps its one)
    pushed = [pair for pair in ranked if pair[0] in first and pair[0] not in shown][: top_k // 2]
    if not pushed:
        return ranked
    head = ranked[: top_k - len(pushed)]
    return [*head, *pushed, *(pair for pair in ranked[len(head):] if pair not in pushed)]


def _superseded_adjustment(understanding: Understanding) -> float:
    old, current = understanding.has("old_policy"), understanding.has("current_policy")
    if old and current:  # "07年那个文件现在还执行吗": old and new both matter
        return 0.0
    if old:
        return EARLIER_BOOST
    return -EARLIER_BOOST if current else -SUPERSEDED_PENALTY


def _region_boosts(understanding: Understanding) -> dict[str, float]:
    """Each applicable region's boost: the place's own region fully, its parents' half, national none — unless
    only national rules are asked for (国家层面…), then national text first."""
    boosts: dict[str, float] = {}
    for place in understanding.places:
        local = [r for r in place.regions if r != "全国"]
        for depth, region in enumerate(local):
            boosts[region] = max(boosts.get(region, 0.0), REGION_BOOST * (PARENT_REGION_SHARE if depth else 1.0))
    if not boosts and understanding.national:
        boosts = dict.fromkeys(understanding.regions, REGION_BOOST)
    return boosts


def _on_topic(understanding: Understanding, snapshot: _Snapshot, terms: Sequence[str] = ()) -> set[str] | None:
    """The documents a region boost may lift: those that name what the question is about (its topic's or benefit's
    words, one of them said in the question, or the benefit it names, shortened or not, or — when the question says
    one of the topic's ``terms``, 技能大赛 of 职业技能竞赛 — any of those terms: 进京 as well as 直接引进), when the
    asked place's chain (national included) has one — so a province's clauses on another benefit never crowd out the
    national notice that regulates the one asked about.
    None: no such word said, or no applicable document names one (every document of the place is lifted)."""
    asked = squeeze(understanding.normalized)
    said = any(squeeze(t) and squeeze(t) in asked for t in terms)
    words = [squeeze(w) for w in (*understanding.topic_core, *understanding.benefits, *(terms if said else ())) if w]
    # a topic guessed from other words (考了个证) lifts every document; a benefit is always named (if shortened)
    if not understanding.benefits and not any(w in asked for w in words):
        return None
    naming = {doc for doc, text in snapshot.doc_texts.items() if any(_says_name(text, w) for w in words)}
    applicable = set(understanding.regions)
    return naming if any(snapshot.by_doc[doc][0].region in applicable for doc in naming) else None


def _says_name(text: str, name: str) -> bool:
    """The text says the name, or writes it with up to ``NAME_GAP`` characters inside after its first two and before
    its last three (见习期满留用奖励 says 见习留用奖励)."""
    if name in text:
        return True
    return len(name) >= 5 and name[:2] in text and name[-3:] in text and any(
        re.search(f"{re.escape(name[:i])}.{{1,{NAME_GAP}}}{re.escape(name[i:])}", text) is not None
        for i in range(2, len(name) - 2))


def named_documents(understanding: Understanding, documents: list[DocumentMeta]) -> set[str]:
    """The documents the question names — and, when it asks what applies now, their successors."""
    named = set(understanding.doc_ids)
    if understanding.has("current_policy"):  # "还按07年那个文件执行吗": the newer rules are the answer
        named |= {d for doc in documents if doc.doc_id in named for d in doc.superseded_by}
    return named


def place_words(understanding: Understanding) -> set[str]:
    """How national tables may write the places asked about and their parents (石家庄, 河北)."""
    words: set[str] = set()
    for place in understanding.places:
        words.add(place.surface)
        for name in place.chain:
            words.add(name)
            stem = name.rstrip("省市区县")
            if len(stem) >= 2:
                words.add(stem)
    return {w for w in words if len(w) >= 2}


def _impossible(filters: SearchFilters) -> bool:
    """An explicitly empty list (e.g. an unknown place and no national documents) matches nothing."""
    return any(values is not None and not values for values in (filters.regions, filters.doc_ids, filters.statuses))
