"""The LLM engine's verification treats an uncovered place (a sibling city of a covered one) like any other region:
a scripted model that answers a 河北-but-not-石家庄 question from 石家庄's clause is caught and replaced."""

from __future__ import annotations

import pytest

from assistant.engine_llm import LlmEngine
from assistant.offline.engine import OfflineEngine
from tests.llm_fakes import ScriptedChatModel, tool_call
from tests.test_llm_engine_fake import cite


@pytest.fixture(scope="module")
def offline(retriever, rules) -> OfflineEngine:
    return OfflineEngine(retriever, rules)


@pytest.mark.parametrize(
    ("question", "place", "reply"),
    [
        ("河北沧州的技能提升补贴是多少？", "沧州", "沧州的技能提升补贴为中级1500元[{n}]。"),
        ("我在承德，考了高级工证书能领多少钱？", "承德", "可领取技能提升补贴2000元[{n}]。"),
    ],
)
def test_citing_a_covered_sibling_city_for_an_uncovered_place_is_caught(
    retriever, offline, question: str, place: str, reply: str
) -> None:
    model = ScriptedChatModel()
    model.enqueue(tool_calls=[tool_call("search_policies", query="技能提升补贴 标准", region="石家庄市")])
    model.enqueue_fn(cite(reply))
    model.enqueue_fn(cite(reply))
    answer = LlmEngine(model, retriever, offline, offline.rules).answer(question)

    assert answer.fallback is True and answer.status == "not_found"
    assert "1500" not in answer.answer and "2000元" not in answer.answer
    assert any("石家庄市的条款" in note and place in note for note in answer.notes)
