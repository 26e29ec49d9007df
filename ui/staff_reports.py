"""Staff reports: the feedback viewer and the unanswered-questions report (the gaps policy staff should fill).

A question is *unanswered* when its answer was ``not_found``; or ``needs_info`` and the conversation never went on
(the asker did not supply what was missing — an API call, which has no conversation, counts as left unanswered);
or someone voted it 👎. The report groups them by region and topic and exports as CSV (UTF-8 with BOM, so Excel
opens it; cells that would start a spreadsheet formula are quoted with a leading apostrophe).
"""

from __future__ import annotations

import csv
import io
from collections import Counter, defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict

from ui.answer_log import answer_region, answer_topic
from ui.feedback import AnswerRecord
from ui.render import ANSWER_STATUS_LABELS
from ui.services import Services

REASON_NOT_FOUND = "未找到依据"
REASON_NEEDS_INFO = "缺少信息且未补充"
REASON_DOWNVOTE = "用户评价“没用”"
CHANNEL_LABELS = {"page": "网页", "api": "接口"}
VOTE_LABELS = {"up": "👍 有用", "down": "👎 没用"}
CSV_COLUMNS = (
    ("created_at", "时间"),
    ("region", "地区"),
    ("topic", "主题"),
    ("reasons", "原因"),
    ("question", "问题"),
    ("comment", "用户意见"),
    ("channel", "渠道"),
    ("answer_id", "回答编号"),
)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


class UnansweredItem(BaseModel):
    model_config = ConfigDict(extra="forbid")

    answer_id: str = ""
    created_at: str
    question: str
    region: str
    topic: str
    reasons: list[str]
    comment: str = ""
    channel: str = ""


class ReportGroup(BaseModel):
    model_config = ConfigDict(extra="forbid")

    region: str
    topic: str
    count: int
    reasons: str
    latest: str
    example: str


def _open_needs_info(answers: Sequence[AnswerRecord]) -> set[str]:
    """needs_info answers that nothing followed in their conversation (answers are oldest first)."""
    last_in_conversation = {a.conversation_id: a.answer_id for a in answers if a.conversation_id}
    return {
        a.answer_id
        for a in answers
        if a.status == "needs_info"
        and (a.conversation_id is None or last_in_conversation[a.conversation_id] == a.answer_id)
    }


def unanswered_items(services: Services) -> list[UnansweredItem]:
    """Newest first; a question that is both not found and voted 👎 appears once with both reasons."""
    answers = services.feedback.answers()
    open_needs_info = _open_needs_info(answers)
    items: dict[str, UnansweredItem] = {}
    for answer in answers:
        reason = REASON_NOT_FOUND if answer.status == "not_found" else None
        if answer.answer_id in open_needs_info:
            reason = REASON_NEEDS_INFO
        if reason:
            items[answer.answer_id] = UnansweredItem(
                answer_id=answer.answer_id,
                created_at=answer.created_at,
                question=answer.question,
                region=answer.region,
                topic=answer.topic,
                reasons=[reason],
                channel=CHANNEL_LABELS.get(answer.channel, answer.channel),
            )
    for vote in services.feedback.recent(limit=10_000, vote="down"):
        known = items.get(vote.answer_id or "")
        if known is not None:
            known.reasons.append(REASON_DOWNVOTE)
            known.comment = vote.comment
            continue
        logged = services.feedback.answer(vote.answer_id) if vote.answer_id else None
        contract: dict[str, Any] = {"citations": vote.citations, "status": vote.status}
        key = vote.answer_id or f"feedback-{vote.id}"
        items[key] = UnansweredItem(
            answer_id=vote.answer_id or "",
            created_at=vote.created_at,
            question=vote.question,
            region=logged.region if logged else answer_region(services, vote.question, contract),
            topic=logged.topic if logged else answer_topic(services, vote.question, contract),
            reasons=[REASON_DOWNVOTE],
            comment=vote.comment,
            channel=CHANNEL_LABELS.get(logged.channel, logged.channel) if logged else "网页",
        )
    return sorted(items.values(), key=lambda item: item.created_at, reverse=True)


def group_report(items: Sequence[UnansweredItem]) -> list[ReportGroup]:
    """One row per (region, topic), the largest groups first."""
    groups: dict[tuple[str, str], list[UnansweredItem]] = defaultdict(list)
    for item in items:
        groups[(item.region, item.topic)].append(item)
    rows = []
    for (region, topic), members in groups.items():
        reasons = Counter(reason for member in members for reason in member.reasons)
        rows.append(
            ReportGroup(
                region=region,
                topic=topic,
                count=len(members),
                reasons="；".join(f"{reason} {n}" for reason, n in reasons.most_common()),
                latest=max(member.created_at for member in members),
                example=max(members, key=lambda m: m.created_at).question,
            )
        )
    return sorted(rows, key=lambda row: (-row.count, row.region, row.topic))


def _safe_cell(value: object) -> str:
    text = str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def unanswered_csv(items: Sequence[UnansweredItem]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([label for _, label in CSV_COLUMNS])
    for item in items:
        row = item.model_dump()
        row["reasons"] = "；".join(item.reasons)
        writer.writerow([_safe_cell(row[key]) for key, _ in CSV_COLUMNS])
    return "\ufeff" + buffer.getvalue()


def write_unanswered_csv(items: Sequence[UnansweredItem], directory: Path) -> Path:
    """The CSV in ``directory`` (a temp dir Gradio may serve), named by its time."""
    directory.mkdir(parents=True, exist_ok=True)
    stamp = max((item.created_at for item in items), default="empty").replace(":", "").replace("+", "Z")
    path = directory / f"unanswered-{stamp}.csv"
    path.write_text(unanswered_csv(items), encoding="utf-8")
    return path


def feedback_rows(services: Services, vote: str | None, limit: int = 200) -> list[dict[str, Any]]:
    """The newest votes for the viewer (``vote``: up / down / None for all)."""
    rows = []
    for record in services.feedback.recent(limit=limit, vote=vote):
        rows.append(
            {
                "created_at": f"{record.created_at[:10]} {record.created_at[11:16]} UTC",
                "vote": VOTE_LABELS.get(record.vote, record.vote),
                "comment": record.comment,
                "question": record.question,
                "status": ANSWER_STATUS_LABELS.get(record.status, record.status),
                "answer": record.answer[:200] + ("…" if len(record.answer) > 200 else ""),
            }
        )
    return rows
