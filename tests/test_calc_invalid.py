"""Bad input is rejected with a clear Chinese message naming the field — from Python, the tool and the CLI.

Each case runs through all three interfaces; none may show pydantic's English or a traceback. The Chinese message
names the field by its Chinese label only (issue 13: no English ids on the page); the English half of the CLI line
and of ``UserInputError.en`` keeps the field id for logs.
"""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from assistant.tools import calculator_tools
from ingest.errors import UserInputError
from tests.rules_support import bundled_book, run_calculator
from tests.test_calc_cli import run_cli

PYDANTIC_ENGLISH = ("Input should", "validation error", "Field required", "Extra inputs", "type=")

# (calculator, field, value as the user typed it, fragment of the Chinese message)
CASES = [
    ("sjz_skill_upgrade_subsidy", "unemployment_insurance_months", "-1", "不能为负数"),
    ("sjz_skill_upgrade_subsidy", "unemployment_insurance_months", "12.5", "应为整数"),
    ("sjz_skill_upgrade_subsidy", "unemployment_insurance_months", "十二点五", "应为整数"),  # 十二 alone is 12
    ("sjz_skill_upgrade_subsidy", "unemployment_insurance_months", "1500元", "单位不对"),
    ("sjz_skill_upgrade_subsidy", "unemployment_insurance_months", "99999", "数值过大"),
    ("sjz_skill_upgrade_subsidy", "certificate_level", "特级", "应为以下之一：初级、中级、高级"),
    ("sjz_skill_upgrade_subsidy", "in_scarce_catalogue", "也许", "应为“是”或“否”"),
    ("sjz_employment_training_subsidy", "actual_cost", "NaN", "不能是 NaN 或无穷大"),
    ("sjz_employment_training_subsidy", "actual_cost", "inf", "不能是 NaN 或无穷大"),
    ("sjz_employment_training_subsidy", "actual_cost", "-0.01", "不能为负数"),
    ("sjz_employment_training_subsidy", "actual_cost", "abc", "应为数字"),
    ("bj_staff_education_fund", "payroll_total", "1e14", "数值过大"),
    ("bj_staff_education_fund", "payroll_total", "9" * 200, "内容过长"),
    ("beibei_education_fund_deduction", "salary_total", "-5", "不能为负数"),
    ("sjz_apprenticeship_subsidy", "apprentices", "100001", "数值过大"),
    ("sjz_apprenticeship_subsidy", "apprentices", "0", "不能小于1"),
    ("sjz_apprenticeship_subsidy", "years", "11", "数值过大"),
    ("sjz_apprenticeship_subsidy", "apprentice_level", "初级工", "应为以下之一：中级工、高级工"),
    ("bj_chief_technician_studio_grant", "studios", "31", "数值过大"),
    ("bj_direct_introduction_check", "years_in_beijing", "-3", "不能为负数"),
    ("bj_direct_introduction_check", "qualification", "工程师", "应为以下之一"),
    ("sjz_free_training_check", "target_group", "农民工\x00", "控制字符"),
    ("sjz_free_training_check", "target_group", "农\u200b民工", "不可见字符"),
    ("beibei_veteran_training_check", "is_veteran", "maybe", "应为“是”或“否”"),
    # issue 14: blank, unit-only, wrong unit and -0 get the field's message, never an error id
    ("sjz_employment_training_subsidy", "actual_cost", "", "不能为空"),
    ("sjz_employment_training_subsidy", "actual_cost", " ", "不能为空"),
    ("sjz_employment_training_subsidy", "actual_cost", "元", "应为数字（以元为单位的金额"),
    ("sjz_employment_training_subsidy", "actual_cost", "15个月", "单位不对"),
    ("sjz_employment_training_subsidy", "actual_cost", "-0", "不能为负数"),
    ("sjz_employment_training_subsidy", "actual_cost", "负100元", "不能为负数"),
    ("sjz_employment_training_subsidy", "actual_cost", "1000元2000元", "只能填写一个数值"),
    ("sjz_employment_training_subsidy", "actual_cost", "大约两千", "应为数字（以元为单位的金额"),
    ("bj_staff_education_fund", "payroll_total", "8%", "单位不对"),
    ("sjz_apprenticeship_subsidy", "apprentices", "3个月", "单位不对"),
    ("sjz_skill_upgrade_subsidy", "certificate_level", "", "不能为空"),
    ("beibei_veteran_training_check", "is_veteran", "", "不能为空"),
    ("sjz_skill_upgrade_subsidy", "certificate_date", "去年", "应为日期"),
]
CASE_IDS = [f"{name}-{field}-{value[:10]!r}" for name, field, value, _ in CASES]


def tool(name: str):
    return next(item for item in calculator_tools(bundled_book()) if item.name == name)


def label(name: str, field: str) -> str:
    return bundled_book().get(name).rule.input(field).label


def assert_clear_chinese(message: str, field_label: str, fragment: str) -> None:
    assert fragment in message and f"“{field_label}”" in message, message
    assert not any(english in message for english in PYDANTIC_ENGLISH), message
    assert not any(ch.isascii() and ch.isalpha() for ch in message.replace("NaN", "")), f"English in {message!r}"


@pytest.mark.parametrize(("name", "field", "value", "fragment"), CASES, ids=CASE_IDS)
def test_python_rejects(name: str, field: str, value: str, fragment: str) -> None:
    with pytest.raises(UserInputError) as caught:
        run_calculator(name, {field: value})
    assert_clear_chinese(caught.value.zh, label(name, field), fragment)
    assert field in caught.value.en


@pytest.mark.parametrize(("name", "field", "value", "fragment"), CASES, ids=CASE_IDS)
def test_tool_rejects(name: str, field: str, value: str, fragment: str) -> None:
    payload = json.loads(tool(name).invoke({field: value}))
    assert payload["status"] == "rejected"
    assert_clear_chinese(payload["error"], label(name, field), fragment)


@pytest.mark.parametrize(("name", "field", "value", "fragment"), CASES, ids=CASE_IDS)
def test_cli_rejects(name: str, field: str, value: str, fragment: str) -> None:
    result = run_cli(name, f"--{field.replace('_', '-')}", value)
    assert result.exit_code == 2
    chinese, english = result.stderr.split(" / ", 1)
    assert_clear_chinese(chinese, label(name, field), fragment)
    assert field in english
    assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.output


@pytest.mark.parametrize(
    "arguments",
    [
        {"actual_cost": float("nan")},
        {"actual_cost": float("inf")},
        {"actual_cost": Decimal("NaN")},
        {"actual_cost": True},
        {"actual_cost": [1]},
        {"actual_cost": {"value": 1}},
        {"scarce_occupation": 3},
    ],
)
def test_python_rejects_wrong_types(arguments: dict) -> None:
    with pytest.raises(UserInputError) as caught:
        run_calculator("sjz_employment_training_subsidy", arguments)
    assert_clear_chinese(caught.value.zh, label("sjz_employment_training_subsidy", next(iter(arguments))), "")


def test_unknown_field_lists_the_allowed_ones_everywhere() -> None:
    with pytest.raises(UserInputError) as caught:
        run_calculator("sjz_skill_upgrade_subsidy", {"month": 12})
    assert "“month”是未知字段" in caught.value.zh and "unemployment_insurance_months" in caught.value.zh
    assert "未知字段" in json.loads(tool("sjz_skill_upgrade_subsidy").invoke({"month": 12}))["error"]
    cli = run_cli("sjz_skill_upgrade_subsidy", "--month", "12")
    assert cli.exit_code == 2 and "未知字段" in cli.stderr


def test_arguments_must_be_a_mapping() -> None:
    with pytest.raises(UserInputError, match="参数应为"):
        run_calculator("sjz_skill_upgrade_subsidy", ["unemployment_insurance_months", 12])  # type: ignore[arg-type]


def test_several_bad_fields_are_reported_together() -> None:
    with pytest.raises(UserInputError) as caught:
        run_calculator("beibei_education_fund_deduction", {"salary_total": "-1", "education_expense": "NaN"})
    assert "“工资薪金总额”不能为负数" in caught.value.zh and "“职工教育经费支出”不能是 NaN" in caught.value.zh
    assert "salary_total" in caught.value.en and "education_expense" in caught.value.en


@pytest.mark.parametrize(
    ("value", "expected"),
    [("１５", 15), (" 15 ", 15), ("15个月", 15), ("１５个月", 15), (15.0, 15), ("一年半", 18), ("十二", 12),
     ("两年", 24), ("十五个月", 15)],
)
def test_full_width_and_units_are_normalized_then_parsed(value: object, expected: int) -> None:
    arguments = {"unemployment_insurance_months": value, "certificate_level": "初级"}
    result = run_calculator("sjz_skill_upgrade_subsidy", arguments)
    assert result.trace[0].startswith(f"累计缴纳失业保险费{expected}个月")


@pytest.mark.parametrize(
    ("value", "expected"),
    [("２２００．５０", "2200"), ("1,800元", "1800"), ("１８００", "1800"), ("一千八百元", "1800"),
     ("0.18万元", "1800")],
)
def test_full_width_money_is_normalized(value: str, expected: str) -> None:
    result = run_calculator("sjz_employment_training_subsidy", {"actual_cost": value})
    assert result.amount == Decimal(expected)


@pytest.mark.parametrize(("value", "expected"), [("2000万元", "300000.00"), ("9.9992亿元", "14998800.00")])
def test_money_with_wan_and_yi(value: str, expected: str) -> None:
    payload = run_calculator("bj_staff_education_fund", {"payroll_total": value})
    assert str(payload.amount) == expected  # 1.5% of 20,000,000 and of 999,920,000


def test_missing_means_not_given_and_blank_is_an_error() -> None:
    """An omitted (or None) field is simply not given; an explicitly blank one is a mistake to report (issue 14)."""
    arguments = {"unemployment_insurance_months": None, "certificate_level": "中级"}
    result = run_calculator("sjz_skill_upgrade_subsidy", arguments)
    assert result.status == "needs_info"
    with pytest.raises(UserInputError, match="不能为空"):
        run_calculator("sjz_skill_upgrade_subsidy", {"unemployment_insurance_months": "", "certificate_level": "中级"})
