"""A benefit's conditions standing in items of their own: the asker who meets one item and fails the next does not
qualify.

Fictional document written for this test (no eval set has it, nothing was tuned on it): a district's rules on a
young-talent rent allowance, its contract condition and rates in one item, an age limit in the next, and another
benefit's condition under the same heading.
"""

from __future__ import annotations

import pytest
from support import offline_engine_beside_library, verdict

from assistant.offline.clauses import ClauseComposer
from assistant.offline.engine import OfflineEngine
from assistant.offline.evidence import Evidence, EvidenceFinder
from retriever.models import SearchHit

DISTRICT = """# 马鞍山市花山区青年人才租房补贴实施细则

花人社发〔2026〕4号

## 一、总则

为吸引青年人才来我区就业，制定本细则。

## 二、青年人才租房补贴

（一）在本区企业就业、与用人单位签订3年以上劳动合同并在本区缴纳社会保险费的高校毕业生，按学历给予青年人才租房补贴：本科每人每月600元，硕士研究生每人每月1000元。

（二）申领人员首次申领时年龄不超过30周岁。已享受本区其他人才住房政策的，不重复享受；补贴按季度发放，最长发放36个月。

（三）企业吸纳高校毕业生满10人的，给予企业一次性引才奖励2万元；申领引才奖励的企业，成立时间不少于3年。

## 三、附则

本细则自2026年5月1日起施行，有效期3年。
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> OfflineEngine:
    return offline_engine_beside_library(tmp_path_factory.mktemp("beside"), {
        "huashan-2026-young-talent-rent.md": DISTRICT})


def test_an_age_limit_in_the_next_item_decides_against_the_asker(engine: OfflineEngine) -> None:
    first, text = verdict(engine, "花山区的，硕士毕业今年33岁，在区里签了5年合同，社保交着，能领每月1000元的租房补贴吗")
    assert "不符合" in first and "30周岁" in text, text


def test_the_asker_meeting_every_item_qualifies(engine: OfflineEngine) -> None:
    first, text = verdict(engine, "花山区的，硕士毕业今年26岁，在区里签了5年合同，社保交着，能领每月1000元的租房补贴吗")
    assert "不符合" not in first, text


def test_the_verdict_on_the_met_item_yields_to_the_failed_one_beside_it(engine: OfflineEngine) -> None:
    # whichever item a search ranks first, the asker meeting the contract item and failing the age item fails
    scope = engine.knowledge.scope
    finder = EvidenceFinder(engine.retriever, engine.vocabulary, scope.benefit_nouns, scope.money_words,
                            engine.knowledge.facts.facts, scope.benefit_lead_words)
    composer = ClauseComposer(engine, finder)
    met = next(c for c in engine.chunks("huashan-2026-young-talent-rent") if c.clause_path == "二、（一）")
    u = engine.retriever.understand("花山区的，硕士毕业今年33岁，签了5年合同，社保也交着，能领租房补贴吗？")
    verdict, chunk = composer.find_verdict(Evidence(SearchHit(chunk=met, score=1.0, rank=1), 1.0, 1.0), [], u)
    assert verdict is not None and verdict.outcome == "not_eligible", verdict
    assert chunk.clause_path == "二、（二）"
    younger = engine.retriever.understand("花山区的，硕士毕业今年26岁，签了5年合同，社保也交着，能领租房补贴吗？")
    verdict, chunk = composer.find_verdict(Evidence(SearchHit(chunk=met, score=1.0, rank=1), 1.0, 1.0), [], younger)
    assert verdict is not None and verdict.outcome == "eligible" and chunk.clause_path == "二、（一）", verdict
