"""Internal-error logging: full details for us, a quotable id for the user, never a traceback for them."""

from __future__ import annotations

import json
import logging
import re
import threading
from pathlib import Path

import pytest

from assistant.errorlog import ERROR_LOG_FILENAME, LOGGER_NAME, log_internal_error, user_message_for

ID_PATTERN = re.compile(r"^E-[0-9A-F]{6}$")


def raise_and_catch() -> ZeroDivisionError:
    try:
        1 / 0  # noqa: B018 - the point is the exception
    except ZeroDivisionError as exc:
        return exc
    raise AssertionError("unreachable")


def read_records(log_dir: Path) -> list[dict]:
    return [json.loads(line) for line in (log_dir / ERROR_LOG_FILENAME).read_text(encoding="utf-8").splitlines()]


def test_returns_a_short_quotable_id() -> None:
    assert ID_PATTERN.match(log_internal_error(raise_and_catch()))


def test_ids_differ_between_errors() -> None:
    ids = {log_internal_error(raise_and_catch()) for _ in range(50)}
    assert len(ids) == 50


def test_user_message_quotes_the_id_and_has_no_details() -> None:
    message = user_message_for("E-7F3A2C")
    assert message == "系统出现内部错误，请稍后再试。如需帮助，请提供错误编号 E-7F3A2C。"


def test_traceback_goes_to_the_logger_with_the_id(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.ERROR, logger=LOGGER_NAME):
        error_id = log_internal_error(raise_and_catch(), command="ask")
    record = caplog.records[-1]
    assert error_id in record.getMessage()
    assert "ZeroDivisionError" in record.getMessage()
    assert record.exc_info is not None and record.exc_info[0] is ZeroDivisionError


def test_file_record_has_id_traceback_and_context(tmp_path: Path) -> None:
    log_dir = tmp_path / "logs" / "nested"
    error_id = log_internal_error(raise_and_catch(), log_dir=log_dir, command="ask", question="石家庄补贴？")
    [record] = read_records(log_dir)
    assert record["error_id"] == error_id
    assert record["type"] == "ZeroDivisionError"
    assert "raise_and_catch" in record["traceback"]
    assert record["context"] == {"command": "ask", "question": "石家庄补贴？"}


def test_huge_context_is_clipped(tmp_path: Path) -> None:
    log_internal_error(raise_and_catch(), log_dir=tmp_path, question="补" * 20_000)
    [record] = read_records(tmp_path)
    assert len(record["context"]["question"]) < 2100
    assert record["context"]["question"].endswith("[20000 chars]")


def test_unwritable_log_dir_does_not_raise(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("file in the way", encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger=LOGGER_NAME):
        error_id = log_internal_error(raise_and_catch(), log_dir=blocker / "logs")
    assert ID_PATTERN.match(error_id)
    assert any("could not write error log" in r.getMessage() for r in caplog.records)


def test_unprintable_context_does_not_raise(tmp_path: Path) -> None:
    class Broken:
        def __str__(self) -> str:
            raise RuntimeError("no")

    log_internal_error(raise_and_catch(), log_dir=tmp_path, thing=Broken())
    assert read_records(tmp_path)[0]["context"]["thing"] == "<unprintable Broken>"


def test_exception_never_raised_still_logs(tmp_path: Path) -> None:
    log_internal_error(ValueError("made, not raised"), log_dir=tmp_path)
    [record] = read_records(tmp_path)
    assert record["message"] == "made, not raised"


def test_concurrent_writers_produce_whole_lines(tmp_path: Path) -> None:
    def worker() -> None:
        for _ in range(20):
            log_internal_error(raise_and_catch(), log_dir=tmp_path, question="补" * 1500)

    threads = [threading.Thread(target=worker) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    records = read_records(tmp_path)
    assert len(records) == 80
    assert len({r["error_id"] for r in records}) == 80
