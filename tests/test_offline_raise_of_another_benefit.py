"""A raise a document writes for one benefit (全州见习单位的见习补贴在省定标准基础上每人每月提高200元) does not apply to
another benefit's rate of the same document (以工代训补贴按每人每月500元), even when the question names neither benefit
by its full name (搞以工代训，每人每月补多少): the benefit the answering clause grants decides
(``StandardResolver.adjusted``). A raised name read from a condition may carry the people it is for (其职工培训补贴):
``EvidenceFinder.same_kind`` compares it without them, so such a raise still applies to its own benefit
(test_offline_programmes_and_relaxations).

Fictional documents written for this test (no eval set has them, nothing was tuned on them): a province's internship
notice and an autonomous prefecture's notice on internships and work-based training.
"""

from __future__ import annotations

from decimal import Decimal

from support import answered_with, module_engine

from assistant.offline.engine import OfflineEngine

PROVINCE = """四川省人力资源和社会保障厅关于做好2026年就业见习工作的通知
川人社发〔2026〕6号
一、见习补贴按每人每月1500元的标准，根据实际见习月数拨付给见习单位。
二、本通知自2026年1月1日起执行。
"""

PREFECTURE = """凉山彝族自治州人力资源和社会保障局 凉山彝族自治州财政局关于做好就业见习和以工代训工作的通知
凉人社发〔2026〕4号
各县（市）人力资源和社会保障局、财政局：
一、就业见习补贴
（一）全州见习单位的见习补贴在省定标准基础上每人每月提高200元。
二、以工代训补贴
（一）州内中小微企业吸纳脱贫劳动力就业并开展以工代训的，给予以工代训补贴。
（二）以工代训补贴按每人每月500元的标准给予企业，补贴期限最长不超过6个月。
三、本通知自2026年3月1日起施行。
"""

engine = module_engine("raise_of_another_benefit", {
    "sichuan-2026-internship-measures.txt": PROVINCE,
    "liangshan-2026-internship-and-training-notice.txt": PREFECTURE,
})


def test_another_benefits_raise_leaves_the_rate_alone(engine: OfflineEngine) -> None:
    answered_with(engine, "凉山州的企业招脱贫户搞以工代训，每人每月补多少？", Decimal(500), wrong=Decimal(1700))


def test_the_raise_still_applies_to_its_own_benefit(engine: OfflineEngine) -> None:
    answered_with(engine, "凉山州的见习单位，见习补贴每人每月能拿多少？", Decimal(1700), wrong=Decimal(1500))
