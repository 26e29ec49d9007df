"""Facts a question states apart by 、 (签了一年以上合同、社保交满3个月) are compared each with its own condition (the
3 months of insurance are no contract term), and heads counted in a row of different kinds (3个大学生和2个残疾人)
are never added up into one kind's rate nor taken as one head: each kind is worked out at its own rate and their
total leads.

A fictional document written for this test (no eval set has it; nothing was tuned on it), after the mechanisms were
found on questions about another document.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from support import figures, lead, offline_engine_for

from assistant.offline.clauses import ClauseComposer
from assistant.offline.engine import OfflineEngine
from assistant.offline.evidence import EvidenceFinder

COUNTY = """普定县人力资源和社会保障局 普定县财政局关于印发《普定县一次性吸纳就业补贴实施细则》的通知
普人社发〔2026〕6号
各乡镇人民政府、街道办事处，县直有关部门：
现将《普定县一次性吸纳就业补贴实施细则》印发给你们，请认真贯彻落实。
普定县一次性吸纳就业补贴实施细则
一、本县用人单位新招用下列人员，与其签订1年以上期限劳动合同并为其连续缴纳社会保险费满3个月的，可申领一次性吸纳就业补贴。
二、补贴标准如下：

| 序号 | 人员类别 | 补贴标准 |
| --- | --- | --- |
| 1 | 离校2年内未就业高校毕业生 | 每招用1人1000元 |
| 2 | 残疾人 | 每招用1人2500元 |

三、本细则自2026年10月1日起施行。
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> OfflineEngine:
    return offline_engine_for(tmp_path_factory.mktemp("apart"), {"puding-2026-hiring-subsidy-rules.txt": COUNTY})


def test_facts_stated_apart_are_each_compared_with_their_own_condition(engine: OfflineEngine) -> None:
    answer = engine.answer("普定一家公司，新招了4个残疾人，都签了一年以上合同、社保交满3个月了，"
                           "一次性吸纳就业补贴一共多少？")
    assert answer.status == "answered", answer.answer
    assert "不符合" not in answer.answer, answer.answer  # 3个月 of insurance is not the 1年以上 contract
    assert Decimal(10000) in figures(lead(answer.answer)), answer.answer  # 2500 × 4


def test_a_quantity_is_read_with_the_words_of_its_own_part(engine: OfflineEngine) -> None:
    scope = engine.knowledge.scope
    finder = EvidenceFinder(engine.retriever, engine.vocabulary, scope.benefit_nouns, scope.money_words,
                            engine.knowledge.facts.facts, scope.benefit_lead_words)
    reading = engine.retriever.understand("都签了一年以上合同、社保交满3个月了")
    stated = {s.quantity.raw: s.words for s in ClauseComposer(engine, finder).stated(reading)}
    assert "合同" not in stated["3个月"], stated


def test_heads_of_different_kinds_are_not_one_kinds_heads(engine: OfflineEngine) -> None:
    answer = engine.answer("普定一家厂，新招了3个离校未就业的高校毕业生和2个残疾人，合同签了两年，社保交了4个月，"
                           "一次性吸纳就业补贴一共多少？")
    assert answer.status == "answered", answer.answer
    paid = figures(lead(answer.answer))
    # each kind at its own rate, led by their total (3 × 1000 + 2 × 2500); never 5 × 2500, 1 × 2500 or 3 × 2500
    assert Decimal(8000) in paid, answer.answer
    assert not paid & {Decimal(12500), Decimal(2500), Decimal(7500)}, answer.answer
