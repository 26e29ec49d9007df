"""A clause names a level the way a question's reader reads one: the row of 高级技师 names neither 高级 nor 技师. A
technician who mentions the senior-worker level in passing (以前听说技师按高级工的标准补) gets the technician's row,
never the senior technician's, whose name holds both words.

Fictional document written for this test (no eval set has it, nothing was tuned on it).
"""

from __future__ import annotations

import pytest
from support import body, offline_engine_for

from assistant.offline.engine import OfflineEngine

PROVINCE = """青海省人力资源和社会保障厅 青海省财政厅关于印发《青海省职业技能提升补贴管理办法》的通知
青人社规〔2025〕8号
各市州人力资源社会保障局、财政局：
现将《青海省职业技能提升补贴管理办法》印发给你们，请认真贯彻执行。
青海省职业技能提升补贴管理办法
第一条 为鼓励劳动者提升技能，制定本办法。
第二条 补贴对象为在本省参加失业保险的企业职工。
第三条 职业技能等级证书按等级给予补贴：
（一）初级工（五级），每人1100元；
（二）中级工（四级），每人1600元；
（三）高级工（三级），每人2300元；
（四）技师（二级），每人3100元；
（五）高级技师（一级），每人3900元。
第四条 本办法自2025年5月1日起施行。
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> OfflineEngine:
    return offline_engine_for(tmp_path_factory.mktemp("level-named"), {
        "qinghai-2025-skill-upgrade-subsidy-measures.txt": PROVINCE,
    })


def test_a_technician_mentioning_the_senior_worker_level_gets_the_technicians_row(engine: OfflineEngine) -> None:
    answer = engine.answer("以前听人说在西宁技师是按高级工的标准补的。我今年考了技师证，现在能领多少？")
    said = body(answer)
    assert "3100元" in said, answer.answer
    assert "3900元" not in said, answer.answer


def test_a_senior_worker_gets_the_senior_workers_row(engine: OfflineEngine) -> None:
    answer = engine.answer("我在西宁上班，今年考了高级工证，能领多少技能提升补贴？")
    said = body(answer)
    assert "2300元" in said, answer.answer
    assert "3900元" not in said, answer.answer
