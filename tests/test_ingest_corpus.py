"""The five real policies: clause trees, specific clauses, chunk boundaries, ids, metadata."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest
from support import BEIBEI, BEIJING_2007, BEIJING_2011, MOHRSS, SHIJIAZHUANG

from ingest.chunker import MAX_CHUNK_CHARS, split_sentences
from ingest.models import Chunk
from ingest.pipeline import OutlineNode, ParsedCorpus, ParsedDocument, parse_corpus, parse_document

POLICIES = Path(__file__).resolve().parent.parent / "data" / "policies"
# A chunk may end with one of these (。；！？ plus closing quotes/brackets and the colon of a salutation).
CLEAN_END = "。；！？：:;!?”’）)」』"
CN = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]
CN += ["十" + digit for digit in CN[:9]] + ["二十"]


@pytest.fixture(scope="module")
def corpus() -> ParsedCorpus:
    return parse_corpus([POLICIES])


@pytest.fixture(scope="module")
def docs(corpus: ParsedCorpus) -> dict[str, ParsedDocument]:
    return {document.meta.doc_id: document for document in corpus.documents}


def labels(nodes: list[OutlineNode]) -> list[str]:
    return [node.label for node in nodes]


def chunk_at(document: ParsedDocument, path: str, must: str = "") -> Chunk:
    """The one chunk at `path` containing `must` (a split clause has several parts)."""
    matches = [c for c in document.chunks if c.clause_path == path and must in c.text]
    assert len(matches) == 1, [(c.clause_path, c.text[:30]) for c in document.chunks if c.clause_path == path]
    return matches[0]


def node(nodes: list[OutlineNode], label: str) -> OutlineNode:
    return next(n for n in nodes if n.label == label)


def test_corpus_parses_all_five_without_problems(corpus: ParsedCorpus) -> None:
    assert sorted(d.meta.doc_id for d in corpus.documents) == sorted(
        [BEIBEI, BEIJING_2007, BEIJING_2011, MOHRSS, SHIJIAZHUANG]
    )
    assert corpus.problems == []
    assert all(d.meta.metadata_source == "sidecar" for d in corpus.documents)


def test_beijing_2011_has_sections_one_to_ten(docs: dict[str, ParsedDocument]) -> None:
    outline = docs[BEIJING_2011].outline
    assert labels(outline) == ["前言", *(f"{n}、" for n in CN[:10])]
    assert labels(node(outline, "四、").children) == [f"（{n}）" for n in CN[:5]]
    assert node(outline, "九、").heading == "加大职业培训资金投入"


def test_beijing_2007_markdown_depth_does_not_override_numbering(docs: dict[str, ParsedDocument]) -> None:
    outline = docs[BEIJING_2007].outline
    assert labels(outline) == ["前言", *(f"{n}、" for n in CN[:6])]
    second_level = [child.label for top in outline[1:] for child in top.children]
    assert second_level == [f"（{n}）" for n in CN[:19]]
    assert labels(node(outline, "五、").children) == ["（十五）", "（十六）", "（十七）"]
    assert node(outline, "二、").children[0].heading == "动员社会各方面力量参与高技能人才培养工作"


def test_shijiazhuang_tree_has_items_one_to_fifteen_under_section_three(docs: dict[str, ParsedDocument]) -> None:
    outline = docs[SHIJIAZHUANG].outline
    assert labels(outline) == ["前言", "一、", "二、", "三、", "四、"]
    section_three = node(outline, "三、")
    assert labels(section_three.children) == ["（一）", "（二）", "（三）", "（四）"]
    items = [item.clause_path for group in section_three.children for item in group.children]
    assert len(items) == 15
    assert items[0] == "三、（一）1" and items[1] == "三、（一）2" and items[-1] == "三、（四）15"
    assert section_three.children[0].heading == "构建终身职业技能培训体系"


def test_beibei_tree_has_twenty_second_level_clauses(docs: dict[str, ParsedDocument]) -> None:
    outline = docs[BEIBEI].outline
    assert labels(outline) == ["前言", "一、", "二、", "三、", "四、", "五、"]
    assert [child.label for top in outline[1:] for child in top.children] == [f"（{n}）" for n in CN[:20]]


def test_mohrss_notice_is_preamble_with_two_attachments(docs: dict[str, ParsedDocument]) -> None:
    document = docs[MOHRSS]
    assert labels(document.outline) == ["前言", "附件1", "附件2"]
    attachment_one = node(document.outline, "附件1")
    assert attachment_one.heading == "全国第二批百城技能振兴专项活动工作方案"
    assert labels(attachment_one.children) == ["一、", "二、", "三、", "四、", "五、"]
    rows = node(document.outline, "附件2").children
    assert len(rows) == 33 and rows[-1].heading == "总计" and rows[21].heading == "重庆"
    # the attachment list inside the notice is not a clause level
    preamble = chunk_at(document, "")
    assert "1.全国第二批百城技能振兴专项活动工作方案" in preamble.text
    assert not any(c.clause_path.startswith("1") for c in document.chunks)


def test_mohrss_missing_attachment_marker_is_reported(docs: dict[str, ParsedDocument]) -> None:
    assert any("附件2" in note and "附件清单" in note for note in docs[MOHRSS].repairs)


@pytest.mark.parametrize(
    ("doc_id", "path", "needles"),
    [
        (SHIJIAZHUANG, "三、（一）2", ["2200元", "2500元"]),
        (SHIJIAZHUANG, "三、（一）3", ["中级工4000元、高级工6000元", "1000元、1500元、2000元"]),
        (BEIJING_2011, "九、", ["1.5%", "2.5%"]),
        (BEIJING_2011, "四、（二）", ["30万至50万元"]),
        (BEIJING_2011, "六、", ["来京务工人员", "直接引进"]),
        (BEIJING_2007, "四、（十四）", ["在京工作满 5 年以上", "高级技师"]),
        (BEIJING_2007, "五、（十五）", ["1.5%"]),
        (BEIBEI, "五、（十九）", ["8%"]),
        (BEIBEI, "二、（五）", ["退役军人可按规定享受一次免费", "生活补助"]),
    ],
)
def test_clause_is_found_whole_at_its_path(doc_id: str, path: str, needles: list[str], docs) -> None:
    chunk = chunk_at(docs[doc_id], path, needles[0])
    assert all(needle in chunk.text for needle in needles)
    assert chunk.kind == "clause"


def test_whole_clauses_under_the_cap_are_one_chunk(docs: dict[str, ParsedDocument]) -> None:
    item_two = [c for c in docs[SHIJIAZHUANG].chunks if c.clause_path == "三、（一）2"]
    assert len(item_two) == 1 and item_two[0].text.startswith("2、深入实施就业技能培训。")
    assert item_two[0].text.endswith("按职责分工负责)")


def test_mohrss_city_row_for_chongqing(docs: dict[str, ParsedDocument]) -> None:
    document = docs[MOHRSS]
    row = chunk_at(document, "附件2 第22行")
    assert row.kind == "table_row"
    assert "重庆：江北区、九龙坡区、北碚区" in row.text
    assert row.heading_path == [document.meta.title, "附件2 全国第二批百城技能振兴专项活动城市名单"]
    assert chunk_at(document, "附件2 第1行").text.startswith("北京：丰台区、大兴区、门头沟区")
    assert chunk_at(document, "附件2 第33行").text == "总计：100"


def test_heading_path_and_metadata_on_chunks(docs: dict[str, ParsedDocument]) -> None:
    document = docs[SHIJIAZHUANG]
    chunk = chunk_at(document, "三、（一）2")
    assert chunk.heading_path == [
        document.meta.title,
        "三、重点任务",
        "（一）构建终身职业技能培训体系",
        "2、深入实施就业技能培训",
    ]
    assert chunk.clause_heading == "深入实施就业技能培训"
    assert (chunk.region, chunk.level, chunk.publish_date, chunk.doc_number) == ("石家庄市", "city", "2019-10-15", None)
    assert chunk.embed_text().startswith(document.meta.title)
    beibei = chunk_at(docs[BEIBEI], "五、（十九）")
    assert (beibei.doc_number, beibei.region, beibei.status) == ("北碚府发〔2019〕21号", "重庆市北碚区", "in_force")


def test_preamble_path_is_empty_with_heading_qianyan(docs: dict[str, ParsedDocument]) -> None:
    for document in docs.values():
        preamble = [c for c in document.chunks if c.clause_path == ""]
        assert preamble and all(c.kind == "preamble" and c.clause_heading == "前言" for c in preamble)


def test_broken_lines_are_rejoined(docs: dict[str, ParsedDocument]) -> None:
    assert "持续开展高校毕业生技能就业行动" in chunk_at(docs[BEIBEI], "二、（五）").text
    assert "等各个方面缺乏有力的政策支持" in chunk_at(docs[BEIJING_2007], "一、（一）", "各个方面").text
    assert "实施办法。根据首都经济发展" in chunk_at(docs[BEIJING_2007], "三、（八）").text


def test_orphan_page_fragment_is_dropped_and_reported(docs: dict[str, ParsedDocument]) -> None:
    fragment = "展局、区民政局、区市场监管局、区总工会等）"
    document = docs[BEIBEI]
    assert all(fragment not in c.text for c in document.chunks)
    assert any(fragment in repair for repair in document.repairs)
    assert chunk_at(document, "三、（十）").text.endswith("区总工会、团区委等）")


def test_header_closing_and_markdown_marks_are_not_chunk_text(corpus: ParsedCorpus) -> None:
    for chunk in corpus.chunks:
        assert "**" not in chunk.text and not chunk.text.startswith("#")
        assert "抄送" not in chunk.text and "印发\n" not in chunk.text
        assert chunk.text.strip() not in {"京政发[2011]33号", "二〇一一年七月六日", "2019 年 4 月 25 日"}


def _starts_cleanly(chunk: Chunk, display: str) -> bool:
    start = display.find(chunk.text)
    return start == 0 or display[start - 1] == "\n" or display[start - 1] in CLEAN_END


def _ends_cleanly(chunk: Chunk) -> bool:
    """Rule: the last character ends a sentence, or the last line is a short list/heading line (an attachment
    list such as `2.全国第二批…城市名单`, or a heading-only clause)."""
    last_line = chunk.text.rsplit("\n", 1)[-1]
    return chunk.text[-1] in CLEAN_END or (len(last_line) <= 40 and "。" not in last_line)


def test_every_text_chunk_is_verbatim_and_sentence_bounded(corpus: ParsedCorpus) -> None:
    checked = 0
    for document in corpus.documents:
        for chunk in document.chunks:
            if chunk.kind == "table_row":
                assert chunk.text and "\n" not in chunk.text and "：" in chunk.text
                continue
            assert chunk.text in document.display_text, (chunk.doc_id, chunk.clause_path)
            assert _starts_cleanly(chunk, document.display_text), (chunk.clause_path, chunk.text[:20])
            assert _ends_cleanly(chunk), (chunk.clause_path, chunk.text[-20:])
            oversize = len(chunk.text) > MAX_CHUNK_CHARS * 1.25
            assert not oversize or len(split_sentences(chunk.text)) == 1
            checked += 1
    assert checked > 80


def test_split_parts_are_numbered_and_in_reading_order(corpus: ParsedCorpus) -> None:
    for document in corpus.documents:
        orders = [c.order for c in document.chunks]
        assert orders == sorted(orders) == list(range(len(orders)))
        by_path: dict[str, list[Chunk]] = {}
        for chunk in document.chunks:
            by_path.setdefault(chunk.clause_path, []).append(chunk)
        for parts in by_path.values():
            assert [c.part for c in parts] == list(range(1, len(parts) + 1))
            assert {c.parts for c in parts} == {len(parts)}


def test_ids_are_stable_across_parses_and_unique(corpus: ParsedCorpus) -> None:
    again = parse_corpus([POLICIES])
    assert [c.id for c in again.chunks] == [c.id for c in corpus.chunks]
    assert len({c.id for c in corpus.chunks}) == len(corpus.chunks)


def test_editing_one_document_changes_only_its_chunk_ids(policies_copy: Path, corpus: ParsedCorpus) -> None:
    target = policies_copy / f"{BEIBEI}.txt"
    target.write_text(target.read_text(encoding="utf-8").replace("不超过工资薪金总额 8%", "不超过工资薪金总额 9%"))
    edited = parse_corpus([policies_copy])
    before = {c.id: c for c in corpus.chunks}
    changed = [c for c in edited.chunks if c.id not in before]
    assert [(c.doc_id, c.clause_path) for c in changed] == [(BEIBEI, "五、（十九）")]
    assert len(edited.chunks) == len(corpus.chunks)


def test_sidecar_metadata_and_source_hash(docs: dict[str, ParsedDocument]) -> None:
    meta = docs[BEIJING_2011].meta
    assert meta.title == "北京市人民政府关于进一步加强职业培训工作的意见"
    assert meta.doc_number == "京政发〔2011〕33号"
    source = POLICIES / f"{BEIJING_2011}.txt"
    assert meta.source_sha256 == hashlib.sha256(source.read_bytes()).hexdigest()
    assert meta.doc_id == BEIJING_2011


def test_heuristic_metadata_matches_the_sidecars(tmp_path: Path, docs: dict[str, ParsedDocument]) -> None:
    for path in POLICIES.iterdir():
        if not path.name.endswith(".meta.yaml"):
            shutil.copy(path, tmp_path)
    guessed = {d.meta.doc_id: d.meta for d in parse_corpus([tmp_path]).documents}
    for doc_id, document in docs.items():
        meta, truth = guessed[doc_id], document.meta
        assert meta.metadata_source == "heuristic"
        fields = ("doc_number", "region", "province", "level", "publish_date")
        assert [getattr(meta, f) for f in fields] == [getattr(truth, f) for f in fields], doc_id
    for doc_id in (SHIJIAZHUANG, BEIBEI, MOHRSS):  # titles over three lines / with layout spaces
        assert guessed[doc_id].title == docs[doc_id].meta.title
    assert guessed[BEIJING_2011].doc_number == "京政发〔2011〕33号"
    assert guessed[BEIJING_2007].issuer == "中共北京市委办公厅、北京市人民政府办公厅"


def test_parse_document_single_file_and_outline_serializes() -> None:
    document = parse_document(POLICIES / f"{SHIJIAZHUANG}.txt")
    dumped = document.model_dump(mode="json")
    assert dumped["outline"][3]["children"][0]["children"][1]["clause_path"] == "三、（一）2"
    assert ParsedDocument.model_validate(dumped) == document
