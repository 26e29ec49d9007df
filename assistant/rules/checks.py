"""Consistency of one rule with itself: every name a formula, condition or note uses exists and has the right type.

Runs as the ``Rule`` model's validator, so ``rules check`` and ingest report these with the rule's id; checks
against the policy text (clause, phrases, values) are in ``verify.py``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from assistant.rules.schema import Condition, Rule

MONEY_UNITS = ("元",)
PERCENT_UNITS = ("%",)


class _Problems:
    def __init__(self, rule: Rule) -> None:
        self.rule = rule
        self.items: list[str] = []
        self.types = {spec.name: spec.type for spec in rule.inputs}

    def input(self, name: str | None, *types: str, role: str) -> None:
        if name is None:
            return
        if name not in self.types:
            self.items.append(f"{role}引用的输入“{name}”未在 inputs 中定义")
        elif types and self.types[name] not in types:
            self.items.append(f"{role}引用的输入“{name}”应为 {'/'.join(types)} 类型，实际是 {self.types[name]}")

    def parameter(self, name: str | None, units: tuple[str, ...] = (), *, role: str) -> None:
        if name is None:
            return
        parameter = self.rule.parameters.get(name)
        if parameter is None:
            self.items.append(f"{role}引用的参数“{name}”未在 parameters 中定义")
        elif units and parameter.unit not in units:
            self.items.append(f"{role}引用的参数“{name}”单位应为{'/'.join(units)}，实际是“{parameter.unit}”")

    def condition(self, condition: Condition, role: str) -> None:
        if condition.threshold is not None:
            self.input(condition.input, "money", "months", "count", "years", "percent", role=role)
            self.parameter(condition.threshold, role=role)
        elif condition.is_ is not None:
            self.input(condition.input, "yes_no", role=role)
        else:
            self.input(condition.input, "choice", role=role)
            if condition.input in self.types and self.types[condition.input] == "choice":
                known = {option.value for option in self.rule.input(condition.input).options}
                unknown = [value for value in condition.in_ or [] if value not in known]
                if unknown:
                    self.items.append(f"{role}的取值“{'、'.join(unknown)}”不在输入“{condition.input}”的选项中")


def _formula(problems: _Problems, rule: Rule) -> None:
    formula = rule.formula
    role = f"计算方式 {formula.kind} "
    if formula.kind == "rate_by_category":
        if (formula.category is None) == (formula.rate is None):
            problems.items.append(f"{role}须二选一：category（按类别取标准）或 rate（单一标准）")
        problems.input(formula.category, "choice", role=role)
        problems.parameter(formula.rate, MONEY_UNITS, role=role)
        for parameter in formula.rates.values():
            problems.parameter(parameter, MONEY_UNITS, role=role)
        if formula.category in problems.types and problems.types[formula.category] == "choice":
            options = {option.value for option in rule.input(formula.category).options}
            if set(formula.rates) != options:
                problems.items.append(f"{role}的 rates 应为输入“{formula.category}”的每个选项各给一个标准")
        problems.input(formula.count, "count", role=role)
        problems.input(formula.periods, "months", "years", "count", role=role)
        problems.parameter(formula.max_periods, role=role)
        problems.parameter(formula.max_total, MONEY_UNITS, role=role)
        for uplift in formula.uplifts:
            problems.input(uplift.when, "yes_no", role=role)
            problems.parameter(uplift.parameter, PERCENT_UNITS, role=role)
    elif formula.kind == "capped_cost":
        problems.input(formula.cost, "money", role=role)
        problems.parameter(formula.cap, MONEY_UNITS, role=role)
        for alternative in formula.alternatives:
            problems.input(alternative.when, "yes_no", role=role)
            problems.parameter(alternative.cap, MONEY_UNITS, role=role)
    elif formula.kind == "percent_of_base":
        problems.input(formula.base, "money", role=role)
        problems.parameter(formula.rate, PERCENT_UNITS, role=role)
        problems.parameter(formula.floor, MONEY_UNITS, role=role)
        problems.parameter(formula.cap, MONEY_UNITS, role=role)
        problems.input(formula.periods, "months", "years", "count", role=role)
        if formula.upper is not None:
            problems.input(formula.upper.when, "yes_no", role=role)
            problems.parameter(formula.upper.rate, PERCENT_UNITS, role=role)
        for share in formula.shares:
            problems.parameter(share.parameter, PERCENT_UNITS, role=role)
    elif formula.kind == "percent_by_period":
        problems.input(formula.base, "money", role=role)
        problems.input(formula.periods, "months", "years", "count", role=role)
        for step in formula.steps:
            problems.parameter(step.rate, PERCENT_UNITS, role=role)
    elif formula.kind == "deduction_carry_forward":
        problems.input(formula.base, "money", role=role)
        problems.input(formula.expense, "money", role=role)
        problems.parameter(formula.rate, PERCENT_UNITS, role=role)
    elif formula.kind == "range_grant":
        problems.parameter(formula.min, MONEY_UNITS, role=role)
        problems.parameter(formula.max, MONEY_UNITS, role=role)
        problems.input(formula.count, "count", role=role)
        low, high = rule.parameters.get(formula.min), rule.parameters.get(formula.max)
        if low is not None and high is not None and low.value > high.value:
            problems.items.append(f"{role}的下限大于上限")


def check_rule_references(rule: Rule) -> None:
    """Raise ``ValueError`` (Chinese, every problem of the rule) when a name is missing or mistyped."""
    from assistant.rules.texts import known_text_keys

    problems = _Problems(rule)
    names = [spec.name for spec in rule.inputs]
    duplicates = sorted({name for name in names if names.count(name) > 1})
    if duplicates:
        problems.items.append(f"输入名称重复：{'、'.join(duplicates)}")
    if (rule.kind == "eligibility") != (rule.formula.kind == "checklist"):
        problems.items.append("kind 为 eligibility 的规则须使用 checklist；金额规则不能使用 checklist")
    if rule.formula.kind == "checklist" and not rule.conditions:
        problems.items.append("checklist 须至少有一个条件（conditions）")
    _formula(problems, rule)
    for index, condition in enumerate(rule.conditions, start=1):
        problems.condition(condition, f"第{index}个条件")
    for index, case in enumerate(rule.cases, start=1):
        for condition in case.when:
            problems.condition(condition, f"第{index}个情形（cases）")
    for note in rule.notes:
        if not isinstance(note, str):
            problems.input(note.when_missing, role="备注（notes）")
    for spec in rule.inputs:
        if spec.as_of and spec.type != "date":
            problems.items.append(f"输入“{spec.name}”设置了 as_of 但不是 date 类型")
    unknown = sorted(set(rule.texts) - known_text_keys(rule.formula.kind))
    if unknown:
        allowed = "、".join(sorted(known_text_keys(rule.formula.kind)))
        problems.items.append(f"texts 中有未知的键：{'、'.join(unknown)}（可用：{allowed}）")
    if problems.items:
        raise ValueError("；".join(problems.items))
