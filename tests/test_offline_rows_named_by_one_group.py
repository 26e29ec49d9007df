"""A table row listing several groups (离校2年内未就业高校毕业生、16至24岁登记失业青年) is named by the most of one of
them, numerals written either way (离校两年内 of 离校2年内); of several head counts, a smaller one said after the
first is a part of it (招了4个…最后留下了1个), so the first is the heads paid for.

A fictional document written for this test (no eval set has it; nothing was tuned on it), after the mechanisms were
found on questions about other documents.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from support import answered_with, figures, lead, offline_engine_for

from assistant.offline.arithmetic import ClauseArithmetic
from assistant.offline.engine import OfflineEngine
from ingest.quantities import find_quantities
from retriever.understanding import Understanding

COUNTY = """歙县人力资源和社会保障局 歙县财政局关于印发《歙县一次性吸纳就业补贴实施办法》的通知
歙人社〔2026〕4号
各乡镇人民政府，县直各单位：
现将《歙县一次性吸纳就业补贴实施办法》印发给你们，请认真抓好落实。
歙县一次性吸纳就业补贴实施办法
一、补贴对象
本县各类企业新招用下列人员，签订1年以上劳动合同并按规定缴纳社会保险费满3个月的，可申领一次性吸纳就业补贴。
二、补贴标准
一次性吸纳就业补贴按下表标准给予企业补贴：

| 序号 | 人员类别 | 补贴标准 |
| --- | --- | --- |
| 1 | 离校2年内未就业高校毕业生、16至24岁登记失业青年 | 每招用1人1200元 |
| 2 | 脱贫人口、农村低收入人口 | 每招用1人1800元 |

三、本办法自2026年5月1日起施行。
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> OfflineEngine:
    return offline_engine_for(tmp_path_factory.mktemp("one-group"), {"shexian-2026-hiring-subsidy.txt": COUNTY})


@pytest.mark.parametrize(("question", "amount"), [
    # 离校两年内 said in words, 大学生 for 高校毕业生: the first group of row 1, most of its name said
    ("歙县一家公司，招了4个离校两年内还没就业的大学生，签了两年合同，社保交满3个月了，一次性吸纳就业补贴一共多少？",
     Decimal(4800)),  # 1200 × 4
    ("我们在歙县办厂，新招了两个十八岁的登记失业青年，合同一年，社保交了4个月，吸纳就业补贴能拿多少？",
     Decimal(2400)),  # 1200 × 2
])
def test_a_row_listing_groups_is_named_by_one_of_them(engine: OfflineEngine, question: str,
                                                       amount: Decimal) -> None:
    answered_with(engine, question, amount)


def test_a_smaller_count_said_later_is_part_of_the_first(engine: OfflineEngine) -> None:
    answer = engine.answer("歙县的企业，今年新招了5个脱贫人口，签了一年合同，社保交满三个月，其中3个还是我们村的，"
                           "一次性吸纳就业补贴一共能拿多少？")
    assert answer.status == "answered", answer.answer
    assert Decimal(9000) in figures(lead(answer.answer)), answer.answer  # 1800 × 5, not × 3


def _reading(text: str) -> Understanding:
    found = find_quantities(text)
    return Understanding(text=text, normalized=text, quantities=found, loose_quantities=found)


@pytest.mark.parametrize(("text", "heads"), [
    ("招了3个大学生和1个退役军人，一共多少", 4),  # joined by 和: added up, not a part
    ("招了2个大学生，又招了5个残疾人，补贴多少", None),  # a larger count later is no part of the first: unclear
    ("接收了6个见习生，期满留下了4个，补贴多少", 6),
])
def test_which_of_several_counts_are_the_heads(text: str, heads: int | None) -> None:
    joined = ClauseArithmetic(4, heads_joiners=["和", "还"]).heads_joined
    assert ClauseArithmetic._count(_reading(text), people=True, joined=joined) == heads
