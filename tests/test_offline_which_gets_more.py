"""A question asking which of two things gets more (焊工和叉车司机哪个补得多) is a comparison: each thing is worked
out on its own, with the share the asker's group gets — never their sum with the share taken of it.

A fictional document written for this test (no eval set has it, nothing was tuned on it).
"""

from __future__ import annotations

import pytest
from support import offline_engine_for

from assistant.offline.engine import OfflineEngine

RULES = """蒲城县人力资源和社会保障局 蒲城县财政局关于印发《蒲城县农村劳动力技能培训实施细则》的通知
蒲人社发〔2025〕12号
各镇人民政府、县直有关部门：
现将《蒲城县农村劳动力技能培训实施细则》印发给你们，请认真贯彻执行。
一、培训对象为本县农村劳动力。
二、补贴标准
（一）培训补贴标准为：焊工（初级工）每人2000元，叉车司机（初级工）每人1500元。
（二）脱贫劳动力按本条第（一）项标准的100%给予补贴，其他农村劳动力按本条第（一）项标准的70%给予补贴。
三、本细则自2025年5月1日起施行。
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> OfflineEngine:
    return offline_engine_for(tmp_path_factory.mktemp("which-gets-more"), {
        "pucheng-2025-rural-labour-training-rules.txt": RULES,
    })


def test_each_thing_compared_is_worked_out_apart(engine: OfflineEngine) -> None:
    answer = engine.answer("蒲城县的普通农村劳动力，不是脱贫户，焊工和叉车司机哪个补得多？")
    said = "\n".join(line for line in answer.answer.splitlines() if not line.startswith("["))  # quotes left out
    assert "1400元" in said and "1050元" in said, answer.answer  # 2000元 × 70%, 1500元 × 70%
    assert "2450元" not in said, answer.answer  # (2000元 + 1500元) × 70%: no sum was asked
