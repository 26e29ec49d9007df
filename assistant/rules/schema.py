"""The rules file beside a policy, ``<stem>.rules.yaml``, as pydantic models (``extra="forbid"`` everywhere).

A rule states *what* a clause says — its inputs, its parameters (each with the verbatim phrase it comes from), its
conditions — and picks one of a small library of generic formula kinds (``formulas.py``) for *how* to compute.
Region and document are never typed: they come from the policy the file sits beside. Like OpenFisca/GETTSIM
parameters, values may be dated; unlike them, every value names the clause and phrase it is read from, and ingest
checks the phrase is still there and still says that value (``verify.py``).

The JSON Schema of this module is exported to ``rules.schema.json`` (``python -m assistant.rules.schema``).
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterable
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

InputType = Literal["money", "months", "count", "years", "percent", "choice", "yes_no", "date"]
NUMERIC_TYPES = ("money", "months", "count", "years", "percent")
RULE_ID = r"^[a-z][a-z0-9_]{2,63}$"
Name = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]{0,47}$")]
Text = Annotated[str, Field(min_length=1, max_length=400)]
ShortText = Annotated[str, Field(min_length=1, max_length=80)]
SCHEMA_FILE = Path(__file__).with_name("rules.schema.json")
DEFAULT_UNITS = {"money": "元", "months": "个月", "years": "年", "percent": "%", "count": "", "date": ""}
PARAMETER_UNITS = ("元", "%", "个月", "年", "天", "课时", "人", "个", "名", "次", "项", "家", "间", "户", "倍")


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)


class Option(Strict):
    """One value of a ``choice`` input and the words people use for it (中级 ← 中级工 / 四级 / 中级证)."""

    value: ShortText
    synonyms: list[ShortText] = Field(default_factory=list)
    listed: bool = Field(False, description="The clause names this option verbatim (checked at ingest).")


class Assumption(Strict):
    """What a general question ("标准是多少") may assume for a missing input, stated in the answer."""

    value: str | int | Decimal | bool
    phrase: ShortText = Field(description="Chinese, e.g. 按每名学徒计.")


class InputSpec(Strict):
    """One fact a rule needs, with everything a question parser needs to fill it with no code per rule."""

    name: Name
    type: InputType
    label: ShortText = Field(description="Chinese name of the fact, e.g. 累计缴纳失业保险费月数.")
    question: Text = Field(description="What to ask when the fact is missing, e.g. 您累计缴纳失业保险费多少个月？")
    description: Text | None = Field(None, description="Longer Chinese help (tool schema, form); default = label.")
    unit: str | None = Field(None, max_length=8, description="Display unit; default by type (元, 个月, 年, %).")
    min: Decimal | None = Field(None, description="Smallest accepted value (numeric types).")
    max: Decimal | None = Field(None, description="Largest accepted value (numeric types).")
    integer: bool | None = Field(None, description="Whole numbers only; default true for months and count.")
    say: Text | None = Field(None, description="How a value reads in a sentence: 累计缴纳失业保险费{value}个月.")
    cues: list[ShortText] = Field(default_factory=list, description="Words that anchor the value in a question.")
    options: list[Option] = Field(default_factory=list, description="choice only.")
    unmatched: Literal["reject", "ask"] = Field("reject", description="choice: a value no option matches.")
    yes_text: ShortText | None = Field(None, description="yes_no: the fact stated, e.g. 纳入急需紧缺工种目录.")
    no_text: ShortText | None = Field(None, description="yes_no: the fact denied, e.g. 未纳入急需紧缺工种目录.")
    assume: Assumption | None = None
    default: str | int | Decimal | bool | None = Field(None, description="Used silently when the fact is missing.")
    as_of: bool = Field(False, description="date only: this date decides which rule version applies.")

    @model_validator(mode="after")
    def _consistent(self) -> InputSpec:
        if self.options and self.type != "choice":
            raise ValueError(f"输入“{self.name}”不是 choice 类型，不能有 options")
        if self.type == "choice" and not self.options:
            raise ValueError(f"choice 类型的输入“{self.name}”必须列出 options")
        if (self.yes_text or self.no_text) and self.type != "yes_no":
            raise ValueError(f"输入“{self.name}”不是 yes_no 类型，不能有 yes_text/no_text")
        if self.as_of and self.type != "date":
            raise ValueError(f"只有 date 类型的输入可以设置 as_of（输入“{self.name}”）")
        if (self.min is not None or self.max is not None) and self.type not in NUMERIC_TYPES:
            raise ValueError(f"输入“{self.name}”不是数值类型，不能设置 min/max")
        if self.min is not None and self.max is not None and self.min > self.max:
            raise ValueError(f"输入“{self.name}”的 min 大于 max")
        return self

    @property
    def display_unit(self) -> str:
        return self.unit if self.unit is not None else DEFAULT_UNITS.get(self.type, "")

    @property
    def whole(self) -> bool:
        return self.integer if self.integer is not None else self.type in ("months", "count")


class DatedValue(Strict):
    """A parameter value for a period (OpenFisca-style dated values), with its own phrase."""

    from_: date = Field(alias="from")
    to: date | None = None
    value: Decimal = Field(ge=0, allow_inf_nan=False)
    phrase: Text
    clause: str | None = None
    element: int | None = Field(None, ge=0)


class Parameter(Strict):
    """A number the clause states: value, unit, and the verbatim phrase (and which number in it) it is read from."""

    value: Decimal = Field(ge=0, allow_inf_nan=False)
    unit: str = Field(max_length=4, description="元, %, 个月, 年, 天, 课时, or a count word (人, 个 …).")
    phrase: Text = Field(description="Verbatim from the clause, e.g. 分别给予1000元、1500元、2000元.")
    element: int | None = Field(None, ge=0, description="Which number of the phrase (0-based) when it holds several.")
    clause: str | None = Field(None, description="Clause path when not the rule's own clause.")
    document: str | None = Field(None, description="Policy stem when the phrase is in another document.")
    label: ShortText | None = None
    values: list[DatedValue] = Field(default_factory=list, description="Other values over time (optional).")

    @model_validator(mode="after")
    def _known_unit(self) -> Parameter:
        if self.unit not in PARAMETER_UNITS:
            raise ValueError(f"参数单位“{self.unit}”无法识别，可用：{'、'.join(PARAMETER_UNITS)}")
        return self


class Condition(Strict):
    """One test on an input: a numeric threshold (a parameter), a yes/no, or membership in options."""

    input: Name
    at_least: Name | None = Field(None, description="Parameter: value ≥ it (以上、满).")
    more_than: Name | None = Field(None, description="Parameter: value > it (超过).")
    at_most: Name | None = Field(None, description="Parameter: value ≤ it (以内、以下、不超过).")
    less_than: Name | None = Field(None, description="Parameter: value < it (不满、不足).")
    is_: bool | None = Field(None, alias="is", description="yes_no: the answer required.")
    in_: list[ShortText] | None = Field(None, alias="in", description="choice: the options that satisfy it.")
    phrase: Text | None = Field(None, description="Verbatim condition from the clause; the default display text.")
    text: Text | None = Field(None, description="Display text when not the phrase (or the threshold phrase).")

    @model_validator(mode="after")
    def _one_test(self) -> Condition:
        tests = [self.at_least, self.more_than, self.at_most, self.less_than, self.is_, self.in_]
        if sum(test is not None for test in tests) != 1:
            tests_named = "at_least/more_than/at_most/less_than/is/in"
            raise ValueError(f"条件（输入“{self.input}”）必须且只能有一种判断：{tests_named}")
        return self

    @property
    def threshold(self) -> str | None:
        return self.at_least or self.more_than or self.at_most or self.less_than


class Case(Strict):
    """A more specific outcome (e.g. 即将退役的军人 → not_eligible with its own explanation), tried in order."""

    when: list[Condition] = Field(min_length=1)
    status: Literal["eligible", "not_eligible"]
    summary: Text
    trace: list[Text] = Field(default_factory=list)


class Reference(Strict):
    """A further clause the result cites (e.g. the earlier document on the same point), verified like the rest."""

    document: str | None = Field(None, description="Policy stem; default: this rule's document.")
    clause: str
    phrases: list[Text] = Field(default_factory=list)
    quote: Text | None = None


class Note(Strict):
    text: Text
    when_missing: Name | None = Field(None, description="Shown only when this input was not given.")
    status: Literal["eligible", "not_eligible", "needs_info"] | None = Field(None, description="Only then.")


class Uplift(Strict):
    when: Name = Field(description="yes_no input that raises the standard.")
    parameter: Name = Field(description="Percent parameter (提高10%).")


class Alternative(Strict):
    when: Name = Field(description="yes_no input that switches to another cap.")
    cap: Name
    text: Text | None = None
    note: Text | None = None


class Upper(Strict):
    when: Name
    rate: Name


class Share(Strict):
    parameter: Name
    label: ShortText
    say: ShortText | None = None


class RateByCategory(Strict):
    """rate (by a choice: 初级/中级/高级) × count × periods (capped by max_periods), optional uplifts."""

    kind: Literal["rate_by_category"]
    category: Name | None = None
    rates: dict[str, Name] = Field(default_factory=dict, description="option → parameter.")
    rate: Name | None = Field(None, description="Parameter when there is no category.")
    count: Name | None = None
    periods: Name | None = None
    max_periods: Name | None = None
    max_total: Name | None = Field(None, description="The most the product may come to (总额最高不超过M元).")
    per: str = Field("", max_length=12, description="How the rate is given, e.g. 每人每年.")
    uplifts: list[Uplift] = Field(default_factory=list)


class CappedCost(Strict):
    """min(actual cost, cap); another cap when a yes_no input holds."""

    kind: Literal["capped_cost"]
    cost: Name
    cap: Name
    alternatives: list[Alternative] = Field(default_factory=list)


class PercentOfBase(Strict):
    """base × rate, clamped to floor/cap (per period, × periods when given); a higher permitted rate when a yes_no
    input holds; shares of the result."""

    kind: Literal["percent_of_base"]
    base: Name
    rate: Name
    floor: Name | None = None
    cap: Name | None = None
    upper: Upper | None = None
    shares: list[Share] = Field(default_factory=list)
    amount_label: ShortText = "金额"
    minimum: bool = Field(False, description="The rate is a floor (不低于): the result is the least amount.")
    periods: Name | None = Field(None, description="Input: periods the share is paid for, each clamped on its own "
                                 "(每人每月最高不超过M元 of a monthly sum).")
    per: str = Field("", max_length=12, description="The period the base and cap are given for, e.g. 每人每月.")


def spans_overlap(spans: Iterable[tuple[int, int | None]]) -> bool:
    """Two of the spans (first, last; last None: open-ended, 第3年起) share a period."""
    ordered = sorted(spans, key=lambda span: span[0])
    return any(last is None or last >= first for (_, last), (first, _) in itertools.pairwise(ordered))


class Step(Strict):
    """The share paid for periods ``first`` to ``last`` (open when None: 第3年起) of a schedule."""

    first: int = Field(ge=1)
    last: int | None = Field(None, ge=1)
    rate: Name = Field(description="Percent parameter (全额 = 100%, 50%, 三分之一).")

    @model_validator(mode="after")
    def _ordered(self) -> Step:
        if self.last is not None and self.last < self.first:
            raise ValueError(f"分段的起止期次有误：第{self.first}期至第{self.last}期")
        return self


class PercentByPeriod(Strict):
    """A share of the sum paid each period that changes with the period (第1年、第2年全额贴息，第3年贴息50%): the
    sum × each period's share, added over the periods; a period no step covers gets nothing."""

    kind: Literal["percent_by_period"]
    base: Name = Field(description="Money input: the sum paid in one period (每年支付的利息).")
    periods: Name = Field(description="Input: how many periods (贷款期限3年).")
    steps: list[Step] = Field(min_length=2)
    amount_label: ShortText = "金额"
    per: str = Field("", max_length=12, description="The period the base and steps are given for, e.g. 每年.")

    @model_validator(mode="after")
    def _apart(self) -> PercentByPeriod:
        if spans_overlap((step.first, step.last) for step in self.steps):
            raise ValueError("分段的期次不能重叠")
        return self


class DeductionCarryForward(Strict):
    """expense deductible up to base × rate this year; the excess carries forward."""

    kind: Literal["deduction_carry_forward"]
    base: Name
    expense: Name
    rate: Name
    limit_label: ShortText = "扣除限额"
    now_label: ShortText = "当年可扣除"
    later_label: ShortText = "结转以后年度"


class RangeGrant(Strict):
    """A grant between min and max (× count): a range, never a single figure."""

    kind: Literal["range_grant"]
    min: Name
    max: Name
    count: Name | None = None


class Checklist(Strict):
    """Eligibility: every condition must hold (cases give more specific outcomes)."""

    kind: Literal["checklist"]


Formula = Annotated[
    RateByCategory | CappedCost | PercentOfBase | PercentByPeriod | DeductionCarryForward | RangeGrant | Checklist,
    Field(discriminator="kind"),
]
FORMULA_KINDS = ("rate_by_category", "capped_cost", "percent_of_base", "percent_by_period", "deduction_carry_forward",
                 "range_grant", "checklist")


class Effective(Strict):
    from_: date | None = Field(None, alias="from", description="Default: the document's publish date.")
    to: date | None = None


class Rule(Strict):
    id: str = Field(pattern=RULE_ID)
    title: ShortText
    kind: Literal["amount", "eligibility"]
    point: ShortText = Field(description="The policy point in a few words (技能提升补贴), used in texts and routing.")
    description: Text = Field(description="One sentence for tools and forms; {parameter} placeholders allowed.")
    keywords: list[ShortText] = Field(min_length=1, description="Routing words and aliases.")
    region: str | None = Field(None, description="Optional; must equal the document's region when given.")
    clause: ShortText = Field(description="Clause path of the main clause, e.g. 三、（一）3.")
    quote: Text | None = Field(None, description="Quoted excerpt; default: the sentences holding the phrases.")
    phrases: list[Text] = Field(default_factory=list, description="Further verbatim phrases the rule rests on.")
    effective: Effective = Field(default_factory=Effective)
    inputs: list[InputSpec] = Field(default_factory=list)
    parameters: dict[Name, Parameter] = Field(default_factory=dict)
    conditions: list[Condition] = Field(default_factory=list)
    cases: list[Case] = Field(default_factory=list)
    formula: Formula
    see_also: list[Reference] = Field(default_factory=list)
    texts: dict[str, Text | list[Text]] = Field(default_factory=dict, description="Message templates by key.")
    notes: list[Text | Note] = Field(default_factory=list)

    @model_validator(mode="after")
    def _references(self) -> Rule:
        from assistant.rules.checks import check_rule_references

        check_rule_references(self)
        return self

    def input(self, name: str) -> InputSpec:
        return next(spec for spec in self.inputs if spec.name == name)


class RulesFile(Strict):
    """The whole file. ``status: draft`` files (from ``rules draft``) are checked but never loaded."""

    version: Literal[1] = 1
    status: Literal["active", "draft"] = "active"
    rules: list[Rule] = Field(min_length=1)


def json_schema() -> dict[str, Any]:
    schema = RulesFile.model_json_schema(by_alias=True)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "policy-assistant rules file (<stem>.rules.yaml)"
    return schema


def write_json_schema(path: Path = SCHEMA_FILE) -> None:
    path.write_text(json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    write_json_schema()
