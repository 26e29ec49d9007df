"""Loaders: one function per file type, each returning text runs and tables in reading order.

Every failure is a ``DocumentError`` whose Chinese message names the file and says what to do.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

from ingest.errors import DocumentError

SUPPORTED_SUFFIXES = (".txt", ".md", ".docx", ".pdf")
MAX_FILE_BYTES = 20 * 1024 * 1024  # policy documents are tens of KB; anything this large is not one
_MIN_MEANINGFUL_RATIO = 0.6  # share of CJK/letters/digits/punctuation among non-space characters
# The most frequent characters of Chinese (and of policy prose). Real text has ~30-50% of its CJK characters in
# this set; random bytes that happen to decode as GB18030 have ~1%. Catches garbage no encoding check can.
_COMMON_HANZI = frozenset(
    "的一是不了在人有我他这个们中来上大为和国地到以说时要就出会可也你对生能而子那得于着下自之年过发后作里用道行所然"
    "家种事成方多经么去法学如都同现当没动面起看定天分还进好小部其些主样理心本前开但因只从想实日者意无力与长把机十民"
    "第公此已工使情明性知全三又关点正业外将两高间由问很最重并物手应向头文体政相见被利二等产或新己制身果加月合回特代"
    "内信表化给位次度门任常先通教原数安少报才结反受目量再感建务做接必场件计管期市直资命指统区保至队形社便决治展科司"
    "五基则设式品求据程边张该交规取格术领共确传观清今切院让识带导争运改收根造联持组每济亲极服快办议往元证近转准存"
    "职培训技能劳就补贴企单位助人才员政策"
)
_MIN_COMMON_SHARE = 0.1



@dataclass(frozen=True)
class HeadingBlock:
    """A paragraph the source marks as a heading (docx heading style)."""

    text: str


Block = str | HeadingBlock | list[list[str]]  # a text run, a heading, or a table as rows of cell texts


@dataclass
class LoadedDocument:
    path: Path
    blocks: list[Block]
    markdown: bool  # '#' headings and '**' marks are markup, not content


def load(path: Path) -> LoadedDocument:
    """Load a supported file; raise ``DocumentError`` for anything that is not a readable policy text."""
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise DocumentError(
            f"不支持的文件类型“{suffix or '无扩展名'}”：{path.name}（支持 .txt .md .docx .pdf）",
            f"unsupported file type {suffix or '(none)'}: {path.name}",
        )
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise DocumentError(f"无法读取文件：{path.name}（{exc.strerror}）", f"cannot read {path.name}") from exc
    if size == 0:
        raise DocumentError(f"文件为空：{path.name}", f"empty file: {path.name}")
    if size > MAX_FILE_BYTES:
        raise DocumentError(
            f"文件过大：{path.name}（{size // 1024 // 1024} MB，上限 {MAX_FILE_BYTES // 1024 // 1024} MB）",
            f"file too large: {path.name}",
        )
    if suffix == ".docx":
        document = _load_docx(path)
    elif suffix == ".pdf":
        document = LoadedDocument(path, [_load_pdf(path)], markdown=False)
    else:
        document = LoadedDocument(path, [decode_text(path.read_bytes(), path.name)], markdown=suffix == ".md")
    _check_meaningful(document, path.name)
    return document


def decode_text(data: bytes, name: str) -> str:
    """UTF-8 (with or without BOM), UTF-16 with BOM, else GB18030; reject binary data."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _strip_controls(data.decode("utf-16", errors="replace"))
    if b"\x00" in data[:65536]:
        raise DocumentError(f"文件不是文本（含二进制数据）：{name}", f"binary data, not text: {name}")
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return _strip_controls(data.decode(encoding))
        except UnicodeDecodeError:
            continue
    text = data.decode("utf-8", errors="replace")
    if text.count("\ufffd") > max(3, len(text) // 100):
        raise DocumentError(
            f"无法识别文件编码（不是 UTF-8 或 GB18030 文本，疑似乱码）：{name}",
            f"undecodable text (not UTF-8/GB18030): {name}",
        )
    return _strip_controls(text.replace("\ufffd", ""))


def _strip_controls(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    return re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", "", text)


def _check_meaningful(document: LoadedDocument, name: str) -> None:
    text = " ".join(_block_text(block) for block in document.blocks)
    visible = [ch for ch in text if not ch.isspace()]
    if not visible:
        raise DocumentError(f"文件没有文字内容：{name}", f"no text content: {name}")
    meaningful = sum(1 for ch in visible if ch.isalnum() or "\u3000" <= ch <= "\u303f" or "\uff00" <= ch <= "\uffef")
    hanzi = [ch for ch in visible if "\u4e00" <= ch <= "\u9fff"]
    rare_hanzi = len(hanzi) >= 50 and sum(ch in _COMMON_HANZI for ch in hanzi) < _MIN_COMMON_SHARE * len(hanzi)
    if meaningful / len(visible) < _MIN_MEANINGFUL_RATIO or not any(ch.isalpha() for ch in visible) or rare_hanzi:
        raise DocumentError(f"文件内容无法识别为文字（疑似乱码或二进制）：{name}", f"garbage, not text: {name}")


def _block_text(block: Block) -> str:
    if isinstance(block, str):
        return block
    if isinstance(block, HeadingBlock):
        return block.text
    return " ".join(" ".join(row) for row in block)


def _load_pdf(path: Path) -> str:
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    try:
        reader = PdfReader(path)
        if reader.is_encrypted:
            raise DocumentError(f"PDF 已加密，无法读取：{path.name}", f"encrypted PDF: {path.name}")
        pages = [page.extract_text() or "" for page in reader.pages]
    except DocumentError:
        raise
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, OSError) as exc:
        raise DocumentError(f"PDF 文件已损坏或格式无效：{path.name}", f"corrupt PDF: {path.name} ({exc})") from exc
    text = "\n\n".join(pages)  # a page break is a paragraph break; normalization rejoins cut sentences
    if not text.strip():
        raise DocumentError(
            f"PDF 没有文字层（可能是扫描件，需先 OCR）：{path.name}", f"PDF has no text layer: {path.name}"
        )
    return _strip_controls(text)


def _load_docx(path: Path) -> LoadedDocument:
    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise DocumentError(
            f"Word 文件已损坏或不是 .docx 格式：{path.name}", f"corrupt or invalid .docx: {path.name}"
        ) from exc
    except Exception as exc:  # lxml parse errors and the like inside a damaged package
        raise DocumentError(
            f"Word 文件已损坏或不是 .docx 格式：{path.name}", f"corrupt or invalid .docx: {path.name} ({exc})"
        ) from exc
    blocks: list[Block] = []
    body = document.element.body
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            paragraph = Paragraph(child, document)
            text = paragraph.text.strip()
            style = (paragraph.style.name if paragraph.style is not None else "") or ""
            is_heading = style.lower().startswith(("heading", "title")) or style.startswith("标题")
            if text:
                blocks.append(HeadingBlock(text) if is_heading else text)
        elif tag == "tbl":
            blocks.append(_docx_table_rows(Table(child, document)))
    return LoadedDocument(path, blocks, markdown=False)


def _docx_table_rows(table: object) -> list[list[str]]:
    rows: list[list[str]] = []
    for row in table.rows:  # type: ignore[attr-defined]
        cells: list[str] = []
        previous = None
        for cell in row.cells:
            if cell._tc is previous:  # a merged cell is repeated once per grid column
                continue
            previous = cell._tc
            cells.append(" ".join(cell.text.split()))
        if any(cells):
            rows.append(cells)
    return rows
