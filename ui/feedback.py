"""Durable 👍/👎 feedback on answers (SQLite in the state dir, ``Settings.feedback_db``).

One row per vote: the question, the answer text, its citations (JSON), the vote, an optional comment and the
time (UTC, ISO 8601). Votes from the page carry the answer's id: the same answer voted again (or given a
comment) updates its one row instead of adding another. A connection per call keeps the store safe to use
from Gradio's worker threads.
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
# Added later; older databases get the column on first open. NULL ids (CLI/API votes) never collide.
_ANSWER_ID_COLUMN = "ALTER TABLE feedback ADD COLUMN answer_id TEXT"
_ANSWER_ID_INDEX = "CREATE UNIQUE INDEX IF NOT EXISTS feedback_answer_id ON feedback (answer_id)"


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


def _checked_comment(comment: str | None) -> str:
    comment = (comment or "").strip()
    if len(comment) > MAX_COMMENT_CHARS:
        raise UserInputError(
            f"意见过长（{len(comment)}字），请控制在{MAX_COMMENT_CHARS}字以内。", "feedback comment too long"
        )
    if any(ord(ch) < 32 and ch not in "\t\n\r" for ch in comment):
        raise UserInputError("意见中含有不可见的控制字符，请删除后重试。", "comment contains control characters")
    return comment


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
            columns = {row[1] for row in connection.execute("PRAGMA table_info(feedback)")}
            if "answer_id" not in columns:
                connection.execute(_ANSWER_ID_COLUMN)
            connection.execute(_ANSWER_ID_INDEX)
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
        answer_id: str | None = None,
    ) -> int:
        """Store one vote and return its row id; with ``answer_id``, a second vote on the same answer replaces the
        first (one row per answer). Raises ``UserInputError`` for a bad vote or an over-long comment."""
        if vote not in ("up", "down"):
            raise UserInputError("评价只能是“有用”或“没用”。", f"vote must be 'up' or 'down', got {vote!r}")
        comment = _checked_comment(comment)
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
        columns = [*_COLUMNS, "answer_id"]
        updates = ", ".join(f"{name} = excluded.{name}" for name in _COLUMNS if name != "comment" or comment)
        with self._connect() as connection:
            cursor = connection.execute(
                f"INSERT INTO feedback ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))}) "
                f"ON CONFLICT (answer_id) DO UPDATE SET {updates} RETURNING id",
                [*(row[name] for name in _COLUMNS), answer_id],
            )
            return int(cursor.fetchone()[0])

    def set_comment(self, answer_id: str, comment: str) -> bool:
        """Attach a comment to the vote on ``answer_id``; False when that answer has no vote yet."""
        comment = _checked_comment(comment)
        with self._connect() as connection:
            cursor = connection.execute("UPDATE feedback SET comment = ? WHERE answer_id = ?", (comment, answer_id))
            return cursor.rowcount > 0

    def remove(self, answer_id: str) -> None:
        """Withdraw the vote on ``answer_id`` (the visitor clicked the same thumb again)."""
        with self._connect() as connection:
            connection.execute("DELETE FROM feedback WHERE answer_id = ?", (answer_id,))

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
