"""Deterministic subsidy calculators and eligibility checks, each resting on a verbatim-quoted clause."""

from assistant.calculators.base import CalculationResult, CalculatorSpec, ClauseRef, MissingFact
from assistant.calculators.registry import registry, run_calculator

__all__ = ["CalculationResult", "CalculatorSpec", "ClauseRef", "MissingFact", "registry", "run_calculator"]
