"""The list of calculators and checks, and the one entry point that validates arguments and runs one."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pydantic import ValidationError

from assistant.calculators import beibei, beijing, shijiazhuang
from assistant.calculators.base import CalculationResult, CalculatorSpec, Header, Kind
from assistant.calculators.inputs import explain
from ingest.errors import UserInputError


def _spec(header: Header, kind: Kind, func: Any, model: Any, description: str, *keywords: str) -> CalculatorSpec:
    return CalculatorSpec(
        name=header.name,
        title=header.title,
        description=description,
        region=header.region,
        kind=kind,
        input_model=model,
        func=func,
        keywords=keywords,
    )


def registry() -> dict[str, CalculatorSpec]:
    """All calculators by stable id (built on call: no import-time work beyond definitions)."""
    specs = [
        _spec(
            shijiazhuang.EMPLOYMENT_TRAINING,
            "amount",
            shijiazhuang.employment_training_subsidy,
            shijiazhuang.EmploymentTrainingInput,
            "计算石家庄市就业技能培训补贴：每人最高2200元，紧缺急需职业（工种）最高2500元；给出实际培训费用时按两者较低者计算。",
            "就业技能培训补贴",
            "培训补贴",
            "就业技能培训",
            "紧缺急需职业",
        ),
        _spec(
            shijiazhuang.APPRENTICESHIP,
            "amount",
            shijiazhuang.apprenticeship_subsidy,
            shijiazhuang.ApprenticeshipInput,
            "计算石家庄市企业新型学徒制培训补贴（发给企业）：中级工每人每年4000元、高级工每人每年6000元，乘以人数和年数。",
            "新型学徒制",
            "学徒制",
            "学徒",
            "学徒补贴",
        ),
        _spec(
            shijiazhuang.SKILL_UPGRADE,
            "amount",
            shijiazhuang.skill_upgrade_subsidy,
            shijiazhuang.SkillUpgradeInput,
            "计算石家庄市技能提升补贴：累计缴纳失业保险费12个月以上，取得初级/中级/高级证书分别补贴1000/1500/2000元，"
            "纳入急需紧缺工种目录的提高10%。",
            "技能提升补贴",
            "考证补贴",
            "证书补贴",
            "失业保险",
            "职业资格证书",
            "职业技能等级证书",
        ),
        _spec(
            beijing.EDUCATION_FUND,
            "amount",
            beijing.staff_education_fund,
            beijing.EducationFundInput,
            "计算北京市企业职工教育经费：按职工工资总额不低于1.5%提取（经济效益好的企业可按2.5%），其中60%以上用于一线职工。",
            "职工教育经费",
            "教育经费",
            "提取比例",
            "工资总额",
        ),
        _spec(
            beibei.DEDUCTION,
            "amount",
            beibei.education_fund_deduction,
            beibei.DeductionInput,
            "计算北碚区职工教育经费税前扣除：不超过工资薪金总额8%的部分当年扣除，超过部分结转以后年度扣除。",
            "税前扣除",
            "职工教育经费",
            "所得税",
            "结转扣除",
            "工资薪金总额",
        ),
        _spec(
            beijing.STUDIO_GRANT,
            "amount",
            beijing.chief_technician_studio_grant,
            beijing.StudioGrantInput,
            "北京市首席技师工作室资助：对30个重点工作室每个给予30万至50万元资助（给出范围）。",
            "首席技师工作室",
            "首席技师",
            "工作室资助",
            "技师工作室",
        ),
        _spec(
            beijing.DIRECT_INTRODUCTION,
            "eligibility",
            beijing.direct_introduction_check,
            beijing.DirectIntroductionInput,
            "核对北京市来京务工人员直接引进条件：在京工作3年以上、按规定缴纳社会保险、技师及以上职业资格、"
            "做出突出贡献、引进人才综合评价为优秀（附2007年旧规定作参考）。",
            "直接引进",
            "来京务工人员",
            "进京",
            "落户",
            "引进人才",
        ),
        _spec(
            shijiazhuang.FREE_TRAINING,
            "eligibility",
            shijiazhuang.free_training_check,
            shijiazhuang.FreeTrainingInput,
            "判断是否属于石家庄市免费职业技能培训对象（农村转移就业劳动者、毕业学年高校毕业生、城镇登记失业人员、退役军人等）。",
            "免费培训",
            "免费职业技能培训",
            "培训对象",
            "农民工",
            "失业人员",
        ),
        _spec(
            beibei.VETERAN_TRAINING,
            "eligibility",
            beibei.veteran_training_check,
            beibei.VeteranInput,
            "判断北碚区退役军人能否享受一次免费培训（免学杂费、住宿费、技能鉴定费）及培训期间生活补助。",
            "退役军人",
            "退伍",
            "免费培训",
            "生活补助",
            "即将退役",
        ),
    ]
    return {spec.name: spec for spec in specs}


def get_spec(name: str) -> CalculatorSpec:
    specs = registry()
    if name not in specs:
        known = "、".join(specs)
        raise UserInputError(f"没有名为“{name}”的计算器，可用：{known}", f"unknown calculator: {name!r}")
    return specs[name]


def parse_arguments(spec: CalculatorSpec, arguments: Any) -> Any:
    """Validate arguments into the spec's input model; errors become one Chinese UserInputError."""
    if not isinstance(arguments, Mapping):
        raise UserInputError("参数应为“字段: 值”形式的对象", "arguments must be an object")
    try:
        return spec.input_model.model_validate(dict(arguments))
    except ValidationError as exc:
        raise explain(exc, spec.input_model) from None


def run_calculator(name: str, arguments: Mapping[str, Any]) -> CalculationResult:
    """Run one calculator by id. Raises ``UserInputError`` (Chinese message) on an unknown name or bad input."""
    spec = get_spec(name)
    return spec.func(parse_arguments(spec, arguments))
