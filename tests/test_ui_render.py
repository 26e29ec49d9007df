"""Safe rendering: nothing from a question or a document can become live HTML, script, image or link."""

from __future__ import annotations

import re

import pytest

from ui import render

HOSTILE = [
    "[链接](http://evil.example) 和 [引用][r]\n\n[r]: http://evil.example",
    '<script>alert("x")</script>',
    '<img src=x onerror="alert(1)">',
    "![跟踪像素](http://evil.example/p.png)",
    "[点我](javascript:alert(1))",
    "<http://evil.example>",
    "$$\\frac{1}{2}$$",
    '"><svg onload=alert(1)>',
    "`code` **粗体** # 标题",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_md_text_renders_as_plain_text_only(text: str) -> None:
    """Rendered by a real CommonMark parser with raw HTML on, the escaped text yields no tag, link or image."""
    markdown_it = pytest.importorskip("markdown_it")
    parser = markdown_it.MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])
    html = parser.render(render.md_text(text))
    assert re.sub(r"</?p>", "", html).count("<") == 0, html  # only the paragraph wrapper is markup
    # removing the escapes gives back exactly what was written (lossless display)
    assert re.sub(r"\\(.)", r"\1", render.md_text(text)) == text


def test_md_text_keeps_citation_markers_clean() -> None:
    assert render.md_text("可领取1500元[1]，另见[2]。") == "可领取1500元[1]，另见[2]。"


def test_md_text_keeps_chinese_and_full_width_punctuation() -> None:
    text = "石家庄市技能提升补贴：1500元（三、（一）3）"
    assert render.md_text(text) == "石家庄市技能提升补贴：1500元（三、（一）3）"
    assert render.md_text("2019-10-15 比例1.5% (试行)") == "2019-10-15 比例1.5% (试行)"  # nothing to escape


@pytest.mark.parametrize("text", HOSTILE)
def test_citation_card_escapes_all_fields(text: str) -> None:
    card = render.citation_card_html(
        {"title": text, "doc_number": text, "clause": text, "text": text, "region": text, "n": 1}
    )
    assert "<script" not in card and "<img" not in card and "<svg" not in card
    assert "onerror=" not in card.replace("onerror=&quot;", "")  # only ever inside escaped text
    assert "&lt;" in card or "<" not in text


def test_citation_card_shows_citation_label_and_preamble() -> None:
    card = render.citation_card_html({"title": "某政策", "clause": "", "text": "前言内容", "doc_number": None})
    assert "前言" in card and "无文号" in card
    assert 'data-cite="《某政策》前言：“前言内容”"' in card  # the standard citation, nothing to omit


def test_highlight_marks_terms_and_escapes_the_rest() -> None:
    html = render.highlight_html("<b>技能提升补贴</b>与技能", ["技能", "技能提升"])
    assert html == "&lt;b&gt;<mark>技能提升</mark>补贴&lt;/b&gt;与<mark>技能</mark>"


def test_highlight_merges_overlaps_and_ignores_case_and_blank_terms() -> None:
    assert render.highlight_html("ABCabc", ["bc", "ab", " ", ""]) == "<mark>ABCabc</mark>"
    assert render.highlight_html("ABC-abc", ["bc", "ab"]) == "<mark>ABC</mark>-<mark>abc</mark>"
    assert render.highlight_html("无匹配", ["技能"]) == "无匹配"


def test_search_results_show_count_time_and_empty_hint() -> None:
    empty = render.search_results_html({"query": "x", "results": [], "elapsed_ms": 12.3}, [])
    assert "未找到相关条款" in empty and "用时 12 毫秒" in empty and "可能相关" not in empty


def test_nothing_relevant_shows_suggestions_labelled_as_such_and_levels_in_words() -> None:
    near = {"id": "c1", "title": "某政策", "clause": "一、", "text": "条款原文", "relevance": "低", "score": 0.0981}
    html = render.search_results_html(
        {"results": [], "suggestions": [near], "elapsed_ms": 3}, [], notices=["本库没有上海的文件"], locate=True
    )
    assert html.index("本库没有上海的文件") < html.index("未找到相关条款") < html.index("可能相关")
    assert "相关度低" in html and "0.098" not in html and 'data-chunk="c1"' in html
    found = render.search_results_html({"results": [{**near, "relevance": "高"}], "elapsed_ms": 3}, [])
    assert "找到 1 条相关条款" in found and "相关度高" in found and "可能相关" not in found


def test_table_row_card_shows_its_table_caption() -> None:
    row = {"title": "通知", "clause": "附件2 第22行", "heading": "城市名单", "text": "重庆：北碚区"}
    card = render.citation_card_html(row)
    assert '<span class="pa-heading">城市名单</span>' in card and "附件2 第22行 城市名单：“重庆：北碚区”" in card


def test_calculation_html_shows_amount_trace_sources_and_missing() -> None:
    html = render.calculation_html(
        {
            "title": "石家庄市技能提升补贴",
            "region": "石家庄市",
            "status": "eligible",
            "amount": "1650.00",
            "summary": "可得<1650>元",
            "trace": ["1500元 × 1.1 = 1650元"],
            "missing": [{"field": "x", "question": "您缴费几个月？"}],
            "sources": [{"title": "T", "clause_path": "三、（一）3", "text": "原文", "doc_id": "d"}],
        }
    )
    assert "1650元" in html and "符合条件" in html and "1500元 × 1.1 = 1650元" in html
    assert "三、（一）3" in html and "您缴费几个月？" in html and "&lt;1650&gt;" in html


def test_calculation_html_range_and_cap() -> None:
    assert "1000～2000元" in render.calculation_html({"amount_min": "1000.00", "amount_max": "2000.00"})
    assert "最高 2200元" in render.calculation_html({"amount_max": "2200.00"})


def test_documents_table_escapes_and_handles_empty() -> None:
    assert "还没有导入" in render.documents_table_html([])
    table = render.documents_table_html([{"title": "<i>x</i>", "chunks": 3, "region": "北京市"}])
    assert "&lt;i&gt;" in table and "<i>" not in table


def test_document_viewer_has_outline_links_and_escaped_text() -> None:
    sections = [{"clause": "", "heading": "前言", "text": "<p>x"}, {"clause": "一、", "heading": "总则", "text": "y"}]
    html = render.document_viewer_html("标题", "meta", sections)
    assert 'href="#pa-sec-1"' in html and 'id="pa-sec-1"' in html and "条款目录（2）" in html
    assert "&lt;p&gt;x" in html
