"""Transitional rules by date: whether a case begun before a replacing document took effect is still paid by the
replaced one's standard (本办法施行前已…的，可于某年某月某日前按原政策标准申领；逾期未申领的，按本办法规定执行).

A transitional sentence names the old rule (``Transition.earlier``) and when the new one begins: in words (施行前) —
the replacing document's start — or as a date in a condition (某年某月某日前取得证书的，按原规定标准执行): a date before
which a clause ending in 的 (the case) stands. A date before which anything else stands (可于某日前按原政策标准申领,
应于某日前提出申请) or after a deadline word (申领截止时间为某日) is the last day to claim under the old rule.

The question's months (2024年10月, 去年3月份, 当年8月) are read against that start and deadline: begun before the start
and applied for (a month said right before an application word, else today) by the deadline → the replaced document's
standard; otherwise the replacing one's. A sentence setting no deadline decides by the start alone."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from datetime import date
from functools import lru_cache

from ingest.knowledge import Transition
from ingest.quantities import number_value
from ingest.textnorm import alternation
from ingest.validity import parse_date

MONTH_NUMBER = r"(?P<month>\d{1,2}|[一二三四五六七八九十]{1,3})\s*月(?:份)?"
FULL_DATE = re.compile(r"(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日")
BEFORE_DATE = re.compile(r"^\s*(?:前|之前|以前)")
CLAUSE_END = re.compile(r"[，,；;。：:]")
APPLIED_REACH = 8  # characters after a month an application word may stand in (去年11月份交的申请)
NOT_YET = "没未"  # 还没申请, 未申领: not applied


@lru_cache(maxsize=8)
def _month_pattern(named_from_today: tuple[str, ...]) -> re.Pattern[str]:
    words = alternation(named_from_today)
    return re.compile(rf"(?:(?P<year>(?:19|20)\d{{2}})\s*年|(?P<relative>{words}))\s*{MONTH_NUMBER}")


def stated_months(text: str, today: date, relative: Mapping[str, int],
                  same_year: Sequence[str] = ()) -> list[tuple[int, date]]:
    """Each month the question names, with where its mention ends: 2024年10月 → 2024-10-01; 去年3月份 → the 1st of
    March of last year (``relative``: 去年 → -1); 当年8月 (``same_year``) → August of the year named last before it
    (today's when none is)."""
    found: list[tuple[int, date]] = []
    named = today.year
    for match in _month_pattern(tuple(relative) + tuple(same_year)).finditer(text):
        if match.group("year"):
            year = int(match.group("year"))
        elif match.group("relative") in relative:
            year = today.year + relative[match.group("relative")]
        else:
            year = named
        month = number_value(match.group("month"))
        if month is None or not 1 <= int(month) <= 12:
            continue
        named = year
        found.append((match.end(), date(year, int(month), 1)))
    return found


def _dated(sentence: str) -> list[tuple[date, str, str]]:
    """Each full date of the sentence, with the text of its clause before it and after it."""
    found = []
    for match in FULL_DATE.finditer(sentence):
        when = parse_date(match.group(0))
        if when is None:
            continue
        before = CLAUSE_END.split(sentence[:match.start()])[-1]
        after = CLAUSE_END.split(sentence[match.end():])[0]
        found.append((when, before, after))
    return found


def cutoff(sentence: str) -> date | None:
    """The date a transitional sentence dates the case by (某年某月某日前取得证书的): a date followed by 前 whose clause
    is a condition (ends in 的)."""
    return next((when for when, _, after in _dated(sentence)
                 if BEFORE_DATE.match(after) and after.rstrip().endswith("的")), None)


def deadline(sentence: str, deadline_words: Sequence[str] = ()) -> date | None:
    """The date a transitional sentence sets as the last day to claim under the old rule (可于某年某月某日前, 应于…
    之前提出申请; 申领截止时间为某日 with a ``deadline_words`` word before it in its clause)."""
    for when, before, after in _dated(sentence):
        if BEFORE_DATE.match(after) and not after.rstrip().endswith("的"):
            return when
        if any(word in before for word in deadline_words):
            return when
    return None


def states_transition(sentence: str, transition: Transition) -> bool:
    """The sentence says how cases begun under the old rule are handled: the old rule named, and the new rule's start
    in words (施行前) or as a dated condition (``cutoff``)."""
    return transition.says(sentence) or (any(w in sentence for w in transition.earlier)
                                          and cutoff(sentence) is not None)


def starts_and_deadline(sentence: str, effective_from: date | None, transition: Transition
                        ) -> tuple[date | None, date | None]:
    """When the old rule stops taking cases (the sentence's dated condition, else the replacing document's start) and
    the last day to claim under it."""
    return cutoff(sentence) or effective_from, deadline(sentence, transition.deadline_words)


def old_rule_applies(text: str, today: date, starts: date | None, last_day: date | None,
                     relative: Mapping[str, int], applied_words: Sequence[str],
                     same_year: Sequence[str] = ()) -> bool | None:
    """True when the question's case began before ``starts`` (when the old rule stops taking cases) and was (or is
    being) applied for by ``last_day`` (no deadline: any time); False when it began on or after the start, or applies
    too late; None when the question names no month the case began in (or the document no start)."""
    if starts is None:
        return None
    months = stated_months(text, today, relative, same_year)
    applied = [when for end, when in months if _applied_in(text[end:end + APPLIED_REACH], applied_words)]
    begun = [when for end, when in months if when not in applied]
    if not begun:
        return None
    if min(begun) >= starts:
        return False
    return last_day is None or max(applied, default=today) <= last_day


def _applied_in(after: str, applied_words: Sequence[str]) -> bool:
    """The words after a month say it is when one applied (交的申请), not that one has not (还没申请)."""
    return any(re.search(rf"(?<![{NOT_YET}]){re.escape(word)}", after) for word in applied_words)
