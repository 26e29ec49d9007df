"""Answer metrics (issue 5): key facts, citations, abstention and amounts — pure functions over ``Answer``s.

``run_answer_eval`` drives any ``AnswerEngine`` over the gold set (replaying ``history`` turns for follow-ups);
everything else is pure and unit-tested with hand-made answers.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal, InvalidOperation

from pydantic import BaseModel

from assistant.models import Answer, Citation, Conversation
from assistant.protocols import AnswerEngine
from eval.gold import GoldItem
from eval.matching import normalize_fact_text, normalize_for_match

_AMOUNT_IN_TEXT = re.compile(r"(\d+(?:\.\d+)?)(万)?元")


class AnswerCheck(BaseModel):
    """How one answer fared against its gold item. ``None`` = the metric does not apply to this item."""

    item_id: str
    type: str
    expected_status: str
    status: str
    status_ok: bool
    facts_ok: bool
    missing_facts: list[str]
    forbidden_found: list[str]
    citation_hit: bool | None
    citation_precision: float | None
    amount_ok: bool | None


class AnswerScores(BaseModel):
    count: int
    key_fact_accuracy: float
    status_accuracy: float
    abstention_accuracy: float | None  # share of not_found items the engine declined to answer
    false_abstention_rate: float | None  # share of answerable items the engine wrongly declined
    citation_hit_rate: float | None
    citation_precision: float | None
    amount_exactness: float | None


def _fact_haystack(answer: Answer) -> str:
    """Answer text plus citation labels (title, 文号, clause) — but not the quoted clause text itself."""
    labels = [f"{c.label} {c.doc_number or ''}" for c in answer.citations]
    return normalize_fact_text(" ".join([answer.answer, *labels]))


def missing_facts(answer: Answer, required: Sequence[str]) -> list[str]:
    haystack = _fact_haystack(answer)
    return [fact for fact in required if normalize_fact_text(fact) not in haystack]


def forbidden_found(answer: Answer, forbidden: Sequence[str]) -> list[str]:
    """Forbidden facts are checked in the answer text only (a quoted clause may legitimately hold them)."""
    text = normalize_fact_text(answer.answer)
    return [fact for fact in forbidden if normalize_fact_text(fact) in text]


def citation_is_gold(citation: Citation, item: GoldItem) -> bool:
    if item.gold_doc is None or citation.doc_id != item.gold_doc:
        return False
    if citation.clause == item.gold_clause:
        return True
    return normalize_for_match(item.gold_text or "") in normalize_for_match(citation.text)


def reported_amounts(answer: Answer) -> set[Decimal]:
    """Amounts the answer commits to: calculator results if any tool ran, else ``…元`` figures in the text."""
    from_tools: set[Decimal] = set()
    for call in answer.tool_calls:
        for key in ("amount", "amount_min", "amount_max"):
            value = call.result.get(key)
            if value is not None:
                try:
                    from_tools.add(Decimal(str(value)))
                except InvalidOperation:
                    continue
    if from_tools:
        return from_tools
    found: set[Decimal] = set()
    for number, wan in _AMOUNT_IN_TEXT.findall(normalize_fact_text(answer.answer)):
        found.add(Decimal(number) * (10_000 if wan else 1))
    return found


def check_answer(item: GoldItem, answer: Answer) -> AnswerCheck:
    missing = missing_facts(answer, item.required_facts)
    forbidden = forbidden_found(answer, item.forbidden_facts)
    gold_citations = [citation_is_gold(c, item) for c in answer.citations]
    cites_apply = item.gold_doc is not None and item.expected_status == "answered"
    return AnswerCheck(
        item_id=item.id,
        type=item.type,
        expected_status=item.expected_status,
        status=answer.status,
        status_ok=answer.status == item.expected_status,
        facts_ok=not missing and not forbidden,
        missing_facts=missing,
        forbidden_found=forbidden,
        citation_hit=any(gold_citations) if cites_apply else None,
        citation_precision=(sum(gold_citations) / len(gold_citations) if gold_citations else 0.0)
        if cites_apply
        else None,
        amount_ok=(item.expected_amount in reported_amounts(answer)) if item.expected_amount is not None else None,
    )


def _mean(values: Iterable[float | bool | None]) -> float | None:
    present = [float(v) for v in values if v is not None]
    return round(sum(present) / len(present), 4) if present else None


def score_answers(checks: Sequence[AnswerCheck]) -> AnswerScores:
    abstain = [c.status == "not_found" for c in checks if c.expected_status == "not_found"]
    answerable = [c.status == "not_found" for c in checks if c.expected_status != "not_found"]
    return AnswerScores(
        count=len(checks),
        key_fact_accuracy=_mean(c.facts_ok for c in checks) or 0.0,
        status_accuracy=_mean(c.status_ok for c in checks) or 0.0,
        abstention_accuracy=_mean(abstain),
        false_abstention_rate=_mean(answerable),
        citation_hit_rate=_mean(c.citation_hit for c in checks),
        citation_precision=_mean(c.citation_precision for c in checks),
        amount_exactness=_mean(c.amount_ok for c in checks),
    )


def score_by(checks: Sequence[AnswerCheck], key: Callable[[AnswerCheck], str]) -> dict[str, AnswerScores]:
    groups: dict[str, list[AnswerCheck]] = defaultdict(list)
    for check in checks:
        groups[key(check)].append(check)
    return {name: score_answers(group) for name, group in sorted(groups.items())}


def ask_with_history(engine: AnswerEngine, item: GoldItem) -> Answer:
    """Replay the item's previous user turns in one conversation, then ask the question itself."""
    conversation = Conversation()
    for previous in item.history:
        engine.answer(previous, conversation)
    return engine.answer(item.question, conversation)


def run_answer_eval(engine: AnswerEngine, items: Sequence[GoldItem]) -> list[AnswerCheck]:
    return [check_answer(item, ask_with_history(engine, item)) for item in items]
