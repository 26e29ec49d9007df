"""Verdicts from any clause: compare the facts a user states with the thresholds the clause states.

A threshold is a quantity the clause bounds (12个月以上, 不满6个月, 最高2200元); it concerns a fact when one of the
fact's cues is written just before it in the same sentence (累计缴纳失业保险费12个月以上 concerns the months of
unemployment insurance). The verdict says which threshold and which value of the user's it compared — 符合, 不符合,
or 还需确认 when the clause sets a threshold on something the user has not said.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Literal

from assistant.citations import sentences
from ingest.knowledge import FactSpec
from ingest.quantities import Quantity, find_quantities

CUE_WINDOW = 24
_KINDS = {"months": ("duration", "月"), "years": ("duration", "月"), "money": ("money", "元"),
          "count": ("count", None), "percent": ("percent", "%")}
Outcome = Literal["eligible", "not_eligible", "needs_info"]


@dataclass(frozen=True)
class Check:
    fact: str
    threshold: Quantity
    sentence: str
    value: Any | None
    met: bool | None
    cue_at: int = 0

    def condition(self) -> str:
        """The condition as the clause words it, from the cue to the bound: 累计缴纳失业保险费12个月以上."""
        end = self.threshold.end
        tail = self.sentence[end : end + 6]
        for word in ("（含）以上", "(含)以上", "及以上", "以上", "以下", "以内"):
            if tail.startswith(word):
                end += len(word)
                break
        return self.sentence[self.cue_at : end].strip("，,；;")


@dataclass(frozen=True)
class Verdict:
    outcome: Outcome
    checks: list[Check]


def _user_value(spec: FactSpec, value: Any) -> Decimal | None:
    if isinstance(value, bool) or value is None:
        return None
    try:
        number = Decimal(str(value))
    except ArithmeticError:
        return None
    return number * 12 if spec.type == "years" else number


def _meets(value: Decimal, threshold: Quantity) -> bool:
    if threshold.bound == "min":
        return value >= threshold.value if threshold.inclusive else value > threshold.value
    return value <= threshold.value if threshold.inclusive else value < threshold.value


def checks(text: str, facts: dict[str, Any], specs: Iterable[FactSpec]) -> list[Check]:
    """Every threshold of ``text`` that concerns a known fact, compared with the user's value when given."""
    found: list[Check] = []
    specs = [s for s in specs if s.type in _KINDS and s.cues]
    for sentence in sentences(text):
        for quantity in (q for q in find_quantities(sentence) if q.bound):
            before = sentence[max(0, quantity.start - CUE_WINDOW): quantity.start]
            for spec in specs:
                kind, unit = _KINDS[spec.type]
                if quantity.kind != kind or (unit and quantity.unit != unit):
                    continue
                cue_positions = [before.rfind(cue) for cue in spec.cues if cue in before]
                if not cue_positions:
                    continue
                cue_at = max(0, quantity.start - CUE_WINDOW) + min(cue_positions)
                value = _user_value(spec, facts.get(spec.name))
                met = None if value is None else _meets(value, quantity)
                found.append(Check(spec.name, quantity, sentence, facts.get(spec.name), met, cue_at))
                break
    return found


def judge(text: str, facts: dict[str, Any], specs: Iterable[FactSpec]) -> Verdict | None:
    """A verdict when the clause sets a threshold on a fact the user stated; None when it sets none we can read."""
    found = checks(text, facts, specs)
    stated = [c for c in found if c.met is not None]
    if not stated:
        return None
    if any(c.met is False for c in stated):
        return Verdict("not_eligible", [c for c in stated if c.met is False])
    missing = [c for c in found if c.met is None]
    return Verdict("needs_info" if missing else "eligible", stated + missing)


def verdict_indices(text: str, verdict: Verdict) -> list[int]:
    """The sentences of ``text`` the verdict rests on (for the quote)."""
    parts = sentences(text)
    wanted = {check.sentence for check in verdict.checks}
    return [i for i, part in enumerate(parts) if part in wanted] or [0]
