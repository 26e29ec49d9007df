"""Answer engines see only regulation text: clauses addressed to a reader are kept out of answers.

``TrustedRetriever`` wraps the retriever given to answer engines. A clause flagged at ingest
(``Chunk.addressed_to == "reader"``, see ``ingest.trust``) — one that tells "the assistant" what to say, assigns a
role, asks to disregard other text — is data, not policy: it never becomes a numbered source for the LLM nor the
support of an offline answer. Chunks from an index written before the flag existed (``addressed_to is None``) are
classified on the fly, once per chunk id. Staff search (the UI lookup) keeps the raw retriever, where such clauses
stay visible (escaped) for review, and the documents tab lists them (``ui.trust_view``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ingest.trust import TrustClassifier, is_flagged

if TYPE_CHECKING:
    from ingest.models import Chunk, DocumentMeta
    from retriever.models import SearchFilters, SearchHit, SearchResponse
    from retriever.protocols import Retriever
    from retriever.understanding import Understanding


class TrustedRetriever:
    """A ``Retriever`` that never returns a clause addressed to a reader."""

    def __init__(self, inner: Retriever, classifier: TrustClassifier | None = None) -> None:
        self.inner = inner
        self._classifier = classifier
        self._verdicts: dict[str, bool] = {}  # chunk id → flagged, for chunks classified on the fly

    def flagged(self, chunk: Chunk) -> bool:
        if chunk.addressed_to is not None:
            return chunk.addressed_to == "reader"
        if chunk.id not in self._verdicts:
            self._verdicts[chunk.id] = is_flagged(chunk, self._classifier or TrustClassifier.load())
        return self._verdicts[chunk.id]

    def understand(self, text: str) -> Understanding:
        return self.inner.understand(text)

    def search(
        self,
        query: str,
        top_k: int = 5,
        filters: SearchFilters | None = None,
        understanding: Understanding | None = None,
    ) -> SearchResponse:
        response = self.inner.search(query, top_k=top_k, filters=filters, understanding=understanding)
        hits = self._regulation(response.hits)
        suggestions = self._regulation(response.suggestions)
        if len(suggestions) < len(response.suggestions):  # the nearest clauses below the cut: regulation text only
            response = response.model_copy(update={"suggestions": suggestions})
        if len(hits) == len(response.hits):
            return response
        # flagged clauses took places: look further, so engines still get up to top_k regulation clauses
        wider = self.inner.search(query, top_k=2 * top_k, filters=filters, understanding=understanding)
        hits = self._regulation(wider.hits)[:top_k]
        ranked = [hit.model_copy(update={"rank": rank}) for rank, hit in enumerate(hits, start=1)]
        return wider.model_copy(update={"hits": ranked, "suggestions": self._regulation(wider.suggestions)})

    def _regulation(self, hits: list[SearchHit]) -> list[SearchHit]:
        """The hits whose clauses are regulation text (none addressed to a reader), in their order."""
        return [hit for hit in hits if not self.flagged(hit.chunk)]

    def documents(self) -> list[DocumentMeta]:
        return self.inner.documents()

    def chunks_of(self, doc_id: str) -> list[Chunk]:
        return [chunk for chunk in self.inner.chunks_of(doc_id) if not self.flagged(chunk)]

    def get_chunk(self, chunk_id: str) -> Chunk | None:
        chunk = self.inner.get_chunk(chunk_id)
        return None if chunk is None or self.flagged(chunk) else chunk

    def __getattr__(self, name: str) -> Any:
        # Anything beyond the protocol (snapshot, close…) behaves exactly as the wrapped retriever.
        return getattr(self.inner, name)
