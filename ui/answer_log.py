"""Log every produced answer (question, status, region, topic) so staff can see what the corpus could not answer.

``log_answer`` is called where the page and the API produce an answer; it never lets a logging failure reach the
user. Region and topic are each decided by one function here, to be swapped for the query understanding's own
values when it provides them.
"""

from __future__ import annotations

import logging
import secrets
from collections.abc import Mapping
from typing import Any

from ui.feedback import Channel
from ui.services import Services

UNKNOWN_REGION = "未识别地区"
UNKNOWN_TOPIC = "未分类"
CONVERSATION_KEY = "answer_log_conversation"
logger = logging.getLogger(__name__)


def answer_region(services: Services, question: str, contract: Mapping[str, Any]) -> str:
    """The place the question is about: a region or uncovered place it names, else its first citation's region."""
    if services.retriever is not None:
        from assistant.understanding import detect_regions

        mention = detect_regions(question, services.retriever.documents())
        named = mention.unknown + mention.regions  # an uncovered place named is the gap staff want to see
        if named:
            return named[0]
    for citation in contract.get("citations") or []:
        if citation.get("region"):
            return str(citation["region"])
    return UNKNOWN_REGION


def answer_topic(contract: Mapping[str, Any]) -> str:
    """The first citation's clause heading, else the calculator the answer ran, else 未分类."""
    for citation in contract.get("citations") or []:
        heading = citation.get("heading")
        if heading:
            return str(heading)
    for call in contract.get("tool_calls") or []:
        result = call.get("result") or {}
        name = result.get("title") or call.get("name")
        if name:
            return str(name)
    return UNKNOWN_TOPIC


def conversation_id(state: dict[str, Any]) -> str:
    """A stable id for one chat conversation, kept in the conversation's own state dict."""
    return state.setdefault(CONVERSATION_KEY, secrets.token_hex(8))


def log_answer(
    services: Services,
    contract: Mapping[str, Any],
    *,
    channel: Channel,
    conversation: dict[str, Any] | None = None,
) -> str | None:
    """Record one answer; returns its ``answer_id`` (None for rejected input or when logging failed)."""
    status = str(contract.get("status") or "")
    if status in ("", "rejected"):
        return None
    question = str(contract.get("question") or "")
    try:
        return services.feedback.record_answer(
            question=question,
            status=status,
            channel=channel,
            region=answer_region(services, question, contract),
            topic=answer_topic(contract),
            engine=str(contract.get("engine") or ""),
            conversation_id=conversation_id(conversation) if conversation is not None else None,
        )
    except Exception as exc:  # the answer matters more than its log line
        logger.warning("answer not logged: %s", exc)
        return None
