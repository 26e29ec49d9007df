"""``policy-assistant ingest [PATH...]`` and ``policy-assistant docs``."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ingest.errors import PolicyAssistantError
from ingest.models import LEVEL_LABELS, STATUS_LABELS
from ui.cli_common import fail, fail_from, load_settings, print_json, warn_index_problem

CHANGE_LABELS = {"added": "新增", "changed": "更新", "unchanged": "未变", "removed": "移除"}


class _ProgressBar:
    """tqdm on stderr, created on the first embedding batch (nothing shown when every vector is reused)."""

    def __init__(self) -> None:
        self._bar = None

    def __call__(self, done: int, total: int) -> None:
        if self._bar is None:
            from tqdm import tqdm

            self._bar = tqdm(total=total, desc="生成向量", unit="条", leave=False)
        self._bar.update(done - self._bar.n)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()


def ingest_command(
    paths: Annotated[list[Path] | None, typer.Argument(help="文件或目录（默认：POLICY_DATA_DIR）。")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="以 JSON 输出导入报告。")] = False,
    rebuild: Annotated[
        bool, typer.Option("--rebuild", help="不沿用现有索引，全部重新解析和生成向量（索引损坏时使用）。")
    ] = False,
) -> None:
    """导入政策文件，建立或更新检索索引（可重复运行，未变的内容不会重复处理；损坏的索引会自动重建）。"""
    from retriever.index import ingest_paths

    settings = load_settings()
    progress = _ProgressBar()
    try:
        report = ingest_paths(settings, paths or None, progress=progress, rebuild=rebuild)
    except PolicyAssistantError as error:
        fail_from(error)
    except OSError as error:  # unwritable or full disk: say where, never a traceback
        fail(
            f"无法写入索引目录 {settings.index_dir}：{error.strerror or error}",
            f"cannot write the index in {settings.index_dir}: {error}",
        )
    finally:
        progress.close()
    for problem in report.problems:
        label = "提示" if problem.severity == "warning" else "问题"
        typer.echo(f"{label}：{problem.path}：{problem.message_zh}", err=True)
    if as_json:
        print_json(report.model_dump(mode="json") | {"ok": report.ok})
    else:
        for change in report.documents:
            typer.echo(f"  {CHANGE_LABELS[change.status]}  {change.doc_id}  {change.chunks} 条")
        state = "已发布新索引版本" if report.published else "索引无需变更"
        typer.echo(
            f"{state}：{report.generation or '无'}（共 {report.chunk_count} 条，"
            f"新生成向量 {report.embedded_chunks} 条，复用 {report.reused_vectors} 条，用时 {report.elapsed_s:.1f} 秒）"
        )
    if not report.ok:
        fail("没有任何文件导入成功，原有索引保持不变。", "nothing could be ingested; the previous index is unchanged")


def docs_command(as_json: Annotated[bool, typer.Option("--json", help="以 JSON 输出。")] = False) -> None:
    """列出已导入的政策文件（标题、文号、地区、层级、日期、效力、条款数）。"""
    from retriever.generations import open_live

    settings = load_settings()
    try:
        generation = open_live(settings.index_dir, lambda opened: opened)
    except PolicyAssistantError as error:
        fail_from(error)
    warn_index_problem(generation.warning)
    manifest = generation.manifest
    rows = [
        doc.model_dump(mode="json") | {"chunks": manifest.document_chunk_counts.get(doc.doc_id, 0)}
        for doc in manifest.documents
    ]
    if as_json:
        print_json(
            {
                "generation": manifest.generation,
                "created_at": manifest.created_at,
                "embedding_name": manifest.embedding_name,
                "embedding_dimension": manifest.embedding_dimension,
                "chunk_count": manifest.chunk_count,
                "documents": rows,
                "index_problem": generation.warning,
            }
        )
        return
    typer.echo(f"已导入 {len(rows)} 份文件，共 {manifest.chunk_count} 条（索引 {manifest.created_at}）")
    for doc in manifest.documents:
        typer.echo(
            f"- {doc.citation_title()} {doc.doc_number or '（无文号）'} | {doc.region} | {LEVEL_LABELS[doc.level]} | "
            f"{doc.publish_date or '日期未知'} | {STATUS_LABELS[doc.status]} | "
            f"{manifest.document_chunk_counts.get(doc.doc_id, 0)} 条 | {doc.doc_id}"
        )


def register(app: typer.Typer) -> None:
    app.command("ingest")(ingest_command)
    app.command("docs")(docs_command)

