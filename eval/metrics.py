"""Pure retrieval metrics: hit detection, recall@k, MRR and per-group breakdowns.

A retrieved passage is a hit when it comes from the gold document and its text contains the gold text after
match normalization — so the metric works for our clause chunks and for the baseline's arbitrary chunks alike.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence

from pydantic import BaseModel, ConfigDict, Field

from eval.matching import normalize_for_match


class Passage(BaseModel):
    """What any retriever under evaluation returns, reduced to what the metrics need."""

    model_config = ConfigDict(extra="forbid")

    doc_id: str
    text: str
    clause: str = ""


class RankedItem(BaseModel):
    """One gold question after retrieval: where the first hit landed (None = not in the returned list)."""

    item_id: str
    question: str
    type: str
    gold_doc: str
    gold_clause: str
    first_hit_rank: int | None = Field(None, ge=1)
    top: Passage | None = Field(None, description="The first-ranked passage, for miss listings.")


class RetrievalScores(BaseModel):
    count: int
    recall_at_1: float
    recall_at_5: float
    mrr: float


def is_hit(passage: Passage, gold_doc: str, gold_text: str) -> bool:
    return passage.doc_id == gold_doc and normalize_for_match(gold_text) in normalize_for_match(passage.text)


def first_hit_rank(passages: Sequence[Passage], gold_doc: str, gold_text: str) -> int | None:
    """1-based rank of the first hit, or None."""
    for rank, passage in enumerate(passages, start=1):
        if is_hit(passage, gold_doc, gold_text):
            return rank
    return None


def recall_at_k(ranks: Sequence[int | None], k: int) -> float:
    """Share of questions whose first hit is within the top k (0.0 for no questions)."""
    if k < 1:
        raise ValueError("k must be >= 1")
    if not ranks:
        return 0.0
    return sum(1 for rank in ranks if rank is not None and rank <= k) / len(ranks)


def mean_reciprocal_rank(ranks: Sequence[int | None]) -> float:
    """Mean of 1/rank over questions; a miss counts 0."""
    if not ranks:
        return 0.0
    return sum(1.0 / rank for rank in ranks if rank is not None) / len(ranks)


def score(ranks: Sequence[int | None]) -> RetrievalScores:
    return RetrievalScores(
        count=len(ranks),
        recall_at_1=round(recall_at_k(ranks, 1), 4),
        recall_at_5=round(recall_at_k(ranks, 5), 4),
        mrr=round(mean_reciprocal_rank(ranks), 4),
    )


def breakdown(items: Iterable[RankedItem], key: Callable[[RankedItem], str]) -> dict[str, RetrievalScores]:
    """Scores per group (e.g. per document, per question type), groups sorted by name."""
    groups: dict[str, list[int | None]] = defaultdict(list)
    for item in items:
        groups[key(item)].append(item.first_hit_rank)
    return {name: score(ranks) for name, ranks in sorted(groups.items())}


def misses(items: Iterable[RankedItem], k: int = 1) -> list[RankedItem]:
    """Items whose first hit is not within the top k."""
    return [item for item in items if item.first_hit_rank is None or item.first_hit_rank > k]
