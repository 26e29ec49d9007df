"""Follow-up resolution (pure: the real query understanding over hand-made documents)."""

from __future__ import annotations

from datetime import date

import pytest

from assistant.conversation import DialogueState, looks_like_follow_up, remember, resolve
from assistant.models import Answer, Conversation
from ingest.knowledge import Knowledge
from ingest.models import DocumentMeta
from retriever.understanding import QueryUnderstander


def _doc(doc_id: str, region: str, level: str) -> DocumentMeta:
    return DocumentMeta(doc_id=doc_id, title=f"{region}文件", region=region, level=level,
                        publish_date=date(2019, 1, 1))


class Library:
    """The part of a retriever that resolution uses: reading a question against the library."""

    def __init__(self) -> None:
        docs = [_doc("sjz", "石家庄市", "city"), _doc("bj", "北京市", "municipality"),
                _doc("bb", "重庆市北碚区", "district")]
        self.understander = QueryUnderstander(docs, Knowledge.load())

    def understand(self, text: str):
        return self.understander.understand(text)


LIBRARY = Library()


def converse(*questions: str) -> tuple[Conversation, object]:
    conversation = Conversation()
    resolved = None
    for question in questions:
        resolved = resolve(question, conversation, LIBRARY)
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
        (["我在石家庄，考了中级证，能补多少？"], "失业保险交了10个月，够吗？",
         "我在石家庄，考了中级证，能补多少？ 失业保险交了10个月，够吗", {"unemployment_insurance_months": 10}),
    ],
)
def test_follow_ups_become_stand_alone_questions(history: list, question: str, text: str, facts: dict) -> None:
    conversation, _ = converse(*history)
    resolved = resolve(question, conversation, LIBRARY)
    assert resolved.follow_up and resolved.text == text
    assert {key: resolved.facts.get(key) for key in facts} == facts


def test_a_new_fact_replaces_the_old_one_so_the_answer_is_recomputed() -> None:
    _, resolved = converse("石家庄失业保险交了15个月，中级证能领多少", "要是只交了十一个月呢")
    assert resolved.understanding.facts["unemployment_insurance_months"] == 11
    assert resolved.understanding.facts["certificate_level"] == "中级"


def test_a_follow_up_with_a_new_fact_keeps_the_region() -> None:
    _, resolved = converse("石家庄学徒制补贴多少", "高级工呢？我们厂有3个高级工学徒")
    assert resolved.follow_up
    assert [p.name for p in resolved.understanding.places] == ["石家庄市"]
    assert resolved.understanding.facts["apprentices"] == 3


def test_a_new_question_without_a_place_stays_in_the_conversations_region() -> None:
    _, resolved = converse("石家庄技能提升补贴多少？", "职工教育经费怎么提取的规定有吗")
    assert [p.name for p in resolved.understanding.places] == ["石家庄市"]


def test_facts_from_earlier_turns_are_kept_and_newest_wins() -> None:
    conversation, resolved = converse("我在石家庄，考了中级证，能补多少？", "那高级工呢？")
    assert resolved.facts["certificate_level"] == "高级"
    state = DialogueState.model_validate(conversation.state["dialogue"])
    assert state.root.startswith("我在石家庄") and state.follow_ups == ["高级工"]


def test_a_full_new_question_starts_a_new_root() -> None:
    conversation, resolved = converse("石家庄技能提升补贴多少？", "北碚退役军人能免费培训吗？")
    assert not resolved.follow_up and resolved.text == "北碚退役军人能免费培训吗？"
    assert DialogueState.model_validate(conversation.state["dialogue"]).root == "北碚退役军人能免费培训吗？"


def test_a_turn_that_only_tells_the_background_is_read_with_the_question_after_it() -> None:
    background = "石家庄的，我们厂今年组织职工参加了企业自主评价，评价费都是厂里出的。"
    conversation, resolved = converse(background, "一共过了二十个高级工，厂里能拿多少钱？有没有封顶？")
    assert resolved.text.startswith(background) and "企业自主评价" in resolved.understanding.normalized
    assert resolved.understanding.facts["certificate_level"] == "高级"
    assert DialogueState.model_validate(conversation.state["dialogue"]).root == resolved.text
    # a follow-up after it still has the background
    follow = resolve("那中级工呢？", conversation, LIBRARY)
    assert "企业自主评价" in follow.text and follow.understanding.facts["certificate_level"] == "中级"


def test_a_question_after_a_question_is_not_read_with_it() -> None:
    _, resolved = converse("石家庄企业自主评价有补贴吗？", "一共过了二十个高级工，厂里能拿多少钱？")
    assert "企业自主评价" not in resolved.text


def test_background_about_another_place_is_not_carried_to_a_question_naming_its_own() -> None:
    _, resolved = converse("我在石家庄上班，厂里组织了企业自主评价。", "北京考了高级工证补贴多少？")
    assert resolved.text == "北京考了高级工证补贴多少？"


def test_a_place_the_asker_might_move_to_keeps_the_conversations_place() -> None:
    # 要是…跳槽去了北京: where he might go, not where the benefit asked about is paid (places.yaml background_words)
    _, resolved = converse("石家庄的技能提升补贴，考了高级工能补多少？", "要是他明年跳槽去了北京，还能接着领吗？")
    assert [p.surface for p in resolved.understanding.places] == ["石家庄"], resolved.text
    assert "技能提升补贴" in resolved.text
    # a place asked about in its own right still moves the conversation
    _, moved = converse("石家庄的技能提升补贴，考了高级工能补多少？", "那北京呢？")
    assert [p.surface for p in moved.understanding.places] == ["北京"]


def test_where_the_asker_comes_from_is_no_place_asked_about() -> None:
    understanding = LIBRARY.understand("这个学生是北京来的，在石家庄租房住，能领什么补贴？")
    assert [p.surface for p in understanding.places] == ["石家庄"]


def test_place_change_becomes_the_new_root() -> None:
    conversation, _ = converse("石家庄技能提升补贴多少？", "那北京呢？")
    resolved = resolve("那北碚呢？", conversation, LIBRARY)
    assert resolved.text == "北碚技能提升补贴多少？"


@pytest.mark.parametrize(
    ("question", "expected"),
    [("那北京呢？", True), ("高级工呢？", True), ("其中给一线工人的要占多少？", True), ("培训期间有没有补助？", True),
     ("北碚退役军人能免费培训吗？", False), ("石家庄学徒制补贴是发给徒弟本人还是发给单位，具体怎么申请办理？", False)],
)
def test_looks_like_follow_up(question: str, expected: bool) -> None:
    assert looks_like_follow_up(question, LIBRARY.understand(question)) is expected


def test_without_a_conversation_nothing_is_inherited() -> None:
    resolved = resolve("那高级工呢？", None, LIBRARY)
    assert not resolved.follow_up and resolved.text == "那高级工呢？" and not resolved.dangling


def test_a_follow_up_that_opens_a_new_conversation_is_asked_what_it_means() -> None:
    resolved = resolve("那高级工呢？", Conversation(), LIBRARY)
    assert resolved.dangling


def test_a_category_told_anew_replaces_the_clause_that_told_the_old_one() -> None:
    _, resolved = converse("我在石家庄参加了电工培训，是登记失业人员，考了五级初级工，培训补贴能拿多少？",
                           "那要是考的是二级技师呢？")
    assert resolved.follow_up and "初级工" not in resolved.text and "二级技师" in resolved.text
    assert resolved.facts.get("qualification") == "技师" and "certificate_level" not in resolved.facts
    assert "石家庄" in resolved.text and "登记失业人员" in resolved.text  # the rest of the case stays
    # the same category again changes nothing
    _, again = converse("我在石家庄考了中级工，能补多少？", "那中级工要交社保吗？")
    assert "考了中级工" in again.text
