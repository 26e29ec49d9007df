"""北京市 (京政发〔2011〕33号; 京办发〔2007〕14号 as earlier context): education fund, studio grants, introduction."""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Literal

from pydantic import Field

from assistant.calculators import sources
from assistant.calculators.base import CalculationResult, Header, money, percent, yuan
from assistant.calculators.inputs import CalculatorInput, Choice, Money, Number, YesNo, missing

EDUCATION_FUND = Header("bj_staff_education_fund", "北京市企业职工教育经费提取", "北京市")
STUDIO_GRANT = Header("bj_chief_technician_studio_grant", "北京市首席技师工作室资助", "北京市")
DIRECT_INTRODUCTION = Header("bj_direct_introduction_check", "北京市来京务工人员直接引进条件核对", "北京市")

MIN_RATE = Decimal("0.015")
GOOD_PERFORMANCE_RATE = Decimal("0.025")
FRONT_LINE_SHARE = Decimal("0.6")
STUDIO_GRANT_MIN = Decimal(300000)
STUDIO_GRANT_MAX = Decimal(500000)
KEY_STUDIOS = 30
MIN_YEARS_IN_BEIJING = Decimal(3)
QUALIFIED = ("技师", "高级技师")


class EducationFundInput(CalculatorInput):
    payroll_total: Money = Field(None, title="职工工资总额", description="企业职工工资总额（元）")
    good_economic_performance: YesNo = Field(
        None, title="是否经济效益好的企业", description="企业是否属于经济效益好的企业（可按2.5%提取）"
    )


def staff_education_fund(data: EducationFundInput) -> CalculationResult:
    """≥ 1.5% of payroll (2.5% allowed for 经济效益好的企业); ≥ 60% of it for front-line staff."""
    cited = [sources.BJ_EDUCATION_FUND, sources.BJ_EDUCATION_FUND_2007]
    notes = [
        "京办发〔2007〕14号 五、（十五）也规定按职工工资总额不低于1.5%提取、其中60%以上用于一线职工；"
        "现以京政发〔2011〕33号为准。",
        "中关村国家自主创新示范区内的创新创业型企业可按照国家有关政策执行。",
    ]
    if data.payroll_total is None:
        return EDUCATION_FUND.result(
            status="needs_info",
            missing=missing("payroll_total"),
            trace=["提取比例：不低于职工工资总额的1.5%，经济效益好的企业可按2.5%；其中60%以上用于一线职工"],
            summary="计算职工教育经费需要企业职工工资总额。",
            sources=cited,
            notes=notes,
        )
    payroll = money(data.payroll_total)
    minimum = money(payroll * MIN_RATE)
    front_line = money(minimum * FRONT_LINE_SHARE)
    components = {"最低提取额（1.5%）": minimum, "一线职工教育培训最低额（60%）": front_line}
    trace = [
        f"最低提取额：{yuan(payroll)} × {percent(MIN_RATE)} = {yuan(minimum)}",
        f"一线职工教育培训至少：{yuan(minimum)} × {percent(FRONT_LINE_SHARE)} = {yuan(front_line)}",
    ]
    summary = (
        f"职工工资总额{yuan(payroll)}，职工教育经费应不低于{yuan(minimum)}，其中至少{yuan(front_line)}用于一线职工。"
    )
    upper = None
    if data.good_economic_performance:
        upper = money(payroll * GOOD_PERFORMANCE_RATE)
        components["经济效益好的企业可提取（2.5%）"] = upper
        components["按2.5%提取时一线职工最低额（60%）"] = money(upper * FRONT_LINE_SHARE)
        rate = percent(GOOD_PERFORMANCE_RATE)
        trace.append(f"经济效益好的企业可按{rate}提取：{yuan(payroll)} × {rate} = {yuan(upper)}")
        summary += f"经济效益好的企业可按2.5%提取，即{yuan(upper)}。"
    elif data.good_economic_performance is None:
        notes.append("经济效益好的企业可按2.5%的比例提取。")
    return EDUCATION_FUND.result(
        status="eligible",
        amount=minimum,
        amount_min=minimum,
        amount_max=upper,
        components=components,
        trace=trace,
        summary=summary,
        sources=cited,
        notes=notes,
    )


class StudioGrantInput(CalculatorInput):
    studios: Annotated[int | None, Number] = Field(
        None, ge=1, le=KEY_STUDIOS, title="重点工作室个数", description="获得资助的重点首席技师工作室个数（默认1个）"
    )


def chief_technician_studio_grant(data: StudioGrantInput) -> CalculationResult:
    """30 key studios get 30万–50万元 each: a range, never a single figure."""
    count = data.studios or 1
    low, high = money(STUDIO_GRANT_MIN * count), money(STUDIO_GRANT_MAX * count)
    trace = [
        "每个重点工作室资助30万至50万元（300000元至500000元）",
        f"下限：300000元 × {count} = {yuan(low)}",
        f"上限：500000元 × {count} = {yuan(high)}",
    ]
    summary = f"{count}个重点首席技师工作室可获资助{yuan(low)}至{yuan(high)}（每个30万至50万元，具体数额未定）。"
    return STUDIO_GRANT.result(
        status="eligible",
        amount_min=low,
        amount_max=high,
        trace=trace,
        summary=summary,
        sources=[sources.BJ_CHIEF_TECHNICIAN_STUDIO],
        notes=[f"资助对象为“十二五”期间（2011—2015年）确定的{KEY_STUDIOS}个重点首席技师工作室，并非所有工作室。"],
    )


class DirectIntroductionInput(CalculatorInput):
    years_in_beijing: Annotated[Decimal | None, Number] = Field(
        None, ge=0, le=80, title="在京工作年数", description="在京工作的年数"
    )
    social_insurance_paid: YesNo = Field(None, title="是否按规定缴纳社会保险", description="是否按规定缴纳社会保险")
    qualification: Annotated[Literal["初级工", "中级工", "高级工", "技师", "高级技师"] | None, Choice] = Field(
        None, title="职业资格", description="取得的最高职业资格：初级工、中级工、高级工、技师、高级技师"
    )
    outstanding_contribution: YesNo = Field(None, title="是否做出突出贡献", description="是否在工作中做出突出贡献")
    rated_excellent: YesNo = Field(None, title="综合评价是否优秀", description="是否经本市引进人才综合评价为优秀")


def _conditions(data: DirectIntroductionInput) -> list[tuple[str, str, bool | None]]:
    """(field, condition in Chinese, met?) for each 2011 requirement; None = not known yet."""
    years = data.years_in_beijing
    qualification = data.qualification
    return [
        ("years_in_beijing", "在京工作3年以上", None if years is None else years >= MIN_YEARS_IN_BEIJING),
        ("social_insurance_paid", "按规定缴纳社会保险", data.social_insurance_paid),
        ("qualification", "取得技师及以上职业资格证书", None if qualification is None else qualification in QUALIFIED),
        ("outstanding_contribution", "在工作中做出突出贡献", data.outstanding_contribution),
        ("rated_excellent", "经本市引进人才综合评价为优秀", data.rated_excellent),
    ]


def direct_introduction_check(data: DirectIntroductionInput) -> CalculationResult:
    """All five 2011 conditions must hold; the 2007 rule (满5年 + 高级技师) is shown as superseded context."""
    conditions = _conditions(data)
    mark = {True: "满足", False: "不满足", None: "未知"}
    trace = [f"{text}：{mark[met]}" for _, text, met in conditions]
    failed = [text for _, text, met in conditions if met is False]
    unknown = [name for name, _, met in conditions if met is None]
    cited = [sources.BJ_DIRECT_INTRODUCTION, sources.BJ_DIRECT_INTRODUCTION_2007]
    notes = [
        "京办发〔2007〕14号 四、（十四）曾规定在京工作满5年以上且取得高级技师职业资格；"
        "该事项已由京政发〔2011〕33号作出新规定，以新规定为准。"
    ]
    if failed:
        status, found = "not_eligible", missing()
        summary = "不符合来京务工人员直接引进条件：" + "、".join(failed) + "这一条件未满足。"
    elif unknown:
        status, found = "needs_info", missing(*unknown)
        pending = "、".join(text for name, text, _ in conditions if name in unknown)
        summary = f"还需确认以下条件才能判断是否可直接引进：{pending}。"
    else:
        status, found = "eligible", missing()
        summary = "五项条件均满足，可从外省市直接引进（条款用语为“可”，最终以主管部门审批为准）。"
    return DIRECT_INTRODUCTION.result(
        status=status, missing=found, trace=trace, summary=summary, sources=cited, notes=notes
    )
