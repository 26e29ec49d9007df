"""Durable feedback and the answer log (SQLite in the state dir, ``Settings.feedback_db``).

Two tables in one file:

- ``feedback``: one row per vote — question, answer text, citations (JSON), 👍/👎, an optional comment, status,
  engine, time (UTC, ISO 8601) and, when the page knows it, the ``answer_id`` it is about. A vote with an
  ``answer_id`` replaces the earlier vote on the same answer (one row per answer).
- ``answers``: one row per answer produced (question, status, region, topic, engine, channel, conversation, time),
  so staff can see what the corpus could not answer (``ui.staff_reports``). Bad input (``rejected``) is not logged.
  The log keeps the newest ``MAX_ANSWER_ROWS`` rows.

A connection per call keeps the store safe to use from Gradio's worker threads.
"""

from __future__ import annotations

import json
import secrets
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from ingest.errors import PolicyAssistantError, UserInputError

Vote = Literal["up", "down"]
Channel = Literal["page", "api"]
MAX_COMMENT_CHARS = 1000
MAX_ANSWER_ROWS = 200_000
MAX_LOGGED_QUESTION_CHARS = 2000

_SCHEMA = (
    """CREATE TABLE IF NOT EXISTS feedback (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    created_at TEXT NOT NULL,
    vote TEXT NOT NULL CHECK (vote IN ('up', 'down')),
    comment TEXT NOT NULL DEFAULT '',
    question TEXT NOT NULL,
    answer TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT '',
    engine TEXT NOT NULL DEFAULT '',
    citations TEXT NOT NULL DEFAULT '[]'
)""",
    """CREATE TABLE IF NOT EXISTS answers (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    answer_id TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL,
    conversation_id TEXT,
    channel TEXT NOT NULL,
    question TEXT NOT NULL,
    status TEXT NOT NULL,
    region TEXT NOT NULL DEFAULT '',
    topic TEXT NOT NULL DEFAULT '',
    engine TEXT NOT NULL DEFAULT ''
)""",
)
_COLUMNS = ("created_at", "vote", "comment", "question", "answer", "status", "engine", "citations", "answer_id")
_ANSWER_COLUMNS = (
    "answer_id", "created_at", "conversation_id", "channel", "question", "status", "region", "topic", "engine"
)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


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
    answer_id: str | None = None


class AnswerRecord(BaseModel):
    model_config = ConfigDict(extra="forbid")

    answer_id: str
    created_at: str
    conversation_id: str | None = None
    channel: Channel
    question: str
    status: str
    region: str = ""
    topic: str = ""
    engine: str = ""


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
    """Votes and the answer log; reopening the same file sees everything written before."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._ready = False

    @contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        connection = sqlite3.connect(self.path, timeout=10)
        try:
            if not self._ready:
                self._prepare(connection)
            yield connection
            connection.commit()
        except sqlite3.DatabaseError as exc:
            raise PolicyAssistantError(
                f"反馈数据库无法读写（{self.path.name}），请检查文件是否损坏。", f"feedback database unusable: {exc}"
            ) from exc
        finally:
            connection.close()

    def _prepare(self, connection: sqlite3.Connection) -> None:
        """Tables, and the ``answer_id`` column for databases written before it existed (once per store)."""
        connection.execute("PRAGMA journal_mode=WAL")
        for statement in _SCHEMA:
            connection.execute(statement)
        columns = {row[1] for row in connection.execute("PRAGMA table_info(feedback)")}
        if "answer_id" not in columns:
            connection.execute("ALTER TABLE feedback ADD COLUMN answer_id TEXT")
        connection.execute(
            "CREATE UNIQUE INDEX IF NOT EXISTS feedback_answer ON feedback(answer_id) WHERE answer_id IS NOT NULL"
        )
        connection.commit()
        self._ready = True

    # ------------------------------------------------------------ votes

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
        """Store one vote and return its row id; with ``answer_id``, an earlier vote on that answer is replaced (its
        comment kept unless a new one is given). Raises ``UserInputError`` for a bad vote or an over-long comment."""
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
            created_at=_now(),
            answer_id=answer_id or None,
        )
        row = record.model_dump(include=set(_COLUMNS))
        row["citations"] = json.dumps(record.citations, ensure_ascii=False)
        with self._connect() as connection:
            if record.answer_id:
                existing = connection.execute(
                    "SELECT id FROM feedback WHERE answer_id = ?", (record.answer_id,)
                ).fetchone()
                if existing:
                    connection.execute(
                        "UPDATE feedback SET vote = ?, comment = CASE WHEN ? = '' THEN comment ELSE ? END, "
                        "created_at = ? WHERE id = ?",
                        (record.vote, record.comment, record.comment, record.created_at, existing[0]),
                    )
                    return int(existing[0])
            cursor = connection.execute(
                f"INSERT INTO feedback ({', '.join(_COLUMNS)}) VALUES ({', '.join('?' * len(_COLUMNS))})",
                [row[name] for name in _COLUMNS],
            )
            return int(cursor.lastrowid or 0)

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

    def recent(self, limit: int = 50, *, vote: str | None = None) -> list[FeedbackRecord]:
        """Newest first; ``vote`` keeps only 👍 (``up``) or 👎 (``down``)."""
        where, params = ("WHERE vote = ?", (vote,)) if vote else ("", ())
        with self._connect() as connection:
            rows = connection.execute(
                f"SELECT id, {', '.join(_COLUMNS)} FROM feedback {where} ORDER BY id DESC LIMIT ?", (*params, limit)
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

    # ------------------------------------------------------------ answer log

    def record_answer(
        self,
        *,
        question: str,
        status: str,
        channel: Channel,
        region: str = "",
        topic: str = "",
        engine: str = "",
        conversation_id: str | None = None,
    ) -> str:
        """Log one produced answer; returns its new ``answer_id`` (votes can refer to it)."""
        record = AnswerRecord(
            answer_id=secrets.token_hex(8),
            created_at=_now(),
            conversation_id=conversation_id,
            channel=channel,
            question=str(question)[:MAX_LOGGED_QUESTION_CHARS],
            status=status,
            region=region,
            topic=topic,
            engine=engine,
        )
        row = record.model_dump()
        with self._connect() as connection:
            cursor = connection.execute(
                f"INSERT INTO answers ({', '.join(_ANSWER_COLUMNS)}) VALUES ({', '.join('?' * len(_ANSWER_COLUMNS))})",
                [row[name] for name in _ANSWER_COLUMNS],
            )
            if (cursor.lastrowid or 0) % 1000 == 0:  # keep the log bounded; checked now and then, not per insert
                connection.execute("DELETE FROM answers WHERE seq <= ?", ((cursor.lastrowid or 0) - MAX_ANSWER_ROWS,))
        return record.answer_id

    def answers(self, limit: int = MAX_ANSWER_ROWS) -> list[AnswerRecord]:
        """The logged answers, oldest first (the newest ``limit``)."""
        with self._connect() as connection:
            rows = connection.execute(
                f"SELECT {', '.join(_ANSWER_COLUMNS)} FROM answers ORDER BY seq DESC LIMIT ?", (limit,)
            ).fetchall()
        return [AnswerRecord(**dict(zip(_ANSWER_COLUMNS, row, strict=True))) for row in reversed(rows)]

    def answer(self, answer_id: str) -> AnswerRecord | None:
        with self._connect() as connection:
            row = connection.execute(
                f"SELECT {', '.join(_ANSWER_COLUMNS)} FROM answers WHERE answer_id = ?", (answer_id,)
            ).fetchone()
        return AnswerRecord(**dict(zip(_ANSWER_COLUMNS, row, strict=True))) if row else None
