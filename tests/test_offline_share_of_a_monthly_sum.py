"""A share of a sum paid every month, capped every month (按其实际缴费额的2/3给予社会保险补贴，每人每月最高不超过M元):
the share is read whether the policy writes it as a percentage or as a fraction (2/3, 三分之一), drafted as a share of
the asker's monthly sum with each month clamped on its own, and multiplied by the months the question states — a
year asked of a monthly rate being twelve of them.

A fictional document written for this test (no eval set has it; nothing was tuned on it), after the mechanism was
found on a question about another document (two people's monthly contributions, a year of them).
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from support import answered_with, drafted_rules, figures, lead, module_engine

from assistant.offline.engine import OfflineEngine

COUNTY = """兰溪市人力资源和社会保障局 兰溪市财政局关于做好就业困难人员社会保险补贴和岗位补贴工作的通知
兰人社发〔2026〕9号
各乡镇人民政府、街道办事处，市级各有关单位：
为帮扶就业困难人员稳定就业，现就有关事项通知如下：
一、就业困难人员灵活就业后缴纳社会保险费的，按其实际缴费额的三分之二给予社会保险补贴，每人每月最高不超过450元，补贴期限最长不超过3年。
二、用人单位招用就业困难人员并为其缴纳社会保险费的，按单位实际缴纳部分的1/2给予社会保险补贴，每人每月最高不超过700元。
三、用人单位招用就业困难人员的，按每人每月300元给予岗位补贴，补贴期限最长不超过3年。
四、本通知自2026年9月1日起施行。
"""

engine = module_engine("monthly-share", {"lanxi-2026-social-insurance-subsidy.txt": COUNTY})


def test_a_share_capped_per_month_is_drafted_with_the_months_it_is_paid_for(tmp_path) -> None:
    [rule] = drafted_rules(tmp_path, COUNTY, "二、", "兰溪市")
    formula = rule["formula"]
    assert (formula["kind"], formula["cap"], formula["periods"]) == ("percent_of_base", "cap", "months"), rule
    assert (rule["parameters"]["rate"]["value"], rule["parameters"]["cap"]["value"]) == (50, 700), rule


@pytest.mark.parametrize(("question", "amount", "wrong"), [
    # 630 × 2/3 = 420 a month, under the 450 cap
    ("我是兰溪的就业困难人员，灵活就业，社保每月自己交630元，每个月能补多少？", Decimal(420), Decimal(450)),
    # 900 × 2/3 = 600 a month, capped at 450, for 12 months
    ("兰溪的就业困难人员，打零工自己交社保，每月交900块，按12个月算一共能补多少？", Decimal(5400), Decimal(7200)),
    # 1600 × 1/2 = 800 a month, capped at 700; a year of a monthly cap is twelve months
    ("兰溪一家公司招了个就业困难人员，单位每月给他交社保1600元，一年能拿多少社保补贴？", Decimal(8400), Decimal(700)),
])
def test_the_share_of_the_monthly_sum_is_clamped_each_month_then_multiplied(engine: OfflineEngine, question: str,
                                                                           amount: Decimal, wrong: Decimal) -> None:
    answered_with(engine, question, amount, wrong)


def test_a_year_asked_of_a_monthly_rate_is_twelve_of_its_months(engine: OfflineEngine) -> None:
    answered_with(engine, "兰溪一家企业招用了一名就业困难人员，岗位补贴一年能领多少？", Decimal(3600), Decimal(300))


def test_each_persons_own_sum_then_their_total(engine: OfflineEngine) -> None:
    question = ("我和我爱人都是兰溪的就业困难人员，都是灵活就业。我每月交社保720元，我爱人每月交600元。"
                "按一年12个月算，我们俩一共能补多少？")
    text = answered_with(engine, question, Decimal(10200))
    assert "5400元" in text and "4800元" in text, text  # 720 × 2/3 = 480 → 450 × 12; 600 × 2/3 = 400 × 12


UNCAPPED = """临江市人力资源和社会保障局 临江市财政局关于做好灵活就业社会保险补贴工作的通知
临人社发〔2026〕5号
各乡镇人民政府、街道办事处：
一、就业困难人员灵活就业后缴纳社会保险费的，按其实际缴费额的2/3给予社会保险补贴，补贴期限最长不超过3年。
二、本通知自2026年8月1日起施行。
"""

uncapped = module_engine("uncapped-share", {"linjiang-2026-flexible-employment-subsidy.txt": UNCAPPED})


def test_a_bound_on_the_period_is_no_cap_stated_elsewhere(tmp_path) -> None:
    [rule] = drafted_rules(tmp_path, UNCAPPED, "一、", "临江市")
    assert rule["formula"]["kind"] == "percent_of_base" and "cap" not in rule["formula"], rule


def test_a_share_with_no_period_of_its_own_is_one_period_of_the_sum(uncapped: OfflineEngine) -> None:
    answered_with(uncapped, "我是临江的就业困难人员，灵活就业，社保每月自己交690元，每月能补多少？", Decimal(460))


def test_a_longer_span_of_a_monthly_sum_is_not_passed_off_as_one_month(uncapped: OfflineEngine) -> None:
    """The clause states no period, so a year of a monthly sum cannot be read from it: its words are quoted."""
    answer = uncapped.answer("我是临江的就业困难人员，灵活就业，社保每月自己交690元，一年能补多少？")
    assert answer.status == "answered" and Decimal(460) not in figures(lead(answer.answer)), answer.answer
