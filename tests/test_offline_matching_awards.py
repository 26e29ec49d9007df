"""A city's matching awards on a national prize.

- Parallel conditions in one sentence split by a semicolon (甲类竞赛获奖的，在国家奖金标准基础上按1:0.4的比例…；
  乙类竞赛获奖的，按1:0.2的比例…): the basis said in the first part holds for the second, and the part whose own
  words (甲类 / 乙类) the question says applies.
- The national prize is the item of its article the question names (二等奖 of 1.一等奖…；2.二等奖…), worked out
  with the national share for 乙类.
- A contest the national notice defines (本通知所称甲类技能竞赛，是指全国技工院校技能大赛和…) is named by the
  contest it lists.

Fictional documents written for this test (no eval set has them; nothing was tuned on them), after the mechanisms were
found on eval items of other documents.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from support import figures, lead, offline_engine_for

from assistant.offline.engine import OfflineEngine

NATIONAL = """人力资源社会保障部 财政部关于做好技能竞赛获奖选手奖励工作的通知
人社部发〔2026〕8号
各省、自治区、直辖市人力资源社会保障厅（局）、财政厅（局）：
为激励劳动者走技能成才之路，现就技能竞赛获奖选手奖励工作通知如下：
一、竞赛类别
本通知所称甲类技能竞赛，是指全国技工院校技能大赛和全国行业职业技能竞赛总决赛；乙类技能竞赛，是指省级人民政府主办的职业技能竞赛。
二、奖金标准
（一）甲类技能竞赛个人项目获奖选手，按以下标准给予一次性奖金：
1.一等奖每人3万元；
2.二等奖每人2万元；
3.三等奖每人1万元。
（二）乙类技能竞赛个人项目获奖选手，按本部分第（一）项规定标准的40%给予奖金。
三、本通知自2026年1月1日起施行。
"""

CITY = """防城港市人力资源和社会保障局 防城港市财政局关于技能竞赛获奖选手配套奖励的通知
防人社发〔2026〕3号
各县（市、区）人力资源和社会保障局、财政局：
为鼓励我市选手参加技能竞赛，现就配套奖励有关事项通知如下：
一、本市选手在甲类技能竞赛中获奖的，在国家奖金标准基础上按1:0.4的比例给予配套奖励；在乙类技能竞赛中获奖的，按1:0.2的\
比例给予配套奖励。
二、配套奖励与国家奖金一并申请，由市人力资源和社会保障局审核发放。
三、本通知自2026年2月1日起施行。
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> OfflineEngine:
    return offline_engine_for(tmp_path_factory.mktemp("matching"), {
        "mohrss-2026-skills-contest-prize-notice.txt": NATIONAL,
        "fangchenggang-2026-contest-matching-award-notice.txt": CITY,
    })


@pytest.mark.parametrize(("question", "share", "total"), [
    ("防城港的选手在全国技工院校技能大赛个人项目拿了二等奖，国家奖金加上市里的配套奖励一共多少钱？",
     Decimal(8000), Decimal(28000)),  # 甲类: 20000 + 20000 × 40%
    ("防城港选手在乙类技能竞赛个人项目拿了一等奖，国家的和市里配套的一共能拿多少？",
     Decimal(2400), Decimal(14400)),  # 乙类: 30000 × 40% = 12000, + 12000 × 20%
])
def test_a_matching_award_is_the_one_whose_condition_is_said(engine: OfflineEngine, question: str, share: Decimal,
                                                             total: Decimal) -> None:
    answer = engine.answer(question)
    assert answer.status == "answered", answer.answer
    assert total in figures(lead(answer.answer)), answer.answer
    assert share in figures(answer.answer.split("依据：")[0]), answer.answer
