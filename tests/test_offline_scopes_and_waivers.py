"""A raise whose condition is given by a sibling item (1.提高范围… 2.提高标准…), and a city granting a group of its
own a higher level's standard whole (不再按…比例折算，按…标准全额计算).

Fictional documents written for this test (no eval set has them, nothing was tuned on them): a region's evaluation
subsidy measures paying employees a share of the attachment's standard, and a city of that region raising the standard
for its catalogue's occupations (scope and rate in two items) and paying its large industrial firms' staff in full.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from support import assert_leads_with, offline_engine_beside_library

from assistant.offline.adjustment import Adjustment, with_scope
from assistant.offline.engine import OfflineEngine
from ingest.models import Chunk

REGION = """内蒙古自治区职业技能评价补贴办法
（内蒙古自治区人力资源和社会保障厅 内蒙古自治区财政厅 2025年4月印发，内人社规〔2025〕9号）

第一条　为做好职业技能评价补贴工作，制定本办法。
第二条　在我区取得职业技能等级证书的人员，按附件1所列标准给予职业技能评价补贴。
第三条　企业在职职工按附件1所列标准的60%给予补贴。
第四条　本办法自2025年5月1日起施行。

附件1

内蒙古自治区职业技能评价补贴标准表

序号\t证书等级\t补贴标准（元/人）
1\t初级工（五级）职业技能等级证书\t400
2\t中级工（四级）职业技能等级证书\t600
3\t高级工（三级）职业技能等级证书\t900
"""

CITY = """鄂尔多斯市人力资源和社会保障局关于加大技能人才评价补贴力度的通知
鄂尔多斯人社发〔2025〕12号
各旗区人力资源和社会保障局：
一、提高补贴标准
（一）重点产业急需职业
1.提高范围。取得列入《鄂尔多斯市重点产业急需职业（工种）目录》的职业（工种）中级工（四级）及以上职业技能等级证书的人员。
2.提高标准。按自治区标准的140%给予职业技能评价补贴。
（二）本市规模以上工业企业在职职工取得证书的，不再按自治区比例折算，按自治区标准全额计算补贴。
二、本通知自2025年7月1日起施行。
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> OfflineEngine:
    return offline_engine_beside_library(tmp_path_factory.mktemp("waivers"), {
        "neimenggu-2025-evaluation.txt": REGION, "ordos-2025-evaluation.txt": CITY})


def _chunk(path: str, text: str) -> Chunk:
    return Chunk(id=path, doc_id="d", title="某通知", clause_path=path, text=text, region="某市", level="city")


def test_a_rate_with_no_condition_takes_the_scope_its_sibling_items_give() -> None:
    scope = _chunk("一、（一）1", "1.提高范围。取得列入《某目录》的职业（工种）证书的人员。")
    rate = _chunk("一、（一）2", "2.提高标准。按自治区标准的140%给予补贴。")
    bare = Adjustment(chunk=rate, sentence=rate.text, phrase="按自治区标准的140%", percent=Decimal(140),
                      raises=False, reference="level", target="province", condition="")
    assert "某目录" in with_scope(bare, [scope, rate]).condition
    stated = Adjustment(chunk=rate, sentence=rate.text, phrase="x", percent=Decimal(140), raises=False,
                        reference="level", target="province", condition="技师")
    assert with_scope(stated, [scope, rate]).condition == "技师"  # a condition of its own is kept


def test_a_catalogue_occupation_gets_the_raise_its_sibling_item_scopes(engine: OfflineEngine) -> None:
    answer = engine.answer("鄂尔多斯的，失业一年了，刚考了个高级工证，这个工种在市里急需目录里，评价补贴能拿多少？")
    assert_leads_with(answer.answer, Decimal(1260), Decimal(900))


def test_a_group_paid_in_full_by_the_city_is_not_paid_the_regions_share(engine: OfflineEngine) -> None:
    answer = engine.answer("我在鄂尔多斯一家规上工业企业上班，是在职职工，刚考了中级工证，工种在急需目录里，"
                           "评价补贴多少钱？")
    assert_leads_with(answer.answer, Decimal(840), Decimal(504))
    staff = engine.answer("我在鄂尔多斯一家小饭店上班，是在职职工，刚考了中级工证，工种在急需目录里，"
                          "评价补贴多少钱？")
    assert_leads_with(staff.answer, Decimal(504), Decimal(840))  # no large industrial firm: the region's 60%


def test_a_raise_per_head_is_added_to_each_groups_rate() -> None:
    from assistant.offline.arithmetic import Worked
    from assistant.rules.results import CalculationResult

    result = CalculationResult(name="d_1", title="t", region="全国", status="eligible", amount=Decimal(6500))
    worked = Worked(result, {}, [], groups=(("残疾人", Decimal(2000), 1), ("其余3人", Decimal(1500), 3)))
    chunk = _chunk("四、", "在国家规定的标准基础上，每招用1人增加500元。")
    raise_ = Adjustment(chunk=chunk, sentence=chunk.text, phrase="在国家规定的标准基础上，每招用1人增加500元",
                        percent=Decimal(0), raises=True, reference="level", target="national", condition="",
                        added=Decimal(500))
    applied = raise_.apply(worked)
    assert applied.result.amount == Decimal(8500)  # (2000 + 500) × 1 + (1500 + 500) × 3
    assert [rate for _, rate, _ in applied.groups] == [Decimal(2500), Decimal(2000)]
