"""A place's own clauses come first, but they do not push out the clauses that answer: when a city's documents
regulate other benefits, the national notice's clause on the asked one stays among the hits and answers — and a
national clause found that way for an amount question answers only when it grants the benefit asked about, not
another one (a one-off 入职奖励 is no monthly 岗位补贴).

Fictional documents written for this test (no eval set has them, nothing was tuned on them): a city's notice on
training subsidies whose clauses are full of procedure words, a district's measures paying a monthly 岗位补贴 to
care workers, a national notice on the social-insurance subsidy for hiring people with employment difficulties, and
a national notice paying care workers a one-off 入职奖励 by certificate level.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from support import figures, offline_engine_beside_library

from assistant.offline.engine import OfflineEngine
from assistant.offline.evidence import EvidenceFinder
from retriever.hybrid import _keeping_unboosted
from retriever.models import SearchFilters

CITY = """昭通市人力资源和社会保障局 昭通市财政局关于做好职业技能培训补贴申领工作的通知
昭人社发〔2026〕9号
各县（市、区）人力资源和社会保障局、财政局：
为做好职业技能培训补贴申领工作，现将有关事项通知如下。
一、申领对象
（一）在本市参加职业技能培训并取得证书的劳动者，可申领职业技能培训补贴。
（二）企业组织在职职工参加岗位技能培训的，由企业申领培训补贴。
二、申领程序
（一）个人应在取得证书之日起3个月内，通过“昭通人社”微信公众号或县（市、区）人力资源市场服务窗口提出申请。
（二）企业应在培训结束后2个月内，向所在地县（市、区）人力资源和社会保障部门提交申请材料。
（三）申请时提交身份证、证书、社会保障卡银行账户等材料。
三、审核与拨付
（一）县（市、区）人力资源和社会保障部门自受理之日起10个工作日内完成审核。
（二）审核通过的，在5个工作日内将补贴拨付至个人社会保障卡银行账户或企业基本账户。
（三）审核结果在县（市、区）人力资源和社会保障部门网站公示5个工作日。
四、本通知自2026年3月1日起施行。
昭通市人力资源和社会保障局 昭通市财政局
2026年2月15日
"""

DISTRICT = """昭通市昭阳区人力资源和社会保障局关于养老护理员岗位补贴的实施办法
昭阳人社发〔2026〕3号
第一条　为稳定养老护理队伍，制定本办法。
第二条　在本区养老机构从事一线护理工作的养老护理员，持中级工及以上职业技能等级证书的，按每人每月260元给予岗位补贴。
第三条　本办法自2026年4月1日起施行。
昭通市昭阳区人力资源和社会保障局
2026年3月20日
"""

INSURANCE = """人力资源社会保障部 财政部关于做好吸纳就业困难人员社会保险补贴工作的通知
人社部发〔2026〕41号
各省、自治区、直辖市人力资源社会保障厅（局）、财政厅（局）：
现就吸纳就业困难人员社会保险补贴工作通知如下。
一、企业招用就业困难人员，签订1年以上劳动合同并为其缴纳社会保险费的，给予社会保险补贴。
二、社会保险补贴按季度申领。企业应在每季度结束后20日内向公共就业服务机构提出申请。
三、本通知自2026年1月1日起施行。
人力资源社会保障部 财政部
2025年12月20日
"""

CARE = """人力资源社会保障部 民政部关于做好养老护理员入职奖励工作的通知
人社部发〔2026〕44号
各省、自治区、直辖市人力资源社会保障厅（局）、民政厅（局）：
现就养老护理员入职奖励工作通知如下。
一、在养老机构从事一线护理工作满12个月的养老护理员，按下列标准给予一次性入职奖励：
1.初级工证书持有人每人1100元；
2.中级工证书持有人每人2100元；
3.高级工及以上证书持有人每人3100元。
二、本通知自2026年2月1日起施行。
人力资源社会保障部 民政部
2026年1月10日
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> OfflineEngine:
    return offline_engine_beside_library(tmp_path_factory.mktemp("kept"), {
        "zhaotong-2026-training-claims.txt": CITY, "zhaoyang-2026-care-post-subsidy.txt": DISTRICT,
        "mohrss-2026-hiring-insurance-subsidy.txt": INSURANCE, "mohrss-2026-care-worker-award.txt": CARE})


def test_the_national_clause_stays_among_the_hits_the_citys_own_clauses_fill(engine: OfflineEngine) -> None:
    question = "我们是昭通的一家小公司，雇了一个就业困难人员，给他交社保的那个补贴几号之前去报？报给哪个部门？"
    understanding = engine.retriever.understand(question)
    response = engine.retriever.search(question, top_k=8, filters=SearchFilters(regions=understanding.regions),
                                       understanding=understanding)
    ranked = sorted([*response.hits, *response.suggestions], key=lambda h: h.rank)
    assert ranked[0].chunk.doc_id == "zhaotong-2026-training-claims"  # the own clauses still come first
    assert "mohrss-2026-hiring-insurance-subsidy" in {h.chunk.doc_id for h in ranked}, [
        (h.chunk.doc_id, h.chunk.clause_path) for h in ranked]
    answer = engine.answer(question)
    assert answer.status == "answered", answer.answer
    assert "每季度结束后20日内" in answer.answer, answer.answer
    assert {c.doc_id for c in answer.citations} == {"mohrss-2026-hiring-insurance-subsidy"}, answer.answer


def test_a_national_grant_of_another_benefit_does_not_answer_the_amount_asked(engine: OfflineEngine) -> None:
    answer = engine.answer("我在鲁甸县一家养老院当护理员，拿了中级证，每个月有没有岗位补贴？一个月能领多少？")
    assert answer.status != "answered" or not figures(answer.answer) & {Decimal(2100), Decimal(260)}, answer.answer
    assert not {c.doc_id for c in answer.citations} & {"mohrss-2026-care-worker-award"}, answer.answer


def test_the_benefit_granted_by_its_own_name_still_answers(engine: OfflineEngine) -> None:
    answer = engine.answer("我在鲁甸县一家养老院当护理员，干满一年了，拿了中级证，一次性入职奖励能拿多少？")
    assert answer.status == "answered", answer.answer
    assert Decimal(2100) in figures(answer.answer), answer.answer


def test_subsidised_training_names_no_benefit(engine: OfflineEngine) -> None:
    scope = engine.knowledge.scope
    finder = EvidenceFinder(engine.retriever, engine.vocabulary, scope.benefit_nouns, scope.money_words,
                            lead_words=scope.benefit_lead_words)
    text = "脱贫劳动力参加补贴性职业技能培训并取得合格证书的，按每人每天30元给予生活费补贴。"
    assert finder.benefit_names(text) == ["生活费补贴"]


@pytest.mark.parametrize(("top_k", "expected"), [
    (8, ["own1", "own2", "own3", "own4", "own5", "own6", "nat1", "nat2"]),
    (3, ["own1", "own2", "nat1"]),  # at most half of the results
    (1, ["own1"]),  # a single result stays the place's own first
])
def test_the_kept_clauses_take_at_most_the_lower_half_of_the_results(top_k: int, expected: list[str]) -> None:
    fused = {"nat1": 0.09, "nat2": 0.088, **{f"own{i}": 0.08 - 0.001 * i for i in range(1, 9)}}
    lifted = {f"own{i}": 0.065 for i in range(1, 9)}
    ranked = [cid for cid, _ in _keeping_unboosted(fused, lifted, top_k)]
    assert ranked[:top_k] == expected
    assert sorted(ranked) == sorted(fused)  # nothing lost, nothing doubled
