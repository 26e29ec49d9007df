"""An amount asked per head or per period (每人每月能领多少, 一个人每个月补多少) is the rate for one, however many heads
and months the asker's story counts; asked as a total (一共能领多少) it is worked out for all of them.

Fictional document written for this test (no eval set has it, nothing was tuned on it): a city's internship notice
paying one monthly rate per intern.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from support import answered_with, module_engine

from assistant.offline.arithmetic import asked_per
from assistant.offline.engine import OfflineEngine

NOTICE = """酒泉市人力资源和社会保障局 酒泉市财政局关于做好就业见习工作的通知
酒人社发〔2026〕4号
各县市区人力资源和社会保障局、财政局：
一、见习单位吸纳离校2年内未就业高校毕业生参加就业见习的，按每人每月1800元给予见习补贴，见习期最长12个月。
二、见习补贴按季度拨付给见习单位。
三、本通知自2026年1月1日起施行。
"""


engine = module_engine("rate_asked_per_unit", {"jiuquan-2026-internship-notice.txt": NOTICE})


def test_the_units_a_question_asks_an_amount_per() -> None:
    totals = ("一共", "总共", "加起来")
    assert asked_per("招了5个见习生，见习补贴每人每月能领多少", totals) == {"人", "月"}
    assert asked_per("带了3个见习生见习了6个月，一个人每个月补多少", totals) == {"人", "月"}
    assert asked_per("每月交600块社保，一共能补多少", totals) == set()  # 每月 tells; 一共 asks the whole
    assert asked_per("干了一年半了，能领多少", totals) == set()


@pytest.mark.parametrize(("question", "wrong"), [
    ("我们是酒泉的企业，招了5个见习生，见习补贴每人每月能领多少？", Decimal(9000)),
    ("酒泉一家公司带了3个见习生见习了6个月，一个人每个月补多少？", Decimal(32400)),
])
def test_an_amount_asked_per_unit_is_the_rate(engine: OfflineEngine, question: str, wrong: Decimal) -> None:
    answered_with(engine, question, Decimal(1800), wrong=wrong)


def test_an_amount_asked_as_a_total_counts_every_head_and_month(engine: OfflineEngine) -> None:
    answered_with(engine, "酒泉一家公司带了3个见习生见习了6个月，一共能领多少见习补贴？", Decimal(32400))
