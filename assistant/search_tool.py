"""The policy-search tool the LLM agent calls, and the numbered sources its citations must resolve to.

Every chunk shown to the model gets a stable number ``[n]`` for the whole answer (the same chunk keeps its
number across searches), so the verifier can check each ``[n]`` in the answer against what was retrieved.
"""

from __future__ import annotations

from langchain_core.tools import StructuredTool
from pydantic import BaseModel, ConfigDict, Field

from assistant.citations import citation_from_chunk, clause_label
from assistant.models import Citation
from assistant.validation import MAX_QUERY_CHARS
from ingest.models import Chunk
from retriever.lookup import lookup, region_choices
from retriever.models import SearchFilters
from retriever.protocols import Retriever
from retriever.understanding import Understanding

SEARCH_TOOL_NAME = "search_policies"


class PolicySearchInput(BaseModel):
    model_config = ConfigDict(extra="forbid")

    query: str = Field(
        min_length=1, max_length=MAX_QUERY_CHARS,
        description="检索词，用中文写出要查的事项，如“石家庄 技能提升补贴 标准”",
    )
    region: str | None = Field(
        None, max_length=20,
        description="只查某一地区的文件时填写，如 北京市、石家庄市、重庆市北碚区、全国；不限地区留空",
    )


class SourceRegistry:
    """Chunks shown to the model in this answer, numbered from 1 in order of first appearance."""

    def __init__(self) -> None:
        self._by_id: dict[str, int] = {}
        self.chunks: dict[int, Chunk] = {}

    def add(self, chunk: Chunk) -> int:
        if chunk.id not in self._by_id:
            n = len(self.chunks) + 1
            self._by_id[chunk.id] = n
            self.chunks[n] = chunk
        return self._by_id[chunk.id]

    def texts(self) -> dict[int, str]:
        return {n: chunk.text for n, chunk in self.chunks.items()}

    def citations(self, numbers: list[int]) -> list[Citation]:
        return [citation_from_chunk(n, self.chunks[n]) for n in numbers if n in self.chunks]


def format_source(n: int, chunk: Chunk) -> str:
    number = f"，{chunk.doc_number}" if chunk.doc_number else ""
    date = f"，{chunk.publish_date}" if chunk.publish_date else ""
    return f"[{n}]《{chunk.title}》{clause_label(chunk.clause_path)}（{chunk.region}{number}{date}）：{chunk.text}"


def search_and_number(
    retriever: Retriever, sources: SourceRegistry, query: str, *, region: str | None = None, top_k: int = 5,
    understanding: Understanding | None = None,
) -> str:
    """Run a search, number the hits in ``sources`` and return them as the model reads them. Without ``region``
    the question's own jurisdiction applies (the regions whose rules hold at the places it names)."""
    filters = None
    if region:
        regions = region_choices(retriever, region) or [region]
        filters = SearchFilters(regions=[*regions, "全国"])
    response = lookup(retriever, query, top_k=top_k, filters=filters, understanding=understanding)
    if not response.hits:
        return "没有检索到相关条款。"
    return "\n".join(format_source(sources.add(hit.chunk), hit.chunk) for hit in response.hits)


def policy_search_tool(retriever: Retriever, sources: SourceRegistry, *, top_k: int = 5) -> StructuredTool:
    """A StructuredTool bound to one answer's ``SourceRegistry``."""

    def run(query: str, region: str | None = None) -> str:
        return search_and_number(retriever, sources, query, region=region, top_k=top_k)

    return StructuredTool.from_function(
        func=run,
        name=SEARCH_TOOL_NAME,
        description="检索政策条款。返回带编号[n]的条款原文（标题、条款号、地区、文号、日期）；回答中用[n]引用。",
        args_schema=PolicySearchInput,
        handle_validation_error=True,
    )
