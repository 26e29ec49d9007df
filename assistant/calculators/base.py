"""Transition shim: result records and money formatting now live in ``assistant.rules.results``."""

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

__all__ = ["FEN", "STATUS_LABELS", "CalculationResult", "ClauseRef", "MissingFact", "display_yuan", "money",
           "percent", "yuan"]
