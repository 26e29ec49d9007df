"""Match normalization for hit tests and fact checks: fold width variants, drop whitespace; amounts by value."""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal

_WHITESPACE = re.compile(r"\s+")
_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3}(?!\d))")
# An amount of money: 1500元, 1.5万元, 64万 元 (after normalization: no spaces, no thousands separators).
_MONEY = re.compile(r"(?<![\d.])(\d+(?:\.\d+)?)(万)?元")
_MONEY_FACT = re.compile(r"^(\d+(?:\.\d+)?)(万)?元$")
_PERCENT = re.compile(r"(?<![\d.])(\d+(?:\.\d+)?)%")
_PERCENT_FACT = re.compile(r"^(\d+(?:\.\d+)?)%$")


def normalize_for_match(text: str) -> str:
    """NFKC (full-width digits, letters, parens → half-width) and no whitespace at all.

    Whitespace is dropped because the sources put spaces inside numbers (``总额 8%``, ``满 5 年``) and table cells.
    """
    return _WHITESPACE.sub("", unicodedata.normalize("NFKC", text))


def normalize_fact_text(text: str) -> str:
    """Like ``normalize_for_match`` and also drops thousands separators, so ``20,000元`` matches ``20000元``."""
    return _THOUSANDS.sub("", normalize_for_match(text))


def contains(haystack: str, needle: str) -> bool:
    return normalize_for_match(needle) in normalize_for_match(haystack)


def _value(number: str, wan: str | None) -> Decimal:
    return Decimal(number) * (10_000 if wan else 1)


def money_in(text: str) -> set[Decimal]:
    """Every ``…元`` amount in normalized text, by value (``64万元`` and ``640000元`` are the same)."""
    return {_value(number, wan) for number, wan in _MONEY.findall(text)}


def fact_present(fact: str, haystack: str) -> bool:
    """Is ``fact`` stated in ``haystack`` (both raw)? Amounts (``1500元``) and percentages (``8%``) compare by value,
    so ``500元`` is not found inside ``1500元`` and ``64万元`` satisfies ``640000元``; anything else is a substring."""
    needle, text = normalize_fact_text(fact), normalize_fact_text(haystack)
    if money := _MONEY_FACT.match(needle):
        return _value(*money.groups()) in money_in(text)
    if percent := _PERCENT_FACT.match(needle):
        return Decimal(percent.group(1)) in {Decimal(value) for value in _PERCENT.findall(text)}
    return needle in text
