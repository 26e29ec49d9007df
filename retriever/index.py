"""Ingest: parse → diff against the live generation → embed only new chunks → write and publish a new one.

Upsert semantics: chunk ids are content hashes. Unchanged input publishes nothing; an edited file changes only
its own chunks; a file gone from a scanned directory takes its chunks with it; explicitly named files only
replace/add those documents. Vectors of unchanged chunks are copied, never re-embedded.

A damaged live generation is never built on: the newest intact one is (its vectors reused), and a new
generation is published even when no document changed. ``rebuild=True`` ignores every existing generation.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from ingest.errors import IndexError_
from ingest.limits import IngestLimits
from ingest.models import Chunk, DocumentMeta
from ingest.settings import Settings
from retriever import generations as gens
from retriever.embedders import build_embedder
from retriever.integrity import DamagedIndexError
from retriever.lexical import Bm25Index, ChineseTokenizer, sentences
from retriever.models import IndexManifest
from retriever.protocols import Embedder
from retriever.store import VectorStore, drop_server_collections, unhashed_files

ProgressCallback = Callable[[int, int], None]  # (chunks embedded so far, chunks to embed)
EMBED_BATCH = 32
KEEP_PREVIOUS = 1  # the previous intact generation: readers still on it, and the fallback if the live one is damaged


class DocumentChange(BaseModel):
    model_config = ConfigDict(extra="forbid")

    doc_id: str
    title: str
    status: Literal["added", "changed", "unchanged", "removed"]
    chunks: int = Field(description="Chunks of this document in the index after the run (0 when removed).")
    added_chunks: int = 0
    removed_chunks: int = 0


class IngestProblem(BaseModel):
    model_config = ConfigDict(extra="forbid")

    path: str
    message_zh: str
    message_en: str = ""
    severity: Literal["error", "warning"] = "error"


class IngestReport(BaseModel):
    model_config = ConfigDict(extra="forbid")

    documents: list[DocumentChange] = Field(default_factory=list)
    problems: list[IngestProblem] = Field(default_factory=list)
    generation: str | None = Field(None, description="The live generation after the run.")
    published: bool = Field(False, description="True when this run published a new generation.")
    embedding_name: str
    chunk_count: int = 0
    embedded_chunks: int = 0
    reused_vectors: int = 0
    elapsed_s: float = 0.0

    @property
    def ok(self) -> bool:
        """At least one document was ingested (or confirmed unchanged) in this run."""
        return any(d.status != "removed" for d in self.documents)


def _in_scope(source_path: str, directories: list[Path]) -> bool:
    if not source_path:
        return False
    source = Path(source_path).resolve()
    return any(source.is_relative_to(d) for d in directories)


def _same_document(old: DocumentMeta, new: DocumentMeta) -> bool:
    """Equal apart from where the file lives: moving the corpus is not a change worth a new generation."""
    return old.model_dump(exclude={"source_path"}) == new.model_dump(exclude={"source_path"})


def _previous(settings: Settings) -> tuple[gens.StoredGeneration | None, str | None]:
    """The newest intact generation to build on, and (Chinese) why the live one must be replaced even when no
    document changed: it is damaged, or it predates file checksums."""
    try:
        previous = gens.open_live(settings.index_dir, lambda generation: generation)
    except DamagedIndexError as exc:
        return None, exc.zh  # nothing intact: everything is embedded again
    except IndexError_:
        return None, None  # no index yet
    if previous.warning:
        return previous, previous.warning
    if not previous.sealed:
        return previous, "索引是旧格式（没有文件校验和），已重新发布"
    return previous, None


def _plan(
    parsed: dict[str, tuple[DocumentMeta, list[Chunk]]],
    previous: gens.StoredGeneration | None,
    removable: Callable[[DocumentMeta], bool],
) -> tuple[list[DocumentMeta], list[Chunk], list[DocumentChange]]:
    """The next generation's documents and chunks, and what changed per document."""
    old_docs = {d.doc_id: d for d in previous.manifest.documents} if previous else {}
    old_chunks: dict[str, list[Chunk]] = {}
    for chunk in previous.chunks if previous else []:
        old_chunks.setdefault(chunk.doc_id, []).append(chunk)

    documents: list[DocumentMeta] = []
    chunks: list[Chunk] = []
    changes: list[DocumentChange] = []
    for doc_id, meta in old_docs.items():
        if doc_id in parsed:
            continue
        if removable(meta):
            count = len(old_chunks.get(doc_id, []))
            changes.append(
                DocumentChange(doc_id=doc_id, title=meta.title, status="removed", chunks=0, removed_chunks=count)
            )
        else:
            documents.append(meta)
            chunks.extend(old_chunks.get(doc_id, []))
    for doc_id, (meta, doc_chunks) in parsed.items():
        before = {c.id: c for c in old_chunks.get(doc_id, [])}
        after = {c.id: c for c in doc_chunks}
        if doc_id not in old_docs:
            status = "added"
        elif before == after and _same_document(old_docs[doc_id], meta):
            status = "unchanged"
        else:
            status = "changed"
        changes.append(
            DocumentChange(
                doc_id=doc_id,
                title=meta.title,
                status=status,
                chunks=len(doc_chunks),
                added_chunks=len(after.keys() - before.keys()),
                removed_chunks=len(before.keys() - after.keys()),
            )
        )
        documents.append(meta)
        chunks.extend(doc_chunks)
    return documents, chunks, changes


def _reusable_vectors(
    previous: gens.StoredGeneration | None, chunks: list[Chunk], embedder: Embedder, chroma_url: str | None
) -> dict[str, list[float]]:
    """Vectors of chunks whose embedded text is unchanged, from the live generation made by the same model."""
    if previous is None or previous.manifest.embedding_name != embedder.name:
        return {}
    old_text = {c.id: c.embed_text() for c in previous.chunks}
    wanted = [c.id for c in chunks if old_text.get(c.id) == c.embed_text()]
    if not wanted:
        return {}
    try:
        store = VectorStore.open(
            generation=previous.name, generation_dir=previous.directory, chroma_url=chroma_url, create=False
        )
        return store.vectors(wanted)
    except IndexError_:
        return {}


def _write_generation(
    settings: Settings,
    embedder: Embedder,
    documents: list[DocumentMeta],
    chunks: list[Chunk],
    reuse: dict[str, list[float]],
    progress: ProgressCallback | None,
    extra_files: dict[str, bytes] | None = None,
) -> tuple[str, int]:
    """Build a complete, fsynced generation directory (and server collection). Returns (name, embedded count)."""
    name = gens.new_generation_name()
    directory = settings.index_dir / name
    directory.mkdir(parents=True)
    store = VectorStore.open(
        generation=name, generation_dir=directory, chroma_url=settings.chroma_url, create=True, expected=len(chunks)
    )

    reused = [c for c in chunks if c.id in reuse]
    store.add(reused, [reuse[c.id] for c in reused])
    fresh = [c for c in chunks if c.id not in reuse]
    for start in range(0, len(fresh), EMBED_BATCH):
        batch = fresh[start : start + EMBED_BATCH]
        store.add(batch, embedder.embed_documents([c.embed_text() for c in batch]))
        if progress:
            progress(start + len(batch), len(fresh))
    store.finish()
    vector_count = store.count()
    if vector_count != len(chunks):
        raise IndexError_("写入向量数据时出错，原有索引保持不变。", f"{vector_count} vectors for {len(chunks)} chunks")

    tokenizer = ChineseTokenizer()
    Bm25Index.build([c.id for c in chunks], [tokenizer.tokenize(c.embed_text()) for c in chunks]).save(
        directory / gens.BM25_DIR
    )
    units = [(c.id, f"{c.clause_heading} {sentence}") for c in chunks for sentence in sentences(c.text)]
    Bm25Index.build([cid for cid, _ in units], [tokenizer.tokenize(sentence) for _, sentence in units]).save(
        directory / gens.SENTENCE_BM25_DIR
    )
    counts: dict[str, int] = {}
    for chunk in chunks:
        counts[chunk.doc_id] = counts.get(chunk.doc_id, 0) + 1
    manifest = IndexManifest(
        embedding_name=embedder.name,
        embedding_dimension=embedder.dimension,
        documents=documents,
        chunk_count=len(chunks),
        created_at=datetime.now(UTC).isoformat(timespec="seconds"),
        generation=name,
        document_chunk_counts=counts,
        store="server" if settings.chroma_url else "local",
        counts={"chunks": len(chunks), "vectors": vector_count, "bm25": len(chunks), "bm25_sentences": len(units)},
    )
    for file_name, payload in (extra_files or {}).items():  # e.g. rules.json (verified calculation rules)
        (directory / file_name).write_bytes(payload)  # written before the manifest, so sealed with the rest
    unhashed = frozenset() if settings.chroma_url else unhashed_files(vector_count)
    gens.write_generation_files(directory, chunks, manifest, unhashed=unhashed)
    del store  # release Chroma's handles before the files are fsynced
    gens.fsync_tree(directory)
    return name, len(fresh)


def _cleanup(settings: Settings, live: str, previous: str | None) -> None:
    keep = {live} | ({previous} if previous and KEEP_PREVIOUS else set())
    gens.remove_generations(settings.index_dir, gens.stale_generations(settings.index_dir, keep))
    if settings.chroma_url:
        drop_server_collections(settings.chroma_url, keep)


def ingest_paths(
    settings: Settings,
    paths: Sequence[Path | str] | None = None,
    progress: ProgressCallback | None = None,
    *,
    embedder: Embedder | None = None,
    rebuild: bool = False,
) -> IngestReport:
    """Ingest ``paths`` (default: the whole data dir) into a new index generation and publish it atomically.

    Raises ``IndexError_`` when another ingest is running. Never leaves the live index half-written: on any
    failure (or when no document could be parsed) the previous generation stays live. ``rebuild`` ignores the
    existing index (every chunk is embedded again).
    """
    from ingest.pipeline import parse_corpus

    started = time.perf_counter()
    embedder = embedder or build_embedder(settings)
    scope = [Path(p) for p in paths] if paths else [settings.data_dir]
    with gens.write_lock(settings.index_dir):
        gens.remove_generations(settings.index_dir, gens.incomplete_generations(settings.index_dir))
        previous, repair = (None, "按要求完全重建索引") if rebuild else _previous(settings)
        if paths and previous is None and repair and not rebuild:
            scope.append(settings.data_dir)  # nothing intact to keep the other documents from: re-read them all
        corpus = parse_corpus(scope, IngestLimits.from_settings(settings))
        problems = [
            IngestProblem(path=str(p.path), message_zh=p.message_zh, message_en=p.message_en, severity=p.severity)
            for p in corpus.problems
        ]
        if repair:
            problems.append(
                IngestProblem(
                    path=str(settings.index_dir), message_zh=repair, message_en="index rebuilt", severity="warning"
                )
            )
        parsed = {d.meta.doc_id: (d.meta, list(d.chunks)) for d in corpus.documents}
        # a document staff withdrew (sidecar status) leaves the index like a deleted file; file and sidecar stay
        withdrawn = {doc_id for doc_id, (meta, _) in parsed.items() if meta.status == "withdrawn"}
        parsed = {doc_id: parsed_doc for doc_id, parsed_doc in parsed.items() if doc_id not in withdrawn}
        report = IngestReport(
            problems=problems, embedding_name=embedder.name, generation=previous.name if previous else None
        )
        if not parsed and not withdrawn:
            report.chunk_count = previous.manifest.chunk_count if previous else 0
            report.elapsed_s = time.perf_counter() - started
            return report

        full_sync = not paths
        scanned_dirs = [p.resolve() for p in scope if p.is_dir()]
        failed = {Path(p.path).stem for p in corpus.problems if p.severity == "error"}

        def removable(meta: DocumentMeta) -> bool:
            # gone from the data dir (or from a directory named explicitly); a file that is still there but
            # failed to parse keeps its previous chunks
            in_scope = full_sync or _in_scope(meta.source_path, scanned_dirs)
            return meta.doc_id in withdrawn or (in_scope and meta.doc_id not in failed)

        documents, chunks, changes = _plan(parsed, previous, removable)
        if not documents:  # everything withdrawn: keep the live index rather than publish an empty one
            report.problems.append(
                IngestProblem(
                    path=str(settings.data_dir),
                    message_zh="没有在用的政策文件（全部已撤回），索引保持不变。",
                    message_en="no documents left in use; index unchanged",
                    severity="error",
                )
            )
            report.chunk_count = previous.manifest.chunk_count if previous else 0
            return report
        report.documents = changes
        report.chunk_count = len(chunks)
        from assistant.rules.store import RULES_FILE, rules_for_generation  # rules are verified against these chunks

        rules = rules_for_generation(documents, chunks)
        report.problems += [IngestProblem(**problem) for problem in rules.problems]
        same_model = previous is not None and previous.manifest.embedding_name == embedder.name
        unchanged_rules = rules.unchanged_in(previous.directory if previous else None)
        if same_model and not repair and unchanged_rules and all(c.status == "unchanged" for c in changes):
            report.elapsed_s = time.perf_counter() - started
            return report

        reuse = _reusable_vectors(previous, chunks, embedder, settings.chroma_url)
        name = None
        try:
            name, embedded = _write_generation(
                settings, embedder, documents, chunks, reuse, progress, {RULES_FILE: rules.payload}
            )
            gens.publish(settings.index_dir, name)
        except BaseException:
            if name is None or gens.read_current(settings.index_dir) != name:
                with contextlib.suppress(Exception):  # never mask the original failure
                    _cleanup(settings, live=previous.name if previous else "", previous=None)
            raise
        _cleanup(settings, live=name, previous=previous.name if previous else None)  # the last two intact ones
        report.generation = name
        report.published = True
        report.embedded_chunks = embedded
        report.reused_vectors = len(chunks) - embedded
        report.elapsed_s = time.perf_counter() - started
        return report
