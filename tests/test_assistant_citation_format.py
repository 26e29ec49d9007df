"""The standard citation: one function, the same text on the page, the copy button and ``--cite``."""

from __future__ import annotations

import pytest
from support import BEIJING_2007, BEIJING_2011, MOHRSS, SHIJIAZHUANG

from assistant.citations import citation_from_chunk, citation_from_record, format_citation, mark_omissions
from assistant.models import Citation
from ingest.models import STATUS_LABELS

TEXT = "（四）就业培训援助计划。围绕首都经济社会发展，加强职业培训公共服务。坚持就业导向。"


def _citation(**changes) -> Citation:
    base = {
        "n": 1, "doc_id": "d", "title": "北京市人民政府关于进一步加强职业培训工作的意见",
        "doc_number": "京政发〔2011〕33号", "clause": "四、（四）", "heading": "就业培训援助计划", "text": TEXT,
        "status": "in_force", "publish_date": "2011-07-06",
    }
    return Citation(**(base | changes))


def test_full_citation_has_every_part_in_order() -> None:
    assert format_citation(_citation()) == (
        "《北京市人民政府关于进一步加强职业培训工作的意见》（京政发〔2011〕33号）四、（四） 就业培训援助计划："
        f"“{TEXT}”（现行有效，2011-07-06）"
    )


def test_without_doc_number_the_parentheses_are_omitted() -> None:
    text = format_citation(_citation(doc_number=None))
    assert text.startswith("《北京市人民政府关于进一步加强职业培训工作的意见》四、（四） 就业培训援助计划：“")
    assert "（）" not in text


def test_preamble_and_missing_facts() -> None:
    text = format_citation(_citation(clause="前言", heading="", status=None, publish_date=None))
    assert "》（京政发〔2011〕33号）前言：“" in text and text.endswith("”")
    assert format_citation(_citation(status="superseded", publish_date=None)).endswith("”（已被新政策取代）")


def test_omission_inside_a_quote_is_marked() -> None:
    quote = "（四）就业培训援助计划。坚持就业导向。"
    assert mark_omissions(TEXT, quote) == "（四）就业培训援助计划。……坚持就业导向。"
    assert "“（四）就业培训援助计划。……坚持就业导向。”" in format_citation(_citation(), quote=quote)
    contiguous = "围绕首都经济社会发展，加强职业培训公共服务。坚持就业导向。"
    assert mark_omissions(TEXT, contiguous) == contiguous  # nothing left out between the quoted sentences
    assert mark_omissions(TEXT, "不在原文里的话。") == "不在原文里的话。"  # not a quote of this clause: unchanged


def test_nested_title_marks_and_line_breaks() -> None:
    text = format_citation(_citation(title="印发《关于加强工作的意见》的通知", text="第一段。\n第二段。"))
    assert text.startswith("《印发〈关于加强工作的意见〉的通知》") and "“第一段。 第二段。”" in text


@pytest.mark.parametrize(
    ("doc_id", "clause", "expected_start"),
    [
        (SHIJIAZHUANG, "三、（一）3", "《石家庄市人民政府办公室关于推行终身职业技能培训制度"
         "加快技能强市建设的实施意见》三、（一）3 "),
        (BEIJING_2011, "", "《北京市人民政府关于进一步加强职业培训工作的意见》（京政发〔2011〕33号）前言：“"),
        (MOHRSS, "附件2 第22行", "《人力资源社会保障部关于开展第二批百城技能振兴专项活动的通知》"
         "（人社部函〔2015〕67号）附件2 第22行 全国第二批百城技能振兴专项活动城市名单："
         "“重庆：江北区、九龙坡区、北碚区（数量：3）”"),
        (BEIJING_2007, "五、（十五）", "《中共北京市委办公厅 北京市人民政府办公厅印发"
         "〈关于进一步加强高技能人才工作的实施意见〉的通知》"),
    ],
)
def test_real_chunks(retriever, doc_id: str, clause: str, expected_start: str) -> None:
    """Documents with and without 文号, a preamble and a table row (its table's caption as the heading)."""
    chunk = next(c for c in retriever.chunks_of(doc_id) if c.clause_path == clause)
    citation = citation_from_chunk(1, chunk)
    text = format_citation(citation)
    assert text.startswith(expected_start)
    assert text.endswith(f"”（{STATUS_LABELS[chunk.status]}，{chunk.publish_date}）")
    # the search JSON item gives the same citation (the copy button and --cite use that path)
    response = retriever.search(chunk.text[:40], top_k=10)
    item = next(r for r in response.contract()["results"] + response.contract()["suggestions"] if r["id"] == chunk.id)
    assert format_citation(citation_from_record(item)) == text
