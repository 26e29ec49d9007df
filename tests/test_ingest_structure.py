"""Normalization, label detection, clause-tree rules and chunk splitting on small synthetic texts."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ingest.chunker import MAX_CHUNK_CHARS, pack, split_sentences
from ingest.clauses import parse_clauses
from ingest.normalize import (
    collapse_cjk_spaces,
    normalize_blocks,
    normalize_doc_number,
    parse_chinese_numeral,
    parse_label,
)
from ingest.pipeline import ParsedDocument, parse_document
from ingest.textnorm import fold as match_normalize


def parse_text(tmp_path: Path, text: str, name: str = "doc.txt") -> ParsedDocument:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return parse_document(path)


# -- match_normalize / variants -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("left", "right"),
    [
        ("京政发[2011]33号", "京政发〔2011〕33号"),
        ("京政发【2011】33号", "京政发［2011］33号"),
        ("（一）２２００元", "(一)2200元"),
        ("ＳＹＢ创业培训", "syb创业培训"),
        ("北  京", "北京"),
        ("在京工作满 5 年", "在京工作满5年"),
        ("工资薪金总额 8%", "工资薪金总额8%"),
    ],
)
def test_match_normalize_folds_variants(left: str, right: str) -> None:
    assert match_normalize(left) == match_normalize(right)


@given(st.text(alphabet=st.sampled_from(list("京政发〔〕[]（）()１２3 4北\u3000京年月ＡBc%，。")), max_size=40))
def test_match_normalize_is_idempotent(text: str) -> None:
    once = match_normalize(text)
    assert match_normalize(once) == once


def test_display_helpers() -> None:
    assert collapse_cjk_spaces("总   计") == "总计"
    assert collapse_cjk_spaces("新疆 兵团 2") == "新疆兵团 2"
    assert normalize_doc_number("京政发[2011]33号") == "京政发〔2011〕33号"
    numerals = ("一", "十", "十一", "二十", "二十三", "二〇一一")
    assert [parse_chinese_numeral(t) for t in numerals] == [1, 10, 11, 20, 23, 2011]
    assert parse_chinese_numeral("abc") is None


# -- labels ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "kind", "canonical"),
    [
        ("一、总体要求", "cn", "一、"),
        ("(一)构建终身职业技能培训体系", "cn_paren", "（一）"),
        ("（十九）加强经费筹集。", "cn_paren", "（十九）"),
        ("2、深入实施就业技能培训。", "num", "2"),
        ("3．全面加强。", "num", "3"),
        ("1.全国第二批百城技能振兴专项活动工作方案", "num", "1"),
        ("(1)初级工", "num_paren", "（1）"),
        ("第五条 本办法自发布之日起施行。", "article", "第五条"),
    ],
)
def test_labels_are_recognized_and_canonicalized(text: str, kind: str, canonical: str) -> None:
    label = parse_label(text)
    assert label is not None and (label.kind, label.canonical) == (kind, canonical)


@pytest.mark.parametrize("text", ["2015年5月底前报送", "1.5%的比例提取", "一、", "十分重要", "第一师阿拉尔市", "123"])
def test_numbers_that_are_not_labels(text: str) -> None:
    assert parse_label(text) is None


# -- line repair ------------------------------------------------------------------------------------------------


def test_broken_sentence_is_joined_but_headings_are_not() -> None:
    text = "一、总体要求\n\n（一）指导思想\n\n结合规划，持续开展高校毕业生技能就\n\n\n\n业行动，落实补贴。\n二、目标"
    paras = [p.text for p in normalize_blocks([text], markdown=False).paras]
    joined = "结合规划，持续开展高校毕业生技能就业行动，落实补贴。"
    assert paras == ["一、总体要求", "（一）指导思想", joined, "二、目标"]


def test_title_and_closing_lines_are_never_joined() -> None:
    text = "某市人民政府办公室\n关于推行培训制度\n的实施意见\n各区政府：\n正文。\n某市人民政府办公室\n2019年10月15日"
    paras = [p.text for p in normalize_blocks([text], markdown=False).paras]
    assert paras[:3] == ["某市人民政府办公室", "关于推行培训制度", "的实施意见"]
    assert paras[-2:] == ["某市人民政府办公室", "2019年10月15日"]


def test_markdown_marks_removed_and_depth_ignored() -> None:
    text = "# 标题\n\n## **一、第一部分**\n\n正文。\n\n#### **二、第二部分**\n\n正文二。"
    result = normalize_blocks([text], markdown=True)
    assert [p.text for p in result.paras] == ["标题", "一、第一部分", "正文。", "二、第二部分", "正文二。"]
    tree = parse_clauses(result.paras)
    assert [n.path for n in tree.nodes if n.kind == "clause"] == ["一、", "二、"]


def test_page_numbers_and_orphan_fragments_are_dropped_with_a_note() -> None:
    text = "（一）第一条。（责任单位：区人力社保局、区总工会等）\n- 3 -\n展局、区民政局等）\n（二）第二条。"
    result = normalize_blocks([text], markdown=False)
    assert [p.text for p in result.paras] == ["（一）第一条。（责任单位：区人力社保局、区总工会等）", "（二）第二条。"]
    assert any("页码" in r for r in result.repairs) and any("分页残片" in r for r in result.repairs)


def test_tab_table_rows_and_spaced_cells() -> None:
    cells = "\t序号\n\t地  区\n\t数量\n\t城市\n\n\t1\n\t北  京\n\t2\n\t丰台区、大兴区\n\n\t总   计\n\t2\n"
    result = normalize_blocks(["城市名单\n" + cells], markdown=False)
    table = result.paras[-1].table
    assert table == [["序号", "地区", "数量", "城市"], ["1", "北京", "2", "丰台区、大兴区"], ["总计", "2"]]


# -- clause tree --------------------------------------------------------------------------------------------------


def test_restarted_numbering_and_stray_numbers_are_not_clauses(tmp_path: Path) -> None:
    text = (
        "某市关于培训的通知\n各区：\n现通知如下。\n一、范围\n适用于全市。\n二、标准\n分为\n"
        "一、二、三级，分别补贴。\n（一）初级。\n（二）中级。\n2015年5月底前完成。\n三、附则\n本通知自印发之日起施行。"
    )
    paths = [chunk.clause_path for chunk in parse_text(tmp_path, text).chunks]
    assert paths == ["", "一、", "二、", "二、（一）", "二、（二）", "三、"]


def test_a_lead_in_with_conditions_is_a_clause_of_its_own_not_only_a_heading(tmp_path: Path) -> None:
    # the conditions of （一） stand in its lead-in to the table (…的高校毕业生，按学历给予补贴，标准如下：)
    text = (
        "# 某区人才补贴细则\n\n## 一、补贴对象和标准\n\n"
        "（一）签订3年以上劳动合同的高校毕业生，按学历给予补贴，标准如下：\n\n| 学历 | 补贴标准 |\n| --- | --- |\n"
        "| 本科 | 每月600元 |\n\n（二）补贴办法\n\n按季度发放。\n\n## 二、附则\n\n本细则自印发之日起施行。\n"
    )
    chunks = parse_text(tmp_path, text, name="doc.md").chunks
    lead = [c for c in chunks if c.clause_path == "一、（一）" and c.kind == "clause"]
    assert lead and "3年以上劳动合同" in lead[0].text, [(c.clause_path, c.text) for c in chunks]
    assert any(c.clause_path == "一、（一） 第1行" and c.kind == "table_row" for c in chunks)
    # a heading is still only a heading (（二）补贴办法: no comma, no colon)
    assert [c.text for c in chunks if c.clause_path == "一、（二）"] == ["（二）补贴办法\n按季度发放。"]


def test_attachment_list_in_notice_and_attachment_sections(tmp_path: Path) -> None:
    text = (
        "某部关于开展活动的通知\n各省：\n现将方案印发给你们。\n附件：\n1.活动方案\n2.城市名单\n某部\n2015年4月20日\n"
        "附件1\n活动\n方案\n一、目标\n完成培训。\n二、步骤\n分两步。\n城市名单\n\t序号\n\t城市\n\n\t1\n\t甲市\n\n\t2\n\t乙市\n"
    )
    document = parse_text(tmp_path, text)
    assert [c.clause_path for c in document.chunks] == ["", "附件1 一、", "附件1 二、", "附件2 第1行", "附件2 第2行"]
    assert [n.label for n in document.outline] == ["前言", "附件1", "附件2"]
    assert document.outline[1].heading == "活动方案"
    assert document.chunks[0].text.endswith("2.城市名单")
    assert document.chunks[-1].text == "乙市"


def test_article_style_document_with_chapters(tmp_path: Path) -> None:
    text = (
        "某市职业培训补贴办法\n第一章 总则\n第一条 为规范补贴，制定本办法。\n第二条 本办法适用于本市。\n"
        "第二章 标准\n第三条 初级工补贴800元。\n（一）需取得证书。\n（二）需缴纳社保。\n第四条 本办法自发布之日起施行。"
    )
    document = parse_text(tmp_path, text)
    expected = ["第一条", "第二条", "第三条", "第三条（一）", "第三条（二）", "第四条"]
    assert [c.clause_path for c in document.chunks] == expected
    assert [n.label for n in document.outline] == ["第一章", "第二章"]
    assert [n.label for n in document.outline[1].children] == ["第三条", "第四条"]


def test_heading_sentence_plus_body_and_heading_only_leaf(tmp_path: Path) -> None:
    text = "某县意见\n各乡镇：\n现提出意见。\n一、任务\n（一）开展培训工作。培训对象为全体劳动者。\n二、保障措施\n"
    chunks = {c.clause_path: c for c in parse_text(tmp_path, text).chunks}
    assert chunks["一、（一）"].clause_heading == "开展培训工作"
    assert "一、" not in chunks  # a heading without body of its own is not a chunk
    assert chunks["二、"].text == "二、保障措施"  # a heading-only leaf keeps its text


# -- chunk splitting --------------------------------------------------------------------------------------------

SENTENCE = st.text(alphabet=st.sampled_from(list("培训补贴劳动者企业，、1%")), min_size=1, max_size=120).map(
    lambda body: body + "。"
)


@given(st.lists(SENTENCE, min_size=1, max_size=30))
def test_split_sentences_round_trips(sentences: list[str]) -> None:
    text = "".join(sentences)
    parts = split_sentences(text)
    assert "".join(parts) == text and all(part.endswith("。") for part in parts)


@given(st.lists(st.lists(SENTENCE, min_size=1, max_size=12).map("".join), min_size=1, max_size=6))
def test_pack_cuts_only_at_boundaries_and_respects_the_cap(paragraphs: list[str]) -> None:
    whole = "\n".join(paragraphs)
    parts = pack(paragraphs)
    assert all(part in whole and part.endswith("。") for part in parts)
    assert "".join(parts).replace("\n", "") == whole.replace("\n", "")
    tail_merge_allowance = MAX_CHUNK_CHARS // 4 + 120
    assert all(len(part) <= MAX_CHUNK_CHARS + tail_merge_allowance for part in parts)


def test_attachment_markers_listed_in_the_notice_do_not_start_attachments(tmp_path: Path) -> None:
    text = (
        "某厅关于印发两个文件的通知\n各市：\n现印发给你们，附件1所列城市要认真落实。\n附件1：实施方案\n附件2：城市名单\n"
        "某厅\n2020年1月2日\n附件1\n实施方案\n一、目标\n完成任务。\n附件2\n城市名单\n一、名单\n甲市。"
    )
    document = parse_text(tmp_path, text)
    assert [c.clause_path for c in document.chunks] == ["", "附件1 一、", "附件2 一、"]
    assert "附件1所列城市要认真落实" in document.chunks[0].text


def test_text_without_any_full_stop_is_still_size_capped(tmp_path: Path) -> None:
    """Pathological input (no 。 at all): cut at ，、 and finally at a fixed length, never one giant chunk."""
    body = "培训补贴按规定发放，" * 300 + "甲" * 3000
    document = parse_text(tmp_path, f"某市通知\n各区：\n{body}")
    parts = [c for c in document.chunks if c.kind == "paragraph" and c.clause_path == "第2段"]
    assert "".join(c.text for c in parts) == body
    assert len(parts) > 5 and max(len(c.text) for c in parts) <= MAX_CHUNK_CHARS + MAX_CHUNK_CHARS // 4


def test_markdown_tables_become_one_row_per_chunk(tmp_path) -> None:
    from ingest.pipeline import parse_document

    path = tmp_path / "table.md"
    path.write_text(
        "关于技能竞赛获奖者晋升等级的通知\n\n一、适用范围\n\n附件1\n\n"
        "| 序号 | 竞赛类别 | 可晋升等级 |\n| --- | --- | --- |\n"
        "| 1 | 世界技能大赛金牌获得者 | 高级技师 |\n| 2 | 省级一类竞赛前5名 | 技师 |\n", encoding="utf-8")
    rows = [c for c in parse_document(path).chunks if c.kind == "table_row"]
    assert [c.clause_path for c in rows] == ["附件1 第1行", "附件1 第2行"]
    assert "世界技能大赛金牌获得者" in rows[0].text and "|" not in rows[0].text
