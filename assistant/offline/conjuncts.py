"""Two things a comparison joins in one place (小微企业和个体户差多少): where they stand in the question, so each can
be asked about on its own. Pure over the question's words (the tokenizer's, with positions)."""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass

_BREAK = re.compile(r"[\s，。,？?！!；;、：:（）()“”\"']")
PARTICLE = "的"  # runs on inside a thing (村里的公益性岗位) and is trimmed off its ends
MIN_CHARS = 2


@dataclass(frozen=True)
class Conjuncts:
    """``first`` + joiner + ``second`` stand at ``start``–``end`` of ``text``; the first ends at ``split``, the second
    begins at ``resume``."""

    text: str
    start: int
    split: int
    resume: int
    end: int

    @property
    def first(self) -> str:
        return self.text[self.start : self.split].strip(PARTICLE)

    @property
    def second(self) -> str:
        return self.text[self.resume : self.end].strip(PARTICLE)

    def asking_first(self, named: str | None = None) -> str:
        """The question with the second thing and the joiner left out (the first said as ``named`` when given)."""
        return self.text[: self.start] + self._said(self.start, self.split, named) + self.text[self.end :]

    def asking_second(self, named: str | None = None) -> str:
        """The question with the first thing and the joiner left out (the second said as ``named`` when given)."""
        return self.text[: self.start] + self._said(self.resume, self.end, named) + self.text[self.end :]

    def _said(self, start: int, end: int, named: str | None) -> str:
        span = self.text[start:end]
        return span if named is None else span.replace(span.strip(PARTICLE), named, 1)


def compared(text: str, words: Sequence[tuple[str, int, int]], joiners: Collection[str], stops: Collection[str],
             places: Collection[str], ends: Collection[str] = ()) -> Conjuncts | None:
    """The first two things ``text`` joins with a joiner (和, 跟 …): on each side the run of words up to punctuation,
    another joiner, a place or a ``stops`` word (a question or function word; 的 runs on), the second parallel to the
    first — or, when it does not end in one of ``ends`` and the first does, on to the first word of its run that does
    (职业培训补贴和培训期间生活费补贴: a benefit's whole name). None unless both sides name something (two characters
    or more beside the particle)."""

    def part_of_thing(word: str) -> bool:
        if _BREAK.search(word) or word in joiners or word in places:
            return False
        return word == PARTICLE or word not in stops

    for i, (word, _, _) in enumerate(words):
        if word not in joiners:
            continue
        left = i
        while left > 0 and part_of_thing(words[left - 1][0]):
            left -= 1
        right = i + 1
        # a one-character word heading the second thing (办 of 开个体户跟办合作社) is part of it, and of the first
        # too when the same word stands before it (办合作社和办个体户)
        if right < len(words) - 1 and len(words[right][0]) == 1 and words[right][0] not in joiners \
                and not _BREAK.search(words[right][0]):
            if left > 0 and words[left - 1][0] == words[right][0]:
                left -= 1
            right += 1
        # the two things are parallel: the second runs no longer than the first by more than a word, and past a 的
        # only when the first has one too (农民专业合作社和家庭农场的补贴: 补贴 is said of both)
        particle = any(w == PARTICLE for w, _, _ in words[left:i])
        while (right < len(words) and right - i - 1 <= i - left and part_of_thing(words[right][0])
               and (particle or words[right][0] != PARTICLE)):
            right += 1
        if left == i or right == i + 1:
            continue
        first = text[words[left][1] : words[i][1]]
        if any(first.endswith(e) for e in ends) \
                and not any(text[words[i][2] : words[right - 1][2]].endswith(e) for e in ends):
            longer = right
            while longer < len(words) and part_of_thing(words[longer][0]) and words[longer][0] != PARTICLE:
                longer += 1
                if any(text[words[i][2] : words[longer - 1][2]].endswith(e) for e in ends):
                    right = longer
                    break
        found = Conjuncts(text, words[left][1], words[i][1], words[i][2], words[right - 1][2])
        if len(found.first) >= MIN_CHARS and len(found.second) >= MIN_CHARS:
            return found
    return None
