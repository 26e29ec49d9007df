"""A figure a lower level says it replaces (由按实际缴费额的三分之二补贴调整为按实际缴费额的80%补贴) is never worked
out for an asker there: the higher level's rule runs with the new figure, read from the lower level's own words, under
the cap it keeps (每人每月补贴上限仍按金华市标准执行), both clauses cited. The drafter reads the new figure of such a
sentence, never the replaced one, and drafts no share whose cap stands elsewhere. Askers elsewhere under the higher
level still get its figure.

Fictional documents written for this test (no eval set has them; nothing was tuned on them), after a question about
another pair of documents showed the higher level's share worked out for a county whose city had replaced it.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from support import answered_with, drafted_rules, module_engine

from assistant.offline.engine import OfflineEngine

CITY = """金华市人力资源和社会保障局 金华市财政局关于就业困难人员灵活就业社会保险补贴的通知
金人社发〔2026〕11号
各县（市、区）人力资源和社会保障局、财政局：
一、就业困难人员以灵活就业方式就业并以个人身份缴纳基本养老保险费、基本医疗保险费的，按其实际缴费额的三分之二给予社会保险补贴，每人每月最高不超过500元。
二、本通知自2026年7月1日起施行。
"""
COUNTY = """东阳市人力资源和社会保障局 东阳市财政局关于提高灵活就业社会保险补贴比例的通知
东人社发〔2026〕3号
各乡镇人民政府、街道办事处：
一、就业困难人员以灵活就业方式就业并以个人身份缴费的，社会保险补贴由按实际缴费额的三分之二补贴调整为按实际缴费额的80%补贴，每人每月补贴上限仍按金华市标准执行。
二、本通知自2026年9月1日起施行。
"""

engine = module_engine("replaced-share", {"jinhua-2026-flexible-employment-subsidy.txt": CITY,
                                          "dongyang-2026-flexible-employment-subsidy-rate.txt": COUNTY})


@pytest.mark.parametrize(("sentence", "rate"), [
    ("社会保险补贴由按实际缴费额的三分之二补贴调整为按实际缴费额的80%补贴，每人每月最高不超过500元。", 80),
    ("岗位补贴从每人每月1000元提高到每人每月1200元。", 1200),
])
def test_the_drafter_reads_the_new_figure_not_the_replaced_one(tmp_path, sentence: str, rate: int) -> None:
    [rule] = drafted_rules(tmp_path, COUNTY.replace(COUNTY.splitlines()[3][2:], sentence), "一、", "东阳市")
    assert rule["parameters"]["rate"]["value"] == rate, rule


def test_a_share_whose_cap_stands_elsewhere_is_not_drafted_alone(tmp_path) -> None:
    """每人每月补贴上限仍按金华市标准执行: the sentence names a cap it does not state, so its share alone would
    overpay whoever pays more than the cap allows."""
    assert drafted_rules(tmp_path, COUNTY, "一、", "东阳市") == []


@pytest.mark.parametrize(("question", "amount", "wrong"), [
    # 600 × 80%, not the 2/3 the county replaced
    ("东阳的就业困难人员，灵活就业，自己交养老医疗每月600元，一个月能补多少？", Decimal(480), Decimal(400)),
    # 700 × 80% = 560 a month, over the city's cap of 500 the county keeps; twelve months of it
    ("东阳的就业困难人员，灵活就业，自己交养老医疗每月700元，按一年算能补多少？", Decimal(6000), Decimal(5600)),
])
def test_the_new_share_is_worked_out_under_the_cap_it_keeps(engine: OfflineEngine, question: str, amount: Decimal,
                                                            wrong: Decimal) -> None:
    text = answered_with(engine, question, amount, wrong)
    assert "东人社发〔2026〕3号" in text and "金人社发〔2026〕11号" in text, text  # both clauses cited


@pytest.mark.parametrize("question", ["我是金华武义县的就业困难人员，灵活就业，每月自己交社保600元，每月能补多少？"])
def test_elsewhere_under_the_city_its_share_is_worked_out(engine: OfflineEngine, question: str) -> None:
    answered_with(engine, question, Decimal(400))


def test_each_place_of_a_comparison_gets_the_share_in_force_there(engine: OfflineEngine) -> None:
    """The county's clause answers its part though the city's clause it replaces a figure of was not found for
    it: that clause is looked up in the documents above the county and worked out with the county's figure."""
    answer = engine.answer("就业困难人员灵活就业，每月自己交600块社保，在东阳和在武义能补的一样吗？各补多少？")
    parts = answer.answer.split("【")
    dongyang = next(p for p in parts if p.startswith("浙江省金华市东阳市补贴标准"))
    wuyi = next(p for p in parts if p.startswith("浙江省金华市武义县补贴标准"))
    assert "480元" in dongyang and "400元" not in dongyang, answer.answer  # 600 × 80% against the city's 2/3
    assert "400元" in wuyi, answer.answer
