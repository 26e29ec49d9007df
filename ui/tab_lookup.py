"""条款检索 for hotline staff: search as you type, filter by region/document, copy a citation.

``run_search`` is also the page's public ``search`` API endpoint (GUIDE contract), so the page and scripts see
exactly the same results.
"""

from __future__ import annotations

from typing import Any

import gradio as gr

from ingest.errors import UserInputError
from retriever.lookup import lookup
from retriever.models import SearchFilters
from ui import render
from ui.services import Services

ALL_REGIONS = "全部地区"
ALL_DOCUMENTS = "全部文件"
MAX_TOP_K = 50
_MIN_TERM_CHARS = 2


def _region_filter(services: Services, region: str | None) -> list[str] | None:
    from assistant.validation import validate_filter_value

    if not region or region == ALL_REGIONS:
        return None
    documents = services.require_retriever().documents()
    aliases = {alias: meta.region for meta in documents for alias in meta.aliases}
    regions = [meta.region for meta in documents]
    return [validate_filter_value(region, regions, field_zh="地区", aliases=aliases)]


def _document_filter(services: Services, doc: str | None) -> list[str] | None:
    """Accept a doc_id, a 文号 or a title."""
    from assistant.validation import validate_filter_value

    if not doc or doc == ALL_DOCUMENTS:
        return None
    documents = services.require_retriever().documents()
    aliases = {}
    for meta in documents:
        aliases[meta.title] = meta.doc_id
        if meta.doc_number:
            aliases[meta.doc_number] = meta.doc_id
    return [validate_filter_value(doc, [m.doc_id for m in documents], field_zh="文件", aliases=aliases)]


def run_search(services: Services, query: str, top_k: int = 5, region: str = "", doc: str = "") -> dict[str, Any]:
    """The GUIDE's search JSON. Bad input raises ``UserInputError`` (Chinese ``.zh``)."""
    from assistant.validation import validate_query

    cleaned = validate_query(query)
    if not isinstance(top_k, int | float) or top_k != top_k or not 1 <= int(top_k) <= MAX_TOP_K:
        raise UserInputError(f"返回条数应为 1 到 {MAX_TOP_K} 之间的整数。", f"top_k must be 1..{MAX_TOP_K}")
    filters = SearchFilters(regions=_region_filter(services, region), doc_ids=_document_filter(services, doc))
    response = lookup(services.require_retriever(), cleaned, top_k=int(top_k), filters=filters)
    return response.contract()


def highlight_terms(query: str) -> list[str]:
    """Words to mark in results: jieba's search-mode cut (same tokenizer family as BM25), 2+ characters."""
    import jieba

    words = [w.strip() for w in jieba.cut_for_search(query)]
    terms = [w for w in words if len(w) >= _MIN_TERM_CHARS]
    return sorted(set(terms), key=len, reverse=True)


def search_html(services: Services, query: str, top_k: float, region: str | None, doc: str | None) -> str:
    """The lookup panel's HTML (errors inline, in Chinese)."""
    if not (query or "").strip():
        return render.notice_html("请输入关键词，例如：技能提升补贴、职工教育经费、退役军人。")
    try:
        result = run_search(services, query, int(top_k), region or "", doc or "")
    except Exception as exc:  # never a traceback on the page
        return render.error_html(services.failure(exc, action_zh="检索", command="ui.search", query=query)[0])
    return render.search_results_html(result, highlight_terms(result["query"]))


def filter_choices(services: Services) -> tuple[list[str], list[tuple[str, str]]]:
    """Region and document choices from what is actually indexed."""
    if services.retriever is None:
        return [ALL_REGIONS], [(ALL_DOCUMENTS, ALL_DOCUMENTS)]
    documents = services.retriever.documents()
    regions = [ALL_REGIONS, *dict.fromkeys(meta.region for meta in documents)]
    docs = [(ALL_DOCUMENTS, ALL_DOCUMENTS), *((meta.title, meta.doc_id) for meta in documents)]
    return regions, docs


# Delegated click handler for the cards' 复制引用 buttons (our own constant code, never user content).
COPY_JS = """
const fallbackCopy = (text) => {
  const area = document.createElement('textarea');
  area.value = text; area.setAttribute('readonly', ''); area.style.position = 'fixed'; area.style.opacity = '0';
  document.body.appendChild(area); area.select();
  try { return document.execCommand('copy'); } finally { area.remove(); }
};
element.addEventListener('click', async (event) => {
  const button = event.target.closest('button.pa-copy');
  if (!button) return;
  const text = button.dataset.cite || '';
  let copied = false;
  try { await navigator.clipboard.writeText(text); copied = true; } catch (error) { copied = fallbackCopy(text); }
  button.textContent = copied ? '已复制' : '请手动复制';
  setTimeout(() => { button.textContent = '复制引用'; }, 1500);
});
"""


def build_lookup_tab(services: Services) -> tuple[Any, list[gr.components.Component]]:
    """Build the tab; returns a function that refreshes the filter choices (for page load) and its outputs."""
    query = gr.Textbox(
        label="关键词",
        placeholder="输入关键词，边输入边检索，例如：技能提升补贴",
        max_lines=1,
        elem_id="lookup-query",
        autofocus=False,
    )
    with gr.Row(equal_height=True):
        region = gr.Dropdown(label="地区", choices=[ALL_REGIONS], value=ALL_REGIONS, min_width=140)
        doc = gr.Dropdown(label="文件", choices=[ALL_DOCUMENTS], value=ALL_DOCUMENTS, min_width=200)
        top_k = gr.Slider(1, 20, value=services.settings.top_k, step=1, label="条数", min_width=140)
    results = gr.HTML(render.notice_html("请输入关键词。"), elem_id="lookup-results", js_on_load=COPY_JS)

    def do_search(q: str, k: float, r: str | None, d: str | None) -> str:
        return search_html(services, q, k, r, d)

    inputs = [query, top_k, region, doc]
    # .change, not .input: Gradio's textbox fires no input event for IME/pasted Chinese text
    query.change(do_search, inputs, results, trigger_mode="always_last", api_visibility="private")
    query.submit(do_search, inputs, results, api_visibility="private")
    for control in (region, doc, top_k):
        control.change(do_search, inputs, results, trigger_mode="always_last", api_visibility="private")

    def refresh_filters() -> tuple[Any, Any]:
        regions, docs = filter_choices(services)
        return gr.update(choices=regions), gr.update(choices=docs)

    return refresh_filters, [region, doc]
