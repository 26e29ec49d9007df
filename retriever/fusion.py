"""Reciprocal rank fusion (Cormack et al. 2009): a pure function over ranked id lists."""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from typing import TypeVar

Id = TypeVar("Id", bound=Hashable)


def rrf(
    rankings: Sequence[Sequence[Id]], k: int = 60, weights: Sequence[float] | None = None
) -> list[tuple[Id, float]]:
    """Fuse rankings: score(id) = Σ weight_i / (k + rank_i(id)), rank 1-based; best first, ties by first seen.

    An id repeated within one ranking counts once (its best rank).
    """
    if k < 0:
        raise ValueError("k must be >= 0")
    if weights is None:
        weights = [1.0] * len(rankings)
    if len(weights) != len(rankings):
        raise ValueError("one weight per ranking is required")
    scores: dict[Id, float] = {}
    for ranking, weight in zip(rankings, weights, strict=True):
        seen: set[Id] = set()
        for rank, item in enumerate(ranking, start=1):
            if item in seen:
                continue
            seen.add(item)
            scores[item] = scores.get(item, 0.0) + weight / (k + rank)
    # sorted() is stable, so equal scores keep first-seen order
    return sorted(scores.items(), key=lambda pair: -pair[1])
