"""Places compared on an amount (在甲和在乙各补多少): each place's part gives its own amount — the city's top-up on
the province's standard for the city, the province's standard for a sibling city without a document — not the
clause that best matches the comparison's words (the city's list of firms).

Two fictional documents written for this test (no eval set has them, nothing was tuned on them): a province's
measures with a flat per-head sum and a city's top-up on it for the firms of a list (the list's item matches the
question's words best; the amount clause answers).
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from support import figures, offline_engine_beside_library

from assistant.offline.engine import OfflineEngine

PROVINCE = """吉林省人力资源和社会保障厅 吉林省财政厅关于印发《吉林省一次性扩岗补助实施办法》的通知
吉人社规〔2025〕3号
各市（州）人力资源社会保障局、财政局：
现将《吉林省一次性扩岗补助实施办法》印发给你们，请认真贯彻执行。
第一条　企业招用登记失业人员并签订1年以上劳动合同、按月缴纳社会保险费满3个月的，按每人1500元给予一次性扩岗补助。
第二条　每户企业每年享受的一次性扩岗补助总额不超过20万元。
第三条　本办法自2025年3月1日起施行，有效期5年。
吉林省人力资源和社会保障厅 吉林省财政厅
2025年2月10日
"""

CITY = """长春市人力资源和社会保障局 长春市财政局关于加大一次性扩岗补助支持力度的通知
长人社发〔2025〕14号
各县（市）区人力资源和社会保障局、财政局：
一、本市重点产业链企业包括：
（一）汽车及零部件企业；
（二）电子信息、光电子企业。
二、重点产业链企业招用登记失业人员的，一次性扩岗补助在省定标准基础上每人再增加500元。
三、本通知自2025年5月1日起施行，有效期2年。
长春市人力资源和社会保障局 长春市财政局
2025年4月18日
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> OfflineEngine:
    return offline_engine_beside_library(tmp_path_factory.mktemp("compared"), {
        "jilin-2025-job-expansion.txt": PROVINCE, "changchun-2025-job-expansion.txt": CITY})


def test_each_place_compared_gets_its_own_amount(engine: OfflineEngine) -> None:
    answer = engine.answer("我们在长春和四平各有一个电子信息厂，都招了登记失业的人，一次性扩岗补助每人分别给多少？")
    assert answer.status == "answered", answer.answer
    stated = figures(answer.answer)
    assert {Decimal(2000), Decimal(1500)} <= stated, answer.answer
    cited = {(c.doc_id, c.clause) for c in answer.citations}
    assert {("changchun-2025-job-expansion", "二、"), ("jilin-2025-job-expansion", "第一条")} <= cited
