"""The Gradio page: 咨询 · 条款检索 · 补贴计算 · 政策文件, plus the public ``ask`` and ``search`` API endpoints.

``build_app(services)`` only lays out the page; ``launch_app`` serves it with the staff area (``ui.server``) and the
operational settings (queue limits, staff login, upload limits, CSS), so tests and ``policy-assistant ui`` launch
exactly the same way.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import gradio as gr

from ui import render
from ui.admission import BUSY_MESSAGE_ZH, AdmissionGate, busy_answer, busy_search
from ui.services import Services
from ui.tab_calc import build_calc_tab
from ui.tab_chat import build_chat_tab, run_ask
from ui.tab_docs import SCROLL_TO_TARGET_JS, build_docs_tab, locate
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
    """Public endpoints for gradio_client (GUIDE contract); errors come back as JSON, never a traceback.

    They run outside Gradio's concurrency limit, behind an ``AdmissionGate``: a full line gets the Chinese busy
    message as a normal result at once (``ui.admission``), never Gradio's English "Queue is full".
    """
    import anyio

    from ui.answer_log import log_answer

    settings = services.settings
    gate = AdmissionGate(settings.ui_concurrency, settings.ui_queue_size)
    engine_name = "llm" if settings.llm_enabled else "offline"

    def answer_and_log(question: str) -> dict:
        result = run_ask(services, question)
        answer_id = log_answer(services, result, channel="api")
        return {**result, "answer_id": answer_id} if answer_id else result

    def search_or_error(query: str, top_k: int, region: str, doc: str) -> dict:
        try:
            return run_search(services, query, top_k, region, doc)
        except Exception as exc:
            message, _ = services.failure(exc, action_zh="检索", command="ui.api.search", query=query)
            return {"query": str(query), "results": [], "error": message}

    async def ask(question: str) -> dict:
        """提问：返回回答、状态、引用条款（标题、文号、条款路径、原文）和计算过程。"""
        async with gate.enter() as admitted:
            if not admitted:
                return busy_answer(question, engine_name)
            return await anyio.to_thread.run_sync(answer_and_log, question)

    async def search(query: str, top_k: int = 5, region: str = "", doc: str = "") -> dict:
        """条款检索：返回按相关度排序的条款（可按地区、文件筛选）。"""
        async with gate.enter() as admitted:
            if not admitted:
                return busy_search(query)
            return await anyio.to_thread.run_sync(search_or_error, query, top_k, region, doc)

    gr.api(ask, api_name="ask", concurrency_limit=None)
    gr.api(search, api_name="search", concurrency_limit=None)


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
    # max_size=None: the queue length is limited by the server's guard (ui.admission), in Chinese, not by Gradio
    app.queue(default_concurrency_limit=services.settings.ui_concurrency, max_size=None, api_open=False)
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
    """Serve the public page ``app`` and the staff area (``ui.server``) on ``host:port``.

    Blocks until stopped, or — with ``prevent_thread_lock`` — serves from a thread and returns the running server
    (``.url``, ``.close()``). Raises ``OSError`` when the address cannot be bound.
    """
    from ui.server import build_server, run_server

    # Gradio keeps a copy of the page's state per session (~200 KB); remembering at most POLICY_UI_SESSIONS of
    # them keeps memory flat however many visitors and API clients come (mount_gradio_app takes no such option)
    app.state_session_capacity = services.settings.ui_sessions
    server = build_server(services, app, page_options=page_options(services))
    return run_server(server, host=host, port=port, background=prevent_thread_lock, quiet=quiet)


def page_options(services: Services) -> dict[str, Any]:
    """``mount_gradio_app`` options of the public page. No ``allowed_paths``: it serves nothing but itself."""
    settings = services.settings
    return {
        "show_error": False,
        "footer_links": [],  # no English API panel for workers; scripts use gradio_client (README)
        "run_history": False,  # questions may be personal; keep no browser-side run log
        "blocked_paths": [str(p.resolve()) for p in (settings.state_dir, settings.index_dir, settings.data_dir)],
        "css_paths": [CSS_PATH],
        "head": page_head(),
        "theme": gr.themes.Soft(font=CJK_FONTS),
        "ssr_mode": False,
        "pwa": False,
        "mcp_server": False,
        "enable_monitoring": False,
    }
