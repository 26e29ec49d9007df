"""Loaders: one function per file type, each returning text runs and tables in reading order.

Every failure is a ``DocumentError`` whose Chinese message names the file and says what to do. Limits
(``IngestLimits``) are checked before the expensive step they guard: the file size before reading, a .docx's
declared and actually decompressed sizes before python-docx unpacks it, paragraphs before they are walked, a
PDF's page count before its pages are extracted.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

from ingest.errors import DocumentError
from ingest.limits import IngestLimits, check_chars, check_pages, check_paragraphs, exceeded, size_text

SUPPORTED_SUFFIXES = (".txt", ".md", ".docx", ".pdf")
_ZIP_READ_BLOCK = 1 << 16
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
_MEANINGFUL_SAMPLE = 200_000  # characters inspected by the garbage check (real policies: < 1 MB of text)


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


def load(path: Path, limits: IngestLimits | None = None) -> LoadedDocument:
    """Load a supported file; raise ``DocumentError`` for anything that is not a readable policy text."""
    limits = limits or IngestLimits.defaults()
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
    if size > limits.max_file_bytes:
        raise exceeded(
            path.name, "文件过大", size_text(size), size_text(limits.max_file_bytes), "POLICY_MAX_FILE_BYTES"
        )
    if suffix == ".docx":
        document = _load_docx(path, limits)
    elif suffix == ".pdf":
        document = LoadedDocument(path, [_load_pdf(path, limits)], markdown=False)
    else:
        text = decode_text(path.read_bytes(), path.name)
        check_paragraphs(path.name, sum(1 for line in text.split("\n") if line.strip()), limits)
        document = LoadedDocument(path, [text], markdown=suffix == ".md")
    check_chars(path.name, sum(len(_block_text(block)) for block in document.blocks), limits)
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
    if len(text) > _MEANINGFUL_SAMPLE:  # an evenly spread sample: per-character lists of a huge text cost GBs
        text = text[:: len(text) // _MEANINGFUL_SAMPLE + 1]
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


def _declared_pages(reader: object) -> int:
    """The page count the PDF declares (/Root /Pages /Count), read without walking the page tree."""
    try:
        return int(reader.trailer["/Root"]["/Pages"]["/Count"])  # type: ignore[attr-defined]
    except (KeyError, TypeError, ValueError, AttributeError):
        return 0


def _load_pdf(path: Path, limits: IngestLimits) -> str:
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    try:
        reader = PdfReader(path)
        if reader.is_encrypted:
            raise DocumentError(f"PDF 已加密，无法读取：{path.name}", f"encrypted PDF: {path.name}")
        check_pages(path.name, _declared_pages(reader), limits)  # before the page tree is walked
        check_pages(path.name, len(reader.pages), limits)  # the declared count may lie
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


def _check_unzipped(path: Path, limits: IngestLimits) -> None:
    """Refuse a zip bomb before python-docx unpacks it: the declared sizes of all members, then the bytes that
    actually decompress (zipfile stops at the declared size and fails the CRC when a member lies)."""
    limit = limits.max_unzipped_bytes

    def refuse(size: int) -> DocumentError:
        return exceeded(
            path.name,
            "Word 文件解压后过大（疑似压缩炸弹）",
            size_text(size),
            size_text(limit),
            "POLICY_MAX_UNZIPPED_BYTES",
        )

    with zipfile.ZipFile(path) as archive:
        members = archive.infolist()
        declared = sum(member.file_size for member in members)
        if declared > limit:
            raise refuse(declared)
        actual = 0
        for member in members:
            with archive.open(member) as stream:
                while block := stream.read(_ZIP_READ_BLOCK):
                    actual += len(block)
                    if actual > limit:
                        raise refuse(actual)


def _load_docx(path: Path, limits: IngestLimits) -> LoadedDocument:
    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from docx.oxml.ns import qn
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        _check_unzipped(path, limits)
        document = docx.Document(str(path))
    except DocumentError:
        raise
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
    check_paragraphs(path.name, sum(1 for _ in body.iter(qn("w:p"))), limits)  # table cells included
    headings = _heading_style_ids(document)
    default_is_heading = _is_heading_style(_default_paragraph_style(document))
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            paragraph = Paragraph(child, document)
            text = paragraph.text.strip()
            style_id = child.style  # the paragraph's own style id; python-docx's .style rescans every style
            is_heading = style_id in headings if style_id else default_is_heading
            if text:
                blocks.append(HeadingBlock(text) if is_heading else text)
        elif tag == "tbl":
            blocks.append(_docx_table_rows(Table(child, document)))
    return LoadedDocument(path, blocks, markdown=False)


def _is_heading_style(name: str) -> bool:
    return name.lower().startswith(("heading", "title")) or name.startswith("标题")


def _heading_style_ids(document: object) -> frozenset[str]:
    """Ids of the paragraph styles whose name marks a heading (Heading 1, Title, 标题 2...)."""
    return frozenset(
        style.style_id
        for style in document.styles  # type: ignore[attr-defined]
        if style.style_id and _is_heading_style(style.name or "")
    )


def _default_paragraph_style(document: object) -> str:
    from docx.enum.style import WD_STYLE_TYPE

    style = document.styles.default(WD_STYLE_TYPE.PARAGRAPH)  # type: ignore[attr-defined]
    return (style.name if style is not None else "") or ""


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
