"""Hybrid search on the real five-document index: region guarantee, expected clauses, filters, bad input."""

from __future__ import annotations

import pytest
from support import BEIBEI, MOHRSS
from support import BEIJING_2007 as BJ2007
from support import BEIJING_2011 as BJ2011
from support import SHIJIAZHUANG as SJZ

from ingest.errors import UserInputError
from retriever.hybrid import HybridRetriever
from retriever.lookup import lookup
from retriever.models import SearchFilters
from retriever.rerank import CrossEncoderReranker

NATIONAL = "全国"

REGION_QUERIES = {
    "北京市": [
        "北京 职工教育经费提取比例",
        "北京市企业新型学徒制补贴",
        "北京的高级技师引进政策",
        "北京 就业技能培训补贴标准",
        "北京技能提升补贴多少钱",
        "来京务工人员技师可以直接引进吗",
    ],
    "石家庄市": [
        "石家庄 就业技能培训补贴",
        "石家庄学徒制补贴多少",
        "河北石家庄 技能提升补贴",
        "石家庄首席技师工作室",
        "石家庄 职工教育经费",
    ],
    "重庆市北碚区": ["北碚 退役军人 培训", "北碚区职工教育经费税前扣除", "重庆北碚 技能提升补贴", "北碚 新型学徒制"],
}


@pytest.mark.parametrize(("region", "query"), [(r, q) for r, qs in REGION_QUERIES.items() for q in qs])
def test_a_named_region_is_never_answered_by_another_region(
    retriever: HybridRetriever, region: str, query: str
) -> None:
    response = lookup(retriever, query, top_k=5)
    assert response.hits
    assert response.hits[0].chunk.region == region  # the region's own clause first, not even a national one
    assert {h.chunk.region for h in response.hits} <= {region, NATIONAL}


@pytest.mark.parametrize("query", ["河北 技能提升补贴", "重庆 技能提升补贴", "河北廊坊 学徒制", "哈尔滨 培训补贴"])
def test_a_place_no_document_covers_gets_only_national_text(retriever: HybridRetriever, query: str) -> None:
    """A province named alone is larger than the one city covered in it; a sibling city is not that city."""
    response = lookup(retriever, query, top_k=5)
    assert response.understanding.uncovered
    assert {h.chunk.region for h in response.hits} <= {NATIONAL}


@pytest.mark.parametrize(
    ("query", "doc_id", "clause"),
    [
        ("石家庄 就业技能培训补贴", SJZ, "三、（一）2"),
        ("石家庄 学徒制补贴", SJZ, "三、（一）3"),
        ("石家庄 失业保险 技能提升补贴", SJZ, "三、（一）3"),
        ("北京 职工教育经费提取比例", BJ2011, "九、"),
        ("北京 首席技师工作室 资助", BJ2011, "四、（二）"),
        ("北京 来京务工人员 直接引进", BJ2011, "六、"),
        ("北京 在京工作满5年 高级技师", BJ2007, "四、（十四）"),
        ("北碚 职工教育经费 税前扣除", BEIBEI, "五、（十九）"),
        ("北碚 退役军人 培训 生活补助", BEIBEI, "二、（五）"),
        ("重庆哪些区参加了百城技能振兴", MOHRSS, "附件2 第22行"),
        # colloquial questions: found through the synonym expansion (retriever/resources/synonyms.txt)
        ("北碚退伍的能免费学技术不", BEIBEI, "二、（五）"),
        ("石家庄考了个中级证能补多少钱", SJZ, "三、（一）3"),
        ("石家庄的农民工学技能培训补多少", SJZ, "三、（一）2"),
        ("北京公司每年要拿出工资的百分之几搞职工培训", BJ2011, "九、"),
        ("外省来北京打工的高级技师能不能落户", BJ2011, "六、"),
        ("老政策里北京企业职工教育经费最低提多少", BJ2007, "五、（十五）"),
        ("北碚企业给员工培训花的钱能抵税吗", BEIBEI, "五、（十九）"),
    ],
)
def test_expected_clause_in_top_three(retriever: HybridRetriever, query: str, doc_id: str, clause: str) -> None:
    hits = lookup(retriever, query, top_k=3).hits
    assert (doc_id, clause) in [(h.chunk.doc_id, h.chunk.clause_path) for h in hits]


def test_unknown_place_restricts_to_national_documents(retriever: HybridRetriever) -> None:
    response = lookup(retriever, "上海的职业培训补贴")
    assert [p.name for p in response.understanding.uncovered] == ["上海市"]
    shown = response.hits + response.suggestions  # national clauses only, relevant or merely the nearest
    assert shown and {h.chunk.region for h in shown} == {NATIONAL}


def test_a_document_named_by_number_is_preferred_not_a_filter(retriever: HybridRetriever) -> None:
    response = lookup(retriever, "京政发〔2011〕33号 首席技师")
    assert response.filters is None or response.filters.doc_ids is None
    assert response.hits[0].chunk.doc_id == BJ2011


def test_document_named_by_year_is_preferred(retriever: HybridRetriever) -> None:
    response = lookup(retriever, "2007年那个文件里高级技师怎么引进", top_k=3)
    assert response.hits[0].chunk.doc_id == BJ2007


def test_old_policy_questions_prefer_the_superseded_document(retriever: HybridRetriever) -> None:
    newer = retriever.search("北京 高技能人才 引进", top_k=1).hits[0].chunk
    older = retriever.search("北京老政策里 高技能人才 引进", top_k=1).hits[0].chunk
    assert (newer.doc_id, older.doc_id) == (BJ2011, BJ2007)


def test_asking_whether_an_old_document_still_applies_includes_its_successor(retriever: HybridRetriever) -> None:
    response = lookup(retriever, "北京07年的高技能人才文件现在还执行吗", top_k=6)
    assert response.hits[0].chunk.kind == "preamble"  # the header says what the document is and who approved it
    assert {BJ2007, BJ2011} <= {h.chunk.doc_id for h in response.hits}
    named_only = lookup(retriever, "北京07年的高技能人才文件里技师怎么引进", top_k=1)
    assert named_only.hits[0].chunk.doc_id == BJ2007


@pytest.mark.parametrize(
    ("query", "row"), [("石家庄有没有入选百城技能振兴", "河北："), ("北碚在不在百城技能振兴里", "重庆：")]
)
def test_table_rows_naming_the_place_or_its_province_rank_high(
    retriever: HybridRetriever, query: str, row: str
) -> None:
    rows = [h.chunk.text for h in lookup(retriever, query, top_k=3).hits if h.chunk.kind == "table_row"]
    assert any(text.startswith(row) for text in rows)


def test_national_level_questions_put_national_text_first(retriever: HybridRetriever) -> None:
    response = retriever.search("国家层面 职业培训 覆盖哪些人群")
    assert response.filters.is_empty()  # naming the national level ranks, it does not filter
    assert response.hits[0].chunk.region == NATIONAL


def test_explicit_filters_win_over_the_query(retriever: HybridRetriever) -> None:
    response = retriever.search("北京 职工教育经费", filters=SearchFilters(regions=["石家庄市"]))
    assert response.hits and {h.chunk.region for h in response.hits} == {"石家庄市"}
    response = retriever.search("职工教育经费", filters=SearchFilters(doc_ids=[BEIBEI]))
    assert {h.chunk.doc_id for h in response.hits} == {BEIBEI}
    response = retriever.search("北京 高技能人才", top_k=10, filters=SearchFilters(statuses=["in_force"]))
    assert response.hits and all(h.chunk.status == "in_force" for h in response.hits)


def test_search_itself_never_filters_by_the_query(retriever: HybridRetriever) -> None:
    response = retriever.search("北京 职业技能培训", top_k=50)
    assert response.filters.is_empty()
    assert len({h.chunk.region for h in response.hits}) > 1


def test_response_contract_and_ranks(retriever: HybridRetriever) -> None:
    response = retriever.search("技能提升补贴", top_k=4)
    contract = response.contract()
    assert contract["query"] == "技能提升补贴"
    assert contract["results"] and len(contract["results"]) + len(contract["suggestions"]) == 4
    for row in contract["results"] + contract["suggestions"]:
        assert {"id", "doc_id", "title", "doc_number", "region", "clause", "text", "score", "relevance"} <= set(row)
    everything = sorted(response.hits + response.suggestions, key=lambda h: h.rank)
    assert [h.rank for h in everything] == [1, 2, 3, 4]  # fused ranks, split into relevant hits and suggestions
    assert [h.score for h in everything] == sorted((h.score for h in everything), reverse=True)
    assert all(h.dense_rank or h.lexical_rank for h in everything)


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("", "不能为空"),
        ("   \n\t ", "不能为空"),
        ("？！……。，", "纯标点或表情"),
        ("😀🎉👍", "纯标点或表情"),
        ("补" * 20_000, "过长"),
    ],
)
def test_bad_queries_are_rejected_in_chinese(retriever: HybridRetriever, query: str, message: str) -> None:
    with pytest.raises(UserInputError, match=message):
        retriever.search(query)


@pytest.mark.parametrize("top_k", [0, -1, 51])
def test_bad_top_k(retriever: HybridRetriever, top_k: int) -> None:
    with pytest.raises(UserInputError, match="返回条数"):
        retriever.search("补贴", top_k=top_k)


class KeywordScorer:
    """A CrossEncoder stand-in: scores a pair by whether the text mentions a keyword."""

    def __init__(self, keyword: str) -> None:
        self.keyword = keyword
        self.calls = 0

    def predict(self, sentences: list[tuple[str, str]], **_: object) -> list[float]:
        self.calls += 1
        return [float(self.keyword in text) for _query, text in sentences]


def test_reranker_reorders_candidates(retriever: HybridRetriever) -> None:
    scorer = KeywordScorer("税前扣除")
    reranking = HybridRetriever(
        index_dir=retriever.index_dir,
        embedder=retriever.embedder,
        tokenizer=retriever.tokenizer,
        reranker=CrossEncoderReranker(scorer),
    )
    hits = reranking.search("职工教育经费", top_k=3).hits
    assert scorer.calls == 1
    assert "税前扣除" in hits[0].chunk.text and hits[0].score == 1.0


@pytest.mark.parametrize(
    "filters",
    [
        SearchFilters(),
        SearchFilters(regions=["石家庄市", NATIONAL]),
        SearchFilters(doc_ids=[BJ2007, BJ2011], statuses=["in_force"]),
        SearchFilters(regions=["北京市"], doc_ids=[SJZ]),
        SearchFilters(regions=["不存在的地方"]),
    ],
)
def test_filter_index_matches_checking_every_chunk(retriever: HybridRetriever, filters: SearchFilters) -> None:
    snapshot = retriever.snapshot()
    expected = {
        chunk.id
        for chunk in snapshot.chunks.values()
        if (filters.regions is None or chunk.region in filters.regions)
        and (filters.doc_ids is None or chunk.doc_id in filters.doc_ids)
        and (filters.statuses is None or chunk.status in filters.statuses)
    }
    allowed = snapshot.filter_index.allowed(filters)
    assert (set(snapshot.chunks) if allowed is None else allowed) == expected
    assert (allowed is None) == filters.is_empty()
    # the same filter (in any order) gives back the same set, so BM25 can reuse its mask
    same = filters.model_copy(update={"regions": filters.regions[::-1] if filters.regions else filters.regions})
    assert snapshot.filter_index.allowed(same) is allowed


def test_dense_restriction_by_ids_equals_the_where_filter(retriever: HybridRetriever) -> None:
    snapshot = retriever.snapshot()
    filters = SearchFilters(regions=["石家庄市", NATIONAL])
    vector = retriever.embedder.embed_query("技能提升补贴标准")
    where = {"region": {"$in": filters.regions}}
    by_where = snapshot.vectors.query(vector, limit=20, where=where)
    by_ids = snapshot.vectors.query(vector, limit=20, where=where, allowed_ids=snapshot.filter_index.allowed(filters))
    assert by_ids == by_where
    assert {snapshot.chunks[cid].region for cid in by_ids} <= set(filters.regions)
