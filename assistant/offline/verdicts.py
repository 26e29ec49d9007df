"""Verdicts from any clause: compare the facts a user states with the thresholds the clause states.

A threshold is a quantity the clause bounds (12个月以上, 不满6个月, 最高2200元); it concerns a fact when one of the
fact's cues is written just before it in the same sentence (累计缴纳失业保险费12个月以上 concerns the months of
unemployment insurance). The verdict says which threshold and which value of the user's it compared — 符合, 不符合,
or 还需确认 when the clause sets a threshold on something the user has not said.

Facts nobody listed are compared too: a quantity the user stated (签了8个月合同) meets a lower bound of the same kind
and unit in the clause (签订N年以上劳动合同) when a content word around the user's quantity is written in the clause's
phrase around the bound (合同) — an age (15岁 / 年满16周岁) needs no word, its unit says what it measures. Only lower
bounds, ages and windows since an event (离校N年内, 自取得证书之日起N个月内): any other upper bound is mostly a cap on
the benefit (最长不超过30天), not a condition. A bound counted per something else (每名导师带徒不超过N人) judges no
total the asker states, and a raise's condition (…N周岁以下的，标准上浮N%) decides no eligibility. Percentages are
compared too (出勤率85% against 达到90%以上), but the caller passes them only when the asker asks whether they qualify:
otherwise a rate a user states is a claim about the policy (比例改为N%), not a fact about themselves.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Literal

from assistant.citations import sentences
from assistant.offline.support import positions, shared_run
from ingest.knowledge import FactSpec
from ingest.normalize import parse_label
from ingest.quantities import Quantity, find_quantities
from ingest.textnorm import is_lead_in

CUE_WINDOW = 24
NEAR = 10  # characters either side of a clause's bound that say what it bounds (签订N年以上劳动合同)
# 本市户籍或者持有本市居住证: a registration required only beside another way of qualifying
RESIDENCE_ALTERNATIVE = re.compile(r"[^，,。；;]{0,4}(?:或者|或|以及)")
PLACE_CHARS = 8  # the longest place name read right before a registration word (a province's city's district)
_PHRASE = re.compile(r"[^，,；;：:。！？!?]+")
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
    phrase_end: int | None = None  # a stated check's condition is its whole phrase (签订N年以上劳动合同的…人员)
    excludes: bool = False  # the sentence excludes a group the asker belongs to (机关事业单位工作人员…不属于…)
    note: str = ""  # how the user's value was counted (按每月N万元×12个月计)
    grants: bool = False  # a table row whose result reaches the ranked option asked about (…第A至B名：技师（二级）)
    per: str = ""  # the bound holds per one of these (每名导师带徒不超过N人 → 导师), not for the asker's total

    def condition(self) -> str:
        """The condition as the clause words it, from the cue to the bound: 累计缴纳失业保险费12个月以上."""
        if self.phrase_end is not None:
            phrase = self.sentence[self.cue_at : self.phrase_end].strip()
            label = parse_label(phrase)
            return (label.rest if label is not None else phrase).strip()
        end = self.threshold.end
        tail = self.sentence[end : end + 6]
        for word in ("（含）以上", "(含)以上", "及以上", "以上", "以下", "以内"):
            if tail.startswith(word):
                end += len(word)
                break
        return self.sentence[self.cue_at : end].strip("，,；;")


@dataclass(frozen=True)
class Stated:
    """A quantity the user stated, with the content words of the phrase around it (签了8个月合同 → 签了, 合同)."""

    quantity: Quantity
    words: tuple[str, ...]
    elapsed: bool = False  # time gone by since an event (毕业一年半了, 过了N个月, 三年前): comparable with N年内


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
    """Every threshold of ``text`` that concerns a known fact, compared with the user's value when given (a band the
    value lies beyond judges nothing: see ``_beyond_band``)."""
    found = every_check(text, facts, specs)
    return [c for c in found if not _beyond_band(c, found)]


def every_check(text: str, facts: dict[str, Any], specs: Iterable[FactSpec]) -> list[Check]:
    """Every threshold of ``text`` that concerns a known fact, bands included (the tier a value lies beyond)."""
    found: list[Check] = []
    specs = [s for s in specs if s.type in _KINDS and s.cues]
    for sentence in sentences(text):
        found_here = find_quantities(sentence)
        for quantity in (q for q in found_here if q.bound and not heads_cap(q, found_here)):
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
                # the value compared, in the threshold's unit (在京工作4年 against 3年以上: 48个月, never 4个月)
                found.append(Check(spec.name, quantity, sentence, facts.get(spec.name) if value is None else value,
                                   met, cue_at,
                                   per=per_unit(sentence, quantity)))
                break
    return found


def per_unit(sentence: str, threshold: Quantity) -> str:
    """What a bound is counted per, when its phrase says 每+measure word+noun before it (每名导师带徒不超过N人 →
    导师; 每家企业每年不超过N人 → 企业); "" for a bound on the asker's own total (每人 has no measure word)."""
    at, phrase = phrase_around(sentence, threshold.start, threshold.end)
    found = PER_UNIT.findall(phrase[: threshold.start - at])
    return found[-1] if found else ""


def raises(check: Check) -> bool:
    """The bound is the condition of a raise (年龄在N周岁以下的，补贴标准上浮N%): failing it costs the raise, not
    the benefit."""
    return RAISE_AFTER.search(check.sentence, check.threshold.end) is not None


HOLDER = re.compile(r"([\u4e00-\u9fff]{1,5}人)(?:应当|应|须|需|必须)?(?:具有|具备|持有|取得|获得|年龄)\s*$")


def held_by_another(check: Check, asked: str, roles: Iterable[str]) -> bool:
    """The condition is held by a role the question does not name and that is not the asker's own (（1）领办人具有技师
    （二级）以上 — a studio leader's condition, for a worker asking about a certificate's subsidy); without the
    question's text every check applies."""
    if not asked:
        return False
    start, phrase = phrase_around(check.sentence, check.cue_at, check.cue_at)
    holder = HOLDER.search(phrase[: check.cue_at - start])
    if holder is None:
        return False
    role = holder.group(1)
    shortest = 3 if len(role) >= 3 else 2  # 法定代表人 of 企业法定代表人; never 人 alone
    named = any(role[i:] in asked for i in range(len(role) - shortest + 1))
    return not named and not any(role.endswith(own) for own in roles)


def applies_to(check: Check, asked: str) -> bool:
    """A check counted per something the question does not speak of (a mentor's apprentices, asked by a firm
    about its total) judges nothing; without the question's text every check applies."""
    return not (asked and check.per and check.per not in asked)


JOINED = re.compile(r"并且|并|且|以及")  # parts of one condition phrase joined (留用并签订…)
RELAXED_FROM = re.compile(r"由[^，,；;。]{1,12}?放宽\s*(?:至|到|为)\s*$")
RAISE_AFTER = re.compile(r"(?:提高|上浮|增加|上调)\s*\d")  # …的，补贴标准上浮N%
PER_UNIT = re.compile(r"每(?:名|位|个|家|户|所|期|班|批|张)([\u4e00-\u9fff]{2})")
AT_LEAST = re.compile(r"\s*(?:[（(][^（()）]{1,6}[）)])?\s*(?:（含）|\(含\))?\s*(?:及以上|以上)")


def _ranked_words(spec: FactSpec) -> list[tuple[str, str]]:
    """(word, option) for every word naming one of a ranked fact's options, the longest word first."""
    pairs = ((word, option) for option in spec.order for word in (option, *spec.options.get(option, ())))
    return sorted(pairs, key=lambda pair: len(pair[0]), reverse=True)


SHARE_OF_PEOPLE = re.compile(r"比例|占比|比重")


def _share_after(sentence: str, start: int, end: int) -> bool:
    """The phrase holding ``sentence[start:end]`` goes on to speak of a share of people (…证书的比例不低于30%)."""
    phrase_start, phrase = phrase_around(sentence, start, end)
    return SHARE_OF_PEOPLE.search(phrase[end - phrase_start :]) is not None


def _tiered(sentence: str, start: int, end: int, words: Sequence[tuple[str, str]], order: Sequence[str],
            bound: str) -> bool:
    """The sentence rates lower options apart from ``sentence[start:end]`` (初级、中级每人次补贴N元，高级（三级）
    及以上每人次补贴M元): it names an option below the bound outside that phrase and states two or more sums of
    money — a tier of the rate, not a condition of the benefit."""
    below = set(order[: order.index(bound)])
    outside = sentence[:start] + "\0" * (end - start) + sentence[end:]
    named = any(option in below and word in outside for word, option in words)
    return named and sum(q.kind == "money" for q in find_quantities(sentence)) >= 2


def ranked_checks(text: str, facts: dict[str, Any], specs: Iterable[FactSpec]) -> list[Check]:
    """Lower bounds on a ranked option (取得中级（四级）及以上职业资格证书) compared with the option the user stated."""
    found: list[Check] = []
    for spec in (s for s in specs if s.order and isinstance(facts.get(s.name), str) and facts[s.name] in s.order):
        words = _ranked_words(spec)
        user = spec.order.index(facts[spec.name])
        for sentence in sentences(text):
            for word, option in words:
                at = sentence.find(word)
                if at < 0 or any(other in sentence[max(0, at - 4): at + len(word) + 4] and other not in word
                                 for other in spec.not_words if word in other):
                    continue
                bound = AT_LEAST.match(sentence, at + len(word))
                if bound is None or _share_after(sentence, at, bound.end()):
                    continue  # 取得中级工及以上证书的比例不低于30%: a target for a population, not a condition
                if _tiered(sentence, at, bound.end(), words, spec.order, option):
                    break  # 初级、中级每人次N元，高级及以上每人次M元: each level has its rate
                threshold = Quantity(kind="number", value=Decimal(spec.order.index(option)), unit="",
                                     raw=sentence[at : bound.end()], start=at, end=bound.end(), bound="min",
                                     inclusive=True)
                found.append(Check(spec.name, threshold, sentence, facts[spec.name],
                                   user >= spec.order.index(option), cue_at=at, phrase_end=bound.end()))
                break
            else:
                continue
            break
    return found


GROUP_BREAK = re.compile(r"、|以及|及|和|或者|或")
TRAILING_REMARK = re.compile(r"[（(][^（()）]*[）)]\s*$")


def excluded_groups(sentence: str, words: Iterable[str], leading: Iterable[str] = ()) -> list[str]:
    """The groups an excluding sentence names: those before 不属于/不在补贴范围 (机关事业单位工作人员、
    领取失业保险金人员以及…), or — for a ``leading`` word — after it in its own phrase (且不处于领取失业保险金期间)."""
    leading = set(leading)
    for word in sorted({*words, *leading}, key=len, reverse=True):
        at = sentence.find(word)
        if at < 0:
            continue
        if word in leading:
            _, phrase = phrase_around(sentence, at, at + len(word))
            text = phrase[phrase.find(word) + len(word):]
        else:
            text = sentence[:at]
        return [g.strip("，,；;：: ") for g in GROUP_BREAK.split(text) if len(g.strip("，,；;：: ")) >= 2]
    return []


def excluded_item(sentence: str, lead_in: str, words: Iterable[str]) -> list[str]:
    """An item under a lead-in that excludes (有下列情形之一的，不予享受…：) names an excluded group by itself, its
    label and closing 的 off: "（二）全日制在校学生（含毕业学年在校学生）；" → 全日制在校学生（含毕业学年在校学生）."""
    if not is_lead_in(lead_in) or not any(word in lead_in for word in words):
        return []
    label = parse_label(sentence.strip())
    group = (label.rest if label is not None else sentence).strip().rstrip("；;。.，,").removesuffix("的")
    parts = [g.strip() for g in GROUP_BREAK.split(group) if len(g.strip()) >= 2]  # 法定代表人、股东及高级管理人员
    return [group, *(p for p in parts if p != group)] if len(group) >= 2 else []


def _head(group: str) -> str:
    """A group without a bracketed remark at its end (全日制在校学生（毕业年度…除外） → 全日制在校学生)."""
    return TRAILING_REMARK.sub("", group)


def exclusion_check(text: str, situations: Iterable[tuple[str, list[str]]], words: Iterable[str],
                    leading: Iterable[str] = (), lead_in: str = "", chars: int = 0) -> Check | None:
    """The asker's stated situation falls in a group a sentence of ``text`` excludes — or, for an item under an
    excluding ``lead_in``, the item itself names: a 不符合 check quoting that sentence. It falls in it when each of its
    content terms is written in the group, when the group is what the situation calls the asker (股东 of 公司股东之一;
    never 现役军人 of 退役军人) or when the two share ``chars`` characters in a row (劳务派遣 of 劳务派遣公司 and
    劳务派遣单位)."""
    words = list(words)
    for sentence in sentences(text):
        for group in excluded_groups(sentence, words, leading) or excluded_item(sentence, lead_in, words):
            for said, terms in situations:
                if terms and (all(term in group for term in terms)
                              or (len(terms[-1]) >= 2 and group == terms[-1])
                              or (chars and len(terms[-1]) >= chars and _head(group).endswith(terms[-1]))
                              or (chars and shared_run(said, group) >= chars)):
                    at = sentence.find(group)
                    threshold = Quantity(kind="number", value=Decimal(0), unit="", raw=group, start=max(at, 0),
                                         end=max(at, 0) + len(group))
                    return Check("situation", threshold, sentence, said, False, excludes=True)
    return None


@dataclass(frozen=True)
class Home:
    """Where the asker says their household is registered: a place (its name and division code), or, said negated
    (户口不在某市, 不是某市户口) or as elsewhere (外地户口), somewhere outside that place."""

    name: str
    code: str
    outside: bool = False

    def said(self) -> str:
        return f"非{self.name}户籍" if self.outside else f"{self.name}户籍"


def residence_check(text: str, words: Sequence[str], home: Home, place_code: Callable[[str], str | None],
                    inside: Callable[[str, str], bool]) -> Check | None:
    """A condition on where one's household is registered (非某市户籍, 具有本市户籍) judged by the place the asker
    says theirs is: a county inside 某市 is 某市, so its 户籍 fails 非某市户籍. A registration outside a place is
    outside every place within it, and of a wider place it says nothing (户口不在某县 judges 本市户籍 of no city).
    ``place_code`` reads the place named right before the word (本市: the document's own); a requirement another way
    of qualifying stands beside (本市户籍或者持有本市居住证), a place of registration (户籍所在地) and a sentence
    setting those registered elsewhere beside those registered there (非本市户籍人员…与本市户籍人员同等享受) judge
    nothing."""
    for sentence in sentences(text):
        for word in words:
            for found in re.finditer(re.escape(word), sentence):
                end = found.end()
                if sentence.startswith(("所在", "地", "迁"), end) or RESIDENCE_ALTERNATIVE.match(sentence, end):
                    continue
                start = found.start()
                named = next(((at, c) for at in range(max(0, start - PLACE_CHARS), start - 1)
                              if sentence[at] != "非" and (c := place_code(sentence[at:start])) is not None), None)
                if named is None:
                    continue
                at, required = named
                if home.outside and not (home.code == required or inside(required, home.code)):
                    continue
                negated = sentence[at - 1 : at] == "非"
                if len({sentence[other - 1 : other] == "非" for other in positions(sentence, sentence[at:end])}) > 1:
                    break  # 非本市户籍人员持有居住证的，与本市户籍人员同等享受: sets one beside the other
                within = not home.outside and (home.code == required or inside(home.code, required))
                phrase_start = at - 1 if negated else at
                threshold = Quantity(kind="number", value=Decimal(0), unit="", raw=sentence[phrase_start:end],
                                     start=phrase_start, end=end)
                return Check("residence", threshold, sentence, home.said(), not within if negated else within,
                             cue_at=phrase_start, phrase_end=end)
    return None


def granted_asked(question: str, grant_words: Sequence[str], specs: Iterable[FactSpec]) -> dict[str, str]:
    """The ranked option a question asks to reach, of each fact: the one named first after a word asking for a level
    (我本来就是高级工，能晋升技师吗 → 技师; the 高级工 before it is the asker's own level), never inside one of the
    fact's ``not_words`` (高级 of 高级技师). {} when none is named there."""
    at = min((i for w in grant_words if (i := question.find(w)) >= 0), default=-1)
    if at < 0:
        return {}
    asked: dict[str, str] = {}
    for spec in (s for s in specs if s.order):
        text = question
        for word in spec.not_words:
            text = text.replace(word, " " * len(word))
        named = [(found, option) for word, option in _ranked_words(spec) if (found := text.find(word, at)) >= 0]
        if named:
            asked[spec.name] = min(named)[1]
    return asked


def row_grants(text: str, facts: dict[str, Any], specs: Iterable[FactSpec]) -> Check | None:
    """A table row answering 能晋升技师吗: its result cell (after the lead's colon) names a ranked option at or above
    the one asked about. Only this way round: a lower result may still be raised by another rule of the document,
    so it is quoted, never judged."""
    lead, colon, result = text.partition("：")
    if not colon:
        return None
    for spec in (s for s in specs if s.order and isinstance(facts.get(s.name), str) and facts[s.name] in s.order):
        words = _ranked_words(spec)
        named = next((option for word, option in words if word in result), None)
        if named is not None and spec.order.index(named) >= spec.order.index(facts[spec.name]):
            threshold = Quantity(kind="number", value=Decimal(spec.order.index(named)), unit="", raw=result,
                                 start=len(lead) + 1, end=len(text))
            return Check(spec.name, threshold, text.strip(), facts[spec.name], True, grants=True)
    return None


def _beyond_band(check: Check, found: list[Check]) -> bool:
    """A sentence bounding one fact from both sides (6个月（含）以上不满12个月) describes a band — most often a tier
    with its own terms (可按50%申领) beside the ordinary rule, not a requirement. A value above the band's upper end is
    outside that tier, which says nothing about eligibility: neither bound of the band judges it."""
    band = [c for c in found if c.fact == check.fact and c.sentence == check.sentence]
    upper = [c for c in band if c.threshold.bound == "max"]
    if not upper or not any(c.threshold.bound == "min" for c in band):
        return False
    return any(c.met is False for c in upper) and all(c.met is not False for c in band if c.threshold.bound == "min")


def phrase_around(text: str, start: int, end: int) -> tuple[int, str]:
    """The phrase (between punctuation) holding ``text[start:end]``: (its start, its text)."""
    for match in _PHRASE.finditer(text):
        if match.start() <= start and end <= match.end():
            return match.start(), match.group(0)
    return start, text[start:end]


def stated_checks(text: str, stated: Iterable[Stated], taken: Iterable[tuple[str, int]] = ()) -> list[Check]:
    """Lower bounds, age bounds, windows since an event and caps on times of ``text`` compared with quantities the
    user stated about the same thing."""
    stated = [s for s in stated if s.quantity.kind in ("duration", "money", "count", "age", "number", "percent")]
    if not stated:
        return []
    skip = set(taken)
    found: list[Check] = []
    for sentence in sentences(text):
        found_here = find_quantities(sentence)
        bounded = [q for q in found_here if q.bound]
        for threshold in (q for q in bounded if not heads_cap(q, found_here)):
            window = threshold.kind == "duration" and threshold.bound == "max" and _within(sentence, threshold)
            times = threshold.kind == "count" and threshold.bound == "max" and threshold.unit in TIMES
            if (sentence, threshold.start) in skip or (threshold.bound != "min" and threshold.kind != "age"
                                                       and not window and not times
                                                       and not _band_top(sentence, threshold, bounded)):
                continue
            at, phrase = phrase_around(sentence, threshold.start, threshold.end)
            for item in stated:
                q = _as_money(item.quantity) if threshold.kind == "money" else item.quantity
                if q.kind != threshold.kind or q.unit != threshold.unit:
                    continue
                relaxed = RELAXED_FROM.search(sentence, at, threshold.start)  # 出勤率由A%放宽至B%: from 由
                anchor = relaxed.start() if relaxed else threshold.start
                # …见习单位留用并签订N年以上劳动合同: the bound's own part of the phrase (after 并), not 见习
                low = max([at, *(m.end() for m in JOINED.finditer(sentence, at, anchor))])
                high = min([at + len(phrase), *(m.start() for m in JOINED.finditer(sentence, threshold.end,
                                                                                    at + len(phrase)))])
                span = _listed_item(sentence, threshold, at, at + len(phrase)) if window \
                    else (max(low, anchor - NEAR), min(high, threshold.end + NEAR))
                if (window or times) and not item.elapsed:
                    continue  # 一年能发多少 is no time since anything; 想申请3次 has used none
                part = span if window else (low, high)
                if q.kind != "age" and not any(_overlaps(sentence, word, span, part) for word in item.words):
                    continue  # 学一年 is not 签订N年以上劳动合同: a word of the user's must stand near the bound
                measured = "" if window else _measured(sentence, threshold)
                if q.kind != "age" and measured and not any(w in measured or measured in w for w in item.words):
                    continue  # 见习6个月 is no 签订N年以上劳动合同 of 见习单位与见习人员: not what the bound measures
                yearly = "月" in q.per and YEARLY.search(phrase) is not None
                value = q.value * 12 if yearly else q.value
                note = f"按每月{q.raw}×12个月计" if yearly else ""
                met = value < threshold.value if times else _meets(value, threshold)  # 已领过N次 of 不超过N次: no 4th
                if threshold.bound == "min" and q.bound == "max" and value <= threshold.value and not (
                        q.inclusive and threshold.inclusive and value == threshold.value):
                    met = False  # 留用率不到一半 of 达到50%以上: below the bound, whatever the figure said
                start, end = span if window else (at, at + len(phrase))  # a window: its item's words
                found.append(Check("stated", threshold, sentence, value, met, start, end, note=note,
                                   per=per_unit(sentence, threshold)))
                break
    return [c for c in found if c.threshold.kind == "age" or not _beyond_band(c, found)]  # an age band is required


def heads_cap(threshold: Quantity, sentence_quantities: Sequence[Quantity]) -> bool:
    """A most on heads in a sentence paying money (每带1名学徒每月给予N元，每名师傅同时带徒不超过M名; 每吸纳1人给予N元，
    最多按M人计算): how many are paid for, not who qualifies."""
    return (threshold.kind == "count" and threshold.bound == "max" and threshold.unit in HEADS
            and any(q.kind == "money" and q.bound is None for q in sentence_quantities))


def _band_top(sentence: str, threshold: Quantity, bounded: Sequence[Quantity]) -> bool:
    """The upper end of a band its phrase bounds from both sides (培养期不足1年但不少于6个月的): a stated value above
    it lies outside the band's tier (see ``_beyond_band``)."""
    if threshold.bound != "max":
        return False
    at, phrase = phrase_around(sentence, threshold.start, threshold.end)
    return any(q.bound == "min" and q.kind == threshold.kind and q.unit == threshold.unit
               and at <= q.start and q.end <= at + len(phrase) for q in bounded)


def _measured(sentence: str, threshold: Quantity) -> str:
    """The noun a bound is put before, which it measures (劳动合同 of 签订N年以上劳动合同的); "" when the bound closes
    its phrase (缴纳社会保险N个月以上的) or a joined part follows (满N个月且…)."""
    match = MEASURED.match(sentence, threshold.end)
    return match.group("noun") if match else ""


def _overlaps(sentence: str, word: str, span: tuple[int, int], part: tuple[int, int]) -> bool:
    """The word stands in the sentence's ``part``, inside ``span`` or cut by its start (网络培训 of …方式，网络培训学时
    超过N%: what a bound bounds is said before it); a word cut by the span's end stands past it."""
    at = sentence.find(word, part[0], part[1])
    while at >= 0:
        if at + len(word) <= span[1] and at + len(word) > span[0]:
            return True
        at = sentence.find(word, at + 1, part[1])
    return False


def _listed_item(sentence: str, threshold: Quantity, start: int, end: int) -> tuple[int, int]:
    """The item of a 、-list within ``sentence[start:end]`` holding the threshold (…返乡入乡创业农民工、毕业年度和离校
    2年内高校毕业生、登记失业人员…: 毕业年度和离校2年内高校毕业生), the whole span when it lists nothing: a window
    since an event is the window of its own item's people."""
    before = sentence.rfind(LIST_MARK, start, threshold.start)
    after = sentence.find(LIST_MARK, threshold.end, end)
    return (before + 1 if before >= 0 else start, after if after >= 0 else end)


def _within(sentence: str, threshold: Quantity) -> bool:
    """离校N年内 / 自取得证书之日起N个月内: a window since an event the asker can date — a condition, unlike a cap on
    the benefit (最长不超过30天)."""
    return WITHIN.match(sentence, threshold.end) is not None and not CAP.search(sentence[: threshold.start])


# the noun right after a bound: 以上劳动合同 → 劳动合同 (not 以上的, not 且…, not 以上人员 — who, not what)
_BOUND_END = r"(?:以上|以下|以内|之内|内)"
MEASURED = re.compile(rf"\s*(?:[（(]含[)）])?\s*(?:及)?{_BOUND_END}?(?!并|且|或|的|人员|企业|单位|{_BOUND_END})"
                      r"(?P<noun>[\u4e00-\u9fff]{2,6}?)(?=[的，,；;。、并且或]|$)")
HEADS = ("人", "个人", "名", "位")  # the measure words that count people
TIMES = ("次", "人次")  # a cap on how many times a benefit is had (不超过N次) is a condition on one more
WITHIN = re.compile(r"\s*(?:以内|之内|内)")
LIST_MARK = "、"  # between the items of a list (…农民工、毕业年度和离校2年内高校毕业生、登记失业人员)
CAP = re.compile(r"(?:最长|最多|不超过|最高|累计不超过)\s*$")
YEARLY = re.compile(r"年度|每年|全年|上年|年均|年营业|年收入|年销售")  # a threshold counted over a year
MAGNITUDE = re.compile(r"[万亿]")


def _as_money(quantity: Quantity) -> Quantity:
    """每个月大概N万 beside a threshold in 元: a bare figure in 万/亿 is an amount of money."""
    if quantity.kind == "number" and MAGNITUDE.search(quantity.raw):
        return quantity.model_copy(update={"kind": "money", "unit": "元"})
    return quantity


def judge(
    text: str, facts: dict[str, Any], specs: Iterable[FactSpec], stated: Iterable[Stated] = (), asked: str = "",
    roles: Sequence[str] = (),
) -> Verdict | None:
    """A verdict when the clause sets a threshold on a fact the user stated; None when it sets none we can read.
    ``asked``: the question (with its synonyms' terms), to leave out bounds counted per something it does not name
    or held by a role it does not name (``roles``: those that are the asker's own, answers.yaml asker_roles)."""
    specs = list(specs)

    def counts(check: Check) -> bool:
        return applies_to(check, asked) and not raises(check) and not held_by_another(check, asked, roles)

    found = [c for c in checks(text, facts, specs) if counts(c)]
    ranked = [c for c in ranked_checks(text, facts, specs)
              if not held_by_another(c, asked, roles) and all(c.sentence != f.sentence or c.fact != f.fact
                                                                   for f in found)]
    # a rank that falls short settles it; one that is met only backs up a stated threshold of the same clause
    found += [c for c in ranked if c.met is False or any(f.met is not None for f in found)]
    found += [c for c in stated_checks(text, stated, [(c.sentence, c.threshold.start) for c in found]) if counts(c)]
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
