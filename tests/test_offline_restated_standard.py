"""A share of a standard the sentence restates by its figure (新招用人员为脱贫人口的，按每人每天N元标准的1.5倍给予补贴):
the figure is not that sentence's own rate but the standard of the clause stating it, worked out with the question's
heads and days, then the share; a question of no such group gets the standard.

A fictional document written for this test (no eval set has it; nothing was tuned on it), after the mechanism was
found on a question about another document.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from support import answered_with, offline_engine_for

from assistant.offline.engine import OfflineEngine

COUNTY = """富平县人力资源和社会保障局 富平县财政局关于印发《富平县岗前培训补贴实施办法》的通知
富人社发〔2026〕10号
各镇人民政府，县级有关部门：
现将《富平县岗前培训补贴实施办法》印发给你们，请认真贯彻执行。
富平县岗前培训补贴实施办法
一、一次性吸纳就业补贴
企业新招用脱贫人口并签订1年以上劳动合同的，按每人2000元给予一次性吸纳就业补贴。
二、岗前培训补贴
1.企业对新招用人员开展岗前培训的，按实际培训天数，每人每天50元给予企业补贴。
2.新招用人员为脱贫人口、残疾人的，按每人每天50元标准的2倍给予补贴。
3.同一人员岗前培训补贴最长不超过8天。
三、本办法自2026年11月1日起施行。
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> OfflineEngine:
    return offline_engine_for(tmp_path_factory.mktemp("restated"), {"fuping-2026-pre-job-training-subsidy.txt": COUNTY})


@pytest.mark.parametrize(("question", "amount", "wrong"), [
    ("富平一家工厂新招了2个残疾人，组织了5天岗前培训，岗前培训补贴能拿多少？", Decimal(1000), Decimal(500)),  # 50×2×2×5
    ("富平的企业新招了4个普通工人，搞了3天岗前培训，岗前培训补贴一共多少？", Decimal(600), Decimal(1200)),  # 50×4×3
])
def test_a_share_of_a_restated_standard_is_worked_out_from_the_clause_stating_it(
        engine: OfflineEngine, question: str, amount: Decimal, wrong: Decimal) -> None:
    answered_with(engine, question, amount, wrong)
