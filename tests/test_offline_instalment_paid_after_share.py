"""An instalment worded with its share first and how it is paid after (按补贴总额的60%预拨), asked as that
payment (备案后能先预拨多少, 第一笔预拨多少钱): the share of the worked-out whole answers, as it does when the paying
word stands before the share (预拨补贴总额的60%). A question asking no instalment gets the whole.

A fictional document written for this test (no eval set has it, nothing was tuned on it).
"""

from __future__ import annotations

import pytest
from support import body, offline_engine_for

from assistant.offline.engine import OfflineEngine

NOTICE = """景德镇市人力资源和社会保障局 景德镇市财政局关于推进企业新型学徒制培训的通知
景人社发〔2025〕6号
各县（市、区）人力资源和社会保障局、财政局：
现就推进企业新型学徒制培训通知如下：
一、补贴标准
（一）企业新型学徒制培训补贴标准为：中级工每人每年4500元，高级工每人每年5500元。
（二）补贴期限按实际培训期限计算，最长不超过2年。
二、资金拨付
（一）补贴资金分两次拨付：企业学徒培训备案后，按补贴总额的60%预拨；培训期满、学徒取得相应等级证书后，拨付其余资金。
三、本通知自2025年9月1日起施行。
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> OfflineEngine:
    return offline_engine_for(tmp_path_factory.mktemp("instalment-paid-after-share"), {
        "jingdezhen-2025-apprenticeship-notice.txt": NOTICE,
    })


@pytest.mark.parametrize(("question", "share", "whole"), [
    ("景德镇一家陶瓷企业，招了4个学徒培养中级工，培训期一年，备案后能先预拨多少？", "10800元", "18000元"),
    ("景德镇的企业，6个学徒培养高级工，学制一年，补贴第一笔预拨多少钱？", "19800元", "33000元"),
])
def test_the_share_paid_first_answers(engine: OfflineEngine, question: str, share: str, whole: str) -> None:
    answer = engine.answer(question)
    said = body(answer)
    assert share in said and whole in said, answer.answer  # the whole, then its share
    assert said.index(share) < said.index("计算过程"), answer.answer  # the share is the answer
    assert ("jingdezhen-2025-apprenticeship-notice", "二、（一）") in {(c.doc_id, c.clause) for c in answer.citations}


def test_no_instalment_asked_gets_the_whole(engine: OfflineEngine) -> None:
    answer = engine.answer("景德镇一家陶瓷企业，招了4个学徒培养中级工，培训期一年，一共能拿多少补贴？")
    said = body(answer)
    assert "18000元" in said and "10800元" not in said, answer.answer
