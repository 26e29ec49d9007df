"""Text normalization: repair extraction damage for display, fold variants for matching.

Two outputs, two purposes:
- display text keeps the original characters (full-width parens, 〔〕) — only line breaks that cut a sentence are
  joined, markdown marks are removed, page artefacts are dropped (each repair is recorded);
- matching forms (full-/half-width, traditional/simplified folded) live in ``ingest.textnorm``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ingest.loaders import Block, HeadingBlock

# Characters that may end a sentence (or a clause-final parenthetical such as "(…按职责分工负责)").
SENTENCE_END = "。；！？：:;!?…"
CLOSERS = "）)」』”’】"
CHINESE_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
CN_NUM = "〇零一二三四五六七八九十百"

_CJK = r"\u3400-\u9fff"
_SPACED_CJK = re.compile(rf"(?<=[{_CJK}])[ \t\u3000]+(?=[{_CJK}])")
_BRACKETS = str.maketrans({"[": "〔", "]": "〕", "【": "〔", "】": "〕", "［": "〔", "］": "〕"})

# A line that starts a numbered clause. Order matters: the parenthesised forms before the bare arabic form.
LABEL_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("article", re.compile(rf"^第([{CN_NUM}]+)条\s*")),
    ("cn", re.compile(rf"^([{CN_NUM}]+)、\s*")),
    ("cn_paren", re.compile(rf"^[（(]\s*([{CN_NUM}]+)\s*[）)]\s*")),
    ("num_paren", re.compile(r"^[（(]\s*(\d{1,3})\s*[）)]\s*")),
    ("num", re.compile(r"^(\d{1,3})\s*(?:[、．]|\.(?!\d))\s*")),
]
ATTACHMENT_MARK = re.compile(r"^附\s*件\s*([0-9一二三四五六七八九十]{1,3})\s*[:：]?\s*(.{0,40})$")
ATTACHMENT_LIST_HEAD = re.compile(r"^附\s*件\s*[:：]\s*(.*)$")
DATE_LINE = re.compile(
    rf"^(?:(\d{{4}})\s*年\s*(\d{{1,2}})\s*月\s*(\d{{1,2}})\s*日|([〇零一二三四五六七八九]{{4}})年([{CN_NUM}]{{1,3}})月([{CN_NUM}]{{1,3}})日)"
    r"\s*(印发|发布)?$"
)
PAGE_NUMBER = re.compile(r"^(?:[-—－–]\s*\d{1,3}\s*[-—－–]|第\s*\d{1,3}\s*页(?:\s*[,，/]?\s*共\s*\d{1,3}\s*页)?)$")
_MD_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+")
_MD_EMPHASIS = re.compile(r"\*\*|__")
_BLANK_RUN = re.compile(r"\n(?:[ \u3000\xa0\r]*\n){2,}")


@dataclass(frozen=True)
class Label:
    kind: str  # article | cn | cn_paren | num_paren | num
    number: int
    raw: str  # the label as written, e.g. "(一)"
    rest: str  # text after the label

    @property
    def canonical(self) -> str:
        """The label as used in clause paths: 三、 / （一） / 2 / （1） / 第五条."""
        cn = to_chinese_numeral(self.number)
        return {
            "article": f"第{cn}条",
            "cn": f"{cn}、",
            "cn_paren": f"（{cn}）",
            "num_paren": f"（{self.number}）",
            "num": str(self.number),
        }[self.kind]


@dataclass
class Para:
    """One display paragraph (a repaired line) or one table."""

    text: str
    md_heading: bool = False
    table: list[list[str]] | None = None
    continued: list[str] = field(default_factory=list, repr=False)  # joined lines, materialized at the end

    @property
    def last_line(self) -> str:
        return self.continued[-1] if self.continued else self.text


@dataclass
class NormalizedText:
    paras: list[Para]
    repairs: list[str] = field(default_factory=list)

    @property
    def display_text(self) -> str:
        return "\n".join(p.text for p in self.paras)


def collapse_cjk_spaces(text: str) -> str:
    """`北  京` → `北京`: spaces between CJK characters are layout, not content."""
    return _SPACED_CJK.sub("", text).strip()


def normalize_doc_number(text: str) -> str:
    """京政发[2011]33号 → 京政发〔2011〕33号."""
    return re.sub(r"\s+", "", text.translate(_BRACKETS).replace("(", "〔").replace(")", "〕"))


def parse_chinese_numeral(text: str) -> int | None:
    """一 → 1, 十一 → 11, 二十 → 20, 一百零五 → 105; None if not a numeral."""
    if not text or any(ch not in CN_NUM for ch in text):
        return None
    if "十" not in text and "百" not in text:  # digit-by-digit form (二〇一一)
        return int("".join(str(CHINESE_DIGITS[ch]) for ch in text))
    total, current = 0, 0
    for ch in text:
        if ch == "百":
            total += (current or 1) * 100
            current = 0
        elif ch == "十":
            total += (current or 1) * 10
            current = 0
        else:
            current = CHINESE_DIGITS[ch]
    return total + current


def to_chinese_numeral(number: int) -> str:
    digits = "零一二三四五六七八九"
    if number < 10:
        return digits[number]
    if number < 20:
        return "十" + (digits[number % 10] if number % 10 else "")
    if number < 100:
        return digits[number // 10] + "十" + (digits[number % 10] if number % 10 else "")
    return str(number)


def label_number(value: str) -> int | None:
    """A clause label's number written in digits or Chinese numerals (3 → 3, 十二 → 12); None if neither."""
    return int(value) if value.isdigit() else parse_chinese_numeral(value)


def parse_label(text: str) -> Label | None:
    """The clause number a paragraph starts with, if any (`2015年…` and `1.5%` are not labels)."""
    for kind, pattern in LABEL_PATTERNS:
        match = pattern.match(text)
        if not match:
            continue
        value = match.group(1)
        number = label_number(value)
        rest = text[match.end() :]
        if number is None or number == 0 or not rest.strip():
            return None
        return Label(kind=kind, number=number, raw=match.group(0).strip(), rest=rest)
    return None


def ends_sentence(text: str) -> bool:
    stripped = text.rstrip()
    return bool(stripped) and (stripped[-1] in SENTENCE_END or stripped[-1] in CLOSERS)


def is_heading_only(text: str) -> bool:
    """A short numbered line without a full stop, e.g. `一、总体要求` or `(一)构建终身职业技能培训体系`."""
    return parse_label(text) is not None and "。" not in text and len(text) <= 60


def is_date_line(text: str) -> bool:
    return DATE_LINE.match(text.strip()) is not None


def _looks_like_prose(text: str) -> bool:
    return len(text) >= 15 and any(mark in text for mark in "，,。；、")


def _is_continuation(text: str) -> bool:
    return not (
        parse_label(text)
        or ATTACHMENT_MARK.match(text)
        or ATTACHMENT_LIST_HEAD.match(text)
        or is_date_line(text)
        or text.startswith(("——", "抄送", "#"))
    )


def _is_orphan_fragment(text: str, previous: Para | None) -> bool:
    """A short tail like `展局、区民政局、区总工会等）` after a finished clause: a repeated page fragment.

    Signals: more closing than opening parens, no full stop, no clause number, and the previous paragraph
    already ended its sentence (so the fragment cannot be its continuation)."""
    unbalanced = text.count("）") + text.count(")") > text.count("（") + text.count("(")
    return (
        len(text) <= 40
        and unbalanced
        and "。" not in text
        and parse_label(text) is None
        and previous is not None
        and previous.table is None
        and ends_sentence(previous.last_line)
    )


def _strip_markdown(line: str) -> tuple[str, bool]:
    match = _MD_HEADING.match(line)
    text = line[match.end() :] if match else line
    return _MD_EMPHASIS.sub("", text).strip(), bool(match)


def _table_rows(lines: list[str]) -> list[list[str]]:
    """Cells one per tab-indented line, rows separated by blank lines; or one row per tab-separated line."""
    rows: list[list[str]] = []
    current: list[str] = []
    for line in lines:
        if not line.strip():
            if current:
                rows.append(current)
                current = []
        elif "\t" in line.strip("\t"):
            if current:
                rows.append(current)
                current = []
            rows.append([collapse_cjk_spaces(cell) for cell in line.strip("\t").split("\t")])
        else:
            current.append(collapse_cjk_spaces(line))
    if current:
        rows.append(current)
    return rows


def _table_text(rows: list[list[str]]) -> str:
    return "\n".join("\t".join(row) for row in rows)


def table_para(rows: list[list[str]]) -> Para:
    return Para(text=_table_text(rows), table=rows)


def _even_rows(lines: list[str]) -> bool:
    """A short table: a header and at least two rows, every line tab-separated into the same number of cells."""
    rows = [line.strip("\t").split("\t") for line in lines if line.strip()]
    return len(rows) >= 3 and len({len(row) for row in rows}) == 1 and len(rows[0]) >= 2


def _is_cell_line(line: str) -> bool:
    return line.startswith("\t") or "\t" in line.strip() or not line.strip()


_MD_ROW = re.compile(r"^\s*\|.*\|\s*$")
_MD_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")


def _markdown_table(lines: list[str], start: int) -> int:
    """End of a markdown table starting at ``start`` (header row, ``| --- |`` rule, rows); ``start`` if none."""
    if start + 1 >= len(lines) or not _MD_ROW.match(lines[start]) or not _MD_RULE.match(lines[start + 1]):
        return start
    end = start + 2
    while end < len(lines) and _MD_ROW.match(lines[end]):
        end += 1
    return end


def markdown_rows(lines: list[str]) -> list[list[str]]:
    return [
        [collapse_cjk_spaces(cell.strip()) for cell in line.strip().strip("|").split("|")]
        for line in lines if _MD_ROW.match(line) and not _MD_RULE.match(line)
    ]


def split_text_blocks(text: str) -> list[tuple[str, list[str]]]:
    """Split raw text into ("text", [line]), ("table", [lines]) and ("markdown_table", [lines]) runs. A table is a
    run of ≥4 lines that start with a tab or contain one (blank lines inside the run are kept: they separate rows);
    a markdown table is a ``| … |`` header row, a ``| --- |`` rule and its ``| … |`` rows."""
    lines = _BLANK_RUN.sub("\n\n", text).split("\n")  # one blank line separates as well as a thousand
    runs: list[tuple[str, list[str]]] = []
    index = 0
    while index < len(lines):
        table_end = _markdown_table(lines, index)
        if table_end > index:
            runs.append(("markdown_table", lines[index:table_end]))
            index = table_end
            continue
        end = index
        cell_lines = 0
        while end < len(lines) and _is_cell_line(lines[end]):
            cell_lines += bool(lines[end].strip())
            end += 1
        if cell_lines >= 4 or _even_rows(lines[index:end]):
            runs.append(("table", lines[index:end]))
            index = end
        elif end > index:  # blank lines and stray tab lines that do not make a table: plain lines, in one step
            runs.extend(("text", [line]) for line in lines[index:end])
            index = end
        else:
            runs.append(("text", [lines[index]]))
            index += 1
    return runs


def normalize_blocks(blocks: list[Block], *, markdown: bool) -> NormalizedText:
    """Loaded blocks (text runs, headings, tables) → repaired paragraphs."""
    result = NormalizedText(paras=[])
    for block in blocks:
        if isinstance(block, str):
            _add_text(result, block, markdown=markdown)
        elif isinstance(block, HeadingBlock):
            add_line(result, " ".join(block.text.split()), heading=True)
        elif block:
            result.paras.append(table_para([[collapse_cjk_spaces(cell) for cell in row] for row in block]))
    for para in result.paras:  # joined in one go: repeated `+=` would be quadratic on long broken paragraphs
        if para.continued:
            para.text += "".join(para.continued)
            para.continued = []
    return result


def _add_text(result: NormalizedText, text: str, *, markdown: bool) -> None:
    """Raw text → repaired paragraphs (tables detected, broken sentences joined, artefacts dropped)."""
    for kind, lines in split_text_blocks(text):
        if kind == "table":
            result.paras.append(table_para(_table_rows(lines)))
            continue
        if kind == "markdown_table":
            result.paras.append(table_para(markdown_rows(lines)))
            continue
        raw = lines[0].strip()  # also NBSP and ideographic-space indentation
        if not raw:
            continue
        line, heading = _strip_markdown(raw) if markdown else (raw, False)
        if not line:
            continue
        add_line(result, line, heading=heading)


def add_line(result: NormalizedText, line: str, *, heading: bool = False) -> None:
    """Append one non-blank line, joining it to the previous paragraph when that one was cut mid-sentence."""
    previous = result.paras[-1] if result.paras else None
    if PAGE_NUMBER.match(line):
        result.repairs.append(f"删除页码行：{line}")
        return
    if not heading and _is_orphan_fragment(line, previous):
        result.repairs.append(f"删除疑似分页残片：{line}")
        return
    if (
        previous is not None
        and not heading
        and previous.table is None
        and not previous.md_heading
        and not is_heading_only(previous.text)
        and not ends_sentence(previous.last_line)
        and _looks_like_prose(previous.text)
        and _is_continuation(line)
    ):
        result.repairs.append(f"合并断行：…{previous.last_line[-8:]}｜{line[:8]}…")
        previous.continued.append(line)
        return
    result.paras.append(Para(text=line, md_heading=heading))
