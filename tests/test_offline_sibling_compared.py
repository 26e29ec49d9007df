"""Two sibling cities compared (无锡和常州分别多少) on a thing ranked by tier (省级就业见习示范基地), one city with a
document of its own that names the thing at that tier with a range (省级及以上就业见习示范基地) and at another (市级):
the range meets the asked tier, so the city's document answers its part; the other city gets the province's rate.

Two fictional documents written for this test (no eval set has them, nothing was tuned on them): a province's
internship measures with a table of monthly rates, and one city's notice raising the rate for demonstration bases.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from support import figures, offline_engine_beside_library

from assistant.models import Answer
from assistant.offline.compose import lead_amount, with_difference
from assistant.offline.engine import OfflineEngine

PROVINCE = """江苏省人力资源和社会保障厅 江苏省财政厅关于印发《江苏省就业见习管理办法》的通知
苏人社规〔2025〕6号
各设区市人力资源社会保障局、财政局：
现将《江苏省就业见习管理办法》印发给你们，请认真贯彻执行。
第一条　见习人员范围为离校2年内未就业高校毕业生和16—24岁登记失业青年。
第二条　见习单位按月为见习人员发放基本生活费，就业见习补贴按附件1所列标准拨付给见习单位。
第三条　本办法自2025年4月1日起施行，有效期5年。
附件1
江苏省就业见习补贴标准
见习单位类别	补贴标准
一般见习单位	每人每月1800元
省级及以上就业见习示范单位（基地）	每人每月2000元
"""

CITY = """无锡市人力资源和社会保障局 无锡市财政局关于提高就业见习补贴标准的通知
锡人社发〔2025〕21号
各市（县）区人力资源和社会保障局、财政局：
一、提高见习补贴标准
（一）省级及以上就业见习示范基地吸纳见习人员的，见习补贴在省定标准基础上每人每月增加300元。
（二）其他见习单位吸纳见习人员的，就业见习补贴标准为每人每月1900元。
（三）新认定为市级就业见习示范基地的，给予一次性奖补2万元。
二、本通知自2025年6月1日起施行，有效期3年。
无锡市人力资源和社会保障局 无锡市财政局
2025年5月20日
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> OfflineEngine:
    return offline_engine_beside_library(tmp_path_factory.mktemp("siblings"), {
        "jiangsu-2025-internship-measures.txt": PROVINCE, "wuxi-2025-internship-rates.txt": CITY})


@pytest.mark.parametrize("question", [
    "同样是省级就业见习示范基地，无锡和常州每个见习生每月的见习补贴分别是多少？",
    "省级就业见习示范基地带见习生，常州和无锡每人每月的见习补贴一样吗？",
    pytest.param("省级见习示范基地带见习生，常州和无锡每人每月的见习补贴一样吗？", marks=pytest.mark.xfail(
        strict=True, reason="known gap: a shortened name (省级见习示范基地) does not pick the province's row "
        "省级及以上就业见习示范单位（基地） as the base of the city's raise, so 无锡 gets the clause, not 2300")),
])
def test_a_city_compared_with_a_sibling_keeps_its_province(engine: OfflineEngine, question: str) -> None:
    answer = engine.answer(question)
    assert answer.status == "answered", answer.answer
    assert "不能套用到" not in answer.answer, answer.answer  # the province's rule holds in both cities
    assert {Decimal(2300), Decimal(2000)} <= figures(answer.answer), answer.answer


def test_a_sum_added_to_a_standard_is_no_place_amount_in_a_difference() -> None:
    """A part that could only quote its city's raise (在省定标准基础上每人每月增加200元, no calculation) states no
    amount of the place's own: no "两者相差" is worked from the 200; a calculated part's added sum in its heading
    (…增加300元）…计算共2300元) leaves the result as its amount."""
    quoted = Answer(question="q", status="answered",
                    answer="根据某市的规定：全市各类见习单位吸纳见习人员的，见习补贴在省定标准基础上每人每月增加200元。[1]")
    worked = Answer(question="q", status="answered",
                    answer="根据无锡市的规定（在省定标准基础上每人每月增加300元）（按1人计算），计算共2300元。[1]")
    stated = Answer(question="q", status="answered", answer="根据某省的规定：示范单位：每人每月2000元[1]")
    assert lead_amount(quoted) is None
    assert lead_amount(worked) == Decimal(2300)
    raised = Answer(question="q", status="answered",  # the phrase of a raise by a share, then the amount worked out
                    answer="根据大庆市的规定（在省定标准基础上上浮20%）（按1人计算），计算共2160元。[1]")
    assert lead_amount(raised) == Decimal(2160)
    assert lead_amount(stated) == Decimal(2000)
    combined = Answer(question="q", status="answered", answer="【甲】…\n【乙】…")
    assert with_difference(combined, [quoted, stated], ["甲", "乙"]) == combined  # nothing to set against
