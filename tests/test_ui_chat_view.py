"""One answer laid out for a phone, the conversation as text, and bounded session state (real offline engine)."""

from __future__ import annotations

import pytest

from assistant.models import MAX_CONVERSATION_TURNS, Answer, Conversation
from ui import chat_view, tab_chat
from ui.services import Services

AMOUNT_QUESTION = "我在石家庄交了15个月失业保险，考了中级工证，能领多少补贴？"


def _final(services: Services, question: str, history=None, conversation=None, answers=None):
    return list(tab_chat.respond(services, question, history or [], conversation, answers))[-1]


def _plain(message: dict) -> str:
    return chat_view.plain(message["content"])


def test_each_thing_is_shown_once_conclusion_first(ui_services: Services) -> None:
    history, _, answers, _ = _final(ui_services, AMOUNT_QUESTION)
    body, *cards = history[1:]
    text = _plain(body)
    assert text.startswith("根据石家庄市的规定") and "1500元" in text
    assert "下一步" in text and text.index("1500元") < text.index("下一步")
    assert "依据：" not in text and "计算过程：" not in text  # quotes and working live in their cards only
    calc, citation = cards
    assert _plain(calc).count("累计缴纳失业保险费15个月") == 1
    assert chat_view.plain(calc["metadata"]["title"]).startswith("计算过程")
    quote = _plain(citation)
    title = "石家庄市人民政府办公室关于推行终身职业技能培训制度加快技能强市建设的实施意见"
    assert quote.startswith(f"《{title}》三、（一）3 ")
    assert quote.endswith("（现行有效，2019-10-15）")
    assert answers[0]["citations"][0]["citation"] == Answer.model_validate(answers[0]).citations[0].formatted


def test_no_match_answer_is_short_with_covered_regions_on_one_line(ui_services: Services) -> None:
    history, _, answers, _ = _final(ui_services, "上海培训补贴怎么申请")
    assert answers[0]["status"] == "not_found"
    text = _plain(history[1])
    assert "本库收录的地区：" in text and "北京市" in text and "石家庄市" in text
    assert "本库目前收录" not in text and "《" not in text  # no list of document titles
    assert len(text) < 160, text
    details = [m for m in history[2:] if chat_view.plain(m.get("metadata", {}).get("title", "")) == "详细说明"]
    assert len(details) <= 1  # the rest of the engine's explanation, folded


def test_quoted_excerpt_marks_omissions() -> None:
    answer = Answer(
        question="q",
        status="answered",
        answer="根据某市的规定：甲。[1]\n依据：\n[1]《某政策》一、：“第一句。第三句。”",
        citations=[
            {"n": 1, "doc_id": "d", "title": "某政策", "clause": "一、", "text": "第一句。第二句。第三句。"}
        ],
    )
    messages = chat_view.answer_messages(answer, ["北京市"])
    assert _plain(messages[0]).startswith("根据某市的规定：甲。[1]") and "依据" not in _plain(messages[0])
    assert _plain(messages[-1]) == "《某政策》一、：“第一句。……第三句。”"


def test_transcript_is_plain_text_with_questions_answers_and_cards(ui_services: Services) -> None:
    history, *_ = _final(ui_services, AMOUNT_QUESTION)
    text = chat_view.transcript(history)
    assert text.startswith(f"问：{AMOUNT_QUESTION}")
    assert "答：根据石家庄市的规定" in text and "【计算过程：" in text and "【依据 [1]" in text
    assert "\\" not in text and "**" not in text  # no markdown escapes in what people paste


def test_turn_of_message_maps_any_message_of_an_answer_to_its_question() -> None:
    history = [
        {"role": "user", "content": "q1"}, {"role": "assistant", "content": "a1"},
        {"role": "assistant", "content": "card"}, {"role": "user", "content": "q2"},
        {"role": "assistant", "content": "a2"},
    ]
    assert [chat_view.turn_of_message(history, i) for i in range(5)] == [None, 0, 0, None, 1]
    assert chat_view.turn_of_message(history, 99) is None and chat_view.turn_of_message(history, -1) is None


def test_conversation_and_kept_history_are_capped() -> None:
    conversation = Conversation()
    for i in range(MAX_CONVERSATION_TURNS + 5):
        conversation.add(f"问题{i}", Answer(question=f"问题{i}", status="answered", answer="答"))
    assert len(conversation.turns) == MAX_CONVERSATION_TURNS
    assert conversation.turns[0].question == "问题5"
    history = [
        message for i in range(30) for message in ({"role": "user", "content": f"q{i}"}, {"role": "assistant"})
    ]
    answers = [{"answer_id": str(i)} for i in range(30)]
    kept, kept_answers = tab_chat.bounded(history, answers)
    assert len([m for m in kept if m["role"] == "user"]) == MAX_CONVERSATION_TURNS == len(kept_answers)
    assert kept[0]["content"] == f"q{30 - MAX_CONVERSATION_TURNS}" and kept_answers[0]["answer_id"] == "20"


def test_browser_copy_round_trips_and_bad_copies_start_fresh(ui_services: Services) -> None:
    history, conversation, answers, _ = _final(ui_services, "石家庄技能提升补贴是多少？")
    saved = tab_chat.saved_state(history, conversation, answers)
    restored_history, restored_conversation, restored_answers = tab_chat.restore_state(saved)
    assert restored_history == history and restored_answers == answers
    # the follow-up still works after a reload: the conversation came back from the browser
    _, _, later, _ = _final(ui_services, "那高级证书呢？", restored_history, restored_conversation, restored_answers)
    assert "2000" in later[-1]["answer"]


@pytest.mark.parametrize("saved", [None, "x", 7, {"history": "nope"}, {"history": [1, None]}, {"conversation": 5}])
def test_unreadable_browser_copy_starts_a_new_conversation(saved: object) -> None:
    history, conversation, answers = tab_chat.restore_state(saved)
    assert answers == [] and conversation.turns == [] and all(isinstance(m, dict) for m in history)
