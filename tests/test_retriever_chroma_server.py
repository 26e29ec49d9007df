"""Round trip through a real ``chroma run`` server (HttpClient mode): ingest, search, re-ingest, stop."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from support import free_port

from ingest.errors import IndexError_
from ingest.settings import Settings
from retriever import generations as gens
from retriever.embedders import UseEmbedder
from retriever.factory import open_retriever
from retriever.index import ingest_paths
from retriever.store import http_client, server_collection_name

pytestmark = pytest.mark.chroma_server
SJZ = "shijiazhuang-2019-lifelong-skills-training"



@pytest.fixture(scope="module")
def chroma_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    chroma = Path(sys.executable).parent / "chroma"
    if not chroma.exists():
        pytest.skip("the chroma CLI is not installed in this environment")
    port = free_port()
    data = tmp_path_factory.mktemp("chroma-server")
    server = subprocess.Popen(
        [str(chroma), "run", "--path", str(data), "--host", "127.0.0.1", "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={**os.environ, "ANONYMIZED_TELEMETRY": "False"},
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"{url}/api/v2/heartbeat", timeout=2):
                    break
            except OSError:
                assert server.poll() is None, "chroma server exited during start-up"
                assert time.monotonic() < deadline, "chroma server did not start within 60 s"
                time.sleep(0.3)
        yield url
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait(timeout=20)


def test_ingest_and_search_through_a_chroma_server(chroma_url: str, tmp_path: Path, policies_copy: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for suffix in (".txt", ".meta.yaml"):
        shutil.copy(policies_copy / f"{SJZ}{suffix}", corpus)
    settings = Settings(data_dir=corpus, index_dir=tmp_path / "index", chroma_url=chroma_url, _env_file=None)
    embedder = UseEmbedder()

    first = ingest_paths(settings, embedder=embedder)
    assert first.published and first.chunk_count > 10
    live = gens.load_generation(settings.index_dir)
    assert live.manifest.store == "server"
    assert not (live.directory / "chroma").exists()  # vectors live on the server, records stay local
    client = http_client(chroma_url)
    assert client.get_collection(server_collection_name(live.name)).count() == first.chunk_count

    reader = open_retriever(settings, embedder=embedder)
    hits = reader.search("石家庄 学徒制补贴", top_k=3).hits
    assert hits and hits[0].dense_rank is not None  # the dense list really came from the server
    assert "三、（一）3" in [h.chunk.clause_path for h in hits]

    text = corpus / f"{SJZ}.txt"
    text.write_text(text.read_text(encoding="utf-8").replace("2200元", "2300元", 1), encoding="utf-8")
    second = ingest_paths(settings, embedder=embedder)
    assert second.published and second.embedded_chunks == 1 and second.reused_vectors == second.chunk_count - 1
    names = {c.name for c in client.list_collections()}
    assert {server_collection_name(first.generation), server_collection_name(second.generation)} <= names
    assert any("2300元" in h.chunk.text for h in reader.search("石家庄 就业技能培训补贴", top_k=5).hits)


def test_unreachable_server_is_a_clear_error() -> None:
    with pytest.raises(IndexError_, match="Chroma"):
        http_client(f"http://127.0.0.1:{free_port()}")  # nothing listens there


def test_bad_server_url() -> None:
    with pytest.raises(IndexError_, match="POLICY_CHROMA_URL"):
        http_client("not a url")
