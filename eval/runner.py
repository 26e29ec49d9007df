"""One eval run: a fresh index of the corpus in a temp dir, our retriever and the LangChain baseline on the same
gold items with the same embedder, plus (when an answer engine exists) the answer metrics.

The temp index keeps the run reproducible and never touches the user's ``data/index``.
"""

from __future__ import annotations

import importlib
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field

from eval.answer_eval import AnswerScores, run_answer_eval, score_answers, score_by
from eval.gold import GoldItem
from eval.retrieval_eval import DEFAULT_TOP_K, RetrieverSearch, SystemReport, evaluate, retrieval_items
from ingest.settings import EmbeddingBackend, Settings
from retriever.protocols import Embedder


class EmbedderSpeed(BaseModel):
    embedder: str
    dimension: int
    chunks: int
    load_s: float = Field(description="First call: model load + one short text.")
    embed_s: float = Field(description="Embedding every chunk of the corpus once, model warm.")
    chunks_per_s: float
    ingest_s: float = Field(description="Full ingest (parse + embed + Chroma + BM25) into a fresh index.")


class AnswerSection(BaseModel):
    engine: str
    overall: AnswerScores
    by_type: dict[str, AnswerScores]
    failures: list[dict[str, Any]]


class EvalRun(BaseModel):
    created_at: str
    embedding_backend: str
    gold_items: int
    retrieval_items: int
    top_k: int
    speed: EmbedderSpeed
    ours: SystemReport
    baseline: SystemReport | None = None
    baseline_chunks: int | None = None
    answers: AnswerSection | None = None
    answers_note: str | None = None


def measure_embedder(embedder: Embedder, texts: list[str]) -> tuple[float, float]:
    """(load seconds, seconds to embed ``texts`` warm)."""
    started = time.perf_counter()
    embedder.embed_query("预热")
    loaded = time.perf_counter()
    embedder.embed_documents(texts)
    return loaded - started, time.perf_counter() - loaded


def _answer_section(settings: Settings, retriever: Any, items: list[GoldItem]) -> tuple[AnswerSection | None, str]:
    """Answer metrics over the offline engine, once ``assistant.factory.build_engine`` exists."""
    try:
        factory = importlib.import_module("assistant.factory")
    except ModuleNotFoundError:
        return None, "assistant.factory 尚未实现，未评测回答 / answer engine not available yet"
    engine = factory.build_engine(settings, retriever)
    checks = run_answer_eval(engine, items)
    failures = [
        check.model_dump(include={"item_id", "type", "expected_status", "status", "missing_facts", "forbidden_found"})
        for check in checks
        if not (check.status_ok and check.facts_ok)
    ]
    section = AnswerSection(
        engine=getattr(engine, "name", type(engine).__name__),
        overall=score_answers(checks),
        by_type=score_by(checks, key=lambda check: check.type),
        failures=failures,
    )
    return section, ""


def run_eval(
    settings: Settings,
    items: list[GoldItem],
    *,
    backend: EmbeddingBackend | None = None,
    top_k: int = DEFAULT_TOP_K,
    with_baseline: bool = True,
    with_answers: bool = False,
) -> EvalRun:
    from retriever.embedders import build_embedder
    from retriever.factory import open_retriever
    from retriever.index import ingest_paths

    with tempfile.TemporaryDirectory(prefix="policy-eval-", ignore_cleanup_errors=True) as work:
        run_settings = settings.model_copy(
            update={
                "index_dir": Path(work) / "index",
                "state_dir": Path(work) / "state",  # engine logs stay out of the user's data dir
                "embedding_backend": backend or settings.embedding_backend,
                "chroma_url": None,
                "llm_base_url": None,  # the answer eval measures the offline engine
            }
        )
        embedder = build_embedder(run_settings)
        report = ingest_paths(run_settings, [settings.data_dir], embedder=embedder)
        retriever = open_retriever(run_settings, embedder=embedder)
        texts = [chunk.embed_text() for doc in retriever.documents() for chunk in retriever.chunks_of(doc.doc_id)]
        load_s, embed_s = measure_embedder(embedder, texts)
        speed = EmbedderSpeed(
            embedder=embedder.name,
            dimension=embedder.dimension,
            chunks=len(texts),
            load_s=round(load_s, 3),
            embed_s=round(embed_s, 3),
            chunks_per_s=round(len(texts) / embed_s, 1) if embed_s > 0 else 0.0,
            ingest_s=round(report.elapsed_s, 3),
        )
        ours = evaluate(RetrieverSearch(retriever), items, top_k)
        baseline, baseline_chunks = None, None
        if with_baseline:
            from eval.baseline import LangChainBaseline

            system = LangChainBaseline.from_directory(settings.data_dir, embedder, candidates=top_k)
            baseline, baseline_chunks = evaluate(system, items, top_k), len(system.chunks)
        answers, note = _answer_section(run_settings, retriever, items) if with_answers else (None, "")
        return EvalRun(
            created_at=datetime.now(UTC).isoformat(timespec="seconds"),
            embedding_backend=run_settings.embedding_backend,
            gold_items=len(items),
            retrieval_items=len(retrieval_items(items)),
            top_k=top_k,
            speed=speed,
            ours=ours,
            baseline=baseline,
            baseline_chunks=baseline_chunks,
            answers=answers,
            answers_note=note or None,
        )
