"""A student stating their grade (在哈尔滨读高二) says who the asker is, as 在某单位上班 does (answers.yaml
exclusions.situations; synonyms map the grade to 在校学生): a rule excluding 全日制在校学生 settles the question, and a
benefit the library lacks is still not answered.

A fictional county's rules written for this test (no eval set has them; nothing was tuned on them).
"""

from __future__ import annotations

import pytest
from support import offline_engine_for

from assistant.offline.engine import OfflineEngine

MULAN = """木兰县农村劳动力职业技能培训补贴实施细则
木人社发〔2026〕2号
一、补贴对象
本县户籍的农村劳动力参加县定点培训机构组织的职业技能培训。
二、补贴标准
参加培训并取得职业技能等级证书的，初级（五级）每人补贴1000元，中级（四级）每人补贴1500元，高级（三级）每人补贴2000元。
三、本细则自2026年1月1日起施行。
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> OfflineEngine:
    return offline_engine_for(tmp_path_factory.mktemp("story"), {"mulan-2026-training-rules.txt": MULAN})


def test_a_student_stating_their_grade_meets_the_rule_excluding_students(
        tmp_path_factory: pytest.TempPathFactory) -> None:
    """在某地读高二 says who the asker is (a student: synonyms map the grade to 在校学生), as 在某单位上班 does: a
    rule excluding 全日制在校学生 settles the question whichever clause ranks first."""
    excluded = ("三、下列人员不享受本细则规定的培训补贴：\n（一）全日制在校学生（含寒暑假期间参加培训的）；\n"
                "（二）机关事业单位在编人员。\n四、本细则")
    rules = MULAN.replace("三、本细则", excluded)
    engine = offline_engine_for(tmp_path_factory.mktemp("student"), {"mulan-2026-training-rules.txt": rules})
    answer = engine.answer("我家孩子在哈尔滨读高二，户口在木兰县，暑假回来想学电工，培训补贴能享受吗？")
    assert answer.answer.startswith("结论：不符合") and "在校学生" in answer.answer, answer.answer
