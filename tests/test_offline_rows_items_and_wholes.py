"""A table row named by parts of its name, its own longest period, an item named by its short label, an instalment of
a raised whole, a topic named in its colloquial word, and a place's own contest asked of another place.

Fictional documents written for this test (no eval set has them, nothing was tuned on them): a province's pre-job
training subsidy with a table of rates and longest periods by training provider, a raise for listed groups and two
instalments; a national notice on prizes of a national trade contest with short prize labels and a team share; a
city's notice on prizes of the province's own contest.
"""

from __future__ import annotations

import pytest
from support import offline_engine_beside_library

from assistant.offline.adjustment import alternatives
from assistant.offline.engine import OfflineEngine

PROVINCE = """安徽省人力资源和社会保障厅 安徽省财政厅关于印发《安徽省企业岗前技能培训补贴办法》的通知
皖人社规〔2026〕7号
各市人力资源社会保障局、财政局：
现将《安徽省企业岗前技能培训补贴办法》印发给你们，请认真贯彻执行。
安徽省企业岗前技能培训补贴办法
第一条 为支持企业开展新录用职工岗前技能培训，制定本办法。
第二条 企业新录用职工并与其签订1年以上劳动合同的，企业可按附件1规定的标准申领岗前培训补贴。
第三条 补贴按实际培训天数计发，补贴天数不超过附件1规定的最长补贴天数。
第四条 新录用职工为脱贫人口、残疾人或者登记失业人员的，岗前培训补贴按附件1对应标准的1.5倍执行。
第五条 岗前培训补贴分两次拨付：培训结束后拨付70%；职工在企业连续工作满6个月后拨付剩余30%。
第六条 本办法自2026年3月1日起施行，有效期5年。

附件1

安徽省企业岗前技能培训补贴标准

序号\t培训承担单位类别\t补贴标准（元/人/天）\t最长补贴天数（天）
1\t企业自主培训\t40\t10
2\t市级公共职业技能实训基地\t60\t20
3\t省级及以上公共职业技能实训基地\t80\t30
"""

NATIONAL = """人力资源社会保障部 财政部关于做好全国行业职业技能竞赛奖励工作的通知
人社部发〔2026〕12号
各省、自治区、直辖市人力资源社会保障厅（局）、财政厅（局）：
为激励技能人才脱颖而出，现就全国行业职业技能竞赛奖励有关事项通知如下：
一、奖励范围
全国行业职业技能竞赛决赛获奖选手，按本通知给予奖励。
二、奖励标准
（一）个人项目获奖选手按以下标准给予一次性奖励：
1.一等奖每人3万元；
2.二等奖每人2万元；
3.三等奖每人1万元。
（二）团队项目获奖的，每名队员按同等奖次个人项目奖励标准的70%给予奖励。
三、申请程序
获奖选手自决赛结束之日起3个月内向所在地县级人力资源社会保障部门提出申请。
四、本通知自2026年2月1日起施行。
人力资源社会保障部 财政部
2026年1月10日
"""

CITY = """芜湖市人力资源和社会保障局关于技能竞赛获奖选手奖励的通知
芜人社发〔2026〕5号
各县（市、区）人力资源社会保障局：
为鼓励我市技能人才参加竞赛，现将有关事项通知如下：
一、我市选手在安徽省职业技能大赛中获得一等奖、二等奖、三等奖的，分别给予5000元、3000元、2000元奖励。
二、奖励由选手向市人力资源社会保障局申请，审核后发放。
三、本通知自2026年4月1日起施行。
芜湖市人力资源和社会保障局
2026年3月20日
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> OfflineEngine:
    return offline_engine_beside_library(tmp_path_factory.mktemp("rows"), {
        "anhui-2026-pre-job-training.txt": PROVINCE, "mohrss-2026-trade-contest-prizes.txt": NATIONAL,
        "wuhu-2026-contest-prizes.txt": CITY})


def test_a_row_named_by_parts_of_its_name_pays_its_own_longest_period(engine: OfflineEngine) -> None:
    # 市级…实训基地 names the 市级公共职业技能实训基地 row (the 省级 row shares only 实训基地); 25 days, its cap is 20
    answer = engine.answer("合肥一家厂把新招的工人送到市级实训基地做岗前培训，培训了25天，每人总共能补多少？")
    assert answer.status == "answered", answer.answer
    assert "1200元" in answer.answer and "20天" in answer.answer, answer.answer
    assert "2000元" not in answer.answer and "1500元" not in answer.answer, answer.answer
    # the article saying the column's longest period applies is cited with the row
    assert "第三条" in [c.clause for c in answer.citations], answer.answer


def test_an_instalment_is_paid_of_the_whole_the_asker_gets(engine: OfflineEngine) -> None:
    # a 脱贫户 (the first group of 新录用职工为脱贫人口、…) gets 1.5 × 40元 × 10天 = 600元; the first 70% is 420元
    answer = engine.answer("合肥一家企业新招了一个脱贫户，在企业自主培训了10天，岗前培训补贴首笔能拨付多少？")
    assert answer.status == "answered", answer.answer
    assert "420元" in answer.answer and "600元" in answer.answer, answer.answer
    assert "280元" not in answer.answer, answer.answer


def test_a_topic_said_in_its_colloquial_word_lifts_the_notice_on_it(engine: OfflineEngine) -> None:
    # 技能大赛 is a word of the contest topic: the national notice on contests answers, not the province's training
    # measures; 二等奖 (a label too short to be said in a run of four) picks that prize as the team share's base
    answer = engine.answer("合肥的，参加全国行业技能大赛团队项目拿了二等奖，每个队员能奖多少钱？")
    assert answer.status == "answered", answer.answer
    assert answer.citations and answer.citations[0].doc_id == "mohrss-2026-trade-contest-prizes", answer.answer
    assert "14000元" in answer.answer, answer.answer
    assert "21000元" not in answer.answer, answer.answer


def test_a_places_own_contest_asked_of_another_place_is_not_answered_by_another_contest(engine: OfflineEngine
                                                                                         ) -> None:
    # only 芜湖's notice writes 安徽省职业技能大赛: 合肥 has no such prize, and the national trade contest is another
    answer = engine.answer("合肥的选手拿了安徽省职业技能大赛一等奖，省里奖多少钱？")
    assert answer.status == "not_found", answer.answer
    assert "3万元" not in answer.answer and "30000元" not in answer.answer, answer.answer
    assert "芜湖" in answer.answer, answer.answer
    here = engine.answer("芜湖的选手拿了安徽省职业技能大赛一等奖，能奖多少钱？")
    assert here.status == "answered" and "5000元" in here.answer, here.answer


def test_a_list_of_groups_starts_after_what_it_says_who_is() -> None:
    assert alternatives("申领人为脱贫人口、就业困难人员或者残疾人") == ["脱贫人口", "就业困难人员", "残疾人"]
    assert alternatives("企业新录用职工属于登记失业人员、脱贫人口的") == ["登记失业人员", "脱贫人口的"]
    assert alternatives("高校毕业生、退役军人") == ["高校毕业生", "退役军人"]
