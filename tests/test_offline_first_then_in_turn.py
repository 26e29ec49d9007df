"""A lower level's rule for applying a higher level's share first and its own raise after (先按省办法第六条规定的比例
计算，再按本条第（一）项上浮20%，每人每次培训补贴最高不超过2500元): for an asker both apply to, the province's share
for the group is applied to the province's standard, then the city's raise, capped as the rule caps it — never only
the city's raise (the most local one) on the bare standard.

Fictional documents written for this test before the mechanism (no eval set has them, nothing was tuned on them): a
province's training-subsidy measures with a share for groups, and a prefecture-level city's notice raising it for
occupations in short supply.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from support import figures, lead, offline_engine_beside_library

from assistant.offline.engine import OfflineEngine

PROVINCE = """陕西省人力资源和社会保障厅 陕西省财政厅关于印发《陕西省职业技能培训补贴办法》的通知
陕人社规〔2026〕5号
各设区市人力资源和社会保障局、财政局：
现将《陕西省职业技能培训补贴办法》印发给你们，请认真贯彻执行。
陕西省职业技能培训补贴办法
第一条 为规范职业技能培训补贴管理，制定本办法。
第二条 劳动者参加职业技能培训并取得职业技能等级证书的，按附件所列标准给予培训补贴。
第三条 就业困难人员、脱贫劳动力参加培训的，按附件对应标准的120%给予培训补贴。
第四条 本办法自2026年2月1日起施行，有效期5年。
附件
陕西省职业技能培训补贴标准
等级\t补贴标准
初级工（五级）\t1000元/人
中级工（四级）\t1500元/人
高级工（三级）\t2000元/人
"""

CITY = """汉中市人力资源和社会保障局 汉中市财政局关于做好紧缺职业培训补贴工作的通知
汉人社发〔2026〕7号
各县（区）人力资源和社会保障局、财政局：
为落实《陕西省职业技能培训补贴办法》，现就有关事项通知如下：
一、提高紧缺职业培训补贴标准
（一）紧缺职业上浮。纳入《汉中市紧缺职业（工种）目录》的职业（工种），培训补贴在省定标准基础上上浮20%。
（二）重点群体叠加计算。就业困难人员、脱贫劳动力参加目录内职业培训的，先按省办法第三条规定的比例计算，\
再按本条第（一）项上浮20%，每人每次培训补贴最高不超过2500元。
二、本通知自2026年5月1日起施行。
汉中市人力资源和社会保障局 汉中市财政局
2026年4月15日
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> OfflineEngine:
    return offline_engine_beside_library(tmp_path_factory.mktemp("in-turn"), {
        "shaanxi-2026-training-subsidy-measures.txt": PROVINCE,
        "hanzhong-2026-shortage-occupation-notice.txt": CITY,
    })


@pytest.mark.parametrize("question, amount", [
    # 1500 × 120% = 1800, then × (1 + 20%) = 2160
    ("我是汉中的脱贫劳动力，学的工种在汉中市紧缺职业目录里，考了中级工（四级）证，培训补贴能拿多少？", Decimal(2160)),
    # 2000 × 120% = 2400, × 1.2 = 2880, capped at 2500
    ("汉中的就业困难人员，参加紧缺目录里的职业培训，拿了高级工（三级）证书，能领多少培训补贴？", Decimal(2500)),
])
def test_the_higher_levels_share_comes_first_then_the_raise(engine: OfflineEngine, question: str,
                                                           amount: Decimal) -> None:
    answer = engine.answer(question)
    assert answer.status == "answered", answer.answer
    assert amount in figures(lead(answer.answer)), answer.answer
    assert {c.clause for c in answer.citations} >= {"一、（二）", "第三条"}, answer.citations


def test_an_asker_outside_the_group_gets_the_raise_alone(engine: OfflineEngine) -> None:
    answer = engine.answer("我在汉中上班，学的工种在汉中市紧缺职业目录里，考了中级工（四级）证，培训补贴能拿多少？")
    assert answer.status == "answered", answer.answer
    assert Decimal(1800) in figures(lead(answer.answer)), answer.answer  # 1500 × (1 + 20%)
    assert Decimal(2160) not in figures(answer.answer), answer.answer
