"""Click/Typer usage errors in Chinese: one ``中文 / English`` line on stderr, exit code 2.

Typer would print an English box (``rich``) for an unknown option, a missing argument or a value of the wrong
type. ``ChineseUsageGroup`` runs the command line in Click's non-standalone mode and reports those errors itself;
the English half is Click's own message.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import Any

import typer
from typer.core import TyperGroup

try:  # recent Typer carries its own copy of Click and raises that copy's exceptions
    from typer._click import exceptions as click_errors
except ImportError:  # older Typer runs on Click itself
    from click import exceptions as click_errors  # type: ignore[no-redef]

EXIT_USAGE = 2
_ABORTS = tuple({typer.Abort, getattr(click_errors, "Abort", typer.Abort)})


def _param_name(param: Any) -> str:
    if param is None:
        return "参数"
    options = getattr(param, "opts", None) or []
    if getattr(param, "param_type_name", "") == "option" and options:
        return max(options, key=len)
    name = getattr(param, "display_name_raw", None) or getattr(param, "human_readable_name", None) or param.name
    return str(name or "参数").upper()


def _choices(param: Any) -> str:
    descriptor = getattr(param, "type_descriptor", None)
    choices = getattr(descriptor, "choices", None) if getattr(descriptor, "is_choice", False) else None
    if choices is None:
        choices = getattr(getattr(param, "type", None), "choices", None)
    return "（可选：" + "、".join(str(getattr(c, "value", c)) for c in choices) + "）" if choices else ""


def usage_zh(error: Exception) -> str:
    """The Chinese half for a Click usage error."""
    if isinstance(error, click_errors.NoSuchOption):
        hint = f"（是否想用 {'、'.join(sorted(error.possibilities))}）" if error.possibilities else ""
        return f"未知的选项：{error.option_name}{hint}"
    if isinstance(error, click_errors.MissingParameter):
        kind = "参数" if getattr(error.param, "param_type_name", "") == "argument" else "选项"
        return f"缺少{kind} {_param_name(error.param)}"
    if isinstance(error, click_errors.BadParameter):
        return f"{_param_name(error.param)} 的值无效{_choices(error.param)}"
    if isinstance(error, click_errors.BadOptionUsage):
        return f"选项 {error.option_name} 用法错误（缺少取值或取值多余）"
    message = error.format_message()  # type: ignore[attr-defined]
    if message.startswith("No such command"):
        return "未知的命令"
    if message.startswith("Got unexpected extra argument"):
        return "多余的参数（含空格的内容请用引号括起来）"
    return "命令行用法错误"


def usage_line(error: Exception) -> str:
    context = getattr(error, "ctx", None)
    command = context.command_path if context is not None else "policy-assistant"
    text = f"{usage_zh(error)}（运行 {command} --help 查看用法） / {error.format_message()}"  # type: ignore[attr-defined]
    return " ".join(text.split())


class ChineseUsageGroup(TyperGroup):
    """The root command group: usage errors become one Chinese + English line (exit 2)."""

    def main(  # type: ignore[override]
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        no_args_help = getattr(click_errors, "NoArgsIsHelpError", ())
        try:
            result = super().main(
                args=args, prog_name=prog_name, complete_var=complete_var, standalone_mode=False, **extra
            )
        except no_args_help as error:  # bare ``policy-assistant``: the help, not an error
            typer.echo(error.ctx.get_help())
            code = 0
        except click_errors.UsageError as error:
            typer.echo(usage_line(error), err=True)
            code = EXIT_USAGE
        except click_errors.ClickException as error:
            typer.echo(" ".join(f"命令行错误 / {error.format_message()}".split()), err=True)
            code = error.exit_code
        except _ABORTS:
            typer.echo("已取消 / aborted", err=True)
            code = 1
        else:
            code = result if isinstance(result, int) else 0  # non-standalone Click returns Exit codes
        if not standalone_mode:
            return code
        sys.exit(code)
