"""重庆市北碚区 (北碚府发〔2019〕21号): education-fund tax deduction and veterans' free training."""

from __future__ import annotations

from decimal import Decimal

from pydantic import Field

from assistant.calculators import sources
from assistant.calculators.base import CalculationResult, Header, money, percent, yuan
from assistant.calculators.inputs import CalculatorInput, Money, YesNo, field_titles, missing, unknown_fields

DEDUCTION = Header("beibei_education_fund_deduction", "北碚区职工教育经费税前扣除", "重庆市北碚区")
VETERAN_TRAINING = Header("beibei_veteran_training_check", "北碚区退役军人免费培训及生活补助认定", "重庆市北碚区")

DEDUCTIBLE_RATE = Decimal("0.08")


class DeductionInput(CalculatorInput):
    salary_total: Money = Field(None, title="工资薪金总额", description="企业当年工资薪金总额（元）")
    education_expense: Money = Field(None, title="职工教育经费支出", description="企业当年发生的职工教育经费支出（元）")


def education_fund_deduction(data: DeductionInput) -> CalculationResult:
    """The part ≤ 8% of 工资薪金总额 is deductible this year; the excess carries forward."""
    source = sources.BEIBEI_EDUCATION_FUND_DEDUCTION
    unknown = unknown_fields(data, "salary_total", "education_expense")
    if unknown:
        return DEDUCTION.result(
            status="needs_info",
            missing=missing(*unknown),
            trace=["扣除限额 = 工资薪金总额 × 8%"],
            summary="计算税前扣除还需要：" + field_titles(DeductionInput, unknown) + "。",
            sources=[source],
        )
    salary, expense = money(data.salary_total), money(data.education_expense)
    limit = money(salary * DEDUCTIBLE_RATE)
    deductible = min(expense, limit)
    carried = expense - deductible
    trace = [
        f"扣除限额：{yuan(salary)} × {percent(DEDUCTIBLE_RATE)} = {yuan(limit)}",
        f"当年可扣除 = min({yuan(expense)}, {yuan(limit)}) = {yuan(deductible)}",
        f"结转以后年度 = {yuan(expense)} − {yuan(deductible)} = {yuan(carried)}",
    ]
    summary = f"职工教育经费支出{yuan(expense)}，当年可在税前扣除{yuan(deductible)}"
    summary += f"，超过部分{yuan(carried)}可在以后纳税年度结转扣除。" if carried else "，没有需要结转的部分。"
    return DEDUCTION.result(
        status="eligible",
        amount=deductible,
        amount_max=limit,
        components={"扣除限额": limit, "当年可扣除": deductible, "结转以后年度": carried},
        trace=trace,
        summary=summary,
        sources=[source],
        notes=["该规定与国家企业所得税政策一致，具体以税务部门执行口径为准。"],
    )


class VeteranInput(CalculatorInput):
    is_veteran: YesNo = Field(None, title="是否退役军人", description="是否为退役军人")
    retired_soon: YesNo = Field(None, title="是否即将退役", description="是否为即将退役的军人")


def veteran_training_check(data: VeteranInput) -> CalculationResult:
    """退役军人: one free training (学杂费、住宿费、技能鉴定费 waived) plus a living allowance while training."""
    source = sources.BEIBEI_VETERAN_TRAINING
    if data.is_veteran:
        return VETERAN_TRAINING.result(
            status="eligible",
            trace=["退役军人：可按规定享受一次免费培训（免学杂费、住宿费、技能鉴定费）", "培训期间享受生活补助"],
            summary="您是退役军人，可按规定享受一次免费培训（免学杂费、住宿费、技能鉴定费），并享受培训期间生活补助。",
            sources=[source],
            notes=["条款未写明生活补助的具体金额，按相关规定执行。"],
        )
    if data.retired_soon:
        return VETERAN_TRAINING.result(
            status="not_eligible",
            trace=["即将退役的军人：开展退役前技能储备培训和职业指导", "一次免费培训和生活补助面向已退役的军人"],
            summary="即将退役的军人可参加退役前技能储备培训和职业指导；退役后可按规定享受一次免费培训及培训期间生活补助。",
            sources=[source],
        )
    if data.is_veteran is False and data.retired_soon is False:
        return VETERAN_TRAINING.result(
            status="not_eligible",
            trace=["既不是退役军人，也不是即将退役的军人"],
            summary="该项免费培训和生活补助面向退役军人，您不属于适用对象。",
            sources=[source],
        )
    unknown = ["is_veteran"] if data.is_veteran is None else ["retired_soon"]
    return VETERAN_TRAINING.result(
        status="needs_info",
        missing=missing(*unknown),
        trace=["需要先确认是否为退役军人（或即将退役）"],
        summary="需要先确认您是否为" + ("退役军人。" if unknown == ["is_veteran"] else "即将退役的军人。"),
        sources=[source],
    )
