"""What a question asks of a benefit paid in parts: 第一次能先拨多少 · 首笔给多少 · 剩下的什么时候给.

Some words ask about a payment whatever follows them (预拨, 首笔, 尾款). Others also say something else — 首次创业,
第一次开了个店, 剩下的人交满了 — and ask about a payment only when a verb of being paid follows them, with at most
words of ability, order or time between (第一次能先拨多少, 剩下的什么时候给): ``answers.yaml: paid_ordinals,
paid_verbs, paid_between``.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ingest.textnorm import alternation

if TYPE_CHECKING:
    from ingest.knowledge import AnswersFile


class PaidAsks:
    """The paid words a question says of a payment (pure; built once per knowledge). ``first`` and ``last``: the
    words asking for the first instalment or for the rest, to intersect with what ``said`` returns."""

    def __init__(self, answers: AnswersFile) -> None:
        self.words = tuple(dict.fromkeys((*answers.paid_words, *answers.first_paid_words, *answers.last_paid_words)))
        self.first, self.last = frozenset(answers.first_paid_words), frozenset(answers.last_paid_words)
        self.ordinals = frozenset(answers.paid_ordinals)
        between = alternation(answers.paid_between)
        self._paid_after = re.compile(rf"(?:{between})*(?:{alternation(answers.paid_verbs)})")

    def said(self, text: str) -> frozenset[str]:
        """The paid words ``text`` says of a payment: each word of ``paid_words`` said, and a first or last word
        (第一次, 剩下) only where a verb of being paid follows it."""
        return frozenset(word for word in self.words if any(
            word not in self.ordinals or self._paid_after.match(text, m.end())
            for m in re.finditer(re.escape(word), text)))
