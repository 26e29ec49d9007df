"""A rate a condition sets (留用率达到P%以上), met or failed by two counts the question states (招了N个…期满留下了M个):
the later, smaller count's share of the earlier one is compared with the threshold as a rate said outright would be;
an equal later count said to be all of them (期满2个都留下了) is the whole, and each count keeps the words said around
it, not those of an earlier count of the same figure.

A fictional county document written for this test (no eval set has it), no sidecar.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from support import answered_with, figures, lead, offline_engine_for

from assistant.offline.clauses import shares_of_counts
from assistant.offline.engine import OfflineEngine
from assistant.offline.verdicts import Stated
from ingest.quantities import find_quantities

COUNTY = """安岳县人力资源和社会保障局 安岳县财政局关于做好就业见习补贴发放工作的通知
安人社发〔2026〕11号
各乡镇人民政府，县级有关部门：
为做好就业见习工作，现就见习补贴发放有关事项通知如下：
一、补贴对象
吸纳离校2年内未就业高校毕业生参加就业见习的见习单位，可申领就业见习补贴。
二、补贴标准
（一）就业见习补贴按每人每月1800元的标准，根据实际见习月数给予见习单位。
（二）见习期满留用率达到60%以上的见习单位，在本条第（一）项标准基础上每人每月增加300元。
三、本通知自2026年2月1日起施行。
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> OfflineEngine:
    return offline_engine_for(tmp_path_factory.mktemp("rate-from-counts"), {"anyue-2026-internship-notice.txt": COUNTY})


def test_a_share_of_two_counts_meeting_the_rate_raises_the_standard(engine):
    # 3 of 4 kept on: 75% reaches 60%, so (1800 + 300) × 4 × 5
    question = "安岳县一家公司带了4个应届大学生见习，每人见习5个月，期满留下了3个，见习补贴一共能拿多少？"
    text = answered_with(engine, question, Decimal(42000), Decimal(36000))
    assert "增加300元" in lead(text), text


def test_a_share_of_two_counts_below_the_rate_keeps_the_standard(engine):
    # 1 of 4 kept on: 25% does not reach 60%, so 1800 × 4 × 5
    answer = engine.answer("安岳县一家公司带了4个应届大学生见习，每人见习5个月，期满只留了1个，见习补贴一共能拿多少？")
    paid = figures(lead(answer.answer))
    assert Decimal(36000) in paid and Decimal(42000) not in figures(answer.answer), answer.answer


def test_only_a_later_smaller_count_of_the_same_unit_is_a_share() -> None:
    text = "招了5个大学生，期满留下了3个，另外还有8个学徒"

    def stated(raw: str) -> Stated:
        return Stated(next(q for q in find_quantities(text) if q.raw == raw), (raw,))

    shares = shares_of_counts([stated("5个"), stated("3个"), stated("8个")])
    assert [(s.quantity.value, s.words) for s in shares] == [(Decimal(60), ("3个",))]


def test_an_equal_count_said_to_be_all_of_them_is_the_whole(engine):
    # 2 of 2 kept on (the same figure said twice): 100% reaches 60%, so (1800 + 300) × 2 × 3
    question = "安岳县一家公司招了2个应届大学生，让他们见习了3个月，期满2个都留下了，见习补贴一共能拿多少？"
    text = answered_with(engine, question, Decimal(12600), Decimal(10800))
    assert "增加300元" in lead(text), text


def test_an_equal_later_count_is_a_share_only_when_said_to_be_all() -> None:
    text = "招了2个大学生，期满2个都留下了，另外2个学徒"

    def stated(at: int) -> Stated:
        quantity = [q for q in find_quantities(text) if q.kind == "count"][at]
        return Stated(quantity, (str(at),))

    shares = shares_of_counts([stated(0), stated(1), stated(2)], text, ["都", "全部"])
    assert [(s.quantity.value, s.words) for s in shares] == [(Decimal(100), ("1",))]
