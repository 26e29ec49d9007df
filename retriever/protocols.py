"""One Protocol per seam (haystack style). Implementations are plain classes."""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from ingest.models import Chunk, DocumentMeta
from retriever.models import SearchFilters, SearchResponse
from retriever.understanding import Understanding


@runtime_checkable
class Embedder(Protocol):
    """Turns text into unit-length vectors. Documents and queries may be embedded differently (prefixes)."""

    @property
    def name(self) -> str: ...  # stable id stored with the collection, e.g. "use-multilingual-v3"

    @property
    def dimension(self) -> int: ...

    def embed_documents(self, texts: list[str]) -> list[list[float]]: ...

    def embed_query(self, text: str) -> list[float]: ...


class Retriever(Protocol):
    """What the assistant and the UI need from retrieval.

    ``understand`` reads a question (places and the rules that apply, documents, intents, facts) against the live
    library; ``search`` ranks clauses, using that reading for ranking only — filters are the caller's, explicit
    (``retriever.lookup.jurisdiction_filters`` turns a reading into the usual region restriction)."""

    def understand(self, text: str) -> Understanding: ...

    def search(
        self,
        query: str,
        top_k: int = 5,
        filters: SearchFilters | None = None,
        understanding: Understanding | None = None,
    ) -> SearchResponse: ...

    def documents(self) -> list[DocumentMeta]: ...

    def chunks_of(self, doc_id: str) -> list[Chunk]: ...

    def get_chunk(self, chunk_id: str) -> Chunk | None: ...
