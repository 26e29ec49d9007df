"""HTML for the staff area: plain tables and result boxes built from escaped pieces (``render.esc``)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from ui.render import esc, notice_html


def table_html(columns: Sequence[tuple[str, str]], rows: Sequence[Mapping[str, Any]], *, empty: str) -> str:
    """``columns``: (key, Chinese header). Every cell is escaped; on a phone each cell shows its header."""
    if not rows:
        return notice_html(empty)
    head = "".join(f"<th>{esc(label)}</th>" for _, label in columns)
    body = "".join(
        "<tr>"
        + "".join(f'<td data-label="{esc(label)}">{esc(_cell(row.get(key)))}</td>' for key, label in columns)
        + "</tr>"
        for row in rows
    )
    table = f'<table class="pa-table"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'
    return f'<div class="pa-table-wrap">{table}</div>'


def _cell(value: object) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return "是" if value else "否"
    return str(value)


def done_html(message: str, lines: Sequence[str] = ()) -> str:
    items = "".join(f"<li>{esc(line)}</li>" for line in lines)
    return f'<div class="pa-report" role="status"><h4>{esc(message)}</h4>{f"<ul>{items}</ul>" if items else ""}</div>'


def staff_header_html(username: str | None, logout_path: str) -> str:
    """Who is logged in, and a logout button (a plain POST form: works without any script)."""
    return (
        '<header class="pa-header pa-staff-header"><h1>政策助手 · 工作人员区</h1>'
        f'<p>已登录：<strong id="staff-user">{esc(username or "")}</strong> '
        f'<form method="post" action="{esc(logout_path)}" class="pa-logout">'
        '<button type="submit" id="staff-logout">退出登录</button></form></p></header>'
    )
