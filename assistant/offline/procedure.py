"""Procedure: where to apply, what to bring, when and who — read from the clause's own sentences, or said plainly
to be missing (with the national hotline and the local office as the next step), never an amount restated."""

from __future__ import annotations

import re
from collections.abc import Callable

from assistant.offline import selection
from assistant.offline.compose import NEXT_STEP_MARK, unlabelled
from assistant.offline.enumeration import lead_in_of
from assistant.offline.evidence import Evidence
from ingest.knowledge import AnswersFile
from ingest.models import Chunk
from ingest.quantities import find_quantities
from retriever.models import SearchHit
from retriever.understanding import Understanding

WHO = "who"
WHERE = "where"
MATERIALS = "materials"  # the aspect asking what to bring (answers.yaml aspects)
OWN_SHARE = 0.9  # the answering document's procedure clauses rank just behind the best evidence
OWN_DOCUMENTS = 3  # documents among the best evidence whose procedure sections are added
NEIGHBOURS = 1  # parts of a document (articles, sections) on each side of the answering clause's own
NEIGHBOUR_WORDS = 2  # an asked aspect's words a neighbouring clause must say to describe it
WHICH = "哪"  # the word asking which things (哪些, 哪几样, 哪几种)
WHICH_REACH = 4  # characters between it and the thing asked for (哪几样 of 哪几样材料)
CLAUSE_BREAK = re.compile(r"[，,。；;？?！!：:]")


class ProcedureReader:
    def __init__(self, answers: AnswersFile, chunks: Callable[[str], list[Chunk]],
                 off_benefit: Callable[[Chunk, Understanding], bool] = lambda chunk, understanding: False,
                 asking: Callable[[str], str] = lambda text: text) -> None:
        self.answers = answers
        self.chunks = chunks
        self.off_benefit = off_benefit  # the clause is about another benefit than the one asked
        self.asking = asking  # the question as its asking words are read (几天之内 as 几天内, 啥时候 as 什么时候)

    def named(self, understanding: Understanding) -> list[str]:
        """The aspects the question names in so many words (在哪申请 → where, 多久到账 → when), read as intents
        are (intents.yaml colloquial)."""
        asking = self.asking(understanding.normalized)
        return [name for name, aspect in self.answers.aspects.items()
                if any(word in understanding.normalized or word in asking for word in aspect.asked)]

    def list_of(self, understanding: Understanding, aspect: str) -> bool:
        """The question asks for a list of the aspect's things: a word asking which (哪) stands right before a word
        asking for the aspect in its clause (要交哪几样材料, 需要哪些资料) — not a noun that only ends in one (做锂电池
        材料的, of 包括哪些行业)."""
        text = understanding.normalized
        for word in self.answers.aspects[aspect].asked:
            for found in re.finditer(re.escape(word), text):
                before = text[max(0, found.start() - WHICH_REACH) : found.start()]
                if WHICH in before and not CLAUSE_BREAK.search(before[before.rfind(WHICH):]):
                    return True
        return False

    def asked(self, understanding: Understanding) -> list[str]:
        """The aspects a procedure question asks for (all but "who" when it names none: a 责任单位 note alone does
        not tell a worker how to apply; 怎么申请 beside a named aspect asks for its own aspects as well)."""
        general = [name for name in self.answers.aspects if name != WHO]
        named = self.named(understanding)
        if named and any(word in understanding.normalized for word in self.answers.how_to_apply.words):
            named += [name for name in self.answers.how_to_apply.aspects if name not in named]
        return named or general

    def described(self, chunk: Chunk, aspects: list[str]) -> int:
        """How many of the asked aspects' words (and forms) the clause says."""
        return self.described_text(chunk.text, aspects)

    def described_text(self, text: str, aspects: list[str]) -> int:
        """How many of the asked aspects' words (and forms) a text says."""
        return self._mentions(text, aspects)

    def own_clauses(self, evidence: list[Evidence], aspects: list[str]) -> list[Evidence]:
        """The procedure sections of the best supported documents (a 申报程序 section rarely repeats the benefit's
        name, so retrieval alone misses it): clauses under a procedure heading that say an asked aspect's words, as
        evidence just behind each document's best clause."""
        seen = {e.chunk.id for e in evidence}
        tops: dict[str, Evidence] = {}
        for item in evidence:  # the best clause of each of the first few documents
            if len(tops) == OWN_DOCUMENTS:
                break
            tops.setdefault(item.chunk.doc_id, item)
        added: list[Evidence] = []
        for doc_id, top in tops.items():
            found = [c for c in self.chunks(doc_id)
                     if c.id not in seen and self.described(c, aspects) and self.in_procedure_section(c)]
            added += [Evidence(SearchHit(chunk=c, score=0.0, rank=len(evidence) + len(added) + i),
                               coverage=top.coverage * OWN_SHARE, strength=top.strength * OWN_SHARE)
                      for i, c in enumerate(found, start=1)]
        return added

    def supplements(
        self, primary: Chunk, evidence: list[Evidence], aspects: list[str], understanding: Understanding
    ) -> list[tuple[Chunk, list[int]]]:
        """For each asked aspect the answering clause describes less than another clause of the same document does
        (fewer of the aspect's words: 自受理之日起 says 受理 but not where to go), that clause's sentences on it:
        "在哪申请？多久到账？" gets both the channel and the time limit."""
        chosen: list[tuple[Chunk, list[int]]] = []
        shown = [primary]
        pool = [item.chunk for item in evidence if item.chunk.doc_id == primary.doc_id]
        found_ids = {c.id for c in pool}
        pool += [c for c in self.neighbours(primary) if c.id not in found_ids]
        for aspect in aspects:
            said = max(self._mentions(chunk.text, [aspect]) for chunk in shown)
            # a neighbour retrieval did not find must say the step in more than one word (受理之日起…个工作日内)
            best = max((chunk for chunk in pool
                        if all(chunk.id != c.id for c in shown) and not self.aside(chunk, understanding)
                        and (chunk.id in found_ids or self._mentions(chunk.text, [aspect]) >= NEIGHBOUR_WORDS)),
                       key=lambda chunk: (self._mentions(chunk.text, [aspect]), self.in_procedure_section(chunk)),
                       default=None)
            if best is None or self._mentions(best.text, [aspect]) <= said:
                continue
            found = self._sentences(best.text, [aspect])
            if found:
                chosen.append((best, found[:2]))
                shown.append(best)
        return chosen

    def neighbours(self, chunk: Chunk) -> list[Chunk]:
        """The other clauses of ``chunk``'s part of its document (三、申领程序 (一)…(三); a whole chapter) and of the
        parts right before and after it (第八条 where and by when, 第九条 how long the review takes): a procedure runs
        over neighbouring clauses, which retrieval may not all find."""
        units = [_unit(c) for c in self.chunks(chunk.doc_id)]
        order = list(dict.fromkeys(u for u in units if u))
        own = _unit(chunk)
        if own not in order:
            return []
        at = order.index(own)
        near = set(order[max(at - NEIGHBOURS, 0): at + NEIGHBOURS + 1])
        return [c for c, u in zip(self.chunks(chunk.doc_id), units, strict=True) if u in near and c.id != chunk.id]

    def in_procedure_section(self, chunk: Chunk) -> bool:
        """The clause stands under a procedure heading (五、申报程序) — the document's title is no such heading."""
        return any(w in h for h in chunk.heading_path[1:] for w in self.answers.procedure_headings)

    def _mentions(self, text: str, aspects: list[str]) -> int:
        """How many of the aspects' words the text says, and how many of their forms it states."""
        forms = self.forms(aspects)
        return sum(word in text for word in dict.fromkeys(self.words(aspects))) + sum(
            re.search(form, text) is not None for form in forms)

    def _sentences(self, text: str, aspects: list[str]) -> list[int]:
        """Indices of the sentences saying one of the aspects' words or stating one of their forms."""
        forms = self.forms(aspects)
        stated = {i for i, part in enumerate(selection.pieces(text)) if any(re.search(form, part) for form in forms)}
        return sorted(stated.union(selection.matching(text, self.words(aspects))))

    def forms(self, aspects: list[str]) -> list[str]:
        return [f for name in aspects for f in self.answers.aspects[name].forms]

    def words(self, aspects: list[str]) -> list[str]:
        return [w for name in aspects for w in self.answers.aspects[name].words]

    def query_words(self, aspects: list[str]) -> list[str]:
        """A few words per asked aspect to add to the query (the first ones listed are the most telling)."""
        return [w for name in aspects for w in self.answers.aspects[name].words[:4]]

    def sentences(self, chunk: Chunk, aspects: list[str]) -> list[int]:
        return self._sentences(chunk.text, aspects)

    def rank(self, evidence: list[Evidence], aspects: list[str], understanding: Understanding) -> list[Evidence]:
        """Supported clauses that describe the asked aspects first (by how many of the aspects' words they say),
        those about another benefit than the one named last, before them those on a step the question does not ask
        about."""
        def described(evidence_item: Evidence) -> int:
            return min(self._mentions(evidence_item.chunk.text, aspects), 4)

        return sorted(evidence, key=lambda e: (self.off_benefit(e.chunk, understanding),
                                               self.off_step(e.chunk, understanding), -described(e), -e.strength))

    def aside(self, chunk: Chunk, understanding: Understanding) -> bool:
        """The clause is about another benefit or a step the question does not ask about: it describes none of the
        asked procedure."""
        return self.off_benefit(chunk, understanding) or self.off_step(chunk, understanding)

    def off_step(self, chunk: Chunk, understanding: Understanding) -> bool:
        """The clause prescribes a step before the claim (见习备案, answers.yaml ``preliminary_steps``) the question
        does not name, and says nothing of claiming or paying the benefit (``claim_words``) — in its own words or in
        the lead-in its list item stands under (办理见习备案，并提供以下材料： 1. 营业执照复印件)."""
        steps = [w for w in self.answers.preliminary_steps if w not in understanding.normalized]
        text = f"{lead_in_of(chunk)} {chunk.text}"
        return any(w in text for w in steps) and not any(w in text for w in self.answers.claim_words)

    def lines(self, chunk: Chunk, aspects: list[str], region: str) -> tuple[list[int], str, bool]:
        """(sentences to quote, the lead line, whether the clause describes the procedure) for a procedure question
        answered from ``chunk``."""
        found = self.sentences(chunk, aspects)
        if found:  # a lead-in brings its items (提交以下材料：（一）…；（二）…；（三）…)
            head = selection.with_items(chunk.text, found[:2])
            lead = unlabelled(selection.quote(chunk.text, head))
            return sorted({*found[:4], *head}), f"根据{region}的规定：{lead}[1]", True
        return [0], f"{self.answers.no_procedure}{self.answers.next_steps}", False

    def missing_where(self, aspects: list[str], quoted: list[str]) -> list[str]:
        """The next step when the question asks where to apply and none of the quoted sentences says where."""
        if WHERE not in aspects or any(selection.matching(text, self.answers.aspects[WHERE].words) for text in quoted):
            return []
        return [f"{NEXT_STEP_MARK}{self.answers.next_steps}"]

    def next_steps(self, chunk: Chunk, region: str) -> str:
        """Where to go next: the document's own procedure clause when it has one — in the answering clause's own part
        of the document, else in a part that pays nothing (审核和公示, 申请程序; never the 申报条件 of a studio's part
        for a certificate's subsidy: a part stating sums of its own is another benefit's) — else the hotline and
        office."""
        where = self.words([WHERE, MATERIALS])
        document = self.chunks(chunk.doc_id)
        describing = [c for c in document if c.id != chunk.id and len(selection.matching(c.text, where)) >= 2]
        part = _unit(chunk)
        own = [c for c in describing if _unit(c) == part]
        if not own and describing:  # the parts stating sums of their own are read only when needed
            paying = {_unit(c) for c in document
                      if _unit(c) != part and any(q.kind == "money" for q in find_quantities(c.text))}
            own = [c for c in describing if _unit(c) not in paying]
        if own:
            best = max(own, key=lambda c: len(selection.matching(c.text, where)))
            return f"{NEXT_STEP_MARK}办理地点、材料等见同一文件{best.clause_path or '前言'}（可继续问“怎么申请”）。"
        return f"{NEXT_STEP_MARK}{self.answers.next_steps}"


def _unit(chunk: Chunk) -> str:
    """The part of its document a clause stands in: the heading right below the title (an article, a section or a
    chapter); "" for the preamble."""
    return chunk.heading_path[1] if len(chunk.heading_path) > 1 else ""
