"""The ``Retriever`` contract (haystack's DocumentStoreBaseTests style): one suite, every implementation runs it.

Implementations: ``HybridRetriever`` over the real index, and ``TrustedRetriever`` wrapping it (what the answer
engines get). A new implementation subclasses ``RetrieverContract`` and provides the ``subject`` fixture.
"""

from __future__ import annotations

import pytest

from ingest.errors import UserInputError
from retriever.models import SearchFilters, SearchResponse
from retriever.protocols import Retriever
from retriever.understanding import Understanding


class RetrieverContract:
    """Subclasses run the suite on one implementation by defining the ``subject`` fixture (pytest finds it on
    the subclass; a subclass without one fails with "fixture 'subject' not found")."""

    def test_understand_returns_the_shared_record(self, subject: Retriever) -> None:
        understanding = subject.understand("北京海淀的职工教育经费比例是多少")
        assert isinstance(understanding, Understanding)
        assert [p.name for p in understanding.places] == ["海淀区"] and "北京市" in understanding.regions

    def test_search_ranks_and_respects_top_k(self, subject: Retriever) -> None:
        response = subject.search("职工教育经费 提取比例", top_k=3)
        assert isinstance(response, SearchResponse) and 1 <= len(response.hits) <= 3
        assert [h.rank for h in response.hits] == list(range(1, len(response.hits) + 1))
        assert all(a.score >= b.score for a, b in zip(response.hits, response.hits[1:], strict=False))

    def test_explicit_filters_restrict(self, subject: Retriever) -> None:
        response = subject.search("职工教育经费", top_k=5, filters=SearchFilters(regions=["重庆市北碚区"]))
        assert response.hits and {h.chunk.region for h in response.hits} == {"重庆市北碚区"}

    def test_a_given_understanding_is_used_not_recomputed(self, subject: Retriever) -> None:
        understanding = subject.understand("石家庄 学徒制补贴")
        response = subject.search("石家庄 学徒制补贴", understanding=understanding)
        assert response.understanding == understanding

    def test_documents_chunks_and_ids_round_trip(self, subject: Retriever) -> None:
        documents = subject.documents()
        assert documents
        chunks = subject.chunks_of(documents[0].doc_id)
        assert chunks and all(c.doc_id == documents[0].doc_id for c in chunks)
        assert subject.get_chunk(chunks[0].id) == chunks[0]
        assert subject.get_chunk("no-such-chunk") is None

    @pytest.mark.parametrize("query", ["", "   ", "？？！！"])
    def test_bad_queries_are_a_chinese_user_error(self, subject: Retriever, query: str) -> None:
        with pytest.raises(UserInputError) as error:
            subject.search(query)
        assert error.value.zh


class TestHybridRetriever(RetrieverContract):
    @pytest.fixture
    def subject(self, retriever) -> Retriever:
        return retriever


class TestTrustedRetriever(RetrieverContract):
    @pytest.fixture
    def subject(self, retriever) -> Retriever:
        from assistant.trust import TrustedRetriever

        return TrustedRetriever(retriever)
