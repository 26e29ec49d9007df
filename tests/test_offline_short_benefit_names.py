"""A clause that says the asked benefit's name is about it, however short the name is to be read as one (留岗奖励: two
characters before the noun) — a clause giving its deadline beside another benefit's (留岗奖励应在…申请；
企业扩招奖励应在…申请) is no clause "about another benefit", and answers "多长时间内得申请".

A fictional document written for this test (no eval set has it, nothing was tuned on it): a county's measures paying
two rewards, with their deadlines in one clause of its procedure section.
"""

from __future__ import annotations

import pytest
from support import offline_engine_beside_library

from assistant.offline.engine import OfflineEngine

COUNTY = """亳州市利辛县人力资源和社会保障局 利辛县财政局关于支持家政服务企业稳定用工的若干措施
利人社发〔2026〕11号
各乡镇人民政府，县直有关单位：
为支持家政服务企业稳定用工，制定以下措施。
一、奖励对象
（一）在县内家政服务企业连续工作满12个月的家政服务员，给予一次性留岗奖励。
（二）当年新招用家政服务员10人以上的家政服务企业，给予企业扩招奖励。
二、奖励标准
（一）留岗奖励按每人1200元发放。
（二）企业扩招奖励按每家企业5000元发放。
三、申请办理
（一）留岗奖励应在连续工作满12个月之日起2个月内申请；企业扩招奖励应在每年10月31日前申请。
（二）县人力资源和社会保障局自受理之日起8个工作日内完成审核，审核结果在县政府网站公示5天。
（三）办理地点为利辛县政务服务中心二楼就业窗口。
四、本措施自2026年3月1日起施行。
利辛县人力资源和社会保障局 利辛县财政局
2026年2月20日
"""

DOC = "lixin-2026-domestic-service-rewards"


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> OfflineEngine:
    return offline_engine_beside_library(tmp_path_factory.mktemp("short"), {f"{DOC}.txt": COUNTY})


def test_a_clause_saying_the_short_name_answers_its_deadline(engine: OfflineEngine) -> None:
    answer = engine.answer("利辛的留岗奖励在哪儿办？干满一年以后多长时间内得申请？审核要几天？")
    assert answer.status == "answered", answer.answer
    assert "2个月内申请" in answer.answer, answer.answer
    assert {"三、（一）", "三、（三）"} <= {c.clause for c in answer.citations}, answer.answer
