"""A raise of a benefit a prefecture names, on the province's standard: 见习单位属于全州重点产业的，见习期满留用奖励在
省定标准基础上提高50%，每个见习单位每年留用奖励最高限额相应提高到3万元. The raise is 50% of the province's 留用奖励 (not
of its 见习补贴, another benefit stated first), and the raised cap (提高到3万元) is a bound, never a sum added to the
standard. When the named benefit's standard cannot be worked out for the question (一年最多 asked of a one-off
reward), no other benefit's standard stands in for it.

Fictional documents written for this test (no eval set has them, nothing was tuned on them): a province's internship
measures and an autonomous prefecture's notice raising one of its benefits.
"""

from __future__ import annotations

from decimal import Decimal

from support import answered_with, figures, module_engine

from assistant.offline.engine import OfflineEngine
from assistant.rules.draft_text import added
from ingest.quantities import find_quantities

PROVINCE = """云南省人力资源和社会保障厅 云南省财政厅关于印发《云南省就业见习管理办法》的通知
云人社规〔2026〕5号
各州（市）人力资源和社会保障局、财政局：
现将《云南省就业见习管理办法》印发给你们，请遵照执行。

云南省就业见习管理办法
第一条 为规范就业见习管理，制定本办法。
第二条 见习单位吸纳离校2年内未就业高校毕业生参加见习的，按每人每月1600元给予见习补贴，见习期最长12个月。
第三条 见习期满后留用见习人员的，每留用1人给予见习单位一次性留用奖励1200元；每个单位每年最高不超过2万元。
第四条 本办法自2026年1月1日起施行。
"""

PREFECTURE = """大理白族自治州人力资源和社会保障局 大理白族自治州财政局关于加大就业见习支持力度的通知
大州人社发〔2026〕7号
各县（市）人力资源和社会保障局、财政局：
为贯彻落实《云南省就业见习管理办法》（云人社规〔2026〕5号），现就有关事项通知如下：
一、提高留用奖励标准
1.见习单位属于全州重点产业的，见习期满留用奖励在省定标准基础上提高50%，每个见习单位每年留用奖励最高限额相应提高到3万元。
二、本通知自2026年3月1日起施行。
"""

engine = module_engine("raise_of_a_named_benefit", {
    "yunnan-2026-internship-measures.txt": PROVINCE,
    "dali-2026-internship-support-notice.txt": PREFECTURE,
})


def test_a_bound_raised_to_a_sum_is_no_sum_added() -> None:
    sentence = "见习期满留用奖励在省定标准基础上提高50%，每个见习单位每年留用奖励最高限额相应提高到3万元。"
    (cap,) = [q for q in find_quantities(sentence) if q.kind == "money"]
    assert not added(sentence, cap)
    sentence = "在省定标准基础上，每人再给予500元奖励。"
    (sum_,) = [q for q in find_quantities(sentence) if q.kind == "money"]
    assert added(sentence, sum_)


def test_the_raise_is_of_the_named_benefits_standard(engine: OfflineEngine) -> None:
    text = answered_with(engine, "大理州重点产业的企业，见习期满留用了一个人，留用奖励能拿多少？", Decimal(1800),
                         wrong=Decimal(2400))
    assert not figures(text) & {Decimal(31200), Decimal(31600)}, text  # the raised cap (3万元) is never added


def test_heads_of_the_named_benefit_are_paid_its_raised_standard(engine: OfflineEngine) -> None:
    answered_with(engine, "大理州重点产业的企业，见习期满留用了3个人，一共能拿多少留用奖励？", Decimal(5400),
                  wrong=Decimal(86400))  # 1200 × 150% × 3, not the 见习补贴 1600 × 150% × 3 × 12
    answered_with(engine, "大理州重点产业的企业，见习生见习期满留下来一个，见习单位能拿多少奖励？", Decimal(1800))


def test_a_yearly_most_asked_keeps_to_the_named_benefit(engine: OfflineEngine) -> None:
    # 一年最多 once led to the 见习补贴 of 12 months, raised: 1600 × 150% × 12 = 28800
    answered_with(engine, "大理州重点产业的企业，见习期满留用一个人，一年最多能拿多少奖励？", Decimal(1800),
                  wrong=Decimal(28800))
