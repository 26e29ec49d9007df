"""When a document is in force, read from its own sentences, and what it repeals.

- start: ``本办法自2021年4月1日起施行`` (also 执行/实施/试行/生效, 从…起, ``自印发之日起`` → the signing date);
- end: ``有效期3年`` (start + 3 years − 1 day), ``有效期至2025年12月31日``, ``…起施行，至2023年12月31日止``,
  ``执行期限为2021年1月1日至2023年12月31日``;
- repeals: ``原《…》（…〔2018〕…号）同时废止`` (also 停止执行/不再执行/失效) → the 文号, else the title, of each.

The last statement in the text counts: a notice issuing a 办法 closes with the 办法's own final article.
``status_on`` turns the window into a status relative to a given day (injected, so tests do not depend on the clock).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from ingest.models import Status
from ingest.normalize import normalize_doc_number
from ingest.quantities import number_value, parse_duration_months
from ingest.textnorm import squeeze

_CN = "〇零一二三四五六七八九十"
DATE = rf"(?:\d{{4}}|[{_CN}]{{4}})年(?:\d{{1,2}}|[{_CN}]{{1,3}})月(?:(?:\d{{1,2}}|[{_CN}]{{1,3}})[日号])?"
_DATE_PARTS = re.compile(rf"(\d{{4}}|[{_CN}]{{4}})年(\d{{1,2}}|[{_CN}]{{1,3}})月(?:(\d{{1,2}}|[{_CN}]{{1,3}})[日号])?")
_VERB = r"(?:施行|执行|实施|试行|生效)"
_CLAUSE_END = r"(?=[，,。；;]|$)"
_START = re.compile(
    rf"(?:自|从|于)?(?:(?P<date>{DATE})|(?P<signed>发布|印发|公布|下发|签发|颁布)之日)起{_VERB}{_CLAUSE_END}"
)
_PERIOD = re.compile(
    rf"(?:有效|执行|实施|试行)期(?:限)?(?:为|是|:)?(?:自|从)?(?P<from>{DATE})(?:起)?(?:至|到|-|—)(?P<to>{DATE})"
)
_UNTIL = re.compile(rf"(?:有效期(?:限)?(?:为|是)?(?:至|到)|(?<=[，,])(?:至|到))(?P<date>{DATE})(?:止|截止)?")
# a part of a document running until a date (其中，一次性扩岗补助政策执行至2027年12月31日): said of that part, so it
# is quoted when asked until when, never read as the whole document's end
_PART_UNTIL = re.compile(rf"{_VERB}(?:至|到)(?P<date>{DATE})")
_DURATION = re.compile(rf"有效期(?:限)?(?:为|是)?(?P<span>[^，,。；;至到]{{1,6}}?年){_CLAUSE_END}")
_REPEAL = re.compile(r"(?:同时|即行|一并|自行|相应)?(?:废止|停止执行|不再执行|失效)")
_CLAUSE = re.compile(r"[^，,。；;]+")
_TITLE_REF = re.compile(r"《(?P<title>[^》]{2,80})》(?:[（(](?P<number>[^）)]{2,30}?号)[）)])?")
DOC_NUMBER = re.compile(r"[\u4e00-\u9fff]{1,10}\s*[〔\[［【(（]\s*\d{4}\s*[〕\]］】)）]\s*\d{1,4}\s*号")
_WINDOW = 80
_OWN_OPENINGS = ("本", "此", "以上", "上述", "有效期", "自", "从")
_CLAUSE_NUMBER = r"[\d一二三四五六七八九十百]+"
_LABEL = re.compile(rf"^(?:第{_CLAUSE_NUMBER}条|[一二三四五六七八九十]+、|\d+[、.]|\({_CLAUSE_NUMBER}\))")


@dataclass(frozen=True)
class Validity:
    effective_from: date | None = None
    effective_to: date | None = None
    supersedes: tuple[str, ...] = ()


def parse_date(text: str) -> date | None:
    """``2021年4月1日``, ``二〇二一年四月一日``, ``2022年1月`` (→ the 1st); None when not a real date."""
    match = _DATE_PARTS.search(text)
    if not match:
        return None
    parts = [number_value(group) if group else 1 for group in match.groups()]
    if any(part is None for part in parts):
        return None
    try:
        return date(*(int(part) for part in parts))
    except ValueError:
        return None


def add_months(start: date, months: int) -> date:
    month_index = start.month - 1 + months
    year, month = start.year + month_index // 12, month_index % 12 + 1
    for day in range(start.day, 27, -1):  # 1月31日 + 1个月 → 2月28/29日
        try:
            return date(year, month, day)
        except ValueError:
            continue
    return date(year, month, min(start.day, 28))


def own_statements(text: str) -> str:
    """The sentences about the document itself: 本办法…, 此通知…, 有效期…, 自…起施行 (a clause label dropped);
    never 证书有效期3年 or 活动实施期为… inside the body."""
    sentences = (_LABEL.sub("", s) for s in re.split(r"[。;；]", _lines(text)))
    return "。".join(s for s in sentences if s.startswith(_OWN_OPENINGS))


def _lines(text: str) -> str:
    """Each line folded on its own (a heading never runs into the next sentence), joined as sentences."""
    return "。".join(squeeze(line) for line in text.splitlines() if line.strip())


def read_validity(text: str, signed: date | None) -> Validity:
    """The validity window and repeals stated in ``text``; ``signed`` stands in for 印发之日."""
    folded = own_statements(text)
    start: date | None = None
    end: date | None = None
    window = folded
    starts = list(_START.finditer(folded))
    if starts:
        last = starts[-1]
        start = parse_date(last.group("date")) if last.group("date") else signed
        window = folded[last.end() : last.end() + _WINDOW]
    periods = list(_PERIOD.finditer(folded))
    if periods:
        start = start or parse_date(periods[-1].group("from"))
        end = parse_date(periods[-1].group("to"))
    end = end or _end_in(window, start or signed)
    if end is None and not starts:
        end = _end_in(folded, signed)
    return Validity(start, end, tuple(dict.fromkeys(repealed(text))))


def _end_in(text: str, start: date | None) -> date | None:
    until = list(_UNTIL.finditer(text))
    if until:
        return parse_date(until[-1].group("date"))
    duration = list(_DURATION.finditer(text))
    if duration and start is not None:
        months = parse_duration_months(duration[-1].group("span"))
        if months and months == int(months):
            return add_months(start, int(months)) - timedelta(days=1)
    return None


def repealed(text: str) -> list[str]:
    """文号 (else titles) of the documents a clause declares repealed, whole documents only (no 第X条)."""
    found: list[str] = []
    for clause in _CLAUSE.finditer(_lines(text)):
        words = clause.group(0)
        repeal = _REPEAL.search(words)
        if not repeal or re.search(rf"第{_CLAUSE_NUMBER}条", words):
            continue
        before = words[: repeal.start()]
        for ref in _TITLE_REF.finditer(before):
            number = ref.group("number")
            official = number and DOC_NUMBER.fullmatch(number)
            found.append(normalize_doc_number(number) if official else ref.group("title"))
        bare = _TITLE_REF.sub("", before)
        found.extend(normalize_doc_number(m.group(0)) for m in DOC_NUMBER.finditer(bare))
    return found


def states_validity(text: str) -> bool:
    """The text says when something takes effect or ends (自…起施行, 有效期3年, 有效期至…, 执行期限为…至…), or when a
    part of it does (政策执行至…)."""
    return any(pattern.search(text) for pattern in (_START, _PERIOD, _UNTIL, _DURATION, _PART_UNTIL))


def status_on(today: date, effective_from: date | None, effective_to: date | None) -> Status:
    """expired after the last day; in_force inside the window (open-ended without an end); unknown otherwise."""
    if effective_to is not None and today > effective_to:
        return "expired"
    if effective_from is not None:
        return "in_force" if today >= effective_from else "unknown"
    return "in_force" if effective_to is not None else "unknown"
