"""Build the retriever at the application edge: one embedder, one tokenizer, checked against the index."""

from __future__ import annotations

from ingest.knowledge import Knowledge
from ingest.settings import Settings
from retriever.embedders import build_embedder
from retriever.hybrid import HybridRetriever
from retriever.protocols import Embedder
from retriever.rerank import CrossEncoderReranker


def open_retriever(settings: Settings, *, embedder: Embedder | None = None) -> HybridRetriever:
    """Open the live index. Raises ``IndexError_`` (clear Chinese message) when there is no index yet or it was
    built with another embedding model — at start-up, never at query time."""
    retriever = HybridRetriever(
        index_dir=settings.index_dir,
        embedder=embedder or build_embedder(settings),
        chroma_url=settings.chroma_url,
        knowledge=Knowledge.load(settings.knowledge_dir),
        reranker=CrossEncoderReranker.load(settings.reranker_model) if settings.reranker_model else None,
        max_query_chars=settings.max_question_chars,
    )
    retriever.snapshot()  # fail now (missing index, model mismatch), not on the first question
    retriever.warm_up()
    return retriever
