"""A count of days asked of a procedure's act (审核几天, 公示几天, 提前多少天, 多少个工作日) asks that procedure's time,
not a sum of money, and what is handed in (要交哪些东西) is the procedure's materials, not a list: the answer is the
procedure, never an amount part led by the benefit's standard.

Fictional document written for this test (no eval set has it, nothing was tuned on it): a prefecture city's reward
for care workers who stay in the job, with its procedure section.
"""

from __future__ import annotations

import pytest
from support import lead, offline_engine_beside_library

from assistant.offline.engine import OfflineEngine

CITY = """临沧市人力资源和社会保障局 临沧市财政局关于实施护理人员稳岗奖励的通知
临人社发〔2026〕14号
各县（区）人力资源和社会保障局、财政局：
一、奖励对象和标准
（一）取得养老护理员职业技能等级证书，在本市养老机构连续从业满6个月的，给予一次性稳岗奖励。
（二）稳岗奖励标准为：初级工（五级）每人800元，中级工（四级）每人1200元，高级工（三级）及以上每人1600元。
二、申领程序
（一）符合条件的人员应在从业满6个月之日起2个月内提出申请，逾期不予受理。
（二）申请人应提交身份证、职业技能等级证书、劳动合同和社会保险缴费明细。
（三）县（区）人力资源和社会保障局自受理之日起12个工作日内完成审核，审核结果在县（区）人民政府网站公示5天。
（四）办理地点为各县（区）政务服务中心人社窗口。
三、本通知自2026年5月1日起施行，有效期3年。
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> OfflineEngine:
    return offline_engine_beside_library(tmp_path_factory.mktemp("procedure_times"), {
        "lincang-2026-care-worker-reward.txt": CITY})


@pytest.mark.parametrize("question", [
    "临沧那个护理员稳岗奖励，审核几天？公示几天？",
    "临沧的稳岗奖励从交申请到审完，一共要多少个工作日？",
    "临沧护理员稳岗奖励要交哪些东西？去哪儿交？",
])
def test_a_procedures_days_and_materials_are_asked_as_a_procedure(engine: OfflineEngine, question: str) -> None:
    understanding = engine.retriever.understand(question)
    assert understanding.kind == "procedure", understanding.intents
    assert "amount" not in understanding.intents


def test_the_answer_is_the_procedure_not_an_amount_part(engine: OfflineEngine) -> None:
    answer = engine.answer("临沧那个护理员稳岗奖励去哪儿办？审核几天，公示几天？")
    assert answer.status == "answered", answer.answer
    assert "12个工作日" in answer.answer and "公示5天" in answer.answer
    assert "补贴标准" not in answer.answer and "1200元" not in lead(answer.answer)


def test_days_of_a_benefit_are_still_an_amount(engine: OfflineEngine) -> None:
    assert "amount" in engine.retriever.understand("培训期间的生活费补贴每天多少钱，最多补几天？").intents
