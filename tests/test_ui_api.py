"""The page's public API over HTTP: gradio_client round trips for ``ask`` and ``search`` (GUIDE contract).

The app is launched for real on 127.0.0.1 with a free port (``prevent_thread_lock=True``) over the real index,
real retriever and the real offline engine, and closed after the module. The fixtures here are shared with the
other UI tests (imported from this module).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from ui.services import Services

ASK_KEYS = {"question", "status", "answer", "citations", "tool_calls", "engine"}
CITATION_KEYS = {"doc_id", "title", "doc_number", "clause", "text"}
RESULT_KEYS = {"id", "doc_id", "title", "doc_number", "region", "clause", "text", "score"}


@pytest.fixture(scope="module")
def client(running_app: str):
    from gradio_client import Client

    return Client(running_app, verbose=False)


def test_ask_round_trip_matches_the_contract(client) -> None:
    result = client.predict("我在石家庄交了15个月失业保险，考了中级工证，能领多少补贴？", api_name="/ask")
    assert set(result) >= ASK_KEYS
    assert result["status"] == "answered" and result["engine"] == "offline"
    assert "1500" in result["answer"]
    assert result["citations"], result
    assert all(set(c) >= CITATION_KEYS for c in result["citations"])
    assert any(c["clause"] == "三、（一）3" for c in result["citations"])
    calls = result["tool_calls"]
    assert calls and {"name", "arguments", "result"} <= set(calls[0])


@pytest.mark.parametrize(
    ("question", "message"),
    [("", "问题不能为空"), ("   ", "问题不能为空"), ("技能\u202e补贴", "控制字符"), ("问" * 5000, "问题过长")],
)
def test_ask_rejects_bad_input_in_chinese(client, question: str, message: str) -> None:
    result = client.predict(question, api_name="/ask")
    assert result["status"] == "rejected" and message in result["answer"]
    assert result["citations"] == [] and set(result) >= ASK_KEYS


def test_search_round_trip_matches_the_contract(client) -> None:
    result = client.predict("职工教育经费", 5, "北京市", "", api_name="/search")
    assert result["query"] == "职工教育经费"
    assert 1 <= len(result["results"]) <= 5
    for hit in result["results"]:
        assert set(hit) >= RESULT_KEYS
        assert hit["region"] == "北京市"
    assert any(hit["clause"] == "九、" for hit in result["results"])


def test_search_filters_by_document_number(client) -> None:
    result = client.predict(query="税前扣除", doc="北碚府发〔2019〕21号", api_name="/search")
    assert result["results"]
    assert {hit["doc_id"] for hit in result["results"]} == {"beibei-2019-lifelong-skills-training"}


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"query": ""}, "搜索词不能为空"),
        ({"query": "补贴", "top_k": 0}, "返回条数"),
        ({"query": "补贴", "top_k": 500}, "返回条数"),
        ({"query": "补贴", "region": "上海市"}, "未知的地区"),
        ({"query": "补贴", "doc": "不存在的文件"}, "未知的文件"),
        ({"query": "补贴\x00"}, "控制字符"),
    ],
)
def test_search_bad_input_returns_chinese_error(client, kwargs: dict, message: str) -> None:
    result = client.predict(**kwargs, api_name="/search")
    assert result["results"] == [] and message in result["error"]


def test_only_ask_and_search_are_public(client) -> None:
    endpoints = client.view_api(print_info=False, return_format="dict")["named_endpoints"]
    assert set(endpoints) == {"/ask", "/search"}


def test_app_serves_no_project_or_state_files(running_app: str, ui_services: Services) -> None:
    import httpx

    settings = ui_services.settings
    ui_services.feedback.add(vote="up", question="q", answer="a")  # make sure the database file exists
    secrets = [
        settings.feedback_db.resolve(),
        next(settings.data_dir.glob("*.txt")).resolve(),
        Path(__file__).resolve().parent.parent / "pyproject.toml",
        Path("/etc/passwd"),
    ]
    for path in secrets:
        response = httpx.get(f"{running_app}gradio_api/file={path}")
        assert response.status_code in (403, 404), path


def test_public_page_has_no_upload_control(ui_services: Services) -> None:
    """Uploads live only in the staff area; the public page offers none (and its server refuses any)."""
    import gradio as gr

    from ui.app import build_app

    app = build_app(ui_services)
    assert not any(isinstance(block, gr.File | gr.UploadButton) for block in app.blocks.values())
