"""A policy added tomorrow, for a place nobody wrote code for, answers in chat: its document and rules file are
copied beside the bundled five (no sidecar — metadata read from the text), ingested, and asked about in plain
Chinese. The amount is the rule's, exact and cited; a sibling city and the province alone never get it."""

from __future__ import annotations

import shutil
from decimal import Decimal
from pathlib import Path

import pytest

from assistant.offline.engine import OfflineEngine
from assistant.rules.store import LiveRules
from ingest.settings import Settings

POLICIES = Path(__file__).resolve().parent.parent / "data" / "policies"
STEM = "datong-2025-skill-subsidy"
POLICY = """大同市人力资源和社会保障局关于印发《大同市技能提升补贴实施办法》的通知
同人社发〔2025〕4号
各县（区）人力资源和社会保障局：
现将《大同市技能提升补贴实施办法》印发给你们，请认真贯彻执行。
一、补贴对象和条件
在本市参加失业保险、累计缴纳失业保险费24个月（含）以上的企业职工，取得职业资格证书或职业技能等级证书的，可申请技能提升补贴。
二、补贴标准
取得初级工、中级工、高级工证书的，分别给予900元、1400元、1900元的技能提升补贴。
三、申领程序
职工可通过“大同人社”网上服务平台申请，也可到参保地失业保险经办机构窗口申请，经办机构自受理之日起15个工作日内完成审核。
四、实施时间
本办法自2025年1月1日起施行。
大同市人力资源和社会保障局
2024年12月20日
"""
RULES = """version: 1
rules:
  - id: datong_skill_upgrade
    title: 大同市技能提升补贴
    kind: amount
    point: 技能提升补贴
    description: "{region}{point}：按证书等级{rate_1}/{rate_2}/{rate_3}。"
    keywords: [技能提升补贴]
    clause: 二、
    inputs:
      - name: level
        type: choice
        label: 证书等级
        question: 您取得的是初级工、中级工还是高级工证书？
        options:
          - {value: 初级工, synonyms: [初级, 五级]}
          - {value: 中级工, synonyms: [中级, 四级]}
          - {value: 高级工, synonyms: [高级, 三级]}
    parameters:
      rate_1: {value: 900, unit: 元, phrase: 分别给予900元、1400元、1900元, element: 0}
      rate_2: {value: 1400, unit: 元, phrase: 分别给予900元、1400元、1900元, element: 1}
      rate_3: {value: 1900, unit: 元, phrase: 分别给予900元、1400元、1900元, element: 2}
    formula:
      kind: rate_by_category
      category: level
      rates: {初级工: rate_1, 中级工: rate_2, 高级工: rate_3}
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> OfflineEngine:
    from retriever.factory import open_retriever
    from retriever.index import ingest_paths

    root = tmp_path_factory.mktemp("new-policy")
    corpus = root / "policies"
    shutil.copytree(POLICIES, corpus)
    (corpus / f"{STEM}.txt").write_text(POLICY, encoding="utf-8")
    (corpus / f"{STEM}.rules.yaml").write_text(RULES, encoding="utf-8")
    settings = Settings(data_dir=corpus, index_dir=root / "index", state_dir=root / "state", _env_file=None)
    report = ingest_paths(settings)
    assert report.ok, report.problems
    return OfflineEngine(open_retriever(settings), LiveRules(settings))


def test_the_new_policys_metadata_is_read_from_its_text(engine: OfflineEngine) -> None:
    meta = engine.meta(STEM)
    assert meta is not None and (meta.region, meta.level, meta.doc_number) == ("大同市", "city", "同人社发〔2025〕4号")


def test_chat_gives_the_new_rules_exact_amount(engine: OfflineEngine) -> None:
    answer = engine.answer("我在大同一家厂上班，失业保险交了三年，刚考了中级工证，技能提升补贴能拿多少？")
    assert answer.status == "answered", answer.answer
    assert [call.name for call in answer.tool_calls] == ["datong_skill_upgrade"]
    assert Decimal(answer.tool_calls[0].result["amount"]) == Decimal(1400)
    assert "1400元" in answer.answer and answer.citations[0].doc_id == STEM


def test_the_users_facts_are_checked_against_the_new_documents_condition(engine: OfflineEngine) -> None:
    answer = engine.answer("大同的，失业保险才交了18个月，考了高级工证，能领技能提升补贴吗")
    assert "不符合" in answer.answer and "24个月" in answer.answer and "18个月" in answer.answer


def test_its_procedure_is_quoted_from_its_own_clause(engine: OfflineEngine) -> None:
    answer = engine.answer("大同技能提升补贴去哪里申请，多久能审完？")
    assert answer.status == "answered" and "15个工作日" in answer.answer and "大同人社" in answer.answer


@pytest.mark.parametrize("question", ["山西朔州技能提升补贴中级工多少钱", "山西的技能提升补贴中级工多少钱"])
def test_a_sibling_city_and_the_province_alone_never_get_its_amounts(engine: OfflineEngine, question: str) -> None:
    answer = engine.answer(question)
    assert answer.status == "not_found" and not answer.tool_calls
    assert "1400" not in answer.answer.split("本库目前收录")[0]
