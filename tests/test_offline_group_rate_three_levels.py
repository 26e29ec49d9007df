"""A rate raised at two levels below it: a 陇西 employer gets the province's rate — the group's own for a graduate
from a low-income family, the rate for all (which says who gets it at all) for an ordinary one — the city's raise of
it, and the county's raise for the units within its territory (县内见习单位的见习补贴在市级标准基础上…再增加N元) on
top; a group set apart among the heads hired gets its own rate so raised, the rest theirs.

Fictional documents written for this test (no eval set has them, nothing was tuned on them): a province's internship
measures with a higher rate for a group, a city raising the province's standard, and a county raising the city's.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from support import figures, lead, offline_engine_beside_library

from assistant.offline.engine import OfflineEngine

PROVINCE = """甘肃省就业见习补贴管理办法
甘人社规〔2026〕5号
第一条　为规范就业见习补贴管理，制定本办法。
第二条　见习单位吸纳离校2年内未就业高校毕业生参加就业见习的，见习补贴按每人每月1600元的标准执行，补贴期限最长12个月。
第三条　见习人员为脱贫家庭、低保家庭高校毕业生的，见习补贴按每人每月1900元的标准执行。
第四条　本办法自2026年1月1日起施行，有效期5年。
甘肃省人力资源和社会保障厅 甘肃省财政厅
2025年12月20日
"""

CITY = """定西市人力资源和社会保障局 定西市财政局关于做好就业见习工作的通知
定人社发〔2026〕7号
各县（区）人力资源和社会保障局、财政局：
一、全市见习单位的见习补贴在省定标准基础上每人每月提高100元，补贴期限按省办法执行。
二、本通知自2026年3月1日起施行。
定西市人力资源和社会保障局 定西市财政局
2026年2月25日
"""

COUNTY = """陇西县就业见习补贴实施细则
陇人社发〔2026〕3号
一、县内见习单位的见习补贴在市级标准基础上每人每月再增加50元。
二、见习补贴增加部分随市级见习补贴一并申领。
三、本细则自2026年5月1日起施行，有效期3年。
陇西县人力资源和社会保障局
2026年4月20日
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> OfflineEngine:
    return offline_engine_beside_library(tmp_path_factory.mktemp("unit-within"), {
        "gansu-2026-internship-measures.txt": PROVINCE, "dingxi-2026-internship-notice.txt": CITY,
        "longxi-2026-internship-rules.txt": COUNTY})


def test_a_raise_for_units_within_the_place_holds_for_a_unit_there(engine: OfflineEngine) -> None:
    answer = engine.answer("我们公司在陇西，今年招了1个低保家庭的应届大学生来见习，见习满了6个月。"
                           "单位见习补贴能拿多少？")
    assert answer.status == "answered", answer.answer
    assert Decimal("12300") in figures(lead(answer.answer)), answer.answer  # (1900 + 100 + 50) × 6


def test_an_ordinary_graduate_gets_the_rate_for_all_raised_alike(engine: OfflineEngine) -> None:
    answer = engine.answer("陇西一家企业招了2个普通应届毕业生见习，都见习满了3个月，见习补贴一共能领多少？")
    assert answer.status == "answered", answer.answer
    assert Decimal("10500") in figures(lead(answer.answer)), answer.answer  # (1600 + 100 + 50) × 2 × 3


def test_a_group_set_apart_gets_its_own_rate_raised_alike(engine: OfflineEngine) -> None:
    answer = engine.answer("我们单位在陇西，今年招了3个应届大学生来见习，其中1个是低保家庭的，3个人都见习满了6个月。"
                           "见习补贴一共能拿多少？")
    assert answer.status == "answered", answer.answer
    # (1900 + 100 + 50) × 6 + (1600 + 100 + 50) × 2 × 6
    assert Decimal("33300") in figures(lead(answer.answer)), answer.answer
