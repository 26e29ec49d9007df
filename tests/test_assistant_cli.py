"""``policy-assistant ask`` and ``chat`` end to end on the real index (typer's CliRunner)."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from ingest.settings import Settings
from ui.cli import build_app


@pytest.fixture
def run(indexed_settings: Settings, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("POLICY_DATA_DIR", str(indexed_settings.data_dir))
    monkeypatch.setenv("POLICY_INDEX_DIR", str(indexed_settings.index_dir))
    monkeypatch.setenv("POLICY_STATE_DIR", str(indexed_settings.state_dir))
    monkeypatch.delenv("POLICY_LLM_BASE_URL", raising=False)
    runner = CliRunner()
    app = build_app()

    def invoke(*args: str, stdin: str | None = None):
        return runner.invoke(app, list(args), input=stdin)

    return invoke


def test_ask_prints_answer_with_citation(run) -> None:
    result = run("ask", "我在石家庄交了15个月失业保险，考了中级工证书，能领多少补贴？")
    assert result.exit_code == 0, result.output
    assert "1500元" in result.stdout and "依据：" in result.stdout and "三、（一）3" in result.stdout


def test_ask_json_follows_the_contract(run) -> None:
    result = run("ask", "北京的技能提升补贴是多少", "--json")
    data = json.loads(result.stdout)
    assert result.exit_code == 0
    assert {"question", "status", "answer", "citations", "tool_calls", "engine"} <= data.keys()
    assert (data["status"], data["engine"]) == ("not_found", "offline")


def test_ask_batch_one_json_line_per_input_line(run, tmp_path) -> None:
    batch = tmp_path / "questions.txt"
    batch.write_text("石家庄学徒制补贴标准\n\n上海补贴怎么申请\n" + "长" * 5000 + "\n", encoding="utf-8")
    result = run("ask", "--batch", str(batch))
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert result.exit_code == 0
    assert [line["status"] for line in lines] == ["answered", "rejected", "not_found", "rejected"]
    assert "不能为空" in lines[1]["answer"] and "过长" in lines[3]["answer"]
    assert lines[0]["citations"][0]["clause"] == "三、（一）3"


@pytest.mark.parametrize(
    ("args", "message"),
    [(("ask", ""), "不能为空"), (("ask",), "二者选一"), (("ask", "补贴\u202e多少"), "不可见"),
     (("ask", "--batch", "/nonexistent/q.txt"), "不存在")],
)
def test_bad_input_exits_2_with_one_line_message(run, args: tuple, message: str) -> None:
    result = run(*args)
    assert result.exit_code == 2
    assert message in result.stderr and "Traceback" not in result.output
    assert len(result.stderr.strip().splitlines()) == 1


def test_chat_follow_ups_new_and_quit(run) -> None:
    result = run("chat", stdin="石家庄技能提升补贴多少？\n那高级工呢？\n/new\n那北京呢？\n退出\n")
    assert result.exit_code == 0, result.output
    assert "2000元" in result.stdout and "已开始新的对话" in result.stdout
    assert result.stdout.count("问：") == 5


def test_chat_ends_on_blank_line_or_eof(run) -> None:
    assert run("chat", stdin="\n").exit_code == 0
    assert run("chat", stdin="").exit_code == 0
