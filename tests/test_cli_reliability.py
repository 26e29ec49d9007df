"""The command line on a damaged index, on usage errors and on hostile ``--batch`` input (issue 14, items 2 and 6).

Every failure is one ``中文 / English`` line on stderr with exit code 2 — never a traceback, never Typer's
English box; a damaged live index served from an older intact generation is a one-line warning, exit 0.
"""

from __future__ import annotations

import json
import shutil
import time
from pathlib import Path

import pytest
import typer
from index_damage import NEW_AMOUNT, OLD_AMOUNT, QUERY, build_two_generations, copy_of, damaged_copy
from test_cli_ingest_search import assert_bad_input, run
from typer.testing import CliRunner

from ingest.settings import Settings
from retriever.embedders import UseEmbedder
from ui.cli_usage import ChineseUsageGroup

BOX = ("╭", "╰", "│")


@pytest.fixture(scope="module")
def embedder() -> UseEmbedder:
    return UseEmbedder()


@pytest.fixture(autouse=True)
def one_loaded_model(monkeypatch: pytest.MonkeyPatch, embedder: UseEmbedder) -> None:
    """Each CLI command builds its embedder; here they all share one loaded copy of the real model."""
    monkeypatch.setattr("retriever.factory.build_embedder", lambda _settings: embedder)
    monkeypatch.setattr("retriever.index.build_embedder", lambda _settings: embedder)


@pytest.fixture(scope="module")
def damaged_root(tmp_path_factory: pytest.TempPathFactory, embedder: UseEmbedder) -> tuple[Path, str, str]:
    root = tmp_path_factory.mktemp("cli-damage")
    older, live = build_two_generations(root, embedder)
    return root, older, live


def one_warning(stderr: str) -> str:
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("警告：") and " / " in lines[0], stderr
    return lines[0]


# ---- damaged index --------------------------------------------------------------------------------------------


def test_search_ask_docs_serve_the_intact_generation_with_a_warning(
    damaged_root: tuple[Path, str, str], tmp_path: Path
) -> None:
    older = damaged_root[1]
    settings = damaged_copy(damaged_root, tmp_path, "chunks.jsonl", "truncated")

    search = run(settings, "search", QUERY, "--json")
    assert search.exit_code == 0
    assert "已改用完好的版本" in one_warning(search.stderr) and older in search.stderr
    results = json.loads(search.stdout)["results"]
    assert results and any(OLD_AMOUNT in row["text"] for row in results)  # never "0 results"

    ask = run(settings, "ask", "测试市取得证书的培训补贴是多少？", "--json")
    assert ask.exit_code == 0 and "已改用完好的版本" in one_warning(ask.stderr)
    assert json.loads(ask.stdout)["status"] in {"answered", "not_found", "needs_info"}

    docs = run(settings, "docs", "--json")
    assert docs.exit_code == 0 and "已改用完好的版本" in one_warning(docs.stderr)
    payload = json.loads(docs.stdout)
    assert payload["generation"] == older and "已改用完好的版本" in payload["index_problem"]
    assert sum(d["chunks"] for d in payload["documents"]) == payload["chunk_count"] > 0

    ingest = run(settings, "ingest")
    assert ingest.exit_code == 0 and "已发布新索引版本" in ingest.stdout
    repaired = run(settings, "search", QUERY, "--json")
    assert repaired.exit_code == 0 and repaired.stderr.strip() == ""
    assert any(NEW_AMOUNT in row["text"] for row in json.loads(repaired.stdout)["results"])


def test_the_real_console_prints_one_warning_line(damaged_root: tuple[Path, str, str], tmp_path: Path) -> None:
    """Through ``main()`` (logging configured as for users): the fallback is one stderr line, not a log line more."""
    import os
    import subprocess
    import sys

    settings = damaged_copy(damaged_root, tmp_path, "bm25/chunk_ids.json", "deleted")
    env = {**os.environ, "POLICY_INDEX_DIR": str(settings.index_dir), "POLICY_STATE_DIR": str(settings.state_dir)}
    completed = subprocess.run(
        [sys.executable, "-m", "ui.cli", "search", QUERY, "--json"],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        cwd=Path(__file__).resolve().parent.parent,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr
    assert "已改用完好的版本" in one_warning(completed.stderr) and json.loads(completed.stdout)["results"]


@pytest.mark.parametrize("relative", ["chroma/chroma.sqlite3", "manifest.json", "bm25/params.index.json"])
def test_no_intact_generation_exits_2_and_ingest_rebuilds(
    damaged_root: tuple[Path, str, str], tmp_path: Path, relative: str
) -> None:
    settings = damaged_copy(damaged_root, tmp_path, relative, "garbage", keep_older=False)
    for args in (["search", QUERY], ["ask", "培训补贴是多少？"], ["docs"], ["search", "--batch", "-"]):
        assert_bad_input(run(settings, *args, stdin="培训补贴\n"), "policy-assistant ingest --rebuild")
    ingest = run(settings, "ingest", "--json")
    assert ingest.exit_code == 0, ingest.output
    report = json.loads(ingest.stdout)
    assert report["published"] and report["embedded_chunks"] == report["chunk_count"] > 0
    assert "索引" in ingest.stderr  # the repair is reported
    assert run(settings, "search", QUERY).exit_code == 0


def test_ingest_rebuild_reembeds_everything(damaged_root: tuple[Path, str, str], tmp_path: Path) -> None:
    settings = copy_of(damaged_root[0], tmp_path)
    unchanged = json.loads(run(settings, "ingest", "--json").stdout)
    assert not unchanged["published"]
    rebuilt = json.loads(run(settings, "ingest", "--rebuild", "--json").stdout)
    assert rebuilt["published"] and rebuilt["embedded_chunks"] == rebuilt["chunk_count"] > 0


def test_the_page_starts_on_a_damaged_index_and_shows_the_problem(
    damaged_root: tuple[Path, str, str], tmp_path: Path
) -> None:
    """``policy-assistant ui`` builds these services; it must not exit on a damaged index."""
    from ui.services import build_services

    settings = damaged_copy(damaged_root, tmp_path, "chroma/chroma.sqlite3", "garbage")
    services = build_services(settings)
    assert services.retriever is not None and "已改用完好的版本" in (services.index_problem or "")
    assert services.require_retriever().search(QUERY).hits

    shutil.rmtree(settings.index_dir / damaged_root[1])
    broken = build_services(settings)
    assert broken.retriever is None and "policy-assistant ingest --rebuild" in (broken.index_problem or "")


# ---- usage errors -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["search", "补贴", "--top-k", "abc"], "--top-k 的值无效"),
        (["search", "补贴", "--top-k"], "用法错误"),
        (["search", "补贴", "--no-such-option"], "未知的选项：--no-such-option"),
        (["search", "补贴", "多余"], "多余的参数"),
        (["no-such-command"], "未知的命令"),
        (["ui", "--port", "八千"], "--port 的值无效"),
        (["ingest", "--json", "--bogus"], "未知的选项"),
        (["ask", "--json", "--top-k", "3"], "未知的选项"),
    ],
)
def test_usage_errors_are_one_chinese_line(tmp_settings: Settings, args: list[str], message: str) -> None:
    result = run(tmp_settings, *args)
    assert_bad_input(result, message)
    assert "运行" in result.stderr and "--help" in result.stderr
    assert not any(mark in result.output for mark in BOX)


def test_a_missing_argument_is_named() -> None:
    app = typer.Typer(cls=ChineseUsageGroup, add_completion=False)

    @app.command()
    def greet(name: str) -> None:
        typer.echo(name)

    @app.command()
    def other() -> None:
        typer.echo("other")

    result = CliRunner().invoke(app, ["greet"])
    assert result.exit_code == 2 and "缺少参数 NAME" in result.stderr and " / " in result.stderr
    assert CliRunner().invoke(app, ["greet", "张三"]).stdout.strip() == "张三"


@pytest.mark.parametrize(("name", "value"), [("POLICY_MAX_PARAGRAPHS", "-1"), ("POLICY_MAX_BATCH_BYTES", "很多")])
def test_a_bad_setting_is_one_line(tmp_settings: Settings, name: str, value: str) -> None:
    assert_bad_input(run(tmp_settings, "docs", **{name: value}), f"配置项 {name} 的值无效")


def test_help_is_not_an_error(tmp_settings: Settings) -> None:
    bare = run(tmp_settings)
    assert bare.exit_code == 0 and "search" in bare.stdout
    assert run(tmp_settings, "search", "--help").exit_code == 0


# ---- --batch --------------------------------------------------------------------------------------------------

SEPARATORS = ["北京 职工教育经费", "石家庄\u2028技能提升补贴", "北碚\u0085退役军人", "学徒\x0c补贴\x1c石家庄"]


def test_batch_lines_end_only_at_newlines(indexed_settings: Settings) -> None:
    """4 lines in (CRLF), 4 JSON lines out, same order: U+2028/U+0085/form feed/U+001C stay inside their line."""
    text = "\r\n".join(SEPARATORS) + "\r\n"
    result = run(indexed_settings, "search", "--batch", "-", "--top-k", "2", stdin=text)
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(rows) == 4
    assert rows[0]["results"][0]["region"] == "北京市"
    assert rows[1]["query"] == "石家庄 技能提升补贴"  # one query, answered as one (U+2028 is a space)
    assert {r["region"] for r in rows[1]["results"]} <= {"石家庄市", "全国"}
    assert "控制字符" in rows[2]["error"] and rows[2]["query"] == SEPARATORS[2]
    assert "控制字符" in rows[3]["error"] and rows[3]["query"] == SEPARATORS[3]

    answers = run(indexed_settings, "ask", "--batch", "-", stdin=text)
    assert answers.exit_code == 0
    statuses = [json.loads(line)["status"] for line in answers.stdout.splitlines()]
    assert len(statuses) == 4 and statuses[2:] == ["rejected", "rejected"] and statuses[0] != "rejected"


def test_batch_file_with_bom_and_blank_lines(indexed_settings: Settings, tmp_path: Path) -> None:
    batch = tmp_path / "queries.txt"
    batch.write_bytes("\ufeff北碚 退役军人\n\n石家庄 学徒".encode())
    rows = [json.loads(line) for line in run(indexed_settings, "search", "--batch", str(batch)).stdout.splitlines()]
    assert [r["query"] for r in rows] == ["北碚 退役军人", "", "石家庄 学徒"] and "不能为空" in rows[1]["error"]


@pytest.mark.parametrize(
    ("env", "text", "message"),
    [
        ({"POLICY_MAX_BATCH_LINES": "3"}, "\n".join(SEPARATORS), "批量输入行数过多（4 行，上限 3 行"),
        ({"POLICY_MAX_BATCH_BYTES": "100"}, "补贴\n" * 40, "批量输入过大（超过 100 字节"),
        ({}, "\udcff", "不是 UTF-8"),
    ],
    ids=["lines", "bytes", "not-utf8"],
)
def test_batch_limits(indexed_settings: Settings, env: dict[str, str], text: str, message: str) -> None:
    data = text.encode("utf-8", errors="surrogateescape")
    for command in ("search", "ask"):
        result = run(indexed_settings, command, "--batch", "-", stdin=data, **env)
        assert_bad_input(result, message)
        assert result.stdout == ""  # refused before any line is answered


def test_a_huge_batch_file_is_refused_fast(indexed_settings: Settings, tmp_path: Path) -> None:
    batch = tmp_path / "huge.txt"
    with open(batch, "wb") as handle:
        handle.write(("补贴\n" * 1_000_000).encode() * 7)  # ~49 MB
    started = time.perf_counter()
    result = run(indexed_settings, "search", "--batch", str(batch))
    assert_bad_input(result, "批量输入过大")
    assert time.perf_counter() - started < 30  # includes opening the index; the file itself is not read past 10 MB
