"""The generic formula kinds, written once: every bundled and user-added amount rule is one of these.

- ``rate_by_category``: a rate (by a choice such as 初级/中级/高级, or a single rate) × count × periods (capped by a
  longest period), optionally raised by a percentage when a yes/no fact holds (提高10%);
- ``capped_cost``: min(actual cost, cap), another cap when a yes/no fact holds (紧缺急需职业 2500元);
- ``percent_of_base``: base × rate, clamped to a floor/cap, a higher permitted rate when a yes/no fact holds,
  shares of the result (其中60%以上…);
- ``percent_by_period``: a share of the sum paid each period that changes with the period (第1年、第2年全额贴息，
  第3年贴息50%), added over the periods;
- ``deduction_carry_forward``: deductible this year up to base × rate, the excess carried forward;
- ``range_grant``: min–max (× count): a range, never one figure.
The eligibility kind (``checklist``) lives in ``evaluate.py``. Money is exact to the fen.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from assistant.rules.evaluate import Run, checklist, format_input, gates
from assistant.rules.results import CalculationResult, money, percent, plain_number, yuan
from assistant.rules.schema import (
    CappedCost,
    DeductionCarryForward,
    PercentByPeriod,
    PercentOfBase,
    RangeGrant,
    RateByCategory,
)
from assistant.rules.texts import render


def _yes(run: Run, name: str) -> str:
    spec = run.specs[name]
    return spec.yes_text or spec.label


def _no(run: Run, name: str) -> str:
    spec = run.specs[name]
    return spec.no_text or f"非{spec.yes_text or spec.label}"


def capped_cost(run: Run, unknown: list[str], met: list[str]) -> CalculationResult:
    formula: CappedCost = run.rule.formula  # type: ignore[assignment]
    chosen = next((a for a in formula.alternatives if run.facts.get(a.when) is True), None)
    cap = money(run.param(chosen.cap if chosen else formula.cap))
    values = run.values(cap=yuan(cap), cost_label=run.specs[formula.cost].label)
    if chosen is not None:
        cap_line = render(chosen.text or "{yes}：最高不超过{cap}", {**values, "yes": _yes(run, chosen.when)})
    else:
        cap_line = run.texts.line("cap_text", values)
    notes = []
    for alternative in formula.alternatives:
        if run.facts.get(alternative.when) is None:
            words = run.values(cap=run.shown(alternative.cap), yes=_yes(run, alternative.when))
            notes.append(render(alternative.note or "如{yes}，补贴上限为{cap}。", words))
    trace = [*met, cap_line]
    if unknown:
        return run.needs_info(unknown, trace=[*trace, *run.texts.lines("trace_needs_info", run.values(
            missing="、".join(run.specs[n].label for n in run.missing(unknown))))], notes=notes)
    cost = run.facts.get(formula.cost)
    if cost is None:
        return run.result("eligible", amount_max=cap, trace=[*trace, run.texts.line("trace_no_cost", values)],
                          summary=run.texts.line("summary_no_cost", values), notes=notes)
    cost = money(cost)
    amount = min(cost, cap)
    relation = "低于" if cost < cap else ("等于" if cost == cap else "高于")
    values.update(cost=yuan(cost), amount=yuan(amount), relation=relation)
    trace += [run.texts.line("trace_compare", values), run.texts.line("trace_result", values)]
    return run.result("eligible", amount=amount, amount_max=cap, trace=trace,
                      summary=run.texts.line("summary", values), notes=notes)


def rate_by_category(run: Run, unknown: list[str], met: list[str]) -> CalculationResult:
    formula: RateByCategory = run.rule.formula  # type: ignore[assignment]
    category = run.facts.get(formula.category) if formula.category else None
    per = formula.per
    rates = {option: money(run.param(name)) for option, name in formula.rates.items()}
    values = run.values(per=per, rates="，".join(f"{o}{per}{yuan(r)}" for o, r in rates.items()))
    needed = [*unknown, *(n for n in (formula.category, formula.count, formula.periods) if n)]
    if run.missing(needed):
        components = {run.texts.line("component", {**values, "option": o}): r for o, r in rates.items()}
        if category is not None:
            head = [run.texts.line("trace_rate", {**values, "category": category, "rate": yuan(rates[category])})]
        else:
            head = [run.texts.line("trace_standard", values)] if rates else []
        missing = "、".join(run.specs[n].label for n in run.missing(needed))
        lines = run.texts.lines("trace_needs_info", run.values(missing=missing))
        return run.needs_info(needed, trace=[*met, *head, *lines], components=components)
    rate = rates[category] if category is not None else money(run.param(formula.rate or ""))
    factors: list[str] = []
    product = rate
    trace = [*met, run.texts.line("trace_rate", {**values, "category": category or "", "rate": yuan(rate)})]
    for name in (formula.count, formula.periods):
        if not name:
            continue
        amount_of = Decimal(run.facts[name])
        if name == formula.periods and formula.max_periods and amount_of > run.param(formula.max_periods):
            longest = run.param(formula.max_periods)
            trace.append(run.texts.line("trace_periods_capped", {**values, "periods_label": run.specs[name].label,
                                        "periods": format_input(run.specs[name], amount_of),
                                        "max_periods": run.shown(formula.max_periods)}))
            amount_of = longest
        product *= amount_of
        factors.append(f"{plain_number(amount_of)}{run.specs[name].display_unit}")
    base = money(product)
    if factors:
        trace.append(run.texts.line("trace_product", {"product": " × ".join([yuan(rate), *factors]),
                                                        "amount": yuan(base)}))
    if formula.max_total and base > run.param(formula.max_total):  # 每人不超过N元，总额最高不超过M元
        trace.append(run.texts.line("trace_total_capped", {"product": yuan(base),
                                                            "max_total": run.shown(formula.max_total)}))
        base = money(run.param(formula.max_total))
    components = {f"{per}标准" if per else "基础标准": rate}
    category_say = run.say(formula.category) if formula.category else ""
    amount, amount_max, notes = base, None, []
    summary_key = "summary"
    for uplift in formula.uplifts:
        flag = run.facts.get(uplift.when)
        factor = 1 + run.rate(uplift.parameter)
        raised = money(amount * factor)
        words = {**values, "uplift_yes": _yes(run, uplift.when), "uplift_no": _no(run, uplift.when),
                 "uplift": run.shown(uplift.parameter), "base": yuan(amount), "factor": plain_number(factor),
                 "raised": yuan(raised)}
        if flag:
            trace.append(run.texts.line("trace_uplift", words))
            amount, summary_key = raised, "summary_uplifted"
            values["uplift_yes"] = words["uplift_yes"]
        else:
            words["amount"] = yuan(amount)
            trace.append(run.texts.line("trace_no_uplift" if flag is False else "trace_uplift_unknown", words))
            if flag is None:
                notes.append(run.texts.line("note_uplift_unknown", words))
                amount_max = raised
    summary = run.texts.line(summary_key, {**values, "category": category or "", "category_say": category_say,
                                           "rate": yuan(rate), "amount": yuan(amount)})
    return run.result("eligible", amount=amount, amount_max=amount_max, components=components, trace=trace,
                      summary=summary, notes=notes)


def percent_of_base(run: Run, unknown: list[str], met: list[str]) -> CalculationResult:
    formula: PercentOfBase = run.rule.formula  # type: ignore[assignment]
    base_label = run.specs[formula.base].label
    values = run.values(base_label=base_label, amount_label=formula.amount_label, rate=run.shown(formula.rate))
    notes: list[str] = []
    upper = formula.upper
    upper_words = {}
    if upper is not None:
        upper_words = {"upper_yes": _yes(run, upper.when), "upper_rate": run.shown(upper.rate)}
        if run.facts.get(upper.when) is None:
            notes.append(run.texts.line("note_upper_unknown", {**values, **upper_words}))
    needed = [*unknown, formula.base, *([formula.periods] if formula.periods else [])]
    if run.missing(needed):
        return run.needs_info(needed, trace=[*met, *run.texts.lines("trace_needs_info", values)], notes=notes)
    base = money(run.facts[formula.base])
    amount = money(base * run.rate(formula.rate))
    values.update(base=yuan(base), amount=yuan(amount))
    trace = [*met, run.texts.line("trace_amount", values)]
    if formula.floor and amount < money(run.param(formula.floor)):
        amount = money(run.param(formula.floor))
        trace.append(run.texts.line("trace_floor", {**values, "floor": yuan(amount)}))
    if formula.cap and amount > money(run.param(formula.cap)):
        amount = money(run.param(formula.cap))
        trace.append(run.texts.line("trace_cap", {**values, "cap": yuan(amount)}))
    periods = Decimal(run.facts[formula.periods]) if formula.periods else None
    if periods is not None and periods != 1:  # 每人每月最高不超过M元 of a monthly sum: each period clamped, then all
        per_amount, amount = amount, money(amount * periods)
        said = format_input(run.specs[formula.periods], periods)
        trace.append(run.texts.line("trace_periods", {**values, "per_amount": yuan(per_amount),
                                                       "amount": yuan(amount), "periods": said}))
    values["amount"] = yuan(amount)
    components = {f"{formula.amount_label}（{run.shown(formula.rate)}）": amount}
    summary_extra: list[str] = []
    first_share = ""
    for share in formula.shares:
        share_amount = money(amount * run.rate(share.parameter))
        words = {**values, "share": run.shown(share.parameter), "share_label": share.label,
                 "share_say": share.say or share.label, "share_amount": yuan(share_amount)}
        first_share = first_share or yuan(share_amount)
        components[f"{share.label}（{run.shown(share.parameter)}）"] = share_amount
        trace.append(run.texts.line("trace_share", words))
        summary_extra.append(run.texts.line("summary_share", words))
    upper_amount = None
    if upper is not None and run.facts.get(upper.when):
        upper_amount = money(base * run.rate(upper.rate) * (periods or 1))
        words = {**values, **upper_words, "upper": yuan(upper_amount)}
        components[f"{upper_words['upper_yes']}（{upper_words['upper_rate']}）"] = upper_amount
        for share in formula.shares:
            label = f"按{upper_words['upper_rate']}计算时{share.label}（{run.shown(share.parameter)}）"
            components[label] = money(upper_amount * run.rate(share.parameter))
        trace.append(run.texts.line("trace_upper", words))
        summary_extra.append(run.texts.line("summary_upper", words))
    summary = run.texts.line("summary", {**values, "share_amount": first_share}) + "".join(summary_extra)
    return run.result("eligible", amount=amount, amount_min=amount if formula.minimum else None,
                      amount_max=upper_amount, components=components, trace=trace, summary=summary, notes=notes)


def _periods_named(first: int, last: int | None, unit: str) -> str:
    """第1年, 第1—2年, 第3年起."""
    if last is None:
        return f"第{first}{unit}起"
    return f"第{first}{unit}" if last == first else f"第{first}—{last}{unit}"


def percent_by_period(run: Run, unknown: list[str], met: list[str]) -> CalculationResult:
    formula: PercentByPeriod = run.rule.formula  # type: ignore[assignment]
    spec = run.specs[formula.periods]
    unit = spec.display_unit.removeprefix("个") or "期"
    steps = sorted(formula.steps, key=lambda step: step.first)
    schedule = "，".join(f"{_periods_named(s.first, s.last, unit)}{run.shown(s.rate)}" for s in steps)
    values = run.values(base_label=run.specs[formula.base].label, amount_label=formula.amount_label,
                        per=formula.per, schedule=schedule)
    needed = [*unknown, formula.base, formula.periods]
    if run.missing(needed):
        return run.needs_info(needed, trace=[*met, *run.texts.lines("trace_needs_info", values)])
    base = money(run.facts[formula.base])
    periods = int(Decimal(run.facts[formula.periods]))
    values.update(base=yuan(base), periods=format_input(spec, periods))
    trace, parts, components = list(met), [], {}
    for step in steps:
        last = periods if step.last is None else min(step.last, periods)
        if last < step.first:
            continue
        count = last - step.first + 1
        part = money(base * run.rate(step.rate) * count)
        named = _periods_named(step.first, last, unit)
        times = f" × {count}{spec.display_unit}" if count > 1 else ""
        trace.append(run.texts.line("trace_step", {**values, "step": named, "share": run.shown(step.rate),
                                                    "times": times, "part": yuan(part)}))
        components[f"{named}（{run.shown(step.rate)}）"] = part
        parts.append(part)
    covered = max((s.last if s.last is not None else periods) for s in steps)
    notes = []
    if periods > covered:  # 第4年 when the schedule ends with 第3年: the clause pays nothing for it
        notes.append(run.texts.line("note_uncovered", {**values, "step": _periods_named(covered + 1, None, unit)}))
    amount = money(sum(parts, Decimal(0)))
    values["amount"] = yuan(amount)
    if len(parts) > 1:
        trace.append(run.texts.line("trace_total", {**values, "parts": " + ".join(yuan(p) for p in parts)}))
    return run.result("eligible", amount=amount, components=components, trace=trace,
                      summary=run.texts.line("summary", values), notes=notes)


def deduction_carry_forward(run: Run, unknown: list[str], met: list[str]) -> CalculationResult:
    formula: DeductionCarryForward = run.rule.formula  # type: ignore[assignment]
    values = run.values(base_label=run.specs[formula.base].label, expense_label=run.specs[formula.expense].label,
                        rate=run.shown(formula.rate), limit_label=formula.limit_label,
                        now_label=formula.now_label, later_label=formula.later_label)
    needed = [*unknown, formula.base, formula.expense]
    if run.missing(needed):
        return run.needs_info(needed, trace=[*met, *run.texts.lines("trace_needs_info", values)])
    base, expense = money(run.facts[formula.base]), money(run.facts[formula.expense])
    limit = money(base * run.rate(formula.rate))
    deductible = min(expense, limit)
    carried = expense - deductible
    values.update(base=yuan(base), expense=yuan(expense), limit=yuan(limit), deductible=yuan(deductible),
                  carried=yuan(carried))
    trace = [*met, *(run.texts.line(key, values) for key in ("trace_limit", "trace_now", "trace_later"))]
    summary = run.texts.line("summary", values) + run.texts.line(
        "summary_carried" if carried else "summary_nothing_carried", values)
    components = {formula.limit_label: limit, formula.now_label: deductible, formula.later_label: carried}
    return run.result("eligible", amount=deductible, amount_max=limit, components=components, trace=trace,
                      summary=summary)


def range_grant(run: Run, unknown: list[str], met: list[str]) -> CalculationResult:
    formula: RangeGrant = run.rule.formula  # type: ignore[assignment]
    if run.missing(unknown):
        return run.needs_info(unknown, trace=met)
    count = Decimal(run.facts.get(formula.count) or 1) if formula.count else Decimal(1)
    low, high = money(run.param(formula.min) * count), money(run.param(formula.max) * count)
    values = run.values(min=run.shown(formula.min), max=run.shown(formula.max), low=yuan(low), high=yuan(high),
                        count_value=plain_number(count))
    trace = [*met, *(run.texts.line(key, values) for key in ("trace_standard", "trace_low", "trace_high"))]
    return run.result("eligible", amount_min=low, amount_max=high, trace=trace,
                      summary=run.texts.line("summary", values))


AMOUNT_KINDS: dict[str, Callable[[Run, list[str], list[str]], CalculationResult]] = {
    "capped_cost": capped_cost,
    "rate_by_category": rate_by_category,
    "percent_of_base": percent_of_base,
    "percent_by_period": percent_by_period,
    "deduction_carry_forward": deduction_carry_forward,
    "range_grant": range_grant,
}


def evaluate(run: Run) -> CalculationResult:
    """Run one rule on its facts (already parsed and checked)."""
    if run.rule.formula.kind == "checklist":
        return checklist(run)
    decided, unknown, met = gates(run)
    if decided is not None:
        return decided
    return AMOUNT_KINDS[run.rule.formula.kind](run, unknown, met)


__all__ = ["AMOUNT_KINDS", "evaluate", "percent"]
