"""Transition shim: the calculators are now rules declared beside each policy (``assistant.rules``).

Kept only so callers written against the old registry (the offline engine's routing) keep working until they use
a ``RuleBook`` passed down from the edge. ``registry()`` and ``run_calculator()`` run the rules the live index
verified — or, with no index, those of the data dir verified on the spot — loaded once per data/index location.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

from assistant.rules.book import CompiledRule, RuleBook
from assistant.rules.results import CalculationResult, ClauseRef, MissingFact

__all__ = ["CalculationResult", "ClauseRef", "MissingFact", "default_book", "registry", "run_calculator"]


@lru_cache(maxsize=4)
def _book(data_dir: Path, index_dir: Path, generation: str | None) -> RuleBook:
    from assistant.rules.store import load_rulebook
    from ingest.settings import Settings

    return load_rulebook(Settings(data_dir=data_dir, index_dir=index_dir))


def default_book() -> RuleBook:
    """The rules for the environment's settings (re-read when a new index generation is published)."""
    from ingest.settings import Settings
    from retriever.generations import read_current

    settings = Settings()
    return _book(settings.data_dir.resolve(), settings.index_dir.resolve(), read_current(settings.index_dir))


def registry() -> dict[str, CompiledRule]:
    """All loaded rules by id (the old calculator registry's shape)."""
    return dict(default_book().rules)


def run_calculator(name: str, arguments: Mapping[str, Any]) -> CalculationResult:
    """Run one rule by id; ``UserInputError`` (Chinese) on an unknown name or bad input."""
    return default_book().run(name, arguments)
