"""The loaded rules: list them, describe them, run one by id — the small API everything else uses.

``RuleBook`` is built either from the rules verified at ingest (``rules.json`` in the live index generation, so the
runtime runs exactly what was checked) or, with no index, from the data dir verified against freshly parsed
documents (``store.py``). Running validates the arguments with the rule's input model (Chinese messages naming the
field), applies the rule's effective dates — a date given for the case (``2016年考的证``) picks the version of
the rule in force then, or says none was — and evaluates the formula.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from assistant.rules.evaluate import Run, format_parameter
from assistant.rules.formulas import evaluate
from assistant.rules.loader import RuleProblem
from assistant.rules.results import CalculationResult
from assistant.rules.texts import render
from assistant.rules.values import clean_text, explain, input_model, parse_date, parse_value
from assistant.rules.verify import VerifiedRule
from ingest.errors import UserInputError

AS_OF_ARGUMENT = "as_of"


class RuleStatus(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str
    title: str = ""
    ok: bool
    reason_zh: str = ""


class DocumentRules(BaseModel):
    """One document's rules file and what became of each rule in it (for staff)."""

    model_config = ConfigDict(extra="forbid")

    doc_id: str
    title: str
    region: str
    rules_file: str | None = None
    file_status: Literal["none", "active", "draft", "invalid"] = "none"
    rules: list[RuleStatus] = Field(default_factory=list)
    problems: list[str] = Field(default_factory=list, description="File-level problems, Chinese.")


class RuleSet(BaseModel):
    """What ingest verified (stored as ``rules.json`` in an index generation)."""

    model_config = ConfigDict(extra="forbid")

    version: Literal[1] = 1
    rules: list[VerifiedRule] = Field(default_factory=list)
    problems: list[RuleProblem] = Field(default_factory=list)
    documents: list[DocumentRules] = Field(default_factory=list)


def period_of(text: str) -> tuple[date, date]:
    """``2016`` → whole year; ``2016-05`` → that month; ``2016-05-01`` → that day."""
    parts = [int(p) for p in text.split("-")]
    if len(parts) == 3:
        day = date(*parts)
        return day, day
    if len(parts) == 2:
        year, month = parts
        end = date(year + (month == 12), month % 12 + 1, 1).toordinal() - 1
        return date(year, month, 1), date.fromordinal(end)
    return date(parts[0], 1, 1), date(parts[0], 12, 31)


def chinese_date(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def period_text(text: str) -> str:
    parts = text.split("-")
    return "".join(f"{int(p)}{unit}" for p, unit in zip(parts, ("年", "月", "日"), strict=False))


class CompiledRule:
    """One verified rule ready to run: its input model (also the tool's args schema) and its identity."""

    def __init__(self, verified: VerifiedRule) -> None:
        self.verified = verified
        self.rule = verified.rule
        self.input_model = input_model(self.rule)

    name = property(lambda self: self.rule.id)
    title = property(lambda self: self.rule.title)
    kind = property(lambda self: self.rule.kind)
    point = property(lambda self: self.rule.point)
    region = property(lambda self: self.verified.document.region)
    doc_id = property(lambda self: self.verified.document.doc_id)
    keywords = property(lambda self: tuple(self.rule.keywords))
    clause_path = property(lambda self: self.verified.sources[0].clause_path)

    @property
    def description(self) -> str:
        values = {name: format_parameter(p.value, p.unit) for name, p in self.rule.parameters.items()}
        return render(self.rule.description, {**values, "point": self.point, "region": self.region})

    def in_force(self, start: date, end: date) -> bool:
        begin, finish = self.verified.effective_from, self.verified.effective_to
        return (begin is None or end >= begin) and (finish is None or start <= finish)

    def effective_text(self) -> str:
        begin, finish = self.verified.effective_from, self.verified.effective_to
        text = f"自{chinese_date(begin)}起施行" if begin else "施行日期未注明"
        return text + (f"，至{chinese_date(finish)}止" if finish else "")

    def describe(self) -> dict[str, Any]:
        """JSON-ready listing entry (``calc --list --json``, the page, the offline engine's routing)."""
        document = self.verified.document
        fields = {spec.name: {"title": spec.label, "description": self.input_model.model_fields[spec.name].description}
                  for spec in self.rule.inputs}
        return {
            "name": self.name, "title": self.title, "description": self.description, "region": self.region,
            "doc_id": self.doc_id, "document_title": document.title, "doc_number": document.doc_number,
            "kind": self.kind, "point": self.point, "keywords": list(self.keywords), "clause": self.clause_path,
            "effective_from": self.verified.effective_from, "effective_to": self.verified.effective_to,
            "fields": fields, "inputs": [spec.model_dump(mode="json", by_alias=True, exclude_none=True)
                                         for spec in self.rule.inputs],
        }

    def facts(self, arguments: Mapping[str, Any]) -> dict[str, Any]:
        """Arguments validated into typed facts (UserInputError with Chinese messages); defaults applied."""
        if not isinstance(arguments, Mapping):
            raise UserInputError("参数应为“字段: 值”形式的对象", "arguments must be an object")
        try:
            data = self.input_model.model_validate(dict(arguments))
        except ValidationError as exc:
            raise explain(exc, self.rule) from None
        facts = data.model_dump()
        for spec in self.rule.inputs:
            if facts.get(spec.name) is None and spec.default is not None:
                facts[spec.name] = parse_value(spec, spec.default)
            raw = arguments.get(spec.name)
            if spec.type == "choice" and isinstance(raw, str):
                facts[f"_said_{spec.name}"] = clean_text(raw)
        return facts

    def as_of(self, facts: Mapping[str, Any], as_of: str | date | None) -> str | None:
        if isinstance(as_of, date):
            return as_of.isoformat()
        if as_of is not None:
            try:
                return parse_date(as_of)
            except Exception as exc:  # PydanticCustomError: a Chinese sentence
                raise UserInputError(f"输入有误：“日期”{exc}", "invalid input: as_of") from None
        return next((facts[s.name] for s in self.rule.inputs if s.as_of and facts.get(s.name)), None)

    def run(self, arguments: Mapping[str, Any], as_of: str | date | None = None) -> CalculationResult:
        facts = self.facts(arguments)
        when = self.as_of(facts, as_of)
        return self.evaluate(facts, when)

    def evaluate(self, facts: dict[str, Any], when: str | None) -> CalculationResult:
        today = date.today()
        if when is None:
            on = today if self.in_force(today, today) else (self.verified.effective_to or today)
            return evaluate(Run(self.verified, facts, on))
        start, end = period_of(when)
        on = max(start, self.verified.effective_from or start)
        return evaluate(Run(self.verified, facts, min(on, end)))

    def not_in_force(self, when: str, versions: list[CompiledRule]) -> CalculationResult:
        spans = "；".join(f"《{v.verified.document.title}》{v.effective_text()}" for v in versions)
        summary = f"{period_text(when)}时本库中没有施行中的{self.point}规定：{spans}。"
        run = Run(self.verified, {}, date.today())
        trace = [f"所问时间：{period_text(when)}", f"{self.title}：{self.effective_text()}"]
        return run.result("not_in_force", trace=trace, summary=summary)


class RuleBook:
    """All loaded rules by id, with the verification report they came with."""

    def __init__(self, ruleset: RuleSet) -> None:
        self.ruleset = ruleset
        self.rules = {v.rule.id: CompiledRule(v) for v in ruleset.rules}

    @property
    def problems(self) -> list[RuleProblem]:
        return self.ruleset.problems

    @property
    def documents(self) -> list[DocumentRules]:
        return self.ruleset.documents

    def list(self) -> list[CompiledRule]:
        return list(self.rules.values())

    def describe(self) -> list[dict[str, Any]]:
        return [rule.describe() for rule in self.rules.values()]

    def get(self, name: str) -> CompiledRule:
        if name not in self.rules:
            known = "、".join(self.rules) or "无"
            raise UserInputError(f"没有名为“{name}”的计算器，可用：{known}", f"unknown calculator: {name!r}")
        return self.rules[name]

    def versions(self, rule: CompiledRule) -> list[CompiledRule]:
        """Rules on the same point for the same region (an older and a newer document), oldest first."""
        same = [r for r in self.rules.values() if r.point == rule.point and r.region == rule.region]
        return sorted(same, key=lambda r: r.verified.effective_from or date.min)

    def run(self, name: str, arguments: Mapping[str, Any], as_of: str | date | None = None) -> CalculationResult:
        """Run a rule by id. A date for the case (``as_of`` or the rule's date input) runs the version in force
        then — possibly another rule on the same point — or returns ``not_in_force`` saying none was."""
        rule = self.get(name)
        facts = rule.facts(arguments)
        when = rule.as_of(facts, as_of)
        if when is None:
            return rule.evaluate(facts, None)
        start, end = period_of(when)
        versions = self.versions(rule)
        chosen = rule if rule.in_force(start, end) else next((v for v in versions if v.in_force(start, end)), None)
        if chosen is None:
            return rule.not_in_force(when, versions)
        if chosen is not rule:
            facts = chosen.facts({k: v for k, v in arguments.items() if k in chosen.input_model.model_fields})
            result = chosen.evaluate(facts, when)
            result.notes.append(f"所问时间{period_text(when)}适用的是{chosen.title}（{chosen.effective_text()}）。")
            return result
        return rule.evaluate(facts, when)

    def select(self, *, region: str | None = None, point: str | None = None,
               on: str | None = None) -> list[CompiledRule]:
        """Rules of a region/point in force on a date (all when a filter is None)."""
        found = [r for r in self.rules.values()
                 if (region is None or r.region == region) and (point is None or r.point == point)]
        if on is not None:
            start, end = period_of(on)
            found = [r for r in found if r.in_force(start, end)]
        return found

    def for_document(self, doc_id: str) -> list[CompiledRule]:
        return [r for r in self.rules.values() if r.doc_id == doc_id]


def parse_as_of(text: str) -> str:
    """A date as typed (``2016年``, ``2016-05``) → ``2016`` / ``2016-05``; UserInputError when unreadable."""
    try:
        value = parse_date(text)
    except Exception as exc:
        raise UserInputError(f"日期有误：{exc}", f"invalid date: {text!r}") from None
    if value is None or not re.match(r"^\d{4}", value):
        raise UserInputError("日期有误", f"invalid date: {text!r}")
    return value
