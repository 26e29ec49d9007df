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


def document_sections(chunks: Sequence[Chunk]) -> list[dict[str, str]]:
    """Chunks in reading order, parts of a split clause joined back into one section."""
    sections: list[dict[str, str]] = []
    for chunk in sorted(chunks, key=lambda c: (c.order, c.part)):
        if chunk.part > 1 and sections and sections[-1]["clause"] == chunk.clause_path:
            sections[-1]["text"] += chunk.text
            continue
        sections.append({"clause": chunk.clause_path, "heading": chunk.clause_heading, "text": chunk.text})
    return sections


def document_meta_line(meta: DocumentMeta) -> str:
    parts = [
        meta.doc_number or "无文号",
        meta.issuer,
        meta.region,
        meta.publish_date.isoformat() if meta.publish_date else None,
        STATUS_LABELS.get(meta.status, meta.status),
    ]
    return " · ".join(p for p in parts if p)


def view_document(services: Services, doc_id: str | None) -> str:
    if not doc_id:
        return render.notice_html("请选择一份文件查看全文。")
    try:
        retriever = services.require_retriever()
    except PolicyAssistantError as exc:
        return render.error_html(exc.zh)
    meta = next((m for m in retriever.documents() if m.doc_id == doc_id), None)
    if meta is None:
        return render.error_html("没有这份文件，可能已被移除，请刷新列表。")
    sections = document_sections(retriever.chunks_of(doc_id))
    return render.document_viewer_html(meta.title, document_meta_line(meta), sections)


def build_docs_tab(services: Services) -> tuple[Callable[[], tuple[str, Any]], list[gr.components.Component]]:
    """Build the tab; returns the refresh function and its outputs so the page can fill them on load."""
    refresh_button = gr.Button("刷新列表", size="sm")
    table = gr.HTML(elem_id="docs-table")
    chooser = gr.Dropdown(label="查看全文", choices=[], value=None, elem_id="docs-chooser")
    viewer = gr.HTML(elem_id="docs-viewer")

    def refresh() -> tuple[str, Any]:
        try:
            rows = document_rows(services)
        except PolicyAssistantError as exc:
            return render.error_html(exc.zh), gr.update(choices=[], value=None)
        choices = [(row["title"], row["doc_id"]) for row in rows]
        return render.documents_table_html(rows), gr.update(choices=choices)

    refresh_button.click(refresh, outputs=[table, chooser], api_visibility="private")
    chooser.change(lambda doc_id: view_document(services, doc_id), chooser, viewer, api_visibility="private")
    return refresh, [table, chooser]
