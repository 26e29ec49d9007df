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
    result = _run("--json", "--save", str(tmp_path / "results"))
    assert result.exit_code == 0, result.output
    run = json.loads(result.output)
    assert run["retrieval_items"] == run["ours"]["overall"]["count"] == run["baseline"]["overall"]["count"]
    assert run["retrieval_items"] >= 100
    for system in ("ours", "baseline"):
        overall = run[system]["overall"]
        assert 0.0 <= overall["recall_at_1"] <= overall["recall_at_5"] <= 1.0
        assert set(run[system]["by_document"]) == {p.stem for p in cli_env.data_dir.glob("*.txt")} | {
            p.stem for p in cli_env.data_dir.glob("*.md")
        }
    # the table questions need row chunks: the clause-aware index must beat raw splitting there
    assert run["ours"]["by_type"]["table"]["recall_at_5"] > run["baseline"]["by_type"]["table"]["recall_at_5"]
    answers = run["answers"]["overall"]
    assert answers["count"] == run["gold_items"]
    assert 0.0 <= answers["key_fact_accuracy"] <= 1.0 and answers["abstention_accuracy"] is not None
    saved = tmp_path / "results" / "retrieval-use.md"
    assert "R@1" in saved.read_text(encoding="utf-8")
    assert not (cli_env.index_dir / "CURRENT").exists()  # the eval never touches the configured index
