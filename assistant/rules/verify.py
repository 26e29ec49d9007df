"""Checking a rule against the policy it belongs to — the clause exists, every phrase is in it, every value is what
the phrase says — and deriving the verbatim quote the rule's results cite.

Texts are compared after the same folding everywhere (NFKC, whitespace removed), so a rules file may write
``8%`` where the extracted text has ``8 %``; what is quoted is always the document's own characters. Values are read
from the phrase by ``ingest.quantities`` — the parser every layer uses — and must equal the declared value.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from datetime import date
from decimal import Decimal

from pydantic import BaseModel, ConfigDict

from assistant.rules.results import ClauseRef
from assistant.rules.schema import Parameter, Rule
from assistant.rules.texts import allowed_vars, placeholders, strip_placeholders
from ingest.models import Chunk, DocumentMeta
from ingest.quantities import Quantity, find_quantities

SEGMENT = re.compile(r"[^。！？；\n]+[。！？]?")
TABLE_ROW = re.compile(r"第\d+行$")
CHECKED_KINDS = ("money", "percent", "duration")
OMISSION = "……"


class RuleError(Exception):
    """Why one rule cannot be loaded (Chinese, shown to staff; English half for logs)."""

    def __init__(self, zh: str, en: str = "") -> None:
        super().__init__(zh)
        self.zh, self.en = zh, en or zh


class DocumentRef(BaseModel):
    """What a rule takes from its policy's metadata (never typed in the rules file)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    doc_id: str
    title: str
    doc_number: str | None = None
    region: str
    status: str = "unknown"
    publish_date: date | None = None

    @classmethod
    def of(cls, meta: DocumentMeta) -> DocumentRef:
        return cls(doc_id=meta.doc_id, title=meta.title, doc_number=meta.doc_number, region=meta.region,
                   status=meta.status, publish_date=meta.publish_date)


class VerifiedRule(BaseModel):
    """A rule that passed every check, with the clauses it cites resolved: what the runtime loads."""

    model_config = ConfigDict(extra="forbid")

    rule: Rule
    document: DocumentRef
    sources: list[ClauseRef]
    effective_from: date | None = None
    effective_to: date | None = None
    rules_file: str = ""


def fold_with_map(text: str) -> tuple[str, list[int]]:
    """``text`` folded (NFKC per character, whitespace dropped) and, per folded character, its source index."""
    folded: list[str] = []
    where: list[int] = []
    for index, char in enumerate(text):
        if char.isspace():
            continue
        for piece in unicodedata.normalize("NFKC", char):
            if not piece.isspace():
                folded.append(piece)
                where.append(index)
    return "".join(folded), where


def fold_path(path: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", path))


class Clauses:
    """One document's clause texts by path (parts of a split clause joined), looked up by folded path."""

    def __init__(self, chunks: Iterable[Chunk]) -> None:
        parts: dict[str, list[Chunk]] = {}
        for chunk in chunks:
            parts.setdefault(chunk.clause_path, []).append(chunk)
        self.texts = {path: "\n".join(c.text for c in sorted(cs, key=lambda c: c.part)) for path, cs in parts.items()}
        self.paths = {fold_path(path): path for path in self.texts}

    def path(self, written: str) -> str | None:
        return self.paths.get(fold_path(written))


class _Context:
    """Everything verification reads: the rule's own document and any other document a phrase cites."""

    def __init__(self, rule: Rule, meta: DocumentMeta, corpus: Mapping[str, tuple[DocumentMeta, Clauses]]) -> None:
        self.rule, self.meta, self.corpus = rule, meta, corpus
        self.spans: dict[tuple[str, str], list[tuple[int, int]]] = {}
        self.numbers: set[tuple[str, Decimal]] = set()

    def clause(self, document: str | None, written: str) -> tuple[str, str, str]:
        """(doc_id, canonical path, clause text); a RuleError naming what is missing."""
        doc_id = document or self.meta.doc_id
        if doc_id not in self.corpus:
            raise RuleError(f"引用的文件“{doc_id}”不在已导入的政策文件中", f"document {doc_id!r} not ingested")
        path = self.corpus[doc_id][1].path(written)
        if path is None:
            raise RuleError(f"条款“{written}”在《{self.corpus[doc_id][0].title}》中不存在",
                            f"clause {written!r} not found in {doc_id}")
        return doc_id, path, self.corpus[doc_id][1].texts[path]

    def find(self, document: str | None, written_clause: str, phrase: str, what: str) -> str:
        """The verbatim span of ``phrase`` in the clause (recorded for the quote); RuleError when absent."""
        doc_id, path, text = self.clause(document, written_clause)
        folded, where = fold_with_map(text)
        needle, _ = fold_with_map(phrase)
        start = folded.find(needle) if needle else -1
        if start < 0:
            raise RuleError(f"{what}的原文“{phrase}”在条款“{path}”中找不到（条款可能已修改）",
                            f"{what}: phrase {phrase!r} not in clause {path} of {doc_id}")
        begin, end = where[start], where[start + len(needle) - 1] + 1
        self.spans.setdefault((doc_id, path), []).append((begin, end))
        span = text[begin:end]
        self.numbers.update((q.kind, q.value) for q in find_quantities(span) if q.kind in CHECKED_KINDS)
        return span


def _matches(quantity: Quantity, unit: str, table_row: bool = False) -> bool:
    if table_row and quantity.kind == "number":
        return True  # a table row states the number; the unit sits in its column header, which the row omits
    if unit == "课时":
        return quantity.kind == "duration" and quantity.unit == "课时"
    if unit == "元":
        return quantity.kind == "money"
    if unit == "%":
        return quantity.kind == "percent"
    if unit in ("个月", "年"):
        return quantity.kind == "duration" and quantity.unit == "月"
    if unit == "天":
        return quantity.kind == "duration" and quantity.unit == "天"
    return quantity.kind in ("count", "number")


def _expected(value: Decimal, unit: str) -> Decimal:
    return value * 12 if unit == "年" else value


def _shown(quantity: Quantity, unit: str) -> str:
    value = quantity.value / 12 if unit == "年" else quantity.value
    return f"{format(value.normalize(), 'f')}{unit}"


def check_value(name: str, value: Decimal, unit: str, element: int | None, span: str, table_row: bool = False) -> None:
    """The declared value must be the number the phrase states (the ``element``-th when it states several)."""
    found = [q for q in find_quantities(span) if _matches(q, unit, table_row)]
    what = f"参数“{name}”"
    if not found:
        raise RuleError(f"{what}的原文“{span}”中读不出以“{unit}”为单位的数值", f"{name}: no {unit} value in phrase")
    if element is None and len(found) > 1:
        raise RuleError(f"{what}的原文“{span}”中有{len(found)}个数值，请用 element 指明取第几个（从0开始）",
                        f"{name}: phrase holds {len(found)} values; set element")
    index = element or 0
    if index >= len(found):
        raise RuleError(f"{what}的 element={index} 超出原文“{span}”中的数值个数（{len(found)}个）",
                        f"{name}: element {index} out of range")
    quantity = found[index]
    if quantity.value != _expected(value, unit):
        declared = f"{format(value.normalize(), 'f')}{unit}"
        raise RuleError(f"{what}声明为{declared}，但原文“{span}”中写的是{_shown(quantity, unit)}",
                        f"{name}: declared {declared}, clause says {quantity.raw}")


def _check_parameter(context: _Context, name: str, parameter: Parameter) -> None:
    clause = parameter.clause or context.rule.clause
    span = context.find(parameter.document, clause, parameter.phrase, f"参数“{name}”")
    check_value(name, parameter.value, parameter.unit, parameter.element, span, bool(TABLE_ROW.search(clause)))
    for dated in parameter.values:
        dated_clause = dated.clause or clause
        dated_span = context.find(parameter.document, dated_clause, dated.phrase, f"参数“{name}”")
        check_value(name, dated.value, parameter.unit, dated.element, dated_span, bool(TABLE_ROW.search(dated_clause)))


def _check_phrases(context: _Context) -> None:
    rule = context.rule
    for phrase in rule.phrases:
        context.find(None, rule.clause, phrase, "依据原文（phrases）")
    for condition in [*rule.conditions, *(c for case in rule.cases for c in case.when)]:
        if condition.phrase:
            context.find(None, rule.clause, condition.phrase, f"条件（输入“{condition.input}”）")
    for spec in rule.inputs:
        for option in spec.options:
            if option.listed:
                context.find(None, rule.clause, option.value, f"选项“{option.value}”")


def quote_of(text: str, spans: list[tuple[int, int]]) -> str:
    """The sentences (split at 。！？ and ；) holding the spans; adjacent ones kept together, gaps as ……."""
    segments = [(m.start(), m.end()) for m in SEGMENT.finditer(text)]
    chosen = [i for i, (a, b) in enumerate(segments) if any(s < b and e > a for s, e in spans)]
    groups: list[list[int]] = []
    for index in chosen:
        if groups and index == groups[-1][-1] + 1:
            groups[-1].append(index)
        else:
            groups.append([index])
    pieces = [text[segments[g[0]][0] : segments[g[-1]][1]].strip() for g in groups]
    return OMISSION.join(pieces)


def _source(context: _Context, document: str | None, clause: str, quote: str | None) -> ClauseRef:
    doc_id, path, text = context.clause(document, clause)
    if quote is not None:
        verbatim = context.find(document, clause, quote, "引文（quote）")
    else:
        spans = context.spans.get((doc_id, path), [])
        verbatim = quote_of(text, spans) if spans else text
    meta = context.corpus[doc_id][0]
    return ClauseRef(doc_id=doc_id, title=meta.title, doc_number=meta.doc_number, clause_path=path,
                     text=verbatim, status=meta.status)


def _templates(rule: Rule) -> list[str]:
    found: list[str] = [rule.description]
    for value in rule.texts.values():
        found.extend([value] if isinstance(value, str) else value)
    found.extend(note if isinstance(note, str) else note.text for note in rule.notes)
    for case in rule.cases:
        found.extend([case.summary, *case.trace])
    found.extend(c.text for c in [*rule.conditions, *(c for case in rule.cases for c in case.when)] if c.text)
    formula = rule.formula
    for alternative in getattr(formula, "alternatives", []):
        found.extend(t for t in (alternative.text, alternative.note) if t)
    return found


def _check_templates(context: _Context, quotes: list[str]) -> None:
    rule = context.rule
    allowed = allowed_vars(rule.formula.kind, list(rule.parameters), [spec.name for spec in rule.inputs])
    for quote in quotes:
        context.numbers.update((q.kind, q.value) for q in find_quantities(quote) if q.kind in CHECKED_KINDS)
    for template in _templates(rule):
        unknown = placeholders(template) - allowed
        if unknown:
            raise RuleError(f"文字模板“{template}”中的占位符无法识别：{'、'.join(sorted(unknown))}",
                            f"unknown placeholders {sorted(unknown)}")
        for quantity in find_quantities(strip_placeholders(template)):
            if quantity.kind in CHECKED_KINDS and (quantity.kind, quantity.value) not in context.numbers:
                raise RuleError(
                    f"文字模板“{template}”中的数值“{quantity.raw}”不是所引条款原文中的数值，请改用参数占位符",
                    f"template states {quantity.raw!r}, which no verified phrase states",
                )


def verify_rule(
    rule: Rule, meta: DocumentMeta, corpus: Mapping[str, tuple[DocumentMeta, Clauses]], rules_file: str = ""
) -> VerifiedRule:
    """Check ``rule`` against its document (and any document it cites); RuleError (Chinese) on the first failure."""
    if rule.region is not None and rule.region != meta.region:
        raise RuleError(f"规则写明的地区“{rule.region}”与所属文件的地区“{meta.region}”不一致",
                        f"region {rule.region!r} contradicts the document's {meta.region!r}")
    context = _Context(rule, meta, corpus)
    context.clause(None, rule.clause)
    for name, parameter in rule.parameters.items():
        _check_parameter(context, name, parameter)
    _check_phrases(context)
    for reference in rule.see_also:
        for phrase in reference.phrases:
            context.find(reference.document, reference.clause, phrase, "参见条款（see_also）")
    sources = [_source(context, None, rule.clause, rule.quote)]
    sources += [_source(context, r.document, r.clause, r.quote) for r in rule.see_also]
    _check_templates(context, [source.text for source in sources])
    start = rule.effective.from_ or meta.publish_date
    if start and rule.effective.to and rule.effective.to < start:
        raise RuleError("施行日期有误：effective.to 早于 effective.from", "effective.to before effective.from")
    return VerifiedRule(rule=rule, document=DocumentRef.of(meta), sources=sources, effective_from=start,
                        effective_to=rule.effective.to, rules_file=rules_file)
