"""A sentence setting those registered elsewhere beside those registered in the place (非本区户籍人员持有本区居住证的，
与本区户籍人员同等享受), and an item of a materials list saying what they must also bring (非本区户籍人员另需提供本区
居住证), require no one to be registered elsewhere, nor there: neither a local asker nor one registered elsewhere
holding the place's 居住证 is "不符合" on them.

A fictional district document written for this test (no eval set has it, nothing was tuned on it).
"""

from __future__ import annotations

import pytest
from support import offline_engine_for

from assistant.offline.engine import OfflineEngine

DISTRICT = """平凉市崆峒区创业担保贷款实施办法
崆人社规〔2026〕1号
第一条 为支持创业带动就业，制定本办法。
第二条 返乡农民工在本区创业的，可申请创业担保贷款。非本区户籍人员持本区居住证的，与本区户籍人员同等享受。
第三条 申请人年龄应在18周岁以上、法定退休年龄以内。
第四条 个人创业担保贷款额度最高不超过20万元。
第五条 申请个人创业担保贷款需提交以下材料：
（一）创业担保贷款申请表；
（二）本人身份证件，非本区户籍人员另需提供本区居住证；
（三）营业执照。
第六条 本办法自2026年5月1日起施行。
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> OfflineEngine:
    return offline_engine_for(tmp_path_factory.mktemp("beside-locals"), {"kongtong-2026-startup-loans.txt": DISTRICT})


@pytest.mark.parametrize(
    "question",
    [
        "我是崆峒区户口，返乡农民工，35岁，想在崆峒区开个小饭馆，能申请创业担保贷款吗？",
        "崆峒区本地户籍，返乡农民工，今年40岁，自己开店创业，创业担保贷款最多能贷多少？",
        "我是静宁县户口，返乡农民工，办了崆峒区的居住证，在崆峒区开店，能申请创业担保贷款吗？",
    ],
)
def test_a_local_asker_is_not_failed_by_a_rule_for_those_from_elsewhere(engine, question):
    answer = engine.answer(question)
    assert answer.status == "answered", answer.answer
    assert "不符合" not in answer.answer and "户籍，您的情况" not in answer.answer, answer.answer
