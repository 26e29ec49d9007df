"""Enumerations are answered whole: "要交哪些材料" / "目录里有哪些工种" is not answered by one item of the list.

A policy writes a list as sibling clauses (附件1 一、…五、, 三、（一）1…4) or table rows (附件1 第1行…第8行). When the
clause that answers a list question is one such item, or only names an attachment (附件：1.申请材料), the answer is the
whole group, each item cited — unless the question singles the item out (a city in a table of cities). Pure functions
over a document's chunks.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from ingest.models import Chunk
from ingest.textnorm import is_lead_in

MAX_ITEMS = 12
SUBJECT_CHUNKS = 2  # a word in more of a document's clauses is its subject, not a pointer to one item
MAX_ITEM_CHARS = 160  # an item of a list, not an article: longer siblings are answered clause by clause
_LAST_LABEL = re.compile(
    r"\s*(?:第[一二三四五六七八九十百零〇\d]+[条行]|[一二三四五六七八九十百零〇]+、|[（(][一二三四五六七八九十百零〇\d]+[）)]|\d+)$"
)
_ATTACHMENT = re.compile(r"^附件\s*\d*$")
_ITEM_LABEL = re.compile(
    r"^(?:[一二三四五六七八九十百零〇]+、|[（(][一二三四五六七八九十百零〇\d]+[）)]|\d+[.．、])\s*"
)
_REFERENCE = re.compile(r"附件\s*[:：]?\s*(\d+)")


def parent_path(clause_path: str) -> str | None:
    """``附件1 一、`` → ``附件1``; ``三、（一）2`` → ``三、（一）``; a top-level clause or an attachment → None."""
    if not clause_path or _ATTACHMENT.match(clause_path):
        return None
    parent = _LAST_LABEL.sub("", clause_path).strip()
    return parent if parent and parent != clause_path else None


def _items(chunks: Sequence[Chunk], parent: str) -> list[Chunk]:
    return [c for c in chunks if c.kind in ("clause", "table_row") and c.part == 1
            and parent_path(c.clause_path) == parent]


def group(
    chunk: Chunk, chunks: Sequence[Chunk], score: Callable[[str], float] | None = None
) -> tuple[str, list[Chunk]] | None:
    """(parent path, items) of the list ``chunk`` belongs to or refers to — None when it is neither (a lone clause,
    or siblings too long to be list items). When it names several attachments (标准见附件2，材料见附件1), the one
    whose heading and items ``score`` best (the question's words) — else the first."""
    if is_lead_in(chunk.text):  # 并提交以下材料： / 有下列情形之一的…：: its items are the list
        nested = children(chunk, chunks)
        if nested is not None:
            return nested
    candidates: list[str] = []
    own = parent_path(chunk.clause_path)
    if own is not None:
        candidates.append(own)
    if not chunk.clause_path.startswith("附件"):
        candidates += [f"附件{n}" for n in dict.fromkeys(_REFERENCE.findall(chunk.text))]
    found: list[tuple[str, list[Chunk]]] = []
    for parent in candidates:
        items = _items(chunks, parent)
        if len(items) >= 2 and all(len(c.text) <= MAX_ITEM_CHARS for c in items):
            found.append((parent, items))
    if not found:
        return None
    if score is None or len(found) == 1:
        return found[0]

    def relevance(candidate: tuple[str, list[Chunk]]) -> float:
        parent, items = candidate
        return score(" ".join([title(parent, items), *(c.text for c in items)]))

    return max(found, key=relevance)  # max keeps the first of equals


def picks_one(chunk: Chunk, items: Sequence[Chunk], words: Sequence[str], *, by_lead: bool = False) -> bool:
    """The question names something that singles this item out (a city in a table of cities, 焊工 in a list of trades):
    a word it says is in this item and in fewer than half of the others — then the item is the answer, not the list.
    A clause that only refers to the list (附件：1.申请材料) is not one of its items and singles nothing out.
    ``by_lead``: the question asks for a list (哪些情况不能享受), so only a word heading the item picks it (某省 of
    某省：甲市、乙市…), never one it says on the way (已在本市或者某省其他地区享受过… for an asker in a city of
    某省)."""
    if all(c.id != chunk.id for c in items):
        return False
    others = [c for c in items if c.id != chunk.id]
    said_in = item_lead(chunk.text) if by_lead else chunk.text
    for word in (w for w in words if len(w) >= 2 and w in said_in):
        if sum(word in c.text for c in others) * 2 < len(others):
            return True
    return False


def item_lead(text: str) -> str:
    """What heads an item: its words before a colon (某省：甲市、乙市… → 某省); "" when nothing heads it."""
    head, colon, _ = text.strip().partition("：")
    if not colon:
        head, colon, _ = text.strip().partition(":")
    return head if colon else ""


def singled_out(items: Sequence[Chunk], words: Sequence[str], chunks: Sequence[Chunk]) -> Chunk | None:
    """The one item a word of the question points to (依托单位 in a list of 领办人条件、依托单位条件…): the word is
    in that item and in no other, and no other item is pointed to so. Words the document says throughout (its
    subject: 技能大师工作室) point to nothing. Callers use it only for items heading a list of their own: a flat
    list asked for (要交哪些材料) is answered whole."""
    rare = [w for w in words if len(w) >= 2 and sum(w in c.text for c in chunks) <= SUBJECT_CHUNKS]
    pointed = {c.id: c for w in rare for c in items
               if w in c.text and not any(w in other.text for other in items if other.id != c.id)}
    return next(iter(pointed.values())) if len(pointed) == 1 else None


def children(chunk: Chunk, chunks: Sequence[Chunk]) -> tuple[str, list[Chunk]] | None:
    """(the clause's path, the items under it) when it heads a list of its own (（二）依托单位条件。 → 1.…；2.…)."""
    items = _items(chunks, chunk.clause_path)
    return (chunk.clause_path, items) if len(items) >= 2 else None


def with_nested(items: Sequence[Chunk], chunks: Sequence[Chunk]) -> tuple[list[Chunk], list[str]]:
    """A list's items to show, each item that leads in a list of its own (本年度目录包括以下几类职业：) followed by
    its items, as the document numbers them ((1)化工总控工…); with the text each is shown by."""
    shown: list[Chunk] = []
    texts: list[str] = []
    for item in items:
        shown.append(item)
        texts.append(item_text(item))
        nested = children(item, chunks) if is_lead_in(item.text) else None
        for sub in nested[1][:MAX_ITEMS] if nested is not None else ():
            shown.append(sub)
            texts.append(sub.text.strip().rstrip("；;。."))
    return shown, texts


def title(parent: str, items: Sequence[Chunk]) -> str:
    """The list's own heading (附件1 企业新型学徒制培训补贴申请材料 → 企业新型学徒制培训补贴申请材料), else ''."""
    last = _LAST_LABEL.search(parent)
    label = parent if parent.startswith("附件") and " " not in parent else (last.group(0).strip() if last else parent)
    for heading in items[0].heading_path:
        if heading.startswith(label) and heading != label:
            return heading[len(label):].strip(" 　：:、.．")
    return ""


def item_text(chunk: Chunk) -> str:
    """An item without its number and final full stop: 二、学徒花名册。 → 学徒花名册."""
    text = chunk.text.strip()
    first = _ITEM_LABEL.match(text)
    if first:
        text = text[first.end():]
    return text.rstrip("。；;，, ")


def lead_in_of(chunk: Chunk) -> str:
    """The heading an item stands under (its lead-in, when that ends in ：), '' for a clause with none above it."""
    return chunk.heading_path[-2] if len(chunk.heading_path) >= 2 else ""


_TRAILING_NOTE = re.compile(r"[（(][^（）()]*[）)]$")


def names_people(chunk: Chunk, people_words: Sequence[str]) -> bool:
    """An item naming a group of people (（二）返乡入乡创业人员； 4. 特困人员中的高校毕业生。): its text, number and a
    closing note in brackets off, ends in one of ``people_words``."""
    if _ITEM_LABEL.match(chunk.text.strip()) is None:
        return False
    text = _TRAILING_NOTE.sub("", item_text(chunk)).strip()
    return any(text.endswith(word) for word in people_words)
