"""Reading one input value as people type it, and the pydantic model of a rule's inputs.

``１５``, ``1,500元``, ``2000万元``, ``一年半``, ``十二个月``, 是/否, ``中级工`` for 中级 — numbers are read by the one
quantity parser (``ingest.quantities``). Blank, unit-only (``元``), wrong-unit (``15个月`` for money), ``-0``,
NaN/inf, out-of-bounds and unknown choices are rejected with one Chinese sentence that names the field by its
Chinese label (never an English id, never pydantic's English). The same model is the LangChain tool's args
schema, so the page, the CLI, Python callers and an LLM agent all get the same messages.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal, InvalidOperation
from functools import partial
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationError, create_model
from pydantic_core import PydanticCustomError

from assistant.rules.schema import InputSpec, Rule
from ingest.errors import UserInputError
from ingest.quantities import find_quantities, parse_number

MAX_TEXT_LENGTH = 64
DEFAULT_MAX = {"money": Decimal("10000000000000"), "percent": Decimal(100)}  # 1e13 元: above any real payroll
OTHER_MAX = Decimal(1_000_000_000)
YES = {"是", "对", "有", "已", "已缴", "已缴纳", "符合", "属于", "true", "yes", "y", "1", "t", "on"}
NO = {"否", "不是", "不", "没有", "无", "未", "未缴", "未缴纳", "不符合", "不属于", "false", "no", "n", "0", "f", "off"}
PLAIN_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?|[+-]?(?:nan|inf|infinity)", re.IGNORECASE)
GROUPED = re.compile(r"(?<=\d),(?=\d{3}(?!\d))")
NEGATIVE = ("-", "−", "负")
# Error codes raised here; their messages are already Chinese sentences.
CODES = frozenset({
    "too_long", "control_chars", "blank", "not_a_number", "several_numbers", "wrong_unit", "number_is_bool",
    "not_finite", "negative", "too_small", "not_integer", "too_large", "not_yes_no", "not_text", "not_an_option",
    "bad_date",
})
DATE_TEXT = re.compile(
    r"^((?:19|20)\d{2})(?:\s*[年\-/.]\s*(\d{1,2})(?:\s*[月\-/.]\s*(\d{1,2})\s*[日号]?)?\s*月?)?\s*年?$"
)
UNIT_WORDS = {
    "money": ("以元为单位的金额", "1500、1500元 或 2000万元"),
    "months": ("月数", "15、15个月 或 一年半"),
    "years": ("年数", "3、3年 或 一年半"),
    "count": ("人数或个数", "10 或 10人"),
    "percent": ("百分比", "8 或 8%"),
}
ACCEPTED_KINDS = {
    "money": ("money", "number"),
    "months": ("duration", "number"),
    "years": ("duration", "number"),
    "count": ("count", "number"),
    "percent": ("percent", "number"),
}


def _fail(code: str, message: str) -> PydanticCustomError:
    """A value error: ``code`` (English, for logs) and the Chinese message shown after the field's label."""
    return PydanticCustomError(code, message)


def clean_text(value: str) -> str:
    """NFKC (full-width → ASCII), trimmed; control/invisible characters and absurd lengths rejected."""
    if len(value) > MAX_TEXT_LENGTH:
        raise _fail("too_long", f"内容过长（超过{MAX_TEXT_LENGTH}个字符）")
    if any(unicodedata.category(ch) in ("Cc", "Cf", "Cs") for ch in value):
        raise _fail("control_chars", "含有控制字符或不可见字符")
    text = unicodedata.normalize("NFKC", value).strip()
    if not text:
        raise _fail("blank", "不能为空")
    return text


def fold(text: str) -> str:
    """For matching words: NFKC, no spaces, lower case."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text)).lower()


def _quantity(spec: InputSpec, text: str) -> Decimal:
    """The one quantity ``text`` consists of, in the spec's unit."""
    word, example = UNIT_WORDS[spec.type]
    found = find_quantities(text)
    if not found:
        value = parse_number(text)
        if value is None:
            raise _fail("not_a_number", f"应为数字（{word}），例如 {example}")
        return value
    if len(found) > 1:
        raise _fail("several_numbers", f"只能填写一个数值，例如 {example}")
    quantity = found[0]
    if text[: quantity.start].strip() or text[quantity.end :].strip():
        raise _fail("not_a_number", f"应为数字（{word}），例如 {example}")
    if quantity.kind not in ACCEPTED_KINDS[spec.type] or (quantity.kind == "duration" and quantity.unit != "月"):
        raise _fail("wrong_unit", f"单位不对：应为{word}，例如 {example}（填写的是“{quantity.raw}”）")
    if quantity.kind == "duration" and spec.type == "years":
        return quantity.value / 12
    return quantity.value


def parse_numeric(spec: InputSpec, raw: Any) -> Decimal | int | None:
    if raw is None:
        return None
    if isinstance(raw, bool):
        raise _fail("number_is_bool", "应为数字，不能是是/否")
    negative_zero = False
    if isinstance(raw, int | float | Decimal):
        try:
            value = Decimal(str(raw))
        except InvalidOperation:
            raise _fail("not_a_number", "应为数字") from None
    elif isinstance(raw, str):
        text = GROUPED.sub("", clean_text(raw))
        if PLAIN_NUMBER.fullmatch(text):
            value = Decimal(text)
        else:
            negative = text.startswith(NEGATIVE)
            value = _quantity(spec, text.lstrip("".join(NEGATIVE)).strip() if negative else text)
            value = -value if negative else value
        negative_zero = text.startswith(NEGATIVE) and not value.is_nan()
    else:
        raise _fail("not_a_number", "应为数字")
    if not value.is_finite():
        raise _fail("not_finite", "应为整数" if spec.whole else "不能是 NaN 或无穷大")
    if value < 0 or (negative_zero and value == 0) or value.is_signed():
        raise _fail("negative", "不能为负数")
    if spec.min is not None and value < spec.min:
        raise _fail("too_small", f"不能小于{format(spec.min.normalize(), 'f')}")
    if spec.whole and value != value.to_integral_value():
        raise _fail("not_integer", "应为整数")
    upper = spec.max if spec.max is not None else DEFAULT_MAX.get(spec.type, OTHER_MAX)
    if value > upper:
        raise _fail("too_large", f"数值过大（不能超过{format(upper.normalize(), 'f')}）")
    return int(value) if spec.whole else value


def parse_yes_no(raw: Any) -> bool | None:
    if raw is None or isinstance(raw, bool):
        return raw
    if isinstance(raw, int) and raw in (0, 1):
        return bool(raw)
    if not isinstance(raw, str):
        raise _fail("not_yes_no", "应为“是”或“否”")
    text = clean_text(raw).lower()
    if text in YES:
        return True
    if text in NO:
        return False
    raise _fail("not_yes_no", "应为“是”或“否”")


def match_option(spec: InputSpec, text: str) -> str | None:
    """The option ``text`` names: exactly (value or synonym), else the longest value/synonym (≥ 2 characters)
    it contains; None when none does."""
    folded = fold(text)
    words = [(fold(word), option.value) for option in spec.options for word in (option.value, *option.synonyms)]
    exact = next((value for word, value in words if word == folded), None)
    if exact is not None:
        return exact
    inside = [(len(word), value) for word, value in words if len(word) >= 2 and word in folded]
    return max(inside, key=lambda item: item[0])[1] if inside else None


def parse_choice(spec: InputSpec, raw: Any) -> str | None:
    if raw is None:
        return None
    if not isinstance(raw, str):
        raise _fail("not_text", "应为文字")
    text = clean_text(raw)
    option = match_option(spec, text)
    if option is not None:
        return option
    if spec.unmatched == "ask":
        return text  # the rule asks which listed option the person belongs to
    raise _fail("not_an_option", "应为以下之一：" + "、".join(option.value for option in spec.options))


def parse_date(raw: Any) -> str | None:
    """``2016`` / ``2016年`` / ``2016年5月`` / ``2016-05-01`` → ``2016`` / ``2016-05`` / ``2016-05-01``."""
    if raw is None:
        return None
    text = clean_text(str(raw)) if not isinstance(raw, str) else clean_text(raw)
    years = [q for q in find_quantities(text) if q.kind == "year"]
    if years and not re.match(r"^\d{4}", text):  # 二〇一六年 → 2016年
        text = str(years[0].value) + text[years[0].end :].lstrip("年")
    match = DATE_TEXT.match(text)
    if not match:
        raise _fail("bad_date", "应为日期，例如 2016、2016年5月 或 2016-05-01")
    year, month, day = match.group(1), match.group(2), match.group(3)
    if (month and not 1 <= int(month) <= 12) or (day and not 1 <= int(day) <= 31):
        raise _fail("bad_date", "日期无效")
    return year + (f"-{int(month):02d}" if month else "") + (f"-{int(day):02d}" if day else "")


def parse_value(spec: InputSpec, raw: Any) -> Any:
    if spec.type == "yes_no":
        return parse_yes_no(raw)
    if spec.type == "choice":
        return parse_choice(spec, raw)
    if spec.type == "date":
        return parse_date(raw)
    return parse_numeric(spec, raw)


def _annotation(spec: InputSpec) -> Any:
    check = BeforeValidator(partial(parse_value, spec))
    if spec.type == "yes_no":
        return Annotated[bool | None, check]
    if spec.type == "choice":
        if spec.unmatched == "ask":
            return Annotated[str | None, check, Field(max_length=MAX_TEXT_LENGTH)]
        return Annotated[Literal[tuple(option.value for option in spec.options)] | None, check]  # type: ignore[misc]
    if spec.type == "date":
        return Annotated[str | None, check]
    upper = spec.max if spec.max is not None else DEFAULT_MAX.get(spec.type, OTHER_MAX)
    lower = spec.min if spec.min is not None else 0
    if spec.whole:
        bounded: Any = Annotated[int, Field(ge=int(lower), le=int(upper))]
    else:
        bounded = Annotated[Decimal, Field(ge=lower, le=upper)]
    return Annotated[bounded | None, check]


def input_model(rule: Rule) -> type[BaseModel]:
    """The rule's inputs as a pydantic model: Chinese titles/descriptions, bounds and enums in its JSON schema."""
    fields: dict[str, Any] = {}
    for spec in rule.inputs:
        description = spec.description or spec.label
        if spec.display_unit and spec.type != "choice" and spec.display_unit not in description:
            description = f"{description}（单位：{spec.display_unit}）"
        fields[spec.name] = (_annotation(spec), Field(None, title=spec.label, description=description))
    name = "".join(part.capitalize() for part in rule.id.split("_")) + "Input"
    return create_model(name, __config__=ConfigDict(extra="forbid"), **fields)


def explain(exc: ValidationError, rule: Rule) -> UserInputError:
    """One Chinese sentence naming each bad field by its label; the English half names ids for logs."""
    labels = {spec.name: spec.label for spec in rule.inputs}
    parts_zh: list[str] = []
    parts_en: list[str] = []
    for error in exc.errors(include_url=False):
        name = str(error["loc"][0]) if error["loc"] else ""
        kind = error["type"]
        if kind == "extra_forbidden":
            allowed = "、".join(f"{key}（{label}）" for key, label in labels.items()) or "无"
            parts_zh.append(f"“{name}”是未知字段，可用字段：{allowed}")
        else:
            message = error["msg"] if kind in CODES else "取值无效"
            parts_zh.append(f"“{labels.get(name, name)}”{message}")
        parts_en.append(f"{name or 'input'}: {kind}")
    return UserInputError("输入有误：" + "；".join(parts_zh), "invalid input: " + "; ".join(parts_en))
