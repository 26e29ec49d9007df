"""Markdown rendering of an eval run (the CLI's text output and ``eval/results/*.md``)."""

from __future__ import annotations

from eval.answer_eval import AnswerScores
from eval.metrics import RetrievalScores
from eval.runner import EvalRun


def _pct(value: float | None) -> str:
    return "—" if value is None else f"{value:.3f}"


def _triple(scores: RetrievalScores | None) -> str:
    """``R@1 | R@5 | MRR`` cells."""
    if scores is None:
        return "— | — | —"
    return f"{_pct(scores.recall_at_1)} | {_pct(scores.recall_at_5)} | {_pct(scores.mrr)}"


def _score_row(label: str, scores: RetrievalScores | None) -> str:
    return f"| {label} | {scores.count if scores else '—'} | {_triple(scores)} |"


def _comparison(title: str, ours: dict[str, RetrievalScores], base: dict[str, RetrievalScores] | None) -> list[str]:
    lines = [
        f"### {title}",
        "",
        "| 分组 | 题数 | 本系统 R@1 | 本系统 R@5 | 本系统 MRR | 基线 R@1 | 基线 R@5 | 基线 MRR |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for name, scores in ours.items():
        lines.append(f"| {name} | {scores.count} | {_triple(scores)} | {_triple((base or {}).get(name))} |")
    return [*lines, ""]


def _answer_rows(by_type: dict[str, AnswerScores], overall: AnswerScores) -> list[str]:
    lines = [
        "| 分组 | 题数 | 关键事实 | 状态 | 拒答正确 | 误拒 | 引用命中 | 引用精度 | 金额精确 |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for name, s in [("全部", overall), *by_type.items()]:
        lines.append(
            f"| {name} | {s.count} | {_pct(s.key_fact_accuracy)} | {_pct(s.status_accuracy)}"
            f" | {_pct(s.abstention_accuracy)} | {_pct(s.false_abstention_rate)} | {_pct(s.citation_hit_rate)}"
            f" | {_pct(s.citation_precision)} | {_pct(s.amount_exactness)} |"
        )
    return lines


def render_markdown(run: EvalRun, *, max_misses: int = 40) -> str:
    speed = run.speed
    base = run.baseline
    lines = [
        f"## 检索评测（向量模型 `{speed.embedder}`，{run.retrieval_items} 题有金标准 / 共 {run.gold_items} 题，"
        f"top_k={run.top_k}，{run.created_at}）",
        "",
        "| 系统 | 题数 | R@1 | R@5 | MRR |",
        "|---|---|---|---|---|",
        _score_row("本系统（条款切分 + BM25/向量 RRF + 查询分析）", run.ours.overall),
        _score_row(f"LangChain 基线（{run.baseline_chunks or '—'} 块）", base.overall if base else None),
        "",
        f"向量模型：{speed.embedder}（{speed.dimension} 维），加载 {speed.load_s}s，{speed.chunks} 块嵌入 "
        f"{speed.embed_s}s（{speed.chunks_per_s} 块/秒），完整入库 {speed.ingest_s}s。"
        f"检索延迟（评测中，含查询嵌入）：本系统均值 {run.ours.latency_ms_mean}ms / p95 {run.ours.latency_ms_p95}ms"
        + (f"；基线均值 {base.latency_ms_mean}ms / p95 {base.latency_ms_p95}ms。" if base else "。"),
        "",
        *_comparison("按文档", run.ours.by_document, base.by_document if base else None),
        *_comparison("按题型", run.ours.by_type, base.by_type if base else None),
        f"### 本系统未在第 1 位命中的题（{len(run.ours.misses)}）",
        "",
        "| id | 问题 | 期望条款 | 命中名次 | 实际第 1 条 |",
        "|---|---|---|---|---|",
    ]
    for miss in run.ours.misses[:max_misses]:
        lines.append(
            f"| {miss.item_id} | {miss.question} | {miss.expected} | {miss.rank or '未命中'} | {miss.got_first} |"
        )
    lines.append("")
    if run.answers:
        lines += [
            f"## 回答评测（引擎 `{run.answers.engine}`）",
            "",
            *_answer_rows(run.answers.by_type, run.answers.overall),
        ]
        lines.append("")
    elif run.answers_note:
        lines += [f"回答评测：{run.answers_note}", ""]
    return "\n".join(lines)


def render_embedder_comparison(runs: list[EvalRun]) -> str:
    """The README table: one row per embedder, our retriever and the baseline side by side, plus speed."""
    lines = [
        "| 向量模型 | 维度 | 本系统 R@1 | 本系统 R@5 | 本系统 MRR | 基线 R@1 | 基线 R@5 | 基线 MRR "
        "| 嵌入速度 (块/秒) | 检索均值 / p95 (ms) |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for run in runs:
        ours, base = run.ours.overall, run.baseline.overall if run.baseline else None
        lines.append(
            f"| `{run.speed.embedder}` | {run.speed.dimension} | {_triple(ours)} | {_triple(base)}"
            f" | {run.speed.chunks_per_s} | {run.ours.latency_ms_mean} / {run.ours.latency_ms_p95} |"
        )
    return "\n".join(lines)
