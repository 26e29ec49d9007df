"""The LangChain-recipe baseline, built the way a careful user would from the LangChain docs.

Raw documents → ``RecursiveCharacterTextSplitter`` (Chinese separators, 500 chars, 50 overlap) → dense vectors
with the SAME offline embedder as ours (wrapped as LangChain ``Embeddings``) in ``InMemoryVectorStore`` +
``BM25Retriever`` (rank_bm25, jieba tokens) → ``EnsembleRetriever`` (weighted reciprocal-rank fusion, c=60).
No clause structure, no metadata, no query analysis — that is the point of the comparison.

Needs ``langchain-classic``, ``langchain-community`` and ``rank-bm25``: the ``[eval]`` extra, not the product's
dependencies.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from langchain_core.documents import Document
from langchain_core.embeddings import Embeddings

from eval.metrics import Passage
from ingest.errors import UserInputError
from retriever.protocols import Embedder

CHUNK_SIZE = 500
CHUNK_OVERLAP = 50
# Paragraphs, lines, then Chinese sentence and clause punctuation, then anything.
CHINESE_SEPARATORS = ["\n\n", "\n", "。", "；", "！", "？", "，", "、", " ", ""]
_TOKEN_KEEP = re.compile(r"\w")
BASELINE_PACKAGES = "'.[eval]'（langchain-classic langchain-community rank-bm25）"


class EmbedderEmbeddings(Embeddings):
    """Our ``Embedder`` seen through LangChain's ``Embeddings`` interface."""

    def __init__(self, embedder: Embedder) -> None:
        self._embedder = embedder

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return self._embedder.embed_documents(texts)

    def embed_query(self, text: str) -> list[float]:
        return self._embedder.embed_query(text)


def jieba_tokens(text: str) -> list[str]:
    """jieba search-mode tokens without punctuation/whitespace — BM25Retriever's default splits on spaces only."""
    import jieba

    return [token for token in jieba.lcut_for_search(text.lower()) if _TOKEN_KEEP.search(token)]


def load_raw_documents(*data_dirs: Path) -> list[Document]:
    """The files as-is (what ``TextLoader`` gives), with the file stem as ``doc_id``."""
    documents = []
    for path in sorted(path for data_dir in data_dirs for path in data_dir.iterdir()):
        if path.suffix in (".txt", ".md"):
            text = path.read_text(encoding="utf-8")
            documents.append(Document(page_content=text, metadata={"doc_id": path.stem, "source": path.name}))
    return documents


def split_documents(documents: list[Document]) -> list[Document]:
    from langchain_text_splitters import RecursiveCharacterTextSplitter

    splitter = RecursiveCharacterTextSplitter(
        separators=CHINESE_SEPARATORS,
        chunk_size=CHUNK_SIZE,
        chunk_overlap=CHUNK_OVERLAP,
        keep_separator="end",
        strip_whitespace=True,
    )
    return splitter.split_documents(documents)


class LangChainBaseline:
    """Hybrid BM25 + dense retrieval fused by LangChain's EnsembleRetriever."""

    name = "langchain-baseline"

    def __init__(self, chunks: list[Document], embedder: Embedder, *, candidates: int = 10) -> None:
        try:
            from langchain_classic.retrievers import EnsembleRetriever
            from langchain_community.retrievers import BM25Retriever
        except ImportError as exc:
            raise UserInputError(
                f"基线评测需要安装评测依赖：pip install -e {BASELINE_PACKAGES}，或用 --no-baseline 跳过",
                f"the LangChain baseline needs the eval extra: pip install -e '.[eval]' ({exc.name} missing)",
            ) from None
        from langchain_core.vectorstores import InMemoryVectorStore

        self.chunks = chunks
        self.candidates = candidates
        self._store = InMemoryVectorStore(EmbedderEmbeddings(embedder))
        self._store.add_documents(chunks)
        self._bm25 = BM25Retriever.from_documents(chunks, preprocess_func=jieba_tokens, k=candidates)
        self._dense = self._store.as_retriever(search_kwargs={"k": candidates})
        self._ensemble: Any = EnsembleRetriever(retrievers=[self._bm25, self._dense], weights=[0.5, 0.5])

    @classmethod
    def from_directories(
        cls, data_dirs: Sequence[Path], embedder: Embedder, *, candidates: int = 10
    ) -> LangChainBaseline:
        return cls(split_documents(load_raw_documents(*data_dirs)), embedder, candidates=candidates)

    def passages(self, query: str, top_k: int) -> list[Passage]:
        self._bm25.k = max(top_k, self.candidates)
        self._dense.search_kwargs["k"] = max(top_k, self.candidates)
        documents = self._ensemble.invoke(query)[:top_k]
        return [Passage(doc_id=doc.metadata["doc_id"], text=doc.page_content) for doc in documents]
