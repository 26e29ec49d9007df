"""Heads counted together and a group of them set apart (招了4个应届毕业生，其中1个是低保家庭的; 五名大学生，这里面有
两名是脱贫家庭的), or two groups counted one after the other (招了3个应届大学毕业生，还招了1个52岁的失业人员; 三个人拿了
高级技师证，4个人拿了中级工证): each group with the question as it would be asked of it alone, so each is worked out
at its own rate. Pure over the question's text and the words of answers.yaml (``subset_words``, ``heads_joiners``)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from itertools import pairwise

from ingest.quantities import Quantity, find_quantities

GAP = 2  # characters a subset word may stand before the count it sets apart (其中有4名)
_CLAUSE_END = re.compile(r"[，,。；;！？!?\n]")
_SENTENCE_END = re.compile(r"[。！？!?\n]")
_GROUP_OPENING = re.compile(r"[，,。；;：:！？!?\n]")  # what ends the words before a group named ahead of its count
_SAID_AS = ("是", "为", "属于", "系")  # 其中1个是低保家庭的: already said as what the group is
PARALLEL = 2  # characters after two counts that, said alike, make them two groups (三个人拿了…，4个人拿了…)
PEOPLE_UNITS = ("个人", "名", "人", "位", "个")


@dataclass(frozen=True)
class Groups:
    """The question asked of the group set apart and of the rest, with a label for each; ``heads``, the two groups'
    counts when each is counted (``counted_apart``, ``partitioned``); ``whole``: they make up a whole counted before
    them (``partitioned``)."""

    apart: str
    rest: str
    labels: tuple[str, str]
    heads: tuple[Decimal, Decimal] | None = None
    whole: bool = False


def groups(text: str, subset_words: Sequence[str]) -> Groups | None:
    """The group a subset word sets apart from the heads counted before it in the same sentence (N个…，其中M个…: M
    below N, and the clause says what sets them apart), or None. Every other mention of the N heads (4个人都见习满了
    6个月) becomes M in the group's question and N−M in the rest's; the rest's question leaves the clause out."""
    counts = [q for q in find_quantities(text) if q.kind == "count"]
    for word in sorted(subset_words, key=len, reverse=True):
        for match in re.finditer(re.escape(word), text):
            found = _set_apart(text, counts, match.start(), match.end())
            if found is not None:
                return found
    return None


def _set_apart(text: str, counts: list[Quantity], start: int, end: int) -> Groups | None:
    part = next((q for q in counts if end <= q.start <= end + GAP), None)
    sentence = max((m.end() for m in _SENTENCE_END.finditer(text, 0, start)), default=0)
    whole = next((q for q in reversed(counts) if sentence <= q.start and q.end <= start), None)
    if part is None or whole is None or not 0 < part.value < whole.value or whole.value != int(whole.value):
        return None
    stop = _CLAUSE_END.search(text, part.end)
    clause_end = stop.start() if stop else len(text)
    said = text[part.end:clause_end].strip()
    if len(said) < 2:
        return None
    said = said if said.startswith(_SAID_AS) else f"是{said}"
    clause_start = start - 1 if start and text[start - 1] in "，,；;" else start
    same = [q for q in counts if q.value == whole.value and not clause_start <= q.start < clause_end]
    rest = whole.value - part.value
    apart_text = _with_counts(text, same, part.value, (start, clause_end, said))
    rest_text = _with_counts(text, same, rest, (clause_start, clause_end, ""))
    labels = (f"其中{_number(part.value)}{part.unit}（{said}）", f"其余{_number(rest)}{whole.unit}")
    return Groups(apart_text, rest_text, labels)


def _with_counts(text: str, counts: list[Quantity], value: Decimal, *spans: tuple[int, int, str]) -> str:
    """``text`` with each of ``counts`` said as ``value`` (its own count word kept) and each of ``spans`` replaced."""
    edits = [(q.start, q.end, f"{_number(value)}{q.unit}") for q in counts] + list(spans)
    for begin, finish, said in sorted(edits, reverse=True):
        text = text[:begin] + said + text[finish:]
    return text


def _number(value: Decimal) -> str:
    return format(value, "f")


def counted_apart(text: str, joiners: Sequence[str]) -> Groups | None:
    """Two groups of people counted one after the other in one sentence — joined by a joiner (3个大学生和2个残疾人,
    3个…，还招了1个…) or said alike (三个人拿了…，4个人拿了…) — each with the question as asked of it alone: the other
    group's words left out, what is said of both kept (都签了两年合同). None unless two counts of people stand in
    adjoining clauses (or one clause) so joined; a later count said of some of the first (期满留下了3个) is no group."""
    counts = [q for q in find_quantities(text) if q.kind == "count" and q.unit in PEOPLE_UNITS]
    for first, second in pairwise(counts):
        between = text[first.end : second.start]
        if _SENTENCE_END.search(between) or len(_CLAUSE_END.findall(between)) > 1:
            continue
        mark = _CLAUSE_END.search(between)  # at most one: the two groups' clauses meet there
        clause = between[mark.end() :] if mark else between
        # the joiner nearest the second count (和 of 3个还没找到工作的大学生和2个残疾人, not 还 of 还没)
        joined_at = max((between.rfind(w) for w in joiners if w in clause), default=-1)
        parallel = text[first.end : first.end + PARALLEL] == text[second.end : second.end + PARALLEL]
        if joined_at < 0 and mark:
            found = _said_before(text, first, second, first.end + mark.start())
            if found is not None:
                return found
        if joined_at < 0 and not (parallel and mark):
            continue
        stop = _CLAUSE_END.search(text, second.end)
        end = stop.start() if stop else len(text)
        split = first.end + (mark.start() if mark else joined_at)
        own_first, own_second = text[first.start : split], text[second.start : end]
        if len(own_first) <= len(first.raw) or len(own_second) <= len(second.raw):
            continue  # a bare count (3个，还有2个) says no group
        return _parted(text, (first.start, split), (second.start, end), (first, second))
    return None


def _parted(text: str, first_span: tuple[int, int], second_span: tuple[int, int],
            counts: tuple[Quantity, Quantity]) -> Groups:
    """Each group's question: the words before the first group's and after the second group's own clause said of
    both, but a later clause naming one group's own words (可乡村那5个里头有一个…, of 乡村公益性岗位5个人 beside
    城镇公益性岗位3个人) only in that group's."""
    (first_start, first_end), (second_start, second_end) = first_span, second_span
    own_first, own_second = text[first_start:first_end], text[second_start:second_end]
    first_words, second_words = (_naming(own, q) for own, q in zip((own_first, own_second), counts, strict=True))
    tail = text[second_end:]
    return Groups(text[:first_end] + _about(tail, first_words, (second_words, counts[1])),
                  text[:first_start] + text[second_start:second_end]
                  + _about(tail, second_words, (first_words, counts[0])),
                  (own_first, own_second), (counts[0].value, counts[1].value))


def _naming(own: str, count: Quantity) -> set[str]:
    """The runs of PARALLEL Chinese characters of a group's own clause, its count left out."""
    words = own.replace(count.raw, " ")
    return {words[i : i + PARALLEL] for i in range(len(words) - PARALLEL + 1)
            if all("\u4e00" <= ch <= "\u9fff" for ch in words[i : i + PARALLEL])}


def _about(tail: str, own: set[str], other: tuple[set[str], Quantity]) -> str:
    """``tail`` without its clauses saying the other group's count again beside a run of its own clause that this
    group's does not have (乡村那5个里有1个…; not 失业保险也都交满3个月了 of a group 登记失业一年多的)."""
    words, count = other
    apart = words - own

    def of_other(piece: str) -> bool:
        return any(q.kind == "count" and q.value == count.value for q in find_quantities(piece)) and any(
            run in piece for run in apart)

    return "".join(piece for piece in re.split(r"(?=[，,。；;！？!?\n])", tail) if not of_other(piece))


def _said_before(text: str, first: Quantity, second: Quantity, split: int) -> Groups | None:
    """Two groups each named before its count, in adjoining clauses said alike up to the count (乡村公益性岗位安置了
    6个人，城镇公益性岗位安置了2个人: the same PARALLEL characters right before each count): each group's clause is
    its own, the rest of the question said of both. None unless each clause names its group before those words."""
    if first.start < PARALLEL or text[first.start - PARALLEL : first.start] != text[second.start - PARALLEL :
                                                                                     second.start]:
        return None
    start = max((m.end() for m in _GROUP_OPENING.finditer(text, 0, first.start)), default=0)
    stop = _CLAUSE_END.search(text, second.end)
    end = stop.start() if stop else len(text)
    before = (text[start : first.start], text[split + 1 : second.start])
    alike = next((n for n in range(min(map(len, before))) if before[0][-1 - n] != before[1][-1 - n]),
                 min(map(len, before)))  # the characters the two end with alike
    if any(len(b) <= alike for b in before):
        return None  # the words before each count are only those said alike: no group named
    return _parted(text, (start, split), (split + 1, end), (first, second))


def periods_apart(text: str) -> Groups | None:
    """Two periods each paid a sum of its own, in adjoining clauses of one sentence (头5个月每月交350块，后面7个月
    每月交450块): each period with the question as asked of it alone — the other period's clause left out. None unless
    two such clauses, each a duration then a sum per period, stand side by side and the sums differ."""
    found = find_quantities(text)
    for first, second in pairwise(_paid_periods(text, found)):
        (first_start, first_end, first_period), (second_start, second_end, second_period) = first, second
        between = text[first_end:second_start]
        if first_period[1] == second_period[1] or _SENTENCE_END.search(between) \
                or len(_GROUP_OPENING.findall(between)) != 1:
            continue
        # a later period the two make up (这一年 of 头5个月…后面7个月…) is each one's own in its question
        whole = [q for q in found if q.start >= second_end and q.kind == "duration"
                 and q.value == first_period[0].value + second_period[0].value]
        first_text = _with_counts(text, [], Decimal(0), (first_end, second_end, ""),
                                  *((q.start, q.end, first_period[0].raw) for q in whole))
        second_text = _with_counts(text, [], Decimal(0), (first_start, second_start, ""),
                                   *((q.start, q.end, second_period[0].raw) for q in whole))
        return Groups(first_text, second_text, (text[first_start:first_end], text[second_start:second_end]))
    return None


def _paid_periods(text: str, found: Sequence[Quantity]) -> list[tuple[int, int, tuple[Quantity, Decimal]]]:
    """(start, end, (duration, sum)) of each clause stating a duration and, after it, a sum of money per period."""
    spans = []
    for duration, paid in pairwise(found):
        if duration.kind == "duration" and paid.kind == "money" and paid.per \
                and not _CLAUSE_END.search(text, duration.end, paid.start):
            start = max((m.end() for m in _GROUP_OPENING.finditer(text, 0, duration.start)), default=0)
            stop = _CLAUSE_END.search(text, paid.end)
            spans.append((start, stop.start() if stop else len(text), (duration, paid.value)))
    return spans


def partitioned(text: str, joiners: Sequence[str]) -> Groups | None:
    """Heads counted and then split into two groups whose counts make them up (40个学员，30个是脱贫户，另外10个是普通
    农村劳动力), each group said in a clause of its own after the whole's, in the same sentence: each group with the
    question as asked of it alone — the whole's count said as the group's, the other group's clause left out, a joiner
    opening the group's own clause (另外) dropped. None unless two such counts add up to the whole."""
    counts = [q for q in find_quantities(text) if q.kind == "count" and q.unit in PEOPLE_UNITS]
    for index, whole in enumerate(counts):
        if whole.value != int(whole.value):
            continue
        sentence_end = _SENTENCE_END.search(text, whole.end)
        stop = sentence_end.start() if sentence_end else len(text)
        later = [q for q in counts[index + 1 :] if q.end <= stop and _CLAUSE_END.search(text, whole.end, q.start)]
        for first, second in pairwise(later):
            if first.value + second.value != whole.value or not _CLAUSE_END.search(text, first.end, second.start):
                continue
            spans = [_own_clause(text, q, joiners) for q in (first, second)]
            if any(span is None for span in spans):
                continue
            (first_start, first_end, first_own), (second_start, second_end, second_own) = spans
            # each group's own clause without its opening joiner, the other group's clause left out
            apart = _with_counts(text, [whole], first.value, (first_start, first_end, first_own),
                                 (second_start, second_end, ""))
            rest = _with_counts(text, [whole], second.value, (first_start, first_end, ""),
                                (second_start, second_end, second_own))
            return Groups(apart, rest, (first_own.strip("，,；;"), second_own.strip("，,；;")),
                          (first.value, second.value), whole=True)
    return None


def _own_clause(text: str, count: Quantity, joiners: Sequence[str]) -> tuple[int, int, str] | None:
    """The span of the clause ``count`` opens (from the mark before it, so leaving it out leaves one mark) and the
    clause as its group's own (its opening joiner dropped); None unless only a joiner stands before the count."""
    marks = [m.end() for m in _CLAUSE_END.finditer(text, 0, count.start)]
    if not marks:
        return None
    start = marks[-1]
    lead = text[start : count.start]
    if lead and lead not in joiners:
        return None
    stop = _CLAUSE_END.search(text, count.end)
    end = stop.start() if stop else len(text)
    return start - 1, end, text[start - 1] + text[count.start : end]
