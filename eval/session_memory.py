"""Session memory: the server's RSS while thousands of new sessions arrive (``load_test --sessions-memory N``).

Every call to the page's public ``search`` API through Gradio's REST route (``/gradio_api/call/search``) opens a
new session, as a new visitor or API client does; Gradio keeps per-session state for it. The page caps that
state (``POLICY_UI_SESSIONS`` sessions, expiring chat states, a bounded conversation), so after the cap is reached
the RSS must stay flat. Samples are taken every ``step`` sessions from ``/proc/<pid>/status``; loopback only.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from urllib.request import Request, urlopen

from eval.workload import load_workload

WORKERS = 4
SAMPLES = 10


@dataclass
class MemoryRun:
    sessions: int
    capacity: int | None
    samples: list[tuple[int, float]] = field(default_factory=list)  # (sessions so far, RSS MiB)
    errors: int = 0
    seconds: float = 0.0

    def _after_cap(self) -> list[tuple[int, float]]:
        """Samples from the first one at or past the cap (all samples when the cap is never reached)."""
        after = [(done, rss) for done, rss in self.samples if done >= (self.capacity or 0)]
        return after if len(after) >= 2 else self.samples[1:] or self.samples

    @property
    def growth_after_cap_mib(self) -> float:
        """RSS growth over the samples past the cap (flat ≈ 0)."""
        after = self._after_cap()
        return after[-1][1] - after[0][1] if len(after) > 1 else 0.0

    @property
    def kib_per_session_after_cap(self) -> float:
        after = self._after_cap()
        if len(after) < 2 or after[-1][0] == after[0][0]:
            return 0.0
        return (after[-1][1] - after[0][1]) * 1024 / (after[-1][0] - after[0][0])


def rss_mib(pid: int) -> float:
    """Resident set size of a process (Linux /proc)."""
    for line in Path(f"/proc/{pid}/status").read_text(encoding="ascii").splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError(f"no VmRSS for pid {pid}")


def new_session_search(url: str, query: str, timeout_s: float = 60.0) -> bool:
    """One search as a brand-new session (Gradio's REST route: POST for an event id, then read the result)."""
    base = url.rstrip("/") + "/gradio_api/call/search"
    body = json.dumps({"data": [query, 3, "", ""]}).encode("utf-8")
    request = Request(base, data=body, headers={"Content-Type": "application/json"}, method="POST")
    with urlopen(request, timeout=timeout_s) as response:
        event_id = json.loads(response.read())["event_id"]
    with urlopen(f"{base}/{event_id}", timeout=timeout_s) as stream:
        text = stream.read().decode("utf-8", "replace")
    return "event: complete" in text and '"results"' in text


def measure(
    url: str,
    pid: int,
    *,
    sessions: int,
    capacity: int | None,
    call: Callable[[str, str], bool] = new_session_search,
    read_rss: Callable[[int], float] = rss_mib,
) -> MemoryRun:
    """Open ``sessions`` new sessions (``WORKERS`` at a time) and sample the server's RSS ``SAMPLES`` times."""
    run = MemoryRun(sessions=sessions, capacity=capacity)
    queries_pool = load_workload().session_searches
    step = max(1, sessions // SAMPLES)
    run.samples.append((0, read_rss(pid)))
    started = time.monotonic()
    done = 0
    with ThreadPoolExecutor(max_workers=WORKERS) as pool:
        while done < sessions:
            batch = min(step, sessions - done)
            queries = [queries_pool[(done + i) % len(queries_pool)] for i in range(batch)]
            results = list(pool.map(lambda q: _safe(call, url, q), queries))
            run.errors += results.count(False)
            done += batch
            run.samples.append((done, read_rss(pid)))
    run.seconds = time.monotonic() - started
    return run


def _safe(call: Callable[[str, str], bool], url: str, query: str) -> bool:
    try:
        return call(url, query)
    except OSError:
        return False


def render(runs: Sequence[MemoryRun]) -> str:
    lines = ["## Session memory (`python -m eval.load_test --sessions-memory N`)", ""]
    for run in runs:
        cap = f"POLICY_UI_SESSIONS={run.capacity:,}" if run.capacity else "Gradio default (10,000 sessions kept)"
        lines += [
            f"### {run.sessions:,} new sessions, {cap}",
            "",
            f"{run.errors} errors, {run.seconds:.0f} s; RSS growth past the cap (or over the run when the cap is "
            f"never reached): **{run.growth_after_cap_mib:+.1f} MiB** ({run.kib_per_session_after_cap:.1f} KiB per "
            "session)",
            "",
            "| sessions | RSS (MiB) |",
            "|---|---|",
            *(f"| {done:,} | {rss:.0f} |" for done, rss in run.samples),
            "",
        ]
    return "\n".join(lines)
