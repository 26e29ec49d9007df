"""``policy-assistant ui``: clear Chinese warnings, exit code 2 for bad options, the page launched with limits."""

from __future__ import annotations

import dataclasses
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from staff_support import Served, serving_server
from typer.testing import CliRunner

from ingest.settings import Settings
from ui import app as app_module
from ui.admission import BUSY_MESSAGE_ZH
from ui.cli import build_app
from ui.services import Services, build_services

runner = CliRunner()


@pytest.fixture
def launched(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> list[dict[str, Any]]:
    """Record the launch instead of blocking on a server; settings point at an empty temp dir."""
    calls: list[dict[str, Any]] = []

    def record_launch(app, services, **kwargs: Any) -> None:
        calls.append({"app": app, "services": services, **kwargs})

    monkeypatch.setattr(app_module, "launch_app", record_launch)
    for name, value in {
        "DATA_DIR": Path(__file__).resolve().parent.parent / "data" / "policies",  # read only: calculators need rules
        "INDEX_DIR": tmp_path / "index",
        "STATE_DIR": tmp_path,
    }.items():
        monkeypatch.setenv(f"POLICY_{name}", str(value))
    monkeypatch.delenv("POLICY_UI_AUTH", raising=False)
    return calls


def test_ui_without_index_warns_in_chinese_and_still_starts(launched: list[dict[str, Any]]) -> None:
    result = runner.invoke(build_app(), ["ui", "--host", "127.0.0.1", "--port", "7999"])
    assert result.exit_code == 0, result.output
    assert "尚未建立索引，请先运行 policy-assistant ingest" in result.stderr
    assert "工作人员区（上传、元数据、反馈与未解决问题报告）未启用" in result.stderr
    (call,) = launched
    assert call["host"] == "127.0.0.1" and call["port"] == 7999
    assert call["services"].retriever is None and call["services"].calculators


@pytest.mark.parametrize("port", ["0", "70000", "-1"])
def test_ui_bad_port_is_exit_code_2(launched: list[dict[str, Any]], port: str) -> None:
    result = runner.invoke(build_app(), ["ui", "--port", port])
    assert result.exit_code == 2
    assert "端口无效" in result.stderr and "Traceback" not in result.output
    assert launched == []


def test_ui_malformed_auth_is_exit_code_2(launched: list[dict[str, Any]], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("POLICY_UI_AUTH", "no-password-here")
    result = runner.invoke(build_app(), ["ui"])
    assert result.exit_code == 2
    assert "POLICY_UI_AUTH 格式错误" in result.stderr
    assert launched == []


def test_server_limits_come_from_settings(tmp_settings: Settings) -> None:
    from ui.app import build_app, page_options
    from ui.server import RequestGuard, build_server

    settings = tmp_settings.model_copy(
        update={"ui_concurrency": 3, "ui_queue_size": 17, "ui_max_upload_files": 2, "ui_max_upload_mb": 5}
    )
    services = build_services(settings, retriever_factory=None, engine_factory=None)
    blocks = build_app(services)
    # Gradio's own queue is unbounded: its "Queue is full" is English, so the guard limits the line instead
    assert blocks._queue.default_concurrency_limit == 3 and blocks._queue.max_size is None
    server = build_server(services, blocks, page_options=page_options(services))
    (guard,) = [m for m in server.user_middleware if m.cls is RequestGuard]
    assert guard.kwargs["queue_size"] == 17 and guard.kwargs["staff_max_body"] == 2 * 5 * 1024 * 1024 + 1024 * 1024


# ---------------------------------------------------------------- queue full (a slow scripted LLM, tiny queue)

SLOW_QUESTION = "我在石家庄交了15个月失业保险，考了中级工证，能领多少补贴？"


@pytest.fixture
def slow_server(ui_services: Services) -> Iterator[tuple[Served, threading.Event, threading.Semaphore]]:
    """Concurrency 1, queue 1, and an LLM that answers only when released."""
    from langchain_core.messages import AIMessage

    from assistant.factory import build_engine
    from tests.llm_fakes import ScriptedChatModel

    release, started = threading.Event(), threading.Semaphore(0)

    def slow_reply(messages: list) -> AIMessage:
        started.release()
        release.wait(120)
        return AIMessage("请稍候。")

    model = ScriptedChatModel()
    for _ in range(40):
        model.enqueue_fn(slow_reply)
    settings = ui_services.settings.model_copy(update={"ui_concurrency": 1, "ui_queue_size": 1})
    services = dataclasses.replace(
        ui_services, settings=settings, engine=build_engine(settings, ui_services.retriever, chat_model=model)
    )
    with serving_server(services) as served:
        try:
            yield served, release, started
        finally:
            release.set()


def test_api_clients_get_the_chinese_busy_answer_at_once(slow_server) -> None:
    from gradio_client import Client

    served, release, started = slow_server
    clients = [Client(served.url, verbose=False) for _ in range(3)]
    running = clients[0].submit(SLOW_QUESTION, api_name="/ask")
    assert started.acquire(timeout=60)  # the first question is inside the (slow) model
    waiting = clients[1].submit(SLOW_QUESTION, api_name="/ask")
    time.sleep(1.0)  # let it take the one waiting place
    began = time.perf_counter()
    busy = clients[2].predict(SLOW_QUESTION, api_name="/ask")
    elapsed = time.perf_counter() - began
    assert busy["answer"] == BUSY_MESSAGE_ZH and busy["busy"] is True and busy["status"] == "rejected"
    assert set(busy) >= {"question", "status", "answer", "citations", "tool_calls", "engine"}
    assert elapsed < 0.5, f"busy answer took {elapsed:.2f}s"
    search = clients[2].predict("职工教育经费", 3, "", "", api_name="/search")
    assert search["error"] == BUSY_MESSAGE_ZH and search["results"] == []
    release.set()
    for job in (running, waiting):
        result = job.result(timeout=120)
        assert not result.get("busy") and result["status"] in ("answered", "needs_info", "not_found")


def test_a_full_page_queue_is_refused_in_chinese_and_the_api_still_answers(slow_server) -> None:
    from gradio_client import Client

    served, release, started = slow_server
    public = served.app.state.public
    chat = next(fn_id for fn_id, fn in public.fns.items() if fn.name == "stream_turn")

    def join(session: str) -> httpx.Response:
        body = {"data": [SLOW_QUESTION, [], None, []], "fn_index": chat, "session_hash": session, "event_data": None}
        return httpx.post(served.url + "gradio_api/queue/join", json=body, timeout=10)

    assert join("page-1").status_code == 200
    assert started.acquire(timeout=60)  # running, blocked in the model
    assert join("page-2").status_code == 200  # waits: the one place in the line
    time.sleep(0.5)
    began = time.perf_counter()
    full = join("page-3")
    elapsed = time.perf_counter() - began
    assert full.status_code == 503 and full.json()["detail"] == BUSY_MESSAGE_ZH and elapsed < 0.5
    # API clients are never refused by the page's line (their own gate answers them)
    hits = Client(served.url, verbose=False).predict("职工教育经费", 3, "", "", api_name="/search")
    assert hits["results"] and not hits.get("busy")
    release.set()


def test_ui_on_a_busy_port_is_exit_code_2(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import socket

    for name, value in {"DATA_DIR": tmp_path / "p", "INDEX_DIR": tmp_path / "i", "STATE_DIR": tmp_path}.items():
        monkeypatch.setenv(f"POLICY_{name}", str(value))
    with socket.create_server(("127.0.0.1", 0)) as taken:
        port = taken.getsockname()[1]
        result = runner.invoke(build_app(), ["ui", "--port", str(port)])
    assert result.exit_code == 2 and "端口被占用" in result.stderr and "Traceback" not in result.output


@pytest.mark.slow
def test_policy_assistant_ui_serves_the_page_and_the_staff_login(tmp_path: Path) -> None:
    """The real command in a child process: public page open, staff area behind the login."""
    import subprocess
    import sys

    from support import free_port

    port = free_port()
    env = {
        **__import__("os").environ,
        "POLICY_DATA_DIR": str(tmp_path / "p"), "POLICY_INDEX_DIR": str(tmp_path / "i"),
        "POLICY_STATE_DIR": str(tmp_path), "POLICY_UI_AUTH": "staff:pw", "PYTHONPATH": str(Path.cwd()),
    }
    process = subprocess.Popen(
        [sys.executable, "-m", "ui.cli", "ui", "--port", str(port)], env=env,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    try:
        url = f"http://127.0.0.1:{port}/"
        for _ in range(240):
            try:
                if httpx.get(url, timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.5)
        assert httpx.get(url).status_code == 200
        assert httpx.get(url + "staff/", follow_redirects=False).headers["location"] == "/staff/login"
    finally:
        process.terminate()
        out, err = process.communicate(timeout=30)
    assert f"政策助手已启动：{url}" in out and "Traceback" not in err
