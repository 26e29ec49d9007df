"""A question asking a figure that is not money (几次, 几年, 多久) is answered by the sentence of the clause stating a
figure of that kind (累计次数不超过3次), not by the clause's first sentence (贷款期限最长不超过3年) or its best match.

A fictional county document written for this test (no eval set has it, nothing was tuned on it).
"""

from __future__ import annotations

import pytest
from support import offline_engine_for

from assistant.offline.engine import OfflineEngine

COUNTY = """合水县创业担保贷款实施办法
合人社规〔2026〕3号
第一条 为支持创业带动就业，制定本办法。
第二条 个人创业担保贷款额度最高不超过25万元。
第三条 创业担保贷款期限最长不超过3年。借款人按期还款且带动就业成效明显的，可再次申请创业担保贷款，累计次数不超过4次。
第四条 本办法自2026年4月1日起施行。
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> OfflineEngine:
    return offline_engine_for(tmp_path_factory.mktemp("asked-figure"), {"heshui-2026-startup-loans.txt": COUNTY})


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("合水县的创业担保贷款，还清了还能再贷，一共最多能贷几次？", "累计次数不超过4次"),
        ("合水县创业担保贷款最长能贷几年？", "最长不超过3年"),
    ],
)
def test_the_lead_states_the_kind_of_figure_asked(engine, question, said):
    answer = engine.answer(question)
    assert answer.status == "answered", answer.answer
    assert said in answer.answer.splitlines()[0], answer.answer
