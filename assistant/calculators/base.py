"""Transition shim: result records and money formatting now live in ``assistant.rules.results``; a calculator is
a loaded rule (``assistant.rules.book.CompiledRule``: name, title, region, kind, keywords, input_model, describe())."""

from assistant.rules.book import CompiledRule as CalculatorSpec
from assistant.rules.results import (
    FEN,
    STATUS_LABELS,
    CalculationResult,
    ClauseRef,
    MissingFact,
    display_yuan,
    money,
    percent,
    yuan,
)

__all__ = ["FEN", "STATUS_LABELS", "CalculationResult", "CalculatorSpec", "ClauseRef", "MissingFact", "display_yuan",
           "money", "percent", "yuan"]
