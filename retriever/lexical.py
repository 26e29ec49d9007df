"""Chinese BM25: a private jieba tokenizer with policy terms, and a persisted ``bm25s`` index.

jieba is initialised lazily in its own ``jieba.Tokenizer()`` (no global dictionary state, nothing at import
time) with the policy terms and stopwords of ``data/knowledge``; text is folded first (simplified characters,
half-width) so variants meet.
"""

from __future__ import annotations

import json
import logging
import re
import threading
import unicodedata
from pathlib import Path
from typing import Any

import numpy as np

from ingest.knowledge import Knowledge
from ingest.textnorm import fold

BM25_IDS_FILE = "chunk_ids.json"
_MASK_CACHE_SIZE = 16  # distinct filters remembered per index (a mask is one byte per entry)
# Sentence ends (and line breaks) for sentence-level matching; "；" too, since policy clauses chain rules with it.
_SENTENCE_END = re.compile(r"(?<=[。；;！!？?])|\n")


def _import_bm25s():
    import bm25s

    logging.getLogger("bm25s").setLevel(logging.WARNING)  # bm25s sets its own logger to DEBUG on import
    return bm25s


def _is_searchable(token: str) -> bool:
    """Tokens made only of punctuation, symbols or spaces carry no meaning for BM25."""
    return any(unicodedata.category(char)[0] in "LN" for char in token)


class ChineseTokenizer:
    """jieba search-mode tokens, normalised, without stopwords and punctuation."""

    def __init__(self, knowledge: Knowledge | None = None) -> None:
        self._knowledge = knowledge
        self._jieba: Any = None
        self._stopwords: frozenset[str] = frozenset()
        self._lock = threading.Lock()

    def _ready(self) -> Any:
        if self._jieba is None:
            with self._lock:
                if self._jieba is None:
                    import jieba

                    logging.getLogger("jieba").setLevel(logging.WARNING)  # its banner goes to stderr otherwise
                    knowledge = self._knowledge or Knowledge.load()
                    tokenizer = jieba.Tokenizer()
                    tokenizer.initialize()
                    for word, freq in knowledge.policy_terms:
                        tokenizer.add_word(fold(word), freq)
                    self._stopwords = knowledge.stopwords
                    self._jieba = tokenizer
        return self._jieba

    def word_starts(self, text: str) -> frozenset[int]:
        """Where each word of ``text`` begins (jieba's accurate mode, positions in ``text`` as given)."""
        return frozenset(start for _, start, _ in self.words(text))

    def known(self, word: str) -> bool:
        """The word is in jieba's dictionary (or the policy terms added to it), not a guess of its HMM."""
        return bool(self._ready().FREQ.get(fold(word)))

    def words(self, text: str) -> list[tuple[str, int, int]]:
        """The words of ``text`` in order with where each begins and ends (jieba's accurate mode, unfolded)."""
        return list(self._ready().tokenize(text))

    def tokenize(self, text: str) -> list[str]:
        jieba_tokenizer = self._ready()
        normalized = fold(text)
        return [
            token
            for token in (t.strip() for t in jieba_tokenizer.cut_for_search(normalized))
            if token and token not in self._stopwords and _is_searchable(token)
        ]


def sentences(text: str) -> list[str]:
    """The clause split into sentences (non-empty, stripped), so one rule in a long clause can be matched alone."""
    return [part.strip() for part in _SENTENCE_END.split(text) if part and part.strip()]


class Bm25Index:
    """BM25 over chunk ids; scores every chunk so metadata filters can mask before ranking."""

    def __init__(self, chunk_ids: list[str], model: Any) -> None:
        self.chunk_ids = chunk_ids
        self._model = model
        # rows of each id, so a filter mask costs O(allowed ids) rather than a set lookup per indexed entry
        self._rows: dict[str, list[int]] = {}
        for row, chunk_id in enumerate(chunk_ids):
            self._rows.setdefault(chunk_id, []).append(row)
        self._masks: dict[frozenset[str], np.ndarray] = {}  # the same filter recurs across queries

    def _mask(self, allowed: set[str] | frozenset[str]) -> np.ndarray:
        cached = self._masks.get(allowed) if isinstance(allowed, frozenset) else None
        if cached is not None:
            return cached
        mask = np.zeros(len(self.chunk_ids), dtype=bool)
        mask[[row for cid in allowed for row in self._rows.get(cid, ())]] = True
        if isinstance(allowed, frozenset):
            if len(self._masks) >= _MASK_CACHE_SIZE:
                self._masks.clear()
            self._masks[allowed] = mask
        return mask

    @classmethod
    def build(cls, chunk_ids: list[str], token_lists: list[list[str]]) -> Bm25Index:
        model = _import_bm25s().BM25()
        # an empty document still needs one token for bm25s; "" is its reserved empty token
        model.index([tokens or [""] for tokens in token_lists], show_progress=False)
        return cls(list(chunk_ids), model)

    def save(self, directory: Path) -> None:
        directory.mkdir(parents=True, exist_ok=True)
        self._model.save(str(directory))
        (directory / BM25_IDS_FILE).write_text(json.dumps(self.chunk_ids), encoding="utf-8")

    @classmethod
    def load(cls, directory: Path) -> Bm25Index:
        chunk_ids = json.loads((directory / BM25_IDS_FILE).read_text(encoding="utf-8"))
        return cls(chunk_ids, _import_bm25s().BM25.load(str(directory)))

    @property
    def size(self) -> int:
        """Number of indexed entries (chunks, or sentences for the sentence index)."""
        return len(self.chunk_ids)

    def document_frequency(self, token: str) -> int:
        """How many indexed entries contain ``token`` (0 for a token the corpus never uses)."""
        row = self._model.vocab_dict.get(token)
        if row is None:
            return 0
        indptr = self._model.scores["indptr"]
        return int(indptr[row + 1] - indptr[row])

    def rank(
        self, tokens: list[str], *, allowed: set[str] | frozenset[str] | None = None, limit: int = 50
    ) -> list[str]:
        """Chunk ids with a positive score, best first, restricted to ``allowed`` when given.

        An id may label several entries (one per sentence of a chunk); it is ranked by its best entry.
        """
        known = [t for t in tokens if t in self._model.vocab_dict]
        if not known or not self.chunk_ids:
            return []
        scores = np.asarray(self._model.get_scores(known), dtype=np.float64)
        if allowed is not None:
            scores = np.where(self._mask(allowed), scores, 0.0)
        # several entries may share an id, so look a bit deeper than ``limit`` (partial sort: big indexes stay fast)
        depth = min(len(scores), limit * 8)
        head = np.argpartition(-scores, depth - 1)[:depth] if depth < len(scores) else np.arange(len(scores))
        ranked: dict[str, None] = {}
        for i in head[np.argsort(-scores[head], kind="stable")]:
            if scores[i] <= 0 or len(ranked) >= limit:
                break
            ranked.setdefault(self.chunk_ids[i])
        return list(ranked)
