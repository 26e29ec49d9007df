"""Answer records: what every engine returns and every interface shows."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, Field

AnswerStatus = Literal["answered", "not_found", "needs_info", "rejected"]
EngineName = Literal["offline", "llm"]


class Citation(BaseModel):
    """A clause an answer rests on, quoted verbatim. ``n`` is the ``[n]`` marker used in the answer text."""

    n: int = Field(ge=1)
    chunk_id: str | None = Field(None, description="Retrieved chunk id; None for calculator-quoted clauses.")
    doc_id: str
    title: str
    doc_number: str | None = None
    clause: str = Field(description="Clause path, e.g. 三、（一）3.")
    heading: str = Field("", description="The clause's heading (a table row: its table's caption); may be empty.")
    text: str = Field(description="Verbatim clause text.")
    region: str | None = None
    publish_date: str | None = None
    status: str | None = None

    @property
    def label(self) -> str:
        """《标题》三、（一）3 — the short reference used inside answers."""
        return f"《{self.title}》{self.clause}"

    @property
    def formatted(self) -> str:
        """The standard citation (``assistant.citations.format_citation``) of the whole clause."""
        from assistant.citations import format_citation

        return format_citation(self)


class ToolCall(BaseModel):
    name: str
    arguments: dict[str, Any] = Field(default_factory=dict)
    result: dict[str, Any] = Field(default_factory=dict)


class Answer(BaseModel):
    question: str
    status: AnswerStatus
    answer: str = Field(description="Plain text (may contain [n] citation markers); never raw HTML.")
    citations: list[Citation] = Field(default_factory=list)
    tool_calls: list[ToolCall] = Field(default_factory=list)
    engine: EngineName = "offline"
    fallback: bool = Field(False, description="LLM answer failed verification and was replaced by the offline one.")
    notes: list[str] = Field(default_factory=list, description="Supersession context, verification notes, etc.")
    error_id: str | None = Field(None, description="Set when an internal error was logged; users can quote it.")

    def contract(self) -> dict[str, Any]:
        """The GUIDE's JSON shape for ``ask`` (extra fields welcome)."""
        data = self.model_dump(mode="json")
        data["citations"] = [
            {
                k: c[k]
                for k in ("doc_id", "title", "doc_number", "clause", "heading", "text", "n", "publish_date", "region",
                          "status")
            }
            | {"citation": citation.formatted}
            for c, citation in zip(data["citations"], self.citations, strict=True)
        ]
        return data


class Turn(BaseModel):
    question: str
    answer: Answer


MAX_CONVERSATION_TURNS = 10  # follow-ups refer to the last few turns; older ones only cost memory


class Conversation(BaseModel):
    """Previous turns (the last ``MAX_CONVERSATION_TURNS``) plus the facts resolved so far (region, topic,
    calculator inputs) for follow-ups. Bounded, so a long session cannot grow without limit."""

    turns: list[Turn] = Field(default_factory=list)
    state: dict[str, Any] = Field(default_factory=dict)

    def add(self, question: str, answer: Answer) -> None:
        self.turns.append(Turn(question=question, answer=answer))
        del self.turns[:-MAX_CONVERSATION_TURNS]
