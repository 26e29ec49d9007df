"""An amount whose clause sends its standard to an attachment (补贴标准。按证书等级分档给予补贴，具体标准见附件) is
answered from the attachment's rows — not from another benefit's 补贴标准 clause of the same notice, whose title
names both benefits (a title naming two benefits says nothing of which one a clause pays). A question asking the figure
of each level (各个等级分别多少) gets every row of the attachment.

A fictional document written for this test (no eval set has it, nothing was tuned on it): a national notice on two
benefits, one with its standard in a tab-separated attachment.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from support import figures, offline_engine_beside_library

from assistant.offline.engine import OfflineEngine

NOTICE = """人力资源社会保障部 财政部关于做好家政技能评价补贴和岗前培训补贴工作的通知
人社部发〔2026〕40号
各省、自治区、直辖市人力资源社会保障厅（局）、财政厅（局）：
现就有关事项通知如下。
一、家政技能评价补贴
（一）补贴对象。取得家政服务类职业技能等级证书的登记失业人员和农村转移就业劳动者，可申请家政技能评价补贴。
（二）补贴标准。按证书等级分档给予补贴，具体标准见附件，补贴资金拨付至本人社会保障卡银行账户。
二、岗前培训补贴
（一）补贴对象。家政企业组织新招用人员参加岗前培训的，可申请岗前培训补贴。
（二）补贴标准。培训合格的，每人2000元。
三、本通知自2026年7月1日起施行。
附件：补贴档次表
人力资源社会保障部
财政部
2026年6月10日

附件

补贴档次表

证书等级\t补贴标准
初级工\t120元/人
中级工\t180元/人
高级工\t260元/人
"""

DOC = "mohrss-2026-domestic-service-subsidies"


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> OfflineEngine:
    return offline_engine_beside_library(tmp_path_factory.mktemp("attached"), {f"{DOC}.txt": NOTICE})


def test_the_standard_in_an_attachment_answers_from_its_rows(engine: OfflineEngine) -> None:
    answer = engine.answer("技能评价补贴标准是多少？")  # the name short of the document's: the rows are not found
    assert answer.status == "answered", answer.answer
    assert figures(answer.answer) & {Decimal(120), Decimal(180), Decimal(260)}, answer.answer
    assert Decimal(2000) not in figures(answer.answer), answer.answer  # the other benefit's standard
    assert any(c.clause.startswith("附件1") for c in answer.citations), answer.citations


def test_a_question_asking_each_level_lists_every_row(engine: OfflineEngine) -> None:
    answer = engine.answer("考家政服务各个等级的证书，技能评价补贴分别是多少钱？")
    assert answer.status == "answered", answer.answer
    assert {Decimal(120), Decimal(180), Decimal(260)} <= figures(answer.answer), answer.answer
    assert Decimal(2000) not in figures(answer.answer), answer.answer
