"""补贴计算: one form per loaded rule, generated from its inputs and grouped by region.

Nothing here names a rule: labels, help, choices and placeholders come from the rule's inputs, so a policy added
with a rules file gets its form with no code change. Numbers are typed as text so the rules' own parsing (``１５``,
``2000万元``, ``一年半``) and Chinese messages stay authoritative; a blank field or 不确定 means "not given" (the
result then asks for it). Amount rules say 计算 and show grouped amounts (1,500元, 9.9992亿元); eligibility rules say
资格判断 and show a verdict. The step-by-step trace is shown exactly as the rule produced it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Literal

import gradio as gr

from ui import render
from ui.services import Services

YES, NO, UNKNOWN = "是", "否", "不确定"
PLACEHOLDERS = {
    "money": "例如 1500、1,500元 或 2000万元；可不填",
    "months": "例如 15、15个月 或 一年半；可不填",
    "years": "例如 3 或 3年；可不填",
    "count": "例如 10；可不填",
    "percent": "例如 8 或 8%；可不填",
    "date": "例如 2020 或 2020-05；可不填",
}
KIND_LABELS = {"amount": "补贴计算", "eligibility": "资格判断"}
VERDICTS = {"eligible": "符合条件", "not_eligible": "不符合条件", "needs_info": "尚不能判断，需要补充信息",
            "not_in_force": "当时没有施行中的规定"}


@dataclass(frozen=True)
class FormField:
    """How one input is shown: a text box, a 是/否 choice, or a list of choices (open when the rule asks)."""

    name: str
    label: str
    help: str
    kind: Literal["text", "yes_no", "choice"]
    choices: tuple[str, ...] = ()
    placeholder: str = ""
    open_choice: bool = False


def form_fields(rule: Any) -> list[FormField]:
    """The form of one loaded rule (``CompiledRule``), in the order its inputs are declared."""
    fields: list[FormField] = []
    for spec in rule.rule.inputs:
        description = spec.description or ""
        help_text = description if description and description != spec.label else ""
        if spec.type == "yes_no":
            fields.append(FormField(spec.name, spec.label, help_text, "yes_no", (YES, NO, UNKNOWN)))
        elif spec.type == "choice":
            options = tuple(option.value for option in spec.options)
            fields.append(FormField(spec.name, spec.label, help_text, "choice", options,
                                    open_choice=spec.unmatched == "ask"))
        else:
            unit = f"（{spec.display_unit}）" if spec.display_unit and spec.display_unit not in spec.label else ""
            fields.append(FormField(spec.name, f"{spec.label}{unit}", help_text, "text",
                                    placeholder=PLACEHOLDERS.get(spec.type, "可不填")))
    return fields


def form_arguments(fields: list[FormField], values: list[Any]) -> dict[str, Any]:
    """Form values → rule arguments; blank and 不确定 are left out (the rule asks for them)."""
    arguments: dict[str, Any] = {}
    for spec, value in zip(fields, values, strict=True):
        if value is None or (isinstance(value, str) and not value.strip()) or value == UNKNOWN:
            continue
        arguments[spec.name] = value
    return arguments


def _amount(value: Any) -> str:
    from assistant.rules.results import display_yuan

    return display_yuan(Decimal(str(value)))


def _amount_line(result: Mapping[str, Any]) -> str | None:
    if result.get("amount") is not None:
        return _amount(result["amount"])
    low, high = result.get("amount_min"), result.get("amount_max")
    if low is not None and high is not None:
        return f"{_amount(low)} 至 {_amount(high)}"
    if high is not None:
        return f"最高 {_amount(high)}"
    return None


def result_html(result: Mapping[str, Any]) -> str:
    """Verdict or amount, summary, questions still open, the trace, notes and the cited clauses."""
    status = str(result.get("status") or "")
    kind = str(result.get("kind") or "amount")
    parts = [f'<div class="pa-calc pa-calc-{render.esc(status)}">',
             f'<div class="pa-meta">{render.esc(KIND_LABELS.get(kind, ""))} · {render.esc(result.get("title"))}'
             f" · {render.esc(result.get('region'))}</div>"]
    if kind == "eligibility" or status in ("needs_info", "not_in_force", "not_eligible"):
        parts.append(f'<div class="pa-badge">判断结果：{render.esc(VERDICTS.get(status, status))}</div>')
    amount = _amount_line(result) if kind == "amount" else None
    if amount and status != "not_in_force":
        parts.append(f'<div class="pa-amount">{render.esc(amount)}</div>')
    components = result.get("components") or {}
    if components and status == "eligible":
        rows = "".join(f"<li>{render.esc(name)}：{render.esc(_amount(value))}</li>"
                       for name, value in components.items())
        parts.append(f'<ul class="pa-components">{rows}</ul>')
    if result.get("summary"):
        parts.append(f'<p class="pa-calc-summary">{render.esc(result["summary"])}</p>')
    questions = [m.get("question") for m in result.get("missing") or [] if isinstance(m, Mapping)]
    if questions:
        items = "".join(f"<li>{render.esc(q)}</li>" for q in questions)
        parts.append(f'<div class="pa-notice">还需要补充：<ul>{items}</ul></div>')
    trace = result.get("trace") or []
    if trace:
        heading = "计算过程" if kind == "amount" else "判断过程"
        steps = "".join(f"<li>{render.esc(step)}</li>" for step in trace)
        parts.append(f'<h4>{heading}</h4><ol class="pa-trace">{steps}</ol>')
    for note in result.get("notes") or []:
        parts.append(f'<p class="pa-meta">注：{render.esc(note)}</p>')
    sources = [render.source_as_citation(s) for s in result.get("sources") or [] if isinstance(s, Mapping)]
    parts.append(render.citation_cards_html(sources, heading="依据条款"))
    parts.append("</div>")
    return "".join(parts)


def run_form(services: Services, name: str, fields: list[FormField], values: list[Any]) -> str:
    """Run one rule from its form; bad input → an inline Chinese message naming the field, never a traceback."""
    from ingest.errors import UserInputError

    book = _book(services)
    try:
        result = book.run(name, form_arguments(fields, values))
    except UserInputError as error:
        return render.error_html(error.zh)
    except Exception as exc:  # the page must never show a traceback
        return render.error_html(services.failure(exc, action_zh="计算", command="ui.calc", calculator=name)[0])
    return result_html(result.model_dump(mode="json"))


def _book(services: Services) -> Any:
    book = getattr(services, "rulebook", None)
    if book is None:
        from assistant.rules.store import load_rulebook

        book = load_rulebook(services.settings)
        services.rulebook = book  # type: ignore[attr-defined]
    return book


def by_region(rules: list[Any]) -> dict[str, list[Any]]:
    """Rules grouped by region (regions in first-seen order), amount rules before eligibility rules."""
    groups: dict[str, list[Any]] = {}
    for rule in rules:
        groups.setdefault(rule.region, []).append(rule)
    return {region: sorted(items, key=lambda r: r.kind != "amount") for region, items in groups.items()}


def _component(spec: FormField) -> gr.components.Component:
    if spec.kind == "choice":
        return gr.Dropdown(choices=[*spec.choices], value=None, label=spec.label, info=spec.help or None,
                           allow_custom_value=spec.open_choice)
    if spec.kind == "yes_no":
        return gr.Radio(choices=[*spec.choices], value=UNKNOWN, label=spec.label, info=spec.help or None)
    return gr.Textbox(label=spec.label, info=spec.help or None, max_lines=1, placeholder=spec.placeholder)


def build_calc_tab(services: Services) -> None:
    gr.Markdown("选择所在地区的一项补贴或资格判断，填写已知情况后点击按钮。金额由确定的计算规则得出，并附政策原文；"
                "不确定的项可以不填。")
    if not services.calculators:
        gr.HTML(render.notice_html("暂无可用的计算规则。"))
        return
    first = True
    for region, rules in by_region(list(services.calculators)).items():
        gr.Markdown(f"### {render.md_text(region)}")
        for rule in rules:
            fields = form_fields(rule)
            label = KIND_LABELS.get(rule.kind, "")
            with gr.Accordion(f"{label}：{rule.title}", open=first, elem_classes=["pa-calc-form"]):
                first = False
                gr.Markdown(render.md_text(rule.description))
                components = [_component(field) for field in fields]
                button = gr.Button("计算" if rule.kind == "amount" else "判断", variant="primary",
                                   elem_id=f"calc-{rule.name}-run")
                output = gr.HTML(elem_id=f"calc-{rule.name}-result")

                def handler(*values: Any, _name: str = rule.name, _fields: list[FormField] = fields) -> str:
                    return run_form(services, _name, _fields, list(values))

                button.click(handler, inputs=components, outputs=output, api_visibility="private")
