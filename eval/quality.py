"""The committed quality baseline (``eval/results/baseline.json``): the dev set's metrics from the current engine,
overall and per category, and the comparison that makes CI fail when answer quality drops.

``policy-assistant eval --update-baseline`` rewrites the file; ``tests/test_eval_baseline.py`` re-runs the dev set
and fails on any metric lower than the baseline by more than ``TOLERANCE`` (or a rate/count that got worse).
"""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from eval.answer_eval import AnswerScores
from eval.runner import SetReport, SuiteRun
from ingest.errors import UserInputError

RESULTS_DIR = Path(__file__).resolve().parent / "results"
BASELINE_FILE = "baseline.json"
TOLERANCE = 0.005
HIGHER_IS_BETTER = (
    "answer_accuracy",
    "status_accuracy",
    "key_fact_accuracy",
    "abstention_accuracy",
    "citation_hit_rate",
    "citation_precision",
    "amount_exactness",
)
LOWER_IS_BETTER = ("false_abstention_rate", "wrong_region_answers")
RETRIEVAL_METRICS = ("recall_at_1", "recall_at_5", "mrr")

Metrics = dict[str, float | int | None]


class QualityBaseline(BaseModel):
    model_config = ConfigDict(extra="forbid")

    set: str
    items: int
    engine: str
    embedding_backend: str
    created_at: str
    tolerance: float = Field(TOLERANCE, ge=0, le=0.1)
    retrieval: Metrics
    overall: Metrics
    by_category: dict[str, Metrics]


def _answer_metrics(scores: AnswerScores) -> Metrics:
    return {name: getattr(scores, name) for name in (*HIGHER_IS_BETTER, *LOWER_IS_BETTER)}


def snapshot(run: SuiteRun, report: SetReport) -> QualityBaseline:
    """The guarded metrics of one set's report (it must have answer metrics)."""
    if report.answers is None:
        raise UserInputError("基线需要回答评测结果（不要用 --no-answers）", "the baseline needs answer metrics")
    return QualityBaseline(
        set=report.name,
        items=report.items,
        engine=report.answers.engine,
        embedding_backend=run.embedding_backend,
        created_at=run.created_at,
        retrieval={name: getattr(report.ours.overall, name) for name in RETRIEVAL_METRICS},
        overall=_answer_metrics(report.answers.overall),
        by_category={name: _answer_metrics(scores) for name, scores in report.answers.by_category.items()},
    )


def _worse(name: str, now: float | int | None, before: float | int | None, tolerance: float) -> bool:
    if before is None:
        return False
    if now is None:
        return True
    if name in LOWER_IS_BETTER:
        return now > before + (0 if name == "wrong_region_answers" else tolerance)
    return now < before - tolerance


def regressions(current: QualityBaseline, baseline: QualityBaseline, tolerance: float | None = None) -> list[str]:
    """Every guarded metric that got worse than the baseline by more than the tolerance, one line each."""
    limit = baseline.tolerance if tolerance is None else tolerance
    sections: list[tuple[str, Metrics, Metrics]] = [
        ("retrieval", current.retrieval, baseline.retrieval),
        ("overall", current.overall, baseline.overall),
    ]
    for category, before in baseline.by_category.items():
        sections.append((category, current.by_category.get(category, {}), before))
    found = []
    for section, now, before in sections:
        for name, old in before.items():
            new = now.get(name)
            if _worse(name, new, old, limit):
                found.append(f"{section}.{name}: {old} → {new}")
    if current.items != baseline.items:
        found.append(f"items: {baseline.items} → {current.items} (update the baseline with the gold set)")
    return found


def load_baseline(path: Path) -> QualityBaseline:
    if not path.is_file():
        raise UserInputError(f"找不到质量基线：{path}", f"quality baseline not found: {path}")
    try:
        return QualityBaseline.model_validate_json(path.read_text(encoding="utf-8"))
    except (ValueError, UnicodeDecodeError):
        raise UserInputError(f"质量基线文件已损坏：{path}", f"quality baseline is not valid: {path}") from None


def save_baseline(baseline: QualityBaseline, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(baseline.model_dump_json(indent=2) + "\n", encoding="utf-8")
