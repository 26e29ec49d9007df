"""Shared CLI plumbing: settings at the edge, JSON output, --batch input, exit codes.

Exit codes (GUIDE contract): 0 ok, 2 bad input — with a one-line Chinese + English message on stderr and
never a traceback.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
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


def warn_index_problem(problem: str | None) -> None:
    """One stderr line when an older intact index generation is served because the live one is damaged."""
    if problem:
        typer.echo(" ".join(f"警告：{problem} / warning: serving an older intact index generation".split()), err=True)


def read_batch(path: str, settings: Settings) -> list[str]:
    """One query per line; ``-`` is stdin. Lines end at ``\n`` or ``\r\n`` only: U+2028, U+0085, form feed
    and the like stay inside their line (``str.splitlines`` would split on them and misalign the output).
    Blank lines are kept so output lines stay aligned with input; the input is capped in bytes and lines."""
    limit = settings.max_batch_bytes
    if path == "-":
        data = sys.stdin.buffer.read(limit + 1)
    else:
        file = Path(path)
        if not file.is_file():
            fail(f"批量文件不存在：{path}", f"batch file not found: {path}")
        try:
            with open(file, "rb") as handle:
                data = handle.read(limit + 1)
        except OSError as error:
            fail(f"无法读取批量文件：{path}（{error.strerror}）", f"cannot read batch file {path}")
    if len(data) > limit:
        fail(
            f"批量输入过大（超过 {limit} 字节，可用 POLICY_MAX_BATCH_BYTES 调整）",
            f"batch input larger than {limit} bytes",
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        fail(f"批量输入不是 UTF-8 文本：{path}", f"batch input is not UTF-8 text: {path}")
    lines = text.split("\n")
    if lines[-1] == "":
        lines.pop()  # a final line break ends the last line; it does not start an empty one
    if len(lines) > (cap := settings.max_batch_lines):
        fail(
            f"批量输入行数过多（{len(lines)} 行，上限 {cap} 行，可用 POLICY_MAX_BATCH_LINES 调整）",
            f"batch input has {len(lines)} lines (limit {cap})",
        )
    return [line.removesuffix("\r") for line in lines]


def run_batch(path: str, settings: Settings, handle: Callable[[str], dict[str, Any]]) -> None:
    """Print one JSON object per input line, same order. A bad line yields a rejected object, not an exit; an
    index problem stops the run with the one-line message (exit 2)."""
    for line in read_batch(path, settings):
        try:
            print_json(handle(line))
        except PolicyAssistantError as error:
            fail_from(error)
