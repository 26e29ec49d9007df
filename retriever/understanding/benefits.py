"""Benefits named the way the library names them: a question saying a benefit's own name (a run of words ending in a
benefit noun — 补贴, 补助, 奖励 … — that the documents themselves write) asks about that benefit, whatever the topics
file knows. A policy added tomorrow brings its benefits' names with it: they are read from its text, not listed.

A name is the longest run before a benefit noun in the question that the library also writes, starting where a word
of the question starts (业培训补贴 is no name in 企业培训补贴), with leading action words (申请, 享受 …) taken off; a
name most documents of the library say (培训补贴) picks out nothing and is not one.

People shorten a long name by leaving out a word in its middle (数字技能补贴, 数字技能培训补贴 for
数字技能提升培训补贴): a run the library never writes names the one benefit whose name starts and ends as the run
does, with one stretch between them left out — when the names so matched are all written by the same documents
(技能补贴, matching both 技能提升补贴 and 技能鉴定补贴 of different documents, names nothing).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from ingest.models import Chunk, DocumentMeta
from ingest.textnorm import INTERROGATIVE, clause_span, fold, squeeze, undoubled

MAX_BODY = 10  # characters before the noun a name may have (一次性吸纳就业补贴: 7)
MIN_BODY = 2
MIN_HEAD = 2  # characters a shortened name keeps from the start of the full one (数字 of 数字技能提升培训补贴)
MIN_SHORTENED = 3  # characters a shortened name has before its noun (数字技能补贴: 4)
# a count before a name is not part of it (贷过一次创业担保贷款, 领过两笔补贴); 一次性 is a word of the name
_COUNT = re.compile(r"^[一二两三四五六七八九十\d]+[次笔项个批](?!性)")
_CJK = re.compile(r"[\u4e00-\u9fff]")


def _only_count(name: str, noun_length: int) -> bool:
    """All the name holds before its noun is a count (一次补贴 of 还能再领一次补贴: how often, no benefit's name)."""
    count = _COUNT.match(name)
    return count is not None and count.end() == len(name) - noun_length


def _asked_in(text: str, at: int) -> bool:
    """The clause (between punctuation marks) holding position ``at`` asks something (吗, 多少, 怎么 …)."""
    start, end = clause_span(text, at, at)
    return INTERROGATIVE.search(text, start, end) is not None


class BenefitNames:
    """Every name the library writes before a benefit noun, with the documents that write it."""

    def __init__(
        self, chunks: Iterable[Chunk], documents: Iterable[DocumentMeta], nouns: Iterable[str],
        lead_words: Iterable[str] = (), word_starts: Callable[[str], frozenset[int]] | None = None,
    ) -> None:
        self._word_starts = word_starts  # where the question's words begin (None: anywhere)
        nouns = sorted(set(nouns), key=len, reverse=True)
        self._noun = re.compile("|".join(map(re.escape, nouns))) if nouns else None
        self._leads = sorted(set(lead_words), key=len, reverse=True)
        self._said: dict[str, set[str]] = {}
        self._by_head: dict[str, list[str]] | None = None  # the names by their first characters, built when first asked
        titles = {meta.doc_id: meta.title for meta in documents}
        self._documents = max(1, len(titles))
        if self._noun is None:
            return
        read: set[tuple[str, str]] = set()  # a title or heading is read once per document, not once per clause
        for chunk in chunks:
            for text in (chunk.text, *chunk.heading_path, titles.get(chunk.doc_id, "")):
                if (chunk.doc_id, text) not in read:
                    read.add((chunk.doc_id, text))
                    written = squeeze(fold(text))
                    said = undoubled(written)  # 公益性岗位岗位补贴 is said 公益性岗位补贴
                    for form in dict.fromkeys((written, said)):
                        self._collect(form, chunk.doc_id)

    def _collect(self, text: str, doc_id: str) -> None:
        assert self._noun is not None
        for match in self._noun.finditer(text):
            start = match.start()
            for size in range(1, MAX_BODY + 1):
                if start - size < 0 or not _CJK.match(text[start - size]):
                    break
                if size >= MIN_BODY:
                    self._said.setdefault(text[start - size : match.end()], set()).add(doc_id)

    def named(self, normalized: str) -> list[str]:
        """The benefits a question names by the library's own names (no repeats): those in a clause that asks first,
        then the rest, each group in question order."""
        if self._noun is None:
            return []
        text = squeeze(normalized)
        starts = self._word_starts(text) if self._word_starts is not None else None
        found: list[tuple[bool, str]] = []
        for match in self._noun.finditer(text):
            name = self._longest(text, match.start(), match.end(), starts)
            if name is not None and all(name != seen for _, seen in found):
                found.append((not _asked_in(text, match.start()), name))
        # the benefit asked about first (上学期间贷的国家助学贷款…能领求职创业补贴吗: 求职创业补贴)
        return [name for _, name in sorted(found, key=lambda pair: pair[0])]

    def _longest(self, text: str, start: int, end: int, starts: frozenset[int] | None) -> str | None:
        """The longest run the library writes; a longer run it never writes names the full name it shortens, unless
        that name holds the run written, when specific (培训的生活费补贴 is 生活费补贴, whatever 培训期间的生活费补贴
        another document writes)."""
        sizes = [size for size in range(min(MAX_BODY, start), MIN_BODY - 1, -1)
                 if starts is None or start - size in starts]
        size = next((size for size in sizes if text[start - size : end] in self._said), None)
        written = None if size is None else self._specific(self._trimmed(text[start - size : end], end - start))
        if written is not None and (written[: -(end - start)] in self._leads or _only_count(written, end - start)):
            written = None  # 申请补贴: an action word before the noun names no benefit; 再领一次补贴: a count none
        for longer in (s for s in sizes if size is None or s > size):
            full = self._lengthened(text[start - longer : end], end - start)
            if full is not None and (written is None or written not in full):
                return self._specific(full)
        return written

    def _lengthened(self, run: str, noun_length: int) -> str | None:
        """The library's name a run the library never writes shortens (数字技能补贴 → 数字技能提升培训补贴): the names
        starting with the run's first part and ending with the rest (the noun at least), something left out between
        them — one name, or several all written by the same documents (then the shortest); else None."""
        if len(run) - noun_length < MIN_SHORTENED or _COUNT.match(run) or any(run.startswith(w) for w in self._leads):
            return None  # 技能补贴 is too short to pick one name out; 申请补贴, 两次补贴 are no names
        if self._by_head is None:
            self._by_head = {}
            for said in self._said:
                self._by_head.setdefault(said[:MIN_HEAD], []).append(said)
        cuts = range(MIN_HEAD, len(run) - noun_length + 1)
        found = {self._trimmed(said, noun_length) for said in self._by_head.get(run[:MIN_HEAD], ())
                 if len(said) > len(run) and any(said.startswith(run[:c]) and said.endswith(run[c:]) for c in cuts)}
        found = {name for name in found if name in self._said}
        if not found or len({frozenset(self._said[name]) for name in found}) > 1:
            return None
        return min(found, key=len)

    def _trimmed(self, name: str, noun_length: int) -> str:
        """申请一次性吸纳就业补贴 → 一次性吸纳就业补贴: an action word or a count before the name is not part of it."""
        trimmed = True
        while trimmed:
            trimmed = False
            count = _COUNT.match(name)
            if count and len(name) - count.end() - noun_length >= MIN_BODY and name[count.end():] in self._said:
                name, trimmed = name[count.end():], True
                continue
            for word in self._leads:
                rest = name[len(word):]
                if name.startswith(word) and len(rest) - noun_length >= MIN_BODY and rest in self._said:
                    name, trimmed = rest, True
                    break
        return name

    def _specific(self, name: str) -> str | None:
        """A name at most half the library's documents say (one of one or two documents always counts)."""
        return name if len(self._said[name]) <= max(1, self._documents // 2) else None
