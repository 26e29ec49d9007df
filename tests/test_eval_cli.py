"""``policy-assistant eval``: bad input exits 2 with a Chinese message; one real end-to-end run (slow)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from eval.baseline import jieba_tokens, load_raw_documents, split_documents
from eval.gold import DEFAULT_GOLD_PATH
from ingest.settings import Settings
from ui.cli import build_app


@pytest.fixture
def cli_env(monkeypatch: pytest.MonkeyPatch, tmp_settings: Settings) -> Settings:
    monkeypatch.setenv("POLICY_DATA_DIR", str(tmp_settings.data_dir))
    monkeypatch.setenv("POLICY_INDEX_DIR", str(tmp_settings.index_dir))
    monkeypatch.setenv("POLICY_STATE_DIR", str(tmp_settings.state_dir))
    monkeypatch.setenv("POLICY_EMBEDDING_BACKEND", "use")
    return tmp_settings


def _run(*args: str):
    return CliRunner().invoke(build_app(), ["eval", *args])


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--embedder", "bge"], "未知的向量模型"),
        (["--top-k", "0"], "--top-k 必须在 1 到 50 之间"),
        (["--top-k", "51"], "--top-k 必须在 1 到 50 之间"),
        (["--gold", "/nonexistent/qa.jsonl"], "找不到金标准文件"),
        (["--set", "nope"], "未知的评测集：nope"),
        (["--docs", "data/policies"], "--docs 只能与 --gold 一起使用"),
        (["--gold", "data/eval/qa.jsonl", "--set", "dev"], "--gold 与 --set 不能同时使用"),
        (["--gold", "data/eval/qa.jsonl", "--update-baseline"], "--update-baseline 需要 dev 集"),
        (["--update-baseline", "--no-answers"], "--update-baseline 需要 dev 集"),
        (["--gold", "data/eval/qa.jsonl", "--docs", "/nonexistent/dir"], "文档目录不存在"),
    ],
)
def test_bad_options_exit_2_with_one_chinese_line(cli_env: Settings, args: list[str], message: str) -> None:
    result = _run(*args)
    assert result.exit_code == 2
    assert message in result.output
    assert "Traceback" not in result.output


@pytest.mark.parametrize(
    ("content", "message"),
    [(b"", "\u662f\u7a7a\u7684"), (b"{broken\n", "\u7b2c1\u884c"), (b"\xff\xfe\x00garbage", "UTF-8")],
)
def test_corrupt_gold_file_exits_2(cli_env: Settings, tmp_path: Path, content: bytes, message: str) -> None:
    gold = tmp_path / "qa.jsonl"
    gold.write_bytes(content)
    result = _run("--gold", str(gold))
    assert result.exit_code == 2
    assert message in result.output


def test_baseline_chunks_are_raw_recursive_splits_with_doc_ids() -> None:
    documents = load_raw_documents(Path(DEFAULT_GOLD_PATH).parent.parent / "policies")
    chunks = split_documents(documents)
    assert {c.metadata["doc_id"] for c in chunks} == {d.metadata["doc_id"] for d in documents}
    assert max(len(c.page_content) for c in chunks) <= 500
    assert len(chunks) > len(documents)
    tokens = jieba_tokens("石家庄技能提升补贴，多少？")
    assert {"石家庄", "技能", "补贴"} <= set(tokens)
    assert "，" not in tokens and "？" not in tokens


@pytest.mark.slow
def test_eval_json_end_to_end_on_the_real_corpus(cli_env: Settings, tmp_path: Path) -> None:
    out = tmp_path / "results"
    args = [
        "--set",
        "fresh_holdout",
        "--json",
        "--out",
        str(out),
        "--save",
        str(tmp_path / "saved"),
        "--update-baseline",
    ]
    result = _run(*args)
    assert result.exit_code == 0, result.output
    run = json.loads(result.stdout)
    assert [report["name"] for report in run["sets"]] == ["fresh_holdout", "dev"]  # the baseline needs dev
    holdout, dev = run["sets"]
    assert dev["retrieval_items"] == dev["ours"]["overall"]["count"] == dev["baseline"]["overall"]["count"] >= 100
    for system in ("ours", "baseline"):
        overall = dev[system]["overall"]
        assert 0.0 <= overall["recall_at_1"] <= overall["recall_at_5"] <= 1.0
        assert set(dev[system]["by_document"]) == {p.stem for p in cli_env.data_dir.glob("*.txt")} | {
            p.stem for p in cli_env.data_dir.glob("*.md")
        }
    # the table questions need row chunks: the clause-aware index must beat raw splitting there
    assert dev["ours"]["by_type"]["table"]["recall_at_5"] > dev["baseline"]["by_type"]["table"]["recall_at_5"]
    answers = dev["answers"]["overall"]
    assert answers["count"] == dev["items"] and 0.0 <= answers["answer_accuracy"] <= 1.0
    assert list(dev["answers"]["by_category"]) == [
        "calculation",
        "eligibility",
        "procedure",
        "lookup",
        "follow_up",
        "abstention",
    ]
    assert holdout["holdout"] and holdout["answers"]["failures"] == [] and holdout["ours"]["misses"] == []
    assert len(holdout["answers"]["failure_ids"]) == holdout["items"] - round(
        holdout["answers"]["overall"]["answer_accuracy"] * holdout["items"]
    )
    names = {path.name for path in out.iterdir()}
    assert {"answers-dev.md", "answers-dev.json", "answers-fresh_holdout.md", "answers-summary.md"} <= names
    baseline = json.loads((out / "baseline.json").read_text(encoding="utf-8"))
    assert baseline["set"] == "dev" and baseline["overall"]["answer_accuracy"] == answers["answer_accuracy"]
    assert "R@1" in (tmp_path / "saved" / "retrieval-use.md").read_text(encoding="utf-8")
    assert not (cli_env.index_dir / "CURRENT").exists()  # the eval never touches the configured index


@pytest.mark.slow
def test_adhoc_gold_on_its_own_documents(cli_env: Settings, tmp_path: Path) -> None:
    """``--gold FILE --docs DIR``: a new document without sidecar, its questions, text output, no LangChain run."""
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "demo-notice.txt").write_text(
        "示例市人民政府关于职业技能培训补贴的通知\n示范府发〔2030〕1号\n"
        "一、补贴标准\n取得高级工证书的企业职工，给予每人3000元的一次性技能补贴。\n"
        "二、办理方式\n由用人单位向示例市人力资源和社会保障局统一申报。\n",
        encoding="utf-8",
    )
    gold = tmp_path / "demo.jsonl"
    line = {
        "id": "demo-001",
        "question": "示例市高级工证书补贴多少钱",
        "type": "calculation",
        "region": "示例市",
        "gold_doc": "demo-notice",
        "gold_clause": "一、",
        "gold_text": "给予每人3000元的一次性技能补贴",
        "expected_status": "answered",
        "required_facts": ["3000元"],
        "expected_amount": "3000",
    }
    gold.write_text(json.dumps(line, ensure_ascii=False) + "\n", encoding="utf-8")
    result = _run("--gold", str(gold), "--docs", str(docs), "--no-baseline", "--out", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    assert "## 评测集 `demo`：1 题" in result.stdout and "索引 1 份文档" in result.stdout
    saved = json.loads((tmp_path / "out" / "answers-demo.json").read_text(encoding="utf-8"))
    assert saved["docs"] == [str(docs)] and saved["answers"]["overall"]["count"] == 1
    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps({**line, "gold_clause": "三、"}, ensure_ascii=False) + "\n", encoding="utf-8")
    result = _run("--gold", str(bad), "--docs", str(docs), "--no-baseline", "--out", str(tmp_path / "out"))
    assert result.exit_code == 2 and "bad.jsonl 与文档不符：line 1 (demo-001): no clause 三、" in result.output
