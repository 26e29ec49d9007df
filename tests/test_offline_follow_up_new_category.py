"""A follow-up telling a new category ("那要是考的是高级工呢？" after 考了初级工) is the same question about that
category: the clause that told the old one is left out, so the amount is the new row's, not the old one's.

Fictional document written for this test (no eval set has it, nothing was tuned on it): a prefecture city's training
subsidy with amounts by level.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from support import figures, lead, offline_engine_beside_library

from assistant.models import Conversation
from assistant.offline.engine import OfflineEngine

CITY = """文山州人力资源和社会保障局 文山州财政局关于职业技能培训补贴标准的通知
文人社发〔2026〕9号
各县（市）人力资源和社会保障局、财政局：
一、补贴标准
登记失业人员参加补贴性职业技能培训并取得证书的，按以下标准给予培训补贴：
（一）取得初级工（五级）证书的，每人1100元；
（二）取得中级工（四级）证书的，每人1600元；
（三）取得高级工（三级）证书的，每人2100元。
二、培训补贴由本人在取得证书之日起6个月内向县（市）公共就业服务机构申请。
三、本通知自2026年2月1日起施行，有效期3年。
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> OfflineEngine:
    return offline_engine_beside_library(tmp_path_factory.mktemp("follow_up_category"), {
        "wenshan-2026-training-subsidy.txt": CITY})


def test_a_new_category_in_a_follow_up_is_answered_with_its_own_row(engine: OfflineEngine) -> None:
    conversation = Conversation()
    first = engine.answer("我在文山参加了电工培训，是登记失业人员，考了五级初级工，培训补贴能拿多少？",
                          conversation=conversation)
    assert Decimal("1100") in figures(lead(first.answer))
    follow_up = engine.answer("那要是考的是三级高级工呢？", conversation=conversation)
    assert follow_up.status == "answered", follow_up.answer
    assert Decimal("2100") in figures(lead(follow_up.answer))
    assert Decimal("1100") not in figures(lead(follow_up.answer))
