"""A raise's sentence that says the benefit asked about is about it, whatever else it names.

A county's rules raise the 见习补贴 (在省定标准基础上每人每月再增加N元，所需资金从市级就业补助资金中列支) and pay
graduates kept on a 生活补贴 by a table of degrees. The fund the raise names is read as a benefit's name (…就业补助),
yet the sentence says the 见习补贴 asked about, so it names no other benefit (``EvidenceFinder.names_another_benefit``)
and the raise applies to the province's standard. The table's rows still answer their own benefit. (When the search
keeps only such a row for a question on the 见习补贴, the clauses it set aside are judged too: see
test_offline_evidence_below_the_cut.)

Fictional documents written for this test (no eval set has them, nothing was tuned on them): a province's internship
measures and a county-level city's rules.
"""

from __future__ import annotations

from decimal import Decimal

from support import answered_with, module_engine

from assistant.offline.engine import OfflineEngine

PROVINCE = """安徽省人力资源和社会保障厅 安徽省财政厅关于印发《安徽省就业见习管理办法》的通知
皖人社规〔2026〕4号
各市人力资源和社会保障局、财政局：
现将《安徽省就业见习管理办法》印发给你们，请认真贯彻执行。
第一条 为提升青年就业能力，制定本办法。
第二条 见习单位吸纳见习人员并按规定支付基本生活费的，按每人每月1500元的标准给予见习补贴，补贴期限最长不超过12个月。
第三条 本办法自2026年1月1日起施行。
"""

COUNTY = """界首市人力资源和社会保障局 界首市财政局关于印发界首市就业见习补贴和青年留界生活补贴实施细则的通知
界人社发〔2026〕7号
各镇人民政府，市直有关单位：
现将《界首市就业见习补贴和青年留界生活补贴实施细则》印发给你们，请认真贯彻执行。
一、见习补贴提标
（一）本市见习单位吸纳见习人员的，见习补贴在省定标准基础上每人每月再增加100元，所需资金从市级就业补助资金中列支。
二、青年留界生活补贴
（一）见习期满后被本市见习单位留用、签订2年以上劳动合同的高校毕业生，按学历层次按月给予生活补贴，标准如下：

序号\t学历层次\t补贴标准（元/人/月）
1\t全日制普通本科毕业生\t500
2\t全日制硕士研究生及以上学历毕业生\t800

（二）申领人员留用时年龄不超过35周岁。
三、本细则自2026年3月1日起施行。
"""

engine = module_engine("raise_saying_the_asked_benefit", {
    "anhui-2026-internship-measures.txt": PROVINCE,
    "jieshou-2026-internship-and-retention-rules.txt": COUNTY,
})


def test_a_raise_naming_a_fund_beside_the_asked_benefit_applies(engine: OfflineEngine) -> None:
    answered_with(engine, "界首一家普通见习单位带了个应届大学生见习了6个月，见习补贴一共多少？", Decimal(9600),
                  wrong=Decimal(3000))


def test_the_other_benefit_is_still_its_own_answer(engine: OfflineEngine) -> None:
    answered_with(engine, "界首的本科毕业生见习期满被留用了，留界生活补贴每月多少？", Decimal(500),
                  wrong=Decimal(1600))
