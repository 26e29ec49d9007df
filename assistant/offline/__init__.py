"""The offline (default) answer engine: calculators and quoted clauses, no LLM."""

from assistant.offline.engine import OfflineEngine

__all__ = ["OfflineEngine"]
