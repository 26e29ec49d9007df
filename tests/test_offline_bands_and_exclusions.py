"""Bands, caps, other rows' raises, stacked levels and excluded groups, read from the documents' own words.

Fictional documents written for this test (no eval set has them, nothing was tuned on them): a province's rules on a
firm-run skills-training subsidy (a table of yearly rates by level, a band of short training periods paid a share,
a longest period, excluded groups in items, an excluding sentence), a city's raises on the province's standard (one
for higher levels only, one for listed firms, a rule for firms meeting both; no table of its own) and a district's
raise for everyone on the city's.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from support import figures, lead, offline_engine_beside_library, verdict

from assistant.conversation import Conversation
from assistant.offline.arithmetic import ClauseArithmetic
from assistant.offline.engine import OfflineEngine
from assistant.offline.verdicts import Stated, heads_cap, judge, stated_checks
from ingest.quantities import find_quantities

PROVINCE = """浙江省人力资源和社会保障厅 浙江省财政厅
关于印发《浙江省企业技能人才自主培养补贴办法》的通知
浙人社规〔2026〕11号

各市人力资源社会保障局、财政局：
现将《浙江省企业技能人才自主培养补贴办法》印发给你们，请认真贯彻执行。

浙江省企业技能人才自主培养补贴办法

第一条 为支持企业自主培养技能人才，制定本办法。
第二条 企业按照培养计划组织职工参加技能人才自主培养，培养期满经考核合格的，可按本办法申领自主培养补贴。
第三条 有下列情形之一的，不纳入自主培养补贴范围：
（一）企业法定代表人、合伙人及高级管理人员；
（二）已在同一职业同一等级享受过自主培养补贴的。
第四条 人力资源服务机构和劳务派遣单位不得作为培养单位。正在领取失业保险金的人员不得参加自主培养。
第五条 自主培养补贴按培养目标对应的职业技能等级，按附件所列标准每人每年给予补贴，补贴期限最长不超过3年。
第六条 培养期不足1年但不少于4个月的，按附件对应标准的60%给予补贴。
第七条 学员与培养单位签订3年以上劳动合同的，按附件对应标准的110%给予补贴。
第八条 本办法自2026年3月1日起施行，有效期5年。

附件
浙江省企业技能人才自主培养补贴标准
序号	等级	补贴标准（元/人·年）
1	中级工（四级）	3000
2	高级工（三级）	4000
3	技师（二级）	5000
"""

CITY = """丽水市人力资源和社会保障局 丽水市财政局
关于提高企业技能人才自主培养补贴标准的通知
丽人社〔2026〕5号

各县（市、区）人力资源社会保障局、财政局：
为落实《浙江省企业技能人才自主培养补贴办法》，现就有关事项通知如下：
一、提高补贴标准
（一）列入本市生态产业企业名单的企业开展自主培养的，在省定标准基础上每人每年增加600元。
（二）培养目标为技师（二级）的，在省定标准基础上上浮30%。
（三）同时符合本条第（一）项、第（二）项的，先按第（二）项上浮后再增加600元，但每人每年合计不超过7000元。
二、本通知自2026年5月1日起施行，有效期2年。
"""

DISTRICT = """# 丽水市莲都区关于支持企业技能人才自主培养的若干措施

莲人社〔2026〕3号

## 一、适用范围

在莲都区登记注册并开展技能人才自主培养的企业。

## 二、区级自主培养补贴

（一）在市级标准基础上，每名职工每年再给予400元，与省、市补贴一并申领。

## 三、附则

本措施自2026年6月1日起施行，有效期2年。
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> OfflineEngine:
    return offline_engine_beside_library(tmp_path_factory.mktemp("bands"), {
        "zhejiang-2026-in-house-training.txt": PROVINCE, "lishui-2026-in-house-training-raise.txt": CITY,
        "liandu-2026-in-house-training-support.md": DISTRICT})


def test_a_period_beyond_a_short_periods_band_is_paid_in_full(engine: OfflineEngine) -> None:
    # 培养期不足1年但不少于4个月 is a band: two years lie beyond it, so its 60% is not applied
    answer = engine.answer("杭州一家企业，职工自主培养目标高级工，培养期两年，企业一共能拿多少自主培养补贴？")
    stated = figures(lead(answer.answer))
    assert Decimal(8000) in stated and Decimal(4800) not in stated, answer.answer


def test_a_period_beyond_the_longest_is_capped_and_the_cap_cited(engine: OfflineEngine) -> None:
    answer = engine.answer("杭州一家企业，职工自主培养目标中级工，培养期5年，企业一共能拿多少自主培养补贴？")
    stated = figures(lead(answer.answer))
    assert Decimal(9000) in stated and Decimal(15000) not in stated, answer.answer
    assert any(c.clause == "第五条" for c in answer.citations), answer.citations


@pytest.mark.parametrize(("question", "amount"), [
    ("丽水一家企业在市生态产业企业名单上，职工自主培养目标中级工，培养期一年，能拿多少自主培养补贴？", 3600),
    ("丽水的企业，职工的自主培养目标是中级工，一年的自主培养补贴标准多少？", 3600),
])
def test_a_raise_for_other_rows_is_not_applied_to_the_askers_row(engine: OfflineEngine, question: str,
                                                                 amount: int) -> None:
    # 培养目标为技师（二级）的…上浮30% names another row of the table: a 中级工 gets no 30%, whatever else it gets
    answer = engine.answer(question)
    stated = figures(lead(answer.answer))
    assert Decimal(amount) in stated and not {Decimal(3900), Decimal(4500)} & stated, answer.answer


@pytest.mark.parametrize(("question", "group"), [
    ("温州一家小厂，我是厂里的合伙人之一，也在车间干活，能把自己报进自主培养拿补贴吗？", "合伙人"),
    ("我们是台州一家劳务派遣公司，能不能作为培养单位申请自主培养补贴？", "劳务派遣"),
    ("宁波的，我现在还在领失业金，能参加企业技能人才自主培养吗？", "失业保险金"),
])
def test_an_excluded_group_the_asker_belongs_to_decides_against_them(engine: OfflineEngine, question: str,
                                                                     group: str) -> None:
    first, text = verdict(engine, question)
    assert "不符合" in first and group in first, text


@pytest.mark.parametrize(("said", "words", "judged"), [
    ("培养了8个月", ("培养",), False),  # the training's months: not the contract the bound measures
    ("签了2年劳动合同", ("签", "劳动合同"), True),
    ("签了2年合同", ("签", "合同"), True),
])
def test_a_bound_judges_only_a_stated_value_of_what_it_measures(said: str, words: tuple[str, ...],
                                                               judged: bool) -> None:
    # 学员与培养单位签订N年以上劳动合同: the bound is put before 劳动合同, which it measures
    sentence = "学员与培养单位签订3年以上劳动合同的，按附件对应标准的110%给予补贴。"
    quantity = next(q for q in find_quantities(said) if q.kind == "duration")
    found = stated_checks(sentence, [Stated(quantity, words)])
    assert bool(found) is judged, found
    if judged:
        assert found[0].met is False and found[0].threshold.raw == "3年"


def test_what_background_turns_stated_carries_into_a_question_naming_its_benefit(engine: OfflineEngine) -> None:
    # the turns before only told who the trainee is; the question names the benefit and asks the amount
    conversation = Conversation()
    engine.answer("我们是杭州的企业，有个职工今年开始自主培养，培养目标是技师。", conversation)
    answer = engine.answer("一年能拿多少自主培养补贴？", conversation)
    stated = figures(lead(answer.answer))
    assert Decimal(5000) in stated and Decimal(3000) not in stated, answer.answer


@pytest.mark.parametrize(("question", "amount", "wrong"), [
    # the city states no standard of its own: its standard is the province's, raised where the question says so
    ("莲都区的企业，不在生态产业企业名单上，职工自主培养目标中级工，一年能拿多少自主培养补贴？", 3400, 3000),
    ("莲都区的企业，在市生态产业企业名单上，职工自主培养目标中级工，一年能拿多少自主培养补贴？", 4000, 3600),
    ("丽水市区的企业，在市生态产业企业名单上，职工自主培养目标中级工，一年能拿多少自主培养补贴？", 3600, 4000),
])
def test_a_districts_raise_on_the_citys_standard_stacks_on_what_the_city_gives(engine: OfflineEngine, question: str,
                                                                                amount: int, wrong: int) -> None:
    answer = engine.answer(question)
    stated = figures(lead(answer.answer))
    assert Decimal(amount) in stated and Decimal(wrong) not in stated, answer.answer


def test_a_rule_for_askers_meeting_both_items_applies_them_in_its_order_up_to_its_cap(engine: OfflineEngine) -> None:
    # 先按第（二）项上浮后再增加600元，但每人每年合计不超过7000元: 5000 × 1.3 = 6500, + 600 = 7100, capped at 7000
    answer = engine.answer("丽水的企业，在市生态产业企业名单上，职工自主培养目标技师，一年能拿多少自主培养补贴？")
    stated = figures(lead(answer.answer))
    assert Decimal(7000) in stated and not {Decimal(6500), Decimal(5600), Decimal(7280)} & stated, answer.answer
    assert "7100元" in answer.answer, answer.answer  # the raise first, then the sum, then the cap
    assert {"一、（三）", "一、（二）", "一、（一）"} <= {c.clause for c in answer.citations}, answer.citations


def test_a_most_on_heads_paid_is_a_cap_not_a_condition() -> None:
    # 每名师傅同时带教不超过2名 beside a sum per head: how many are paid for, not who qualifies
    sentence = "每带1名学员每月给予200元，每名师傅同时带教不超过2名。"
    found = find_quantities(sentence)
    assert [q.raw for q in found if heads_cap(q, found)] == ["2名"]
    assert ClauseArithmetic._heads_cap(sentence) == (2, "每名师傅同时带教不超过2名")
    three = next(q for q in find_quantities("同时带教了3名") if q.kind == "count")
    assert judge(sentence, {}, [], [Stated(three, ("带教",))]) is None
    condition = "每名指导老师同时指导的见习人员不超过5名。"  # no sum paid: a condition on the host
    found = find_quantities(condition)
    assert not any(heads_cap(q, found) for q in found)
    assert ClauseArithmetic._heads_cap(condition) == (None, "")
