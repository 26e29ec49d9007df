"""Query analysis: which regions, places and documents a query names.

Built from the ingested documents' metadata (region, province, aliases, 文号, title, year), so documents a user
adds are recognised too, plus a gazetteer of Chinese provinces and major cities so places no document covers
(上海, 深圳 …) are reported as ``unknown_regions``. Names are matched longest-first at each position, so 京 inside
南京 or 京政发 never counts as 北京.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import resources

from ingest.models import DocumentMeta
from ingest.normalize import match_normalize
from retriever.models import QueryAnalysis

NATIONAL_LEVEL = "national"
# Too generic to name a place or a document on their own ("国家职业资格" is not a jurisdiction).
GENERIC_NAMES = frozenset({"国家", "中国", "中央", "国务院"})
_ADMIN_SUFFIXES = ("特别行政区", "维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "新区", "省", "市", "区", "县")
_ISSUER_ENDINGS = ("部", "局", "厅", "委", "政府")
_MIN_DOC_ALIAS = 4
_MIN_TITLE_OVERLAP = 8
_DOC_NUMBER = re.compile(r"^(?P<prefix>.+?)〔(?P<year>\d{4})〕(?P<num>\d+)号$")
_QUERY_DOC_NUMBER = re.compile(r"[〔(]?(?P<year>(?:19|20)\d{2})[〕)年]?\s?(?P<num>\d{1,4})号")
_QUERY_NUMBER_ONLY = re.compile(r"(?<![\d〕\])）])(?P<num>\d{1,4})号(?:文|令)")
_YEAR = re.compile(r"(?<!\d)(?P<year>(?:19|20)\d{2})年")
# "07年" is 2007; only 00-09 are read this way ("10年" usually means ten years).
_SHORT_YEAR = re.compile(r"(?<![\d.])0(?P<digit>\d)年")
_EARLIER = re.compile(r"(老|旧|以前的?|原来的?|之前的?|早先的?|过去的?)(政策|文件|规定|办法|意见)")
# "国家" alone is too generic to name a jurisdiction, but "国家层面/国家政策" asks for the national rules.
_NATIONAL = re.compile(r"国家(层面|级|政策|规定|文件|的政策|的规定)|人社部|人力资源社会保障部|中央(政策|文件)")
_CURRENT = re.compile(r"现在|现行|目前|如今|眼下|还(按|有效|执行|适用|管用|算数)")
# Questions about the document itself (its 文号, basis, validity) are answered by its header/preamble.
_ABOUT_DOCUMENT = re.compile(
    r"(哪个|哪份|哪一个|什么|啥)(文件|文|通知|部门发|机关发)|文号|发文|印发|(照着|依据|根据)[^，。？]{0,8}(文件|政策)"
    r"|(还|是否|是不是)(有效|管用|执行|适用)|有效期|废止|失效"
)
_DOC_WORD = re.compile(r"^.{0,8}?(文件|政策|通知|意见|规定|办法|那份|那个文|的文)")


def short_forms(name: str) -> set[str]:
    """北京市 → {北京市, 北京}; 内蒙古自治区 → {内蒙古自治区, 内蒙古}; never shorter than two characters."""
    forms = {name}
    for suffix in _ADMIN_SUFFIXES:
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            forms.add(name[: -len(suffix)])
            break
    return forms


def gazetteer_names() -> list[str]:
    text = resources.files("retriever.resources").joinpath("gazetteer.txt").read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


@dataclass(frozen=True)
class _Mention:
    kind: str  # "region" | "unknown" | "doc"
    target: str  # canonical region, short place name, or doc_id


def _shingles(text: str, size: int) -> set[str]:
    return {text[i : i + size] for i in range(len(text) - size + 1)}


def _title_shingles(titles: dict[str, str], size: int) -> dict[str, set[str]]:
    """Every ``size``-character piece of every title → the documents whose title contains it.

    Two strings share a common substring of at least ``size`` characters exactly when they share one of exactly
    ``size``, so a query names a title by overlap iff one of its own pieces is in this map: O(query) per query
    instead of a longest-common-substring scan against every title.
    """
    owners: dict[str, set[str]] = {}
    for doc_id, title in titles.items():
        for piece in _shingles(title, size):
            owners.setdefault(piece, set()).add(doc_id)
    return owners


class QueryAnalyzer:
    """Recognises regions, unknown places and documents in a query (pure; build once per index generation)."""

    def __init__(self, documents: list[DocumentMeta], gazetteer: list[str] | None = None) -> None:
        self.documents = list(documents)
        self.national_regions = sorted({d.region for d in documents if d.level == NATIONAL_LEVEL})
        self._names: dict[str, list[_Mention]] = {}
        self._region_names: dict[str, str] = {}
        self._add_regions()
        self._add_documents()
        for place in gazetteer if gazetteer is not None else gazetteer_names():
            for form in short_forms(place):
                key = match_normalize(form)
                if key not in self._names:
                    self._names[key] = [_Mention("unknown", min(short_forms(place), key=len))]
        self._longest = max((len(n) for n in self._names), default=0)
        titles = {d.doc_id: match_normalize(d.title) for d in documents}
        self._title_pieces = _title_shingles(titles, _MIN_TITLE_OVERLAP)
        self._numbers = [(d.doc_id, _DOC_NUMBER.match(match_normalize(d.doc_number or ""))) for d in documents]

    def _add(self, name: str, mention: _Mention) -> None:
        key = match_normalize(name)
        if not key or key in GENERIC_NAMES:
            return
        mentions = self._names.setdefault(key, [])
        if mention not in mentions:
            mentions.append(mention)

    def _add_regions(self) -> None:
        for doc in self.documents:
            names = short_forms(doc.region) | set(doc.aliases)
            if doc.province and doc.province != doc.region:
                for form in short_forms(doc.province):
                    # a province names every covered region inside it (河北 → 石家庄市, 重庆 → 重庆市北碚区)
                    self._add(form, _Mention("region", doc.region))
            for name in names:
                self._add(name, _Mention("region", doc.region))
                self._region_names.setdefault(name, doc.region)

    def _add_documents(self) -> None:
        alias_owners: dict[str, set[str]] = {}
        for doc in self.documents:
            for alias in doc.aliases:
                alias_owners.setdefault(alias, set()).add(doc.doc_id)
        for doc in self.documents:
            for alias in doc.aliases:
                distinctive = len(alias) >= _MIN_DOC_ALIAS and not alias.endswith(_ISSUER_ENDINGS)
                if distinctive and alias_owners[alias] == {doc.doc_id} and alias not in short_forms(doc.region):
                    self._add(alias, _Mention("doc", doc.doc_id))
            match = _DOC_NUMBER.match(match_normalize(doc.doc_number or ""))
            if match:
                self._add(match.group("prefix"), _Mention("doc", doc.doc_id))

    def region_aliases(self) -> dict[str, str]:
        """User-facing name or alias → canonical region (北京 → 北京市, 北碚 → 重庆市北碚区)."""
        return dict(self._region_names)

    def resolve_region(self, name: str) -> str | None:
        """Canonical region for a user-typed region name or alias."""
        wanted = match_normalize(name)
        return next((r for n, r in self._region_names.items() if match_normalize(n) == wanted), None)

    def _doc_numbers(self, text: str) -> tuple[set[str], str]:
        """Documents named by 文号 (full, or just "33号文"); returns them and the text with those spans masked."""
        found: set[str] = set()
        for pattern in (_QUERY_DOC_NUMBER, _QUERY_NUMBER_ONLY):
            for match in pattern.finditer(text):
                year = match.groupdict().get("year")
                hits = {
                    doc_id
                    for doc_id, parsed in self._numbers
                    if parsed
                    and int(parsed.group("num")) == int(match.group("num"))
                    and (year is None or parsed.group("year") == year)
                }
                if hits:
                    found |= hits
                    text = text[: match.start()] + " " * (match.end() - match.start()) + text[match.end() :]
        return found, text

    def _scan(self, text: str) -> list[_Mention]:
        mentions: list[_Mention] = []
        position = 0
        while position < len(text):
            for length in range(min(self._longest, len(text) - position), 0, -1):
                found = self._names.get(text[position : position + length])
                if found:
                    mentions.extend(found)
                    position += length
                    break
            else:
                position += 1
        return mentions

    def analyze(self, query: str) -> QueryAnalysis:
        text = match_normalize(query)
        doc_ids, text = self._doc_numbers(text)
        regions: list[str] = []
        unknown: list[str] = []
        for mention in self._scan(text):
            bucket = {"region": regions, "unknown": unknown, "doc": None}[mention.kind]
            if bucket is None:
                doc_ids.add(mention.target)
            elif mention.target not in bucket:
                bucket.append(mention.target)
        if _NATIONAL.search(text):
            regions += [r for r in self.national_regions if r not in regions]
        years: list[int] = []
        for match, year in _year_mentions(text):
            if year not in years:
                years.append(year)
            if _DOC_WORD.match(text[match.end() :]):  # "2007年那个文件": the year names a document
                doc_ids |= {d.doc_id for d in self.documents if d.year == year}
        for piece in _shingles(text, _MIN_TITLE_OVERLAP):
            doc_ids |= self._title_pieces.get(piece, set())
        ordered_docs = [d.doc_id for d in self.documents if d.doc_id in doc_ids]
        return QueryAnalysis(
            regions=regions,
            unknown_regions=unknown,
            doc_ids=ordered_docs,
            years=years,
            wants_earlier=bool(_EARLIER.search(text)),
            wants_current=bool(_CURRENT.search(text)),
            about_document=bool(_ABOUT_DOCUMENT.search(text)),
        )


def _year_mentions(text: str) -> list[tuple[re.Match[str], int]]:
    """Four-digit years (2007年) and short ones (07年), in text order."""
    found = [(m, int(m.group("year"))) for m in _YEAR.finditer(text)]
    found += [(m, 2000 + int(m.group("digit"))) for m in _SHORT_YEAR.finditer(text)]
    return sorted(found, key=lambda pair: pair[0].start())
