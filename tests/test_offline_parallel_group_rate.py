"""A rate with a condition of its own is another group's, not one for all, when the question says more of the
group's condition than of that one: a question naming the care row's group in words of its own (养老院…护理员) is
answered by that row, not by the domestic-service row of the same level before it, and the other way round.

Fictional document written for this test (no eval set has it, nothing was tuned on it).
"""

from __future__ import annotations

import pytest
from support import body, offline_engine_for

from assistant.offline.engine import OfflineEngine

DISTRICT = """长沙市天心区人力资源和社会保障局 长沙市天心区民政局关于印发《天心区养老家政服务人才岗位补贴办法》的通知
天人社发〔2025〕5号
各街道办事处、区直有关单位：
现将《天心区养老家政服务人才岗位补贴办法》印发给你们，请遵照执行。
天心区养老家政服务人才岗位补贴办法
一、适用对象
在区内服务机构从事一线服务、年龄在18至60周岁、与服务机构签订1年以上劳动合同并按规定缴纳社会保险的人员。
二、岗位补贴标准
（一）在区内家政企业从事家政服务、持家政服务员中级工证书的，岗位补贴每人每月220元，最长享受12个月。
（二）在区内养老机构从事一线护理、持养老护理员中级工证书的，岗位补贴每人每月350元，最长享受24个月。
三、本办法自2025年7月1日起施行。
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> OfflineEngine:
    return offline_engine_for(tmp_path_factory.mktemp("parallel-group-rate"), {
        "tianxin-2025-elderly-care-domestic-post-subsidy.txt": DISTRICT,
    })


@pytest.mark.parametrize(("question", "rate", "other"), [
    # 养老院…护理员 says the care row's condition in short words (no four in a row), 家政 nothing of it: the care row
    # is a group's own, the domestic row before it is no rate for all
    ("我在天心区一家养老院当护理员，有中级证，每个月的岗位补贴有多少？", "350元", "220元"),
    ("天心区做家政服务的，有中级证，每个月的岗位补贴有多少？", "220元", "350元"),
])
def test_a_rate_of_a_parallel_group_is_no_rate_for_all(engine: OfflineEngine, question: str, rate: str,
                                                       other: str) -> None:
    answer = engine.answer(question)
    said = body(answer)
    assert rate in said, answer.answer
    assert other not in said, answer.answer
