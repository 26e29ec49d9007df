"""A rate never above what the asker actually pays for its period (按每人每月N元给予社会保险补贴，补贴额不超过其当月
实际缴费额) is that sum when the question states a lower one per month; two periods each paid a sum of their own
(前4个月每月交300块，后8个月每月交600块…这一年) are worked out period by period — the year they make up said as each
period in its part — and totalled.

A fictional district document written for this test (no eval set has it, nothing was tuned on it).
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from support import answered_with, offline_engine_for

from assistant.offline.engine import OfflineEngine
from assistant.offline.groups import periods_apart

DISTRICT = """定西市安定区灵活就业社会保险补贴实施办法
安人社规〔2026〕2号
第一条 为支持就业困难人员灵活就业，制定本办法。
第二条 就业困难人员灵活就业后缴纳社会保险费的，按每人每月500元给予社会保险补贴，补贴额不超过其当月实际缴费额。
第三条 本办法自2026年2月1日起施行。
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> OfflineEngine:
    return offline_engine_for(tmp_path_factory.mktemp("capped-by-paid"), {"anding-2026-insurance.txt": DISTRICT})


@pytest.mark.parametrize(
    ("question", "paid", "wrong"),
    [
        ("安定区的就业困难人员，灵活就业每月交社保420块，交了6个月，社保补贴能领多少？", Decimal(2520), Decimal(3000)),
        ("安定区的就业困难人员，灵活就业每月交社保600块，交了6个月，社保补贴能领多少？", Decimal(3000), Decimal(3600)),
        ("安定区的就业困难人员，灵活就业自己交社保：前4个月每月交300块，后8个月每月交600块，"
         "这一年社保补贴一共能领多少？", Decimal(5200), Decimal(6000)),
    ],
)
def test_the_rate_is_never_above_what_is_paid(engine, question, paid, wrong):
    answered_with(engine, question, paid, wrong)


def test_two_periods_paid_apart():
    found = periods_apart("前4个月每月交300块，后8个月每月交600块，这一年能领多少？")
    assert found is not None and (found.apart, found.rest) == ("前4个月每月交300块，这4个月能领多少？",
                                                               "后8个月每月交600块，这8个月能领多少？"), found
    assert periods_apart("前4个月每月交300块，后8个月每月交300块，这一年能领多少？") is None  # one sum: one period
