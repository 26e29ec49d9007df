"""Loaders on real files: a .docx written by python-docx, a .pdf with a real text layer, legacy encodings."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from pypdf import PdfReader

from ingest.loaders import HeadingBlock, load
from ingest.pipeline import parse_corpus, parse_document


def make_pdf(path: Path, pages: list[list[str]]) -> None:
    """A minimal valid PDF whose text layer uses the standard CJK font STSong-Light (UCS-2 encoded): no font
    file and no PDF library needed, and pypdf extracts the text exactly as it would from a real office export."""
    objects: list[bytes] = []

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    def ref(number: int) -> bytes:
        return f"{number} 0 R".encode()

    catalog, pages_id = add(b""), add(b"")
    font = add(
        b"<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts ["
        + ref(4)
        + b"] >>"
    )
    add(
        b"<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe)"
        b" /Ordering (GB1) /Supplement 2 >> /FontDescriptor " + ref(5) + b" >>"
    )
    add(
        b"<< /Type /FontDescriptor /FontName /STSong-Light /Flags 4 /FontBBox [0 -200 1000 900] /ItalicAngle 0"
        b" /Ascent 880 /Descent -120 /CapHeight 880 /StemV 80 >>"
    )
    page_ids = []
    for lines in pages:
        shown = b"\n".join(b"<" + line.encode("utf-16-be").hex().encode() + b"> Tj T*" for line in lines)
        stream = b"BT /F1 12 Tf 16 TL 50 780 Td\n" + shown + b"\nET"
        content = add(b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream")
        page_ids.append(
            add(
                b"<< /Type /Page /Parent " + ref(pages_id) + b" /MediaBox [0 0 595 842] /Resources << /Font << /F1 "
                + ref(font) + b" >> >> /Contents " + ref(content) + b" >>"
            )
        )
    objects[catalog - 1] = b"<< /Type /Catalog /Pages " + ref(pages_id) + b" >>"
    kids = b" ".join(ref(i) for i in page_ids)
    objects[pages_id - 1] = b"<< /Type /Pages /Kids [" + kids + b"] /Count " + str(len(page_ids)).encode() + b" >>"
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root {catalog} 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    path.write_bytes(bytes(out))


PDF_PAGES = [
    [
        "测试市人力资源和社会保障局关于职业技能培训补贴的通知",
        "测人社发〔2020〕5号",
        "各区人力资源和社会保障局：",
        "为做好职业技能培训补贴工作，现将有关事项通知如下。",
        "一、补贴对象",
        "本市行政区域内参加职业技能培训并取得证书的劳动者，培训补",
    ],
    [
        "贴按规定发放。",
        "二、补贴标准",
        "（一）初级工每人800元。",
        "（二）中级工每人1200元。",
        "测试市人力资源和社会保障局",
        "2020年3月1日",
    ],
]


@pytest.fixture
def policy_docx(tmp_path: Path) -> Path:
    """A real Word file: title heading, numbered clauses (one heading style, one plain) and a table."""
    document = docx.Document()
    document.add_heading("样例市关于技能提升补贴的实施办法", level=1)
    document.add_paragraph("各有关单位：")
    document.add_paragraph("为提升劳动者技能水平，制定本办法。")
    document.add_heading("一、补贴范围", level=2)
    document.add_paragraph("（一）取得职业资格证书的企业职工。可申领技能提升补贴。")
    document.add_paragraph("（二）补贴标准按下表执行。")
    table = document.add_table(rows=3, cols=3)
    values = [["序号", "等级", "补贴标准"], ["1", "初级工", "1000元"], ["2", "中级工", "1500元"]]
    for row, cells in zip(table.rows, values, strict=True):
        for cell, text in zip(row.cells, cells, strict=True):
            cell.text = text
    document.add_paragraph("二、申领程序")
    document.add_paragraph("职工本人向参保地人社部门申请。")
    path = tmp_path / "sample-skills.docx"
    document.save(str(path))
    return path


def test_docx_headings_clauses_and_table(policy_docx: Path) -> None:
    loaded = load(policy_docx)
    assert isinstance(loaded.blocks[0], HeadingBlock)
    assert ["1", "初级工", "1000元"] in next(b for b in loaded.blocks if isinstance(b, list))
    document = parse_document(policy_docx)
    assert [n.label for n in document.outline] == ["前言", "一、", "二、"]
    assert [c.label for c in document.outline[1].children] == ["（一）", "（二）"]
    by_path = {c.clause_path: c for c in document.chunks}
    assert by_path["一、（一）"].clause_heading == "取得职业资格证书的企业职工"
    assert by_path["一、（二） 第1行"].text == "初级工：1000元"
    assert by_path["一、（二） 第2行"].kind == "table_row"
    assert by_path["二、"].text == "二、申领程序\n职工本人向参保地人社部门申请。"
    assert document.meta.title == "样例市关于技能提升补贴的实施办法"
    # 样例市 is no administrative division: the region stays 未知, with a warning naming the file
    assert (document.meta.region, document.meta.region_code) == ("未知", None)
    assert any("适用地区" in p.message_zh and policy_docx.name in p.message_zh for p in document.problems)


def test_pdf_text_layer_clauses_and_page_break_repair(tmp_path: Path) -> None:
    path = tmp_path / "test-city-subsidy.pdf"
    make_pdf(path, PDF_PAGES)
    assert len(PdfReader(path).pages) == 2
    document = parse_document(path)
    by_path = {c.clause_path: c for c in document.chunks}
    assert by_path["一、"].text.endswith("培训补贴按规定发放。")  # sentence cut by the page break, rejoined
    assert by_path["二、（二）"].text == "（二）中级工每人1200元。"
    meta = document.meta
    assert (meta.doc_number, str(meta.publish_date), meta.region) == ("测人社发〔2020〕5号", "2020-03-01", "未知")
    assert meta.issuer == "测试市人力资源和社会保障局"


def test_ascii_pdf_without_upper_levels_uses_arabic_items(tmp_path: Path) -> None:
    path = tmp_path / "ascii.pdf"
    make_pdf(path, [["Training subsidy rules", "1. Workers with a certificate may apply.", "2. It pays 800 yuan."]])
    document = parse_document(path)
    assert [c.clause_path for c in document.chunks] == ["1", "2"]


@pytest.mark.parametrize("encoding", ["gb18030", "utf-8-sig", "utf-16"])
def test_legacy_and_bom_encodings_decode(tmp_path: Path, encoding: str) -> None:
    text = "某县关于职业培训的通知\n\n各乡镇：\n\n一、培训对象\n\n本县户籍劳动者均可参加培训。\n"
    path = tmp_path / f"notice-{encoding}.txt"
    path.write_bytes(text.encode(encoding))
    document = parse_document(path)
    assert [c.clause_path for c in document.chunks] == ["", "一、"]
    assert document.chunks[1].text == "一、培训对象\n本县户籍劳动者均可参加培训。"


def test_control_characters_are_removed(tmp_path: Path) -> None:
    path = tmp_path / "ctrl.txt"
    path.write_text("某市通知\n\n一、范围\x07\x1b\n\n本市劳动者\x0c可以参加培训。\r\n", encoding="utf-8")
    chunk = parse_document(path).chunks[-1]
    assert chunk.text == "一、范围\n本市劳动者可以参加培训。"


def test_discover_skips_sidecars_and_unsupported_files_in_directories(tmp_path: Path, policy_docx: Path) -> None:
    (tmp_path / "notes.xlsx").write_bytes(b"PK")
    (tmp_path / "sample-skills.meta.yaml").write_text("status: in_force\nregion: 全国\n", encoding="utf-8")
    corpus = parse_corpus([tmp_path])
    assert [d.meta.doc_id for d in corpus.documents] == ["sample-skills"]
    assert corpus.documents[0].meta.status == "in_force"
    assert corpus.problems == []
