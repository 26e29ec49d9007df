"""The one an amount is asked per is no count the asker states: 一个普通见习生每月能拿多少 asks the rate per intern,
and must not be held against 能够提供不少于2个见习岗位 (a condition on the host's posts) as "您的情况为1个".

A count said in another clause than the ask (招了1个见习生，能拿多少) is still the asker's count.

A fictional document written for this test (no eval set has it, nothing was tuned on it).
"""

from __future__ import annotations

import pytest
from support import body, offline_engine_for

from assistant.offline.engine import OfflineEngine

MEASURES = """嘉兴市人力资源和社会保障局 嘉兴市财政局关于印发《嘉兴市就业见习管理办法》的通知
嘉人社规〔2025〕5号
各县（市、区）人力资源和社会保障局、财政局：
现将《嘉兴市就业见习管理办法》印发给你们，请认真贯彻执行。
嘉兴市就业见习管理办法
第一条 为做好就业见习工作，制定本办法。
第二条 见习单位应当依法登记注册、正常经营，能够提供不少于2个见习岗位，并为见习人员办理人身意外伤害保险。
第三条 见习补贴按每人每月1600元标准给予见习单位，见习期最长不超过12个月。
第四条 本办法自2025年6月1日起施行。
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> OfflineEngine:
    return offline_engine_for(tmp_path_factory.mktemp("one-asked-per"), {
        "jiaxing-2025-internship-measures.txt": MEASURES,
    })


@pytest.mark.parametrize("question", [
    "嘉兴的见习单位，一个普通见习生每月能拿多少见习补贴？",
    "我们是嘉兴的见习单位，见习补贴一个人一个月能给多少钱？",
])
def test_the_one_asked_per_fails_no_condition(engine: OfflineEngine, question: str) -> None:
    answer = engine.answer(question)
    said = body(answer)
    assert "1600元" in said, answer.answer
    assert "不符合" not in said and "您的情况为1个" not in said, answer.answer


def test_a_count_stated_apart_from_the_ask_is_still_judged(engine: OfflineEngine) -> None:
    answer = engine.answer("嘉兴的见习单位，我们只能提供1个见习岗位，能申请见习补贴吗？")
    assert "不符合" in body(answer), answer.answer
