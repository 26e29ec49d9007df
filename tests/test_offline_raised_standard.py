"""A city raising a province's standard to a new sum without saying the old one (本市生活费补贴标准提高至每人每天55元，
最长补贴天数仍按省定标准执行): the province's rule is worked out with the city's sum — read from the city's own words,
per the same units, of the benefit both name — under the province's own cap, both clauses cited; never for a place
the city does not cover, and never the other way round (a province's sum does not replace a city's).

Fictional documents written for this test (no eval set has them; nothing was tuned on them), after the mechanism was
found on a question about another province's training-voucher rules.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from support import answered_with, offline_engine_for

from assistant.offline.engine import OfflineEngine

PROVINCE = """江西省人力资源和社会保障厅 江西省财政厅关于做好职业技能培训生活费补贴工作的通知
赣人社发〔2026〕6号
各设区市人力资源和社会保障局、财政局：
一、脱贫劳动力参加集中脱产职业技能培训的，按每人每天40元给予生活费补贴，补贴天数按实际出勤天数计算，最长不超过20天。
二、本通知自2026年4月1日起施行。
"""
CITY = """九江市人力资源和社会保障局关于提高职业技能培训生活费补贴标准的通知
九人社发〔2026〕15号
各县（市、区）人力资源和社会保障局：
一、本市职业技能培训生活费补贴标准提高至每人每天55元，最长补贴天数仍按省定标准执行。
二、本通知自2026年6月1日起施行。
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> OfflineEngine:
    return offline_engine_for(tmp_path_factory.mktemp("raised"), {
        "jiangxi-2026-training-living-allowance.txt": PROVINCE, "jiujiang-2026-living-allowance-raise.txt": CITY})


@pytest.mark.parametrize(("question", "amount", "wrong"), [
    # 55 × 20: the city's sum, the province's longest 20 days
    ("九江的脱贫劳动力参加集中脱产培训25天，全勤，生活费补贴一共能拿多少？", Decimal(1100), Decimal(800)),
    ("九江市提高以后的生活费补贴标准，我参加培训10天能拿多少？", Decimal(550), Decimal(400)),
])
def test_the_provinces_rule_runs_with_the_citys_sum(engine: OfflineEngine, question: str, amount: Decimal,
                                                    wrong: Decimal) -> None:
    text = answered_with(engine, question, amount, wrong)
    assert "每人每天55元" in text and "最长不超过20天" in text, text


def test_a_place_the_city_does_not_cover_keeps_the_provinces_sum(engine: OfflineEngine) -> None:
    answered_with(engine, "南昌的脱贫劳动力参加集中脱产培训10天，生活费补贴能拿多少？", Decimal(400), Decimal(550))
