"""The search relevance cut-off: the pure decision, and the real retriever saying "nothing relevant"."""

from __future__ import annotations

import pytest
from support import BEIJING_2007, BEIJING_2011, clause_chunk

from retriever.lookup import lookup
from retriever.models import SearchFilters, SearchHit, SearchResponse
from retriever.relevance import Candidate, QueryTerms, apply, judge, query_terms, split_hits
from retriever.understanding import Understanding


def _terms(weights: dict[str, float], **kwargs) -> QueryTerms:
    return QueryTerms(weights=weights, **kwargs)


def test_full_coverage_of_known_terms_is_relevant_and_high_when_rankings_agree() -> None:
    terms = _terms({"技能提升补贴": 4.0, "失业保险": 3.0})
    verdict = judge(terms, "取得证书的给予技能提升补贴，参加失业保险", dense_rank=1, lexical_rank=2)
    assert verdict.relevant and verdict.level == "高" and verdict.coverage == 1.0
    alone = judge(terms, "取得证书的给予技能提升补贴，参加失业保险", dense_rank=None, lexical_rank=2)
    assert alone.relevant and alone.level == "中"  # no agreement: relevant, but not 高


def test_rare_terms_outweigh_common_ones() -> None:
    terms = _terms({"培训": 0.5, "量子": 5.0})
    verdict = judge(terms, "职业技能培训", dense_rank=30, lexical_rank=1)
    assert not verdict.relevant and verdict.level == "低" and verdict.coverage == pytest.approx(0.5 / 5.5)


def test_rank_agreement_lowers_the_coverage_needed() -> None:
    terms = _terms({"学徒制": 3.6, "发给": 4.5, "单位": 1.6})
    text = "企业新型学徒制"
    assert not judge(terms, text, dense_rank=40, lexical_rank=1).relevant
    assert judge(terms, text, dense_rank=1, lexical_rank=1).relevant


def test_expansions_count_as_found() -> None:
    terms = _terms({"考证": 5.0}, alternatives={"考证": ("职业资格证书",)})
    assert judge(terms, "取得职业资格证书的", dense_rank=None, lexical_rank=None).coverage == 1.0


def test_query_of_unknown_words_only_matches_nothing_but_a_named_place_alone_does() -> None:
    gibberish = _terms({}, unknown=("asdfghjkl",))
    assert not judge(gibberish, "任何条款", dense_rank=1, lexical_rank=1).relevant
    nothing = _terms({})
    assert not judge(nothing, "任何条款", dense_rank=1, lexical_rank=1).relevant
    place_only = _terms({}, named=True)
    assert judge(place_only, "任何条款", dense_rank=1, lexical_rank=1).relevant


def test_query_terms_drop_places_question_words_digits_and_single_characters() -> None:
    frequencies = {"技能": 40, "补贴": 20, "失业保险": 3}
    terms = query_terms(
        "北京|15|个|失业保险|技能|补贴|多少|量子|补贴",
        tokenize=lambda text: [token.strip() for token in text.split("|") if token.strip()],
        frequency=lambda term: frequencies.get(term, 0),
        size=100,
        expansions=lambda term: [],
        ignore={"北京"},
        skip=frozenset({"多少"}),
    )
    assert set(terms.weights) == {"失业保险", "技能", "补贴"}
    assert terms.unknown == ("量子",)
    assert terms.weights["失业保险"] > terms.weights["补贴"] > terms.weights["技能"]  # rarer weighs more


def test_split_hits_keeps_order_and_labels_every_hit() -> None:
    terms = _terms({"补贴": 2.0})
    candidates = [
        Candidate("a", "无关内容", 1, 1),
        Candidate("b", "给予补贴", 3, 2),
        Candidate("c", "补贴标准", None, 4),
    ]
    relevant, suggestions, levels = split_hits(terms, candidates)
    assert relevant == ["b", "c"] and suggestions == ["a"]
    assert levels == {"a": "低", "b": "高", "c": "中"}


def _hits(*rows: tuple[str, str, str]) -> list[SearchHit]:
    """Fused-ranked hits of made-up clauses: (document, clause path, text) best first."""
    return [SearchHit(chunk=clause_chunk(path, text, doc_id=doc, id=f"{doc}-{path}"), score=1.0 / rank, rank=rank)
            for rank, (doc, path, text) in enumerate(rows, start=1)]


def test_the_rest_of_a_relevant_document_follows_its_relevant_clauses() -> None:
    """A question about 创业担保贷款贴息 whose answer (the rate, under a heading of its own) shares few of its words:
    the clause naming the loan passes the cut, the rate clause of the same document follows it (低), a clause of
    another document stays a suggestion."""
    terms = _terms({"创业担保贷款": 5.0, "贴息": 4.0, "比例": 2.0})
    hits = _hits(
        ("县", "二、（二）2", "按贷款基准利率的50%给予财政补助。"),  # the answer: none of the question's words
        ("市", "三、", "积极开展职业技能培训。"),
        ("县", "二、（二）1", "符合条件的创业者可申请创业担保贷款贴息。"),
    )
    kept, suggestions = apply(terms, hits)
    assert [h.chunk.id for h in kept] == ["县-二、（二）1", "县-二、（二）2"]
    assert [h.relevance for h in kept] == ["中", "低"]
    assert [h.rank for h in kept] == [3, 1]  # the fused rank stays, for callers weighing it
    assert [h.chunk.id for h in suggestions] == ["市-三、"]


def test_no_relevant_clause_means_no_document_to_follow() -> None:
    """Noise stays noise: with nothing passing the cut, every hit is a suggestion, whatever its document."""
    terms = _terms({"量子": 5.0})
    hits = _hits(("县", "一、", "积极开展职业技能培训。"), ("县", "二、", "给予培训补贴。"))
    kept, suggestions = apply(terms, hits)
    assert kept == [] and len(suggestions) == 2


def test_a_response_tells_judged_hits_from_those_below_the_cut() -> None:
    """Callers with a support judgement of their own (the offline engine) look at the hits judged relevant first,
    and at the rest (kept for their document, then suggestions) in fused rank order."""
    terms = _terms({"创业担保贷款": 5.0, "贴息": 4.0})
    hits = _hits(("县", "二、（二）2", "按基准利率的50%给予补助。"), ("市", "三、", "开展培训。"),
                 ("县", "二、（二）1", "可申请创业担保贷款贴息。"))
    kept, suggestions = apply(terms, hits)
    response = SearchResponse(query="q", understanding=Understanding(text="q", normalized="q"),
                              filters=SearchFilters(), hits=kept, suggestions=suggestions, elapsed_ms=0.0)
    assert [h.chunk.id for h in response.judged_relevant()] == ["县-二、（二）1"]
    assert [h.chunk.id for h in response.below_cut()] == ["县-二、（二）2", "市-三、"]


def test_question_words_never_count_as_content(retriever) -> None:
    """The knowledge file's question words are skipped: 多少/怎么 alone leave nothing to match."""
    assert {"多少", "怎么", "哪些"} <= retriever.knowledge.question_words
    response = retriever.search("多少 怎么 哪些", top_k=5)
    assert response.hits == []


# ---------------------------------------------------------------- the real retriever


NONSENSE = ["量子纠缠", "今天天气怎么样", "how to bake sourdough bread", "嗯嗯好的", "asdfghjkl"]


@pytest.mark.parametrize("query", NONSENSE)
def test_nonsense_gets_no_results_only_suggestions(retriever, query: str) -> None:
    response = retriever.search(query, top_k=5)
    assert response.hits == []
    contract = response.contract()
    assert contract["results"] == []
    assert all(item["relevance"] == "低" for item in contract["suggestions"])


def test_a_real_question_keeps_its_clause_with_a_level(retriever) -> None:
    response = retriever.search("石家庄 技能提升补贴 失业保险", top_k=5)
    assert response.hits, "a real lookup must find clauses"
    first = response.contract()["results"][0]
    assert first["clause"] == "三、（一）3" and first["relevance"] in ("高", "中")
    assert first["heading"]


def test_relevance_eval_keeps_every_gold_clause(retriever) -> None:
    """The dev gold set: the cut-off never hides the clause an answerable question needs."""
    from eval.gold import load_gold
    from eval.relevance_eval import load_nonsense, measure

    report = measure(retriever, load_gold(), load_nonsense())
    assert report.kept == report.answerable, report.lost
    assert report.refused >= 0.75 * report.nonsense, report.leaked


def test_a_named_document_stays_relevant_whatever_its_wording(retriever) -> None:
    """"北京07年的文件现在还执行吗": the named document and its successor are what is asked about."""
    response = lookup(retriever, "北京07年的高技能人才文件现在还执行吗", top_k=6)
    kept = {h.chunk.doc_id for h in response.hits}
    assert {BEIJING_2007, BEIJING_2011} <= kept
    assert all(h.relevance in ("高", "中") for h in response.hits)
