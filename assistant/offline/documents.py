"""Questions about a document itself — still in force? replaced by what? which 文号, who issued it, when — answered
from its metadata, citing its opening (the preamble names basis and approval)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from assistant.citations import citation_from_chunk, doc_label, sentences
from assistant.models import Answer, Citation
from assistant.offline import compose, selection
from assistant.offline.evidence import Evidence
from assistant.offline.transition import states_transition
from ingest.knowledge import Transition
from ingest.models import STATUS_LABELS, Chunk, DocumentMeta
from ingest.normalize import normalize_doc_number
from ingest.validity import DOC_NUMBER, states_validity
from retriever.understanding import Understanding

if TYPE_CHECKING:
    from assistant.offline.engine import OfflineEngine

FULL_STOPS = ("。", "！", "？")


class DocumentAnswers:
    def __init__(self, engine: OfflineEngine) -> None:
        self.engine = engine

    def wanted(self, understanding: Understanding) -> bool:
        """Status and metadata questions; a basis question (照着哪个文件出的) is answered by the document's preamble,
        quoted through the evidence."""
        return any(understanding.has(i) for i in ("status", "metadata"))

    def targets(
        self, understanding: Understanding, regions: list[str] | None, evidence: Callable[[], list[Evidence]]
    ) -> list[DocumentMeta]:
        """The documents asked about: named ones; else the old one of the region (老文件还有效吗); else the document
        of the best supported clause."""
        documents = self.engine.documents()
        named = [d for d in documents if d.doc_id in understanding.doc_ids]
        if named:
            return named
        in_scope = [d for d in documents if regions is None or d.region in regions]
        if understanding.has("old_policy"):
            old = [d for d in in_scope if d.status in ("superseded", "expired")]
            if len(old) == 1:
                return old
        found = evidence()
        if found:
            meta = self.engine.meta(found[0].chunk.doc_id)
            return [meta] if meta else []
        return []

    def repealed(self, understanding: Understanding) -> list[tuple[str, DocumentMeta]]:
        """文号 the question names that no library document has, each with the library document declaring it repealed
        (原《…》（文号）同时废止): the old document is answered through the one that repealed it."""
        documents = self.engine.documents()
        held = [normalize_doc_number(d.doc_number) for d in documents if d.doc_number]
        found: list[tuple[str, DocumentMeta]] = []
        for match in DOC_NUMBER.finditer(understanding.normalized):
            written = normalize_doc_number(match.group(0))
            if any(written.endswith(number) for number in held):
                continue
            for meta in documents:
                number = next((n for n in meta.supersedes if written.endswith(normalize_doc_number(n))), None)
                if number is not None:
                    found.append((normalize_doc_number(number), meta))
                    break
        return found

    def repealed_answer(self, question: str, repealed: list[tuple[str, DocumentMeta]]) -> Answer:
        lines: list[str] = []
        citations = []
        for number, meta in repealed:
            clause = next((c for c in self.engine.chunks(meta.doc_id) if number in normalize_doc_number(c.text)), None)
            if clause is None:
                continue
            citations.append(citation_from_chunk(len(citations) + 1, clause))
            lines.append(compose.repealed_note(number, meta, citations[-1].n))
        quotes = [(c, c.text) for c in citations]
        text = compose.join("\n".join(lines), compose.basis(quotes))
        return Answer(question=question, status="answered", answer=text, citations=citations)

    def validity_clause(self, meta: DocumentMeta) -> tuple[Chunk, str] | None:
        """The last clause of the document stating when it takes effect or ends, with those sentences (a notice
        issuing a 办法 closes with the 办法's own final article, which is the one that counts)."""
        for chunk in reversed(self.engine.chunks(meta.doc_id)):
            found = [i for i, piece in enumerate(selection.pieces(chunk.text)) if states_validity(piece)]
            if found:
                return chunk, selection.quote(chunk.text, found)
        return None

    def answer(self, question: str, understanding: Understanding, targets: list[DocumentMeta]) -> Answer:
        lines: list[str] = []
        citations = []
        quotes = []
        for meta in targets:
            lines.extend(self.describe(meta, understanding))
            preamble = next((c for c in self.engine.chunks(meta.doc_id) if c.kind == "preamble"), None)
            if preamble is None and self.engine.chunks(meta.doc_id):
                preamble = self.engine.chunks(meta.doc_id)[0]
            if preamble is not None:
                citations.append(citation_from_chunk(len(citations) + 1, preamble))
                quotes.append((citations[-1], preamble.text[:120] + ("……" if len(preamble.text) > 120 else "")))
            stated = self.validity_clause(meta) if understanding.has("status") or understanding.has("metadata") \
                else None
            if stated is not None:  # the document's own words on when it applies (自…起施行，有效期5年)
                chunk, sentences = stated
                citations.append(citation_from_chunk(len(citations) + 1, chunk))
                lines.append(f"文件原文：“{sentences}”[{citations[-1].n}]")
                quotes.append((citations[-1], sentences))
            for newer in meta.superseded_by if understanding.has("status") else ():
                # 原来的规定还能用吗: the replacing document's rule for cases begun under this one
                cite_transition(self.engine.chunks(newer), self.engine.knowledge.answers.transition, citations,
                                lines, quotes)
        text = compose.join("\n".join(lines), compose.basis(quotes))
        return Answer(question=question, status="answered", answer=text, citations=citations)

    def describe(self, meta: DocumentMeta, understanding: Understanding) -> list[str]:
        documents = {d.doc_id: d for d in self.engine.documents()}
        label = f"{compose.region_phrase(meta.region)}{doc_label(meta)}"
        lines = []
        if understanding.has("metadata") or understanding.has("basis"):
            lines.append(compose.metadata_line(meta, label))
        if understanding.has("status") or not lines:
            until = f"（有效期至{compose.cn_date(meta.effective_to)}）" if meta.effective_to else ""
            lines.append(f"{label}的效力状态：{STATUS_LABELS.get(meta.status, meta.status)}{until}。")
        newer = [documents[d] for d in meta.superseded_by if d in documents]
        older = [d for d in documents.values() if meta.doc_id in d.superseded_by]
        if newer:
            lines.append(compose.replaced_by_note(newer, meta))
        if older:
            lines.append("它取代（或更新）了较早的" + "、".join(f"{doc_label(d)}（{d.year}年）" for d in older) + "。")
        if meta.note:
            lines.append(meta.note)
        return lines


def transition_of(chunks: list[Chunk], transition: Transition) -> tuple[Chunk, str] | None:
    """The first clause of a document stating how cases begun under the rule it replaces are handled (本办法施行前
    已取得…的，可于某日前按原政策标准申领), with those sentences; None if it states none."""
    for chunk in chunks:
        parts = sentences(chunk.text)
        first = next((i for i, part in enumerate(parts) if states_transition(part, transition)), None)
        if first is None:
            continue
        last = next((i for i in range(first, len(parts)) if parts[i].rstrip().endswith(FULL_STOPS)), len(parts) - 1)
        return chunk, "".join(parts[first: last + 1]).strip()  # to the sentence's full stop (…申领；逾期未申领的，…。)
    return None


def cite_transition(chunks: list[Chunk], transition: Transition, citations: list[Citation], lines: list[str],
                    quotes: list[tuple[Citation, str]]) -> None:
    """A replacing document's transitional rule (``transition_of`` over its ``chunks``) as a cited 过渡安排 line,
    unless it states none or that clause is cited already."""
    found = transition_of(chunks, transition)
    if found is None or any((c.doc_id, c.clause) == (found[0].doc_id, found[0].clause_path) for c in citations):
        return
    chunk, said = found
    citations.append(citation_from_chunk(len(citations) + 1, chunk))
    lines.append(compose.transition_line(said, citations[-1].n))
    quotes.append((citations[-1], said))
