"""A deadline to apply is a "when", told apart from a review's time limit by what follows it.

"结业后20日内，向县就业服务中心提交申请" says by when to apply; "受理后10个工作日内完成审核" says how
long the review takes — both say N日内. A question asking both (申请要在多长时间内交？审核要多久？)
gets both clauses, and the pattern that reads a deadline (answers.yaml: aspects.when.forms) never
takes a review's step for one.

A fictional county's rules written for this test (no eval set has them; nothing was tuned on them).
"""

from __future__ import annotations

import re

import pytest
from support import offline_engine_for

from assistant.offline.engine import OfflineEngine
from ingest.knowledge import Knowledge

TANGYUAN = """汤原县农村劳动力职业技能培训补贴实施细则
汤人社发〔2026〕6号
一、补贴标准
参加县定点培训机构培训并取得职业技能等级证书的农村劳动力，中级（四级）每人补贴1600元。
二、申领程序
（一）培训机构开班前5个工作日内向县就业服务中心报送开班计划。
（二）培训机构应在结业考核结束后20日内，向县就业服务中心提交补贴申请表、学员花名册和证书查询截图，申请培训补贴。
（三）县就业服务中心在受理后12个工作日内完成审核，审核结果公示5天，公示无异议的拨付资金。
三、本细则自2026年3月1日起施行。
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> OfflineEngine:
    return offline_engine_for(tmp_path_factory.mktemp("deadline"), {"tangyuan-2026-training-rules.txt": TANGYUAN})


@pytest.mark.parametrize(("text", "deadline"), [
    ("培训机构应在结业考核结束后20日内，向县就业服务中心提交补贴申请表", True),
    ("企业应当在职工取得证书之日起30日内提出申请", True),
    ("个人应在取得证书之日起12个月内提出申请，逾期不予受理", True),  # a limit in months
    ("创业实体应在正常经营满6个月之日起12个月内向县就业服务中心提交申请", True),
    ("县就业服务中心受理后2个月内完成审核并拨付资金", False),
    ("县就业服务中心在受理后12个工作日内完成审核，审核结果公示5天", False),
    ("自受理之日起15个工作日内对申请材料进行审核，并告知申请人", False),
])
def test_a_deadline_to_apply_is_read_apart_from_a_reviews_time_limit(text: str, deadline: bool) -> None:
    forms = Knowledge.load().answers.aspects["when"].forms
    assert any(re.search(form, text) for form in forms) is deadline


def test_asked_by_when_to_apply_and_how_long_the_review_takes_both_are_answered(engine: OfflineEngine) -> None:
    answer = engine.answer("汤原县的培训机构，班已经结业了，补贴申请要在多长时间内交？审核要多久？")
    assert answer.status == "answered", answer.answer
    body = answer.answer.split("依据：", 1)[0]
    assert "20日内" in body and "12个工作日内" in body, answer.answer
