"""The LLM answer engine: a LangChain tool-calling loop on any OpenAI-compatible chat model, verified after.

Flow for one question: resolve follow-ups → pre-search (numbered sources [n] go into the prompt) → the model
may call ``search_policies`` (more numbered sources) and the calculators → its final text is verified
(every [n] resolves, every amount/percentage/duration is in a cited clause or a tool result, no clause from
another region) → one repair round with the problems spelled out → else the offline engine's answer,
flagged ``fallback=True``. ``stream()`` yields text deltas of each generation as they arrive; the final
``Answer`` (possibly the repaired or fallback one) comes last and is what a UI should finally show.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from langchain_core.language_models.chat_models import BaseChatModel
from langchain_core.messages import AIMessage, BaseMessage, HumanMessage, SystemMessage, ToolMessage
from langchain_core.tools import BaseTool

from assistant.conversation import ResolvedQuestion, remember, resolve
from assistant.errorlog import log_internal_error
from assistant.models import Answer, Conversation, ToolCall
from assistant.protocols import AnswerEngine, collect
from assistant.rules.book import RuleBook
from assistant.search_tool import SEARCH_TOOL_NAME, SourceRegistry, policy_search_tool, search_and_number
from assistant.tools import calculator_tools
from assistant.validation import MAX_QUESTION_CHARS, unsafe_output_issues, validate_question
from assistant.verify import VerificationIssue, VerificationReport, extract_quantities, verify_answer
from ingest.errors import UserInputError
from retriever.protocols import Retriever
from retriever.understanding import NATIONAL_REGION

SYSTEM_PROMPT = "\n".join([
    "你是“政策助手”，回答中国职业培训与技能补贴政策问题。必须遵守：",
    "1. 只能依据检索到的条款（编号[n]）和计算工具的结果作答。每一个陈述事实的句子末尾都要标注出处[n]，"
    "n 必须是检索结果里给出的编号，不得编造编号。",
    "2. 金额、比例、期限等数字只能来自所引条款原文或计算工具的结果，不得自行推算或编造。"
    "需要计算补贴金额或判断是否符合条件时，调用相应的计算工具；缺少条件时向用户提问。",
    "3. 地区不能混用：问题问哪个地区，就只能用该地区（及全国性）文件回答。"
    "该地区没有规定时，直接说明本库中该地区没有相关规定，不得套用其他地区的标准或数字。",
    "4. 同一地区新旧文件对同一事项都有规定时，以发布日期较新的文件为准，并说明旧文件为早期政策。",
    "5. 找不到依据时回答“本库中没有找到相关规定”，不要猜测。",
    "6. 用简体中文纯文本作答：先用一到三句话直接回答，写明地区和文件名称，再列出“依据：”及所引条款。",
])
REPAIR_PROMPT = (
    "你的回答未通过核验：{problems}。请只依据上面检索到的条款和工具结果重新作答，"
    "每个事实句标注[n]，不要出现条款和工具结果中没有的数字。"
)
ABSTAIN_RE = re.compile(r"没有找到|没有相关规定|未找到|未收录|没有收录|无法回答")
MAX_TOOL_ROUNDS = 4
logger = logging.getLogger(__name__)
HISTORY_TURNS = 3


class _Attempt:
    """The state of one answer: numbered sources, tool calls and calculator results."""

    def __init__(self) -> None:
        self.sources = SourceRegistry()
        self.tool_calls: list[ToolCall] = []
        self.calculator_results: list[str] = []


class LlmEngine:
    """Grounded LLM answers; the offline engine is the safety net."""

    name = "llm"

    def __init__(
        self,
        chat_model: BaseChatModel,
        retriever: Retriever,
        offline: AnswerEngine,
        rules: Callable[[], RuleBook],
        *,
        max_question_chars: int = MAX_QUESTION_CHARS,
        top_k: int = 5,
        log_dir: Path | None = None,
    ) -> None:
        self.chat_model = chat_model
        self.retriever = retriever
        self.offline = offline
        self.rules = rules
        self.max_question_chars = max_question_chars
        self.top_k = top_k
        self.log_dir = log_dir

    # ------------------------------------------------------------------------------------------ protocol

    def answer(self, question: str, conversation: Conversation | None = None) -> Answer:
        return collect(self.stream(question, conversation))[1]

    def stream(self, question: str, conversation: Conversation | None = None) -> Iterator[str | Answer]:
        try:
            cleaned = validate_question(question, max_chars=self.max_question_chars)
        except UserInputError as error:
            yield Answer(question=str(question)[:200], status="rejected", answer=error.zh, engine="llm")
            return
        try:
            resolved = resolve(cleaned, conversation, self.retriever)
            answer = yield from self._grounded(resolved, conversation)
        except Exception as exc:  # endpoint down, malformed tool calls…: log it and answer offline
            error_id = log_internal_error(exc, log_dir=self.log_dir, question=cleaned, engine="llm")
            yield self._fallback(cleaned, conversation, [f"大模型调用失败（错误编号 {error_id}）"], error_id=error_id)
            return
        if answer.fallback:
            yield answer
            return
        remember(conversation, resolved, answer)
        yield answer

    # ------------------------------------------------------------------------------------------ loop

    def _grounded(
        self, resolved: ResolvedQuestion, conversation: Conversation | None
    ) -> Iterator[str | Answer]:
        attempt = _Attempt()
        context = search_and_number(self.retriever, attempt.sources, resolved.text, top_k=self.top_k,
                                    understanding=resolved.understanding)
        tools = [policy_search_tool(self.retriever, attempt.sources, top_k=self.top_k), *calculator_tools(self.rules())]
        messages: list[BaseMessage] = [SystemMessage(SYSTEM_PROMPT), *self._history(conversation)]
        intro = f"预先检索到的条款（可继续调用 {SEARCH_TOOL_NAME} 检索）"
        messages.append(HumanMessage(f"问题：{resolved.text}\n\n{intro}：\n{context}"))
        text = yield from self._run(messages, tools, attempt)
        report = self._verify(text, resolved, attempt)
        if not report.ok:
            messages += [AIMessage(text), HumanMessage(REPAIR_PROMPT.format(problems=report.feedback()))]
            yield "\n"
            text = yield from self._run(messages, tools, attempt)
            repaired = self._verify(text, resolved, attempt)
            if not repaired.ok:
                # Details go to the log, not the user: they would repeat the very number that was refused.
                logger.warning("LLM answer failed verification twice: %s", repaired.feedback())
                notes = [f"大模型的回答两次未通过核验：{_user_safe_reasons(repaired)}"]
                return self._fallback(resolved.question, conversation, notes)
        return self._answer(resolved, text, attempt, report)

    def _run(self, messages: list[BaseMessage], tools: list[BaseTool], attempt: _Attempt) -> Iterator[str]:
        """Generate until the model stops calling tools; yields text deltas, returns the final text."""
        by_name = {tool.name: tool for tool in tools}
        model: Any = self.chat_model.bind_tools(tools)
        for _ in range(MAX_TOOL_ROUNDS):
            try:
                message = yield from self._generate(model, messages)
            except Exception as exc:  # endpoints without tool support reject the request: answer from context
                if model is self.chat_model:
                    raise
                logger.warning("tool calling failed (%s); retrying without tools", exc)
                model = self.chat_model
                message = yield from self._generate(model, messages)
            if not message.tool_calls:
                return str(message.content)
            messages.append(message)
            for call in message.tool_calls:
                messages.append(ToolMessage(self._call_tool(by_name, call, attempt), tool_call_id=call.get("id") or ""))
        message = yield from self._generate(self.chat_model, messages)  # out of tool rounds: answer now
        return str(message.content)

    def _generate(self, model: Any, messages: list[BaseMessage]) -> Iterator[str]:
        merged: Any = None
        for chunk in model.stream(messages):
            if isinstance(chunk.content, str) and chunk.content:
                yield chunk.content
            merged = chunk if merged is None else merged + chunk
        if merged is None:
            return AIMessage("")
        return AIMessage(content=merged.content, tool_calls=list(getattr(merged, "tool_calls", []) or []))

    def _call_tool(self, tools: dict[str, BaseTool], call: dict[str, Any], attempt: _Attempt) -> str:
        name, arguments = call.get("name", ""), call.get("args") or {}
        tool = tools.get(name)
        if tool is None:
            output = f"没有名为“{name}”的工具。可用：{'、'.join(tools)}"
        else:
            try:
                output = str(tool.invoke(arguments))
            except Exception as exc:  # a tool must not end the answer; the model sees the problem
                output = f"工具调用出错：{exc}"
        if name == SEARCH_TOOL_NAME:
            result: dict[str, Any] = {"sources": [int(n) for n in re.findall(r"^\[(\d+)\]", output, re.M)]}
        else:
            attempt.calculator_results.append(output)
            result = _as_json(output)
        attempt.tool_calls.append(ToolCall(name=name, arguments=dict(arguments), result=result))
        return output

    def _history(self, conversation: Conversation | None) -> list[BaseMessage]:
        if conversation is None:
            return []
        messages: list[BaseMessage] = []
        for turn in conversation.turns[-HISTORY_TURNS:]:
            messages += [HumanMessage(turn.question), AIMessage(turn.answer.answer)]
        return messages

    # ------------------------------------------------------------------------------------------ checks

    def _verify(self, text: str, resolved: ResolvedQuestion, attempt: _Attempt) -> VerificationReport:
        abstains = bool(ABSTAIN_RE.search(text)) and not extract_quantities(text)

        def places_in(sentence: str) -> list[str]:
            """The region each place a sentence names stands for: its own covered region, or its name."""
            places = self.retriever.understand(sentence).places
            return [next((r for r in p.regions if r != NATIONAL_REGION), p.name) for p in places]

        report = verify_answer(
            text, attempt.sources.texts(), attempt.calculator_results, require_citation=not abstains,
            source_regions={n: chunk.region for n, chunk in attempt.sources.chunks.items()}, places_in=places_in,
        )
        if not text.strip():
            report.issues.append(VerificationIssue(kind="missing_citation", detail="回答为空"))
        for detail in unsafe_output_issues(text, secret=SYSTEM_PROMPT):  # obeyed an injection / leaked the prompt
            report.issues.append(VerificationIssue(kind="unsafe_content", detail=detail))
        understanding = resolved.understanding
        allowed = set(understanding.regions)  # the places' own, parents' and national rules
        places = [p.label for p in understanding.places]  # an uncovered place (廊坊) may only get national clauses
        for n in report.cited:
            chunk = attempt.sources.chunks.get(n)
            if places and chunk is not None and chunk.region not in (*allowed, NATIONAL_REGION):
                report.issues.append(VerificationIssue(
                    kind="wrong_region",
                    detail=f"引用[{n}]是{chunk.region}的条款，但问题问的是{'、'.join(places)}，不能套用其他地区的规定",
                ))
        return report

    def _answer(self, resolved: ResolvedQuestion, text: str, attempt: _Attempt, report: VerificationReport) -> Answer:
        cited = sorted(set(report.cited))
        if not cited and ABSTAIN_RE.search(text):
            status = "not_found"
        elif any(r.get("status") == "needs_info" for r in (_as_json(o) for o in attempt.calculator_results[-1:])):
            status = "needs_info"
        else:
            status = "answered"
        return Answer(
            question=resolved.question, status=status, answer=text.strip(), citations=attempt.sources.citations(cited),
            tool_calls=attempt.tool_calls, engine="llm", notes=["回答已通过引用与数字核验"],
        )

    def _fallback(
        self, question: str, conversation: Conversation | None, notes: list[str], error_id: str | None = None
    ) -> Answer:
        answer = self.offline.answer(question, conversation)
        return answer.model_copy(
            update={"fallback": True, "notes": [*notes, "已改用离线引擎的回答", *answer.notes], "error_id": error_id}
        )


# Issue kinds whose details quote the refused text (an invented number, an injected payload) get a generic reason.
_GENERIC_REASONS = {
    "ungrounded_number": "含有在所引条款和计算结果中找不到的数字",
    "unsafe_content": "含有不应输出的内容",
}


def _user_safe_reasons(report: VerificationReport) -> str:
    reasons = [_GENERIC_REASONS.get(issue.kind, issue.detail) for issue in report.issues]
    return "；".join(dict.fromkeys(reasons))


def _as_json(output: str) -> dict[str, Any]:
    try:
        value = json.loads(output)
    except (TypeError, ValueError):
        return {"text": output}
    return value if isinstance(value, dict) else {"value": value}
