"""Rules as data: calculators and eligibility checks declared beside each policy (``<stem>.rules.yaml``),
verified against the clause text at ingest, run by a small library of generic formula kinds.

Entry points: ``load_rulebook(settings)`` → ``RuleBook`` (``list()``, ``describe()``, ``run(id, arguments,
as_of=None)``); ``rules_for_generation`` is the ingest hook; ``draft_rules`` proposes a rules file from a policy.
"""
