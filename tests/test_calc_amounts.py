"""Amount calculators, table-driven at every boundary; each rate is also checked against the quoted clause."""

from __future__ import annotations

from decimal import Decimal

import pytest

from assistant.rules.results import percent, yuan
from tests.rules_support import run_calculator, source

D = Decimal


# --- the numbers in code are the numbers in the clauses ----------------------------------------------------------


@pytest.mark.parametrize(
    ("ref", "phrases"),
    [
        (
            ("sjz_employment_training_subsidy", 0),
            ["每人最高不超过2200元", "紧缺急需职业(工种)培训补贴标准每人最高不超过2500元"],
        ),
        (("sjz_apprenticeship_subsidy", 0), ["给予企业每人每年中级工4000元、高级工6000元"]),
        (
            ("sjz_skill_upgrade_subsidy", 0),
            ["累计缴纳失业保险费12个月以上", "分别给予1000元、1500元、2000元", "可提高10%"],
        ),
        (
            ("bj_staff_education_fund", 0),
            ["不低于职工工资总额1.5%", "经济效益好的企业可按2.5%", "60%以上应用于企业一线职工"],
        ),
        (("bj_staff_education_fund", 1), ["不低于 1.5%", "60%以上用于企业一线职工"]),
        (("bj_chief_technician_studio_grant", 0), ["对30个重点工作室给予30万至50万元的资助"]),
        (
            ("beibei_education_fund_deduction", 0),
            ["不超过工资薪金总额 8%的部分", "超过部分，准予在以后纳税年度结转扣除"],
        ),
    ],
)
def test_clause_states_the_rates_used(ref: tuple[str, int], phrases: list[str]) -> None:
    for phrase in phrases:
        assert phrase in source(*ref).text


# --- 石家庄 就业技能培训补贴 -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cost", "scarce", "amount", "cap"),
    [
        ("0", False, "0", "2200"),
        ("2199.99", False, "2199.99", "2200"),  # below cap
        ("2200", False, "2200", "2200"),  # at cap
        ("2200.01", False, "2200", "2200"),  # above cap
        ("2499.99", True, "2499.99", "2500"),
        ("2500", True, "2500", "2500"),
        ("9000", True, "2500", "2500"),
    ],
)
def test_employment_training_cost_below_at_above_cap(cost: str, scarce: bool, amount: str, cap: str) -> None:
    result = run_calculator("sjz_employment_training_subsidy", {"actual_cost": cost, "scarce_occupation": scarce})
    assert (result.status, result.amount, result.amount_max) == ("eligible", D(amount), D(cap))
    assert f"= {yuan(D(amount))}" in result.trace[-1]
    assert result.sources[0].clause_path == "三、（一）2"


def test_employment_training_without_cost_gives_the_cap_and_mentions_scarce_cap() -> None:
    result = run_calculator("sjz_employment_training_subsidy", {})
    assert result.amount is None and result.amount_max == D(2200)
    assert "2200元" in result.summary and any("2500元" in note for note in result.notes)


# --- 石家庄 企业新型学徒制补贴 ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("level", "people", "years", "amount", "step"),
    [
        ("中级工", 1, 1, "4000", "4000元 × 1人 × 1年 = 4000元"),
        ("高级工", 1, 1, "6000", "6000元 × 1人 × 1年 = 6000元"),
        ("中级工", 10, 2, "80000", "4000元 × 10人 × 2年 = 80000元"),
        ("高级工", 3, 3, "54000", "6000元 × 3人 × 3年 = 54000元"),
    ],
)
def test_apprenticeship_rate_times_people_times_years(level: str, people: int, years: int, amount: str, step: str):
    result = run_calculator(
        "sjz_apprenticeship_subsidy", {"apprentice_level": level, "apprentices": people, "years": years}
    )
    assert (result.status, result.amount) == ("eligible", D(amount))
    assert step in result.trace
    assert any("企业" in note for note in result.notes)  # paid to the enterprise


def test_apprenticeship_partial_input_asks_for_the_rest() -> None:
    result = run_calculator("sjz_apprenticeship_subsidy", {"apprentice_level": "高级工"})
    assert result.status == "needs_info" and result.amount is None
    assert [fact.field for fact in result.missing] == ["apprentices", "years"]
    assert all(fact.question.endswith("？") for fact in result.missing)


# --- 石家庄 技能提升补贴 --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("months", "level", "catalogue", "status", "amount"),
    [
        (11, "中级", False, "not_eligible", "0"),  # one month short
        (12, "初级", False, "eligible", "1000"),  # 12 months is enough ("12个月以上" includes 12)
        (12, "中级", False, "eligible", "1500"),
        (12, "高级", False, "eligible", "2000"),
        (13, "初级", True, "eligible", "1100"),
        (24, "中级", True, "eligible", "1650"),
        (240, "高级", True, "eligible", "2200"),
        (0, "高级", True, "not_eligible", "0"),
    ],
)
def test_skill_upgrade_table(months: int, level: str, catalogue: bool, status: str, amount: str) -> None:
    arguments = {"unemployment_insurance_months": months, "certificate_level": level, "in_scarce_catalogue": catalogue}
    result = run_calculator("sjz_skill_upgrade_subsidy", arguments)
    assert (result.status, result.amount) == (status, D(amount))
    assert result.sources[0].clause_path == "三、（一）3"


def test_skill_upgrade_catalogue_trace_shows_the_multiplication() -> None:
    arguments = {"unemployment_insurance_months": 15, "certificate_level": "中级", "in_scarce_catalogue": True}
    result = run_calculator("sjz_skill_upgrade_subsidy", arguments)
    assert "1500元 × 1.1 = 1650元" in result.trace[-1]
    assert "1650元" in result.summary


def test_skill_upgrade_unknown_catalogue_gives_base_amount_and_raised_ceiling() -> None:
    arguments = {"unemployment_insurance_months": 15, "certificate_level": "中级"}
    result = run_calculator("sjz_skill_upgrade_subsidy", arguments)
    assert (result.status, result.amount, result.amount_max) == ("eligible", D(1500), D(1650))
    assert any("1650元" in note for note in result.notes)


def test_skill_upgrade_level_without_months_asks_months() -> None:
    result = run_calculator("sjz_skill_upgrade_subsidy", {"certificate_level": "中级"})
    assert result.status == "needs_info"
    assert [(fact.field, fact.question) for fact in result.missing] == [
        ("unemployment_insurance_months", "您累计缴纳失业保险费多少个月？")
    ]


def test_skill_upgrade_too_few_months_is_decided_without_the_level() -> None:
    result = run_calculator("sjz_skill_upgrade_subsidy", {"unemployment_insurance_months": 6})
    assert (result.status, result.missing) == ("not_eligible", [])
    assert "6个月" in result.summary


# --- 北京 职工教育经费 ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("payroll", "good", "minimum", "front_line", "upper"),
    [
        ("0", False, "0", "0", None),  # zero payroll
        ("1000000", False, "15000", "9000", None),
        ("1000000", True, "15000", "9000", "25000"),
        ("123456.78", True, "1851.85", "1111.11", "3086.42"),  # 1851.8517 → 1851.85; 3086.4195 → 3086.42
        ("0.01", False, "0", "0", None),
    ],
)
def test_beijing_education_fund(payroll: str, good: bool, minimum: str, front_line: str, upper: str | None) -> None:
    result = run_calculator("bj_staff_education_fund", {"payroll_total": payroll, "good_economic_performance": good})
    assert (result.amount, result.amount_min) == (D(minimum), D(minimum))
    assert result.components["一线职工教育培训最低额（60%）"] == D(front_line)
    assert result.amount_max == (D(upper) if upper else None)
    assert [ref.clause_path for ref in result.sources] == ["九、", "五、（十五）"]  # newer first, older mentioned
    assert result.sources[1].status == "superseded"
    assert any("京办发〔2007〕14号" in note for note in result.notes)


def test_beijing_education_fund_without_payroll_asks_for_it() -> None:
    result = run_calculator("bj_staff_education_fund", {"good_economic_performance": True})
    assert result.status == "needs_info" and [fact.field for fact in result.missing] == ["payroll_total"]


# --- 北碚 职工教育经费税前扣除 -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("salary", "expense", "now", "later"),
    [
        ("100000", "8000", "8000", "0"),  # exactly 8%
        ("100000", "7999.99", "7999.99", "0"),
        ("100000", "8000.01", "8000", "0.01"),
        ("100000", "20000", "8000", "12000"),
        ("0", "500", "0", "500"),  # zero payroll: everything carries forward
        ("0", "0", "0", "0"),
        ("12345.67", "1000", "987.65", "12.35"),  # 987.6536 → 987.65
    ],
)
def test_beibei_deduction(salary: str, expense: str, now: str, later: str) -> None:
    result = run_calculator("beibei_education_fund_deduction", {"salary_total": salary, "education_expense": expense})
    assert result.components["当年可扣除"] == D(now) == result.amount
    assert result.components["结转以后年度"] == D(later)
    assert result.components["当年可扣除"] + result.components["结转以后年度"] == D(expense)
    assert result.sources[0].clause_path == "五、（十九）" and result.region == "重庆市北碚区"


def test_beibei_deduction_trace_in_chinese() -> None:
    result = run_calculator("beibei_education_fund_deduction", {"salary_total": 100000, "education_expense": 9000})
    assert result.trace == [
        "扣除限额：100000元 × 8% = 8000元",
        "当年可扣除 = min(9000元, 8000元) = 8000元",
        "结转以后年度 = 9000元 − 8000元 = 1000元",
    ]


# --- 北京 首席技师工作室 ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("studios", "low", "high"), [(None, 300000, 500000), (1, 300000, 500000), (30, 9000000, 15000000)]
)
def test_studio_grant_is_a_range(studios: int | None, low: int, high: int) -> None:
    arguments = {} if studios is None else {"studios": studios}
    result = run_calculator("bj_chief_technician_studio_grant", arguments)
    assert result.amount is None, "a range must never be reported as a single figure"
    assert (result.amount_min, result.amount_max) == (D(low), D(high))
    assert "至" in result.summary and result.sources[0].clause_path == "四、（二）"


def test_money_formatting_is_one_style() -> None:
    assert [yuan(D("1650")), yuan(D("1650.5")), yuan(D("0.005")), percent(D("0.015"))] == [
        "1650元",
        "1650.50元",
        "0.01元",
        "1.5%",
    ]
