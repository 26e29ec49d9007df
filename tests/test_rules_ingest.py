"""Rules verified at ingest into the index generation: the runtime runs exactly what was verified; a policy or rules
edit that breaks a rule is caught and reported (file, rule, reason), the rest still loads; with no index the data
dir's rules are verified on the spot. Real ingest, real embedder, real Chroma in temp dirs."""

from __future__ import annotations

from pathlib import Path

import yaml

from assistant.rules.store import RULES_FILE, load_rulebook, read_generation_rules
from ingest.settings import Settings
from retriever import generations as gens
from retriever.embedders import UseEmbedder
from retriever.index import ingest_paths

SJZ = "shijiazhuang-2019-lifelong-skills-training"
ALL_NINE = 9


def set_parameter(folder: Path, rule_id: str, name: str, value: int) -> None:
    path = folder / f"{SJZ}.rules.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    rule = next(rule for rule in data["rules"] if rule["id"] == rule_id)
    rule["parameters"][name]["value"] = value
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def test_ingest_stores_the_verified_rules_in_the_generation(indexed_settings: Settings) -> None:
    live = gens.load_generation(indexed_settings.index_dir)
    assert (live.directory / RULES_FILE).is_file()
    stored = read_generation_rules(indexed_settings.index_dir)
    assert stored is not None and len(stored.rules) == ALL_NINE and stored.problems == []
    assert all("/" not in v.rules_file for v in stored.rules)  # file names only: moving the data dir changes nothing


def test_the_runtime_runs_what_ingest_verified(seeded: Settings, embedder: UseEmbedder) -> None:
    set_parameter(seeded.data_dir, "sjz_apprenticeship_subsidy", "rate_intermediate", 4500)
    book = load_rulebook(seeded)  # the live generation's rules, not the edited file
    result = book.run("sjz_apprenticeship_subsidy", {"apprentice_level": "中级工", "apprentices": 1, "years": 1})
    assert result.amount == 4000

    report = ingest_paths(seeded, embedder=embedder)
    assert report.published, "a rules change alone publishes a new generation"
    assert all(change.status == "unchanged" for change in report.documents)
    problem = next(p for p in report.problems if "sjz_apprenticeship_subsidy" in p.message_zh)
    assert f"{SJZ}.rules.yaml" in problem.message_zh and "声明为4500元" in problem.message_zh
    assert "未加载" in problem.message_zh
    book = load_rulebook(seeded)
    assert "sjz_apprenticeship_subsidy" not in book.rules and len(book.rules) == ALL_NINE - 1


def test_a_policy_edit_that_breaks_a_rule_is_caught_at_ingest(seeded: Settings, embedder: UseEmbedder) -> None:
    policy = seeded.data_dir / f"{SJZ}.txt"
    text = policy.read_text(encoding="utf-8")
    policy.write_text(text.replace("1000元、1500元、2000元", "1100元、1600元、2100元"), encoding="utf-8")
    report = ingest_paths(seeded, embedder=embedder)
    assert report.published and any(c.doc_id == SJZ and c.status == "changed" for c in report.documents)
    messages = [p.message_zh for p in report.problems]
    assert any("sjz_skill_upgrade_subsidy" in m and "分别给予1000元、1500元、2000元" in m for m in messages), messages
    book = load_rulebook(seeded)
    assert "sjz_skill_upgrade_subsidy" not in book.rules
    assert book.run("sjz_apprenticeship_subsidy", {"apprentice_level": "高级工", "apprentices": 2, "years": 1}
                    ).amount == 12000  # the other rules of the same document still load
    status = next(d for d in book.documents if d.doc_id == SJZ)
    failed = next(rule for rule in status.rules if rule.id == "sjz_skill_upgrade_subsidy")
    assert not failed.ok and "找不到" in failed.reason_zh


def test_unchanged_corpus_and_rules_publish_nothing(seeded: Settings, embedder: UseEmbedder) -> None:
    before = gens.read_current(seeded.index_dir)
    report = ingest_paths(seeded, embedder=embedder)
    assert not report.published and gens.read_current(seeded.index_dir) == before


def test_without_an_index_rules_are_verified_from_the_data_dir(tmp_settings: Settings) -> None:
    assert gens.read_current(tmp_settings.index_dir) is None
    book = load_rulebook(tmp_settings)
    assert len(book.rules) == ALL_NINE
    set_parameter(tmp_settings.data_dir, "sjz_skill_upgrade_subsidy", "rate_advanced", 2500)
    assert "sjz_skill_upgrade_subsidy" not in load_rulebook(tmp_settings).rules
