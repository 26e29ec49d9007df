"""A benefit the question names in its own words (带徒津贴: the library has no name for it) that only another
region's documents grant is not the asked place's: asked of a city of the province whose own documents grant none of
its kind, the answer says none was found there and names where one is — the province's apprentice-training clauses
never answer for it. Asked of a city granting one of its kind under another noun (师带徒补贴), that city's clause
answers.

Fictional documents written for this test (no eval set has them, nothing was tuned on them).
"""

from __future__ import annotations

import pytest
from support import body, offline_engine_for

from assistant.offline.engine import OfflineEngine

PROVINCE = """贵州省人力资源和社会保障厅 贵州省财政厅关于印发《贵州省企业新型学徒制培训补贴办法》的通知
黔人社规〔2025〕5号
各市（州）人力资源社会保障局、财政局：
现将《贵州省企业新型学徒制培训补贴办法》印发给你们，请遵照执行。
贵州省企业新型学徒制培训补贴办法
第一条 为规范企业新型学徒制培训补贴管理，制定本办法。
第二条 企业新型学徒制培训补贴标准为：中级工每人每年4500元，高级工每人每年6500元。
第三条 企业应在学徒取得职业技能等级证书之日起6个月内申领剩余补贴。
第四条 本办法自2025年6月1日起施行。
"""

GRANTING = """遵义市人力资源和社会保障局 遵义市财政局关于深化企业新型学徒制的通知
遵人社发〔2025〕12号
各县（市、区）人力资源和社会保障局、财政局：
现就深化企业新型学徒制有关事项通知如下：
一、学徒培训补贴按省办法规定执行。
二、设立带徒师傅津贴
（一）津贴标准。企业带徒师傅每带1名学徒每月给予带徒师傅津贴350元。
三、本通知自2025年9月1日起施行。
"""

ANOTHER_NOUN = """安顺市人力资源和社会保障局关于实施师带徒补贴的通知
安人社发〔2025〕6号
各县（区）人力资源和社会保障局：
现就实施师带徒补贴有关事项通知如下：
一、师带徒补贴。企业师傅每带1名学徒，每月给予师带徒补贴300元。
二、本通知自2025年10月1日起施行。
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> OfflineEngine:
    return offline_engine_for(tmp_path_factory.mktemp("own-named-elsewhere"), {
        "guizhou-2025-apprenticeship-subsidy-measures.txt": PROVINCE,
        "zunyi-2025-apprenticeship-notice.txt": GRANTING,
        "anshun-2025-master-apprentice-notice.txt": ANOTHER_NOUN,
    })


def test_a_city_with_no_such_allowance_is_told_so(engine: OfflineEngine) -> None:
    answer = engine.answer("六盘水的企业，老师傅带学徒，每个月有没有带徒津贴？一个月给多少？")
    assert answer.status == "not_found", answer.answer
    assert "遵义" in answer.answer, answer.answer  # where one is granted
    assert "没有关于带徒津贴" in answer.answer, answer.answer  # what the place lacks, by the name asked (有没有 off)
    assert not any(c.doc_id.startswith("guizhou") for c in answer.citations), answer.answer


def test_the_granting_city_answers(engine: OfflineEngine) -> None:
    answer = engine.answer("遵义的企业，老师傅带学徒，每个月有没有带徒津贴？一个月给多少？")
    assert answer.status == "answered", answer.answer
    assert "350元" in body(answer), answer.answer


def test_a_city_granting_it_under_another_noun_answers(engine: OfflineEngine) -> None:
    answer = engine.answer("安顺的企业，老师傅带学徒，每个月有没有带徒津贴？一个月给多少？")
    assert answer.status == "answered", answer.answer
    assert "300元" in body(answer), answer.answer
