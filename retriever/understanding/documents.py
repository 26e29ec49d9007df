"""Documents a question names: by 文号 (京政发〔2011〕33号, 33号文, 京政发), by an alias or its title, or by year
(2007年那个文件). A named document is a strong preference for ranking, never a filter."""

from __future__ import annotations

import re

from ingest.models import DocumentMeta, doc_number_parts
from ingest.textnorm import CLAUSE_MARKS, fold
from retriever.understanding.record import DocRef

_MIN_ALIAS = 4
_MIN_TITLE_OVERLAP = 8
_ISSUER_ENDINGS = ("部", "局", "厅", "委", "政府")
_QUERY_DOC_NUMBER = re.compile(r"[〔(]?(?P<year>(?:19|20)\d{2})[〕)年]?\s?(?P<num>\d{1,4})号")
# the issuer's 文号 prefix written right before 〔year〕 (某人社发, 某人社规字, 某政办发): CJK ending in a 文号 word
_PREFIX_BEFORE = re.compile(r"[\u4e00-\u9fff]{1,11}[发规字函办令通]$")
_QUERY_NUMBER_ONLY = re.compile(r"(?<![\d〕\])）])(?P<num>\d{1,4})号(?:文|令)")
_YEAR = re.compile(r"(?<!\d)(?P<year>(?:19|20)\d{2})年")
_SHORT_YEAR = re.compile(r"(?<![\d.])0(?P<digit>\d)年")  # 07年 is 2007; 10年 usually means ten years
GENRES = "通知|意见|规定|办法|方案|措施|细则|决定|计划"  # the kinds of policy document a title ends in
_DOC_WORD = re.compile(rf"^.{{0,8}}?(文件|政策|{GENRES}|那份|那个文|的文)")
# "<year>年出的那个公益性岗位通知": a demonstrative then a document word, farther on but in the same clause
_IN_CLAUSE = f"[^{CLAUSE_MARKS}]"
_POINTED_DOC = re.compile(rf"^{_IN_CLAUSE}{{0,6}}?(?:那个|那份|这个|这份){_IN_CLAUSE}{{0,12}}?({GENRES}|文件)")
# a title word right before a demonstrative and a document word: <title word>那个文件, <title word>的方案
_TITLE_WORD = re.compile(rf"(?P<word>[\u4e00-\u9fff]{{3,8}})(?:那个|那份|这个|这份|的)(?:文件|政策|{GENRES})")
_MIN_TITLE_WORD = 3
GENERIC_NAMES = frozenset({"国家", "中国", "中央", "国务院", "全国"})


def _shingles(text: str, size: int) -> set[str]:
    return {text[i : i + size] for i in range(len(text) - size + 1)}


def years_in(text: str) -> list[tuple[re.Match[str], int]]:
    """Four-digit years (2007年) and short ones (07年), in text order."""
    found = [(m, int(m.group("year"))) for m in _YEAR.finditer(text)]
    found += [(m, 2000 + int(m.group("digit"))) for m in _SHORT_YEAR.finditer(text)]
    return sorted(found, key=lambda pair: pair[0].start())


class DocumentNames:
    """How each document can be named (pure; one per index generation)."""

    def __init__(self, documents: list[DocumentMeta]) -> None:
        self.documents = documents
        self._numbers = [(d.doc_id, doc_number_parts(d.doc_number)) for d in documents]
        self._titles = {d.doc_id: fold(d.title) for d in documents}
        owners: dict[str, set[str]] = {}
        for doc in documents:
            for alias in doc.aliases:
                owners.setdefault(fold(alias), set()).add(doc.doc_id)
        self._names: dict[str, tuple[str, str]] = {}  # folded name → (doc_id, how)
        for doc in documents:
            for alias in map(fold, doc.aliases):
                distinctive = len(alias) >= _MIN_ALIAS and not alias.endswith(_ISSUER_ENDINGS)
                if distinctive and owners[alias] == {doc.doc_id} and alias not in GENERIC_NAMES:
                    self._names.setdefault(alias, (doc.doc_id, "alias"))
        for doc_id, parsed in self._numbers:
            if parsed and parsed.group("prefix") not in GENERIC_NAMES:
                prefixes = [d for d, p in self._numbers if p and p.group("prefix") == parsed.group("prefix")]
                if len(prefixes) == 1:
                    self._names.setdefault(parsed.group("prefix"), (doc_id, "short_number"))
        self._pieces: dict[str, set[str]] = {}
        for doc in documents:
            for piece in _shingles(self._titles[doc.doc_id], _MIN_TITLE_OVERLAP):
                self._pieces.setdefault(piece, set()).add(doc.doc_id)

    def find(self, text: str) -> tuple[list[DocRef], str]:
        """Documents named in folded ``text``, and the text with 文号 spans masked (so 33号 is no count)."""
        found: dict[str, str] = {}
        for pattern, how in ((_QUERY_DOC_NUMBER, "doc_number"), (_QUERY_NUMBER_ONLY, "short_number")):
            for match in pattern.finditer(text):
                year = match.groupdict().get("year")
                # 甲人社发〔year〕N号 is not 乙府发〔year〕N号: a prefix written before the year must be the document's
                written = _PREFIX_BEFORE.search(text[: match.start()]) if year is not None else None
                hits = [
                    doc_id for doc_id, parsed in self._numbers
                    if parsed and int(parsed.group("num")) == int(match.group("num"))
                    and (year is None or parsed.group("year") == year)
                    and (written is None or written.group(0).endswith(parsed.group("prefix")))
                ]
                for doc_id in hits:
                    found.setdefault(doc_id, how)
                if hits:
                    text = text[: match.start()] + " " * (match.end() - match.start()) + text[match.end() :]
        for name, (doc_id, how) in self._names.items():
            if name in text:
                found.setdefault(doc_id, how)
        for piece in _shingles(text, _MIN_TITLE_OVERLAP):
            for doc_id in self._pieces.get(piece, ()):
                found.setdefault(doc_id, "title")
        for match, year in years_in(text):
            after = text[match.end() :]
            named = _DOC_WORD.match(after) or _POINTED_DOC.match(after)
            if named:  # "<year>年那个文件": the year names a document; "<year>年的方案" one whose title is a 方案
                genre = named.group(1) if re.fullmatch(GENRES, named.group(1)) else ""
                of_year = [doc for doc in self.documents if doc.year == year]
                of_genre = [doc for doc in of_year if genre and genre in self._titles[doc.doc_id]]
                for doc in of_genre or of_year:
                    found.setdefault(doc.doc_id, "year")
        for match in _TITLE_WORD.finditer(text):  # <title word>那个文件: the longest tail of it a title says
            word = match.group("word")
            # a tail as short as the shortest word only when it is the whole word (学徒制那个文件): 业补贴 of 吸纳就业
            # 补贴的通知 names no title saying 创业补贴
            for start in range(len(word) - _MIN_TITLE_WORD + (1 if len(word) == _MIN_TITLE_WORD else 0)):
                owners = [doc_id for doc_id, title in self._titles.items() if word[start:] in title]
                if owners:
                    for doc_id in owners:
                        found.setdefault(doc_id, "title")
                    break
        ordered = [DocRef(doc_id=d.doc_id, by=found[d.doc_id]) for d in self.documents if d.doc_id in found]
        return ordered, text
