"""Markdown rendering of eval runs: the CLI's text output, ``eval/results/answers-<set>.md`` and the retrieval runs."""

from __future__ import annotations

from pathlib import Path

from eval.answer_eval import AnswerScores
from eval.metrics import RetrievalScores
from eval.runner import EvalRun, SetReport, SuiteRun


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


# ---- multi-set answer reports (``policy-assistant eval``) -------------------------------------------------------

CATEGORY_LABELS = {
    "calculation": "计算 calculation",
    "eligibility": "资格 eligibility",
    "procedure": "办理 procedure",
    "lookup": "列举/查询 lookup",
    "comparison": "对比 comparison",
    "old_vs_new": "新旧文件 old_vs_new",
    "metadata": "文件信息 metadata",
    "follow_up": "追问 follow_up",
    "abstention": "应拒答 abstention",
}
_ANSWER_HEADER = [
    "| 类别 | 题数 | 回答正确 | 状态正确 | 关键事实 | 拒答正确 | 误拒率 | 引用命中 | 金额精确 | 串地区 |",
    "|---|---|---|---|---|---|---|---|---|---|",
]


def _answer_cells(s: AnswerScores) -> str:
    return (
        f"{s.count} | {_pct(s.answer_accuracy)} | {_pct(s.status_accuracy)} | {_pct(s.key_fact_accuracy)}"
        f" | {_pct(s.abstention_accuracy)} | {_pct(s.false_abstention_rate)} | {_pct(s.citation_hit_rate)}"
        f" | {_pct(s.amount_exactness)} | {s.wrong_region_answers}"
    )


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "｜")


def render_set(report: SetReport, *, ids: bool = True) -> str:
    """One set: retrieval line, the by-category answer table, then every failure (holdout sets: ids only — and on
    the console, ``ids`` off, not even those: whoever runs a blind set sees counts, the result files keep the ids)."""
    ours, base = report.ours.overall, report.baseline.overall if report.baseline else None
    lines = [
        f"## 评测集 `{report.name}`{'（保留集）' if report.holdout else ''}：{report.items} 题"
        f"（{report.retrieval_items} 题有金标准条款），索引 {report.documents} 份文档 / {report.chunks} 块",
        "",
        f"检索：本系统 R@1 {_pct(ours.recall_at_1)} · R@5 {_pct(ours.recall_at_5)} · MRR {_pct(ours.mrr)}"
        + (
            f"；LangChain 基线 R@1 {_pct(base.recall_at_1)} · R@5 {_pct(base.recall_at_5)} · MRR {_pct(base.mrr)}"
            if base
            else ""
        )
        + "。",
        "",
    ]
    answers = report.answers
    if answers is None:
        return "\n".join(lines)
    lines += [f"回答（引擎 `{answers.engine}`，{answers.elapsed_s}s）：", "", *_ANSWER_HEADER]
    lines.append(f"| 全部 | {_answer_cells(answers.overall)} |")
    lines += [f"| {CATEGORY_LABELS.get(name, name)} | {_answer_cells(s)} |" for name, s in answers.by_category.items()]
    lines += ["", f"### 未答对的题（{len(answers.failure_ids)}）", ""]
    if report.holdout and not ids:
        lines.append(f"保留集不列题目：{len(answers.failure_ids)} 题未答对，"
                     f"{len(report.miss_ids)} 题检索未在第 1 位命中（id 只写入结果文件）。")
        return "\n".join([*lines, ""])
    if report.holdout:
        lines.append("保留集只列 id：" + ("、".join(answers.failure_ids) or "无"))
        lines += ["", "检索未在第 1 位命中：" + ("、".join(report.miss_ids) or "无"), ""]
        return "\n".join(lines)
    lines += [
        "| id | 类别 | 问题 | 期望 → 实际 | 缺少的事实 | 不应出现 | 未引用 | 金额 期望/实际 |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for check in answers.failures:
        amount = f"{check.expected_amount} / {'、'.join(check.got_amounts) or '—'}" if check.expected_amount else ""
        lines.append(
            f"| {check.item_id} | {check.category} | {_cell(check.question)}"
            f" | {check.expected_status} → {check.status} | {'、'.join(check.missing_facts)}"
            f" | {'、'.join(check.forbidden_found)} | {'、'.join(check.missing_also_gold)} | {amount} |"
        )
    lines += ["", f"### 检索未在第 1 位命中（{len(report.ours.misses)}）", ""]
    lines += ["| id | 问题 | 期望条款 | 命中名次 | 实际第 1 条 |", "|---|---|---|---|---|"]
    lines += [
        f"| {m.item_id} | {_cell(m.question)} | {m.expected} | {m.rank or '未命中'} | {m.got_first} |"
        for m in report.ours.misses
    ]
    return "\n".join([*lines, ""])


def render_summary(run: SuiteRun) -> str:
    """README-ready: one row per set (retrieval + answers overall), then answer accuracy by category × set."""
    lines = [
        f"## 各评测集总览（向量模型 `{run.embedding_backend}`，top_k={run.top_k}，{run.created_at}）",
        "",
        "| 评测集 | 题数 | R@1 | R@5 | MRR | 回答正确 | 状态正确 | 拒答正确 | 误拒率 | 引用命中 | 金额精确 | 串地区 |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for report in run.sets:
        a = report.answers.overall if report.answers else None
        answer_cells = (
            f"{_pct(a.answer_accuracy)} | {_pct(a.status_accuracy)} | {_pct(a.abstention_accuracy)}"
            f" | {_pct(a.false_abstention_rate)} | {_pct(a.citation_hit_rate)} | {_pct(a.amount_exactness)}"
            f" | {a.wrong_region_answers}"
            if a
            else "— | — | — | — | — | — | —"
        )
        lines.append(f"| {report.name} | {report.items} | {_triple(report.ours.overall)} | {answer_cells} |")
    with_answers = [report for report in run.sets if report.answers]
    if with_answers:
        lines += [
            "",
            "回答正确率（按类别；括号内为题数）：",
            "",
            "| 类别 | " + " | ".join(report.name for report in with_answers) + " |",
            "|---|" + "---|" * len(with_answers),
        ]
        for category, label in CATEGORY_LABELS.items():
            cells = []
            for report in with_answers:
                scores = report.answers.by_category.get(category) if report.answers else None
                cells.append(f"{_pct(scores.answer_accuracy)} ({scores.count})" if scores else "—")
            lines.append(f"| {label} | " + " | ".join(cells) + " |")
    return "\n".join([*lines, ""])


def write_results(run: SuiteRun, directory: Path) -> list[Path]:
    """``answers-<set>.md|json`` per set and ``answers-summary.md``; holdout files hold aggregates and ids only."""
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for report in run.sets:
        for suffix, content in ((".md", render_set(report)), (".json", report.model_dump_json(indent=2))):
            path = directory / f"answers-{report.name}{suffix}"
            path.write_text(content + "\n", encoding="utf-8")
            written.append(path)
    summary = directory / "answers-summary.md"
    summary.write_text(render_summary(run) + "\n", encoding="utf-8")
    return [*written, summary]
