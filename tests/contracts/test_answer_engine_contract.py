"""The ``AnswerEngine`` contract: the offline engine and the LLM engine (driven by a scripted chat model, the one
fake allowed) answer, stream, reject bad input and keep the conversation the same way."""

from __future__ import annotations

import pytest

from assistant.models import Answer, Conversation
from assistant.protocols import AnswerEngine, collect

STATUSES = {"answered", "not_found", "needs_info", "rejected"}


class AnswerEngineContract:
    """Subclasses run the suite on one implementation by defining the ``subject`` fixture (pytest finds it on
    the subclass; a subclass without one fails with "fixture 'subject' not found")."""

    QUESTION = "北京企业职工教育经费按多少比例提取？"

    def test_answer_is_a_cited_answer(self, subject: AnswerEngine) -> None:
        answer = subject.answer(self.QUESTION)
        assert isinstance(answer, Answer) and answer.status in STATUSES
        assert answer.status == "answered" and answer.citations and "1.5%" in answer.answer

    def test_stream_yields_text_then_the_final_answer(self, subject: AnswerEngine) -> None:
        items = list(subject.stream(self.QUESTION))
        assert isinstance(items[-1], Answer) and all(isinstance(item, str) for item in items[:-1])
        _, final = collect(items)
        assert final.status == "answered"

    @pytest.mark.parametrize("question", ["", "？？？", "补贴\x00多少"])
    def test_bad_input_is_rejected_in_chinese(self, subject: AnswerEngine, question: str) -> None:
        answer = subject.answer(question)
        assert answer.status == "rejected" and answer.answer and not answer.citations

    def test_the_conversation_records_the_turn(self, subject: AnswerEngine) -> None:
        conversation = Conversation()
        subject.answer(self.QUESTION, conversation)
        assert [turn.question for turn in conversation.turns] == [self.QUESTION]


class TestOfflineEngine(AnswerEngineContract):
    @pytest.fixture
    def subject(self, retriever, rules) -> AnswerEngine:
        from assistant.offline.engine import OfflineEngine

        return OfflineEngine(retriever, rules)


class TestLlmEngine(AnswerEngineContract):
    @pytest.fixture
    def subject(self, retriever, rules) -> AnswerEngine:
        from assistant.engine_llm import LlmEngine
        from assistant.offline.engine import OfflineEngine
        from tests.llm_fakes import ScriptedChatModel

        def reply(messages):
            from langchain_core.messages import AIMessage

            text = "\n".join(str(m.content) for m in messages)
            number = next((line[1:line.index("]")] for line in text.splitlines()
                           if line.startswith("[") and "1.5%" in line), "1")
            return AIMessage(content=f"北京市企业按不低于职工工资总额1.5%的比例提取职工教育经费[{number}]。")

        model = ScriptedChatModel()
        for _ in range(8):
            model.enqueue_fn(reply)
        return LlmEngine(model, retriever, OfflineEngine(retriever, rules), rules)
