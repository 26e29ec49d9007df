"""Resource limits on untrusted policy files (issue 14, item 3).

The hostile files of the issue are generated here — a 44 KB docx with 20k paragraphs, a docx that unzips to
350 MB, a 99k-page PDF — and each must be refused fast with a Chinese message naming the file and the limit,
while the good file next to it is still ingested. Smaller variants with lowered limits keep the default suite fast.
"""

from __future__ import annotations

import struct
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from ingest.errors import DocumentError
from ingest.limits import IngestLimits
from ingest.pipeline import FileProblem, ParsedCorpus, parse_corpus, parse_document
from ingest.settings import Settings

POLICIES = Path(__file__).resolve().parent.parent / "data" / "policies"
GOOD = "beijing-2011-vocational-training"


def limits(**changes: object) -> IngestLimits:
    return IngestLimits.defaults().model_copy(update=changes)


def refused(corpus: ParsedCorpus, name: str, *phrases: str) -> FileProblem:
    """The one problem for ``name`` says what was exceeded, names the file and the setting; GOOD still parsed."""
    assert [d.meta.doc_id for d in corpus.documents] == [GOOD], corpus.problems
    problems = [p for p in corpus.problems if Path(p.path).name == name]
    assert len(problems) == 1, corpus.problems
    problem = problems[0]
    assert name in problem.message_zh and "上限" in problem.message_zh and "POLICY_" in problem.message_zh
    assert all(phrase in problem.message_zh for phrase in phrases), problem.message_zh
    assert problem.severity == "error" and "\n" not in problem.message_zh and problem.message_en
    return problem


# ---- hostile file generators ---------------------------------------------------------------------------------

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
)
RELS = (
    '<?xml version="1.0" encoding="UTF-8"?><Relationships '
    'xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
    'Target="word/document.xml"/></Relationships>'
)


def write_docx(path: Path, paragraphs: list[str] | None = None, *, padding_bytes: int = 0) -> None:
    """A minimal real .docx; ``padding_bytes`` of XML whitespace make it unzip large while staying small."""
    body = "".join(f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>" for text in paragraphs or [])
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("_rels/.rels", RELS)
        with archive.open("word/document.xml", "w", force_zip64=padding_bytes > 2**31) as member:
            member.write(f'<?xml version="1.0" encoding="UTF-8"?><w:document {W}><w:body>{body}'.encode())
            block = b" " * (1 << 20)
            for _ in range(padding_bytes // len(block)):
                member.write(block)
            member.write(b"</w:body></w:document>")


def declare_smaller(path: Path, member: str, declared: int) -> None:
    """Rewrite the uncompressed size ``member`` declares (local header and central directory) to ``declared``."""
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as archive:
        struct.pack_into("<I", data, archive.getinfo(member).header_offset + 22, declared)
    offset = data.find(b"PK\x01\x02")
    while offset != -1:
        name_length = struct.unpack_from("<H", data, offset + 28)[0]
        if data[offset + 46 : offset + 46 + name_length].decode() == member:
            struct.pack_into("<I", data, offset + 24, declared)
        offset = data.find(b"PK\x01\x02", offset + 4)
    path.write_bytes(bytes(data))


def write_pdf(path: Path, pages: int, *, declared: int | None = None, operators: int = 1) -> None:
    """A valid PDF with ``pages`` pages sharing one text stream of ``operators`` text-showing operations (written
    directly: pypdf would take minutes)."""
    objects: list[bytes] = []
    first_page = 5
    kids = " ".join(f"{first_page + i} 0 R" for i in range(pages))
    stream = b"BT /F1 12 Tf 72 720 Td (Vocational training subsidy rules apply.) Tj ET\n" * operators
    objects.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    objects.append(f"<< /Type /Pages /Kids [{kids}] /Count {declared if declared is not None else pages} >>".encode())
    objects.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    page = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 3 0 R"
    page += b" /Resources << /Font << /F1 4 0 R >> >> >>"
    objects.extend([page] * pages)
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    path.write_bytes(bytes(out))


# ---- the issue's hostile files ---------------------------------------------------------------------------------


HOSTILE = [
    pytest.param(
        "many-paragraphs.docx",
        lambda path: write_docx(path, [f"{i % 9 + 1}、段落" for i in range(20_000)]),  # a few KB on disk
        ("文档段落过多", "20000 段", "POLICY_MAX_PARAGRAPHS"),
        id="docx-20k-paragraphs",
    ),
    pytest.param(
        "bomb-350mb.docx",
        lambda path: write_docx(path, ["一、总则"], padding_bytes=350 * 1024 * 1024),  # ~0.35 MB on disk
        ("解压后过大", "350.0 MB", "上限 100.0 MB", "POLICY_MAX_UNZIPPED_BYTES"),
        id="docx-unzips-to-350mb",
        marks=pytest.mark.slow,
    ),
    pytest.param(
        "pages.pdf",
        lambda path: write_pdf(path, 99_000),
        ("PDF 页数过多", "99000 页", "POLICY_MAX_PDF_PAGES"),
        id="pdf-99k-pages",
    ),
    pytest.param(
        "liar.pdf",
        lambda path: write_pdf(path, 1_500, declared=1),  # the declared /Count lies; the page tree does not
        ("PDF 页数过多", "1500 页"),
        id="pdf-lying-page-count",
    ),
]


@pytest.mark.parametrize(("name", "write", "phrases"), HOSTILE)
def test_the_issues_hostile_files_are_refused_fast(
    corpus_dir: Path, name: str, write: Callable[[Path], None], phrases: tuple[str, ...]
) -> None:
    write(corpus_dir / name)
    started = time.perf_counter()
    corpus = parse_corpus([corpus_dir])
    assert time.perf_counter() - started < 30  # measured 0.5 s (docx) to 1.8 s (99k-page PDF) on 2 busy cores
    refused(corpus, name, *phrases)


def test_docx_zip_bomb_is_refused_by_its_declared_size(corpus_dir: Path) -> None:
    path = corpus_dir / "bomb.docx"
    write_docx(path, ["一、总则"], padding_bytes=6 * 1024 * 1024)
    corpus = parse_corpus([corpus_dir], limits(max_unzipped_bytes=4 * 1024 * 1024))
    refused(corpus, path.name, "解压后过大", "POLICY_MAX_UNZIPPED_BYTES")


def test_docx_member_lying_about_its_size_is_refused(corpus_dir: Path) -> None:
    """Declares 1 KB but inflates to 6 MB: the bytes actually read are capped and the package is rejected."""
    path = corpus_dir / "liar.docx"
    write_docx(path, ["一、总则"], padding_bytes=6 * 1024 * 1024)
    declare_smaller(path, "word/document.xml", 1024)
    with zipfile.ZipFile(path) as archive:
        assert sum(m.file_size for m in archive.infolist()) < 4096
    started = time.perf_counter()
    with pytest.raises(DocumentError) as caught:
        parse_document(path, limits(max_unzipped_bytes=4 * 1024 * 1024))
    assert time.perf_counter() - started < 10
    assert path.name in caught.value.zh and ("已损坏" in caught.value.zh or "解压后过大" in caught.value.zh)


def test_pdf_within_limits_is_read(tmp_path: Path) -> None:
    path = tmp_path / "short.pdf"
    write_pdf(path, 3)
    document = parse_document(path)
    assert "Vocational training subsidy rules apply." in document.display_text


# ---- the other limits -----------------------------------------------------------------------------------------


def test_file_size_limit(corpus_dir: Path) -> None:
    limit = (corpus_dir / f"{GOOD}.txt").stat().st_size
    path = corpus_dir / "big.txt"
    path.write_text("一、总则\n" + "培训补贴按规定执行。\n" * 2000, encoding="utf-8")
    assert path.stat().st_size > limit
    corpus = parse_corpus([corpus_dir], limits(max_file_bytes=limit))
    refused(corpus, path.name, "文件过大", "KB", "POLICY_MAX_FILE_BYTES")


def test_text_size_limit_stops_a_small_docx_holding_megabytes_of_text(corpus_dir: Path) -> None:
    """0.2 MB on disk, 24 M characters inside, few enough paragraphs: refused on its text size, before the later
    stages (metadata heuristics, chunking, trust marking) spend GBs and minutes on it."""
    path = corpus_dir / "wide.docx"
    write_docx(path, [f"{i}、" + "培训补贴按规定发放" * 300 for i in range(9_000)])
    started = time.perf_counter()
    corpus = parse_corpus([corpus_dir])
    assert time.perf_counter() - started < 30
    refused(corpus, path.name, "文档文字过多", "上限 2000000 字", "POLICY_MAX_DOCUMENT_CHARS")


def test_text_paragraph_limit(corpus_dir: Path) -> None:
    path = corpus_dir / "lines.md"
    path.write_text("\n".join(f"第{i}行培训补贴说明。" for i in range(300)), encoding="utf-8")
    refused(parse_corpus([corpus_dir], limits(max_paragraphs=200)), path.name, "文档段落过多", "300 段")


def test_chunks_per_document_limit(corpus_dir: Path) -> None:
    path = corpus_dir / "many-clauses.txt"
    clauses = "\n".join(f"（{n}）第{n}项培训补贴按规定发放。" for n in range(1, 120))
    path.write_text(f"测试市培训补贴办法\n一、补贴\n{clauses}\n", encoding="utf-8")
    refused(parse_corpus([corpus_dir], limits(max_chunks_per_document=50)), path.name, "条款块过多", "上限 50 块")


def test_files_per_ingest_limit_keeps_the_first_files(tmp_path: Path) -> None:
    folder = tmp_path / "many"
    folder.mkdir()
    for name in ("a-policy.txt", "b-policy.txt", "c-policy.txt"):
        (folder / name).write_text(f"{name}培训补贴办法\n一、总则\n（一）培训合格的给予补贴。\n", encoding="utf-8")
    corpus = parse_corpus([folder], limits(max_files_per_ingest=2))
    assert [d.meta.doc_id for d in corpus.documents] == ["a-policy", "b-policy"]
    errors = [p for p in corpus.problems if p.severity == "error"]
    assert len(errors) == 1 and "c-policy.txt" in errors[0].message_zh and "上限 2 个" in errors[0].message_zh


def pathological_pdf(path: Path) -> None:
    """One page, ~7 MB, within every structural limit — whose text extraction alone (one pypdf call, no loop of
    ours around it) runs for tens of seconds."""
    write_pdf(path, 1, operators=100_000)


def test_parse_timeout_stops_the_worker_and_the_next_file_still_parses(tmp_path: Path) -> None:
    """A file that parses longer than the limit is stopped (its worker killed); the next file gets a new one."""
    folder = tmp_path / "slow"
    folder.mkdir()
    pathological_pdf(folder / "a-slow.pdf")
    (folder / "b-quick.txt").write_text("测试市补贴办法\n一、总则\n（一）培训合格的给予补贴。\n", encoding="utf-8")
    started = time.perf_counter()
    corpus = parse_corpus([folder], limits(max_parse_seconds=3))
    assert time.perf_counter() - started < 20
    problems = [p for p in corpus.problems if "a-slow.pdf" in p.path]
    assert len(problems) == 1 and "解析超时" in problems[0].message_zh, corpus.problems
    assert "POLICY_MAX_PARSE_SECONDS" in problems[0].message_zh and "3 秒" in problems[0].message_zh
    assert [d.meta.doc_id for d in corpus.documents] == ["b-quick"]


def test_the_timeout_kills_the_worker_process(tmp_path: Path) -> None:
    from ingest.isolation import ParseWorker

    path = tmp_path / "slow.pdf"
    pathological_pdf(path)
    worker = ParseWorker(limits(max_parse_seconds=1))
    try:
        worker._start()
        process = worker._process
        started = time.perf_counter()
        with pytest.raises(DocumentError, match="解析超时"):
            worker.parse(path)
        assert time.perf_counter() - started < 10
        assert not process.is_alive() and process.exitcode is not None  # stopped, not left running
    finally:
        worker.close()


def test_limits_come_from_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("POLICY_MAX_PARAGRAPHS", "123")
    monkeypatch.setenv("POLICY_MAX_PARSE_SECONDS", "2.5")
    loaded = IngestLimits.from_settings(Settings(_env_file=None))
    assert loaded.max_paragraphs == 123 and loaded.max_parse_seconds == 2.5
    assert IngestLimits.defaults().max_paragraphs == 10_000


@pytest.mark.parametrize("value", ["-1", "0", "abc", "1e99"])
def test_bad_limit_settings_are_rejected(monkeypatch: pytest.MonkeyPatch, value: str) -> None:
    from pydantic import ValidationError

    monkeypatch.setenv("POLICY_MAX_PARAGRAPHS", value)
    with pytest.raises(ValidationError):
        Settings(_env_file=None)


def test_real_policies_fit_the_default_limits() -> None:
    corpus = parse_corpus([POLICIES])
    assert len(corpus.documents) == 5 and not [p for p in corpus.problems if p.severity == "error"]
