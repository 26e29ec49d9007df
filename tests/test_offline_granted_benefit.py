"""Which benefit a figure belongs to. A province's measures set its 职业培训补贴 in a two-column table (甲类/乙类
职业) and, in another article, a 技能等级认定补贴 by level that "may be had together with the 职业培训补贴"; a city
raises the province's 甲类 standard by a share, and the province caps what cities may raise.

- The benefit a clause grants is the first its sentence with a figure names (else its heading's): the 认定补贴
  article only mentions the 培训补贴, so its 160元 never answers a 培训补贴 question, nor is it the base a city's
  raise of the 培训补贴 applies to.
- A certificate level said in the question (中级工) does not make a 培训补贴 question one on another topic.
- 在省定甲类职业标准基础上上浮N%: the raise applies to the 甲类 column of the province's row.
- 提高后的标准不得超过附件对应标准的150% caps raises; it is not itself a raise of 150%.

Two fictional documents written for this test (no eval set has them, nothing was tuned on them).
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from support import figures, lead, offline_engine_beside_library

from assistant.offline.engine import OfflineEngine

PROVINCE = """吉林省人力资源和社会保障厅 吉林省财政厅关于印发《吉林省职业培训补贴管理办法》的通知
吉人社规〔2025〕9号
各市（州）人力资源和社会保障局、财政局：
现将《吉林省职业培训补贴管理办法》印发给你们，请认真贯彻执行。
吉林省职业培训补贴管理办法
第一条　为规范职业培训补贴管理，制定本办法。
第二条　劳动者参加职业技能培训并取得职业技能等级证书的，按附件所列标准给予职业培训补贴。甲类职业为列入全省紧缺职业\
目录的职业（工种），其他为乙类职业。
第三条　劳动者参加职业技能等级认定并取得证书的，按初级工100元、中级工160元、高级工240元的标准给予技能等级认定补贴，\
可与职业培训补贴同时享受。
第四条　各市可以结合实际，在省定标准基础上提高职业培训补贴标准，但提高后的标准不得超过附件对应标准的150%。
第五条　本办法自2025年4月1日起施行，有效期至2029年12月31日。

附件

吉林省职业培训补贴标准

序号\t证书等级\t甲类职业（元/人）\t乙类职业（元/人）
1\t初级工（五级）职业技能等级证书\t1100\t900
2\t中级工（四级）职业技能等级证书\t1600\t1300
3\t高级工（三级）职业技能等级证书\t2200\t1800
"""

CITY = """通化市人力资源和社会保障局 通化市财政局关于提高重点产业职业培训补贴标准的通知
通人社发〔2025〕14号
各县（市、区）人力资源和社会保障局、财政局：
一、提高职业培训补贴标准
（一）对列入《通化市重点产业紧缺职业（工种）目录》的职业（工种），劳动者取得中级工及以上职业技能等级证书的，\
补贴标准在省定甲类职业标准基础上上浮25%。
（二）紧缺职业目录由市人力资源社会保障局每年公布一次。
二、本通知自2025年7月1日起施行。
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> OfflineEngine:
    return offline_engine_beside_library(tmp_path_factory.mktemp("granted"), {
        "jilin-2025-training-subsidy.txt": PROVINCE, "tonghua-2025-training-raise.txt": CITY})


def test_a_training_subsidy_question_is_answered_by_the_table_not_by_the_certification_article(
        engine: OfflineEngine) -> None:
    answer = engine.answer("我在白山市，去年参加了电工培训，考下了中级工证，职业培训补贴能给多少？")
    assert answer.status == "answered", answer.answer
    stated = figures(lead(answer.answer))
    assert Decimal(1600) in stated and Decimal(160) not in stated, answer.answer
    assert any(c.doc_id == "jilin-2025-training-subsidy" and c.clause.startswith("附件") for c in answer.citations)


def test_a_certificate_level_does_not_make_it_a_question_on_another_topic(engine: OfflineEngine) -> None:
    u = engine.retriever.understand("考了中级工证，职业培训补贴多少钱？")
    topic = next(t for t in engine.knowledge.topics.topics if t.name == u.topic)
    assert "培训补贴" in topic.terms and u.benefit_words == ["培训补贴"], (u.topic, u.benefit_words)


def test_a_raise_of_the_province_s_class_a_standard_applies_to_that_column(engine: OfflineEngine) -> None:
    answer = engine.answer("通化的，电工在市里的重点产业紧缺职业目录上，我考了中级工证，培训补贴一共多少钱？")
    assert answer.status == "answered", answer.answer
    stated = figures(lead(answer.answer))
    assert Decimal(2000) in stated, answer.answer  # 1600 × 125%
    assert not stated & {Decimal(200), Decimal(1625)}, answer.answer  # 160 × 125%, 1300 × 125%
    assert {"jilin-2025-training-subsidy", "tonghua-2025-training-raise"} <= {c.doc_id for c in answer.citations}


def test_a_ceiling_on_raises_is_not_a_raise(engine: OfflineEngine) -> None:
    answer = engine.answer("我在吉林省白山市，焊工是甲类职业，考了中级工证，职业培训补贴多少钱？")
    assert answer.status == "answered", answer.answer
    stated = figures(lead(answer.answer))
    assert Decimal(1600) in stated and Decimal(2400) not in stated, answer.answer  # not 1600 × 150%
