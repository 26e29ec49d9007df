"""Parse untrusted files in a child process that can be stopped.

Why a process and not elapsed-time checks inside the loaders: the slow step on a pathological file is often a
single library call (one PDF page's text extraction, an XML parse) that no loop of ours surrounds, and a thread
cannot be interrupted. A child process is stopped with ``kill`` wherever it is, and its memory goes with it.

One worker serves every file of a run in turn (so a corpus costs one fork, not one per file); a worker that runs
past ``max_parse_seconds`` on a file, or dies, is killed and replaced for the next file. (The first file a worker
parses also pays for the parser's lazily built tables — place names, the trust vocabulary — about 1–2 s, well
inside the default limit.) The worker is a plain
``fork``: it starts in milliseconds with the parser already imported and never re-imports the caller's main
module (``spawn``/``forkserver`` would: ~1 s per run, and an unguarded script would run again). The child only runs
pure-Python/lxml/pypdf parsing, never the threads it did not inherit; should it ever block on a lock another
thread held at fork time, the time limit ends it like any other stuck parse. Its address space may grow by at
most ``MEMORY_HEADROOM_BYTES`` — a second line behind the size limits: an allocation past it fails in the child
with ``MemoryError``, never in the app.
"""

from __future__ import annotations

import contextlib
import multiprocessing
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from ingest.errors import DocumentError
from ingest.limits import IngestLimits

MEMORY_HEADROOM_BYTES = 2 * 1024**3  # beyond the parent's address space at fork; real policies need < 0.2 GB


def _cap_memory(headroom: int) -> None:
    """Limit the child's address space to what it inherited plus ``headroom`` (Linux; skipped elsewhere)."""
    import resource

    try:
        pages = int(Path("/proc/self/statm").read_text().split()[0])
        cap = pages * resource.getpagesize() + headroom
        resource.setrlimit(resource.RLIMIT_AS, (cap, resource.getrlimit(resource.RLIMIT_AS)[1]))
    except (OSError, ValueError, IndexError):
        return


def _serve(connection: Connection, limits: IngestLimits, options: dict[str, Any]) -> None:
    """Child: parse each path received until ``None`` (``options`` as for ``parse_document``); reply
    ("ok", ParsedDocument) or ("error", (zh, en))."""
    from ingest.pipeline import parse_document

    _cap_memory(MEMORY_HEADROOM_BYTES)
    while True:
        try:
            received = connection.recv()
        except (EOFError, OSError):
            return
        if received is None:
            return
        path = Path(received)
        try:
            reply: tuple[str, Any] = ("ok", parse_document(path, limits, **options))
        except DocumentError as exc:
            reply = ("error", (exc.zh, exc.en))
        except MemoryError:
            reply = ("error", (f"文件解析所需内存过多，已停止：{path.name}", f"out of memory parsing {path.name}"))
        except Exception as exc:  # a parser failure on a hostile file is this file's problem, never the run's
            reply = ("error", (f"文件无法解析：{path.name}（{type(exc).__name__}）", f"{path.name}: {exc!r}"))
        connection.send(reply)


class ParseWorker:
    """``parse(path)`` in a killable child process, with the per-file time limit of ``limits``; ``options`` are
    passed on to ``parse_document`` (``today``, ``trust``). The child is forked, so they are not pickled."""

    def __init__(self, limits: IngestLimits, **options: Any) -> None:
        self._limits = limits
        self._options = options
        self._process: Any = None
        self._connection: Connection | None = None

    def __enter__(self) -> ParseWorker:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def _start(self) -> Connection:
        context = multiprocessing.get_context("fork")
        parent, child = context.Pipe()
        self._process = context.Process(
            target=_serve, args=(child, self._limits, self._options), daemon=True, name="policy-parse"
        )
        self._process.start()
        child.close()
        self._connection = parent
        return parent

    def parse(self, path: Path) -> Any:
        """The ``ParsedDocument`` for ``path``; ``DocumentError`` for a bad file, a timeout or a crashed parser."""
        connection = self._connection or self._start()
        connection.send(str(path))
        if not connection.poll(self._limits.max_parse_seconds):
            self._stop()
            seconds = f"{self._limits.max_parse_seconds:g} 秒"
            raise DocumentError(
                f"解析超时，已停止处理：{path.name}（超过 {seconds}，可用 POLICY_MAX_PARSE_SECONDS 调整）",
                f"{path.name}: parsing stopped after {self._limits.max_parse_seconds:g} s",
            )
        try:
            kind, payload = connection.recv()
        except (EOFError, OSError):
            code = self._stop()
            raise DocumentError(
                f"解析该文件时解析进程异常退出：{path.name}", f"parser process died on {path.name} (exit {code})"
            ) from None
        if kind == "error":
            raise DocumentError(*payload)
        return payload

    def _stop(self) -> int | None:
        process, self._process = self._process, None
        if self._connection is not None:
            self._connection.close()
            self._connection = None
        if process is None:
            return None
        process.kill()
        process.join(timeout=10)
        return process.exitcode

    def close(self) -> None:
        """Let the worker exit by itself; kill it if it does not."""
        if self._connection is not None and self._process is not None:
            with contextlib.suppress(OSError, ValueError):
                self._connection.send(None)
            self._process.join(timeout=5)
        self._stop()
