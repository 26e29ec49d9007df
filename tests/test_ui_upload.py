"""Staff-only upload and re-index (ui/staff_upload.py): who may upload, which files, how many and how large."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest
from pydantic import SecretStr
from staff_support import logged_in_client, serving_server, with_staff

from ingest.settings import Settings
from ui import staff_docs, staff_upload
from ui.services import INDEX_MISSING_ZH, Services, build_services

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
    """Settings with a staff account (``build_services`` reads the accounts from them)."""
    return tmp_settings.model_copy(update={"ui_auth": SecretStr(auth)})


@pytest.fixture
def upload_file(tmp_path: Path) -> Path:
    path = tmp_path / "uploads" / "ceshi-2024-training-subsidy.txt"
    path.parent.mkdir()
    path.write_text(NEW_POLICY, encoding="utf-8")
    return path


def test_staff_identity_comes_from_the_configured_accounts(tmp_settings: Settings) -> None:
    services = build_services(_staff_settings(tmp_settings), retriever_factory=None, engine_factory=None)
    assert services.staff_enabled
    assert services.is_staff("staff") and not services.is_staff(None) and not services.is_staff("")
    assert not services.is_staff("Staff") and not services.is_staff("intruder")


def test_missing_index_is_reported_not_raised(tmp_settings: Settings) -> None:
    services = build_services(tmp_settings)
    assert services.retriever is None and services.engine is None
    assert services.index_problem == INDEX_MISSING_ZH
    assert services.calculators  # calculators still work without an index


def test_upload_refused_when_no_staff_accounts_are_configured(tmp_settings: Settings, upload_file: Path) -> None:
    services = build_services(tmp_settings, retriever_factory=None, engine_factory=None)
    assert not services.staff_enabled
    html = staff_upload.upload_and_reindex(services, "anyone", [upload_file])
    assert staff_docs.NOT_STAFF_ZH in html
    assert not (tmp_settings.data_dir / upload_file.name).exists()


@pytest.mark.parametrize("username", [None, "", "intruder"])
def test_upload_refused_for_unauthenticated_user(tmp_settings: Settings, upload_file: Path, username) -> None:
    services = build_services(_staff_settings(tmp_settings), retriever_factory=None, engine_factory=None)
    html = staff_upload.upload_and_reindex(services, username, [upload_file])
    assert staff_docs.NOT_STAFF_ZH in html
    assert not (tmp_settings.data_dir / upload_file.name).exists()


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("evil.sh", b"rm -rf /", "不支持的文件类型"),
        ("empty.txt", b"", "文件是空的"),
        (".hidden.txt", b"x", "不允许的字符"),
        ("a;b.txt", b"x", "不允许的字符"),
        ("only.meta.yaml", b"title: x", "只上传了元数据或规则文件"),
        ("only.rules.yaml", b"rules: []", "只上传了元数据或规则文件"),
        ("a<script>.txt", b"x", "不允许的字符"),
        ("a" * 151 + ".txt", b"x", "不允许的字符"),
    ],
)
def test_upload_rejects_bad_files(
    tmp_settings: Settings, tmp_path: Path, name: str, content: bytes, message: str
) -> None:
    services = build_services(_staff_settings(tmp_settings), retriever_factory=None, engine_factory=None)
    path = tmp_path / name
    path.write_bytes(content)
    html = staff_upload.upload_and_reindex(services, "staff", [path])
    assert message in html and 'class="pa-error"' in html
    assert not (tmp_settings.data_dir / name).exists()


def test_upload_requires_files(tmp_settings: Settings) -> None:
    services = build_services(_staff_settings(tmp_settings), retriever_factory=None, engine_factory=None)
    assert "请先选择" in staff_upload.upload_and_reindex(services, "staff", [])
    assert "请先选择" in staff_upload.upload_and_reindex(services, "staff", None)


def test_upload_caps_the_number_and_size_of_files(tmp_settings: Settings, tmp_path: Path) -> None:
    limited = tmp_settings.model_copy(update={"ui_max_upload_files": 2, "ui_max_upload_mb": 1})
    services = build_services(_staff_settings(limited), retriever_factory=None, engine_factory=None)
    small = []
    for i in range(3):
        small.append(tmp_path / f"ceshi-{i}.txt")
        small[-1].write_text(NEW_POLICY, encoding="utf-8")
    assert "一次最多上传2个文件" in staff_upload.upload_and_reindex(services, "staff", small)
    big = tmp_path / "big.txt"
    big.write_bytes(b"x" * (1024 * 1024 + 1))
    assert "文件过大：big.txt（上限 1MB）" in staff_upload.upload_and_reindex(services, "staff", [big])
    twice = [small[0], small[0]]
    assert "同一个文件名出现了两次" in staff_upload.upload_and_reindex(services, "staff", twice)
    assert not any((tmp_settings.data_dir / p.name).exists() for p in [*small, big])


@pytest.mark.slow
def test_staff_upload_indexes_the_new_policy_and_reports_it(tmp_settings: Settings, upload_file: Path) -> None:
    services: Services = build_services(_staff_settings(tmp_settings))
    assert services.retriever is None  # empty index to start with
    progress: list[tuple[int, int]] = []
    html = staff_upload.upload_and_reindex(
        services, "staff", [upload_file], lambda done, total: progress.append((done, total))
    )
    assert "新增" in html and "测试市人力资源和社会保障局关于职业技能培训补贴的通知" in html, html
    assert (tmp_settings.data_dir / upload_file.name).is_file()
    assert progress and progress[-1][0] == progress[-1][1]
    # the page now searches the new document without a restart
    assert services.retriever is not None and services.index_problem is None
    assert services.index_generation == 1  # the public page's filters refresh when this changes
    indexed = [doc.doc_id for doc in staff_docs.staff_documents(services) if doc.indexed]
    assert indexed == ["ceshi-2024-training-subsidy"]
    hits = services.retriever.search("中级证书补贴", top_k=3).contract()["results"]
    assert any("1200元" in hit["text"] for hit in hits)
    # uploading the same file again changes nothing
    again = staff_upload.upload_and_reindex(services, "staff", [upload_file])
    assert "未变" in again and services.index_generation == 1


def test_staff_upload_size_is_capped_on_the_wire(tmp_settings: Settings, tmp_path: Path) -> None:
    """Gradio's max_file_size and the request-size guard refuse oversized staff uploads before they are kept."""
    limited = tmp_settings.model_copy(update={"ui_max_upload_files": 2, "ui_max_upload_mb": 1})
    services: Services = build_services(_staff_settings(limited), retriever_factory=None, engine_factory=None)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("GRADIO_TEMP_DIR", str(tmp_path / "gradio-uploads"))
        with serving_server(with_staff(services, "staff:s3cret")) as running:
            client = logged_in_client(running.url, "staff", "s3cret")
            ok = client.post("/staff/gradio_api/upload", files={"files": ("small.txt", b"x" * 1000)})
            assert ok.status_code == 200 and len(ok.json()) == 1
            too_big = client.post("/staff/gradio_api/upload", files={"files": ("big.txt", b"x" * (1024 * 1024 + 10))})
            assert too_big.status_code == 413
            many = [("files", (f"f{i}.txt", b"x" * (900 * 1024))) for i in range(4)]  # 3.6 MB > 2 × 1 MB + 1 MB
            refused = client.post("/staff/gradio_api/upload", files=many)
            assert refused.status_code == 413 and "请求过大" in refused.json()["detail"]
            anonymous = httpx.post(running.url + "staff/gradio_api/upload", files={"files": ("a.txt", b"x")})
            assert anonymous.status_code == 401
            uploaded = [p for p in (tmp_path / "gradio-uploads").rglob("*") if p.is_file()]
            assert [p.name for p in uploaded] == ["small.txt"]
