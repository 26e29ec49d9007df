"""A province's standard given for a county with no rule of its own is cited beside the clause letting counties raise
that standard (县（市、区）可在本办法规定标准基础上提高一次性创业补贴标准): the county may have raised it, the library
holds no such rule, the figure is the province's. A clause letting cities raise another benefit's standard (见习补贴)
is not cited for it; an answer stating no amount gets no such note.

Fictional document written for this test (no eval set has it, nothing was tuned on it).
"""

from __future__ import annotations

import pytest
from support import offline_engine_for

from assistant.offline.engine import OfflineEngine

PROVINCE = """云南省人力资源和社会保障厅 云南省财政厅关于印发《云南省就业见习和一次性创业补贴管理办法》的通知
云人社规〔2025〕7号
各州（市）人力资源社会保障局、财政局：
现将《云南省就业见习和一次性创业补贴管理办法》印发给你们，请遵照执行。
云南省就业见习和一次性创业补贴管理办法
第一条 为规范就业见习和创业补贴管理，制定本办法。
第二条 见习补贴按每人每月1500元的标准给予见习单位。
第三条 州（市）可结合本地实际，在本办法规定标准基础上适当提高见习补贴标准。
第四条 一次性创业补贴的标准为创办小微企业的每户6000元，从事个体经营的每户2500元。
第五条 县（市、区）可在本办法规定标准基础上提高一次性创业补贴标准，所需资金由当地统筹解决。
第六条 本办法自2025年9月1日起施行。
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> OfflineEngine:
    return offline_engine_for(tmp_path_factory.mktemp("lower-raise-allowed"), {
        "yunnan-2025-internship-startup-subsidy-measures.txt": PROVINCE,
    })


def test_the_county_may_raise_the_figure_given(engine: OfflineEngine) -> None:
    answer = engine.answer("我在弥勒开个体户，一次性创业补贴能拿多少？")
    assert "2500元" in answer.answer, answer.answer
    clauses = [c.clause for c in answer.citations]
    assert "第五条" in clauses, answer.answer
    assert "第三条" not in clauses, answer.answer  # the 见习补贴's raise is another benefit's
    assert "允许下级地区提高标准" in answer.answer, answer.answer


def test_no_note_without_an_amount(engine: OfflineEngine) -> None:
    answer = engine.answer("我在弥勒开个体户，一次性创业补贴要去哪里申请？")
    assert "允许下级地区提高标准" not in answer.answer, answer.answer
