"""An amount paid in instalments, asked for both (批下来先给多少？剩下的多少): the first instalment leads and the
clause's other instalments of the same whole are worked out too; asked for the first only, the rest is not added.

A fictional document written for this test (no eval set has it; nothing was tuned on it), after the mechanism was
found on an eval item of another document.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from support import figures, lead, offline_engine_for

from assistant.offline.engine import OfflineEngine

CITY = """崇左市人力资源和社会保障局 崇左市财政局关于印发《崇左市返乡创业补贴实施办法》的通知
崇人社规〔2026〕1号
各县（市、区）人力资源和社会保障局、财政局：
现将《崇左市返乡创业补贴实施办法》印发给你们，请认真贯彻执行。
崇左市返乡创业补贴实施办法
第一条 返乡人员首次创办经营实体并正常经营6个月以上的，给予一次性返乡创业补贴6000元。
第二条 返乡创业补贴分两次拨付：经审核符合条件的，先拨付70%；经营实体正常经营满2年的，拨付剩余30%。
第三条 本办法自2026年3月1日起施行。
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> OfflineEngine:
    return offline_engine_for(tmp_path_factory.mktemp("instalments"), {
        "chongzuo-2026-return-startup-subsidy-measures.txt": CITY,
    })


def test_the_first_instalment_and_the_rest_asked_together(engine: OfflineEngine) -> None:
    answer = engine.answer("我在外打工多年，回崇左老家开了个农家乐，经营半年多了，"
                           "返乡创业补贴批下来先给多少？剩下的多少？")
    assert answer.status == "answered", answer.answer
    assert Decimal(4200) in figures(lead(answer.answer)), answer.answer  # 6000 × 70%
    assert Decimal(1800) in figures(answer.answer.split("依据：")[0]), answer.answer  # 6000 × 30%


@pytest.mark.parametrize("question", [
    "回崇左开了个小饭馆，经营七个月了，返乡创业补贴第一笔能拿多少？",
    "回崇左开了个小饭馆，经营七个月了，返乡创业补贴现在能先领到多少？",  # 先 + a verb of being paid
])
def test_the_first_instalment_alone_adds_no_rest(engine: OfflineEngine, question: str) -> None:
    answer = engine.answer(question)
    assert answer.status == "answered", answer.answer
    body = answer.answer.split("依据：")[0]
    assert Decimal(4200) in figures(lead(answer.answer)) and Decimal(1800) not in figures(body), answer.answer
