"""Words the clause granting a table's standards says of every row name no row apart.

A province pays its 培训补贴 by a table of 培训机构类别 whose first row is 经备案的一般培训机构 and whose other rows are
示范基地; its 第二条 grants the table's standards to 培训机构 (按照附件规定的标准给予培训补贴). A city raises the
standard for 全市各类培训机构: that condition says 培训机构, which of the table's rows only the first says — yet it
raises every row, since the granting clause says it of all of them (``StandardResolver.names_other_category``). A
question saying that unit calls for no raise of every unit by it over the raise of its own group; and what the
condition says beyond the row that the granting clause says too (组织家政从业人员参加培训) sets no asker of the city
apart, so a county's raise on the city's standard stands on the city's raise of the row (``StandardResolver._rank``).

Fictional documents written for this test (no eval set has them, nothing was tuned on them): a province's measures
with a table, a city's notice raising them and a county's raising the city's.
"""

from __future__ import annotations

from decimal import Decimal

from support import answered_with, module_engine

from assistant.offline.engine import OfflineEngine

PROVINCE = """甘肃省人力资源和社会保障厅 甘肃省财政厅关于印发《甘肃省家政服务培训补贴办法》的通知
甘人社规〔2026〕3号
各市（州）人力资源和社会保障局、财政局：
现将《甘肃省家政服务培训补贴办法》印发给你们，请遵照执行。
第一条 为提升家政从业人员技能水平，制定本办法。
第二条 培训机构组织家政从业人员参加培训并取得职业技能等级证书的，按照附件规定的标准给予培训补贴。
第三条 本办法自2026年2月1日起施行。

附件

甘肃省家政服务培训补贴标准

序号\t培训机构类别\t培训补贴标准（元/人）
1\t经备案的一般培训机构\t1000
2\t市级家政服务示范基地\t1200
3\t省级家政服务示范基地\t1500
"""

CITY = """兰州市人力资源和社会保障局 兰州市财政局关于提高家政服务培训补贴标准的通知
兰人社发〔2026〕11号
各县区人力资源和社会保障局、财政局：
一、全市各类培训机构组织家政从业人员参加培训的，培训补贴在省定标准基础上每人增加300元。
二、参加培训的人员属于脱贫家庭、低保家庭、零就业家庭成员或者残疾人的，先按省定对应标准的120%计算，再增加300元；增加的300元不参与120%的计算。
三、本通知自2026年4月1日起施行。
"""

COUNTY = """榆中县人力资源和社会保障局 榆中县财政局关于家政服务培训补贴有关事项的通知
榆人社发〔2026〕6号
各乡镇人民政府，县直有关部门：
一、本县培训机构组织家政从业人员参加培训的，培训补贴在兰州市级标准基础上每人再增加100元。
二、本通知自2026年5月1日起施行。
"""

engine = module_engine("table_words_of_every_row", {
    "gansu-2026-housekeeping-training-measures.txt": PROVINCE,
    "lanzhou-2026-housekeeping-training-notice.txt": CITY,
    "yuzhong-2026-housekeeping-training-notice.txt": COUNTY,
})


def test_a_raise_for_every_unit_raises_a_row_that_never_says_the_unit(engine: OfflineEngine) -> None:
    answered_with(engine, "兰州的省级家政服务示范基地培训家政从业人员，每人培训补贴多少钱？", Decimal(1800),
                  wrong=Decimal(1500))


def test_it_raises_the_row_that_says_the_unit_too(engine: OfflineEngine) -> None:
    answered_with(engine, "兰州经备案的一般培训机构培训家政从业人员，每人培训补贴多少？", Decimal(1300),
                  wrong=Decimal(1000))


def test_a_question_saying_the_unit_calls_for_no_raise_of_every_unit_before_its_own_group(
        engine: OfflineEngine) -> None:
    # 培训机构 said by the question and by the first row names no row apart: the raise for groups the question calls for
    # (低保户 of 低保家庭) applies (1000元 × 120% + 300元), not the raise of every unit (1000元 + 300元)
    answered_with(engine, "兰州一家经备案的一般培训机构，培训的学员家里是低保户，每人培训补贴多少？", Decimal(1500),
                  wrong=Decimal(1300))


def test_the_ordinary_tier_said_in_other_words_is_the_first_row(engine: OfflineEngine) -> None:
    # 普通的培训机构 of the row 经备案的一般培训机构 (answers.yaml general_words): that row, raised
    answered_with(engine, "兰州一家普通的培训机构培训家政从业人员，每人培训补贴多少？", Decimal(1300),
                  wrong=Decimal(1500))


def test_a_county_raise_on_the_citys_standard_takes_the_citys_raise_of_the_row(engine: OfflineEngine) -> None:
    # the city's raise (全市各类培训机构组织家政从业人员参加培训的) sets no asker apart: what its condition says beyond
    # the row the province's granting clause says of every row, so the county's raise stands on 1000元 + 300元
    answered_with(engine, "榆中一家普通的培训机构，每个学员的培训补贴是多少？", Decimal(1400), wrong=Decimal(1100))


def test_the_province_alone_pays_its_table(engine: OfflineEngine) -> None:
    answered_with(engine, "甘肃省级家政服务示范基地培训家政从业人员，每人培训补贴多少？", Decimal(1500),
                  wrong=Decimal(1800))
