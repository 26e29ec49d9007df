"""A follow-up asking a yes/no of its own (那我要是后来又考了高级工，还能再领一次吗？) after a question asking an amount
is answered as the follow-up asks, on the first question's point: by the clause limiting how often the benefit is had
(每人只能享受一次), not by working the amount out again for the new certificate — and with no verdict drawn from
another condition (满6个月 met says nothing of a second payment).

A fictional document written for this test (no eval set has it, nothing was tuned on it).
"""

from __future__ import annotations

import pytest
from support import body, offline_engine_for

from assistant.models import Conversation
from assistant.offline.engine import OfflineEngine

DISTRICT = """株洲市芦淞区人力资源和社会保障局关于印发《芦淞区养老护理人员岗位奖励办法》的通知
芦人社发〔2025〕6号
各街道、区直有关单位：
现将《芦淞区养老护理人员岗位奖励办法》印发给你们，请认真贯彻执行。
一、奖励对象为在区内养老机构从事一线护理工作满6个月的护理人员。
二、奖励标准
（一）取得养老护理员初级工证书的，每人1200元；取得中级工证书的，每人1800元；取得高级工证书的，每人2600元。
（二）每人只能享受一次岗位奖励，取得多个等级证书的，按申领时的最高等级计算，不补发差额。
三、本办法自2025年10月1日起施行。
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> OfflineEngine:
    return offline_engine_for(tmp_path_factory.mktemp("follow-up-own-ask"), {
        "lusong-2025-elderly-care-post-award-measures.txt": DISTRICT,
    })


def test_a_yes_no_follow_up_is_answered_by_how_often_the_benefit_is_had(engine: OfflineEngine) -> None:
    conversation = Conversation()
    first = engine.answer("芦淞区养老院的护理员，中级工证，干满半年了，岗位奖励能拿多少？",
                          conversation=conversation)
    assert "1800元" in body(first), first.answer
    follow_up = engine.answer("那我要是后来又考了高级工，还能再领一次差额吗？", conversation=conversation)
    said = body(follow_up)
    assert "只能享受一次" in said, follow_up.answer
    assert "2600元" not in said, follow_up.answer  # no amount worked out for the new certificate


def test_asked_again_the_limit_answers_with_no_verdict_of_another_condition(engine: OfflineEngine) -> None:
    answer = engine.answer("芦淞区养老院的护理员，干满半年了，已经按中级工证领过岗位奖励，后来又考了高级工，"
                           "还能再领一次差额吗？")
    said = body(answer)
    assert "只能享受一次" in said, answer.answer
    assert "符合" not in said.replace("不符合", ""), answer.answer  # 满6个月 met is no answer to 再领一次
