"""Proposing a rules file from a policy's clauses (``policy-assistant rules draft PATH``), for staff to review.

The drafter reads each sentence's quantities with ``ingest.quantities`` (the parser verification uses, so every
proposed parameter verifies by construction) and recognises a few shapes policies state amounts in:

- a table by category: ``初级、中级、高级…分别给予1000元、1500元、2000元`` / ``初级工1000元，中级工1500元`` →
  ``rate_by_category`` with a choice input whose options are the categories;
- a cap: ``最高不超过2200元`` → ``capped_cost`` (a second cap in the sentence → an alternative with a yes/no input);
- a rate per head and period: ``每人每月500元、最长6个月`` → rate × people × months, capped by the longest period;
- a most per head and in all: ``每人不超过30万元，总额最高不超过150万元`` → rate × people, capped by the total;
- a percentage of a base: ``按职工工资总额1.5%``, ``按其实际缴费额的2/3`` → ``percent_of_base`` (with a cap per period,
  ``每人每月最高不超过M元``, each period clamped, then × periods; none when the cap stands elsewhere:
  上限仍按省定标准执行);
- a share changing with the period: ``第1年、第2年全额贴息，第3年贴息50%`` → ``percent_by_period`` (the sum paid
  each period × that period's share, over the periods; ``draft_schedule``);
- an uplift: ``提高10%`` → an uplift on the sentence's rate, with a yes/no input for its condition;
- thresholds: ``36个月(含)以上`` / ``12个月内`` → conditions on a months input (a checklist when no amount).

A value the sentence says is replaced (由X调整为Y, 从X提高到Y: X) is no value of it.

Everything is marked ``status: draft``: labels, questions and options are guesses for staff to correct.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml

from assistant.rules.draft_schedule import Schedule, read_schedule
from assistant.rules.draft_text import (
    BARE_LABEL,
    BASE_NOUN,
    CAP_ELSEWHERE,
    DESCRIPTOR_END,
    LEAD_WORDS,
    LEVEL_LIST,
    OF_SUM,
    POINT,
    RANGE_GAP,
    SEPARATORS,
    TARGET_RATE,
    TRAIL_WORDS,
    UPLIFT_WORDS,
    added,
    bound_end,
    expand_levels,
    label_before,
    listed_before,
    make_parameter,
    number,
    phrase_start,
    point_of,
    replaced,
    unit_of_label,
)
from ingest.models import Chunk
from ingest.quantities import Quantity, find_quantities

SENTENCE = re.compile(r"[^。；;！？\n]+[。！？]?")
FULL_SENTENCE = re.compile(r"[^。！？\n]+[。！？]?")  # a schedule's steps may be parted by ；
SUM_NAMED = re.compile(r"按(?:照)?([^，,。；;：:按]{2,24}?)的?\s*$")  # 按借款人实际支付利息（全额）: the sum shared
PER_INPUTS = {"人": ("people", "count", "人数", "人", "享受补贴的人数是多少？"),
              "月": ("months", "months", "月数", "个月", "享受补贴的月数是多少？"),
              "年": ("years", "years", "年数", "年", "享受补贴的年数是多少？"),
              "天": ("days", "count", "天数", "天", "享受补贴的天数是多少？")}
COUNT_UNITS = ("人", "个", "名", "次", "项", "家", "间", "户")
TABLE_ROW = re.compile(r"^(?P<table>.*\S)\s+第\d+行$")
DRAFT_MARK = "（草稿，请核对）"  # opens a drafted rule's description, before its sentence
GRID_JOIN = "·"  # a grid cell's category: row lead · column header (or · the row's other words)
# a row's word cell as ingest renders it: （等级：三级/高级工）
TEXT_CELL = re.compile(r"[（(，,][^：:（()）,，]{1,12}[：:]\s*([^，,（()）\d][^，,（()）]{0,15})")
# one cell of a row of figures as ingest renders it: 中级（四级）N元/人 or 一等奖（金牌）：N万元
GRID_CELL = re.compile(r"(?:^|[，,])(?P<cell>(?P<label>[^，,：:\d]{1,20}?)[：:]?\d+(?:\.\d+)?(?:万元|元))")
CELL = re.compile(r"(?:^|[（(，,])\s*(?P<label>[^：:（()）,，]{1,20})[：:]\s*(?P<number>\d+(?:\.\d+)?)(?=$|[）),，])")
MONEY_TABLE = re.compile(r"补贴|补助|标准|金额|奖励|资助|元")
CLAUSE_BREAKS = "，,；;。：:"
UPLIFT_REACH = 40  # characters an uplift's condition may span before the uplift word
RAISED_STANDARD = re.compile(r"(?:按照|按|在)[^，,；;]*$")  # 按本办法第七条规定标准 (what is raised, not when)


def paid_label(paid: str, lead: str) -> str:
    """The category of a table row named by what it pays, its lead cell as qualifier: 一次性留用奖励（留用…的）."""
    return f"{paid}（{lead}）"


def labels_row(label: str, row: str) -> bool:
    """The category label is the row's (the row's text begins with it, or it is the row named by what it pays)."""
    return row.startswith(label) or label.endswith(f"（{row.partition('：')[0]}）")


@dataclass
class DraftRule:
    clause: str
    sentence: str
    point: str
    parameters: dict[str, dict[str, Any]] = field(default_factory=dict)
    inputs: list[dict[str, Any]] = field(default_factory=list)
    conditions: list[dict[str, Any]] = field(default_factory=list)
    formula: dict[str, Any] = field(default_factory=dict)

    def add_input(self, spec: dict[str, Any]) -> str:
        if all(existing["name"] != spec["name"] for existing in self.inputs):
            self.inputs.append(spec)
        return spec["name"]


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_")[:40] or "policy"


def _point(text: str, heading: str) -> str:
    """The benefit a sentence pays (一次性创业补贴), else its clause's heading (or 补贴)."""
    found = POINT.search(text)
    point = found.group(1).rsplit("的", 1)[-1] if found else ""
    return point if len(point) >= 4 else (heading[:12] or "补贴")


class _Drafter:
    def __init__(self, stem: str, region: str) -> None:
        self.stem, self.region = _slug(stem), region
        self.rules: list[DraftRule] = []

    # ---------------------------------------------------------------- shapes

    def sentence(self, clause: str, text: str, heading: str) -> None:
        found = [q for q in find_quantities(text) if not replaced(text, q)]
        floors = [q for q in found if q.kind == "money" and q.bound == "min" and not q.per]
        money = [q for q in found if q.kind == "money" and q not in floors and not added(text, q)]
        rule = DraftRule(clause=clause, sentence=text, point=_point(text, heading))
        uplifts = [q for q in found if q.kind == "percent" and UPLIFT_WORDS.search(text[: q.start])]
        percents = [q for q in found if q.kind == "percent" and q not in uplifts]
        pair = next(((a, b) for a, b in itertools.pairwise(money)
                     if RANGE_GAP.match(text[a.end : b.start])), None)
        if pair is not None:
            self._range(rule, text, *pair)
        elif len(money) == 2 and money[0].per == ("人",) and not money[1].per and all(q.bound == "max" for q in money):
            self._total(rule, text, *money)
        elif money and all(q.bound == "max" for q in money) and (shares := self._bases(text, percents)):
            # 按实际支付利息的P%给予贴息，每户每年最高不超过M元: a share of the asker's sum, capped
            self._percent(rule, text, shares, [q for q in percents if q is not shares[0]])
            rule.parameters["cap"] = make_parameter(money[0], "元", text, phrase_start(text, money[0].start, ""),
                                                    money[0].end)
            rule.formula["cap"] = "cap"
            self._per(rule, money[0], heads=False)
        elif money and all(q.bound == "max" for q in money):
            self._cap(rule, text, money)
        elif len(money) >= 2 and self._table(rule, text, money):
            pass
        elif money:
            self._rate(rule, text, money[0], found)
        elif (bases := self._bases(text, percents)) and not self._cap_elsewhere(text[bases[0].end :]):
            self._percent(rule, text, bases, [q for q in percents if q is not bases[0]])
        for quantity in uplifts:
            self._uplift(rule, text, quantity)
        limits = [q for q in found if q.bound and q not in money and q.kind in ("duration", "count", "money")
                  and not (q.kind == "duration" and q.unit not in ("月", "天"))
                  and not (q.kind == "count" and q.unit not in COUNT_UNITS)]
        self._thresholds(rule, text, [q for q in limits if "max_periods" not in rule.parameters
                                      or rule.parameters["max_periods"]["phrase"] not in text[q.start - 6 : q.end]])
        if rule.formula or rule.conditions:
            self.rules.append(rule)

    @staticmethod
    def _cap_elsewhere(rest: str) -> bool:
        """``rest`` (the sentence after a share, stating no sum) names a most it does not state (每人每月补贴上限仍按
        省定标准执行) — not a bound on a period or a count (补贴期限最长不超过3年)."""
        for match in CAP_ELSEWHERE.finditer(rest):
            bounded = re.split(r"[，,。；;]", rest[match.end() :], maxsplit=1)[0]
            if not any(q.kind in ("duration", "count", "age", "percent") for q in find_quantities(bounded)):
                return True
        return False

    @staticmethod
    def _bases(text: str, percents: list[Quantity]) -> list[Quantity]:
        """The percentages of a sum the sentence names before them (按职工工资总额P%, 按实际支付利息的P%, or any sum
        按…的 names: 按其实际缴费额的2/3), not targets (就业率达到P%)."""
        return [q for q in percents if (BASE_NOUN.search(text[max(0, q.start - 16) : q.start])
                                        or OF_SUM.search(text[: q.start])) and not TARGET_RATE.search(text[: q.start])]

    def schedule(self, clause: str, text: str, heading: str, schedule: Schedule) -> None:
        """第1年、第2年全额贴息，第3年贴息50%: the sum paid each period × that period's share, over the periods."""
        rule = DraftRule(clause=clause, sentence=text, point=_point(text, heading))
        name, kind, label, shown, question = PER_INPUTS[schedule.unit]
        periods = rule.add_input({"name": name, "type": kind, "label": label, "unit": shown, "min": 1,
                                  "question": question})
        steps: list[dict[str, Any]] = []
        bases = []
        for index, step in enumerate(schedule.steps, start=1):
            rule.parameters[f"rate_{index}"] = make_parameter(step.share, "%", text, step.start, step.share.end)
            steps.append({"first": step.first, "rate": f"rate_{index}",
                          **({"last": step.last} if step.last is not None else {})})
            named = SUM_NAMED.search(text[step.start : step.share.start])
            bases += [named.group(1)] if named else []
        base_label = bases[0] if bases else "基数"
        base = rule.add_input({"name": "base", "type": "money", "label": base_label, "min": 0,
                               "question": f"每{schedule.unit}{base_label}是多少元？"})
        rule.formula = {"kind": "percent_by_period", "base": base, "periods": periods, "steps": steps,
                        "per": f"每{schedule.unit}"}
        self.rules.append(rule)

    def _table(self, rule: DraftRule, text: str, money: list[Quantity]) -> bool:
        listing = LEVEL_LIST.search(text[: money[0].start])
        labels = expand_levels(listing.group(1)) if listing else []
        if len(labels) != len(money):
            listing, labels = None, listed_before(text, money[0].start, len(money))
        if len(labels) != len(money):
            labels = [label_before(text, q.start, listed=True) for q in money]
        if len(set(labels)) != len(money) or not all(labels):
            return False
        from_list = listing is not None and len(expand_levels(listing.group(1))) == len(money)
        start = listing.start() if from_list and listing else phrase_start(text, money[0].start, labels[0])
        if "分别" in text[start : money[0].start] or (not from_list and "分别" in text[: money[0].start]):
            start = min(start, text.rfind("分别", 0, money[0].start))
        rates = {}
        for index, (label, quantity) in enumerate(zip(labels, money, strict=True)):
            name = f"rate_{index + 1}"
            rule.parameters[name] = {**make_parameter(quantity, "元", text, start, money[-1].end), "label": label}
            rates[label] = name
        category = rule.add_input({"name": "category", "type": "choice", "label": "类别（等级）",
                                   "question": f"请问您属于哪一类：{'、'.join(labels)}？",
                                   "options": [{"value": label} for label in labels]})
        rule.formula = {"kind": "rate_by_category", "category": category, "rates": rates}
        self._per(rule, money[0])
        return True

    def _range(self, rule: DraftRule, text: str, low: Quantity, high: Quantity) -> None:
        start = phrase_start(text, low.start, "")
        rule.parameters["grant_min"] = make_parameter(low, "元", text, start, high.end)
        rule.parameters["grant_max"] = make_parameter(high, "元", text, start, high.end)
        rule.formula = {"kind": "range_grant", "min": "grant_min", "max": "grant_max"}

    def _per(self, rule: DraftRule, quantity: Quantity, *, heads: bool = True) -> None:
        """Inputs for the heads and periods a rate is given per; ``heads=False``: the periods only (a share's cap
        每人每月最高不超过M元 clamps each head's own sum)."""
        for unit in quantity.per:
            if unit == "人" and not heads:
                continue
            if unit in PER_INPUTS and ("count" if unit == "人" else "periods") not in rule.formula:
                name, kind, label, shown, question = PER_INPUTS[unit]
                rule.add_input({"name": name, "type": kind, "label": label, "unit": shown, "min": 1,
                                "question": question})
                rule.formula["count" if unit == "人" else "periods"] = name
                rule.formula["per"] = "每" + "每".join(quantity.per)

    def _total(self, rule: DraftRule, text: str, each: Quantity, total: Quantity) -> None:
        """每人不超过N元，总额最高不超过M元: the most is N per head, the heads' sum never above M."""
        self._rate(rule, text, each, [])
        rule.parameters["max_total"] = make_parameter(total, "元", text, phrase_start(text, total.start, ""),
                                                      total.end)
        rule.formula["max_total"] = "max_total"

    def _cap(self, rule: DraftRule, text: str, caps: list[Quantity]) -> None:
        first = caps[0]
        rule.parameters["cap"] = make_parameter(first, "元", text, phrase_start(text, first.start, ""), first.end)
        cost = rule.add_input({"name": "actual_cost", "type": "money", "label": "实际费用", "min": 0,
                               "question": "实际发生的费用是多少元？"})
        rule.formula = {"kind": "capped_cost", "cost": cost, "cap": "cap"}
        for index, other in enumerate(caps[1:], start=2):
            start = phrase_start(text, other.start, "", limit=40)
            head = text[start : other.start].strip(SEPARATORS + " ")
            cut = DESCRIPTOR_END.search(head)
            condition = (head[: cut.start()] if cut else head).strip() or f"情形{index}"
            rule.parameters[f"cap_{index}"] = make_parameter(other, "元", text, start, other.end)
            flag = rule.add_input({"name": f"case_{index}", "type": "yes_no", "label": f"是否{condition}",
                                   "yes_text": condition, "question": f"是否属于{condition}？"})
            rule.formula.setdefault("alternatives", []).append({"when": flag, "cap": f"cap_{index}"})

    def _rate(self, rule: DraftRule, text: str, quantity: Quantity, found: list[Quantity]) -> None:
        rule.parameters["rate"] = make_parameter(quantity, "元", text, phrase_start(text, quantity.start, ""),
                                             quantity.end)
        rule.formula = {"kind": "rate_by_category", "rate": "rate"}
        self._per(rule, quantity)
        longest = next((q for q in found if q.kind == "duration" and q.start > quantity.end
                        and re.search(r"(最长|最多|不超过|累计不超过)\s*$", text[: q.start])), None)
        if longest is not None and "periods" in rule.formula:
            unit = {"months": "个月", "years": "年"}.get(rule.formula["periods"], longest.unit)
            rule.parameters["max_periods"] = make_parameter(longest, unit, text, max(0, longest.start - 4), longest.end)
            rule.formula["max_periods"] = "max_periods"

    def _percent(self, rule: DraftRule, text: str, percents: list[Quantity], others: list[Quantity]) -> None:
        first = percents[0]
        label = label_before(text, first.start, limit=16) or "基数"
        label = re.sub(r"^(?:不低于|不超过|不高于|按|按照)", "", label) or "基数"
        rule.parameters["rate"] = make_parameter(first, "%", text, phrase_start(text, first.start, label), first.end)
        base = rule.add_input({"name": "base", "type": "money", "label": label, "min": 0,
                               "question": f"{label}是多少元？"})
        rule.formula = {"kind": "percent_of_base", "base": base, "rate": "rate"}
        if "扣除" in text:  # 不超过…8%的部分准予扣除: a deduction limit; the excess may carry forward
            expense = rule.add_input({"name": "expense", "type": "money", "label": "实际支出", "min": 0,
                                      "question": "实际发生的支出是多少元？"})
            rule.formula = {"kind": "deduction_carry_forward", "base": base, "expense": expense, "rate": "rate"}
            return
        for index, other in enumerate(others, start=2):
            before, after = text[max(0, other.start - 4) : other.start], text[other.end : other.end + 8]
            start = phrase_start(text, other.start, "", limit=12)
            if re.search(r"可按|可以按|最高可按", before):
                condition = label_before(text, text.rfind("可", 0, other.start), limit=20) or f"情形{index}"
                rule.parameters[f"rate_{index}"] = make_parameter(other, "%", text, start, other.end)
                flag = rule.add_input({"name": f"case_{index}", "type": "yes_no", "label": f"是否{condition}",
                                       "yes_text": condition, "question": f"是否属于{condition}？"})
                rule.formula["upper"] = {"when": flag, "rate": f"rate_{index}"}
            elif other.bound == "min" and "用于" in after:
                name = f"share_{index}"
                rule.parameters[name] = make_parameter(other, "%", text, start, bound_end(text, other))
                rule.formula.setdefault("shares", []).append({"parameter": name, "label": f"其中{other.raw}部分"})

    def _uplift(self, rule: DraftRule, text: str, quantity: Quantity) -> None:
        """The condition is the clause part before the uplift word (吸纳脱贫劳动力的提高20%); when that part only
        says what is raised (按上述标准提高10%), the part before it."""
        start = quantity.start
        while start > 0 and text[start - 1] not in CLAUSE_BREAKS and quantity.start - start < UPLIFT_REACH:
            start -= 1
        head = UPLIFT_WORDS.sub("", text[start : quantity.start])
        head = RAISED_STANDARD.sub("", head)
        condition = TRAIL_WORDS.sub("", LEAD_WORDS.sub("", head)).strip()
        condition = condition or label_before(text, start, limit=30) or "符合提高条件"
        name = "uplift" if "uplift" not in rule.parameters else f"uplift_{len(rule.parameters)}"
        rule.parameters[name] = make_parameter(quantity, "%", text, start, quantity.end)
        if rule.formula.get("kind") == "rate_by_category":
            flag = rule.add_input({"name": f"{name}_case", "type": "yes_no", "label": f"是否{condition}",
                                   "yes_text": condition, "question": f"是否{condition}？"})
            rule.formula.setdefault("uplifts", []).append({"when": flag, "parameter": name})
        elif not rule.formula:  # 补贴标准提高15%: the raise on a standard set elsewhere
            base = rule.add_input({"name": "standard", "type": "money", "label": "补贴标准", "min": 0,
                                   "question": "原补贴标准是多少元？"})
            rule.formula = {"kind": "percent_of_base", "base": base, "rate": name, "amount_label": "提高部分"}

    def _thresholds(self, rule: DraftRule, text: str, limits: list[Quantity]) -> None:
        for index, quantity in enumerate(limits, start=1):
            label = label_before(text, quantity.start, limit=16) or "数值"
            start, end = phrase_start(text, quantity.start, label), bound_end(text, quantity)
            phrase = text[start:end].strip()
            name = f"threshold_{index}"
            if quantity.kind == "money":
                unit, spec = "元", {"type": "money", "label": label, "question": f"{label}是多少元？"}
            elif quantity.kind == "count":
                unit = quantity.unit
                spec = {"type": "count", "label": label, "unit": unit, "question": f"{label}是多少{unit}？"}
            elif quantity.unit == "天":
                unit = "天"
                spec = {"type": "count", "label": f"{label}天数", "unit": "天", "question": f"{label}多少天？"}
            else:
                unit, spec = "个月", {"type": "months", "label": f"{label}月数", "question": f"{label}多少个月？"}
            rule.parameters[name] = make_parameter(quantity, unit, text, start, end)
            given = rule.add_input({"name": f"fact_{index}", "min": 0, **spec})
            test = "at_least" if quantity.bound == "min" else "at_most"
            if quantity.inclusive is False:
                test = "more_than" if quantity.bound == "min" else "less_than"
            rule.conditions.append({"input": given, test: name, "phrase": phrase})
        if rule.conditions and not rule.formula:
            rule.formula = {"kind": "checklist"}

    def table(self, path: str, rows: list[Chunk]) -> None:
        """A table whose rows end in a number: one rule, a category per row (the row's lead cell), the main
        column's number as its rate when the table is about money, the other numeric columns as parameters."""
        # the nearest heading saying more than its label (（一） alone → 三、岗位补贴 above it)
        caption = next((h for h in reversed(rows[0].heading_path) if BARE_LABEL.sub("", h).strip()), path)
        # the caption is the clause above the rows: its own figures (见习期最长不超过N个月) are no row's to verify
        described = "，".join(part for part in re.split(r"[，,；;]", caption) if not find_quantities(part)) or caption
        rule = DraftRule(clause=rows[0].clause_path, sentence=described, point=point_of(caption))
        if MONEY_TABLE.search(caption) and self._grid(rule, rows):
            self.rules.append(rule)
            return
        groups = self._by_unit(rows) if MONEY_TABLE.search(caption) else [rows]
        leads = [row.text.partition("：")[0] for row in rows]
        for group in groups:
            rule = DraftRule(clause=group[0].clause_path, sentence=described, point=point_of(caption))
            self._rows(rule, group, leads, caption, fewest=2 if len(groups) == 1 else 1)

    def _by_unit(self, rows: list[Chunk]) -> list[list[Chunk]]:
        """The rows by what their figure is paid per (每人每月 rows apart from a 每人 one-off row), so that months
        multiply only the monthly rows; rows stating no figure stay with the first group."""
        units: dict[tuple[str, ...] | None, list[Chunk]] = {}
        for row in rows:
            rest = row.text.partition("：")[2]
            main = self._main_sum(rest)
            figure = next((q for q in find_quantities(rest) if main is not None and q.kind == "money"
                           and q.start <= main.start(1) < q.end), None)
            units.setdefault(figure.per if figure is not None else None, []).append(row)
        stated = [group for unit, group in units.items() if unit is not None]
        if len(stated) < 2:
            return [rows]
        stated[0] = sorted([*stated[0], *units.get(None, [])], key=rows.index)
        return stated

    def _rows(self, rule: DraftRule, rows: list[Chunk], leads: list[str], caption: str, *, fewest: int) -> None:
        """One rule of a table's rows: a category per row (the row's lead cell) when ``fewest`` or more rows state
        a rate, the main column's number as its rate, the other numeric columns as parameters."""
        rates: dict[str, str] = {}
        labels: list[str] = []  # one per rate row: two rows read alike leave the table undrafted
        for index, row in enumerate(rows, start=1):
            lead, _, rest = row.text.partition("：")
            main = self._main_sum(rest)
            if not lead or main is None:
                continue
            if MONEY_TABLE.search(caption):
                # a lead on several rows (电工 四级 / 电工 三级): the row's other words tell them apart
                label = lead if leads.count(lead) == 1 else GRID_JOIN.join([lead, *TEXT_CELL.findall(rest)])
                # a row apart from the others (一次性留用奖励N元/人 beside monthly rows) is named by what it pays
                paid = POINT.search(rest[: main.start(1)]) if len(rows) == 1 and fewest == 1 else None
                label = paid_label(paid.group(1), label) if paid else label
                rule.parameters[f"rate_{index}"] = {"value": number(Decimal(main.group(1))), "unit": "元",
                                                    "phrase": row.text[: len(lead) + 1 + main.end()],
                                                    "clause": row.clause_path, "label": label}
                rates[label] = f"rate_{index}"
                labels.append(label)
            for cell in CELL.finditer(rest[main.end() :]):
                unit = unit_of_label(cell.group("label"))
                if unit:
                    rule.parameters[f"col_{index}_{len(rule.parameters)}"] = {
                        "value": number(Decimal(cell.group("number"))), "unit": unit,
                        "phrase": f"{cell.group('label')}：{cell.group('number')}", "clause": row.clause_path}
        if len(rates) >= fewest and len(rates) == len(labels):
            category = rule.add_input({"name": "category", "type": "choice", "label": "类别",
                                       "question": "请问适用表中哪一类？",
                                       "options": [{"value": label} for label in rates]})
            rule.formula = {"kind": "rate_by_category", "category": category, "rates": rates}
            self._shared_per(rule, rows)
        if rule.parameters and rule.formula:
            self.rules.append(rule)

    def _grid(self, rule: DraftRule, rows: list[Chunk]) -> bool:
        """A table of amounts by row and column (职业 × 初级/中级/高级, 竞赛类别 × 一等奖/二等奖): one category per
        cell, named ``row·column`` (``GRID_JOIN``), when every row states an amount under the same columns."""
        cells: dict[str, list[tuple[str, Quantity, str]]] = {}
        for row in rows:
            lead, _, rest = row.text.partition("：")
            found = []
            for match in GRID_CELL.finditer(rest):
                amounts = [q for q in find_quantities(match.group("cell")) if q.kind == "money"]
                if amounts:
                    found.append((match.group("label").strip(), amounts[0], match.group("cell").strip("，,")))
            if lead and len(found) >= 2:
                cells[row.clause_path] = [(f"{lead}{GRID_JOIN}{label}", amount, phrase)
                                          for label, amount, phrase in found]
        columns = {tuple(label.split(GRID_JOIN, 1)[1] for label, _, _ in found) for found in cells.values()}
        labels = [label for found in cells.values() for label, _, _ in found]
        if len(cells) < 2 or len(columns) != 1 or len(set(labels)) != len(labels):
            return False  # rows under other columns, or two rows with one lead: no cell may be unreachable
        rates: dict[str, str] = {}
        for clause, found in cells.items():
            for label, amount, phrase in found:
                name = f"rate_{len(rates) + 1}"
                rule.parameters[name] = {"value": number(amount.value), "unit": "元", "phrase": phrase,
                                         "clause": clause, "label": label}
                rates[label] = name
        category = rule.add_input({"name": "category", "type": "choice", "label": "类别",
                                   "question": "请问适用表中哪一类、哪一档？",
                                   "options": [{"value": label} for label in rates]})
        rule.formula = {"kind": "rate_by_category", "category": category, "rates": rates}
        self._shared_per(rule, rows)
        return True

    @staticmethod
    def _main_sum(rest: str) -> re.Match[str] | None:
        """The row's figure (1600 or 补贴标准1600元/人) after its lead cell; a figure in another unit first (16学时，
        补贴标准300元/人) yields to the row's first sum of money."""
        main = re.match(r"\s*[^\d（(：:]{0,12}?(\d+(?:\.\d+)?)", rest)
        if main is None:
            return None
        found = find_quantities(rest)
        unit = next((q for q in found if q.start <= main.start(1) < q.end), None)
        if unit is None or unit.kind == "money":
            return main
        first = next((q for q in found if q.kind == "money"), None)
        return re.match(rf"[\s\S]{{{first.start}}}\D*?(\d+(?:\.\d+)?)", rest) if first is not None else main

    def _shared_per(self, rule: DraftRule, rows: list[Chunk]) -> None:
        """A table whose every stated amount is per head or period (补贴标准1400元/人, 每人每天50元): the rule counts
        heads (and periods) as a sentence's rate does; amounts per different things leave it a plain lookup."""
        sums = [q for row in rows for q in find_quantities(row.text) if q.kind == "money"]
        if len({q.per for q in sums}) == 1 and sums[0].per:
            self._per(rule, sums[0])

    # ---------------------------------------------------------------- output

    def document(self) -> dict[str, Any]:
        rules = []
        for index, rule in enumerate(self.rules, start=1):
            kind = "eligibility" if rule.formula["kind"] == "checklist" else "amount"
            rules.append({
                "id": f"{self.stem}_{index}"[:64],
                "title": f"{self.region}{rule.point}",
                "kind": kind,
                "point": rule.point,
                "description": f"{DRAFT_MARK}{rule.sentence[:120]}",
                "keywords": [rule.point],
                "clause": rule.clause,
                "inputs": rule.inputs,
                "parameters": rule.parameters,
                "conditions": rule.conditions,
                "formula": rule.formula,
            })
        return {"version": 1, "status": "draft", "rules": rules}


def draft_from_chunks(stem: str, region: str, chunks: list[Chunk]) -> dict[str, Any]:
    """A draft rules document (a mapping) from a parsed policy's chunks."""
    drafter = _Drafter(stem, region)
    clauses: dict[str, list[Chunk]] = {}
    for chunk in chunks:
        clauses.setdefault(chunk.clause_path, []).append(chunk)
    tables: dict[str, list[Chunk]] = {}
    for path, parts in clauses.items():
        row = TABLE_ROW.match(path)
        if row and parts[0].kind == "table_row":
            tables.setdefault(row.group("table"), []).append(parts[0])
            continue
        text = "\n".join(c.text for c in sorted(parts, key=lambda c: c.part))
        heading = parts[0].clause_heading
        scheduled = []  # the sentences a schedule is read from: none of their parts is a share of its own
        for paragraph in text.splitlines():  # a schedule within a sentence, else across the paragraph's
            said = [(m.group(0), found) for m in FULL_SENTENCE.finditer(paragraph)
                    if (found := read_schedule(m.group(0)))]
            whole = read_schedule(paragraph) if not said else None
            for sentence, schedule in said or ([(paragraph, whole)] if whole else []):
                drafter.schedule(path, sentence.strip(), heading, schedule)
                scheduled.append(sentence)
        for match in SENTENCE.finditer(text):
            sentence = match.group(0).strip()
            if any(sentence in whole for whole in scheduled):
                continue
            if sentence and re.search(r"\d|[一二三四五六七八九十百千万]", sentence):
                drafter.sentence(path, sentence, heading)
    for table, rows in tables.items():
        drafter.table(table, rows)
    return drafter.document()


def draft_rules(path: Path) -> str:
    """``rules draft PATH``: the proposed rules file as YAML text (raises ``DocumentError`` for a bad file)."""
    from ingest.pipeline import parse_document

    document = parse_document(path)
    draft = draft_from_chunks(document.meta.doc_id, document.meta.region, document.chunks)
    header = (f"# Draft rules for {path.name} — proposed by `policy-assistant rules draft`; review every label,\n"
              f"# question and option, then set status: active. Format: README \"Rules as data\".\n")
    if not draft["rules"]:
        return header + "# 未在条款中发现可计算的金额、比例或期限。\nversion: 1\nstatus: draft\nrules: []\n"
    return header + yaml.safe_dump(draft, allow_unicode=True, sort_keys=False, width=120)
