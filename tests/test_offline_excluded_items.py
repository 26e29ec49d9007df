"""Who the asker says they are (我是…) against the items of a lead-in that excludes (有下列情形之一的，不予享受…：):
each item names an excluded group by itself, though it repeats no excluding word, so an asker in one of them is told
不符合 with that item quoted — also when the question states no other fact. A school grade (高二, 大三) is how an
enrolled student says so (synonyms.txt).

One fictional document written for this test (no eval set has it, nothing was tuned on it).
"""

from __future__ import annotations

import pytest
from support import lead, offline_engine_beside_library

from assistant.offline.engine import OfflineEngine
from assistant.offline.verdicts import excluded_item

CITY = """宜宾市人力资源和社会保障局 宜宾市财政局关于印发《宜宾市岗前技能培训补贴办法》的通知
宜人社发〔2025〕21号
各区县人力资源和社会保障局、财政局：
现将《宜宾市岗前技能培训补贴办法》印发给你们，请遵照执行。
第一条　本市企业新招用人员参加岗前技能培训，培训合格的，按每人800元给予岗前技能培训补贴。
第二条　有下列情形之一的，不予享受岗前技能培训补贴：
（一）正在服役的现役军人；
（二）全日制在校学生；
（三）已享受过本市岗前技能培训补贴的人员；
（四）企业出资人的配偶、子女。
第三条　本办法自2025年5月1日起施行，有效期3年。
宜宾市人力资源和社会保障局 宜宾市财政局
2025年4月20日
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> OfflineEngine:
    return offline_engine_beside_library(tmp_path_factory.mktemp("excluded"), {"yibin-2025-induction.txt": CITY})


def test_an_item_under_an_excluding_lead_in_names_its_group() -> None:
    words = ["不予", "不属于"]
    lead_in = "第二条有下列情形之一的，不予享受补贴："
    assert excluded_item("（二）全日制在校学生；", lead_in, words) == ["全日制在校学生"]
    assert excluded_item("（一）招用人员为股东的子女的；", "第五条有下列情形之一的，不予享受补贴：", words) == [
        "招用人员为股东的子女"]
    assert excluded_item("（二）全日制在校学生；", "第二条补贴对象包括：", words) == []  # a lead-in that includes
    assert excluded_item("（二）全日制在校学生；", "第二章 补贴对象", words) == []  # a heading, no lead-in


@pytest.mark.parametrize(("question", "item"), [
    ("我是现役军人，探亲假期间去宜宾一家厂里上岗前培训，能领岗前技能培训补贴吗？", "正在服役的现役军人"),
    ("我是高二学生，暑假在宜宾一家厂参加了岗前技能培训，能领补贴吗？", "全日制在校学生"),
])
def test_an_asker_in_an_excluded_item_is_told_no(engine: OfflineEngine, question: str, item: str) -> None:
    answer = engine.answer(question)
    assert "不符合" in answer.answer and item in answer.answer, answer.answer
    assert ("yibin-2025-induction", "第二条（一）" if "军人" in item else "第二条（二）") in [
        (c.doc_id, c.clause) for c in answer.citations]


def test_a_relative_working_for_the_asker_is_told_no(engine: OfflineEngine) -> None:
    # 我儿子在我厂里 (answers.yaml situations) is a child of the firm's owner (儿子 → 子女, synonyms.txt); 合同社保都有
    # states what the asker has, it asks for no list
    answer = engine.answer("我在宜宾开了个小厂，我儿子在我厂里上班，参加了岗前技能培训，合同社保都有，"
                           "能领岗前技能培训补贴吗？")
    assert "不符合" in lead(answer.answer) and "子女" in answer.answer, answer.answer
    assert "不能领" in lead(answer.answer)  # the action asked about (能领…吗) said back with the verdict
    assert ("yibin-2025-induction", "第二条（四）") in [(c.doc_id, c.clause) for c in answer.citations]
    other = engine.answer("我在宜宾一家厂上班，我儿子也在那个厂，我参加了岗前技能培训，能领岗前技能培训补贴吗？")
    assert "不符合" not in lead(other.answer), other.answer  # a relative working elsewhere than the asker's own firm


def test_an_asker_outside_the_items_is_not_told_no(engine: OfflineEngine) -> None:
    answer = engine.answer("我是退役军人，在宜宾一家厂参加了岗前技能培训，能领补贴吗？")
    assert "不符合" not in lead(answer.answer), answer.answer


def test_the_action_asked_about_is_said_back_with_the_verdict() -> None:
    from assistant.offline.compose import verdict_words
    from ingest.knowledge import Knowledge

    answers = Knowledge.load().answers
    assert verdict_words(answers, "我儿子在我厂里上班,能申请补贴吗?")["not_eligible"] == "不符合（不能申请）"
    assert verdict_words(answers, "退役军人可不可以享受这个补贴?")["eligible"] == "符合（可以享受）"
    assert verdict_words(answers, "交了8个月够不够?")["not_eligible"] == "不符合"  # no action asked about
    assert verdict_words(answers, "单位一共能领多少补贴?")["not_eligible"] == "不符合"  # an amount asked, not whether
