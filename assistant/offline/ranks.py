"""Places in a ranking: a question stating one (拿了第N名, 第八名, 冠军) and table rows stating the ranks they cover
(前K名, 第A至B名, 第1名、第2至3名).

A row whose ranks leave out the stated one is about other winners, however many words it shares with the question
(国家级一类大赛职工组前K名 for an N-th place): such rows move behind the rows that cover it. Words naming a place in a
ranking without a number (冠军 → 1) are data (``answers.yaml: rank_words``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import TypeVar

import cn2an

from ingest.models import Chunk

NUMBER = r"(\d+|[一二三四五六七八九十百两]+)"
STATED = re.compile(rf"第\s*{NUMBER}\s*名")
SPAN = re.compile(rf"第\s*{NUMBER}\s*(?:至|到|-|—|–|~|～)\s*(?:第\s*)?{NUMBER}\s*名")
TOP = re.compile(rf"前\s*{NUMBER}\s*名")
SINGLE = re.compile(rf"第\s*{NUMBER}\s*名")

T = TypeVar("T")


def _int(text: str) -> int:
    return int(text) if text.isdigit() else int(cn2an.cn2an(text, "smart"))


def stated_rank(text: str, rank_words: Mapping[str, int]) -> int | None:
    """The one place in a ranking the question states (第N名, 第八名, 冠军), else None."""
    found = {_int(m.group(1)) for m in STATED.finditer(text)}
    found |= {rank for word, rank in rank_words.items() if word in text}
    return found.pop() if len(found) == 1 else None


def covered_ranks(text: str) -> list[tuple[int, int]]:
    """The ranks a row covers, as (first, last) spans: 前K名 → (1, K); 第A至B名 → (A, B); 第1名 → (1, 1)."""
    spans = [(_int(m.group(1)), _int(m.group(2))) for m in SPAN.finditer(text)]
    rest = SPAN.sub(" ", text)
    spans += [(1, _int(m.group(1))) for m in TOP.finditer(rest)]
    spans += [(_int(m.group(1)), _int(m.group(1))) for m in SINGLE.finditer(TOP.sub(" ", rest))]
    return spans


def covers(chunk: Chunk, rank: int) -> bool | None:
    """Whether the clause's ranks include ``rank``; None when it states no ranks."""
    spans = covered_ranks(chunk.text)
    return any(first <= rank <= last for first, last in spans) if spans else None


def prefer_covering(items: Sequence[T], chunk_of, rank: int | None) -> list[T]:
    """Items whose clause states ranks leaving ``rank`` out move behind the others (order kept otherwise)."""
    if rank is None:
        return list(items)
    return sorted(items, key=lambda item: covers(chunk_of(item), rank) is False)
