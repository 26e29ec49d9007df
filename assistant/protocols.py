"""The one seam between interfaces and answer strategies."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Protocol

from assistant.models import Answer, Conversation


class AnswerEngine(Protocol):
    """Offline (deterministic, default) and LLM engines both implement this."""

    name: str

    def answer(self, question: str, conversation: Conversation | None = None) -> Answer:
        """Answer one question; ``conversation`` (if given) is read for context and updated with this turn."""
        ...

    def stream(self, question: str, conversation: Conversation | None = None) -> Iterator[str | Answer]:
        """Yield text deltas as they are produced, then the final (verified) ``Answer`` last."""
        ...


def collect(stream: Iterable[str | Answer]) -> tuple[str, Answer]:
    """Drain ``AnswerEngine.stream()``: the streamed text and the final ``Answer``."""
    deltas: list[str] = []
    final: Answer | None = None
    for item in stream:
        if isinstance(item, Answer):
            final = item
        else:
            deltas.append(item)
    if final is None:
        raise RuntimeError("the answer stream ended without an Answer")
    return "".join(deltas), final
