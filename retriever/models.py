"""Retrieval records: filters, query analysis, hits and responses."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from ingest.models import Chunk, DocumentMeta, Status
from retriever.understanding import Understanding


class SearchFilters(BaseModel):
    """Hard metadata filters. ``None`` = no restriction on that field."""

    model_config = ConfigDict(extra="forbid")

    regions: list[str] | None = Field(None, description="Canonical region names, e.g. ['北京市'].")
    doc_ids: list[str] | None = None
    statuses: list[Status] | None = None

    def is_empty(self) -> bool:
        return not (self.regions or self.doc_ids or self.statuses)


def chunk_heading(chunk: Chunk) -> str:
    """The heading a citation shows after the clause path: the clause's own heading, or for a table row its
    table's caption (without the attachment label the path already names); the preamble has none."""
    if chunk.kind == "preamble":
        return ""
    if chunk.kind == "table_row":
        caption = chunk.heading_path[-1] if len(chunk.heading_path) > 1 else ""
        prefix = chunk.clause_path.split(" ")[0] if " " in chunk.clause_path else ""
        return caption[len(prefix) :].strip() if prefix and caption.startswith(prefix) else caption
    return chunk.clause_heading


class SearchHit(BaseModel):
    chunk: Chunk
    score: float = Field(description="Fused score (higher is better).")
    rank: int = Field(ge=1)
    dense_rank: int | None = None
    lexical_rank: int | None = None
    relevance: str | None = Field(None, description="高/中/低 from retriever.relevance; None when not judged.")


class SearchResponse(BaseModel):
    query: str
    understanding: Understanding
    filters: SearchFilters
    hits: list[SearchHit]
    elapsed_ms: float
    suggestions: list[SearchHit] = Field(
        default_factory=list, description="Nearest hits judged not relevant (shown as 可能相关, never as results)."
    )

    def judged_relevant(self) -> list[SearchHit]:
        """The hits whose own words pass the relevance cut (高/中), without those kept only for their document (低)."""
        return [h for h in self.hits if h.relevance != "低"]

    def below_cut(self) -> list[SearchHit]:
        """The hits kept only for their document and the suggestions, in fused rank order: what a caller with its
        own support judgement looks at when no relevant hit supports an answer."""
        return sorted([*(h for h in self.hits if h.relevance == "低"), *self.suggestions], key=lambda h: h.rank)

    def contract(self) -> dict:
        """The GUIDE's JSON shape for ``search`` (``results`` holds the relevant hits, then the other hits of their
        documents labelled 低; ``suggestions`` the rest)."""
        return {
            "query": self.query,
            "results": [_hit_json(h) for h in self.hits],
            "suggestions": [_hit_json(h) for h in self.suggestions],
            "analysis": self.understanding.summary(),
            "filters": self.filters.model_dump(),
            "elapsed_ms": round(self.elapsed_ms, 2),
        }


def _hit_json(h: SearchHit) -> dict:
    return {
        "id": h.chunk.id,
        "doc_id": h.chunk.doc_id,
        "title": h.chunk.title,
        "doc_number": h.chunk.doc_number,
        "region": h.chunk.region,
        "clause": h.chunk.clause_path,
        "heading": chunk_heading(h.chunk),
        "text": h.chunk.text,
        "score": round(h.score, 6),
        "relevance": h.relevance,
        "publish_date": h.chunk.publish_date,
        "status": h.chunk.status,
        "level": h.chunk.level,
        "kind": h.chunk.kind,
    }


class FileRecord(BaseModel):
    """One file of an index generation as it was published."""

    model_config = ConfigDict(extra="forbid")

    bytes: int = Field(ge=0)
    sha256: str | None = Field(None, description="None for a file rewritten by its owner on open (checked by content).")


class IndexManifest(BaseModel):
    """Stored with every index generation: which model made the vectors, and what documents are inside."""

    embedding_name: str
    embedding_dimension: int
    documents: list[DocumentMeta]
    chunk_count: int
    created_at: str
    generation: str = Field("", description="Directory / collection suffix of this index generation.")
    document_chunk_counts: dict[str, int] = Field(default_factory=dict, description="doc_id → number of chunks.")
    store: str = Field("local", description="'local' (PersistentClient) or 'server' (HttpClient).")
    files: dict[str, FileRecord] = Field(
        default_factory=dict, description="Every file of the generation (POSIX path below it) → size and sha256."
    )
    counts: dict[str, int] = Field(
        default_factory=dict, description="Records per store: chunks, vectors, bm25 and bm25_sentences entries."
    )
    seal: str = Field("", description="sha256 of this manifest's text with an empty seal (retriever.integrity).")
