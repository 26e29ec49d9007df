"""Answer metrics: status, key facts, wrong-region facts, citations (gold and also_gold), amounts — pure functions
over ``Answer``s, overall and by category.

``run_answer_eval`` drives any ``AnswerEngine`` over a gold set (replaying ``history`` turns for follow-ups);
everything else is pure and unit-tested with hand-made answers.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal, InvalidOperation

from pydantic import BaseModel, Field

from assistant.models import Answer, Citation, Conversation
from assistant.protocols import AnswerEngine
from eval.gold import CATEGORIES, AlsoGold, GoldItem
from eval.matching import fact_present, money_in, normalize_fact_text, normalize_for_match

ANSWER_EXCERPT = 160


class AnswerCheck(BaseModel):
    """How one answer fared against its gold item. ``None`` = the metric does not apply to this item."""

    item_id: str
    question: str = ""
    type: str
    category: str
    expected_status: str
    status: str
    status_ok: bool
    facts_ok: bool
    missing_facts: list[str]
    forbidden_found: list[str]
    citation_hit: bool | None
    citation_precision: float | None
    amount_ok: bool | None
    also_gold_ok: bool | None = None
    missing_also_gold: list[str] = Field(default_factory=list, description="'doc clause' of uncited also_gold.")
    answer_ok: bool = Field(False, description="Status right, every required fact, no forbidden one, also_gold cited.")
    expected_amount: str | None = None
    got_amounts: list[str] = Field(default_factory=list)
    cited: list[str] = Field(default_factory=list, description="'doc clause' of every citation.")
    answer_excerpt: str = ""

    @property
    def wrong_region(self) -> bool:
        """The answer states a forbidden fact — typically another region's amount or rule."""
        return bool(self.forbidden_found)


class AnswerScores(BaseModel):
    count: int
    answer_accuracy: float = 0.0
    key_fact_accuracy: float
    status_accuracy: float
    abstention_accuracy: float | None  # share of not_found items the engine declined to answer
    false_abstention_rate: float | None  # share of answerable items the engine wrongly declined
    citation_hit_rate: float | None
    citation_precision: float | None
    amount_exactness: float | None
    wrong_region_answers: int = 0  # answers stating a forbidden fact


def _fact_haystack(answer: Answer) -> str:
    """Answer text plus citation labels (title, 文号, clause) — but not the quoted clause text itself."""
    labels = [f"{c.label} {c.doc_number or ''}" for c in answer.citations]
    return " ".join([answer.answer, *labels])


def missing_facts(answer: Answer, required: Sequence[str]) -> list[str]:
    haystack = _fact_haystack(answer)
    return [fact for fact in required if not fact_present(fact, haystack)]


def forbidden_found(answer: Answer, forbidden: Sequence[str]) -> list[str]:
    """Forbidden facts are checked in the answer text only (a quoted clause may legitimately hold them)."""
    return [fact for fact in forbidden if fact_present(fact, answer.answer)]


def cites(citation: Citation, doc: str | None, clause: str | None, text: str | None) -> bool:
    """The citation is the clause (same document and clause path, or its text holds the gold excerpt)."""
    if doc is None or citation.doc_id != doc:
        return False
    if citation.clause == clause:
        return True
    return normalize_for_match(text or "") in normalize_for_match(citation.text)


def citation_is_gold(citation: Citation, item: GoldItem) -> bool:
    return cites(citation, item.gold_doc, item.gold_clause, item.gold_text)


def uncited_also_gold(answer: Answer, also_gold: Iterable[AlsoGold]) -> list[str]:
    return [
        f"{also.doc} {also.clause or '前言'}"
        for also in also_gold
        if not any(cites(c, also.doc, also.clause, also.text) for c in answer.citations)
    ]


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
    return from_tools or money_in(normalize_fact_text(answer.answer))


def check_answer(item: GoldItem, answer: Answer) -> AnswerCheck:
    missing = missing_facts(answer, item.required_facts)
    forbidden = forbidden_found(answer, item.forbidden_facts)
    gold_citations = [citation_is_gold(c, item) for c in answer.citations]
    cites_apply = item.gold_doc is not None and item.expected_status == "answered"
    also_apply = bool(item.also_gold) and item.expected_status == "answered"
    uncited = uncited_also_gold(answer, item.also_gold) if also_apply else []
    status_ok = answer.status == item.expected_status
    amounts = reported_amounts(answer)
    return AnswerCheck(
        item_id=item.id,
        question=item.question,
        type=item.type,
        category=item.category,
        expected_status=item.expected_status,
        status=answer.status,
        status_ok=status_ok,
        facts_ok=not missing and not forbidden,
        missing_facts=missing,
        forbidden_found=forbidden,
        citation_hit=any(gold_citations) if cites_apply else None,
        citation_precision=(sum(gold_citations) / len(gold_citations) if gold_citations else 0.0)
        if cites_apply
        else None,
        amount_ok=(item.expected_amount in amounts) if item.expected_amount is not None else None,
        also_gold_ok=not uncited if also_apply else None,
        missing_also_gold=uncited,
        answer_ok=status_ok and not missing and not forbidden and not uncited,
        expected_amount=str(item.expected_amount) if item.expected_amount is not None else None,
        got_amounts=sorted(str(amount) for amount in amounts),
        cited=[f"{c.doc_id} {c.clause or '前言'}" for c in answer.citations],
        answer_excerpt=" ".join(answer.answer.split())[:ANSWER_EXCERPT],
    )


def _mean(values: Iterable[float | bool | None]) -> float | None:
    present = [float(v) for v in values if v is not None]
    return round(sum(present) / len(present), 4) if present else None


def score_answers(checks: Sequence[AnswerCheck]) -> AnswerScores:
    abstain = [c.status == "not_found" for c in checks if c.expected_status == "not_found"]
    answerable = [c.status == "not_found" for c in checks if c.expected_status != "not_found"]
    return AnswerScores(
        count=len(checks),
        answer_accuracy=_mean(c.answer_ok for c in checks) or 0.0,
        key_fact_accuracy=_mean(c.facts_ok for c in checks) or 0.0,
        status_accuracy=_mean(c.status_ok for c in checks) or 0.0,
        abstention_accuracy=_mean(abstain),
        false_abstention_rate=_mean(answerable),
        citation_hit_rate=_mean(c.citation_hit for c in checks),
        citation_precision=_mean(c.citation_precision for c in checks),
        amount_exactness=_mean(c.amount_ok for c in checks),
        wrong_region_answers=sum(c.wrong_region for c in checks),
    )


def score_by(checks: Sequence[AnswerCheck], key: Callable[[AnswerCheck], str]) -> dict[str, AnswerScores]:
    groups: dict[str, list[AnswerCheck]] = defaultdict(list)
    for check in checks:
        groups[key(check)].append(check)
    return {name: score_answers(group) for name, group in sorted(groups.items())}


def score_by_category(checks: Sequence[AnswerCheck]) -> dict[str, AnswerScores]:
    """Scores per category, in ``CATEGORIES`` order; categories without items are left out."""
    groups = score_by(checks, key=lambda check: check.category)
    return {name: groups[name] for name in CATEGORIES if name in groups}


def ask_with_history(engine: AnswerEngine, item: GoldItem) -> Answer:
    """Replay the item's previous user turns in one conversation, then ask the question itself."""
    conversation = Conversation()
    for previous in item.history:
        engine.answer(previous, conversation)
    return engine.answer(item.question, conversation)


def run_answer_eval(engine: AnswerEngine, items: Sequence[GoldItem]) -> list[AnswerCheck]:
    return [check_answer(item, ask_with_history(engine, item)) for item in items]
