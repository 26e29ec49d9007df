"""Several categories of an article's items, each with its own head count, as the base of a share of that
article's standard (按第五条规定标准的80%): each item's rate shared, times its own heads, then summed.

Fictional document written for this test before the mechanism (no eval set has it, nothing was tuned on it): a
city's skill-certification subsidy measures stating one rate per item of an article, a raise of that article for two
groups and a share of it paid to firms that run their own evaluation.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from support import figures, lead, offline_engine_beside_library

from assistant.offline.engine import OfflineEngine

CITY = """莆田市人力资源和社会保障局 莆田市财政局关于印发《莆田市职业技能等级认定补贴办法》的通知
莆人社规〔2025〕3号
莆田市职业技能等级认定补贴办法
第一条　为鼓励劳动者提升职业技能，制定本办法。
第二条　在本市参加职业技能等级认定并取得证书的劳动者，可以申领技能等级认定补贴。
第三条　技能等级认定补贴标准如下：
（一）取得初级工（五级）证书的，每人300元；
（二）取得中级工（四级）证书的，每人500元；
（三）取得高级工（三级）证书的，每人700元；
（四）取得技师（二级）证书的，每人900元。
第四条　残疾人、脱贫人口取得职业技能等级证书的，按第三条规定标准的1.5倍给予补贴。
第五条　企业组织本单位职工参加企业自主评价并承担评价费用的，补贴资金拨付企业，按第三条规定标准的80%执行，职工个人\
不再申领。
第六条　本办法自2025年7月1日起施行。
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> OfflineEngine:
    return offline_engine_beside_library(tmp_path_factory.mktemp("items_heads"), {
        "putian-2025-skill-certification-subsidy.txt": CITY})


def test_each_named_item_with_its_own_heads_then_the_share(engine: OfflineEngine) -> None:
    answer = engine.answer("莆田一家企业组织职工参加企业自主评价，评价费是企业出的，结果10个人拿了中级工（四级）证书、"
                           "5个人拿了高级工（三级）证书，认定补贴拨给企业一共多少？")
    stated = figures(lead(answer.answer))
    # (500 × 80% × 10) + (700 × 80% × 5) = 4000 + 2800
    assert Decimal(6800) in stated and not {Decimal(6000), Decimal(3600)} & stated, answer.answer
    assert {c.clause for c in answer.citations} >= {"第五条", "第三条（二）", "第三条（三）"}, answer.answer


def test_one_named_item_keeps_one_rate(engine: OfflineEngine) -> None:
    answer = engine.answer("莆田一家企业组织职工搞企业自主评价，评价费企业承担，20个人都拿了中级工（四级）证书，"
                           "补贴拨给企业一共多少？")
    assert Decimal(8000) in figures(lead(answer.answer)), answer.answer  # 500 × 80% × 20
