"""The chat tab with the LLM engine (scripted fake chat model over the real index): streaming deltas reach the
page, and a streamed answer that fails verification is replaced on the page by the verified one."""


from __future__ import annotations

import dataclasses
import itertools
import re

from langchain_core.messages import AIMessage, BaseMessage

from assistant.factory import build_engine
from tests.llm_fakes import ScriptedChatModel, tool_call
from ui import tab_chat
from ui.services import Services

QUESTION = "我在石家庄交了15个月失业保险，考了中级工证书，能领多少补贴？"


def _cite(template: str):
    """Reply citing whatever [n] the engine gave 三、（一）3 in the messages the model saw."""

    def reply(messages: list[BaseMessage]) -> AIMessage:
        text = "\n".join(str(m.content) for m in messages)
        match = re.search(r"^\[(\d+)\]《[^》]+》三、（一）3（石家庄市", text, re.M)
        assert match, "clause not shown to the model"
        return AIMessage(template.format(n=match.group(1)))

    return reply


def _with_llm(services: Services, model: ScriptedChatModel) -> Services:
    settings = services.settings
    return dataclasses.replace(services, engine=build_engine(settings, services.retriever, chat_model=model))


def test_llm_answer_streams_into_the_chat_then_shows_citations(ui_services: Services) -> None:
    model = ScriptedChatModel()
    model.enqueue(
        tool_calls=[tool_call("sjz_skill_upgrade_subsidy", unemployment_insurance_months=15, certificate_level="中级")]
    )
    model.enqueue_fn(_cite("根据石家庄市的规定，您可领取技能提升补贴1500元[{n}]。"))
    frames = list(tab_chat.respond(_with_llm(ui_services, model), QUESTION, [], None))

    partial = [frame[0][-1]["content"] for frame in frames[1:-1]]
    assert len(partial) >= 2, "the answer should arrive in several deltas"
    assert all(len(a) <= len(b) for a, b in itertools.pairwise(partial))
    history, _, answers, _ = frames[-1]
    last = answers[-1]
    assert last["engine"] == "llm" and last["status"] == "answered"
    assert "1500元" in history[1]["content"]
    titles = [m["metadata"]["title"].replace("\\", "") for m in history if m.get("metadata")]
    assert any("三、（一）3" in t for t in titles) and any("计算过程" in t for t in titles)


def test_unverified_streamed_text_is_replaced_by_the_verified_answer(ui_services: Services) -> None:
    model = ScriptedChatModel()
    model.enqueue_fn(_cite("您可以领取技能提升补贴3000元[{n}]。"))
    model.enqueue_fn(_cite("更正：您可以领取技能提升补贴3500元[{n}]。"))
    frames = list(tab_chat.respond(_with_llm(ui_services, model), QUESTION, [], None))

    drafts = [frame[0][-1]["content"] for frame in frames[:-1] if "3000" in frame[0][-1]["content"]]
    assert drafts  # it was streamed, labelled as an unverified draft...
    assert all(draft.startswith(tab_chat.UNVERIFIED_DRAFT) for draft in drafts)
    history, _, answers, _ = frames[-1]
    last = answers[-1]
    final_text = "\n".join(m["content"] for m in history if m["role"] == "assistant")
    assert "3000元" not in final_text and "1500元" in final_text  # ...and is gone from the page
    assert last["fallback"] is True
