"""The LLM engine with a scripted chat model over the real index: tool use, verification, repair, fallback."""

from __future__ import annotations

import re

import pytest
from langchain_core.messages import AIMessage, BaseMessage, HumanMessage

from assistant.engine_llm import LlmEngine
from assistant.factory import build_chat_model, build_engine
from assistant.models import Conversation
from assistant.offline.engine import OfflineEngine
from assistant.protocols import collect
from ingest.settings import Settings
from tests.llm_fakes import ScriptedChatModel, tool_call

QUESTION = "我在石家庄交了15个月失业保险，考了中级工证书，能领多少补贴？"


@pytest.fixture(scope="module")
def offline(retriever, rules) -> OfflineEngine:
    return OfflineEngine(retriever, rules)


def make_engine(model: ScriptedChatModel, retriever, offline: OfflineEngine) -> LlmEngine:
    return LlmEngine(model, retriever, offline, offline.rules)


def source_number(messages: list[BaseMessage], clause: str, region: str = "石家庄市") -> int:
    """The [n] the engine gave the clause in what the model has seen so far."""
    text = "\n".join(str(m.content) for m in messages)
    match = re.search(rf"^\[(\d+)\]《[^》]+》{re.escape(clause)}（{region}", text, re.M)
    assert match, f"clause {clause} not shown to the model"
    return int(match.group(1))


def cite(template: str, clause: str = "三、（一）3", region: str = "石家庄市"):
    def reply(messages: list[BaseMessage]) -> AIMessage:
        return AIMessage(template.format(n=source_number(messages, clause, region)))

    return reply


def test_calls_the_calculator_and_cites_the_clause(retriever, offline) -> None:
    model = ScriptedChatModel()
    model.enqueue(tool_calls=[tool_call("search_policies", query="石家庄 技能提升补贴", region="石家庄市")])
    model.enqueue(tool_calls=[
        tool_call("sjz_skill_upgrade_subsidy", unemployment_insurance_months=15, certificate_level="中级")
    ])
    model.enqueue_fn(cite("根据石家庄市的规定，您可领取技能提升补贴1500元[{n}]。依据：三、（一）3[{n}]。"))
    streamed, answer = collect(make_engine(model, retriever, offline).stream(QUESTION))

    assert (answer.status, answer.engine, answer.fallback) == ("answered", "llm", False)
    assert "1500元" in answer.answer and streamed.strip() == answer.answer
    assert [c.clause for c in answer.citations] == ["三、（一）3"]
    assert [c.name for c in answer.tool_calls] == ["search_policies", "sjz_skill_upgrade_subsidy"]
    assert answer.tool_calls[1].result["amount"] == "1500.00"
    assert "sjz_skill_upgrade_subsidy" in model.bound_tools and "search_policies" in model.bound_tools
    # the calculator's JSON went back to the model as a tool message
    assert any('"amount":"1500.00"' in str(m.content) for m in model.calls[-1])


def test_fabricated_citation_is_caught_and_repaired(retriever, offline) -> None:
    model = ScriptedChatModel()
    model.enqueue("根据石家庄市的规定，中级证书补贴1500元[99]。")
    model.enqueue_fn(cite("根据石家庄市的规定，中级证书补贴1500元[{n}]。"))
    answer = make_engine(model, retriever, offline).answer("石家庄中级证书的技能提升补贴是多少？")

    assert (answer.status, answer.fallback) == ("answered", False)
    repair = model.calls[-1][-1]
    assert isinstance(repair, HumanMessage) and "[99]" in str(repair.content)


def test_invented_amount_is_caught_and_replaced_by_offline_answer(retriever, offline, caplog) -> None:
    model = ScriptedChatModel()
    model.enqueue_fn(cite("您可以领取技能提升补贴3000元[{n}]。"))
    model.enqueue_fn(cite("更正：您可以领取技能提升补贴3500元[{n}]。"))
    answer = make_engine(model, retriever, offline).answer(QUESTION)

    assert answer.fallback is True and answer.engine == "offline"
    assert "1500元" in answer.answer and "3000元" not in answer.answer
    assert not any("3500" in note or "3000" in note for note in answer.notes)  # users never see refused numbers
    assert any("未通过" in note for note in answer.notes)
    assert "3500元" in caplog.text  # ...but the log keeps what was refused
    assert "“3000元”" in str(model.calls[-1][-1].content)  # the repair request named the invented amount


def test_citing_another_regions_clause_is_caught(retriever, offline) -> None:
    model = ScriptedChatModel()
    model.enqueue(tool_calls=[tool_call("search_policies", query="技能提升补贴 标准", region="石家庄市")])
    model.enqueue_fn(cite("北京市技能提升补贴为中级1500元[{n}]。"))
    model.enqueue_fn(cite("北京市技能提升补贴为中级1500元[{n}]。"))
    answer = make_engine(model, retriever, offline).answer("北京技能提升补贴是多少？")

    assert answer.fallback is True and answer.status == "not_found"
    assert "1500" not in answer.answer
    assert any("石家庄市的条款" in note for note in answer.notes)


def test_honest_abstention_passes_without_citation(retriever, offline) -> None:
    model = ScriptedChatModel().enqueue("本库中没有找到上海市的相关规定。")
    answer = make_engine(model, retriever, offline).answer("上海职业技能培训补贴怎么申请")
    assert (answer.status, answer.engine, answer.fallback) == ("not_found", "llm", False)


def test_endpoint_failure_falls_back_with_an_error_id(retriever, offline) -> None:
    model = ScriptedChatModel()  # empty script: the first call raises, like an unreachable endpoint
    answer = make_engine(model, retriever, offline).answer(QUESTION)
    assert answer.fallback is True and answer.error_id and answer.error_id.startswith("E-")
    assert "1500元" in answer.answer


@pytest.mark.parametrize("question", ["", "   ", "x" * 5000, "石家庄\u202e补贴"])
def test_bad_input_is_rejected_before_the_model(retriever, offline, question: str) -> None:
    model = ScriptedChatModel()
    answer = make_engine(model, retriever, offline).answer(question)
    assert answer.status == "rejected" and answer.answer and not model.calls


def test_follow_up_is_resolved_and_history_sent(retriever, offline) -> None:
    model = ScriptedChatModel()
    model.enqueue_fn(cite("根据石家庄市的规定，技能提升补贴初、中、高级分别为1000元、1500元、2000元[{n}]。"))
    model.enqueue_fn(cite("根据石家庄市的规定，高级证书补贴2000元[{n}]。"))
    engine = make_engine(model, retriever, offline)
    conversation = Conversation()
    engine.answer("石家庄技能提升补贴多少？", conversation)
    answer = engine.answer("那高级工呢？", conversation)

    assert answer.status == "answered" and "2000元" in answer.answer
    last_call = model.calls[-1]
    assert any("石家庄技能提升补贴多少" in str(m.content) for m in last_call[:-1])  # previous turn as history
    assert "石家庄" in str(last_call[-1].content)  # the stand-alone question names the region
    assert len(conversation.turns) == 2


def test_build_engine_picks_by_settings(retriever) -> None:
    offline_settings = Settings(_env_file=None)
    assert isinstance(build_engine(offline_settings, retriever), OfflineEngine)
    llm_settings = Settings(_env_file=None, llm_base_url="http://127.0.0.1:9/v1", llm_model="tiny")
    engine = build_engine(llm_settings, retriever)
    assert isinstance(engine, LlmEngine) and isinstance(engine.offline, OfflineEngine)
    assert build_chat_model(llm_settings).model_name == "tiny"
