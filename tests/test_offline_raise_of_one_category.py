"""A raise naming one category of a clause paying two (乡村公益性岗位补贴在省定标准基础上每人每月增加N元, of a
province clause paying 城镇 and 乡村 posts apart) raises that category only: the other is paid the standard, or the
raise its own words name (the city's 城镇 raise). A district saying one category follows the city's standard (城镇公益性
岗位补贴按市级标准执行) is cited for the city's raise, with why. Groups each named before its count, said alike up to
it (乡村公益性岗位安置了3个人，城镇公益性岗位安置了4个人), are worked out apart and totalled, and a later clause
naming one group's own words (乡村那3个里…) is that group's only; 我们是某区的一个镇 counts no heads.

Fictional documents written for this test (no eval set has them, nothing was tuned on them).
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from support import answered_with, offline_engine_for

from assistant.offline.engine import OfflineEngine
from assistant.offline.groups import counted_apart

PROVINCE = """甘肃省人力资源和社会保障厅 甘肃省财政厅关于印发《甘肃省公益性岗位管理办法》的通知
甘人社规〔2026〕4号
各市（州）人力资源和社会保障局、财政局：
现将《甘肃省公益性岗位管理办法》印发给你们，请认真贯彻执行。
甘肃省公益性岗位管理办法
第一条 为做好就业困难人员托底安置工作，制定本办法。
第二条 安置就业困难人员的岗位补贴：城镇公益性岗位每人每月1500元，乡村公益性岗位每人每月800元。
第三条 本办法自2026年2月1日起施行。
"""

CITY = """陇南市人力资源和社会保障局 陇南市财政局关于提高城镇公益性岗位补贴标准的通知
陇人社发〔2026〕7号
各县（区）人力资源和社会保障局、财政局：
一、城镇公益性岗位补贴在省定标准基础上每人每月提高300元。
二、乡村公益性岗位补贴按省定标准执行。
三、各县（区）可在本通知标准基础上进一步提高。
四、本通知自2026年4月1日起施行。
"""

DISTRICT = """陇南市武都区人力资源和社会保障局关于提高乡村公益性岗位补贴的通知
武人社发〔2026〕2号
各乡镇人民政府、街道办事处：
一、本区开发的乡村公益性岗位，补贴在省定标准基础上每人每月增加150元。
二、城镇公益性岗位补贴按市级标准执行。
三、本通知自2026年6月1日起施行。
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> OfflineEngine:
    return offline_engine_for(tmp_path_factory.mktemp("one-category"), {
        "gansu-2026-public-posts.txt": PROVINCE, "longnan-2026-urban-posts.txt": CITY,
        "wudu-2026-rural-posts.txt": DISTRICT})


@pytest.mark.parametrize(
    ("question", "paid", "unpaid"),
    [
        # the district's 乡村 raise is no 城镇 raise: the city's 300 is, as the district says
        ("武都区城镇公益性岗位安置了2个人，6个月岗位补贴一共多少？", Decimal(21600), (Decimal(19800),)),
        ("武都区乡村公益性岗位安置了2个人，6个月岗位补贴一共多少？", Decimal(11400), (Decimal(13200),)),
        # a county of the city without a document: the city's 城镇 raise is no 乡村 raise
        ("陇南市文县乡村公益性岗位安置了2个人，6个月岗位补贴一共多少？", Decimal(9600), (Decimal(13200),)),
    ],
)
def test_a_raise_naming_one_category_raises_that_category_only(engine, question, paid, unpaid):
    text = answered_with(engine, question, paid)
    assert all(f"{amount}元" not in text for amount in unpaid), text


def test_the_district_saying_it_follows_the_city_is_cited_with_why(engine):
    text = answered_with(engine, "我在武都区的城镇公益性岗位上班，每月岗位补贴多少？", Decimal(1800))
    assert "城镇公益性岗位补贴按市级标准执行" in text and "按上级标准执行" in text, text


def test_groups_named_before_their_counts_are_worked_out_apart(engine):
    # 城镇: (1500 + 300) × 4 × 6 = 43200; 乡村: (800 + 150) × 3 × 6 = 17100
    question = ("我们是武都区的一个镇，乡村公益性岗位安排了3名，社区的城镇公益性岗位安排了4名，都是就业困难人员。"
                "半年6个月下来，岗位补贴一共多少钱？")
    text = answered_with(engine, question, Decimal(60300))
    assert "17100元" in text and "43200元" in text, text


@pytest.mark.parametrize(
    ("question", "apart", "rest"),
    [
        ("城镇岗位3个人，乡村岗位5个人，一共多少", "城镇岗位3个人，一共多少", "乡村岗位5个人，一共多少"),
        # a later clause naming one group's own words is that group's only
        ("本县安置：城镇岗位3个人，乡村岗位5个人，乡村那5个里有1个超龄了，一共多少",
         "本县安置：城镇岗位3个人，一共多少", "本县安置：乡村岗位5个人，乡村那5个里有1个超龄了，一共多少"),
        # a later clause sharing a word with one group (失业) but not saying its count again is said of both
        ("招了2个大学生，还招了1个登记失业的，失业保险都交满3个月了，一共多少",
         "招了2个大学生，失业保险都交满3个月了，一共多少", "招了1个登记失业的，失业保险都交满3个月了，一共多少"),
        ("甲厂招了3个人，乙厂招了2个人，都交了社保，一共多少",
         "甲厂招了3个人，都交了社保，一共多少", "乙厂招了2个人，都交了社保，一共多少"),
    ],
)
def test_groups_named_before_their_counts(question, apart, rest):
    found = counted_apart(question, ["和", "还"])
    assert found is not None and (found.apart, found.rest) == (apart, rest), found


@pytest.mark.parametrize("question", ["招了3个，又来了2个，一共多少", "安置了3个人，安置了2个人，一共多少"])
def test_counts_said_alike_with_no_group_named_are_no_groups(question):
    assert counted_apart(question, ["和", "还"]) is None
