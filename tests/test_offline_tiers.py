"""A thing ranked by the level that recognises it (国家级/省级/市级…, answers.yaml ``tier_words``): a question about the
thing at one tier is not answered by a document that names it only at another tier — it is a question the library
cannot answer, not one the other tier's figure answers.

One fictional document written for this test (no eval set has it, nothing was tuned on it): a national notice
funding national-level incubators.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from support import figures, offline_engine_beside_library

from assistant.offline.engine import OfflineEngine

NATIONAL = """人力资源社会保障部 财政部关于支持国家级创业孵化示范基地建设的通知
人社部发〔2025〕83号
各省、自治区、直辖市人力资源社会保障厅（局）、财政厅（局）：
为发挥创业孵化载体作用，现就有关事项通知如下。
一、支持对象
（一）经人力资源社会保障部评定的国家级创业孵化示范基地。
二、支持标准
（一）中央财政对每个国家级创业孵化示范基地给予一次性奖补80万元，评定后拨付50%，运营满两年考核合格后拨付其余50%。
三、申报程序
（一）基地向所在地人力资源社会保障部门提出申请，逐级审核后报人力资源社会保障部评定。
四、本通知自2025年4月1日起施行。
人力资源社会保障部 财政部
2025年3月18日
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> OfflineEngine:
    return offline_engine_beside_library(tmp_path_factory.mktemp("tiers"), {"mohrss-2025-incubators.txt": NATIONAL})


def test_a_thing_asked_at_another_tier_than_the_document_names_it_is_not_answered(engine: OfflineEngine) -> None:
    answer = engine.answer("我们在洛阳的孵化园刚评上省级创业孵化示范基地，能拿多少奖补？分几次给？")
    assert answer.status == "not_found", answer.answer
    assert Decimal(800000) not in figures(answer.answer) and "80万" not in answer.answer, answer.answer


def test_the_same_thing_at_the_documents_tier_is_answered(engine: OfflineEngine) -> None:
    answer = engine.answer("我们在洛阳的孵化园刚评上国家级创业孵化示范基地，能拿多少奖补？")
    assert answer.status == "answered", answer.answer
    assert "80万" in answer.answer or Decimal(800000) in figures(answer.answer), answer.answer
