"""A list's item that leads in a list of its own (本年度目录包括以下几类职业（工种）：) is shown with its items, each
cited, so a question asking what the nested list holds gets its items, not the bare lead-in.

Fictional document written for this test (no eval set has it, nothing was tuned on it): a prefecture city's notice
raising the training subsidy for occupations in its shortage catalogue, the catalogue's classes listed under an item.
"""

from __future__ import annotations

import pytest
from support import offline_engine_beside_library

from assistant.offline.engine import OfflineEngine

CITY = """临沧市人力资源和社会保障局关于发布紧缺职业培训补贴上浮办法的通知
临人社发〔2026〕21号
各县（区）人力资源和社会保障局：
一、紧缺职业上浮
（一）上浮标准。
1.纳入《临沧市紧缺职业（工种）目录》的职业（工种），培训补贴在省定标准基础上上浮15%。目录由市人力资源和社会保障局每年发布。
2.目录每年调整一次，本年度目录包括以下几类职业（工种）：
（1）茶叶加工工、咖啡加工工等农产品加工类职业；
（2）电工、焊工等装备制造类职业；
（3）育婴员、保育师等托育服务类职业。
二、本通知自2026年3月1日起施行，有效期2年。
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> OfflineEngine:
    return offline_engine_beside_library(tmp_path_factory.mktemp("nested_list"), {
        "lincang-2026-shortage-catalogue.txt": CITY})


def test_a_nested_lists_items_are_shown_and_cited(engine: OfflineEngine) -> None:
    answer = engine.answer("临沧的紧缺职业目录包括哪些职业？")
    assert answer.status == "answered", answer.answer
    for item in ("茶叶加工工", "焊工", "保育师"):
        assert item in answer.answer
    assert {c.clause for c in answer.citations} >= {"一、（一）2（1）", "一、（一）2（3）"}
