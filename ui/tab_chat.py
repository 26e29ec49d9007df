"""咨询: streaming answers, citation cards and calculator traces under each answer, feedback.

Chat messages are markdown, so every string goes through ``render.md_text`` (all metacharacters escaped: no
HTML, images, links or math from a question or a document can render). ``run_ask`` is also the page's public
``ask`` API endpoint (GUIDE contract).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import gradio as gr

from assistant.models import Answer, Citation, Conversation
from ingest.errors import PolicyAssistantError, UserInputError
from ui import render
from ui.answer_log import log_answer
from ui.services import Services

EXAMPLE_QUESTIONS = (
    "我在石家庄交了15个月失业保险，考了中级工证，能领多少补贴？",
    "北京市企业职工教育经费按工资总额的多少提取？",
    "北碚区退役军人参加职业技能培训有什么补贴？",
    "石家庄就业技能培训补贴每人最多多少钱？",
    "重庆市哪些区列入了百城技能振兴专项活动？",
    "在京工作满5年的高级技师能直接引进吗？",
)
THINKING = "正在查找相关条款…"
History = list[dict[str, Any]]


def run_ask(services: Services, question: str) -> dict[str, Any]:
    """The GUIDE's ask JSON for one stand-alone question; bad input → status ``rejected`` with a Chinese answer."""
    from assistant.validation import validate_question

    engine_name = "llm" if services.settings.llm_enabled else "offline"
    try:
        cleaned = validate_question(question, max_chars=services.settings.max_question_chars)
        return services.require_engine().answer(cleaned).contract()
    except Exception as exc:  # bad input → its message; anything else → a logged, quotable error id
        text, error_id = services.failure(exc, action_zh="回答问题", command="ui.api.ask", question=question)
        rejected = Answer(question=str(question), status="rejected", answer=text, engine=engine_name, error_id=error_id)
        return rejected.contract()


# ---------------------------------------------------------------- chat messages


def _user(text: str) -> dict[str, Any]:
    return {"role": "user", "content": render.md_text(text)}


def _assistant(text: str) -> dict[str, Any]:
    return {"role": "assistant", "content": render.md_text(text)}


def _citation_message(citation: Citation) -> dict[str, Any]:
    """One collapsible card: [n] 《title》 clause — meta line — verbatim text."""
    item = citation.model_dump(mode="json")
    title = f"📄 [{citation.n}] 《{citation.title}》{render.clause_label(citation.clause)}"
    body = f"{render.citation_meta_line(item)}\n\n{citation.text}\n\n引用：{citation.label}"
    return {
        "role": "assistant",
        "content": render.md_text(body),
        "metadata": {"title": render.md_text(title), "status": "done"},
    }


def _calculation_message(result: dict[str, Any]) -> dict[str, Any] | None:
    if not result.get("trace") and not result.get("summary"):
        return None
    lines = [result.get("summary") or ""]
    lines += [f"{i}. {step}" for i, step in enumerate(result.get("trace") or [], start=1)]
    lines += [f"注：{note}" for note in result.get("notes") or []]
    title = f"🧮 计算过程：{result.get('title') or result.get('name') or ''}"
    return {
        "role": "assistant",
        "content": render.md_text("\n".join(line for line in lines if line)),
        "metadata": {"title": render.md_text(title), "status": "done"},
    }


def answer_messages(answer: Answer) -> History:
    """The final answer text, then calculator traces, then one citation card per cited clause."""
    text = answer.answer
    if answer.notes:
        text += "\n\n" + "\n".join(f"注：{note}" for note in answer.notes)
    messages = [_assistant(text)]
    for call in answer.tool_calls:
        message = _calculation_message(call.result)
        if message:
            messages.append(message)
    messages.extend(_citation_message(c) for c in answer.citations)
    return messages


UNVERIFIED_DRAFT = "（草稿，正在核对引用和数字，核对后显示正式回答）\n\n"


def respond(
    services: Services, question: str, history: History | None, conversation: Conversation | None
) -> Iterator[tuple[History, Conversation, dict[str, Any] | None, str]]:
    """Stream one turn. Yields (chat history, conversation, last answer contract, question box value)."""
    from assistant.validation import validate_question

    history = list(history or [])
    conversation = conversation or Conversation()
    try:
        cleaned = validate_question(question, max_chars=services.settings.max_question_chars)
        engine = services.require_engine()
    except UserInputError as exc:
        yield [*history, _user(question or " "), _assistant(exc.zh)], conversation, None, question
        return
    except PolicyAssistantError as exc:
        yield [*history, _user(question), _assistant(exc.zh)], conversation, None, question
        return
    history += [_user(cleaned), _assistant(THINKING)]
    yield list(history), conversation, None, ""
    streamed = ""
    # LLM drafts are unverified until the final Answer arrives: label them so nobody acts on a draft.
    draft_prefix = UNVERIFIED_DRAFT if getattr(engine, "name", "") == "llm" else ""
    try:
        for item in engine.stream(cleaned, conversation):
            if isinstance(item, Answer):
                history[-1:] = answer_messages(item)
                contract = item.contract()
                answer_id = log_answer(services, contract, channel="page", conversation=conversation.state)
                yield list(history), conversation, {**contract, "answer_id": answer_id}, ""
                return
            streamed += item
            history[-1] = _assistant(draft_prefix + streamed)
            yield list(history), conversation, None, ""
    except Exception as exc:
        text, _ = services.failure(exc, action_zh="回答问题", command="ui.chat", question=cleaned)
        history[-1] = _assistant(text)
        yield history, conversation, None, ""
        return
    # an engine that ends without a final Answer breaks the protocol; say so instead of leaving a spinner
    history[-1] = _assistant(streamed or "抱歉，没有得到回答，请重试。")
    yield history, conversation, None, ""


def record_feedback(services: Services, vote: str, comment: str, last: dict[str, Any] | None) -> str:
    if not last:
        return render.notice_html("请先提问，再对回答进行评价。")
    try:
        services.feedback.add(
            vote=vote,
            comment=comment or "",
            question=last.get("question", ""),
            answer=last.get("answer", ""),
            citations=last.get("citations", []),
            status=last.get("status", ""),
            engine=last.get("engine", ""),
            answer_id=last.get("answer_id"),
        )
    except PolicyAssistantError as exc:
        return render.error_html(exc.zh)
    return render.notice_html("感谢反馈！您的评价已保存。")


# ---------------------------------------------------------------- layout


def build_chat_tab(services: Services) -> None:
    if services.index_problem:
        gr.HTML(render.error_html(services.index_problem))
    chatbot = gr.Chatbot(
        label="政策咨询",
        show_label=False,  # a floating label would cover the first line of a scrolled conversation
        elem_id="chat",
        height="60vh",
        min_height=320,
        latex_delimiters=[],  # no math rendering of user/document text
        sanitize_html=True,
        render_markdown=True,
        feedback_options=None,
        placeholder="您好！请输入您想咨询的职业技能培训或补贴政策问题，回答会附上政策原文条款。",
        buttons=["copy"],
    )
    conversation = gr.State(Conversation())
    last_answer = gr.State(None)
    with gr.Row(equal_height=True, elem_classes=["pa-ask-row"]):
        question = gr.Textbox(
            show_label=False,
            placeholder="输入问题，例如：石家庄技能提升补贴是多少？",
            lines=1,
            max_lines=4,
            scale=5,
            elem_id="chat-question",
        )
        send = gr.Button("发送", variant="primary", scale=1, min_width=72, elem_id="chat-send")
    examples = gr.Dataset(
        samples=[[q] for q in EXAMPLE_QUESTIONS],
        components=[question],
        type="index",
        label="示例问题（点击直接提问）",
        elem_id="chat-examples",
    )
    with gr.Row(elem_classes=["pa-feedback-row"]):
        new_chat = gr.Button("🆕 新对话", size="sm", elem_id="chat-new")
        up = gr.Button("👍 有用", size="sm", elem_id="feedback-up")
        down = gr.Button("👎 没用", size="sm", elem_id="feedback-down")
    comment = gr.Textbox(
        label="补充意见（可选）", max_lines=3, placeholder="哪里答得不对或不清楚？", elem_id="feedback-comment"
    )
    feedback_status = gr.HTML(elem_id="feedback-status")

    def stream_turn(q: str, history: History, conv: Conversation) -> Iterator[tuple[Any, ...]]:
        yield from respond(services, q, history, conv)

    turn_outputs = [chatbot, conversation, last_answer, question]
    private = {"api_visibility": "private"}
    send.click(stream_turn, [question, chatbot, conversation], turn_outputs, **private)
    question.submit(stream_turn, [question, chatbot, conversation], turn_outputs, **private)
    examples.click(lambda i: EXAMPLE_QUESTIONS[i], examples, question, **private).then(
        stream_turn, [question, chatbot, conversation], turn_outputs, **private
    )
    new_chat.click(
        lambda: ([], Conversation(), None, "", "", ""), None, [*turn_outputs, comment, feedback_status], **private
    )
    up.click(
        lambda c, last: record_feedback(services, "up", c, last), [comment, last_answer], feedback_status, **private
    )
    down.click(
        lambda c, last: record_feedback(services, "down", c, last), [comment, last_answer], feedback_status, **private
    )
