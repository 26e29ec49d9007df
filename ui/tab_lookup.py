"""条款检索 for hotline staff: search as you type, filters, removable query chips, honest "未找到", copy a citation.

``run_search`` is also the page's public ``search`` API endpoint (GUIDE contract), so the page and scripts see
exactly the same results. The page adds filters the API does not need (文号 typed, 效力, 层级, date range), shows
the region/document the query itself applied as chips that can be removed, says when a place has no document of
its own, and shows relevance in words.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from typing import Any

import gradio as gr

from ingest.errors import UserInputError
from ingest.models import LEVEL_LABELS, STATUS_LABELS, DocumentMeta
from retriever.lookup import document_choices, lookup
from retriever.models import SearchFilters
from ui import render
from ui.services import Services

ALL_REGIONS = "全部地区"
ALL_DOCUMENTS = "全部文件"
ALL = "全部"
MAX_TOP_K = 50
_MIN_TERM_CHARS = 2
_YEAR = re.compile(r"^\s*(\d{4})(?:\s*[-./年]\s*(\d{1,2}))?(?:\s*[-./月]\s*(\d{1,2}))?\s*日?\s*$")
REGION_CHIP, DOCUMENT_CHIP = "region", "doc"


def _region_filter(services: Services, region: str | None) -> list[str] | None:
    from assistant.validation import validate_filter_value

    if not region or region == ALL_REGIONS:
        return None
    documents = services.require_retriever().documents()
    aliases = {alias: meta.region for meta in documents for alias in meta.aliases}
    regions = [meta.region for meta in documents]
    return [validate_filter_value(region, regions, field_zh="地区", aliases=aliases)]


def _document_filter(services: Services, doc: str | None) -> list[str] | None:
    """Accept a doc_id, a 文号 (also typed loosely: 京政发[2011]33号, 33号文) or a title."""
    from assistant.validation import validate_filter_value

    if not doc or not doc.strip() or doc == ALL_DOCUMENTS:
        return None
    retriever = services.require_retriever()
    documents = retriever.documents()
    aliases = {}
    for meta in documents:
        aliases[meta.title] = meta.doc_id
        if meta.doc_number:
            aliases[meta.doc_number] = meta.doc_id
    try:
        return [validate_filter_value(doc, [m.doc_id for m in documents], field_zh="文件", aliases=aliases)]
    except UserInputError:
        named = document_choices(retriever, doc)  # 文号 variants (京政发[2011]33号, 33号文), title words
        if len(named) != 1:
            raise
        return list(named)


def run_search(services: Services, query: str, top_k: int = 5, region: str = "", doc: str = "") -> dict[str, Any]:
    """The GUIDE's search JSON. Bad input raises ``UserInputError`` (Chinese ``.zh``)."""
    from assistant.validation import validate_query

    cleaned = validate_query(query)
    top_k = _checked_top_k(top_k)
    filters = SearchFilters(regions=_region_filter(services, region), doc_ids=_document_filter(services, doc))
    response = lookup(services.require_retriever(), cleaned, top_k=top_k, filters=filters)
    return response.contract()


def _checked_top_k(top_k: Any) -> int:
    if not isinstance(top_k, int | float) or top_k != top_k or not 1 <= int(top_k) <= MAX_TOP_K:
        raise UserInputError(f"返回条数应为 1 到 {MAX_TOP_K} 之间的整数。", f"top_k must be 1..{MAX_TOP_K}")
    return int(top_k)


# ---------------------------------------------------------------- the page's richer search


def parse_day(text: str | None, *, end: bool) -> date | None:
    """"2019", "2019-10", "2019年10月15日" → a date (a year or month alone covers all of it); blank → None."""
    if not text or not text.strip():
        return None
    match = _YEAR.match(text.strip())
    if not match:
        raise UserInputError(f"日期格式不对：{text.strip()[:20]}（例如 2019 或 2019-10-15）", "bad date")
    year, month, day = int(match[1]), match[2], match[3]
    try:
        if month is None:
            return date(year, 12, 31) if end else date(year, 1, 1)
        if day is None:
            following = date(year + int(month) // 12, int(month) % 12 + 1, 1)
            return date.fromordinal(following.toordinal() - 1) if end else date(year, int(month), 1)
        return date(year, int(month), int(day))
    except ValueError as exc:
        raise UserInputError(f"日期不存在：{text.strip()[:20]}", "impossible date") from exc


def documents_matching(
    documents: Sequence[DocumentMeta], *, level: str | None, since: date | None, until: date | None
) -> list[str] | None:
    """doc_ids passing the 层级 and date filters; None when neither is set."""
    if not level and since is None and until is None:
        return None
    kept = []
    for meta in documents:
        if level and meta.level != level:
            continue
        if (since or until) and meta.publish_date is None:
            continue
        if (since and meta.publish_date < since) or (until and meta.publish_date > until):
            continue
        kept.append(meta.doc_id)
    return kept


def _intersect(*groups: list[str] | None) -> list[str] | None:
    result: list[str] | None = None
    for group in groups:
        if group is not None:
            result = group if result is None else [d for d in result if d in group]
    return result


def page_search(
    services: Services,
    query: str,
    top_k: float,
    *,
    region: str | None = None,
    doc: str | None = None,
    doc_number: str | None = None,
    status: str | None = None,
    level: str | None = None,
    since: str | None = None,
    until: str | None = None,
    dropped: Sequence[str] = (),
) -> dict[str, Any]:
    """The lookup tab's search: every filter, and the query's own region/document filters unless dropped."""
    from assistant.validation import validate_query

    cleaned = validate_query(query)
    retriever = services.require_retriever()
    start, end = parse_day(since, end=False), parse_day(until, end=True)
    if start and end and start > end:
        raise UserInputError("开始日期晚于结束日期，请检查日期范围。", "date range is reversed")
    doc_ids = _intersect(
        _document_filter(services, doc),
        _document_filter(services, doc_number),
        documents_matching(retriever.documents(), level=level or None, since=start, until=end),
    )
    filters = SearchFilters(
        regions=_region_filter(services, region), doc_ids=doc_ids, statuses=[status] if status else None
    )
    understanding = retriever.understand(cleaned)
    if DOCUMENT_CHIP in dropped:  # the document the query names no longer comes first
        understanding = understanding.model_copy(update={"documents": []})
    if REGION_CHIP in dropped:  # the places the query names neither restrict nor rank
        understanding = understanding.model_copy(update={"places": [], "regions": [], "uncovered": []})
    response = lookup(retriever, cleaned, top_k=_checked_top_k(top_k), filters=filters, understanding=understanding)
    return response.contract()


def query_chips(result: dict[str, Any], titles: dict[str, str]) -> list[tuple[str, str]]:
    """(kind, label) of what the query itself applied: the place it names (restricting to the regions whose rules
    apply there) and the document it names (ranked first)."""
    applied = result.get("filters") or {}
    read = result.get("analysis") or {}
    chips = []
    if read.get("places") and read.get("regions") and applied.get("regions") == read["regions"]:
        chips.append((REGION_CHIP, "地区：" + "、".join(read["places"])))
    if read.get("documents"):
        named = [titles.get(d, d) for d in read["documents"]]
        chips.append((DOCUMENT_CHIP, "文件：" + "、".join(named) + "（优先）"))
    return chips


def uncovered_notice(result: dict[str, Any]) -> str | None:
    """本库没有上海的文件… — a place named in the query that no local document covers."""
    unknown = (result.get("analysis") or {}).get("uncovered") or []
    if not unknown:
        return None
    places = "、".join(unknown)
    if result.get("results"):
        return f"本库没有{places}的文件，以下为全国性规定。"
    return f"本库没有{places}的文件，也没有找到相关的全国性规定。"


def highlight_terms(query: str) -> list[str]:
    """Words to mark in results: jieba's search-mode cut (same tokenizer family as BM25), 2+ characters."""
    import jieba

    words = [w.strip() for w in jieba.cut_for_search(query)]
    terms = [w for w in words if len(w) >= _MIN_TERM_CHARS]
    return sorted(set(terms), key=len, reverse=True)


def search_html(services: Services, query: str, top_k: float, region: str | None, doc: str | None, **extra: Any) -> str:
    """The lookup panel's HTML (errors inline, in Chinese)."""
    return search_view(services, query, top_k, region=region, doc=doc, **extra)[0]


def search_view(services: Services, query: str, top_k: float, **filters: Any) -> tuple[str, list[tuple[str, str]]]:
    """(results HTML, the query's chips). Errors are shown inline in Chinese, never a traceback."""
    if not (query or "").strip():
        return render.notice_html("请输入关键词，例如：技能提升补贴、职工教育经费、退役军人。"), []
    try:
        result = page_search(services, query, top_k, **filters)
        titles = {m.doc_id: m.title for m in services.require_retriever().documents()}
    except Exception as exc:  # never a traceback on the page
        return render.error_html(services.failure(exc, action_zh="检索", command="ui.search", query=query)[0]), []
    notice = uncovered_notice(result)
    html = render.search_results_html(
        result, highlight_terms(result["query"]), notices=[notice] if notice else [], locate=True
    )
    return html, query_chips(result, titles)


def filter_choices(services: Services) -> tuple[list[str], list[tuple[str, str]]]:
    """Region and document choices from what is actually indexed (documents labelled with their 文号)."""
    from ui.tab_docs import document_choice

    if services.retriever is None:
        return [ALL_REGIONS], [(ALL_DOCUMENTS, ALL_DOCUMENTS)]
    documents = services.retriever.documents()
    regions = [ALL_REGIONS, *dict.fromkeys(meta.region for meta in documents)]
    docs = [(ALL_DOCUMENTS, ALL_DOCUMENTS), *(document_choice(meta) for meta in documents)]
    return regions, docs


# The results panel reports clicks on "在原文中定位" to Python (our own constant code, never user content).
LOCATE_JS = """
element.addEventListener('click', (event) => {
  const button = event.target.closest && event.target.closest('button.pa-locate');
  if (button) trigger('click', {chunk: button.dataset.chunk || ''});
});
"""
CHIPS_EMPTY = gr.update(visible=False)


def _drop(query: str, dropped: Any, kind: str) -> dict[str, Any]:
    """Remove one of the query's automatic filters (only for this query text; a new query gets them back)."""
    kinds = dropped["kinds"] if isinstance(dropped, dict) and dropped.get("query") == query else []
    return {"query": query, "kinds": [*kinds, kind]}


def build_lookup_tab(services: Services) -> tuple[Any, list[Any], Any]:
    """Build the tab; returns (filter refresh function for page load, its outputs, the results component whose
    click events carry the chunk a "在原文中定位" button asks for)."""
    query = gr.Textbox(
        label="关键词",
        placeholder="输入关键词，边输入边检索，例如：技能提升补贴",
        max_lines=1,
        elem_id="lookup-query",
        autofocus=False,
    )
    with gr.Row(equal_height=True):
        region = gr.Dropdown(label="地区", choices=[ALL_REGIONS], value=ALL_REGIONS, min_width=140,
                             elem_id="lookup-region")
        doc = gr.Dropdown(label="文件", choices=[ALL_DOCUMENTS], value=ALL_DOCUMENTS, min_width=200,
                          elem_id="lookup-doc")
        top_k = gr.Slider(1, 20, value=services.settings.top_k, step=1, label="条数", min_width=140)
    with gr.Accordion("更多筛选：文号、效力、层级、发布日期", open=False, elem_id="lookup-more"):
        with gr.Row(equal_height=True):
            doc_number = gr.Textbox(label="文号", placeholder="例如 京政发〔2011〕33号 或 33号文", max_lines=1,
                                    elem_id="lookup-docnumber", min_width=180)
            status = gr.Dropdown(label="效力", choices=[(ALL, ""), *((v, k) for k, v in STATUS_LABELS.items())],
                                 value="", elem_id="lookup-status", min_width=140)
            level = gr.Dropdown(label="层级", choices=[(ALL, ""), *((v, k) for k, v in LEVEL_LABELS.items())],
                                value="", elem_id="lookup-level", min_width=140)
        with gr.Row(equal_height=True):
            since = gr.Textbox(label="发布日期从", placeholder="例如 2011 或 2011-07-06", max_lines=1,
                               elem_id="lookup-since", min_width=140)
            until = gr.Textbox(label="发布日期到", placeholder="例如 2019-12-31", max_lines=1,
                               elem_id="lookup-until", min_width=140)
    dropped = gr.State(None)  # {"query": …, "kinds": […]}: chips removed for that query only
    with gr.Row(elem_id="lookup-chips", elem_classes=["pa-chips"]):
        chip_note = gr.HTML('<span class="pa-chip-note">已按查询词自动筛选（点击可取消）：</span>', visible=False)
        region_chip = gr.Button(visible=False, size="sm", elem_id="chip-region", elem_classes=["pa-chip"])
        doc_chip = gr.Button(visible=False, size="sm", elem_id="chip-doc", elem_classes=["pa-chip"])
    results = gr.HTML(render.notice_html("请输入关键词。"), elem_id="lookup-results", js_on_load=LOCATE_JS)
    filters = [query, top_k, region, doc, doc_number, status, level, since, until, dropped]

    def do_search(q, k, r, d, number, st, lv, start, end, drop) -> tuple[Any, ...]:
        kinds = drop["kinds"] if isinstance(drop, dict) and drop.get("query") == q else []
        html, chips = search_view(
            services, q, k, region=r, doc=d, doc_number=number, status=st, level=lv, since=start, until=end,
            dropped=kinds,
        )
        by_kind = dict(chips)
        updates = [
            gr.update(value=f"{by_kind[kind]} ✕", visible=True) if kind in by_kind else CHIPS_EMPTY
            for kind in (REGION_CHIP, DOCUMENT_CHIP)
        ]
        return html, gr.update(visible=bool(chips)), *updates

    outputs = [results, chip_note, region_chip, doc_chip]
    private = {"api_visibility": "private"}
    # .change, not .input: Gradio's textbox fires no input event for IME/pasted Chinese text
    for control in (query, region, doc, top_k, status, level):
        control.change(do_search, filters, outputs, trigger_mode="always_last", **private)
    for box in (query, doc_number, since, until):
        box.submit(do_search, filters, outputs, **private)
    for box in (doc_number, since, until):
        box.blur(do_search, filters, outputs, **private)
    for chip, kind in ((region_chip, REGION_CHIP), (doc_chip, DOCUMENT_CHIP)):
        chip.click(lambda q, drop, kind=kind: _drop(q, drop, kind), [query, dropped], dropped, **private).then(
            do_search, filters, outputs, **private
        )

    def refresh_filters() -> tuple[Any, Any]:
        regions, docs = filter_choices(services)
        return gr.update(choices=regions), gr.update(choices=docs)

    return refresh_filters, [region, doc], results
