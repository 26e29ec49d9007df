"""The gold question set: records, loading and validation against the corpus.

Each line of ``data/eval/qa.jsonl`` is one ``GoldItem``. Retrieval metrics use the items that have a
``gold_doc``; answer metrics use every item (status, facts, amount).
"""

from __future__ import annotations

import json
from collections import Counter
from decimal import Decimal
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from eval.matching import normalize_for_match
from ingest.errors import UserInputError

QuestionType = Literal[
    "amount",
    "eligibility",
    "procedure",
    "list",
    "table",
    "number",
    "definition",
    "cross_region_trap",
    "out_of_corpus",
    "follow_up",
]
ExpectedStatus = Literal["answered", "not_found", "needs_info"]
CANONICAL_REGIONS = ("北京市", "石家庄市", "重庆市北碚区", "全国")
GOLD_TEXT_MIN, GOLD_TEXT_MAX = 10, 60
# A table cell such as the MOHRSS 总计 row is legitimately short; it must still be unique in its document.
TABLE_GOLD_TEXT_MIN = 2
DEFAULT_GOLD_PATH = Path(__file__).resolve().parent.parent / "data" / "eval" / "qa.jsonl"


class GoldItem(BaseModel):
    """One gold question with what retrieval must find and what a correct answer must (not) say."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(pattern=r"^[a-z0-9]+-\d{3}$")
    question: str = Field(min_length=2, max_length=200)
    type: QuestionType
    region: str | None = None
    gold_doc: str | None = None
    gold_clause: str | None = None
    gold_text: str | None = None
    expected_status: ExpectedStatus
    required_facts: list[str] = Field(default_factory=list)
    forbidden_facts: list[str] = Field(default_factory=list)
    expected_amount: Decimal | None = None
    history: list[str] = Field(default_factory=list)

    @field_validator("region")
    @classmethod
    def _canonical_region(cls, value: str | None) -> str | None:
        if value is not None and value not in CANONICAL_REGIONS:
            raise ValueError(f"region must be one of {CANONICAL_REGIONS} or null, got {value!r}")
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
            if any(value is not None for value in gold_fields):
                raise ValueError("gold_clause/gold_text must be null when gold_doc is null")
            if self.expected_status != "not_found":
                raise ValueError("an item without gold_doc must expect not_found")
        else:
            if self.gold_clause is None or self.gold_text is None:
                raise ValueError("gold_clause and gold_text are required with gold_doc")
            size = len(normalize_for_match(self.gold_text))
            low = TABLE_GOLD_TEXT_MIN if self.type == "table" else GOLD_TEXT_MIN
            if not low <= size <= GOLD_TEXT_MAX:
                raise ValueError(f"gold_text must be {low}–{GOLD_TEXT_MAX} characters, got {size}")
        if self.type in ("cross_region_trap", "out_of_corpus") and self.gold_doc is not None:
            raise ValueError(f"{self.type} items have no gold_doc")
        if self.type == "follow_up" and not self.history:
            raise ValueError("follow_up items need a history")
        return self

    @property
    def has_gold(self) -> bool:
        return self.gold_doc is not None


def parse_gold_lines(lines: list[str], source: str = "<memory>") -> list[GoldItem]:
    """Parse JSONL lines (blank lines skipped). Errors name the line, in Chinese and English."""
    items: list[GoldItem] = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            items.append(GoldItem.model_validate(json.loads(line)))
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


def corpus_problems(items: list[GoldItem], data_dir: Path) -> list[str]:
    """Gold items whose document is missing or whose gold_text is not verbatim in the document file."""
    texts: dict[str, str] = {}
    for path in data_dir.iterdir():
        if path.suffix in (".txt", ".md"):
            texts[path.stem] = path.read_text(encoding="utf-8")
    problems = []
    for item in items:
        if item.gold_doc is None:
            continue
        document = texts.get(item.gold_doc)
        if document is None:
            problems.append(f"{item.id}: unknown gold_doc {item.gold_doc}")
        elif item.gold_text not in document:
            problems.append(f"{item.id}: gold_text not verbatim in {item.gold_doc}: {item.gold_text}")
        elif _short_and_ambiguous(item, document):
            problems.append(f"{item.id}: short table gold_text is not unique in {item.gold_doc}")
    return problems


def _short_and_ambiguous(item: GoldItem, document: str) -> bool:
    needle = normalize_for_match(item.gold_text or "")
    return len(needle) < GOLD_TEXT_MIN and normalize_for_match(document).count(needle) != 1
