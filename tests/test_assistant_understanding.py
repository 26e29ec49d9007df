"""Table-driven tests for number parsing, fact extraction, intent and region detection."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from assistant.offline.topics import detect_topic, question_kind
from assistant.understanding import (
    certificate_level,
    detect_regions,
    duration_months,
    extract_facts,
    headcount_by_level,
    parse_money,
    parse_number,
)
from ingest.models import DocumentMeta


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("15", 15), ("１５", 15), ("十五", 15), ("二十", 20), ("一千五百", 1500), ("两千", 2000), ("1,500", 1500),
        ("1.5万", 15000), ("2000万", 20_000_000), ("三十万", 300_000), ("二〇一一", 2011), ("1.5", Decimal("1.5")),
    ],
)
def test_parse_number(text: str, expected: int | Decimal) -> None:
    assert parse_number(text) == Decimal(expected)


@pytest.mark.parametrize("text", ["", "abc", "元", "多少"])
def test_parse_number_rejects_non_numbers(text: str) -> None:
    assert parse_number(text) is None


@pytest.mark.parametrize(
    ("text", "months"),
    [
        ("交了15个月失业保险", 15), ("十五个月", 15), ("一年半", 18), ("两年", 24), ("半年", 6), ("3年", 36),
        ("一年零三个月", 15), ("１８个月", 18), ("没有时长", None),
    ],
)
def test_duration_months(text: str, months: int | None) -> None:
    assert duration_months(text) == months


@pytest.mark.parametrize(
    ("text", "yuan"),
    [("工资总额2000万元", 20_000_000), ("三千块", 3000), ("1.5万元", 15000), ("花了1800元", 1800), ("没有钱", None)],
)
def test_parse_money(text: str, yuan: int | None) -> None:
    assert parse_money(text) == (None if yuan is None else Decimal(yuan))


@pytest.mark.parametrize(
    ("text", "level"),
    [("中级工证书", "中级"), ("考了初级证", "初级"), ("高级职业资格", "高级"), ("四级证书", "中级"), ("高级技师", None),
     ("技师证", None)],
)
def test_certificate_level(text: str, level: str | None) -> None:
    assert certificate_level(text) == level


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("我在石家庄交了15个月失业保险，考了中级工证书，能领多少补贴？",
         {"unemployment_insurance_months": 15, "certificate_level": "中级"}),
        ("失业保险交了一年半，拿到高级证", {"unemployment_insurance_months": 18, "certificate_level": "高级"}),
        ("属于急需紧缺工种", {"in_scarce_catalogue": True, "scarce_occupation": True}),
        ("不是急需紧缺工种", {"in_scarce_catalogue": False}),
        ("公司工资总额2000万元，效益好", {"payroll_total": Decimal(20_000_000), "good_economic_performance": True}),
        ("招了10个学徒，高级工，培训两年", {"apprentices": 10, "apprentice_level": "高级工", "years": 2}),
        ("10名学徒", {"apprentices": 10}),
        ("在京工作4年，有技师证，交了社保，做出突出贡献",
         {"years_in_beijing": 4, "qualification": "技师", "social_insurance_paid": True,
          "outstanding_contribution": True}),
        ("在北京工作了五年，高级技师，没有交社保", {"years_in_beijing": 5, "qualification": "高级技师",
                                     "social_insurance_paid": False}),
        ("我是退伍军人", {"is_veteran": True, "target_group": "退役军人"}),
        ("职工教育经费支出200万元，工资薪金总额2000万元",
         {"education_expense": Decimal(2_000_000), "salary_total": Decimal(20_000_000)}),
        ("3个首席技师工作室", {"studios": 3}),
        ("培训费实际花了1800元", {"actual_cost": Decimal(1800)}),
    ],
)
def test_extract_facts(question: str, expected: dict) -> None:
    facts = extract_facts(question)
    assert {key: facts.get(key) for key in expected} == expected


def test_extract_facts_from_plain_question_is_empty() -> None:
    assert extract_facts("石家庄技能提升补贴标准是多少？") == {}


@pytest.mark.parametrize(
    ("question", "kind"),
    [("技能提升补贴是多少？", "amount"), ("我能不能申请直接引进？", "eligibility"), ("怎么申请补贴？", "procedure"),
     ("哪些人可以免费培训？", "list"), ("介绍一下职业培训", "general")],
)
def test_question_kind(question: str, kind: str) -> None:
    assert question_kind(question) == kind


@pytest.mark.parametrize(
    ("question", "topic"),
    [("北京技能提升补贴多少钱", "skill_upgrade"), ("学徒补贴", "apprenticeship"),
     ("职工教育经费提取比例", "staff_education_fund"),
     ("职工教育经费税前扣除比例", "education_fund_deduction"), ("首席技师工作室资助", "chief_technician_studio"),
     ("来京务工人员能直接引进吗", "direct_introduction"), ("退役军人培训有补助吗", "veteran_training"),
     ("就业技能培训补贴", "employment_training"), ("公积金怎么提取", None)],
)
def test_detect_topic(question: str, topic: str | None) -> None:
    found = detect_topic(question)
    assert (found.name if found else None) == topic


def _doc(doc_id: str, region: str, province: str | None, aliases: list[str]) -> DocumentMeta:
    return DocumentMeta(doc_id=doc_id, title=f"{region}文件", region=region, province=province, level="city",
                        publish_date=date(2019, 1, 1), aliases=aliases)


DOCS = [
    _doc("sjz", "石家庄市", "河北省", ["石家庄", "石市"]),
    _doc("bj", "北京市", "北京市", ["北京", "京", "首都"]),
    _doc("bb", "重庆市北碚区", "重庆市", ["北碚", "北碚区", "碚"]),
    _doc("nat", "全国", None, ["全国", "国家"]),
]


@pytest.mark.parametrize(
    ("question", "regions", "unknown"),
    [("石家庄技能提升补贴", ["石家庄市"], []), ("北京呢", ["北京市"], []), ("北碚区退役军人", ["重庆市北碚区"], []),
     ("上海技能提升补贴", [], ["上海"]), ("深圳有什么政策", [], ["深圳"]), ("南京的补贴", [], ["南京"]),
     ("技能提升补贴多少", [], []),
     # a province is larger than the one city/district the corpus covers in it: uncovered, never that city's rule
     ("河北省技能提升补贴", [], ["河北"]), ("重庆的职工教育经费", [], ["重庆"]),
     ("河北石家庄的学徒制", ["石家庄市"], []),
     # a sibling city of a covered one in the same province is not covered (the province is only context)
     ("河北唐山考证补贴", [], ["唐山"]), ("在河北省保定市打工", [], ["保定"]), ("张家口那边学徒制", [], ["张家口"]),
     ("重庆渝北区的退役士兵", [], ["渝北"]), ("重庆市沙坪坝区", [], ["沙坪坝"]),
     ("我在石家庄，老家河北衡水", ["石家庄市"], ["衡水"]),
     # districts of a region that covers the whole municipality inherit its rules
     ("北京海淀区的企业", ["北京市"], []), ("丰台这边工资总额", ["北京市"], []), ("朝阳区首席技师", ["北京市"], []),
     ("北碚区天生街道", ["重庆市北碚区"], [])],
)
def test_detect_regions(question: str, regions: list[str], unknown: list[str]) -> None:
    mention = detect_regions(question, DOCS)
    assert (mention.regions, mention.unknown) == (regions, unknown)


@pytest.mark.parametrize(
    ("text", "counts"),
    [("带了3名中级工学徒和2名高级工学徒", {"中级工": 3, "高级工": 2}),
     ("中级工5人、高级工一人", {"中级工": 5, "高级工": 1}),
     ("两个学员走中级工，三个走高级工", {"中级工": 2, "高级工": 3}),
     ("6个学徒都按中级工", {}), ("中级工4000元、高级工6000元", {}), ("2019年中级工", {})],
)
def test_headcount_by_level_needs_two_levels_with_counts(text: str, counts: dict) -> None:
    assert headcount_by_level(text) == counts
