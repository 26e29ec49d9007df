"""One eval run over several gold sets: a temp index per document library (sets sharing their documents share
the index), one embedder for all, our retriever and the LangChain baseline on the same items, and the offline
answer engine in-process.

The temp indexes keep the run reproducible and never touch the user's ``data/index``.
"""

from __future__ import annotations

import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field

from eval.answer_eval import AnswerCheck, AnswerScores, run_answer_eval, score_answers, score_by, score_by_category
from eval.gold import CorpusText, GoldItem, load_gold, require_valid
from eval.retrieval_eval import DEFAULT_TOP_K, RetrieverSearch, SystemReport, evaluate, retrieval_items
from eval.sets import EvalSet
from ingest.settings import EmbeddingBackend, Settings
from retriever.protocols import Embedder

Progress = Callable[[str], None]
REPO_ROOT = Path(__file__).resolve().parent.parent


def shown_path(path: Path) -> str:
    """Repo-relative when inside the repo, so committed results carry no machine-specific paths."""
    try:
        return str(path.resolve().relative_to(REPO_ROOT))
    except ValueError:
        return str(path)


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
    by_category: dict[str, AnswerScores] = Field(default_factory=dict)
    by_type: dict[str, AnswerScores]
    failures: list[AnswerCheck] = Field(default_factory=list, description="Empty for holdout sets.")
    failure_ids: list[str] = Field(default_factory=list)
    elapsed_s: float = 0.0


class SetReport(BaseModel):
    """Everything measured on one gold set. For a holdout set, only aggregates and ids (see ``hide_details``)."""

    name: str
    gold: str
    docs: list[str]
    holdout: bool
    items: int
    retrieval_items: int
    documents: int = Field(description="Documents in the index the set ran on.")
    chunks: int
    ours: SystemReport
    baseline: SystemReport | None = None
    baseline_chunks: int | None = None
    answers: AnswerSection | None = None
    miss_ids: list[str] = Field(default_factory=list, description="Items whose gold clause is not ranked first.")

    def hide_details(self) -> SetReport:
        """The holdout view: no question texts, expected facts or retrieved texts — aggregates and ids only."""
        systems = {
            key: system.model_copy(update={"misses": []}) if system else None
            for key, system in (("ours", self.ours), ("baseline", self.baseline))
        }
        answers = self.answers.model_copy(update={"failures": []}) if self.answers else None
        return self.model_copy(update={**systems, "answers": answers})


class SuiteRun(BaseModel):
    created_at: str
    embedding_backend: str
    top_k: int
    sets: list[SetReport]
    speed: EmbedderSpeed | None = Field(None, description="Embedder speed on the first library (when measured).")


class EvalRun(BaseModel):
    """One set's retrieval run with embedder speed: what ``--save`` writes and ``eval.compare`` combines."""

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


def answer_section(engine: Any, items: Sequence[GoldItem], *, hidden: bool) -> AnswerSection:
    started = time.perf_counter()
    checks = run_answer_eval(engine, items)
    failures = [check for check in checks if not check.answer_ok]
    return AnswerSection(
        engine=getattr(engine, "name", type(engine).__name__),
        overall=score_answers(checks),
        by_category=score_by_category(checks),
        by_type=score_by(checks, key=lambda check: check.type),
        failures=[] if hidden else failures,
        failure_ids=[check.item_id for check in failures],
        elapsed_s=round(time.perf_counter() - started, 2),
    )


class Library:
    """A temp index of some document directories, with its retriever and (lazily) engine and LangChain baseline."""

    def __init__(self, settings: Settings, docs: tuple[Path, ...], embedder: Embedder) -> None:
        from retriever.factory import open_retriever
        from retriever.index import ingest_paths

        self.settings, self.docs, self.embedder = settings, docs, embedder
        self.ingest = ingest_paths(settings, list(docs), embedder=embedder)
        self.retriever = open_retriever(settings, embedder=embedder)
        self.corpus = CorpusText.from_directories(docs)
        self._engine: Any = None
        self._baseline: Any = None

    def chunk_texts(self) -> list[str]:
        return [c.embed_text() for doc in self.retriever.documents() for c in self.retriever.chunks_of(doc.doc_id)]

    def speed(self) -> EmbedderSpeed:
        texts = self.chunk_texts()
        load_s, embed_s = measure_embedder(self.embedder, texts)
        return EmbedderSpeed(
            embedder=self.embedder.name,
            dimension=self.embedder.dimension,
            chunks=len(texts),
            load_s=round(load_s, 3),
            embed_s=round(embed_s, 3),
            chunks_per_s=round(len(texts) / embed_s, 1) if embed_s > 0 else 0.0,
            ingest_s=round(self.ingest.elapsed_s, 3),
        )

    @property
    def engine(self) -> Any:
        if self._engine is None:
            from assistant.factory import build_engine

            self._engine = build_engine(self.settings, self.retriever)
        return self._engine

    def baseline(self, top_k: int) -> Any:
        if self._baseline is None:
            from eval.baseline import LangChainBaseline

            self._baseline = LangChainBaseline.from_directories(self.docs, self.embedder, candidates=top_k)
        return self._baseline

    def evaluate(
        self, eval_set: EvalSet, items: list[GoldItem], *, top_k: int, with_baseline: bool, with_answers: bool
    ) -> SetReport:
        ours = evaluate(RetrieverSearch(self.retriever), items, top_k)
        baseline = self.baseline(top_k) if with_baseline else None
        report = SetReport(
            name=eval_set.name,
            gold=shown_path(eval_set.gold),
            docs=[shown_path(path) for path in eval_set.docs],
            holdout=eval_set.holdout,
            items=len(items),
            retrieval_items=len(retrieval_items(items)),
            documents=len(self.retriever.documents()),
            chunks=self.ingest.chunk_count,
            ours=ours,
            baseline=evaluate(baseline, items, top_k) if baseline else None,
            baseline_chunks=len(baseline.chunks) if baseline else None,
            answers=answer_section(self.engine, items, hidden=eval_set.holdout) if with_answers else None,
            miss_ids=[miss.item_id for miss in ours.misses],
        )
        return report.hide_details() if eval_set.holdout else report


def load_sets(sets: Sequence[EvalSet]) -> dict[str, list[GoldItem]]:
    """Parse every set and check its gold clauses against its documents before anything is indexed."""
    loaded: dict[str, list[GoldItem]] = {}
    corpora: dict[tuple[Path, ...], CorpusText] = {}
    for eval_set in sets:
        items = load_gold(eval_set.gold)
        if eval_set.docs not in corpora:
            corpora[eval_set.docs] = CorpusText.from_directories(eval_set.docs)
        require_valid(items, corpora[eval_set.docs], eval_set.gold.name)
        loaded[eval_set.name] = items
    return loaded


@contextmanager
def eval_settings(settings: Settings, backend: EmbeddingBackend | None) -> Iterator[Settings]:
    """Settings for a throwaway run: temp index and state dirs, local Chroma, no LLM (the offline engine)."""
    with tempfile.TemporaryDirectory(prefix="policy-eval-", ignore_cleanup_errors=True) as work:
        yield settings.model_copy(
            update={
                "index_dir": Path(work) / "index",
                "state_dir": Path(work) / "state",  # engine logs stay out of the user's data dir
                "embedding_backend": backend or settings.embedding_backend,
                "chroma_url": None,
                "llm_base_url": None,  # the answer eval measures the offline engine
            }
        )


def run_suite(
    settings: Settings,
    sets: Sequence[EvalSet],
    *,
    backend: EmbeddingBackend | None = None,
    top_k: int = DEFAULT_TOP_K,
    with_baseline: bool = True,
    with_answers: bool = True,
    with_speed: bool = False,
    progress: Progress | None = None,
) -> SuiteRun:
    from retriever.embedders import build_embedder

    loaded = load_sets(sets)
    libraries: dict[tuple[Path, ...], list[EvalSet]] = {}
    for eval_set in sets:
        libraries.setdefault(eval_set.docs, []).append(eval_set)
    reports: list[SetReport] = []
    speed = None
    with eval_settings(settings, backend) as run_settings:
        embedder = build_embedder(run_settings)
        for number, (docs, members) in enumerate(libraries.items()):
            library_settings = run_settings.model_copy(
                update={
                    "data_dir": docs[0],
                    "index_dir": run_settings.index_dir / str(number),
                    "state_dir": run_settings.state_dir / str(number),
                }
            )
            library = Library(library_settings, docs, embedder)
            if with_speed and speed is None:
                speed = library.speed()
            for eval_set in members:
                if progress:
                    progress(f"评测 {eval_set.name}（{len(loaded[eval_set.name])} 题）")
                reports.append(
                    library.evaluate(
                        eval_set,
                        loaded[eval_set.name],
                        top_k=top_k,
                        with_baseline=with_baseline,
                        with_answers=with_answers,
                    )
                )
        return SuiteRun(
            created_at=datetime.now(UTC).isoformat(timespec="seconds"),
            embedding_backend=run_settings.embedding_backend,
            top_k=top_k,
            sets=reports,
            speed=speed,
        )


def as_eval_run(suite: SuiteRun, report: SetReport) -> EvalRun | None:
    """The legacy single-set retrieval run (``--save``) for ``eval.compare``; needs a measured speed."""
    if suite.speed is None:
        return None
    return EvalRun(
        created_at=suite.created_at,
        embedding_backend=suite.embedding_backend,
        gold_items=report.items,
        retrieval_items=report.retrieval_items,
        top_k=suite.top_k,
        speed=suite.speed,
        ours=report.ours,
        baseline=report.baseline,
        baseline_chunks=report.baseline_chunks,
        answers=report.answers,
    )
