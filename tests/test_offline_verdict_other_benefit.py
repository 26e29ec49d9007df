"""An eligibility verdict is never taken from a clause under another benefit's heading of the same document: a
62-year-old asking about a start-up grant is not judged by the internship chapter's 16至24岁 (见习对象为…, which names
no benefit itself, under 第二章 就业见习补贴).

A fictional document written for this test (no eval set has it, nothing was tuned on it): a county's measures with an
internship chapter and a start-up chapter.
"""

from __future__ import annotations

import pytest
from support import offline_engine_beside_library

from assistant.offline.engine import OfflineEngine

COUNTY = """澄迈县人力资源和社会保障局 澄迈县财政局关于印发《澄迈县就业见习和创业补贴办法》的通知
澄人社规〔2026〕1号
各镇人民政府，县直有关单位：
现将《澄迈县就业见习和创业补贴办法》印发给你们，请遵照执行。
第一章　总则
第一条　本办法适用于本县就业见习补贴和一次性创业补贴的管理。
第二章　就业见习补贴
第二条　见习对象为离校2年内未就业高校毕业生，以及16至24岁登记失业青年。
第三条　见习补贴按每人每月1300元的标准拨付给见习单位。
第三章　一次性创业补贴
第四条　首次创办小微企业或从事个体经营，且正常经营6个月以上的返乡创业人员，可申领一次性创业补贴。
第五条　一次性创业补贴标准为每户4000元。
第四章　附则
第六条　本办法自2026年6月1日起施行，有效期3年。
澄迈县人力资源和社会保障局 澄迈县财政局
2026年5月8日
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> OfflineEngine:
    return offline_engine_beside_library(tmp_path_factory.mktemp("verdict"), {"chengmai-2026-startup.txt": COUNTY})


def test_a_verdict_is_not_taken_from_another_benefits_chapter(engine: OfflineEngine) -> None:
    answer = engine.answer("我今年六十二岁，回澄迈老家开了个农家乐，个体户执照办了八个月了，能领一次性创业补贴吗？")
    assert answer.status == "answered", answer.answer
    assert "24岁" not in answer.answer, answer.answer
    assert all(c.clause != "第二条" for c in answer.citations), answer.citations
