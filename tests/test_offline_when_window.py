"""A question asking when to apply (什么时候报) is answered by the sentence giving the window — a calendar range
written 每年X月X日至Y月Y日 says when, whatever other word it uses — not by the time limit of the review that follows.

A fictional county's rules written for this test (no eval set has them; nothing was tuned on them).
"""

from __future__ import annotations

import pytest
from support import lead, offline_engine_beside_library

from assistant.offline.engine import OfflineEngine

RULES = """遂昌县人力资源和社会保障局 遂昌县财政局关于印发《遂昌县企业技能人才奖励办法》的通知
遂人社发〔2026〕4号
各乡镇人民政府、街道办事处，县级有关单位：
现将《遂昌县企业技能人才奖励办法》印发给你们，请认真贯彻执行。
一、奖励标准
（一）企业职工新取得技师（二级）职业技能等级证书的，给予企业每人2000元奖励；新取得高级技师（一级）证书的，每人3000元。
二、办理程序
（一）奖励一年办理一次，企业于4月1日至4月30日向县人力资源和社会保障局提出奖励申请，并提交职工证书复印件和劳动合同。
（二）县人力资源和社会保障局在受理后10个工作日内完成审核，审核结果公示5个工作日。
（三）公示无异议的，奖励资金在公示期满后15个工作日内拨付至企业基本账户。
三、本办法自2026年3月1日起施行。
遂昌县人力资源和社会保障局 遂昌县财政局
2026年2月10日
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> OfflineEngine:
    return offline_engine_beside_library(tmp_path_factory.mktemp("window"), {"suichang-2026-talent-awards.txt": RULES})


@pytest.mark.parametrize("question", [
    "遂昌县的企业，去年有职工考下技师证，企业的奖励一年什么时候能报？",
    "遂昌县的企业，技能人才奖励什么时候报？",
])
def test_when_to_apply_is_the_window(engine: OfflineEngine, question: str) -> None:
    answer = engine.answer(question)
    assert answer.status == "answered"
    assert "4月1日至4月30日" in lead(answer.answer), answer.answer
