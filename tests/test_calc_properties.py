"""Hypothesis properties: amounts never negative, monotonic in the obvious inputs, exact to the fen."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from assistant.rules.results import CalculationResult
from tests.rules_support import run_calculator

FEN = Decimal("0.01")
money = st.decimals(min_value=0, max_value=Decimal("1e12"), places=2, allow_nan=False, allow_infinity=False)
months = st.integers(min_value=0, max_value=1200)
levels = st.sampled_from(["初级", "中级", "高级"])


def amounts(result: CalculationResult) -> list[Decimal]:
    values = [result.amount, result.amount_min, result.amount_max, *result.components.values()]
    return [value for value in values if value is not None]


def run_pair(name: str, field: str, a: object, b: object, **fixed: object) -> tuple[CalculationResult, ...]:
    """The calculator at the smaller and at the larger of two values of one field, other facts fixed."""
    return tuple(run_calculator(name, {**fixed, field: value}) for value in sorted((a, b)))


def assert_sane(result: CalculationResult) -> None:
    for value in amounts(result):
        assert value >= 0
        assert value == value.quantize(FEN), f"{value} is not exact to the fen"


@settings(max_examples=60, deadline=None)
@given(cost=money, scarce=st.booleans())
def test_employment_training_never_exceeds_cap_or_cost(cost: Decimal, scarce: bool) -> None:
    result = run_calculator("sjz_employment_training_subsidy", {"actual_cost": cost, "scarce_occupation": scarce})
    assert_sane(result)
    assert result.amount == min(cost, Decimal(2500 if scarce else 2200))


@settings(max_examples=60, deadline=None)
@given(low=money, high=money, scarce=st.booleans())
def test_employment_training_monotonic_in_cost(low: Decimal, high: Decimal, scarce: bool) -> None:
    first, second = run_pair("sjz_employment_training_subsidy", "actual_cost", low, high, scarce_occupation=scarce)
    assert first.amount <= second.amount


@settings(max_examples=60, deadline=None)
@given(a=months, b=months, level=levels, catalogue=st.booleans())
def test_skill_upgrade_monotonic_in_months_and_catalogue(a: int, b: int, level: str, catalogue: bool) -> None:
    name = "sjz_skill_upgrade_subsidy"
    first, second = run_pair(name, "unemployment_insurance_months", a, b, certificate_level=level)
    a, b = sorted((a, b))
    raised = run_calculator(
        name, {"unemployment_insurance_months": b, "certificate_level": level, "in_scarce_catalogue": catalogue}
    )
    assert_sane(first)
    assert first.amount <= second.amount <= raised.amount
    assert (raised.amount > second.amount) == (catalogue and b >= 12)
    assert (second.status == "eligible") == (b >= 12)


@settings(max_examples=30, deadline=None)
@given(months_paid=st.integers(min_value=12, max_value=1200))
def test_skill_upgrade_monotonic_in_level(months_paid: int) -> None:
    results = [
        run_calculator(
            "sjz_skill_upgrade_subsidy", {"unemployment_insurance_months": months_paid, "certificate_level": level}
        ).amount
        for level in ("初级", "中级", "高级")
    ]
    assert results == sorted(results) and len(set(results)) == 3


@settings(max_examples=60, deadline=None)
@given(
    level=st.sampled_from(["中级工", "高级工"]),
    people=st.integers(min_value=1, max_value=100000),
    years=st.integers(min_value=1, max_value=10),
)
def test_apprenticeship_monotonic_and_exact(level: str, people: int, years: int) -> None:
    name = "sjz_apprenticeship_subsidy"
    result = run_calculator(name, {"apprentice_level": level, "apprentices": people, "years": years})
    more = run_calculator(name, {"apprentice_level": level, "apprentices": min(people + 1, 100000), "years": years})
    assert_sane(result)
    assert result.amount == Decimal(4000 if level == "中级工" else 6000) * people * years
    assert more.amount >= result.amount


@settings(max_examples=60, deadline=None)
@given(low=money, high=money, good=st.booleans())
def test_education_fund_monotonic_in_payroll(low: Decimal, high: Decimal, good: bool) -> None:
    first, second = run_pair("bj_staff_education_fund", "payroll_total", low, high, good_economic_performance=good)
    assert_sane(first)
    assert first.amount <= second.amount
    assert first.components["一线职工教育培训最低额（60%）"] <= first.amount
    if good:
        assert first.amount <= first.amount_max


@settings(max_examples=80, deadline=None)
@given(salary=money, expense=money)
def test_deduction_parts_add_up_and_respect_the_limit(salary: Decimal, expense: Decimal) -> None:
    result = run_calculator("beibei_education_fund_deduction", {"salary_total": salary, "education_expense": expense})
    assert_sane(result)
    parts = result.components
    assert parts["当年可扣除"] + parts["结转以后年度"] == expense
    assert parts["当年可扣除"] <= parts["扣除限额"]
    assert parts["扣除限额"] == (salary * Decimal("0.08")).quantize(FEN)
    bigger = run_calculator(
        "beibei_education_fund_deduction", {"salary_total": salary + 1, "education_expense": expense}
    )
    assert bigger.amount >= result.amount  # more salary never lowers this year's deduction


@settings(max_examples=30, deadline=None)
@given(studios=st.integers(min_value=1, max_value=30))
def test_studio_range_scales_with_studios(studios: int) -> None:
    result = run_calculator("bj_chief_technician_studio_grant", {"studios": studios})
    assert_sane(result)
    assert (result.amount_min, result.amount_max) == (Decimal(300000 * studios), Decimal(500000 * studios))
