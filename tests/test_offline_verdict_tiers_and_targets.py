"""What a yes/no verdict may rest on. Two fictional documents written for this test (no eval set has them, nothing
was tuned on them): a district's monthly post subsidy for 育婴员, paid by certificate level in a table, and a national
育婴员 skills action whose goals say what share of trainees should reach 中级工 or above.

- A table's row for a higher level (高级工及以上：400元) is a tier, not a condition: the holder of a 中级 certificate,
  whose own row pays 300元, is not told 不符合.
- A target for a population (取得中级工及以上证书的比例不低于40%) is no condition on the asker: the holder of an
  初级 certificate is not told 不符合 because of it.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from support import figures, offline_engine_beside_library

from assistant.offline.engine import OfflineEngine

DISTRICT = """# 哈尔滨市道里区人力资源和社会保障局关于印发《道里区托育从业人员岗位补贴实施细则》的通知

里人社发〔2025〕6号

## 一、补贴对象

在道里区登记注册的托育机构中从事一线保育工作、签订1年以上劳动合同并参加社会保险的育婴员。

## 二、补贴标准

| 证书等级 | 补贴标准 | 最长享受期限 |
| --- | --- | --- |
| 育婴员初级工（五级） | 200元/人/月 | 12个月 |
| 育婴员中级工（四级） | 300元/人/月 | 24个月 |
| 育婴员高级工（三级）及以上 | 400元/人/月 | 36个月 |

## 三、申领程序

托育机构于每季度首月15日前向区就业服务中心提交申请，区就业服务中心在10个工作日内完成审核。

## 四、其他

本细则自2025年10月1日起施行，有效期3年。
"""

NATIONAL = """人力资源社会保障部 国家卫生健康委关于开展育婴员职业技能提升行动的通知
人社部发〔2025〕44号
各省、自治区、直辖市人力资源社会保障厅（局）、卫生健康委：
一、工作目标
到2027年，累计培训育婴员50万人次，其中取得中级工及以上职业技能等级证书的比例不低于40%。
二、培训对象
（一）在托育机构从业或者有意愿从事托育服务工作、年满16周岁的劳动者，均可参加育婴员职业技能培训。
三、补贴标准
（一）参加育婴员培训并取得初级工证书的，每人补贴800元；取得中级工证书的，每人补贴1200元。
四、本通知自2025年8月1日起施行。
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> OfflineEngine:
    return offline_engine_beside_library(tmp_path_factory.mktemp("tiers"), {
        "daoli-2025-childcare-post-subsidy.md": DISTRICT, "mohrss-2025-childcare-skills-action.txt": NATIONAL})


def test_a_higher_row_of_a_level_table_is_no_condition_the_asker_fails(engine: OfflineEngine) -> None:
    answer = engine.answer("我在道里区一家托育机构当育婴员，有中级工证，每个月的岗位补贴我能领吗？")
    assert answer.status == "answered", answer.answer
    assert "不符合" not in answer.answer, answer.answer
    assert Decimal(300) in figures(answer.answer), answer.answer


def test_a_target_share_of_trainees_is_no_condition_on_the_asker(engine: OfflineEngine) -> None:
    answer = engine.answer("我刚考了育婴员初级证，国家这个育婴员培训补贴我能领吗？")
    assert answer.status == "answered", answer.answer
    assert "不符合" not in answer.answer, answer.answer
    assert "比例" not in answer.answer.split("依据")[0], answer.answer
