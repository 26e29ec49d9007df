"""Match normalization for hit tests and fact checks: fold width variants, drop whitespace."""

from __future__ import annotations

import re
import unicodedata

_WHITESPACE = re.compile(r"\s+")
_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3}(?!\d))")


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
