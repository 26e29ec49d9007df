"""``assistant.offline.transition``: the months a question names, a transitional sentence's deadline, and whether a
dated case is still paid by the replaced rule (written before the engine used them; no eval item was read)."""

from __future__ import annotations

from datetime import date

import pytest

from assistant.offline.transition import cutoff, deadline, old_rule_applies, stated_months, states_transition
from ingest.knowledge import Transition

RELATIVE = {"今年": 0, "去年": -1, "前年": -2}
APPLIED = ("申请", "申领", "提交")
TODAY = date(2026, 12, 1)


def test_months_absolute_relative_and_in_words() -> None:
    text = "2024年10月开的店，去年3月份招的人，前年十二月培训"
    assert [when for _, when in stated_months(text, TODAY, RELATIVE)] == [
        date(2024, 10, 1), date(2025, 3, 1), date(2024, 12, 1)]


def test_the_same_year_is_the_one_named_last() -> None:
    # 当年 after a named year is that year, not today's; with no year named before it, today's
    text = "2023年11月考的证，当年12月交的申请，同年还培训过"
    assert [when for _, when in stated_months(text, TODAY, RELATIVE, ("当年", "同年"))] == [
        date(2023, 11, 1), date(2023, 12, 1)]
    assert [when for _, when in stated_months("当年5月份开的店", TODAY, RELATIVE, ("当年",))] == [date(2026, 5, 1)]
    assert [when for _, when in stated_months("去年3月开的店，当年9月申请", TODAY, RELATIVE, ("当年",))] == [
        date(2025, 3, 1), date(2025, 9, 1)]


def test_a_month_that_is_no_month_is_left_out() -> None:
    assert stated_months("2024年13月，明年5月", TODAY, RELATIVE) == []  # 明年 is not a relative year given


@pytest.mark.parametrize(("sentence", "expected"), [
    ("本办法施行前已取得营业执照的，可于2025年12月31日前按原政策标准申领；", date(2025, 12, 31)),
    ("本通知印发前已签订合同的，在2026年3月31日之前仍按原规定执行。", date(2026, 3, 31)),
    ("本办法自2025年7月1日起施行，原通知同时废止。", None),  # a start, no deadline
    # a date before a condition (…前取得证书的) is the case's, not the deadline; the deadline follows
    ("2024年3月1日前取得证书、尚未申领补贴的，按原规定标准执行，并应于2024年8月31日前提出申请，逾期不再受理。",
     date(2024, 8, 31)),
    ("在2023年10月1日之前签订劳动合同的，仍按原规定执行。", None),
    ("签订时间在2023年10月1日以前且尚未申领的，按原标准申领，申领截止时间为2024年3月31日。", date(2024, 3, 31)),
])
def test_the_deadline_of_a_transitional_sentence(sentence: str, expected: date | None) -> None:
    assert deadline(sentence, ("截止",)) == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    ("2024年3月1日前取得证书、尚未申领补贴的，按原规定标准执行，并应于2024年8月31日前提出申请。", date(2024, 3, 1)),
    ("在2023年10月1日之前签订劳动合同的，仍按原规定执行。", date(2023, 10, 1)),
    ("本办法施行前已取得营业执照的，可于2025年12月31日前按原政策标准申领；", None),  # the start in words
    ("本办法自2025年7月1日起施行。", None),
])
def test_the_dated_start_of_a_transitional_sentence(sentence: str, expected: date | None) -> None:
    assert cutoff(sentence) == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    ("2024年3月1日前取得证书的，按原通知规定的条件和标准执行。", True),  # dated, the old rule named
    ("本办法施行前已签订借款合同的，按原规定执行至贷款结清。", True),  # in words
    ("申请人应于2024年8月31日前提出申请，逾期不予受理。", False),  # a deadline, no old rule
    ("2024年3月1日前取得证书的人员，按本办法执行。", False),  # no old rule
    ("已按原规定享受过补贴的，不再重复享受。", False),  # the old rule, no start
])
def test_a_transitional_sentence(sentence: str, expected: bool) -> None:
    transition = Transition(before=("施行前",), earlier=("原规定", "原通知"))
    assert states_transition(sentence, transition) is expected


@pytest.mark.parametrize(("text", "expected"), [
    ("去年3月份开的店，去年11月份交的申请", True),  # begun before the start, applied by the deadline
    ("2025年3月开的店，2026年1月才提交申请", False),  # applied after the deadline
    ("2025年3月开的店，还没申请", False),  # applying today, past the deadline
    ("2025年8月开的店", False),  # begun after the start
    ("我去年11月申请的", None),  # no month the case began in
    ("开了个店", None),
])
def test_whether_the_old_rule_pays(text: str, expected: bool | None) -> None:
    assert old_rule_applies(text, TODAY, date(2025, 7, 1), date(2025, 12, 31), RELATIVE, APPLIED) is expected


def test_no_start_decides_nothing_and_no_deadline_only_the_start() -> None:
    assert old_rule_applies("2025年3月开的店", TODAY, None, date(2025, 12, 31), RELATIVE, APPLIED) is None
    # no deadline set: a case begun before the start stays under the old rule whenever it is claimed
    assert old_rule_applies("2025年3月开的店，今年10月才申请", TODAY, date(2025, 7, 1), None, RELATIVE, APPLIED) is True
    assert old_rule_applies("2025年8月开的店", TODAY, date(2025, 7, 1), None, RELATIVE, APPLIED) is False
