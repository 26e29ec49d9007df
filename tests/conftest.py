"""Shared fixtures. Real components everywhere; the network is blocked except loopback."""

from __future__ import annotations

import dataclasses
import ipaddress
import os
import shutil
import socket
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from ingest.settings import Settings

if TYPE_CHECKING:
    from ui.services import Services

REPO_ROOT = Path(__file__).resolve().parent.parent
POLICIES_DIR = REPO_ROOT / "data" / "policies"

# No model hub, ever: weights must come from installed packages.
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")


def _is_loopback(address: object) -> bool:
    host = address[0] if isinstance(address, tuple) else address
    if not isinstance(host, str):
        return True  # AF_UNIX paths and the like
    if host in ("localhost", ""):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@pytest.fixture(autouse=True)
def _block_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Unit tests must not reach beyond this machine (haystack-style guard)."""
    real_connect = socket.socket.connect

    def guarded_connect(self: socket.socket, address: object) -> object:
        if self.family in (socket.AF_INET, socket.AF_INET6) and not _is_loopback(address):
            raise RuntimeError(f"network access blocked in tests: {address!r}")
        return real_connect(self, address)

    monkeypatch.setattr(socket.socket, "connect", guarded_connect)


@pytest.fixture
def policies_copy(tmp_path: Path) -> Path:
    """A writable copy of the five real policies with their sidecars."""
    target = tmp_path / "policies"
    shutil.copytree(POLICIES_DIR, target)
    for path in target.iterdir():
        path.chmod(0o644)
    return target


@pytest.fixture
def corpus_dir(tmp_path: Path) -> Path:
    """One good real policy (京政发〔2011〕33号, with its sidecar) next to whatever bad file a test adds."""
    from support import BEIJING_2011

    folder = tmp_path / "corpus"
    folder.mkdir()
    for suffix in (".txt", ".meta.yaml"):
        shutil.copy(POLICIES_DIR / f"{BEIJING_2011}{suffix}", folder / f"{BEIJING_2011}{suffix}")
    return folder


@pytest.fixture
def tmp_settings(tmp_path: Path, policies_copy: Path) -> Settings:
    """Settings pointing at a temp corpus, index and state dir (never the developer's data/)."""
    return Settings(
        data_dir=policies_copy,
        index_dir=tmp_path / "index",
        state_dir=tmp_path / "state",
        _env_file=None,
    )


# ---- retrieval fixtures (session-scoped: the real corpus is ingested once per test session) ----------------


@pytest.fixture(scope="session")
def indexed_settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    """Settings whose index holds the five real policies, ingested once with the default offline embedder.

    Treat it as read-only: tests that re-ingest or edit files must use ``tmp_settings`` instead.
    """
    from retriever.index import ingest_paths

    root = tmp_path_factory.mktemp("indexed")
    corpus = root / "policies"
    shutil.copytree(POLICIES_DIR, corpus)
    settings = Settings(data_dir=corpus, index_dir=root / "index", state_dir=root / "state", _env_file=None)
    report = ingest_paths(settings)
    assert report.ok and report.published, report.problems
    return settings


@pytest.fixture(scope="module")
def embedder():
    """The default offline embedder (real model), for tests that ingest."""
    from retriever.embedders import UseEmbedder

    return UseEmbedder()


@pytest.fixture
def seeded(tmp_settings: Settings, indexed_settings: Settings) -> Settings:
    """A private copy of the session index next to a private copy of the corpus (no re-embedding needed)."""
    shutil.copytree(indexed_settings.index_dir, tmp_settings.index_dir)
    return tmp_settings


@pytest.fixture(scope="session")
def rules(indexed_settings: Settings):
    """The rule book of the shared index, as engines get it (``LiveRules``)."""
    from assistant.rules.store import LiveRules

    return LiveRules(indexed_settings)


@pytest.fixture(scope="session")
def retriever(indexed_settings: Settings):
    """An opened ``HybridRetriever`` over ``indexed_settings`` (shared; do not mutate)."""
    from retriever.factory import open_retriever

    return open_retriever(indexed_settings)


# ---- UI fixtures (the real page over the shared index) --------------------------------------------------------


@pytest.fixture(scope="session")
def ui_services(indexed_settings: Settings, retriever, tmp_path_factory: pytest.TempPathFactory) -> Services:
    """Services over the shared real index; feedback goes to a private state dir."""
    from ui.services import build_services

    state = tmp_path_factory.mktemp("ui-state")
    settings = indexed_settings.model_copy(update={"state_dir": state})
    return build_services(settings, retriever_factory=lambda _settings: retriever)


@pytest.fixture
def fresh_services(ui_services: Services, tmp_path: Path) -> Services:
    """The shared heavy objects with a per-test feedback store."""
    from ui.feedback import FeedbackStore

    settings = ui_services.settings.model_copy(update={"state_dir": tmp_path / "state"})
    return dataclasses.replace(ui_services, settings=settings, feedback=FeedbackStore(settings.feedback_db))


@pytest.fixture(scope="module")
def running_app(ui_services: Services) -> Iterator[str]:
    from support import serving

    with serving(ui_services) as url:
        yield url
