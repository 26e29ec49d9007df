"""The knowledge files: they load, every concern has its file, and a broken file is a clear Chinese error."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from ingest.errors import PolicyAssistantError
from ingest.knowledge import DEFAULT_KNOWLEDGE_DIR, Knowledge


def test_the_bundled_knowledge_loads() -> None:
    knowledge = Knowledge.load()
    assert knowledge.places.abbreviations["津"] == "天津市"
    assert "amount" in knowledge.intents.intents and knowledge.intents.kinds
    assert any(f.name == "unemployment_insurance_months" for f in knowledge.facts.facts)
    assert knowledge.topics.topics and knowledge.scope.out_of_scope and knowledge.synonyms
    assert "多少" in knowledge.question_words and knowledge.policy_terms and knowledge.stopwords


def test_every_knowledge_file_starts_with_a_comment_on_its_format() -> None:
    for path in DEFAULT_KNOWLEDGE_DIR.iterdir():
        assert path.read_text(encoding="utf-8").startswith("#"), path.name


def _copy(tmp_path: Path) -> Path:
    target = tmp_path / "knowledge"
    shutil.copytree(DEFAULT_KNOWLEDGE_DIR, target)
    return target


@pytest.mark.parametrize(
    ("name", "content"),
    [("intents.yaml", "kinds: [amount]\nintents: {amount: {words: 3}}\n"), ("facts.yaml", "facts: [{name: x}]\n"),
     ("places.yaml", ": : :\n"), ("topics.yaml", "- just a list\n"), ("synonyms.txt", "没有箭头的一行\n"),
     ("intents.yaml", "kinds: [amount]\nintents: {amount: {patterns: ['(']}}\n")],
)
def test_a_broken_file_names_itself(tmp_path: Path, name: str, content: str) -> None:
    folder = _copy(tmp_path)
    (folder / name).write_text(content, encoding="utf-8")
    with pytest.raises(PolicyAssistantError) as error:
        Knowledge.load(folder)
    assert name in error.value.zh and "知识文件" in error.value.zh


def test_a_missing_file_names_itself(tmp_path: Path) -> None:
    folder = _copy(tmp_path)
    (folder / "topics.yaml").unlink()
    with pytest.raises(PolicyAssistantError, match=r"topics\.yaml"):
        Knowledge.load(folder)


def test_a_new_topic_needs_no_code(tmp_path: Path) -> None:
    folder = _copy(tmp_path)
    with open(folder / "topics.yaml", "a", encoding="utf-8") as handle:
        handle.write("  - name: housing\n    title: 住房补贴\n    terms: [住房补贴, 租房]\n")
    knowledge = Knowledge.load(folder)
    assert knowledge.topics.topics[-1].title == "住房补贴"


def test_a_pattern_that_does_not_compile_is_a_validation_error() -> None:
    from pydantic import ValidationError

    from ingest.knowledge import Exclusions, IntentSpec

    for build in (lambda: Exclusions(asked_forms=("(",)), lambda: IntentSpec(patterns=("[",))):
        with pytest.raises(ValidationError, match="does not compile"):
            build()


def test_an_aspects_form_is_checked_at_load() -> None:
    from pydantic import ValidationError

    from ingest.knowledge import Aspect

    with pytest.raises(ValidationError, match="does not compile"):
        Aspect(asked=("何时",), words=("截止",), forms=("(",))
    assert Aspect(asked=("何时",), words=("截止",), forms=(r"\d+日内",)).forms == (r"\d+日内",)
