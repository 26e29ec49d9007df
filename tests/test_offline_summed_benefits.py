"""Two benefits asked for as one total (一次性创业补贴加上带动就业补贴一共能拿多少; 培训补贴和生活费补贴合计): each is
answered as its own part, with its own clause and calculation, and the answer leads with their sum. Things joined that
are not benefits (3个大学生和1个失业人员) are heads of one benefit, not parts.

A fictional document written for this test before the mechanism (no eval set has it; nothing was tuned on it): a
city's measures granting four benefits in four articles.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from support import figures, lead, offline_engine_for

from assistant.offline.engine import OfflineEngine

CITY = """牡丹江市人民政府办公室关于印发《牡丹江市就业创业扶持办法》的通知
牡政办规〔2026〕4号
各县（市）、区人民政府，市政府各委办局：
经市政府同意，现将《牡丹江市就业创业扶持办法》印发给你们，请认真贯彻执行。
牡丹江市就业创业扶持办法
第一条 为促进创业带动就业，结合本市实际，制定本办法。
第二条 本办法适用于在本市登记注册的创业主体和在本市参加培训的劳动者。
第三条 首次创办小微企业或者个体工商户，正常经营6个月以上的，给予一次性创业补贴5000元。
第四条 创业主体吸纳登记失业人员就业，签订1年以上劳动合同并为其缴纳社会保险费的，按每人2000元给予带动就业补贴，\
每户最高不超过2万元。
第五条 脱贫劳动力参加脱产职业技能培训的，培训期间给予生活费补贴，每人每天50元，最长不超过20天。
第六条 劳动者参加培训并取得专项职业能力证书的，给予培训补贴每人800元。
第七条 申请人应当在符合条件之日起6个月内，向所在县（市）、区公共就业服务机构提出申请。
第八条 本办法自2026年5月1日起施行，有效期3年。
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> OfflineEngine:
    return offline_engine_for(tmp_path_factory.mktemp("summed"), {
        "mudanjiang-2026-employment-startup-support-measures.txt": CITY,
    })


@pytest.mark.parametrize(("question", "parts", "total"), [
    ("我在牡丹江开了家小微企业，经营快一年了，招了2个登记失业人员，都签了两年合同交了社保。一次性创业补贴加上带动就业补贴"
     "一共能拿多少？", (Decimal(5000), Decimal(4000)), Decimal(9000)),
    ("牡丹江的脱贫户，脱产培训了15天，拿到了专项职业能力证书，培训补贴和生活费补贴合计能领多少？",
     (Decimal(800), Decimal(750)), Decimal(1550)),
])
def test_two_benefits_asked_as_one_total_are_each_worked_out_and_summed(
        engine: OfflineEngine, question: str, parts: tuple[Decimal, Decimal], total: Decimal) -> None:
    answer = engine.answer(question)
    assert answer.status == "answered", answer.answer
    assert total in figures(lead(answer.answer)), answer.answer
    assert set(parts) <= figures(answer.answer.split("依据：")[0]), answer.answer
    cited = {citation.clause for citation in answer.citations}
    assert len(cited) >= 2, answer.answer  # each part cites its own article


def test_heads_joined_in_one_benefit_are_not_parts(engine: OfflineEngine) -> None:
    answer = engine.answer("牡丹江的小公司，招了3个登记失业的大学生和1个登记失业的退役军人，都签了一年合同交了社保，"
                           "带动就业补贴一共能拿多少？")
    assert answer.status == "answered", answer.answer
    assert Decimal(8000) in figures(lead(answer.answer)), answer.answer  # 4 × 2000, one benefit
    assert "合计" not in lead(answer.answer) or "+" not in lead(answer.answer), answer.answer


def test_heads_not_joined_are_not_added_up(engine: OfflineEngine) -> None:
    answer = engine.answer("牡丹江的一家小公司，原有员工50个，今年新招了2个登记失业人员，都签了一年合同交了社保，"
                           "带动就业补贴一共能拿多少？")
    assert not {Decimal(104000), Decimal(20000)} & figures(answer.answer.split("依据：")[0]), answer.answer
