"""A second situation said after the first (我是某公司的经理，同时也是公司法人): each is judged against the groups a
rule excludes, and 法人 is read as the 法定代表人 the rules write.

A fictional county's rules written for this test before the situations were widened (no eval set has them; nothing
was tuned on them).
"""

from __future__ import annotations

import pytest
from support import offline_engine_for

from assistant.offline.engine import OfflineEngine

MULING = """穆棱市家政服务员岗位补贴实施细则
穆人社发〔2026〕4号
一、补贴对象
在本市家政服务机构从事一线家政服务、持有家政服务员职业技能等级证书的人员，可享受岗位补贴。
二、补贴标准
持初级工证书的每人每月150元，持中级工及以上证书的每人每月250元，最长享受24个月。
三、享受限制
服务机构法定代表人、股东和管理人员，不纳入岗位补贴范围。
四、本细则自2026年2月1日起施行。
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> OfflineEngine:
    return offline_engine_for(tmp_path_factory.mktemp("second"),
                              {"muling-2026-domestic-worker-post-subsidy.txt": MULING})


@pytest.mark.parametrize("question", [
    "我是穆棱一家家政公司的经理，同时也是公司法人，考了家政服务员中级证，岗位补贴我能领吗？",
    "我在穆棱开了家家政公司，我是老板，也是法人代表，自己也考了家政服务员证，每月的岗位补贴能领不？",
])
def test_a_second_situation_is_judged(engine: OfflineEngine, question: str) -> None:
    answer = engine.answer(question)
    assert answer.answer.startswith("结论：不符合") and "法定代表人" in answer.answer, answer.answer


def test_a_front_line_worker_is_not_excluded(engine: OfflineEngine) -> None:
    answer = engine.answer("我是穆棱一家家政公司的一线家政员，考了家政服务员中级证，岗位补贴能领吗？")
    assert "不符合" not in answer.answer.split("依据")[0], answer.answer
