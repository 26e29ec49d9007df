"""Chinese message templates of the formula kinds: generic defaults, overridable per rule (``texts:`` in YAML).

A template names values in braces — ``{cap}`` (a parameter, formatted with its unit), ``{actual_cost}`` (an input
as given, with its unit), ``{actual_cost_value}`` (the bare number), or a value the formula computes (``{amount}``).
Only ``{name}`` is substituted (no attribute access, no format specs): a rules file cannot reach into Python.
Numbers typed into a template must be numbers the clause states (checked at ingest, ``verify.py``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping

PLACEHOLDER = re.compile(r"\{([a-z][a-z0-9_]*)\}")

COMMON: dict[str, str | list[str]] = {
    "summary_needs_info": "计算{point}还需要：{missing}。",
    "trace_needs_info": ["还需确认：{missing}"],
    "summary_condition_failed": "{point}要求{condition}，您{value_say}，暂不符合条件。",
}
KIND_TEXTS: dict[str, dict[str, str | list[str]]] = {
    "capped_cost": {
        "cap_text": "补贴上限{cap}",
        "trace_no_cost": "未提供{cost_label}，只给出补贴上限",
        "summary_no_cost": "{region}{point}最高不超过{cap}，按{cost_label}在上限内核定。",
        "trace_compare": "{cost_label}{cost}{relation}上限{cap}",
        "trace_result": "补贴 = min({cost}, {cap}) = {amount}",
        "summary": "{cost_label}{cost}，补贴上限{cap}，可得{point}{amount}。",
    },
    "rate_by_category": {
        "trace_standard": "标准：{rates}",
        "component": "{option}{per}",
        "trace_rate": "{category}标准：{per}{rate}",
        "trace_product": "{product} = {amount}",
        "trace_periods_capped": "{periods_label}{periods}，按最长{max_periods}计",
        "trace_total_capped": "{product}超过总额上限{max_total}，按{max_total}计",
        "trace_uplift": "{uplift_yes}，标准提高{uplift}：{base} × {factor} = {raised}",
        "trace_no_uplift": "{uplift_no}，补贴为{amount}",
        "trace_uplift_unknown": "未说明是否{uplift_yes}，按基础标准计为{amount}",
        "note_uplift_unknown": "如{uplift_yes}，补贴标准可提高{uplift}，即{raised}。",
        "summary": "{category_say}{point}为{amount}。",
        "summary_uplifted": "{category_say}且{uplift_yes}，{point}为{amount}。",
    },
    "percent_of_base": {
        "trace_needs_info": ["比例：{base_label}的{rate}"],
        "trace_amount": "{amount_label}：{base} × {rate} = {amount}",
        "trace_floor": "低于下限{floor}，按下限计",
        "trace_cap": "超过上限{cap}，按上限计",
        "trace_periods": "{per_amount} × {periods} = {amount}",
        "trace_share": "{share_say}：{amount} × {share} = {share_amount}",
        "trace_upper": "{upper_yes}可按{upper_rate}：{base} × {upper_rate} = {upper}",
        "summary": "{base_label}{base}，{point}为{amount}。",
        "summary_share": "其中{share_label}{share_amount}。",
        "summary_upper": "{upper_yes}可按{upper_rate}计，即{upper}。",
        "note_upper_unknown": "{upper_yes}可按{upper_rate}的比例计。",
    },
    "percent_by_period": {
        "trace_needs_info": ["比例：{base_label}的{schedule}"],
        "trace_step": "{step}：{base} × {share}{times} = {part}",
        "trace_total": "合计：{parts} = {amount}",
        "note_uncovered": "{step}条款未规定{amount_label}比例，未计入。",
        "summary": "{base_label}{per}{base}，{periods}，{point}共{amount}。",
    },
    "deduction_carry_forward": {
        "trace_needs_info": ["{limit_label} = {base_label} × {rate}"],
        "trace_limit": "{limit_label}：{base} × {rate} = {limit}",
        "trace_now": "{now_label} = min({expense}, {limit}) = {deductible}",
        "trace_later": "{later_label} = {expense} − {deductible} = {carried}",
        "summary": "{expense_label}{expense}，当年可扣除{deductible}",
        "summary_carried": "，超过部分{carried}可在以后年度结转扣除。",
        "summary_nothing_carried": "，没有需要结转的部分。",
    },
    "range_grant": {
        "trace_standard": "标准：{min}至{max}",
        "trace_low": "下限：{min} × {count_value} = {low}",
        "trace_high": "上限：{max} × {count_value} = {high}",
        "summary": "{point}为{low}至{high}（具体数额未定）。",
    },
    "checklist": {
        "summary_needs_info": "还需确认以下条件才能判断：{pending}。",
        "trace_condition": "{condition}：{mark}",
        "trace_synonym": "“{said}”属于“{option}”",
        "question_unmatched": "“{said}”不在条款列举的{label}中，请确认您是否属于：{options}？",
        "summary_eligible": "符合{point}的条件。",
        "summary_not_eligible": "不符合{point}条件：{failed}这一条件未满足。",
    },
}
# Values every template may name besides parameters and inputs, by formula kind.
COMMON_VARS = {"point", "title", "region", "missing", "pending", "condition", "value_say"}
KIND_VARS: dict[str, set[str]] = {
    "capped_cost": {"cost", "cap", "amount", "relation", "cost_label", "yes"},
    "rate_by_category": {"rates", "option", "per", "category", "category_say", "rate", "product", "amount", "base",
                         "raised", "factor", "uplift", "uplift_yes", "uplift_no", "periods", "periods_label",
                         "max_periods", "max_total"},
    "percent_of_base": {"base", "base_label", "rate", "amount", "amount_label", "floor", "cap", "share", "share_say",
                        "share_label", "share_amount", "upper", "upper_rate", "upper_yes", "per_amount", "periods"},
    "percent_by_period": {"base", "base_label", "amount", "amount_label", "per", "schedule", "periods", "step", "share",
                          "times", "part", "parts"},
    "deduction_carry_forward": {"base", "base_label", "expense", "expense_label", "rate", "limit", "deductible",
                                "carried", "limit_label", "now_label", "later_label"},
    "range_grant": {"min", "max", "low", "high", "count_value"},
    "checklist": {"mark", "said", "option", "label", "options", "failed"},
}


def known_text_keys(kind: str) -> set[str]:
    return set(COMMON) | set(KIND_TEXTS.get(kind, {}))


def allowed_vars(kind: str, parameters: list[str], inputs: list[str]) -> set[str]:
    return COMMON_VARS | KIND_VARS.get(kind, set()) | set(parameters) | set(inputs) | {f"{n}_value" for n in inputs}


def placeholders(template: str) -> set[str]:
    return set(PLACEHOLDER.findall(template))


def render(template: str, values: Mapping[str, object]) -> str:
    """Substitute ``{name}``; a name without a value renders empty (templates are checked at load time)."""
    return PLACEHOLDER.sub(lambda match: str(values.get(match.group(1), "") or ""), template)


def strip_placeholders(template: str) -> str:
    return PLACEHOLDER.sub(" ", template)


class Texts:
    """The templates of one rule: its own ``texts`` over the kind's defaults over the common ones."""

    def __init__(self, kind: str, overrides: Mapping[str, str | list[str]]) -> None:
        self.kind = kind
        self.overrides = overrides

    def template(self, key: str) -> str | list[str]:
        if key in self.overrides:
            return self.overrides[key]
        return KIND_TEXTS.get(self.kind, {}).get(key, COMMON.get(key, ""))

    def line(self, key: str, values: Mapping[str, object]) -> str:
        template = self.template(key)
        return render("".join(template) if isinstance(template, list) else template, values)

    def lines(self, key: str, values: Mapping[str, object]) -> list[str]:
        template = self.template(key)
        return [render(item, values) for item in ([template] if isinstance(template, str) else template)]
