"""Procedure: where to apply, what to bring, when and who — read from the clause's own sentences, or said plainly
to be missing (with the national hotline and the local office as the next step), never an amount restated."""

from __future__ import annotations

from collections.abc import Callable

from assistant.offline import selection
from assistant.offline.evidence import Evidence
from ingest.knowledge import AnswersFile
from ingest.models import Chunk
from retriever.understanding import Understanding


WHO = "who"


class ProcedureReader:
    def __init__(self, answers: AnswersFile, chunks: Callable[[str], list[Chunk]]) -> None:
        self.answers = answers
        self.chunks = chunks

    def asked(self, understanding: Understanding) -> list[str]:
        """The aspects a procedure question asks for (all but "who" when it names none: a 责任单位 note alone does
        not tell a worker how to apply)."""
        named = [name for name, aspect in self.answers.aspects.items()
                 if any(word in understanding.normalized for word in aspect.asked)]
        return named or [name for name in self.answers.aspects if name != WHO]

    def words(self, aspects: list[str]) -> list[str]:
        return [w for name in aspects for w in self.answers.aspects[name].words]

    def query_words(self, aspects: list[str]) -> list[str]:
        """A few words per asked aspect to add to the query (the first ones listed are the most telling)."""
        return [w for name in aspects for w in self.answers.aspects[name].words[:4]]

    def sentences(self, chunk: Chunk, aspects: list[str]) -> list[int]:
        return selection.matching(chunk.text, self.words(aspects))

    def rank(self, evidence: list[Evidence], aspects: list[str]) -> list[Evidence]:
        """Supported clauses that describe the asked aspects first (by how many of the aspects' words they say)."""
        words = self.words(aspects)

        def described(evidence_item: Evidence) -> int:
            return min(sum(word in evidence_item.chunk.text for word in words), 4)

        return sorted(evidence, key=lambda e: (-described(e), -e.strength))

    def lines(self, chunk: Chunk, aspects: list[str], region: str) -> tuple[list[int], str]:
        """(sentences to quote, the lead line) for a procedure question answered from ``chunk``."""
        found = self.sentences(chunk, aspects)
        if found:
            lead = selection.quote(chunk.text, found[:2])
            return found[:4], f"根据{region}的规定：{lead}[1]"
        return [0], f"{self.answers.no_procedure}{self.answers.next_steps}"

    def next_steps(self, chunk: Chunk, region: str) -> str:
        """Where to go next: the document's own procedure clause when it has one, else the hotline and office."""
        where = self.words(["where", "materials"])
        own = [c for c in self.chunks(chunk.doc_id) if c.id != chunk.id and len(selection.matching(c.text, where)) >= 2]
        if own:
            best = max(own, key=lambda c: len(selection.matching(c.text, where)))
            return f"下一步：办理地点、材料等见同一文件{best.clause_path or '前言'}（可继续问“怎么申请”）。"
        return f"下一步：{self.answers.next_steps}"
