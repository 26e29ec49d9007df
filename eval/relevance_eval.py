"""Measure the search relevance cut-off (``retriever/relevance.py``).

Two numbers, both from the live retriever with the query's jurisdiction applied (``retriever.lookup``, as staff
and scripts get it):

- **kept**: of the answerable gold questions (a ``gold_doc``), how many still have their gold clause among the
  *relevant* results (top 10) — the cut-off must never hide the right clause;
- **refused**: of the nonsense/off-topic lookups (``data/eval/nonsense.txt``), how many get ``results: []``.

``python -m eval.relevance_eval [--gold FILE] [--nonsense FILE] [--json]`` (uses ``POLICY_INDEX_DIR``).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from pydantic import BaseModel, Field

from eval.gold import DEFAULT_GOLD_PATH, GoldItem, load_gold
from eval.matching import normalize_for_match
from eval.retrieval_eval import retrieval_query
from retriever.lookup import lookup
from retriever.protocols import Retriever

DEFAULT_NONSENSE_PATH = Path(__file__).resolve().parent.parent / "data" / "eval" / "nonsense.txt"
TOP_K = 10


class RelevanceReport(BaseModel):
    answerable: int
    kept: int
    lost: list[str] = Field(default_factory=list, description="ids of gold items whose gold clause was cut")
    nonsense: int
    refused: int
    leaked: list[str] = Field(default_factory=list, description="nonsense queries that still got results")

    def markdown(self) -> str:
        lines = [
            "| set | queries | outcome |",
            "|---|---|---|",
            f"| answerable gold questions | {self.answerable} | gold clause kept among relevant results: "
            f"**{self.kept}/{self.answerable}** |",
            f"| nonsense / off-topic lookups | {self.nonsense} | `results: []`: **{self.refused}/{self.nonsense}** |",
        ]
        if self.lost:
            lines.append("\nGold clause cut: " + ", ".join(self.lost))
        if self.leaked:
            lines.append("\nNonsense with results: " + "、".join(self.leaked))
        return "\n".join(lines)


def load_nonsense(path: Path = DEFAULT_NONSENSE_PATH) -> list[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def _has_gold(item: GoldItem, results: list[dict]) -> bool:
    wanted = normalize_for_match(item.gold_text or "")
    return any(r["doc_id"] == item.gold_doc and wanted in normalize_for_match(r["text"]) for r in results)


def measure(retriever: Retriever, gold: list[GoldItem], nonsense: list[str]) -> RelevanceReport:
    answerable = [item for item in gold if item.gold_doc and item.gold_text]
    lost = [
        item.id
        for item in answerable
        if not _has_gold(item, lookup(retriever, retrieval_query(item), top_k=TOP_K).contract()["results"])
    ]
    leaked = [query for query in nonsense if lookup(retriever, query, top_k=TOP_K).hits]
    return RelevanceReport(
        answerable=len(answerable),
        kept=len(answerable) - len(lost),
        lost=lost,
        nonsense=len(nonsense),
        refused=len(nonsense) - len(leaked),
        leaked=leaked,
    )


def main(argv: list[str] | None = None) -> None:
    from ingest.settings import Settings
    from retriever.factory import open_retriever

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD_PATH)
    parser.add_argument("--nonsense", type=Path, default=DEFAULT_NONSENSE_PATH)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    report = measure(open_retriever(Settings()), load_gold(args.gold), load_nonsense(args.nonsense))
    print(json.dumps(report.model_dump(), ensure_ascii=False) if args.json else report.markdown())


if __name__ == "__main__":
    main()
