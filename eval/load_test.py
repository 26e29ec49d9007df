"""Load test: concurrent ``gradio_client`` sessions against the page's ``ask``/``search`` API, on loopback only.

    python -m eval.load_test                     # starts `policy-assistant ui` on a free 127.0.0.1 port, 20 × 120 s
    python -m eval.load_test --sessions 5 --duration 20
    python -m eval.load_test --url http://127.0.0.1:7860/   # an already-running page (loopback only)

Phase 1 (load): every session is its own ``gradio_client.Client`` and loops over a fixed mix of questions and
searches until the duration ends. An *error* is an exception, a timeout, a response without the GUIDE's JSON
shape, an internal-error id, or a traceback in the text; a ``rejected`` answer to a deliberately bad question is
correct behaviour, not an error. Phase 2 (queue full): a second server with concurrency 1 and queue size 1 gets a
burst of simultaneous questions; every request must finish (answer or a clear "busy, try again" refusal) within the
timeout — none may hang. Results go to ``eval/results/load.md``.
"""

from __future__ import annotations

import argparse
import ipaddress
import math
import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlparse
from urllib.request import urlopen

from eval.workload import load_workload

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_REPORT = REPO_ROOT / "eval" / "results" / "load.md"
ANSWER_STATUSES = {"answered", "not_found", "needs_info", "rejected"}
BUSY_MESSAGE_ZH = "当前咨询人数较多，请稍后再试。"  # the page's promise (ui.admission); any other refusal is an error



@dataclass
class Sample:
    kind: str
    latency_s: float
    error: str | None = None


@dataclass
class LoadResult:
    url: str
    sessions: int
    duration_s: float
    samples: list[Sample] = field(default_factory=list)

    @property
    def errors(self) -> list[Sample]:
        return [s for s in self.samples if s.error]

    def latencies(self, kind: str | None = None) -> list[float]:
        return sorted(s.latency_s for s in self.samples if not s.error and (kind is None or s.kind == kind))


@dataclass
class QueueProbe:
    burst: int
    concurrency: int
    queue_size: int
    timeout_s: float
    answered: int = 0
    busy: int = 0
    hung: int = 0
    other_errors: list[str] = field(default_factory=list)
    busy_messages: set[str] = field(default_factory=set)
    slowest_s: float = 0.0
    slowest_busy_s: float = 0.0


# ---------------------------------------------------------------- response checks


def check_response(kind: str, response: Any) -> str | None:
    """None when the response has the GUIDE shape and no internal error; else why it is an error."""
    if not isinstance(response, dict):
        return f"not a JSON object: {type(response).__name__}"
    if kind == "search":
        if response.get("error") or not isinstance(response.get("results"), list):
            return f"search failed: {str(response.get('error'))[:120]}"
        return None
    if response.get("status") not in ANSWER_STATUSES:
        return f"bad status {response.get('status')!r}"
    if response.get("error_id"):
        return f"internal error {response['error_id']}"
    if "Traceback" in str(response.get("answer", "")):
        return "traceback in answer"
    return None


def call_endpoint(client: Any, kind: str, text: str) -> Any:
    if kind == "search":
        return client.predict(text, 5, "", "", api_name="/search")
    return client.predict(text, api_name="/ask")


def preflight(client: Any) -> None:
    """A missing index makes every answer a polite refusal; measuring that would be meaningless."""
    response = call_endpoint(client, *load_workload().mix[0])
    if not isinstance(response, dict) or response.get("status") not in ("answered", "needs_info"):
        answer = response.get("answer") if isinstance(response, dict) else response
        raise SystemExit(f"预检失败，网页服务未能回答示例问题（索引是否已建立？）：{answer} / preflight failed")


# ---------------------------------------------------------------- phase 1: load


def run_load(url: str, *, sessions: int, duration_s: float, client_factory: Callable[[str], Any]) -> LoadResult:
    """``sessions`` concurrent clients, each looping over the workload's mix (staggered) until the deadline."""
    result = LoadResult(url=url, sessions=sessions, duration_s=duration_s)
    mix = load_workload().mix
    lock = threading.Lock()
    deadline = time.monotonic() + duration_s

    def session(index: int) -> None:
        try:
            client = client_factory(url)
        except Exception as exc:  # a session that cannot even connect is an error, not a crash of the test
            with lock:
                result.samples.append(Sample("connect", 0.0, f"connect: {type(exc).__name__}: {exc}"))
            return
        step = index
        while time.monotonic() < deadline:
            kind, text = mix[step % len(mix)]
            step += 1
            started = time.perf_counter()
            try:
                error = check_response(kind, call_endpoint(client, kind, text))
            except Exception as exc:
                error = f"{type(exc).__name__}: {str(exc)[:160]}"
            with lock:
                result.samples.append(Sample(kind, time.perf_counter() - started, error))

    with ThreadPoolExecutor(max_workers=sessions) as pool:
        list(pool.map(session, range(sessions)))
    return result


# ---------------------------------------------------------------- phase 2: queue full


def probe_queue_full(
    url: str, *, burst: int, concurrency: int, queue_size: int, timeout_s: float, client_factory: Callable[[str], Any]
) -> QueueProbe:
    """Fire ``burst`` questions at once at a server with a tiny queue; each must finish or be refused, not hang.

    A refusal counts as *busy* only when it is the Chinese busy answer (a normal result carrying ``busy: true``);
    Gradio's English "Queue is full" exception — or any other exception — is an error.
    """
    probe = QueueProbe(burst=burst, concurrency=concurrency, queue_size=queue_size, timeout_s=timeout_s)
    clients = [client_factory(url) for _ in range(burst)]
    start = threading.Barrier(burst)
    question = load_workload().mix[0][1]

    def one(client: Any) -> tuple[str, str, float]:
        start.wait()
        began = time.perf_counter()
        try:
            job = client.submit(question, api_name="/ask")
            response = job.result(timeout=timeout_s)
        except TimeoutError:
            return "hung", "", time.perf_counter() - began
        except Exception as exc:
            return "error", f"{type(exc).__name__}: {str(exc)[:160]}", time.perf_counter() - began
        elapsed = time.perf_counter() - began
        if isinstance(response, dict) and response.get("busy"):
            chinese = response.get("answer") == BUSY_MESSAGE_ZH
            return ("busy", response["answer"], elapsed) if chinese else ("error", f"busy: {response}", elapsed)
        error = check_response("ask", response)
        return ("error", error, elapsed) if error else ("answered", "", elapsed)

    with ThreadPoolExecutor(max_workers=burst) as pool:
        outcomes = list(pool.map(one, clients))
    for outcome, message, elapsed in outcomes:
        probe.slowest_s = max(probe.slowest_s, elapsed)
        if outcome == "answered":
            probe.answered += 1
        elif outcome == "busy":
            probe.busy += 1
            probe.busy_messages.add(message)
            probe.slowest_busy_s = max(probe.slowest_busy_s, elapsed)
        elif outcome == "hung":
            probe.hung += 1
        else:
            probe.other_errors.append(message)
    return probe


# ---------------------------------------------------------------- server on loopback


def require_loopback(url: str) -> None:
    host = urlparse(url).hostname or ""
    try:
        loopback = host == "localhost" or ipaddress.ip_address(host).is_loopback
    except ValueError:
        loopback = False
    if not loopback:
        raise SystemExit(f"只允许对本机地址做压力测试（127.0.0.1）：{url} / load tests run on loopback only")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(port: int, extra_env: dict[str, str] | None = None, *, wait_s: float = 180.0) -> subprocess.Popen:
    """``policy-assistant ui`` in a child process (its own GIL, like production); returns once it answers HTTP."""
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "GRADIO_ANALYTICS_ENABLED": "False", **(extra_env or {})}
    command = [sys.executable, "-m", "ui.cli", "ui", "--host", "127.0.0.1", "--port", str(port)]
    process = subprocess.Popen(command, cwd=REPO_ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}/"
    deadline = time.monotonic() + wait_s
    while time.monotonic() < deadline:
        if process.poll() is not None:
            stderr = process.stderr.read().decode("utf-8", "replace") if process.stderr else ""
            raise SystemExit(f"网页服务启动失败 / server exited: {stderr[-2000:]}")
        try:
            with urlopen(url + "config", timeout=2):
                return process
        except OSError:
            time.sleep(0.5)
    stop_server(process)
    raise SystemExit(f"网页服务 {wait_s:.0f} 秒内未就绪 / server not ready in {wait_s:.0f}s")


def stop_server(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def gradio_client_factory(url: str) -> Any:
    from gradio_client import Client

    return Client(url, verbose=False, download_files=False)


# ---------------------------------------------------------------- report


def percentile(values: Sequence[float], pct: float) -> float:
    """Nearest-rank percentile (0 for no values)."""
    if not values:
        return 0.0
    ordered = sorted(values)
    rank = max(1, min(len(ordered), math.ceil(pct / 100 * len(ordered))))
    return ordered[rank - 1]


def render_report(result: LoadResult, probe: QueueProbe | None) -> str:
    lines = [
        "# Load test (loopback)",
        "",
        f"`python -m eval.load_test --sessions {result.sessions} --duration {result.duration_s:.0f}` against "
        f"{result.url} — each session is its own `gradio_client.Client`. Server: `policy-assistant ui` with "
        f"POLICY_UI_CONCURRENCY={os.environ.get('POLICY_UI_CONCURRENCY', '4 (default)')}, "
        f"POLICY_UI_QUEUE_SIZE={os.environ.get('POLICY_UI_QUEUE_SIZE', '64 (default)')}, "
        f"{'LLM' if os.environ.get('POLICY_LLM_BASE_URL') else 'offline'} engine; server and clients share "
        f"{os.cpu_count()} CPU cores.",
        "",
        "| endpoint | requests | errors | p50 (s) | p95 (s) | max (s) |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for kind in ("ask", "search", None):
        kind_samples = [s for s in result.samples if kind is None or s.kind == kind]
        ok = result.latencies(kind)
        name = kind or "**all**"
        errors = sum(1 for s in kind_samples if s.error)
        lines.append(
            f"| {name} | {len(kind_samples)} | {errors} | {percentile(ok, 50):.2f} | {percentile(ok, 95):.2f} "
            f"| {max(ok, default=0.0):.2f} |"
        )
    throughput = len(result.samples) / result.duration_s if result.duration_s else 0.0
    lines += ["", f"Throughput: {throughput:.1f} requests/s over {result.duration_s:.0f} s."]
    if result.errors:
        lines += ["", "Errors (first 10):", ""]
        lines += [f"- {s.kind}: {s.error}" for s in result.errors[:10]]
    if probe is not None:
        lines += [
            "",
            "## Queue full",
            "",
            f"A burst of {probe.burst} simultaneous questions at a server with concurrency {probe.concurrency} and "
            f"queue size {probe.queue_size} (timeout {probe.timeout_s:.0f} s each):",
            "",
            "| answered | refused as busy | hung | other errors | slowest (s) | slowest busy answer (s) |",
            "|---:|---:|---:|---:|---:|---:|",
            f"| {probe.answered} | {probe.busy} | {probe.hung} | {len(probe.other_errors)} | {probe.slowest_s:.2f} "
            f"| {probe.slowest_busy_s:.2f} |",
        ]
        if probe.busy_messages:
            lines += ["", "Busy message seen by API clients: " + "; ".join(sorted(probe.busy_messages)[:2])]
        lines += [f"- other error: {message}" for message in probe.other_errors[:5]]
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------- main


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m eval.load_test", description=__doc__.split("\n\n")[0])
    parser.add_argument("--url", help="an already-running page on 127.0.0.1 (default: start one)")
    parser.add_argument("--sessions", type=int, default=20)
    parser.add_argument("--duration", type=float, default=120.0, help="seconds of load")
    parser.add_argument("--burst", type=int, default=12, help="simultaneous requests in the queue-full probe")
    parser.add_argument("--timeout", type=float, default=60.0, help="per-request timeout in the queue-full probe")
    parser.add_argument("--no-queue-probe", action="store_true")
    parser.add_argument("--out", type=Path, default=DEFAULT_REPORT)
    parser.add_argument(
        "--sessions-memory", type=int, metavar="N",
        help="instead of the load test: open N new sessions and report the server's RSS (eval/session_memory.py)",
    )
    parser.add_argument(
        "--session-capacity", type=int, default=None, metavar="K",
        help="with --sessions-memory: POLICY_UI_SESSIONS for the server (default: the setting's default)",
    )
    args = parser.parse_args(argv)
    if not 1 <= args.sessions <= 200 or not 1 <= args.duration <= 3600 or not 2 <= args.burst <= 100:
        parser.error("sessions 1–200, duration 1–3600 s, burst 2–100")
    return args


def run_session_memory(sessions: int, capacity: int | None, out: Path) -> int:
    """``--sessions-memory N``: a fresh server, N new sessions, its RSS sampled along the way (flat = bounded)."""
    from eval import session_memory
    from ingest.settings import Settings

    if not 10 <= sessions <= 100_000:
        raise SystemExit("--sessions-memory 须在 10 到 100000 之间 / must be within 10..100000")
    cap = capacity or Settings.model_fields["ui_sessions"].default
    port = free_port()
    server = start_server(port, {"POLICY_UI_SESSIONS": str(cap)})
    try:
        run = session_memory.measure(f"http://127.0.0.1:{port}/", server.pid, sessions=sessions, capacity=cap)
    finally:
        stop_server(server)
    report = session_memory.render([run])
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(report, encoding="utf-8")
    print(report)
    return 1 if run.errors else 0


def main(argv: Sequence[str] | None = None, *, client_factory: Callable[[str], Any] = gradio_client_factory) -> int:
    args = parse_args(argv)
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
    if args.sessions_memory:
        out = args.out if args.out != DEFAULT_REPORT else DEFAULT_REPORT.with_name("session_memory.md")
        return run_session_memory(args.sessions_memory, args.session_capacity, out)
    servers: list[subprocess.Popen] = []
    try:
        url = args.url
        if url:
            require_loopback(url)
        else:
            port = free_port()
            servers.append(start_server(port))
            url = f"http://127.0.0.1:{port}/"
        preflight(client_factory(url))
        result = run_load(url, sessions=args.sessions, duration_s=args.duration, client_factory=client_factory)
        probe = None
        if not args.no_queue_probe:
            port = free_port()
            servers.append(start_server(port, {"POLICY_UI_CONCURRENCY": "1", "POLICY_UI_QUEUE_SIZE": "1"}))
            probe = probe_queue_full(
                f"http://127.0.0.1:{port}/",
                burst=args.burst,
                concurrency=1,
                queue_size=1,
                timeout_s=args.timeout,
                client_factory=client_factory,
            )
    finally:
        for process in servers:
            stop_server(process)
    report = render_report(result, probe)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(report, encoding="utf-8")
    print(report)
    failed = bool(result.errors) or (probe is not None and (probe.hung or probe.other_errors))
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
