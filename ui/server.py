"""One deployment, two audiences: the public page at ``/`` and the staff area at ``/staff``, in one FastAPI app.

Gradio's whole-app ``auth`` would put the public chat behind the login too, so instead:

- ``/staff/login`` and ``/staff/logout`` are plain FastAPI routes (a Chinese form; ``ui.auth`` checks the password,
  limits failed attempts per client + user and keeps server-side sessions in an HttpOnly, SameSite=Strict cookie).
- The staff Gradio app is mounted at ``/staff`` with ``auth_dependency`` (Gradio knows the user), and the
  ``RequestGuard`` in front of everything refuses every ``/staff`` request without a session — page, config, API
  info, ``queue/join``, ``upload``, file routes, static assets — before it reaches Gradio.
- The public app is mounted at ``/``. It accepts no upload at all (``upload``/multipart refused before the body is
  read), caps request bodies, and answers a full queue in Chinese (``ui.admission``).
"""

from __future__ import annotations

import json
import posixpath
import re
import socket
import threading
import time
from collections.abc import Awaitable, Callable, MutableMapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import gradio as gr
import uvicorn
from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from gradio.utils import abspath as gradio_abspath
from gradio.utils import get_upload_folder
from starlette.concurrency import run_in_threadpool
from starlette.requests import HTTPConnection

from ui.admission import BUSY_MESSAGE_ZH, public_api_fn_ids, waiting_events
from ui.auth import StaffAuth
from ui.render import esc
from ui.services import Services
from ui.staff import EXPORT_DIR, STAFF_PREFIX, build_staff_app

SESSION_COOKIE = "pa_staff_session"
PUBLIC_API_NAMES = ("ask", "search")
PUBLIC_MAX_BODY_BYTES = 2 * 1024 * 1024  # questions, searches and the chat history the page sends back
LOGIN_MAX_BODY_BYTES = 4096
MB = 1024 * 1024
NO_UPLOAD_ZH = "本页面不接受上传文件。工作人员请登录工作人员区（/staff/）上传政策文件。"
STAFF_LOGIN_REQUIRED_ZH = "需要工作人员登录。"
STAFF_DISABLED_ZH = "工作人员区未启用：管理员尚未设置 POLICY_UI_AUTH。"
TOO_LARGE_ZH = "请求过大，已拒绝。"
LENGTH_REQUIRED_ZH = "请求缺少长度信息（Content-Length），已拒绝。"
FILE_NOT_PUBLIC_ZH = "该文件不对外提供。"
_UPLOAD_ROUTES = ("/gradio_api/upload", "/gradio_api/upload_progress", "/gradio_api/process_recording")
_FILE_ROUTES = ("/gradio_api/file=", "/gradio_api/file/")
ASGIApp = Callable[[MutableMapping[str, Any], Callable[[], Awaitable[dict]], Callable[[dict], Awaitable[None]]], Any]


def normalized_path(path: str) -> str:
    """Collapse ``//``, ``.`` and ``..`` and lower-case, so no spelling of a staff path slips past the guard."""
    clean = posixpath.normpath("/" + path.lstrip("/")).lower()
    return "/" if clean in ("", ".") else clean


def is_staff_path(path: str) -> bool:
    return path == STAFF_PREFIX or path.startswith(STAFF_PREFIX + "/")


# ---------------------------------------------------------------- the login page


def login_page(message: str = "", *, status_code: int = 200, headers: dict[str, str] | None = None) -> HTMLResponse:
    notice = f'<p class="msg" role="alert">{esc(message)}</p>' if message else ""
    html = f"""<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>工作人员登录 · 政策助手</title>
<style>body{{font-family:system-ui,"PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif;background:#f4f5f7;
color:#1f2328;margin:0;display:flex;min-height:100vh;align-items:center;justify-content:center}}
main{{background:#fff;padding:2em;border-radius:12px;box-shadow:0 2px 12px #0002;width:min(22em,90vw)}}
h1{{font-size:1.3em;margin:0 0 1em}}label{{display:block;margin:.8em 0 .3em}}
input{{width:100%;box-sizing:border-box;padding:.6em;font-size:1em;border:1px solid #6b7280;border-radius:6px}}
button{{margin-top:1.2em;width:100%;padding:.7em;font-size:1em;border:0;border-radius:6px;background:#1d4ed8;
color:#fff;cursor:pointer}}:focus-visible{{outline:3px solid #b45309;outline-offset:2px}}
.msg{{background:#fdecea;color:#8a1c13;padding:.6em;border-radius:6px}}a{{color:#1d4ed8}}</style></head>
<body><main><h1>政策助手 · 工作人员登录</h1>{notice}
<form method="post" action="{STAFF_PREFIX}/login">
<label for="username">用户名</label><input id="username" name="username" autocomplete="username" required>
<label for="password">密码</label>
<input id="password" name="password" type="password" autocomplete="current-password" required>
<button type="submit">登录</button></form><p><a href="/">返回公众咨询页面</a></p></main></body></html>"""
    return HTMLResponse(html, status_code=status_code, headers=headers)


def _same_origin(request: Request) -> bool:
    """A browser form post from another site carries its Origin; refuse it (login CSRF)."""
    origin = request.headers.get("origin")
    return origin is None or origin == f"{request.url.scheme}://{request.headers.get('host', '')}"


def _client(request: Request) -> str:
    return request.client.host if request.client else "unknown"


def add_login_routes(app: FastAPI, auth: StaffAuth) -> None:
    @app.get(f"{STAFF_PREFIX}/login", include_in_schema=False)
    def show_login(request: Request) -> Response:
        if not auth.enabled:
            return login_page(STAFF_DISABLED_ZH, status_code=404)
        if auth.user_of(request.cookies.get(SESSION_COOKIE)):
            return RedirectResponse(f"{STAFF_PREFIX}/", status_code=303)
        return login_page("已退出登录。" if request.query_params.get("bye") else "")

    @app.post(f"{STAFF_PREFIX}/login", include_in_schema=False)
    async def do_login(request: Request) -> Response:
        if not _same_origin(request):
            return login_page("请从本站的登录页面登录。", status_code=403)
        if int(request.headers.get("content-length") or 0) > LOGIN_MAX_BODY_BYTES:
            return login_page(TOO_LARGE_ZH, status_code=413)
        form = await request.form()
        user, password = str(form.get("username") or "")[:200], str(form.get("password") or "")[:200]
        outcome = await run_in_threadpool(auth.login, _client(request), user.strip(), password)
        if outcome.result == "ok":
            response = RedirectResponse(f"{STAFF_PREFIX}/", status_code=303)
            response.set_cookie(
                SESSION_COOKIE,
                outcome.token or "",
                httponly=True,
                samesite="strict",
                secure=request.url.scheme == "https",
                path=STAFF_PREFIX,
            )
            return response
        codes = {"wrong": 401, "locked": 429, "disabled": 404}
        headers = {"Retry-After": str(max(1, round(outcome.retry_after)))} if outcome.result == "locked" else None
        return login_page(outcome.message_zh(), status_code=codes[outcome.result], headers=headers)

    @app.api_route(f"{STAFF_PREFIX}/logout", methods=["GET", "POST"], include_in_schema=False)
    def do_logout(request: Request) -> Response:
        auth.logout(request.cookies.get(SESSION_COOKIE))
        response = RedirectResponse(f"{STAFF_PREFIX}/login?bye=1", status_code=303)
        response.delete_cookie(SESSION_COOKIE, path=STAFF_PREFIX)
        return response


# ---------------------------------------------------------------- the guard in front of both apps


async def _reply(send: Callable[[dict], Awaitable[None]], response: Response, scope: MutableMapping[str, Any]) -> None:
    async def no_body() -> dict:
        return {"type": "http.disconnect"}

    await response(scope, no_body, send)


class RequestGuard:
    """Pure ASGI middleware: staff session check, no public upload, body limits, and the page queue limit."""

    def __init__(
        self,
        app: ASGIApp,
        *,
        auth: StaffAuth,
        public_blocks: gr.Blocks,
        queue_size: int,
        staff_max_body: int,
    ) -> None:
        self.app, self.auth, self.public_blocks = app, auth, public_blocks
        self.queue_size, self.staff_max_body = queue_size, staff_max_body
        self.api_fn_ids = public_api_fn_ids(public_blocks, PUBLIC_API_NAMES)
        self.private_dirs = [
            path for root in (get_upload_folder(), EXPORT_DIR) for path in (Path(root), Path(root).resolve())
        ]

    async def __call__(self, scope: MutableMapping[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] not in ("http", "websocket"):
            return await self.app(scope, receive, send)
        path = normalized_path(scope.get("path", "/"))
        refusal = self._staff_refusal(scope, path) if is_staff_path(path) else self._public_refusal(scope, path)
        if refusal is not None:
            if scope["type"] == "websocket":
                return await send({"type": "websocket.close", "code": 1008})
            return await _reply(send, refusal, scope)
        if scope["type"] == "http" and path == "/gradio_api/queue/join" and scope.get("method") == "POST":
            return await self._admit_page_event(scope, receive, send)
        return await self.app(scope, receive, send)

    def _body_refusal(self, scope: MutableMapping[str, Any], limit: int) -> Response | None:
        headers = dict(scope.get("headers") or [])
        if b"chunked" in headers.get(b"transfer-encoding", b"").lower():
            return JSONResponse({"detail": LENGTH_REQUIRED_ZH}, status_code=411)
        try:
            length = int(headers.get(b"content-length", b"0") or 0)
        except ValueError:
            return JSONResponse({"detail": TOO_LARGE_ZH}, status_code=400)
        return JSONResponse({"detail": TOO_LARGE_ZH}, status_code=413) if length > limit else None

    def _staff_refusal(self, scope: MutableMapping[str, Any], path: str) -> Response | None:
        if path in (f"{STAFF_PREFIX}/login", f"{STAFF_PREFIX}/logout"):
            return self._body_refusal(scope, LOGIN_MAX_BODY_BYTES)
        if not self.auth.enabled:
            return login_page(STAFF_DISABLED_ZH, status_code=404)
        if self.auth.user_of(HTTPConnection(scope).cookies.get(SESSION_COOKIE)) is None:
            if scope.get("method") == "GET" and path in (STAFF_PREFIX, STAFF_PREFIX + "/"):
                return RedirectResponse(f"{STAFF_PREFIX}/login", status_code=303)
            return JSONResponse({"detail": STAFF_LOGIN_REQUIRED_ZH}, status_code=401)
        if scope.get("path") == STAFF_PREFIX:
            return RedirectResponse(f"{STAFF_PREFIX}/", status_code=307)
        return self._body_refusal(scope, self.staff_max_body)

    def _public_refusal(self, scope: MutableMapping[str, Any], path: str) -> Response | None:
        content_type = dict(scope.get("headers") or []).get(b"content-type", b"").lower()
        if path.startswith(_UPLOAD_ROUTES) or content_type.startswith(b"multipart/"):
            return JSONResponse({"detail": NO_UPLOAD_ZH}, status_code=403)
        if path.startswith(_FILE_ROUTES) and self._staff_file(scope.get("path", "")):
            return JSONResponse({"detail": FILE_NOT_PUBLIC_ZH}, status_code=403)
        return self._body_refusal(scope, PUBLIC_MAX_BODY_BYTES)

    def _staff_file(self, raw_path: str) -> bool:
        """A file the staff app holds (uploads, exports): the public app shares Gradio's upload directory with
        it and would otherwise serve them to anyone who knows the path. The public app itself stores no files."""
        target = re.sub(r"^/+gradio_api/+file[=/]", "", raw_path, flags=re.IGNORECASE)
        try:
            as_gradio_reads_it = Path(gradio_abspath(target))  # the same reading Gradio's file route uses
            candidates = (as_gradio_reads_it, as_gradio_reads_it.resolve())
        except (OSError, ValueError):
            return True
        return any(path.is_relative_to(root) for path in candidates for root in self.private_dirs)

    async def _admit_page_event(self, scope: MutableMapping[str, Any], receive: Any, send: Any) -> None:
        """A page event joins the queue only while fewer than ``queue_size`` wait; API events always pass
        (their own ``AdmissionGate`` answers in Chinese)."""
        chunks, more = [], True
        while more:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            chunks.append(message.get("body", b""))
            more = message.get("more_body", False)
        body = b"".join(chunks)
        try:
            fn_index = json.loads(body or b"{}").get("fn_index")
        except (ValueError, AttributeError):
            fn_index = None
        if fn_index not in self.api_fn_ids and waiting_events(self.public_blocks) >= self.queue_size:
            return await _reply(send, JSONResponse({"detail": BUSY_MESSAGE_ZH}, status_code=503), scope)
        replayed = False

        async def replay() -> dict:
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)


# ---------------------------------------------------------------- assembly and serving


def build_server(
    services: Services,
    public: gr.Blocks,
    *,
    page_options: dict[str, Any] | None = None,
    auth: StaffAuth | None = None,
) -> FastAPI:
    """The FastAPI app: login routes, the staff app at ``/staff`` (only with accounts), the public page at ``/``."""
    settings = services.settings
    auth = auth or StaffAuth(services.staff_accounts, session_idle_s=settings.ui_session_minutes * 60)
    options = dict(page_options or {})
    options.pop("max_file_size", None)
    app = FastAPI(docs_url=None, redoc_url=None, openapi_url=None)
    app.state.auth, app.state.public = auth, public
    add_login_routes(app, auth)
    upload_bytes = settings.ui_max_upload_mb * MB
    if auth.enabled:
        staff = build_staff_app(services)
        gr.mount_gradio_app(
            app,
            staff,
            STAFF_PREFIX,
            auth_dependency=lambda request: auth.user_of(request.cookies.get(SESSION_COOKIE)),
            max_file_size=upload_bytes,
            **{**options, "footer_links": [], "head": None},
        )
        staff.has_launched = True  # mounted apps skip Gradio's "inputs must be uploads" path check otherwise
        app.state.staff = staff
    gr.mount_gradio_app(app, public, "/", max_file_size=1, **options)  # 1 byte: the public page takes no files
    public.has_launched = True
    app.add_middleware(
        RequestGuard,
        auth=auth,
        public_blocks=public,
        queue_size=settings.ui_queue_size,
        staff_max_body=settings.ui_max_upload_files * upload_bytes + MB,
    )
    return app


@dataclass
class RunningServer:
    server: uvicorn.Server
    url: str
    thread: threading.Thread | None = None

    def close(self) -> None:
        self.server.should_exit = True
        if self.thread is not None:
            self.thread.join(timeout=5)
            if self.thread.is_alive():  # open event streams (SSE) hold a graceful shutdown; stop them
                self.server.force_exit = True
                self.thread.join(timeout=15)


def _bind(host: str, port: int) -> socket.socket:
    """Bind first, so a busy port is a clean ``OSError`` for the CLI rather than uvicorn's exit."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    return socket.create_server((host, port), family=family, reuse_port=False)


def run_server(app: FastAPI, *, host: str, port: int, background: bool = False, quiet: bool = False) -> RunningServer:
    sock = _bind(host, port)
    config = uvicorn.Config(app, log_level="warning", lifespan="on", timeout_graceful_shutdown=3)
    server = uvicorn.Server(config)
    shown = f"[{host}]" if ":" in host else host
    url = f"http://{shown}:{sock.getsockname()[1]}/"
    if not background:
        if not quiet:
            print(f"政策助手已启动：{url}  （工作人员区：{url}staff/）", flush=True)
        server.run(sockets=[sock])
        return RunningServer(server, url)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True, name="policy-assistant-ui")
    thread.start()
    deadline = time.monotonic() + 60
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            server.should_exit = True
            raise OSError(f"网页服务未能启动 / server did not start on {url}")
        time.sleep(0.02)
    return RunningServer(server, url, thread)
