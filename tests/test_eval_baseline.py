"""The committed quality baseline guards the dev set: the comparison (pure) and a real dev-set run against it."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from eval.quality import (
    BASELINE_FILE,
    RESULTS_DIR,
    QualityBaseline,
    load_baseline,
    regressions,
    save_baseline,
    snapshot,
)
from ingest.errors import UserInputError
from ingest.settings import Settings

POLICIES = Path(__file__).resolve().parent.parent / "data" / "policies"


def _baseline(**overall: float | int | None) -> QualityBaseline:
    metrics = {
        "answer_accuracy": 0.9,
        "status_accuracy": 1.0,
        "abstention_accuracy": None,
        "false_abstention_rate": 0.02,
        "wrong_region_answers": 0,
    }
    return QualityBaseline(
        set="dev",
        items=10,
        engine="offline",
        embedding_backend="use",
        created_at="2026-01-01T00:00:00+00:00",
        retrieval={"recall_at_1": 0.9, "recall_at_5": 1.0, "mrr": 0.95},
        overall={**metrics, **overall},
        by_category={"calculation": {"answer_accuracy": 1.0, "amount_exactness": 1.0}},
    )


def test_equal_or_better_metrics_pass() -> None:
    assert regressions(_baseline(), _baseline()) == []
    assert regressions(_baseline(answer_accuracy=0.95, false_abstention_rate=0.0), _baseline()) == []
    assert regressions(_baseline(answer_accuracy=0.896), _baseline()) == []  # within the 0.005 tolerance


@pytest.mark.parametrize(
    ("current", "expected"),
    [
        ({"answer_accuracy": 0.894}, "overall.answer_accuracy: 0.9 → 0.894"),
        ({"status_accuracy": None}, "overall.status_accuracy: 1.0 → None"),
        ({"false_abstention_rate": 0.03}, "overall.false_abstention_rate: 0.02 → 0.03"),
        ({"wrong_region_answers": 1}, "overall.wrong_region_answers: 0 → 1"),
    ],
)
def test_a_lowered_metric_fails(current: dict, expected: str) -> None:
    assert regressions(_baseline(**current), _baseline()) == [expected]


def test_category_retrieval_and_item_count_drops_fail() -> None:
    current = _baseline()
    current.by_category["calculation"]["amount_exactness"] = 0.9
    current.retrieval["mrr"] = 0.9
    current.items = 11
    assert regressions(current, _baseline()) == [
        "retrieval.mrr: 0.95 → 0.9",
        "calculation.amount_exactness: 1.0 → 0.9",
        "items: 10 → 11 (update the baseline with the gold set)",
    ]
    current.by_category.pop("calculation")
    assert "calculation.answer_accuracy: 1.0 → None" in regressions(current, _baseline())


def test_baseline_file_round_trip_and_corruption(tmp_path: Path) -> None:
    path = tmp_path / "results" / BASELINE_FILE
    save_baseline(_baseline(), path)
    assert load_baseline(path) == _baseline()
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(UserInputError, match="质量基线文件已损坏"):
        load_baseline(path)
    with pytest.raises(UserInputError, match="找不到质量基线"):
        load_baseline(tmp_path / "absent.json")


def test_dev_set_answers_do_not_drop_below_the_committed_baseline(tmp_path: Path) -> None:
    """The CI guard: the current engine on the dev set, compared with eval/results/baseline.json."""
    from eval.runner import run_suite
    from eval.sets import select_sets

    committed = load_baseline(RESULTS_DIR / BASELINE_FILE)
    settings = Settings(data_dir=POLICIES, index_dir=tmp_path / "index", state_dir=tmp_path / "state", _env_file=None)
    started = time.perf_counter()
    run = run_suite(settings, select_sets(["dev"], POLICIES), backend=committed.embedding_backend, with_baseline=False)
    current = snapshot(run, run.sets[0])
    assert regressions(current, committed) == [], (
        "dev metrics dropped; fix the engine or, if intended, run "
        "`policy-assistant eval --update-baseline` and commit eval/results/baseline.json"
    )
    assert time.perf_counter() - started < 120
