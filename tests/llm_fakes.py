"""A scripted chat model for LLM-engine tests (simonw/llm ``MockModel.enqueue`` style).

Each call to the model pops the next scripted ``AIMessage`` (text and/or ``tool_calls``, or a function of the
messages received that builds one); the messages of every call are recorded so tests can assert what the
engine sent. Streaming splits the text into small deltas and sends tool calls as ``tool_call_chunks``, the
way an OpenAI-compatible endpoint does.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable, Iterator, Sequence
from typing import Any

from langchain_core.language_models.chat_models import BaseChatModel
from langchain_core.messages import AIMessage, AIMessageChunk, BaseMessage
from langchain_core.outputs import ChatGeneration, ChatGenerationChunk, ChatResult
from pydantic import Field


def tool_call(name: str, **arguments: Any) -> dict[str, Any]:
    """One scripted tool call in LangChain's ``AIMessage.tool_calls`` shape."""
    return {"name": name, "args": arguments, "id": f"call_{uuid.uuid4().hex[:8]}", "type": "tool_call"}


class ScriptedChatModel(BaseChatModel):
    """Replies with the queued messages in order; fails loudly when the script runs out."""

    script: list[AIMessage | Callable[[list[BaseMessage]], AIMessage]] = Field(default_factory=list)
    calls: list[list[BaseMessage]] = Field(default_factory=list, description="Messages of every call, in order.")
    bound_tools: list[str] = Field(default_factory=list)
    chunk_chars: int = 4

    @property
    def _llm_type(self) -> str:
        return "scripted-fake"

    def enqueue(self, content: str = "", tool_calls: Sequence[dict[str, Any]] = ()) -> ScriptedChatModel:
        self.script.append(AIMessage(content=content, tool_calls=list(tool_calls)))
        return self

    def enqueue_fn(self, reply: Callable[[list[BaseMessage]], AIMessage]) -> ScriptedChatModel:
        """A reply computed from the messages the model receives (e.g. to cite the [n] a search returned)."""
        self.script.append(reply)
        return self

    def bind_tools(self, tools: Sequence[Any], **kwargs: Any) -> ScriptedChatModel:
        self.bound_tools = [getattr(tool, "name", str(tool)) for tool in tools]
        return self

    def _next(self, messages: list[BaseMessage]) -> AIMessage:
        self.calls.append(list(messages))
        if not self.script:
            raise AssertionError("ScriptedChatModel: no scripted reply left for this call")
        reply = self.script.pop(0)
        return reply if isinstance(reply, AIMessage) else reply(list(messages))

    def _generate(self, messages: list[BaseMessage], stop: list[str] | None = None, run_manager: Any = None,
                  **kwargs: Any) -> ChatResult:
        return ChatResult(generations=[ChatGeneration(message=self._next(messages))])

    def _stream(self, messages: list[BaseMessage], stop: list[str] | None = None, run_manager: Any = None,
                **kwargs: Any) -> Iterator[ChatGenerationChunk]:
        message = self._next(messages)
        text = str(message.content)
        for start in range(0, len(text), self.chunk_chars):
            yield ChatGenerationChunk(message=AIMessageChunk(content=text[start:start + self.chunk_chars]))
        for index, call in enumerate(message.tool_calls):
            chunk = {"name": call["name"], "args": json.dumps(call["args"], ensure_ascii=False),
                     "id": call["id"], "index": index}
            yield ChatGenerationChunk(message=AIMessageChunk(content="", tool_call_chunks=[chunk]))
