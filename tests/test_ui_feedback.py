"""Feedback is stored durably: a new store object on the same file reads everything back."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.errors import PolicyAssistantError, UserInputError
from ui.feedback import MAX_COMMENT_CHARS, FeedbackStore

CITATION = {"doc_id": "d", "title": "石家庄市…实施意见", "doc_number": None, "clause": "三、（一）3", "text": "原文"}


def test_feedback_survives_a_restart(tmp_path: Path) -> None:
    path = tmp_path / "state" / "feedback.sqlite3"
    first = FeedbackStore(path)
    row_id = first.add(
        vote="down",
        comment="金额不对",
        question="石家庄技能提升补贴多少？",
        answer="1500元 [1]",
        citations=[CITATION],
        status="answered",
        engine="offline",
    )
    first.add(vote="up", question="q2", answer="a2")

    reopened = FeedbackStore(path)  # a new object on the same file, as after a server restart
    records = reopened.recent()
    assert reopened.count() == 2
    assert [r.vote for r in records] == ["up", "down"]  # newest first
    stored = records[1]
    assert stored.id == row_id
    assert stored.question == "石家庄技能提升补贴多少？" and stored.answer == "1500元 [1]"
    assert stored.comment == "金额不对" and stored.citations == [CITATION]
    assert stored.status == "answered" and stored.engine == "offline"
    assert stored.created_at.endswith("+00:00")


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"vote": "maybe"}, "评价只能是"),
        ({"vote": "up", "comment": "长" * (MAX_COMMENT_CHARS + 1)}, "意见过长"),
        ({"vote": "up", "comment": "bad\x00comment"}, "控制字符"),
    ],
)
def test_bad_feedback_is_refused_in_chinese(tmp_path: Path, kwargs: dict, message: str) -> None:
    store = FeedbackStore(tmp_path / "f.sqlite3")
    with pytest.raises(UserInputError) as info:
        store.add(question="q", answer="a", **kwargs)
    assert message in info.value.zh
    assert store.count() == 0


def test_corrupt_database_gives_a_clear_message(tmp_path: Path) -> None:
    path = tmp_path / "feedback.sqlite3"
    path.write_bytes(b"this is not a sqlite database" * 100)
    with pytest.raises(PolicyAssistantError) as info:
        FeedbackStore(path).add(vote="up", question="q", answer="a")
    assert "反馈数据库无法读写" in info.value.zh
