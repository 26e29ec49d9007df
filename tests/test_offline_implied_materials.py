"""怎么申请 beside a named ask (审核要多久) implies asking what to bring, but a list is shown for it only when the list
is one of materials: a 审核与拨付 section whose items mention the 社会保障卡 the money goes to is no list of materials —
the answer gives the steps asked (where and by when, how long the review takes), each from its clause. A question that
names the materials still gets the list.

A fictional document written for this test (no eval set has it, nothing was tuned on it): a city's notice on the
subsidy for a skill-level certificate, with its application, materials and review in sections of their own.
"""

from __future__ import annotations

import pytest
from support import offline_engine_beside_library

from assistant.offline.engine import OfflineEngine

CITY = """池州市人力资源和社会保障局 池州市财政局关于做好技能等级认定补贴申领工作的通知
池人社发〔2026〕14号
各县（区）人力资源和社会保障局、财政局：
为做好技能等级认定补贴申领工作，现将有关事项通知如下。
一、补贴对象和标准
（一）在本市取得职业技能等级证书的劳动者，按初级工500元、中级工900元、高级工1300元给予技能等级认定补贴。
二、申请
（一）劳动者应在取得证书之日起6个月内，通过“池州就业”小程序或县（区）公共就业服务机构窗口提出申请。
（二）申请时应提交以下材料：
1.居民身份证；
2.职业技能等级证书编号；
3.本人社会保障卡。
三、审核与拨付
（一）县（区）公共就业服务机构自受理之日起12个工作日内完成审核。
（二）审核通过的，补贴资金拨付至本人社会保障卡银行账户。
（三）审核结果公示5个工作日。
四、本通知自2026年5月1日起施行。
池州市人力资源和社会保障局 池州市财政局
2026年4月20日
"""

DOC = "chizhou-2026-certificate-subsidy-claims"


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> OfflineEngine:
    return offline_engine_beside_library(tmp_path_factory.mktemp("materials"), {f"{DOC}.txt": CITY})


def test_how_to_apply_beside_a_named_step_is_no_list_of_the_review_section(engine: OfflineEngine) -> None:
    answer = engine.answer("在池州考了中级工证书，认定补贴怎么申请？审核要多久？")
    assert answer.status == "answered", answer.answer
    assert "审核与拨付共" not in answer.answer, answer.answer
    assert "12个工作日" in answer.answer and "提出申请" in answer.answer, answer.answer
    assert {c.clause for c in answer.citations} >= {"二、（一）", "三、（一）"}, answer.answer


def test_materials_named_still_get_their_list(engine: OfflineEngine) -> None:
    answer = engine.answer("在池州考了中级工证书，认定补贴申请要带哪些材料？")
    assert answer.status == "answered", answer.answer
    items = ("居民身份证", "职业技能等级证书编号", "本人社会保障卡")
    assert all(item in answer.answer for item in items), answer.answer
