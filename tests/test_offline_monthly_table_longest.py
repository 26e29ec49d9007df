"""A table of monthly rates under an item with no title of its own (（一）…标准和最长享受期限如下：), each row with its
own longest period, asked for the most one may get in all.

Fictional document written for this test (no eval set has it, nothing was tuned on it): a district's care-worker
post-subsidy rules whose table sits under item （一） of 二、岗位补贴.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from support import figures, lead, offline_engine_beside_library

from assistant.offline.engine import OfflineEngine
from assistant.rules.drafting import draft_from_chunks

RULES = """# 桂林市七星区养老护理人员岗位补贴实施细则

七人社发〔2025〕6号

## 一、总则

（一）为稳定养老护理队伍，制定本细则。

## 二、岗位补贴

（一）在区内养老机构从事一线护理工作、年龄在18至60周岁、与养老机构签订1年以上劳动合同并按规定足额缴纳社会保险费的人员，\
按月享受岗位补贴。补贴标准和最长享受期限如下：

| 序号 | 人员类别 | 补贴标准（元/人/月） | 最长享受期限 |
| --- | --- | --- | --- |
| 1 | 持养老护理员初级工（五级）证书的一线护理人员 | 150 | 12个月 |
| 2 | 持养老护理员中级工（四级）证书的一线护理人员 | 250 | 24个月 |
| 3 | 持养老护理员高级工（三级）及以上证书的一线护理人员 | 350 | 36个月 |

（二）岗位补贴按季度发放。

## 三、附则

（一）本细则自2025年9月1日起施行。
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> OfflineEngine:
    return offline_engine_beside_library(tmp_path_factory.mktemp("monthly"), {
        "qixing-2025-care-worker-post-subsidy.md": RULES})


def test_a_table_under_an_untitled_item_is_a_table_of_rates(engine: OfflineEngine) -> None:
    doc = "qixing-2025-care-worker-post-subsidy"
    rows = [c for c in engine.chunks(doc) if c.kind == "table_row"]
    assert rows and rows[0].heading_path[-1] == "（一）"  # a long lead sentence: the item's bare label heads it
    draft = draft_from_chunks(doc, "桂林市七星区", rows)
    (rule,) = [r for r in draft["rules"] if r["kind"] == "amount"]
    assert rule["formula"]["kind"] == "rate_by_category" and len(rule["formula"]["rates"]) == 3


def test_the_most_in_all_is_the_rate_times_its_own_rows_longest_period(engine: OfflineEngine) -> None:
    answer = engine.answer("七星区养老院的一线护理员，持养老护理员中级工（四级）证书，岗位补贴最多一共能领多少钱")
    stated = figures(lead(answer.answer))
    assert Decimal(6000) in stated and Decimal(9000) not in stated, answer.answer  # 250 × 24个月, not 36


def test_all_one_may_get_in_all_is_the_whole_term_too(engine: OfflineEngine) -> None:
    """一共能领多少 of a monthly rate with no period said: the whole of the row's longest term, said to be so."""
    answer = engine.answer("我在七星区养老院做护理，有养老护理员初级工证，这个岗位补贴一共能领多少钱？")
    stated = figures(lead(answer.answer))
    assert Decimal(1800) in stated and "最长期限" in lead(answer.answer), answer.answer  # 150 × 12个月


def test_a_period_said_is_the_one_worked_out(engine: OfflineEngine) -> None:
    answer = engine.answer("我在七星区养老院做护理，有养老护理员初级工证，干了8个月，岗位补贴一共能领多少钱？")
    stated = figures(lead(answer.answer))
    assert Decimal(1200) in stated and Decimal(1800) not in stated, answer.answer  # 150 × 8个月
