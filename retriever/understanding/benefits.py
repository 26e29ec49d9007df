"""Benefits named the way the library names them: a question saying a benefit's own name (a run of words ending in a
benefit noun — 补贴, 补助, 奖励 … — that the documents themselves write) asks about that benefit, whatever the topics
file knows. A policy added tomorrow brings its benefits' names with it: they are read from its text, not listed.

A name is the longest run before a benefit noun in the question that the library also writes, starting where a word
of the question starts (业培训补贴 is no name in 企业培训补贴), with leading action words (申请, 享受 …) taken off; a
name most documents of the library say (培训补贴) picks out nothing and is not one.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from ingest.models import Chunk, DocumentMeta
from ingest.textnorm import INTERROGATIVE, clause_span, fold, squeeze

MAX_BODY = 10  # characters before the noun a name may have (一次性吸纳就业补贴: 7)
MIN_BODY = 2
# a count before a name is not part of it (贷过一次创业担保贷款, 领过两笔补贴); 一次性 is a word of the name
_COUNT = re.compile(r"^[一二两三四五六七八九十\d]+[次笔项个批](?!性)")
_CJK = re.compile(r"[\u4e00-\u9fff]")


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
        titles = {meta.doc_id: meta.title for meta in documents}
        self._documents = max(1, len(titles))
        if self._noun is None:
            return
        read: set[tuple[str, str]] = set()  # a title or heading is read once per document, not once per clause
        for chunk in chunks:
            for text in (chunk.text, *chunk.heading_path, titles.get(chunk.doc_id, "")):
                if (chunk.doc_id, text) not in read:
                    read.add((chunk.doc_id, text))
                    self._collect(squeeze(fold(text)), chunk.doc_id)

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
        for size in range(min(MAX_BODY, start), MIN_BODY - 1, -1):
            name = text[start - size : end]
            if name in self._said and (starts is None or start - size in starts):
                return self._specific(self._trimmed(name, end - start))
        return None

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
