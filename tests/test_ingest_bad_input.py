"""Bad input: every broken file gets a clear Chinese message naming it, and the other documents still parse."""

from __future__ import annotations

import random
import shutil
import zipfile
from pathlib import Path

import pytest
from pypdf import PdfWriter

from ingest.errors import DocumentError
from ingest.pipeline import FileProblem, ParsedCorpus, parse_corpus, parse_document

POLICIES = Path(__file__).resolve().parent.parent / "data" / "policies"
GOOD = "beijing-2011-vocational-training"


def only_problem(corpus: ParsedCorpus, name: str) -> FileProblem:
    assert [d.meta.doc_id for d in corpus.documents][:1] == [GOOD] or GOOD in [d.meta.doc_id for d in corpus.documents]
    problems = [p for p in corpus.problems if name in p.path]
    assert len(problems) == 1, corpus.problems
    problem = problems[0]
    assert name in problem.message_zh, problem.message_zh  # names the file
    assert "\n" not in problem.message_zh and problem.message_en
    return problem


def _random_bytes(size: int, low: int = 0x80, high: int = 0x100) -> bytes:
    generator = random.Random(7)
    return bytes(generator.randrange(low, high) for _ in range(size))


def _blank_pdf(path: Path) -> None:
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    with path.open("wb") as handle:
        writer.write(handle)


def _not_a_docx(path: Path) -> None:
    with zipfile.ZipFile(path, "w") as archive:  # a valid zip, but no Word package inside
        archive.writestr("hello.txt", "这不是 Word 文件")


BAD_FILES = [
    ("empty.txt", lambda p: p.write_bytes(b""), "文件为空"),
    ("blank.md", lambda p: p.write_text(" \n\u3000\n\t\n", encoding="utf-8"), "没有文字内容"),
    ("binary.txt", lambda p: p.write_bytes(b"\x7fELF\x02\x01\x00\x00" * 64), "二进制"),
    ("garbage.txt", lambda p: p.write_bytes(_random_bytes(4000)), "乱码"),
    # bytes that decode as valid GB18030 but are random characters: caught by the character statistics
    ("gb-garbage.txt", lambda p: p.write_bytes(_random_bytes(4000, 0xB0, 0xF8)), "乱码"),
    ("symbols.txt", lambda p: p.write_text("#$%^&*()_+=<>?/" * 40, encoding="utf-8"), "无法识别为文字"),
    ("table.xlsx", lambda p: p.write_bytes(b"PK\x03\x04"), "不支持的文件类型"),
    ("corrupt.pdf", lambda p: p.write_bytes(b"%PDF-1.4\n1 0 obj <</Type /Catalog>>\ngarbage"), "PDF 文件已损坏"),
    ("not-pdf.pdf", lambda p: p.write_text("只是文本，不是 PDF", encoding="utf-8"), "PDF 文件已损坏"),
    ("scanned.pdf", _blank_pdf, "没有文字层"),
    ("corrupt.docx", lambda p: p.write_bytes(b"PK\x03\x04 truncated zip"), "Word 文件已损坏"),
    ("wrong-zip.docx", _not_a_docx, "Word 文件已损坏"),
]


@pytest.mark.parametrize(("name", "write", "expected"), BAD_FILES, ids=[case[0] for case in BAD_FILES])
def test_bad_file_is_reported_and_others_still_parse(corpus_dir: Path, name: str, write, expected: str) -> None:
    path = corpus_dir / name
    write(path)
    with pytest.raises(DocumentError) as caught:
        parse_document(path)
    assert expected in caught.value.zh and name in caught.value.zh
    corpus = parse_corpus([corpus_dir, path])  # explicit path: unsupported suffixes are reported, not skipped
    problem = only_problem(corpus, name)
    assert expected in problem.message_zh and problem.severity == "error"
    assert [d.meta.doc_id for d in corpus.documents] == [GOOD]


def test_huge_file_is_rejected_before_reading(corpus_dir: Path) -> None:
    path = corpus_dir / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(21 * 1024 * 1024)  # sparse: no real I/O
    problem = only_problem(parse_corpus([corpus_dir]), "huge.txt")
    assert "文件过大" in problem.message_zh


def test_missing_path_is_reported(corpus_dir: Path) -> None:
    problem = only_problem(parse_corpus([corpus_dir, corpus_dir / "gone.txt"]), "gone.txt")
    assert "文件不存在" in problem.message_zh


def test_no_structure_falls_back_to_paragraph_chunks(corpus_dir: Path) -> None:
    long_paragraph = "本市将继续支持劳动者参加职业技能培训，培训合格的按规定给予补贴。" * 25
    path = corpus_dir / "plain-note.txt"
    path.write_text(f"关于培训工作的说明\n\n{long_paragraph}\n\n其他事项另行通知。\n", encoding="utf-8")
    document = parse_document(path)
    assert document.outline == []
    assert {c.kind for c in document.chunks} == {"paragraph"}
    paths = [c.clause_path for c in document.chunks]
    assert paths[0] == "第1段" and paths[-1] == "第2段" and paths.count("第1段") > 1  # long paragraph split
    assert all(c.text.endswith("。") and c.text in document.display_text for c in document.chunks)
    assert document.meta.title == "关于培训工作的说明"


def test_missing_sidecar_uses_heuristics_with_a_warning(corpus_dir: Path) -> None:
    (corpus_dir / f"{GOOD}.meta.yaml").unlink()
    corpus = parse_corpus([corpus_dir])
    problem = only_problem(corpus, f"{GOOD}.txt")
    assert problem.severity == "warning" and "未找到元数据文件" in problem.message_zh
    meta = corpus.documents[0].meta
    assert (meta.metadata_source, meta.doc_number, meta.region) == ("heuristic", "京政发〔2011〕33号", "北京市")


MALFORMED_SIDECARS = [
    ("bad-yaml", "title: [未闭合\nregion: 北京市\n", "不是有效的 YAML"),
    ("unknown-field", "title: 某文件\nregoin: 北京市\n", "regoin"),
    ("wrong-type", "level: galaxy\npublish_date: 不是日期\n", "level"),
    ("not-mapping", "- 一\n- 二\n", "“字段: 值”"),
    ("computed-field", "doc_id: other\n", "doc_id"),
]


@pytest.mark.parametrize(("case", "content", "expected"), MALFORMED_SIDECARS, ids=[c[0] for c in MALFORMED_SIDECARS])
def test_malformed_sidecar_is_reported_and_document_still_ingests(
    corpus_dir: Path, case: str, content: str, expected: str
) -> None:
    sidecar = corpus_dir / f"{GOOD}.meta.yaml"
    sidecar.write_text(content, encoding="utf-8")
    corpus = parse_corpus([corpus_dir])
    problem = only_problem(corpus, sidecar.name)
    assert expected in problem.message_zh, problem.message_zh
    assert "已改用从正文推断的元数据" in problem.message_zh and problem.severity == "warning"
    meta = corpus.documents[0].meta
    assert meta.metadata_source == "heuristic" and meta.doc_number == "京政发〔2011〕33号"
    assert len(corpus.documents[0].chunks) == 17


def test_partial_sidecar_overrides_only_its_fields(corpus_dir: Path) -> None:
    (corpus_dir / f"{GOOD}.meta.yaml").write_text("status: superseded\nregion: 北京市\n", encoding="utf-8")
    meta = parse_corpus([corpus_dir]).documents[0].meta
    assert (meta.status, meta.metadata_source, meta.doc_number) == ("superseded", "sidecar", "京政发〔2011〕33号")


def test_duplicate_doc_id_is_reported(corpus_dir: Path) -> None:
    shutil.copy(corpus_dir / f"{GOOD}.txt", corpus_dir / f"{GOOD}.md")
    corpus = parse_corpus([corpus_dir])
    assert [d.meta.doc_id for d in corpus.documents] == [GOOD]
    assert any("文档编号重复" in p.message_zh and GOOD in p.message_zh for p in corpus.problems)
