"""Bad input is rejected with a clear Chinese message naming the field — from Python, the tool and the CLI.

Each case runs through all three interfaces; none may show pydantic's English or a traceback.
"""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from assistant.calculators import run_calculator
from assistant.tools import calculator_tools
from ingest.errors import UserInputError
from tests.test_calc_cli import run_cli

PYDANTIC_ENGLISH = ("Input should", "validation error", "Field required", "Extra inputs", "type=")

# (calculator, field, value as the user typed it, fragment of the Chinese message)
CASES = [
    ("sjz_skill_upgrade_subsidy", "unemployment_insurance_months", "-1", "不能为负数"),
    ("sjz_skill_upgrade_subsidy", "unemployment_insurance_months", "12.5", "应为整数"),
    ("sjz_skill_upgrade_subsidy", "unemployment_insurance_months", "十二", "应为整数"),
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
]
CASE_IDS = [f"{name}-{field}-{value[:10]!r}" for name, field, value, _ in CASES]


def tool(name: str):
    return next(item for item in calculator_tools() if item.name == name)


def assert_clear_chinese(message: str, field: str, fragment: str) -> None:
    assert fragment in message and field in message
    assert not any(english in message for english in PYDANTIC_ENGLISH), message


@pytest.mark.parametrize(("name", "field", "value", "fragment"), CASES, ids=CASE_IDS)
def test_python_rejects(name: str, field: str, value: str, fragment: str) -> None:
    with pytest.raises(UserInputError) as caught:
        run_calculator(name, {field: value})
    assert_clear_chinese(caught.value.zh, field, fragment)


@pytest.mark.parametrize(("name", "field", "value", "fragment"), CASES, ids=CASE_IDS)
def test_tool_rejects(name: str, field: str, value: str, fragment: str) -> None:
    payload = json.loads(tool(name).invoke({field: value}))
    assert payload["status"] == "rejected"
    assert_clear_chinese(payload["error"], field, fragment)


@pytest.mark.parametrize(("name", "field", "value", "fragment"), CASES, ids=CASE_IDS)
def test_cli_rejects(name: str, field: str, value: str, fragment: str) -> None:
    result = run_cli(name, f"--{field.replace('_', '-')}", value)
    assert result.exit_code == 2
    assert_clear_chinese(result.stderr, field, fragment)
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
    assert_clear_chinese(caught.value.zh, next(iter(arguments)), "")


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
    assert "salary_total" in caught.value.zh and "education_expense" in caught.value.zh


@pytest.mark.parametrize(
    ("value", "expected"),
    [("１５", 15), (" 15 ", 15), ("15个月", 15), ("１５个月", 15), (15.0, 15)],
)
def test_full_width_and_units_are_normalized_then_parsed(value: object, expected: int) -> None:
    arguments = {"unemployment_insurance_months": value, "certificate_level": "初级"}
    result = run_calculator("sjz_skill_upgrade_subsidy", arguments)
    assert result.trace[0].startswith(f"累计缴纳失业保险费{expected}个月")


@pytest.mark.parametrize(("value", "expected"), [("２２００．５０", "2200"), ("1,800元", "1800"), ("１８００", "1800")])
def test_full_width_money_is_normalized(value: str, expected: str) -> None:
    result = run_calculator("sjz_employment_training_subsidy", {"actual_cost": value})
    assert result.amount == Decimal(expected)


def test_empty_string_means_not_given() -> None:
    arguments = {"unemployment_insurance_months": "", "certificate_level": "中级"}
    result = run_calculator("sjz_skill_upgrade_subsidy", arguments)
    assert result.status == "needs_info"
