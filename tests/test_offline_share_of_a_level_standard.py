"""A share of the standard of the matching level (按对应等级补贴标准的50%, for trainees holding only a certificate of
completion): the words naming the standard it is a share of (对应等级补贴标准) name no other benefit, so the share is
worked out from the level's row; and asked for beside a living allowance in one total, the share is the training
subsidy's part only — never applied to the living allowance.

A fictional document written for this test (no eval set has it, nothing was tuned on it): a prefecture-level city's
e-commerce training notice.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from support import figures, lead, offline_engine_beside_library

from assistant.offline.engine import OfflineEngine

CITY = """楚雄州人力资源和社会保障局 楚雄州财政局关于开展电子商务技能培训补贴工作的通知
楚人社发〔2026〕15号
各县（市）人力资源和社会保障局、财政局：
为提升劳动者电子商务技能，现就有关事项通知如下。
一、补贴标准
（一）学员参加电子商务师（直播销售员）培训并取得职业技能等级证书的，按以下标准给予培训补贴：初级（五级）每人900元，\
中级（四级）每人1600元，高级（三级）每人2400元。
（二）学员完成培训但未取得职业技能等级证书、仅取得培训合格证书的，按对应等级补贴标准的50%给予补贴。
（三）脱贫人口、就业困难人员参加脱产培训的，培训期间按每人每天30元给予生活费补贴，最长不超过15天。
二、申领程序
学员应在结业之日起3个月内向所在县（市）公共就业服务机构申请。
三、本通知自2026年4月1日起施行，有效期3年。
楚雄州人力资源和社会保障局 楚雄州财政局
2026年3月18日
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> OfflineEngine:
    return offline_engine_beside_library(tmp_path_factory.mktemp("share"),
                                         {"chuxiong-2026-e-commerce-notice.txt": CITY})


def test_a_share_of_the_matching_levels_standard_is_worked_out(engine: OfflineEngine) -> None:
    answer = engine.answer("楚雄的，参加直播销售员中级培训，没考过证，只拿了结业的培训合格证书，培训补贴有多少？")
    assert answer.status == "answered", answer.answer
    assert Decimal("800") in figures(lead(answer.answer)), answer.answer  # 1600 × 50%


def test_the_share_is_the_training_subsidys_part_of_a_total_only(engine: OfflineEngine) -> None:
    answer = engine.answer("我是楚雄的脱贫人口，脱产学了12天直播销售员高级，最后只拿到培训合格证书。"
                           "培训补贴和生活费补贴合计能拿多少？")
    assert answer.status == "answered", answer.answer
    # 2400 × 50% + 30 × 12
    assert Decimal("1560") in figures(lead(answer.answer)), answer.answer
    assert {Decimal("1200"), Decimal("360")} <= figures(answer.answer), answer.answer
    assert Decimal("180") not in figures(answer.answer), answer.answer  # 360 × 50%: never the living allowance's


def test_each_benefit_of_a_total_is_called_by_its_own_name(engine: OfflineEngine) -> None:
    # the words running into the first benefit's name (学员身上) are no part of it: its part is the 培训补贴's
    answer = engine.answer("楚雄的脱贫人口，脱产学了12天直播销售员高级，只拿到培训合格证书，"
                           "学员身上培训补贴和生活费补贴加起来多少？")
    assert answer.status == "answered", answer.answer
    assert "培训补贴1200元 + 生活费补贴360元" in lead(answer.answer), answer.answer
    assert "身上" not in lead(answer.answer), answer.answer
