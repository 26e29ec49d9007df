"""``assistant.offline.transition``: the months a question names, a transitional sentence's deadline, and whether a
dated case is still paid by the replaced rule (written before the engine used them; no eval item was read)."""

from __future__ import annotations

from datetime import date

import pytest

from assistant.offline.transition import deadline, old_rule_applies, stated_months

RELATIVE = {"今年": 0, "去年": -1, "前年": -2}
APPLIED = ("申请", "申领", "提交")
TODAY = date(2026, 12, 1)


def test_months_absolute_relative_and_in_words() -> None:
    text = "2024年10月开的店，去年3月份招的人，前年十二月培训"
    assert [when for _, when in stated_months(text, TODAY, RELATIVE)] == [
        date(2024, 10, 1), date(2025, 3, 1), date(2024, 12, 1)]


def test_a_month_that_is_no_month_is_left_out() -> None:
    assert stated_months("2024年13月，明年5月", TODAY, RELATIVE) == []  # 明年 is not a relative year given


@pytest.mark.parametrize(("sentence", "expected"), [
    ("本办法施行前已取得营业执照的，可于2025年12月31日前按原政策标准申领；", date(2025, 12, 31)),
    ("本通知印发前已签订合同的，在2026年3月31日之前仍按原规定执行。", date(2026, 3, 31)),
    ("本办法自2025年7月1日起施行，原通知同时废止。", None),  # a start, no deadline
])
def test_the_deadline_of_a_transitional_sentence(sentence: str, expected: date | None) -> None:
    assert deadline(sentence) == expected


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


def test_no_start_or_deadline_decides_nothing() -> None:
    assert old_rule_applies("2025年3月开的店", TODAY, None, date(2025, 12, 31), RELATIVE, APPLIED) is None
    assert old_rule_applies("2025年3月开的店", TODAY, date(2025, 7, 1), None, RELATIVE, APPLIED) is None
