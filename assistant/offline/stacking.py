"""Raises a document says stack (同时符合…的，可叠加享受，先按第1目上浮，再按第2目增加，但每人每证补贴总额最高不超过省定
标准的1.3倍): whether a sentence says so, the order the raises are applied in and the cap on the result. Pure functions
over a clause's text; ``assistant.offline.adjustment`` applies the raises in turn with the rule read here."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

import cn2an

from assistant.rules.draft_text import UPLIFT_WORDS
from assistant.rules.drafting import SENTENCE
from assistant.rules.results import money, plain_number, yuan
from ingest.models import Chunk
from ingest.quantities import find_quantities

SHARE_BEFORE = re.compile(r"(?:标准|补贴总额|补贴资金总额|补贴金额)的\s*$")  # 按省定标准的N%, 按补贴总额的N%
CEILING = re.compile(r"超过|高于")  # 不得超过…标准的N%: how far raises may go
TIMES = re.compile(r"(?P<n>\d+(?:\.\d+)?|[一二两三四五六七八九十]+(?:点[一二三四五六七八九])?)\s*倍")  # 标准的1.5倍
FIRST_THEN = re.compile(r"先(?P<first>[^。；;]*?)再")  # 先按第1目上浮，再按第2目增加: the order raises stack in


@dataclass(frozen=True)
class StackRule:
    """A document's word that its raises stack (同时符合本项第1目、第2目情形的，可叠加享受，先按第1目上浮，再按第2目
    增加，但每人每证补贴总额最高不超过省定标准的1.3倍): the order they are applied in and the cap on the result."""

    chunk: Chunk
    sums_first: bool  # 先增加N元，再上浮P%: sums before shares and raises (else shares and raises first)
    cap_factor: Decimal | None  # 不超过省定标准的1.3倍: a multiple of the standard the raises adjust
    cap_sum: Decimal | None  # 合计不超过N元
    cap_phrase: str  # verbatim, from its sentence part's start

    def limit(self, standard: Decimal) -> tuple[Decimal, str] | None:
        """(the most the stacked standard may reach, the step saying why) for a standard before any raise."""
        if self.cap_factor is not None:
            limit = money(standard * self.cap_factor)
            return limit, f"{self.cap_phrase}：{yuan(standard)} × {plain_number(self.cap_factor)} = {yuan(limit)}"
        if self.cap_sum is not None:
            return self.cap_sum, self.cap_phrase
        return None


def stacks(sentence: str, words: Sequence[str], negations: Sequence[str]) -> bool:
    """The sentence says raises stack: one of ``words`` (叠加) with no negation in its part before it (不再叠加,
    不与本办法第五条规定的上浮政策叠加享受)."""
    for word in words:
        for match in re.finditer(re.escape(word), sentence):
            before = sentence[sentence_part_start(sentence[: match.start()]) : match.start()]
            if not any(n in before for n in negations):
                return True
    return False


def stacking_rule(chunk: Chunk, words: Sequence[str], negations: Sequence[str],
                  higher_words: Sequence[str]) -> StackRule | None:
    """The clause's word that raises stack, read from its sentences saying so: the order from 先…再… (a sum named
    first puts sums first), the cap from a bound they state (a multiple or share of a standard: 不超过省定标准的1.3倍;
    a sum: 合计不超过N元). None when no sentence says so, or the clause grants the higher one only (就高)."""
    said = [m.group(0) for m in SENTENCE.finditer(chunk.text) if stacks(m.group(0), words, negations)]
    if not said or any(w in chunk.text for w in higher_words):
        return None
    order = FIRST_THEN.search("".join(said))
    first = order.group("first") if order else ""
    sums_first = any(q.kind == "money" for q in find_quantities(first)) and not (
        UPLIFT_WORDS.search(first) or TIMES.search(first) or any(q.kind == "percent" for q in find_quantities(first)))
    cap_factor, cap_sum, cap_phrase = stacked_cap(said, per_head=False)
    return StackRule(chunk=chunk, sums_first=sums_first, cap_factor=cap_factor, cap_sum=cap_sum,
                     cap_phrase=cap_phrase)


def stacked_cap(sentences: Sequence[str], *, per_head: bool) -> tuple[Decimal | None, Decimal | None, str]:
    """(a multiple of the standard, a sum, the phrase) the sentences cap a raised standard at: 不超过省定标准的1.5倍,
    合计不超过N元 (``per_head``: only a sum said per head, 每人每年合计不超过N元 — not a firm's total)."""
    cap_factor = cap_sum = None
    cap_phrase = ""
    for sentence in sentences:
        bounds = [(m.start(), m.end(), times(m.group("n"))) for m in TIMES.finditer(sentence)]
        bounds += [(q.start, q.end, q.value / 100) for q in find_quantities(sentence) if q.kind == "percent"]
        for start, end, factor in bounds:
            before = sentence[:start]
            if SHARE_BEFORE.search(before) and CEILING.search(before, sentence_part_start(before)):
                cap_factor, cap_phrase = factor, bound_phrase(sentence, start, end)
        for q in find_quantities(sentence):
            if q.kind == "money" and q.bound == "max" and (not per_head or "人" in q.per):
                cap_sum, cap_phrase = q.value, bound_phrase(sentence, q.start, q.end)
    return cap_factor, cap_sum, cap_phrase


def bound_phrase(sentence: str, start: int, end: int) -> str:
    """但每人每年合计不超过N元 → 每人每年合计不超过N元: the bound as the sentence words it, from its part's start."""
    return sentence[sentence_part_start(sentence[:start]) : end].strip().removeprefix("但")


def times(text: str) -> Decimal:
    """1.5 / 两 / 一点五 → the multiple as a number."""
    if re.fullmatch(r"\d+(?:\.\d+)?", text):
        return Decimal(text)
    return Decimal(str(cn2an.cn2an(text.replace("两", "二"), "smart")))


def sentence_part_start(before: str) -> int:
    """Where the sentence part that ends ``before`` starts (after its last comma, semicolon or colon)."""
    return max(before.rfind(mark) for mark in "，,；;：:") + 1
