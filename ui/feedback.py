"""Durable 👍/👎 feedback on answers (SQLite in the state dir, ``Settings.feedback_db``).

One row per vote: the question, the answer text, its citations (JSON), the vote, an optional comment and the
time (UTC, ISO 8601). A connection per call keeps the store safe to use from Gradio's worker threads.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from ingest.errors import PolicyAssistantError, UserInputError

Vote = Literal["up", "down"]
MAX_COMMENT_CHARS = 1000

_SCHEMA = """
CREATE TABLE IF NOT EXISTS feedback (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    created_at TEXT NOT NULL,
    vote TEXT NOT NULL CHECK (vote IN ('up', 'down')),
    comment TEXT NOT NULL DEFAULT '',
    question TEXT NOT NULL,
    answer TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT '',
    engine TEXT NOT NULL DEFAULT '',
    citations TEXT NOT NULL DEFAULT '[]'
)
"""


_COLUMNS = ("created_at", "vote", "comment", "question", "answer", "status", "engine", "citations")


class FeedbackRecord(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: int | None = None
    created_at: str = ""
    vote: Vote
    comment: str = Field("", max_length=MAX_COMMENT_CHARS)
    question: str
    answer: str
    status: str = ""
    engine: str = ""
    citations: list[dict[str, Any]] = Field(default_factory=list)


class FeedbackStore:
    """Append-only feedback table; reopening the same file sees everything written before."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)

    @contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        connection = sqlite3.connect(self.path, timeout=10)
        try:
            connection.execute(_SCHEMA)
            yield connection
            connection.commit()
        except sqlite3.DatabaseError as exc:
            raise PolicyAssistantError(
                f"反馈数据库无法读写（{self.path.name}），请检查文件是否损坏。", f"feedback database unusable: {exc}"
            ) from exc
        finally:
            connection.close()

    def add(
        self,
        *,
        vote: str,
        question: str,
        answer: str,
        citations: list[dict[str, Any]] | None = None,
        comment: str = "",
        status: str = "",
        engine: str = "",
    ) -> int:
        """Store one vote and return its id. Raises ``UserInputError`` for a bad vote or an over-long comment."""
        if vote not in ("up", "down"):
            raise UserInputError("评价只能是“有用”或“没用”。", f"vote must be 'up' or 'down', got {vote!r}")
        comment = (comment or "").strip()
        if len(comment) > MAX_COMMENT_CHARS:
            raise UserInputError(
                f"意见过长（{len(comment)}字），请控制在{MAX_COMMENT_CHARS}字以内。", "feedback comment too long"
            )
        if any(ord(ch) < 32 and ch not in "\t\n\r" for ch in comment):
            raise UserInputError("意见中含有不可见的控制字符，请删除后重试。", "comment contains control characters")
        record = FeedbackRecord(
            vote=vote,
            comment=comment,
            question=question,
            answer=answer,
            status=status,
            engine=engine,
            citations=citations or [],
            created_at=datetime.now(UTC).isoformat(timespec="seconds"),
        )
        row = record.model_dump(include=set(_COLUMNS))
        row["citations"] = json.dumps(record.citations, ensure_ascii=False)
        with self._connect() as connection:
            cursor = connection.execute(
                f"INSERT INTO feedback ({', '.join(_COLUMNS)}) VALUES ({', '.join('?' * len(_COLUMNS))})",
                [row[name] for name in _COLUMNS],
            )
            return int(cursor.lastrowid or 0)

    def recent(self, limit: int = 50) -> list[FeedbackRecord]:
        """Newest first."""
        with self._connect() as connection:
            rows = connection.execute(
                f"SELECT id, {', '.join(_COLUMNS)} FROM feedback ORDER BY id DESC LIMIT ?", (limit,)
            ).fetchall()
        records = []
        for row_id, *values in rows:
            data = dict(zip(_COLUMNS, values, strict=True))
            data["citations"] = json.loads(data["citations"] or "[]")
            records.append(FeedbackRecord(id=row_id, **data))
        return records

    def count(self) -> int:
        with self._connect() as connection:
            return int(connection.execute("SELECT COUNT(*) FROM feedback").fetchone()[0])
