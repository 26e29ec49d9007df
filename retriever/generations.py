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

Damage after publish (a truncated, overwritten or deleted file, a broken ``CURRENT``) is caught when a generation
is opened: the manifest records every file's size and sha256 (``retriever.integrity``) and the Chroma database is
checked by content. ``open_live`` then falls back to the newest intact generation — ingest keeps the last two
published — with a Chinese warning, or raises ``DamagedIndexError`` saying how to rebuild.
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
import secrets
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TypeVar

from ingest.errors import IndexError_
from ingest.models import Chunk
from retriever import integrity
from retriever.integrity import REBUILD_HINT_EN, REBUILD_HINT_ZH, DamagedIndexError
from retriever.models import IndexManifest
from retriever.store import check_local_database

CURRENT_FILE = "CURRENT"
LOCK_FILE = ".ingest.lock"
MANIFEST_FILE = "manifest.json"
CHUNKS_FILE = "chunks.jsonl"
BM25_DIR = "bm25"
SENTENCE_BM25_DIR = "bm25_sentences"  # absent in generations written before sentence matching
GENERATION_PREFIX = "gen-"

NO_INDEX_ZH = "还没有建立索引，请先运行 policy-assistant ingest 导入政策文件。"
_NAME = re.compile(r"gen-[0-9A-Za-z]+-[0-9a-f]+")
T = TypeVar("T")
log = logging.getLogger(__name__)


def new_generation_name() -> str:
    return f"{GENERATION_PREFIX}{datetime.now(UTC):%Y%m%dT%H%M%S%f}-{secrets.token_hex(3)}"


def current_state(index_dir: Path) -> tuple[str | None, str | None]:
    """(generation named by ``CURRENT``, Chinese problem): (None, None) when there is no ``CURRENT`` at all."""
    path = index_dir / CURRENT_FILE
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return None, None
    except OSError:
        return None, "索引指针文件 CURRENT 无法读取"
    try:
        name = raw.decode("utf-8").strip()
    except UnicodeDecodeError:
        name = ""
    if not _NAME.fullmatch(name):
        return None, "索引指针文件 CURRENT 已损坏"
    return name, None


def read_current(index_dir: Path) -> str | None:
    """The live generation's name; None when ``CURRENT`` is missing or unreadable."""
    return current_state(index_dir)[0]


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


def write_generation_files(
    generation_dir: Path, chunks: list[Chunk], manifest: IndexManifest, *, unhashed: frozenset[str] = frozenset()
) -> None:
    """chunks.jsonl, then the sealed manifest recording every file now in the directory (so any file written
    before this call — by the store, BM25 or a later step — is covered)."""
    with open(generation_dir / CHUNKS_FILE, "w", encoding="utf-8") as handle:
        for chunk in chunks:
            handle.write(chunk.model_dump_json() + "\n")
    files = integrity.record_files(generation_dir, unhashed=unhashed)
    files.pop(MANIFEST_FILE, None)
    unsealed = manifest.model_copy(update={"files": files, "seal": ""}).model_dump_json(indent=2)
    # the manifest goes last: a generation without one is incomplete by construction
    (generation_dir / MANIFEST_FILE).write_text(integrity.seal_text(unsealed), encoding="utf-8")


@dataclass(frozen=True)
class StoredGeneration:
    """A published generation's records (vectors and BM25 are opened separately, only when searching)."""

    name: str
    directory: Path
    manifest: IndexManifest
    chunks: list[Chunk]
    warning: str | None = None  # Chinese: set when this is a fallback for a damaged live generation
    sealed: bool = True  # False for generations written before file checksums (ingest publishes a sealed one)


def _damaged(name: str, reason: str) -> DamagedIndexError:
    return DamagedIndexError(
        f"索引版本 {name} 已损坏（{reason}）。{REBUILD_HINT_ZH}。",
        f"index generation {name} is damaged; {REBUILD_HINT_EN}",
        reason=reason,
    )


def load_generation(index_dir: Path, name: str | None = None, *, warning: str | None = None) -> StoredGeneration:
    """The live generation (or ``name``), verified against its manifest; ``DamagedIndexError`` when it is not
    intact, ``IndexError_`` when there is no index at all. ``open_live`` adds the fallback."""
    if name is None:
        name, problem = current_state(index_dir)
        if name is None:
            if problem:
                raise DamagedIndexError(f"{problem}。{REBUILD_HINT_ZH}。", f"{index_dir}: bad CURRENT", reason=problem)
            raise IndexError_(NO_INDEX_ZH, f"no index in {index_dir}; run `policy-assistant ingest`")
    directory = index_dir / name
    if not directory.is_dir():
        raise _damaged(name, "索引版本目录不存在")
    try:
        text = (directory / MANIFEST_FILE).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise _damaged(name, f"缺少文件 {MANIFEST_FILE}") from None
    except (OSError, ValueError):
        raise _damaged(name, f"{MANIFEST_FILE} 无法读取") from None
    sealed = integrity.is_sealed(text)
    if sealed and not integrity.seal_ok(text):
        raise _damaged(name, f"{MANIFEST_FILE} 已被改动或损坏")
    try:
        manifest = IndexManifest.model_validate_json(text)
    except ValueError:
        raise _damaged(name, f"{MANIFEST_FILE} 已损坏") from None
    if sealed and (problem := integrity.check_files(directory, manifest.files)):
        raise _damaged(name, problem)
    try:
        with open(directory / CHUNKS_FILE, encoding="utf-8") as handle:
            chunks = [Chunk.model_validate_json(line) for line in handle if line.strip()]
    except FileNotFoundError:
        raise _damaged(name, f"缺少文件 {CHUNKS_FILE}") from None
    except (OSError, ValueError):
        raise _damaged(name, f"{CHUNKS_FILE} 已损坏") from None
    if len(chunks) != manifest.chunk_count:
        raise _damaged(name, f"{CHUNKS_FILE} 只有 {len(chunks)} 条，清单记录为 {manifest.chunk_count} 条")
    if manifest.store == "local" and (problem := check_local_database(directory, [c.id for c in chunks])):
        raise _damaged(name, problem)
    return StoredGeneration(name, directory, manifest, chunks, warning=warning, sealed=sealed)


def _published_candidates(index_dir: Path) -> tuple[list[str], str | None]:
    """Generations to try, best first, and the problem with ``CURRENT`` (if any).

    With a readable ``CURRENT``: the live generation, then older ones (newer directories are unpublished
    leftovers of a crashed ingest). Without: every generation that has a manifest, newest first."""
    name, problem = current_state(index_dir)
    if not index_dir.is_dir():
        return [], problem
    names = sorted((p.name for p in index_dir.iterdir() if p.is_dir() and _NAME.fullmatch(p.name)), reverse=True)
    if name is not None:
        return [name, *(n for n in names if n < name)], None
    if problem is None and not (index_dir / CURRENT_FILE).exists():
        problem = "索引指针文件 CURRENT 缺失"
    return [n for n in names if (index_dir / n / MANIFEST_FILE).exists()], problem


def open_live(index_dir: Path, opener: Callable[[StoredGeneration], T]) -> T:
    """``opener(generation)`` for the live generation — or, when it (or ``CURRENT``) is damaged, for the newest
    intact older one, whose ``warning`` says so in Chinese. ``opener`` may raise ``DamagedIndexError`` too
    (e.g. BM25 or vectors unreadable); the next candidate is tried. None intact → ``DamagedIndexError``."""
    candidates, current_problem = _published_candidates(index_dir)
    if not candidates and not (index_dir / CURRENT_FILE).exists():
        raise IndexError_(NO_INDEX_ZH, f"no index in {index_dir}; run `policy-assistant ingest`")
    failures: list[str] = [current_problem] if current_problem else []
    for name in candidates:
        warning = None
        if failures:
            causes = "；".join(failures)
            warning = f"索引当前版本不可用（{causes}），已改用完好的版本 {name}，内容可能不是最新。{REBUILD_HINT_ZH}。"
        try:
            opened = opener(load_generation(index_dir, name, warning=warning))
        except DamagedIndexError as exc:
            log.warning("index generation %s unusable: %s", name, exc.one_line())
            failures.append(f"{name}：{exc.reason or exc.zh}")
            continue
        if warning:
            log.warning("index fallback: %s", warning)
        return opened
    detail = "；".join(failures) or "没有可用的索引版本"
    raise DamagedIndexError(
        f"索引已损坏，且没有完好的版本可用（{detail}）。{REBUILD_HINT_ZH}。",
        f"index damaged and no intact generation left in {index_dir}; {REBUILD_HINT_EN}",
    )
