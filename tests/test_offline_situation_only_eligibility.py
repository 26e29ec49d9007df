"""A yes/no question telling only the asker's situation (失业保险交了7个月，刚考了高级证，能申请吗？) is judged by the
asked place's clauses on the facts it states.

The search leaves what the asker says of themselves (失业保险交了N个月) out of what an answering clause must say, so
such a question may find no clause at all — and was then told the place has no rule, another region's being named
instead. The clauses on the stated facts (累计缴纳失业保险费满6个月即可申领 of the city, 满12个月 of the province) are
found by the words naming those facts, and the most local one judges.

Asked what it comes to, for a firm outside the city's catalogue, the answer is the province's standard: the city's
raise of it (在省定标准基础上上浮20%) is not the asker's, and its clause states no figure of its own.

Fictional documents written for this test (no eval set has them, nothing was tuned on them).
"""

from __future__ import annotations

import pytest
from support import body, offline_engine_for

from assistant.offline.engine import OfflineEngine

PROVINCE = """福建省人力资源和社会保障厅 福建省财政厅关于印发《福建省职业技能提升补贴实施办法》的通知
闽人社规〔2025〕6号
各设区市人力资源和社会保障局、财政局：
现将《福建省职业技能提升补贴实施办法》印发给你们，请认真贯彻执行。
福建省职业技能提升补贴实施办法
第一条 为鼓励企业职工提升技能，制定本办法。
第二条 申领技能提升补贴应当同时符合下列条件：
（一）在我省依法参加失业保险，累计缴纳失业保险费满12个月（含）以上；
（二）取得初级工（五级）及以上职业技能等级证书。
第三条 补贴标准为：初级工1000元，中级工1500元，高级工2000元。
第四条 本办法自2025年4月1日起施行。
"""

CITY = """厦门市人力资源和社会保障局 厦门市财政局关于优化技能提升补贴政策的补充通知
厦人社〔2025〕19号
各区人力资源和社会保障局、财政局：
为支持重点区域企业职工提升技能，现就有关事项补充通知如下：
一、放宽参保条件
厦门自贸片区、火炬高新区内企业的职工，累计缴纳失业保险费满6个月即可申领技能提升补贴，其他条件按省规定执行。
二、提高重点产业企业补贴标准
列入《厦门市重点产业企业目录》的企业职工取得中级工（四级）及以上职业技能等级证书的，在省定标准基础上上浮20%。
三、本通知未作规定的事项，按省有关规定执行。本通知自2025年8月1日起施行。
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> OfflineEngine:
    return offline_engine_for(tmp_path_factory.mktemp("situation-only-eligibility"), {
        "fujian-2025-skill-upgrade-measures.txt": PROVINCE,
        "xiamen-2025-skill-upgrade-supplementary-notice.txt": CITY,
    })


@pytest.mark.parametrize("question", [
    "我们公司在厦门自贸片区，做物流的，我今年初才入职，失业保险交了7个月，刚考了高级证，能申请吗？",
    "厦门火炬高新区的企业职工，社保交了8个月，考了中级证，我能申请吗？能的话多少钱？",
])
def test_the_places_clause_on_the_stated_facts_judges(engine: OfflineEngine, question: str) -> None:
    answer = engine.answer(question)
    said = body(answer)
    assert "没有" not in said and "不能套用" not in said, answer.answer
    assert "符合" in said and "6个月" in said, answer.answer
    assert ("xiamen-2025-skill-upgrade-supplementary-notice", "一、") in {(c.doc_id, c.clause)
                                                                       for c in answer.citations}


@pytest.mark.parametrize(("question", "amount", "raised"), [
    ("厦门火炬高新区的企业职工，我们企业不在重点产业目录里，社保交了8个月，考了中级证，能拿多少？", "1500元", "1800元"),
    ("在厦门一家不在重点产业企业目录的公司上班，失业保险交了两年，刚考了高级工证，补贴多少钱？", "2000元", "2400元"),
])
def test_a_raise_not_called_for_leaves_the_higher_levels_standard(engine: OfflineEngine, question: str,
                                                                   amount: str, raised: str) -> None:
    answer = engine.answer(question)
    said = body(answer)
    assert amount in said and raised not in said, answer.answer
    assert "fujian-2025-skill-upgrade-measures" in {c.doc_id for c in answer.citations}, answer.citations


PROVINCE_TRAINING = """江西省人力资源和社会保障厅 江西省财政厅关于印发《江西省职业技能培训补贴管理办法》的通知
赣人社规〔2026〕2号
各设区市人力资源和社会保障局、财政局：
现将《江西省职业技能培训补贴管理办法》印发给你们，请认真贯彻执行。
江西省职业技能培训补贴管理办法
第一条 为规范职业技能培训补贴管理，制定本办法。
第二条 下列人员参加职业技能培训并取得职业技能等级证书的，可申领职业培训补贴：
（一）农村转移就业劳动者；
（二）毕业年度和离校2年内未就业高校毕业生；
（三）登记失业人员。
第三条 补贴标准：初级工1200元，中级工1800元，高级工2400元。
第四条 本办法自2026年3月1日起施行。
"""

CITY_TRAINING = """九江市人力资源和社会保障局 九江市财政局关于做好职业技能培训补贴工作的通知
九人社发〔2026〕5号
各县（市、区）人力资源和社会保障局、财政局：
现就做好职业技能培训补贴工作通知如下：
一、对列入《九江市紧缺职业（工种）目录》的职业（工种），劳动者取得中级工及以上职业技能等级证书的，在省定标准基础上上浮20%。
二、本通知自2026年5月1日起施行。
"""


@pytest.fixture(scope="module")
def training(tmp_path_factory: pytest.TempPathFactory) -> OfflineEngine:
    return offline_engine_for(tmp_path_factory.mktemp("situation-only-topic"), {
        "jiangxi-2026-training-subsidy-measures.txt": PROVINCE_TRAINING,
        "jiujiang-2026-training-subsidy-notice.txt": CITY_TRAINING,
    })


def test_a_situation_naming_no_fact_word_is_judged_by_the_topics_clauses(training: OfflineEngine) -> None:
    answer = training.answer("我今年7月从九江一所大学全日制本科毕业，到现在还没找着工作。最近去考了个电工四级证，"
                             "我这种能领培训补贴吗？能领的话多少钱？")
    said = body(answer)
    assert "没有" not in said and "不能套用" not in said, answer.answer
    assert ("jiangxi-2026-training-subsidy-measures", "第二条（二）") in {(c.doc_id, c.clause)
                                                                    for c in answer.citations}, answer.answer


def test_a_question_stating_nothing_of_the_asker_still_abstains(training: OfflineEngine) -> None:
    answer = training.answer("九江的，有没有技工院校学生生活补贴？每年补多少？")
    assert answer.status == "not_found", answer.answer
