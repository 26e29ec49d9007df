"""补贴计算: one form per calculator, generated from its pydantic input model.

Labels come from each field's ``title``, help text from its ``description``. Numbers are typed as text so the
calculators' own parsing (``１５００``, ``1,500元``) and Chinese error messages stay authoritative.
"""

from __future__ import annotations

import types
import typing
from dataclasses import dataclass
from typing import Any, Literal

import gradio as gr
from pydantic.fields import FieldInfo

from ui import render
from ui.services import Services

YES, NO, UNKNOWN = "是", "否", "不确定"


@dataclass(frozen=True)
class FormField:
    """How one input-model field is shown: a text box, a 是/否 choice, or a list of choices."""

    name: str
    label: str
    help: str
    kind: Literal["text", "yes_no", "choice"]
    choices: tuple[str, ...] = ()


def _unwrap(annotation: Any) -> list[Any]:
    """Annotated[X | None, ...] → the non-None members of X."""
    if typing.get_origin(annotation) is typing.Annotated:
        annotation = typing.get_args(annotation)[0]
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        return [arg for arg in typing.get_args(annotation) if arg is not type(None)]
    return [annotation]


def form_fields(input_model: type) -> list[FormField]:
    fields: list[FormField] = []
    for name, info in input_model.model_fields.items():
        fields.append(_form_field(name, info))
    return fields


def _form_field(name: str, info: FieldInfo) -> FormField:
    label = info.title or info.description or name
    help_text = info.description if info.description and info.description != label else ""
    members = _unwrap(info.annotation)
    literals = [
        value for member in members if typing.get_origin(member) is Literal for value in typing.get_args(member)
    ]
    if literals:
        return FormField(name, label, help_text, "choice", tuple(str(v) for v in literals))
    if members and all(member is bool for member in members):
        return FormField(name, label, help_text, "yes_no", (YES, NO, UNKNOWN))
    return FormField(name, label, help_text, "text")


def form_arguments(fields: list[FormField], values: list[Any]) -> dict[str, Any]:
    """Form values → calculator arguments; blank and 不确定 are left out (the calculator asks for them)."""
    arguments: dict[str, Any] = {}
    for spec, value in zip(fields, values, strict=True):
        if value is None or (isinstance(value, str) and not value.strip()) or value == UNKNOWN:
            continue
        arguments[spec.name] = value
    return arguments


def run_form(services: Services, name: str, fields: list[FormField], values: list[Any]) -> str:
    """Run one calculator from its form; bad input → an inline Chinese message, never a traceback."""
    from assistant.calculators import run_calculator

    try:
        result = run_calculator(name, form_arguments(fields, values))
    except Exception as exc:  # the page must never show a traceback
        return render.error_html(services.failure(exc, action_zh="计算", command="ui.calc", calculator=name)[0])
    return render.calculation_html(result.model_dump(mode="json"))


def _component(spec: FormField) -> gr.components.Component:
    if spec.kind == "choice":
        return gr.Dropdown(choices=[*spec.choices], value=None, label=spec.label, info=spec.help or None)
    if spec.kind == "yes_no":
        return gr.Radio(choices=[*spec.choices], value=UNKNOWN, label=spec.label, info=spec.help or None)
    return gr.Textbox(label=spec.label, info=spec.help or None, max_lines=1, placeholder="可不填")


def build_calc_tab(services: Services) -> None:
    gr.Markdown("选择一项补贴，填写已知情况，点击“计算”。金额由确定的计算规则得出，并附政策原文。不确定的项可以不填。")
    if not services.calculators:
        gr.HTML(render.notice_html("暂无可用的计算器。"))
        return
    for index, spec in enumerate(services.calculators):
        fields = form_fields(spec.input_model)
        with gr.Accordion(f"{spec.title}（{spec.region}）", open=index == 0, elem_classes=["pa-calc-form"]):
            if getattr(spec, "description", ""):
                gr.Markdown(render.md_text(spec.description))
            components = [_component(field) for field in fields]
            button = gr.Button("计算", variant="primary", elem_id=f"calc-{spec.name}-run")
            output = gr.HTML(elem_id=f"calc-{spec.name}-result")

            def handler(*values: Any, _name: str = spec.name, _fields: list[FormField] = fields) -> str:
                return run_form(services, _name, _fields, list(values))

            button.click(handler, inputs=components, outputs=output, api_visibility="private")
