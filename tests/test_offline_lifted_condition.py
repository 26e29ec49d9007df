"""A local clause lifting a higher document's condition for the case the asker is in makes them meet the rule.

A province requires 失业保险 paid for 6 months; a city of it says staff of certified 专精特新 firms applying are not
bound by that (不受省定失业保险缴费月数限制). Asked by such a worker with 2 months paid, the answer is 符合 — the city's
clause and the province's condition both cited, the condition said not to apply; asked by a worker of another firm,
the province's condition still fails them. The lifting words are data (answers.yaml lifting_forms).

Fictional documents written for this test (no eval set has them; nothing was tuned on them).
"""

from __future__ import annotations

import pytest
from support import offline_engine_for

from assistant.offline.engine import OfflineEngine

PROVINCE = """黑龙江省人力资源和社会保障厅 黑龙江省财政厅关于印发《黑龙江省职业技能评价补贴管理办法》的通知
黑人社规〔2026〕2号
各市（地）人力资源和社会保障局、财政局：
第一条　为鼓励劳动者提升技能水平，制定本办法。
第二条　劳动者取得职业技能等级证书的，按以下标准给予职业技能评价补贴：初级（五级）每人500元，中级（四级）每人800元，\
高级（三级）每人1200元。
第三条　企业在职职工申请职业技能评价补贴的，取得证书时应在本省累计缴纳失业保险费满6个月。
第四条　本办法自2026年1月1日起施行。
"""

CITY = """鸡西市人力资源和社会保障局 鸡西市财政局关于进一步支持技能人才培养的通知
鸡人社发〔2026〕3号
各县（市）区人力资源和社会保障局、财政局：
一、放宽职业技能评价补贴申领条件
（一）经认定的市级及以上专精特新中小企业在职职工申请职业技能评价补贴的，不受省定失业保险缴费月数限制。
二、本通知自2026年3月1日起施行。
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> OfflineEngine:
    return offline_engine_for(tmp_path_factory.mktemp("lifted"), {"heilongjiang-2026-evaluation-subsidy.txt": PROVINCE,
                                                                   "jixi-2026-skills-support.txt": CITY})


def test_a_condition_the_city_lifts_for_the_askers_case_does_not_fail_them(engine: OfflineEngine) -> None:
    answer = engine.answer("我在鸡西一家市级专精特新中小企业上班，失业保险才交了2个月，考了中级证，"
                           "能申请技能评价补贴吗？")
    assert answer.status == "answered", answer.answer
    first = answer.answer.split("\n", 1)[0]
    assert first.startswith("结论：符合") and "不受省定失业保险缴费月数限制" in first, answer.answer
    assert "满6个月" in first and "2个月" in first, answer.answer  # the condition lifted, and the asker's value
    assert {c.doc_id for c in answer.citations} == {"jixi-2026-skills-support", "heilongjiang-2026-evaluation-subsidy"}


@pytest.mark.parametrize("question", [
    "鸡西的企业职工，失业保险交了2个月，考了中级证，能申请职业技能评价补贴吗？",
    pytest.param("我在鸡西一家普通餐饮公司上班，失业保险才交了2个月，考了中级证，能申请技能评价补贴吗？",
                 marks=pytest.mark.xfail(strict=True, reason=(
                     "known gap: a long situational question (普通餐饮公司上班) dilutes the support judgement and the "
                     "province's clause is not found — the false 'not found' class of the eval sets"))),
])
def test_the_higher_condition_still_fails_an_asker_of_another_case(engine: OfflineEngine, question: str) -> None:
    answer = engine.answer(question)
    assert answer.answer.startswith("结论：不符合"), answer.answer
