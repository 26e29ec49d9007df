"""The bundled rules, verified once per test session against the bundled policies (real parser, real files)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

import typer

from assistant.rules.book import RuleBook
from assistant.rules.results import CalculationResult, ClauseRef
from assistant.rules.store import fresh_ruleset

POLICIES = Path(__file__).resolve().parent.parent / "data" / "policies"


@lru_cache(maxsize=1)
def bundled_book() -> RuleBook:
    return RuleBook(fresh_ruleset(POLICIES))


def run_calculator(name: str, arguments: Mapping[str, Any], as_of: str | None = None) -> CalculationResult:
    return bundled_book().run(name, arguments, as_of=as_of)


def source(rule_id: str, index: int = 0) -> ClauseRef:
    """The clause a bundled rule cites (0 = the one it rests on; 1 = its see_also)."""
    return bundled_book().get(rule_id).verified.sources[index]


def command_group(register: Callable[[typer.Typer], None]) -> typer.Typer:
    """One CLI module's commands on their own (a callback keeps typer in multi-command mode, like the full app)."""
    app = typer.Typer(pretty_exceptions_enable=False)

    @app.callback()
    def main() -> None:
        """policy-assistant (test)"""

    register(app)
    return app
