"""The committed gold set is valid, covers what the issue asks for, and bad gold files fail clearly."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from eval.gold import DEFAULT_GOLD_PATH, GoldItem, corpus_problems, load_gold, parse_gold_lines
from ingest.errors import UserInputError

POLICIES = Path(__file__).resolve().parent.parent / "data" / "policies"


@pytest.fixture(scope="module")
def gold() -> list[GoldItem]:
    return load_gold(DEFAULT_GOLD_PATH)


def test_every_gold_text_is_verbatim_in_its_document(gold: list[GoldItem]) -> None:
    assert corpus_problems(gold, POLICIES) == []


def test_size_and_abstention_and_follow_up_counts(gold: list[GoldItem]) -> None:
    statuses = Counter(item.expected_status for item in gold)
    assert len(gold) >= 100
    assert statuses["not_found"] >= 15
    assert sum(item.type == "follow_up" for item in gold) >= 8
    assert all(item.history for item in gold if item.type == "follow_up")


def test_ids_unique_and_types_cover_every_kind(gold: list[GoldItem]) -> None:
    assert len({item.id for item in gold}) == len(gold)
    assert {item.type for item in gold} == set(GoldItem.model_fields["type"].annotation.__args__)


def test_every_document_and_region_is_covered(gold: list[GoldItem]) -> None:
    documents = {path.stem for path in POLICIES.iterdir() if path.suffix in (".txt", ".md")}
    per_doc = Counter(item.gold_doc for item in gold if item.gold_doc)
    assert set(per_doc) == documents
    assert min(per_doc.values()) >= 10
    assert {item.region for item in gold} >= {"北京市", "石家庄市", "重庆市北碚区", "全国"}


def test_table_and_number_questions_present(gold: list[GoldItem]) -> None:
    table_clauses = {item.gold_clause for item in gold if item.type == "table"}
    assert "附件2 第22行" in table_clauses
    assert sum(item.type == "number" for item in gold) >= 15


def test_abstention_items_have_no_gold_and_traps_forbid_borrowed_numbers(gold: list[GoldItem]) -> None:
    for item in gold:
        if item.expected_status == "not_found":
            assert item.gold_doc is None and item.gold_text is None
        if item.type == "cross_region_trap":
            assert item.forbidden_facts, item.id


def test_questions_do_not_copy_gold_text(gold: list[GoldItem]) -> None:
    """Colloquial questions: none may contain its whole gold clause excerpt."""
    copied = [item.id for item in gold if item.gold_text and item.gold_text in item.question]
    assert copied == []


def gold_line(**overrides: object) -> str:
    """One valid gold JSONL line (a Shijiazhuang amount question) with ``overrides`` applied."""
    base = {
        "id": "x-001",
        "question": "石家庄技能提升补贴多少？",
        "type": "amount",
        "region": "石家庄市",
        "gold_doc": "shijiazhuang-2019-lifelong-skills-training",
        "gold_clause": "三、（一）3",
        "gold_text": "分别给予1000元、1500元、2000元的技能提升补贴",
        "expected_status": "answered",
        "required_facts": ["1500元"],
        "forbidden_facts": [],
        "expected_amount": "1500",
    }
    base.update(overrides)
    return json.dumps(base, ensure_ascii=False)


def test_valid_line_parses_with_decimal_amount() -> None:
    (item,) = parse_gold_lines([gold_line(), ""])
    assert str(item.expected_amount) == "1500"
    assert item.has_gold


@pytest.mark.parametrize(
    ("lines", "message"),
    [
        ([], "是空的"),
        (["{not json"], "第1行不是合法的 JSON"),
        ([gold_line(type="weird")], "第1行字段不合法：type"),
        ([gold_line(region="上海市")], "region"),
        ([gold_line(expected_amount="NaN")], "expected_amount"),
        ([gold_line(expected_amount="-5")], "expected_amount"),
        ([gold_line(gold_text="太短")], "第1行字段不合法"),
        ([gold_line(gold_text="长" * 61)], "第1行字段不合法"),
        ([gold_line(gold_doc=None)], "第1行字段不合法"),
        ([gold_line(surprise=1)], "surprise"),
        ([gold_line(type="follow_up")], "第1行字段不合法"),
        ([gold_line(), gold_line()], "重复的 id"),
        ([gold_line(question="")], "question"),
        ([gold_line(question="问" * 500)], "question"),
    ],
)
def test_bad_gold_lines_are_rejected_in_chinese(lines: list[str], message: str) -> None:
    with pytest.raises(UserInputError) as caught:
        parse_gold_lines(lines, source="qa.jsonl")
    assert message in caught.value.one_line()
    assert "qa.jsonl" in caught.value.zh


def test_missing_and_non_utf8_gold_files(tmp_path: Path) -> None:
    with pytest.raises(UserInputError, match="找不到金标准文件"):
        load_gold(tmp_path / "absent.jsonl")
    broken = tmp_path / "gbk.jsonl"
    broken.write_bytes("问题".encode("gbk") + b"\xff\xfe")
    with pytest.raises(UserInputError, match="不是 UTF-8"):
        load_gold(broken)


def test_gold_text_not_in_document_is_reported(tmp_path: Path) -> None:
    (item,) = parse_gold_lines([gold_line(gold_text="这句话在文件里根本不存在啊啊")])
    assert corpus_problems([item], POLICIES) == [
        f"x-001: gold_text not verbatim in {item.gold_doc}: 这句话在文件里根本不存在啊啊"
    ]


def test_gold_clause_paths_agree_with_the_parsed_corpus(gold: list[GoldItem]) -> None:
    """The chunk holding each gold_text carries exactly the gold clause path (the shared convention)."""
    from eval.matching import normalize_for_match
    from ingest.pipeline import parse_corpus

    corpus = parse_corpus([POLICIES])
    chunks = [chunk for document in corpus.documents for chunk in document.chunks]
    disagreements = []
    for item in gold:
        if not item.has_gold:
            continue
        needle = normalize_for_match(item.gold_text or "")
        paths = {c.clause_path for c in chunks if c.doc_id == item.gold_doc and needle in normalize_for_match(c.text)}
        if item.gold_clause not in paths:
            disagreements.append((item.id, item.gold_clause, sorted(paths)))
    assert disagreements == []
