"""Text helpers of the drafter: reading labels, category lists and phrases around the numbers of a sentence.

All of them work on the verbatim sentence and return slices of it (so a proposed phrase verifies as written) or
short labels for staff to review. The word lists are Chinese function words (给予、每人每年、分别…), not knowledge
about any place or policy.
"""

from __future__ import annotations

import re
from decimal import Decimal
from functools import lru_cache
from typing import Any

from ingest.quantities import Quantity, find_quantities

SEPARATORS = "、，,；;：:（(）)和及或"
GRADE = r"(?:[（(][^（()）]{1,6}[）)])?"
LEVEL_WORD = rf"(?:高级技师|技师|[初中高]级工?|[一二三四五]级|[初中高]){GRADE}"
LEVEL_LIST = re.compile(rf"({LEVEL_WORD}(?:\s*[、，,和及与或/]\s*{LEVEL_WORD})+)")
# Words that introduce an amount rather than name its category: everything up to the last of them is dropped.
INTRO = r"(?:给予|发放|奖励|资助|补助|补贴|标准为|每[人年月天次户家个]|一次性|分别|按照|按|为|凡|对)"
INTRO_WORDS = re.compile(rf"^.*{INTRO}")
INTRO_ANY = re.compile(INTRO)
LEAD_WORDS = re.compile(r"^(?:并|且|其中|可|的|、)+")
TRAIL_WORDS = re.compile(r"(?:的比例|的|为|按|满|达到|给予|补贴标准|标准|一次性|分别|不低于|不高于|不超过|不少于|可)+$")
DESCRIPTOR_END = re.compile(r"补贴|补助|标准|每[人年月]|最高|不超过|给予|可按|按")
BASE_NOUN = re.compile(r"总额|工资|薪金|收入|经费|费用|金额|基数|支出|资金|价款|成本|标准|利息")
# a share of whatever sum 按…的 names right before it (按其实际缴费额的2/3, 按实际缴纳社会保险费的50%)
OF_SUM = re.compile(r"按(?:照)?[^，,。；;：:]{1,24}的\s*$")
# a cap a sentence with no sum of its own names (每人每月补贴上限仍按省定标准执行): its share cannot be worked out alone
CAP_ELSEWHERE = re.compile(r"上限|最高|封顶|不超过|不高于")
TARGET_RATE = re.compile(r"(?:率|比例|比重|占)[^，,。；]{0,6}(?:达到|提高到|保持|不低于|以上)?\s*$")
ATTAIN = re.compile(r"^.*(?:获批|获得|取得|评为|认定为|荣获|属于)")
RANGE_GAP = re.compile(r"^\s*(?:至|到|-|—|–|~|～)\s*$")
UPLIFT_WORDS = re.compile(r"(提高|上浮|增加|提升|上调)\s*$")
# a sum added to a standard set elsewhere: 在省定标准基础上每人增加N元, 每名学徒每年再增加N元 (never 提高到N元)
ADDED_BEFORE = re.compile(r"(?:增加|增发|加发|提高|上浮|多补)\s*$")
POINT = re.compile(r"([\u4e00-\u9fff]{2,10}?(?:补贴|补助|资助|奖励|奖补|津贴))")

BASIS = re.compile(r"在[^，,；;。]{0,40}?基础上")  # 在省定标准基础上每人增加N元: what a sum is added to
# a value something becomes (最高限额相应提高到3万元, 调整为N元), not a sum added to it
BECOMES = re.compile(r"(?:提高|提升|调整|上调|调高)(?:到|至|为)\s*$")


# a value a sentence says is replaced: 由按实际缴费额的三分之二调整为按实际缴费额的80%, 从每人1000元提高到1200元
REPLACED_BEFORE = re.compile(r"(?:由|从)[^，,；;。]{0,30}$")
REPLACED_AFTER = re.compile(r"^[^，,；;。]{0,30}?(?:提高|提升|调整|上调|调高|改)(?:到|至|为)")


def replaced(text: str, quantity: Quantity) -> bool:
    """The value is the one the sentence replaces (由X调整为Y: X), no rate in force."""
    return bool(REPLACED_BEFORE.search(text[: quantity.start]) and REPLACED_AFTER.search(text[quantity.end :]))


@lru_cache(maxsize=4096)
def replacements(text: str) -> tuple[tuple[Quantity, Quantity, str], ...]:
    """(replaced value, new value, the phrase stating the new one) of each 由X调整为Y / 从X提高到Y in ``text``: Y is
    the first value of X's kind after the word saying what X becomes (调整为按实际缴费额的80%: 按实际缴费额的80%).
    Cached: every clause worked out reads every found clause's replacements."""
    found = find_quantities(text)
    pairs = []
    for old in found:
        if not replaced(text, old):
            continue
        becomes = REPLACED_AFTER.search(text[old.end :])
        start = old.end + becomes.end() if becomes else old.end
        new = next((q for q in found if q.start >= start and q.kind == old.kind), None)
        if new is not None:
            pairs.append((old, new, text[start : new.end].strip()))
    return tuple(pairs)


BARE_LABEL = re.compile(r"^\s*(?:第[一二三四五六七八九十百零〇\d]+[条章节]|[（(][一二三四五六七八九十\d]+[）)]|"
                        r"[一二三四五六七八九十]+、|\d+[.．、])\s*")  # a heading's own number
# a sum a sentence raises a standard to, the value it replaces unsaid: 本市生活费补贴标准提高至每人每天60元
RAISED_TO = re.compile(r"(?:提高|提升|调整|上调|调高)(?:到|至|为)[^，,；;。\d]{0,8}$")
PART_BREAKS = "，,；;。：:"


@lru_cache(maxsize=4096)
def raised_to(text: str) -> tuple[tuple[Quantity, str, str], ...]:
    """(the new sum, the phrase stating it, the words before naming what is raised) of each sum ``text`` raises a
    standard to without saying the value it replaces (生活费补贴标准提高至每人每天60元 — not 由X提高到Y, read by
    ``replacements``): the phrase and the words run from the start of the sentence part."""
    found = []
    for quantity in find_quantities(text):
        before = text[: quantity.start]
        raised = RAISED_TO.search(before)
        if quantity.kind != "money" or quantity.bound or raised is None:
            continue
        start = max(before.rfind(mark, 0, raised.start()) for mark in PART_BREAKS) + 1
        if REPLACED_BEFORE.search(text[start : raised.start()]):
            continue  # 由X提高到Y: a replacement that says what it replaces
        label = BARE_LABEL.match(text, start)  # 一、本市…: the words, not the heading's number
        start = label.end() if label else start
        found.append((quantity, text[start : quantity.end].strip(), text[start : raised.start()].strip()))
    return tuple(found)


def added(text: str, quantity: Quantity) -> bool:
    """The sum is added to a standard stated elsewhere (每人增加N元; 在国家规定的标准基础上，再给予N万元 — on top of
    the standard the sentence names before it, no other sum between), not a rate of its own, nor a bound or a value
    something is raised to (最高限额相应提高到3万元)."""
    if quantity.kind != "money":
        return False
    before = text[: quantity.start]
    if ADDED_BEFORE.search(before) is not None:
        return True
    if quantity.bound == "max" or BECOMES.search(before):  # 在省定标准基础上提高50%，最高限额相应提高到3万元
        return False
    bases = list(BASIS.finditer(before))
    return bool(bases) and not any(q.kind == "money" for q in find_quantities(before[bases[-1].end() :]))


def value_in(quantity: Quantity, unit: str) -> Decimal:
    return quantity.value / 12 if unit == "年" else quantity.value


def number(value: Decimal) -> int | float:
    return int(value) if value == value.to_integral_value() else float(value)


def make_parameter(quantity: Quantity, unit: str, text: str, start: int, end: int) -> dict[str, Any]:
    """A parameter read from ``text[start:end]`` (the phrase), naming which of its numbers it is when several."""
    phrase = text[start:end].strip()
    start += len(text[start:end]) - len(text[start:end].lstrip())
    same = [q for q in find_quantities(phrase)
            if q.kind == quantity.kind and (q.kind != "duration" or q.unit == quantity.unit)]
    item: dict[str, Any] = {"value": number(value_in(quantity, unit)), "unit": unit, "phrase": phrase}
    if len(same) > 1:
        item["element"] = next((i for i, q in enumerate(same) if q.start + start == quantity.start), 0)
    return item


GRADE_REACH = 8  # characters a grade in parentheses after a label may span (（四级）, （五级/初级工）)
LABEL_CHARS = 14  # characters before an amount a label may span, back to a separator


def label_before(text: str, end: int, *, limit: int = LABEL_CHARS, listed: bool = False) -> str:
    """The words just before ``end`` back to a separator, without the words that introduce an amount
    (给予、每人每年…) or qualify a number (满、达到…); ``listed``: with the names listed before them with 、 that
    state no figure of their own (小微企业、农民专业合作社每户N元 → both)."""
    while end > 0 and text[end - 1] in SEPARATORS + "的 ":
        end -= 1
    start = end
    while start > 0 and text[start - 1] not in SEPARATORS and end - start < limit:
        start -= 1
    while listed and start > 1 and text[start - 1] == "、":
        begin = start - 1
        while begin > 0 and text[begin - 1] not in SEPARATORS and start - 1 - begin < limit:
            begin -= 1
        if begin == start - 1 or re.search(r"\d", text[begin : start - 1]):
            break
        start = begin
    words = text[start:end].strip()
    label = INTRO_WORDS.sub("", words) or INTRO_ANY.sub("", words)  # 中级工每人每年 → 中级工
    label = TRAIL_WORDS.sub("", LEAD_WORDS.sub("", label)).strip()
    if (label == words and end < len(text) and text[end] in "）)" and start > 0 and text[start - 1] in "（("
            and end - start <= GRADE_REACH):  # 初级工（五级）800元/人: the grade is the name's, not the name
        named = label_before(text, start - 1, limit=limit)
        return f"{named}{text[start - 1 : end + 1]}" if named else label
    if not label and start > 0 and text[start - 1] in "）)":  # 中级工（四级）每人每年N元: the grade belongs to it
        opened = max(text.rfind("（", 0, start - 1), text.rfind("(", 0, start - 1))
        if opened > 0 and start - 1 - opened <= GRADE_REACH:
            named = label_before(text, opened, limit=limit)
            return f"{named}{text[opened:start]}" if named else ""
    return label


def listed_before(text: str, end: int, count: int) -> list[str]:
    """``获批市级、省级、国家级技能大师工作室的，分别给予…`` → 市级、省级、国家级: the 、-list before 分别."""
    head = text[:end]
    at = head.rfind("分别")
    if at < 0:
        return []
    segments = [seg for seg in re.split(r"[，,；;：:]", head[:at]) if "、" in seg]
    if not segments:
        return []
    items = [item.strip() for item in segments[-1].split("、")]
    if len(items) != count:
        return []
    items[-1] = re.sub(r"的$", "", items[-1])
    inner = [len(item) for item in items[1:-1]] or [min(len(items[0]), len(items[-1]))]
    width = max(inner) + 1
    items[0] = ATTAIN.sub("", items[0]) or items[0]  # 获批市级 → 市级; …中获得第1名 → 第1名
    items[0] = items[0][-width:] if len(items[0]) > width + 1 else items[0]
    items[-1] = items[-1][:width] if len(items[-1]) > width + 1 else items[-1]
    return items


def expand_levels(listing: str) -> list[str]:
    """``初、中、高级`` → 初级、中级、高级; ``中级工、高级工`` stay; grades in brackets dropped (技师（二级）)."""
    listing = re.sub(r"[（(][^（()）]{1,6}[）)]", "", listing)
    parts = [p for p in re.split(r"\s*[、，,和及与或/]\s*", listing) if p]
    suffix = re.search(r"(级工?)$", parts[-1]) if parts else None
    return [p + suffix.group(1) if suffix and len(p) == 1 and p in "初中高" else p for p in parts]


def phrase_start(text: str, number_start: int, label: str, *, limit: int = 24) -> int:
    """Where a phrase around a number begins: at its label when found nearby, else back to a separator."""
    if label:
        at = text.rfind(label, 0, number_start)
        if at >= 0 and number_start - at <= limit + len(label):
            return at
    start = number_start
    while start > 0 and text[start - 1] not in "，,；;。：:" and number_start - start < limit:
        start -= 1
    return start


def point_of(text: str) -> str:
    match = POINT.search(text)
    return match.group(1).rsplit("的", 1)[-1] if match else text[:12]


def unit_of_label(label: str) -> str | None:
    """The unit a table column's header implies: 最低培训课时 → 课时, 补贴标准（元/人） → 元."""
    for words, unit in (("课时|学时", "课时"), ("元", "元"), ("天|日", "天"), ("月", "个月"), ("人数|人", "人")):
        if re.search(words, label):
            return unit
    return None


def bound_end(text: str, quantity: Quantity) -> int:
    """Include ``(含)以上`` / ``以内`` after a threshold in its phrase."""
    match = re.match(r"\s*(?:[（(]含[)）])?\s*(?:及)?(?:以上|以下|以内|内)", text[quantity.end :])
    return quantity.end + (match.end() if match else 0)
