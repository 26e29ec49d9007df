"""Raises whose condition the asker's own figures meet, instalment shares, per-head bounds and benefit periods.

One fictional document written for this test (no eval set has it, nothing was tuned on it): a city's apprenticeship
and 以工代训 measures with a rate per level, a raise for apprentices under an age (申报时学徒年龄在30周岁以下的，补贴
标准上浮10%), a bound counted per mentor (每名导师带徒不超过2人), a payment in two instalments (预拨40%, 剩余60%),
and a monthly rate with a longest period. A question must raise the standard (before heads and years) only when the
figures it states meet the raise's bound, take the instalment it names, never judge a firm's head count against a
mentor's bound, and take the benefit period in the rate's own unit, not a contract's or a time since leaving school.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from support import figures, lead, offline_engine_for

from assistant.offline.engine import OfflineEngine
from assistant.offline.verdicts import applies_to, every_check
from ingest.knowledge import Knowledge

CITY = """牡丹江市人力资源和社会保障局 牡丹江市财政局关于印发《牡丹江市企业职工技能培训补贴办法》的通知
牡人社规〔2025〕2号
各县（市）区人力资源和社会保障局、财政局：
现将《牡丹江市企业职工技能培训补贴办法》印发给你们，请认真贯彻执行。
牡丹江市企业职工技能培训补贴办法
第一条　为加强企业技能人才培养，制定本办法。
第二条　企业新型学徒制培训补贴按学徒培训目标等级确定：中级工每人每年4000元，高级工每人每年5000元。
第三条　申报时学徒年龄在30周岁以下的，补贴标准上浮10%。
第四条　企业应为每名学徒确定1名企业导师，每名导师带徒不超过2人。
第五条　学徒培训补贴资金分两次拨付：培训备案后预拨40%；学徒取得证书后拨付剩余60%。
第六条　中小微企业吸纳离校2年内未就业高校毕业生，签订1年以上劳动合同并开展以工代训的，按每人每月600元给予以工代训补贴，\
补贴期限最长不超过4个月。
第七条　本办法自2025年7月1日起施行。
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> OfflineEngine:
    return offline_engine_for(tmp_path_factory.mktemp("raises"), {"mudanjiang-2025-training-subsidy.txt": CITY})


def test_a_bound_counted_per_mentor_judges_no_firms_total() -> None:
    specs = Knowledge.load().facts.facts
    [check] = every_check("企业应为每名学徒确定1名企业导师，每名导师带徒不超过2人。", {"apprentices": 8}, specs)
    assert check.per == "导师" and check.met is False
    assert not applies_to(check, "我们厂8个学徒培养中级工")
    assert applies_to(check, "我们厂一个导师带8个学徒行吗")


@pytest.mark.parametrize(("question", "amount", "raised"), [
    ("牡丹江的，我们厂5个学徒培养高级工，学徒都是25岁，一年补贴多少", Decimal(27500), Decimal(5500)),
    ("牡丹江企业新型学徒制，2个中级工学徒今年22岁，培训两年，企业能拿多少", Decimal(17600), Decimal(4400)),
])
def test_a_raise_whose_bound_the_stated_figures_meet_raises_the_standard_first(
        engine: OfflineEngine, question: str, amount: Decimal, raised: Decimal) -> None:
    answer = engine.answer(question)
    assert amount in figures(lead(answer.answer)), answer.answer
    steps = answer.answer.split("计算过程：", 1)[1].split("\n", 1)[0]
    assert f"= {raised:,}元".replace(",", "") in steps.replace(",", ""), steps  # the standard raised, then multiplied
    assert {c.clause for c in answer.citations} >= {"第二条", "第三条"}


@pytest.mark.parametrize("question", ["牡丹江的，我们厂5个学徒培养高级工，学徒都是35岁，一年补贴多少",
                                      "牡丹江的，我们厂5个学徒培养高级工，一年补贴多少"])
def test_no_raise_when_the_stated_figures_fail_its_bound_or_say_nothing_of_it(engine: OfflineEngine,
                                                                             question: str) -> None:
    answer = engine.answer(question)
    stated = figures(lead(answer.answer))
    assert Decimal(25000) in stated and Decimal(27500) not in stated, answer.answer


def test_an_instalment_named_is_its_share_of_the_whole(engine: OfflineEngine) -> None:
    answer = engine.answer("牡丹江企业8个学徒培训中级工，学制一年，培训备案后先预拨多少钱")
    assert Decimal(12800) in figures(lead(answer.answer)), answer.answer  # 4000 × 8 × 1 × 40%
    assert "预拨40%" in answer.answer


def test_a_firms_head_count_is_not_judged_against_a_mentors_bound(engine: OfflineEngine) -> None:
    answer = engine.answer("我们厂在牡丹江，招了8个学徒搞新型学徒制培养中级工，一年能补多少")
    assert not answer.answer.startswith("结论：不符合") and "不符合" not in answer.answer, answer.answer
    assert Decimal(32000) in figures(lead(answer.answer)), answer.answer


def test_the_benefit_period_is_the_one_stated_in_the_rates_unit(engine: OfflineEngine) -> None:
    """离校一年 and 三年合同 are conditions; 带了6个月 is the period, capped at 4 months: 600 × 2 × 4."""
    answer = engine.answer("牡丹江一家小企业，招了2个离校一年的大学生，签了三年合同搞以工代训，带了6个月，补贴多少")
    assert Decimal(4800) in figures(lead(answer.answer)), answer.answer


def test_an_instalment_is_not_applied_when_the_question_asks_the_whole(engine: OfflineEngine) -> None:
    """培训备案 said, no payment in parts asked: the whole amount, not the 40% advance."""
    answer = engine.answer("牡丹江企业8个学徒培训中级工，已经培训备案了，学制一年，补贴总共多少")
    stated = figures(lead(answer.answer))
    assert Decimal(32000) in stated and Decimal(12800) not in stated, answer.answer


def test_asking_the_rate_of_one_period_states_no_period(engine: OfflineEngine) -> None:
    """一个月补多少 asks the monthly rate; 带了6个月 is the period (capped at 4)."""
    answer = engine.answer("牡丹江以工代训一个月补多少？我们招了2个离校的大学生，签了合同，带了6个月，一共多少")
    assert Decimal(4800) in figures(lead(answer.answer)), answer.answer


@pytest.mark.parametrize("question", ["牡丹江学徒培训补贴是一次性给吗？分几次拨？", "牡丹江的学徒补贴钱是怎么拨的"])
def test_how_the_money_is_paid_is_answered_by_the_payment_clause(engine: OfflineEngine, question: str) -> None:
    answer = engine.answer(question)
    body = answer.answer.split("依据")[0]
    assert "40%" in body and "60%" in body, answer.answer
    assert "第五条" in {c.clause for c in answer.citations}


@pytest.mark.parametrize(("question", "amount"), [
    ("牡丹江企业8个学徒培训中级工，学制一年，第一笔钱能拨多少", Decimal(12800)),  # 32000 × 40%
    ("牡丹江企业8个学徒培训中级工，学制一年，剩下的那笔给多少", Decimal(19200)),  # 32000 × 60%
])
def test_an_instalment_asked_by_its_place(engine: OfflineEngine, question: str, amount: Decimal) -> None:
    answer = engine.answer(question)
    assert amount in figures(lead(answer.answer)), answer.answer


def test_an_advance_asked_by_its_own_word_is_the_clauses_share(engine: OfflineEngine) -> None:
    """预拨 asked of 培训备案后预拨40% (the event, 培训备案, not said): the share of the whole."""
    answer = engine.answer("牡丹江学徒补贴能先预拨吗？我们8个中级工学徒学一年，预拨能拿多少")
    assert Decimal(12800) in figures(lead(answer.answer)), answer.answer


def test_a_period_of_twelve_months_asked_about_is_stated(engine: OfflineEngine) -> None:
    """带了12个月能补多少 states a period (only 一个月多少 asks the rate's own): 600 × 2 × 4 (the cap)."""
    answer = engine.answer("牡丹江小企业以工代训，招了2个离校的大学生签了合同，带了12个月能补多少")
    assert Decimal(4800) in figures(lead(answer.answer)), answer.answer
