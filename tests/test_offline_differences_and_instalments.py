"""Differences between two places' figures, amounts paid in instalments, yearly thresholds against monthly figures
and procedure questions naming two aspects (``assistant.offline``).

Fictional documents written for this test (no eval set has them, nothing was tuned on them): two prefecture cities of
one province paying different skill-upgrade subsidies, and a district whose talent measures pay a settling-in
allowance in equal yearly instalments, set a yearly revenue threshold and state where to apply and how long review
takes in separate articles.
"""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from support import figures, lead, offline_engine_for

from assistant.offline.engine import OfflineEngine

CITY_A = """宜宾市人力资源和社会保障局 宜宾市财政局关于调整技能提升补贴标准的通知
宜人社发〔2025〕5号
各县（区）人力资源和社会保障局、财政局：
现就调整我市技能提升补贴标准通知如下：
一、补贴对象。在本市参加失业保险、累计缴纳失业保险费12个月以上的企业职工，取得职业资格证书或职业技能等级证书的，可申领技能提升补贴。
二、补贴标准。取得初级工证书的，每人补贴1100元；取得中级工证书的，每人补贴1600元；取得高级工证书的，每人补贴2100元。
三、本通知自2025年1月1日起施行。
"""

CITY_B = """泸州市人力资源和社会保障局 泸州市财政局关于技能提升补贴有关事项的通知
泸人社发〔2025〕8号
各区县人力资源和社会保障局、财政局：
现就技能提升补贴有关事项通知如下：
一、补贴对象。在本市参加失业保险、累计缴纳失业保险费12个月以上的企业职工，取得职业资格证书或职业技能等级证书的，可申领技能提升补贴。
二、补贴标准。取得初级工证书的，每人补贴1000元；取得中级工证书的，每人补贴1500元；取得高级工证书的，每人补贴2400元。
三、本通知自2025年2月1日起施行。
"""

DISTRICT = """绵阳市涪城区人力资源和社会保障局关于印发《涪城区技能人才引育若干措施》的通知
涪人社发〔2025〕2号
各街道办事处，区级各部门：
现将《涪城区技能人才引育若干措施》印发给你们，请认真贯彻落实。
涪城区技能人才引育若干措施
第一条　辖区企业新引进取得高级技师证书的人才，给予一次性安家补贴6万元；新引进取得技师证书的人才，\
给予一次性安家补贴3万元。安家补贴分3年等额发放。
第二条　新引进的人才为毕业年度高校毕业生的，按第一条规定标准提高10%给予安家补贴。
第三条　申报区级技能大师工作室的企业，上年度营业收入应不低于3000万元。
第四条　申请人可通过“涪城人社”微信公众号线上提交申请，也可到区政务服务中心人社窗口现场申请。
第五条　区人力资源和社会保障局自受理之日起15个工作日内完成审核，审核通过的，资金在10个工作日内拨付到位。
第六条　离校2年内未就业的高校毕业生可参加区就业见习。申请人应在取得证书之日起6个月内申请技能评价补贴。
第七条　每人每年享受技能评价补贴不超过3次。
第八条　本措施自2025年3月1日起施行。
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> OfflineEngine:
    return offline_engine_for(tmp_path_factory.mktemp("differences"), {
        "yibin-2025-skill-upgrade.txt": CITY_A,
        "luzhou-2025-skill-upgrade.txt": CITY_B,
        "fucheng-2025-talent-measures.txt": DISTRICT,
    })




@pytest.mark.parametrize(("question", "difference"), [
    ("宜宾和泸州，高级工证书的技能提升补贴差多少钱？", Decimal(300)),
    ("中级工的技能提升补贴，泸州比宜宾少多少", Decimal(100)),
])
def test_a_difference_question_leads_with_the_difference(engine: OfflineEngine, question: str,
                                                          difference: Decimal) -> None:
    answer = engine.answer(question)
    first = lead(answer.answer)
    assert "相差" in first and difference in figures(first), answer.answer
    assert {c.doc_id for c in answer.citations} == {"yibin-2025-skill-upgrade", "luzhou-2025-skill-upgrade"}


def test_a_comparison_without_a_difference_word_has_no_difference_line(engine: OfflineEngine) -> None:
    answer = engine.answer("宜宾和泸州的高级工技能提升补贴分别是多少")
    assert "相差" not in answer.answer


@pytest.mark.parametrize(("question", "amount"), [
    ("涪城区企业新引进了一名高级技师，安家补贴每年发多少？", Decimal(20000)),  # 6万 ÷ 3
    ("涪城区新引进的技师，安家补贴一年能发多少", Decimal(10000)),  # 3万 ÷ 3
    ("涪城区新引进技师，安家补贴一共多少", Decimal(30000)),  # the total when no instalment is asked
    ("涪城区新引进了一个技师，是今年刚毕业的大学生，安家补贴一共多少", Decimal(33000)),  # the group's 10% raise
])
def test_an_amount_paid_in_instalments_is_divided_only_when_one_is_asked(engine: OfflineEngine, question: str,
                                                                          amount: Decimal) -> None:
    answer = engine.answer(question)
    assert amount in figures(lead(answer.answer)), answer.answer


@pytest.mark.parametrize(("question", "expected"), [
    ("涪城区的公司，去年营收每个月大概200万，能申报区级技能大师工作室吗", "不符合"),  # 2400万 < 3000万
    ("涪城区的公司，去年营业额每月300万，能申报区级技能大师工作室吗", "符合"),  # 3600万
])
def test_a_monthly_figure_is_counted_over_the_year_of_a_yearly_threshold(engine: OfflineEngine, question: str,
                                                                        expected: str) -> None:
    answer = engine.answer(question)
    first = lead(answer.answer)
    assert first.startswith(f"结论：{expected}。"), answer.answer
    assert "×12个月" in first


def test_a_procedure_question_naming_two_aspects_gets_a_clause_for_each(engine: OfflineEngine) -> None:
    answer = engine.answer("涪城区的安家补贴在哪申请？审核多久能办完？")
    clauses = {c.clause for c in answer.citations}
    assert {"第四条", "第五条"} <= clauses, answer.answer
    assert "涪城人社" in answer.answer and "15个工作日" in answer.answer


@pytest.mark.parametrize(("question", "expected"), [
    ("涪城区的，我大学毕业一年半了还没找到工作，能参加就业见习吗", "符合"),  # 18个月 within 2年内
    ("涪城区的，大學畢業三年了還沒工作，能參加就業見習嗎", "不符合"),
    ("涪城区，证书是去年5月拿的，现在过了8个月了才想起来申请技能评价补贴，还来得及吗", "不符合"),  # 8 > 6
    ("涪城区的，今年已经领过3次技能评价补贴了，又考了个证，还能再申请吗", "不符合"),  # a 4th time
    ("涪城区的，今年领过1次技能评价补贴，又考了个证，还能申请吗", "符合"),
])
def test_a_window_since_an_event_is_a_condition(engine: OfflineEngine, question: str, expected: str) -> None:
    answer = engine.answer(question)
    # the verdict, then (能参加…吗) the action asked about said back: 结论：符合（可以参加）。
    assert re.match(f"结论：{expected}[。（]", lead(answer.answer)), answer.answer
