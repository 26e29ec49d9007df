"""A share of the table just above (按上表对应标准的N%), and a table's row named by part of its name (学农机维修 of
农机维修工（初级）).

A fictional county document written for this test (no eval set has it, nothing was tuned on it): markdown with a
``|`` table of training projects and, in the next item, a share of "the table above" for trainees with only a
completion certificate.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from support import assert_leads_with, clause_chunk, offline_engine_beside_library

from assistant.offline.adjustment import Levels, adjustments
from assistant.offline.engine import OfflineEngine

COUNTY = """# 彰武县农村劳动力职业技能培训补贴实施细则

彰人社发〔2025〕6号

## 一、适用对象

具有本县户籍、年龄在16周岁至60周岁的农村劳动力，参加县定点培训机构组织的职业技能培训，可按本细则享受补贴。

## 二、补贴标准

（一）学员经培训取得职业技能等级证书的，按下表标准给予定点培训机构补贴：

| 序号 | 培训项目 | 最低培训课时（课时） | 补贴标准（元/人） |
| --- | --- | --- | --- |
| 1 | 叉车司机（初级） | 120 | 2000 |
| 2 | 农机维修工（初级） | 100 | 1600 |
| 3 | 育婴员（初级） | 80 | 1200 |

（二）学员培训期满经考核合格，但未取得职业技能等级证书、仅取得结业证书的，按上表对应标准的60%给予补贴。

## 三、附则

本细则自2025年7月1日起施行，有效期至2027年12月31日。
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> OfflineEngine:
    return offline_engine_beside_library(tmp_path_factory.mktemp("above"), {"zhangwu-2025-rural-training.md": COUNTY})


def test_a_share_of_the_table_above_refers_to_it() -> None:
    clause = clause_chunk("二、（二）", "（二）仅取得结业证书的，按上表对应标准的60%给予补贴。",
                          region="某县", level="county")
    [found] = adjustments(clause, Levels({}))
    assert (found.reference, found.percent) == ("table", 60)


def test_a_share_of_the_table_above_works_out_the_row_named_by_part_of_its_name(engine: OfflineEngine) -> None:
    answer = engine.answer("彰武县学农机维修，培训期满考核合格了，但是只拿到结业证书，培训补贴能补多少？")
    assert_leads_with(answer.answer, Decimal(960), Decimal(1600))
    cited = [c.clause for c in answer.citations]
    assert "二、（二）" in cited and "二、（一） 第2行" in cited, answer.answer
