"""一次性 (one-off) says what kind of payment, not how many times: a question asking whether the money is paid
一次性 states no count of one to hold against a clause's bound on times (每期培训至少检查1次).

Fictional document written for this test (no eval set has it, nothing was tuned on it): a county's rules for a
training subsidy paid to designated schools in two instalments, whose supervision clause bounds inspections.
"""

from __future__ import annotations

from support import engine_finder, module_engine

from assistant.offline.clauses import ClauseComposer
from assistant.offline.engine import OfflineEngine
from ingest.quantities import find_quantities, one_off

RULES = """通道侗族自治县人力资源和社会保障局 通道侗族自治县财政局
关于印发《通道侗族自治县职业技能培训补贴实施细则》的通知
通人社发〔2026〕2号
各乡镇人民政府，县直各有关单位：
一、定点培训机构开展农村劳动力职业技能培训，按每人1200元标准给予培训补贴。
二、培训补贴资金直接拨付给定点培训机构，分两次拨付：培训结束后拨付60%，学员取得职业技能等级证书后拨付其余40%。
三、县人力资源和社会保障局对定点培训机构开展不定期检查，每期培训至少检查1次。
四、本细则自2026年4月1日起施行。
"""


engine = module_engine("one_off", {"tongdao-2026-training-subsidy-rules.txt": RULES})


def test_one_off_is_no_count_of_one() -> None:
    text = "培训机构的钱是一次性给全吗，已经领过一次了"
    found = find_quantities(text)
    assert [one_off(q, text[q.end :]) for q in found] == [True, False]


def test_a_one_off_payment_asked_about_states_no_count(engine: OfflineEngine) -> None:
    # what the verdicts compare with a clause's bounds: 领过一次 is a count the asker states, 一次性 is none
    composer = ClauseComposer(engine, engine_finder(engine))
    understanding = engine.retriever.understand("通道县的定点培训机构，培训补贴是一次性给全吗？已经领过一次了")
    assert [s.quantity.raw for s in composer.stated(understanding)] == ["一次"]
    assert composer.stated(understanding)[0].quantity.start > understanding.normalized.index("领过")


def test_the_question_is_answered_from_the_instalments_clause(engine: OfflineEngine) -> None:
    answer = engine.answer("通道县的定点培训机构，培训补贴是一次性给全吗？")
    assert answer.status == "answered" and "分两次拨付" in answer.answer, answer.answer
    assert "您的情况为1次" not in answer.answer, answer.answer
