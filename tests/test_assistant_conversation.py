"""Follow-up resolution (pure, hand-made documents): what a follow-up inherits and what starts over."""

from __future__ import annotations

from datetime import date

import pytest

from assistant.conversation import DialogueState, is_follow_up, remember, resolve
from assistant.models import Answer, Conversation
from ingest.models import DocumentMeta


def _doc(doc_id: str, region: str, province: str | None, aliases: list[str]) -> DocumentMeta:
    return DocumentMeta(doc_id=doc_id, title=f"{region}文件", region=region, province=province, level="city",
                        publish_date=date(2019, 1, 1), aliases=aliases)


DOCS = [
    _doc("sjz", "石家庄市", "河北省", ["石家庄"]),
    _doc("bj", "北京市", "北京市", ["北京", "京"]),
    _doc("bb", "重庆市北碚区", "重庆市", ["北碚", "北碚区"]),
]


def converse(*questions: str) -> tuple[Conversation, object]:
    conversation = Conversation()
    resolved = None
    for question in questions:
        resolved = resolve(question, conversation, DOCS)
        remember(conversation, resolved, Answer(question=question, status="answered", answer="…"))
    return conversation, resolved


@pytest.mark.parametrize(
    ("history", "question", "text", "facts"),
    [
        (["石家庄技能提升补贴多少？"], "那北京呢？", "北京技能提升补贴多少？", {}),
        (["石家庄技能提升补贴多少？"], "那高级工呢？", "石家庄技能提升补贴多少？ 高级工",
         {"certificate_level": "高级"}),
        (["石家庄技能提升补贴多少？", "那高级工呢？"], "如果是急需紧缺工种呢？",
         "石家庄技能提升补贴多少？ 高级工 急需紧缺工种", {"certificate_level": "高级", "in_scarce_catalogue": True}),
        (["重庆哪些区参加了第二批百城技能振兴？"], "河北呢？", "河北哪些区参加了第二批百城技能振兴？", {}),
        (["我在石家庄，考了中级证，能补多少？"], "失业保险交了10个月，够吗？",
         "我在石家庄，考了中级证，能补多少？ 失业保险交了10个月，够吗", {"unemployment_insurance_months": 10}),
    ],
)
def test_follow_ups_become_stand_alone_questions(history: list, question: str, text: str, facts: dict) -> None:
    conversation, _ = converse(*history)
    resolved = resolve(question, conversation, DOCS)
    assert resolved.follow_up and resolved.text == text
    assert {key: resolved.facts.get(key) for key in facts} == facts


def test_facts_from_earlier_turns_are_kept_and_newest_wins() -> None:
    conversation, resolved = converse("我在石家庄，考了中级证，能补多少？", "那高级工呢？")
    assert resolved.facts["certificate_level"] == "高级"
    state = DialogueState.model_validate(conversation.state["dialogue"])
    assert state.root.startswith("我在石家庄") and state.follow_ups == ["高级工"]


def test_a_full_new_question_starts_a_new_root() -> None:
    conversation, resolved = converse("石家庄技能提升补贴多少？", "北碚退役军人能免费培训吗？")
    assert not resolved.follow_up and resolved.text == "北碚退役军人能免费培训吗？"
    assert DialogueState.model_validate(conversation.state["dialogue"]).root == "北碚退役军人能免费培训吗？"


def test_place_change_becomes_the_new_root() -> None:
    conversation, _ = converse("石家庄技能提升补贴多少？", "那北京呢？")
    resolved = resolve("那北碚呢？", conversation, DOCS)
    assert resolved.text == "北碚技能提升补贴多少？"


@pytest.mark.parametrize(
    ("question", "expected"),
    [("那北京呢？", True), ("高级工呢？", True), ("其中给一线工人的要占多少？", True), ("培训期间有没有补助？", True),
     ("北碚退役军人能免费培训吗？", False), ("石家庄学徒制补贴是发给徒弟本人还是发给单位，具体怎么申请办理？", False)],
)
def test_is_follow_up(question: str, expected: bool) -> None:
    state = DialogueState(root="石家庄技能提升补贴多少？")
    assert is_follow_up(question, state, DOCS) is expected


def test_without_a_conversation_nothing_is_inherited() -> None:
    resolved = resolve("那高级工呢？", None, DOCS)
    assert not resolved.follow_up and resolved.text == "那高级工呢？"
