"""The most heads a firm is paid for, set in a clause of its own (每户企业每年享受吸纳就业补贴的人数不超过15人) beside
the clause stating the rate per head, caps a count above it: 18 graduates hired are paid as 15; 12 are paid as 12.
A most on heads said of another benefit (见习人数) caps nothing here.

A fictional document written for this test (no eval set has it, nothing was tuned on it).
"""

from __future__ import annotations

import pytest
from support import offline_engine_for

from assistant.offline.engine import OfflineEngine

CITY = """建湖县人力资源和社会保障局 建湖县财政局关于实施吸纳就业补贴和就业见习补贴的通知
建人社发〔2026〕5号
各镇人民政府（区管委会），县各有关部门：
一、吸纳就业补贴
（一）县内企业招用毕业年度高校毕业生，签订1年以上劳动合同并缴纳社会保险费满3个月的，按每人1200元给予吸纳就业补贴。
（二）每户企业每年享受吸纳就业补贴的人数不超过15人。
二、就业见习补贴
（一）见习单位吸纳离校2年内未就业高校毕业生参加就业见习的，按每人每月1000元给予就业见习补贴。
（二）每个见习单位同期见习人数不超过10人。
三、本通知自2026年5月1日起施行。
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> OfflineEngine:
    return offline_engine_for(tmp_path_factory.mktemp("heads-cap"), {"jianhu-2026-hiring-subsidy-notice.txt": CITY})


HIRED = "建湖一家企业今年招了{}个毕业年度的大学生，都签了两年合同，社保交了4个月，吸纳就业补贴一共能拿多少？"


def said(answer) -> str:
    return answer.answer.split("\n依据：")[0]


def test_heads_above_the_most_are_paid_as_the_most(engine: OfflineEngine) -> None:
    answer = engine.answer(HIRED.format(18))
    assert answer.status == "answered", answer.answer
    assert "共18000元" in said(answer), answer.answer  # 15 × 1200, not 18 × 1200
    assert "21600元 → 18000元" in said(answer), answer.answer
    assert "一、（二）" in [c.clause for c in answer.citations], answer.answer


def test_heads_within_the_most_are_all_paid(engine: OfflineEngine) -> None:
    answer = engine.answer(HIRED.format(12))
    assert answer.status == "answered", answer.answer
    assert "共14400元" in said(answer), answer.answer
