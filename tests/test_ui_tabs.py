"""The tabs' server-side handlers on the real index and the real offline engine (no browser needed)."""


from __future__ import annotations

import dataclasses
from collections.abc import Iterator

import pytest

from assistant.models import Conversation
from ui import tab_chat, tab_docs, tab_lookup
from ui.feedback import FeedbackStore
from ui.services import Services

# ---------------------------------------------------------------- chat


def _final(turns: Iterator[tuple]) -> tuple:
    frames = list(turns)
    assert frames
    return frames[-1]


def test_chat_streams_then_shows_answer_calculation_and_citation_cards(ui_services: Services) -> None:
    frames = list(tab_chat.respond(ui_services, "我在石家庄交了15个月失业保险，考了中级工证，能领多少补贴？", [], None))
    assert len(frames) >= 2
    first_history = frames[0][0]
    assert first_history[-1]["content"] == tab_chat.THINKING  # the page shows progress before the answer
    history, conversation, answers, box = frames[-1]
    assert box == ""
    assert history[0]["role"] == "user"
    assert "1500" in history[1]["content"]
    titles = [m["metadata"]["title"] for m in history if m.get("metadata")]
    assert any("计算过程" in t for t in titles)
    assert any("三、（一）3" in t.replace("\\", "") for t in titles)
    last = answers[-1]
    assert last["status"] == "answered" and last["citations"] and last["answer_id"]
    assert len(conversation.turns) == 1


def test_chat_follow_up_keeps_context(ui_services: Services) -> None:
    history, conversation, answers, _ = _final(tab_chat.respond(ui_services, "石家庄技能提升补贴是多少？", [], None))
    history, conversation, answers, _ = _final(
        tab_chat.respond(ui_services, "那高级证书呢？", history, conversation, answers)
    )
    assert len(conversation.turns) == 2 and len(answers) == 2
    assert "2000" in answers[-1]["answer"]
    assert any(c["clause"] == "三、（一）3" for c in answers[-1]["citations"])
    assert len([m for m in history if m["role"] == "user"]) == 2


@pytest.mark.parametrize(
    ("question", "message"),
    [("", "问题不能为空"), ("a\u200bb", "零宽"), ("问" * 1001, "问题过长"), ("！！！", "请输入文字内容")],
)
def test_chat_bad_input_shows_chinese_message_without_calling_engine(
    ui_services: Services, question: str, message: str
) -> None:
    conversation = Conversation()
    frames = list(tab_chat.respond(ui_services, question, [], conversation))
    assert len(frames) == 1
    history, conv, answers, box = frames[0]
    assert message in history[-1]["content"].replace("\\", "")
    assert answers == [{"answer_id": None, "question": question}]  # one record per question, nothing to vote on
    assert conv.turns == [] and box == question  # the text stays for the user to fix


def test_chat_html_in_question_is_escaped(ui_services: Services) -> None:
    history, *_ = _final(tab_chat.respond(ui_services, '<img src=x onerror="alert(1)"> 石家庄补贴', [], None))
    assert history[0]["content"].startswith("\\<img")


def test_chat_without_index_explains_how_to_fix(ui_services: Services) -> None:
    broken = dataclasses.replace(
        ui_services, engine=None, retriever=None, index_problem="尚未建立索引，请先运行 policy-assistant ingest"
    )
    history, *_ = _final(tab_chat.respond(broken, "石家庄补贴多少？", [], None))
    assert "尚未建立索引" in history[-1]["content"]


class _ExplodingEngine:
    """Failure injection only: proves an engine crash becomes a quotable error id, never a traceback."""

    name = "offline"

    def answer(self, question, conversation=None):
        raise RuntimeError("boom")

    def stream(self, question, conversation=None):
        yield "部分"
        raise RuntimeError("boom")


def test_internal_errors_show_an_error_id_and_are_logged(fresh_services: Services) -> None:
    services = dataclasses.replace(fresh_services, engine=_ExplodingEngine())
    history, *_ = _final(tab_chat.respond(services, "石家庄补贴多少？", [], None))
    text = history[-1]["content"].replace("\\", "")
    assert "内部错误" in text and "E-" in text and "Traceback" not in text
    result = tab_chat.run_ask(services, "石家庄补贴多少？")
    assert result["status"] == "rejected" and result["error_id"] and result["error_id"] in result["answer"]
    log = (services.log_dir / "errors.jsonl").read_text(encoding="utf-8")
    assert result["error_id"] in log


def test_feedback_is_one_row_per_answer_updated_on_change(fresh_services: Services) -> None:
    history, _, answers, _ = _final(
        tab_chat.respond(fresh_services, "北京市企业职工教育经费按工资总额的多少提取？", [], None)
    )
    card = len(history) - 1  # a vote on any message of the answer (here its last citation card) counts for it
    status, voted = tab_chat.record_vote(fresh_services, history, answers, card, True)
    assert "已记录" in status and voted == answers[0]["answer_id"]
    status, voted = tab_chat.record_vote(fresh_services, history, answers, 1, False)  # changed their mind
    store = FeedbackStore(fresh_services.settings.feedback_db)  # new object: as after a restart
    assert store.count() == 1 and store.recent()[0].vote == "down"
    status, box = tab_chat.record_comment(fresh_services, "应该说明2.5%的条件", voted)
    assert "已保存" in status and box == ""  # the comment box is cleared
    record = store.recent()[0]
    assert record.comment == "应该说明2.5%的条件" and record.question == answers[0]["question"]
    assert record.citations and record.citations[0]["clause"] and store.count() == 1
    assert "不是回答" in tab_chat.record_vote(fresh_services, history, answers, 0, True)[0]  # the question itself
    assert "请先点击" in tab_chat.record_comment(fresh_services, "意见", None)[0]
    assert "意见过长" in tab_chat.record_comment(fresh_services, "长" * 5000, voted)[0]
    tab_chat.record_vote(fresh_services, history, answers, 1, None)  # clicked the same thumb again: withdrawn
    assert store.count() == 0


# ---------------------------------------------------------------- lookup


def test_lookup_highlights_terms_and_shows_time_and_copyable_citation(ui_services: Services) -> None:
    html = tab_lookup.search_html(ui_services, "技能提升补贴", 5, "石家庄市", None)
    assert "<mark>" in html and "毫秒" in html and "相关度" in html and "0.0" not in html
    label = "《石家庄市人民政府办公室关于推行终身职业技能培训制度加快技能强市建设的实施意见》三、（一）3 "
    assert f'data-cite="{label}' in html and "（现行有效，2019-10-15）" in html


def test_lookup_errors_are_inline_chinese(ui_services: Services) -> None:
    assert "请输入关键词" in tab_lookup.search_html(ui_services, "   ", 5, None, None)
    assert "未知的地区" in tab_lookup.search_html(ui_services, "补贴", 5, "火星", None)
    hostile = tab_lookup.search_html(ui_services, "<script>alert(1)</script>技能", 5, None, None)
    assert "<script>" not in hostile


def test_lookup_filter_choices_come_from_the_index(ui_services: Services) -> None:
    regions, docs = tab_lookup.filter_choices(ui_services)
    assert regions[0] == tab_lookup.ALL_REGIONS and {"北京市", "石家庄市", "重庆市北碚区"} <= set(regions)
    assert len(docs) == 6


# ---------------------------------------------------------------- calculators: tests/test_calc_tab.py


# ---------------------------------------------------------------- documents


def test_documents_listed_with_metadata_and_chunk_counts(ui_services: Services) -> None:
    rows = tab_docs.document_rows(ui_services)
    assert len(rows) == 5
    by_id = {row["doc_id"]: row for row in rows}
    beijing = by_id["beijing-2011-vocational-training"]
    assert beijing["doc_number"] == "京政发〔2011〕33号" and beijing["chunks"] > 5
    assert by_id["shijiazhuang-2019-lifelong-skills-training"]["doc_number"] is None


def test_document_viewer_shows_outline_and_full_text(ui_services: Services) -> None:
    html = tab_docs.view_document(ui_services, "shijiazhuang-2019-lifelong-skills-training")
    assert "条款目录" in html and "三、（一）3" in html and "4000元" in html
    assert "没有这份文件" in tab_docs.view_document(ui_services, "no-such-doc")
    assert "请选择" in tab_docs.view_document(ui_services, None)
