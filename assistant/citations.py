"""Citations: numbered, verbatim clauses and the quoted sentences an answer shows from them."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from assistant.models import Citation
from ingest.models import STATUS_LABELS, Chunk, DocumentMeta
from retriever.models import chunk_heading

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
        heading=chunk_heading(chunk),
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


OMISSION = "……"


def mark_omissions(text: str, quote: str) -> str:
    """``quote`` (sentences of ``text`` joined verbatim, as ``best_sentences`` returns them) with “……” wherever
    ``text`` has words between two quoted sentences. A quote that is not made of the clause's sentences in
    order is returned unchanged."""
    pieces = sentences(quote)
    out: list[str] = []
    cursor = 0
    for piece in pieces:
        found = text.find(piece.strip(), cursor)
        if found < 0:
            return quote
        if out and text[cursor:found].strip():
            out.append(OMISSION)
        out.append(piece.strip())
        cursor = found + len(piece.strip())
    return "".join(out) or quote


def format_citation(citation: Citation, quote: str | None = None) -> str:
    """The standard citation, the same on the page, the copy button and ``--cite``:

    ``《标题》（文号）条款路径 条款标题：“原文”（效力，发布日期）`` — （文号） only when the document has one, the
    heading only when it adds something to the path, “……” where ``quote`` leaves words of the clause out. A title
    quoting another title keeps its inner marks as 〈〉 (书名号 nesting); line breaks in the text become spaces so
    the citation pastes as one line.
    """
    title = citation.title.replace("《", "〈").replace("》", "〉")
    number = f"（{citation.doc_number}）" if citation.doc_number else ""
    path = citation.clause or CLAUSE_PREAMBLE
    heading = (citation.heading or "").strip()
    where = f"{path} {heading}" if heading and heading != path else path
    body = " ".join((citation.text if quote is None else mark_omissions(citation.text, quote)).split())
    facts = [STATUS_LABELS.get(citation.status or "", ""), citation.publish_date or ""]
    tail = "，".join(fact for fact in facts if fact)
    return f"《{title}》{number}{where}：“{body}”" + (f"（{tail}）" if tail else "")


def citation_from_record(item: Mapping[str, Any], n: int = 1) -> Citation:
    """A citation from a search or ask JSON item (``clause`` or a calculator's ``clause_path``)."""
    clause = item.get("clause")
    if clause is None:
        clause = item.get("clause_path", "")
    return Citation(
        n=max(1, int(item.get("n") or n)), doc_id=str(item.get("doc_id") or ""), title=str(item.get("title") or ""),
        doc_number=item.get("doc_number") or None, clause=clause_label(str(clause or "")),
        heading=str(item.get("heading") or ""), text=str(item.get("text") or ""), region=item.get("region"),
        publish_date=item.get("publish_date"), status=item.get("status"),
    )
