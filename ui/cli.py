"""The ``policy-assistant`` console script.

Each command group lives in its own module with a ``register(app)`` function, so the surface stays small
here and no heavy library is imported until a command actually runs. Usage errors (unknown option, missing
argument, a bad value for ``--top-k``...) are one ``中文 / English`` line on stderr with exit code 2, never
Typer's boxed English panel (``ui.cli_usage``).
"""

from __future__ import annotations

import importlib
import logging

import typer

from ui.cli_usage import ChineseUsageGroup

COMMAND_MODULES = (
    "ui.cli_ingest",
    "ui.cli_search",
    "ui.cli_calc",
    "ui.cli_rules",
    "ui.cli_ask",
    "ui.cli_eval",
    "ui.cli_serve",
)


def build_app() -> typer.Typer:
    app = typer.Typer(
        name="policy-assistant",
        help="政策助手：职业培训与技能补贴政策的条款检索、问答与补贴计算。",
        no_args_is_help=True,
        add_completion=False,
        pretty_exceptions_enable=False,
        cls=ChineseUsageGroup,
    )
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(app)
    return app


def main() -> None:
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    # index damage and fallbacks are printed by the commands themselves, as one line; no second log line
    logging.getLogger("retriever.generations").setLevel(logging.ERROR)
    build_app()()


if __name__ == "__main__":
    main()
