"""A rate per head said as one hired (按每招用1人N元), a count of firms beside a count of the people they hired, and
two places compared on a benefit without the word 多少 (两边的…补贴一样吗), and a rate stated in the item beside
the one answering (一、补贴对象 … 二、补贴标准).

Fictional documents written for this test (no eval set has them, nothing was tuned on them): a province's
hiring-subsidy notice stating its general rate per head hired and a higher rate for two groups in a sentence of
their own, and one of its cities adding a sum per head hired on the provincial standard; and the province's
internship notice whose rate stands in an item of its own that never names the benefit, beside a cap on each unit's
total.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from support import figures, lead, offline_engine_beside_library

from assistant.offline.engine import OfflineEngine

PROVINCE = """黑龙江省人力资源和社会保障厅 黑龙江省财政厅关于做好一次性吸纳就业补贴工作的通知
黑人社发〔2025〕14号
各市（地）人力资源和社会保障局、财政局：
一、补贴对象。对招用毕业年度或离校2年内未就业高校毕业生、登记失业人员，与其签订1年以上劳动合同，并为其按月足额缴纳\
失业保险费满3个月的企业，给予一次性吸纳就业补贴。
二、补贴标准。对符合条件的企业，按每招用1人1200元的标准给予一次性吸纳就业补贴；招用人员为脱贫人口或残疾人的，按每人1600元\
的标准给予补贴。
三、补贴上限。每户企业每年享受一次性吸纳就业补贴总额不超过20万元。
四、本通知自2025年3月1日起施行。
"""

CITY = """齐齐哈尔市人力资源和社会保障局 齐齐哈尔市财政局关于加大稳岗扩就业支持力度的通知
齐人社发〔2025〕6号
一、一次性吸纳就业补贴
对在本市依法登记注册的企业招用符合省定条件人员的，在省定一次性吸纳就业补贴标准基础上，每招用1人增加300元，所需资金由市级就业\
补助资金列支。
二、本通知自2025年5月1日起施行。
"""

INTERNSHIP = """黑龙江省人力资源和社会保障厅 黑龙江省财政厅关于做好就业见习补贴工作的通知
黑人社发〔2025〕15号
一、补贴对象。对吸纳离校2年内未就业高校毕业生参加就业见习的单位，给予就业见习补贴。
二、补贴标准。按每人每月1500元的标准给予补贴，见习期最长不超过12个月。
三、补贴上限。每家见习单位每年享受就业见习补贴总额不超过30万元。
四、本通知自2025年3月1日起施行。
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> OfflineEngine:
    return offline_engine_beside_library(tmp_path_factory.mktemp("per_hire"), {
        "heilongjiang-2025-hiring-subsidy.txt": PROVINCE, "qiqihar-2025-hiring-support.txt": CITY,
        "heilongjiang-2025-internship-subsidy.txt": INTERNSHIP})


def test_a_rate_per_head_hired_is_multiplied_by_the_heads(engine: OfflineEngine) -> None:
    answer = engine.answer("黑龙江一家企业招了3个离校未就业的普通高校毕业生，条件都符合，一次性吸纳就业补贴能拿多少")
    stated = figures(lead(answer.answer))
    assert Decimal(3600) in stated and Decimal(4800) not in stated, answer.answer  # 1200 × 3, not the groups' 1600


def test_a_sum_added_per_head_hired_on_the_provincial_rate(engine: OfflineEngine) -> None:
    answer = engine.answer("齐齐哈尔一家企业招了1个离校一年的普通大学生，签合同交社保都符合，一次性吸纳就业补贴多少钱")
    stated = figures(lead(answer.answer))
    assert Decimal(1500) in stated and Decimal(1900) not in stated, answer.answer  # 1200 + 300


def test_one_firm_beside_one_person_hired_counts_the_person(engine: OfflineEngine) -> None:
    # 一家企业 and 1个大学生 are both one: the firm is not what the head count counts
    answer = engine.answer("齐齐哈尔和牡丹江各有一家企业，都招了1个离校一年的普通大学生，签合同交社保这些条件都符合，"
                           "两边的一次性吸纳就业补贴一样吗？")
    assert "1500元" in answer.answer.split("【", 2)[1], answer.answer  # the city's part works its amount out
    assert any(c.doc_id == "heilongjiang-2025-hiring-subsidy" for c in answer.citations)


def test_the_rate_in_the_item_beside_the_answering_one(engine: OfflineEngine) -> None:
    answer = engine.answer("黑龙江一家单位接收了2个离校未就业的大学生见习，见习了6个月，单位能拿多少见习补贴")
    assert Decimal(18000) in figures(lead(answer.answer)), answer.answer  # 1500 × 2人 × 6个月
    assert any(c.clause == "二、" for c in answer.citations if c.doc_id == "heilongjiang-2025-internship-subsidy")
