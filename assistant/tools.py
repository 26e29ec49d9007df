"""Every loaded rule as a LangChain tool, so an LLM agent can call it — generated, never written per rule.

A tool's name is the rule id, its description the rule's title, region and one-sentence description, and its args
schema the rule's input model (Chinese titles and descriptions, bounds, enums). A tool returns the
``CalculationResult`` as JSON; bad arguments return ``{"status": "rejected", "error": <Chinese>}`` instead of
raising, so the agent can correct itself.
"""

from __future__ import annotations

import json
from typing import Any

from langchain_core.tools import StructuredTool
from pydantic import ValidationError

from assistant.rules.book import CompiledRule, RuleBook
from assistant.rules.values import explain
from ingest.errors import UserInputError


def rejected_json(name: str, error: UserInputError) -> str:
    return json.dumps({"name": name, "status": "rejected", "error": error.zh}, ensure_ascii=False)


def calculator_tool(rule: CompiledRule, book: RuleBook) -> StructuredTool:
    """One StructuredTool for one rule."""

    def run(**arguments: Any) -> str:
        try:
            return book.run(rule.name, arguments).model_dump_json()
        except UserInputError as error:
            return rejected_json(rule.name, error)

    def on_validation_error(error: ValidationError) -> str:
        return rejected_json(rule.name, explain(error, rule.rule))

    kind = "资格判断" if rule.kind == "eligibility" else "金额计算"
    return StructuredTool.from_function(
        func=run,
        name=rule.name,
        description=f"{rule.title}（{rule.region}，{kind}，依据{rule.verified.sources[0].label}）：{rule.description}",
        args_schema=rule.input_model,
        handle_validation_error=on_validation_error,
    )


def calculator_tools(book: RuleBook) -> list[StructuredTool]:
    """One tool per loaded rule, in load order."""
    return [calculator_tool(rule, book) for rule in book.list()]
