"""What the asker has taken out (办了营业执照, 注册了公司) is a situation an excluding sentence can name: a placement
programme's 已办理营业执照的人员，不得安置 settles an eligibility question 不符合 — never a 符合 read from the age
alone.

Fictional document written for this test (no eval set has it, nothing was tuned on it): a prefecture city's rules on
placing people with employment difficulties in public-welfare posts.
"""

from __future__ import annotations

import pytest
from support import offline_engine_beside_library, verdict

from assistant.offline.engine import OfflineEngine

CITY = """德宏州人力资源和社会保障局 德宏州财政局关于印发《德宏州公益性岗位安置管理办法》的通知
德人社发〔2026〕7号
各县（市）人力资源和社会保障局、财政局：
现将《德宏州公益性岗位安置管理办法》印发给你们，请认真贯彻执行。
德宏州公益性岗位安置管理办法
第一条 本办法所称公益性岗位，是指以安置就业困难人员为主的非营利性公共服务岗位。
第二条 公益性岗位安置对象为本州登记失业满1年的就业困难人员，以及女性年满45周岁、男性年满55周岁的大龄失业人员。
第三条 已办理工商营业执照、已在其他单位参加社会保险或已按月领取基本养老金的人员，不得安置到公益性岗位。
第四条 公益性岗位补贴按每人每月1400元发放，安置期限最长不超过3年。
第五条 本办法自2026年3月1日起施行，有效期5年。
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> OfflineEngine:
    return offline_engine_beside_library(tmp_path_factory.mktemp("licence"), {"dehong-2026-public-posts.txt": CITY})


def test_a_licence_the_asker_took_out_falls_in_the_excluded_group(engine: OfflineEngine) -> None:
    question = "德宏的，我今年五十六，失业快两年了，前年办了营业执照开网店，还能安置到公益性岗位吗？"
    first, whole = verdict(engine, question)
    assert "不符合" in first and "营业执照" in whole


def test_without_a_licence_the_age_and_unemployment_decide(engine: OfflineEngine) -> None:
    first, _ = verdict(engine, "德宏的，我今年五十六，失业登记快两年了，能安置到公益性岗位吗？")
    assert "不符合" not in first
