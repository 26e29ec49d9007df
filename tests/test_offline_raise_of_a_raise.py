"""A raise set on the level above's standard (在州级标准基础上再增加N元) where that level states no standard of its
own but raises its parent's (全州…在省定标准基础上提高M元): the standard is the parent's, raised by the middle level,
then by the place's own — never the middle level's figure for another benefit (以工代训补贴 K元). A middle level
raising two benefits raises each its own: its 见习补贴 raise is no part of a 留用奖励. A document of an autonomous
prefecture says 全州 for its own territory, so its raise for every unit of the 州 holds in a county with no rule of
its own.

Fictional documents written for this test (no eval set has them, nothing was tuned on them): a province's internship
measures, an autonomous prefecture's raises and its own work-based training subsidy, and its seat's further raises.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from support import figures, offline_engine_beside_library

from assistant.offline.engine import OfflineEngine

PROVINCE = """湖南省人力资源和社会保障厅 湖南省财政厅关于印发《湖南省就业见习补贴管理办法》的通知
湘人社规〔2026〕7号
各市州人力资源和社会保障局、财政局：
现将《湖南省就业见习补贴管理办法》印发给你们，请认真贯彻执行。
湖南省就业见习补贴管理办法
第一条　本办法适用于本省行政区域内的就业见习单位和见习人员。
第二条　见习补贴按每人每月1600元的标准，根据实际见习月数拨付给见习单位。
第三条　见习期满后见习单位留用见习人员，签订1年以上劳动合同并依法缴纳社会保险的，\
每留用1人给予见习单位一次性留用奖励1000元。
第四条　本办法自2026年3月1日起施行，有效期5年。
湖南省人力资源和社会保障厅 湖南省财政厅
2026年2月10日
"""

PREFECTURE = """湘西州人力资源和社会保障局 湘西州财政局关于进一步做好就业见习和以工代训工作的通知
湘西人社发〔2026〕11号
各县市人力资源和社会保障局、财政局：
一、全州见习单位的见习补贴在省定标准基础上每人每月提高300元。
二、属于全州重点产业目录的见习单位，留用奖励在省定标准基础上提高50%。
三、以工代训补贴按每人每月600元的标准给予企业，补贴期限最长不超过6个月。
四、本通知自2026年5月1日起施行，有效期3年。
湘西州人力资源和社会保障局 湘西州财政局
2026年4月20日
"""

SEAT = """吉首市就业见习补贴实施细则
吉首人社发〔2026〕4号
一、市内见习单位的见习补贴在州级标准基础上每人每月再增加150元。
二、市级就业见习示范基地的留用奖励在州级标准基础上每留用1人再增加400元。
三、本细则自2026年7月1日起施行，有效期3年。
吉首市人力资源和社会保障局
2026年6月18日
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> OfflineEngine:
    return offline_engine_beside_library(tmp_path_factory.mktemp("stacked"), {
        "hunan-2026-internship-measures.txt": PROVINCE, "xiangxi-2026-internship-notice.txt": PREFECTURE,
        "jishou-2026-internship-rules.txt": SEAT,
    })


def test_three_levels_stack_on_the_parents_standard(engine: OfflineEngine) -> None:
    answer = engine.answer("吉首一家公司招了个应届毕业生见习，每个月见习补贴能拿多少？")
    assert answer.status == "answered", answer.answer
    assert Decimal(2050) in figures(answer.answer), answer.answer  # 1600 + 300 + 150
    assert Decimal(750) not in figures(answer.answer), answer.answer  # 以工代训 600 + 150
    assert {c.doc_id for c in answer.citations} >= {"jishou-2026-internship-rules", "hunan-2026-internship-measures"}


def test_the_prefectures_raise_for_all_of_it_holds_in_a_county_without_rules(engine: OfflineEngine) -> None:
    answer = engine.answer("泸溪县一家公司招了个应届毕业生见习，每个月见习补贴能拿多少？")
    assert answer.status == "answered", answer.answer
    assert Decimal(1900) in figures(answer.answer), answer.answer  # 1600 + 300, not 吉首's 150
    assert Decimal(2050) not in figures(answer.answer), answer.answer


def test_a_raise_of_another_benefit_is_no_part_of_this_one(engine: OfflineEngine) -> None:
    answer = engine.answer("吉首的市级就业见习示范基地，不属于重点产业，见习期满留用了1个人，签了合同交了社保，"
                           "留用奖励多少？")
    assert answer.status == "answered", answer.answer
    assert Decimal(1400) in figures(answer.answer), answer.answer  # 1000 + 400
    assert not {Decimal(1700), Decimal(1900)} & figures(answer.answer), answer.answer


def test_a_total_of_two_benefits_raises_each_by_its_own_raise(engine: OfflineEngine) -> None:
    answer = engine.answer("泸溪县一家公司招了个应届毕业生见习，见习了6个月，期满后留用了，签了两年合同交了社保。"
                           "见习补贴加留用奖励一共能拿多少？")
    first = answer.answer.split("\n", 1)[0]
    assert first.startswith("合计") and Decimal(12400) in figures(first), answer.answer  # 1900 × 6 + 1000
    assert Decimal(1300) not in figures(answer.answer), answer.answer  # 留用奖励 1000 + the 见习补贴 raise


def test_raises_of_a_monthly_rate_apply_to_the_rate_before_the_months(engine: OfflineEngine) -> None:
    answer = engine.answer("吉首一家公司招了个应届毕业生见习，见习满了6个月，见习补贴一共能拿多少？")
    assert answer.status == "answered", answer.answer
    assert Decimal(12300) in figures(answer.answer.split("\n", 1)[0]), answer.answer  # (1600 + 300 + 150) × 6
    assert Decimal(11550) not in figures(answer.answer), answer.answer  # (1600 + 300) × 6 + 150
