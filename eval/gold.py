"""Gold question sets (schema v2): records, categories, loading, and validation against a corpus.

One JSON object per line (see ``/work/wt/briefs/schema.md`` for the field list). Retrieval metrics use the items
that have a ``gold_doc``; answer metrics use every item (status, facts, amount, also_gold citations).
Legacy question types of the first sets stay valid and are reported under the v2 categories (``CATEGORY_OF``).
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, ValidationError, field_validator, model_validator

from eval.matching import normalize_for_match
from ingest.errors import UserInputError

QuestionType = Literal[
    # schema v2
    "calculation",
    "eligibility",
    "procedure",
    "list",
    "comparison",
    "old_vs_new",
    "metadata",
    "follow_up",
    "abstention",
    # legacy (the first dev and holdout sets)
    "amount",
    "table",
    "number",
    "definition",
    "cross_region_trap",
    "out_of_corpus",
]
ExpectedStatus = Literal["answered", "not_found", "needs_info"]

# The categories answers are reported by, in report order; "lookup" is the list-or-lookup category.
CATEGORIES = (
    "calculation",
    "eligibility",
    "procedure",
    "lookup",
    "comparison",
    "old_vs_new",
    "metadata",
    "follow_up",
    "abstention",
)
CATEGORY_OF: dict[str, str] = {
    "calculation": "calculation",
    "amount": "calculation",
    "eligibility": "eligibility",
    "procedure": "procedure",
    "list": "lookup",
    "table": "lookup",
    "number": "lookup",
    "definition": "lookup",
    "comparison": "comparison",
    "old_vs_new": "old_vs_new",
    "metadata": "metadata",
    "follow_up": "follow_up",
    "abstention": "abstention",
    "cross_region_trap": "abstention",
    "out_of_corpus": "abstention",
}
ABSTENTION_TYPES = frozenset(t for t, c in CATEGORY_OF.items() if c == "abstention")
# Written before schema v2: their gold_text need not be unique in the document (v2 items' must be).
LEGACY_TYPES = frozenset({"amount", "table", "number", "definition", "cross_region_trap", "out_of_corpus"})

GOLD_TEXT_MIN, GOLD_TEXT_MAX = 10, 60
# A legacy table cell such as the MOHRSS 总计 row is legitimately short; it must still be unique in its document.
TABLE_GOLD_TEXT_MIN = 2
QUESTION_MAX = 300
DEFAULT_GOLD_PATH = Path(__file__).resolve().parent.parent / "data" / "eval" / "qa.jsonl"


def category_of(question_type: str) -> str:
    return CATEGORY_OF[question_type]


def _check_excerpt(text: str, low: int = GOLD_TEXT_MIN) -> str:
    size = len(normalize_for_match(text))
    if not low <= size <= GOLD_TEXT_MAX:
        raise ValueError(f"gold text must be {low}–{GOLD_TEXT_MAX} characters, got {size}")
    return text


class AlsoGold(BaseModel):
    """A further clause a complete answer must cite (the second region, the other document)."""

    model_config = ConfigDict(extra="forbid")

    doc: str = Field(min_length=1, max_length=200)
    clause: str = Field(max_length=100)
    text: str

    @field_validator("text")
    @classmethod
    def _excerpt(cls, value: str) -> str:
        return _check_excerpt(value)


class GoldItem(BaseModel):
    """One gold question with what retrieval must find and what a correct answer must (not) say."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(pattern=r"^[a-z0-9]+-\d{3}$")
    question: str = Field(min_length=2, max_length=QUESTION_MAX)
    type: QuestionType
    region: str | None = Field(None, min_length=1, max_length=40)
    gold_doc: str | None = None
    gold_clause: str | None = None
    gold_text: str | None = None
    also_gold: list[AlsoGold] = Field(default_factory=list)
    expected_status: ExpectedStatus
    required_facts: list[str] = Field(default_factory=list)
    forbidden_facts: list[str] = Field(default_factory=list)
    expected_amount: Decimal | None = None
    history: list[str] = Field(default_factory=list)
    note: str | None = Field(None, max_length=300)
    _line: int = PrivateAttr(0)

    @field_validator("region")
    @classmethod
    def _plain_region(cls, value: str | None) -> str | None:
        if value is not None and (value != value.strip() or not value.isprintable()):
            raise ValueError("region must be a plain place name without spaces or control characters")
        return value

    @field_validator("required_facts", "forbidden_facts")
    @classmethod
    def _non_empty_facts(cls, value: list[str]) -> list[str]:
        if any(not normalize_for_match(fact) for fact in value):
            raise ValueError("facts must be non-empty strings")
        return value

    @field_validator("expected_amount")
    @classmethod
    def _finite_amount(cls, value: Decimal | None) -> Decimal | None:
        if value is not None and (not value.is_finite() or value < 0):
            raise ValueError("expected_amount must be a finite, non-negative decimal")
        return value

    @model_validator(mode="after")
    def _consistent(self) -> GoldItem:
        gold_fields = (self.gold_doc, self.gold_clause, self.gold_text)
        if self.gold_doc is None:
            if any(value is not None for value in gold_fields) or self.also_gold:
                raise ValueError("gold_clause/gold_text/also_gold must be empty when gold_doc is null")
            if self.expected_status == "answered":
                raise ValueError("an item without gold_doc cannot expect an answer")
        else:
            if self.gold_clause is None or self.gold_text is None:
                raise ValueError("gold_clause and gold_text are required with gold_doc")
            _check_excerpt(self.gold_text, TABLE_GOLD_TEXT_MIN if self.type == "table" else GOLD_TEXT_MIN)
        if self.type in ABSTENTION_TYPES and (self.gold_doc is not None or self.expected_status != "not_found"):
            raise ValueError(f"{self.type} items have no gold_doc and expect not_found")
        if self.type == "follow_up" and not self.history:
            raise ValueError("follow_up items need a history")
        if self.type != "follow_up" and self.history:
            raise ValueError("only follow_up items have a history")
        return self

    @property
    def has_gold(self) -> bool:
        return self.gold_doc is not None

    @property
    def category(self) -> str:
        return CATEGORY_OF[self.type]

    @property
    def line(self) -> int:
        """1-based line in the file it was read from (0 when built in memory)."""
        return self._line


def parse_gold_lines(lines: Sequence[str], source: str = "<memory>") -> list[GoldItem]:
    """Parse JSONL lines (blank lines skipped). Errors name the file and line, in Chinese and English."""
    items: list[GoldItem] = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            item = GoldItem.model_validate(json.loads(line))
        except json.JSONDecodeError as exc:
            raise UserInputError(
                f"金标准文件 {source} 第{number}行不是合法的 JSON", f"{source} line {number}: invalid JSON ({exc.msg})"
            ) from None
        except ValidationError as exc:
            first = exc.errors()[0]
            where = ".".join(str(part) for part in first["loc"]) or "item"
            raise UserInputError(
                f"金标准文件 {source} 第{number}行字段不合法：{where}",
                f"{source} line {number}: {where}: {first['msg']}",
            ) from None
        item._line = number
        items.append(item)
    duplicates = [item_id for item_id, count in Counter(item.id for item in items).items() if count > 1]
    if duplicates:
        raise UserInputError(f"金标准文件 {source} 有重复的 id：{', '.join(duplicates)}", "duplicate ids")
    if not items:
        raise UserInputError(f"金标准文件 {source} 是空的", f"gold file {source} is empty")
    return items


def load_gold(path: Path = DEFAULT_GOLD_PATH) -> list[GoldItem]:
    if not path.is_file():
        raise UserInputError(f"找不到金标准文件：{path}", f"gold file not found: {path}")
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise UserInputError(f"金标准文件不是 UTF-8 文本：{path}", f"gold file is not UTF-8: {path}") from None
    return parse_gold_lines(text.splitlines(), source=path.name)


class CorpusText(BaseModel):
    """What validation needs from a parsed corpus: per document, the normalized text of each clause and in all."""

    clauses: dict[str, dict[str, str]] = Field(description="doc_id → clause path → normalized clause text.")
    whole: dict[str, str] = Field(description="doc_id → normalized text of all its clauses.")

    @classmethod
    def from_directories(cls, directories: Iterable[Path]) -> CorpusText:
        """Parse the documents with the real ingest parser (the clause paths the index will carry)."""
        from ingest.pipeline import parse_corpus

        corpus = parse_corpus(list(directories))
        clauses: dict[str, dict[str, str]] = {}
        for document in corpus.documents:
            per_clause = clauses.setdefault(document.meta.doc_id, {})
            for chunk in sorted(document.chunks, key=lambda c: c.order):
                per_clause[chunk.clause_path] = per_clause.get(chunk.clause_path, "") + normalize_for_match(chunk.text)
        whole = {doc_id: "".join(parts.values()) for doc_id, parts in clauses.items()}
        return cls(clauses=clauses, whole=whole)


def _excerpt_problem(corpus: CorpusText, doc: str, clause: str, text: str, *, legacy: bool) -> str | None:
    """Why (doc, clause, text) is not a valid citation target, or None (English, one phrase).

    v2 excerpts must be unique in the document; legacy ones only when they are shorter than ``GOLD_TEXT_MIN``."""
    if doc not in corpus.clauses:
        return f"unknown document {doc}"
    if clause not in corpus.clauses[doc]:
        return f"no clause {clause or '(preamble)'} in {doc}"
    needle = normalize_for_match(text)
    if needle not in corpus.clauses[doc][clause]:
        return f"text not verbatim in {doc} {clause or '(preamble)'}: {text}"
    if (not legacy or len(needle) < GOLD_TEXT_MIN) and corpus.whole[doc].count(needle) != 1:
        return f"text not unique in {doc}: {text}"
    return None


def corpus_problems(items: Sequence[GoldItem], corpus: CorpusText | Path | Sequence[Path]) -> list[str]:
    """Items whose gold or also_gold clause is missing, or whose text is not verbatim (normalized) in that clause.

    Each problem names the item's line and id, e.g. ``line 5 (fr-005): no clause 三、（九） in …``.
    """
    if isinstance(corpus, Path):
        corpus = CorpusText.from_directories([corpus])
    elif not isinstance(corpus, CorpusText):
        corpus = CorpusText.from_directories(corpus)
    problems = []
    for item in items:
        if item.gold_doc is None:
            continue
        legacy = item.type in LEGACY_TYPES
        targets = [(item.gold_doc, item.gold_clause or "", item.gold_text or "")]
        targets += [(also.doc, also.clause, also.text) for also in item.also_gold]
        for doc, clause, text in targets:
            problem = _excerpt_problem(corpus, doc, clause, text, legacy=legacy)
            if problem:
                problems.append(f"line {item.line} ({item.id}): {problem}")
    return problems


def require_valid(items: Sequence[GoldItem], corpus: CorpusText, source: str) -> None:
    """Raise a Chinese+English ``UserInputError`` naming the file, the line and the first problem."""
    problems = corpus_problems(items, corpus)
    if problems:
        more = f"（另有 {len(problems) - 1} 处）" if len(problems) > 1 else ""
        raise UserInputError(
            f"金标准文件 {source} 与文档不符：{problems[0]}{more}",
            f"{source}: {len(problems)} problem(s): {problems[0]}",
        )
