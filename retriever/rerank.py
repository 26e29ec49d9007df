"""Optional cross-encoder reranking (off unless ``POLICY_RERANKER_MODEL`` is set; none ships offline)."""

from __future__ import annotations

from typing import Any, Protocol

from ingest.errors import IndexError_


class PairScorer(Protocol):
    """What we need from a sentence-transformers ``CrossEncoder``: one relevance score per (query, text) pair."""

    def predict(self, sentences: list[tuple[str, str]], **kwargs: Any) -> Any: ...


class CrossEncoderReranker:
    """Reorders fused candidates by a cross-encoder's scores (stable for ties)."""

    def __init__(self, scorer: PairScorer) -> None:
        self._scorer = scorer

    @classmethod
    def load(cls, model: str) -> CrossEncoderReranker:
        from sentence_transformers import CrossEncoder

        try:
            return cls(CrossEncoder(model, device="cpu"))
        except Exception as exc:
            raise IndexError_(
                f"无法加载重排序模型“{model}”：请确认本地路径存在，或取消 POLICY_RERANKER_MODEL 设置。",
                f"cannot load reranker {model!r}: {exc}",
            ) from exc

    def rerank(self, query: str, candidates: list[tuple[str, str]]) -> list[tuple[str, float]]:
        """``candidates`` are (id, text); returns (id, score) best first."""
        if not candidates:
            return []
        scores = self._scorer.predict([(query, text) for _id, text in candidates], show_progress_bar=False)
        scored = [(chunk_id, float(score)) for (chunk_id, _text), score in zip(candidates, scores, strict=True)]
        return sorted(scored, key=lambda pair: -pair[1])
