"""Ingest pipeline: files → ParsedDocument (metadata, chunks, outline) → ParsedCorpus.

``parse_corpus`` never stops at one bad file: it records a ``FileProblem`` (Chinese message naming the file)
and continues, so the user sees every problem and still gets the good documents. Files are parsed within the
``IngestLimits`` (size, unzipped size, paragraphs, pages, chunks) in a worker process that is stopped when a
file takes longer than ``max_parse_seconds`` (``ingest.isolation``).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from ingest.chunker import chunk_document
from ingest.clauses import ClauseTree, OutlineNode, outline, parse_clauses
from ingest.errors import DocumentError
from ingest.limits import IngestLimits, check_chunks, check_paragraphs
from ingest.loaders import SUPPORTED_SUFFIXES, load
from ingest.metadata import (
    SIDECAR_SUFFIX,
    SidecarError,
    TextClues,
    build_meta,
    link_supersessions,
    metadata_warnings,
    read_sidecar,
    sidecar_path,
)
from ingest.models import Chunk, DocumentMeta
from ingest.normalize import NormalizedText, normalize_blocks
from ingest.trust import TrustClassifier, flag_messages, mark_chunks

__all__ = [
    "FileProblem",
    "OutlineNode",
    "ParsedCorpus",
    "ParsedDocument",
    "discover",
    "parse_corpus",
    "parse_document",
]


class FileProblem(BaseModel):
    model_config = ConfigDict(extra="forbid")

    path: str
    message_zh: str
    message_en: str
    severity: Literal["error", "warning"] = Field(
        "error", description="error: the file was skipped; warning: ingested, but something needs attention."
    )


class ParsedDocument(BaseModel):
    model_config = ConfigDict(extra="forbid")

    meta: DocumentMeta
    chunks: list[Chunk]
    outline: list[OutlineNode] = Field(description="Clause tree for display.")
    display_text: str = Field("", description="Repaired text; every clause chunk's text is a substring of it.")
    repairs: list[str] = Field(default_factory=list, description="What normalization changed, in Chinese.")
    problems: list[FileProblem] = Field(default_factory=list, description="Warnings (sidecar missing/malformed).")


class ParsedCorpus(BaseModel):
    model_config = ConfigDict(extra="forbid")

    documents: list[ParsedDocument]
    problems: list[FileProblem]

    @property
    def chunks(self) -> list[Chunk]:
        return [chunk for document in self.documents for chunk in document.chunks]


def discover(paths: list[Path]) -> list[Path]:
    """Directories → supported files (.txt .md .docx .pdf), sorted; sidecars and hidden files skipped.

    Explicit file paths are kept whatever their suffix so that parse_corpus can report unsupported ones."""
    found: set[Path] = set()
    for path in paths:
        if path.is_dir():
            found.update(
                child
                for child in path.rglob("*")
                if child.is_file()
                and child.suffix.lower() in SUPPORTED_SUFFIXES
                and not child.name.startswith((".", "~$"))
            )
        elif not path.name.endswith(SIDECAR_SUFFIX):
            found.add(path)
    return sorted(found)


def _clues(text: NormalizedText, tree: ClauseTree) -> TextClues:
    return TextClues(
        header_lines=[text.paras[i].text for i in tree.header],
        closing_lines=[text.paras[i].text for i in tree.closing],
        body_text=text.display_text,
    )


def _metadata(path: Path, clues: TextClues, today: date | None) -> tuple[DocumentMeta, list[FileProblem]]:
    """Sidecar wins; a missing or malformed sidecar falls back to heuristics with a warning naming the file."""
    sidecar_name = sidecar_path(path).name
    try:
        sidecar = read_sidecar(path)
        meta = build_meta(path, clues, sidecar, today=today)
    except SidecarError as exc:
        meta = build_meta(path, clues, None, today=today)
        return meta, [
            FileProblem(
                path=str(sidecar_path(path)),
                message_zh=f"{exc.zh}；{path.name} 已改用从正文推断的元数据导入",
                message_en=f"{exc.en}; {path.name} ingested with metadata guessed from the text",
                severity="warning",
            )
        ]
    if sidecar is None:
        return meta, [
            FileProblem(
                path=str(path),
                message_zh=f"未找到元数据文件 {sidecar_name}：{path.name} 的标题、文号、地区等已从正文推断，请核对",
                message_en=f"no sidecar {sidecar_name}: metadata of {path.name} guessed from the text",
                severity="warning",
            )
        ]
    return meta, []


def parse_document(
    path: Path,
    limits: IngestLimits | None = None,
    *,
    today: date | None = None,
    trust: TrustClassifier | None = None,
) -> ParsedDocument:
    """Parse one file (in this process); raises ``DocumentError`` (Chinese message naming the file) if it cannot
    be ingested or exceeds a limit.

    ``today`` (default: the real date) decides in_force/expired from the document's effective dates; ``trust``
    (default: the bundled vocabulary) flags clauses addressed to a reader."""
    limits = limits or IngestLimits.defaults()
    if not path.exists():
        raise DocumentError(f"文件不存在：{path}", f"no such file: {path}")
    loaded = load(path, limits)
    text = normalize_blocks(loaded.blocks, markdown=loaded.markdown)
    if not text.paras:
        raise DocumentError(f"文件没有可用的正文：{path.name}", f"no usable text: {path.name}")
    check_paragraphs(path.name, len(text.paras), limits)
    tree = parse_clauses(text.paras)
    meta, problems = _metadata(path, _clues(text, tree), today)
    problems += [
        FileProblem(path=str(path), message_zh=zh, message_en=en, severity="warning")
        for zh, en in metadata_warnings(meta)
    ]
    chunks = chunk_document(meta, text.paras, tree)
    if not chunks:
        raise DocumentError(f"文件没有可检索的条款内容：{path.name}", f"no clause content: {path.name}")
    check_chunks(path.name, len(chunks), limits)  # before the per-chunk trust classification
    chunks = mark_chunks(chunks, trust or TrustClassifier.load())
    problems += [
        FileProblem(path=str(path), message_zh=zh, message_en=en, severity="warning")
        for zh, en in flag_messages(path.name, chunks)  # clauses addressed to a reader, for staff
    ]
    return ParsedDocument(
        meta=meta,
        chunks=chunks,
        outline=outline(tree) if tree.structured else [],
        display_text=text.display_text,
        repairs=[*text.repairs, *tree.notes],
        problems=problems,
    )


def parse_corpus(
    paths: list[Path],
    limits: IngestLimits | None = None,
    *,
    today: date | None = None,
    trust: TrustClassifier | None = None,
) -> ParsedCorpus:
    """Parse every discovered file; one bad file becomes a FileProblem, the rest still parse."""
    from ingest.isolation import ParseWorker

    limits = limits or IngestLimits.defaults()
    documents: list[ParsedDocument] = []
    problems: list[FileProblem] = []
    files = discover(paths)
    for path in files[limits.max_files_per_ingest :]:
        problems.append(
            FileProblem(
                path=str(path),
                message_zh=f"单次导入的文件过多，未导入：{path.name}（本次 {len(files)} 个文件，上限 "
                f"{limits.max_files_per_ingest} 个，可用 POLICY_MAX_FILES_PER_INGEST 调整）",
                message_en=f"{path.name}: more than {limits.max_files_per_ingest} files in one ingest",
            )
        )
    with ParseWorker(limits, today=today, trust=trust or TrustClassifier.load()) as worker:
        for path in files[: limits.max_files_per_ingest]:
            try:
                document = worker.parse(path)
            except DocumentError as exc:
                problems.append(FileProblem(path=str(path), message_zh=exc.zh, message_en=exc.en or exc.zh))
                continue
            documents.append(document)
            problems.extend(document.problems)
    seen: dict[str, str] = {}
    for document in documents:
        doc_id = document.meta.doc_id
        if doc_id in seen:  # same stem in two folders or two formats: ids would collide in the index
            problems.append(
                FileProblem(
                    path=document.meta.source_path,
                    message_zh=f"文档编号重复：{doc_id}（已有 {seen[doc_id]}），请重命名其中一个文件",
                    message_en=f"duplicate doc_id {doc_id} (also {seen[doc_id]})",
                )
            )
        seen.setdefault(doc_id, document.meta.source_path)
    unique = link_supersessions([d for d in documents if seen[d.meta.doc_id] == d.meta.source_path])
    return ParsedCorpus(documents=unique, problems=problems)
