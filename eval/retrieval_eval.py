"""Run a retriever over the gold set and score it (ours and the LangChain baseline, same items, same metric)."""

from __future__ import annotations

import time
from collections.abc import Sequence
from typing import Protocol

from pydantic import BaseModel, Field

from eval.gold import GoldItem
from eval.metrics import Passage, RankedItem, RetrievalScores, breakdown, first_hit_rank, misses, score
from retriever.protocols import Retriever

DEFAULT_TOP_K = 10


class PassageSearch(Protocol):
    """The one thing the retrieval eval needs from a system under test."""

    name: str

    def passages(self, query: str, top_k: int) -> list[Passage]: ...


class RetrieverSearch:
    """Our retriever (query analysis and auto region filters on, as users get it) as a ``PassageSearch``."""

    name = "ours"

    def __init__(self, retriever: Retriever) -> None:
        self._retriever = retriever

    def passages(self, query: str, top_k: int) -> list[Passage]:
        from retriever.lookup import lookup

        response = lookup(self._retriever, query, top_k=top_k)
        return [Passage(doc_id=h.chunk.doc_id, text=h.chunk.text, clause=h.chunk.clause_path) for h in response.hits]


class Miss(BaseModel):
    item_id: str
    question: str
    expected: str = Field(description="doc_id + clause path")
    rank: int | None
    got_first: str = Field(description="doc_id + clause (or a text excerpt) of the first result")


class SystemReport(BaseModel):
    system: str
    overall: RetrievalScores
    by_document: dict[str, RetrievalScores]
    by_type: dict[str, RetrievalScores]
    misses: list[Miss]
    latency_ms_mean: float
    latency_ms_p95: float
    ranked: list[RankedItem] = Field(default_factory=list, exclude=True)


def retrieval_query(item: GoldItem) -> str:
    """Follow-ups are searched with their previous user turns prepended (the question alone has no topic)."""
    return " ".join([*item.history, item.question])


def retrieval_items(items: Sequence[GoldItem]) -> list[GoldItem]:
    return [item for item in items if item.has_gold]


def describe(passage: Passage | None) -> str:
    if passage is None:
        return "（无结果）"
    where = passage.clause if passage.clause else passage.text.replace("\n", " ")[:30] + "…"
    return f"{passage.doc_id} {where or '前言'}"


def percentile(values: Sequence[float], fraction: float) -> float:
    """Nearest-rank percentile (0 for no values)."""
    if not values:
        return 0.0
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(fraction * len(ordered) + 0.5) - 1))
    return ordered[index]


def rank_items(search: PassageSearch, items: Sequence[GoldItem], top_k: int) -> tuple[list[RankedItem], list[float]]:
    ranked, latencies = [], []
    for item in retrieval_items(items):
        started = time.perf_counter()
        passages = search.passages(retrieval_query(item), top_k)
        latencies.append((time.perf_counter() - started) * 1000)
        ranked.append(
            RankedItem(
                item_id=item.id,
                question=item.question,
                type=item.type,
                gold_doc=item.gold_doc or "",
                gold_clause=item.gold_clause or "",
                first_hit_rank=first_hit_rank(passages, item.gold_doc or "", item.gold_text or ""),
                top=passages[0] if passages else None,
            )
        )
    return ranked, latencies


def evaluate(search: PassageSearch, items: Sequence[GoldItem], top_k: int = DEFAULT_TOP_K) -> SystemReport:
    ranked, latencies = rank_items(search, items, top_k)
    return SystemReport(
        system=search.name,
        overall=score([item.first_hit_rank for item in ranked]),
        by_document=breakdown(ranked, key=lambda item: item.gold_doc),
        by_type=breakdown(ranked, key=lambda item: item.type),
        misses=[
            Miss(
                item_id=item.item_id,
                question=item.question,
                expected=f"{item.gold_doc} {item.gold_clause or '前言'}",
                rank=item.first_hit_rank,
                got_first=describe(item.top),
            )
            for item in misses(ranked, k=1)
        ],
        latency_ms_mean=round(sum(latencies) / len(latencies), 2) if latencies else 0.0,
        latency_ms_p95=round(percentile(latencies, 0.95), 2),
        ranked=ranked,
    )
