"""Citations: numbered, verbatim clauses and the quoted sentences an answer shows from them."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from assistant.models import Citation
from ingest.models import Chunk, DocumentMeta

_SENTENCE_END = re.compile(r"(?<=[。！？；;!?])")
CLAUSE_PREAMBLE = "前言"


_DUTY_NOTE = re.compile(r"^\s*[（(].*(责任单位|负责)")


def sentences(text: str) -> list[str]:
    """Verbatim sentences of a clause (split after 。！？；), whitespace-only pieces dropped."""
    return [piece for piece in _SENTENCE_END.split(text) if piece.strip()]


def best_sentences(text: str, score: Callable[[str], float], limit: int = 2) -> str:
    """The ``limit`` best-scoring sentences of ``text``, in reading order, joined verbatim.

    Trailing "（责任单位：…）" notes are never quoted: they name departments, not rules."""
    parts = [part for part in sentences(text) if not _DUTY_NOTE.match(part)] or sentences(text)
    if len(parts) <= limit:
        return "".join(parts).strip()
    ranked = sorted(range(len(parts)), key=lambda i: (-score(parts[i]), i))[:limit]
    chosen = [parts[i] for i in sorted(ranked) if score(parts[i]) > 0] or [parts[ranked[0]]]
    return "".join(chosen).strip()


def clause_label(path: str) -> str:
    return path or CLAUSE_PREAMBLE


def citation_from_chunk(n: int, chunk: Chunk) -> Citation:
    return Citation(
        n=n,
        chunk_id=chunk.id,
        doc_id=chunk.doc_id,
        title=chunk.title,
        doc_number=chunk.doc_number,
        clause=clause_label(chunk.clause_path),
        text=chunk.text,
        region=chunk.region,
        publish_date=chunk.publish_date,
        status=chunk.status,
    )


def citation_from_clause(
    n: int, *, doc_id: str, title: str, doc_number: str | None, clause_path: str, text: str,
    documents: dict[str, DocumentMeta], chunks: Iterable[Chunk] = (),
) -> Citation:
    """A calculator-quoted clause; the full clause text comes from the index when a chunk there holds the quote."""
    meta = documents.get(doc_id)
    squeezed = _squeeze(text)
    full = next((c for c in chunks if c.clause_path == clause_path and squeezed in _squeeze(c.text)), None)
    if full is not None:
        return citation_from_chunk(n, full)
    return Citation(
        n=n, doc_id=doc_id, title=title, doc_number=doc_number, clause=clause_label(clause_path), text=text,
        region=meta.region if meta else None,
        publish_date=meta.publish_date.isoformat() if meta and meta.publish_date else None,
        status=meta.status if meta else None,
    )


def _squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text).replace(",", "，").replace("(", "（").replace(")", "）")


def doc_label(meta: DocumentMeta) -> str:
    """《标题》（文号） — how answers name a document."""
    number = f"（{meta.doc_number}）" if meta.doc_number else ""
    return f"《{meta.title}》{number}"


def quote_line(citation: Citation, quote: str) -> str:
    """``[1]《标题》三、（一）3：“…”`` — one line under 依据."""
    return f"[{citation.n}]{citation.label}：“{quote}”"
