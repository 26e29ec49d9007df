"""Two readings of a question about a start-up grant paid in two parts, raised for some groups.

- A first word asks about the first instalment only when a verb of being paid follows it (第一次能拨多少, 首次能给
  多少, 剩下的那笔啥时候给); 首次创办, 第一次开了个店 say when the asker started, and the whole grant is answered.
- A negation before groups said one after another with no joiner (不是大学生退役军人那些) denies each of them; a raise
  for groups the question denies is not called for by the answering clause being found or by words the question
  shares with it — only by a group of it the question says.

A fictional county document written for this test (no eval set has it; nothing was tuned on it), after the mechanisms
were found on an eval item of another document.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from support import figures, lead, offline_engine_for

from assistant.offline.engine import OfflineEngine
from assistant.offline.instalments import PaidAsks
from ingest.knowledge import Knowledge
from retriever.understanding.facts import FactReader

COUNTY = """岚皋县人力资源和社会保障局 岚皋县财政局关于印发《岚皋县返乡入乡创业补贴办法》的通知
岚人社发〔2026〕3号
各镇人民政府，县直有关部门：
现将《岚皋县返乡入乡创业补贴办法》印发给你们，请遵照执行。
岚皋县返乡入乡创业补贴办法
第一条　在本县首次创办小微企业或从事个体经营，取得营业执照并正常经营6个月以上的创业者，可申领一次性创业补贴。
第二条　一次性创业补贴标准为：创办小微企业的，每户8000元；从事个体经营的，每户4000元。
第三条　高校毕业生、脱贫人口、退役军人首次创业的，一次性创业补贴在第二条规定标准基础上提高25%。
第四条　一次性创业补贴分两次拨付：审核通过后首次拨付补贴总额的70%；正常经营满2年且仍在正常经营的，拨付剩余30%。
第五条　本办法自2026年5月1日起施行。
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> OfflineEngine:
    return offline_engine_for(tmp_path_factory.mktemp("paid_asks"), {
        "langao-2026-return-startup-subsidy-measures.txt": COUNTY,
    })


@pytest.fixture(scope="module")
def knowledge() -> Knowledge:
    return Knowledge.load()


def test_first_started_is_not_a_first_instalment_asked(engine: OfflineEngine) -> None:
    answer = engine.answer("我是退役军人，在岚皋首次创办了小微企业，正常经营8个月了，一次性创业补贴能拿多少？")
    assert answer.status == "answered", answer.answer
    paid = figures(lead(answer.answer))
    assert Decimal(10000) in paid and Decimal(7000) not in paid, answer.answer  # 8000 × 125%, not 70% of it


def test_a_first_instalment_asked_of_a_denied_run_of_groups(engine: OfflineEngine) -> None:
    answer = engine.answer("在岚皋第一次开了个小微企业，干了7个月了，我不是大学生退役军人那些，"
                           "创业补贴第一次能拨多少？")
    assert answer.status == "answered", answer.answer
    paid = figures(lead(answer.answer))
    assert Decimal(5600) in paid, answer.answer  # 8000 × 70%
    assert Decimal(7000) not in paid and Decimal(10000) not in paid, answer.answer  # no raise for a denied group


def test_a_raise_for_groups_denied_is_not_called_for(engine: OfflineEngine) -> None:
    answer = engine.answer("在岚皋首次创办了小微企业，正常经营9个月了，我不是脱贫户、大学生或者退役军人，"
                           "一次性创业补贴能拿多少？")
    assert answer.status == "answered", answer.answer
    paid = figures(lead(answer.answer))
    assert Decimal(8000) in paid and Decimal(10000) not in paid, answer.answer  # no 25% for a group denied


def test_a_group_said_beside_one_denied_keeps_the_raise(engine: OfflineEngine) -> None:
    answer = engine.answer("我不是脱贫户，是退役军人，在岚皋首次创办了小微企业，正常经营8个月了，"
                           "一次性创业补贴能拿多少？")
    assert answer.status == "answered", answer.answer
    assert Decimal(10000) in figures(lead(answer.answer)), answer.answer  # 8000 × 125%


@pytest.mark.parametrize("question", [
    "我在岚皋开了家个体户奶茶店，正常经营8个月了，一次性创业补贴第一次能拨多少？",
    "我在岚皋开了个个体小饭馆，干了半年多了，创业补贴第一次能先拿多少？",
])
def test_a_colloquial_name_picks_its_rate_of_the_clause(engine: OfflineEngine, question: str) -> None:
    # 个体户 / 个体 say 从事个体经营 (synonyms.txt): that sentence's rate is worked out, then its first instalment
    answer = engine.answer(question)
    assert answer.status == "answered", answer.answer
    assert Decimal(2800) in figures(lead(answer.answer)), answer.answer  # 4000 × 70%


@pytest.mark.parametrize(("text", "said"), [
    ("创业补贴第一次能拨多少钱？", {"第一次"}),
    ("首次能给多少", {"首次"}),
    ("批下来先给多少？剩下的那笔啥时候给？", {"先给", "剩下"}),
    ("剩下的多少？", {"剩下"}),
    ("首次创业能拿多少", set()),
    ("我第一次开了个店，能补多少", set()),
    ("3个干了不到俩月就走了，剩下的社保都交满5个月了", set()),
])
def test_first_and_last_words_ask_of_a_payment_only_before_a_paid_verb(knowledge: Knowledge, text: str,
                                                                       said: set[str]) -> None:
    assert PaidAsks(knowledge.answers).said(text) == said


@pytest.mark.parametrize(("text", "veteran"), [
    ("不是大学生退役军人那些，创业补贴能拿多少", False),
    ("我不是残疾人脱贫户，是退役军人", True),
    ("我不是脱贫户、退役军人", False),
])
def test_a_negation_denies_each_group_of_a_run_said_without_joiners(knowledge: Knowledge, text: str,
                                                                      veteran: bool) -> None:
    facts = knowledge.facts
    reading = FactReader(facts.facts, facts.negations, facts.actions).read(text)
    assert reading.values.get("is_veteran") is veteran
