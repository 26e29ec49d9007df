"""What a question denies of the asker (电工没有列进市里的重点产业目录) is no word the answering clause must say: the
city's base standard answers, not the key-industry raise it denies. A question form (在不在, 是不是, 有没有) denies
nothing.

Fictional document written for this test (no eval set has it, nothing was tuned on it): a prefecture city's skill
subsidy with a base standard by level and a raise for its key industries' occupations.
"""

from __future__ import annotations

import pytest
from support import fixed_finder, labelled_clauses

from assistant.offline.denials import denial, denied_words, without_denied
from ingest.knowledge import Knowledge
from retriever.understanding import Understanding

RULES = labelled_clauses([
    "（一）　企业在职职工取得技师（二级）职业技能等级证书的，按每人2600元给予技能提升补贴。",
    "（二）　取得咖啡加工、茶叶加工等我市重点产业目录内职业（工种）证书的，在第（一）项标准基础上每人再增加400元。",
    "（三）　脱贫人口、农村低收入人口取得证书的，在第（一）项标准基础上每人再增加300元。",
    "（四）　职工在取得证书之日起12个月内，向参保地县（区）公共就业服务机构提出申请。",
    "（五）　本细则自2026年6月1日起施行，有效期3年。",
], region="普洱市", level="city")
QUESTION = "我是厂里的电工，电工没有列进咖啡茶叶加工那些重点产业目录，也不是脱贫人口，今年考了技师证，补贴给多少？"
UNDERSTOOD = Understanding(text=QUESTION, normalized=QUESTION, intents=["amount"])


def _found(negations: tuple[str, ...]) -> list[str]:
    # the retriever puts the base standard first, the raise for the key industries (the question says its words) next
    finder = fixed_finder(RULES, [RULES[0], RULES[1]], negations=negations)
    return [e.chunk.clause_path for e in finder.find(QUESTION, UNDERSTOOD, regions=None, amount=True)]


def test_words_the_question_denies_are_not_asked_of_the_answering_clause() -> None:
    assert "（一）" in _found(tuple(Knowledge.load().facts.negations))
    # the same judgement with the denied words counted as what the clause must say: the base standard misses the bar
    assert "（一）" not in _found(())


@pytest.fixture(scope="module")
def pattern():
    return denial(Knowledge.load().facts.negations)


def test_a_negation_denies_the_words_after_it_and_every_item_of_a_list(pattern) -> None:
    assert denied_words("我也不是脱贫户、残疾人或失业人员，能领吗", pattern) == ["脱贫户、残疾人或失业人员"]
    assert denied_words("电焊不在市里重点产业目录里，补多少", pattern) == ["市里重点产业目录里"]
    assert denied_words("电工没有列进咖啡茶叶加工那些重点产业目录", pattern) == ["列进咖啡茶叶加工那些重点产业目录"]
    assert denied_words("没有北京户口的高级技师能办吗", pattern) == ["北京户口"]  # the 的 ends the attribute
    assert denied_words("不在目录里能补多少", pattern) == ["目录里能补"]  # what the clause asks is not denied
    assert without_denied("我不是残疾人，补多少", pattern) == "我不是   ，补多少"


def test_a_question_form_denies_nothing(pattern) -> None:
    questions = ("电工在不在重点产业目录里？", "我是不是残疾人都能领？", "有没有签合同有关系吗", "属不属于重点群体？")
    for question in questions:
        assert denied_words(question, pattern) == [], question
        assert without_denied(question, pattern) == question
