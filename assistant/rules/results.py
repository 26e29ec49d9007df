"""What running a rule returns, and the one money/percent style every trace uses.

Amounts are ``Decimal`` in 元, exact to the fen (0.01, ROUND_HALF_UP). Every result quotes the clause it rests on
verbatim (title, 文号, clause path). Traces use the plain style (``1650元``) — they are pinned by golden tests and
read by the answer verifier; ``display_yuan`` groups digits for the page (``1,500元``, ``9.9992亿元``).
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from ingest.quantities import percent_text

Status = Literal["eligible", "not_eligible", "needs_info", "not_in_force"]
Kind = Literal["amount", "eligibility"]

FEN = Decimal("0.01")
YI = Decimal(100_000_000)
STATUS_LABELS: dict[str, str] = {
    "eligible": "符合条件",
    "not_eligible": "不符合条件",
    "needs_info": "需要补充信息",
    "not_in_force": "当时无适用规定",
}
VERDICT_LABELS: dict[str, str] = {
    "eligible": "符合",
    "not_eligible": "不符合",
    "needs_info": "尚不能判断",
    "not_in_force": "当时无适用规定",
}


class ClauseRef(BaseModel):
    """A clause quoted verbatim, with the document's title, 文号 and status from its metadata."""

    model_config = ConfigDict(frozen=True)

    doc_id: str
    title: str
    doc_number: str | None = None
    clause_path: str = Field(description="e.g. 三、（一）3; '' for the preamble.")
    text: str = Field(description="Verbatim excerpt of the clause (an omission shown as ……).")
    status: str = Field("in_force", description="Document status: in_force / superseded / unknown.")

    @property
    def label(self) -> str:
        """《标题》（文号）三、（一）3 — the copyable citation."""
        number = f"（{self.doc_number}）" if self.doc_number else ""
        return f"《{self.title}》{number}{self.clause_path or '前言'}"


class MissingFact(BaseModel):
    field: str
    question: str = Field(description="What to ask the user, in Chinese.")


class CalculationResult(BaseModel):
    name: str = Field(description="Rule id, e.g. sjz_skill_upgrade_subsidy.")
    title: str = Field(description="Chinese title.")
    region: str = Field(description="The region of the rule's document (from its metadata).")
    kind: Kind = "amount"
    doc_id: str = ""
    status: Status
    missing: list[MissingFact] = Field(default_factory=list)
    amount: Decimal | None = Field(None, description="Exact 元 when a single amount applies.")
    amount_min: Decimal | None = None
    amount_max: Decimal | None = Field(None, description="Upper end of a range, or the cap.")
    components: dict[str, Decimal] = Field(default_factory=dict, description="Named parts of the result.")
    unit: str = "元"
    trace: list[str] = Field(default_factory=list, description="Chinese calculation steps.")
    summary: str = ""
    sources: list[ClauseRef] = Field(default_factory=list, description="First = the clause the result rests on.")
    notes: list[str] = Field(default_factory=list)


def money(value: Decimal | int) -> Decimal:
    """Exact to the fen."""
    return Decimal(value).quantize(FEN, rounding=ROUND_HALF_UP)


def plain_number(value: Decimal | int) -> str:
    """``Decimal('15000.0')`` → ``15000``; ``1.5`` stays; never exponent notation."""
    text = format(Decimal(value).normalize(), "f")
    return text


def yuan(value: Decimal | int) -> str:
    """One readable style in traces: ``1650元``, ``1650.50元`` (no thousands separators)."""
    amount = money(value)
    text = f"{amount:.0f}" if amount == amount.to_integral_value() else f"{amount:.2f}"
    return f"{text}元"


def percent(rate: Decimal) -> str:
    """Decimal("0.015") → ``1.5%``."""
    return percent_text(rate * 100)


def display_yuan(value: Decimal | int) -> str:
    """For the page: ``1,500元``, ``1,650.50元``; from 1亿 up, ``9.9992亿元`` when that is exact to 4 places."""
    amount = money(value)
    if abs(amount) >= YI:
        in_yi = amount / YI
        if in_yi == in_yi.quantize(Decimal("0.0001")):
            return f"{plain_number(in_yi)}亿元"
    if amount == amount.to_integral_value():
        return f"{amount:,.0f}元"
    return f"{amount:,.2f}元"
