"""Who the asker speaks for: a relative the question is about (我爱人是…在编医生, 我女儿在…读高三（住校）) is the
situation an exclusion is judged on, a remark in brackets after a grade ends it, and a situation whose head word is
the excluded group's (在编医生 → 在编人员 of 机关事业单位在编人员) falls in that group.

A fictional county-level city's measures written for this test before the situations were widened (no eval set has
them; nothing was tuned on them).
"""

from __future__ import annotations

import pytest
from support import offline_engine_for

from assistant.offline.engine import OfflineEngine

DONGNING = """东宁市人力资源和社会保障局关于印发《东宁市一次性创业补贴实施办法》的通知
东人社规〔2026〕1号
各乡镇人民政府，各有关单位：
现将《东宁市一次性创业补贴实施办法》印发给你们，请认真遵照执行。
东宁市一次性创业补贴实施办法
第一条 为鼓励创业带动就业，制定本办法。
第二条 在本市首次创办小微企业或个体工商户，正常经营6个月以上的创业者，可申领一次性创业补贴。
第三条 一次性创业补贴标准为每户5000元。
第四条 下列人员不享受一次性创业补贴：
（一）机关事业单位在编人员；
（二）全日制在校学生（毕业年度高校毕业生除外）；
（三）已按月领取基本养老金的人员。
第五条 本办法自2026年3月1日起施行。
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> OfflineEngine:
    return offline_engine_for(tmp_path_factory.mktemp("others"),
                              {"dongning-2026-startup-subsidy-measures.txt": DONGNING})


@pytest.mark.parametrize(("question", "said"), [
    ("我爱人是东宁一家公立医院的在编医生，想用她的名义开个诊所，能领一次性创业补贴吗？", "在编人员"),
    ("我女儿在东宁读高三（住校的），放假想开个网店，能申请一次性创业补贴吗？", "在校学生"),
    ("我是东宁一所公办中学的在编教师，业余想开个个体书店，能领一次性创业补贴吗？", "在编人员"),
])
def test_a_relative_or_a_bracketed_grade_is_judged(engine: OfflineEngine, question: str, said: str) -> None:
    answer = engine.answer(question)
    assert answer.answer.startswith("结论：不符合") and said in answer.answer, answer.answer


@pytest.mark.parametrize("question", [
    "我爱人是东宁的退役军人，想开个小饭馆，能领一次性创业补贴吗？",
    "我是东宁一家私营企业的员工，下岗后想开个小超市，能领一次性创业补贴吗？",
])
def test_a_situation_outside_the_excluded_groups_is_not_excluded(engine: OfflineEngine, question: str) -> None:
    answer = engine.answer(question)
    assert "不符合" not in answer.answer.split("依据")[0], answer.answer
