"""The committed gold set is valid, covers what the issue asks for, and bad gold files fail clearly."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from eval.gold import DEFAULT_GOLD_PATH, LEGACY_TYPES, GoldItem, corpus_problems, load_gold, parse_gold_lines
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


def test_ids_unique_and_dev_covers_every_legacy_kind(gold: list[GoldItem]) -> None:
    assert len({item.id for item in gold}) == len(gold)
    assert {item.type for item in gold} >= LEGACY_TYPES


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
        ([gold_line(region=" 上海市")], "region"),
        ([gold_line(region="上海\u0000市")], "region"),
        ([gold_line(region="")], "region"),
        ([gold_line(expected_amount="NaN")], "expected_amount"),
        ([gold_line(expected_amount="-5")], "expected_amount"),
        ([gold_line(gold_text="太短")], "第1行字段不合法"),
        ([gold_line(gold_text="长" * 61)], "第1行字段不合法"),
        ([gold_line(gold_doc=None)], "第1行字段不合法"),
        ([gold_line(surprise=1)], "surprise"),
        ([gold_line(type="follow_up")], "第1行字段不合法"),
        ([gold_line(), gold_line()], "重复的 id"),
        ([gold_line(question="")], "question"),
        ([gold_line(question="问" * 301)], "question"),
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
        f"line 1 (x-001): text not verbatim in {item.gold_doc} 三、（一）3: 这句话在文件里根本不存在啊啊"
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


# ---- schema v2 ---------------------------------------------------------------------------------------------------

BJ11 = "beijing-2011-vocational-training"
BB = "beibei-2019-lifelong-skills-training"
EDU_FUND = "企业要按照不低于职工工资总额1.5%的比例提取职工教育经费"
BB_TAX = "不超过工资薪金总额 8%的部分，准予在计算企业所得税应纳税所得额时扣除"


def v2_line(**overrides: object) -> str:
    """A valid v2 comparison line (Beijing vs Beibei education funds) with ``overrides`` applied."""
    base = {
        "id": "fr-900",
        "question": "北京和北碚的职工教育经费分别怎么规定？",
        "type": "comparison",
        "region": None,
        "gold_doc": BJ11,
        "gold_clause": "九、",
        "gold_text": EDU_FUND,
        "also_gold": [{"doc": BB, "clause": "五、（十九）", "text": BB_TAX}],
        "expected_status": "answered",
        "required_facts": ["1.5%", "8%"],
        "forbidden_facts": [],
        "expected_amount": None,
        "history": [],
        "note": "two regions side by side",
    }
    base.update(overrides)
    return json.dumps(base, ensure_ascii=False)


def test_v2_line_with_also_gold_validates_against_the_corpus() -> None:
    (item,) = parse_gold_lines([v2_line()], source="qa_fresh.jsonl")
    assert item.category == "comparison" and item.line == 1
    assert item.also_gold[0].clause == "五、（十九）"
    assert corpus_problems([item], POLICIES) == []


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"also_gold": [{"doc": BB, "clause": "五、（十九）"}]}, "also_gold.0.text"),
        ({"also_gold": [{"doc": BB, "clause": "五、（十九）", "text": "太短", "x": 1}]}, "also_gold.0"),
        ({"also_gold": [{"doc": BB, "clause": "五、（十九）", "text": "短"}]}, "also_gold.0.text"),
        ({"type": "abstention"}, "abstention items have no gold_doc"),
        ({"gold_doc": None, "gold_clause": None, "gold_text": None}, "must be empty when gold_doc is null"),
        ({"history": ["上一句"]}, "only follow_up items have a history"),
        ({"note": "n" * 301}, "note"),
        ({"required_facts": ["  "]}, "required_facts"),
        ({"type": "trivia"}, "type"),
    ],
)
def test_bad_v2_lines_are_rejected_naming_file_and_line(overrides: dict, message: str) -> None:
    with pytest.raises(UserInputError) as caught:
        parse_gold_lines(["", v2_line(**overrides)], source="qa_fresh.jsonl")
    assert message in caught.value.one_line()
    assert "qa_fresh.jsonl 第2行" in caught.value.zh and "line 2" in caught.value.en


NO_GOLD = {"gold_doc": None, "gold_clause": None, "gold_text": None, "also_gold": [], "required_facts": []}


def test_needs_info_and_abstention_items_without_gold() -> None:
    orphan = v2_line(id="fr-901", type="calculation", question="那高级工呢？", expected_status="needs_info", **NO_GOLD)
    trap = v2_line(
        id="fr-902",
        type="abstention",
        question="天津学徒补贴多少",
        region="天津市",
        expected_status="not_found",
        forbidden_facts=["4000元"],
        **NO_GOLD,
    )
    items = parse_gold_lines([orphan, trap])
    assert [item.category for item in items] == ["calculation", "abstention"]
    assert corpus_problems(items, POLICIES) == []


@pytest.mark.parametrize(
    ("overrides", "problem"),
    [
        ({"gold_doc": "no-such-doc"}, "unknown document no-such-doc"),
        ({"gold_clause": "九、（一）"}, "no clause 九、（一） in"),
        ({"gold_clause": "八、"}, "text not verbatim in beijing-2011-vocational-training 八、"),
        ({"also_gold": [{"doc": BB, "clause": "五、（十八）", "text": BB_TAX}]}, "text not verbatim in beibei"),
        ({"also_gold": [{"doc": BB, "clause": "", "text": "终身职业技能培训制度"}]}, "text not unique in beibei"),
        ({"gold_text": "职业技能竞赛", "gold_clause": "三、"}, "gold text must be"),
    ],
)
def test_corpus_problems_name_line_item_and_clause(overrides: dict, problem: str) -> None:
    try:
        items = parse_gold_lines([v2_line(**overrides)])
    except UserInputError as error:  # a too-short excerpt is caught by the schema itself
        assert problem in error.en
        return
    (found,) = corpus_problems(items, POLICIES)
    assert found.startswith("line 1 (fr-900): ") and problem in found


def test_v2_text_must_be_unique_but_legacy_text_need_not() -> None:
    repeated = "我部决定在全国开展第二批百城技能振兴专项活动"  # in the notice and again in its attachment
    mohrss = {"gold_doc": "mohrss-2015-hundred-cities-skills", "gold_clause": "", "gold_text": repeated}
    (v2,) = parse_gold_lines([v2_line(type="metadata", also_gold=[], **mohrss)])
    (legacy,) = parse_gold_lines([v2_line(type="definition", also_gold=[], **mohrss)])
    assert corpus_problems([v2], POLICIES) == [f"line 1 (fr-900): text not unique in {mohrss['gold_doc']}: {repeated}"]
    assert corpus_problems([legacy], POLICIES) == []


def test_legacy_types_map_to_the_v2_categories() -> None:
    from eval.gold import CATEGORIES, CATEGORY_OF, category_of

    assert category_of("amount") == "calculation"
    assert {category_of(t) for t in ("table", "number", "definition", "list")} == {"lookup"}
    assert {category_of(t) for t in ("cross_region_trap", "out_of_corpus", "abstention")} == {"abstention"}
    assert set(CATEGORY_OF) == set(GoldItem.model_fields["type"].annotation.__args__)
    assert set(CATEGORY_OF.values()) == set(CATEGORIES)


# ---- every committed set --------------------------------------------------------------------------------------------


def _committed_sets():
    from eval.sets import discover_sets

    return discover_sets(POLICIES)


@pytest.mark.parametrize("eval_set", _committed_sets(), ids=lambda s: s.name)
def test_every_committed_set_is_valid_against_its_documents(eval_set) -> None:
    items = load_gold(eval_set.gold)
    assert corpus_problems(items, list(eval_set.docs)) == []
    copied = [item.id for item in items if item.gold_text and item.gold_text in item.question]
    assert copied == []


def test_fresh_sets_cover_every_category_and_the_asked_cases() -> None:
    from eval.gold import CATEGORIES

    eval_dir = DEFAULT_GOLD_PATH.parent
    fresh, holdout = load_gold(eval_dir / "qa_fresh.jsonl"), load_gold(eval_dir / "qa_fresh_holdout.jsonl")
    assert len(fresh) >= 60 and len(holdout) >= 40
    per_category = Counter(item.category for item in fresh)
    assert all(per_category[name] >= 5 for name in CATEGORIES), per_category
    assert {item.id.split("-")[0] for item in fresh} == {"fr"} and {i.id.split("-")[0] for i in holdout} == {"fh"}
    assert not {item.question for item in fresh} & {item.question for item in holdout}
    both = [*fresh, *holdout]
    procedure_without_corpus_steps = [item for item in both if "12333" in item.required_facts]
    assert len(procedure_without_corpus_steps) >= 5
    assert sum(bool(item.also_gold) for item in both if item.type == "old_vs_new") >= 5
    assert any(item.region == "廊坊市" for item in both) and any(item.region == "河北省" for item in both)
