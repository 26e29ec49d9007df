"""The Chroma vector store: a local ``PersistentClient`` per index generation, or one ``HttpClient`` server.

Locally each generation has its own ``chroma/`` directory; against a server each generation is a collection
``chunks_<generation>``. Either way the vectors of a generation are never modified after it goes live.
"""

from __future__ import annotations

from collections.abc import Set as AbstractSet
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from ingest.errors import IndexError_
from ingest.models import Chunk

LOCAL_COLLECTION = "chunks"
METADATA_FIELDS = ("doc_id", "region", "status")
_BATCH = 256
_MAX_ID_FILTER = 50_000  # above this an id list is no cheaper to send and resolve than a ``where``


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

    def __init__(self, collection: Any, *, local: bool = True) -> None:
        self._collection = collection
        self._local = local
        self._known_count: int | None = None  # a live generation's vectors never change; add() resets it

    @classmethod
    def open(cls, *, generation: str, generation_dir: Path, chroma_url: str | None, create: bool) -> VectorStore:
        if chroma_url:
            client = http_client(chroma_url)
            name = server_collection_name(generation)
        else:
            import chromadb

            client = chromadb.PersistentClient(path=str(generation_dir / "chroma"), settings=_chroma_settings())
            name = LOCAL_COLLECTION
        if create:
            collection = client.get_or_create_collection(
                name, metadata={"hnsw:space": "cosine"}, embedding_function=None
            )
        else:
            try:
                collection = client.get_collection(name, embedding_function=None)
            except Exception as exc:
                raise IndexError_(
                    "索引的向量数据缺失或已损坏，请重新运行 policy-assistant ingest。",
                    f"vector collection {name!r} missing: {exc}",
                ) from exc
        return cls(collection, local=not chroma_url)

    def count(self) -> int:
        return int(self._collection.count())

    def add(self, chunks: list[Chunk], vectors: list[list[float]]) -> None:
        try:
            for start in range(0, len(chunks), _BATCH):
                part = chunks[start : start + _BATCH]
                self._collection.add(
                    ids=[c.id for c in part],
                    embeddings=vectors[start : start + _BATCH],
                    metadatas=[{field: getattr(c, field) for field in METADATA_FIELDS} for c in part],
                )
        finally:
            self._known_count = None

    def vectors(self, ids: list[str]) -> dict[str, list[float]]:
        found: dict[str, list[float]] = {}
        for start in range(0, len(ids), _BATCH):
            result = self._collection.get(ids=ids[start : start + _BATCH], include=["embeddings"])
            for chunk_id, vector in zip(result["ids"], result["embeddings"], strict=True):
                found[chunk_id] = [float(x) for x in vector]
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
        result = self._collection.query(
            query_embeddings=[vector], n_results=min(limit, total), include=["distances"], **restriction
        )
        return list(result["ids"][0])


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
