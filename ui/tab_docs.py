"""政策文件: the ingested documents and a full-text viewer with clause outline (public, read-only).

Uploading, editing metadata and withdrawing documents happen in the staff area (``ui.staff``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import gradio as gr

from ingest.errors import PolicyAssistantError
from ingest.models import LEVEL_LABELS, STATUS_LABELS, Chunk, DocumentMeta
from ui import render
from ui.services import Services
from ui.trust_view import flagged_clauses_html


def document_rows(services: Services) -> list[dict[str, Any]]:
    """Metadata + chunk count per ingested document (for the table)."""
    retriever = services.require_retriever()
    rows = []
    for meta in retriever.documents():
        rows.append(
            {
                "doc_id": meta.doc_id,
                "title": meta.title,
                "doc_number": meta.doc_number,
                "region": meta.region,
                "level": LEVEL_LABELS.get(meta.level, meta.level),
                "publish_date": meta.publish_date.isoformat() if meta.publish_date else None,
                "status": STATUS_LABELS.get(meta.status, meta.status),
                "chunks": len(retriever.chunks_of(meta.doc_id)),
            }
        )
    return rows


def document_sections(chunks: Sequence[Chunk]) -> list[dict[str, Any]]:
    """Chunks in reading order, parts of a split clause joined back into one section (``ids``: its chunks)."""
    sections: list[dict[str, Any]] = []
    for chunk in sorted(chunks, key=lambda c: (c.order, c.part)):
        if chunk.part > 1 and sections and sections[-1]["clause"] == chunk.clause_path:
            sections[-1]["text"] += chunk.text
            sections[-1]["ids"].append(chunk.id)
            continue
        sections.append(
            {"clause": chunk.clause_path, "heading": chunk.clause_heading, "text": chunk.text, "ids": [chunk.id]}
        )
    return sections


def document_choice(meta: DocumentMeta) -> tuple[str, str]:
    """(label, doc_id) for a document picker: the title with its 文号, so staff can tell documents apart."""
    return (f"{meta.title}（{meta.doc_number}）" if meta.doc_number else meta.title), meta.doc_id


def document_meta_line(meta: DocumentMeta) -> str:
    parts = [
        meta.doc_number or "无文号",
        meta.issuer,
        meta.region,
        meta.publish_date.isoformat() if meta.publish_date else None,
        STATUS_LABELS.get(meta.status, meta.status),
    ]
    return " · ".join(p for p in parts if p)


def view_document(services: Services, doc_id: str | None, target_chunk: str | None = None) -> str:
    """The full document; with ``target_chunk`` (a chunk of it) that clause is highlighted and scrolled to."""
    if not doc_id:
        return render.notice_html("请选择一份文件查看全文。")
    try:
        retriever = services.require_retriever()
    except PolicyAssistantError as exc:
        return render.error_html(exc.zh)
    meta = next((m for m in retriever.documents() if m.doc_id == doc_id), None)
    if meta is None:
        return render.error_html("没有这份文件，可能已被移除，请刷新列表。")
    chunks = retriever.chunks_of(doc_id)
    sections = document_sections(chunks)
    target = next((i for i, section in enumerate(sections) if target_chunk in section["ids"]), None)
    viewer = render.document_viewer_html(meta.title, document_meta_line(meta), sections, target=target)
    return viewer + flagged_clauses_html(chunks)  # clauses kept out of answers (content trust), shown to staff


def locate(services: Services, chunk_id: str | None) -> tuple[str | None, str]:
    """"在原文中定位": (doc_id, viewer HTML with the clause highlighted) for a chunk id from a lookup card."""
    try:
        chunk = services.require_retriever().get_chunk(chunk_id or "")
    except PolicyAssistantError as exc:
        return None, render.error_html(exc.zh)
    if chunk is None:
        return None, render.error_html("找不到这条条款，可能文件已更新，请重新检索。")
    return chunk.doc_id, view_document(services, chunk.doc_id, chunk.id)


SCROLL_TO_TARGET_JS = """
() => {
  const show = (tries) => {
    const target = document.querySelector('#docs-viewer .pa-target');
    if (!target || target.offsetParent === null) { if (tries > 0) setTimeout(() => show(tries - 1), 100); return; }
    target.scrollIntoView({block: 'center'});
    target.focus({preventScroll: true});
  };
  show(50);
}
"""


def rules_section(services: Services) -> None:
    """计算规则 (rules as data): each document's rules and their verification status; the button re-reads them."""
    from ui.rules_view import rules_status_html

    def current() -> str:
        from assistant.rules.store import rules_status

        return rules_status_html(rules_status(services.settings))

    with gr.Accordion("计算规则及核验状态", open=False):
        view = gr.HTML(current(), elem_id="docs-rules-status")
        gr.Button("刷新规则状态", elem_id="docs-rules-refresh").click(current, outputs=view, api_visibility="private")


def build_docs_tab(
    services: Services,
) -> tuple[Callable[[], tuple[str, Any]], list[gr.components.Component], tuple[Any, Any, Any]]:
    """Build the tab; returns the refresh function and its outputs so the page can fill them on load, and the
    (document chooser, viewer, located-chunk state) that "在原文中定位" in the lookup tab drives."""
    refresh_button = gr.Button("刷新列表", size="sm")
    table = gr.HTML(elem_id="docs-table")
    chooser = gr.Dropdown(label="查看全文", choices=[], value=None, elem_id="docs-chooser")
    viewer = gr.HTML(elem_id="docs-viewer")

    def refresh() -> tuple[str, Any]:
        try:
            rows = document_rows(services)
        except PolicyAssistantError as exc:
            return render.error_html(exc.zh), gr.update(choices=[], value=None)
        choices = [(f"{r['title']}（{r['doc_number']}）" if r["doc_number"] else r["title"], r["doc_id"]) for r in rows]
        return render.documents_table_html(rows), gr.update(choices=choices)

    refresh_button.click(refresh, outputs=[table, chooser], api_visibility="private")
    target = gr.State(None)  # the chunk "在原文中定位" asked for; highlighted while its document is shown
    chooser.change(
        lambda doc_id, chunk_id: view_document(services, doc_id, chunk_id), [chooser, target], viewer,
        api_visibility="private",
    )

    rules_section(services)
    return refresh, [table, chooser], (chooser, viewer, target)
