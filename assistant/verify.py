"""Grounding checks for generated answers: citations resolve, numbers come from sources.

Used by the LLM engine after every generation and by the tests as a self-check on offline answers. An
answer passes when every ``[n]`` marker names a supplied source, and every amount (元/万元), percentage
and duration (个月/年) it states also appears in a cited clause or in a tool result.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal
from typing import Any, Literal

from pydantic import BaseModel, Field

from ingest.quantities import find_quantities, halfwidth, tidy

QuantityKind = Literal["money", "percent", "duration"]

CITATION_RE = re.compile(r"\[(\d{1,3})\]")


class Quantity(BaseModel):
    kind: QuantityKind
    value: Decimal = Field(description="Yuan for money, percent points for percent, months for durations.")
    raw: str


class VerificationIssue(BaseModel):
    kind: Literal["unknown_citation", "ungrounded_number", "missing_citation", "unsafe_content", "wrong_region"]
    detail: str = Field(description="Chinese explanation, also fed back to the model for the repair attempt.")


class VerificationReport(BaseModel):
    issues: list[VerificationIssue] = Field(default_factory=list)
    cited: list[int] = Field(default_factory=list)
    quantities: list[Quantity] = Field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.issues

    def feedback(self) -> str:
        return "；".join(issue.detail for issue in self.issues)


def extract_quantities(text: str) -> list[Quantity]:
    """Amounts, percentages and durations stated in ``text``, normalized (30万 → 300000元, 一年半 → 18个月)."""
    found = []
    for quantity in find_quantities(text):
        if quantity.kind in ("money", "percent") or (quantity.kind == "duration" and quantity.unit == "月"):
            found.append(Quantity(kind=quantity.kind, value=quantity.value, raw=quantity.raw))
    return found


def _values_in(texts: Iterable[str]) -> dict[QuantityKind, set[Decimal]]:
    """Every quantity in the sources, plus every bare number (a tool result may say 1650 without 元)."""
    values: dict[QuantityKind, set[Decimal]] = {"money": set(), "percent": set(), "duration": set()}
    bare: set[Decimal] = set()
    for text in texts:
        for quantity in extract_quantities(text):
            values[quantity.kind].add(quantity.value)
        for token in re.findall(r"\d+(?:\.\d+)?", halfwidth(text).replace(",", "")):
            bare.add(tidy(Decimal(token)))
    for kind in ("money", "percent"):
        values[kind] |= bare
    # A rate may be stored as a fraction (0.015) in a tool result and written as 1.5% in the answer.
    values["percent"] |= {tidy(value * 100) for value in bare if value < 1}
    return values


def tool_result_text(result: Any) -> str:
    return result if isinstance(result, str) else json.dumps(result, ensure_ascii=False, default=str)


def verify_answer(
    text: str,
    sources: Mapping[int, str],
    tool_results: Iterable[Any] = (),
    *,
    require_citation: bool = True,
    source_regions: Mapping[int, str] | None = None,
    places_in: Callable[[str], list[str]] | None = None,
) -> VerificationReport:
    """Check ``text`` against numbered source clauses (``[n]`` → verbatim text) and tool results.

    With ``source_regions`` (``[n]`` → region of the clause) and ``places_in`` (regions a sentence names), a
    sentence that names a region may only state numbers found in that region's (or national) clauses or in a
    calculator result for that region: "北京的补贴是2200元" citing 石家庄's clause is caught.
    """
    report = VerificationReport()
    markers = [int(n) for n in CITATION_RE.findall(text)]
    report.cited = sorted(set(markers))
    for n in report.cited:
        if n not in sources:
            report.issues.append(
                VerificationIssue(
                    kind="unknown_citation", detail=f"引用[{n}]不对应任何检索到的条款，请只引用检索结果中的编号"
                )
            )
    grounding = [sources[n] for n in report.cited if n in sources]
    grounding += [tool_result_text(result) for result in tool_results]
    known = _values_in(grounding)
    report.quantities = extract_quantities(text)
    for quantity in report.quantities:
        if quantity.value not in known[quantity.kind]:
            report.issues.append(
                VerificationIssue(
                    kind="ungrounded_number",
                    detail=f"“{quantity.raw}”在所引用的条款和计算结果中都找不到，不得自行给出数字",
                )
            )
    if source_regions is not None and places_in is not None:
        report.issues += _jurisdiction_issues(text, report.cited, sources, tool_results, source_regions, places_in)
    if require_citation and not report.cited and sources:
        report.issues.append(
            VerificationIssue(kind="missing_citation", detail="回答没有任何[n]引用，每个事实句都必须标注出处")
        )
    return report


NATIONAL = "全国"
_SENTENCE_RE = re.compile(r"[^。！？!?；;\n]+")


def _jurisdiction_issues(
    text: str,
    cited: list[int],
    sources: Mapping[int, str],
    tool_results: Iterable[Any],
    source_regions: Mapping[int, str],
    places_in: Callable[[str], list[str]],
) -> list[VerificationIssue]:
    issues: list[VerificationIssue] = []
    results = [tool_result_text(r) for r in tool_results]
    for sentence in _SENTENCE_RE.findall(text):
        named = places_in(sentence)
        quantities = extract_quantities(sentence)
        if not named or not quantities:
            continue
        allowed = {*named, NATIONAL}  # national rules hold everywhere
        texts = [sources[n] for n in cited if n in sources and source_regions.get(n) in allowed]
        texts += [r for r in results if any(f'"region": "{region}"' in r or f'"region":"{region}"' in r
                                            for region in named)]
        known = _values_in(texts)
        for quantity in quantities:
            if quantity.value not in known[quantity.kind]:
                issues.append(VerificationIssue(
                    kind="ungrounded_number",
                    detail=f"“{quantity.raw}”不是{'、'.join(named)}的条款或计算结果中的数字，不能套用其他地区的规定",
                ))
    return issues
