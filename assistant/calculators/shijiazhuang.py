"""石家庄市 (2019 实施意见 三、（一）2 and 3): training subsidies and the free-training target groups."""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Literal

from pydantic import Field

from assistant.calculators import sources
from assistant.calculators.base import CalculationResult, Header, money, yuan
from assistant.calculators.inputs import (
    CalculatorInput,
    Choice,
    Money,
    Number,
    YesNo,
    field_titles,
    missing,
    unknown_fields,
)

EMPLOYMENT_TRAINING = Header("sjz_employment_training_subsidy", "石家庄市就业技能培训补贴", "石家庄市")
APPRENTICESHIP = Header("sjz_apprenticeship_subsidy", "石家庄市企业新型学徒制培训补贴", "石家庄市")
SKILL_UPGRADE = Header("sjz_skill_upgrade_subsidy", "石家庄市技能提升补贴", "石家庄市")
FREE_TRAINING = Header("sjz_free_training_check", "石家庄市免费职业技能培训对象认定", "石家庄市")

EMPLOYMENT_CAP = Decimal(2200)
SCARCE_EMPLOYMENT_CAP = Decimal(2500)
APPRENTICE_RATES = {"中级工": Decimal(4000), "高级工": Decimal(6000)}
SKILL_UPGRADE_RATES = {"初级": Decimal(1000), "中级": Decimal(1500), "高级": Decimal(2000)}
SCARCE_UPLIFT = Decimal("1.1")
MIN_INSURANCE_MONTHS = 12


class EmploymentTrainingInput(CalculatorInput):
    actual_cost: Money = Field(None, title="实际培训费用", description="每人实际培训费用（元）；不填则只给出补贴上限")
    scarce_occupation: YesNo = Field(
        None, title="是否紧缺急需职业", description="培训的职业（工种）是否属于紧缺急需职业（工种）"
    )


def employment_training_subsidy(data: EmploymentTrainingInput) -> CalculationResult:
    """Cap 2200元/人 (2500元 for 紧缺急需职业); amount = min(actual cost, cap)."""
    source = sources.SJZ_EMPLOYMENT_TRAINING
    cap = SCARCE_EMPLOYMENT_CAP if data.scarce_occupation else EMPLOYMENT_CAP
    trace = [
        f"紧缺急需职业（工种）：每人最高不超过{yuan(cap)}"
        if data.scarce_occupation
        else f"一般职业（工种）：每人最高不超过{yuan(cap)}"
    ]
    notes = ["补贴面向依托定点培训机构开展的就业技能培训，具体申领条件以当地人社部门规定为准。"]
    if data.scarce_occupation is None:
        notes.append(f"如培训的职业（工种）属于紧缺急需职业（工种），补贴上限为{yuan(SCARCE_EMPLOYMENT_CAP)}。")
    if data.actual_cost is None:
        summary = f"石家庄市就业技能培训补贴每人最高不超过{yuan(cap)}，按实际培训费用在上限内核定。"
        return EMPLOYMENT_TRAINING.result(
            status="eligible",
            amount_max=money(cap),
            trace=[*trace, "未提供实际培训费用，只给出补贴上限"],
            summary=summary,
            sources=[source],
            notes=notes,
        )
    cost = money(data.actual_cost)
    amount = min(cost, money(cap))
    relation = "低于" if cost < cap else ("等于" if cost == cap else "高于")
    trace += [
        f"实际培训费用{yuan(cost)}{relation}上限{yuan(cap)}",
        f"补贴 = min({yuan(cost)}, {yuan(cap)}) = {yuan(amount)}",
    ]
    summary = f"实际培训费用{yuan(cost)}，补贴上限{yuan(cap)}，可得就业技能培训补贴{yuan(amount)}。"
    return EMPLOYMENT_TRAINING.result(
        status="eligible",
        amount=amount,
        amount_max=money(cap),
        trace=trace,
        summary=summary,
        sources=[source],
        notes=notes,
    )


class ApprenticeshipInput(CalculatorInput):
    apprentice_level: Annotated[Literal["中级工", "高级工"] | None, Choice] = Field(
        None, title="学徒培训等级", description="企业新型学徒制培训的等级：中级工 或 高级工"
    )
    apprentices: Annotated[int | None, Number] = Field(
        None, ge=1, le=100000, title="学徒人数", description="参加企业新型学徒制培训的职工人数"
    )
    years: Annotated[int | None, Number] = Field(None, ge=1, le=10, title="培训年数", description="学徒培训年数")


def apprenticeship_subsidy(data: ApprenticeshipInput) -> CalculationResult:
    """Paid to the enterprise: 4000元 中级工 / 6000元 高级工 per person per year × persons × years."""
    source = sources.SJZ_APPRENTICESHIP
    unknown = unknown_fields(data, "apprentice_level", "apprentices", "years")
    if unknown:
        return APPRENTICESHIP.result(
            status="needs_info",
            missing=missing(*unknown),
            components={f"{level}每人每年": money(rate) for level, rate in APPRENTICE_RATES.items()},
            trace=["标准：中级工每人每年4000元，高级工每人每年6000元（补贴给企业）"],
            summary="计算企业新型学徒制补贴还需要：" + field_titles(ApprenticeshipInput, unknown) + "。",
            sources=[source],
        )
    rate = APPRENTICE_RATES[data.apprentice_level]
    amount = money(rate * data.apprentices * data.years)
    trace = [
        f"{data.apprentice_level}标准：每人每年{yuan(rate)}",
        f"{yuan(rate)} × {data.apprentices}人 × {data.years}年 = {yuan(amount)}",
    ]
    summary = (
        f"{data.apprentices}名职工参加{data.apprentice_level}企业新型学徒制培训{data.years}年，"
        f"企业可获得职业培训补贴{yuan(amount)}。"
    )
    return APPRENTICESHIP.result(
        status="eligible",
        amount=amount,
        components={"每人每年标准": money(rate)},
        trace=trace,
        summary=summary,
        sources=[source],
        notes=["该补贴发放给企业，不直接发给学徒个人。"],
    )


class SkillUpgradeInput(CalculatorInput):
    unemployment_insurance_months: Annotated[int | None, Number] = Field(
        None, ge=0, le=1200, title="累计缴纳失业保险费月数", description="企业职工累计缴纳失业保险费的月数"
    )
    certificate_level: Annotated[Literal["初级", "中级", "高级"] | None, Choice] = Field(
        None, title="证书等级", description="取得的职业资格证书或职业技能等级证书等级：初级、中级 或 高级"
    )
    in_scarce_catalogue: YesNo = Field(
        None, title="是否纳入急需紧缺工种目录", description="证书对应的职业（工种）是否纳入急需紧缺工种目录"
    )


def skill_upgrade_subsidy(data: SkillUpgradeInput) -> CalculationResult:
    """≥ 12 months of unemployment insurance; 1000/1500/2000元 by level; +10% in the 急需紧缺 catalogue."""
    source = sources.SJZ_SKILL_UPGRADE
    months = data.unemployment_insurance_months
    if months is not None and months < MIN_INSURANCE_MONTHS:
        return SKILL_UPGRADE.result(
            status="not_eligible",
            amount=money(0),
            trace=[f"累计缴纳失业保险费{months}个月，少于要求的{MIN_INSURANCE_MONTHS}个月"],
            summary=f"技能提升补贴要求累计缴纳失业保险费{MIN_INSURANCE_MONTHS}个月以上，您累计{months}个月，暂不符合条件。",
            sources=[source],
        )
    unknown = unknown_fields(data, "unemployment_insurance_months", "certificate_level")
    if unknown:
        base = SKILL_UPGRADE_RATES.get(data.certificate_level or "")
        trace = [f"{data.certificate_level}证书补贴标准{yuan(base)}"] if base else []
        return SKILL_UPGRADE.result(
            status="needs_info",
            missing=missing(*unknown),
            components={f"{level}证书": money(rate) for level, rate in SKILL_UPGRADE_RATES.items()},
            trace=[*trace, "还需确认：" + field_titles(SkillUpgradeInput, unknown)],
            summary="计算技能提升补贴还需要：" + field_titles(SkillUpgradeInput, unknown) + "。",
            sources=[source],
        )
    base = SKILL_UPGRADE_RATES[data.certificate_level]
    raised = money(base * SCARCE_UPLIFT)
    trace = [
        f"累计缴纳失业保险费{months}个月，满足{MIN_INSURANCE_MONTHS}个月以上的要求",
        f"{data.certificate_level}证书补贴标准{yuan(base)}",
    ]
    notes: list[str] = []
    if data.in_scarce_catalogue:
        amount = raised
        trace.append(f"纳入急需紧缺工种目录，标准提高10%：{yuan(base)} × 1.1 = {yuan(raised)}")
        summary = f"符合条件，{data.certificate_level}证书且纳入急需紧缺工种目录，技能提升补贴为{yuan(amount)}。"
    else:
        amount = money(base)
        if data.in_scarce_catalogue is None:
            notes.append(f"如证书对应工种纳入急需紧缺工种目录，补贴标准可提高10%，即{yuan(raised)}。")
        trace.append(f"未纳入急需紧缺工种目录，补贴为{yuan(amount)}")
        summary = f"符合条件，{data.certificate_level}证书可获得技能提升补贴{yuan(amount)}。"
    return SKILL_UPGRADE.result(
        status="eligible",
        amount=amount,
        amount_max=raised if data.in_scarce_catalogue is None else None,
        components={"基础标准": money(base)},
        trace=trace,
        summary=summary,
        sources=[source],
        notes=notes,
    )


FREE_TRAINING_GROUPS = (
    "农村转移就业劳动者",
    "毕业学年高校毕业生",
    "城乡未继续升学应届初高中毕业生",
    "城镇登记失业人员",
    "退役军人",
    "未就业贫困家庭子女",
    "就业困难人员(含残疾人)",
)
# Everyday words → the clause's group (checked in order; the first keyword found wins).
GROUP_SYNONYMS: tuple[tuple[str, str], ...] = (
    ("农民工", "农村转移就业劳动者"),
    ("农村转移", "农村转移就业劳动者"),
    ("农村劳动力", "农村转移就业劳动者"),
    ("进城务工", "农村转移就业劳动者"),
    ("高校毕业生", "毕业学年高校毕业生"),
    ("大学毕业生", "毕业学年高校毕业生"),
    ("应届大学生", "毕业学年高校毕业生"),
    ("大学生", "毕业学年高校毕业生"),
    ("初高中毕业生", "城乡未继续升学应届初高中毕业生"),
    ("初中毕业生", "城乡未继续升学应届初高中毕业生"),
    ("高中毕业生", "城乡未继续升学应届初高中毕业生"),
    ("未继续升学", "城乡未继续升学应届初高中毕业生"),
    ("登记失业", "城镇登记失业人员"),
    ("下岗", "城镇登记失业人员"),
    ("失业", "城镇登记失业人员"),
    ("退役军人", "退役军人"),
    ("退伍", "退役军人"),
    ("复员", "退役军人"),
    ("转业军人", "退役军人"),
    ("贫困家庭", "未就业贫困家庭子女"),
    ("残疾", "就业困难人员(含残疾人)"),
    ("就业困难", "就业困难人员(含残疾人)"),
)
NONE_OF_THEM = {"其他", "都不是", "以上都不是", "无", "不属于"}


def normalize_target_group(text: str) -> str | None:
    """The clause's group for a user's words, or None when no group matches."""
    compact = text.replace("（", "(").replace("）", ")").replace(" ", "")
    for group in FREE_TRAINING_GROUPS:
        if compact == group or compact == group.replace("(含残疾人)", ""):
            return group
    return next((group for keyword, group in GROUP_SYNONYMS if keyword in compact), None)


class FreeTrainingInput(CalculatorInput):
    target_group: Annotated[str | None, Choice] = Field(
        None,
        max_length=64,
        title="人员类别",
        description="人员类别，如 农村转移就业劳动者、城镇登记失业人员、退役军人、毕业学年高校毕业生",
    )


def free_training_check(data: FreeTrainingInput) -> CalculationResult:
    """Is the person in one of the seven groups offered 免费职业技能培训?"""
    source = sources.SJZ_FREE_TRAINING
    groups = "、".join(FREE_TRAINING_GROUPS)
    if data.target_group is None:
        return FREE_TRAINING.result(
            status="needs_info",
            missing=missing("target_group"),
            trace=[f"免费职业技能培训对象：{groups}"],
            summary="需要先确认您属于哪一类人员。",
            sources=[source],
        )
    group = normalize_target_group(data.target_group)
    if group is not None:
        return FREE_TRAINING.result(
            status="eligible",
            trace=[f"“{data.target_group}”属于“{group}”", f"“{group}”在免费职业技能培训对象之列"],
            summary=f"您属于{group}，可参加石家庄市开展的免费职业技能培训。",
            sources=[source],
        )
    if data.target_group in NONE_OF_THEM:
        return FREE_TRAINING.result(
            status="not_eligible",
            trace=[f"免费职业技能培训对象：{groups}", "您不属于上述任何一类"],
            summary="您不属于免费职业技能培训的对象人群。",
            sources=[source],
        )
    question = f"“{data.target_group}”不在条款列举的人员类别中，请确认您是否属于：{groups}？"
    return FREE_TRAINING.result(
        status="needs_info",
        missing=[{"field": "target_group", "question": question}],
        trace=[f"“{data.target_group}”无法对应到条款列举的人员类别"],
        summary=question,
        sources=[source],
    )
