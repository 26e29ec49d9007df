"""Retrieval metrics on hand-built rankings: exact values."""

from __future__ import annotations

import pytest

from eval.metrics import (
    Passage,
    RankedItem,
    breakdown,
    first_hit_rank,
    is_hit,
    mean_reciprocal_rank,
    misses,
    recall_at_k,
    score,
)

GOLD_DOC = "beibei-2019-lifelong-skills-training"


def test_hit_needs_same_document_and_normalized_text() -> None:
    passage = Passage(doc_id=GOLD_DOC, text="企业发生的职工教育经费支出，不超过工资薪金总额 8%的部分，准予扣除。")
    assert is_hit(passage, GOLD_DOC, "不超过工资薪金总额8%的部分")  # whitespace ignored
    assert is_hit(passage, GOLD_DOC, "不超过工资薪金总额　８％的部分")  # full-width folded
    assert not is_hit(passage, "shijiazhuang-2019-lifelong-skills-training", "不超过工资薪金总额8%的部分")
    assert not is_hit(passage, GOLD_DOC, "不超过工资薪金总额10%的部分")


def test_first_hit_rank_is_one_based_and_none_when_absent() -> None:
    passages = [
        Passage(doc_id="other", text="不超过工资薪金总额 8%的部分"),
        Passage(doc_id=GOLD_DOC, text="无关内容"),
        Passage(doc_id=GOLD_DOC, text="……不超过工资薪金总额 8%的部分……"),
    ]
    assert first_hit_rank(passages, GOLD_DOC, "不超过工资薪金总额 8%的部分") == 3
    assert first_hit_rank(passages, GOLD_DOC, "根本不存在的文字内容") is None
    assert first_hit_rank([], GOLD_DOC, "不超过工资薪金总额 8%的部分") is None


def test_recall_and_mrr_exact_values() -> None:
    ranks = [1, 2, None, 5, 6]
    assert recall_at_k(ranks, 1) == pytest.approx(1 / 5)
    assert recall_at_k(ranks, 5) == pytest.approx(3 / 5)
    assert recall_at_k(ranks, 10) == pytest.approx(4 / 5)
    assert mean_reciprocal_rank(ranks) == pytest.approx((1 + 1 / 2 + 0 + 1 / 5 + 1 / 6) / 5)
    assert score(ranks).model_dump() == {"count": 5, "recall_at_1": 0.2, "recall_at_5": 0.6, "mrr": 0.3733}


def test_empty_inputs_score_zero_and_bad_k_rejected() -> None:
    assert recall_at_k([], 5) == 0.0
    assert mean_reciprocal_rank([]) == 0.0
    assert score([]).count == 0
    with pytest.raises(ValueError, match="k must be"):
        recall_at_k([1], 0)


def _ranked(item_id: str, type_: str, doc: str, rank: int | None) -> RankedItem:
    return RankedItem(item_id=item_id, question="问", type=type_, gold_doc=doc, gold_clause="九、", first_hit_rank=rank)


def test_breakdown_groups_and_misses() -> None:
    items = [
        _ranked("a-001", "number", "bj", 1),
        _ranked("a-002", "number", "sjz", 3),
        _ranked("a-003", "table", "sjz", None),
    ]
    by_type = breakdown(items, key=lambda item: item.type)
    assert list(by_type) == ["number", "table"]
    assert by_type["number"].recall_at_1 == 0.5
    assert by_type["number"].mrr == pytest.approx(round((1 + 1 / 3) / 2, 4))
    assert by_type["table"].model_dump() == {"count": 1, "recall_at_1": 0.0, "recall_at_5": 0.0, "mrr": 0.0}
    by_doc = breakdown(items, key=lambda item: item.gold_doc)
    assert by_doc["sjz"].recall_at_5 == 0.5
    assert [item.item_id for item in misses(items)] == ["a-002", "a-003"]
    assert [item.item_id for item in misses(items, k=5)] == ["a-003"]
