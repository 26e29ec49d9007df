"""The Gradio page: 咨询 · 条款检索 · 补贴计算 · 政策文件, plus the public ``ask`` and ``search`` API endpoints.

``build_app(services)`` only lays out the page; ``launch_app`` applies the operational settings (queue limits,
staff login, upload size cap, CSS) so tests and ``policy-assistant ui`` launch exactly the same way.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import gradio as gr

from ui import render
from ui.services import Services
from ui.tab_calc import build_calc_tab
from ui.tab_chat import build_chat_tab, run_ask
from ui.tab_docs import MAX_UPLOAD_BYTES, SCROLL_TO_TARGET_JS, build_docs_tab, locate
from ui.tab_lookup import build_lookup_tab, run_search

CSS_PATH = Path(__file__).parent / "static" / "app.css"
PAGE_JS_PATH = Path(__file__).parent / "static" / "page.js"
UI_TEXTS_PATH = Path(__file__).parent / "static" / "gradio_zh.txt"
UI_TEXTS_PLACEHOLDER = "__PA_UI_TEXTS__"
# Temporary files Gradio writes for a session (uploads, outputs) are deleted hourly once a day old.
DELETE_CACHE = (3600, 86400)
# System fonts only (nothing fetched from the network); CJK faces first so Chinese renders evenly.
CJK_FONTS = ("system-ui", "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "WenQuanYi Micro Hei", "sans-serif")
PAGE_TITLE = "政策助手 · 职业技能培训补贴政策咨询"
BUSY_MESSAGE_ZH = "当前咨询人数较多，请稍后再试。"
# Gradio's page shows a hard-coded English toast when the queue is full; swap it for Chinese where it appears.
BUSY_SCRIPT = (
    "<script>(() => {const en = 'This application is currently busy';"
    f"const zh = {BUSY_MESSAGE_ZH!r};"
    "const fix = (root) => {const walk = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);"
    "for (let n = walk.nextNode(); n; n = walk.nextNode()) {if (n.nodeValue.includes(en)) n.nodeValue = zh;}};"
    "new MutationObserver((records) => records.forEach((r) => r.addedNodes.forEach((node) => "
    "fix(node.nodeType === 3 ? node.parentNode || document.body : node))))"
    ".observe(document.documentElement, {childList: true, subtree: true, characterData: true});})();</script>"
)


def ui_text_rules(text: str) -> dict[str, Any]:
    """``gradio_zh.txt`` → {"exact": {en: zh}, "partial": [[en, zh], …]} (format described in the file)."""
    exact: dict[str, str] = {}
    partial: list[list[str]] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        english, arrow, chinese = (part.strip() for part in line.partition("=>"))
        if not arrow or not english or not chinese:
            raise ValueError(f"gradio_zh.txt line {number} must look like 'English => 中文': {line!r}")
        if english.startswith("~"):
            partial.append([english[1:].strip(), chinese])
        else:
            exact[english] = chinese
    return {"exact": exact, "partial": partial}


def page_head() -> str:
    """What the page loads in <head>: the Chinese busy message and ``ui/static/page.js`` (Chinese for Gradio's
    own texts, answer scrolling, accessible names, the copy buttons)."""
    rules = json.dumps(ui_text_rules(UI_TEXTS_PATH.read_text(encoding="utf-8")), ensure_ascii=False)
    script = PAGE_JS_PATH.read_text(encoding="utf-8").replace(UI_TEXTS_PLACEHOLDER, rules.replace("</", "<\\/"))
    return BUSY_SCRIPT + f"<script>{script}</script>"


def _api_endpoints(services: Services) -> None:
    """Public endpoints for gradio_client (GUIDE contract); errors come back as JSON, never a traceback."""

    def ask(question: str) -> dict:
        """提问：返回回答、状态、引用条款（标题、文号、条款路径、原文）和计算过程。"""
        return run_ask(services, question)

    def search(query: str, top_k: int = 5, region: str = "", doc: str = "") -> dict:
        """条款检索：返回按相关度排序的条款（可按地区、文件筛选）。"""
        try:
            return run_search(services, query, top_k, region, doc)
        except Exception as exc:
            message, _ = services.failure(exc, action_zh="检索", command="ui.api.search", query=query)
            return {"query": str(query), "results": [], "error": message}

    gr.api(ask, api_name="ask")
    gr.api(search, api_name="search")


def _header(services: Services) -> str:
    engine = "大模型增强" if services.settings.llm_enabled else "离线模式"
    return (
        '<header class="pa-header"><h1>政策助手</h1>'
        "<p>职业技能培训与补贴政策咨询：每条回答都附政策原文条款（标题、文号、条款号），金额由计算规则得出。"
        f'<span class="pa-engine">{render.esc(engine)}</span></p></header>'
    )


def build_app(services: Services) -> gr.Blocks:
    """Lay out the page. Heavy objects live in ``services`` (built once by ``ui.services.build_services``)."""
    private = {"api_visibility": "private"}
    with gr.Blocks(title=PAGE_TITLE, fill_width=False, analytics_enabled=False, delete_cache=DELETE_CACHE) as app:
        gr.HTML(_header(services))
        with gr.Tabs(elem_id="tabs") as tabs:
            with gr.Tab("咨询", id="chat"):
                restore_chat, saved_chat, chat_outputs = build_chat_tab(services)
            with gr.Tab("条款检索", id="lookup"):
                refresh_filters, filter_outputs, lookup_results = build_lookup_tab(services)
            with gr.Tab("补贴计算", id="calc"):
                build_calc_tab(services)
            with gr.Tab("政策文件", id="docs"):
                refresh_docs, docs_outputs, (chooser, viewer, located) = build_docs_tab(services)
        gr.HTML(
            '<footer class="pa-footer">本页内容仅供参考，具体以当地人力资源社会保障部门的解释和办理要求为准。</footer>'
        )
        app.load(refresh_filters, None, filter_outputs, **private)
        app.load(refresh_docs, None, docs_outputs, **private)
        app.load(restore_chat, saved_chat, chat_outputs, **private)

        def open_at_clause(event: gr.EventData) -> tuple[Any, ...]:
            """"在原文中定位": the documents tab, the clause's document chosen, the clause highlighted."""
            chunk_id = str((getattr(event, "_data", None) or {}).get("chunk") or "")
            doc_id, html = locate(services, chunk_id)
            return gr.Tabs(selected="docs"), gr.update(value=doc_id), html, chunk_id

        lookup_results.click(open_at_clause, None, [tabs, chooser, viewer, located], **private).then(
            None, js=SCROLL_TO_TARGET_JS, **private
        )
        _api_endpoints(services)
    app.queue(
        default_concurrency_limit=services.settings.ui_concurrency,
        max_size=services.settings.ui_queue_size,
        api_open=False,
    )
    return app


def launch_app(
    app: gr.Blocks,
    services: Services,
    *,
    host: str = "127.0.0.1",
    port: int = 7860,
    prevent_thread_lock: bool = False,
    quiet: bool = False,
) -> Any:
    """Launch with the page's operational settings. No ``allowed_paths``: the app serves nothing but itself."""
    auth = services.check_auth if services.staff_accounts else None
    settings = services.settings
    return app.launch(
        server_name=host,
        server_port=port,
        prevent_thread_lock=prevent_thread_lock,
        quiet=quiet,
        auth=auth,
        auth_message="政策助手工作人员登录" if auth else None,
        max_file_size=MAX_UPLOAD_BYTES,
        show_error=False,
        share=False,
        footer_links=[],  # no English API panel for workers; scripts use gradio_client (README)
        run_history=False,  # questions may be personal; keep no browser-side run log
        blocked_paths=[str(p.resolve()) for p in (settings.state_dir, settings.index_dir, settings.data_dir)],
        css_paths=[CSS_PATH],
        head=page_head(),
        # Gradio keeps a copy of the page's configuration per session (~200 KB); remembering at most
        # POLICY_UI_SESSIONS of them keeps memory flat however many visitors and API clients come
        state_session_capacity=settings.ui_sessions,
        theme=gr.themes.Soft(font=CJK_FONTS),
        ssr_mode=False,
        pwa=False,
        mcp_server=False,
        enable_monitoring=False,
    )
