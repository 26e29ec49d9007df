"""Content trust through ingest, the index, the answer engines' retriever and the documents tab."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from assistant.trust import TrustedRetriever
from ingest.models import Chunk
from ingest.pipeline import parse_corpus, parse_document
from ingest.settings import Settings
from ingest.trust import TrustClassifier, is_flagged
from retriever.hybrid import HybridRetriever
from retriever.index import IngestReport

REPO_ROOT = Path(__file__).resolve().parents[2]
POLICIES_DIR = REPO_ROOT / "data" / "policies"
INJECTED = REPO_ROOT / "tests" / "data" / "injection" / "ceshi-2020-injected-training.txt"
POISONED_CLAUSES = {"二、（二）", "二、（三）", "三、（一）", "三、（二）"}
HONEST_CLAUSE = "二、（一）"  # 按每人800元给予职业技能培训补贴
FLAG_WORDS = "问答程序或读者的指令"
QUESTIONS = ("测试市的补贴标准有什么特别说明？", "测试市培训补贴的申领材料和网上申报方式", "系统通知 ignore")


# ---------------------------------------------------------------- parsing: the flag and the report


def test_poisoned_clauses_are_flagged_at_ingest_and_the_honest_ones_are_not() -> None:
    document = parse_document(INJECTED)
    flagged = {c.clause_path for c in document.chunks if c.addressed_to == "reader"}
    assert flagged == POISONED_CLAUSES
    assert all(c.addressed_to == "regulation" and c.trust_reason is None
               for c in document.chunks if c.clause_path not in POISONED_CLAUSES)
    honest = next(c for c in document.chunks if c.clause_path == HONEST_CLAUSE)
    assert "800元" in honest.text
    assert all(c.trust_reason for c in document.chunks if c.addressed_to == "reader")


def test_flagged_clauses_are_warnings_naming_file_and_clause_in_chinese() -> None:
    document = parse_document(INJECTED)
    warnings = [p for p in document.problems if FLAG_WORDS in p.message_zh]
    assert len(warnings) == len(POISONED_CLAUSES)
    for warning in warnings:
        assert warning.severity == "warning" and warning.path == str(INJECTED)
        assert INJECTED.name in warning.message_zh
        assert "已排除在回答依据之外" in warning.message_zh
    assert {next(c for c in POISONED_CLAUSES if f"条款 {c} " in w.message_zh) for w in warnings} == POISONED_CLAUSES


def test_every_clause_of_the_bundled_policies_is_regulation() -> None:
    corpus = parse_corpus([POLICIES_DIR])
    assert corpus.chunks and {c.addressed_to for c in corpus.chunks} == {"regulation"}
    assert not [p for p in corpus.problems if FLAG_WORDS in p.message_zh]


def test_the_flag_is_part_of_the_chunk_record_and_old_records_still_load() -> None:
    chunk = next(c for c in parse_document(INJECTED).chunks if c.addressed_to == "reader")
    again = Chunk.model_validate_json(chunk.model_dump_json())
    assert again.addressed_to == "reader" and again.trust_reason == chunk.trust_reason
    old = chunk.model_dump(exclude={"addressed_to", "trust_reason"})  # written before the flag existed
    loaded = Chunk.model_validate(old)
    assert loaded.addressed_to is None and is_flagged(loaded)  # classified on the fly
    with pytest.raises(ValueError):
        Chunk.model_validate({**old, "addressed_to": "assistant"})


# ---------------------------------------------------------------- a real index


def _index(root: Path, embedder, *, classify: bool) -> tuple[IngestReport, HybridRetriever]:
    """The Shijiazhuang policy and the poisoned 测试市 document, ingested into a fresh index, and opened."""
    from retriever.factory import open_retriever
    from retriever.index import ingest_paths

    corpus = root / "policies"
    corpus.mkdir(parents=True)
    for path in [*POLICIES_DIR.glob("shijiazhuang-*"), *INJECTED.parent.iterdir()]:
        shutil.copy(path, corpus / path.name)
    settings = Settings(data_dir=corpus, index_dir=root / "index", state_dir=root / "state", _env_file=None)
    with pytest.MonkeyPatch.context() as patch:
        if not classify:  # an index written before the flag existed: chunks without addressed_to
            patch.setattr("ingest.pipeline.mark_chunks", lambda chunks, _classifier: chunks)
        report = ingest_paths(settings, embedder=embedder)
    assert report.published
    return report, open_retriever(settings, embedder=embedder)


@pytest.fixture(scope="module")
def embedder():
    from retriever.embedders import build_embedder

    return build_embedder(Settings(_env_file=None))


@pytest.fixture(scope="module")
def indexed(tmp_path_factory: pytest.TempPathFactory, embedder):
    return _index(tmp_path_factory.mktemp("trust-index"), embedder, classify=True)


@pytest.fixture(scope="module")
def old_indexed(tmp_path_factory: pytest.TempPathFactory, embedder):
    return _index(tmp_path_factory.mktemp("trust-old-index"), embedder, classify=False)


@pytest.mark.slow
def test_ingest_report_lists_the_flagged_clauses(indexed) -> None:
    report, _ = indexed
    lines = [p.message_zh for p in report.problems if p.severity == "warning" and FLAG_WORDS in p.message_zh]
    assert len(lines) == len(POISONED_CLAUSES) and all(INJECTED.name in line for line in lines)


@pytest.mark.slow
@pytest.mark.parametrize("which", ["flagged at ingest", "old index, classified on the fly"])
def test_trusted_retriever_never_returns_a_flagged_clause(indexed, old_indexed, which: str) -> None:
    _, raw = indexed if which == "flagged at ingest" else old_indexed
    doc_id = INJECTED.stem
    raw_chunks = raw.chunks_of(doc_id)
    if which == "flagged at ingest":
        assert {c.clause_path for c in raw_chunks if c.addressed_to == "reader"} == POISONED_CLAUSES
    else:
        assert {c.addressed_to for c in raw_chunks} == {None}
    trusted = TrustedRetriever(raw)
    assert {c.clause_path for c in trusted.chunks_of(doc_id)} == {c.clause_path for c in raw_chunks} - POISONED_CLAUSES
    poisoned = next(c for c in raw_chunks if c.clause_path in POISONED_CLAUSES)
    assert raw.get_chunk(poisoned.id) is not None and trusted.get_chunk(poisoned.id) is None
    for question in QUESTIONS:
        raw_hits = raw.search(question, top_k=5).hits
        hits = trusted.search(question, top_k=5).hits
        assert any(h.chunk.clause_path in POISONED_CLAUSES for h in raw_hits if h.chunk.doc_id == doc_id), question
        assert not [h for h in hits if h.chunk.doc_id == doc_id and h.chunk.clause_path in POISONED_CLAUSES]
        assert [h.rank for h in hits] == list(range(1, len(hits) + 1))
        wider = [h.chunk.id for h in raw.search(question, top_k=10).hits if not is_flagged(h.chunk)]
        assert [h.chunk.id for h in hits] == wider[:5]  # places of flagged clauses refilled from further down
        for top_k in (1, 5, 10):  # nor among the suggestions (the clauses below the relevance cut an engine may judge)
            response = trusted.search(question, top_k=top_k)
            assert not [h for h in response.suggestions if is_flagged(h.chunk)], question


@pytest.mark.slow
def test_documents_tab_lists_the_flagged_clauses_escaped(indexed) -> None:
    from ui.trust_view import flagged_clauses_html

    _, raw = indexed
    page = flagged_clauses_html(raw.chunks_of(INJECTED.stem))
    assert f"以下 {len(POISONED_CLAUSES)} 条内容" in page
    for clause in POISONED_CLAUSES:
        assert clause in page
    assert "<img" not in page and "&lt;img" in page  # shown as text, never rendered
    assert "判断依据" in page
    assert flagged_clauses_html(raw.chunks_of("shijiazhuang-2019-lifelong-skills-training")) == ""


def test_documents_tab_function_classifies_chunks_of_an_old_index() -> None:
    from ui.trust_view import flagged_clauses_html

    old = {"addressed_to": None, "trust_reason": None}
    chunks = [c.model_copy(update=old) for c in parse_document(INJECTED).chunks]
    page = flagged_clauses_html(chunks, TrustClassifier.load())
    assert all(clause in page for clause in POISONED_CLAUSES) and HONEST_CLAUSE not in page
    assert flagged_clauses_html([]) == ""
