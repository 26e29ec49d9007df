"""Shared CLI plumbing: settings at the edge, JSON output, --batch input, exit codes.

Exit codes (GUIDE contract): 0 ok, 2 bad input — with a one-line Chinese + English message on stderr and
never a traceback.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, NoReturn

import typer
from pydantic import BaseModel

from ingest.errors import PolicyAssistantError
from ingest.settings import Settings

EXIT_OK = 0
EXIT_BAD_INPUT = 2


def load_settings() -> Settings:
    """The one place the CLI reads the environment."""
    return Settings()


def fail(zh: str, en: str = "", code: int = EXIT_BAD_INPUT) -> NoReturn:
    message = f"{zh} / {en}" if en else zh
    typer.echo(" ".join(message.split()), err=True)
    raise typer.Exit(code)


def fail_from(error: PolicyAssistantError, code: int = EXIT_BAD_INPUT) -> NoReturn:
    typer.echo(error.one_line(), err=True)
    raise typer.Exit(code)


def to_jsonable(value: Any) -> Any:
    if isinstance(value, BaseModel):
        return value.model_dump(mode="json")
    return value


def print_json(value: Any, *, pretty: bool = False) -> None:
    text = json.dumps(to_jsonable(value), ensure_ascii=False, indent=2 if pretty else None, default=str)
    typer.echo(text)


def read_batch(path: str) -> Iterator[str]:
    """One query per line; ``-`` is stdin. Blank lines are kept so output lines stay aligned with input."""
    if path == "-":
        lines = sys.stdin.read().splitlines()
    else:
        file = Path(path)
        if not file.is_file():
            fail(f"批量文件不存在：{path}", f"batch file not found: {path}")
        try:
            lines = file.read_text(encoding="utf-8").splitlines()
        except UnicodeDecodeError:
            fail(f"批量文件不是 UTF-8 文本：{path}", f"batch file is not UTF-8 text: {path}")
    yield from lines


def run_batch(path: str, handle: Callable[[str], dict[str, Any]]) -> None:
    """Print one JSON object per input line, same order. A bad line yields a rejected object, not an exit."""
    for line in read_batch(path):
        print_json(handle(line))
