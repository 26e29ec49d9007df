"""Which gold sets ``policy-assistant eval`` finds, which documents each runs on, and bad --set/--gold/--docs."""

from __future__ import annotations

from pathlib import Path

import pytest

from eval.sets import KNOWN_SETS, adhoc_set, discover_sets, select_sets
from ingest.errors import UserInputError


@pytest.fixture
def eval_dir(tmp_path: Path) -> Path:
    """An eval folder with dev, fresh_holdout and an unseen set (documents beside it), but no other sets."""
    root = tmp_path / "eval"
    (root / "unseen" / "policies").mkdir(parents=True)
    for name in ("qa.jsonl", "qa_fresh_holdout.jsonl", "unseen/qa.jsonl"):
        (root / name).write_text("{}\n", encoding="utf-8")
    return root


def test_discovery_finds_present_sets_in_order_with_their_documents(eval_dir: Path, tmp_path: Path) -> None:
    library = tmp_path / "policies"
    found = discover_sets(library, eval_dir)
    assert [s.name for s in found] == ["dev", "fresh_holdout", "unseen"]
    assert [s.holdout for s in found] == [False, True, False]
    assert found[0].docs == (library,)
    assert found[2].docs == (library, eval_dir / "unseen" / "policies")  # unseen documents beside the bundled ones


def test_a_set_without_its_policies_folder_runs_on_the_library(eval_dir: Path, tmp_path: Path) -> None:
    (eval_dir / "unseen_holdout").mkdir()
    (eval_dir / "unseen_holdout" / "qa.jsonl").write_text("{}\n", encoding="utf-8")
    (chosen,) = select_sets(["unseen_holdout"], tmp_path, eval_dir)
    assert chosen.holdout and chosen.docs == (tmp_path,)


def test_the_committed_sets_are_discovered() -> None:
    names = [s.name for s in discover_sets(Path("data/policies"))]
    assert names[:4] == ["dev", "holdout", "fresh", "fresh_holdout"]
    assert set(names) <= set(KNOWN_SETS)


def test_select_keeps_order_and_drops_duplicates(eval_dir: Path, tmp_path: Path) -> None:
    chosen = select_sets(["unseen", "dev", "unseen"], tmp_path, eval_dir)
    assert [s.name for s in chosen] == ["unseen", "dev"]


@pytest.mark.parametrize(("name", "message"), [("nope", "未知的评测集：nope"), ("holdout", "评测集 holdout 不存在")])
def test_unknown_or_absent_sets_are_clear_errors(eval_dir: Path, tmp_path: Path, name: str, message: str) -> None:
    with pytest.raises(UserInputError, match=message):
        select_sets([name], tmp_path, eval_dir)


def test_adhoc_set_names_documents_and_holdout(tmp_path: Path) -> None:
    library, docs = tmp_path / "policies", tmp_path / "mine"
    docs.mkdir()
    plain = adhoc_set(tmp_path / "my gold.jsonl", [], library)
    assert plain.docs == (library,) and not plain.holdout and plain.name == "my_gold"
    hidden = adhoc_set(tmp_path / "unseen_holdout" / "qa.jsonl", [docs], library)
    assert hidden.name == "unseen_holdout_qa" and hidden.holdout and hidden.docs == (docs,)
    with pytest.raises(UserInputError, match="文档目录不存在"):
        adhoc_set(tmp_path / "qa.jsonl", [tmp_path / "absent"], library)
