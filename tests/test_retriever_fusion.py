"""Reciprocal rank fusion, alone."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from retriever.fusion import rrf


def test_item_ranked_well_in_both_lists_wins() -> None:
    fused = rrf([["a", "b", "c"], ["b", "a", "d"]], k=60)
    assert [item for item, _ in fused] == ["a", "b", "c", "d"]  # a and b tie; a was seen first
    scores = dict(fused)
    assert scores["a"] == pytest.approx(1 / 61 + 1 / 62)
    assert scores["d"] == pytest.approx(1 / 63)
    assert scores["a"] > scores["c"] and scores["a"] > scores["d"]


def test_exact_scores_and_order() -> None:
    assert rrf([["x", "y"]], k=0) == [("x", 1.0), ("y", 0.5)]


def test_weights_shift_the_winner() -> None:
    dense, lexical = ["d1", "d2"], ["l1", "l2"]
    assert rrf([dense, lexical], weights=[3.0, 1.0])[0][0] == "d1"
    assert rrf([dense, lexical], weights=[1.0, 3.0])[0][0] == "l1"


def test_ties_keep_first_seen_order_and_duplicates_count_once() -> None:
    assert [i for i, _ in rrf([["a"], ["b"]])] == ["a", "b"]
    assert dict(rrf([["a", "a", "b"]], k=0)) == {"a": 1.0, "b": 1 / 3}


def test_empty_inputs() -> None:
    assert rrf([]) == []
    assert rrf([[], []]) == []


@pytest.mark.parametrize(("kwargs", "message"), [({"k": -1}, "k must"), ({"weights": [1.0]}, "one weight")])
def test_bad_arguments(kwargs: dict, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        rrf([["a"], ["b"]], **kwargs)


@given(st.lists(st.lists(st.sampled_from("abcdefgh"), max_size=8), max_size=4))
def test_scores_are_sorted_and_cover_every_item(rankings: list[list[str]]) -> None:
    fused = rrf(rankings)
    scores = [score for _, score in fused]
    assert scores == sorted(scores, reverse=True)
    assert {item for item, _ in fused} == {item for ranking in rankings for item in ranking}
