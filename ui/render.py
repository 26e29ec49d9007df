"""Safe rendering for the Gradio page.

Everything shown comes from users (questions, uploaded documents) or from documents we did not write, so every
string is escaped here before it reaches the browser:

- ``md_text`` is for Chatbot markdown: every markdown/HTML metacharacter is backslash-escaped, so raw HTML,
  ``![images](http://...)``, links, code spans and math never render — the text shows exactly as written.
- every ``*_html`` function builds HTML from ``html.escape``-d pieces; no input string is ever inserted raw.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

# ASCII punctuation through which markdown (marked + GFM), HTML or KaTeX could create markup: tags, images,
# code, emphasis, tables, math, entities, autolinks and link definitions (``http:``, ``[x]: url``). A link or
# image also needs ``](``, which is broken separately, so ``[1]`` citation markers stay clean when copied.
# CommonMark allows a backslash before any ASCII punctuation, so this is lossless for display.
_MARKDOWN_SPECIALS = re.compile(r"([\\`*_<>#!|~$&:])")
_LINK_TARGET = re.compile(r"\](\s*)\(")
_MAX_HIGHLIGHT_TERMS = 20

ANSWER_STATUS_LABELS: dict[str, str] = {
    "answered": "已回答",
    "not_found": "未找到依据",
    "needs_info": "需要补充信息",
    "rejected": "无法处理",
}


def esc(value: object) -> str:
    """HTML-escape anything (None → empty)."""
    return html.escape("" if value is None else str(value), quote=True)


def md_text(text: str) -> str:
    """Plain text → markdown that displays literally (no HTML, images, links or math can render)."""
    return _LINK_TARGET.sub(r"]\1\\(", _MARKDOWN_SPECIALS.sub(r"\\\1", text))


def error_html(message: str) -> str:
    return f'<div class="pa-error" role="alert">⚠️ {esc(message)}</div>'


def notice_html(message: str) -> str:
    return f'<div class="pa-notice">{esc(message)}</div>'


# ---------------------------------------------------------------- citations


def citation_meta_line(item: Mapping[str, Any]) -> str:
    """文号 · 地区 · 日期 · 效力 (plain text; missing parts skipped)."""
    from ingest.models import STATUS_LABELS  # light module; imported here to keep this file dependency-free at top

    parts = [
        item.get("doc_number") or "无文号",
        item.get("region"),
        item.get("publish_date"),
        STATUS_LABELS.get(item.get("status") or "", None),
    ]
    return " · ".join(str(p) for p in parts if p)


def clause_label(clause: str | None) -> str:
    """The preamble has an empty path; show it as 前言."""
    return clause if clause else "前言"


def standard_citation(item: Mapping[str, Any]) -> str:
    """The standard citation (``assistant.citations.format_citation``) of a search/ask/calculator JSON item."""
    from assistant.citations import citation_from_record, format_citation

    return format_citation(citation_from_record(item))


RELEVANCE_WORDS = {"高": "相关度高", "中": "相关度中", "低": "相关度低"}


def citation_card_html(
    item: Mapping[str, Any], *, open_: bool = False, highlight: Sequence[str] = (), locate: bool = False
) -> str:
    """One expandable card: title, 文号, clause path and heading (a table row: its table's caption), date, the
    verbatim text, relevance in words, a copy button holding the standard citation and, with ``locate``, a
    button that opens the full document at this clause."""
    number = f"[{item['n']}] " if item.get("n") else ""
    text_html = highlight_html(item.get("text") or "", highlight)
    level = RELEVANCE_WORDS.get(str(item.get("relevance") or ""))
    level_html = f'<span class="pa-level pa-level-{esc(item.get("relevance"))}">{esc(level)}</span>' if level else ""
    heading = str(item.get("heading") or "")
    heading_html = f'<span class="pa-heading">{esc(heading)}</span>' if heading else ""
    clause = clause_label(item.get("clause"))
    cite = standard_citation(item)
    title = f"{item.get('title') or ''} {clause}"
    locate_html = (
        f'<button type="button" class="pa-locate" data-chunk="{esc(item.get("id"))}" '
        f'aria-label="{esc(f"在原文中定位：{title}")}">在原文中定位</button>'
        if locate and item.get("id")
        else ""
    )
    return (
        f'<details class="pa-card"{" open" if open_ else ""}>'
        f"<summary>"
        f'<span class="pa-card-title">{esc(number)}《{esc(item.get("title"))}》</span>'
        f'<span class="pa-clause">{esc(clause)}</span>{heading_html}{level_html}'
        f"</summary>"
        f'<div class="pa-meta">{esc(citation_meta_line(item))}</div>'
        f'<div class="pa-text">{text_html}</div>'
        f'<div class="pa-actions"><button type="button" class="pa-copy" data-cite="{esc(cite)}" '
        f'aria-label="{esc(f"复制引用：{title}")}">复制引用</button>{locate_html}</div>'
        f'<details class="pa-cite-box"><summary>查看引用格式</summary><p class="pa-cite">{esc(cite)}</p></details>'
        f"</details>"
    )


def citation_cards_html(items: Iterable[Mapping[str, Any]], *, heading: str = "依据条款") -> str:
    cards = [citation_card_html(item) for item in items]
    if not cards:
        return ""
    return f'<section class="pa-cards"><h4>{esc(heading)}</h4>{"".join(cards)}</section>'


# ---------------------------------------------------------------- highlighting


def highlight_html(text: str, terms: Sequence[str]) -> str:
    """Escape ``text`` and wrap case-insensitive occurrences of ``terms`` in <mark> (overlaps merged)."""
    spans: list[tuple[int, int]] = []
    for term in list(dict.fromkeys(t for t in terms if t and t.strip()))[:_MAX_HIGHLIGHT_TERMS]:
        # regex on the original text keeps offsets exact (casefold() can change string length)
        spans.extend(m.span() for m in re.finditer(re.escape(term), text, flags=re.IGNORECASE))
    if not spans:
        return esc(text)
    merged: list[list[int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    out: list[str] = []
    cursor = 0
    for start, end in merged:
        out.append(esc(text[cursor:start]))
        out.append(f"<mark>{esc(text[start:end])}</mark>")
        cursor = end
    out.append(esc(text[cursor:]))
    return "".join(out)


def search_results_html(
    result: Mapping[str, Any], terms: Sequence[str], *, notices: Sequence[str] = (), locate: bool = False
) -> str:
    """The lookup list: notices, the count and time, one card per relevant clause (terms highlighted), and when
    nothing is relevant an honest 未找到相关条款 with the nearest clauses shown only as 可能相关."""
    hits = result.get("results") or []
    suggestions = result.get("suggestions") or []
    elapsed = result.get("elapsed_ms")
    timing = f"（用时 {float(elapsed):.0f} 毫秒）" if elapsed is not None else ""
    notice_html_ = "".join(notice_html(text) for text in notices)
    if not hits:
        summary = f'<div class="pa-summary" role="status">未找到相关条款{esc(timing)}</div>'
        hint = notice_html("可以换个说法、减少关键词，或取消地区/文件等筛选后再试。")
        if not suggestions:
            return notice_html_ + summary + hint
        cards = [citation_card_html(hit, highlight=terms, locate=locate) for hit in suggestions[:3]]
        nearest = f'<section class="pa-suggestions"><h4>可能相关（相关度低，仅供参考）</h4>{"".join(cards)}</section>'
        return notice_html_ + summary + hint + nearest
    summary = f'<div class="pa-summary" role="status">找到 {len(hits)} 条相关条款{esc(timing)}</div>'
    cards = [
        citation_card_html({**hit, "n": rank}, open_=rank <= 3, highlight=terms, locate=locate)
        for rank, hit in enumerate(hits, start=1)
    ]
    return notice_html_ + summary + "".join(cards)


# ---------------------------------------------------------------- calculators


CALC_STATUS_LABELS: dict[str, str] = {
    "eligible": "符合条件",
    "not_eligible": "不符合条件",
    "needs_info": "需要补充信息",
}


def _amount_text(result: Mapping[str, Any]) -> str | None:
    unit = result.get("unit") or "元"
    if result.get("amount") is not None:
        return f"{_plain_number(result['amount'])}{unit}"
    low, high = result.get("amount_min"), result.get("amount_max")
    if low is not None and high is not None:
        return f"{_plain_number(low)}～{_plain_number(high)}{unit}"
    if high is not None:
        return f"最高 {_plain_number(high)}{unit}"
    return None


def _plain_number(value: object) -> str:
    """'1650.00' → '1650', '1650.50' stays (amounts arrive as Decimal strings)."""
    text = str(value)
    return text[:-3] if text.endswith(".00") else text


def calculation_html(result: Mapping[str, Any]) -> str:
    """Status, amount, summary, the step-by-step trace and the source clauses of one calculator run."""
    status = str(result.get("status") or "")
    parts = [f'<div class="pa-calc pa-calc-{esc(status)}">']
    if result.get("title"):
        parts.append(f'<div class="pa-meta">{esc(result["title"])} · {esc(result.get("region"))}</div>')
    if status:
        parts.append(f'<div class="pa-badge">{esc(CALC_STATUS_LABELS.get(status, status))}</div>')
    amount = _amount_text(result)
    if amount:
        parts.append(f'<div class="pa-amount">{esc(amount)}</div>')
    if result.get("summary"):
        parts.append(f'<p class="pa-calc-summary">{esc(result["summary"])}</p>')
    missing = [m.get("question") or m.get("field") for m in result.get("missing") or [] if isinstance(m, Mapping)]
    if missing:
        items = "".join(f"<li>{esc(q)}</li>" for q in missing)
        parts.append(f'<div class="pa-notice">还需要补充：<ul>{items}</ul></div>')
    trace = result.get("trace") or []
    if trace:
        steps = "".join(f"<li>{esc(step)}</li>" for step in trace)
        parts.append(f'<h4>计算过程</h4><ol class="pa-trace">{steps}</ol>')
    notes = result.get("notes") or []
    if notes:
        parts.append("".join(f'<p class="pa-meta">注：{esc(note)}</p>' for note in notes))
    sources = [source_as_citation(s) for s in result.get("sources") or [] if isinstance(s, Mapping)]
    parts.append(citation_cards_html(sources, heading="依据条款"))
    parts.append("</div>")
    return "".join(parts)


def source_as_citation(source: Mapping[str, Any]) -> dict[str, Any]:
    """A calculator ``ClauseRef`` dump (``clause_path``) in the citation shape (``clause``)."""
    item = dict(source)
    item.setdefault("clause", item.pop("clause_path", ""))
    return item


# ---------------------------------------------------------------- documents


def documents_table_html(rows: Sequence[Mapping[str, Any]]) -> str:
    if not rows:
        return notice_html("还没有导入任何政策文件。")
    head = "".join(f"<th>{h}</th>" for h in ("文件", "文号", "地区", "层级", "发布日期", "效力", "条款数"))
    body = "".join(
        "<tr>"
        f'<td data-label="文件">{esc(r["title"])}</td>'
        f'<td data-label="文号">{esc(r.get("doc_number") or "无文号")}</td>'
        f'<td data-label="地区">{esc(r.get("region"))}</td>'
        f'<td data-label="层级">{esc(r.get("level"))}</td>'
        f'<td data-label="发布日期">{esc(r.get("publish_date") or "—")}</td>'
        f'<td data-label="效力">{esc(r.get("status"))}</td>'
        f'<td data-label="条款数">{esc(r.get("chunks"))}</td>'
        "</tr>"
        for r in rows
    )
    table = f'<table class="pa-table"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'
    return f'<div class="pa-table-wrap">{table}</div>'


def document_viewer_html(
    title: str, meta_line: str, sections: Sequence[Mapping[str, Any]], *, target: int | None = None
) -> str:
    """Outline (links) + full text, grouped by clause. ``sections``: [{clause, heading, text}] in reading order;
    ``target`` (a section index) is highlighted and scrolled to ("在原文中定位")."""
    outline_items = []
    body = []
    for index, section in enumerate(sections):
        anchor = f"pa-sec-{index}"
        label = clause_label(section.get("clause"))
        heading = section.get("heading") or ""
        heading = "" if heading == label else heading  # the preamble's heading is 前言 too
        outline_items.append(f'<li><a href="#{anchor}">{esc(label)} {esc(heading)}</a></li>')
        marked = ' pa-target" tabindex="-1" aria-current="true' if index == target else ""
        body.append(
            # only the path here: the clause text itself starts with its heading
            f'<section id="{anchor}" class="pa-section{marked}"><h4 class="pa-clause">{esc(label)}</h4>'
            f'<p class="pa-text">{esc(section.get("text") or "")}</p></section>'
        )
    located = ""
    if target is not None and 0 <= target < len(sections):
        where = clause_label(sections[target].get("clause"))
        located = f'<p class="pa-notice" role="status">已定位到 {esc(where)}（高亮显示）</p>'

    return (
        f'<div class="pa-doc"><h3>《{esc(title)}》</h3><div class="pa-meta">{esc(meta_line)}</div>{located}'
        f'<details class="pa-outline"{"" if target is not None else " open"}><summary>条款目录（{len(sections)}）'
        f'</summary><ol>{"".join(outline_items)}</ol></details><div class="pa-fulltext">{"".join(body)}</div></div>'
    )


def ingest_report_html(lines: Sequence[str], problems: Sequence[str]) -> str:
    items = "".join(f"<li>{esc(line)}</li>" for line in lines) or "<li>没有变化。</li>"
    problem_items = "".join(f"<li>{esc(p)}</li>" for p in problems)
    problems_html = f'<h4>提示与问题</h4><ul class="pa-problems">{problem_items}</ul>' if problem_items else ""
    return f'<div class="pa-report"><h4>导入结果</h4><ul>{items}</ul>{problems_html}</div>'
