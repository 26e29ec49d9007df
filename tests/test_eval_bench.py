"""Synthetic corpus generation and the benchmark's report/CLI plumbing (the benchmark itself is not a test)."""

from __future__ import annotations

from pathlib import Path

import pytest

from eval.bench import BenchResult, BenchRow, main, render
from eval.synthetic import sentence_pool, write_corpus
from ingest.pipeline import parse_corpus

POLICIES = Path(__file__).resolve().parent.parent / "data" / "policies"


@pytest.fixture(scope="module")
def real_chunks():
    return [chunk for document in parse_corpus([POLICIES]).documents for chunk in document.chunks]


def test_sentence_pool_holds_real_sentences_without_labels(real_chunks) -> None:
    pool = sentence_pool(real_chunks)
    assert len(pool) > 300
    assert not any(sentence.startswith(("（一）", "(一)", "一、", "1、")) for sentence in pool)
    assert all(sentence[-1] in "。；！？" for sentence in pool)


def test_synthetic_corpus_parses_into_the_requested_clauses(real_chunks, tmp_path: Path) -> None:
    corpus = write_corpus(real_chunks, 250, tmp_path / "a")
    assert (corpus.documents, corpus.clauses) == (3, 250)
    parsed = parse_corpus([tmp_path / "a"])
    assert parsed.problems == []
    clauses = [c for d in parsed.documents for c in d.chunks if c.kind == "clause"]
    assert len(clauses) == 250
    assert {d.meta.region for d in parsed.documents} == {"北京市", "石家庄市", "重庆市北碚区"}
    assert {d.meta.metadata_source for d in parsed.documents} == {"sidecar"}
    again = write_corpus(real_chunks, 250, tmp_path / "b")
    assert again.clauses == 250
    assert (tmp_path / "a" / "synthetic-00001.txt").read_text() == (tmp_path / "b" / "synthetic-00001.txt").read_text()


def test_render_has_one_row_per_corpus() -> None:
    row = BenchRow(
        corpus="合成 1,000",
        chunks=1000,
        vectors="synthetic",
        ingest_s=2.0,
        chunks_per_s=500.0,
        queries=10,
        p50_ms=10.0,
        p95_ms=20.0,
        mean_ms=12.0,
    )
    text = render(BenchResult(created_at="t", embedder="e", machine="m", rows=[row], notes=["说明"]))
    assert "| 合成 1,000 | 1,000 | 合成 | 2.0 | 500.0 | 10.0 | 20.0 | 12.0 |" in text
    assert "- 说明" in text


@pytest.mark.parametrize("sizes", ["abc", "0", "2000000", "10,x"])
def test_bad_sizes_exit_2_with_a_chinese_message(sizes: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["--sizes", sizes])
    assert caught.value.code == 2
    assert "--sizes" in capsys.readouterr().err
