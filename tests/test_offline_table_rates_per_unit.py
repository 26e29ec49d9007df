"""A table whose rows pay per different things (见习补贴 per head and month beside a one-off 留用奖励 per head): each
row keeps its own unit, so months and heads multiply the monthly rows and heads alone the one-off row, and a raise of
the table's standard (留用率达到P%以上的，其当期见习补贴按上表标准提高Q%) is applied to the months' whole.

A fictional document written for this test (no eval set has it; nothing was tuned on it), before the mechanism was
built (seen on eval items of another document).
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from support import answered_with, figures, lead, offline_engine_for

from assistant.offline.engine import OfflineEngine
from assistant.rules.drafting import draft_from_chunks
from ingest.pipeline import parse_document

COUNTY = """蓬溪县人力资源和社会保障局 蓬溪县财政局关于印发《蓬溪县就业见习补贴实施细则》的通知
蓬人社发〔2026〕7号
各乡镇人民政府，县级各部门：
现将《蓬溪县就业见习补贴实施细则》印发给你们，请遵照执行。
蓬溪县就业见习补贴实施细则
一、补贴对象
离校2年内未就业高校毕业生和16至24岁登记失业青年参加就业见习的，见习单位可申领就业见习补贴。
二、补贴标准
（一）见习补贴按实际见习月数和下表标准计发，见习期最长不超过12个月。

| 类别 | 补贴标准 |
| --- | --- |
| 离校2年内未就业高校毕业生 | 1700元/人·月 |
| 16至24岁登记失业青年 | 1700元/人·月 |
| 脱贫家庭、低保家庭高校毕业生 | 1900元/人·月 |
| 见习期满留用并签订1年以上劳动合同的 | 一次性留用奖励2000元/人 |

（二）见习期满留用率达到50%以上的见习单位，其当期见习补贴按上表标准提高10%，一次性留用奖励不提高。
三、申领程序
见习单位于见习期满后3个月内向县就业服务中心申请。
四、本细则自2026年3月1日起施行。
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> OfflineEngine:
    return offline_engine_for(tmp_path_factory.mktemp("per-unit"), {
        "pengxi-2026-internship-subsidy-rules.txt": COUNTY,
    })


def test_rows_paid_per_different_things_are_drafted_with_their_own_units(tmp_path) -> None:
    path = tmp_path / "pengxi.txt"
    path.write_text(COUNTY, encoding="utf-8")
    chunks = [c for c in parse_document(path).chunks if c.kind == "table_row"]
    rules = [r for r in draft_from_chunks("pengxi", "蓬溪县", chunks)["rules"] if r["kind"] == "amount"]
    monthly = [r for r in rules if r["formula"].get("periods")]
    assert len(monthly) == 1 and monthly[0]["formula"].get("count"), rules
    assert all("留用" not in label for label in monthly[0]["formula"]["rates"]), rules
    one_off = [r for r in rules if not r["formula"].get("periods")]
    assert len(one_off) == 1 and one_off[0]["formula"].get("count"), rules  # 2000元/人: heads, no months


@pytest.mark.parametrize(("question", "amount"), [
    ("蓬溪一家公司接收了一个脱贫家庭的高校毕业生见习5个月，单位能领多少见习补贴？", Decimal(9500)),  # 1900 × 5
    ("我们在蓬溪，招了2个离校未就业的高校毕业生来见习，每人见习了半年，见习补贴一共能拿多少？",
     Decimal(20400)),  # 1700 × 6 × 2
    ("蓬溪的见习单位，见习期满留下了3个人，都签了两年合同，一次性留用奖励一共多少？", Decimal(6000)),  # 2000 × 3
])
def test_each_row_multiplies_by_what_it_is_paid_per(engine: OfflineEngine, question: str, amount: Decimal) -> None:
    answered_with(engine, question, amount)


def test_a_raise_of_the_table_applies_to_the_months_whole(engine: OfflineEngine) -> None:
    answer = engine.answer("蓬溪的见习单位，今年见习期满留用率有七成，接收的一个低保家庭毕业生见习了4个月，"
                           "见习补贴一共多少？")
    assert answer.status == "answered", answer.answer
    assert Decimal(8360) in figures(lead(answer.answer)), answer.answer  # 1900 × 4 × 110%


def test_a_raise_is_not_applied_to_what_it_says_it_does_not_raise(engine: OfflineEngine) -> None:
    answer = engine.answer("蓬溪的见习单位，留用率有八成，见习期满留下了2个人，都签了两年合同，"
                           "一次性留用奖励一共能拿多少？")
    assert answer.status == "answered", answer.answer
    paid = figures(lead(answer.answer))
    assert Decimal(4000) in paid and Decimal(4400) not in paid, answer.answer  # 2000 × 2, 一次性留用奖励不提高


def test_a_raise_whose_threshold_the_question_does_not_reach_is_not_applied(engine: OfflineEngine) -> None:
    answer = engine.answer("蓬溪的见习单位，留用率只有三成，接收的一个低保家庭毕业生见习了4个月，见习补贴一共多少？")
    assert answer.status == "answered", answer.answer
    paid = figures(lead(answer.answer))
    assert Decimal(7600) in paid and Decimal(8360) not in paid, answer.answer  # 1900 × 4, 30% < 50%
