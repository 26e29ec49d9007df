"""How well ``rules draft`` proposes a document's amounts and thresholds, against a hand-made gold list.

``python -m assistant.rules.draft_measure POLICY_DIR GOLD.yaml [--json]`` drafts every gold document and reports
recall (gold items proposed: same clause, same value and unit), the share of proposed parameters that are gold,
and whether every drafted rule verifies against its document (drafts are built to).
"""

from __future__ import annotations

import json
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml

from assistant.rules.drafting import draft_from_chunks
from assistant.rules.loader import read_rules_file
from assistant.rules.store import verify_corpus
from ingest.loaders import SUPPORTED_SUFFIXES
from ingest.pipeline import parse_document


def _canonical(value: Any, unit: str) -> tuple[Decimal, str]:
    number = Decimal(str(value))
    return (number * 12, "个月") if unit == "年" else (number, unit)


def _policy(folder: Path, stem: str) -> Path:
    return next(p for p in sorted(folder.glob(f"{stem}.*")) if p.suffix.lower() in SUPPORTED_SUFFIXES)


def measure(folder: Path, gold_path: Path, scratch: Path) -> dict[str, Any]:
    """Per document: gold items found/missed, proposed parameters, drafted rules that verify."""
    gold = yaml.safe_load(gold_path.read_text(encoding="utf-8"))["documents"]
    report: dict[str, Any] = {"documents": {}, "gold": 0, "found": 0, "proposed": 0, "proposed_in_gold": 0,
                              "rules": 0, "rules_verified": 0}
    for stem, items in gold.items():
        document = parse_document(_policy(folder, stem))
        draft = draft_from_chunks(stem, document.meta.region, document.chunks)
        proposed = {(p.get("clause") or rule["clause"], *_canonical(p["value"], p["unit"]))
                    for rule in draft["rules"] for p in rule["parameters"].values()}
        wanted = [(item["clause"], *_canonical(item["value"], item["unit"])) for item in items]
        missed = [w for w in wanted if w not in proposed]
        verified = _verified(document, draft, scratch / stem)
        report["documents"][stem] = {
            "gold": len(wanted), "found": len(wanted) - len(missed), "proposed": len(proposed),
            "rules": len(draft["rules"]), "rules_verified": verified,
            "missed": [f"{c} {format(v.normalize(), 'f')}{u}" for c, v, u in missed],
            "extra": sorted(f"{c} {format(v.normalize(), 'f')}{u}" for c, v, u in proposed - set(wanted)),
        }
        report["gold"] += len(wanted)
        report["found"] += len(wanted) - len(missed)
        report["proposed"] += len(proposed)
        report["proposed_in_gold"] += len(proposed & set(wanted))
        report["rules"] += len(draft["rules"])
        report["rules_verified"] += verified
    report["recall"] = round(report["found"] / report["gold"], 3) if report["gold"] else None
    report["precision"] = round(report["proposed_in_gold"] / report["proposed"], 3) if report["proposed"] else None
    return report


def _verified(document: Any, draft: dict[str, Any], folder: Path) -> int:
    """How many drafted rules pass the same verification as active rules (checked as a draft file)."""
    if not draft["rules"]:
        return 0
    folder.mkdir(parents=True, exist_ok=True)
    source = Path(document.meta.source_path)
    path = folder / f"{source.stem}.rules.yaml"
    path.write_text(yaml.safe_dump(draft, allow_unicode=True, sort_keys=False), encoding="utf-8")
    meta = document.meta.model_copy(update={"source_path": str(folder / source.name)})
    if not read_rules_file(path).rules:
        return 0
    ruleset = verify_corpus([(meta, document.chunks)], check_drafts=True)
    return sum(rule.ok for status in ruleset.documents for rule in status.rules)


def main(argv: list[str]) -> int:
    import tempfile

    if len(argv) < 2:
        print("用法 / usage: python -m assistant.rules.draft_measure POLICY_DIR GOLD.yaml [--json]", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as scratch:
        report = measure(Path(argv[0]), Path(argv[1]), Path(scratch))
    if "--json" in argv:
        print(json.dumps(report, ensure_ascii=False, indent=1))
        return 0
    for stem, item in report["documents"].items():
        print(f"{stem}: {item['found']}/{item['gold']} gold, {item['proposed']} proposed, "
              f"{item['rules_verified']}/{item['rules']} rules verify; missed: {'、'.join(item['missed']) or '-'}")
    print(f"recall {report['found']}/{report['gold']} = {report['recall']}; "
          f"precision {report['proposed_in_gold']}/{report['proposed']} = {report['precision']}; "
          f"drafted rules verifying {report['rules_verified']}/{report['rules']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
