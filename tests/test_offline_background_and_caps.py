"""A firm's share of a standard, asked after a turn that only tells the background; and a raise of one benefit that
names the asker's occupation but is not the benefit asked about.

Three fictional documents written for this test (no eval set has them, nothing was tuned on them): a province's
training subsidy by level, a city's measures (a raise of that training subsidy for 养老护理员, its own 认定补贴 by
level, and a firm's 70% of it with a yearly cap) and a national 一次性入职奖励 for care workers.

- "我们厂组织了企业自主评价，评价费厂里出。" then "过了十个高级工，厂里能拿多少？有没有封顶？": the two turns are
  read together, the 高级工 item of the article the share refers to is the base, and the cap is quoted.
- A condition naming a group the question's facts read (有残疾证 → 残疾人) is said by the question.
- A 入职奖励 question naming 养老护理员 is not answered with the city's raise of the training subsidy for them.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from support import figures, lead, offline_engine_beside_library

from assistant.conversation import resolve
from assistant.models import Conversation
from assistant.offline.engine import OfflineEngine

PROVINCE = """黑龙江省人力资源和社会保障厅 黑龙江省财政厅关于印发《黑龙江省职业培训补贴办法》的通知
黑人社规〔2025〕3号
各市（地）人力资源和社会保障局、财政局：
黑龙江省职业培训补贴办法
第一条　为规范职业培训补贴管理，制定本办法。
第二条　职业培训补贴标准为：初级工每人1000元，中级工每人1500元，高级工每人2000元。
第三条　本办法自2025年2月1日起施行。
"""

CITY = """牡丹江市人力资源和社会保障局 牡丹江市财政局关于印发《牡丹江市技能人才补贴办法》的通知
牡人社规〔2025〕2号
各县（市）区人力资源和社会保障局、财政局：
牡丹江市技能人才补贴办法
第一条　为加强技能人才队伍建设，制定本办法。
第二条　劳动者参加养老护理员、育婴员培训并取得初级工及以上职业技能等级证书的，职业培训补贴在省定标准基础上每人\
再增加300元。
第三条　技能等级认定补贴标准为：
（一）取得初级工（五级）证书的，每人180元；
（二）取得中级工（四级）证书的，每人280元；
（三）取得高级工（三级）证书的，每人420元。
第四条　企业组织本单位职工参加企业自主评价并承担评价费用的，补贴资金拨付企业，按第三条规定标准的70%执行；\
每户企业每年享受的补贴最高不超过20万元。
第五条　残疾人、脱贫人口取得职业技能等级证书的，按第三条规定标准的1.5倍给予补贴。
第六条　本办法自2025年5月1日起施行。
"""

NATIONAL = """人力资源社会保障部 民政部关于做好养老护理员入职奖励工作的通知
人社部发〔2025〕52号
各省、自治区、直辖市人力资源社会保障厅（局）、民政厅（局）：
一、奖励对象
（一）在养老机构连续从事一线护理工作满12个月的养老护理员。
二、奖励标准
（一）持初级工证书的，每人1000元；持中级工证书的，每人2000元，给予一次性入职奖励。
三、本通知自2025年6月1日起施行。
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> OfflineEngine:
    return offline_engine_beside_library(tmp_path_factory.mktemp("background"), {
        "heilongjiang-2025-training-subsidy.txt": PROVINCE, "mudanjiang-2025-skills-subsidy.txt": CITY,
        "mohrss-2025-care-worker-entry-reward.txt": NATIONAL})


def test_a_firm_s_share_asked_after_the_background_uses_the_stated_level_and_quotes_the_cap(
        engine: OfflineEngine) -> None:
    conversation = Conversation()
    engine.answer("牡丹江的，我们厂今年组织职工参加了企业自主评价，评价费都是厂里出的。", conversation)
    answer = engine.answer("一共过了十个高级工，厂里能拿多少钱？有没有封顶？", conversation)
    assert answer.status == "answered", answer.answer
    stated = figures(lead(answer.answer))
    assert Decimal(2940) in stated, answer.answer  # 10 × 420 × 70%
    assert not stated & {Decimal(4200), Decimal(1260)}, answer.answer  # no share; the 初级 item's
    assert "20万元" in answer.answer, answer.answer


def test_a_raise_of_another_benefit_for_the_asker_s_occupation_is_not_applied(engine: OfflineEngine) -> None:
    question = "牡丹江的，我在养老院当护理员，有养老护理员中级证，连续干满12个月了，一次性入职奖励能拿多少？"
    answer = engine.answer(question)
    assert answer.status == "answered", answer.answer
    stated = figures(lead(answer.answer))
    assert Decimal(2000) in stated and not stated & {Decimal(300), Decimal(1800), Decimal(2300)}, answer.answer
    assert "mudanjiang-2025-skills-subsidy" not in {c.doc_id for c in answer.citations}, answer.answer


def test_a_question_naming_its_benefit_after_a_background_turn_stands_alone(engine: OfflineEngine) -> None:
    conversation = Conversation()
    background = "牡丹江的，我们厂今年组织职工参加了企业自主评价，评价费都是厂里出的。"
    engine.answer(background, conversation)
    question = "我自己另外考了个中级工证，技能等级认定补贴能拿多少？"
    resolved = resolve(question, conversation, engine.retriever)
    assert resolved.understanding.benefits and background not in resolved.text, resolved.text
    assert "牡丹江" in resolved.text  # the conversation's place still carries over
    answer = engine.answer(question, conversation)
    assert Decimal(280) in figures(lead(answer.answer)), answer.answer


def test_a_condition_on_a_group_the_asker_s_facts_name_applies(engine: OfflineEngine) -> None:
    answer = engine.answer("牡丹江的，我有残疾证，今年考了中级工证，技能等级认定补贴能拿多少？")
    assert answer.status == "answered", answer.answer
    stated = figures(lead(answer.answer))
    assert Decimal(420) in stated, answer.answer  # 280 × 1.5
