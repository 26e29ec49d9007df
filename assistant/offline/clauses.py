"""Answers quoted from clauses: the supported clause of the applicable region, newest document first, the older one
named as earlier policy (and the reverse), and — when the question names no region — another region that regulates
the same point."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from assistant.citations import best_sentences, citation_from_chunk
from assistant.models import Answer, Citation
from assistant.offline import compose
from assistant.offline.evidence import Evidence, EvidenceFinder
from ingest.models import Chunk
from ingest.quantities import find_quantities
from retriever.understanding import NATIONAL_REGION, Understanding

if TYPE_CHECKING:
    from assistant.offline.engine import OfflineEngine

QUOTE_SENTENCES = 3
SAME_POINT = 0.95
OTHER_REGION_SHARE = 0.9


class ClauseComposer:
    def __init__(self, engine: OfflineEngine, finder: EvidenceFinder) -> None:
        self.engine = engine
        self.finder = finder

    def scorer(self, text: str, understanding: Understanding, kind: str) -> Callable[[str], float]:
        vocabulary = self.engine.vocabulary()
        terms = vocabulary.terms(text, [p.surface for p in understanding.places])
        total = sum(vocabulary.idf(t) for t in terms) or 1.0

        def score(sentence: str) -> float:
            bonus = 0.3 * total if kind == "amount" and find_quantities(sentence) else 0.0
            return vocabulary.term_score(terms, sentence) + bonus

        return score

    def answer(
        self, question: str, text: str, understanding: Understanding, evidence: list[Evidence], *, kind: str,
        old_wanted: bool, named_place: bool, prefix: str = "",
    ) -> Answer:
        score = self.scorer(text, understanding, kind)
        primary, older = (self.prefer_older(evidence), None) if old_wanted else self.prefer_newer(evidence)
        citations = [citation_from_chunk(1, primary.chunk)]
        lead = best_sentences(primary.chunk.text, score, limit=1)
        quotes: list[tuple[Citation, str]] = [
            (citations[0], best_sentences(primary.chunk.text, score, limit=QUOTE_SENTENCES))
        ]
        lines = [prefix] if prefix else []
        lines.append(compose.clause_answer(self.region_label(primary.chunk), lead, 1))
        if older is not None:
            old_meta, new_meta = self.engine.meta(older.chunk.doc_id), self.engine.meta(primary.chunk.doc_id)
            if old_meta and new_meta:
                citations.append(citation_from_chunk(2, older.chunk))
                lines.append(compose.earlier_policy_note(old_meta, new_meta, citations[-1]))
        elif old_wanted:
            newer = self.newer_documents(primary.chunk.doc_id)
            if newer:
                lines.append(compose.replaced_by_note(newer))
        elif not named_place:
            other = self.other_region(primary, evidence)
            if other is not None:
                n = len(citations) + 1
                citations.append(citation_from_chunk(n, other.chunk))
                other_lead = best_sentences(other.chunk.text, score, limit=1)
                lines.append("此外，" + compose.clause_answer(self.region_label(other.chunk), other_lead, n))
                quotes.append((citations[-1], best_sentences(other.chunk.text, score, limit=QUOTE_SENTENCES)))
        body = compose.join("\n".join(lines), compose.basis(quotes))
        return Answer(question=question, status="answered", answer=body, citations=citations)

    def prefer_newer(self, evidence: list[Evidence]) -> tuple[Evidence, Evidence | None]:
        """Answer from the newer document when an older one of the same region covers the same point.

        "The same point" = both clauses support the question about equally well (coverage within 5%)."""
        primary = evidence[0]
        same_point = [e for e in evidence if e.coverage >= SAME_POINT * primary.coverage]
        meta = self.engine.meta(primary.chunk.doc_id)
        if meta and meta.superseded_by:
            newer = next((e for e in same_point if e.chunk.doc_id in meta.superseded_by), None)
            if newer is not None:
                return newer, primary
        older = next(
            (e for e in same_point
             if (m := self.engine.meta(e.chunk.doc_id)) and primary.chunk.doc_id in m.superseded_by),
            None,
        )
        return primary, older

    def prefer_older(self, evidence: list[Evidence]) -> Evidence:
        """"老文件是怎么规定的": the best supported clause of a document a newer one replaced, if any."""
        return next((e for e in evidence if self.newer_documents(e.chunk.doc_id)), evidence[0])

    def newer_documents(self, doc_id: str) -> list:
        meta = self.engine.meta(doc_id)
        if meta is None:
            return []
        return [d for d in self.engine.documents() if d.doc_id in meta.superseded_by]

    @staticmethod
    def other_region(primary: Evidence, evidence: list[Evidence]) -> Evidence | None:
        """The best clause of another region when the question named none and both regions regulate the point."""
        for item in evidence:
            if item.chunk.region not in (primary.chunk.region, NATIONAL_REGION) and \
                    item.coverage >= OTHER_REGION_SHARE * primary.coverage:
                return item
        return None

    def region_label(self, chunk: Chunk) -> str:
        meta = self.engine.meta(chunk.doc_id)
        number = chunk.doc_number or (f"{meta.year}年文件" if meta and meta.year else "")
        region = compose.region_phrase(chunk.region)
        return f"{region}（{number}）" if number else region
