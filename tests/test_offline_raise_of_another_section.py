"""A raise stated under one benefit's heading is no raise of a rate stated under another's.

A district's rules pay a 培训奖励 (二、: 在市级标准基础上每人再给予400元) and, in a section of their own, a monthly
稳岗补贴 by a table (三、: 250元/人/月, 最长24个月). Asked what the 稳岗补贴 comes to, the answer must work out the
table's rate — not the 培训奖励's raise on top of the city's training standard, however well the question's 中级证
matches that standard. A raise stated under the same heading as the rate (奖励标准上浮20%) still applies.

A question asking both the monthly rate and the whole (每个月有多少？…一共能领多少钱) is answered with the whole of the
longest term the row allows: the per-month rate is in its working.

Fictional documents written for this test (no eval set has them, nothing was tuned on them).
"""

from __future__ import annotations

import pytest
from support import body, offline_engine_for

from assistant.offline.engine import OfflineEngine

DISTRICT = """# 遵义市红花岗区人力资源和社会保障局关于印发《红花岗区家政服务人员稳岗奖补办法》的通知

红人社发〔2025〕7号

各街道办事处，各家政服务企业：

现将《红花岗区家政服务人员稳岗奖补办法》印发给你们，请认真贯彻执行。

## 红花岗区家政服务人员稳岗奖补办法

## 一、总则

（一）本办法适用于在红花岗区注册登记的员工制家政服务企业及其从业人员。

## 二、培训奖励

（一）在区内家政服务企业就业的人员参加家政服务员、育婴员培训并取得初级工及以上职业技能等级证书的，在市级标准基础上\
每人再给予400元培训奖励。

## 三、稳岗补贴

（一）在区内家政服务企业从事一线服务、签订1年以上劳动合同并按规定缴纳社会保险的人员，按月享受稳岗补贴。补贴标准如下：

| 序号 | 人员类别 | 补贴标准（元/人/月） | 最长享受期限 |
| --- | --- | --- | --- |
| 1 | 持育婴员初级工（五级）证书的一线服务人员 | 150 | 12个月 |
| 2 | 持育婴员中级工（四级）证书的一线服务人员 | 250 | 24个月 |
| 3 | 持育婴员高级工（三级）及以上证书的一线服务人员 | 350 | 36个月 |

（二）稳岗补贴按季度发放。

## 四、附则

本办法自2025年10月1日起施行。
"""

CITY = """遵义市人力资源和社会保障局 遵义市财政局关于做好职业技能培训补贴工作的通知
遵人社发〔2025〕11号
各县（市、区）人力资源和社会保障局、财政局：
现就做好职业技能培训补贴工作通知如下：
一、补贴标准
（一）劳动者参加职业技能培训并取得职业技能等级证书的，按初级工1000元、中级工1500元、高级工2000元的标准给予职业\
培训补贴。
二、本通知自2025年6月1日起施行。
"""

COUNTY = """桐梓县人力资源和社会保障局关于印发《桐梓县技能人才奖励办法》的通知
桐人社发〔2025〕4号
各乡镇人民政府，县直有关单位：
现将《桐梓县技能人才奖励办法》印发给你们，请认真贯彻执行。
一、技能人才奖励
（一）县内企业职工新取得技师（二级）证书的，一次性奖励3000元；新取得高级工（三级）证书的，一次性奖励1000元。
（二）申报人应在县内企业连续缴纳社会保险满12个月。申报时年龄在35周岁以下的，奖励标准上浮10%。
二、本办法自2025年8月1日起施行。
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> OfflineEngine:
    return offline_engine_for(tmp_path_factory.mktemp("raise-of-another-section"), {
        "honghuagang-2025-domestic-service-rules.md": DISTRICT,
        "zunyi-2025-training-subsidy-notice.txt": CITY,
        "tongzi-2025-skilled-talent-rewards.txt": COUNTY,
    })


@pytest.mark.parametrize(("question", "amount"), [
    ("我在红花岗区一家家政公司当育婴员，有中级证，领了10个月稳岗补贴，一共多少钱？", "2500元"),
    ("红花岗区的育婴员，拿着中级工证书，稳岗补贴干满8个月能领多少？", "2000元"),
])
def test_the_rate_of_its_own_section_is_worked_out(engine: OfflineEngine, question: str, amount: str) -> None:
    answer = engine.answer(question)
    said = body(answer)
    assert amount in said and "250元" in said, answer.answer
    assert "400元" not in said and "1900元" not in said, answer.answer  # the 培训奖励's raise is not this rate's
    assert all(c.clause.startswith("三、") for c in answer.citations), answer.citations


def test_the_raise_still_applies_to_its_own_sections_benefit(engine: OfflineEngine) -> None:
    answer = engine.answer("红花岗区家政公司的育婴员，拿了中级工证书，区里的培训奖励能拿多少？")
    assert "1900元" in body(answer), answer.answer


def test_a_raise_under_the_rates_own_heading_applies(engine: OfflineEngine) -> None:
    answer = engine.answer("我在桐梓县一家企业干了三年，今年30岁，刚拿到技师（二级）证书，一次性奖励能拿多少？")
    assert "3300元" in body(answer), answer.answer


@pytest.mark.parametrize("question", [
    "我在红花岗区一家家政公司当育婴员，有中级证，每个月的稳岗补贴有多少？最多能领几年？一共能领多少钱？",
    "红花岗区育婴员中级证，稳岗补贴每月多少，一共最多能领多少钱？",
])
def test_the_monthly_rate_and_the_whole_asked_together(engine: OfflineEngine, question: str) -> None:
    answer = engine.answer(question)
    said = body(answer)
    assert "6000元" in said and "250元" in said and "24个月" in said, answer.answer


def test_one_periods_whole_stays_one_period(engine: OfflineEngine) -> None:
    answer = engine.answer("红花岗区育婴员中级证，稳岗补贴每个月一共能领多少钱？")
    said = body(answer)
    assert "250元" in said and "6000元" not in said, answer.answer
