"""What a question denies of the asker: 我也不是脱贫户、残疾人或失业人员 · 焊工不在市里重点产业目录里 · 没有签合同.

A negation of two characters or more (``facts.yaml: negations``) denies the words after it — a list's every item —
up to the end of its clause, the 的 that ends an attribute (没有本地户口的高级技师) or what the clause asks. A
question form (是不是, 在不在, 有没有, 属不属于: the negation between a word and its repeat) asks, it denies nothing.
Denied words say who the asker is not: no group of them is the asker's, and a clause answering the question need not
say them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ingest.textnorm import CLAUSE_MARK, INTERROGATIVE

DENIED_ITEM = 10  # characters of one item of a list a negation denies (不是脱贫户、残疾人或失业人员)
_SCOPE_END = re.compile(rf"{CLAUSE_MARK.pattern}|[\n的]")  # a clause's end, a line's or an attribute's 的


def denial(negations: Sequence[str]) -> re.Pattern[str] | None:
    """What a negation of two characters or more denies (group ``items``), a list's every item. None without such
    negations. Matches in a question form are told apart by ``asks``."""
    words = "|".join(re.escape(w) for w in sorted(negations, key=len, reverse=True) if len(w) >= 2)
    if not words:
        return None
    item = rf"[^，,。；;？?！!、或和及与\s]{{1,{DENIED_ITEM}}}"
    return re.compile(rf"(?:{words})(?P<items>{item}(?:(?:、|或者|或|和|及|与){item})*)")


def asks(text: str, match: re.Match[str]) -> bool:
    """The negation stands between a word and its repeat (是不是, 在不在, 有没有, 属不属于): it asks."""
    start = match.start()
    return start > 0 and start + 1 < len(text) and text[start - 1] == text[start + 1]


def denied_matches(text: str, denied: re.Pattern[str] | None) -> list[re.Match[str]]:
    """The denials in ``text`` (none in a question form)."""
    if denied is None:
        return []
    return [m for m in denied.finditer(text) if not asks(text, m)]


def denied_words(text: str, denied: re.Pattern[str] | None) -> list[str]:
    """What ``text`` denies, as written: the words after the negation up to the end of its clause, the 的 ending an
    attribute (没有本地户口的高级技师 → 本地户口) or what the clause asks (不在目录里能补多少 → 目录里能补)."""
    words = []
    for match in denied_matches(text, denied):
        start = match.start("items")
        ends = [_SCOPE_END.search(text, start), INTERROGATIVE.search(text, start)]
        end = min((m.start() for m in ends if m is not None), default=len(text))
        if end > start:
            words.append(text[start:end])
    return words


def without_denied(text: str, denied: re.Pattern[str] | None) -> str:
    """The text with what it denies blanked out (我也不是脱贫户、残疾人 → 我也不是 …)."""
    for match in reversed(denied_matches(text, denied)):
        start, end = match.span("items")
        text = text[:start] + " " * (end - start) + text[end:]
    return text
