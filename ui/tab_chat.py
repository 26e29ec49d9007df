"""咨询: streaming answers laid out for a phone, per-answer feedback, a conversation that survives a reload.

Chat messages are markdown, so every string goes through ``render.md_text`` (all metacharacters escaped: no
HTML, images, links or math from a question or a document can render); ``ui.chat_view`` lays out one answer.
``run_ask`` is also the page's public ``ask`` API endpoint (GUIDE contract).

Session memory is bounded: server-side states expire (``SESSION_TTL_S``), the conversation keeps its last
``MAX_CONVERSATION_TURNS`` turns, and the copy kept in the visitor's browser (``gr.BrowserState``, so a reload
keeps the conversation) holds the same bounded history.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from typing import Any

import gradio as gr

from assistant.models import MAX_CONVERSATION_TURNS, Answer, Conversation
from ingest.errors import PolicyAssistantError
from ui import chat_view, render
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
UNVERIFIED_DRAFT = "（草稿，正在核对引用和数字，核对后显示正式回答）\n\n"
SESSION_TTL_S = 2 * 60 * 60  # server-side chat state of an idle session is dropped after two hours
STORAGE_KEY = "policy-assistant-chat"
History = list[dict[str, Any]]
Answers = list[dict[str, Any]]  # one entry per question in the history: the answer's id and its ask JSON


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


def _user(text: str) -> dict[str, Any]:
    return {"role": "user", "content": render.md_text(text)}


def _assistant(text: str) -> dict[str, Any]:
    return {"role": "assistant", "content": render.md_text(text)}


def answer_messages(answer: Answer, regions: list[str] | None = None) -> History:
    """Conclusion and next steps, then the folded calculation and citation cards (``ui.chat_view``)."""
    return chat_view.answer_messages(answer, regions or [])


def covered_regions(services: Services) -> list[str]:
    retriever = services.retriever
    return [meta.region for meta in retriever.documents()] if retriever is not None else []


def bounded(history: History, answers: Answers) -> tuple[History, Answers]:
    """The last ``MAX_CONVERSATION_TURNS`` questions with their answers (what the page and the browser keep)."""
    starts = [i for i, message in enumerate(history) if message.get("role") == "user"]
    if len(starts) <= MAX_CONVERSATION_TURNS:
        return history, answers[-MAX_CONVERSATION_TURNS:]
    return history[starts[-MAX_CONVERSATION_TURNS] :], answers[-MAX_CONVERSATION_TURNS:]


def _record(
    answer: Answer | None, question: str, services: Services | None = None, conversation: Conversation | None = None
) -> dict[str, Any]:
    """The page's record of one answer; its id is the answer log's (staff reports), so votes refer to it."""
    if answer is None:
        return {"answer_id": None, "question": question}
    contract = answer.contract()
    answer_id = log_answer(services, contract, channel="page", conversation=conversation.state if conversation
                           else None) if services is not None else uuid.uuid4().hex
    return {"answer_id": answer_id or uuid.uuid4().hex, **contract}


def respond(
    services: Services,
    question: str,
    history: History | None,
    conversation: Conversation | None,
    answers: Answers | None = None,
) -> Iterator[tuple[History, Conversation, Answers, str]]:
    """Stream one turn. Yields (chat history, conversation, per-question answer records, question box value)."""
    from assistant.validation import validate_question

    history = list(history or [])
    answers = list(answers or [])
    conversation = conversation or Conversation()
    try:
        cleaned = validate_question(question, max_chars=services.settings.max_question_chars)
        engine = services.require_engine()
    except PolicyAssistantError as exc:  # bad input or no index: say so, keep the text for the user to fix
        rejected = [*history, _user(question or " "), _assistant(exc.zh)]
        yield rejected, conversation, [*answers, _record(None, question)], question
        return
    history += [_user(cleaned), _assistant(THINKING)]
    yield list(history), conversation, answers, ""
    streamed = ""
    # LLM drafts are unverified until the final Answer arrives: label them so nobody acts on a draft.
    draft_prefix = UNVERIFIED_DRAFT if getattr(engine, "name", "") == "llm" else ""
    try:
        for item in engine.stream(cleaned, conversation):
            if isinstance(item, Answer):
                history[-1:] = answer_messages(item, covered_regions(services))
                history, answers = bounded(history, [*answers, _record(item, cleaned, services, conversation)])
                yield history, conversation, answers, ""
                return
            streamed += item
            history[-1] = _assistant(draft_prefix + streamed)
            yield list(history), conversation, answers, ""
    except Exception as exc:
        text, _ = services.failure(exc, action_zh="回答问题", command="ui.chat", question=cleaned)
        history[-1] = _assistant(text)
        yield history, conversation, [*answers, _record(None, cleaned)], ""
        return
    # an engine that ends without a final Answer breaks the protocol; say so instead of leaving a spinner
    history[-1] = _assistant(streamed or "抱歉，没有得到回答，请重试。")
    yield history, conversation, [*answers, _record(None, cleaned)], ""


# ---------------------------------------------------------------- feedback (one row per answer)


def record_vote(services: Services, history: History, answers: Answers, index: int, liked: Any) -> tuple[str, Any]:
    """👍/👎 on the answer holding message ``index``: (status HTML, id of the answer a comment would attach to)."""
    turn = chat_view.turn_of_message(history, index)
    record = answers[turn] if turn is not None and turn < len(answers) else None
    if not record or not record.get("answer_id"):
        return render.notice_html("这条消息不是回答，无法评价。"), None
    answer_id = record["answer_id"]
    try:
        if liked is None or liked == "":
            services.feedback.remove(answer_id)
            return render.notice_html("已取消对这条回答的评价。"), None
        services.feedback.add(
            vote="up" if liked is True or liked == "Like" else "down",
            question=record.get("question", ""),
            answer=record.get("answer", ""),
            citations=record.get("citations", []),
            status=record.get("status", ""),
            engine=record.get("engine", ""),
            answer_id=answer_id,
        )
    except PolicyAssistantError as exc:
        return render.error_html(exc.zh), None
    return render.notice_html(f"感谢反馈！已记录您对第{turn + 1}个问题的回答的评价，可在下方补充意见。"), answer_id


def record_comment(services: Services, comment: str, answer_id: str | None) -> tuple[str, str]:
    """Attach the comment to the answer last voted on: (status HTML, new comment box value)."""
    if not answer_id:
        return render.notice_html("请先点击某条回答下方的“有用”或“没用”，再补充意见。"), comment
    if not (comment or "").strip():
        return render.notice_html("请输入意见内容。"), comment
    try:
        services.feedback.set_comment(answer_id, comment)
    except PolicyAssistantError as exc:
        return render.error_html(exc.zh), comment
    return render.notice_html("感谢反馈！您的意见已保存。"), ""


# ---------------------------------------------------------------- persistence in the visitor's browser


def saved_state(history: History, conversation: Conversation, answers: Answers) -> dict[str, Any]:
    history, answers = bounded(history or [], answers or [])
    return {"history": history, "answers": answers, "conversation": conversation.model_dump(mode="json")}


def restore_state(saved: Any) -> tuple[History, Conversation, Answers]:
    """What the browser kept; anything unreadable starts a fresh conversation rather than failing the page."""
    try:
        history = [m for m in saved["history"] if isinstance(m, dict) and m.get("role") in ("user", "assistant")]
        conversation = Conversation.model_validate(saved.get("conversation") or {})
        answers = [a for a in saved.get("answers") or [] if isinstance(a, dict)]
    except (TypeError, KeyError, AttributeError, ValueError):
        return [], Conversation(), []
    history, answers = bounded(history, answers)
    return history, conversation, answers


# ---------------------------------------------------------------- layout


COPY_TRANSCRIPT_JS = """
(text) => {
  const done = (ok) => { const b = document.querySelector('#chat-copy-all');
    if (b) { const old = '复制对话文字'; b.textContent = ok ? '已复制' : '复制失败，请手动选择文字';
      setTimeout(() => { b.textContent = old; }, 1500); } };
  if (!text) { done(false); return; }
  navigator.clipboard.writeText(text).then(() => done(true), () => {
    const area = document.createElement('textarea'); area.value = text; document.body.appendChild(area);
    area.select(); let ok = false; try { ok = document.execCommand('copy'); } finally { area.remove(); } done(ok);
  });
}
"""
PRINT_JS = "() => { document.querySelectorAll('#chat details').forEach((d) => { d.open = true; }); window.print(); }"


def build_chat_tab(services: Services) -> tuple[Any, list[Any], list[Any]]:
    """Build the tab; returns (restore function, its inputs, its outputs) for the page's load event."""
    if services.index_problem:
        gr.HTML(render.error_html(services.index_problem))
    chatbot = gr.Chatbot(
        label="咨询对话",
        show_label=False,  # a floating label would cover the first line of a scrolled conversation
        elem_id="chat",
        height="60vh",
        min_height=320,
        autoscroll=False,  # ui/static/page.js scrolls each new answer to its top instead of the end
        latex_delimiters=[],  # no math rendering of user/document text
        sanitize_html=True,
        render_markdown=True,
        feedback_options=("Like", "Dislike"),
        placeholder="您好！请输入您想咨询的职业技能培训或补贴政策问题，回答会附上政策原文条款。",
        buttons=["copy"],
    )
    conversation = gr.State(Conversation(), time_to_live=SESSION_TTL_S)
    answers = gr.State([], time_to_live=SESSION_TTL_S)
    voted = gr.State(None, time_to_live=SESSION_TTL_S)
    saved = gr.BrowserState(None, storage_key=STORAGE_KEY)
    with gr.Row(equal_height=True, elem_classes=["pa-ask-row"]):
        question = gr.Textbox(
            label="输入您的问题",
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
    with gr.Row(elem_classes=["pa-tools-row"]):
        new_chat = gr.Button("新对话", size="sm", elem_id="chat-new")
        copy_all = gr.Button("复制对话文字", size="sm", elem_id="chat-copy-all")
        print_chat = gr.Button("打印对话", size="sm", elem_id="chat-print")
    with gr.Accordion("对回答的意见（先点回答下方的“有用”或“没用”）", open=False, elem_id="feedback-box"):
        comment = gr.Textbox(
            label="补充意见（可选）", max_lines=3, placeholder="哪里答得不对或不清楚？", elem_id="feedback-comment"
        )
        send_comment = gr.Button("提交意见", size="sm", elem_id="feedback-send")
    feedback_status = gr.HTML(elem_id="feedback-status")
    transcript_text = gr.Textbox(visible="hidden", label="对话文字", elem_id="chat-transcript")

    def stream_turn(q: str, history: History, conv: Conversation, recs: Answers) -> Iterator[tuple[Any, ...]]:
        yield from respond(services, q, history, conv, recs)

    private = {"api_visibility": "private"}
    turn_inputs = [question, chatbot, conversation, answers]
    turn_outputs = [chatbot, conversation, answers, question]
    save = {"fn": saved_state, "inputs": [chatbot, conversation, answers], "outputs": saved, **private}
    send.click(stream_turn, turn_inputs, turn_outputs, **private).then(**save)
    question.submit(stream_turn, turn_inputs, turn_outputs, **private).then(**save)
    examples.click(lambda i: EXAMPLE_QUESTIONS[i], examples, question, **private).then(
        stream_turn, turn_inputs, turn_outputs, **private
    ).then(**save)
    new_chat.click(
        lambda: ([], Conversation(), [], "", None, "", "", None),
        None,
        [*turn_outputs, voted, comment, feedback_status, saved],
        **private,
    )

    def on_like(history: History, recs: Answers, data: gr.LikeData) -> tuple[str, Any]:
        index = data.index[0] if isinstance(data.index, list | tuple) else data.index
        return record_vote(services, history, recs, int(index), data.liked)

    chatbot.like(on_like, [chatbot, answers], [feedback_status, voted], **private)
    # the chat's own 清空对话 button starts a new conversation everywhere, not only on screen
    chatbot.clear(lambda: (Conversation(), [], None, None), None, [conversation, answers, voted, saved], **private)
    comment_event = {"inputs": [comment, voted], "outputs": [feedback_status, comment], **private}
    send_comment.click(lambda c, v: record_comment(services, c, v), **comment_event)
    comment.submit(lambda c, v: record_comment(services, c, v), **comment_event)
    copy_all.click(chat_view.transcript, chatbot, transcript_text, **private).then(
        None, transcript_text, None, js=COPY_TRANSCRIPT_JS, **private
    )
    print_chat.click(None, None, None, js=PRINT_JS, **private)
    return restore_state, [saved], [chatbot, conversation, answers]
