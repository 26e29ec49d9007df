"""Queue full, in Chinese, at once — for API clients and for the page.

Gradio's own limit (``queue(max_size=…)``) answers a full queue with HTTP 503, and ``gradio_client`` turns every 503
into an English ``QueueError("Queue is full! Please try again.")`` (its text is hard-coded in the client). So the
app leaves Gradio's queue unbounded and limits it here instead:

- The public ``ask``/``search`` endpoints run outside Gradio's concurrency limit and pass through an
  ``AdmissionGate``: ``concurrency`` requests run, ``queue_size`` more wait, and any further request gets the
  normal JSON answer with the Chinese busy message straight away — a result, never an exception.
- Page events keep Gradio's concurrency limit; ``queue_full`` (used by the server's guard on ``queue/join``) refuses
  a new page event while ``queue_size`` are already waiting. The page shows Gradio's busy toast, which the page
  script replaces with the same Chinese sentence.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

BUSY_MESSAGE_ZH = "当前咨询人数较多，请稍后再试。"


class AdmissionGate:
    """``concurrency`` running + ``queue_size`` waiting; the rest are turned away without waiting at all.

    Used from the event loop only (async API handlers), so the counters need no lock.
    """

    def __init__(self, concurrency: int, queue_size: int) -> None:
        self.capacity = concurrency + queue_size
        self._slots = asyncio.Semaphore(concurrency)
        self.admitted = 0

    @asynccontextmanager
    async def enter(self) -> AsyncIterator[bool]:
        """Yields True once a slot is free (after waiting in line), or False at once when the line is full."""
        if self.admitted >= self.capacity:
            yield False
            return
        self.admitted += 1
        try:
            async with self._slots:
                yield True
        finally:
            self.admitted -= 1


def busy_answer(question: object, engine: str) -> dict[str, Any]:
    """The ``ask`` JSON shape for a turned-away question."""
    return {
        "question": str(question),
        "status": "rejected",
        "answer": BUSY_MESSAGE_ZH,
        "citations": [],
        "tool_calls": [],
        "engine": engine,
        "busy": True,
    }


def busy_search(query: object) -> dict[str, Any]:
    """The ``search`` JSON shape for a turned-away query."""
    return {"query": str(query), "results": [], "error": BUSY_MESSAGE_ZH, "busy": True}


def waiting_events(blocks: Any) -> int:
    """Events waiting in a Blocks' Gradio queue (not yet running), 0 before the queue exists."""
    queue = getattr(blocks, "_queue", None)
    return len(queue) if queue is not None else 0


def public_api_fn_ids(blocks: Any, api_names: tuple[str, ...]) -> set[int]:
    """The Blocks' function ids behind the named API endpoints (they bypass the page queue check)."""
    return {fn_id for fn_id, fn in blocks.fns.items() if fn.api_name in api_names}
