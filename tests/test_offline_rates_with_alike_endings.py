"""Rates stated a sentence each whose words just before the figure end alike (城镇公益性岗位岗位补贴按每人每月…；
乡村公益性岗位岗位补贴按每人每月…: the same last fourteen characters) are told apart by their whole phrase, so the
rate of the kind asked is worked out — not the first sentence's.

Fictional document written for this test (no eval set has it, nothing was tuned on it): a prefecture's public-welfare
post allowance at two rates in one article.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from support import figures, lead, offline_engine_beside_library

from assistant.offline.engine import OfflineEngine

PREFECTURE = """红河州人力资源和社会保障局 红河州财政局关于调整公益性岗位补贴标准的通知
红人社发〔2026〕5号
各县（市）人力资源和社会保障局、财政局：
一、城区公益性岗位岗位补贴按每人每月1650元发放；农村公益性岗位岗位补贴按每人每月900元发放。
二、公益性岗位补贴按月拨付至本人社会保障卡。
三、本通知自2026年4月1日起施行，有效期3年。
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> OfflineEngine:
    return offline_engine_beside_library(tmp_path_factory.mktemp("alike_endings"), {
        "honghe-2026-public-post-allowance.txt": PREFECTURE})


@pytest.mark.parametrize(("question", "amount", "other"), [
    ("红河的农村公益性岗位，干了3个月，岗位补贴一共多少钱？", "2700", "4950"),
    ("红河城区公益性岗位干了3个月，岗位补贴一共多少钱？", "4950", "2700"),
])
def test_the_rate_of_the_kind_asked_is_worked_out(engine: OfflineEngine, question: str, amount: str,
                                                   other: str) -> None:
    answer = engine.answer(question)
    assert answer.status == "answered", answer.answer
    assert Decimal(amount) in figures(lead(answer.answer))
    assert Decimal(other) not in figures(answer.answer)
