"""Conditions that are not the asker's, and comparisons of places asking a figure.

Two fictional city notices written for this test (no eval set has them; nothing was tuned on them). 绥化's sets a
training subsidy per level, rates an enterprise's own skill assessments in tiers (初级、中级每人次N元，高级及以上每人次M
元) and sets the conditions a studio's leader must meet (领办人具有技师以上); 鹤岗's sets its own training subsidy.

- A tier of a rate is no condition: a 中级 holder is not "不符合" because another clause pays 高级及以上 more.
- A condition held by a role the question does not name (领办人) judges no worker; the asker's own roles (申请人) do.
- A comparison of two places asking a figure (分别是多少) is answered per place as that place's amount question.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from support import figures, offline_engine_for

from assistant.offline.engine import OfflineEngine
from assistant.offline.verdicts import judge
from ingest.knowledge import Knowledge

SUIHUA = """绥化市人力资源和社会保障局 绥化市财政局关于提高职业技能培训补贴标准的通知
绥人社发〔2026〕5号
各县（市、区）人力资源和社会保障局、财政局：
一、提高职业技能培训补贴标准
（一）劳动者参加本市定点培训机构培训并取得职业技能等级证书的，初级（五级）每人补贴1000元，中级（四级）每人补贴1500元，\
高级（三级）每人补贴2000元。
二、支持企业开展职业技能等级认定
（一）经备案的企业职业技能等级认定机构对本企业职工开展评价的，初级（五级）、中级（四级）每人次补贴200元，\
高级（三级）及以上每人次补贴300元。
三、支持技能大师工作室建设
（一）申报条件。申报市级技能大师工作室应当同时具备下列条件：
1.领办人具有技师（二级）以上职业技能等级；
2.领办人在本市同一企业连续工作满3年。
（二）每个市级技能大师工作室一次性资助5万元。
四、本通知自2026年1月1日起施行。
"""

HEGANG = """鹤岗市人力资源和社会保障局 鹤岗市财政局关于做好职业技能培训补贴工作的通知
鹤人社发〔2026〕3号
各县（区）人力资源和社会保障局、财政局：
一、补贴标准
劳动者参加本市定点培训机构培训并取得职业技能等级证书的，初级（五级）每人补贴800元，中级（四级）每人补贴1200元，\
高级（三级）每人补贴1600元。
二、本通知自2026年2月1日起施行。
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> OfflineEngine:
    return offline_engine_for(tmp_path_factory.mktemp("tiers"), {"suihua-2026-training-subsidy.txt": SUIHUA,
                                                                  "hegang-2026-training-subsidy.txt": HEGANG})


@pytest.fixture(scope="module")
def knowledge() -> Knowledge:
    return Knowledge.load()


def test_a_tier_of_a_rate_is_no_condition(knowledge: Knowledge) -> None:
    facts, specs = {"certificate_level": "中级", "qualification": "中级工"}, knowledge.facts.facts
    tiered = ("经备案的企业对本企业职工开展评价的，初级（五级）、中级（四级）每人次补贴200元，"
              "高级（三级）及以上每人次补贴300元。")
    assert judge(tiered, facts, specs, asked="我考了中级证") is None
    condition = "取得高级（三级）及以上职业技能等级证书的，每人补贴300元。"  # one rate, one threshold: a condition
    verdict = judge(condition, facts, specs, asked="我考了中级证")
    assert verdict is not None and verdict.outcome == "not_eligible"


@pytest.mark.parametrize(("question", "applies"), [
    ("我考了高级证，培训补贴能领多少", False),  # a worker: the leader's condition is someone else's
    ("我是工作室领办人，有高级证，能申报吗", True),  # the question names the role
])
def test_a_condition_held_by_a_role_the_question_does_not_name_judges_nothing(
        knowledge: Knowledge, question: str, applies: bool) -> None:
    facts, specs = {"certificate_level": "高级", "qualification": "高级工"}, knowledge.facts.facts
    roles = knowledge.answers.asker_roles
    verdict = judge("1.领办人具有技师（二级）以上职业技能等级；", facts, specs, asked=question, roles=roles)
    assert (verdict is not None and verdict.outcome == "not_eligible") is applies
    own = judge("1.申请人具有技师（二级）以上职业技能等级；", facts, specs, asked=question, roles=roles)
    assert own is not None and own.outcome == "not_eligible"  # 申请人 is the asker's own role


@pytest.mark.parametrize(("question", "amount"), [
    ("绥化的，我考了中级证，培训补贴能拿多少？", Decimal(1500)),
    ("我在绥化考了个高级工证，培训补贴给多少钱", Decimal(2000)),
])
def test_a_rate_is_answered_without_a_verdict_from_a_tier_or_another_role(
        engine: OfflineEngine, question: str, amount: Decimal) -> None:
    answer = engine.answer(question)
    assert answer.status == "answered", answer.answer
    assert amount in figures(answer.answer.split("\n", 1)[0]), answer.answer
    assert "不符合" not in answer.answer, answer.answer


def test_a_comparison_of_places_asking_a_figure_is_an_amount_question_per_place(engine: OfflineEngine) -> None:
    question = "考中级证，在绥化和在鹤岗，培训补贴分别是多少？"
    understanding = engine.retriever.understand(question)
    assert [p.kind for p in understanding.sub_questions] == ["amount", "amount"]
    answer = engine.answer(question)
    assert {Decimal(1500), Decimal(1200)} <= figures(answer.answer), answer.answer
