"""A share of a sum the asker states, capped (按实际支付利息的P%给予贴息，每人每年最高不超过M元): drafted as a
percentage of that sum with the cap, and worked out with the one sum the question states (利息一年交了N元).

A fictional document written for this test (no eval set has it; nothing was tuned on it), after the mechanism was
found on a question about another document.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from support import answered_with, drafted_rules, offline_engine_for

from assistant.offline.engine import OfflineEngine

CITY = """临江市人力资源和社会保障局 临江市财政局关于印发《临江市创业担保贷款贴息办法》的通知
临人社发〔2026〕2号
各乡镇人民政府、街道办事处：
现将《临江市创业担保贷款贴息办法》印发给你们，请认真贯彻执行。
临江市创业担保贷款贴息办法
一、符合条件的个人可申请最高20万元的创业担保贷款，贷款期限最长不超过3年。
二、对按期还款的个人创业担保贷款，财政按借款人当年实际支付利息的80%给予贴息，每人每年贴息最高不超过8000元。
三、本办法自2026年8月1日起施行。
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> OfflineEngine:
    return offline_engine_for(tmp_path_factory.mktemp("share"), {"linjiang-2026-loan-interest-subsidy.txt": CITY})


def test_a_capped_share_of_a_sum_is_drafted_as_a_percentage_with_its_cap(tmp_path) -> None:
    [rule] = drafted_rules(tmp_path, CITY, "二、", "临江市")
    assert rule["formula"]["kind"] == "percent_of_base" and rule["formula"]["cap"] == "cap", rule
    assert (rule["parameters"]["rate"]["value"], rule["parameters"]["cap"]["value"]) == (80, 8000), rule


@pytest.mark.parametrize(("question", "amount"), [
    ("我在临江贷了创业担保贷款，一直按期还款，今年实际付了6000元利息，能贴息多少？", Decimal(4800)),  # 6000 × 80%
    ("临江的创业担保贷款，今年利息交了一万二，按时还的，财政给贴多少息？", Decimal(8000)),  # 9600, capped at 8000
])
def test_the_share_is_worked_out_of_the_sum_the_question_states(engine: OfflineEngine, question: str,
                                                                amount: Decimal) -> None:
    answered_with(engine, question, amount)
