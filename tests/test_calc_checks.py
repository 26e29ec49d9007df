"""Eligibility checks: each rule from its clause; unknown facts → needs_info naming exactly what to ask."""

from __future__ import annotations

import pytest

from assistant.rules.values import match_option
from tests.rules_support import bundled_book, run_calculator, source

BJ_DIRECT_INTRODUCTION = source("bj_direct_introduction_check", 0)
BJ_DIRECT_INTRODUCTION_2007 = source("bj_direct_introduction_check", 1)
SJZ_FREE_TRAINING = source("sjz_free_training_check", 0)
TARGET_GROUP = bundled_book().get("sjz_free_training_check").rule.input("target_group")
FREE_TRAINING_GROUPS = tuple(option.value for option in TARGET_GROUP.options if option.listed)


def normalize_target_group(text: str) -> str | None:
    return match_option(TARGET_GROUP, text)

ALL_MET = {
    "years_in_beijing": 3,
    "social_insurance_paid": True,
    "qualification": "技师",
    "outstanding_contribution": True,
    "rated_excellent": True,
}


def direct(**changes: object):
    return run_calculator("bj_direct_introduction_check", {**ALL_MET, **changes})


def test_clauses_state_the_conditions() -> None:
    conditions = ("在京工作3年以上", "按规定缴纳社会保险", "取得技师及以上职业资格证书", "突出贡献", "综合评价为优秀")
    for phrase in conditions:
        assert phrase in BJ_DIRECT_INTRODUCTION.text
    assert "满 5 年以上" in BJ_DIRECT_INTRODUCTION_2007.text and "高级技师" in BJ_DIRECT_INTRODUCTION_2007.text
    for group in FREE_TRAINING_GROUPS:
        assert group in SJZ_FREE_TRAINING.text


# --- 北京 来京务工人员直接引进 -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("changes", "status"),
    [
        ({}, "eligible"),  # exactly 3 years: "3年以上" includes 3
        ({"qualification": "高级技师"}, "eligible"),
        ({"years_in_beijing": "2.9"}, "not_eligible"),
        ({"years_in_beijing": "10"}, "eligible"),
        ({"qualification": "高级工"}, "not_eligible"),  # 技师 or above required
        ({"social_insurance_paid": False}, "not_eligible"),
        ({"outstanding_contribution": False}, "not_eligible"),
        ({"rated_excellent": False}, "not_eligible"),
    ],
)
def test_direct_introduction_each_condition(changes: dict, status: str) -> None:
    result = direct(**changes)
    assert result.status == status
    assert [ref.clause_path for ref in result.sources] == ["六、", "四、（十四）"]
    assert result.sources[1].status == "superseded"
    assert any("满5年" in note and "京政发〔2011〕33号" in note for note in result.notes)


def test_direct_introduction_under_the_old_2007_rule_alone_is_not_enough() -> None:
    # 5 years + 高级技师 satisfied the 2007 rule, but 2011 also requires 优秀 evaluation.
    result = direct(years_in_beijing=5, qualification="高级技师", rated_excellent=False)
    assert result.status == "not_eligible" and "经本市引进人才综合评价为优秀" in result.summary


def test_direct_introduction_unknown_facts_are_asked_exactly() -> None:
    result = run_calculator("bj_direct_introduction_check", {"years_in_beijing": 4, "qualification": "技师"})
    assert result.status == "needs_info"
    assert [fact.field for fact in result.missing] == [
        "social_insurance_paid",
        "outstanding_contribution",
        "rated_excellent",
    ]
    assert result.missing[2].question == "您是否经本市引进人才综合评价为优秀？"


def test_direct_introduction_a_failed_condition_wins_over_unknown_ones() -> None:
    result = run_calculator("bj_direct_introduction_check", {"years_in_beijing": 1})
    assert (result.status, result.missing) == ("not_eligible", [])
    assert "在京工作3年以上：不满足" in result.trace


# --- 石家庄 免费职业技能培训对象 ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("said", "group"),
    [
        ("农民工", "农村转移就业劳动者"),
        ("下岗职工", "城镇登记失业人员"),
        ("失业", "城镇登记失业人员"),
        ("应届大学毕业生", "毕业学年高校毕业生"),
        ("高中毕业生", "城乡未继续升学应届初高中毕业生"),
        ("退伍军人", "退役军人"),
        ("残疾人", "就业困难人员(含残疾人)"),
        ("就业困难人员（含残疾人）", "就业困难人员(含残疾人)"),
        ("贫困家庭子女", "未就业贫困家庭子女"),
        *[(group, group) for group in FREE_TRAINING_GROUPS],
    ],
)
def test_free_training_synonyms(said: str, group: str) -> None:
    assert normalize_target_group(said) == group
    result = run_calculator("sjz_free_training_check", {"target_group": said})
    assert result.status == "eligible" and group in result.summary
    assert result.sources[0].clause_path == "三、（一）2"


def test_free_training_none_of_them_is_not_eligible() -> None:
    assert run_calculator("sjz_free_training_check", {"target_group": "以上都不是"}).status == "not_eligible"


def test_free_training_unrecognised_group_asks_which_group() -> None:
    result = run_calculator("sjz_free_training_check", {"target_group": "个体户"})
    assert result.status == "needs_info"
    assert "个体户" in result.missing[0].question and "城镇登记失业人员" in result.missing[0].question


def test_free_training_without_group_asks_for_it() -> None:
    result = run_calculator("sjz_free_training_check", {})
    assert result.status == "needs_info" and result.missing[0].field == "target_group"


# --- 北碚 退役军人免费培训 ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("facts", "status", "asked"),
    [
        ({"is_veteran": True}, "eligible", []),
        ({"is_veteran": "是"}, "eligible", []),
        ({"retired_soon": True}, "not_eligible", []),
        ({"is_veteran": False, "retired_soon": False}, "not_eligible", []),
        ({}, "needs_info", ["is_veteran"]),
        ({"is_veteran": False}, "needs_info", ["retired_soon"]),
    ],
)
def test_veteran_training(facts: dict, status: str, asked: list[str]) -> None:
    result = run_calculator("beibei_veteran_training_check", facts)
    assert result.status == status and [fact.field for fact in result.missing] == asked
    assert result.sources[0].clause_path == "二、（五）" and result.region == "重庆市北碚区"


def test_veteran_result_names_the_waived_fees_and_allowance() -> None:
    result = run_calculator("beibei_veteran_training_check", {"is_veteran": True})
    for phrase in ("免学杂费、住宿费、技能鉴定费", "生活补助", "一次"):
        assert phrase in result.summary
    soon = run_calculator("beibei_veteran_training_check", {"retired_soon": "是"})
    assert "退役前技能储备培训" in soon.summary
