"""A raise whose condition the asker fails is not theirs, and the standard it raises is: 具有亭湖区户籍的学员…在市级
标准基础上每人每天再增加5元 asked by a trainee registered in 射阳 pays 盐城's standard (江苏's 30元 a day raised by
盐城's 15元), said with why the district's 5元 is not theirs — never "不符合" and no amount. A raise whose condition
is only the benefit's name (培训期间生活费补贴在省定标准基础上每人每天提高15元) is every trainee's, so a district
trainee's 市级标准 is 45元, not the province's 30元. The clause of non-residents (非本区户籍学员按市级标准执行) judges
no resident, and 本市 in a county-level city's document (东台市) is that city, not the prefecture around it: a
trainee registered in 大丰 (盐城) is 非本市户籍 there.

Fictional documents written for this test (no eval set has them, nothing was tuned on them).
"""

from __future__ import annotations

import pytest
from support import offline_engine_for

from assistant.offline.engine import OfflineEngine

PROVINCE = """江苏省人力资源和社会保障厅 江苏省财政厅关于印发《江苏省培训期间生活费补贴管理办法》的通知
苏人社规〔2026〕9号
各设区市人力资源和社会保障局、财政局：
现将《江苏省培训期间生活费补贴管理办法》印发给你们，请认真贯彻执行。
江苏省培训期间生活费补贴管理办法
第一条 为支持脱贫劳动力和就业困难人员参加就业技能培训，制定本办法。
第二条 脱贫劳动力和就业困难人员参加就业技能培训期间，给予培训期间生活费补贴。
第三条 培训期间生活费补贴按每人每天30元的标准，按实际培训天数计算，每人每次最多不超过20天。
第四条 本办法自2026年3月1日起施行。
"""

CITY = """盐城市人力资源和社会保障局 盐城市财政局关于提高培训期间生活费补贴标准的通知
盐人社发〔2026〕12号
各县（市、区）人力资源和社会保障局、财政局：
一、提高补贴标准
（一）培训期间生活费补贴在省定标准基础上每人每天提高15元，补贴天数按省规定执行。
（二）各县（市、区）可在本通知标准基础上进一步提高。
二、本通知自2026年5月1日起施行。
"""

DISTRICT = """盐城市亭湖区人力资源和社会保障局关于进一步提高培训期间生活费补贴的通知
亭人社发〔2026〕3号
各镇（街道）：
一、具有亭湖区户籍的学员参加就业技能培训的，培训期间生活费补贴在市级标准基础上每人每天再增加5元。
二、非本区户籍学员按市级标准执行，不享受本区增加部分。
三、本通知自2026年6月1日起施行。
"""

COUNTY_CITY = """东台市创业担保贷款实施细则
东人社规〔2026〕2号
第一条 为支持创业带动就业，制定本细则。
第二条 在本市自主创业的登记失业人员、返乡创业农民工和高校毕业生，可申请个人创业担保贷款，最高不超过30万元。
第三条 非本市户籍人员持有本市居住证的，与本市户籍人员同等享受。
第四条 本细则自2026年4月1日起施行。
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> OfflineEngine:
    return offline_engine_for(tmp_path_factory.mktemp("raise-not-met"),
                              {"jiangsu-2026-living-allowance-measures.txt": PROVINCE,
                               "yancheng-2026-living-allowance-notice.txt": CITY,
                               "tinghu-2026-living-allowance-notice.txt": DISTRICT,
                               "dongtai-2026-startup-loan-rules.txt": COUNTY_CITY})


def said(answer) -> str:
    """The answer before its 依据 list (its 基准标准依据 line kept)."""
    return answer.answer.split("\n依据：")[0]


ASKED = "我是{}户口的脱贫户，在亭湖参加就业技能培训10天，培训期间生活费补贴能拿多少？"


def test_a_resident_gets_every_level_s_raise(engine: OfflineEngine) -> None:
    answer = engine.answer(ASKED.format("亭湖"))
    assert answer.status == "answered", answer.answer
    assert "共500元" in said(answer), answer.answer  # (30 + 15 + 5) × 10
    assert "不符合" not in said(answer), answer.answer


def test_a_trainee_the_raise_is_not_for_is_paid_the_standard_it_raises(engine: OfflineEngine) -> None:
    answer = engine.answer(ASKED.format("射阳"))
    assert answer.status == "answered", answer.answer
    assert "共450元" in said(answer), answer.answer  # (30 + 15) × 10: 盐城's standard
    assert "500元" not in said(answer) and "300元" not in said(answer), answer.answer
    assert "亭湖区户籍" in said(answer), answer.answer  # why the district's raise is not theirs
    assert {c.doc_id for c in answer.citations} >= {"tinghu-2026-living-allowance-notice",
                                                   "yancheng-2026-living-allowance-notice"}, answer.answer


def test_the_own_place_of_a_county_level_city_s_document_is_that_city(engine: OfflineEngine) -> None:
    answer = engine.answer("我是大丰户口，有东台的居住证，在东台开了个小店，能申请东台的创业担保贷款吗？")
    assert answer.status == "answered", answer.answer
    assert "不符合" not in said(answer), answer.answer
    assert {c.doc_id for c in answer.citations} == {"dongtai-2026-startup-loan-rules"}, answer.answer
