"""Raises a document says stack (可叠加享受): each called-for raise applied in turn, in the order the document
gives, capped where it caps the stacked total.

Fictional documents written for this test before the mechanism (no eval set has them, nothing was tuned on them): a
province's skill upgrade measures with an amount table; a city raising that standard by a share for firms on its
list and by a sum for 技师, with an item saying the two stack (先按第1目上浮，再按第2目增加) under a cap of a
multiple of the provincial standard; another city doing the same with a catalogue of occupations, whose stacking
item restates the figures (先按省定标准的130%计算，再增加400元) instead of naming the items; and a third whose cap
stands in an item of its own after the one saying the raises stack.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from support import assert_leads_with, clause_chunk, figures, lead, offline_engine_beside_library

from assistant.offline.engine import OfflineEngine
from assistant.offline.stacking import StackRule, stacking_rule

PROVINCE = """吉林省人力资源和社会保障厅 吉林省财政厅关于印发《吉林省职工技能提升补贴办法》的通知
吉人社规〔2025〕7号
各市（州）人力资源和社会保障局、财政局：
现将《吉林省职工技能提升补贴办法》印发给你们，请认真贯彻执行。
吉林省职工技能提升补贴办法
第一条　为提升职工技能水平，制定本办法。
第二条　在我省参加失业保险的企业职工取得职业技能等级证书的，按附件1所列标准给予技能提升补贴。
第三条　本办法自2025年4月1日起施行。

附件1

吉林省职工技能提升补贴标准表

序号\t证书等级\t补贴标准（元/人）
1\t初级工（五级）职业技能等级证书\t1000
2\t中级工（四级）职业技能等级证书\t1500
3\t高级工（三级）职业技能等级证书\t2000
4\t技师（二级）职业技能等级证书\t2800
5\t高级技师（一级）职业技能等级证书\t3200
"""

SIPING = """四平市人力资源和社会保障局 四平市财政局关于提高企业职工技能提升补贴标准的通知
四人社发〔2025〕11号
一、提高补贴标准
（一）提标范围和标准
1.列入《四平市重点产业企业名录》的企业职工取得中级工（四级）及以上职业技能等级证书的，在省定标准基础上上浮20%。
2.取得技师（二级）或者高级技师（一级）证书的，不分行业，在省定标准基础上每人再增加500元。
3.同时符合本项第1目、第2目情形的，可叠加享受，先按第1目上浮，再按第2目增加，但每人每证补贴总额最高不超过省定标准的1.3倍。
（二）《四平市重点产业企业名录》由市工业和信息化局每年公布。
二、本通知自2025年6月1日起施行。
"""

TONGHUA = """通化市人力资源和社会保障局 通化市财政局关于加大技能人才培养支持力度的通知
通人社发〔2025〕9号
一、提高技能提升补贴标准
（一）职工取得证书的职业（工种）列入《通化市急需紧缺职业（工种）目录》的，按省定标准的130%给予补贴。
（二）技师和高级技师补贴
1.取得技师（二级）、高级技师（一级）职业技能等级证书的人员，在省定标准基础上每人再增加400元。
2.同时符合本通知第一条第（一）项规定的，可以叠加享受，先按省定标准的130%计算，再增加400元。
二、本通知自2025年5月1日起施行。
"""

BAISHAN = """白山市人力资源和社会保障局关于提高技能提升补贴标准的通知
白人社发〔2025〕4号
一、提高标准
（一）提标范围和标准
1.列入《白山市重点产业企业名录》的企业职工取得中级工（四级）及以上职业技能等级证书的，在省定标准基础上上浮20%。
2.取得技师（二级）、高级技师（一级）证书的，在省定标准基础上每人再增加600元。
3.本项第1目和第2目规定的政策可以叠加享受。
4.按本项规定提高后，每人每证补贴总额最高不超过省定标准的1.35倍。
二、本通知自2025年7月1日起施行。
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> OfflineEngine:
    return offline_engine_beside_library(tmp_path_factory.mktemp("stacked"), {
        "jilin-2025-skill-upgrade.txt": PROVINCE, "siping-2025-skill-upgrade-raise.txt": SIPING,
        "tonghua-2025-skilled-talent.txt": TONGHUA, "baishan-2025-skill-upgrade-raise.txt": BAISHAN})


WORDS = ("叠加", "同时享受")
NEGATIONS = ("不", "未", "无")


def test_a_stacking_sentence_gives_the_order_and_the_cap() -> None:
    chunk = clause_chunk("一、（一）3", "3.同时符合本项第1目、第2目情形的，可叠加享受，先按第1目上浮，再按第2目增加，"
                                        "但每人每证补贴总额最高不超过省定标准的1.3倍。")
    rule = stacking_rule(chunk, WORDS, NEGATIONS, ("就高",))
    assert rule == StackRule(chunk=chunk, sums_first=False, cap_factor=Decimal("1.3"), cap_sum=None,
                             cap_phrase="每人每证补贴总额最高不超过省定标准的1.3倍")
    summed = stacking_rule(clause_chunk("（三）", "（三）同时符合的，可以叠加享受，先增加300元，再按省定标准上浮10%，"
                                                 "但每人每年合计不超过5000元。"), WORDS, NEGATIONS, ("就高",))
    assert summed is not None and summed.sums_first and summed.cap_sum == Decimal(5000) and summed.cap_factor is None


@pytest.mark.parametrize("text", [
    "同一证书同时符合本措施第一条第（一）项和本项规定的，按就高原则享受其中一项，不重复叠加。",
    "按自治区规定标准的130%给予补贴，不再叠加其他上浮政策。",
    "本项补贴不与本办法第五条规定的上浮政策叠加享受。",  # the negation stands further back in the part
    "每人每年享受补贴次数最多不超过3次。",
])
def test_no_stacking_where_the_document_denies_it_or_does_not_say_it(text: str) -> None:
    assert stacking_rule(clause_chunk("（二）", text), WORDS, NEGATIONS, ("就高",)) is None


@pytest.mark.parametrize(("question", "amount", "wrong"), [
    # 2800 × 1.2 = 3360, + 500 = 3860, capped at 2800 × 1.3 = 3640
    ("四平的，我们公司在重点产业企业名录上，我今年拿了技师（二级）证，补贴能拿多少", Decimal(3640), Decimal(3860)),
    # a 高级技师: 3200 × 1.2 + 500 = 4340, capped at 4160
    ("四平一家名录里的重点产业企业，职工考了高级技师（一级）证书，给多少补贴", Decimal(4160), Decimal(4340)),
    # the list only: the share alone, nothing added
    ("四平的，公司在重点产业企业名录里，我考了中级工（四级）证，补多少钱", Decimal(1800), Decimal(2300)),
    # the cap in an item of its own: 2800 × 1.2 + 600 = 3960, capped at 2800 × 1.35 = 3780
    ("白山的，公司在重点产业企业名录里，我今年拿了技师（二级）证，技能提升补贴能拿多少", Decimal(3780), Decimal(3960)),
    # the restating form: 2800 × 130% = 3640, + 400 = 4040 (no cap stated)
    ("通化企业的焊工，焊工在市里的急需紧缺目录上，今年考了技师（二级）证，补贴一共多少", Decimal(4040), Decimal(3640)),
])
def test_raises_a_document_says_stack_are_applied_in_turn(engine: OfflineEngine, question: str, amount: Decimal,
                                                          wrong: Decimal) -> None:
    answer = engine.answer(question)
    assert_leads_with(answer.answer, amount, wrong)
    assert any(c.doc_id == "jilin-2025-skill-upgrade" and c.clause.startswith("附件1") for c in answer.citations)


def test_each_head_gets_the_stacked_rate(engine: OfflineEngine) -> None:
    answer = engine.answer("通化一家企业今年有3个职工拿了技师（二级）证书，职业都在急需紧缺目录里，企业一共能领多少")
    assert Decimal(12120) in figures(lead(answer.answer)), answer.answer  # (2800 × 130% + 400) × 3


def test_a_stacked_answer_cites_both_raises_and_the_stacking_item(engine: OfflineEngine) -> None:
    answer = engine.answer("四平的，我们公司在重点产业企业名录上，我今年拿了技师（二级）证，补贴能拿多少")
    cited = {c.clause for c in answer.citations if c.doc_id == "siping-2025-skill-upgrade-raise"}
    assert cited >= {"一、（一）1", "一、（一）2", "一、（一）3"}, answer.answer
    assert "1.3倍" in answer.answer


def test_one_raise_alone_is_not_stacked(engine: OfflineEngine) -> None:
    answer = engine.answer("通化的，考了技师（二级）证，工种不在急需紧缺目录里，能补多少")
    assert_leads_with(answer.answer, Decimal(3200), Decimal(4040))  # 2800 + 400
