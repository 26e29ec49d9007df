"""Verification of citations and numbers (used on every LLM answer)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from assistant.verify import extract_quantities, verify_answer

SOURCES = {
    1: "“十二五”期间提升完善100个首席技师工作室，并对30个重点工作室给予30万至50万元的资助",
    2: "累计缴纳失业保险费12个月以上的企业职工取得初、中、高级职业资格证书或职业技能等级证书的，分别给予1000元、"
       "1500元、2000元的技能提升补贴，纳入急需紧缺工种目录的，补贴标准可提高10%。",
}


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [("30万元", "money", 300_000), ("３０万元", "money", 300_000), ("1500元", "money", 1500), ("1.5%", "percent",
     Decimal("1.5")), ("百分之十", "percent", 10), ("12个月", "duration", 12), ("一年半", "duration", 18),
     ("两年", "duration", 24)],
)
def test_extract_quantities_normalizes(text: str, kind: str, value: Decimal) -> None:
    quantities = extract_quantities(text)
    assert [(q.kind, q.value) for q in quantities] == [(kind, Decimal(value))]


def test_dates_are_not_durations() -> None:
    assert extract_quantities("2011年7月6日印发") == []


@pytest.mark.parametrize(
    "answer",
    [
        "重点工作室可获30万元至50万元资助[1]。",
        "中级证书补贴1500元[2]，纳入急需紧缺工种目录的可提高10%[2]，须缴满12个月[2]。",
        "按计算结果可领1650元[2]。",  # 1650 comes from the tool result
        "须累计缴纳失业保险费1年以上[2]。",  # 12个月 == 1年
    ],
)
def test_grounded_answers_pass(answer: str) -> None:
    report = verify_answer(answer, SOURCES, [{"amount": "1650.00"}])
    assert report.ok, report.feedback()


def test_fabricated_citation_is_caught() -> None:
    report = verify_answer("补贴1500元[7]。", SOURCES)
    assert [issue.kind for issue in report.issues] == ["unknown_citation", "ungrounded_number"]
    assert "[7]" in report.feedback()


def test_invented_amount_is_caught() -> None:
    report = verify_answer("中级证书补贴3000元[2]。", SOURCES)
    assert not report.ok
    assert "3000元" in report.feedback()


def test_number_must_be_in_a_cited_clause_not_just_any_source() -> None:
    report = verify_answer("重点工作室资助30万元[2]。", SOURCES)
    assert [issue.kind for issue in report.issues] == ["ungrounded_number"]


def test_answer_without_citation_is_flagged() -> None:
    report = verify_answer("补贴1500元。", SOURCES)
    assert [issue.kind for issue in report.issues] == ["ungrounded_number", "missing_citation"]


def test_percent_from_fraction_in_tool_result() -> None:
    assert verify_answer("按1.5%提取[2]。", SOURCES, [{"rate": "0.015"}]).ok


REGIONS = {1: "北京市", 2: "石家庄市"}


def _places(sentence: str) -> list[str]:
    return [name for name, key in (("北京市", "北京"), ("石家庄市", "石家庄"), ("上海", "上海"), ("全国", "全国"))
            if key in sentence]


@pytest.mark.parametrize(
    ("answer", "ok"),
    [
        ("石家庄市中级证书补贴1500元[2]。", True),
        ("北京市的技能提升补贴为1500元[1][2]。", False),  # 1500 only in 石家庄's clause
        ("上海的补贴是1000元[2]。", False),
        ("全国统一2000元[2]。", False),
        ("北京市重点工作室资助30万元[1]；石家庄市中级1500元[2]。", True),
        ("北京市技能提升补贴1650元[1]。", False),  # the calculator result is 石家庄's
        ("石家庄市技能提升补贴1650元[2]。", True),
    ],
)
def test_numbers_stay_in_their_region(answer: str, ok: bool) -> None:
    report = verify_answer(answer, SOURCES, ['{"region": "石家庄市", "amount": "1650.00"}'],
                           source_regions=REGIONS, places_in=_places)
    assert report.ok is ok, report.feedback()
