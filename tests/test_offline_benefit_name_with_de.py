"""A benefit's name with or without the modifier mark 的 is one name: 培训期间的生活费补贴 asked of a place whose
document writes 培训期间生活费补贴 (and the reverse) is that place's benefit, not another region's.

Fictional documents written for this test (no eval set has them, nothing was tuned on them): two prefectures' notices
on the living allowance paid during training, one writing the name with 的 and one without, at different rates.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from support import figures, lead, offline_engine_beside_library

from assistant.offline.engine import OfflineEngine

WITHOUT_DE = """林芝市人力资源和社会保障局 林芝市财政局关于做好培训期间生活费补贴发放工作的通知
林人社发〔2026〕3号
各县（区）人力资源和社会保障局、财政局：
一、脱贫劳动力参加补贴性职业技能培训并取得合格证书的，按实际培训天数，每人每天50元给予培训期间生活费补贴。
二、培训期间生活费补贴每人每年最多补贴20天，超出天数不予补贴。
三、本通知自2026年3月1日起施行，有效期3年。
"""

WITH_DE = """阿克苏地区人力资源和社会保障局关于规范培训期间的生活费补贴的通知
阿地人社发〔2026〕8号
各县（市）人力资源和社会保障局：
一、农村脱贫劳动力参加补贴性职业技能培训并取得合格证书的，按每人每天35元给予培训期间的生活费补贴。
二、培训期间的生活费补贴由培训机构汇总申报，经县（市）人力资源和社会保障局审核后发放至学员本人社会保障卡。
三、本通知自2026年5月1日起施行，有效期至2028年12月31日。
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> OfflineEngine:
    return offline_engine_beside_library(tmp_path_factory.mktemp("name_with_de"), {
        "linzhi-2026-living-allowance.txt": WITHOUT_DE, "aksu-2026-living-allowance.txt": WITH_DE})


def test_a_name_asked_with_de_is_the_name_written_without_it(engine: OfflineEngine) -> None:
    answer = engine.answer("我是林芝的脱贫户，参加了补贴性技能培训12天，拿到了合格证，培训期间的生活费补贴能给多少？")
    assert answer.status == "answered"
    assert Decimal("600") in figures(lead(answer.answer))  # 50元 × 12天
    assert "420" not in answer.answer  # 阿克苏's 35元 a day
    assert all(c.doc_id.startswith("linzhi") for c in answer.citations)


def test_a_name_asked_without_de_is_the_name_written_with_it(engine: OfflineEngine) -> None:
    answer = engine.answer("阿克苏的，我是脱贫劳动力，培训了10天拿了证，培训期间生活费补贴有多少？")
    assert answer.status == "answered"
    assert Decimal("350") in figures(lead(answer.answer))  # 35元 × 10天
    assert Decimal("500") not in figures(answer.answer)  # 林芝's 50元 a day
    assert all(c.doc_id.startswith("aksu") for c in answer.citations)
