"""Staff-only upload and re-index; staff accounts from POLICY_UI_AUTH; the page without an index."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import SecretStr

from ingest.errors import UserInputError
from ingest.settings import Settings
from ui import tab_docs
from ui.services import INDEX_MISSING_ZH, Services, build_services, parse_staff_accounts

NEW_POLICY = """测试市人力资源和社会保障局关于职业技能培训补贴的通知

测人社发〔2024〕1号

各区人力资源和社会保障局：

一、补贴对象
本市登记失业人员参加职业技能培训的，给予培训补贴。

二、补贴标准
（一）取得初级证书的，每人补贴800元。
（二）取得中级证书的，每人补贴1200元。
"""


def _staff_settings(tmp_settings: Settings, auth: str = "staff:s3cret") -> Settings:
    return tmp_settings.model_copy(update={"ui_auth": SecretStr(auth)})


@pytest.fixture
def upload_file(tmp_path: Path) -> Path:
    path = tmp_path / "uploads" / "ceshi-2024-training-subsidy.txt"
    path.parent.mkdir()
    path.write_text(NEW_POLICY, encoding="utf-8")
    return path


def test_staff_accounts_parse_and_check() -> None:
    assert parse_staff_accounts(None) == [] and parse_staff_accounts("  ") == []
    assert parse_staff_accounts("alice:pw1, bob:p:w2") == [("alice", "pw1"), ("bob", "p:w2")]
    for bad in ("alice", "alice:", ":pw", "alice:pw,,"):
        with pytest.raises(UserInputError) as info:
            parse_staff_accounts(bad)
        assert "POLICY_UI_AUTH 格式错误" in info.value.zh


def test_login_check_and_staff_identity(tmp_settings: Settings) -> None:
    services = build_services(_staff_settings(tmp_settings), retriever_factory=None, engine_factory=None)
    assert services.upload_enabled
    assert services.check_auth("staff", "s3cret")
    assert not services.check_auth("staff", "wrong") and not services.check_auth("other", "s3cret")
    assert services.is_staff("staff") and not services.is_staff(None) and not services.is_staff("")


def test_missing_index_is_reported_not_raised(tmp_settings: Settings) -> None:
    services = build_services(tmp_settings)
    assert services.retriever is None and services.engine is None
    assert services.index_problem == INDEX_MISSING_ZH
    assert services.calculators  # calculators still work without an index


def test_upload_refused_when_no_staff_accounts_are_configured(tmp_settings: Settings, upload_file: Path) -> None:
    services = build_services(tmp_settings, retriever_factory=None, engine_factory=None)
    html = tab_docs.upload_and_reindex(services, "anyone", [upload_file])
    assert "上传已停用" in html and "POLICY_UI_AUTH" in html
    assert not (tmp_settings.data_dir / upload_file.name).exists()


@pytest.mark.parametrize("username", [None, "", "intruder"])
def test_upload_refused_for_unauthenticated_user(tmp_settings: Settings, upload_file: Path, username) -> None:
    services = build_services(_staff_settings(tmp_settings), retriever_factory=None, engine_factory=None)
    html = tab_docs.upload_and_reindex(services, username, [upload_file])
    assert tab_docs.NOT_STAFF_ZH in html
    assert not (tmp_settings.data_dir / upload_file.name).exists()


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("evil.sh", b"rm -rf /", "不支持的文件类型"),
        ("empty.txt", b"", "文件是空的"),
        (".hidden.txt", b"x", "不允许的字符"),
        ("a;b.txt", b"x", "不允许的字符"),
        ("only.meta.yaml", b"title: x", "只上传了元数据文件"),
    ],
)
def test_upload_rejects_bad_files(
    tmp_settings: Settings, tmp_path: Path, name: str, content: bytes, message: str
) -> None:
    services = build_services(_staff_settings(tmp_settings), retriever_factory=None, engine_factory=None)
    path = tmp_path / name
    path.write_bytes(content)
    html = tab_docs.upload_and_reindex(services, "staff", [path])
    assert message in html and 'class="pa-error"' in html
    assert not (tmp_settings.data_dir / name).exists()


def test_upload_requires_files(tmp_settings: Settings) -> None:
    services = build_services(_staff_settings(tmp_settings), retriever_factory=None, engine_factory=None)
    assert "请先选择" in tab_docs.upload_and_reindex(services, "staff", [])


@pytest.mark.slow
def test_staff_upload_indexes_the_new_policy_and_reports_it(tmp_settings: Settings, upload_file: Path) -> None:
    services: Services = build_services(_staff_settings(tmp_settings))
    assert services.retriever is None  # empty index to start with
    progress: list[tuple[int, int]] = []
    html = tab_docs.upload_and_reindex(
        services, "staff", [upload_file], lambda done, total: progress.append((done, total))
    )
    assert "新增" in html and "测试市人力资源和社会保障局关于职业技能培训补贴的通知" in html, html
    assert (tmp_settings.data_dir / upload_file.name).is_file()
    assert progress and progress[-1][0] == progress[-1][1]
    # the page now searches the new document without a restart
    assert services.retriever is not None and services.index_problem is None
    rows = tab_docs.document_rows(services)
    assert [row["doc_id"] for row in rows] == ["ceshi-2024-training-subsidy"]
    hits = services.retriever.search("中级证书补贴", top_k=3).contract()["results"]
    assert any("1200元" in hit["text"] for hit in hits)
    # uploading the same file again changes nothing
    again = tab_docs.upload_and_reindex(services, "staff", [upload_file])
    assert "未变" in again
