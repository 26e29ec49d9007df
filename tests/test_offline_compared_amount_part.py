"""A comparison split into an amount part and another part (护林岗和保洁岗每月补贴差多少？补贴期限一样吗？) answers its
amount part side by side — each compared thing's figure and their difference — as a comparison asking only a figure
is answered, instead of the first thing's figure alone.

A fictional document written for this test (no eval set has it, nothing was tuned on it): a county's measures on two
kinds of village posts with different monthly subsidies and terms.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from support import figures, lead, offline_engine_beside_library

from assistant.offline.engine import OfflineEngine

COUNTY = """蒙城县人力资源和社会保障局 蒙城县财政局关于印发《蒙城县村级护林保洁岗位管理办法》的通知
蒙人社发〔2026〕6号
各乡镇人民政府，县直有关单位：
现将《蒙城县村级护林保洁岗位管理办法》印发给你们，请遵照执行。
第一条　本办法所称村级岗位，是指在行政村开发的护林岗位和保洁岗位。
第二条　护林岗位补贴按每人每月720元发放；保洁岗位补贴按每人每月560元发放。
第三条　护林岗位补贴期限最长不超过3年；保洁岗位按年签订协议，考核合格的可以续签。
第四条　岗位补贴由乡镇按月申报，县人力资源和社会保障部门审核后拨付。
第五条　本办法自2026年4月1日起施行，有效期3年。
蒙城县人力资源和社会保障局 蒙城县财政局
2026年3月15日
"""

DOC = "mengcheng-2026-village-posts"


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> OfflineEngine:
    return offline_engine_beside_library(tmp_path_factory.mktemp("compared"), {f"{DOC}.txt": COUNTY})


def test_the_amount_part_of_a_split_comparison_gives_both_figures_and_the_difference(engine: OfflineEngine) -> None:
    answer = engine.answer("蒙城的护林岗位和保洁岗位，每个月补贴差多少钱？补贴期限有什么不一样？")
    assert answer.status == "answered", answer.answer
    assert {Decimal(720), Decimal(560), Decimal(160)} <= figures(lead(answer.answer)), answer.answer
