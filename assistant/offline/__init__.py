"""The offline (default) answer engine: calculators and quoted clauses, no LLM.

Entry point: ``assistant.offline.engine.OfflineEngine`` (not re-exported, to keep imports acyclic).
"""
