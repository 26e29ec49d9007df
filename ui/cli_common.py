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
    """The one place the CLI reads the environment; a bad ``POLICY_*`` value is a one-line error naming it."""
    from pydantic import ValidationError

    try:
        return Settings()
    except ValidationError as error:
        first = error.errors()[0]
        name = "POLICY_" + "_".join(str(part) for part in first.get("loc", ())).upper()
        fail(f"配置项 {name} 的值无效，请检查环境变量或 .env 文件", f"invalid setting {name}: {first.get('msg', '')}")


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


# Characters json leaves raw with ensure_ascii=False that line-splitting tools (str.splitlines among them) treat as
# line breaks: escaped, so one JSON object stays one line for every reader of --batch output.
_LINE_BREAKS = str.maketrans({"\x85": "\\u0085", "\u2028": "\\u2028", "\u2029": "\\u2029"})


def print_json(value: Any, *, pretty: bool = False) -> None:
    text = json.dumps(to_jsonable(value), ensure_ascii=False, indent=2 if pretty else None, default=str)
    typer.echo(text.translate(_LINE_BREAKS))


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


def run_batch(lines: list[str], handle: Callable[[str], dict[str, Any]]) -> None:
    """Print one JSON object per input line (from ``read_batch``), same order. A bad line yields a rejected
    object, not an exit; an index problem stops the run with the one-line message (exit 2)."""
    for line in lines:
        try:
            print_json(handle(line))
        except PolicyAssistantError as error:
            fail_from(error)
