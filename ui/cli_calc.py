"""``policy-assistant calc --list [--json]`` and ``policy-assistant calc NAME --field value ... [--json]``.

The calculators are the loaded rules (``assistant.rules``): the live index's verified rules, or with no index the
data dir's rules verified on the spot. Typer cannot declare per-rule options, so the extra ``--field value`` pairs
are parsed here and validated by the rule's input model (field names may use ``-`` or ``_``; ``--field=value``
works too; a bare ``--flag`` means 是). ``--as-of 2016`` asks for the rule in force at that date.
"""

from __future__ import annotations

import typer

from ui.cli_common import fail, fail_from, load_settings, print_json

LIST_HELP = "列出所有计算器与资格判断 / list calculators"
JSON_HELP = "输出 JSON / print JSON"
AS_OF_FIELD = "as_of"


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


def kind_label(kind: str) -> str:
    return "资格判断" if kind == "eligibility" else "金额计算"


def _print_list(book: object, as_json: bool) -> None:
    from assistant.rules.book import RuleBook

    assert isinstance(book, RuleBook)
    if as_json:
        print_json({"calculators": book.describe()})
        return
    if not book.rules:
        typer.echo("没有已加载的计算规则。")
    for rule in book.list():
        fields = " ".join(f"--{spec.name.replace('_', '-')}（{spec.label}）" for spec in rule.rule.inputs)
        typer.echo(f"{rule.name}  [{rule.region}·{kind_label(rule.kind)}] {rule.title}\n    {rule.description}\n"
                   f"    依据：{rule.verified.sources[0].label}\n    字段：{fields}")


def _print_result(result: object) -> None:
    from assistant.rules.results import STATUS_LABELS, CalculationResult, yuan

    assert isinstance(result, CalculationResult)
    lines = [f"{result.title}（{result.region}·{kind_label(result.kind)}）", f"结论：{STATUS_LABELS[result.status]}"]
    if result.amount is not None:
        lines.append(f"金额：{yuan(result.amount)}")
    if result.amount_min is not None and result.amount_max is not None and result.amount is None:
        lines.append(f"范围：{yuan(result.amount_min)}至{yuan(result.amount_max)}")
    elif result.amount_max is not None:
        lines.append(f"上限：{yuan(result.amount_max)}")
    lines += [f"  {name}：{yuan(value)}" for name, value in result.components.items()]
    lines.append(f"说明：{result.summary}")
    lines += [f"需补充：{fact.question}" for fact in result.missing]
    lines += [("计算过程：" if result.kind == "amount" else "判断过程：")] + [f"  {step}" for step in result.trace]
    for source in result.sources:
        lines.append(f"依据：{source.label}\n  “{source.text}”")
    lines += [f"备注：{note}" for note in result.notes]
    typer.echo("\n".join(lines))


def register(app: typer.Typer) -> None:
    @app.command(
        "calc",
        context_settings={"allow_extra_args": True, "ignore_unknown_options": True},
        help="补贴计算与资格判断：calc --list，或 calc 名称 --字段 值 …（--as-of 年份 按当时施行的规定）",
    )
    def calc(
        ctx: typer.Context,
        name: str = typer.Argument(None, help="计算器名称（见 --list） / calculator name"),
        list_all: bool = typer.Option(False, "--list", help=LIST_HELP),
        as_json: bool = typer.Option(False, "--json", help=JSON_HELP),
    ) -> None:
        from assistant.rules.store import load_rulebook
        from ingest.errors import UserInputError

        book = load_rulebook(load_settings())
        if list_all:
            _print_list(book, as_json)
            return
        if not name:
            fail("请指定计算器名称，或用 --list 查看全部", "give a calculator name, or --list")
        arguments = parse_field_args(list(ctx.args))
        as_of = arguments.pop(AS_OF_FIELD, None)
        try:
            result = book.run(name, arguments, as_of=as_of)
        except UserInputError as error:
            fail_from(error)
        if as_json:
            print_json(result)
        else:
            _print_result(result)
