"""Where rules come from: verified at ingest into the index generation (``rules.json``), or — with no index —
verified on the spot against freshly parsed documents from the data dir (parsing the bundled five takes ~50 ms).

``rules_for_generation`` is the ingest hook (called from ``retriever/index.py``): it reads every document's rules
file, verifies each rule against the generation's own chunks, and returns the payload to store plus the problems
for the ingest report. A failing rule is left out; the others and every document still load.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from assistant.rules.book import DocumentRules, RuleBook, RuleSet, RuleStatus
from assistant.rules.loader import RULES_SUFFIX, RuleProblem, policy_stem, read_rules_file, rules_path
from assistant.rules.verify import Clauses, RuleError, verify_rule
from ingest.models import Chunk, DocumentMeta
from ingest.settings import Settings

RULES_FILE = "rules.json"
logger = logging.getLogger(__name__)


def _rules_of_document(
    meta: DocumentMeta, corpus: dict[str, tuple[DocumentMeta, Clauses]], ruleset: RuleSet, taken: set[str],
    *, check_drafts: bool = False,
) -> None:
    status = DocumentRules(doc_id=meta.doc_id, title=meta.title, region=meta.region)
    ruleset.documents.append(status)
    path = rules_path(Path(meta.source_path)) if meta.source_path else None
    if path is None or not path.is_file():
        return
    status.rules_file = str(path)
    parsed = read_rules_file(path)
    status.file_status = parsed.status if parsed.rules or not parsed.problems else "invalid"
    for problem in parsed.problems:
        if problem.rule_id is None:
            status.problems.append(problem.message_zh)
        else:
            status.rules.append(RuleStatus(id=problem.rule_id, ok=False, reason_zh=problem.message_zh))
        ruleset.problems.append(_named(problem))
    draft = parsed.status == "draft"
    if draft:
        status.problems.append("草稿（status: draft），审核后改为 active 才会启用")
        ruleset.problems.append(RuleProblem(path=str(path), doc_id=meta.doc_id, severity="warning",
                                            message_zh=f"{path.name}：草稿规则文件（status: draft），未启用",
                                            message_en="draft rules file not loaded"))
        if not check_drafts:
            status.rules += [RuleStatus(id=r.id, title=r.title, ok=False, reason_zh="草稿，未启用")
                             for r in parsed.rules]
            return
    for rule in parsed.rules:
        try:
            if rule.id in taken:
                raise RuleError(f"规则编号“{rule.id}”已被其他文件使用", f"rule id {rule.id} already used")
            verified = verify_rule(rule, meta, corpus, str(path))
        except RuleError as exc:
            exc_zh, exc_en = exc.zh, exc.en
        except Exception as exc:  # a rule must never stop an ingest: report it like any failed check
            logger.exception("verifying rule %s of %s failed", rule.id, path)
            exc_zh, exc_en = "核验时出现内部错误，请把此规则交给维护人员检查", f"internal error: {exc!r}"
        else:
            taken.add(rule.id)
            if not draft:
                ruleset.rules.append(verified)
            status.rules.append(RuleStatus(id=rule.id, title=rule.title, ok=True))
            continue
        problem = RuleProblem(path=str(path), rule_id=rule.id, doc_id=meta.doc_id, message_zh=exc_zh,
                              message_en=exc_en)
        ruleset.problems.append(_named(problem))
        status.rules.append(RuleStatus(id=rule.id, title=rule.title, ok=False, reason_zh=exc_zh))


def _named(problem: RuleProblem) -> RuleProblem:
    """The ingest report shows ``message_zh`` alone: it names file and rule, and says the rule was not loaded."""
    name = Path(problem.path).name
    where = f"{name} 规则 {problem.rule_id}" if problem.rule_id else name
    tail = "" if problem.severity == "warning" else ("，该规则未加载" if problem.rule_id else "，文件中的规则均未加载")
    message = problem.message_zh if problem.message_zh.startswith(name) else f"{where}：{problem.message_zh}{tail}"
    return problem.model_copy(update={"message_zh": message})


def verify_corpus(documents: Iterable[tuple[DocumentMeta, list[Chunk]]], *, check_drafts: bool = False) -> RuleSet:
    """Every rules file beside these documents, each rule verified against the documents' chunks (draft files
    are verified only when ``check_drafts``, and never loaded)."""
    docs = list(documents)
    corpus = {meta.doc_id: (meta, Clauses(chunks)) for meta, chunks in docs}
    ruleset = RuleSet()
    taken: set[str] = set()
    for meta, _ in sorted(docs, key=lambda item: item[0].doc_id):
        _rules_of_document(meta, corpus, ruleset, taken, check_drafts=check_drafts)
    folders = {Path(meta.source_path).parent for meta, _ in docs if meta.source_path}
    for folder in sorted(folders):
        for path in sorted(folder.glob(f"*{RULES_SUFFIX}")):
            if policy_stem(path) not in corpus:
                ruleset.problems.append(RuleProblem(
                    path=str(path), doc_id=policy_stem(path),
                    message_zh=f"{path.name}：找不到已导入的政策文件“{policy_stem(path)}”，文件中的规则均未加载",
                    message_en=f"no ingested policy for {path.name}"))
    return ruleset


@dataclass(frozen=True)
class GenerationRules:
    """The ingest hook's answer: the file to store in the new generation and the problems to report."""

    ruleset: RuleSet

    @property
    def payload(self) -> bytes:
        """The stored form: file names instead of paths, so moving the data dir changes nothing."""
        stored = self.ruleset.model_copy(update={
            "rules": [v.model_copy(update={"rules_file": Path(v.rules_file).name}) for v in self.ruleset.rules],
            "problems": [p.model_copy(update={"path": Path(p.path).name}) for p in self.ruleset.problems],
            "documents": [d.model_copy(update={"rules_file": d.rules_file and Path(d.rules_file).name})
                          for d in self.ruleset.documents],
        })
        return stored.model_dump_json(indent=1).encode("utf-8")

    @property
    def problems(self) -> list[dict[str, str]]:
        return [p.model_dump(include={"path", "message_zh", "message_en", "severity"}) for p in self.ruleset.problems]

    def unchanged_in(self, generation_dir: Path | None) -> bool:
        """True when the live generation already stores exactly these rules (nothing to publish for them)."""
        if generation_dir is None:
            return False
        try:
            return (generation_dir / RULES_FILE).read_bytes() == self.payload
        except OSError:
            return False


def rules_for_generation(documents: list[DocumentMeta], chunks: list[Chunk]) -> GenerationRules:
    """Ingest hook: verify the rules of the next generation's documents against its chunks."""
    by_doc: dict[str, list[Chunk]] = {}
    for chunk in chunks:
        by_doc.setdefault(chunk.doc_id, []).append(chunk)
    return GenerationRules(verify_corpus((meta, by_doc.get(meta.doc_id, [])) for meta in documents))


def read_generation_rules(index_dir: Path) -> RuleSet | None:
    """The rules stored in the live generation, or None (no index, or a generation written before rules)."""
    from retriever.generations import read_current

    name = read_current(index_dir)
    if name is None:
        return None
    path = index_dir / name / RULES_FILE
    if not path.is_file():
        return None
    try:
        return RuleSet.model_validate_json(path.read_bytes())
    except (OSError, ValidationError, json.JSONDecodeError) as exc:
        logger.warning("rules file of generation %s unreadable (%s); verifying from the data dir", name, exc)
        return None


def fresh_ruleset(data_dir: Path) -> RuleSet:
    """Parse the data dir's documents and verify their rules (no index needed)."""
    from ingest.pipeline import parse_corpus

    corpus = parse_corpus([data_dir])
    return verify_corpus((document.meta, document.chunks) for document in corpus.documents)


def load_rulebook(settings: Settings) -> RuleBook:
    """The rules the live index verified; with no index (or an index older than rules), the data dir's."""
    stored = read_generation_rules(settings.index_dir)
    return RuleBook(stored if stored is not None else fresh_ruleset(settings.data_dir))


def rules_status(settings: Settings) -> list[DocumentRules]:
    """Each document's rules file and every rule's verification status, as the runtime loads them (for staff)."""
    return load_rulebook(settings).documents


class LiveRules:
    """The rule book for the live index, reloaded when a new generation is published (a callable for engines)."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._generation: str | None = None
        self._book: RuleBook | None = None

    def __call__(self) -> RuleBook:
        from retriever.generations import read_current

        generation = read_current(self.settings.index_dir)
        if self._book is None or generation != self._generation:
            self._book, self._generation = load_rulebook(self.settings), generation
        return self._book
