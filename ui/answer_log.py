"""Log every produced answer (question, status, region, topic) so staff can see what the corpus could not answer.

``log_answer`` is called where the page and the API produce an answer; it never lets a logging failure reach the
user. Region and topic come from the query understanding (``Retriever.understand``: the places and the topic the
question names), falling back to the answer's citations and calculators.
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


def _understanding(services: Services, question: str) -> Any | None:
    """The query understanding of the question (places, topic), or None without an index or on any failure."""
    if services.retriever is None or not question:
        return None
    try:
        return services.retriever.understand(question)
    except Exception as exc:  # the log line is a by-product; never let it fail the answer
        logger.info("no understanding for the answer log: %s", exc)
        return None


def answer_region(services: Services, question: str, contract: Mapping[str, Any]) -> str:
    """The place the question is about: an uncovered place it names first (that is the gap staff want to see),
    then a covered one, then its first citation's region."""
    understanding = _understanding(services, question)
    if understanding is not None:
        places = [*understanding.uncovered, *understanding.places]
        if places:
            return str(places[0].label)
        if understanding.local_regions:
            return str(understanding.local_regions[0])
    for citation in contract.get("citations") or []:
        if citation.get("region"):
            return str(citation["region"])
    return UNKNOWN_REGION


def answer_topic(services: Services, question: str, contract: Mapping[str, Any]) -> str:
    """The topic the query understanding read, else the first citation's clause heading, else the calculator the
    answer ran, else 未分类."""
    understanding = _understanding(services, question)
    if understanding is not None and understanding.topic_title:
        return str(understanding.topic_title)
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
            topic=answer_topic(services, question, contract),
            engine=str(contract.get("engine") or ""),
            conversation_id=conversation_id(conversation) if conversation is not None else None,
        )
    except Exception as exc:  # the answer matters more than its log line
        logger.warning("answer not logged: %s", exc)
        return None
