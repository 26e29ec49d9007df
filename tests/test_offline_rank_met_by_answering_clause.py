"""A rank the answering clause sets and the asker meets is not failed by another clause's higher rank.

A city's notice raises the province's training standard in two items: for occupations in its shortage catalogue,
取得中级工及以上证书的 by 20%; for 家政服务员 and 育婴员, 取得初级工及以上证书的 by 200元. A 初级 holder asking about
the second is answered by it — not told 不符合 because the first item asks for 中级工及以上: that is another raise's
condition, not the benefit's. Asked about the first, the 初级 holder gets no 20% raise (its rank is failed).

Fictional documents written for this test (no eval set has them, nothing was tuned on them).
"""

from __future__ import annotations

import pytest
from support import body, offline_engine_for

from assistant.offline.engine import OfflineEngine

CITY = """宝鸡市人力资源和社会保障局 宝鸡市财政局关于加大职业技能培训支持力度的通知
宝人社发〔2025〕8号
各县（区）人力资源和社会保障局、财政局：
现就加大职业技能培训支持力度通知如下：
一、提高职业培训补贴标准
（一）紧缺职业提标
1.对列入《宝鸡市紧缺职业（工种）目录》的职业（工种），劳动者取得中级工及以上职业技能等级证书的，补贴标准在省定标准基础上\
上浮20%。
2.紧缺职业目录由市人力资源社会保障局每年公布一次。
（二）家政类职业提标
1.劳动者参加家政服务员、育婴员培训并取得初级工及以上职业技能等级证书的，在省定标准基础上每人再增加200元。
2.每人每年享受的职业培训补贴合计不超过5000元。
二、本通知自2025年7月1日起施行。
"""

PROVINCE = """陕西省人力资源和社会保障厅 陕西省财政厅关于调整职业培训补贴标准的通知
陕人社发〔2025〕15号
各市人力资源和社会保障局、财政局：
现就调整职业培训补贴标准通知如下：
一、劳动者参加职业技能培训并取得职业技能等级证书的，按初级工1000元、中级工1500元、高级工2000元的标准给予职业培训补贴。
二、本通知自2025年3月1日起施行。
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> OfflineEngine:
    return offline_engine_for(tmp_path_factory.mktemp("rank-met-by-answering-clause"), {
        "baoji-2025-training-support-notice.txt": CITY,
        "shaanxi-2025-training-subsidy-standard.txt": PROVINCE,
    })


@pytest.mark.parametrize("question", [
    "宝鸡的，参加育婴员培训考了初级证，培训补贴能拿多少？",
    "我在宝鸡，学家政服务员考下初级工证书了，补贴有多少？",
])
def test_the_answering_clauses_own_rank_settles_it(engine: OfflineEngine, question: str) -> None:
    answer = engine.answer(question)
    said = body(answer)
    assert "不符合" not in said, answer.answer
    assert "1200元" in said, answer.answer


def test_a_raise_whose_rank_the_asker_fails_is_not_applied(engine: OfflineEngine) -> None:
    answer = engine.answer("宝鸡的，我的工种在紧缺目录里，刚考了初级证，补贴标准能上浮20%吗？能拿多少？")
    said = body(answer)
    assert "1200元" not in said and "1000元" in said, answer.answer  # 中级工及以上 is the 20%'s condition
