"""How often a benefit may be had, asked among the asker's story, and rough counts said with two digits.

Fictional document written for this test (no eval set has them, nothing was tuned on them): a province's
skill-upgrade measures with a contribution condition, amounts by level, a limit on claims per calendar year and an
application deadline.
"""

from __future__ import annotations

import pytest
from support import lead, offline_engine_beside_library

from assistant.offline.engine import OfflineEngine

PROVINCE = """陕西省人力资源和社会保障厅 陕西省财政厅关于印发《陕西省职业技能提升补贴办法》的通知
陕人社规〔2026〕3号
各市（区）人力资源社会保障局、财政局：
现将《陕西省职业技能提升补贴办法》印发给你们，请遵照执行。
陕西省职业技能提升补贴办法
第一条 为提升劳动者职业技能水平，制定本办法。
第二条 在本省依法参加失业保险、累计缴纳失业保险费满12个月（含）以上的企业职工，取得职业技能等级证书的，\
可申领职业技能提升补贴。
第三条 补贴标准为：初级工每人1100元，中级工每人1600元，高级工每人2100元。
第四条 同一职业（工种）同一等级只能享受一次补贴；每人每个自然年度最多申领两次，且应当为不同职业（工种）。
第五条 职工应当自取得证书之日起12个月内，通过陕西人社公共服务平台提出申请。
第六条 本办法自2026年1月1日起施行，有效期5年。
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> OfflineEngine:
    return offline_engine_beside_library(tmp_path_factory.mktemp("often"), {
        "shaanxi-2026-skill-upgrade.txt": PROVINCE})


def test_whether_one_may_claim_again_this_year_is_answered_by_the_limit_on_claims(engine: OfflineEngine) -> None:
    answer = engine.answer("宝鸡的，社保交了好几年了。今年3月电工中级证已经领过补贴，"
                           "10月又考了个焊工中级证（不同工种），同一年还能再申请一次不？")
    assert answer.status == "answered", answer.answer
    assert [c.clause for c in answer.citations][:1] == ["第四条"], answer.answer
    assert "两次" in answer.answer


def test_a_rough_count_of_months_is_the_fewer_not_the_digits_read_together(engine: OfflineEngine) -> None:
    answer = engine.answer("宝鸡的，失业保险才交了两三个月，考了个中级工证，能申请技能提升补贴吗？")
    assert answer.status == "answered", answer.answer
    assert "不符合" in lead(answer.answer) and "12个月" in answer.answer, answer.answer
