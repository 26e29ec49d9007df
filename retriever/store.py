"""The Chroma vector store: a local ``PersistentClient`` per index generation, or one ``HttpClient`` server.

Locally each generation has its own ``chroma/`` directory; against a server each generation is a collection
``chunks_<generation>``. Either way the vectors of a generation are never modified after it goes live.

Local files are made final before publish, so the manifest can checksum them: Chroma persists its HNSW segment
files once the writes since its last persist reach the collection's ``hnsw:sync_threshold``, and replays whatever
is still pending on every later open (rewriting those files). ``add`` therefore holds back the last threshold's
worth of vectors and ``finish`` writes them in one call — nothing is left pending. ``chroma.sqlite3`` still gets
a lock row on every open, so it is checked by content (``check_local_database``), not by checksum.
"""

from __future__ import annotations

import contextlib
from collections.abc import Set as AbstractSet
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from ingest.errors import IndexError_
from ingest.models import Chunk
from retriever.integrity import REBUILD_HINT_EN, REBUILD_HINT_ZH, DamagedIndexError

LOCAL_COLLECTION = "chunks"
CHROMA_DIR = "chroma"
CHROMA_DATABASE = f"{CHROMA_DIR}/chroma.sqlite3"  # relative to the generation directory
METADATA_FIELDS = ("doc_id", "region", "status")
_BATCH = 256
_MAX_ID_FILTER = 50_000  # above this an id list is no cheaper to send and resolve than a ``where``
SYNC_THRESHOLD = 1000  # Chroma's default; the smallest collections use their own size (Chroma's minimum is 2)
_HNSW_BATCH = 100


def _chroma_settings() -> Any:
    from chromadb.config import Settings as ChromaSettings

    return ChromaSettings(anonymized_telemetry=False)


def http_client(url: str) -> Any:
    import chromadb

    parsed = urlparse(url)
    if parsed.scheme not in ("http", "https") or not parsed.hostname:
        raise IndexError_(
            f"POLICY_CHROMA_URL 格式不正确：{url}（应类似 http://127.0.0.1:8000）", f"bad chroma url {url!r}"
        )
    port = parsed.port or (443 if parsed.scheme == "https" else 8000)
    try:
        return chromadb.HttpClient(
            host=parsed.hostname, port=port, ssl=parsed.scheme == "https", settings=_chroma_settings()
        )
    except Exception as exc:  # connection refused, wrong server version...
        raise IndexError_(f"无法连接 Chroma 服务器：{url}", f"cannot reach chroma server at {url}: {exc}") from exc


class VectorStore:
    """One generation's collection: add vectors, read them back for reuse, query with metadata filters."""

    def __init__(self, collection: Any, *, local: bool = True, sync_threshold: int = SYNC_THRESHOLD) -> None:
        self._collection = collection
        self._local = local
        self._known_count: int | None = None  # a live generation's vectors never change; add() resets it
        self._sync_threshold = sync_threshold
        self._held: list[tuple[Chunk, list[float]]] = []  # written by finish() in one call

    @classmethod
    def open(
        cls, *, generation: str, generation_dir: Path, chroma_url: str | None, create: bool, expected: int = 0
    ) -> VectorStore:
        """Open a generation's collection; ``create`` makes a new one for ``expected`` vectors."""
        if chroma_url:
            client = http_client(chroma_url)
            name = server_collection_name(generation)
        else:
            import chromadb

            try:
                client = chromadb.PersistentClient(path=str(generation_dir / CHROMA_DIR), settings=_chroma_settings())
            except Exception as exc:  # an unreadable database file
                raise _damaged(f"Chroma database unreadable: {exc}") from exc
            name = LOCAL_COLLECTION
        threshold = max(2, min(SYNC_THRESHOLD, expected))
        if create:
            metadata = {"hnsw:space": "cosine", "hnsw:sync_threshold": threshold}
            metadata["hnsw:batch_size"] = min(_HNSW_BATCH, threshold)
            collection = client.get_or_create_collection(name, metadata=metadata, embedding_function=None)
        else:
            try:
                collection = client.get_collection(name, embedding_function=None)
            except Exception as exc:
                raise _damaged(f"vector collection {name!r} missing: {exc}") from exc
        return cls(collection, local=not chroma_url, sync_threshold=threshold)

    def count(self) -> int:
        try:
            return int(self._collection.count())
        except Exception as exc:
            raise _damaged(f"cannot count vectors: {exc}") from exc

    def add(self, chunks: list[Chunk], vectors: list[list[float]]) -> None:
        """Queue vectors; all but the last ``sync_threshold`` are written now, the rest by ``finish``."""
        self._held.extend(zip(chunks, vectors, strict=True))
        excess = len(self._held) - self._sync_threshold
        if excess > 0:
            self._write(self._held[:excess])
            del self._held[:excess]

    def finish(self) -> None:
        """Write the held vectors in one call, so Chroma persists everything and leaves nothing to replay."""
        held, self._held = self._held, []
        self._write(held, batch=max(len(held), 1))

    def _write(self, pairs: list[tuple[Chunk, list[float]]], batch: int = _BATCH) -> None:
        try:
            for start in range(0, len(pairs), batch):
                part = pairs[start : start + batch]
                self._collection.add(
                    ids=[c.id for c, _ in part],
                    embeddings=[v for _, v in part],
                    metadatas=[{field: getattr(c, field) for field in METADATA_FIELDS} for c, _ in part],
                )
        finally:
            self._known_count = None

    def vectors(self, ids: list[str]) -> dict[str, list[float]]:
        found: dict[str, list[float]] = {}
        try:
            for start in range(0, len(ids), _BATCH):
                result = self._collection.get(ids=ids[start : start + _BATCH], include=["embeddings"])
                for chunk_id, vector in zip(result["ids"], result["embeddings"], strict=True):
                    found[chunk_id] = [float(x) for x in vector]
        except Exception as exc:
            raise _damaged(f"cannot read vectors: {exc}") from exc
        return found

    def query(
        self, vector: list[float], *, limit: int, where: dict | None, allowed_ids: AbstractSet[str] | None = None
    ) -> list[str]:
        """Nearest chunk ids, best first; ``allowed_ids`` (the ids ``where`` selects) may be used instead of it."""
        if self._known_count is None:
            self._known_count = self.count()  # counting scans the whole collection: once, not per query
        total = self._known_count
        if total == 0 or limit <= 0:
            return []
        if self._local and allowed_ids is not None and len(allowed_ids) <= _MAX_ID_FILTER:
            # the same restriction, resolved ~2x faster by a local Chroma than a metadata ``where`` at 100k chunks
            restriction: dict[str, Any] = {"ids": sorted(allowed_ids)}
        else:
            restriction = {"where": where or None}
        try:
            result = self._collection.query(
                query_embeddings=[vector], n_results=min(limit, total), include=["distances"], **restriction
            )
        except Exception as exc:
            raise _damaged(f"vector query failed: {exc}") from exc
        return list(result["ids"][0])


def _damaged(detail: str) -> DamagedIndexError:
    return DamagedIndexError(f"索引的向量数据缺失或已损坏。{REBUILD_HINT_ZH}。", f"{detail}; {REBUILD_HINT_EN}")


def unhashed_files(vector_count: int) -> frozenset[str]:
    """Local Chroma files that change on every open, so the manifest records them without a checksum: the
    database (a lock row per open) and — below Chroma's minimum sync threshold of 2 — the HNSW segment files."""
    return frozenset({CHROMA_DATABASE} if vector_count >= 2 else {CHROMA_DIR})


def check_local_database(generation_dir: Path, chunk_ids: list[str]) -> str | None:
    """Content check of a generation's ``chroma.sqlite3`` (read-only): SQLite's ``quick_check`` and the stored
    vector ids == the chunk ids. Chinese reason on failure, else None. ~15 ms at 10k chunks."""
    import sqlite3

    path = generation_dir / CHROMA_DATABASE
    if not path.is_file():
        return f"缺少文件 {CHROMA_DATABASE}"
    try:
        with contextlib.closing(sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)) as database:
            verdict = [row[0] for row in database.execute("PRAGMA quick_check")]
            if verdict != ["ok"]:
                return f"向量数据库 {CHROMA_DATABASE} 已损坏（{'; '.join(map(str, verdict[:2]))}）"
            stored = [row[0] for row in database.execute("SELECT embedding_id FROM embeddings")]
    except sqlite3.Error as exc:
        return f"向量数据库 {CHROMA_DATABASE} 无法读取（{exc}）"
    if len(stored) != len(chunk_ids) or set(stored) != set(chunk_ids):
        return f"向量数据库中的向量（{len(stored)} 条）与条款（{len(chunk_ids)} 条）不一致"
    return None


def server_collection_name(generation: str) -> str:
    return f"chunks_{generation}"


def drop_server_collections(chroma_url: str, keep: set[str]) -> None:
    """Remove server collections of generations no longer kept (best effort)."""
    client = http_client(chroma_url)
    keep_names = {server_collection_name(g) for g in keep}
    for collection in client.list_collections():
        name = getattr(collection, "name", collection)
        if name.startswith("chunks_gen-") and name not in keep_names:
            client.delete_collection(name)


def where_clause(*, regions: list[str] | None, doc_ids: list[str] | None, statuses: list[str] | None) -> dict | None:
    """Chroma ``where`` for the metadata filters; ``None`` means no restriction."""
    parts = [
        {field: {"$in": list(values)}}
        for field, values in (("region", regions), ("doc_id", doc_ids), ("status", statuses))
        if values
    ]
    if not parts:
        return None
    return parts[0] if len(parts) == 1 else {"$and": parts}
