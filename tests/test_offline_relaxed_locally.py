"""A province pays its skill-upgrade subsidy after 12 months of unemployment insurance; a city relaxes that for workers
of its key industries to 6 months, at half the province's standard. A worker of the city with 8 months paid (at a
化工厂: no four characters in a row of the key industries said) is judged by the city's rule — eligible, at half the
province's figure for their level, the city's clause cited for the verdict — while a worker with 4 months fails both,
and a worker elsewhere in the province fails the province's own condition.

Fictional documents written for this test (no eval set has them, nothing was tuned on them).
"""

from __future__ import annotations

import pytest
from support import body, offline_engine_for

from assistant.models import Conversation
from assistant.offline.engine import OfflineEngine

PROVINCE = """湖南省人力资源和社会保障厅 湖南省财政厅关于印发《湖南省职工技能提升补贴实施办法》的通知
湘人社规〔2025〕4号
各市州人力资源社会保障局、财政局：
现将《湖南省职工技能提升补贴实施办法》印发给你们，请遵照执行。
湖南省职工技能提升补贴实施办法
第一条 为鼓励职工提升职业技能，制定本办法。
第二条 申领条件。企业职工累计缴纳失业保险费12个月以上，取得职业资格证书或职业技能等级证书的，可申领技能提升补贴。
第三条 补贴标准。取得初级（五级）证书的，每人补贴1000元；取得中级（四级）证书的，每人补贴1500元；\
取得高级（三级）证书的，每人补贴2000元。
第四条 本办法自2025年3月1日起施行。
"""

CITY = """岳阳市人力资源和社会保障局 岳阳市财政局关于做好职工技能提升补贴工作的通知
岳人社发〔2025〕9号
各县市区人力资源和社会保障局、财政局：
为落实省职工技能提升补贴政策，现就有关事项通知如下：
一、放宽条件。在本市石油化工、食品加工、现代物流重点产业企业就业的职工，累计缴纳失业保险费满6个月不满12个月，\
取得中级（四级）及以上职业技能等级证书的，按省定标准的50%给予补贴。
二、本通知自2025年5月1日起施行。
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> OfflineEngine:
    return offline_engine_for(tmp_path_factory.mktemp("relaxed-locally"), {
        "hunan-2025-skill-upgrade-subsidy-measures.txt": PROVINCE,
        "yueyang-2025-skill-upgrade-relaxed-notice.txt": CITY,
    })


def test_the_citys_relaxed_rule_judges_and_pays_half(engine: OfflineEngine) -> None:
    answer = engine.answer("我在岳阳的化工厂上班，失业保险交了8个月，考了高级证，技能提升补贴能拿多少？")
    said = body(answer)
    assert "1000元" in said, answer.answer  # 2000元 × 50%
    assert "不符合" not in said, answer.answer
    assert "岳阳市" in said.split("结论")[-1], answer.answer  # the verdict is the city's rule's
    assert any(c.doc_id.startswith("yueyang") and c.clause.startswith("一") for c in answer.citations), answer.answer


def test_a_follow_up_on_a_higher_level_is_judged_by_the_citys_rule(engine: OfflineEngine) -> None:
    conversation = Conversation()
    first = engine.answer("我在岳阳的化工厂上班，失业保险交了8个月，考了中级证，能领补贴吗？",
                          conversation=conversation)
    assert "不符合" not in body(first), first.answer
    # the province's 高级 row answers the figure: the city's clause accepting 8 months judges, and halves it
    follow_up = engine.answer("要是考的是高级证呢，多少钱", conversation=conversation)
    said = body(follow_up)
    assert "1000元" in said, follow_up.answer
    assert "不符合" not in said, follow_up.answer
    assert "岳阳市" in said.split("结论")[-1], follow_up.answer


def test_too_few_months_for_the_relaxed_rule_fail(engine: OfflineEngine) -> None:
    answer = engine.answer("我在岳阳的化工厂上班，失业保险交了4个月，考了高级证，技能提升补贴能拿多少？")
    said = body(answer)
    assert "不符合" in said, answer.answer
    assert "1000元" not in said, answer.answer


def test_another_city_of_the_province_keeps_the_provinces_condition(engine: OfflineEngine) -> None:
    answer = engine.answer("我在株洲一家企业上班，失业保险交了8个月，考了高级证，技能提升补贴能拿多少？")
    said = body(answer)
    assert "不符合" in said, answer.answer
    assert "1000元" not in said, answer.answer
