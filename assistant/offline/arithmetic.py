"""Amounts worked out from a clause that no reviewed rule covers.

A policy added without a rules file still states its rates in words (中级工每人每年N元；每人每天40元，最长不超过
30天). When an amount question's best clause states such a rate and no verified rule settles the question, the clause
is drafted in memory by the drafter behind ``policy-assistant rules draft`` — so every parameter is a verbatim phrase
of the clause — and the draft is checked by ``verify_rule`` like any rules file. Its inputs are filled from the
question only: the category the question names (one of the clause's own categories), the head count and the period
it states (never a quantity a condition fact already claimed, such as months of insurance), and whether it names an
uplift's condition. A draft the question does not fill, or one that would only restate the clause, is not run; the
clause is quoted as before. The answer says the figure was worked out from the clause text, not a reviewed rule.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import cn2an
from pydantic import ValidationError

from assistant.citations import sentences
from assistant.offline.support import shared_run, squeeze
from assistant.offline.verdicts import HEADS as HEAD_WORDS
from assistant.offline.verdicts import heads_cap
from assistant.rules.book import CompiledRule
from assistant.rules.draft_text import LABEL_CHARS, label_before, number
from assistant.rules.drafting import BARE_LABEL, DRAFT_MARK, GRID_JOIN, TABLE_ROW, draft_from_chunks
from assistant.rules.results import CalculationResult, money, plain_number, yuan
from assistant.rules.schema import Rule
from assistant.rules.verify import Clauses, RuleError, verify_rule
from ingest.knowledge import FactSpec, PartMonths
from ingest.models import Chunk, DocumentMeta
from ingest.quantities import COUNT_UNITS, Quantity, find_quantities
from ingest.textnorm import AFTER_CLAUSE, clause_span, digits, fold
from retriever.understanding import Understanding

PERIOD_INPUTS = {"years": Decimal(12), "months": Decimal(1)}  # input → months per unit (durations are in months)
INSTALMENTS = re.compile(r"分\s*(?P<n>\d+|[一二三四五六七八九十两]+)\s*(?P<unit>年|次|期|批)\s*(?:等额|平均|逐年)?\s*"
                         r"(?:发放|拨付|兑现|支付|兑付)")
LONGEST = re.compile(r"(?:最长|最多)(?:不超过|不得超过)?\s*$")  # 补贴期限最长不超过N个月
MAX_SEVERAL = 4  # categories one question may add up (两个证一共)
INCLUDES = re.compile(r"[（(](?:含|包括)([^）)]+)[）)]")  # 焊工（含电焊工、气焊工）
ONE_PERIOD = re.compile(r"[一1]\s*个?\s*[天日月年]")  # 一天, 一个月, 一年: the rate's own period when asked of
RATE_ASKED = re.compile(r"\s*(?:能|可以|可)?(?:补|给|发|拿|领)?\s*(?:多少|几)")  # 一天多少钱, 一个月能补多少
# 每人每月能领多少, 一个人每个月补多少: the unit a clause asking how much asks the amount per (a rate, not a total)
PER_ASKED = re.compile(r"(?:每|一)\s*(?:个|名|位)?\s*(人|户|月|年|天|日)(?!以上|以内|内|半|多)")
AMOUNT_ASKED = re.compile(r"多少|几")
EMPHATIC = re.compile(r"\s*(?:都|也)\s*(?:没|不|未)")  # 一天都没落下: not a single day missed, no period
# a group singled out of a head count: 其中1个是残疾人, 其中一名为脱贫人口, 30个是脱贫户 (not 另外10个…: the rest)
SUBGROUP = re.compile(r"(?<![另其余剩外])(?P<n>\d+|[一二两三四五六七八九十]+)\s*(?:个|名|位)\s*(?:人)?\s*(?:本人)?\s*"
                      r"(?:是|为|属于)(?P<x>[^，。,；;？?！!]{2,12})")
# the figure ending a cap's phrase: N个月 of 最长补贴期限N个月
CAP_VALUE = re.compile(r"(?:不超过|不得超过|为)?\s*[\d.一二三四五六七八九十两]+\s*个?(?:月|天|日|年)\s*$")
CLAUSE_BREAK = re.compile(r"[，,。；;？?！!、]")
YES_NO = "吗"  # the particle ending a yes/no question
HEADS = "heads_of_category"  # the fact a category's own head count is passed as
BENEFIT_RUN = 4  # characters in a row a period's phrase shares with a rate's benefit to be its (以工代训补贴)
NAMED_RUN = 2  # characters in a row the words before a question's sum share with a base's name to be said as it
PART_OF_NAME = 3  # characters of an option's name a question must say in a row to name it by part (挖掘机)
# a rate capped by what the asker actually pays (补贴额不超过其当月实际缴费额, 不高于实际发生的费用)
ACTUAL_CAP = re.compile(r"不(?:得)?(?:超过|高于)[^，,。；;]{0,8}?实际[^，,。；;]{0,8}?(?:额|费用|金额|数额)")
TOTAL = "合计："  # how a worked sum's last step begins
PERSON_UNITS = ("人", "个人", "名", "个", "位", "人次")  # the measure words that count people (一家厂 counts no one)


@dataclass(frozen=True)
class Worked:
    """A draft of the clause, run with the question's facts."""

    result: CalculationResult
    arguments: dict[str, Any]
    assumptions: list[str]
    rests_on: tuple[str, ...] = ()  # other clauses of the document a figure was read from (最长不超过N年)
    groups: tuple[tuple[str, Decimal, int], ...] = ()  # (who, rate, heads) when heads are paid different rates
    capped: tuple[Decimal, int] | None = None  # (the most in all, heads) when a total over heads was capped


@dataclass(frozen=True)
class Swap:
    """A figure another document says replaces one the clause states (由按实际缴费额的三分之二补贴调整为…80%): the
    clause's rule is run with the new figure, read from that document's own phrase (verified there)."""

    old: Quantity
    new: Quantity
    phrase: str  # the other document's words stating the new figure (按实际缴费额的80%)
    meta: DocumentMeta
    chunks: Sequence[Chunk]
    clause: str

    def applied(self, data: dict[str, Any]) -> dict[str, Any] | None:
        """The drafted rule with its parameter stating the old figure read from the other document; None when no
        parameter states it (the rule runs on figures the replacement leaves alone)."""
        unit = {"percent": "%", "money": "元"}.get(self.old.kind)
        names = [name for name, p in data["parameters"].items()
                 if p["unit"] == unit and Decimal(str(p["value"])) == self.old.value]
        if unit is None or not names:
            return None
        same = [q for q in find_quantities(self.phrase) if q.kind == self.new.kind]
        parameter: dict[str, Any] = {"value": number(self.new.value), "unit": unit, "phrase": self.phrase,
                                     "document": self.meta.doc_id, "clause": self.clause}
        if len(same) > 1:
            parameter["element"] = len(same) - 1  # the new figure ends its phrase
        return {**data, "parameters": {**data["parameters"], **dict.fromkeys(names, parameter)}}


def partial_months(months: Decimal, document: Sequence[Chunk],
                   part_months: PartMonths) -> tuple[Decimal, str, str] | None:
    """(the months paid for, the phrase saying so, its clause) of a stay with a part month (8个半月) as the document
    counts a part month (``answers.yaml: part_months``): 不足1个月的不计发 (whole months only) or
    满半个月不满1个月的按半个月计发 (half months); None when it says neither, or says both ways in different clauses."""
    found: dict[Decimal, tuple[str, str]] = {}
    for chunk in document:
        for sentence in sentences(chunk.text):
            said = part_months.step(sentence)
            if said is not None:
                found.setdefault(said[0], (said[1], chunk.clause_path))
    if len(found) != 1:
        return None
    step, (phrase, clause) = found.popitem()
    return (months // step) * step, phrase, clause


def _named(option: str, text: str, values: Iterable[str]) -> bool:
    """Said verbatim, as a stated value, or (三级/高级工; 小微企业、农民专业合作社) by one of its alternatives."""
    alternatives = [a for a in re.split(r"[/、]", option) if len(a) >= 2] if re.search(r"[/、]", option) else []
    return squeeze(option) in text or option in values or any(a in text for a in alternatives)


def _one_general(text: str, general: Sequence[str]) -> str:
    """The text with every word naming a thing's ordinary tier written as the first of them (普通 → 一般)."""
    for word in general[1:]:
        text = text.replace(word, general[0])
    return text


def _names(option: str, general: Sequence[str] = ()) -> list[str]:
    """The names an option is said by: its name before a qualifier, and each of several it lists (甲、乙), squeezed,
    numerals as digits, its ordinary tier's word written as the first of ``general``."""
    head = digits(_one_general(squeeze(_head(option)), general))
    return [head, *(part for part in head.split("、") if len(part) >= 2 and part != head)]


def _condition_of(sentence: str, phrase: str) -> str:
    """The part of a sentence before the phrase stating its rate, from its last colon or semicolon
    (一次性创业补贴标准为：从事个体经营的，每户N元 → 从事个体经营的); "" when the phrase is not in it."""
    sentence = sentence.removeprefix(DRAFT_MARK)
    at = sentence.find(phrase) if phrase else -1
    if at <= 0:
        return ""
    before = sentence[:at]
    start = max(before.rfind(mark) for mark in "：:；;。") + 1
    return before[start:].strip(" ，,　")


def _head(option: str) -> str:
    """An option's name before its qualifier: 焊工（五级/初级工） → 焊工."""
    return re.split(r"[（(]", option, maxsplit=1)[0].strip()


HEAD_UNITS = frozenset({"人", "户"})
PERIOD_UNITS = {"days": "天", "months": "月", "years": "年"}


def asked_per(text: str, total_words: Sequence[str]) -> frozenset[str]:
    """The units a question asks an amount per (每人每月能领多少 → 人, 月; 一个人每个月补多少): said in a clause that
    asks how much, in a question asking no total (一共, 加起来 ask the whole, whatever unit is said beside)."""
    if any(word in text for word in total_words):
        return frozenset()
    units = {m.group(1) for clause in AFTER_CLAUSE.split(text) if AMOUNT_ASKED.search(clause)
             for m in PER_ASKED.finditer(clause)}
    return frozenset("天" if unit == "日" else unit for unit in units)


def _own_row(text: str, arguments: Mapping[str, Any]) -> str:
    """The line of a table's text that the chosen category heads (its cap, not another row's), else the text."""
    chosen = next((v for v in arguments.values() if isinstance(v, str)), None)
    if chosen is None:
        return text
    head = _head(chosen.split(GRID_JOIN, 1)[0])
    rows = [line for line in text.splitlines() if head and head in line]
    return rows[0] if len(rows) == 1 else text


def _cap_named_in(phrase: str, document: Sequence[Chunk]) -> list[str]:
    """The clause saying how a table's longest period applies (补贴期限不超过附件1规定的最长补贴期限) when the cap was
    read from a row's column (最长补贴期限N个月): the first other clause naming the column."""
    name = squeeze(CAP_VALUE.sub("", phrase))
    if len(name) < PART_OF_NAME:
        return []
    return [c.clause_path for c in document if c.kind != "table_row" and name in squeeze(c.text)][:1]


def _phrase_to(text: str, quantity: Quantity, marks: str) -> str:
    """The phrase ending with ``quantity``, from the last of ``marks`` before it (…，最长不超过N个月)."""
    start = max(text.rfind(mark, 0, quantity.start) for mark in marks) + 1
    return f"{text[start:quantity.start].strip()}{quantity.raw}"


def included(option: str) -> list[str]:
    """What an option says it includes: 焊工（含电焊工、气焊工） → 电焊工, 气焊工."""
    match = INCLUDES.search(option)
    return [item for item in re.split(r"[、，,和及]", match.group(1)) if len(item) >= 3] if match else []


def subgroups(text: str) -> list[tuple[int, str]]:
    """(heads, who) of each group a question singles out of a head count: 其中1个是残疾人, 30个是脱贫户."""
    found = []
    for match in SUBGROUP.finditer(text):
        heads = match.group("n")
        count = int(heads) if heads.isdigit() else int(cn2an.cn2an(heads, "smart"))
        who = match.group("x").strip()
        if count > 0 and who:
            found.append((count, who))
    return found


def counts_things(u: Understanding, quantity: Quantity, counted: tuple[Sequence[str], Sequence[str]]) -> bool:
    """The count is of things: the first word of ``counted`` (things, people) after it in its clause (after a 的 that
    ends a description) is a thing's (两个中级证, 三个工种; not 5个师傅考了技师证, 3个离校一年的大学生 nor a bare 4个) —
    or it says again, by the same measure word, the number of such things the question counts (两个证，两个一共能补多少;
    not 一家企业…招了1个大学生)."""
    things, people = counted
    if quantity.unit != "个" or not things:  # 三个人, 5名: the measure word itself counts people
        return False
    # the question's own text: a base's category reading may stand in for u.normalized
    texts = (u.normalized, fold(u.text))

    def of_things(q: Quantity) -> bool:
        after = next((text[q.end :] for text in texts if text[q.start : q.end] == q.raw), "")
        clause = CLAUSE_BREAK.split(after, maxsplit=1)[0]
        clause = clause.split("的", 1)[1] if "的" in clause else clause  # 3个离校一年的大学生: what 的 describes
        thing = min((at for word in things if (at := clause.find(word)) >= 0), default=len(clause))
        person = min((at for word in people if (at := clause.find(word)) >= 0), default=len(clause))
        if thing == person == len(clause) and YES_NO in clause:
            return True  # 两个能都拿吗: a bare count in a yes/no ask is of the things asked about, not of heads
        return thing < person

    return of_things(quantity) or any(
        q.value == quantity.value and q.kind == "count" and q.unit == quantity.unit and q.start != quantity.start
        and of_things(q)
        for q in u.quantities)


def introduces(u: Understanding, quantity: Quantity) -> bool:
    """The count is the article introducing whom the question is about (南阳一个老师傅…带了4个徒弟, 我是一名护理员,
    我们是某区的一个镇): one, said in words, opening its clause — nothing before it there but the places named, or a
    copula (是), the places it names said as whose (是…的)."""
    if quantity.kind != "count" or quantity.value != 1 or not quantity.raw.startswith("一"):
        return False
    before = CLAUSE_BREAK.split(u.normalized[: quantity.start])[-1]
    for place in sorted((p.surface for p in u.places), key=len, reverse=True):
        before = before.replace(place, "")
    before = before.strip()
    return not before or before.endswith("是") or (before.endswith("的") and before[:-1].endswith("是"))


def stated_values(u: Understanding, not_words: Mapping[str, Sequence[str]]) -> list[tuple[str, tuple[str, ...]]]:
    """(value, words it is not) for each category the question states (中级 is not 中级工程师), longest first."""
    found = [(v, tuple(not_words.get(k, ()))) for k, v in u.facts.items() if isinstance(v, str) and len(v) >= 2]
    return sorted(found, key=lambda pair: len(pair[0]), reverse=True)


def says(text: str, value: str, excluded: Sequence[str]) -> bool:
    """The text states the value outside the longer words the value is not (高级 in 高级（三级）, not in 高级技师; 技师
    in 技师、高级技师)."""
    text = squeeze(text)
    for word in sorted((w for w in excluded if value in w and w != value), key=len, reverse=True):
        text = text.replace(word, "\0" * len(word))
    return value in text


ASSIGNING = re.compile(r"(?:均|都|一律|统一|也)?(?:按照|按|参照|属于|列为|列入|纳入|视同|为)$")
LIST_MARKS = re.compile(r"[、，,；;和及与或]")


def assigned_items(before: str, table: str) -> list[str]:
    """The items a sentence lists before the category it assigns them to (养老护理员、家政服务员、育婴员均按 →
    养老护理员, 家政服务员, 育婴员): two characters or more, none a word of the ``table`` itself."""
    items = (squeeze(i) for i in LIST_MARKS.split(ASSIGNING.sub("", before.strip())))
    return [i for i in items if len(i) >= 2 and i not in table]


def category(options: list[str], u: Understanding, not_words: Mapping[str, Sequence[str]] | None = None,
             general: Sequence[str] = ()) -> str | None:
    """The one option the question names (verbatim, by its name before a qualifier such as 焊工 of 焊工（五级/初级工）,
    or as a stated fact, or by the most of its name said, half of it in runs of two characters or more, one run of
    PART_OF_NAME or more: 挖掘机 of 挖掘机驾驶员（初级）, 市级…见习示范 of 市级就业见习示范单位（基地））; an option
    inside another named one (技师 in 高级技师) yields to it. Else the one option a stated value begins, the longest
    value first (高级工 → the row "高级工（三级）证书" even beside "高级技师（一级）证书"), never an option that is a
    word the value is not (高级 is not 高级技师). ``general``: words naming a thing's ordinary tier, said for one
    another when an option is named by part (普通见习单位 of 经备案的一般就业见习单位)."""
    if any(GRID_JOIN in o for o in options):  # a grid (or rows sharing a lead): the row, then what sets it apart
        rows = list(dict.fromkeys(o.split(GRID_JOIN, 1)[0] for o in options))
        row = category(rows, u, not_words, general)
        mine = [o for o in options if o.split(GRID_JOIN, 1)[0] == row]
        if len(mine) <= 1:
            return mine[0] if mine else None
        column = category([o.split(GRID_JOIN, 1)[1] for o in mine], u, not_words, general)
        return f"{row}{GRID_JOIN}{column}" if column is not None else None
    text = squeeze(u.normalized)
    stated = stated_values(u, not_words or {})
    values = [v for v, _ in stated]
    named = [o for o in options if _named(o, text, values)]
    if not named:
        named = [o for o in options if any(item in text for item in included(o))]
    heads: list[str] = []
    if not named:
        heads = [o for o in options if len(_head(o)) >= 2 and _head(o) != o and _head(o) in text]
        named = heads if len({_head(o) for o in heads}) == 1 else []
        if len(named) > 1:  # one name, several qualifiers (中式烹调师（五级）/（四级）): the stated one
            named = [o for o in named if any(says(o, v, ex) for v, ex in stated)]
    if not named and not heads:  # 学挖掘机 of 挖掘机驾驶员（初级）: the one option whose name is said the most of
        # 市级见习示范基地 of 市级就业见习示范单位（基地）: 市级 and 见习示范 said, six of its ten characters; an
        # option listing several (甲、乙) by the most of one of them, numerals as digits (离校两年内 of 离校2年内…)
        written = digits(_one_general(text, general))
        said = {o: n for o in options if (n := max((covered(name, written) for name in _names(o, general)
                                                    if shared_run(name, written) >= PART_OF_NAME
                                                    and covered(name, written) * 2 >= len(name)), default=0))}
        most = max(said.values(), default=0)
        named = [o for o, n in said.items() if n == most]
        named = named if len(named) == 1 else []  # several said alike (职业技能等级证书): the stated value decides
    named = [o for o in named if not any(o != other and o in other for other in named)]
    if len(named) == 1:
        return named[0]
    if named:
        return None
    for value, excluded in stated:
        begun = [o for o in options if o.startswith(value) and says(o, value, excluded)]
        if len(begun) == 1:
            return begun[0]
    return None


def named_options(options: list[str], u: Understanding) -> list[str]:
    """Every option the question names verbatim or by its name before a qualifier (养老护理员 and 育婴员), when
    each name is one option's."""
    text = squeeze(u.normalized)
    named = [o for o in options if squeeze(o) in text or (len(_head(o)) >= 2 and _head(o) in text)]
    # 技师 said only inside 高级技师 names no 技师 row of its own
    named = [o for o in named if not any(_head(o) != _head(other) and _head(o) in _head(other)
                                         and _head(o) not in text.replace(_head(other), "") for other in named)]
    heads = [_head(o) for o in named]
    return named if len(set(heads)) == len(heads) else []


def covered(a: str, b: str, shortest: int = 2) -> int:
    """How many characters of ``a`` lie in a run of ``shortest`` or more characters that ``b`` also says."""
    inside = [False] * len(a)
    for i in range(len(a) - shortest + 1):
        j = i + shortest
        while j <= len(a) and a[i:j] in b:
            j += 1
        if j - 1 - i >= shortest:
            inside[i : j - 1] = [True] * (j - 1 - i)
    return sum(inside)


TERM_LINKS = "为|是|都是|均为|都为|:|："  # words between a term word and its duration (培养期为1年)


class ClauseArithmetic:
    def __init__(self, condition_chars: int, facts: Iterable[FactSpec] = (),
                 per_instalment: Mapping[str, Sequence[str]] | None = None,
                 difference_words: Sequence[str] = (), maximum_words: Sequence[str] = (),
                 counted: tuple[Sequence[str], Sequence[str]] = ((), ()), total_words: Sequence[str] = (),
                 term_words: Sequence[str] = (), reached_words: Sequence[str] = (),
                 heads_joiners: Sequence[str] = (), expansions: Callable[[str], list[str]] | None = None,
                 general_words: Sequence[str] = (), part_months: PartMonths | None = None) -> None:
        # what stands between heads counted one after another: words, at most one comma, a joining word (和, 还)
        joiners = "|".join(re.escape(w) for w in sorted(heads_joiners, key=len, reverse=True))
        self.heads_joined = re.compile(rf"^[^，,。；;？?！!\d]*(?:[，,]\s*)?(?:{joiners})[^，,。；;？?！!\d]*$") \
            if joiners else None
        self.part_months = part_months or PartMonths()  # how a document counts a part month (不足1个月的不计发)
        self.term_words = tuple(term_words)  # 培养期, 学制: a duration right after one is the term paid for
        self.reached_words = tuple(reached_words)  # 满: a duration right after one is a condition met
        self.total_words = tuple(total_words)  # 一共多少: several categories added up
        self.counted = counted  # (words of things, words of people) a count may count: 两个证 is never heads
        self.difference_words = tuple(difference_words)  # 差多少: two named categories give their difference
        self.condition_chars = condition_chars  # shared characters that name an uplift's condition
        # 中级 is not 中级工程师, 技师 is not 高级技师: a fact's not_words and its longer options
        self.not_words = {spec.name: (*spec.not_words, *spec.options) for spec in facts}
        self.per_instalment = per_instalment or {}  # 年 → 每年: words asking for one instalment
        self.maximum_words = tuple(maximum_words)  # 最多一共补多少: the longest period a clause allows
        self.expansions = expansions  # colloquial words → the formal terms documents use (大学生 → 高校毕业生)
        self.general_words = tuple(general_words)  # 一般, 普通: an ordinary tier's words, said for one another

    def _category(self, options: list[str], u: Understanding) -> str | None:
        """The option the question names (``category``) — else the one its words name in the formal terms documents
        use (3个离校一年的大学生 of 离校2年内未就业高校毕业生、16—24岁登记失业青年: 大学生 said, 高校毕业生 written)."""
        chosen = category(options, u, self.not_words, self.general_words)
        added = self.expansions(u.normalized) if chosen is None and self.expansions is not None else []
        if not added:
            return chosen
        return category(options, u.model_copy(update={"normalized": " ".join([u.normalized, *added])}),
                        self.not_words, self.general_words)

    def _assigned(self, options: list[str], u: Understanding, document: Sequence[Chunk], table: str
                  ) -> tuple[str, str] | None:
        """(a grid's cell, the clause saying so): the row the question names, the column a sentence of the document
        assigns to what the question names (焊工、电工均按一类职业执行, asked about 焊工 of a 一类/二类 grid) —
        sentences outside the table naming one column only, one of the items they list before it said in the
        question; None unless they all name the same column."""
        if not any(GRID_JOIN in o for o in options):
            return None
        row = self._category(list(dict.fromkeys(o.split(GRID_JOIN, 1)[0] for o in options)), u)
        columns = [o.split(GRID_JOIN, 1)[1] for o in options if o.split(GRID_JOIN, 1)[0] == row]
        if row is None or len(columns) < 2:
            return None
        asked, grid = squeeze(u.normalized), squeeze(table)
        assigned = {said[0]: chunk.clause_path for chunk in document if chunk.kind != "table_row"
                    for sentence in sentences(chunk.text) if len(said := [c for c in columns if c in sentence]) == 1
                    and any(item in asked for item in assigned_items(sentence[: sentence.find(said[0])], grid))}
        if len(assigned) != 1:
            return None
        column, clause = assigned.popitem()
        return f"{row}{GRID_JOIN}{column}", clause

    def work(self, meta: DocumentMeta, chunks: list[Chunk], clause: str, u: Understanding, *,
             restate: bool = False, swap: Swap | None = None) -> Worked | None:
        """The clause's rate run with the question's facts; ``restate``: also when they only restate its one figure
        (the whole a share is taken of: 一次性补助资金N万元, 首笔拨付P%); ``swap``: with a figure another document
        replaces it by (only the rules stating the replaced figure run)."""
        own = [c for c in chunks if c.clause_path == clause]
        table = TABLE_ROW.match(clause)
        if table and own and own[0].kind == "table_row":  # a row: the whole table, one category per row
            own = [c for c in chunks if c.kind == "table_row" and (m := TABLE_ROW.match(c.clause_path))
                   and m.group("table") == table.group("table")]
        draft = draft_from_chunks(meta.doc_id, meta.region, own)
        corpus = {meta.doc_id: (meta, Clauses(chunks))}
        if swap is not None:
            corpus[swap.meta.doc_id] = (swap.meta, Clauses(list(swap.chunks)))
            draft = {**draft, "rules": [r for r in map(swap.applied, draft["rules"]) if r is not None]}
        rates = [data for data in draft["rules"]
                 if data["kind"] == "amount" and data["formula"].get("kind") == "rate_by_category"]
        # the rules whose categories name the benefit asked first (the row paying 一次性留用奖励 of a question about the
        # 留用奖励, before the monthly rows the story's months would also fit)
        rates.sort(key=lambda data: not self._pays_asked(data, u))
        mixed = self._mixed(rates, meta, corpus, u)
        if mixed is not None:  # 招了4个，其中1个是残疾人: each group at the rate its sentence states
            return mixed
        for data in rates:  # 三个人拿了甲证，4个人拿了乙证: each category at its own heads, then their sum
            worked = self._several(data, meta, corpus, u, with_heads=True)
            if worked is not None:
                return worked
        picked = self._sentence(rates, u)
        document = chunks
        clause_text = "\n".join(c.text for c in own)
        for data in [picked] if picked is not None else rates:
            worked = self._run(data, meta, corpus, u, picked=picked is not None or (restate and len(rates) == 1),
                               document=document, clause_text=clause_text)
            if worked is not None:
                return self._instalment(self._by_actual(self._capped(worked, data, document, own), clause_text, u),
                                        clause_text, u)
        for data in rates:  # 养老护理员和育婴员两个证一共: each named category, then their sum (or difference)
            worked = self._several(data, meta, corpus, u)
            if worked is not None:
                return worked
        # 第1年、第2年全额贴息，第3年贴息50% over the periods asked; 按实际支付利息的P%贴息 of the sum the question
        # states
        for kind in ("percent_by_period", "percent_of_base"):
            for data in (d for d in draft["rules"] if d["kind"] == "amount" and d["formula"].get("kind") == kind):
                worked = self._run(data, meta, corpus, u, document=document, clause_text=clause_text)
                if worked is not None:
                    return worked
        return None

    def _several(self, data: dict[str, Any], meta: DocumentMeta, corpus: Mapping, u: Understanding, *,
                 with_heads: bool = False) -> Worked | None:
        """Each named category worked out, then their sum (or difference); ``with_heads``: only when each category
        has a head count of its own."""
        choice = next((spec for spec in data["inputs"] if spec["type"] == "choice"), None)
        if choice is None:
            return None
        names = named_options([o["value"] for o in choice.get("options", [])], u)
        if not 2 <= len(names) <= MAX_SEVERAL:
            return None
        heads = self.heads_by_option(names, u)  # 三个人拿了甲证，4个人拿了乙证: each category its own heads
        if with_heads and (heads is None or not any(w in u.normalized for w in self.total_words)):
            return None
        runs = [self._run(data, meta, corpus, heads.get(name, u) if heads else u, chosen={choice["name"]: name})
                for name in names]
        if any(run is None or run.result.amount is None for run in runs):
            return None
        results = [run.result for run in runs if run is not None]
        amounts = [r.amount for r in results if r.amount is not None]
        steps = [r.trace[-1].rstrip("。") for r in results if r.trace]
        if any(word in u.normalized for word in self.difference_words) and len(amounts) == 2:
            total = abs(amounts[0] - amounts[1])
            step = f"相差：{yuan(max(amounts))} − {yuan(min(amounts))} = {yuan(total)}"
        else:
            total = sum(amounts, Decimal(0))
            step = f"{TOTAL}{' + '.join(yuan(a) for a in amounts)} = {yuan(total)}"
        result = results[0].model_copy(update={"amount": money(total), "trace": [*steps, step]})
        assumptions = list(dict.fromkeys(a for run in runs if run is not None for a in run.assumptions))
        return Worked(result, {f"category_{n}": name for n, name in enumerate(names, start=1)}, assumptions)

    @staticmethod
    def _pays_asked(data: Mapping[str, Any], u: Understanding) -> bool:
        """One of the rule's categories names a benefit the question asks about (一次性留用奖励（…） of 留用奖励)."""
        options = [o["value"] for spec in data["inputs"] if spec["type"] == "choice" for o in spec.get("options", [])]
        return any(benefit in option for benefit in u.benefits for option in options)

    def heads_by_option(self, names: Sequence[str], u: Understanding) -> dict[str, Understanding] | None:
        """Each named category with the one head count its own clause states (三个人拿了高级技师证，4个人拿了中级工证),
        as the question read with only that count; None unless every category has one count of its own."""
        text = u.normalized
        found: dict[str, Quantity] = {}
        for name in names:
            at = text.find(_head(name)) if _head(name) in text else text.find(name)
            start, end = clause_span(text, at, at, CLAUSE_BREAK)
            # 2个中级工证 counts certificates of one category: as many heads as certificates at a rate per head
            counts = [q for q in u.quantities if q.kind == "count" and q.unit in PERSON_UNITS
                      and start <= q.start < end]
            if len(counts) != 1:
                return None
            found[name] = counts[0]
        if len({q.start for q in found.values()}) != len(found):
            return None  # one count for two categories (3个人考了甲证和乙证): heads are not split
        facts = {k: v for k, v in u.facts.items() if u.fact_kinds.get(k) != "count"}
        loose = [q for q in u.loose_quantities if q.kind != "count"]
        return {name: u.model_copy(update={"loose_quantities": loose, "facts": {**facts, HEADS: int(q.value)},
                                           "fact_kinds": {**u.fact_kinds, HEADS: "count"}})
                for name, q in found.items()}

    def _mixed(self, rates: list[dict[str, Any]], meta: DocumentMeta, corpus: Mapping, u: Understanding
               ) -> Worked | None:
        """Heads paid different rates: the question states a head count and, of them, groups (其中1个是残疾人, 30个是
        脱贫户，另外10个…) that rate sentences of the clause name (招用人员为脱贫人口或残疾人的，按每人N元); the heads
        no group takes are paid the rate no group's sentence names (按每招用1人M元). Each rate is the drafted rule run
        for one head; the sum is the heads times their rates."""
        single = [data for data in rates if not any(i["type"] == "choice" for i in data["inputs"])]
        said = subgroups(u.normalized)
        total = max((int(q.value) for q in u.quantities if q.kind == "count" and q.unit in PERSON_UNITS
                     and not counts_things(u, q, self.counted)), default=0)
        if len(single) < 2 or not said or total < 2:
            return None
        one = u.model_copy(update={"loose_quantities": [q for q in u.loose_quantities if q.kind != "count"],
                                   "facts": {k: v for k, v in u.facts.items() if u.fact_kinds.get(k) != "count"}})
        taken: dict[int, tuple[str, int]] = {}
        for heads, who in said:
            named = [i for i, data in enumerate(single) if shared_run(squeeze(who), squeeze(data["description"])) >= 2
                     and not all(shared_run(squeeze(who), squeeze(d["description"])) >= 2 for d in single)]
            if len(named) != 1 or named[0] in taken:
                return None
            taken[named[0]] = (who, heads)
        rest = total - sum(heads for heads, _ in said)
        others = [i for i in range(len(single)) if i not in taken]
        if rest < 0 or (rest and not others):
            return None
        if rest:
            taken[others[0]] = (f"其余{rest}人", rest)
        groups: list[tuple[str, Decimal, int]] = []
        runs: list[Worked] = []
        for index, (who, heads) in taken.items():
            run = self._run(single[index], meta, corpus, one, picked=True)
            if run is None or run.result.amount is None:
                return None
            runs.append(run)
            groups.append((who, run.result.amount, heads))
        amount = money(sum((rate * heads for _, rate, heads in groups), Decimal(0)))
        steps = [f"{who}：{yuan(rate)} × {heads}人 = {yuan(rate * heads)}" for who, rate, heads in groups]
        steps.append(f"{TOTAL}{' + '.join(yuan(rate * heads) for _, rate, heads in groups)} = {yuan(amount)}")
        result = runs[0].result.model_copy(update={"amount": amount, "trace": steps, "components": {}})
        assumptions = list(dict.fromkeys(a for run in runs for a in run.assumptions if "1人" not in a))
        return Worked(result, {"groups": len(groups)}, assumptions, groups=tuple(groups))

    @staticmethod
    def _capped(worked: Worked, data: Mapping[str, Any], document: Sequence[Chunk], own: Sequence[Chunk]) -> Worked:
        """A total over heads never above the one most in all another sentence of the document sets for the same
        benefit (每户创业主体享受的创业带动就业补贴累计最高不超过M元 — in another clause, or after the rate in its own):
        a sum of money bounded above, not per head, in a sentence sharing BENEFIT_RUN with the rate's benefit — its
        point, or a heading above the rate below the title (一、一次性吸纳就业补贴 over （二）补贴标准) — and stating no
        rate; that clause is then cited. Likewise the most heads paid for, said without money in such a sentence
        (每户企业每年享受…补贴的人数不超过M人): more heads are paid as M at the rate per head (one rate for all)."""
        amount = worked.result.amount
        heads = worked.arguments.get(data["formula"].get("count", ""), 1)
        headings = own[0].heading_path[1:-1] if own else []  # above the rate: not the title, nor its own
        benefits = [b for b in (squeeze(BARE_LABEL.sub("", name)) for name in [data.get("point", ""), *headings])
                    if len(b) >= BENEFIT_RUN]
        if amount is None or not isinstance(heads, int) or heads < 2 or not benefits:
            return worked
        caps: dict[Decimal, tuple[str, str]] = {}
        most_heads: dict[Decimal, tuple[str, str]] = {}  # 每户企业每年享受…补贴的人数不超过M人
        for chunk in document:
            for sentence in sentences(chunk.text):
                squeezed = squeeze(sentence)
                if all(shared_run(benefit, squeezed) < BENEFIT_RUN for benefit in benefits):
                    continue
                found = find_quantities(sentence)
                if chunk in own and any(q.kind == "money" and not q.bound for q in found):
                    continue  # the rate's own sentence (its caps are the rate's); a later one may cap the total
                for q in found:
                    # not 第X条, nor a heading's line (（三）有关规定)
                    phrase = BARE_LABEL.sub("", _phrase_to(sentence, q, "，,；;。：:\n"))
                    if q.kind == "money" and q.bound == "max" and "人" not in q.per:
                        caps.setdefault(q.value, (phrase, chunk.clause_path))
                    elif q.kind == "count" and q.bound == "max" and q.unit in HEAD_WORDS and not worked.groups \
                            and not any(f.kind == "money" for f in found):
                        most_heads.setdefault(q.value, (phrase, chunk.clause_path))
        if len(most_heads) == 1 and heads > (most := next(iter(most_heads))):
            # heads beyond the most a firm is paid for: as many as it is, at the rate per head
            phrase, clause = most_heads[most]
            paid = money(amount / heads * most)
            step = f"{phrase}：{heads}人 → {plain_number(most)}人，{yuan(amount)} → {yuan(paid)}"
            result = worked.result.model_copy(update={"amount": paid, "trace": [*worked.result.trace, step]})
            worked = Worked(result, worked.arguments, [*worked.assumptions, f"超过上限，按{phrase}计算"],
                            (*worked.rests_on, clause), worked.groups, worked.capped)
            amount = paid
        if len(caps) != 1:
            return worked
        cap, (phrase, clause) = caps.popitem()
        if amount <= cap:
            return worked
        step = f"{phrase}：{yuan(amount)} → {yuan(money(cap))}"
        result = worked.result.model_copy(update={"amount": money(cap), "trace": [*worked.result.trace, step]})
        return Worked(result, worked.arguments, [*worked.assumptions, f"超过上限，按{phrase}计算"],
                      (*worked.rests_on, clause), worked.groups, (money(cap), heads))

    @staticmethod
    def _by_actual(worked: Worked, text: str, u: Understanding) -> Worked:
        """A rate never above what the asker actually pays for its period (补贴额不超过其当月实际缴费额), the question
        stating one such sum per that period (每月交350块) below the rate: the rate is that sum."""
        cap = next((m for sentence in sentences(text) if (m := ACTUAL_CAP.search(sentence))), None)
        rates = list(worked.result.components.values())
        amount = worked.result.amount
        if cap is None or len(rates) != 1 or not rates[0] or amount is None:
            return worked
        paid = {q.value for q in u.quantities if q.kind == "money" and any(f"每{per}" in text for per in q.per)}
        rate = rates[0]
        if len(paid) != 1 or (sum_paid := paid.pop()) >= rate:
            return worked
        trace = list(worked.result.trace)
        product = f"{yuan(rate)} × "
        if not trace or not trace[-1].startswith(product) or " = " not in trace[-1]:
            return worked
        paid_amount = money(amount * sum_paid / rate)
        factors = trace.pop()[len(product) :].rsplit(" = ", 1)[0]
        trace += [f"{cap.group(0)}：您实际缴费每期{yuan(sum_paid)}，低于标准{yuan(rate)}，按{yuan(sum_paid)}计",
                  f"{yuan(sum_paid)} × {factors} = {yuan(paid_amount)}"]
        components = {name: money(sum_paid) for name in worked.result.components}
        result = worked.result.model_copy(update={"amount": paid_amount, "trace": trace, "components": components})
        return Worked(result, worked.arguments, worked.assumptions, worked.rests_on, worked.groups, worked.capped)

    def _instalment(self, worked: Worked, text: str, u: Understanding) -> Worked:
        """安家补贴分N年等额发放 asked 每年发多少: the total divided into its equal instalments."""
        match = INSTALMENTS.search(text)
        amount = worked.result.amount
        if match is None or amount is None:
            return worked
        asked = self.per_instalment.get(match.group("unit"), ())
        if not any(word in u.normalized for word in asked):
            return worked
        count = int(match.group("n")) if match.group("n").isdigit() else int(cn2an.cn2an(match.group("n"), "smart"))
        if count < 2:
            return worked
        share = money(amount / count)
        step = f"{match.group(0)}：{yuan(amount)} ÷ {count} = {yuan(share)}（每{match.group('unit')}）"
        result = worked.result.model_copy(update={"amount": share, "trace": [*worked.result.trace, step]})
        return Worked(result, worked.arguments, worked.assumptions, worked.rests_on)

    def _sentence(self, rates: list[dict[str, Any]], u: Understanding) -> dict[str, Any] | None:
        """A clause stating one rate a sentence (取得初级（五级）证书的，每人补贴N元；取得中级…): the one sentence
        stating the category the question states (the longest stated value first)."""
        single = [data for data in rates if not any(i["type"] == "choice" for i in data["inputs"])]
        if len(single) < 2:
            return None
        for value, excluded in stated_values(u, self.not_words):
            saying = [data for data in single if says(data["description"], value, excluded)]
            if len(saying) == 1:
                return saying[0]
        # else the one whose rate's label the question names (小微企业 of 小微企业、农民专业合作社每户N元；个体工商户…)
        for whole in (False, True):
            labels: dict[str, dict[str, Any]] = {}
            for data in single:
                phrase = data["parameters"].get("rate", {}).get("phrase", "")
                sums = [q for q in find_quantities(phrase) if q.kind == "money"]
                # the words before the rate (小微企业、农民专业合作社每户N元) — back to the phrase's start when the
                # words just before each rate are alike (城镇公益性岗位岗位补贴按…；乡村公益性岗位岗位补贴按…: the same
                # last LABEL_CHARS characters)
                label = label_before(phrase, sums[0].start, listed=True, limit=len(phrase) if whole else LABEL_CHARS) \
                    if sums else ""
                label = BARE_LABEL.sub("", label) if whole else label  # 第六条 of a phrase an article starts with
                # else the condition the sentence pays its rate on (创办小微企业的，每户N元: 创办小微企业的)
                if label := label or _condition_of(data["description"], phrase):
                    labels.setdefault(label, data)
            if len(labels) == len(single):
                chosen = self._category(list(labels), u)
                return labels.get(chosen) if chosen is not None else None
        return None

    def _run(self, data: dict[str, Any], meta: DocumentMeta, corpus: Mapping, u: Understanding, *,
             picked: bool = False, chosen: Mapping[str, str] | None = None, document: Sequence[Chunk] = (),
             clause_text: str = "") -> Worked | None:
        data = {**data, "conditions": [], "inputs": [i for i in data["inputs"] if not i["name"].startswith("fact_")]}
        arguments, assumptions, multiplied, rests_on = self._arguments(data, u, chosen or {}, document, clause_text)
        if arguments is not None:  # 4.5个月 counted as the document counts a part month: no whole number
            data["inputs"] = [{**i, "integer": False} if isinstance(arguments.get(i["name"]), Decimal)
                              and i["type"] in ("months", "count") else i for i in data["inputs"]]
        multiplied = multiplied or (picked and arguments is not None)
        if arguments is None or not multiplied:
            return None
        try:
            rule = CompiledRule(verify_rule(Rule.model_validate(data), meta, corpus))
            result = rule.run(arguments)
        except (ValidationError, RuleError, ValueError):
            return None
        if result.status != "eligible" or result.amount is None:
            return None
        return Worked(result, arguments, assumptions, rests_on)

    def _arguments(self, data: dict[str, Any], u: Understanding, chosen_for: Mapping[str, str],
                   document: Sequence[Chunk] = (), clause_text: str = ""
                   ) -> tuple[dict[str, Any] | None, list[str], bool, tuple[str, ...]]:
        """(arguments, assumptions, whether the question's own facts pick or multiply the figure, the other clauses
        a figure was read from). A question
        asking the most one may get (最多一共补多少) with no period of its own takes the longest period a clause of
        the ``document`` allows the chosen category (技师最长不超过N年) — never when it states a period, even one
        that cannot be told apart from another."""
        arguments: dict[str, Any] = {}
        assumptions: list[str] = []
        rests_on: list[str] = []
        multiplied = False
        formula = data["formula"]
        per = asked_per(u.normalized, self.total_words)
        # a schedule's periods are bounded by its own sentence only (not another sentence's 贴息期限最长不超过2年)
        schedule = formula.get("kind") == "percent_by_period"
        clause_text = data["description"].removeprefix(DRAFT_MARK) if schedule else clause_text
        for spec in data["inputs"]:
            name = spec["name"]
            if spec["type"] == "choice":
                options = [o["value"] for o in spec.get("options", [])]
                chosen = chosen_for.get(name) or self._category(options, u)
                if chosen is None and (assigned := self._assigned(options, u, document, clause_text)) is not None:
                    chosen, clause = assigned  # the clause assigning the column is cited beside the rate
                    rests_on.append(clause)
                if chosen is None:
                    return None, [], False, ()
                arguments[name] = chosen
                multiplied = multiplied or len(spec.get("options", [])) > 1
            elif name == formula.get("count") and HEAD_UNITS & per:
                arguments[name] = 1  # 每人每月能领多少: the rate of one head, however many the story counts
            elif name == formula.get("count"):
                # heads counted in a row (joined: all hired, all paid) add up for one rate, with or without
                # 一共 — but not into one category of several
                categorized = any(i["type"] == "choice" and len(i.get("options", [])) > 1 for i in data["inputs"])
                count = self._count(u, people="人" in formula.get("per", ""), counted=self.counted,
                                    joined=self.heads_joined, add=not categorized)
                if count is None and self._count(u, people=True, counted=self.counted, joined=self.heads_joined):
                    return None, [], False, ()  # heads said (3个…和2个…) that no one count of this rate takes
                if count is None:
                    count = 1
                    assumptions.append("按1人计算")
                else:
                    multiplied = True
                    most, phrase = self._heads_cap(_own_row(clause_text, arguments))
                    if most is not None and count > most:  # 同时带徒不超过M名: no more heads are paid for
                        count = most
                        assumptions.append(f"超过上限，按{phrase}计算")
                arguments[name] = count
            elif name == formula.get("periods") and PERIOD_UNITS.get(name) in per:
                arguments[name] = 1  # 每个月补多少: the rate of one period, however long the story's term
                multiplied = True
            elif name == formula.get("periods"):
                periods = self._periods(name, u)
                if periods is not None and periods != int(periods):  # 8个半月: as the document counts a part month
                    counted = partial_months(periods, document, self.part_months) if name == "months" else None
                    if counted is None:
                        return None, [], False, ()
                    periods, phrase, clause = counted
                    assumptions.append(f"{phrase}，按{plain_number(periods)}个月计算")
                    rests_on.append(clause)
                stated = any(q.kind == "duration" for q in u.quantities)  # a period said but unclear is no max
                # 最多 / 一共能领多少 of a rate paid for a term: the whole of the longest term
                whole = any(w in u.normalized for w in (*self.maximum_words, *self.total_words))
                if periods is None and not stated and whole:
                    # the rate's own longest period first (补贴标准300元/人/月（最长享受期限：24个月）), else the
                    # document's one longest for the category
                    periods, phrase = self._cap(name, _own_row(clause_text, arguments))
                    if periods is not None:
                        assumptions.append(f"按最长期限计算：{phrase}")
                    else:
                        chosen_one = next((v for v in arguments.values() if isinstance(v, str)), None)
                        periods, phrase, clause = self._longest(name, document, chosen_one, data.get("point", ""))
                        if clause:
                            assumptions.append(f"按最长期限计算：{phrase}")
                            rests_on.append(clause)
                if periods is None and schedule and whole and all("last" in step for step in formula["steps"]):
                    periods = max(step["last"] for step in formula["steps"])  # the whole of a closed schedule
                    assumptions.append(f"按条款列明的{periods}{'个月' if name == 'months' else PERIOD_UNITS[name]}计算")
                if periods is None and formula.get("base") and not schedule:
                    periods = 1  # a share of the sum the asker paid (今年付了6000元利息): that sum's own period
                if periods is None:
                    return None, [], False, ()
                cap, phrase = self._cap(name, _own_row(clause_text, arguments))
                if cap is not None and periods > cap:  # 30天 asked of 每期最多补贴20天: the most the clause pays
                    periods = cap
                    assumptions.append(f"超过上限，按{phrase}计算")
                    rests_on += _cap_named_in(phrase, document)
                elif cap is None and not rests_on:  # the document's one longest period (补贴期限最长不超过N年)
                    chosen_one = next((v for v in arguments.values() if isinstance(v, str)), None)
                    longest, phrase, clause = self._longest(name, document, chosen_one, data.get("point", ""))
                    if longest is not None and periods >= longest:  # reached: the clause saying so is cited
                        assumptions.append(f"超过上限，按{phrase}计算" if periods > longest else f"已达上限：{phrase}")
                        periods = longest
                        rests_on.append(clause)
                arguments[name] = periods
                multiplied = True
            elif spec["type"] == "money" and name == formula.get("base"):
                sums = {q.value for q in u.loose_quantities if q.kind == "money"}
                sums |= {Decimal(v) for k, v in u.facts.items() if u.fact_kinds.get(k) == "money"
                         and isinstance(v, (int, Decimal))}
                if len(sums) > 1:  # of several (贷了30万元…每年利息10500元): the base's
                    sums = self._sums_named(u, spec["label"], formula.get("per", "")) & sums
                if len(sums) != 1:  # the base a share is taken of: the one sum the question states
                    return None, [], False, ()
                if not formula.get("periods") and self._longer_than_its_sum(u):
                    return None, [], False, ()  # 每月交690元…一年能补多少 of a share with no period: not one month's
                arguments[name] = sums.pop()
                multiplied = True
            elif spec["type"] == "yes_no":
                condition = spec.get("yes_text") or spec["label"]
                named = shared_run(squeeze(condition), squeeze(u.normalized)) >= self.condition_chars
                arguments[name] = named
                if not named:
                    assumptions.append(f"未计入“{condition}”的提高部分")
            else:
                return None, [], False, ()
        return arguments, assumptions, multiplied, tuple(rests_on)

    @staticmethod
    def _sums_named(u: Understanding, label: str, per: str) -> set[Decimal]:
        """The sums the question says right after words of the base's name (利息8000元 of 借款人实际支付利息: a run of
        NAMED_RUN shared with the words before the sum, back to a clause break) — else those it says per the period
        the share is paid per (每年…N元 of a yearly schedule). A sum a fact claimed counts too (实际支付利息8000元)."""
        sums = [q for q in u.quantities if q.kind == "money"]
        named = {q.value for q in sums if shared_run(squeeze(label), squeeze(CLAUSE_BREAK.split(
            u.normalized[max(0, q.start - LABEL_CHARS) : q.start])[-1])) >= NAMED_RUN}
        return named or {q.value for q in sums if q.per and set(q.per) <= set(per.replace("每", ""))}

    @staticmethod
    def _sums_unsaid(u: Understanding) -> str:
        """The question without the words saying what each of its sums is paid per (每年利息5000元 → 利息5000元): a
        sum paid per year asks no year's amount."""
        text = u.normalized
        for q in u.quantities:
            if q.kind == "money" and q.per:
                start = CLAUSE_BREAK.split(text[: q.start])[-1]
                clause_start = q.start - len(start)
                for unit in q.per:
                    at = text.rfind(f"每{unit}", clause_start, q.start)
                    if at >= 0:
                        text = f"{text[:at]}{'　' * 2}{text[at + 2 :]}"
        return text

    @staticmethod
    def _longer_than_its_sum(u: Understanding) -> bool:
        """The question's sum is paid per period (每月交690元) and it states or asks a longer span (一年, 12个月)."""
        months = {"月": Decimal(1), "年": Decimal(12)}
        per = [months[unit] for q in u.loose_quantities if q.kind == "money" for unit in q.per if unit in months]
        return bool(per) and any(q.kind == "duration" and q.unit == "月" and q.value > min(per) for q in u.quantities)

    @staticmethod
    def _cap(name: str, clause_text: str) -> tuple[int | None, str]:
        """(periods, the phrase saying so): the one most a rate's own clause pays for (每期培训最多补贴20天, 最长不超过
        12个月) in the input's unit — (None, "") when it states none or several."""
        unit = {"days": "天", "months": "月", "years": "月"}.get(name)
        if unit is None:
            return None, ""
        caps = {q.value: q for q in find_quantities(clause_text)
                if q.kind == "duration" and q.bound == "max" and q.unit == unit}
        if len(caps) != 1:
            return None, ""
        value, quantity = caps.popitem()
        if name in PERIOD_INPUTS:
            value = value / PERIOD_INPUTS[name]
        if value != value.to_integral_value():
            return None, ""
        return int(value), _phrase_to(clause_text, quantity, "，,；;。：:\n（(")

    @staticmethod
    def _heads_cap(clause_text: str) -> tuple[int | None, str]:
        """(heads, the phrase saying so): the one most on heads paid for the clause states beside its money (每名师傅
        同时带徒不超过M名, 最多按M人计算) — (None, "") when it states none or several."""
        for sentence in sentences(clause_text):
            found = find_quantities(sentence)
            caps = {q.value: q for q in found if heads_cap(q, found)}
            if len(caps) == 1:
                value, quantity = caps.popitem()
                return int(value), _phrase_to(sentence, quantity, "，,；;。：:")
        return None, ""

    def _longest(self, name: str, document: Sequence[Chunk], category: str | None, benefit: str = ""
                 ) -> tuple[int | None, str, str]:
        """(periods, the phrase saying so, its clause): the one longest period (最长不超过N年) the document allows,
        in a clause part naming the category when one was chosen (技师 of 中级工、高级工最长不超过M年，技师最长不超过
        N年); of several, the one whose part shares BENEFIT_RUN with the rate's ``benefit``
        (以工代训补贴期限最长不超过N个月 beside 见习补贴期限最长不超过M个月)."""
        if name not in PERIOD_INPUTS:
            return None, "", ""
        excluded = [w for values in self.not_words.values() for w in values]
        found: dict[Decimal, tuple[str, str]] = {}
        anyone: dict[Decimal, tuple[str, str]] = {}  # caps whatever the category (补贴期限最长不超过N年)
        for chunk in document:
            text = chunk.text
            for q in find_quantities(text):
                before = text[: q.start]
                if q.kind != "duration" or q.unit != "月" or q.bound != "max" or not LONGEST.search(before):
                    continue
                part = before[max(before.rfind(mark) for mark in "，,；;。：:\n") + 1 :]
                said = (f"{BARE_LABEL.sub('', part).strip()}{q.raw}", chunk.clause_path)  # not its label (（二）)
                anyone.setdefault(q.value / PERIOD_INPUTS[name], said)
                if category is not None and not says(part, _head(category), excluded):
                    continue
                found.setdefault(q.value / PERIOD_INPUTS[name], said)
        found = found or anyone  # no part names the category: the one cap of every category, if one
        if len(found) > 1 and benefit:
            found = {value: said for value, said in found.items()
                     if shared_run(squeeze(benefit), squeeze(said[0])) >= BENEFIT_RUN} or found
        if len(found) != 1:
            return None, "", ""
        value, (phrase, clause) = found.popitem()
        return (int(value), phrase, clause) if value == value.to_integral_value() else (None, "", "")

    def _termed(self, before: str) -> bool:
        """The text before a duration ends with a term word, perhaps with a linking word (培养期都是 of
        培养期都是一年半)."""
        return any(re.search(rf"{re.escape(word)}(?:{TERM_LINKS})?$", before) for word in self.term_words)

    @staticmethod
    def _count(u: Understanding, *, people: bool, counted: tuple[Sequence[str], Sequence[str]] = ((), ()),
               joined: re.Pattern[str] | None = None, add: bool = True) -> int | None:
        """The one count the question states (of people for a rate per head: not 两个证, see ``counts_things``);
        heads counted one after another in a row (招了3个大学生和1个退役军人, 招了3个…，还招了1个…: nothing but
        words, a comma and a joining word between them — ``joined``) are added up when ``add`` (one rate for all),
        else they are no one count."""
        units = PERSON_UNITS if people else COUNT_UNITS
        said = [q for q in u.loose_quantities if q.kind == "count" and q.unit in units
                and not (people and counts_things(u, q, counted))]
        counted_facts = [v for k, v in u.facts.items() if u.fact_kinds.get(k) == "count" and isinstance(v, int)]
        if len(said) + len(counted_facts) > 1:  # 一个老师傅…带了4个徒弟: the article beside a count is no count
            said = [q for q in said if not introduces(u, q)]
        if people and joined is not None and len(said) > 1 and all(
                joined.search(u.normalized[a.end : b.start]) for a, b in itertools.pairwise(said)):
            return int(sum(q.value for q in said)) if add else None
        if people and len(said) > 1 and all(q.value < said[0].value for q in said[1:]):
            return int(said[0].value)  # 招了5个…期满留下了3个: a smaller count said later is a part of the first
        counts = [q.value for q in said] + counted_facts
        distinct = set(counts)
        return int(distinct.pop()) if len(distinct) == 1 else None

    def _periods(self, name: str, u: Understanding) -> Decimal | int | None:
        """The one period the question states for a per-period rate; of several, the one said as the term paid for
        (见习期6个月 beside 离校1年: a term word of ``answers.yaml: term_words`` right before it), else those not
        said as reached (培训满半年 beside 培养期一年: a ``reached_words`` word right before it)."""
        # 一天多少钱 asks the rate's own period, it states no period (beside 培训了N天)
        # 一天都没落下 says no period either (not a single day missed)
        # 一年能补多少 of a monthly rate asks twelve of its periods
        own = {"days": "天日", "months": "月", "years": "年"}.get(name, "")  # the rate's own period, as said
        durations = [q for q in u.loose_quantities if q.kind == "duration"
                     and not (ONE_PERIOD.fullmatch(q.raw)
                              and ((q.raw[-1] in own and RATE_ASKED.match(u.normalized, q.end))
                                   or EMPHATIC.match(u.normalized, q.end)))]
        if len({q.value for q in durations}) > 1 or (durations and "years" in u.fact_kinds.values()):
            termed = [q for q in durations if self._termed(u.normalized[:q.start])]
            # else a duration said as reached (培训满半年) is a condition met, not the term paid for; and beside a
            # term a fact read (培养期一年半 of 干了五年…培养期都是一年半) none of the unnamed ones is the term
            durations = termed or ([] if "years" in u.fact_kinds.values() else [
                q for q in durations if not any(u.normalized[:q.start].endswith(w) for w in self.reached_words)])
        if name == "days":
            values = {q.value for q in durations if q.unit == "天"}
        elif name in PERIOD_INPUTS:
            values = {q.value / PERIOD_INPUTS[name] for q in durations if q.unit == "月"}
            values |= {Decimal(v) * 12 / PERIOD_INPUTS[name] for k, v in u.facts.items()
                       if u.fact_kinds.get(k) == "years" and isinstance(v, (int, Decimal))}
        else:
            return None
        if not values:  # 每人每年多拿多少: the question asks for one period of a per-period rate
            unit = {"days": "天", "months": "月", "years": "年"}[name]
            one = re.compile(rf"每(?:个)?{unit}|一{unit}(?!以上|以内)|每一{unit}")
            text = self._sums_unsaid(u)
            # 每个月有多少？…一共能领多少钱: a clause asking the whole, apart from the one asking a period's, asks the
            # whole (每个月一共能领多少 asks one period's)
            whole = any(AMOUNT_ASKED.search(clause) and any(w in clause for w in self.total_words)
                        and not one.search(clause) for clause in CLAUSE_BREAK.split(text))
            return 1 if one.search(text) and not whole else None
        if len(values) > 1 and name in PERIOD_INPUTS:  # 离校一年…签了两年合同…带8个月 of a monthly rate: 8个月
            unit = "月" if name == "months" else "年"
            values = {q.value / PERIOD_INPUTS[name] for q in durations if q.unit == "月" and q.raw.endswith(unit)}
        if len(values) != 1:
            return None
        value = values.pop()
        return int(value) if value == value.to_integral_value() else value
