"""``policy-assistant ask QUESTION [--json] [--batch FILE]`` and ``policy-assistant chat``."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any

import typer

from ingest.errors import PolicyAssistantError
from ui.cli_common import fail, fail_from, load_settings, print_json, read_batch, run_batch, warn_index_problem

if TYPE_CHECKING:
    from assistant.models import Conversation
    from assistant.protocols import AnswerEngine
    from ingest.settings import Settings

QUIT_WORDS = frozenset({"exit", "quit", "退出", "再见"})
NEW_CONVERSATION = "/new"
CORRECTED = "\n——以上内容未通过核验，以下为更正后的回答——\n"


def _engine(settings: Settings) -> AnswerEngine:
    """Retriever and engine, built once at the edge; a missing or damaged index is a one-line error, and an
    older intact generation served in place of a damaged one is a one-line warning."""
    from assistant.factory import build_engine
    from retriever.factory import open_retriever

    try:
        retriever = open_retriever(settings)
        engine = build_engine(settings, retriever)
    except PolicyAssistantError as error:
        fail_from(error)
    warn_index_problem(retriever.index_problem)
    return engine


def _show(
    engine: AnswerEngine, question: str, conversation: Conversation | None = None, *, cite: bool = False
) -> None:
    """Stream the answer to the terminal; if the final (verified) answer differs from what streamed, show it."""
    from assistant.models import Answer

    streamed: list[str] = []
    final: Answer | None = None
    for item in engine.stream(question, conversation):
        if isinstance(item, Answer):
            final = item
        else:
            streamed.append(item)
            typer.echo(item, nl=False)
    if final is None:
        return
    if "".join(streamed).strip() != final.answer.strip():
        typer.echo(CORRECTED if streamed else "", nl=False)
        typer.echo(final.answer)
    elif streamed and not streamed[-1].endswith("\n"):
        typer.echo()
    if cite and final.citations:
        typer.echo("引用：")
        for citation in final.citations:
            typer.echo(f"[{citation.n}] {citation.formatted}")
    if final.error_id:
        typer.echo(f"（错误编号 {final.error_id}）", err=True)


def ask_command(
    question: Annotated[str | None, typer.Argument(help="问题，例如：石家庄技能提升补贴是多少？")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="以 JSON 输出（Answer 契约）。")] = False,
    batch: Annotated[
        str | None, typer.Option("--batch", help="每行一个问题的文件（- 为标准输入），逐行输出 JSON。")
    ] = None,
    cite: Annotated[bool, typer.Option("--cite", help="回答后逐条输出标准引用（可直接粘贴）。")] = False,
) -> None:
    """回答一个政策问题：先给直接答复，再引用条款原文（标题、条款号）；金额由计算器算出。"""
    from assistant.validation import validate_question

    if (question is None) == (batch is None):
        fail("请提供一个问题，或用 --batch 指定问题文件（二者选一）。", "give QUESTION or --batch FILE (exactly one)")
    settings = load_settings()
    if question is not None:
        try:
            validate_question(question, max_chars=settings.max_question_chars)
        except PolicyAssistantError as error:
            fail_from(error)
    lines = read_batch(batch, settings) if batch is not None else []  # refused before the index is opened
    engine = _engine(settings)
    if batch is not None:

        def handle(line: str) -> dict[str, Any]:
            return engine.answer(line).contract()  # engines never raise: bad lines come back "rejected"

        run_batch(lines, handle)
        return
    assert question is not None
    if as_json:
        print_json(engine.answer(question).contract())
    else:
        _show(engine, question, cite=cite)


def chat_command() -> None:
    """终端多轮对话：可追问（“那北京呢？”“高级工呢？”）；空行或 exit/退出 结束，/new 重新开始。"""
    from assistant.models import Conversation

    engine = _engine(load_settings())
    conversation = Conversation()
    typer.echo("政策助手（输入问题；追问可直接说“那北京呢？”；/new 重新开始；空行或“退出”结束）")
    while True:
        try:
            line = input("\n问：")
        except (EOFError, KeyboardInterrupt):
            typer.echo()
            return
        text = line.strip()
        if not text or text.lower() in QUIT_WORDS:
            return
        if text == NEW_CONVERSATION:
            conversation = Conversation()
            typer.echo("已开始新的对话。")
            continue
        typer.echo("答：", nl=False)
        _show(engine, text, conversation)


def register(app: typer.Typer) -> None:
    app.command("ask")(ask_command)
    app.command("chat")(chat_command)
