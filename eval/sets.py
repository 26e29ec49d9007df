"""The gold sets ``policy-assistant eval`` knows, where they live, which documents they run on, and which are holdouts.

A set runs on the library (``POLICY_DATA_DIR``, the bundled policies) plus its own ``policies/`` folder if it has one:
unseen documents sit beside the bundled ones in one temp index, as they would in a real library. Holdout sets are
reported without question texts or expected answers, so whoever tunes the engine stays blind to them.
"""

from __future__ import annotations

import re
from pathlib import Path

from pydantic import BaseModel, ConfigDict

from ingest.errors import UserInputError

DEFAULT_EVAL_DIR = Path(__file__).resolve().parent.parent / "data" / "eval"


class KnownSet(BaseModel):
    model_config = ConfigDict(frozen=True)

    gold: str  # relative to the eval dir
    policies: str | None = None  # extra documents, relative to the eval dir
    holdout: bool = False


KNOWN_SETS: dict[str, KnownSet] = {
    "dev": KnownSet(gold="qa.jsonl"),
    "holdout": KnownSet(gold="qa_holdout.jsonl", holdout=True),
    "fresh": KnownSet(gold="qa_fresh.jsonl"),
    "fresh_holdout": KnownSet(gold="qa_fresh_holdout.jsonl", holdout=True),
    "unseen": KnownSet(gold="unseen/qa.jsonl", policies="unseen/policies"),
    "unseen_holdout": KnownSet(gold="unseen_holdout/qa.jsonl", policies="unseen_holdout/policies", holdout=True),
    "unseen2": KnownSet(gold="unseen2/qa.jsonl", policies="unseen2/policies"),
    "unseen3": KnownSet(gold="unseen3/qa.jsonl", policies="unseen3/policies"),
    "unseen4": KnownSet(gold="unseen4/qa.jsonl", policies="unseen4/policies"),
    "unseen5": KnownSet(gold="unseen5/qa.jsonl", policies="unseen5/policies"),
    "unseen6": KnownSet(gold="unseen6/qa.jsonl", policies="unseen6/policies"),
    "unseen7": KnownSet(gold="unseen7/qa.jsonl", policies="unseen7/policies"),
    "unseen8": KnownSet(gold="unseen8/qa.jsonl", policies="unseen8/policies"),
    "unseen9": KnownSet(gold="unseen9/qa.jsonl", policies="unseen9/policies"),
    "unseen10": KnownSet(gold="unseen10/qa.jsonl", policies="unseen10/policies"),
    "unseen11": KnownSet(gold="unseen11/qa.jsonl", policies="unseen11/policies"),
    "probe": KnownSet(gold="probe/qa.jsonl", policies="probe/policies"),
    "unseen12_holdout": KnownSet(gold="unseen12/qa.jsonl", policies="unseen12/policies", holdout=True),
    "unseen13_holdout": KnownSet(gold="unseen13/qa.jsonl", policies="unseen13/policies", holdout=True),
    "unseen14_holdout": KnownSet(gold="unseen14/qa.jsonl", policies="unseen14/policies", holdout=True),
    "unseen15_holdout": KnownSet(gold="unseen15/qa.jsonl", policies="unseen15/policies", holdout=True),
    "unseen16": KnownSet(gold="unseen16/qa.jsonl", policies="unseen16/policies"),
    "unseen17_holdout": KnownSet(gold="unseen17/qa.jsonl", policies="unseen17/policies", holdout=True),
    "unseen18": KnownSet(gold="unseen18/qa.jsonl", policies="unseen18/policies"),
    "unseen19_holdout": KnownSet(gold="unseen19/qa.jsonl", policies="unseen19/policies", holdout=True),
    "unseen20_holdout": KnownSet(gold="unseen20/qa.jsonl", policies="unseen20/policies", holdout=True),
    "unseen21": KnownSet(gold="unseen21/qa.jsonl", policies="unseen21/policies"),
}
DEV_SET = "dev"


class EvalSet(BaseModel):
    """One gold file and the documents (directories) its index is built from."""

    model_config = ConfigDict(frozen=True)

    name: str
    gold: Path
    docs: tuple[Path, ...]
    holdout: bool = False


def _known(name: str, spec: KnownSet, eval_dir: Path, library: Path) -> EvalSet:
    docs = [library]
    if spec.policies and (eval_dir / spec.policies).is_dir():
        docs.append(eval_dir / spec.policies)
    return EvalSet(name=name, gold=eval_dir / spec.gold, docs=tuple(docs), holdout=spec.holdout)


def discover_sets(library: Path, eval_dir: Path = DEFAULT_EVAL_DIR) -> list[EvalSet]:
    """Every known set whose gold file exists, in ``KNOWN_SETS`` order."""
    return [
        _known(name, spec, eval_dir, library) for name, spec in KNOWN_SETS.items() if (eval_dir / spec.gold).is_file()
    ]


def select_sets(names: list[str], library: Path, eval_dir: Path = DEFAULT_EVAL_DIR) -> list[EvalSet]:
    """The named sets (order kept, duplicates dropped); unknown or absent names are a clear error."""
    chosen: list[EvalSet] = []
    for name in dict.fromkeys(names):
        spec = KNOWN_SETS.get(name)
        if spec is None:
            known = "、".join(KNOWN_SETS)
            raise UserInputError(f"未知的评测集：{name}（可选 {known}）", f"unknown set {name!r}; known: {known}")
        if not (eval_dir / spec.gold).is_file():
            raise UserInputError(f"评测集 {name} 不存在：{eval_dir / spec.gold}", f"set {name}: no {spec.gold}")
        chosen.append(_known(name, spec, eval_dir, library))
    return chosen


def adhoc_set(gold: Path, docs: list[Path], library: Path) -> EvalSet:
    """``--gold FILE [--docs DIR ...]``: the file's stem names the set (``<folder>_qa`` for a ``qa.jsonl``); without
    ``--docs`` it runs on the library. A set named like a holdout (``*holdout*``) is reported as one."""
    for directory in docs:
        if not directory.is_dir():
            raise UserInputError(f"文档目录不存在：{directory}", f"documents directory not found: {directory}")
    name = f"{gold.parent.name}_{gold.stem}" if gold.stem == "qa" else gold.stem
    name = re.sub(r"[^A-Za-z0-9_-]+", "_", name).strip("_") or "adhoc"
    return EvalSet(name=name, gold=gold, docs=tuple(docs or [library]), holdout="holdout" in name)
