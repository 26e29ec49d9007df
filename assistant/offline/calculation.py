"""Which calculator or eligibility check settles a question, and running it with the question's facts.

Nothing here names a rule: a rule is a candidate when its region's rules apply to the place asked about (or any
region when none is named), and it is chosen by the evidence — the rule whose clause the question's best supported
clause is — with its keywords and the facts it can use breaking ties.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from assistant.offline.evidence import Evidence
from assistant.rules.book import CompiledRule, RuleBook
from assistant.rules.results import CalculationResult
from ingest.knowledge import FactSpec
from retriever.understanding import Understanding
from retriever.understanding.facts import FactReader


@dataclass(frozen=True)
class RuleView:
    """A loaded rule as routing sees it: identity, where it applies, what it rests on, what it reads."""

    spec: CompiledRule

    @property
    def name(self) -> str:
        return self.spec.name

    @property
    def region(self) -> str:
        return self.spec.region

    @property
    def doc_id(self) -> str:
        return self.spec.doc_id

    @property
    def clause_path(self) -> str:
        return self.spec.clause_path

    @property
    def inputs(self) -> set[str]:
        return set(self.spec.input_model.model_fields)

    def assumptions(self) -> dict[str, tuple[Any, str]]:
        """What a general question may assume for this rule's missing inputs (input → value, phrase)."""
        return {i.name: (i.assume.value, i.assume.phrase) for i in self.spec.rule.inputs if i.assume is not None}


TIE = 0.95  # evidence this close to the strongest is as good as it


_FACT_TYPES = {"money": "money", "months": "months", "years": "years", "count": "count", "percent": "percent",
               "yes_no": "yes_no", "choice": "choice"}


def fact_specs(book: RuleBook) -> list[FactSpec]:
    """Every rule input a question can state, as a fact spec (its cues and options), so a new policy's rules are
    read from questions with no code: the same mechanism as the knowledge facts."""
    specs: dict[str, FactSpec] = {}
    for rule in book.list():
        for spec in rule.rule.inputs:
            if spec.type not in _FACT_TYPES or spec.name in specs or not (spec.cues or spec.options):
                continue
            options = {o.value: (o.value, *o.synonyms) for o in spec.options}
            specs[spec.name] = FactSpec(name=spec.name, type=_FACT_TYPES[spec.type], cues=tuple(spec.cues),
                                        options=options)
    return list(specs.values())


class RuleRouter:
    def __init__(self, book: RuleBook, splits: list[FactSpec], reader: FactReader | None = None):
        self.book = book
        self.rules = [RuleView(rule) for rule in book.list()]
        self.splits = splits  # count_by_choice facts: run once per option, then sum
        self.reader = reader  # the rules' own inputs, read from questions

    def with_rule_facts(self, understanding: Understanding) -> Understanding:
        """The reading plus the facts only the loaded rules know how to read (the knowledge facts win)."""
        if self.reader is None:
            return understanding
        extra = self.reader.read(understanding.normalized, understanding.quantities).values
        missing = {k: v for k, v in extra.items() if k not in understanding.facts}
        return understanding.model_copy(update={"facts": {**missing, **understanding.facts}}) if missing \
            else understanding

    def applicable(self, understanding: Understanding, regions: list[str] | None = None) -> list[RuleView]:
        """Rules of the regions that apply (the part's own regions when given); any rule when no place is named."""
        if regions is None and not understanding.places:
            return list(self.rules)
        allowed = regions if regions is not None else understanding.regions
        return [rule for rule in self.rules if rule.region in allowed]

    def keyword_score(self, rule: RuleView, understanding: Understanding) -> int:
        return sum(len(k) for k in rule.spec.keywords if k in understanding.normalized)

    def choose(
        self, understanding: Understanding, evidence: list[Evidence], regions: list[str] | None = None
    ) -> RuleView | None:
        """The applicable rule resting on the strongest supported clause (ties: keywords, then usable facts); else
        the applicable rule whose inputs the question's facts fill (two or more, or one with its keywords)."""
        candidates = self.applicable(understanding, regions)

        def preference(rule: RuleView) -> tuple[int, int]:
            return self.keyword_score(rule, understanding), len(rule.inputs & understanding.facts.keys())

        top = evidence[0].strength if evidence else 0.0
        for item in (e for e in evidence if e.strength >= TIE * top):
            on_clause = [r for r in candidates
                         if (r.doc_id, r.clause_path) == (item.chunk.doc_id, item.chunk.clause_path)]
            if on_clause:
                return max(on_clause, key=preference)
        if not understanding.places:
            return None  # facts alone never pick a region's rule
        by_facts = [r for r in candidates
                    if len(r.inputs & understanding.facts.keys()) >= 2
                    or (r.inputs & understanding.facts.keys() and self.keyword_score(r, understanding))]
        return max(by_facts, key=lambda r: preference(r)[::-1]) if by_facts else None

    def regions_with_rules(self, understanding: Understanding) -> list[RuleView]:
        """Rules anywhere whose keywords the question uses (for "which region regulates this")."""
        return [r for r in self.rules if self.keyword_score(r, understanding) > 0]

    # ---- running ---------------------------------------------------------------------------------------------
    def relevant_facts(self, rule: RuleView, facts: Mapping[str, Any]) -> dict[str, Any]:
        return {k: v for k, v in facts.items() if k in rule.inputs}

    def run(
        self, rule: RuleView, facts: Mapping[str, Any], *, assume: bool
    ) -> tuple[CalculationResult, dict, list]:
        """(result, arguments, assumptions stated) — general questions get the rule's stated defaults."""
        arguments = self.relevant_facts(rule, facts)
        stated: list[str] = []
        if assume:
            for field, (value, phrase) in rule.assumptions().items():
                if field not in arguments:
                    arguments[field] = value
                    stated.append(phrase)
        return self.book.run(rule.name, arguments), arguments, stated

    def split(self, rule: RuleView, facts: Mapping[str, Any]) -> tuple[FactSpec, dict[str, int]] | None:
        """A count per option (2个中级工、4个高级工) for a rule that takes one option and one count."""
        for spec in self.splits:
            counts = facts.get(spec.name)
            if counts and spec.choice_input in rule.inputs and spec.count_input in rule.inputs:
                return spec, counts
        return None
