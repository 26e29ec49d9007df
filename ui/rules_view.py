"""计算规则状态: each document's rules file and whether each rule passed verification — for the documents tab and
the staff area. Everything shown is escaped (rules files are staff-written, documents are not ours)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ui import render

FILE_STATUS = {"none": "无规则文件", "active": "已启用", "draft": "草稿（未启用）", "invalid": "无法读取"}


def rules_status_html(documents: Sequence[Any]) -> str:
    """One block per document (``assistant.rules.book.DocumentRules``): its rules, ✓ verified or ✗ with the reason."""
    if not documents:
        return render.notice_html("还没有导入任何政策文件。")
    blocks = []
    for document in documents:
        name = Path(document.rules_file).name if document.rules_file else ""
        status = FILE_STATUS.get(document.file_status, document.file_status)
        loaded = sum(rule.ok for rule in document.rules)
        head = (f"<strong>{render.esc(document.title)}</strong>（{render.esc(document.region)}）"
                f" · {render.esc(name or status)}" + (f" · {render.esc(status)} · 已核验 {loaded}/{len(document.rules)}"
                                                      if name else ""))
        items = [f'<li class="pa-rule-ok">✓ {render.esc(rule.title or rule.id)}（{render.esc(rule.id)}）：已核验</li>'
                 if rule.ok else
                 f'<li class="pa-rule-failed">✗ {render.esc(rule.title or rule.id)}（{render.esc(rule.id)}）：'
                 f"{render.esc(rule.reason_zh)}</li>" for rule in document.rules]
        items += [f'<li class="pa-rule-failed">✗ {render.esc(problem)}</li>' for problem in document.problems]
        body = f"<ul>{''.join(items)}</ul>" if items else ""
        blocks.append(f'<div class="pa-rules-doc">{head}{body}</div>')
    return f'<div class="pa-rules-status">{"".join(blocks)}</div>'
