"""How much one may borrow is asked as 能贷多少(钱) and written as 贷款额度: the loan's amount clause answers it, not
the interest-subsidy clause that states a figure too (synonyms.txt: 贷多少 → 贷款额度).

Fictional document written for this test (no eval set has it, nothing was tuned on it): a city's start-up loan rules
with an amount, a term and an interest-subsidy article.
"""

from __future__ import annotations

import pytest
from support import module_engine

from assistant.offline.engine import OfflineEngine

LOAN = """天水市人力资源和社会保障局 天水市财政局关于印发《天水市创业担保贷款实施办法》的通知
天人社规〔2026〕1号
各县区人力资源和社会保障局、财政局：
第一条 为支持创业带动就业，制定本办法。
第二条 城镇登记失业人员、高校毕业生、返乡创业农民工等可以申请创业担保贷款。
第三条 个人创业担保贷款额度最高不超过25万元；小微企业创业担保贷款额度最高不超过300万元。
第四条 个人创业担保贷款期限最长不超过3年，小微企业创业担保贷款期限最长不超过2年。
第五条 个人创业担保贷款由财政按实际支付利息的50%给予贴息。
第六条 本办法自2026年2月1日起施行。
"""


engine = module_engine("loan_amount", {"tianshui-2026-startup-loan-rules.txt": LOAN})


@pytest.mark.parametrize("question", ["在天水开店，创业担保贷款能贷多少钱？", "天水个人创业担保贷款最多能贷多少？"])
def test_how_much_one_may_borrow_is_the_loan_amount(engine: OfflineEngine, question: str) -> None:
    answer = engine.answer(question)
    assert answer.status == "answered", answer.answer
    first = answer.answer.split("\n")[0]
    assert "25万元" in first and "贴息" not in first, answer.answer
