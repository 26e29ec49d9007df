"""Plain test helpers: a free loopback port, the real Gradio page served for a block of code, and an offline engine
over a fresh index of documents written for a test."""

from __future__ import annotations

import contextlib
import re
import socket
from collections.abc import Iterator, Mapping
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from ingest.models import Chunk
from retriever.models import SearchFilters, SearchHit, SearchResponse
from retriever.understanding import Understanding
from ui.services import Services

if TYPE_CHECKING:
    from assistant.offline.engine import OfflineEngine
    from assistant.offline.evidence import EvidenceFinder

# The five bundled policies (doc_id = file stem under data/policies/).
BEIJING_2011 = "beijing-2011-vocational-training"
BEIJING_2007 = "beijing-2007-high-skilled-talent"
SHIJIAZHUANG = "shijiazhuang-2019-lifelong-skills-training"
BEIBEI = "beibei-2019-lifelong-skills-training"
MOHRSS = "mohrss-2015-hundred-cities-skills"


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]



@contextlib.contextmanager
def serving(services: Services) -> Iterator[str]:
    """The real page for ``services`` on a free loopback port; yields its URL and closes it after."""
    from ui.app import build_app, launch_app

    app = build_app(services)
    server = launch_app(app, services, host="127.0.0.1", port=free_port(), prevent_thread_lock=True, quiet=True)
    try:
        yield server.url
    finally:
        server.close()


def offline_engine_for(root: Path, documents: Mapping[str, str], corpus: Path | None = None) -> OfflineEngine:
    """The real offline engine over a real index of ``documents`` (file name → text) written to ``root/policies``
    (or to ``corpus`` when it already holds other files, such as a rules file); the ingest must succeed."""
    from assistant.offline.engine import OfflineEngine
    from assistant.rules.store import LiveRules
    from ingest.settings import Settings
    from retriever.factory import open_retriever
    from retriever.index import ingest_paths

    corpus = corpus or root / "policies"
    corpus.mkdir(exist_ok=True)
    for name, text in documents.items():
        (corpus / name).write_text(text, encoding="utf-8")
    settings = Settings(data_dir=corpus, index_dir=root / "index", state_dir=root / "state", _env_file=None)
    report = ingest_paths(settings)
    assert report.ok, report.problems
    return OfflineEngine(open_retriever(settings), LiveRules(settings))


def offline_engine_beside_library(root: Path, documents: Mapping[str, str]) -> OfflineEngine:
    """The real offline engine over ``documents`` added beside a copy of the bundled library, as a user's added
    documents are (word weights as in a real library)."""
    import shutil

    corpus = root / "policies"
    shutil.copytree(Path(__file__).resolve().parent.parent / "data" / "policies", corpus)
    return offline_engine_for(root, documents, corpus=corpus)


def clause_chunk(path: str, text: str, *, region: str = "某市", level: str = "city", **fields: object) -> Chunk:
    """One clause of a made-up document (doc ``d``), for tests of what is read from a single clause."""
    return Chunk.model_validate({"id": path, "doc_id": "d", "title": "某办法", "clause_path": path, "text": text,
                                 "region": region, "level": level, **fields})


def labelled_clauses(texts: list[str], *, region: str, level: str) -> list[Chunk]:
    """Clauses of a made-up document, each text's label before its ideographic space its clause path (第三条　…)."""
    return [clause_chunk(text.split("\u3000")[0], text, region=region, level=level) for text in texts]


class FixedSearch:
    """A retriever whose search returns ``hits`` above the relevance cut and ``suggestions`` below it, ranked in that
    order; only the first is one it is sure of (every hit sits at rank 30 of both rankings)."""

    def __init__(self, hits: list[Chunk], suggestions: list[Chunk] | None = None) -> None:
        self.hits, self.suggestions = hits, suggestions or []

    def search(self, query: str, top_k: int = 5, filters: SearchFilters | None = None,
               understanding: Understanding | None = None) -> SearchResponse:
        ranked = [SearchHit(chunk=c, score=1.0 / (i + 1), rank=i + 1, dense_rank=30, lexical_rank=30)
                  for i, c in enumerate([*self.hits, *self.suggestions])]
        return SearchResponse(query=query, understanding=understanding or Understanding(text=query, normalized=query),
                              filters=filters or SearchFilters(), hits=ranked[: len(self.hits)],
                              suggestions=ranked[len(self.hits):], elapsed_ms=0.0)


def fixed_finder(rules: list[Chunk], hits: list[Chunk], *, asking: frozenset[str] | None = None,
                 negations: tuple[str, ...] | None = None) -> EvidenceFinder:
    """An evidence finder over the bundled knowledge judging ``hits`` (ranked in that order by a ``FixedSearch``)
    against the vocabulary of ``rules``; ``asking``: the words never counted as what a question is about (default:
    the knowledge's), ``negations``: the words that deny (default: the knowledge's)."""
    from assistant.offline.evidence import EvidenceFinder
    from assistant.offline.support import CorpusVocabulary, asking_words
    from ingest.knowledge import Knowledge
    from retriever.lexical import ChineseTokenizer

    knowledge = Knowledge.load()
    scope = knowledge.scope
    vocabulary = CorpusVocabulary(rules, ChineseTokenizer(knowledge),
                                  asking_words(knowledge) if asking is None else asking, knowledge.synonyms,
                                  scope.benefit_nouns)
    return EvidenceFinder(FixedSearch(hits), lambda: vocabulary, scope.benefit_nouns, scope.money_words,
                          lead_words=scope.benefit_lead_words,
                          negations=knowledge.facts.negations if negations is None else negations)


def figures(text: str) -> set[Decimal]:
    """Every amount in 元 a text states (1,500元 → 1500)."""
    return {Decimal(m.replace(",", "")) for m in re.findall(r"(\d[\d,]*(?:\.\d+)?)元", text)}


def lead(text: str) -> str:
    """An answer's first line: its direct answer."""
    return text.split("\n", 1)[0]


def body(answer: object) -> str:
    """An answer's text before its 依据 list: what it says, not the clauses it quotes."""
    return answer.answer.split("依据")[0]  # type: ignore[attr-defined]


def verdict(engine: object, question: str) -> tuple[str, str]:
    """(the answer's first line, its whole text) for a question the engine must answer (not abstain from)."""
    answer = engine.answer(question)  # type: ignore[attr-defined]
    assert answer.status == "answered", answer.answer
    return lead(answer.answer), answer.answer


def answered_figures(engine: object, question: str) -> tuple[set[Decimal], str]:
    """(every figure the answer states, its text) for a question the engine must answer (not abstain from)."""
    answer = engine.answer(question)  # type: ignore[attr-defined]
    assert answer.status == "answered", answer.answer
    return figures(answer.answer), answer.answer


def answered_with(engine: object, question: str, amount: Decimal, wrong: Decimal | None = None) -> str:
    """The engine answers ``question`` (no abstention) leading with ``amount`` (and not ``wrong``); its text."""
    answer = engine.answer(question)  # type: ignore[attr-defined]
    assert answer.status == "answered", answer.answer
    stated = figures(lead(answer.answer))
    assert amount in stated and (wrong is None or wrong not in stated), answer.answer
    return answer.answer


def assert_leads_with(answer_text: str, amount: Decimal, wrong: Decimal) -> None:
    """The answer's first line states ``amount`` and not ``wrong`` (another category's, a stacked or an old figure)."""
    stated = figures(lead(answer_text))
    assert amount in stated and wrong not in stated, answer_text


def engine_finder(engine: object) -> object:
    """The evidence finder an offline engine answers with (built as ``OfflineEngine.respond`` builds it)."""
    from assistant.offline.evidence import EvidenceFinder

    scope = engine.knowledge.scope  # type: ignore[attr-defined]
    facts = engine.knowledge.facts  # type: ignore[attr-defined]
    return EvidenceFinder(engine.retriever, engine.vocabulary, scope.benefit_nouns,  # type: ignore[attr-defined]
                          scope.money_words, facts.facts, scope.benefit_lead_words, facts.negations)


def drafted_rules(tmp_path: Path, text: str, clause: str, region: str) -> list[dict]:
    """The rules the drafter proposes for one clause of the document ``text`` (written to ``tmp_path``)."""
    from assistant.rules.drafting import draft_from_chunks
    from ingest.pipeline import parse_document

    path = tmp_path / "policy.txt"
    path.write_text(text, encoding="utf-8")
    chunks = [c for c in parse_document(path).chunks if c.clause_path == clause]
    return draft_from_chunks(path.stem, region, chunks)["rules"]


def module_engine(name: str, documents: Mapping[str, str]) -> object:
    """A module-scoped ``engine`` fixture: the offline engine over the test's own documents beside the library
    (assign it to ``engine`` in the test module)."""
    import pytest

    @pytest.fixture(scope="module")
    def engine(tmp_path_factory: pytest.TempPathFactory) -> OfflineEngine:
        return offline_engine_beside_library(tmp_path_factory.mktemp(name), documents)

    return engine
