"""Match forms of text — the one normalizer for comparing, indexing and matching (never for display).

``fold``: traditional → simplified (OpenCC), Unicode NFKC (full-width digits, letters and parentheses → ASCII),
文号 brackets 〔〕[]【】 → 〔〕, lower case, whitespace collapsed and dropped between CJK characters.
``squeeze``: ``fold`` without any whitespace (``北  京`` meets ``北京``; ``总额 8%`` meets ``总额8%``).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import cache

_CJK = r"\u3400-\u9fff"
_BRACKETS = str.maketrans({"[": "〔", "]": "〕", "【": "〔", "】": "〕", "［": "〔", "］": "〕"})
_INNER_SPACE = re.compile(rf"(?<=[{_CJK}〔〕(),，、。]) (?=[{_CJK}〔〕(),，、。\d])|(?<=\d) (?=[{_CJK}%])")
_WHITESPACE = re.compile(r"\s+")
_DOUBLED = re.compile(rf"([{_CJK}]{{2,4}})\1")
_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3}(?!\d))")

INTERROGATIVE = re.compile(r"[谁哪几啥怎何吗呢么]|多少|多久|多长")  # a phrase that asks (什么时候, 找谁, 多长时间)
CLAUSE_MARKS = "，,。；;？?！!"
CLAUSE_MARK = re.compile(f"[{CLAUSE_MARKS}]")  # what ends a clause of a question
AFTER_CLAUSE = re.compile(f"(?<=[{CLAUSE_MARKS}])")  # the place right after a clause's end (splits keep the marks)
LEAD_IN_ENDS = ("：", ":")  # a clause ending so introduces the items under it (并提交以下材料：)


def alternation(words: Iterable[str]) -> str:
    """The words as one regex alternation, longest first (a longer word wins over its prefix); one that never
    matches when there are none."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) or "(?!)"


def is_lead_in(text: str) -> bool:
    """The text is a lead-in: it ends introducing the items under it (有下列情形之一的，不予享受…：)."""
    return text.rstrip().endswith(LEAD_IN_ENDS)


def clause_span(text: str, start: int, end: int, marks: re.Pattern[str] = CLAUSE_MARK) -> tuple[int, int]:
    """(start, end) of the clause of ``text`` holding ``text[start:end]``: between the ``marks`` around it."""
    return (max((m.end() for m in marks.finditer(text, 0, start)), default=0),
            next((m.start() for m in marks.finditer(text, end)), len(text)))


@cache
def _converter():  # built on first use: no work at import time
    import opencc

    return opencc.OpenCC("t2s")


def simplified(text: str) -> str:
    """Traditional characters → simplified (石家莊 → 石家庄, 個月 → 个月); simplified text is unchanged."""
    return _converter().convert(text) if text else text


def fold(text: str) -> str:
    folded = unicodedata.normalize("NFKC", simplified(text)).translate(_BRACKETS).lower()
    folded = _WHITESPACE.sub(" ", folded).strip()
    return _INNER_SPACE.sub("", folded)


def squeeze(text: str) -> str:
    return _WHITESPACE.sub("", fold(text))


def undoubled(text: str) -> str:
    """A word said twice in a row once (公益性岗位岗位补贴 → 公益性岗位补贴): where a name ends in the word its
    benefit's name starts with, a document writes both and a reader says the word once."""
    return _DOUBLED.sub(r"\1", text)


def digits(text: str) -> str:
    """Chinese numerals written as digits (离校两年内 → 离校2年内), for comparing names a document writes in digits."""
    import cn2an  # loaded on first use

    return cn2an.transform(text, "cn2an") if text else text


def squeeze_numbers(text: str) -> str:
    """``squeeze`` that also drops thousands separators, so ``20,000元`` matches ``20000元``."""
    return _THOUSANDS.sub("", squeeze(text))
