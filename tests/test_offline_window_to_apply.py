"""A question asking by when to apply (拿到证以后多长时间内得去申请) is answered by the sentence giving the window
even when that sentence leads in the list of materials (应在取得证书之日起9个月内…申请，提交以下材料：): its own words
answer, not its items. Asked what to bring, the items are listed; asked how long the review takes, the review's
clause answers.

A fictional document written for this test (no eval set has it, nothing was tuned on it).
"""

from __future__ import annotations

import pytest
from support import body, offline_engine_for

from assistant.offline.engine import OfflineEngine

MEASURES = """赤峰市人力资源和社会保障局 赤峰市财政局关于印发《赤峰市技能等级认定补贴办法》的通知
赤人社规〔2025〕4号
各旗县区人力资源和社会保障局、财政局：
现将《赤峰市技能等级认定补贴办法》印发给你们，请认真贯彻执行。
赤峰市技能等级认定补贴办法
第一条 为做好技能等级认定补贴工作，制定本办法。
第二条 在本市就业参保或登记失业的劳动者取得职业技能等级证书的，可申领技能等级认定补贴，\
初级工每人600元，中级工每人900元。
第三条 劳动者应在取得证书之日起9个月内，通过“赤峰人社”微信公众号或旗县区政务服务大厅人社窗口申请，提交以下材料：
（一）本人居民身份证；
（二）职业技能等级证书编号；
（三）本人社会保障卡银行账户。
第四条 旗县区人力资源社会保障部门自受理之日起20个工作日内完成审核，审核结果公示5个工作日。
第五条 本办法自2025年9月1日起施行。
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> OfflineEngine:
    return offline_engine_for(tmp_path_factory.mktemp("window-to-apply"), {
        "chifeng-2025-skill-certification-subsidy-measures.txt": MEASURES,
    })


def test_the_window_to_apply_answers_not_the_items(engine: OfflineEngine) -> None:
    said = body(engine.answer("赤峰的技能等级认定补贴，拿到证以后多长时间内得去申请？"))
    assert "9个月内" in said, said
    assert "居民身份证" not in said, said  # the items answer 要交哪些材料, not by when


def test_the_review_time_still_answers_how_long(engine: OfflineEngine) -> None:
    said = body(engine.answer("赤峰的技能等级认定补贴，交了材料以后多长时间能审完？"))
    assert "20个工作日" in said, said


def test_the_materials_are_still_listed(engine: OfflineEngine) -> None:
    said = body(engine.answer("赤峰申请技能等级认定补贴要交哪些材料？"))
    assert "居民身份证" in said and "社会保障卡" in said, said
