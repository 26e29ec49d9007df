"""Clause lookup as the CLI, the page and the LLM's search tool do it: read the question once, restrict to the
regions whose rules apply to the places it names, rank with that reading."""

from __future__ import annotations

from retriever.models import SearchFilters, SearchResponse
from retriever.protocols import Retriever
from retriever.understanding import Understanding


def jurisdiction_filters(understanding: Understanding) -> SearchFilters | None:
    """Places named → only the regions whose rules apply there (own, parents', national); a place no document
    covers → national rules only; only national rules asked → national. None when the question names no place."""
    if understanding.places or understanding.national:
        return SearchFilters(regions=list(understanding.regions))
    return None


def merge_filters(explicit: SearchFilters | None, implied: SearchFilters | None) -> SearchFilters | None:
    """An explicit region or document filter replaces the implied region restriction; statuses combine."""
    if explicit is None or explicit.is_empty():
        return implied if explicit is None else (implied or explicit)
    if explicit.regions is not None or explicit.doc_ids is not None or implied is None:
        return explicit
    return implied.model_copy(update={"statuses": explicit.statuses})


def lookup(
    retriever: Retriever, query: str, *, top_k: int = 5, filters: SearchFilters | None = None,
    understanding: Understanding | None = None,
) -> SearchResponse:
    """Search with the question's jurisdiction applied unless the caller filters explicitly."""
    understanding = understanding or retriever.understand(query)
    effective = merge_filters(filters, jurisdiction_filters(understanding))
    return retriever.search(query, top_k=top_k, filters=effective, understanding=understanding)


def region_choices(retriever: Retriever, value: str) -> list[str]:
    """The library regions a user-typed region name stands for: 北京 → [北京市], 海淀 → [北京市] (the region whose
    rules apply there), 全国 → national; [] when it names no covered region."""
    regions = sorted({d.region for d in retriever.documents()})
    if value in regions:
        return [value]
    understanding = retriever.understand(value)
    if understanding.places:
        local = [r for r in understanding.places[0].regions if r != "全国"]
        return local[:1]
    return [r for r in understanding.regions if r in regions][:1]


def document_choices(retriever: Retriever, value: str) -> list[str]:
    """Documents a user-typed 文号, short 文号 (33号文) or title stands for."""
    return retriever.understand(value).doc_ids
