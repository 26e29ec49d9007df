"""A first turn that only tells the background (我在天心区的养老机构做一线护理，有中级证，合同签了三年。) is read
with the question after it even when that question names its benefit (每个月的岗位补贴有多少？): the care
worker's row answers, not the domestic-service row of the same level, and a follow-up asking the whole works out
the care row's rate over its own longest term. A question naming the care row's group in words of its own
(养老院…护理员) is answered by that row: the domestic row before it has a condition of its own, it is no rate for
all.

Fictional document written for this test (no eval set has it, nothing was tuned on it).
"""

from __future__ import annotations

import pytest
from support import body, offline_engine_for

from assistant.models import Conversation
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
    return offline_engine_for(tmp_path_factory.mktemp("background-then-named"), {
        "tianxin-2025-elderly-care-domestic-post-subsidy.txt": DISTRICT,
    })


def test_the_background_chooses_the_row_and_the_follow_up_the_whole(engine: OfflineEngine) -> None:
    conversation = Conversation()
    engine.answer("我在天心区的养老机构做一线护理，有中级证，合同签了三年。", conversation=conversation)
    monthly = engine.answer("每个月的岗位补贴有多少？", conversation=conversation)
    said = body(monthly)
    assert "350元" in said, monthly.answer
    assert "220元" not in said, monthly.answer
    whole = engine.answer("那最多能领几年？一共能领多少钱？", conversation=conversation)
    assert "8400元" in body(whole), whole.answer  # 350元 × 24个月 (the contract's 36 months capped)


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
