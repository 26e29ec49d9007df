"""Facts a question states, read by the declarative specs in ``data/knowledge/facts.yaml`` (and rules' inputs).

One mechanism per fact type, no per-fact code: a quantity of the fact's kind in the same clause as one of its cues;
a cue present or negated for yes/no; option words for choices. Negation (没交过失业保险 → 0 months) and rates given
per month for a yearly input (工资总额每月80万 → 960万元 a year, stated as an assumption) are handled here once.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from ingest.knowledge import FactSpec
from ingest.quantities import Quantity, find_quantities

_CLAUSE_BREAK = re.compile(r"[，,。；;！!？?\s]+")
_NEGATION_WINDOW = 8
_BENEFICIARY = 3  # characters allowed between a negation and its action (没给我交过)
_LIST_ITEM = 10  # characters of one item of a denied list (不是脱贫户、残疾人或失业人员)
_REFERRED_GAP = 2  # characters between a category and a reference word after it (技师是按, 技师都按)
_RUN_ON = 2  # characters a group's word as said may run on past its cue (残疾人 of 残疾, 脱贫户 of 脱贫)
_MONTHS_PER_YEAR = Decimal(12)


@dataclass(frozen=True)
class _Clause:
    text: str
    start: int


@dataclass(frozen=True)
class FactReading:
    """Facts read from one text, the assumptions made while reading them (shown in answers), each fact's type, and
    the quantities no fact claimed (a follow-up's "要是只交了十一个月呢" changes the fact of that type)."""

    values: dict[str, Any]
    assumptions: dict[str, str]
    kinds: dict[str, str]
    loose: list[Quantity]


def clauses(text: str) -> list[_Clause]:
    parts, position = [], 0
    for piece in _CLAUSE_BREAK.split(text):
        start = text.find(piece, position)
        if piece:
            parts.append(_Clause(piece, start))
            position = start + len(piece)
    return parts


class FactReader:
    """Reads the facts of ``specs`` from normalized question text (pure; build once per knowledge + rules)."""

    def __init__(self, specs: Iterable[FactSpec], negations: Iterable[str], actions: Iterable[str] = (),
                 references: Iterable[str] = ()) -> None:
        self.specs = list({spec.name: spec for spec in specs}.values())
        self.negations = sorted(set(negations), key=len, reverse=True)
        # after a cue, a negation counts only before an action word (失业保险没交过), never a bare 不 (…不知道多久)
        verbs = "|".join(map(re.escape, actions)) or "(?!)"
        words = "|".join(map(re.escape, self.negations)) or "(?!)"
        self._negated_action = re.compile(rf"(?:{words})(?:{verbs})")
        # a negated action just before the cue, its beneficiary in between: 没给我交过失业保险, 从来没帮我缴过社保
        self._negated_before = re.compile(rf"(?:{words})[^，,。；;！？]{{0,{_BENEFICIARY}}}?(?:{verbs})[过了]?$")
        # a negation before a list denies every item of it: 不是脱贫户、残疾人或失业人员
        item = rf"[^，,。；;！？!?、或和及与]{{1,{_LIST_ITEM}}}"
        self._denied_list = re.compile(rf"(?:{words})(?:{item}(?:、|或者|或|和|及|与))+$")
        # …or before a run of groups said one after another, nothing between (不是大学生退役军人那些): a negation of
        # two characters or more, then only words naming a group or a fact, each as said (残疾 of 残疾人: a
        # character or two may run on past the cue, never a joiner or the 的 of an attribute)
        named = sorted({w for s in self.specs if s.type in ("yes_no", "choice")
                        for w in (*s.cues, *(w for ws in s.options.values() for w in ws))}, key=len, reverse=True)
        long = "|".join(map(re.escape, (n for n in self.negations if len(n) >= 2))) or "(?!)"
        said = rf"(?:{'|'.join(map(re.escape, named)) or '(?!)'})[^，,。；;！？!?、或和及与的\s]{{0,{_RUN_ON}}}?"
        self._denied_run = re.compile(rf"(?:{long})(?:{said})+$")
        # a category another category is paid by (技师按高级工的标准补, 技师是按高级工补的): the word after the
        # reference names a standard, not the asker's own category (6个学徒都按中级工 says the apprentices' level)
        options = sorted({w for s in self.specs if s.type == "choice" for ws in s.options.values() for w in ws},
                         key=len, reverse=True)
        refs = "|".join(map(re.escape, sorted(set(references), key=len, reverse=True)))
        self._referred = re.compile(
            rf"(?:{'|'.join(map(re.escape, options))})[^，,。；;！？!?\s]{{0,{_REFERRED_GAP}}}(?:{refs})$"
        ) if options and refs else None

    def read(self, text: str, quantities: list[Quantity] | None = None) -> FactReading:
        quantities = find_quantities(text) if quantities is None else quantities
        parts = clauses(text)
        values: dict[str, Any] = {}
        assumptions: dict[str, str] = {}
        self._claimed: set[int] = set()
        for spec in self.specs:
            if spec.requires and not any(word in text for word in spec.requires):
                continue
            reader = getattr(self, f"_{spec.type}")
            value = reader(spec, text, parts, quantities, assumptions)
            if value is not None:
                values[spec.name] = value
        kinds = {name: spec.type for spec in self.specs if (name := spec.name) in values}
        loose = [q for q in quantities if q.start not in self._claimed and q.kind != "year"]
        return FactReading(values, assumptions, kinds, loose)

    # ---- helpers -------------------------------------------------------------------------------------------
    def negated_before(self, text: str, position: int) -> bool:
        """A negation word right before ``position`` (at most two characters between: 没交过失业保险,
        不是退役军人), a negated action with its beneficiary between (没给我交过失业保险), or a negation before a
        list the word is an item of (不是脱贫户、残疾人或失业人员), its items said with or without a joiner (不是大学生
        退役军人那些)."""
        window = text[max(0, position - _NEGATION_WINDOW) : position]
        before = text[:position]
        if self._negated_before.search(window) or self._denied_list.search(before) or self._denied_run.search(before):
            return True
        return any(word in window[-(len(word) + 2) :] for word in self.negations)

    def _cue_positions(self, spec: FactSpec, clause: _Clause) -> list[int]:
        if any(word in clause.text for word in spec.exclude_cues):
            return []
        if spec.scope == "question":
            return [0]
        masked = clause.text
        for word in spec.not_words:
            masked = masked.replace(word, "\0" * len(word))
        return [m.start() for cue in spec.cues for m in re.finditer(re.escape(cue), masked)]

    def _quantity_near_cue(
        self, spec: FactSpec, text: str, parts: list[_Clause], quantities: list[Quantity], kinds: tuple[str, ...],
        unit: str | None = None,
    ) -> tuple[Quantity | None, bool]:
        """(the quantity of ``kinds`` in a clause with a cue, whether the cue is negated and has no quantity)."""
        negated = False
        for clause in parts:
            positions = self._cue_positions(spec, clause)
            if not positions:
                continue
            end = clause.start + len(clause.text)
            inside = [q for q in quantities if clause.start <= q.start < end and q.kind in kinds
                      and (unit is None or q.unit == unit)]
            if inside:
                cue_at = clause.start + positions[0]
                chosen = min(inside, key=lambda q: abs(q.start - cue_at))
                self._claimed.add(chosen.start)
                return chosen, False
            absolute = [clause.start + p for p in positions]
            negated = negated or any(self.negated_before(text, p) or self._negated_after(clause, p) for p in absolute)
        return None, negated

    def _negated_after(self, clause: _Clause, position: int) -> bool:
        """失业保险没交过 / 保险从来没缴."""
        return bool(self._negated_action.search(clause.text[position:]))

    def _continuous_duration(self, spec: FactSpec, parts: list[_Clause], quantities: list[Quantity]) -> Quantity | None:
        """"干了三年，保险一直交着": the cue says the fact held throughout a duration stated in another clause. That
        duration stays the question's own (unclaimed): it is how long the asker worked or trained (一直带着干了9个月 is
        the period a monthly rate is paid for), the fact only held over it."""
        if not spec.continuous:
            return None
        cues = spec.continuous_cues or spec.cues
        for clause in parts:
            if any(c in clause.text for c in cues) and any(word in clause.text for word in spec.continuous):
                return next((q for q in quantities if q.kind == "duration" and q.unit == "月"), None)
        return None

    # ---- one reader per fact type --------------------------------------------------------------------------
    def _months(self, spec, text, parts, quantities, assumptions) -> int | None:
        quantity, negated = self._quantity_near_cue(spec, text, parts, quantities, ("duration",), "月")
        quantity = quantity or self._continuous_duration(spec, parts, quantities)
        if quantity is not None:
            return int(quantity.value)
        return 0 if negated else None

    def _years(self, spec, text, parts, quantities, assumptions) -> Decimal | None:
        quantity, _ = self._quantity_near_cue(spec, text, parts, quantities, ("duration",), "月")
        if quantity is None:
            return None
        years = quantity.value / _MONTHS_PER_YEAR
        return years.to_integral_value() if years == years.to_integral_value() else years.normalize()

    def _money(self, spec, text, parts, quantities, assumptions) -> Decimal | None:
        quantity, negated = self._quantity_near_cue(spec, text, parts, quantities, ("money", "number"))
        if quantity is None:
            return Decimal(0) if negated else None
        if quantity.kind == "number" and quantity.value < 100:
            return None  # a bare small number next to a money cue is a count or a date, not an amount
        value = quantity.value
        if spec.period == "年" and "月" in quantity.per:
            assumptions[spec.name] = f"按每月{_plain(value)}元×12个月折算为全年{_plain(value * _MONTHS_PER_YEAR)}元"
            value *= _MONTHS_PER_YEAR
        return value

    def _count(self, spec, text, parts, quantities, assumptions) -> int | None:
        quantity, _ = self._quantity_near_cue(spec, text, parts, quantities, ("count",))
        if quantity is None or quantity.value != quantity.value.to_integral_value() or quantity.value <= 0:
            return None
        return int(quantity.value)

    def _percent(self, spec, text, parts, quantities, assumptions) -> Decimal | None:
        quantity, _ = self._quantity_near_cue(spec, text, parts, quantities, ("percent",))
        return quantity.value if quantity else None

    def _yes_no(self, spec, text, parts, quantities, assumptions) -> bool | None:
        for clause in parts:
            for position in self._cue_positions(spec, clause):
                return not self.negated_before(text, clause.start + position)
        return None

    def _choice(self, spec, text, parts, quantities, assumptions) -> str | None:
        masked = text
        for word in spec.not_words:
            masked = masked.replace(word, "\0" * len(word))
        for option, words in spec.options.items():
            for word in sorted(words, key=len, reverse=True):
                for match in re.finditer(re.escape(word), masked):
                    referred = self._referred is not None and self._referred.search(text[: match.start()])
                    if not referred and not self.negated_before(masked, match.start()):
                        return option
        return None

    def _count_by_choice(self, spec, text, parts, quantities, assumptions) -> dict[str, int] | None:
        """2个中级工、4个高级工 / 中级工3人，高级工5人 → {中级工: 2, 高级工: 4} (two or more options counted)."""
        counts: dict[str, int] = {}
        claimed: set[int] = set()
        words = sorted(((w, option) for option, ws in spec.options.items() for w in ws), key=lambda p: -len(p[0]))
        for quantity in (q for q in quantities if q.kind == "count"):
            after = text[quantity.end : quantity.end + 6]
            before = text[max(0, quantity.start - 5) : quantity.start]
            for word, option in words:
                hit = after.find(word)
                if (hit >= 0 and not re.search(r"[，,。；;、\d]", after[:hit])) or before.endswith(word):
                    counts.setdefault(option, int(quantity.value))
                    claimed.add(quantity.start)
                    break
        if len(counts) < 2:  # one option counted is a head count, not heads by option: no quantity is taken
            return None
        self._claimed |= claimed
        return counts


def _plain(value: Decimal) -> str:
    return format(value.normalize(), "f")
