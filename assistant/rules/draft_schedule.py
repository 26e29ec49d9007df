"""A share that changes with the period it is paid for, read from a clause's words: 第1年、第2年由财政全额贴息，第3年
按实际支付利息的50%贴息 · 第一年全额贴息；第二年贴息三分之二；第三年贴息三分之一 · 前两年全额贴息，第三年起减按50%.

Each step names the periods it covers — ordinals listed (第1年、第2年), a span (第1至2年), the first N (前两年) or
an open end (第3年起, 第3年以后) — and the share said after it, before the next step. Shares are read by
``ingest.quantities`` (全额 is the whole, 100%), so each step's phrase verifies like any parameter. A schedule is at
least two steps in one unit (年 or 月) covering periods that do not overlap; anything else is no schedule.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.rules.schema import spans_overlap
from ingest.quantities import Quantity, find_quantities, number_value

_NUMBER = r"\d{1,2}|[一二两三四五六七八九十]{1,3}"
# one mark: 第1年 / 第1至2年 / 第一年到第三年 / 前两年 / 第3年起 (the unit after the last number)
MARK = re.compile(rf"(?:第\s*(?P<a>{_NUMBER})\s*(?:个)?\s*(?P<u1>年|月)?\s*(?:(?:至|到|-|—|–|~|～)\s*第?\s*"
                  rf"(?P<b>{_NUMBER}))?|前\s*(?P<n>{_NUMBER}))\s*(?:个)?\s*(?P<unit>年|月)(?P<open>起|以后|及以后|后)?"
                  rf"|第\s*(?P<c>{_NUMBER})\s*(?:个)?\s*(?P<u2>年|月)")
LISTED = re.compile(r"^\s*(?:、|和|及|与|，)\s*$")  # between marks of one step: 第1年、第2年
STEP_BREAK = "。\n"  # a share is read within the sentence its step starts


@dataclass(frozen=True)
class Step:
    first: int
    last: int | None  # None: open (第3年起)
    share: Quantity
    start: int  # where the step's phrase starts (its first mark)


@dataclass(frozen=True)
class Schedule:
    unit: str  # 年 or 月
    steps: tuple[Step, ...]


def _value(span: str | None) -> int | None:
    value = number_value(span) if span else None
    return int(value) if value is not None and value == value.to_integral_value() and value > 0 else None


def _marks(text: str) -> list[tuple[int, int, int, int | None, str]]:
    """(start, end, first, last, unit) of each period mark; last None for an open one."""
    found = []
    for match in MARK.finditer(text):
        unit = match.group("unit") or match.group("u2")
        if match.group("c"):
            first = last = _value(match.group("c"))
        elif match.group("n"):
            first, last = 1, _value(match.group("n"))
        else:
            first = _value(match.group("a"))
            last = _value(match.group("b")) if match.group("b") else first
            if match.group("u1") and match.group("u1") != unit:
                continue
        if first is None or (last is None and not match.group("open")):
            continue
        found.append((match.start(), match.end(), first, None if match.group("open") else last, unit))
    return found


def read_schedule(text: str) -> Schedule | None:
    """The schedule of shares ``text`` states, or None."""
    marks = _marks(text)
    groups: list[list[tuple[int, int, int, int | None, str]]] = []
    for mark in marks:
        if groups and LISTED.match(text[groups[-1][-1][1] : mark[0]]):
            groups[-1].append(mark)
        else:
            groups.append([mark])
    if len(groups) < 2 or len({mark[4] for mark in marks}) != 1:
        return None
    shares = [q for q in find_quantities(text) if q.kind == "percent"]
    steps = []
    for index, group in enumerate(groups):
        end = groups[index + 1][0][0] if index + 1 < len(groups) else len(text)
        stop = min((at for mark in STEP_BREAK if (at := text.find(mark, group[-1][1], end)) >= 0), default=end)
        said = [q for q in shares if group[-1][1] <= q.start < stop]
        if not said:
            return None
        numbers = sorted(n for mark in group for n in (mark[2], mark[3]) if n is not None)
        opened = any(mark[3] is None for mark in group)
        listed = {n for mark in group for n in range(mark[2], (mark[3] or mark[2]) + 1)}
        if not opened and listed != set(range(numbers[0], numbers[-1] + 1)):
            return None  # 第1年、第3年: not one span
        steps.append(Step(numbers[0], None if opened else numbers[-1], said[0], group[0][0]))
    if spans_overlap((step.first, step.last) for step in steps):
        return None
    return Schedule(groups[0][0][4], tuple(steps))
