"""Index generations on disk: crash-safe publish, the single-writer lock, cleanup, and loading a snapshot.

Layout::

    INDEX_DIR/CURRENT                      name of the live generation (switched with os.replace)
    INDEX_DIR/.ingest.lock                 single-writer lock (readers never take it)
    INDEX_DIR/gen-<utc>-<rand>/chroma/     vectors (local mode; a server collection chunks_<gen> otherwise)
                               bm25/       bm25s index + chunk id order
                               chunks.jsonl every chunk record
                               manifest.json IndexManifest, written last

A generation is published only after every file in it is fsynced, so a reader (or the next start after a
``kill -9``) sees either the previous or the new generation, never a mix.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from ingest.errors import IndexError_
from ingest.models import Chunk
from retriever.models import IndexManifest

CURRENT_FILE = "CURRENT"
LOCK_FILE = ".ingest.lock"
MANIFEST_FILE = "manifest.json"
CHUNKS_FILE = "chunks.jsonl"
BM25_DIR = "bm25"
SENTENCE_BM25_DIR = "bm25_sentences"  # absent in generations written before sentence matching
GENERATION_PREFIX = "gen-"

NO_INDEX_ZH = "还没有建立索引，请先运行 policy-assistant ingest 导入政策文件。"


def new_generation_name() -> str:
    return f"{GENERATION_PREFIX}{datetime.now(UTC):%Y%m%dT%H%M%S%f}-{secrets.token_hex(3)}"


def read_current(index_dir: Path) -> str | None:
    try:
        name = (index_dir / CURRENT_FILE).read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        return None
    return name or None


@contextlib.contextmanager
def write_lock(index_dir: Path) -> Iterator[None]:
    """Exclusive ingest lock; a second writer is refused at once with a clear message."""
    from filelock import FileLock, Timeout

    index_dir.mkdir(parents=True, exist_ok=True)
    lock = FileLock(str(index_dir / LOCK_FILE), timeout=0)
    try:
        lock.acquire()
    except Timeout:
        raise IndexError_(
            "另一个导入任务正在运行，请等它结束后再试。", f"another ingest holds the lock in {index_dir}"
        ) from None
    try:
        yield
    finally:
        lock.release()


def _fsync_path(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def fsync_tree(root: Path) -> None:
    """fsync every file and directory below ``root`` (and ``root`` itself)."""
    for directory, _subdirs, files in os.walk(root, topdown=False):
        for name in files:
            _fsync_path(Path(directory) / name)
        _fsync_path(Path(directory))


def publish(index_dir: Path, generation: str) -> None:
    """Atomically make ``generation`` the live one."""
    temporary = index_dir / f"{CURRENT_FILE}.{secrets.token_hex(4)}.tmp"
    with open(temporary, "w", encoding="utf-8") as handle:
        handle.write(generation + "\n")
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temporary, index_dir / CURRENT_FILE)
    _fsync_path(index_dir)


def stale_generations(index_dir: Path, keep: set[str]) -> list[str]:
    if not index_dir.is_dir():
        return []
    return sorted(
        p.name
        for p in index_dir.iterdir()
        if p.is_dir() and p.name.startswith(GENERATION_PREFIX) and p.name not in keep
    )


def incomplete_generations(index_dir: Path) -> list[str]:
    """Generations left behind by a crashed or killed ingest (no manifest yet, never published)."""
    live = read_current(index_dir)
    return [
        name
        for name in stale_generations(index_dir, keep={live} if live else set())
        if not (index_dir / name / MANIFEST_FILE).exists()
    ]


def remove_generations(index_dir: Path, names: list[str]) -> None:
    for name in names:
        shutil.rmtree(index_dir / name, ignore_errors=True)
    for leftover in index_dir.glob(f"{CURRENT_FILE}.*.tmp"):
        leftover.unlink(missing_ok=True)


def write_generation_files(generation_dir: Path, chunks: list[Chunk], manifest: IndexManifest) -> None:
    with open(generation_dir / CHUNKS_FILE, "w", encoding="utf-8") as handle:
        for chunk in chunks:
            handle.write(chunk.model_dump_json() + "\n")
    # the manifest goes last: a generation without one is incomplete by construction
    (generation_dir / MANIFEST_FILE).write_text(manifest.model_dump_json(indent=2), encoding="utf-8")


@dataclass(frozen=True)
class StoredGeneration:
    """A published generation's records (vectors and BM25 are opened separately, only when searching)."""

    name: str
    directory: Path
    manifest: IndexManifest
    chunks: list[Chunk]


def load_generation(index_dir: Path, name: str | None = None) -> StoredGeneration:
    """The live generation (or ``name``); a clear error when none exists or it is damaged."""
    name = name or read_current(index_dir)
    if name is None:
        raise IndexError_(NO_INDEX_ZH, f"no index in {index_dir}; run `policy-assistant ingest`")
    directory = index_dir / name
    try:
        manifest = IndexManifest.model_validate_json((directory / MANIFEST_FILE).read_text(encoding="utf-8"))
        with open(directory / CHUNKS_FILE, encoding="utf-8") as handle:
            chunks = [Chunk.model_validate_json(line) for line in handle if line.strip()]
    except (OSError, ValueError) as exc:
        raise IndexError_(
            "索引文件缺失或已损坏，请重新运行 policy-assistant ingest。", f"index generation {name} unreadable: {exc}"
        ) from exc
    return StoredGeneration(name=name, directory=directory, manifest=manifest, chunks=chunks)
