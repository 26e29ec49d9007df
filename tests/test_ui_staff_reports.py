"""The answer log, per-answer votes, the feedback viewer and the unanswered-questions report (+ CSV)."""

from __future__ import annotations

import csv
import io
import sqlite3
from pathlib import Path

import pytest

from assistant.models import Conversation
from ingest.settings import Settings
from ui import staff_reports
from ui.answer_log import UNKNOWN_REGION, answer_region, answer_topic, log_answer
from ui.feedback import FeedbackStore
from ui.services import Services, build_services
from ui.tab_chat import respond

CITATION = {
    "doc_id": "d", "title": "T", "doc_number": None, "clause": "三、（一）3", "text": "原文", "region": "石家庄市"
}


@pytest.fixture
def services(tmp_settings: Settings) -> Services:
    """No index: region comes from citations; enough for the report's bookkeeping."""
    return build_services(tmp_settings, retriever_factory=None, engine_factory=None)


def _log(services: Services, question: str, status: str, *, channel: str = "page", conversation: dict | None = None,
         citations: list | None = None) -> str:
    contract = {"question": question, "status": status, "citations": citations or [], "tool_calls": [],
                "engine": "offline"}
    answer_id = log_answer(services, contract, channel=channel, conversation=conversation)
    assert answer_id
    return answer_id


def test_answers_are_logged_with_region_topic_and_conversation(services: Services) -> None:
    conversation: dict = {}
    contract = {
        "question": "石家庄技能提升补贴？", "status": "needs_info", "engine": "offline",
        "citations": [{**CITATION, "heading": "深入实施职工技能提升行动"}],
        "tool_calls": [{"name": "sjz_skill_upgrade_subsidy", "arguments": {}, "result": {}}],
    }
    answer_id = log_answer(services, contract, channel="page", conversation=conversation)
    (logged,) = services.feedback.answers()
    assert logged.answer_id == answer_id and logged.status == "needs_info" and logged.channel == "page"
    assert logged.region == "石家庄市" and logged.topic == "深入实施职工技能提升行动"
    assert logged.conversation_id and conversation  # the id lives in the conversation's own state
    assert log_answer(services, {**contract, "status": "rejected"}, channel="api") is None  # bad input: not a gap
    assert len(services.feedback.answers()) == 1


def test_topic_falls_back_to_citations_and_calculators_without_an_index(services: Services) -> None:
    call = {"name": "calc_x", "arguments": {}, "result": {"title": "技能提升补贴"}}
    assert answer_topic(services, "q", {"citations": [CITATION], "tool_calls": [call]}) == "技能提升补贴"
    assert answer_topic(services, "q", {"citations": [], "tool_calls": []}) == "未分类"


def test_region_and_topic_come_from_the_query_understanding(fresh_services: Services) -> None:
    assert answer_region(fresh_services, "上海的培训补贴是多少？", {"citations": []}) == "上海市"  # uncovered
    assert answer_region(fresh_services, "石家庄技能提升补贴", {"citations": []}).endswith("石家庄市")
    assert answer_region(fresh_services, "补贴怎么领", {"citations": []}) == UNKNOWN_REGION
    question = "我在石家庄交了15个月失业保险，考了中级工证，能领多少技能提升补贴？"
    topic = fresh_services.retriever.understand(question).topic_title
    assert topic and answer_topic(fresh_services, question, {"citations": [CITATION]}) == topic


def test_logging_never_breaks_an_answer(services: Services, tmp_path: Path) -> None:
    broken = tmp_path / "broken.sqlite3"
    broken.write_bytes(b"not a database" * 100)
    services.feedback = FeedbackStore(broken)
    assert log_answer(services, {"question": "q", "status": "not_found"}, channel="api") is None


def test_a_vote_on_the_same_answer_replaces_the_earlier_one(services: Services) -> None:
    store = services.feedback
    first = store.add(vote="up", question="q", answer="a", answer_id="abc")
    second = store.add(vote="down", question="q", answer="a", answer_id="abc", comment="其实不对")
    assert first == second and store.count() == 1
    (record,) = store.recent()
    assert record.vote == "down" and record.comment == "其实不对"
    store.add(vote="up", question="q", answer="a")  # votes without an answer id are kept apart
    assert store.count() == 2 and [r.vote for r in store.recent(vote="up")] == ["up"]


def test_a_database_from_before_the_answer_log_is_upgraded(tmp_path: Path) -> None:
    path = tmp_path / "feedback.sqlite3"
    with sqlite3.connect(path) as old:
        old.execute(
            "CREATE TABLE feedback (id INTEGER PRIMARY KEY AUTOINCREMENT, created_at TEXT NOT NULL, vote TEXT NOT NULL,"
            " comment TEXT NOT NULL DEFAULT '', question TEXT NOT NULL, answer TEXT NOT NULL,"
            " status TEXT NOT NULL DEFAULT '', engine TEXT NOT NULL DEFAULT '', citations TEXT NOT NULL DEFAULT '[]')"
        )
        old.execute("INSERT INTO feedback (created_at, vote, question, answer) VALUES ('2024-01-01', 'down', 'q', 'a')")
    store = FeedbackStore(path)
    store.add(vote="up", question="q2", answer="a2", answer_id="x1")
    assert [(r.question, r.answer_id) for r in store.recent()] == [("q2", "x1"), ("q", None)]
    assert store.record_answer(question="q3", status="not_found", channel="api")


def test_unanswered_report_keeps_only_the_gaps(services: Services) -> None:
    store = services.feedback
    not_found = _log(services, "上海的培训补贴是多少？", "not_found", channel="api")
    resolved: dict = {}
    _log(services, "石家庄技能提升补贴能领多少？", "needs_info", conversation=resolved, citations=[CITATION])
    _log(services, "交了15个月失业保险", "answered", conversation=resolved, citations=[CITATION])
    abandoned: dict = {}
    left_open = _log(services, "学徒补贴多少？", "needs_info", conversation=abandoned, citations=[CITATION])
    api_needs_info = _log(services, "技能提升补贴多少？", "needs_info", channel="api", citations=[CITATION])
    disliked = _log(services, "北京职工教育经费怎么提取？", "answered", citations=[{**CITATION, "region": "北京市"}])
    liked = _log(services, "北碚退役军人培训？", "answered")
    store.add(vote="down", question="北京职工教育经费怎么提取？", answer="…", answer_id=disliked, comment="没说2.5%")
    store.add(vote="down", question="上海的培训补贴是多少？", answer="…", answer_id=not_found)
    store.add(vote="up", question="北碚退役军人培训？", answer="…", answer_id=liked)
    store.add(vote="down", question="老版本页面的问题", answer="…", citations=[CITATION])  # no answer id
    items = {item.question: item for item in staff_reports.unanswered_items(services)}
    assert set(items) == {
        "上海的培训补贴是多少？",
        "学徒补贴多少？",
        "技能提升补贴多少？",
        "北京职工教育经费怎么提取？",
        "老版本页面的问题",
    }
    assert items["上海的培训补贴是多少？"].reasons == ["未找到依据", "用户评价“没用”"]
    assert items["学徒补贴多少？"].answer_id == left_open and items["技能提升补贴多少？"].answer_id == api_needs_info
    assert items["学徒补贴多少？"].reasons == ["缺少信息且未补充"]
    beijing = items["北京职工教育经费怎么提取？"]
    assert beijing.region == "北京市" and beijing.comment == "没说2.5%"
    assert items["老版本页面的问题"].region == "石家庄市"
    groups = staff_reports.group_report(list(items.values()))
    assert groups[0].region == "石家庄市" and groups[0].count == 3  # the biggest gap first
    assert sum(group.count for group in groups) == len(items)


def test_csv_export_opens_in_excel_and_cannot_inject_formulas(services: Services, tmp_path: Path) -> None:
    _log(services, '=HYPERLINK("http://x","点我")', "not_found")
    _log(services, "含,逗号\n和换行的\"问题\"", "not_found")
    items = staff_reports.unanswered_items(services)
    path = staff_reports.write_unanswered_csv(items, tmp_path / "exports")
    raw = path.read_bytes()
    assert raw.startswith("\ufeff".encode())  # BOM: Excel reads it as UTF-8
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0] == ["时间", "地区", "主题", "原因", "问题", "用户意见", "渠道", "回答编号"]
    questions = [row[4] for row in rows[1:]]
    assert "含,逗号\n和换行的\"问题\"" in questions
    assert "'=HYPERLINK(\"http://x\",\"点我\")" in questions
    assert all(not cell.startswith(("=", "+", "-", "@")) for row in rows[1:] for cell in row)


def test_empty_report_is_still_a_valid_csv(services: Services, tmp_path: Path) -> None:
    path = staff_reports.write_unanswered_csv([], tmp_path)
    assert path.read_text(encoding="utf-8-sig").splitlines() == ["时间,地区,主题,原因,问题,用户意见,渠道,回答编号"]
    assert staff_reports.group_report([]) == []


def test_feedback_viewer_filters_by_vote(services: Services) -> None:
    services.feedback.add(vote="down", question="q1", answer="答" * 300, comment="c1", status="not_found")
    services.feedback.add(vote="up", question="q2", answer="a2")
    assert [r["question"] for r in staff_reports.feedback_rows(services, None)] == ["q2", "q1"]
    (down,) = staff_reports.feedback_rows(services, "down")
    assert down["vote"] == "👎 没用" and down["status"] == "未找到依据" and len(down["answer"]) == 201


def test_page_chat_logs_answers_and_a_followed_up_needs_info_is_resolved(fresh_services: Services) -> None:
    conversation, history, contracts = Conversation(), [], []
    for question in ("我在石家庄考了中级工证书，能领多少技能提升补贴？", "交了15个月失业保险"):
        # the page keeps one record per answer (the answer's contract and the id votes refer to)
        *_, (history, conversation, contracts, _) = respond(fresh_services, question, history, conversation, contracts)
    assert [c["status"] for c in contracts] == ["needs_info", "answered"]
    assert all(c["answer_id"] for c in contracts)  # the page can attach its 👍/👎 to this answer
    logged = fresh_services.feedback.answers()
    assert [a.answer_id for a in logged] == [c["answer_id"] for c in contracts]
    assert logged[0].conversation_id == logged[1].conversation_id
    assert staff_reports.unanswered_items(fresh_services) == []
