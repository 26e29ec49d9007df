"""``policy-assistant calc --list [--json]`` and ``policy-assistant calc NAME --field value ... [--json]``.

Typer cannot declare per-calculator options, so the extra ``--field value`` pairs are parsed here and
validated by the calculator's input model (field names may use ``-`` or ``_``; ``--field=value`` works too;
a bare ``--flag`` means 是).
"""

from __future__ import annotations

import typer

from ui.cli_common import fail, fail_from, print_json

LIST_HELP = "列出所有计算器与资格核对 / list calculators"
JSON_HELP = "输出 JSON / print JSON"


def parse_field_args(tokens: list[str]) -> dict[str, str]:
    """``["--actual-cost", "1800", "--scarce-occupation"]`` → ``{"actual_cost": "1800", "scarce_occupation": "是"}``."""
    arguments: dict[str, str] = {}
    index = 0
    while index < len(tokens):
        token = tokens[index]
        if not token.startswith("--") or len(token) == 2:
            fail(f"无法识别的参数：{token}（应为 --字段 值）", f"unexpected argument {token!r}; expected --field value")
        key, has_value, value = token[2:].partition("=")
        if not has_value:
            following = tokens[index + 1] if index + 1 < len(tokens) else None
            if following is None or following.startswith("--"):
                value = "是"
            else:
                value, index = following, index + 1
        field = key.replace("-", "_")
        if field in arguments:
            fail(f"参数重复：--{key}", f"duplicate option: --{key}")
        arguments[field] = value
        index += 1
    return arguments


def _print_list(as_json: bool) -> None:
    from assistant.calculators import registry

    specs = registry().values()
    if as_json:
        print_json({"calculators": [spec.describe() for spec in specs]})
        return
    for spec in specs:
        kind = "金额计算" if spec.kind == "amount" else "资格核对"
        fields = " ".join(f"--{name.replace('_', '-')}" for name in spec.input_model.model_fields)
        typer.echo(f"{spec.name}  [{spec.region}·{kind}] {spec.title}\n    {spec.description}\n    字段：{fields}")


def _print_result(result: object) -> None:
    from assistant.calculators.base import STATUS_LABELS, CalculationResult, yuan

    assert isinstance(result, CalculationResult)
    lines = [f"{result.title}（{result.region}）", f"结论：{STATUS_LABELS[result.status]}"]
    if result.amount is not None:
        lines.append(f"金额：{yuan(result.amount)}")
    if result.amount_min is not None and result.amount_max is not None:
        lines.append(f"范围：{yuan(result.amount_min)}至{yuan(result.amount_max)}")
    elif result.amount_max is not None:
        lines.append(f"上限：{yuan(result.amount_max)}")
    lines += [f"  {name}：{yuan(value)}" for name, value in result.components.items()]
    lines.append(f"说明：{result.summary}")
    lines += [f"需补充：{fact.question}" for fact in result.missing]
    lines += ["计算过程："] + [f"  {step}" for step in result.trace]
    for source in result.sources:
        lines.append(f"依据：{source.label}\n  “{source.text}”")
    lines += [f"备注：{note}" for note in result.notes]
    typer.echo("\n".join(lines))


def register(app: typer.Typer) -> None:
    @app.command(
        "calc",
        context_settings={"allow_extra_args": True, "ignore_unknown_options": True},
        help="补贴计算与资格核对：calc --list，或 calc 名称 --字段 值 …",
    )
    def calc(
        ctx: typer.Context,
        name: str = typer.Argument(None, help="计算器名称（见 --list） / calculator name"),
        list_all: bool = typer.Option(False, "--list", help=LIST_HELP),
        as_json: bool = typer.Option(False, "--json", help=JSON_HELP),
    ) -> None:
        from assistant.calculators import run_calculator
        from ingest.errors import UserInputError

        if list_all:
            _print_list(as_json)
            return
        if not name:
            fail("请指定计算器名称，或用 --list 查看全部", "give a calculator name, or --list")
        arguments = parse_field_args(list(ctx.args))
        try:
            result = run_calculator(name, arguments)
        except UserInputError as error:
            fail_from(error)
        if as_json:
            print_json(result)
        else:
            _print_result(result)
