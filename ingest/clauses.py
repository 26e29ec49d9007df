"""Clause-tree parser: repaired paragraphs → header, preamble, numbered clauses, attachments, tables, closing.

Levels come from the numbering, never from markdown heading depth: 第X章 > 一、/第X条 > （一） > 1、 > （1）.
A numbered line is accepted as a clause only when its number continues the sequence: previous sibling + 1, or —
for the first child of a parent — 1 or the document-wide previous + 1 (Beijing 2007 numbers （一）…（十九） across
sections). 1、/（1） need an enclosing clause unless the document has no 一、/（一） levels at all. That keeps
``1.全国第二批…`` in a notice's 附件 list, a stray ``一、二、三级…`` line, ``2015年…`` and mid-sentence numbers out
of the tree.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from pydantic import BaseModel, ConfigDict, Field

from ingest.normalize import (
    ATTACHMENT_LIST_HEAD,
    ATTACHMENT_MARK,
    CN_NUM,
    Label,
    Para,
    collapse_cjk_spaces,
    is_date_line,
    label_number,
    parse_label,
)
from ingest.tables import TableRow, table_rows

RANKS = {"chapter": 0, "article": 1, "cn": 1, "cn_paren": 2, "num": 3, "num_paren": 4}
_CHAPTER = re.compile(rf"^第([{CN_NUM}]+)章\s*(.*)$")
_LIST_ITEM = re.compile(r"^(\d{1,2})\s*[.．、]\s*(.+)$")
_MAX_HEADING = 60
_LEAD_IN = re.compile(r"[，,][^，,]*[：:]\s*$")  # …的人员，按以下标准给予补贴：
_MAX_TITLE_LINE = 40


class OutlineNode(BaseModel):
    """One entry of the clause tree shown by the UI's outline viewer."""

    model_config = ConfigDict(extra="forbid")

    label: str = Field(description="三、 / （一） / 2 / 附件1 / 第22行; empty for the preamble.")
    heading: str = ""
    clause_path: str = ""
    children: list[OutlineNode] = Field(default_factory=list)


@dataclass
class ClauseNode:
    kind: str  # preamble | clause | attachment | table_row
    label: str
    heading: str
    path: str
    paras: list[int] = field(default_factory=list)  # own paragraphs (heading paragraph first)
    children: list[ClauseNode] = field(default_factory=list)
    rank: int = 0
    label_kind: str = ""  # numbering style (cn, cn_paren, num, …) for sequence checks
    number: int = 0
    heading_paras: int = 0  # leading own paragraphs that are only heading (e.g. `三、重点任务`), not content
    row: TableRow | None = None

    def outline(self) -> OutlineNode:
        return OutlineNode(
            label=self.label or ("前言" if self.kind == "preamble" else ""),
            heading=self.heading,
            clause_path=self.path,
            children=[child.outline() for child in self.children],
        )


@dataclass
class ClauseTree:
    header: list[int]  # title and 文号 lines
    closing: list[int]  # issuer/date/抄送 lines
    nodes: list[ClauseNode]  # preamble, clauses, attachments in reading order
    structured: bool
    notes: list[str] = field(default_factory=list)


def _is_title_like(text: str) -> bool:
    short_and_bare = len(text) <= _MAX_TITLE_LINE and not any(mark in text for mark in "。，,；;：:")
    return short_and_bare and parse_label(text) is None


def find_header(paras: list[Para]) -> list[int]:
    """Leading title/文号 lines: short, no sentence punctuation, before the salutation or first prose."""
    header: list[int] = []
    for index, para in enumerate(paras[:6]):
        text = para.text
        if para.table is not None or "。" in text or text.endswith(("：", ":")) or parse_label(text):
            break
        if _CHAPTER.match(text) or ATTACHMENT_MARK.match(text):
            break
        if len(text) > 80 or is_date_line(text):
            break
        header.append(index)
    return header if len(header) < len(paras) else header[:1]


def find_closing(paras: list[Para]) -> list[int]:
    """Date lines, the issuer lines right above them, and 抄送 lines: not clause content."""
    closing: set[int] = set()
    for index, para in enumerate(paras):
        if para.table is not None:
            continue
        if para.text.startswith(("抄送", "抄报")):
            closing.add(index)
        elif is_date_line(para.text):
            closing.add(index)
            above = index - 1
            while above >= 0 and _is_issuer_line(paras[above]) and index - above <= 3:
                closing.add(above)
                above -= 1
    return sorted(closing)


def _is_issuer_line(para: Para) -> bool:
    text = para.text
    return (
        para.table is None
        and not para.md_heading
        and len(text) <= 30
        and not any(mark in text for mark in "。，,；;：:、")
        and parse_label(text) is None
        and not ATTACHMENT_MARK.match(text)
    )


def _number(value: str) -> int:
    return label_number(value) or 0


def heading_of(label: Label) -> tuple[str, bool]:
    """(heading, heading_only): `（三）动员…工作。正文…` → lead phrase up to the first 。. A lead-in to what follows
    (`（一）…签订3年以上劳动合同的高校毕业生，按学历给予补贴，标准如下：`: a sentence of its own, parts and a colon) is
    content, not only a heading: its conditions are the items' and the table's."""
    rest = label.rest.strip()
    if "。" not in rest and len(rest) <= _MAX_HEADING and not _LEAD_IN.search(rest):
        return rest, True
    lead = re.split(r"[。；]", rest, maxsplit=1)[0].strip()
    return (lead if len(lead) <= _MAX_HEADING else ""), False


class _Builder:
    """Walks the paragraphs once, keeping a stack of open clauses."""

    def __init__(self, paras: list[Para]) -> None:
        self.paras = paras
        self.header = find_header(paras)
        self.closing = find_closing(paras)
        self.notes: list[str] = []
        self.preamble = ClauseNode(kind="preamble", label="", heading="前言", path="")
        self.nodes: list[ClauseNode] = [self.preamble]
        self.stack: list[ClauseNode] = []
        self.attachment: ClauseNode | None = None
        self.chapter: ClauseNode | None = None
        self.listed_attachments: dict[str, int] = {}
        self.last_number: dict[str, int] = {}
        self.in_attachment_list = False
        self.clause_count = 0
        self.has_upper_levels = any(
            (label := parse_label(p.text)) is not None and label.kind in ("cn", "cn_paren", "article")
            for p in paras
            if p.table is None
        )

    # -- helpers -------------------------------------------------------------------------------------------
    @property
    def prefix(self) -> str:
        return f"{self.attachment.label} " if self.attachment else ""

    def _current(self) -> ClauseNode:
        if self.stack:
            return self.stack[-1]
        return self.chapter or self.attachment or self.preamble

    def _add_top(self, node: ClauseNode) -> None:
        owner = self.chapter or self.attachment
        (owner.children if owner else self.nodes).append(node)

    # -- paragraph kinds -----------------------------------------------------------------------------------
    def _is_marker_list(self, index: int) -> bool:
        """`附件1：方案` directly followed or preceded by `附件2：名单` lists attachments; it does not start one."""
        neighbours = [self.paras[i] for i in (index - 1, index + 1) if 0 <= i < len(self.paras)]
        return any(p.table is None and ATTACHMENT_MARK.match(p.text) for p in neighbours)

    def _attachment_list_item(self, index: int) -> bool:
        text = self.paras[index].text
        mark = ATTACHMENT_MARK.match(text)
        if mark and mark.group(2) and self._is_marker_list(index):
            self.listed_attachments[collapse_cjk_spaces(mark.group(2))] = _number(mark.group(1))
            return True
        head = ATTACHMENT_LIST_HEAD.match(text)
        if head:
            self.in_attachment_list = True
            text = head.group(1).strip()
            if not text:
                return True
        item = _LIST_ITEM.match(text)
        if self.in_attachment_list and item and "。" not in text and len(text) <= _MAX_HEADING:
            self.listed_attachments[collapse_cjk_spaces(item.group(2))] = int(item.group(1))
            return True
        self.in_attachment_list = False
        return bool(head)

    def _attachment_start(self, index: int) -> bool:
        text = self.paras[index].text
        mark = ATTACHMENT_MARK.match(text)
        current = int(self.attachment.label[2:]) if self.attachment else 0
        if mark and mark.group(2) and not _is_title_like(mark.group(2)):
            return False  # `附件1所列城市要……，` is a sentence about an attachment
        if mark:
            number = _number(mark.group(1))
            title = mark.group(2).strip()
        elif collapse_cjk_spaces(text) == "附件" and current == 0:  # a document's one attachment, unnumbered
            number, title = 1, ""
        else:
            number = self.listed_attachments.get(collapse_cjk_spaces(text), 0) if _is_title_like(text) else 0
            title = collapse_cjk_spaces(text)
            if number > current:
                self.notes.append(f"附件{number}缺少“附件{number}”标记，已按正文附件清单识别：{title}")
        if number <= current:
            return False
        self.attachment = ClauseNode(kind="attachment", label=f"附件{number}", heading=title, path=f"附件{number}")
        self.attachment.paras.append(index)
        self.attachment.heading_paras = 1
        self.nodes.append(self.attachment)
        self.stack = []
        self.chapter = None
        self.last_number = {}
        return True

    def _extend_attachment_title(self, index: int) -> bool:
        """Title lines right after a bare `附件1` marker (titles are often wrapped over two lines)."""
        node = self.attachment
        text = self.paras[index].text
        if node is None or self.stack or node.children or not _is_title_like(text):
            return False
        if any(not _is_title_like(self.paras[i].text) for i in node.paras) or len(node.paras) > 3:
            return False
        node.heading = collapse_cjk_spaces(node.heading + text)
        node.paras.append(index)
        node.heading_paras += 1
        return True

    def _parent_children(self, rank: int) -> list[ClauseNode]:
        """The sibling list a clause of this rank would join (without changing the stack)."""
        for open_node in reversed(self.stack):
            if open_node.rank < rank:
                return open_node.children
        owner = self.chapter or self.attachment
        return owner.children if owner else self.nodes

    def _accept_label(self, label: Label) -> bool:
        rank = RANKS[label.kind]
        if rank >= 3 and not self.stack and self.has_upper_levels:
            return False
        siblings = [n.number for n in self._parent_children(rank) if n.label_kind == label.kind]
        if siblings:
            return label.number == siblings[-1] + 1
        return label.number in (1, self.last_number.get(label.kind, 0) + 1)

    def _open_clause(self, index: int, label: Label) -> None:
        rank = RANKS[label.kind]
        while self.stack and self.stack[-1].rank >= rank:
            self.stack.pop()
        parent_path = self.stack[-1].path if self.stack else self.prefix.strip()
        separator = " " if parent_path and not self.stack else ""
        heading, heading_only = heading_of(label)
        node = ClauseNode(
            kind="clause",
            label=label.canonical,
            heading=heading,
            path=f"{parent_path}{separator}{label.canonical}",
            paras=[index],
            rank=rank,
            heading_paras=int(heading_only),
            label_kind=label.kind,
            number=label.number,
        )
        if self.stack:
            self.stack[-1].children.append(node)
        else:
            self._add_top(node)
        self.stack.append(node)
        self.last_number[label.kind] = label.number
        self.clause_count += 1

    def _open_chapter(self, index: int, numeral: str, title: str) -> None:
        """第X章 groups articles in the outline; article paths stay 第X条 (they are numbered document-wide)."""
        self.stack = []
        label = f"第{numeral}章"
        self.chapter = ClauseNode(
            kind="clause", label=label, heading=title.strip(), path=f"{self.prefix}{label}", paras=[index]
        )
        self.chapter.heading_paras = 1
        (self.attachment.children if self.attachment else self.nodes).append(self.chapter)

    def _add_table(self, index: int) -> None:
        owner = self._current()
        tables_before = sum(1 for child in owner.children if child.row is not None and child.row.number == 1)
        base = owner.path or "正文"
        table_tag = f"表{tables_before + 1}" if tables_before else ""
        for row in table_rows(self.paras[index].table or []):
            owner.children.append(
                ClauseNode(
                    kind="table_row",
                    label=f"第{row.number}行",
                    heading=row.lead,
                    path=f"{base} {table_tag}第{row.number}行",
                    paras=[index],
                    row=row,
                )
            )

    def build(self) -> ClauseTree:
        skipped = set(self.header) | set(self.closing)
        for index, para in enumerate(self.paras):
            if index in skipped:
                continue
            if para.table is not None:
                self._add_table(index)
                continue
            text = para.text
            if self._extend_attachment_title(index):
                continue
            if self._attachment_list_item(index):
                self._current().paras.append(index)
                continue
            if self._attachment_start(index):
                continue
            chapter = _CHAPTER.match(text)
            if chapter and len(text) <= _MAX_HEADING and "。" not in text:
                self._open_chapter(index, chapter.group(1), chapter.group(2))
                continue
            label = parse_label(text)
            if label and self._accept_label(label):
                self._open_clause(index, label)
                continue
            self._current().paras.append(index)
        return ClauseTree(
            header=self.header,
            closing=self.closing,
            nodes=[node for node in self.nodes if node.paras or node.children],
            structured=self.clause_count > 0 or any(n.kind == "attachment" for n in self.nodes),
            notes=self.notes,
        )


def parse_clauses(paras: list[Para]) -> ClauseTree:
    return _Builder(paras).build()


def outline(tree: ClauseTree) -> list[OutlineNode]:
    return [node.outline() for node in tree.nodes]
