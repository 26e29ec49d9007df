"""Heads counted one after another with a joining word (招了2个…大学生，还有1个…登记失业的青年) are added up for one
rate paid per head whether or not the question says 一共: both groups are hired, so both are paid. Counts not joined
(去年招了2个…，今年招了3个…) are no one count: nothing is worked out from them.

A fictional document written for this test (no eval set has it, nothing was tuned on it).
"""

from __future__ import annotations

import pytest
from support import body, offline_engine_for

from assistant.offline.engine import OfflineEngine

CITY = """株洲市人力资源和社会保障局 株洲市财政局关于实施一次性扩岗补助的通知
株人社发〔2026〕5号
各县市区人力资源和社会保障局、财政局：
一、企业招用毕业年度及离校2年内未就业高校毕业生、16至24岁登记失业青年，签订1年以上劳动合同并按月足额缴纳失业保险费满3个月的，按每招用1人1500元的标准给予一次性扩岗补助。
二、本通知自2026年1月1日起施行。
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> OfflineEngine:
    return offline_engine_for(tmp_path_factory.mktemp("heads-joined"), {"zhuzhou-2026-job-expansion-notice.txt": CITY})


def test_joined_heads_are_added_up_without_a_total_word(engine: OfflineEngine) -> None:
    answer = engine.answer("株洲一家公司招了2个离校两年内没找到工作的大学生，还有1个20岁登记失业的青年，"
                           "都签了一年合同，失业保险交了4个月，扩岗补助能拿多少？")
    assert answer.status == "answered", answer.answer
    assert "1500元 × 3人 = 4500元" in body(answer), answer.answer


def test_counts_not_joined_are_no_one_count(engine: OfflineEngine) -> None:
    answer = engine.answer("株洲一家公司去年招了2个大学生，今年招了3个大学生，都签了一年合同，失业保险交了4个月，"
                           "今年这批扩岗补助能拿多少？")
    assert answer.status == "answered", answer.answer
    assert "7500元" not in body(answer) and "× 5人" not in body(answer), answer.answer
