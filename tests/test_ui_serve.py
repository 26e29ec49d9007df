"""``policy-assistant ui``: clear Chinese warnings, exit code 2 for bad options, the page launched with limits."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from ui import app as app_module
from ui.cli import build_app

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
    assert "上传已停用" in result.stderr
    (call,) = launched
    assert call["host"] == "127.0.0.1" and call["port"] == 7999
    assert call["services"].retriever is None and call["services"].calculators


def test_ui_queue_limits_come_from_settings(launched: list[dict[str, Any]], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("POLICY_UI_CONCURRENCY", "3")
    monkeypatch.setenv("POLICY_UI_QUEUE_SIZE", "17")
    result = runner.invoke(build_app(), ["ui"])
    assert result.exit_code == 0, result.output
    blocks = launched[0]["app"]
    assert blocks._queue.default_concurrency_limit == 3 and blocks._queue.max_size == 17


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
