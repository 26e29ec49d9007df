"""Rules files as data: the committed JSON Schema, and every kind of bad input in a rules file — each a Chinese
message naming file and rule, while the other rules and documents still load."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml

from assistant.rules.book import RuleBook
from assistant.rules.schema import SCHEMA_FILE, json_schema
from assistant.rules.store import fresh_ruleset
from ingest.errors import UserInputError
from tests.rules_support import POLICIES

SJZ = "shijiazhuang-2019-lifelong-skills-training"
BJ = "beijing-2011-vocational-training"
SJZ_RULES = f"{SJZ}.rules.yaml"


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """Two real policies (石家庄, 北京 2011 + the 2007 document it cites) with their rules files."""
    folder = tmp_path / "policies"
    folder.mkdir()
    for path in POLICIES.iterdir():
        if path.name.startswith((SJZ, BJ, "beijing-2007")):
            shutil.copy(path, folder / path.name)
    return folder


def sjz_rules(corpus: Path) -> dict:
    return yaml.safe_load((corpus / SJZ_RULES).read_text(encoding="utf-8"))


def write_rules(corpus: Path, data: dict | str, name: str = SJZ_RULES) -> None:
    text = data if isinstance(data, str) else yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    (corpus / name).write_text(text, encoding="utf-8")


def edit_rule(corpus: Path, rule_id: str, change) -> None:
    data = sjz_rules(corpus)
    change(next(rule for rule in data["rules"] if rule["id"] == rule_id))
    write_rules(corpus, data)


def loaded(corpus: Path) -> tuple[set[str], list[str]]:
    ruleset = fresh_ruleset(corpus)
    return {v.rule.id for v in ruleset.rules}, [p.message_zh for p in ruleset.problems]


SJZ_IDS = {"sjz_employment_training_subsidy", "sjz_apprenticeship_subsidy", "sjz_skill_upgrade_subsidy",
           "sjz_free_training_check"}
BJ_IDS = {"bj_staff_education_fund", "bj_chief_technician_studio_grant", "bj_direct_introduction_check"}


def test_committed_json_schema_is_the_export() -> None:
    assert json.loads(SCHEMA_FILE.read_text(encoding="utf-8")) == json.loads(json.dumps(json_schema()))
    kinds = {item["properties"]["kind"]["const"] for item in json_schema()["$defs"].values()
             if "kind" in item.get("properties", {}) and "const" in item["properties"]["kind"]}
    assert kinds == {"rate_by_category", "capped_cost", "percent_of_base", "percent_by_period",
                     "deduction_carry_forward", "range_grant", "checklist"}


def test_the_corpus_fixture_loads_everything(corpus: Path) -> None:
    ids, problems = loaded(corpus)
    assert ids == SJZ_IDS | BJ_IDS and problems == []


def assert_rejected(corpus: Path, rule_id: str, *fragments: str) -> str:
    """The rule is not loaded, every other rule is, and one problem names file, rule and the reason."""
    ids, problems = loaded(corpus)
    assert ids == (SJZ_IDS | BJ_IDS) - {rule_id}
    message = next(p for p in problems if rule_id in p)
    assert SJZ_RULES in message and "未加载" in message
    for fragment in fragments:
        assert fragment in message, message
    assert "Traceback" not in message and "Input should" not in message
    return message


def test_a_policy_edit_that_breaks_a_rule_is_caught(corpus: Path) -> None:
    """Issue 11's case: the clause now says 1100元、1600元、2100元 — the rule must not keep answering 1500元."""
    policy = corpus / f"{SJZ}.txt"
    policy.write_text(policy.read_text(encoding="utf-8").replace("1000元、1500元、2000元", "1100元、1600元、2100元"),
                      encoding="utf-8")
    assert_rejected(corpus, "sjz_skill_upgrade_subsidy", "分别给予1000元、1500元、2000元", "找不到", "三、（一）3")
    with pytest.raises(UserInputError, match="没有名为“sjz_skill_upgrade_subsidy”的计算器"):
        RuleBook(fresh_ruleset(corpus)).run("sjz_skill_upgrade_subsidy", {"certificate_level": "中级"})


def test_a_value_that_differs_from_its_phrase(corpus: Path) -> None:
    edit_rule(corpus, "sjz_apprenticeship_subsidy",
              lambda rule: rule["parameters"]["rate_intermediate"].update(value=4500))
    assert_rejected(corpus, "sjz_apprenticeship_subsidy", "声明为4500元", "写的是4000元")


def test_a_phrase_not_in_the_clause(corpus: Path) -> None:
    edit_rule(corpus, "sjz_employment_training_subsidy",
              lambda rule: rule["parameters"]["general_cap"].update(phrase="每人最高不超过3000元", value=3000))
    assert_rejected(corpus, "sjz_employment_training_subsidy", "“每人最高不超过3000元”", "找不到")


def test_a_clause_path_that_does_not_exist(corpus: Path) -> None:
    edit_rule(corpus, "sjz_free_training_check", lambda rule: rule.update(clause="三、（九）9"))
    assert_rejected(corpus, "sjz_free_training_check", "条款“三、（九）9”", "不存在")


@pytest.mark.parametrize(("value", "fragment"), [(-1500, "不能为负数"), ("一千五", "应为数字"), (".nan", "NaN")])
def test_negative_or_non_numeric_values(corpus: Path, value: object, fragment: str) -> None:
    text = (corpus / SJZ_RULES).read_text(encoding="utf-8")
    edited = text.replace("rate_intermediate: {value: 1500,", f"rate_intermediate: {{value: {value},")
    (corpus / SJZ_RULES).write_text(edited, encoding="utf-8")
    assert_rejected(corpus, "sjz_skill_upgrade_subsidy", "parameters.rate_intermediate.value", fragment)


def test_unknown_formula_kind(corpus: Path) -> None:
    edit_rule(corpus, "sjz_apprenticeship_subsidy", lambda rule: rule["formula"].update(kind="magic_bonus"))
    assert_rejected(corpus, "sjz_apprenticeship_subsidy", "未知的计算方式“magic_bonus”", "rate_by_category")


def test_a_region_that_contradicts_the_document(corpus: Path) -> None:
    edit_rule(corpus, "sjz_skill_upgrade_subsidy", lambda rule: rule.update(region="北京市"))
    assert_rejected(corpus, "sjz_skill_upgrade_subsidy", "“北京市”", "“石家庄市”", "不一致")


def test_a_template_may_not_state_an_amount_the_clause_does_not(corpus: Path) -> None:
    edit_rule(corpus, "sjz_skill_upgrade_subsidy", lambda rule: rule["texts"].update(summary="可领取3000元。"))
    assert_rejected(corpus, "sjz_skill_upgrade_subsidy", "3000元", "参数占位符")


def test_unknown_names_and_types_inside_a_rule(corpus: Path) -> None:
    edit_rule(corpus, "sjz_apprenticeship_subsidy", lambda rule: rule["formula"].update(count="trainees"))
    assert_rejected(corpus, "sjz_apprenticeship_subsidy", "“trainees”未在 inputs 中定义")


def test_malformed_yaml_loses_only_that_file(corpus: Path) -> None:
    write_rules(corpus, "version: 1\nrules:\n  - id: x\n    title: [未闭合\n")
    ids, problems = loaded(corpus)
    assert ids == BJ_IDS
    assert any(SJZ_RULES in p and "YAML 格式错误" in p and "均未加载" in p for p in problems), problems


@pytest.mark.parametrize(
    "content", ["", "rules: 3\n", "- a\n- b\n", "version: 2\nrules: [{}]\n", "hello: 1\nrules: [x]\n"]
)
def test_a_file_that_is_not_a_rules_mapping(corpus: Path, content: str) -> None:
    write_rules(corpus, content)
    ids, problems = loaded(corpus)
    assert ids == BJ_IDS and any(SJZ_RULES in p for p in problems), problems


def test_not_utf8(corpus: Path) -> None:
    (corpus / SJZ_RULES).write_bytes("version: 1\nrules: []\n# 中文".encode("gb18030"))
    ids, problems = loaded(corpus)
    assert ids == BJ_IDS and any("UTF-8" in p for p in problems)


def test_a_rules_file_without_its_policy(corpus: Path) -> None:
    write_rules(corpus, sjz_rules(corpus), name="no-such-policy.rules.yaml")
    ids, problems = loaded(corpus)
    assert ids == SJZ_IDS | BJ_IDS
    assert any("no-such-policy.rules.yaml" in p and "找不到已导入的政策文件" in p for p in problems)


def test_the_same_rule_id_in_two_files(corpus: Path) -> None:
    data = yaml.safe_load((corpus / f"{BJ}.rules.yaml").read_text(encoding="utf-8"))
    data["rules"][0]["id"] = "sjz_skill_upgrade_subsidy"
    write_rules(corpus, data, name=f"{BJ}.rules.yaml")
    ids, problems = loaded(corpus)
    assert "bj_staff_education_fund" not in ids and "sjz_skill_upgrade_subsidy" in ids
    assert any("已被其他文件使用" in p for p in problems)


def test_a_draft_file_is_never_loaded(corpus: Path) -> None:
    data = sjz_rules(corpus)
    data["status"] = "draft"
    write_rules(corpus, data)
    ruleset = fresh_ruleset(corpus)
    assert {v.rule.id for v in ruleset.rules} == BJ_IDS
    status = next(d for d in ruleset.documents if d.doc_id == SJZ)
    assert status.file_status == "draft" and not any(rule.ok for rule in status.rules)


def test_huge_or_hostile_strings_are_reported_not_raised(corpus: Path) -> None:
    edit_rule(corpus, "sjz_apprenticeship_subsidy", lambda rule: rule.update(title="学" * 5000, id="Bad Id!"))
    ids, problems = loaded(corpus)
    assert ids == (SJZ_IDS | BJ_IDS) - {"sjz_apprenticeship_subsidy"}
    assert any("Bad Id!" in p and "过长" in p and "格式不对" in p for p in problems), problems


def test_readme_example_is_the_bundled_rule() -> None:
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("### The rules file format"):]
    example = yaml.safe_load(section[section.index("```yaml") + 7 : section.index("```", section.index("```yaml") + 7)])
    bundled = yaml.safe_load((POLICIES / SJZ_RULES).read_text(encoding="utf-8"))
    rule = next(r for r in bundled["rules"] if r["id"] == "sjz_skill_upgrade_subsidy")
    assert example["rules"] == [rule]
