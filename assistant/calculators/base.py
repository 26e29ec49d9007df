"""Records every calculator shares: the clause reference, the result, the registry entry and money helpers.

Calculators are pure functions ``(input_model) -> CalculationResult``. Amounts are ``Decimal`` in 元, exact to
the fen (0.01, ROUND_HALF_UP). Every result quotes the clause it rests on verbatim.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

Status = Literal["eligible", "not_eligible", "needs_info"]
Kind = Literal["amount", "eligibility"]

FEN = Decimal("0.01")
STATUS_LABELS: dict[str, str] = {"eligible": "符合条件", "not_eligible": "不符合条件", "needs_info": "需要补充信息"}


class ClauseRef(BaseModel):
    """A clause quoted verbatim, with the document's title and 文号 from its sidecar."""

    model_config = ConfigDict(frozen=True)

    doc_id: str
    title: str
    doc_number: str | None = None
    clause_path: str = Field(description="e.g. 三、（一）3; '' for the preamble.")
    text: str = Field(description="Verbatim excerpt of the clause.")
    status: str = Field("in_force", description="Document status from the sidecar: in_force / superseded / unknown.")

    @property
    def label(self) -> str:
        """《标题》文号 三、（一）3 — the copyable citation."""
        number = f"（{self.doc_number}）" if self.doc_number else ""
        return f"《{self.title}》{number}{self.clause_path or '前言'}"


class MissingFact(BaseModel):
    field: str
    question: str = Field(description="What to ask the user, in Chinese.")


class CalculationResult(BaseModel):
    name: str = Field(description="Calculator id, e.g. sjz_skill_upgrade_subsidy.")
    title: str = Field(description="Chinese title.")
    region: str = Field(description="石家庄市 / 北京市 / 重庆市北碚区.")
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


@dataclass(frozen=True)
class Header:
    """Identity of one calculator; builds its results so name/title/region are written once."""

    name: str
    title: str
    region: str

    def result(self, **fields: Any) -> CalculationResult:
        return CalculationResult(name=self.name, title=self.title, region=self.region, **fields)


@dataclass(frozen=True)
class CalculatorSpec:
    name: str
    title: str
    description: str = field(repr=False)
    region: str
    kind: Kind
    input_model: type[BaseModel]
    func: Callable[[Any], CalculationResult] = field(repr=False)
    keywords: tuple[str, ...] = ()

    def describe(self) -> dict[str, Any]:
        """JSON-ready listing entry (``calc --list --json``, UI)."""
        fields = {
            name: {"title": info.title or name, "description": info.description or ""}
            for name, info in self.input_model.model_fields.items()
        }
        return {
            "name": self.name,
            "title": self.title,
            "description": self.description,
            "region": self.region,
            "kind": self.kind,
            "keywords": list(self.keywords),
            "fields": fields,
        }


def money(value: Decimal | int) -> Decimal:
    """Exact to the fen."""
    return Decimal(value).quantize(FEN, rounding=ROUND_HALF_UP)


def yuan(value: Decimal | int) -> str:
    """One readable style everywhere: ``1650元``, ``1650.50元`` (no thousands separators)."""
    amount = money(value)
    text = f"{amount:.0f}" if amount == amount.to_integral_value() else f"{amount:.2f}"
    return f"{text}元"


def percent(rate: Decimal) -> str:
    """Decimal("0.015") → ``1.5%``."""
    text = format((rate * 100).normalize(), "f")
    return f"{text}%"
