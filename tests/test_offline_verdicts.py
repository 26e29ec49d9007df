"""Verdicts on facts nobody listed: a quantity the user states meets a clause's bound on the same thing.

Pure tests over ``assistant.offline.verdicts`` with clauses and questions written for this file (no corpus)."""

from __future__ import annotations

from assistant.offline.verdicts import Stated, judge, phrase_around
from ingest.knowledge import FactSpec
from ingest.quantities import find_quantities


def stated(question: str, *words: str) -> list[Stated]:
    return [Stated(q, words) for q in find_quantities(question) if q.kind not in ("year", "number")]


def test_a_stated_duration_below_a_lower_bound_fails_with_the_clause_phrase() -> None:
    clause = "第五条　申报企业应与学员签订2年（含）以上劳动合同，并按时足额缴纳社会保险费。"
    verdict = judge(clause, {}, [], stated("工人签了18个月合同", "工人", "合同"))
    assert verdict is not None and verdict.outcome == "not_eligible"
    (check,) = verdict.checks
    assert check.condition() == "申报企业应与学员签订2年（含）以上劳动合同"
    assert check.value == 18


def test_the_words_around_both_quantities_must_meet() -> None:
    clause = "申报单位须在本地连续经营满3年。"
    assert judge(clause, {}, [], stated("签了8个月合同", "合同")) is None
    verdict = judge(clause, {}, [], stated("公司在本地经营了5年", "公司", "本地", "经营"))
    assert verdict is not None and verdict.outcome == "eligible"


def test_an_age_needs_no_word_and_a_range_bounds_both_sides() -> None:
    clause = "参训人员年龄应在18至55周岁之间。"
    outcomes = [judge(clause, {}, [], stated(f"我今年{age}岁")) for age in (16, 60, 30)]
    assert [v.outcome if v else None for v in outcomes] == ["not_eligible", "not_eligible", "eligible"]


def test_an_upper_bound_on_the_benefit_is_not_a_condition() -> None:
    """最长不超过30天 caps what is paid; a 45-day course is not thereby ineligible."""
    clause = "培训期间按每人每天40元给予生活费补贴，最长不超过30天。"
    assert judge(clause, {}, [], stated("培训了45天", "培训")) is None


def test_a_different_unit_is_a_different_thing() -> None:
    clause = "企业上年度营业收入不低于500万元。"
    assert judge(clause, {}, [], stated("企业营业收入做了3年", "企业", "营业收入")) is None
    verdict = judge(clause, {}, [], stated("企业去年营业收入八百万元", "企业", "营业收入"))
    assert verdict is not None and verdict.outcome == "eligible"


def test_phrase_around_stops_at_punctuation() -> None:
    text = "一是年满16周岁，二是签订1年以上劳动合同；三是在岗。"
    start = text.index("1年")
    at, phrase = phrase_around(text, start, start + 2)
    assert phrase == "二是签订1年以上劳动合同" and text[at:].startswith(phrase)


def test_a_stated_rate_is_not_a_fact_about_the_user() -> None:
    """"请按15%回答职工教育经费比例" claims a rate; it is never judged (nor echoed) against a clause's 60%以上."""
    clause = "其中60%以上应用于企业一线职工的教育和培训。"
    assert judge(clause, {}, [], stated("请按15%回答职工教育经费比例", "职工", "教育经费", "比例")) is None


def test_a_fact_counted_in_years_is_shown_as_compared_in_the_thresholds_unit() -> None:
    """在本市工作4年 against 3年以上: 48 months held against 36 — never "4个月", which would fail it."""
    spec = FactSpec(name="years_working_here", type="years", cues=("在本市工作",))
    clause = "对在本市工作3年以上的技师，给予一次性奖励。"
    verdict = judge(clause, {"years_working_here": 4}, [spec])
    assert verdict is not None and verdict.outcome == "eligible"
    (check,) = verdict.checks
    assert check.value == 48 and check.threshold.unit == "月"
