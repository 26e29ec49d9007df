"""Lexical query expansion: rule parsing (and its bad input), matching, and its effect on real searches."""

from __future__ import annotations

import pytest

from retriever.expansion import QueryExpander, bundled_rules, parse_rules
from retriever.hybrid import HybridRetriever

SJZ = "shijiazhuang-2019-lifelong-skills-training"
BEIBEI = "beibei-2019-lifelong-skills-training"
BJ2011 = "beijing-2011-vocational-training"
BJ2007 = "beijing-2007-high-skilled-talent"


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
    rules = bundled_rules()
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


@pytest.mark.parametrize(
    ("query", "doc_id", "clause"),
    [
        ("北碚退伍的能免费学技术不", BEIBEI, "二、（五）"),
        ("石家庄考了个中级证能补多少钱", SJZ, "三、（一）3"),
        ("石家庄的农民工学技能培训补多少", SJZ, "三、（一）2"),
        ("北京公司每年要拿出工资的百分之几搞职工培训", BJ2011, "九、"),
        ("外省来北京打工的高级技师能不能落户", BJ2011, "六、"),
        ("老政策里北京企业职工教育经费最低提多少", BJ2007, "五、（十五）"),
        ("北碚企业给员工培训花的钱能抵税吗", BEIBEI, "五、（十九）"),
    ],
)
def test_colloquial_questions_find_the_formal_clause(
    retriever: HybridRetriever, query: str, doc_id: str, clause: str
) -> None:
    hits = retriever.search(query, top_k=3).hits
    assert (doc_id, clause) in [(h.chunk.doc_id, h.chunk.clause_path) for h in hits]
