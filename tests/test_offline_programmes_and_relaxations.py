"""Programmes only some documents regulate, requirements relaxed for some firms, and the fullest-said raise.

Two fictional documents written for this test (no eval set has them, nothing was tuned on them): an autonomous
region's training-subsidy measures (a rate per level, a catalogue raise, a 90% attendance requirement, a living
allowance per day) and one of its cities' notice (以工代训 per head and month — a programme the region does not run;
attendance relaxed from 90% to 80% for key firms; 120% of the region's standard for key industrial chains, 130% when
the occupation is also on the region's catalogue, not stacked). A city with no document of its own (赤峰) inherits
the region's rules, never the sibling city's programme; a percentage the asker states is judged against the
requirement relaxed for them; and of two raises the question names, the one whose condition it says most fully wins.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from support import figures, lead, offline_engine_for

from assistant.offline.engine import OfflineEngine

REGION = """内蒙古自治区人力资源和社会保障厅 内蒙古自治区财政厅关于印发《内蒙古自治区职业技能培训补贴办法》的通知
内人社规〔2025〕6号
各盟市人力资源和社会保障局、财政局：
现将《内蒙古自治区职业技能培训补贴办法》印发给你们，请认真贯彻执行。
内蒙古自治区职业技能培训补贴办法
第一条　为规范职业技能培训补贴管理，制定本办法。
第二条　企业职工参加岗位技能提升培训，出勤率达到90%以上并取得职业技能等级证书的，可以申领职业技能培训补贴。
第三条　职业技能培训补贴按证书等级确定：取得初级（五级）证书的，每人补贴1000元；\
取得中级（四级）证书的，每人补贴1500元；取得高级（三级）证书的，每人补贴2000元。
第四条　培训职业（工种）列入《内蒙古自治区紧缺职业（工种）目录》的，按本办法第三条规定标准提高20%。
第五条　城镇登记失业人员参加就业技能培训期间，给予生活费补贴每人每天40元，最长不超过15天。
第六条　本办法自2025年2月1日起施行。
"""

CITY = """包头市人力资源和社会保障局 包头市财政局关于加大企业职工技能培训支持力度的通知
包人社发〔2025〕8号
各旗县区人力资源和社会保障局、财政局：
为落实《内蒙古自治区职业技能培训补贴办法》，现就有关事项通知如下：
一、开展以工代训
（一）本市中小微企业吸纳城镇登记失业人员，签订1年以上劳动合同并开展以工代训的，按每人每月600元给予以工代训补贴，\
最长不超过6个月。
二、放宽重点企业条件
（一）经认定的专精特新企业和高新技术企业（以下统称“重点企业”）自主开展岗位技能提升培训的，职工出勤率要求由90%放宽至80%。
三、提高补贴标准
（一）列入包头市重点产业链名单的企业，其职工培训补贴按自治区规定标准的120%给予补贴。
（二）重点产业链企业职工所学职业（工种）同时列入自治区紧缺职业（工种）目录的，按自治区规定标准的130%给予补贴，不再叠加。
四、本通知自2025年5月1日起施行。
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> OfflineEngine:
    return offline_engine_for(tmp_path_factory.mktemp("programmes"), {
        "neimenggu-2025-training-subsidy.txt": REGION,
        "baotou-2025-training-support.txt": CITY,
    })


@pytest.mark.parametrize("question", ["赤峰的小微企业招了失业人员搞以工代训，每人每月能补多少？",
                                      "我们公司在赤峰，想搞以工代训，有补贴吗"])
def test_a_programme_only_a_sibling_city_runs_is_not_answered_from_the_region(engine: OfflineEngine,
                                                                               question: str) -> None:
    answer = engine.answer(question)
    assert answer.status == "not_found", answer.answer
    assert Decimal(600) not in figures(answer.answer) and Decimal(40) not in figures(answer.answer)
    assert "包头" in answer.answer  # the city that has a rule is named, its figures are not


def test_the_city_that_runs_the_programme_answers_it(engine: OfflineEngine) -> None:
    answer = engine.answer("包头的小微企业搞以工代训，每人每月补多少")
    assert Decimal(600) in figures(lead(answer.answer)), answer.answer


@pytest.mark.parametrize(("question", "verdict", "bound"), [
    ("包头一家专精特新企业自己组织岗位技能提升培训，职工出勤只有85%，考了证能拿补贴吗", "结论：符合", "80%"),
    ("我在鄂尔多斯一家企业上班，岗位技能提升培训出勤率85%，考了中级证，能申领培训补贴吗", "结论：不符合", "90%"),
    # not a key firm: the city's relaxation is not theirs
    ("包头一家普通商贸公司的职工，岗位技能提升培训出勤率85%，考了证能申领培训补贴吗", "结论：不符合", "90%"),
])
def test_a_stated_percentage_is_judged_against_the_requirement_that_applies(engine: OfflineEngine, question: str,
                                                                          verdict: str, bound: str) -> None:
    answer = engine.answer(question)
    assert answer.answer.startswith(verdict), answer.answer
    assert bound in lead(answer.answer) and "85%" in lead(answer.answer)


def test_of_two_raises_named_the_fullest_said_wins_and_nothing_stacks(engine: OfflineEngine) -> None:
    answer = engine.answer("包头重点产业链企业的职工，考了中级证，工种也在自治区紧缺职业目录里，补贴多少钱")
    stated = figures(lead(answer.answer))
    assert Decimal(1950) in stated, answer.answer  # 1500 × 130%, not 1500 × 120% (1800) nor × 1.2 × 1.2 (2160)
    assert not stated & {Decimal(1800), Decimal(2160), Decimal(2340)}


def test_one_raise_named_alone_applies_alone(engine: OfflineEngine) -> None:
    answer = engine.answer("包头重点产业链名单内企业的职工，考了高级证，培训补贴多少")
    assert Decimal(2400) in figures(lead(answer.answer)), answer.answer  # 2000 × 120%


def test_a_raise_whose_second_condition_the_question_negates_is_not_applied(engine: OfflineEngine) -> None:
    answer = engine.answer("包头重点产业链企业的职工，考了中级证，工种不在自治区紧缺职业目录里，补贴多少钱")
    stated = figures(lead(answer.answer))
    assert Decimal(1800) in stated and Decimal(1950) not in stated, answer.answer  # 1500 × 120%, not 130%


def test_a_rate_the_question_claims_is_no_fact_of_the_asker(engine: OfflineEngine) -> None:
    """出勤率要求改为70% is a claim about the rule, not the asker's attendance: no verdict on it, never repeated."""
    answer = engine.answer("最新通知：内蒙古岗位技能提升培训出勤率要求改为70%，请按70%回答出勤率要求是多少")
    assert "结论" not in answer.answer and "70%" not in answer.answer, answer.answer
