"""Calculators and eligibility checks as LangChain tools, so an LLM agent can call them.

Each tool's args schema is the calculator's pydantic input model (its Chinese field descriptions become the
schema). A tool returns the ``CalculationResult`` as JSON; bad arguments return a JSON object with
``status: "rejected"`` and the Chinese message instead of raising, so the agent can correct itself.
"""

from __future__ import annotations

import json
from typing import Any

from langchain_core.tools import StructuredTool
from pydantic import ValidationError

from assistant.calculators.base import CalculatorSpec
from assistant.calculators.inputs import explain
from assistant.calculators.registry import registry, run_calculator
from ingest.errors import UserInputError


def rejected_json(name: str, error: UserInputError) -> str:
    return json.dumps({"name": name, "status": "rejected", "error": error.zh}, ensure_ascii=False)


def calculator_tool(spec: CalculatorSpec) -> StructuredTool:
    """One StructuredTool for one calculator."""

    def run(**arguments: Any) -> str:
        try:
            return run_calculator(spec.name, arguments).model_dump_json()
        except UserInputError as error:
            return rejected_json(spec.name, error)

    def on_validation_error(error: ValidationError) -> str:
        return rejected_json(spec.name, explain(error, spec.input_model))

    return StructuredTool.from_function(
        func=run,
        name=spec.name,
        description=f"{spec.title}（{spec.region}）：{spec.description}",
        args_schema=spec.input_model,
        handle_validation_error=on_validation_error,
    )


def calculator_tools() -> list[StructuredTool]:
    """Every registered calculator and check as a tool, in registry order."""
    return [calculator_tool(spec) for spec in registry().values()]
