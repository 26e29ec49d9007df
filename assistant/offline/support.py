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

from ingest.knowledge import ExpansionRule, Knowledge
from ingest.models import Chunk
from ingest.textnorm import INTERROGATIVE, fold
from ingest.textnorm import squeeze as squeeze
from retriever.lexical import ChineseTokenizer

DEFINING = "所称"  # how a document defines a name (本办法所称X，是指…), not a short name it gives (以下简称X)
SUPPORT_THRESHOLD = 0.5
_FUNCTION_END = re.compile(r"[有的了是个和或给么]$")  # jieba's 证有 in 考了个证有补贴 names nothing
# a demonstrative and a measure word (这笔 of 这笔贷款, 那家 of 那家企业) points at a thing and names none
_DETERMINER = re.compile(r"^[这那哪](?!些)[\u4e00-\u9fff]$")  # 这些/那些: function words (stopwords-iso)
ABSENT_TERM_WEIGHT = 1.0


def asking_words(knowledge: Knowledge) -> frozenset[str]:
    """Words that never name what a question is about: question words, every intent's and answer aspect's words
    (what is asked), and the language's function words (这些, 我们 …: said in any question, rare in a policy's text)."""
    words = set(knowledge.question_words) | knowledge.function_words
    words |= {w for spec in knowledge.intents.intents.values() for w in (*spec.words, *spec.weak_words)}
    words |= {w for aspect in knowledge.answers.aspects.values() for w in aspect.asked}
    return frozenset(words)


class CorpusVocabulary:
    """Document frequencies of tokens over all chunks; built once per engine from the index."""

    def __init__(
        self, chunks: Iterable[Chunk], tokenizer: ChineseTokenizer, question_words: Iterable[str] = (),
        synonyms: Iterable[ExpansionRule] = (), benefit_nouns: Iterable[str] = (), action_words: Iterable[str] = (),
    ) -> None:
        self._tokenizer = tokenizer
        self._actions = tuple(action_words)  # words before a benefit's name that are no part of it (领, 申请)
        self._synonyms = list(synonyms)
        self._triggers = tuple(trigger for rule in self._synonyms for trigger in rule.triggers)
        self._question_words = frozenset(question_words)
        # asking phrases (什么时候, 报给谁) said whole are taken out before the question is cut into words, so no
        # piece of one (时候, 报给) counts as what the question is about
        self._asking = sorted((w for w in self._question_words if len(w) >= 2 and INTERROGATIVE.search(w)),
                              key=len, reverse=True)
        nouns = "|".join(map(re.escape, benefit_nouns))
        # What a benefit question asks for: the word right before a benefit noun names it (租房补贴, 担保贷款).
        self._benefit_noun = re.compile(nouns) if nouns else None
        self._texts: dict[str, str] = {}
        frequencies: Counter[str] = Counter()
        for chunk in chunks:
            text = squeeze(chunk.embed_text())
            self._texts[chunk.id] = text
            frequencies.update(set(tokenizer.tokenize(text)))
        self._df = frequencies
        self._n = max(1, len(self._texts))

    def idf(self, term: str) -> float:
        """Rarer corpus terms weigh more; a term the corpus never uses weighs 1 (colloquial words like 点提 or
        长时间 must not sink a good match; out-of-scope topics are caught by the engine's explicit list)."""
        df = self._df.get(term, 0)
        return math.log((self._n + 1) / (df + 0.5)) if df else ABSENT_TERM_WEIGHT

    def terms(self, question: str, places: Iterable[str] = ()) -> list[str]:
        """Content terms of a question: no place names (``places``: as written), question words or single
        characters."""
        text = squeeze(question)
        for place in sorted({squeeze(p) for p in places if p}, key=len, reverse=True):
            text = text.replace(place, " ")
        for phrase in self._asking:
            text = text.replace(phrase, " ")
        seen: dict[str, None] = {}
        for token in self._tokenizer.tokenize(text):
            if len(token) >= 2 and token not in self._question_words and not token.isdigit() \
                    and not self._guessed(token) and not _DETERMINER.match(token):
                seen.setdefault(token, None)
        return list(seen)

    def _guessed(self, token: str) -> bool:
        """A run jieba's HMM guessed across words (人能 of 哪些人能申请, 要交 of 社保要交多久): in neither its
        dictionary nor the corpus nor a synonym rule — it names nothing, and weighing it would sink every clause."""
        return (token not in self._df and not self._tokenizer.known(token)
                and not any(token in trigger or trigger in token for trigger in self._triggers))

    def alternatives(self, question: str, terms: list[str]) -> dict[str, tuple[str, ...]]:
        """Formal wordings of a question's colloquial terms, from the retriever's synonym rules: a term the corpus
        never uses, inside (or containing) a rule's trigger, also counts as found when the clause uses one of the
        rule's terms (考下来 → 职业资格证书). A term the corpus does use keeps its literal meaning: a clause without
        大学生 or 免费 is evidence against the match, not a paraphrase."""
        text = fold(question)
        colloquial = [term for term in terms if term not in self._df]
        found: dict[str, tuple[str, ...]] = {}
        for rule in self._synonyms:
            for trigger in (t for t in rule.triggers if t in text):
                for term in colloquial:
                    if term in trigger or trigger in term:
                        found[term] = (*found.get(term, ()), *(squeeze(t) for t in rule.terms))
        return found

    def unknown_subjects(self, question: str, terms: list[str]) -> list[str]:
        """Terms the corpus never uses that name the benefit asked about (租房 in 租房补贴): a clause that
        does not say them (or a synonym) cannot answer, however much else it shares with the question. A term ending
        in an action word (代领 in 帮学员代领补贴, 多拿 in 多拿补贴) says what is done with a benefit, not which; a run
        jieba guessed across words (证拿过 of 考了中级证拿过补贴: in neither its dictionary nor the corpus) names
        nothing."""
        text = squeeze(question)
        if self._benefit_noun is None:
            return []
        return [
            term for term in terms
            if term not in self._df and self._tokenizer.known(term) and not _FUNCTION_END.search(term)
            and not term.endswith(self._actions)
            and any(self._benefit_noun.match(text, i + len(term)) for i in positions(text, term))
        ]

    def mentions(self, term: str, chunk: Chunk, alternatives: dict[str, tuple[str, ...]]) -> bool:
        text = self._texts.get(chunk.id) or squeeze(chunk.embed_text())
        return term in text or any(alt in text for alt in alternatives.get(term, ()))

    def coverage(
        self, terms: list[str], chunk: Chunk, alternatives: dict[str, tuple[str, ...]] | None = None
    ) -> float:
        """IDF-weighted share of ``terms`` found in the chunk (heading path included), literally or as a synonym."""
        if not terms:
            return 0.0
        text = self._texts.get(chunk.id) or squeeze(chunk.embed_text())
        alternatives = alternatives or {}
        total = sum(self.idf(term) for term in terms)
        found = sum(
            self.idf(term) for term in terms
            if term in text or any(alt in text for alt in alternatives.get(term, ()))
        )
        return found / total if total else 0.0

    def term_score(self, terms: list[str], text: str) -> float:
        text = squeeze(text)
        return sum(self.idf(term) for term in terms if term in text)


def positions(text: str, term: str) -> list[int]:
    """Where ``term`` starts in ``text``, each occurrence."""
    return [match.start() for match in re.finditer(re.escape(term), text)]


def shared_run(a: str, b: str) -> int:
    """Length of the longest run of characters two texts share."""
    best = 0
    for i in range(len(a)):
        for j in range(i + best + 1, len(a) + 1):
            if a[i:j] in b:
                best = j - i
            else:
                break
    return best
