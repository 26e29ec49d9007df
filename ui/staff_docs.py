"""Staff document tools: the document list, the metadata form (writes the ``<stem>.meta.yaml`` sidecar), withdraw
and delete — each followed by a re-index, so answers, lookup and the public filters follow at once.

- **Withdraw** keeps the file and sets ``status: withdrawn`` in its sidecar; ingest then keeps the document out of the
  index. Setting the status back in the form brings it back.
- **Delete** removes the document file, its sidecar and its rules file, then re-indexes the policy directory.

Every action takes the user name the login vouched for and checks it again (``require_staff``); the staff routes
are also closed to anyone without a session (``ui.server``).
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable, Mapping
from datetime import date
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field

from ingest.errors import UserInputError
from ingest.metadata import SIDECAR_SUFFIX, SidecarError, read_sidecar, sidecar_path
from ingest.models import STATUS_LABELS, DocumentMeta
from ui import render
from ui.services import Services
from ui.staff_form import FIELD_LABELS, check_region, parse_form
from ui.staff_render import done_html

RULES_SUFFIX = ".rules.yaml"
NOT_STAFF_ZH = "只有登录的工作人员可以管理政策文件。"
SIDECAR_HEADER = (
    "# 文件元数据（由工作人员区写入，也可手工编辑）。字段：title 标题；doc_number 文号（无文号写 null）；\n"
    "# issuer 发文机关；region 地区（行政区划名，如 河北省石家庄市、全国）；province 所属省级；\n"
    "# level 层级 national/province/municipality/city/district/county/unknown；publish_date 发布日期；\n"
    "# effective_from 施行日期；effective_to 有效期至；status 效力 in_force/superseded/expired/unknown/withdrawn；\n"
    "# superseded_by 取代它的文件编号；aliases 别名；note 备注。日期写作 2019-10-15。\n"
)
Progress = Callable[[int, int], None]


def require_staff(services: Services, username: str | None) -> None:
    if not services.is_staff(username):
        raise UserInputError(NOT_STAFF_ZH, "not a staff session")


# ---------------------------------------------------------------- the document list


class StaffDocument(BaseModel):
    model_config = ConfigDict(extra="forbid")

    doc_id: str
    file: str = Field(description="Path relative to the policy directory.")
    title: str
    doc_number: str | None = None
    region: str = ""
    status: str = "unknown"
    indexed: bool = False
    chunks: int = 0
    rules: str = ""


def document_files(services: Services) -> dict[str, Path]:
    """doc_id (file stem) → document file under the policy directory."""
    from ingest.pipeline import discover

    data_dir = services.settings.data_dir
    return {path.stem: path for path in discover([data_dir])} if data_dir.is_dir() else {}


def indexed_documents(services: Services) -> dict[str, DocumentMeta]:
    return {meta.doc_id: meta for meta in services.retriever.documents()} if services.retriever else {}


def _sidecar_or_empty(path: Path) -> dict[str, Any]:
    try:
        return read_sidecar(path) or {}
    except SidecarError:
        return {}


def rules_status(services: Services, doc_id: str, path: Path) -> str:
    """One line on the document's rules file. Swap for the rules package's verification status when it lands."""
    rules = path.with_name(path.stem + RULES_SUFFIX)
    if not rules.is_file():
        return "无规则文件"
    try:
        data = yaml.safe_load(rules.read_text(encoding="utf-8-sig"))
    except (yaml.YAMLError, UnicodeDecodeError):
        return "规则文件格式错误"
    count = len(data.get("rules") or []) if isinstance(data, dict) else 0
    return f"规则文件：{count} 条规则（核验结果见导入报告）"


def staff_documents(services: Services) -> list[StaffDocument]:
    """Every document file in the policy directory, indexed or not (withdrawn, or failed to parse)."""
    indexed = indexed_documents(services)
    data_dir = services.settings.data_dir
    rows = []
    for doc_id, path in sorted(document_files(services).items()):
        meta = indexed.get(doc_id)
        sidecar = _sidecar_or_empty(path)
        chunks = len(services.retriever.chunks_of(doc_id)) if meta and services.retriever else 0
        rows.append(
            StaffDocument(
                doc_id=doc_id,
                file=str(path.relative_to(data_dir)),
                title=meta.title if meta else str(sidecar.get("title") or path.name),
                doc_number=meta.doc_number if meta else sidecar.get("doc_number"),
                region=meta.region if meta else str(sidecar.get("region") or ""),
                status=meta.status if meta else str(sidecar.get("status") or "unknown"),
                indexed=meta is not None,
                chunks=chunks,
                rules=rules_status(services, doc_id, path),
            )
        )
    return rows


def document_table_rows(documents: list[StaffDocument]) -> list[dict[str, Any]]:
    return [
        {
            **doc.model_dump(),
            "status": STATUS_LABELS.get(doc.status, doc.status),
            "indexed": f"在索引中（{doc.chunks} 条）" if doc.indexed else "不在索引中",
        }
        for doc in documents
    ]


# ---------------------------------------------------------------- the metadata form


def form_values(services: Services, doc_id: str) -> dict[str, Any]:
    """Current values for the form: the indexed metadata with the sidecar on top."""
    path = _document_path(services, doc_id)
    meta = indexed_documents(services).get(doc_id)
    values: dict[str, Any] = meta.model_dump(include=set(FIELD_LABELS)) if meta else {}
    values.update({k: v for k, v in _sidecar_or_empty(path).items() if k in FIELD_LABELS})
    values.setdefault("title", path.stem)
    for key in ("publish_date", "effective_from", "effective_to"):
        values[key] = values[key].isoformat() if isinstance(values.get(key), date) else (values.get(key) or "")
    values["doc_number"] = values.get("doc_number") or ""
    values["superseded_by"] = list(values.get("superseded_by") or [])
    return values


def _document_path(services: Services, doc_id: str | None) -> Path:
    path = document_files(services).get(doc_id or "")
    if path is None:
        raise UserInputError("政策目录中没有这份文件，请刷新列表后重新选择。", f"no document file for {doc_id!r}")
    return path


def _write_sidecar(path: Path, data: dict[str, Any]) -> None:
    """Atomically replace the sidecar (a crash leaves the old one or the new one, never half a file)."""
    target = sidecar_path(path)
    text = SIDECAR_HEADER + yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    handle, temp = tempfile.mkstemp(dir=target.parent, prefix=".tmp-", suffix=SIDECAR_SUFFIX)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
        os.replace(temp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise


def _checked_sidecar(services: Services, doc_id: str, path: Path, changes: dict[str, Any]) -> dict[str, Any]:
    """The existing sidecar with ``changes`` applied, validated as ``DocumentMeta`` before anything is written."""
    data = {**_sidecar_or_empty(path), **changes}
    meta = indexed_documents(services).get(doc_id)
    base = meta.model_dump() if meta else {"title": path.stem, "region": "全国", "level": "national"}
    base.update(doc_id=doc_id, source_path="", source_sha256="", metadata_source="sidecar")
    try:
        DocumentMeta.model_validate({**base, **data})
    except ValueError as exc:
        raise UserInputError("元数据无法保存：字段取值无效，请检查后重试。", f"invalid metadata: {exc}") from exc
    return data


# ---------------------------------------------------------------- actions


def reindex(services: Services, paths: list[Path], progress: Progress | None = None) -> Any:
    """Ingest ``paths`` with the loaded embedding model and reopen the index when it changed."""
    from retriever.index import ingest_paths

    embedder = getattr(services.retriever, "embedder", None)  # reuse the loaded model instead of building another
    report = ingest_paths(services.settings, paths, progress=progress, embedder=embedder)
    if report.published or services.retriever is None:
        services.reload()
    return report


CHANGE_LABELS = {"added": "新增", "changed": "更新", "removed": "移出索引", "unchanged": "未变"}


def report_lines(report: Any) -> list[str]:
    """One Chinese line per document, e.g. ``新增：《标题》（12 条）``."""
    lines = []
    for change in report.documents:
        detail = f"{change.chunks} 条"
        if change.status == "changed":
            detail += f"，新增 {change.added_chunks} 条、删除 {change.removed_chunks} 条"
        lines.append(f"{CHANGE_LABELS.get(change.status, change.status)}：《{change.title}》（{detail}）")
    if not report.published and report.documents:
        lines.append("索引内容没有变化。")
    return lines


def problem_lines(report: Any) -> list[str]:
    return [f"{Path(problem.path).name}：{problem.message_zh}" for problem in report.problems]


def _guard_last_document(services: Services, doc_id: str) -> None:
    indexed = indexed_documents(services)
    if doc_id in indexed and len(indexed) == 1:
        raise UserInputError(
            "这是索引中唯一在用的文件，移出后将没有可用的政策；请先上传其他文件。", "refusing to empty the index"
        )


def _run(services: Services, action_zh: str, command: str, work: Callable[[], str], **context: Any) -> str:
    try:
        return work()
    except Exception as exc:  # never a traceback on the page; a failed ingest leaves the live index untouched
        message, _ = services.failure(exc, action_zh=action_zh, command=command, **context)
        return render.error_html(message)


def save_metadata(
    services: Services, username: str | None, doc_id: str | None, raw: Mapping[str, Any], progress: Progress | None
) -> str:
    def work() -> str:
        require_staff(services, username)
        path = _document_path(services, doc_id)
        form = parse_form(raw, doc_id=path.stem, known_ids=set(document_files(services)))
        check_region(services, form.region)
        data = _checked_sidecar(services, path.stem, path, form.model_dump())
        if form.status == "withdrawn":
            _guard_last_document(services, path.stem)
        _write_sidecar(path, data)
        report = reindex(services, [path], progress)
        return done_html(f"已保存《{form.title}》的元数据并重建索引。", report_lines(report) + problem_lines(report))

    return _run(services, "保存元数据", "ui.staff.metadata", work, doc_id=doc_id)


def withdraw_document(services: Services, username: str | None, doc_id: str | None, progress: Progress | None) -> str:
    def work() -> str:
        require_staff(services, username)
        path = _document_path(services, doc_id)
        _guard_last_document(services, path.stem)
        _write_sidecar(path, _checked_sidecar(services, path.stem, path, {"status": "withdrawn"}))
        report = reindex(services, [path], progress)
        return done_html(
            "已撤回：文件保留在政策目录，效力标为“已撤回”，不再用于回答和检索；在元数据中改回效力即可恢复。",
            report_lines(report),
        )

    return _run(services, "撤回文件", "ui.staff.withdraw", work, doc_id=doc_id)


def delete_document(
    services: Services, username: str | None, doc_id: str | None, confirm: str | None, progress: Progress | None
) -> str:
    def work() -> str:
        require_staff(services, username)
        path = _document_path(services, doc_id)
        if (confirm or "").strip() != path.stem:
            raise UserInputError(f"请在确认框中输入文件编号“{path.stem}”再删除。", "delete not confirmed")
        _guard_last_document(services, path.stem)
        was_indexed = path.stem in indexed_documents(services)
        removed = [p for p in (path, sidecar_path(path), path.with_name(path.stem + RULES_SUFFIX)) if p.exists()]
        for file in removed:
            file.unlink()
        lines = [f"已删除文件：{file.name}" for file in removed]
        if was_indexed:
            lines += report_lines(reindex(services, [services.settings.data_dir], progress))
        return done_html(f"已删除“{path.stem}”。", lines)

    return _run(services, "删除文件", "ui.staff.delete", work, doc_id=doc_id)
