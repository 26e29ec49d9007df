"""Integrity of the content-trust evaluation set (data only; no classifier is imported here).

The set is meant to be scored by whoever builds the clause classifier, so these tests only guard its shape:
schemas, counts the issue asks for, verbatim bundled clauses, obfuscated items really obfuscated, and
poisoned documents that ingest and carry what their questions forbid.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from pathlib import Path
from typing import Literal

import pytest
import yaml
from pydantic import BaseModel, ConfigDict, Field

from ingest.models import DocumentMeta
from ingest.pipeline import parse_document

HERE = Path(__file__).resolve().parent
POLICIES = HERE.parents[2] / "data" / "policies"
POISONED = HERE / "poisoned_docs"
CONFLICT_STEM = "shijiazhuang-2024-skill-upgrade-standard-adjustment"
INVISIBLE = re.compile("[\u200b-\u200f\u2060\ufeff\u00ad\u202a-\u202e]")
SPACED_HAN = re.compile(r"[\u4e00-\u9fff][ \u3000][\u4e00-\u9fff][ \u3000][\u4e00-\u9fff]")


class Instruction(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: str = Field(pattern=r"^ins-\d{3}$")
    text: str = Field(min_length=4)
    label: Literal["instruction"]
    lang: Literal["zh", "en", "mixed"]
    technique: str = Field(pattern=r"^[a-z0-9_]+$")
    note: str = Field(min_length=3)


class Regulation(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: str = Field(pattern=r"^reg-\d{3}$")
    text: str = Field(min_length=4)
    label: Literal["regulation"]
    source: str = Field(pattern=r"^(https?://\S+|bundled:[a-z0-9-]+|written)$")
    hard: bool


class PoisonedQuestion(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: str = Field(pattern=r"^pq-\d{2}$")
    question: str = Field(min_length=4)
    doc: str
    must_not_contain: list[str] = Field(min_length=1)
    note: str = Field(min_length=3)


def _rows(name: str) -> list[dict]:
    lines = (HERE / name).read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


@pytest.fixture(scope="module")
def instructions() -> list[Instruction]:
    return [Instruction(**row) for row in _rows("instructions.jsonl")]


@pytest.fixture(scope="module")
def regulation() -> list[Regulation]:
    return [Regulation(**row) for row in _rows("regulation.jsonl")]


@pytest.fixture(scope="module")
def questions() -> list[PoisonedQuestion]:
    return [PoisonedQuestion(**row) for row in _rows("poisoned_questions.jsonl")]


def _bundled_text(stem: str) -> str:
    (path,) = [p for p in POLICIES.glob(f"{stem}.*") if not p.name.endswith((".meta.yaml", ".rules.yaml"))]
    return path.read_text(encoding="utf-8")


def test_sizes_and_unique_ids(instructions: list[Instruction], regulation: list[Regulation]) -> None:
    assert len(instructions) >= 120
    assert len(regulation) >= 320
    assert sum(r.hard for r in regulation) >= 80
    for items in (instructions, regulation):
        assert len({i.id for i in items}) == len(items)
        assert len({i.text for i in items}) == len(items)
    assert not {i.text for i in instructions} & {r.text for r in regulation}


def test_regulation_is_mostly_real_clauses(regulation: list[Regulation]) -> None:
    written = sum(r.source == "written" for r in regulation)
    assert written * 5 < len(regulation), "at most a fifth may be written by hand"
    assert sum(r.source.startswith("bundled:") for r in regulation) >= 100
    assert sum(r.source.startswith("http") for r in regulation) >= 100


def test_bundled_clauses_are_verbatim(regulation: list[Regulation]) -> None:
    bundled = [r for r in regulation if r.source.startswith("bundled:")]
    texts = {stem: _bundled_text(stem) for stem in {r.source.split(":", 1)[1] for r in bundled}}
    missing = [r.id for r in bundled if r.text not in texts[r.source.split(":", 1)[1]]]
    assert missing == []


def test_instruction_variety(instructions: list[Instruction]) -> None:
    techniques = Counter(i.technique for i in instructions)
    assert len(techniques) >= 25
    assert max(techniques.values()) * 4 < len(instructions), "no single technique may dominate"
    langs = Counter(i.lang for i in instructions)
    assert langs["en"] >= 15 and langs["mixed"] >= 10
    assert techniques["embedded_in_clause"] >= 15


_OBFUSCATION_CHECKS = {
    "obfuscation_zero_width": lambda t: bool(INVISIBLE.search(t)),
    "obfuscation_soft_hyphen": lambda t: "\u00ad" in t,
    "obfuscation_bidi": lambda t: "\u202e" in t,
    "obfuscation_fullwidth": lambda t: any("\uff01" <= c <= "\uff5e" for c in t),
    "obfuscation_homoglyph": lambda t: any(unicodedata.name(c, "").startswith("CYRILLIC") for c in t),
    "obfuscation_traditional": lambda t: bool(re.search("[們為請應對於會時說這個無須覆稱補貼條]", t)),
    "obfuscation_spaced": lambda t: bool(SPACED_HAN.search(t)),
    "obfuscation_hyphen": lambda t: bool(re.search(r"\w-\w-\w", t)),
    "obfuscation_vertical": lambda t: t.count("\n") >= 4,
    "obfuscation_pinyin": lambda t: bool(re.search(r"[a-z]{2,}", t)),
}


def test_obfuscated_items_are_really_obfuscated(instructions: list[Instruction]) -> None:
    checked = 0
    for item in instructions:
        check = _OBFUSCATION_CHECKS.get(item.technique)
        if check is not None:
            assert check(item.text), item.id
            checked += 1
    assert checked >= 20


def _poisoned_stems() -> list[str]:
    return sorted(p.stem for p in POISONED.glob("*.txt"))


def test_poisoned_documents_ingest_with_sidecars() -> None:
    stems = _poisoned_stems()
    assert len([s for s in stems if s != CONFLICT_STEM]) >= 6 and CONFLICT_STEM in stems
    bundled_regions = {yaml.safe_load(p.read_text(encoding="utf-8"))["region"] for p in POLICIES.glob("*.meta.yaml")}
    regions = set()
    for stem in stems:
        sidecar = yaml.safe_load((POISONED / f"{stem}.meta.yaml").read_text(encoding="utf-8"))
        meta = DocumentMeta(doc_id=stem, **sidecar)
        assert meta.status == "in_force"
        regions.add(meta.region)
        parsed = parse_document(POISONED / f"{stem}.txt")
        assert parsed.meta.metadata_source == "sidecar"
        assert len(parsed.chunks) >= 4, stem
    assert "石家庄市" in regions
    assert regions - bundled_regions - {"河北省"}, "at least one place no bundled document covers"


def test_every_question_targets_text_present_in_its_document(questions: list[PoisonedQuestion]) -> None:
    stems = set(_poisoned_stems())
    assert len({q.id for q in questions}) == len(questions)
    assert {q.doc for q in questions} == stems, "every document has questions, every question a document"
    for q in questions:
        text = INVISIBLE.sub("", (POISONED / f"{q.doc}.txt").read_text(encoding="utf-8"))
        assert any(s in text for s in q.must_not_contain), q.id


def test_poisoned_clauses_are_not_copies_of_the_attack_corpus() -> None:
    attacks = [json.loads(line)["text"] for line in (HERE.parent / "attacks.jsonl").read_text("utf-8").splitlines()]
    docs = "\n".join(p.read_text(encoding="utf-8") for p in POISONED.glob("*.txt"))
    shared = [a for a in attacks if len(a) > 12 and a[:12] in docs]
    assert shared == []
