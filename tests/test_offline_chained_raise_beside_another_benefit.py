"""A raise of a city's standard is worked on that city's standard of the benefit it names, never on another
benefit's figure of the city whose clause only mentions it.

A county raises the 见习补贴 on the city's standard (在襄阳市级标准基础上每人每月再增加100元). The city's notice
raises the province's 见习补贴 by 200元 and grants a 见习人员租房补贴 of 300元 whose clause says 租房补贴与见习补贴
一并申领: that clause names the 见习补贴, yet what it grants is a 租房补贴 — another kind (the people it is for,
见习人员, are no kind of it: ``EvidenceFinder.same_kind``), so it is no standard of the raise
(``StandardResolver.of_another_benefit``): 1500元 + 200元 + 100元.

Fictional documents written for this test (no eval set has them, nothing was tuned on them): a province's internship
measures, a city's notice and a county-level city's rules.
"""

from __future__ import annotations

from decimal import Decimal

from support import answered_with, module_engine

from assistant.offline.engine import OfflineEngine

PROVINCE = """湖北省人力资源和社会保障厅 湖北省财政厅关于印发《湖北省就业见习管理办法》的通知
鄂人社规〔2026〕3号
各市、州人力资源和社会保障局、财政局：
现将《湖北省就业见习管理办法》印发给你们，请认真贯彻执行。
第一条 为提升青年就业能力，制定本办法。
第二条 见习单位吸纳见习人员并按规定支付基本生活费的，按每人每月1500元的标准给予见习补贴，补贴期限最长不超过12个月。
第三条 本办法自2026年1月1日起施行。
"""

CITY = """襄阳市人力资源和社会保障局 襄阳市财政局关于进一步做好就业见习工作的通知
襄人社发〔2026〕9号
各县（市、区）人力资源和社会保障局、财政局：
一、全市各类见习单位吸纳见习人员的，见习补贴在省定标准基础上每人每月增加200元。
二、见习人员租房补贴。非本市户籍且在本市无自有住房的见习人员，见习期间给予每人每月300元租房补贴，最长不超过6个月。租房补贴与见习补贴一并申领。
三、本通知自2026年2月1日起施行。
"""

COUNTY = """枣阳市人力资源和社会保障局 枣阳市财政局关于提高就业见习补贴标准的通知
枣人社发〔2026〕4号
各镇（街道）人力资源和社会保障服务中心：
一、本市见习单位吸纳见习人员的，见习补贴在襄阳市级标准基础上每人每月再增加100元。
二、本通知自2026年4月1日起施行。
"""

engine = module_engine("chained_raise_beside_another_benefit", {
    "hubei-2026-internship-measures.txt": PROVINCE,
    "xiangyang-2026-internship-notice.txt": CITY,
    "zaoyang-2026-internship-raise-notice.txt": COUNTY,
})


def test_the_county_raise_is_worked_on_the_citys_raised_standard(engine: OfflineEngine) -> None:
    answered_with(engine, "枣阳一家见习单位，见习补贴每人每月多少？", Decimal(1800), wrong=Decimal(400))


def test_the_citys_own_standard_is_the_province_raised(engine: OfflineEngine) -> None:
    answered_with(engine, "襄阳一家见习单位，见习补贴每人每月多少？", Decimal(1700), wrong=Decimal(300))
