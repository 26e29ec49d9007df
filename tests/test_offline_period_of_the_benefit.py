"""A monthly rate worked out over the months the asker says they worked (社保都有，一直带着干了N个月: the insurance
held over that time, the time itself is still the period paid for), capped by the longest period the document sets
for that benefit (以工代训补贴期限最长不超过N个月), not another benefit's (见习补贴期限最长不超过M个月).

A fictional document written for this test (no eval set has it; nothing was tuned on it), after the mechanisms were
found on a question about another document.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from support import answered_with, offline_engine_for

from assistant.offline.engine import OfflineEngine

CITY = """广水市人力资源和社会保障局 广水市财政局关于印发《广水市以工代训和就业见习补贴实施细则》的通知
广人社发〔2026〕8号
各镇人民政府、街道办事处，市直有关单位：
现将《广水市以工代训和就业见习补贴实施细则》印发给你们，请认真组织实施。
广水市以工代训和就业见习补贴实施细则
一、以工代训补贴
（一）本市中小微企业吸纳脱贫劳动力、登记失业人员，以工代训方式开展岗位技能培训的，按每人每月400元给予企业以工代训补贴。
（二）同一人员以工代训补贴期限最长不超过4个月。
二、就业见习补贴
（一）见习单位吸纳离校2年内未就业高校毕业生参加就业见习的，按每人每月1600元给予就业见习补贴。
（二）就业见习补贴期限最长不超过12个月。
三、本细则自2026年9月1日起施行。
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> OfflineEngine:
    return offline_engine_for(tmp_path_factory.mktemp("period"), {"guangshui-2026-work-for-training-rules.txt": CITY})


@pytest.mark.parametrize(("question", "amount"), [
    # 4 months of 以工代训 at most (not the 12 of 见习): 400 × 3 × 4
    ("我在广水开了个小厂，招了3个登记失业人员以工代训，合同社保都有，一直带着干了7个月，以工代训补贴一共能补多少？",
     Decimal(4800)),
    ("广水的企业，吸纳了2个脱贫劳动力以工代训，社保一直交着，已经干了3个月，以工代训补贴一共多少？",
     Decimal(2400)),  # 400 × 2 × 3: below the cap
])
def test_the_months_worked_are_paid_up_to_the_benefits_own_cap(engine: OfflineEngine, question: str,
                                                              amount: Decimal) -> None:
    answered_with(engine, question, amount)
