"""Transitional rules by date: whether a case begun before a replacing document took effect is still paid by the
replaced one's standard (本办法施行前已…的，可于某年某月某日前按原政策标准申领；逾期未申领的，按本办法规定执行).

The question's months (2024年10月, 去年3月份) are read against the replacing document's start and the deadline its
transitional sentence sets: begun before the start and applied for (a month said right before an application word,
else today) by the deadline → the replaced document's standard; otherwise the replacing one's."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from datetime import date

from ingest.quantities import number_value
from ingest.validity import parse_date

MONTH = re.compile(r"(?:(?P<year>(?:19|20)\d{2})\s*年|(?P<relative>[今去前本上当]年))\s*"
                   r"(?P<month>\d{1,2}|[一二三四五六七八九十]{1,3})\s*月(?:份)?")
FULL_DATE = re.compile(r"(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日")
BEFORE_DEADLINE = re.compile(r"^\s*(?:前|之前|以前)")
APPLIED_REACH = 8  # characters after a month an application word may stand in (去年11月份交的申请)
NOT_YET = "没未"  # 还没申请, 未申领: not applied


def stated_months(text: str, today: date, relative: Mapping[str, int]) -> list[tuple[int, date]]:
    """Each month the question names, with where its mention ends: 2024年10月 → 2024-10-01; 去年3月份 → the 1st of
    March of last year (``relative``: 去年 → -1)."""
    found = []
    for match in MONTH.finditer(text):
        if match.group("year"):
            year = int(match.group("year"))
        elif match.group("relative") in relative:
            year = today.year + relative[match.group("relative")]
        else:
            continue
        month = number_value(match.group("month"))
        if month is None or not 1 <= int(month) <= 12:
            continue
        found.append((match.end(), date(year, int(month), 1)))
    return found


def deadline(sentence: str) -> date | None:
    """The date a transitional sentence sets as the last day to claim under the old rule (可于2025年12月31日前)."""
    for match in FULL_DATE.finditer(sentence):
        if BEFORE_DEADLINE.match(sentence[match.end():]):
            return parse_date(match.group(0))
    return None


def old_rule_applies(text: str, today: date, starts: date | None, last_day: date | None,
                     relative: Mapping[str, int], applied_words: Sequence[str]) -> bool | None:
    """True when the question's case began before the replacing document ``starts`` and was (or is being) applied for
    by ``last_day``; False when it began on or after the start, or applies too late; None when the question names no
    month the case began in (or the document no start or deadline)."""
    if starts is None or last_day is None:
        return None
    months = stated_months(text, today, relative)
    applied = [when for end, when in months if _applied_in(text[end:end + APPLIED_REACH], applied_words)]
    begun = [when for end, when in months if when not in applied]
    if not begun:
        return None
    if min(begun) >= starts:
        return False
    return max(applied, default=today) <= last_day


def _applied_in(after: str, applied_words: Sequence[str]) -> bool:
    """The words after a month say it is when one applied (交的申请), not that one has not (还没申请)."""
    return any(re.search(rf"(?<![{NOT_YET}]){re.escape(word)}", after) for word in applied_words)
