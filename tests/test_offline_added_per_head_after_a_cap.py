"""A sum a lower level adds per head (每留用1人再增加500元) to a standard whose total over heads a most in all caps
(每个见习单位每年留用奖励最高不超过2万元): paid for every head, on top of the capped total when the lower level puts
the addition outside the most (增加部分不计入省定每年最高限额), else inside it (the cap may still bind).

Fictional documents written for this test (no eval set has them; nothing was tuned on them), after a question about
another prefecture's rules added the per-head sum once to a capped total.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from support import answered_with, module_engine

from assistant.offline.engine import OfflineEngine

PROVINCE = """四川省人力资源和社会保障厅 四川省财政厅关于印发《四川省就业见习补贴管理办法》的通知
川人社规〔2026〕8号
各市（州）人力资源和社会保障局、财政局：
现将《四川省就业见习补贴管理办法》印发给你们，请认真贯彻执行。
四川省就业见习补贴管理办法
第九条 见习单位按每人每月1800元的标准领取见习补贴。
第十条 见习期满后见习单位留用见习人员，签订1年以上劳动合同并缴纳社保的，每留用1人给予见习单位一次性留用奖励1000元。
第十一条 每个见习单位每年享受的留用奖励最高不超过2万元。
第十二条 本办法自2026年6月1日起施行。
"""
OUTSIDE = """广汉市人力资源和社会保障局关于印发《广汉市就业见习示范基地扶持办法》的通知
广人社发〔2026〕4号
各镇人民政府、街道办事处：
一、经认定的广汉市级就业见习示范基地，见习期满留用奖励在省级标准基础上每留用1人再增加500元，增加部分不计入省定每年最高限额。
二、本办法自2026年8月1日起施行。
"""
INSIDE = """什邡市人力资源和社会保障局关于印发《什邡市就业见习示范基地扶持办法》的通知
什人社发〔2026〕6号
各镇人民政府、街道办事处：
一、经认定的什邡市级就业见习示范基地，见习期满留用奖励在省级标准基础上每留用1人再增加500元。
二、本办法自2026年8月1日起施行。
"""

engine = module_engine("added-after-cap", {"sichuan-2026-internship-subsidy-measures.txt": PROVINCE,
                                           "guanghan-2026-internship-base-support.txt": OUTSIDE,
                                           "shifang-2026-internship-base-support.txt": INSIDE})


@pytest.mark.parametrize(("question", "amount", "wrong"), [
    # 1000 × 25 = 25000 capped at 20000, then 500 × 25 = 12500 outside the cap (not 20000 + 500)
    ("我们是广汉的市级就业见习示范基地，今年见习期满留用了25个人，都签了一年以上合同、交了社保。留用奖励总共能拿多少？",
     Decimal(32500), Decimal(20500)),
    # (1000 + 500) × 25 = 37500, inside the cap: 20000
    ("我们是什邡的市级就业见习示范基地，今年见习期满留用了25个人，都签了一年以上合同、交了社保。留用奖励总共能拿多少？",
     Decimal(20000), Decimal(20500)),
])
def test_a_per_head_addition_is_paid_for_every_head_of_a_capped_total(engine: OfflineEngine, question: str,
                                                                      amount: Decimal, wrong: Decimal) -> None:
    answered_with(engine, question, amount, wrong)


def test_under_the_cap_the_addition_raises_the_rate(engine: OfflineEngine) -> None:
    question = "广汉的市级就业见习示范基地，今年见习期满留用了10个人，都签了两年合同交了社保，留用奖励一共多少？"
    answered_with(engine, question, Decimal(15000), Decimal(10500))  # (1000 + 500) × 10
