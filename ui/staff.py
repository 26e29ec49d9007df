"""The staff area: a second Gradio app, mounted at ``/staff`` behind the session login (``ui.server``).

Tabs: 政策文件 (list, metadata form, withdraw, delete) · 上传 · 计算规则 · 用户反馈 · 未解决问题 (grouped report + CSV).
Every event is private (no API endpoint) and every action re-checks the user the session vouched for.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

import gradio as gr

from ingest.models import LEVEL_LABELS, STATUS_LABELS
from ui import render, staff_docs, staff_form, staff_reports
from ui.services import Services
from ui.staff_render import staff_header_html, table_html
from ui.staff_upload import DOCUMENT_SUFFIXES, upload_and_reindex

PAGE_TITLE = "政策助手 · 工作人员区"
STAFF_PREFIX = "/staff"  # where ui.server mounts this app
EXPORT_DIR = Path(tempfile.gettempdir()) / "policy-assistant-exports"
WRITE_LOCK = {"concurrency_limit": 1, "concurrency_id": "staff-write"}  # one re-index at a time
PRIVATE = {"api_visibility": "private"}
DOC_COLUMNS = (
    ("title", "标题"), ("doc_number", "文号"), ("region", "地区"), ("status", "效力"), ("indexed", "索引"),
    ("file", "文件"),
)
RULES_COLUMNS = (("title", "标题"), ("file", "文件"), ("rules", "计算规则"))
FEEDBACK_COLUMNS = (
    ("created_at", "时间"), ("vote", "评价"), ("comment", "意见"), ("question", "问题"), ("status", "回答状态"),
    ("answer", "回答摘要"),
)
GROUP_COLUMNS = (
    ("region", "地区"), ("topic", "主题"), ("count", "问题数"), ("reasons", "原因"), ("latest", "最近"),
    ("example", "最近的问题"),
)
ITEM_COLUMNS = (("created_at", "时间"), ("region", "地区"), ("topic", "主题"), ("reasons", "原因"),
                ("question", "问题"), ("comment", "用户意见"))
FEEDBACK_FILTERS = [("全部", "all"), ("👎 没用", "down"), ("👍 有用", "up")]
FORM_FIELDS = (
    "title", "doc_number", "region", "level", "publish_date", "effective_from", "effective_to", "status",
    "superseded_by",
)


def _progress_callback(progress: gr.Progress) -> staff_docs.Progress:
    def report(done: int, total: int) -> None:
        progress((done, total), desc="正在计算向量并建立索引…", unit="条")

    return report


def _documents_view(services: Services) -> tuple[str, Any, Any, str]:
    """Table, document chooser, superseded-by choices and the rules table, from one listing."""
    try:
        documents = staff_docs.staff_documents(services)
    except Exception as exc:
        message, _ = services.failure(exc, action_zh="读取文件列表", command="ui.staff.list")
        return render.error_html(message), gr.update(), gr.update(), render.error_html(message)
    choices = [(f"{doc.title}（{doc.doc_id}）", doc.doc_id) for doc in documents]
    table = table_html(DOC_COLUMNS, staff_docs.document_table_rows(documents), empty="政策目录中还没有文件。")
    rules = table_html(RULES_COLUMNS, [doc.model_dump() for doc in documents], empty="政策目录中还没有文件。")
    return table, gr.update(choices=choices), gr.update(choices=choices), rules


def _shown_time(iso: str) -> str:
    """``2024-03-01T08:05:09+00:00`` → ``2024-03-01 08:05 UTC`` for the tables (the CSV keeps ISO 8601)."""
    return f"{iso[:10]} {iso[11:16]} UTC" if len(iso) >= 16 else iso


def _reports_view(services: Services, vote_filter: str) -> tuple[str, str, str, str | None]:
    """Feedback table, grouped unanswered report, its items and the CSV to download."""
    try:
        vote = None if vote_filter in (None, "all") else vote_filter
        feedback = table_html(FEEDBACK_COLUMNS, staff_reports.feedback_rows(services, vote), empty="还没有用户反馈。")
        items = staff_reports.unanswered_items(services)
        groups = [{**g.model_dump(), "latest": _shown_time(g.latest)} for g in staff_reports.group_report(items)]
        rows = [
            {**item.model_dump(), "reasons": "；".join(item.reasons), "created_at": _shown_time(item.created_at)}
            for item in items
        ]
        csv_path = str(staff_reports.write_unanswered_csv(items, EXPORT_DIR))
    except Exception as exc:
        message, _ = services.failure(exc, action_zh="生成报告", command="ui.staff.reports")
        error = render.error_html(message)
        return error, error, "", None
    return (
        feedback,
        table_html(GROUP_COLUMNS, groups, empty="目前没有未解决的问题。"),
        table_html(ITEM_COLUMNS, rows, empty="目前没有未解决的问题。"),
        csv_path,
    )


def _documents_tab(services: Services) -> dict[str, Any]:
    table = gr.HTML(elem_id="staff-docs-table")
    refresh = gr.Button("刷新列表", size="sm", elem_id="staff-docs-refresh")
    chooser = gr.Dropdown(label="选择要编辑的文件", choices=[], value=None, elem_id="staff-doc")
    with gr.Group():
        title = gr.Textbox(label="标题", max_lines=2, elem_id="meta-title")
        with gr.Row():
            doc_number = gr.Textbox(label="文号（没有请留空）", max_lines=1, elem_id="meta-doc-number")
            region = gr.Dropdown(
                label="地区",
                choices=staff_form.region_choices(services),
                allow_custom_value=True,
                elem_id="meta-region",
            )
            level = gr.Dropdown(
                label="层级", choices=[(v, k) for k, v in LEVEL_LABELS.items()], elem_id="meta-level"
            )
        with gr.Row():
            publish = gr.Textbox(label="发布日期", placeholder="例如 2019-10-15", max_lines=1, elem_id="meta-publish")
            effective = gr.Textbox(
                label="施行日期",
                placeholder="例如 2019-11-01（同发布日期可留空）",
                max_lines=1,
                elem_id="meta-effective",
            )
            expires = gr.Textbox(
                label="有效期至", placeholder="长期有效可留空", max_lines=1, elem_id="meta-expires"
            )
            status = gr.Dropdown(
                label="效力", choices=[(v, k) for k, v in STATUS_LABELS.items()], elem_id="meta-status"
            )
        superseded = gr.Dropdown(
            label="被以下文件取代", choices=[], multiselect=True, value=[], elem_id="meta-superseded"
        )
    save = gr.Button("保存元数据并重建索引", variant="primary", elem_id="meta-save")
    with gr.Accordion("撤回或删除", open=False, elem_id="doc-danger"):
        gr.Markdown("撤回：文件保留，效力标为“已撤回”，不再用于回答。删除：移除文件、元数据和计算规则文件。")
        withdraw = gr.Button("撤回这份文件", elem_id="doc-withdraw")
        confirm = gr.Textbox(label="删除前请输入文件编号确认", max_lines=1, elem_id="doc-delete-confirm")
        delete = gr.Button("删除这份文件", variant="stop", elem_id="doc-delete")
    result = gr.HTML(elem_id="staff-doc-result")
    form = [title, doc_number, region, level, publish, effective, expires, status, superseded]

    def fill(doc_id: str | None) -> list[Any]:
        if not doc_id:
            return [gr.update()] * len(form)
        try:
            values = staff_docs.form_values(services, doc_id)
        except Exception:
            return [gr.update()] * len(form)
        return [values.get(name) for name in FORM_FIELDS]  # a region outside the choices is kept as typed

    def on_save(  # Gradio passes inputs positionally and injects request/progress by their annotations
        doc_id: str | None,
        title: str,
        doc_number: str,
        region: str,
        level: str,
        publish_date: str,
        effective_from: str,
        effective_to: str,
        status: str,
        superseded_by: list[str],
        request: gr.Request,
        progress=gr.Progress(),  # noqa: B008
    ) -> str:
        values = (
            title, doc_number, region, level, publish_date, effective_from, effective_to, status, superseded_by
        )
        raw = dict(zip(FORM_FIELDS, values, strict=True))
        return staff_docs.save_metadata(services, request.username, doc_id, raw, _progress_callback(progress))

    def on_withdraw(doc_id: str | None, request: gr.Request, progress=gr.Progress()) -> str:  # noqa: B008
        return staff_docs.withdraw_document(services, request.username, doc_id, _progress_callback(progress))

    def on_delete(doc_id: str | None, typed: str, request: gr.Request, progress=gr.Progress()) -> str:  # noqa: B008
        return staff_docs.delete_document(services, request.username, doc_id, typed, _progress_callback(progress))

    chooser.change(fill, chooser, form, **PRIVATE)
    return {
        "table": table, "refresh": refresh, "chooser": chooser, "superseded": superseded, "result": result,
        "actions": [
            save.click(on_save, [chooser, *form], result, **PRIVATE, **WRITE_LOCK),
            withdraw.click(on_withdraw, chooser, result, **PRIVATE, **WRITE_LOCK),
            delete.click(on_delete, [chooser, confirm], result, **PRIVATE, **WRITE_LOCK),
        ],
    }


def build_staff_app(services: Services) -> gr.Blocks:
    """Lay out the staff area over the same ``services`` as the public page."""
    with gr.Blocks(title=PAGE_TITLE, analytics_enabled=False, delete_cache=(3600, 3600)) as app:
        header = gr.HTML(elem_id="staff-header")
        with gr.Tabs():
            with gr.Tab("政策文件", id="staff-docs"):
                docs = _documents_tab(services)
            with gr.Tab("上传", id="staff-upload"):
                limits = services.settings
                files = gr.File(
                    label=(
                        f"政策文件（.txt .md .docx .pdf，可附同名 .meta.yaml 元数据和 .rules.yaml 计算规则；"
                        f"一次最多 {limits.ui_max_upload_files} 个，每个不超过 {limits.ui_max_upload_mb}MB）"
                    ),
                    file_count="multiple",
                    file_types=[*DOCUMENT_SUFFIXES, ".yaml"],
                    type="filepath",
                    elem_id="staff-upload-files",
                )
                upload = gr.Button("导入并重建索引", variant="primary", elem_id="staff-upload-button")
                upload_report = gr.HTML(elem_id="upload-report")
            with gr.Tab("计算规则", id="staff-rules"):
                rules = gr.HTML(elem_id="staff-rules")
            with gr.Tab("用户反馈", id="staff-feedback"):
                vote_filter = gr.Radio(FEEDBACK_FILTERS, value="all", label="显示", elem_id="feedback-filter")
                feedback = gr.HTML(elem_id="staff-feedback")
            with gr.Tab("未解决问题", id="staff-unanswered"):
                gr.Markdown("未找到依据、缺少信息且未补充、或被评价“没用”的问题，按地区和主题汇总——政策库需要补充的地方。")
                report_refresh = gr.Button("刷新报告", size="sm", elem_id="unanswered-refresh")
                groups = gr.HTML(elem_id="unanswered-groups")
                csv_file = gr.DownloadButton("导出 CSV", value=None, elem_id="unanswered-csv")
                items = gr.HTML(elem_id="unanswered-items")

        def on_upload(uploaded: list[str] | None, request: gr.Request, progress=gr.Progress()) -> str:  # noqa: B008
            return upload_and_reindex(services, request.username, uploaded, _progress_callback(progress))

        docs_outputs = [docs["table"], docs["chooser"], docs["superseded"], rules]
        report_outputs = [feedback, groups, items, csv_file]

        def show_documents() -> tuple[Any, ...]:
            return _documents_view(services)

        def show_reports(vote: str) -> tuple[Any, ...]:
            return _reports_view(services, vote)

        upload_event = upload.click(on_upload, files, upload_report, **PRIVATE, **WRITE_LOCK)
        for event in [upload_event, *docs["actions"]]:
            event.then(show_documents, None, docs_outputs, **PRIVATE)
        docs["refresh"].click(show_documents, None, docs_outputs, **PRIVATE)
        vote_filter.change(show_reports, vote_filter, report_outputs, **PRIVATE)
        report_refresh.click(show_reports, vote_filter, report_outputs, **PRIVATE)
        def show_header(request: gr.Request) -> str:
            return staff_header_html(request.username, f"{STAFF_PREFIX}/logout")

        app.load(show_header, None, header, **PRIVATE)
        app.load(show_documents, None, docs_outputs, **PRIVATE)
        app.load(show_reports, vote_filter, report_outputs, **PRIVATE)
    app.queue(default_concurrency_limit=4, max_size=None, api_open=False)
    return app

