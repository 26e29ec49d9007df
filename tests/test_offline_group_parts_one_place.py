"""Groups worked out apart are totalled only when their parts rest on one place's rules: asked with no place, one
group's part may find 恩施's clause and the other's 岳阳's — their sum would pass one city's rule off as another's,
so the question is worked out whole instead, from one place's clause. Asked of 恩施, the parts are totalled.

Fictional documents written for this test (no eval set has them, nothing was tuned on them).
"""

from __future__ import annotations

import pytest
from support import offline_engine_for

from assistant.offline.engine import OfflineEngine

PREFECTURE = """恩施土家族苗族自治州人力资源和社会保障局 恩施州财政局关于实施企业吸纳就业补贴的通知
恩施州人社发〔2026〕7号
各县（市）人力资源和社会保障局、财政局：
一、补贴对象。州内企业招用脱贫劳动力、登记失业人员，签订1年以上劳动合同并按规定缴纳社会保险费的，给予一次性吸纳就业补贴。
二、补贴标准。招用脱贫劳动力的，每人2000元；招用登记失业人员的，每人1000元。
三、本通知自2026年1月1日起施行。
"""

CITY = """岳阳市人力资源和社会保障局关于实施企业吸纳就业补贴的通知
岳人社发〔2026〕2号
各县市区人力资源和社会保障局：
一、企业招用登记失业人员，签订1年以上劳动合同并按规定缴纳社会保险费的，给予一次性吸纳就业补贴每人1500元。
二、本通知自2026年1月1日起施行。
"""

HIRED = "{}今年招了6个人，4个是脱贫劳动力，另外2个是登记失业人员，都签了一年合同交了社保，一次性吸纳就业补贴能领多少？"


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> OfflineEngine:
    return offline_engine_for(tmp_path_factory.mktemp("group-parts-one-place"), {
        "enshi-2026-absorption-subsidy-notice.txt": PREFECTURE,
        "yueyang-2026-absorption-subsidy-notice.txt": CITY,
    })


def test_parts_resting_on_two_places_rules_are_not_totalled(engine: OfflineEngine) -> None:
    answer = engine.answer(HIRED.format("我们公司"))
    assert answer.status == "answered", answer.answer
    assert len({c.doc_id for c in answer.citations}) == 1, answer.answer  # one place's rules
    assert not answer.answer.startswith("合计"), answer.answer  # no total of 恩施's 8000元 and 岳阳's 3000元


def test_parts_of_the_named_place_are_totalled(engine: OfflineEngine) -> None:
    answer = engine.answer(HIRED.format("恩施一家公司"))
    assert answer.status == "answered", answer.answer
    assert answer.answer.startswith("合计10000元"), answer.answer
