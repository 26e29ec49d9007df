"""Effective dates: a rule applies within them; a date for the case (``2016年考的证``, ``--as-of``) picks the rule —
or the dated parameter value — in force then, or says none was."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from assistant.rules.book import RuleBook
from assistant.rules.store import fresh_ruleset
from ingest.errors import UserInputError
from tests.rules_support import run_calculator
from tests.test_calc_cli import run_cli

SKILL = "sjz_skill_upgrade_subsidy"
FACTS = {"unemployment_insurance_months": 24, "certificate_level": "中级"}


def test_a_certificate_date_before_the_policy_finds_no_rule_in_force() -> None:
    result = run_calculator(SKILL, {**FACTS, "certificate_date": "2016年"})
    assert result.status == "not_in_force" and result.amount is None
    assert "2016年" in result.summary and "2019年10月15日" in result.summary  # the sidecar's publish date
    assert result.sources[0].clause_path == "三、（一）3"


@pytest.mark.parametrize("when", ["2020", "2020年5月", "2021-03-01", "二〇二〇年"])
def test_a_date_in_force_runs_the_rule(when: str) -> None:
    result = run_calculator(SKILL, {**FACTS, "certificate_date": when})
    assert (result.status, result.amount) == ("eligible", Decimal(1500))


def test_as_of_from_the_cli() -> None:
    before = run_cli(SKILL, "--unemployment-insurance-months", "24", "--certificate-level", "中级", "--as-of", "2016",
                     "--json")
    assert before.exit_code == 0 and json.loads(before.stdout)["status"] == "not_in_force"
    bad = run_cli(SKILL, "--as-of", "去年")
    assert bad.exit_code == 2 and "日期" in bad.stderr and "Traceback" not in bad.output


def test_a_bad_date_is_a_chinese_message() -> None:
    with pytest.raises(UserInputError, match="日期无效"):
        run_calculator(SKILL, {**FACTS, "certificate_date": "2016年13月"})


OLD = """示范市人民政府关于技能提升补贴的通知
一、补贴标准
取得中级工证书的，给予技能提升补贴600元。
示范市人民政府
2015年3月1日
"""
NEW = """示范市人民政府关于调整技能提升补贴标准的通知
一、补贴标准
取得中级工证书的，给予技能提升补贴900元。自2024年1月1日起，补贴标准调整为1100元。
示范市人民政府
2020年6月1日
"""


def meta(title: str, day: str) -> str:
    return f"title: {title}\nregion: 示范市\nlevel: city\npublish_date: {day}\nstatus: in_force\n"


def rules(rule_id: str, value: int, phrase: str, effective: str, dated: str = "") -> str:
    return f"""version: 1
rules:
  - id: {rule_id}
    title: 示范市技能提升补贴
    kind: amount
    point: 技能提升补贴
    description: 示范市技能提升补贴：中级工{{rate}}。
    keywords: [技能提升补贴]
    clause: 一、
    effective: {effective}
    inputs:
      - {{name: level, type: choice, label: 证书等级, question: 证书等级？, options: [{{value: 中级工}}]}}
    parameters:
      rate: {{value: {value}, unit: 元, phrase: {phrase}{dated}}}
    formula: {{kind: rate_by_category, category: level, rates: {{中级工: rate}}}}
"""


@pytest.fixture
def versions(tmp_path: Path) -> RuleBook:
    folder = tmp_path / "policies"
    folder.mkdir()
    files = {
        "demo-2015-skill.txt": OLD,
        "demo-2015-skill.meta.yaml": meta("示范市人民政府关于技能提升补贴的通知", "2015-03-01"),
        "demo-2015-skill.rules.yaml": rules("demo_skill_2015", 600, "给予技能提升补贴600元", "{to: 2020-05-31}"),
        "demo-2020-skill.txt": NEW,
        "demo-2020-skill.meta.yaml": meta("示范市人民政府关于调整技能提升补贴标准的通知", "2020-06-01"),
        "demo-2020-skill.rules.yaml": rules(
            "demo_skill_2020", 900, "给予技能提升补贴900元", "{}",
            ", values: [{from: 2024-01-01, value: 1100, phrase: 补贴标准调整为1100元}]",
        ),
    }
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    ruleset = fresh_ruleset(folder)
    assert not ruleset.problems, ruleset.problems
    return RuleBook(ruleset)


def test_the_version_in_force_then_is_used(versions: RuleBook) -> None:
    then = versions.run("demo_skill_2020", {"level": "中级工"}, as_of="2018")
    assert (then.name, then.amount) == ("demo_skill_2015", Decimal(600))
    assert then.sources[0].doc_id == "demo-2015-skill"
    assert any("2018年适用的是" in note for note in then.notes)
    now = versions.run("demo_skill_2015", {"level": "中级工"}, as_of="2021-07")
    assert (now.name, now.amount) == ("demo_skill_2020", Decimal(900))


def test_dated_values_inside_one_rule(versions: RuleBook) -> None:
    assert versions.run("demo_skill_2020", {"level": "中级工"}, as_of="2023").amount == Decimal(900)
    assert versions.run("demo_skill_2020", {"level": "中级工"}, as_of="2024-02").amount == Decimal(1100)
    assert versions.run("demo_skill_2020", {"level": "中级工"}).amount == Decimal(1100)  # today


def test_no_version_in_force_says_so(versions: RuleBook) -> None:
    result = versions.run("demo_skill_2020", {"level": "中级工"}, as_of="2010")
    assert result.status == "not_in_force"
    assert "2010年" in result.summary and "2015年3月1日" in result.summary and "2020年6月1日" in result.summary
    assert [r.name for r in versions.select(region="示范市", point="技能提升补贴", on="2016")] == ["demo_skill_2015"]
