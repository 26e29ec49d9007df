"""Running one verified rule on parsed facts: conditions, the checklist kind, and the shared run context.

Order of decisions (the same for every rule):
1. a condition that fails decides ``not_eligible`` at once — unless a more specific case applies or may apply;
2. facts still missing give ``needs_info`` with the exact questions, in the order the inputs are declared;
3. otherwise the formula kind computes the amount (``formulas.py``) or the checklist gives ``eligible``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from assistant.rules.results import CalculationResult, MissingFact, money, plain_number, yuan
from assistant.rules.schema import Case, Condition, InputSpec, Note, Rule
from assistant.rules.texts import Texts, render
from assistant.rules.verify import VerifiedRule
from ingest.quantities import percent_text

MARKS = {True: "满足", False: "不满足", None: "未知"}


def format_parameter(value: Decimal, unit: str) -> str:
    if unit == "%":
        return percent_text(value)
    return yuan(value) if unit == "元" else f"{plain_number(value)}{unit}"


def format_input(spec: InputSpec, value: Any) -> str:
    if value is None:
        return ""
    if spec.type == "yes_no":
        return "是" if value else "否"
    if spec.type in ("choice", "date"):
        return str(value)
    if spec.type == "money":
        return yuan(value)
    return f"{plain_number(Decimal(value))}{spec.display_unit}"


@dataclass
class Run:
    """One evaluation of one rule: its facts, the date its parameters are read for, its texts."""

    verified: VerifiedRule
    facts: dict[str, Any]
    on: date
    notes: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.rule: Rule = self.verified.rule
        self.texts = Texts(self.rule.formula.kind, self.rule.texts)
        self.specs = {spec.name: spec for spec in self.rule.inputs}

    # ------------------------------------------------------------------ values

    def param(self, name: str) -> Decimal:
        """The parameter's value in force on ``self.on`` (dated values override the base value from their date)."""
        parameter = self.rule.parameters[name]
        current = parameter.value
        for dated in sorted(parameter.values, key=lambda d: d.from_):
            if dated.from_ <= self.on and (dated.to is None or self.on <= dated.to):
                current = dated.value
        return current

    def shown(self, name: str) -> str:
        return format_parameter(self.param(name), self.rule.parameters[name].unit)

    def rate(self, name: str) -> Decimal:
        """A percent parameter as a fraction (8% → 0.08)."""
        return self.param(name) / 100

    def say(self, name: str) -> str:
        """How the given value reads in a sentence: 累计缴纳失业保险费15个月 / 中级证书."""
        spec, value = self.specs[name], self.facts.get(name)
        if spec.say:
            return render(spec.say, {"value": format_input(spec, value).removesuffix(spec.display_unit)
                                     if spec.type not in ("choice", "yes_no", "date") else format_input(spec, value)})
        return f"{spec.label}{format_input(spec, value)}"

    def values(self, **extra: object) -> dict[str, object]:
        """Everything a template may name (parameters, inputs, common words) plus ``extra``."""
        found: dict[str, object] = {"point": self.rule.point, "title": self.rule.title,
                                    "region": self.verified.document.region}
        for name, parameter in self.rule.parameters.items():
            found[name] = format_parameter(self.param(name), parameter.unit)
        for name, spec in self.specs.items():
            value = self.facts.get(name)
            found[name] = format_input(spec, value)
            found[f"{name}_value"] = plain_number(Decimal(value)) if isinstance(value, int | Decimal) and not \
                isinstance(value, bool) else format_input(spec, value)
        found.update(extra)
        return found

    def missing(self, names: list[str]) -> list[str]:
        """Input names not given, in declaration order, without repeats."""
        wanted = set(names)
        return [spec.name for spec in self.rule.inputs if spec.name in wanted and self.facts.get(spec.name) is None]

    # ------------------------------------------------------------------ conditions

    def threshold(self, condition: Condition) -> Decimal:
        """The condition's parameter in the unit of its input (3年 for a months input → 36)."""
        parameter = self.rule.parameters[condition.threshold or ""]
        value, spec = self.param(condition.threshold or ""), self.specs[condition.input]
        if parameter.unit == "年" and spec.type == "months":
            return value * 12
        if parameter.unit == "个月" and spec.type == "years":
            return value / 12
        return value

    def threshold_shown(self, condition: Condition) -> str:
        spec = self.specs[condition.input]
        value = self.threshold(condition)
        return yuan(value) if spec.type == "money" else f"{plain_number(value)}{spec.display_unit}"

    def unmatched(self, condition: Condition) -> bool:
        """A choice value that names no option (kept as typed when the input asks instead of rejecting)."""
        spec, value = self.specs[condition.input], self.facts.get(condition.input)
        return spec.type == "choice" and value is not None and value not in {o.value for o in spec.options}

    def check(self, condition: Condition) -> bool | None:
        value = self.facts.get(condition.input)
        if value is None or self.unmatched(condition):
            return None
        if condition.threshold is not None:
            limit = self.threshold(condition)
            if condition.at_least:
                return value >= limit
            if condition.more_than:
                return value > limit
            if condition.at_most:
                return value <= limit
            return value < limit
        if condition.is_ is not None:
            return value is condition.is_
        return value in (condition.in_ or [])

    def condition_text(self, condition: Condition) -> str:
        if condition.text:
            return render(condition.text, self.values())
        if condition.phrase:
            return condition.phrase
        spec = self.specs[condition.input]
        if condition.is_ is not None:
            return (spec.yes_text or f"{spec.label}：是") if condition.is_ else (spec.no_text or f"{spec.label}：否")
        if condition.in_ is not None:
            return f"{spec.label}为{'、'.join(condition.in_)}之一"
        words = {"at_least": "不少于", "more_than": "超过", "at_most": "不超过", "less_than": "少于"}
        word = next(w for key, w in words.items() if getattr(condition, key))
        return f"{spec.label}{word}{self.threshold_shown(condition)}"

    def gate_line(self, condition: Condition, met: bool) -> str:
        """A condition of an amount rule in the trace: 累计缴纳失业保险费15个月，满足12个月以上的要求."""
        if condition.threshold is None:
            return f"{self.condition_text(condition)}：{MARKS[met]}"
        say, limit = self.say(condition.input), self.threshold_shown(condition)
        lines = {
            "at_least": (f"{say}，满足{limit}以上的要求", f"{say}，少于要求的{limit}"),
            "more_than": (f"{say}，超过{limit}", f"{say}，未超过要求的{limit}"),
            "at_most": (f"{say}，未超过{limit}", f"{say}，超过规定的{limit}"),
            "less_than": (f"{say}，不满{limit}", f"{say}，已达到{limit}"),
        }
        key = next(k for k in lines if getattr(condition, k))
        return lines[key][0 if met else 1]

    # ------------------------------------------------------------------ results

    def result(self, status: str, **fields: Any) -> CalculationResult:
        notes = [*self._static_notes(status), *self.notes, *fields.pop("notes", [])]
        return CalculationResult(
            name=self.rule.id, title=self.rule.title, region=self.verified.document.region, kind=self.rule.kind,
            doc_id=self.verified.document.doc_id, status=status, sources=list(self.verified.sources), notes=notes,
            **fields,
        )

    def _static_notes(self, status: str) -> list[str]:
        shown: list[str] = []
        for note in self.rule.notes:
            if isinstance(note, str):
                shown.append(render(note, self.values()))
            elif self._note_applies(note, status):
                shown.append(render(note.text, self.values()))
        return shown

    def _note_applies(self, note: Note, status: str) -> bool:
        if note.status is not None and note.status != status:
            return False
        return note.when_missing is None or self.facts.get(note.when_missing) is None

    def needs_info(self, names: list[str], *, trace: list[str], summary: str | None = None,
                   **fields: Any) -> CalculationResult:
        asked = self.missing(names)
        labels = "、".join(self.specs[name].label for name in asked)
        text = summary or self.texts.line("summary_needs_info", self.values(missing=labels, pending=labels))
        missing = [MissingFact(field=name, question=self.specs[name].question) for name in asked]
        return self.result("needs_info", missing=missing, trace=trace, summary=text, **fields)

    def failed_gate(self, condition: Condition) -> CalculationResult:
        summary = self.texts.line("summary_condition_failed", self.values(
            condition=self.condition_text(condition), value_say=self.say(condition.input)))
        return self.result("not_eligible", amount=money(0), trace=[self.gate_line(condition, False)],
                           summary=summary)


def _case_result(run: Run, case: Case, trace: list[str]) -> CalculationResult:
    values = run.values()
    lines = [render(line, values) for line in case.trace] or trace
    return run.result(case.status, trace=lines, summary=render(case.summary, values))


def _undetermined(run: Run, cases: list[Case]) -> Case | None:
    """The first case that may still apply: none of its conditions fails, some are unknown."""
    for case in cases:
        states = [run.check(c) for c in case.when]
        if False not in states and None in states:
            return case
    return None


def _decided_case(run: Run) -> Case | None:
    return next((case for case in run.rule.cases if all(run.check(c) is True for c in case.when)), None)


def gates(run: Run) -> tuple[CalculationResult | None, list[str], list[str]]:
    """An amount rule's conditions: (a decided result or None, names still unknown, trace lines of met ones)."""
    states = [(condition, run.check(condition)) for condition in run.rule.conditions]
    failed = [condition for condition, state in states if state is False]
    if failed:
        case = _decided_case(run)
        if case is not None:
            return _case_result(run, case, []), [], []
        return run.failed_gate(failed[0]), [], []
    unknown = [condition.input for condition, state in states if state is None]
    met = [run.gate_line(condition, True) for condition, state in states if state]
    return None, unknown, met


def checklist(run: Run) -> CalculationResult:
    """Eligibility: every condition must hold; a failed one decides, unless a specific case may still apply."""
    rule = run.rule
    states = [(condition, run.check(condition)) for condition in rule.conditions]
    trace = _synonym_lines(run)
    trace += [run.texts.line("trace_condition", run.values(condition=run.condition_text(c), mark=MARKS[s]))
              for c, s in states]
    if all(state is True for _, state in states):
        return run.result("eligible", trace=trace, summary=run.texts.line("summary_eligible", run.values()))
    case = _decided_case(run)
    if case is not None:
        return _case_result(run, case, trace)
    failed = [condition for condition, state in states if state is False]
    if failed:
        pending_case = _undetermined(run, rule.cases)
        if pending_case is not None:
            names = [c.input for c in pending_case.when if run.check(c) is None]
            return run.needs_info(names, trace=trace)
        text = "、".join(run.condition_text(c) for c in failed)
        return run.result("not_eligible", trace=trace,
                          summary=run.texts.line("summary_not_eligible", run.values(failed=text)))
    unmatched = next((c for c, _ in states if run.unmatched(c)), None)
    if unmatched is not None:
        return _ask_which_option(run, unmatched, trace)
    unknown = [c for c, state in states if state is None]
    pending = "、".join(run.condition_text(c) for c in unknown)
    names = [c.input for c in unknown]
    summary = run.texts.line("summary_needs_info", run.values(
        pending=pending, missing="、".join(run.specs[n].label for n in run.missing(names))))
    return run.needs_info(names, trace=trace, summary=summary)


def _synonym_lines(run: Run) -> list[str]:
    """“农民工”属于“农村转移就业劳动者”: how a choice typed in the person's words was read."""
    lines = []
    for spec in run.rule.inputs:
        said = run.facts.get(f"_said_{spec.name}")
        value = run.facts.get(spec.name)
        if spec.type == "choice" and said and value and said != value and value in {o.value for o in spec.options}:
            lines.append(run.texts.line("trace_synonym", run.values(said=said, option=value)))
    return lines


def _ask_which_option(run: Run, condition: Condition, trace: list[str]) -> CalculationResult:
    spec = run.specs[condition.input]
    listed = [o.value for o in spec.options if o.value in (condition.in_ or [])]
    question = run.texts.line("question_unmatched", run.values(
        said=run.facts.get(condition.input), label=spec.label, options="、".join(listed)))
    return run.result("needs_info", missing=[MissingFact(field=spec.name, question=question)],
                      trace=[*trace, f"“{run.facts.get(condition.input)}”无法对应到条款列举的{spec.label}"],
                      summary=question)
