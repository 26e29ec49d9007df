"""Question understanding for the offline engine: numbers, facts, topic and intent from plain Chinese.

Everything here is a pure function over the question text (plus, for regions, the corpus documents), so
it is table-tested and shared by both engines and the verifier.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import Decimal, InvalidOperation
from typing import Any

from pydantic import BaseModel, Field

from ingest.models import DocumentMeta

# ---------------------------------------------------------------------------------------------- numbers

_DIGITS = {"零": 0, "〇": 0, "一": 1, "壹": 1, "二": 2, "两": 2, "贰": 2, "三": 3, "叁": 3, "四": 4, "肆": 4,
           "五": 5, "伍": 5, "六": 6, "陆": 6, "七": 7, "柒": 7, "八": 8, "捌": 8, "九": 9, "玖": 9}
_SMALL_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
_BIG_UNITS = {"万": 10_000, "亿": 100_000_000}
_CN_NUM_CHARS = "".join(_DIGITS) + "".join(_SMALL_UNITS) + "".join(_BIG_UNITS)
# A number as written by users: arabic (with , and .), Chinese numerals, or arabic + 万/千 (1.5万).
NUMBER = rf"(?:\d+(?:[,，]\d{{3}})*(?:\.\d+)?(?:[万千亿])?|[{_CN_NUM_CHARS}]+)"
_FULLWIDTH = str.maketrans("０１２３４５６７８９．，％", "0123456789.,%")


def to_halfwidth(text: str) -> str:
    """Full-width digits/./,/% → ASCII, so ``１５个月`` and ``15个月`` read the same."""
    return text.translate(_FULLWIDTH)


def _chinese_integer(text: str) -> int | None:
    total, section, digit = 0, 0, None
    for char in text:
        if char in _DIGITS:
            digit = _DIGITS[char]
        elif char in _SMALL_UNITS:
            section += (1 if digit is None else digit) * _SMALL_UNITS[char]
            digit = None
        elif char in _BIG_UNITS:
            section += digit or 0
            total = (total + (section or 1)) * _BIG_UNITS[char]
            section, digit = 0, None
        else:
            return None
    if all(c in _DIGITS for c in text) and len(text) > 1:  # 二〇一一 → 2011
        return int("".join(str(_DIGITS[c]) for c in text))
    return total + section + (digit or 0)


def tidy(value: Decimal) -> Decimal:
    """``Decimal('15000.0')`` → ``Decimal('15000')``; keeps real fractions (``1.5``)."""
    integral = value.to_integral_value()
    return integral if value == integral else value.normalize()


def parse_number(text: str) -> Decimal | None:
    """``"15"``, ``"十五"``, ``"1,500"``, ``"1.5万"``, ``"两千"``, ``"2000万"`` → Decimal; None if not a number."""
    text = to_halfwidth(text.strip()).replace(",", "").replace("，", "")
    if not text:
        return None
    multiplier = Decimal(1)
    if re.fullmatch(r"\d+(?:\.\d+)?[万千亿]", text):
        multiplier = Decimal({"万": 10_000, "千": 1000, "亿": 100_000_000}[text[-1]])
        text = text[:-1]
    if re.fullmatch(r"\d+(?:\.\d+)?", text):
        try:
            return tidy(Decimal(text) * multiplier)
        except InvalidOperation:
            return None
    value = _chinese_integer(text)
    return Decimal(value) if value is not None else None


_MONEY_RE = re.compile(rf"({NUMBER})\s*(万元|万块|万|千元|千块|元|块钱|块)")
_MONTHS_RE = re.compile(rf"({NUMBER})?\s*(个半月|个月|年半|年|月)(半)?|半年")


def parse_money(text: str) -> Decimal | None:
    """First amount of money in ``text`` in yuan: ``2000万元`` → 20000000, ``三千块`` → 3000."""
    match = _MONEY_RE.search(to_halfwidth(text))
    if not match:
        return None
    value = parse_number(match.group(1))
    if value is None:
        return None
    unit = match.group(2)
    if unit.startswith("万") and not match.group(1).endswith("万"):
        value *= 10_000
    elif unit.startswith("千") and not match.group(1).endswith("千"):
        value *= 1000
    return tidy(value)


def duration_months(text: str) -> int | None:
    """First duration in ``text`` in months: ``15个月``, ``一年半`` → 18, ``两年`` → 24, ``半年`` → 6."""
    text = to_halfwidth(text)
    for match in _MONTHS_RE.finditer(text):
        if match.group(0) == "半年":
            return 6
        if match.group(1) is None:
            continue
        value = parse_number(match.group(1))
        if value is None:
            continue
        unit = match.group(2)
        half = Decimal("0.5") if (unit in ("年半", "个半月") or match.group(3)) else Decimal(0)
        months = (value + half) * 12 if unit.startswith("年") else value + half
        # 一年零三个月 → 12 + 3
        rest = re.match(rf"零?又?({NUMBER})个月", text[match.end():])
        if unit.startswith("年") and rest and (extra := parse_number(rest.group(1))) is not None:
            months += extra
        return int(months)
    return None


# ---------------------------------------------------------------------------------------------- facts

_CLAUSE_SPLIT = re.compile(r"[，,。；;！!？?\s]")
_NEGATION = re.compile(r"(不是|不属于|不在|非|没有|没|未|不)(交|缴|缴纳|交过|参加|属于|是|做出|做过|被|有)?$")


def _clauses(text: str) -> list[str]:
    return [part for part in _CLAUSE_SPLIT.split(to_halfwidth(text)) if part]


def _flag(text: str, pattern: str) -> bool | None:
    """True when ``pattern`` occurs un-negated, False when negated right before it, None when absent."""
    for clause in _clauses(text):
        for match in re.finditer(pattern, clause):
            before = clause[max(0, match.start() - 5): match.start()]
            return not re.search(_NEGATION, before)
    return None


def _number_near(text: str, anchor: str, unit: str) -> Decimal | None:
    """A number followed by ``unit`` in the same clause as ``anchor`` (either order)."""
    for clause in _clauses(text):
        if re.search(anchor, clause):
            match = re.search(rf"({NUMBER})\s*(?:{unit})", clause)
            if match and (value := parse_number(match.group(1))) is not None:
                return value
    return None


def _months_near(text: str, anchor: str) -> int | None:
    for clause in _clauses(text):
        if re.search(anchor, clause) and (months := duration_months(clause)) is not None:
            return months
    return None


def _money_near(text: str, anchor: str) -> Decimal | None:
    for clause in _clauses(text):
        if re.search(anchor, clause) and (money := parse_money(clause)) is not None:
            return money
    return None


_LEVEL_RE = re.compile(r"(初级|中级|高级)(?!技师)(?:工|职业资格|技能等级|证|资格|$)|([五四三])级(?:工|证|职业)")
_LEVEL_BY_GRADE = {"五": "初级", "四": "中级", "三": "高级"}
_QUALIFICATIONS = ("高级技师", "技师", "高级工", "中级工", "初级工")
TARGET_GROUPS: dict[str, tuple[str, ...]] = {
    "农村转移就业劳动者": ("农村转移", "农民工", "进城务工", "村里", "农村"),
    "毕业学年高校毕业生": ("高校毕业生", "大学毕业生", "应届大学生", "大学生"),
    "城乡未继续升学应届初高中毕业生": ("初中毕业", "高中毕业", "未继续升学"),
    "城镇登记失业人员": ("失业人员", "登记失业", "失业了", "下岗"),
    "退役军人": ("退役军人", "退伍", "复员", "转业军人", "退役"),
    "未就业贫困家庭子女": ("贫困家庭子女", "贫困家庭"),
    "就业困难人员": ("就业困难",),
    "残疾人": ("残疾",),
}


def certificate_level(text: str) -> str | None:
    """初级/中级/高级 from 中级工/中级证书/中级职业资格/四级证 …; None for 技师/高级技师 or absent."""
    match = _LEVEL_RE.search(to_halfwidth(text))
    if not match:
        return None
    return match.group(1) or _LEVEL_BY_GRADE[match.group(2)]


def qualification(text: str) -> str | None:
    """The highest named qualification: 高级技师 > 技师 > 高级工 > 中级工 > 初级工."""
    for name in _QUALIFICATIONS:
        if name in text:
            return name
    level = certificate_level(text)
    return f"{level}工" if level else None


def target_group(text: str) -> str | None:
    for group, words in TARGET_GROUPS.items():
        if any(word in text for word in words):
            return group
    return None


_ALWAYS_INSURED = r"保险.{0,3}(一直|都|按时|按月)(在)?(交|缴)|(一直|都)(在)?(交|缴).{0,3}(保险|社保)"


_HEADCOUNT_UNIT = r"(?:个|名|人|位)"
_LEVEL_NAMES = r"(中级工|高级工)"
_COUNT_THEN_LEVEL = re.compile(rf"({NUMBER})\s*{_HEADCOUNT_UNIT}[^，,。；;、\d]{{0,4}}?{_LEVEL_NAMES}")
_LEVEL_THEN_COUNT = re.compile(rf"{_LEVEL_NAMES}[^，,。；;、\d]{{0,3}}?({NUMBER})\s*{_HEADCOUNT_UNIT}")


def headcount_by_level(text: str) -> dict[str, int]:
    """``2个按中级工培养、4个按高级工`` / ``中级工3人，高级工5人`` → {中级工: 2, 高级工: 4}; {} unless two or
    more levels each get their own count (one level is the plain ``apprentices`` fact)."""
    text = to_halfwidth(text)
    counts: dict[str, int] = {}
    for pattern, number_group, level_group in ((_COUNT_THEN_LEVEL, 1, 2), (_LEVEL_THEN_COUNT, 2, 1)):
        for match in pattern.finditer(text):
            value = parse_number(match.group(number_group))
            if value is not None and value > 0 and value == value.to_integral_value():
                counts.setdefault(match.group(level_group), int(value))
    return counts if len(counts) >= 2 else {}


def extract_facts(text: str) -> dict[str, Any]:
    """Calculator inputs stated in the question (field names match the calculators' input models)."""
    text = to_halfwidth(text)
    facts: dict[str, Any] = {}

    def put(name: str, value: Any) -> None:
        if value is not None:
            facts[name] = value

    months = _months_near(text, r"失业保险|失业险|失业保险费")
    if months is None and re.search(_ALWAYS_INSURED, text):
        months = duration_months(text)  # "干了三年，保险一直交着": insured for the whole stated time
    put("unemployment_insurance_months", months)
    level = certificate_level(text)
    put("certificate_level", level)
    if level in ("中级", "高级"):
        facts["apprentice_level"] = f"{level}工"
    put("qualification", qualification(text))
    scarce = _flag(text, r"急需紧缺|紧缺急需|紧缺工种|紧缺职业|紧缺|目录内|纳入.{0,6}目录|在目录")
    if scarce is not None:
        facts["in_scarce_catalogue"] = scarce
        facts["scarce_occupation"] = scarce
    put("actual_cost", _money_near(text, r"培训费|学费|花了|费用|成本|交了.*元|实际"))
    apprentices = _number_near(text, r"学徒", r"名|个|人|位")
    put("apprentices", int(apprentices) if apprentices is not None else None)
    put("apprentices_by_level", headcount_by_level(text) or None)
    if "学徒" in text:
        years = next((m for c in _clauses(text) if "失业" not in c and (m := duration_months(c)) is not None), None)
        if years is not None and years % 12 == 0:
            facts["years"] = years // 12
    payroll = _money_near(text, r"工资总额|工资薪金总额|薪金总额|工资")
    put("payroll_total", payroll)
    put("salary_total", payroll)
    put("good_economic_performance", _flag(text, r"效益好|效益较好|经济效益好|效益不错|盈利"))
    put("education_expense", _money_near(text, r"教育经费|培训经费|经费支出"))
    studios = _number_near(text, r"工作室", r"个|家|间")
    put("studios", int(studios) if studios is not None else None)
    beijing_months = _months_near(text, r"在京|在北京|来京|北京工作|京工作")
    put("years_in_beijing", None if beijing_months is None else int(beijing_months // 12))
    put("social_insurance_paid", _flag(text, r"社会保险|社保"))
    put("outstanding_contribution", _flag(text, r"突出贡献"))
    put("rated_excellent", _flag(text, r"评为优秀|评价为优秀|评价优秀|优秀"))
    put("target_group", target_group(text))
    veteran = _flag(text, r"退役军人|退伍|复员|转业|退役")
    put("is_veteran", veteran)
    put("retired_soon", True if re.search(r"即将退役|快退役|快退伍|即将退伍|退役前", text) else None)
    return facts


# ---------------------------------------------------------------------------------------------- regions

# Places inside a province-level unit: a place inherits the rules of a corpus region only when that region is
# the whole unit (北京市朝阳区 → 北京市); a sibling of a covered city is NOT covered (廊坊 is not 石家庄).
# Ambiguous short names keep their suffix (朝阳区, not 朝阳 — 辽宁 has a 朝阳市).
PLACES_WITHIN: dict[str, tuple[str, ...]] = {
    "北京": ("东城", "西城", "朝阳区", "海淀", "丰台", "石景山", "门头沟", "房山", "通州", "顺义", "昌平", "大兴",
             "怀柔", "平谷", "密云", "延庆", "亦庄"),
    "河北": ("石家庄", "唐山", "保定", "邯郸", "廊坊", "沧州", "邢台", "张家口", "承德", "衡水", "秦皇岛", "雄安",
             "定州", "辛集"),
    "重庆": ("北碚", "渝中", "江北", "九龙坡", "沙坪坝", "南岸", "渝北", "巴南", "万州", "涪陵", "永川", "江津",
             "合川", "璧山", "綦江", "大渡口", "长寿区", "荣昌", "铜梁", "潼南", "大足区", "开州", "黔江"),
}
_PROVINCE_OF = {place: province for province, places in PLACES_WITHIN.items() for place in places}
# Places users name that may or may not be covered by the corpus (provinces, large cities, districts).
KNOWN_PLACES: tuple[str, ...] = tuple(dict.fromkeys((
    "北京", "天津", "上海", "重庆", "河北", "山西", "内蒙古", "辽宁", "吉林", "黑龙江", "江苏", "浙江", "安徽",
    "福建", "江西", "山东", "河南", "湖北", "湖南", "广东", "广西", "海南", "四川", "贵州", "云南", "西藏",
    "陕西", "甘肃", "青海", "宁夏", "新疆", "香港", "澳门", "台湾", "深圳", "广州", "杭州", "南京", "苏州",
    "武汉", "成都", "西安", "郑州", "长沙", "沈阳", "大连", "青岛", "济南", "厦门", "宁波", "合肥", "福州",
    "昆明", "南宁", "哈尔滨", "长春", "太原", *_PROVINCE_OF,
)))
NATIONAL_REGION = "全国"
NATIONAL_RE = re.compile(
    r"国家层面|国家政策|国家规定|国家的|全国|人社部|人力资源社会保障部|人力资源和社会保障部|百城技能振兴"
)


class RegionMention(BaseModel):
    regions: list[str] = Field(default_factory=list, description="Corpus regions the question names.")
    unknown: list[str] = Field(default_factory=list, description="Places named that no document covers.")
    via_province: dict[str, str] = Field(default_factory=dict, description="Named province → corpus region in it.")


def _region_names(document: DocumentMeta) -> list[str]:
    names = [document.region, *document.aliases]
    short = re.sub(r"(市|区|县)$", "", document.region.split("市")[-1] or document.region)
    names.append(short)
    return [name for name in names if name and name not in ("国家", "全国")]


def _find_name(text: str, name: str) -> int:
    """Position of ``name`` in ``text``; a one-character alias (碚, 京) must not sit inside another place (南京)."""
    start = text.find(name)
    while len(name) == 1 and start >= 0:
        inside = any(
            (p := text.find(place, max(0, start - len(place) + 1))) >= 0 and p <= start < p + len(place)
            for place in KNOWN_PLACES if name in place
        )
        if not inside:
            return start
        start = text.find(name, start + 1)
    return start


def _covers_whole(document: DocumentMeta, province: str) -> bool:
    """The document's region is the whole province-level unit (北京市 for 北京), not a city or district in it."""
    return document.region.startswith(province) and document.region == document.province


def detect_regions(text: str, documents: Iterable[DocumentMeta]) -> RegionMention:
    """Which corpus regions, which uncovered places, and which provinces (河北 → 石家庄市) the text names.

    A region's rules hold only inside it. A province named alone (河北, 重庆) is larger than the city or district
    the corpus covers in it (石家庄市, 重庆市北碚区), so it is an uncovered place — its covered region is kept in
    ``via_province`` to point the user to it, never to answer with its rule. Next to the covered region's own
    name (河北石家庄) the province is just context. A sibling place (河北廊坊, 重庆江北区) is uncovered. A district
    of a region that covers its whole unit (北京朝阳区) belongs to that region.
    """
    documents = list(documents)
    mention = RegionMention()
    if NATIONAL_RE.search(text) and any(d.region == NATIONAL_REGION for d in documents):
        mention.regions.append(NATIONAL_REGION)
    covered_spans: list[tuple[int, int]] = []
    named: set[str] = set()  # regions named directly (not only through their province)
    for document in documents:
        if document.region == NATIONAL_REGION:
            continue
        for name in sorted(_region_names(document), key=len, reverse=True):
            start = _find_name(text, name)
            if start >= 0:
                if document.region not in mention.regions:
                    mention.regions.append(document.region)
                named.add(document.region)
                covered_spans.append((start, start + len(name)))
                break
    for place in KNOWN_PLACES:
        start = text.find(place)
        if start < 0 or any(a <= start < b for a, b in covered_spans):
            continue
        province = _PROVINCE_OF.get(place)
        whole = next((d.region for d in documents if province and _covers_whole(d, province)), None)
        in_province = [d.region for d in documents if d.province and d.province.startswith(place)]
        if whole is not None:  # a district of a region that covers the whole municipality
            if whole not in mention.regions:
                mention.regions.append(whole)
            named.add(whole)
        elif in_province:
            if in_province[0] not in named:  # 河北 alone: not 石家庄's jurisdiction
                mention.via_province[place] = in_province[0]
                mention.unknown.append(place)
        elif not any(place in region for region in mention.regions):
            mention.unknown.append(place)
    # 河北唐山: the city is the place asked about; its province is only context.
    inner = {_PROVINCE_OF[place] for place in mention.unknown if place in _PROVINCE_OF}
    mention.unknown = [place for place in mention.unknown if place not in inner]
    return mention
