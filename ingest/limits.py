"""Resource limits for parsing untrusted policy files, taken from ``Settings`` at the edge.

Each exceeded limit is a ``DocumentError`` whose Chinese message names the file, the limit and the setting
that raises it; the other files of the run are still ingested.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from ingest.errors import DocumentError
from ingest.settings import Settings


class IngestLimits(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    max_file_bytes: int
    max_unzipped_bytes: int
    max_document_chars: int
    max_paragraphs: int
    max_pdf_pages: int
    max_chunks_per_document: int
    max_parse_seconds: float
    max_files_per_ingest: int

    @classmethod
    def from_settings(cls, settings: Settings) -> IngestLimits:
        return cls(**{name: getattr(settings, name) for name in cls.model_fields})

    @classmethod
    def defaults(cls) -> IngestLimits:
        """The documented defaults (no environment read), for library callers that pass no limits."""
        return cls.from_settings(Settings.model_construct())


def size_text(size: int) -> str:
    """1.5 MB / 12.0 KB / 900 字节."""
    if size >= 1024 * 1024:
        return f"{size / 1024 / 1024:.1f} MB"
    return f"{size / 1024:.1f} KB" if size >= 1024 else f"{size} 字节"


def exceeded(name: str, what_zh: str, actual: str, limit: str, setting: str) -> DocumentError:
    """E.g. ``文档段落过多：a.docx（20000 段，上限 10000 段，可用 POLICY_MAX_PARAGRAPHS 调整）``."""
    return DocumentError(
        f"{what_zh}：{name}（{actual}，上限 {limit}，可用 {setting} 调整）",
        f"{name}: limit {setting} exceeded ({actual} > {limit})",
    )


def _check_count(name: str, count: int, limit: int, *, what_zh: str, unit: str, setting: str) -> None:
    if count > limit:
        raise exceeded(name, what_zh, f"{count} {unit}", f"{limit} {unit}", setting)


def check_chars(name: str, count: int, limits: IngestLimits) -> None:
    _check_count(
        name, count, limits.max_document_chars, what_zh="文档文字过多", unit="字", setting="POLICY_MAX_DOCUMENT_CHARS"
    )


def check_paragraphs(name: str, count: int, limits: IngestLimits) -> None:
    _check_count(name, count, limits.max_paragraphs, what_zh="文档段落过多", unit="段", setting="POLICY_MAX_PARAGRAPHS")


def check_pages(name: str, count: int, limits: IngestLimits) -> None:
    _check_count(name, count, limits.max_pdf_pages, what_zh="PDF 页数过多", unit="页", setting="POLICY_MAX_PDF_PAGES")


def check_chunks(name: str, count: int, limits: IngestLimits) -> None:
    _check_count(
        name,
        count,
        limits.max_chunks_per_document,
        what_zh="文档切分出的条款块过多",
        unit="块",
        setting="POLICY_MAX_CHUNKS_PER_DOCUMENT",
    )
