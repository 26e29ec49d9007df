"""A benefit whose rate is written inside its name (城镇公益性岗位每人每月补贴800元) is regulated by that document: a
place whose only rule is the province's gets the province's 800元, not "only 淮安 regulates 城镇公益性岗位补贴" because
淮安 writes the name whole.

Fictional documents written for this test (no eval set has them, nothing was tuned on them).
"""

from __future__ import annotations

import pytest
from support import offline_engine_for

from assistant.offline.engine import OfflineEngine

PROVINCE = """江苏省人力资源和社会保障厅 江苏省财政厅关于印发《江苏省就业援助补贴办法》的通知
苏人社规〔2026〕21号
各设区市人力资源和社会保障局、财政局：
现将《江苏省就业援助补贴办法》印发给你们，请认真贯彻执行。
江苏省就业援助补贴办法
第一条 为帮助就业困难人员就业，制定本办法。
第二条 通过公益性岗位安置就业困难人员的，城镇公益性岗位每人每月补贴800元，乡村公益性岗位每人每月补贴500元。
第三条 公益性岗位补贴期限最长不超过3年。
第四条 本办法自2026年2月1日起施行。
"""

CITY = """淮安市人力资源和社会保障局 淮安市财政局关于提高城镇公益性岗位补贴标准的通知
淮人社发〔2026〕9号
各县（区）人力资源和社会保障局、财政局：
一、城镇公益性岗位补贴在省定标准基础上每人每月提高100元。
二、本通知自2026年4月1日起施行。
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> OfflineEngine:
    return offline_engine_for(tmp_path_factory.mktemp("split-name"),
                              {"jiangsu-2026-employment-assistance-measures.txt": PROVINCE,
                               "huaian-2026-public-welfare-post-notice.txt": CITY})


def test_a_place_under_the_province_alone_gets_its_rate(engine: OfflineEngine) -> None:
    answer = engine.answer("盐城的城镇公益性岗位补贴一个月多少钱？")
    assert answer.status == "answered", answer.answer
    assert "800元" in answer.answer and "不能套用" not in answer.answer, answer.answer
    assert {c.doc_id for c in answer.citations} == {"jiangsu-2026-employment-assistance-measures"}, answer.answer

