"""eval/load_test.py: the pure parts (response checks, percentiles, report, loopback guard) and the two phases
driven through a scripted client, so the script's logic is tested without starting servers."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest

from eval import load_test


class ScriptedClient:
    """Stands in for gradio_client.Client: answers instantly, or refuses as busy after ``capacity`` callers."""

    active = 0
    lock = threading.Lock()

    def __init__(self, url: str, *, capacity: int | None = None, fail_every: int = 0) -> None:
        self.url, self.capacity, self.fail_every, self.calls = url, capacity, fail_every, 0

    def predict(self, *args: object, api_name: str) -> dict:
        self.calls += 1
        if self.fail_every and self.calls % self.fail_every == 0:
            raise ConnectionError("boom")
        if api_name == "/search":
            return {"query": args[0], "results": []}
        return {"question": args[0], "status": "answered", "answer": "依据……", "citations": []}

    def submit(self, question: str, api_name: str) -> ScriptedJob:
        with ScriptedClient.lock:
            ScriptedClient.active += 1
            busy = self.capacity is not None and ScriptedClient.active > self.capacity
        return ScriptedJob(busy, self.predict(question, api_name=api_name))


class ScriptedJob:
    def __init__(self, busy: bool, response: dict) -> None:
        self.busy, self.response = busy, response

    def result(self, timeout: float) -> dict:
        if self.busy:
            return {**self.response, "status": "rejected", "answer": load_test.BUSY_MESSAGE_ZH, "busy": True}
        return self.response


@pytest.mark.parametrize(
    ("kind", "response", "error"),
    [
        ("ask", {"status": "answered", "answer": "x"}, None),
        ("ask", {"status": "rejected", "answer": "问题不能为空"}, None),
        ("ask", {"status": "weird"}, "bad status 'weird'"),
        ("ask", {"status": "rejected", "error_id": "E-ABC123"}, "internal error E-ABC123"),
        ("ask", {"status": "answered", "answer": "Traceback (most recent call last)"}, "traceback in answer"),
        ("ask", ["not", "a", "dict"], "not a JSON object: list"),
        ("search", {"query": "q", "results": []}, None),
        ("search", {"query": "q", "results": [], "error": "检索时出现内部错误"}, "search failed: 检索时出现内部错误"),
    ],
)
def test_check_response(kind: str, response: object, error: str | None) -> None:
    assert load_test.check_response(kind, response) == error


def test_percentile_nearest_rank() -> None:
    values = [float(v) for v in range(1, 101)]
    assert load_test.percentile(values, 50) == 50.0
    assert load_test.percentile(values, 95) == 95.0
    assert load_test.percentile([], 95) == 0.0
    assert load_test.percentile([3.0], 95) == 3.0


@pytest.mark.parametrize("url", ["http://127.0.0.1:7860/", "http://localhost:1/", "http://[::1]:7860/"])
def test_loopback_urls_are_allowed(url: str) -> None:
    load_test.require_loopback(url)


@pytest.mark.parametrize("url", ["http://10.0.0.5:7860/", "https://example.com/", "http://0.0.0.0:7860/"])
def test_non_loopback_urls_are_refused(url: str) -> None:
    with pytest.raises(SystemExit, match="只允许对本机地址做压力测试"):
        load_test.require_loopback(url)


@pytest.mark.parametrize("argv", [["--sessions", "0"], ["--duration", "0"], ["--burst", "1"]])
def test_bad_arguments_are_refused(argv: list[str]) -> None:
    with pytest.raises(SystemExit):
        load_test.parse_args(argv)


def test_load_phase_counts_requests_and_errors() -> None:
    result = load_test.run_load(
        "http://127.0.0.1:1/", sessions=3, duration_s=0.2, client_factory=lambda url: ScriptedClient(url, fail_every=5)
    )
    assert len(result.samples) > 10
    assert {s.kind for s in result.samples} == {"ask", "search"}
    assert result.errors and all(s.error == "ConnectionError: boom" for s in result.errors)


def test_queue_probe_separates_busy_from_answered() -> None:
    ScriptedClient.active = 0
    probe = load_test.probe_queue_full(
        "http://127.0.0.1:1/",
        burst=6,
        concurrency=1,
        queue_size=1,
        timeout_s=5,
        client_factory=lambda url: ScriptedClient(url, capacity=2),
    )
    assert (probe.answered, probe.busy, probe.hung, probe.other_errors) == (2, 4, 0, [])
    assert probe.busy_messages == {load_test.BUSY_MESSAGE_ZH}


class EnglishBusyJob:
    def result(self, timeout: float) -> dict:
        raise RuntimeError("Queue is full! Please try again.")


class EnglishBusyClient(ScriptedClient):
    def submit(self, question: str, api_name: str) -> EnglishBusyJob:
        return EnglishBusyJob()


def test_queue_probe_counts_gradios_english_refusal_as_an_error() -> None:
    probe = load_test.probe_queue_full(
        "http://127.0.0.1:1/", burst=3, concurrency=1, queue_size=1, timeout_s=5, client_factory=EnglishBusyClient
    )
    assert probe.busy == 0 and len(probe.other_errors) == 3
    assert all("Queue is full" in message for message in probe.other_errors)


def test_report_has_p95_and_queue_table(tmp_path: Path) -> None:
    result = load_test.LoadResult(url="http://127.0.0.1:1/", sessions=2, duration_s=10)
    result.samples = [load_test.Sample("ask", 0.1 * i) for i in range(1, 21)] + [load_test.Sample("search", 0.05)]
    result.samples.append(load_test.Sample("ask", 1.0, "TimeoutError: slow"))
    probe = load_test.QueueProbe(burst=6, concurrency=1, queue_size=1, timeout_s=60, answered=2, busy=4)
    report = load_test.render_report(result, probe)
    assert "| ask | 21 | 1 | 1.00 | 1.90 | 2.00 |" in report
    assert "| 2 | 4 | 0 | 0 | 0.00 | 0.00 |" in report
    assert "- ask: TimeoutError: slow" in report


def test_main_refuses_a_remote_url_before_any_request(tmp_path: Path) -> None:
    started = time.monotonic()
    with pytest.raises(SystemExit):
        load_test.main(["--url", "http://192.0.2.1:7860/", "--out", str(tmp_path / "load.md")])
    assert not (tmp_path / "load.md").exists()
    assert time.monotonic() - started < 30


@pytest.mark.slow
def test_real_servers_short_run(indexed_settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The whole script end to end: two real `policy-assistant ui` servers on loopback, real gradio_client."""
    monkeypatch.setenv("POLICY_INDEX_DIR", str(indexed_settings.index_dir))
    monkeypatch.setenv("POLICY_DATA_DIR", str(indexed_settings.data_dir))
    monkeypatch.setenv("POLICY_STATE_DIR", str(tmp_path / "state"))
    out = tmp_path / "load.md"
    code = load_test.main(["--sessions", "3", "--duration", "4", "--burst", "6", "--timeout", "60", "--out", str(out)])
    report = out.read_text(encoding="utf-8")
    assert code == 0, report
    lines = report.splitlines()
    load_row = next(line for line in lines if line.startswith("| **all** |")).split("|")
    assert int(load_row[2]) > 0 and load_row[3].strip() == "0"  # requests made, no errors
    header = "| answered | refused as busy | hung | other errors | slowest (s) | slowest busy answer (s) |"
    queue_row = lines[lines.index(header) + 2].split("|")
    answered, busy, hung = (int(cell) for cell in queue_row[1:4])
    assert answered >= 1 and hung == 0 and answered + busy == 6


def test_the_workload_is_data_and_is_checked(tmp_path: Path) -> None:
    from pydantic import ValidationError

    from eval.workload import load_workload

    workload = load_workload()
    assert workload.mix[0][0] == "ask" and workload.session_searches  # the preflight/burst question is an ask
    bad = tmp_path / "workload.yaml"
    bad.write_text("mix:\n  - [delete, 全部]\nsession_searches: []\n", encoding="utf-8")
    with pytest.raises(ValidationError):
        load_workload(bad)
