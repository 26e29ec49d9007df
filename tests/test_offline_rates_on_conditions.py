"""Rates a sentence each pays on its own condition (从事个体经营的，每户N元；创办小微企业的，每户M元): a question naming
one condition gets that sentence's rate, raised where a group's raise applies; the condition of a later instalment
(正常经营满12个月的，拨付剩余P%) is no condition of the benefit, so a question about the whole is not refused on it.

A fictional document written for this test (no eval set has it; nothing was tuned on it), after the mechanisms were
found on questions about another document.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from support import answered_with, offline_engine_for

from assistant.offline.engine import OfflineEngine

CITY = """腾冲市人力资源和社会保障局 腾冲市财政局关于印发《腾冲市一次性创业补贴实施办法》的通知
腾人社发〔2026〕3号
各乡镇人民政府、街道办事处，市直各部门：
现将《腾冲市一次性创业补贴实施办法》印发给你们，请遵照执行。
腾冲市一次性创业补贴实施办法
第一条　在本市首次创办小微企业或从事个体经营，取得营业执照并正常经营3个月以上的创业者，可申领一次性创业补贴。
第二条　一次性创业补贴标准为：从事个体经营的，每户4000元；创办小微企业的，每户8000元。
第三条　退役军人、脱贫人口首次创业的，一次性创业补贴在第二条规定标准基础上提高25%。
第四条　一次性创业补贴分两次拨付：审核通过后拨付补贴总额的50%；正常经营满12个月的，拨付剩余50%。
第五条　本办法自2026年7月1日起施行。
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> OfflineEngine:
    return offline_engine_for(tmp_path_factory.mktemp("conditions"), {"tengchong-2026-startup-subsidy.txt": CITY})


@pytest.mark.parametrize(("question", "amount"), [
    ("我在腾冲创办了一家小微企业，正常经营5个月了，一次性创业补贴能拿多少？", Decimal(8000)),
    ("我是退役军人，在腾冲第一次创办了个小微企业，经营了半年，一次性创业补贴总共能拿多少？",
     Decimal(10000)),  # 8000 × 125%
])
def test_the_sentence_whose_condition_the_question_names_gives_the_rate(engine: OfflineEngine, question: str,
                                                                        amount: Decimal) -> None:
    answered_with(engine, question, amount)


def test_a_later_instalments_condition_refuses_nothing(engine: OfflineEngine) -> None:
    text = answered_with(engine, "我在腾冲创办了一家小微企业，正常经营7个月了，一次性创业补贴能拿多少？", Decimal(8000))
    assert "不符合" not in text, text  # 正常经营满12个月 conditions the second half only


def test_the_first_instalment_asked_is_not_refused_on_the_rests_condition(engine: OfflineEngine) -> None:
    text = answered_with(engine, "我在腾冲创办了一家小微企业，正常经营7个月了，"
                                 "一次性创业补贴审核通过后第一次能先拨多少？", Decimal(4000))  # 8000 × 50% on approval
    assert "不符合" not in text, text  # 正常经营满12个月 conditions only the rest (剩余50%)
