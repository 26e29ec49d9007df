"""``policy-assistant search QUERY [--top-k N] [--region R] [--doc D] [--json] [--batch FILE]``."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any

import typer

from ingest.errors import PolicyAssistantError, UserInputError
from ui.cli_common import fail, fail_from, load_settings, print_json, read_batch, run_batch, warn_index_problem

if TYPE_CHECKING:
    from retriever.hybrid import HybridRetriever
    from retriever.models import SearchFilters, SearchResponse


def _filters(retriever: HybridRetriever, region: str | None, doc: str | None) -> SearchFilters | None:
    """--region / --doc accept canonical names, aliases, 文号 and titles; unknown values are rejected."""
    from assistant.validation import validate_filter_value
    from retriever.lookup import document_choices, region_choices
    from retriever.models import SearchFilters

    documents = retriever.documents()
    regions = doc_ids = None
    if region is not None:
        allowed = sorted({d.region for d in documents})
        try:
            regions = [validate_filter_value(region, allowed, field_zh="地区")]
        except UserInputError:
            regions = region_choices(retriever, region)  # 北京, 海淀 (→ 北京市), 全国
            if not regions:
                raise
    if doc is not None:
        aliases = {d.doc_number: d.doc_id for d in documents if d.doc_number} | {d.title: d.doc_id for d in documents}
        try:
            doc_ids = [validate_filter_value(doc, [d.doc_id for d in documents], field_zh="文件", aliases=aliases)]
        except UserInputError:
            named = document_choices(retriever, doc)  # 文号 variants (京政发[2011]33号, 33号文), title words
            if len(named) != 1:
                raise
            doc_ids = named
    return SearchFilters(regions=regions, doc_ids=doc_ids) if (regions or doc_ids) else None


def _cite_lines(hits: list[Any]) -> list[str]:
    """The standard citation of each hit (``assistant.citations.format_citation``), ready to paste."""
    from assistant.citations import citation_from_record

    return [citation_from_record(item).formatted for item in hits]


def _print_cites(response: SearchResponse) -> None:
    contract = response.contract()
    if not contract["results"]:
        typer.echo("未找到相关条款。", err=True)
    for line in _cite_lines(contract["results"]):
        typer.echo(line)


def _print_text(response: SearchResponse) -> None:
    understanding = response.understanding
    typer.echo(f"查询：{response.query}（用时 {response.elapsed_ms:.1f} 毫秒）")
    if understanding.places:
        notes = []
        covered = [p.label for p in understanding.places if p.covered]
        if covered:
            notes.append("识别到地区：" + "、".join(covered) + "（适用：" + "、".join(understanding.regions) + "）")
        if understanding.uncovered:
            notes.append("本库没有适用于以下地区的地方文件：" + "、".join(p.label for p in understanding.uncovered))
        typer.echo("；".join(notes))
    if not response.hits:
        typer.echo("未找到相关条款。")
        if response.suggestions:
            names = "；".join(f"《{h.chunk.title}》{h.chunk.clause_path or '前言'}" for h in response.suggestions[:3])
            typer.echo(f"可能相关（相关度低，仅供参考）：{names}")
    for hit in response.hits:
        chunk = hit.chunk
        clause = chunk.clause_path or chunk.clause_heading or "前言"
        number = f"（{chunk.doc_number}）" if chunk.doc_number else ""
        level = f"相关度{hit.relevance}" if hit.relevance else f"得分 {hit.score:.4f}"
        typer.echo(f"\n{hit.rank}. 《{chunk.title}》{number}{clause}  [{chunk.region}]  {level}")
        typer.echo(chunk.text)


def search_command(
    query: Annotated[str | None, typer.Argument(help="搜索词，例如：石家庄 技能提升补贴")] = None,
    top_k: Annotated[int | None, typer.Option("--top-k", help="返回条数（1–50，默认 POLICY_TOP_K）。")] = None,
    region: Annotated[str | None, typer.Option("--region", help="只看某地区，例如 北京市 / 石家庄。")] = None,
    doc: Annotated[str | None, typer.Option("--doc", help="只看某文件：doc_id、文号或标题。")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="以 JSON 输出。")] = False,
    batch: Annotated[
        str | None, typer.Option("--batch", help="每行一个搜索词的文件（- 为标准输入），逐行输出 JSON。")
    ] = None,
    cite: Annotated[
        bool, typer.Option("--cite", help="每条结果输出一行标准引用：《标题》（文号）条款 标题：“原文”（效力，日期）。")
    ] = False,
) -> None:
    """检索政策条款：显示出处（标题、文号、条款号）、地区与相关度。"""
    from assistant.validation import validate_query
    from retriever.factory import open_retriever

    if (query is None) == (batch is None):
        fail("请提供一个搜索词，或用 --batch 指定搜索词文件（二者选一）。", "give QUERY or --batch FILE (exactly one)")
    settings = load_settings()
    limit = settings.top_k if top_k is None else top_k
    if not 1 <= limit <= 50:
        fail("--top-k 须在 1 到 50 之间。", "--top-k must be within 1..50")
    lines = read_batch(batch, settings) if batch is not None else []  # refused before the index is opened
    try:
        if query is not None:
            query = validate_query(query)
        retriever = open_retriever(settings)
        filters = _filters(retriever, region, doc)
    except PolicyAssistantError as error:
        fail_from(error)
    warn_index_problem(retriever.index_problem)

    def search_one(text: str) -> SearchResponse:
        from retriever.lookup import lookup

        return lookup(retriever, validate_query(text), top_k=limit, filters=filters)

    if batch is not None:

        def handle(line: str) -> dict[str, Any]:
            try:
                data = search_one(line).contract()
                if cite:
                    data["citations"] = _cite_lines(data["results"])
                return data
            except UserInputError as error:
                return {"query": line, "error": error.zh, "error_en": error.en, "results": []}

        run_batch(lines, handle)
        return
    try:
        response = search_one(query)
    except PolicyAssistantError as error:
        fail_from(error)
    if as_json:
        data = response.contract()
        if cite:
            data["citations"] = _cite_lines(data["results"])
        print_json(data)
    elif cite:
        _print_cites(response)
    else:
        _print_text(response)


def register(app: typer.Typer) -> None:
    app.command("search")(search_command)
