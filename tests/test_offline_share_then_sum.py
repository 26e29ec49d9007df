"""A group's rate worked out in two steps in one sentence (先按省定对应标准的120%计算，再增加150元): the higher level's
standard, that share of it, then the sum added — for the group the sentence names; everyone else gets the sum the
item before adds to the bare standard.

Fictional documents written for this test before the mechanism (no eval set has them, nothing was tuned on them): a
province's internship measures with an attachment of rates, and a prefecture-level city's notice adding to them.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from support import figures, lead, offline_engine_beside_library

from assistant.offline.engine import OfflineEngine

PROVINCE = """安徽省人力资源和社会保障厅 安徽省财政厅关于印发《安徽省就业见习管理办法》的通知
皖人社规〔2026〕2号
各市人力资源和社会保障局、财政局：
现将《安徽省就业见习管理办法》印发给你们，请认真贯彻执行。
安徽省就业见习管理办法
第一条 为规范就业见习管理，制定本办法。
第二条 见习单位吸纳离校2年内未就业高校毕业生参加就业见习的，按附件所列标准给予见习补贴，补贴期限最长12个月。
第三条 见习人员为脱贫家庭、低保家庭成员的，见习补贴按附件对应标准的120%执行。
第四条 本办法自2026年1月1日起施行，有效期5年。
附件
安徽省就业见习补贴标准
见习单位类别\t补贴标准
一般见习单位\t每人每月1500元
省级就业见习示范单位\t每人每月1800元
"""

CITY = """宿州市人力资源和社会保障局 宿州市财政局关于加大就业见习支持力度的通知
宿人社发〔2026〕6号
各县、区人力资源和社会保障局、财政局：
为落实《安徽省就业见习管理办法》，现就有关事项通知如下：
一、补贴标准
（一）全市见习单位吸纳见习人员的，见习补贴在省定标准基础上每人每月增加150元。
（二）属于省办法第三条规定的脱贫家庭、低保家庭成员的见习人员，先按省定对应标准的120%计算，再增加150元。
二、本通知自2026年3月1日起施行。
宿州市人力资源和社会保障局 宿州市财政局
2026年2月20日
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> OfflineEngine:
    return offline_engine_beside_library(tmp_path_factory.mktemp("share-then-sum"), {
        "anhui-2026-internship-measures.txt": PROVINCE,
        "suzhou-anhui-2026-internship-notice.txt": CITY,
    })


def test_the_groups_share_then_the_sum(engine: OfflineEngine) -> None:
    answer = engine.answer("宿州的一般见习单位，招了个见习生，家里是低保户，见习了4个月，单位能拿多少见习补贴？")
    assert answer.status == "answered", answer.answer
    # (1500 × 120% + 150) × 4
    assert Decimal("7800") in figures(lead(answer.answer)), answer.answer
    assert Decimal("1950") in figures(answer.answer), answer.answer


def test_everyone_else_gets_the_sum_alone(engine: OfflineEngine) -> None:
    answer = engine.answer("宿州的一般见习单位，招了个应届大学生见习了4个月，单位能拿多少见习补贴？")
    assert answer.status == "answered", answer.answer
    assert Decimal("6600") in figures(lead(answer.answer)), answer.answer  # (1500 + 150) × 4
