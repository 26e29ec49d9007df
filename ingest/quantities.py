"""The one parser for quantities written in Chinese text: numbers, money, percentages, durations and counts.

Used by every layer that reads a number from text — question facts, rule verification (a rule's parameter must
equal the value parsed from its phrase), answer verification (every amount an answer states must come from a
source) and calculator inputs — so ``1.5万``, ``一千五百元``, ``一年半``, ``百分之八`` and ``１５个月`` mean the same
thing everywhere.

Chinese numerals are converted by cn2an (its "smart" mode also reads ``1.5万`` and ``2000万``); this module finds
the spans, their units, and how the text qualifies them:

- ``per``: the period or head a rate is given for — ``每人每年4000元`` → ``("人", "年")``, ``500元/人·月`` →
  ``("人", "月")``, ``每月80万`` → ``("月",)``;
- ``bound``: ``max`` for 最高/不超过/以内/以下/不满 …, ``min`` for 以上/不低于/满/至少 …, with ``inclusive``
  following the statutory reading (以上、以下、以内 include the number; 不满、超过 do not — 民法典第一千二百五十九条);
- ranges and lists borrow the unit of their last member: ``30万至50万元`` → 300000元 and 500000元.
- a share written as a proper fraction (``2/3``, ``三分之二``) is a percentage, kept to ten places (``percent_text``
  writes it back as the fraction).

Offsets (``start``/``end``) always refer to the text as given, so a caller can quote or mask the span.
"""

from __future__ import annotations

import re
import warnings
from decimal import Decimal, InvalidOperation
from functools import cache
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field

from ingest.textnorm import alternation

QuantityKind = Literal["money", "percent", "duration", "count", "age", "year", "number"]
Bound = Literal["max", "min"]

# Full-width digits and marks → ASCII, one character for one (offsets stay valid).
_HALFWIDTH = str.maketrans("０１２３４５６７８９．，％／", "0123456789.,%/")
_CN_DIGITS = "零〇一二两三四五六七八九壹贰叁肆伍陆柒捌玖"
_CN_CHARS = _CN_DIGITS + "十百千万亿拾佰仟"
# a numeral is written in everyday characters or in the capital ones of amounts (壹万贰仟元), never both: 伍 of
# 退伍两年 is a word's, not a digit before 两
_LOWER_CHARS = "零〇一二两三四五六七八九十百千万亿"
_CAPITAL_CHARS = "零壹贰叁肆伍陆柒捌玖拾佰仟万亿"
_ARABIC = r"\d+(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
NUMBER = (rf"(?:(?:{_ARABIC})\s?[万千亿]?|[{_LOWER_CHARS}]+(?:点[{_CN_DIGITS}]+[万千亿]?)?"
          rf"|[{_CAPITAL_CHARS}]+(?:点[{_CN_DIGITS}]+[万千亿]?)?)")
_DIGIT_OF = {c: str(i % 10) for i, c in enumerate("零一二三四五六七八九")} | {"〇": "0", "两": "2"}
# two neighbouring digits in a row name a rough count (五六年, 两三个月, 十五六天, 三四十人): not a number read digit by
# digit (56)
_APPROXIMATE = re.compile(r"(十?)([一二两三四五六七八])([二三四五六七八九])([十百千万]?)")
_CONNECTOR = r"\s*(?:至|到|-|—|–|~|～|、|，|,|和|或)\s*"

# Units in the order they must be tried (longest first where one is a prefix of another).
_MONEY_UNITS = {"亿元": Decimal(100_000_000), "万元": Decimal(10_000), "万块": Decimal(10_000),
                "千元": Decimal(1000), "千块": Decimal(1000), "元": Decimal(1), "块钱": Decimal(1), "块": Decimal(1)}
# 四个多月, 十多个月, 二十多天: at least the number said (多 adds an unknown part)
_MONTH_UNITS = {"个半月": ("月", Decimal(1), Decimal("0.5")), "个多月": ("月", Decimal(1), Decimal(0)),
                "多个月": ("月", Decimal(1), Decimal(0)), "多年": ("月", Decimal(12), Decimal(0)),
                "多天": ("天", Decimal(1), Decimal(0)), "个月": ("月", Decimal(1), Decimal(0)),
                "年半": ("月", Decimal(12), Decimal(6)), "周年": ("月", Decimal(12), Decimal(0)),
                "年": ("月", Decimal(12), Decimal(0)), "月": ("月", Decimal(1), Decimal(0)),
                "个工作日": ("天", Decimal(1), Decimal(0)), "工作日": ("天", Decimal(1), Decimal(0)),
                "天": ("天", Decimal(1), Decimal(0)), "日": ("天", Decimal(1), Decimal(0)),
                "个小时": ("小时", Decimal(1), Decimal(0)), "小时": ("小时", Decimal(1), Decimal(0)),
                "课时": ("课时", Decimal(1), Decimal(0)), "学时": ("课时", Decimal(1), Decimal(0))}
_AGE_UNITS = ("周岁", "岁")
COUNT_UNITS = ("人次", "个人", "名", "人", "位", "个", "家", "户", "所", "间", "项", "次", "批", "期", "倍")
_COUNT_UNITS = COUNT_UNITS
_UNIT = "|".join(
    re.escape(u)
    for u in sorted([*_MONEY_UNITS, *_MONTH_UNITS, *_COUNT_UNITS, *_AGE_UNITS, "%", "‰"], key=len, reverse=True)
)
_CHAIN = re.compile(rf"({NUMBER})((?:{_CONNECTOR}{NUMBER})*)\s*({_UNIT})?")
_PERCENT_WORDS = re.compile(rf"百分之({NUMBER})")
# tenths said as 成 or 折: 六成 (60%), 打七折 (70%) — not 成人, 成年, 成员, 成本, 折算…
_TENTHS = re.compile(r"(?<![一二三四五六七八九十\d])([一二三四五六七八九]|[1-9])\s*"
                     r"(?:成(?![人年员功立为绩本品果效型不])|折(?![算合旧扣]))")
# a share said as a ratio to a whole: 按1:0.5的比例 (50%), 按1∶1比例配套 (100%) — the first term is the whole
_RATIO = re.compile(rf"(?<=按)\s*1\s*[:：∶比]\s*({NUMBER})(?=\s*的?比例)")
# a share said as a fraction: 实际缴费额的2/3, 三分之一 — a proper fraction, not a date (2026/3/1) or 百分之N
_FRACTION = re.compile(r"(?<![\d./])(\d{1,2})\s*/\s*(\d{1,2})(?![\d./])"
                       r"|(?<![百千万])([一二三四五六七八九十])分之([一二三四五六七八九])")
_NUMERALS_BEFORE = "一二三四五六七八九十"  # a share word right after one is part of a number (十一半)
SHARE_WORDS_FILE = "share_words.yaml"  # in the knowledge directory: 全额贴息 (100%), 一半 (50%)
FRACTION_PLACES = Decimal("1e-10")  # a repeating share (2/3) kept to ten places of a percent point
_HALF_YEAR = re.compile(r"半(个)?年|半个月")
# 一块(儿) said as "together" (加一块, 放在一块, 一块儿去), not one yuan: 儿 after it, or a verb of joining before it
# with no 钱 after (加一块钱 is still money)
_TOGETHER = re.compile(r"一块儿|(?<=[加合放凑算搁在到拼])一块(?!钱)")
_EXTRA_MONTHS = re.compile(rf"^(?:零|又)?({NUMBER})个?月")
# Dates: 2011年7月6日, 二〇一一年七月六日, 2019年4月, 7月6日 — the year is reported, the rest is not a duration.
_DATE = re.compile(
    r"(?P<year>(?:19|20)\d{2}|[〇零一二三四五六七八九]{4})\s*年(?:\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*月"
    r"(?:\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*[日号])?)?"
    r"|(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*月\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*[日号]"
    # a month of a year named in words (去年10月, 今年3月份) or 10月份: a date, not ten months
    r"|(?:今年|去年|前年|明年|后年|当年|上年|本年|年初|年底)\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*月(?:份)?"
    r"|(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*月份"
)

_PER_BEFORE = re.compile(
    r"每(?:个|名|位)?(?:(人)(?:每(月|年|天|日|次|课时))?[^，。；\d]{0,16}"
    r"|(月|年|天|日|次|课时|户|家)(?:每(人|月|年|天|日|次|课时))?[^，。；\d]{0,8})$"
)
# a head said as one of those counted (按每招用1人N元, 每吸纳一名…N元, 每带1名学徒每月N元) or by a measure word for
# people (每名学徒每年N元)
_HEADS_BEFORE = re.compile(
    r"每(?:[\u4e00-\u9fff]{0,2}?(?:1|一)\s*(?:人|名|位)[\u4e00-\u9fff]{0,5}?|(?:名|位)[\u4e00-\u9fff]{1,5}?)"
    r"(?:每(月|年|天|日|次|课时))?[^，。；\d每]{0,16}$"
)
_PER_AFTER = re.compile(r"^\s*/\s*(人|月|年|天|次|课时)(?:\s*[·•/]\s*(人|月|年|天|次|课时))?")
_MAX_BEFORE = re.compile(
    r"(最高|最多|最长|不超过|不高于|不得超过|不得高于|上限为?|不足|不到|(?<!不)少于|(?<!不)低于|不满|未满)[^，。；\d]{0,10}$"
)
_MIN_BEFORE = re.compile(
    r"(最低|最少|最短|不低于|不少于|不得低于|至少|(?<![不未])满|达到|(?<!不)超过|(?<!不)高于|(?<!不)多于)[^，。；\d]{0,10}$"
)
# Members of a list share the qualifiers of the first one: 每人每年中级工4000元、高级工6000元.
_RANGE_GAP = re.compile(r"^\s*(?:至|到|-|—|–|~|～)\s*$")
_LIST_GAP = re.compile(r"^[、，,和或及]\s*[^\d，。；、]{0,5}$")
_MIN_AFTER = re.compile(r"^\s*(?:[（(]含[)）])?\s*(?:及)?以上")
_MAX_AFTER = re.compile(r"^\s*(?:[（(]含[)）])?\s*(?:及)?(以下|以内|内)")
_EXCLUSIVE = ("不满", "未满", "不足", "不到", "少于", "低于", "超过", "高于", "多于")
_ORDINAL = re.compile(r"第\s*$")
_SCALED_NUMERAL = re.compile(rf"[{_CN_DIGITS}十][{_CN_CHARS}]*[万亿]")


class Quantity(BaseModel):
    """One quantity found in a text."""

    model_config = ConfigDict(frozen=True)

    kind: QuantityKind
    value: Decimal = Field(description="元 for money, percent points, months/天/小时 for durations, count, age, year.")
    unit: str = Field(description="元 · % · 月 · 天 · 小时 · 课时 · a count word (人, 个 …) · 岁 · 年 (a year) · ''.")
    raw: str = Field(description="The span as written.")
    start: int
    end: int
    per: tuple[str, ...] = Field((), description="每人每年 → ('人', '年'); '' none.")
    bound: Bound | None = None
    inclusive: bool | None = None


def halfwidth(text: str) -> str:
    """Full-width digits/./,/%// → ASCII, character for character (offsets are preserved)."""
    return text.translate(_HALFWIDTH)


def tidy(value: Decimal) -> Decimal:
    """``Decimal('15000.0')`` → ``Decimal('15000')``; keeps real fractions (``1.5``)."""
    integral = value.to_integral_value()
    return integral if value == integral else value.normalize()


@cache
def _cn2an():  # imported on first use: no work at import time
    import cn2an

    return cn2an


def number_value(span: str) -> Decimal | None:
    """The value of one number span: ``15``, ``1,500``, ``1.5万``, ``十五``, ``两千``, ``一千五``, ``二〇一一``."""
    text = halfwidth(span).replace(",", "").replace(" ", "")
    if not text:
        return None
    if re.fullmatch(r"\d+(?:\.\d+)?", text):
        return tidy(Decimal(text))
    approximate = _APPROXIMATE.fullmatch(text)
    if approximate and int(_DIGIT_OF[approximate[3]]) == int(_DIGIT_OF[approximate[2]]) + 1:
        text = approximate[1] + approximate[2] + approximate[4]  # 五六年 is five or six: the fewer, never 56
    if "点" in text:  # 一点五万 → 1.5万
        whole, _, rest = text.partition("点")
        scale = rest[-1] if rest and rest[-1] in "万千亿" else ""
        digits = rest.rstrip("万千亿")
        head = number_value(whole)
        if head is None or not digits:
            return None
        if any(c not in _DIGIT_OF for c in digits):
            return None
        fraction = "".join(_DIGIT_OF[c] for c in digits)
        text = f"{head}.{fraction}{scale}"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            value = _cn2an().cn2an(text, "smart")
        except (ValueError, KeyError, IndexError, TypeError):
            return None
    try:
        return tidy(Decimal(str(value)))
    except InvalidOperation:
        return None


def percent_text(points: Decimal) -> str:
    """A percentage as a policy writes it: ``50%``, ``1.5%``; a repeating share read from a fraction (2/3 →
    66.6666666667) as that fraction again."""
    if points != points.quantize(Decimal("0.0001")):
        for denominator in range(2, 13):
            numerator = (points * denominator / 100).to_integral_value()
            if 0 < numerator < denominator and (numerator * 100 / denominator).quantize(FRACTION_PLACES) == points:
                return f"{numerator}/{denominator}"
    return f"{format(points.normalize(), 'f')}%"


def parse_number(text: str) -> Decimal | None:
    """``text`` as one number (the whole of it, units not allowed), or None."""
    text = halfwidth(text.strip())
    if not re.fullmatch(NUMBER, text):
        return None
    return number_value(text)


def _qualifiers(text: str, start: int, end: int) -> tuple[tuple[str, ...], Bound | None, bool | None]:
    before, after = text[max(0, start - 28) : start], text[end : end + 8]
    per: tuple[str, ...] = ()
    if match := _HEADS_BEFORE.search(before):
        per = ("人", *(unit for unit in match.groups() if unit))
    elif match := _PER_BEFORE.search(before):
        per = tuple(unit for unit in match.groups() if unit)
    if match := _PER_AFTER.match(after):
        per = (*per, *(unit for unit in match.groups() if unit and unit not in per))
    bound: Bound | None = None
    inclusive: bool | None = None
    if match := _MIN_AFTER.match(after):
        bound, inclusive = "min", True
    elif match := _MAX_AFTER.match(after):
        bound, inclusive = "max", True
    elif match := _MAX_BEFORE.search(before):
        bound, inclusive = "max", match.group(1) not in _EXCLUSIVE
    elif match := _MIN_BEFORE.search(before):
        bound, inclusive = "min", match.group(1) not in _EXCLUSIVE
    return per, bound, inclusive


def _classify(value: Decimal, unit: str, number_span: str) -> tuple[QuantityKind, Decimal, str] | None:
    if unit in _MONEY_UNITS:
        scale = _MONEY_UNITS[unit]
        already = number_span.rstrip().endswith(("万", "千", "亿")) and scale != 1
        return "money", tidy(value * (1 if already else scale)), "元"
    if unit in ("%", "‰"):
        return "percent", tidy(value / 10 if unit == "‰" else value), "%"
    if unit in _MONTH_UNITS:
        base, factor, extra = _MONTH_UNITS[unit]
        if unit in ("年", "周年") and value >= 1000:
            return "year", value, "年"
        return "duration", tidy(value * factor + extra), base
    if unit in _COUNT_UNITS:
        return "count", value, unit
    if unit in _AGE_UNITS:
        return "age", value, "岁"
    return "number", value, ""


def one_off(quantity: Quantity, after: str) -> bool:
    """一次 of 一次性 (a one-off payment): a count of 次 followed (``after``: the text right after it) by 性 says what
    kind of payment, not how many times (a statement 一次性给全吗 is no 1次 to hold against 至少检查1次)."""
    return quantity.kind == "count" and quantity.unit == "次" and after.startswith("性")


class ShareWord(BaseModel):
    """A word stating a share of a whole (``share_words.yaml``)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    word: str = Field(min_length=1)
    percent: Decimal = Field(gt=0, le=100)
    then: tuple[str, ...] = ()
    not_then: tuple[str, ...] = ()

    def pattern(self) -> re.Pattern[str]:
        """The word, not right after a numeral; with one of ``then`` after it (read with it), none of ``not_then``."""
        after = f"\\s*(?:{alternation(self.then)})" if self.then else ""
        refused = f"(?!{alternation(self.not_then)})" if self.not_then else ""
        return re.compile(f"(?<![{_NUMERALS_BEFORE}\\d]){re.escape(self.word)}{after}{refused}")


class ShareWords(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    shares: tuple[ShareWord, ...]


@cache
def _share_words() -> tuple[tuple[re.Pattern[str], Decimal], ...]:
    """(pattern, percent) of each share word, read once from the bundled knowledge directory (like the gazetteer the
    metadata reader loads); a broken file is a clear error naming it."""
    from ingest.errors import PolicyAssistantError
    from ingest.knowledge import DEFAULT_KNOWLEDGE_DIR

    path = DEFAULT_KNOWLEDGE_DIR / SHARE_WORDS_FILE
    try:
        words = ShareWords.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))
    except (OSError, ValueError, yaml.YAMLError) as exc:
        raise PolicyAssistantError(f"知识文件无法读取或格式有误：{path}（{str(exc).splitlines()[0][:200]}）",
                                   f"knowledge file {path} is unreadable or malformed") from exc
    return tuple((share.pattern(), share.percent) for share in words.shares)


def find_quantities(text: str) -> list[Quantity]:
    """Every quantity in ``text``, in order. Bare Chinese numerals without a unit (统一, 一线) are not quantities;
    bare arabic numbers are (kind ``number``), so ``每月80万`` still yields 800000."""
    source = halfwidth(text)
    found: list[Quantity] = []
    taken: list[tuple[int, int]] = []

    def add(kind: QuantityKind, value: Decimal, unit: str, start: int, end: int) -> None:
        per, bound, inclusive = _qualifiers(source, start, end)
        found.append(Quantity(kind=kind, value=value, unit=unit, raw=text[start:end], start=start, end=end,
                              per=per, bound=bound, inclusive=inclusive))
        taken.append((start, end))

    for match in _DATE.finditer(source):
        year = number_value(match.group("year")) if match.group("year") else None
        if year is not None:
            add("year", year, "年", match.start(), match.end())
        else:
            taken.append((match.start(), match.end()))
    taken += [(match.start(), match.end()) for match in _TOGETHER.finditer(source)]
    for match in _PERCENT_WORDS.finditer(source):
        value = number_value(match.group(1))
        if value is not None:
            add("percent", value, "%", match.start(), match.end())
    for match in _TENTHS.finditer(source):
        value = number_value(match.group(1))
        if value is not None and not any(a <= match.start() < b for a, b in taken):
            add("percent", value * 10, "%", match.start(), match.end())
    for match in _RATIO.finditer(source):
        value = number_value(match.group(1))
        if value is not None:
            add("percent", tidy(value * 100), "%", match.start(), match.end())
    for match in _FRACTION.finditer(source):
        over, under = (match.group(1), match.group(2)) if match.group(1) else (match.group(4), match.group(3))
        numerator, denominator = number_value(over), number_value(under)
        if numerator and denominator and numerator < denominator and not any(a <= match.start() < b for a, b in taken):
            add("percent", tidy((numerator * 100 / denominator).quantize(FRACTION_PLACES)), "%", match.start(),
                match.end())
    for pattern, percent in _share_words():
        for match in pattern.finditer(source):
            add("percent", percent, "%", match.start(), match.end())
    for match in _HALF_YEAR.finditer(source):
        if not any(a <= match.start() < b for a, b in taken):
            months = Decimal("0.5") if match.group(0) == "半个月" else Decimal(6)
            add("duration", months, "月", match.start(), match.end())
    for match in _AGE_SAID.finditer(source):  # 我爸今年N了: an age said without 岁
        value = number_value(match.group(1))
        if value is not None and not any(a <= match.start(1) < b for a, b in taken):
            add("age", value, "岁", match.start(1), match.end(1))
    for match in _CHAIN.finditer(source):
        before = source[max(0, match.start() - 2) : match.start()]
        if any(a <= match.start() < b for a, b in taken) or _ORDINAL.search(before):
            continue
        unit = match.group(3) or ""
        spans = [(match.start(1), match.end(1))]
        if match.group(2):
            offset = match.start(2)
            spans += [(offset + m.start(), offset + m.end()) for m in re.finditer(NUMBER, match.group(2))]
        last_end = match.end()
        for index, (start, end) in enumerate(spans):
            span = source[start:end]
            is_last = index == len(spans) - 1
            if not unit and not re.search(r"\d", span) and not _SCALED_NUMERAL.fullmatch(span):
                continue  # a bare Chinese numeral (统一, 一线) names nothing; 两千万 still is a number
            value = number_value(span)
            if value is None:
                continue
            classified = _classify(value, unit, span)
            if classified is None:
                continue
            kind, amount, normalized = classified
            if kind == "duration" and normalized == "月" and unit in ("年", "周年") and is_last:
                extra = _EXTRA_MONTHS.match(source[last_end:])
                if extra and (months := number_value(extra.group(1))) is not None and months < 12:
                    amount += months
                    last_end += extra.end()
            end_of = last_end if is_last else end
            add(kind, amount, normalized, start, end_of)
    found.sort(key=lambda q: q.start)
    return _relaxed(source, _age_ranges(source, _share_list_qualifiers(source, found)))


def _relaxed(text: str, found: list[Quantity]) -> list[Quantity]:
    """``出勤率由A%放宽至B%`` (A > B) / ``年龄由A周岁放宽至B周岁`` (A < B): a requirement relaxed to a new value
    bounds from the side it was relaxed towards — lowered, the new value is the least allowed; raised, the most. The
    old value bounds nothing any more."""
    relaxed = list(found)
    for i in range(len(relaxed) - 1):
        old, new = relaxed[i], relaxed[i + 1]
        if (old.kind == new.kind and new.bound is None and _RELAXED_GAP.match(text[old.end : new.start])
                and text[: old.start].rstrip().endswith(("由", "从")) and old.value != new.value):
            relaxed[i] = old.model_copy(update={"bound": None, "inclusive": None})
            relaxed[i + 1] = new.model_copy(update={"bound": "min" if new.value < old.value else "max",
                                                    "inclusive": True})
    return relaxed


_AGE_SAID = re.compile(r"今年\s*(\d{1,3}|[一二三四五六七八九十]{1,3})\s*(?:了|啦)")
_RELAXED_GAP = re.compile(r"^\s*放宽\s*(?:至|到|为)\s*$")


def _age_ranges(text: str, found: list[Quantity]) -> list[Quantity]:
    """``16至60周岁`` / ``年满16周岁至60周岁``: an age range bounds a person's age from both sides (inclusive)."""
    ranged = list(found)
    for i in range(len(ranged) - 1):
        low, high = ranged[i], ranged[i + 1]
        if low.kind == high.kind == "age" and _RANGE_GAP.match(text[low.end : high.start]) and high.bound is None:
            if low.bound in (None, "min"):
                ranged[i] = low.model_copy(update={"bound": "min", "inclusive": low.inclusive is not False})
            ranged[i + 1] = high.model_copy(update={"bound": "max", "inclusive": True})
    return ranged


def _share_list_qualifiers(text: str, found: list[Quantity]) -> list[Quantity]:
    shared: list[Quantity] = []
    for quantity in found:
        previous = shared[-1] if shared else None
        if (
            previous is not None
            and previous.kind == quantity.kind
            and _LIST_GAP.match(text[previous.end : quantity.start])
            and not quantity.per
            and quantity.bound is None
        ):
            quantity = quantity.model_copy(update={"per": previous.per, "bound": previous.bound,
                                                   "inclusive": previous.inclusive})
        shared.append(quantity)
    return shared



def first(text: str, kind: QuantityKind, unit: str | None = None) -> Quantity | None:
    return next((q for q in find_quantities(text) if q.kind == kind and (unit is None or q.unit == unit)), None)


def parse_money(text: str) -> Decimal | None:
    """The first amount of money in ``text`` in 元: ``2000万元`` → 20000000, ``三千块`` → 3000."""
    quantity = first(text, "money")
    return quantity.value if quantity else None


def parse_duration_months(text: str) -> Decimal | None:
    """The first duration in ``text`` in months: ``15个月``, ``一年半`` → 18, ``两年`` → 24, ``半年`` → 6."""
    quantity = first(text, "duration", "月")
    return quantity.value if quantity else None


def parse_percent(text: str) -> Decimal | None:
    """The first percentage in ``text`` in percent points: ``1.5%`` → 1.5, ``百分之八`` → 8."""
    quantity = first(text, "percent")
    return quantity.value if quantity else None
