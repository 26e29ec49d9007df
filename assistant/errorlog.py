"""Internal errors: logged in full for us, shown to users only as a short id they can quote.

No traceback ever reaches a user. Interfaces catch unexpected exceptions at their edge and do::

    error_id = log_internal_error(exc, log_dir=settings.state_dir / "logs", command="ask", question=text)
    show(user_message_for(error_id))

The full traceback goes to the ``policy_assistant.errors`` logger and, when ``log_dir`` is given, as one JSON
line to ``log_dir/errors.jsonl`` (grep the id to find it).
"""

from __future__ import annotations

import json
import logging
import secrets
import threading
import traceback
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

LOGGER_NAME = "policy_assistant.errors"
ERROR_LOG_FILENAME = "errors.jsonl"
_MAX_CONTEXT_CHARS = 2000  # a pasted 20k-character question should not bloat the log

# Appends from UI worker threads must not interleave inside one JSON line.
_file_lock = threading.Lock()


def new_error_id() -> str:
    """Short, quotable, unguessable enough for correlation: ``E-7F3A2C``."""
    return f"E-{secrets.token_hex(3).upper()}"


def log_internal_error(exc: BaseException, *, log_dir: Path | None = None, **context: Any) -> str:
    """Log ``exc`` with its traceback and ``context``; return the id to show the user. Never raises."""
    error_id = new_error_id()
    safe_context = {key: _clip(value) for key, value in context.items()}
    logger = logging.getLogger(LOGGER_NAME)
    logger.error(
        "internal error %s: %s: %s | context=%s",
        error_id,
        type(exc).__name__,
        exc,
        safe_context,
        exc_info=(type(exc), exc, exc.__traceback__),
    )
    if log_dir is not None:
        record = {
            "error_id": error_id,
            "time": datetime.now(UTC).isoformat(timespec="seconds"),
            "type": type(exc).__name__,
            "message": _clip(exc),
            "context": safe_context,
            "traceback": "".join(traceback.format_exception(type(exc), exc, exc.__traceback__)),
        }
        _append_record(Path(log_dir), record, logger)
    return error_id


def user_message_for(error_id: str) -> str:
    """The only thing a user sees about an internal error."""
    return f"系统出现内部错误，请稍后再试。如需帮助，请提供错误编号 {error_id}。"


def _append_record(log_dir: Path, record: dict[str, Any], logger: logging.Logger) -> None:
    line = json.dumps(record, ensure_ascii=False, default=str) + "\n"
    try:
        log_dir.mkdir(parents=True, exist_ok=True)
        with _file_lock, (log_dir / ERROR_LOG_FILENAME).open("a", encoding="utf-8") as handle:
            handle.write(line)
    except OSError as write_error:
        # Logging must not turn one error into two; the logger already has the traceback.
        logger.warning("could not write error log in %s: %s", log_dir, write_error)


def _clip(value: Any) -> str:
    try:
        text = str(value)
    except Exception:  # a broken __str__ must not break error logging
        text = f"<unprintable {type(value).__name__}>"
    if len(text) <= _MAX_CONTEXT_CHARS:
        return text
    return f"{text[:_MAX_CONTEXT_CHARS]}…[{len(text)} chars]"
