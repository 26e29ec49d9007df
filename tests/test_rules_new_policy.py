"""A policy nobody wrote code for: a new document and its rules file in a temp data dir get exact, clause-cited
amounts through ``calc`` (CLI, before and after ingest), the LangChain tools and ``rules check`` — no code change."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from assistant.rules.book import RuleBook
from assistant.rules.store import fresh_ruleset, load_rulebook
from assistant.tools import calculator_tools
from ingest.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
STEM = "pingan-2024-skill-subsidy"
POLICY = """平安市人力资源和社会保障局关于印发《平安市技能提升补贴办法》的通知
平人社发〔2024〕7号
各区人力资源和社会保障局：
现将《平安市技能提升补贴办法》印发给你们，请认真执行。
一、技能提升补贴
累计缴纳失业保险费36个月（含）以上的职工，取得初级工、中级工、高级工证书的，分别给予800元、1300元、1800元的技能提升补贴；属于本市急需紧缺职业（工种）的，补贴标准提高20%。
二、以工代训补贴
企业吸纳就业困难人员开展以工代训的，按每人每月600元给予补贴，最长不超过6个月。
三、实施时间
本办法自2024年3月1日起施行。
平安市人力资源和社会保障局
2024年2月1日
"""
META = """title: 平安市人力资源和社会保障局关于印发《平安市技能提升补贴办法》的通知
issuer: 平安市人力资源和社会保障局
doc_number: 平人社发〔2024〕7号
region: 平安市
province: 平安省
level: city
publish_date: 2024-02-01
status: in_force
"""
RULES = """version: 1
rules:
  - id: pingan_skill_upgrade
    title: 平安市技能提升补贴
    kind: amount
    point: 技能提升补贴
    description: "{region}{point}：缴费{min_months}以上，按等级{rate_1}/{rate_2}/{rate_3}，紧缺提高{uplift}。"
    keywords: [技能提升补贴]
    clause: 一、
    effective: {from: 2024-03-01}
    inputs:
      - {name: insurance_months, type: months, label: 累计缴纳失业保险费月数, question: 您累计缴纳失业保险费多少个月？,
         say: "累计缴纳失业保险费{value}个月", min: 0, max: 1200, cues: [失业保险]}
      - name: level
        type: choice
        label: 证书等级
        question: 您取得的是初级工、中级工还是高级工证书？
        options:
          - {value: 初级工, synonyms: [初级, 五级]}
          - {value: 中级工, synonyms: [中级, 四级]}
          - {value: 高级工, synonyms: [高级, 三级]}
      - {name: scarce, type: yes_no, label: 是否急需紧缺职业, question: 是否属于本市急需紧缺职业（工种）？,
         yes_text: 属于急需紧缺职业（工种）, no_text: 不属于急需紧缺职业（工种）}
    parameters:
      min_months: {value: 36, unit: 个月, phrase: 累计缴纳失业保险费36个月（含）以上}
      rate_1: {value: 800, unit: 元, phrase: 分别给予800元、1300元、1800元, element: 0}
      rate_2: {value: 1300, unit: 元, phrase: 分别给予800元、1300元、1800元, element: 1}
      rate_3: {value: 1800, unit: 元, phrase: 分别给予800元、1300元、1800元, element: 2}
      uplift: {value: 20, unit: "%", phrase: 补贴标准提高20%}
    conditions:
      - {input: insurance_months, at_least: min_months}
    formula:
      kind: rate_by_category
      category: level
      rates: {初级工: rate_1, 中级工: rate_2, 高级工: rate_3}
      uplifts: [{when: scarce, parameter: uplift}]
  - id: pingan_work_for_training
    title: 平安市以工代训补贴
    kind: amount
    point: 以工代训补贴
    description: "{region}{point}：每人每月{monthly_rate}，最长{longest}。"
    keywords: [以工代训]
    clause: 二、
    inputs:
      - {name: people, type: count, label: 以工代训人数, unit: 人, question: 有多少人？, min: 1, max: 100000}
      - {name: months, type: months, label: 以工代训月数, question: 以工代训进行了几个月？, min: 1, max: 120}
    parameters:
      monthly_rate: {value: 600, unit: 元, phrase: 按每人每月600元给予补贴}
      longest: {value: 6, unit: 个月, phrase: 最长不超过6个月}
    formula: {kind: rate_by_category, rate: monthly_rate, count: people, periods: months, max_periods: longest,
              per: 每人每月}
"""


@pytest.fixture
def new_corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "policies"
    folder.mkdir()
    (folder / f"{STEM}.txt").write_text(POLICY, encoding="utf-8")
    (folder / f"{STEM}.meta.yaml").write_text(META, encoding="utf-8")
    (folder / f"{STEM}.rules.yaml").write_text(RULES, encoding="utf-8")
    return folder


def cli(folder: Path, index: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "POLICY_DATA_DIR": str(folder), "POLICY_INDEX_DIR": str(index), "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "ui.cli", *args], capture_output=True, text=True, env=env,
                          timeout=300, check=False, cwd=folder.parent)


def assert_skill_result(payload: dict) -> None:
    assert payload["status"] == "eligible" and Decimal(payload["amount"]) == Decimal(1560)  # 1300 × 1.2
    assert any("1300元 × 1.2 = 1560元" in step for step in payload["trace"])
    source = payload["sources"][0]
    assert (source["doc_id"], source["clause_path"], source["doc_number"]) == (STEM, "一、", "平人社发〔2024〕7号")
    assert "分别给予800元、1300元、1800元" in source["text"] and "提高20%" in source["text"]
    assert payload["region"] == "平安市"


def test_calc_cli_lists_and_runs_the_new_rules_without_an_index(new_corpus: Path, tmp_path: Path) -> None:
    index = tmp_path / "no-index"
    listing = json.loads(cli(new_corpus, index, "calc", "--list", "--json").stdout)["calculators"]
    assert {(item["name"], item["region"], item["doc_id"], item["kind"]) for item in listing} == {
        ("pingan_skill_upgrade", "平安市", STEM, "amount"), ("pingan_work_for_training", "平安市", STEM, "amount")}
    done = cli(new_corpus, index, "calc", "pingan_skill_upgrade", "--insurance-months", "三年", "--level", "中级",
               "--scarce", "是", "--json")
    assert done.returncode == 0, done.stderr
    assert_skill_result(json.loads(done.stdout))
    short = json.loads(cli(new_corpus, index, "calc", "pingan_skill_upgrade", "--insurance-months", "35",
                           "--level", "高级工", "--json").stdout)
    assert short["status"] == "not_eligible" and "35个月" in short["summary"]
    check = cli(new_corpus, index, "rules", "check")
    assert check.returncode == 0 and "2 条规则核验通过" in check.stdout


def test_per_head_per_month_rate_is_capped_by_the_longest_period(new_corpus: Path) -> None:
    book = RuleBook(fresh_ruleset(new_corpus))
    result = book.run("pingan_work_for_training", {"people": "３人", "months": "八个月"})
    assert result.amount == Decimal(10800)  # 600 × 3 × 6, not × 8
    assert "600元 × 3人 × 6个月 = 10800元" in result.trace and any("最长6个月" in step for step in result.trace)
    assert result.sources[0].text == "企业吸纳就业困难人员开展以工代训的，按每人每月600元给予补贴，最长不超过6个月。"


def test_tools_are_generated_for_the_new_rules(new_corpus: Path) -> None:
    tools = {tool.name: tool for tool in calculator_tools(RuleBook(fresh_ruleset(new_corpus)))}
    assert set(tools) == {"pingan_skill_upgrade", "pingan_work_for_training"}
    assert "平安市" in tools["pingan_skill_upgrade"].description
    schema = tools["pingan_skill_upgrade"].args_schema.model_json_schema()
    assert schema["properties"]["level"]["anyOf"][0]["enum"] == ["初级工", "中级工", "高级工"]
    assert schema["properties"]["level"]["description"].startswith("证书等级")
    assert_skill_result(json.loads(tools["pingan_skill_upgrade"].invoke(
        {"insurance_months": 40, "level": "中级工", "scarce": True})))


def test_after_ingest_the_generation_serves_the_new_rules(new_corpus: Path, tmp_path: Path) -> None:
    from retriever.index import ingest_paths

    settings = Settings(data_dir=new_corpus, index_dir=tmp_path / "index", _env_file=None)
    report = ingest_paths(settings)
    assert report.published and not report.problems, report.problems
    assert set(load_rulebook(settings).rules) == {"pingan_skill_upgrade", "pingan_work_for_training"}
    done = cli(new_corpus, tmp_path / "index", "calc", "pingan_skill_upgrade", "--insurance-months", "36",
               "--level", "四级", "--scarce", "--json")
    assert done.returncode == 0, done.stderr
    assert_skill_result(json.loads(done.stdout))
