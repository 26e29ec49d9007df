"""Lexical query expansion: rule parsing (and its bad input) and matching; its effect on search is in
``test_retriever_search.py`` (colloquial questions)."""

from __future__ import annotations

import pytest

from ingest.knowledge import Knowledge
from ingest.knowledge import parse_synonyms as parse_rules
from retriever.expansion import QueryExpander


def test_rules_parse_with_comments_and_full_width_commas() -> None:
    rules = parse_rules(["# comment", "", "退伍|退役 => 退役军人，退役士兵"])
    assert len(rules) == 1
    assert rules[0].triggers == ("退伍", "退役")
    assert rules[0].terms == ("退役军人", "退役士兵")


@pytest.mark.parametrize("line", ["没有箭头", "=> 退役军人", "退伍 =>", " | => ,"])
def test_bad_rule_lines_name_the_line(line: str) -> None:
    with pytest.raises(ValueError, match="synonym rule 2"):
        parse_rules(["# ok", line])


def test_bundled_rules_load_and_every_rule_has_terms() -> None:
    rules = Knowledge.load().synonyms
    assert len(rules) >= 20
    assert all(rule.triggers and rule.terms for rule in rules)


def test_expansions_are_unique_and_skip_terms_already_in_the_query() -> None:
    expander = QueryExpander(parse_rules(["退伍|当兵 => 退役军人, 免费", "免费 => 免费, 培训补贴"]))
    assert expander.expansions("退伍当兵的能免费学吗") == ["退役军人", "培训补贴"]
    assert expander.expansions("ＳＨＥＢＡＯ") == []
    assert expander.expansions("") == []


def test_full_width_query_text_still_triggers() -> None:
    expander = QueryExpander(parse_rules(["社保 => 社会保险"]))
    assert expander.expansions("社保　交了 ２ 年") == ["社会保险"]
