"""政策文件: the ingested documents, a full-text viewer with clause outline, and staff-only upload + re-index.

Upload is refused unless the visitor logged in with an account from ``POLICY_UI_AUTH``; without accounts the
upload controls are disabled and say why. The check happens on the server in ``upload_and_reindex`` — the
disabled widgets are only a hint.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import gradio as gr

from ingest.errors import PolicyAssistantError, UserInputError
from ingest.models import LEVEL_LABELS, STATUS_LABELS, Chunk, DocumentMeta
from ui import render
from ui.services import Services

DOCUMENT_SUFFIXES = (".txt", ".md", ".docx", ".pdf")
SIDECAR_SUFFIX = ".meta.yaml"
MAX_UPLOAD_BYTES = 20 * 1024 * 1024
MAX_UPLOAD_FILES = 10
UPLOAD_DISABLED_ZH = (
    "上传已停用：本页面未配置工作人员登录（环境变量 POLICY_UI_AUTH，格式“用户名:密码”）。"
    "为防止匿名访客修改政策库，只有登录的工作人员可以上传政策文件并重建索引。"
)
NOT_STAFF_ZH = "只有登录的工作人员可以上传政策文件并重建索引。"
_SAFE_NAME = re.compile(r"^[\w\u4e00-\u9fff（）()《》〔〕\-. ]+$")


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


def _checked_upload_name(path: Path) -> str:
    """The file name to store under the data dir, or ``UserInputError`` saying what is wrong with it."""
    name = path.name
    lowered = name.lower()
    if not (lowered.endswith(DOCUMENT_SUFFIXES) or lowered.endswith(SIDECAR_SUFFIX)):
        allowed = "、".join([*DOCUMENT_SUFFIXES, SIDECAR_SUFFIX])
        raise UserInputError(f"不支持的文件类型：{name}（支持 {allowed}）", f"unsupported file type: {name}")
    if name.startswith(".") or not _SAFE_NAME.match(name):
        raise UserInputError(
            f"文件名含有不允许的字符：{name}（请只用中文、字母、数字、空格、-、_ 和 .）", f"unsafe file name: {name}"
        )
    size = path.stat().st_size
    if size == 0:
        raise UserInputError(f"文件是空的：{name}", f"empty file: {name}")
    if size > MAX_UPLOAD_BYTES:
        raise UserInputError(f"文件过大：{name}（上限 20MB）", f"file too large: {name}")
    return name


def upload_and_reindex(
    services: Services,
    username: str | None,
    files: Sequence[str | Path] | None,
    progress: Callable[[int, int], None] | None = None,
) -> str:
    """Staff only: copy uploads into the data dir, re-index them and report what changed (HTML)."""
    if not services.upload_enabled:
        return render.error_html(UPLOAD_DISABLED_ZH)
    if not services.is_staff(username):
        return render.error_html(NOT_STAFF_ZH)
    paths = [Path(f) for f in files or []]
    if not paths:
        return render.error_html("请先选择要上传的政策文件。")
    if len(paths) > MAX_UPLOAD_FILES:
        return render.error_html(f"一次最多上传{MAX_UPLOAD_FILES}个文件。")
    try:
        names = [_checked_upload_name(p) for p in paths]
    except UserInputError as exc:
        return render.error_html(exc.zh)
    if all(name.lower().endswith(SIDECAR_SUFFIX) for name in names):
        return render.error_html("只上传了元数据文件（.meta.yaml），请同时上传对应的政策文件。")
    data_dir = services.settings.data_dir
    data_dir.mkdir(parents=True, exist_ok=True)
    stored = []
    for source, name in zip(paths, names, strict=True):
        target = data_dir / name
        shutil.copyfile(source, target)
        stored.append(target)
    documents = [p for p in stored if not p.name.lower().endswith(SIDECAR_SUFFIX)]
    from retriever.index import ingest_paths

    try:
        # reuse the loaded embedding model instead of building a second one
        embedder = getattr(services.retriever, "embedder", None)
        report = ingest_paths(services.settings, documents, progress=progress, embedder=embedder)
    except Exception as exc:  # never a traceback on the page; the live index is untouched on failure
        message, _ = services.failure(exc, action_zh="导入政策文件", command="ui.upload", files=names)
        return render.error_html(message)
    services.reload()
    return render.ingest_report_html(report_lines(report), problem_lines(report))


CHANGE_LABELS = {"added": "新增", "changed": "更新", "removed": "移除", "unchanged": "未变"}


def report_lines(report: Any) -> list[str]:
    """One Chinese line per document, e.g. ``新增：《标题》（12 条）``."""
    lines = []
    for change in report.documents:
        detail = f"{change.chunks} 条"
        if change.status == "changed":
            detail += f"，新增 {change.added_chunks} 条、删除 {change.removed_chunks} 条"
        lines.append(f"{CHANGE_LABELS.get(change.status, change.status)}：《{change.title}》（{detail}）")
    if not report.published and report.documents:
        lines.append("索引内容没有变化。")
    return lines


def problem_lines(report: Any) -> list[str]:
    return [f"{Path(problem.path).name}：{problem.message_zh}" for problem in report.problems]


def rules_section(services: Services) -> None:
    """计算规则 (rules as data): each document's rules and their verification status; the button re-reads them."""
    from ui.rules_view import rules_status_html

    def current() -> str:
        from assistant.rules.store import rules_status

        return rules_status_html(rules_status(services.settings))

    with gr.Accordion("计算规则及核验状态", open=False):
        view = gr.HTML(current(), elem_id="docs-rules-status")
        gr.Button("刷新规则状态", elem_id="docs-rules-refresh").click(current, outputs=view, api_visibility="private")


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

    rules_section(services)
    with gr.Accordion("上传政策文件并重建索引（工作人员）", open=False):
        if not services.upload_enabled:
            gr.HTML(render.notice_html(UPLOAD_DISABLED_ZH), elem_id="upload-disabled")
        files = gr.File(
            label="政策文件（.txt .md .docx .pdf，可附同名 .meta.yaml 元数据）",
            file_count="multiple",
            file_types=[*DOCUMENT_SUFFIXES, ".yaml"],
            type="filepath",
            interactive=services.upload_enabled,
        )
        upload_button = gr.Button("导入并重建索引", variant="primary", interactive=services.upload_enabled)
        report = gr.HTML(elem_id="upload-report")

        def on_upload(uploaded: list[str] | None, request: gr.Request, progress=gr.Progress()) -> str:  # noqa: B008
            def report_progress(done: int, total: int) -> None:
                progress((done, total), desc="正在计算向量并建立索引…", unit="条")

            return upload_and_reindex(services, request.username, uploaded, report_progress)

        upload_button.click(on_upload, inputs=files, outputs=report, api_visibility="private").then(
            refresh, outputs=[table, chooser], api_visibility="private"
        )
    return refresh, [table, chooser]
