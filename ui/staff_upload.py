"""Staff upload: copy policy files (and their sidecars / rules files) into the policy directory, re-index, report.

Limits: ``POLICY_UI_MAX_UPLOAD_FILES`` files per upload and ``POLICY_UI_MAX_UPLOAD_MB`` per file, checked here on
the server; Gradio's ``max_file_size`` and the server's request-size guard (``ui.server``) refuse oversized uploads
before they are written at all.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Sequence
from pathlib import Path

from ingest.errors import UserInputError
from ingest.metadata import SIDECAR_SUFFIX
from ui import render
from ui.services import Services
from ui.staff_docs import RULES_SUFFIX, Progress, problem_lines, reindex, report_lines, require_staff

DOCUMENT_SUFFIXES = (".txt", ".md", ".docx", ".pdf")
COMPANION_SUFFIXES = (SIDECAR_SUFFIX, RULES_SUFFIX)
MB = 1024 * 1024
_SAFE_NAME = re.compile(r"^[\w\u4e00-\u9fff（）()《》〔〕\-. ]+$")


def _checked_upload_name(path: Path, max_bytes: int) -> str:
    """The file name to store under the data dir, or ``UserInputError`` saying what is wrong with it."""
    name = path.name
    lowered = name.lower()
    if not lowered.endswith(DOCUMENT_SUFFIXES + COMPANION_SUFFIXES):
        allowed = "、".join([*DOCUMENT_SUFFIXES, *COMPANION_SUFFIXES])
        raise UserInputError(f"不支持的文件类型：{name}（支持 {allowed}）", f"unsupported file type: {name}")
    if name.startswith(".") or not _SAFE_NAME.match(name) or len(name) > 150:
        raise UserInputError(
            f"文件名含有不允许的字符：{name[:60]}（请只用中文、字母、数字、空格、-、_ 和 .）",
            f"unsafe file name: {name}",
        )
    size = path.stat().st_size
    if size == 0:
        raise UserInputError(f"文件是空的：{name}", f"empty file: {name}")
    if size > max_bytes:
        raise UserInputError(f"文件过大：{name}（上限 {max_bytes // MB}MB）", f"file too large: {name}")
    return name


def upload_and_reindex(
    services: Services,
    username: str | None,
    files: Sequence[str | Path] | None,
    progress: Progress | None = None,
) -> str:
    """Staff only: copy uploads into the data dir, re-index the documents among them and report what changed."""
    settings = services.settings
    try:
        require_staff(services, username)
        paths = [Path(f) for f in files or []]
        if not paths:
            raise UserInputError("请先选择要上传的政策文件。", "no files")
        if len(paths) > settings.ui_max_upload_files:
            raise UserInputError(f"一次最多上传{settings.ui_max_upload_files}个文件。", "too many files")
        names = [_checked_upload_name(p, settings.ui_max_upload_mb * MB) for p in paths]
        if len(set(names)) != len(names):
            raise UserInputError("同一个文件名出现了两次，请检查所选文件。", "duplicate names")
        if all(name.lower().endswith(COMPANION_SUFFIXES) for name in names):
            raise UserInputError(
                "只上传了元数据或规则文件（.meta.yaml / .rules.yaml），请同时上传对应的政策文件。", "no document"
            )
    except UserInputError as exc:
        return render.error_html(exc.zh)
    data_dir = settings.data_dir
    data_dir.mkdir(parents=True, exist_ok=True)
    stored = []
    for source, name in zip(paths, names, strict=True):
        target = data_dir / name
        shutil.copyfile(source, target)
        stored.append(target)
    documents = [p for p in stored if not p.name.lower().endswith(COMPANION_SUFFIXES)]
    try:
        report = reindex(services, documents, progress)
    except Exception as exc:  # never a traceback on the page; the live index is untouched on failure
        message, _ = services.failure(exc, action_zh="导入政策文件", command="ui.upload", files=names)
        return render.error_html(message)
    return render.ingest_report_html(report_lines(report), problem_lines(report))
