"""Calculators through LangChain's tool interface: schema, direct invoke, ToolCall round trip with a scripted model."""

from __future__ import annotations

import json

from langchain_core.messages import HumanMessage, ToolMessage
from langchain_core.tools import StructuredTool
from langchain_core.utils.function_calling import convert_to_openai_tool

from assistant.tools import calculator_tools
from tests.llm_fakes import ScriptedChatModel, tool_call
from tests.rules_support import bundled_book


def registry() -> dict:
    return bundled_book().rules


def tools_by_name() -> dict[str, StructuredTool]:
    return {tool.name: tool for tool in calculator_tools(bundled_book())}


def test_one_tool_per_calculator_with_chinese_description_and_schema() -> None:
    tools = tools_by_name()
    assert list(tools) == list(registry())
    for name, tool in tools.items():
        spec = registry()[name]
        assert tool.args_schema is spec.input_model
        assert spec.title in tool.description and spec.region in tool.description
        schema = convert_to_openai_tool(tool)["function"]
        assert schema["name"] == name
        for field, info in schema["parameters"]["properties"].items():
            assert info["description"] == spec.input_model.model_fields[field].description


def test_openai_schema_keeps_bounds_and_choices() -> None:
    properties = convert_to_openai_tool(tools_by_name()["sjz_skill_upgrade_subsidy"])["function"]["parameters"][
        "properties"
    ]
    months = next(option for option in properties["unemployment_insurance_months"]["anyOf"] if option["type"] != "null")
    level = next(option for option in properties["certificate_level"]["anyOf"] if option["type"] != "null")
    assert (months["type"], months["minimum"]) == ("integer", 0)
    assert level["enum"] == ["初级", "中级", "高级"]


def test_invoke_returns_the_result_model_as_json() -> None:
    tool = tools_by_name()["sjz_skill_upgrade_subsidy"]
    payload = json.loads(
        tool.invoke({"unemployment_insurance_months": 15, "certificate_level": "中级", "in_scarce_catalogue": True})
    )
    assert (payload["status"], payload["amount"]) == ("eligible", "1650.00")
    assert payload["sources"][0]["clause_path"] == "三、（一）3"
    assert "1500元 × 1.1 = 1650元" in payload["trace"][-1]


def test_partial_arguments_return_needs_info_with_questions() -> None:
    payload = json.loads(tools_by_name()["sjz_skill_upgrade_subsidy"].invoke({"certificate_level": "中级"}))
    assert payload["status"] == "needs_info"
    question = "您累计缴纳失业保险费多少个月？"
    assert payload["missing"] == [{"field": "unemployment_insurance_months", "question": question}]


def test_agent_round_trip_with_a_scripted_model() -> None:
    """The model asks for a tool; the tool runs from the ToolCall; its ToolMessage carries the exact amount."""
    tools = tools_by_name()
    model = ScriptedChatModel().enqueue(
        tool_calls=[tool_call("beibei_education_fund_deduction", salary_total="1000000", education_expense="90000")]
    )
    bound = model.bind_tools(list(tools.values()))
    reply = bound.invoke([HumanMessage("北碚企业工资薪金总额100万元，教育经费支出9万元，当年能扣除多少？")])
    assert model.bound_tools == list(tools)
    messages = [tools[call["name"]].invoke(call) for call in reply.tool_calls]
    assert isinstance(messages[0], ToolMessage) and messages[0].tool_call_id == reply.tool_calls[0]["id"]
    payload = json.loads(messages[0].content)
    assert payload["components"] == {"扣除限额": "80000.00", "当年可扣除": "80000.00", "结转以后年度": "10000.00"}


def test_tool_accepts_normalized_user_style_values() -> None:
    arguments = {"payroll_total": "１,０００,０００元", "good_economic_performance": "是"}
    payload = json.loads(tools_by_name()["bj_staff_education_fund"].invoke(arguments))
    assert (payload["amount"], payload["amount_max"]) == ("15000.00", "25000.00")
