"""Input parsing shared by every calculator: normalization, field types, and Chinese error messages.

Users type full-width digits (``１５００``), units (``1500元``), thousands separators and 是/否; all of that is
normalized before pydantic parses the value. Pydantic's English errors never reach a user: ``explain`` maps
them to one Chinese sentence per field.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationError
from pydantic_core import PydanticCustomError

from ingest.errors import UserInputError

MAX_TEXT_LENGTH = 64
MAX_MONEY = Decimal("10000000000000")  # 1e13 元: above any real payroll
UNIT_SUFFIXES = ("个月", "元", "月", "年", "人", "个", "名", "间")
YES = {"是", "对", "有", "已", "已缴", "已缴纳", "符合", "true", "yes", "y", "1", "t", "on"}
NO = {"否", "不是", "不", "没有", "无", "未", "未缴", "未缴纳", "不符合", "false", "no", "n", "0", "f", "off"}

# What to ask when a fact is missing (offline engine and LLM both show these).
QUESTIONS: dict[str, str] = {
    "unemployment_insurance_months": "您累计缴纳失业保险费多少个月？",
    "certificate_level": "您取得的职业资格证书或职业技能等级证书是初级、中级还是高级？",
    "in_scarce_catalogue": "证书对应的职业（工种）是否纳入急需紧缺工种目录？",
    "actual_cost": "实际培训费用是多少元？",
    "scarce_occupation": "培训的职业（工种）是否属于紧缺急需职业（工种）？",
    "apprentice_level": "学徒培训的等级是中级工还是高级工？",
    "apprentices": "参加企业新型学徒制培训的职工有多少人？",
    "years": "学徒培训期为几年？",
    "payroll_total": "企业职工工资总额是多少元？",
    "good_economic_performance": "企业是否属于经济效益好的企业？",
    "salary_total": "企业当年工资薪金总额是多少元？",
    "education_expense": "企业当年发生的职工教育经费支出是多少元？",
    "studios": "申请资助的重点首席技师工作室有几个？",
    "years_in_beijing": "您在京工作了多少年？",
    "social_insurance_paid": "您是否按规定在京缴纳社会保险？",
    "qualification": "您取得的最高职业资格是什么（初级工、中级工、高级工、技师、高级技师）？",
    "outstanding_contribution": "您是否在工作中做出突出贡献？",
    "rated_excellent": "您是否经本市引进人才综合评价为优秀？",
    "target_group": "您属于哪一类人员（如农村转移就业劳动者、城镇登记失业人员、退役军人等）？",
    "is_veteran": "您是否为退役军人？",
    "retired_soon": "您是否为即将退役的军人？",
}


def _normalize_text(value: Any) -> Any:
    """NFKC (full-width → ASCII), trim, reject control characters and absurd lengths."""
    if not isinstance(value, str):
        return value
    if len(value) > MAX_TEXT_LENGTH:
        raise PydanticCustomError("too_long", f"内容过长（超过{MAX_TEXT_LENGTH}个字符）")
    if any(unicodedata.category(ch) in ("Cc", "Cf", "Cs") for ch in value):
        raise PydanticCustomError("control_chars", "含有控制字符或不可见字符")
    return unicodedata.normalize("NFKC", value).strip()


def _parse_number(value: Any) -> Any:
    """Accept ``１５００``、``1,500``、``1500元``、``15个月``; reject booleans posing as numbers."""
    if isinstance(value, bool):
        raise PydanticCustomError("number_is_bool", "应为数字，不能是是/否")
    value = _normalize_text(value)
    if isinstance(value, str):
        for suffix in UNIT_SUFFIXES:
            value = value.removesuffix(suffix)
        value = re.sub(r"(?<=\d),(?=\d{3})", "", value).strip()
        if value == "":
            return None
    return value


def _parse_yes_no(value: Any) -> Any:
    value = _normalize_text(value)
    if isinstance(value, str):
        lowered = value.lower()
        if lowered == "":
            return None
        if lowered in YES:
            return True
        if lowered in NO:
            return False
        raise PydanticCustomError("yes_no", "应为“是”或“否”")
    return value


def _parse_choice(value: Any) -> Any:
    value = _normalize_text(value)
    return None if value == "" else value


Number = BeforeValidator(_parse_number)
YesNo = Annotated[bool | None, BeforeValidator(_parse_yes_no)]
Choice = BeforeValidator(_parse_choice)
Money = Annotated[Decimal | None, Number, Field(ge=0, le=MAX_MONEY)]  # 元, optional


class CalculatorInput(BaseModel):
    """Base of every calculator input: unknown fields are an error; all facts optional unless stated."""

    model_config = ConfigDict(extra="forbid", validate_default=False)


def unknown_fields(data: BaseModel, *names: str) -> list[str]:
    """The named facts the user has not given yet, in order."""
    return [name for name in names if getattr(data, name) is None]


def missing(*fields: str) -> list[dict[str, str]]:
    """MissingFact payloads for fields, in the order given."""
    return [{"field": name, "question": QUESTIONS[name]} for name in fields]


def field_titles(model: type[BaseModel], names: list[str]) -> str:
    """``累计缴纳失业保险费月数、证书等级`` — the Chinese titles of fields, for summaries."""
    return "、".join(model.model_fields[name].title or name for name in names)


def _describe_error(error: dict[str, Any]) -> str:
    kind = error["type"]
    ctx = error.get("ctx") or {}
    if kind == "extra_forbidden":
        return "是未知字段"
    if kind in ("missing",):
        return "必须填写"
    if kind == "greater_than_equal":
        return "不能为负数" if Decimal(str(ctx.get("ge"))) == 0 else f"不能小于{ctx.get('ge')}"
    if kind == "greater_than":
        return f"必须大于{ctx.get('gt')}"
    if kind == "less_than_equal":
        return f"数值过大（不能超过{ctx.get('le')}）"
    if kind == "finite_number":
        return "不能是 NaN 或无穷大"
    if kind in ("int_parsing", "int_from_float", "int_type", "int_parsing_size"):
        return "应为整数"
    if kind in ("decimal_parsing", "decimal_type", "decimal_max_digits", "decimal_max_places"):
        return "应为数字（例如 1500 或 1500.50）"
    if kind in ("bool_parsing", "bool_type"):
        return "应为“是”或“否”"
    if kind == "literal_error":
        expected = str(ctx.get("expected", "")).replace("'", "").replace(" or ", "、").replace(", ", "、")
        return f"应为以下之一：{expected}"
    if kind in ("string_type", "string_too_long"):
        return "应为文字"
    if kind.startswith(("too_long", "control_chars", "number_is_bool", "yes_no")):
        return error["msg"]
    return "取值无效"


def explain(exc: ValidationError, model: type[BaseModel]) -> UserInputError:
    """One Chinese sentence naming each bad field (title + id); a short English half for logs."""
    parts_zh: list[str] = []
    parts_en: list[str] = []
    for error in exc.errors(include_url=False):
        name = str(error["loc"][0]) if error["loc"] else ""
        info = model.model_fields.get(name)
        label = f"“{info.title}”（{name}）" if info and info.title else f"“{name}”"
        if error["type"] == "extra_forbidden":
            allowed = "、".join(model.model_fields)
            parts_zh.append(f"{label}是未知字段，可用字段：{allowed}")
        else:
            parts_zh.append(f"{label}{_describe_error(error)}")
        parts_en.append(f"{name or 'input'}: {error['type']}")
    return UserInputError("输入有误：" + "；".join(parts_zh), "invalid input: " + "; ".join(parts_en))
