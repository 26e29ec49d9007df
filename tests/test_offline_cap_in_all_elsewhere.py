"""A total over heads capped by a most in all set in another article for the same benefit (每家企业每年享受的一次性
扩岗补贴累计最高不超过M万元): the heads times the rate, never above that most, the capping article cited; a most for
another benefit caps nothing, nor does one per head.

A fictional document written for this test (no eval set has it; nothing was tuned on it), after the mechanism was
found on a question about another document.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from support import answered_with, offline_engine_for

from assistant.offline.engine import OfflineEngine

COUNTY = """城固县人力资源和社会保障局 城固县财政局关于印发《城固县稳岗扩岗补贴实施办法》的通知
城人社发〔2026〕5号
各镇人民政府，县直各部门：
现将《城固县稳岗扩岗补贴实施办法》印发给你们，请认真贯彻执行。
城固县稳岗扩岗补贴实施办法
第一条　本县企业招用离校2年内未就业高校毕业生、登记失业人员，签订1年以上劳动合同并缴纳社会保险费满3个月的，
按每招用1人1500元给予一次性扩岗补贴。
第二条　每家企业每年享受的一次性扩岗补贴累计最高不超过2万元。
第三条　企业开展以工代训的，按每人每月300元给予以工代训补贴，每家企业每年以工代训补贴最高不超过5万元。
第四条　本办法自2026年6月1日起施行。
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> OfflineEngine:
    return offline_engine_for(tmp_path_factory.mktemp("cap-all"), {"chenggu-2026-hiring-subsidy.txt": COUNTY})


@pytest.mark.parametrize(("question", "amount", "wrong"), [
    # 16 × 1500 = 24000, above the 2万元 most in all for the 扩岗补贴
    ("城固一家电子厂，今年新招了16个登记失业人员，都签了两年合同，社保交满3个月了，一次性扩岗补贴一共能拿多少？",
     Decimal(20000), Decimal(24000)),
    # 6 × 1500 = 9000: below the most, and the 以工代训 most of 5万元 caps nothing here
    ("城固一家公司招了6个离校2年内未就业的高校毕业生，合同签了一年，社保交了4个月，一次性扩岗补贴一共多少？",
     Decimal(9000), Decimal(20000)),
])
def test_a_total_over_heads_is_capped_by_the_benefits_most_in_all(engine: OfflineEngine, question: str,
                                                                  amount: Decimal, wrong: Decimal) -> None:
    text = answered_with(engine, question, amount, wrong)
    if amount == Decimal(20000):  # the capping article is cited
        assert "第二条" in text.split("依据：")[-1], text


# The rate's clause is headed only 补贴标准: the benefit it rates is named by the heading above it, and the most in all
# under that heading's 有关规定 caps it (another benefit's most, under its own heading, does not).
HEADED = """洋县人力资源和社会保障局 洋县财政局关于印发《洋县吸纳就业和以工代训补贴办法》的通知
洋人社发〔2026〕9号
各镇人民政府，县直各部门：
现将《洋县吸纳就业和以工代训补贴办法》印发给你们，请认真贯彻执行。
洋县吸纳就业和以工代训补贴办法
一、一次性吸纳就业补贴
（一）补贴对象
本县企业新招用脱贫人口、残疾人，签订1年以上劳动合同并缴纳社会保险费满3个月的，可申领一次性吸纳就业补贴。
（二）补贴标准
按每招用1人2000元给予补贴。
（三）有关规定
同一企业每年度享受一次性吸纳就业补贴总额最高不超过3万元。
二、以工代训补贴
（一）补贴标准
按每人每月400元给予以工代训补贴。
（二）有关规定
同一企业每年度享受以工代训补贴总额最高不超过1万元。
"""


@pytest.fixture(scope="module")
def headed(tmp_path_factory: pytest.TempPathFactory) -> OfflineEngine:
    return offline_engine_for(tmp_path_factory.mktemp("cap-headed"), {"yangxian-2026-hiring-subsidy.txt": HEADED})


@pytest.mark.parametrize(("question", "amount", "wrong"), [
    # 20 × 2000 = 40000, above the 3万元 most in all of the heading's benefit
    ("洋县一家厂今年新招了20个脱贫户，签了一年合同，社保交满3个月了，一次性吸纳就业补贴一共能拿多少？",
     Decimal(30000), Decimal(40000)),
    # 12 × 2000 = 24000: below it, and the 以工代训 most of 1万元 caps nothing here
    ("洋县一家公司招了12个残疾人，合同签了两年，社保交了5个月，一次性吸纳就业补贴一共多少？",
     Decimal(24000), Decimal(10000)),
])
def test_a_rate_headed_only_by_its_standard_is_capped_by_its_headings_most(headed: OfflineEngine, question: str,
                                                                          amount: Decimal, wrong: Decimal) -> None:
    text = answered_with(headed, question, amount, wrong)
    if amount == Decimal(30000):  # the capping clause is cited
        assert "一、（三）" in text.split("依据：")[-1], text
