"""Does a clause actually support an answer? Conservative, IDF-weighted term coverage.

A question's content terms (the same jieba tokens BM25 uses, minus place names and question words) are
weighted by how rare they are in the corpus; a term the corpus never uses weighs most, so "电工证复审" or
"公积金" cannot be answered by whichever clause happens to rank first.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable

from ingest.models import Chunk
from ingest.normalize import match_normalize
from retriever.lexical import ChineseTokenizer

# Words that say what kind of answer is wanted, not what it is about.
_QUESTION_WORDS_TEXT = """
多少 哪些 什么 怎么 如何 怎样 是否 能否 可以 能不能 有没有 有没 没有 吗 呢 啥 咋 几 几个 哪个 哪里 还是 是不是
要求 规定 政策 文件 请问 一下 现在 这边 那边 那个 这个 那种 一个 个人 每个 人 给 拿 领 补 要 得 会 想 办 搞
最多 最少 最高 上限 标准 多长 时间 一共 左右 其中 如果 的话 情况 具体 怎么办 干 这块 那段 有啥 叫 叫啥 名
"""
QUESTION_WORDS = frozenset(_QUESTION_WORDS_TEXT.split())
SUPPORT_THRESHOLD = 0.5
ABSENT_TERM_WEIGHT = 1.0


class CorpusVocabulary:
    """Document frequencies of tokens over all chunks; built once per engine from the index."""

    def __init__(self, chunks: Iterable[Chunk], tokenizer: ChineseTokenizer, place_names: Iterable[str] = ()) -> None:
        self._tokenizer = tokenizer
        self._texts: dict[str, str] = {}
        frequencies: Counter[str] = Counter()
        for chunk in chunks:
            text = squeeze(chunk.embed_text())
            self._texts[chunk.id] = text
            frequencies.update(set(tokenizer.tokenize(text)))
        self._df = frequencies
        self._n = max(1, len(self._texts))
        self._places = sorted({squeeze(p) for p in place_names if p}, key=len, reverse=True)

    def idf(self, term: str) -> float:
        """Rarer corpus terms weigh more; a term the corpus never uses weighs 1 (colloquial words like 点提 or
        长时间 must not sink a good match; out-of-scope topics are caught by the engine's explicit list)."""
        df = self._df.get(term, 0)
        return math.log((self._n + 1) / (df + 0.5)) if df else ABSENT_TERM_WEIGHT

    def terms(self, question: str) -> list[str]:
        """Content terms of a question: no place names, question words or single characters."""
        text = squeeze(question)
        for place in self._places:
            text = text.replace(place, " ")
        seen: dict[str, None] = {}
        for token in self._tokenizer.tokenize(text):
            if len(token) >= 2 and token not in QUESTION_WORDS and not token.isdigit():
                seen.setdefault(token, None)
        return list(seen)

    def coverage(self, terms: list[str], chunk: Chunk) -> float:
        """IDF-weighted share of ``terms`` found in the chunk (heading path included)."""
        if not terms:
            return 0.0
        text = self._texts.get(chunk.id) or squeeze(chunk.embed_text())
        total = sum(self.idf(term) for term in terms)
        found = sum(self.idf(term) for term in terms if term in text)
        return found / total if total else 0.0

    def term_score(self, terms: list[str], text: str) -> float:
        text = squeeze(text)
        return sum(self.idf(term) for term in terms if term in text)


def squeeze(text: str) -> str:
    """Match form: NFKC + no whitespace (`北  京` meets `北京`)."""
    return re.sub(r"\s+", "", match_normalize(text))
