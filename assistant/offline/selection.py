"""Sentence selection: the sentences of a clause that answer the asked point, quoted verbatim.

A quote keeps reading order; sentences that are not next to each other are joined with "……" so the quote stays
verbatim. A lead-in ("提供以下材料：") brings the items under it; a trailing 责任单位 note is kept when the question
asks who is responsible, and dropped otherwise (it names departments, not rules).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from itertools import pairwise

from assistant.citations import sentences

GAP = "……"
_DUTY_NOTE = re.compile(r"^\s*[（(].*(责任单位|负责)")
_LEAD_IN = re.compile(r"(以下|如下|下列)[^，。；]{0,12}[：:]")
_ITEM = re.compile(r"^\s*(?:[（(]?[0-9一二三四五六七八九十]{1,2}[）)、.．]|[①-⑳]|[-•·])")


def pieces(text: str) -> list[str]:
    return sentences(text)


def choose(
    text: str, score: Callable[[str], float], limit: int, *, keep_duty: bool = False
) -> list[int]:
    """Indices (reading order) of the ``limit`` best sentences with a positive score — at least the best one —
    plus the items under a chosen lead-in and, with ``keep_duty``, the 责任单位 note that follows a chosen one."""
    parts = pieces(text)
    if not parts:
        return []
    candidates = [i for i, part in enumerate(parts) if keep_duty or not _DUTY_NOTE.match(part)]
    ranked = sorted(candidates or range(len(parts)), key=lambda i: (-score(parts[i]), i))
    chosen = _with_items(parts, {i for i in ranked[:limit] if score(parts[i]) > 0} or {ranked[0]})
    if keep_duty:
        chosen |= {i + 1 for i in chosen if i + 1 < len(parts) and _DUTY_NOTE.match(parts[i + 1])}
    return sorted(chosen)


def _with_items(parts: list[str], chosen: set[int]) -> set[int]:
    """The chosen sentences and, after a lead-in among them, the items under it (提交以下材料：（一）…；（二）…)."""
    found = set(chosen)
    for index in sorted(chosen):
        if _LEAD_IN.search(parts[index]) or "：" in parts[index]:  # a lead-in: the items under it follow
            following = index + 1
            while following < len(parts) and _ITEM.match(parts[following]):
                found.add(following)
                following += 1
    return found


def with_items(text: str, indices: Iterable[int]) -> list[int]:
    """``indices`` of the text's sentences with the items under a lead-in among them, in reading order."""
    return sorted(_with_items(pieces(text), set(indices)))


def quote(text: str, indices: Iterable[int]) -> str:
    """The sentences at ``indices``, verbatim, with "……" wherever sentences were left out between them."""
    parts = pieces(text)
    ordered = sorted(set(indices))
    if not ordered:
        return ""
    out = [parts[ordered[0]].strip()]
    for previous, index in pairwise(ordered):
        out.append(("" if index == previous + 1 else GAP) + parts[index].strip())
    head = GAP if ordered[0] > 0 and _starts_mid(parts, ordered[0]) else ""
    return head + "".join(out)


def _starts_mid(parts: list[str], index: int) -> bool:
    """A quote that starts after the clause's heading needs no leading "……" (the heading is a title, not text)."""
    return index > 1


def best(text: str, score: Callable[[str], float], limit: int, *, keep_duty: bool = False) -> str:
    return quote(text, choose(text, score, limit, keep_duty=keep_duty))


def matching(text: str, words: Iterable[str]) -> list[int]:
    """Indices of the sentences that say one of ``words``."""
    words = [w for w in words if w]
    return [i for i, part in enumerate(pieces(text)) if any(w in part for w in words)]
