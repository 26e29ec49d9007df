"""A most per head and a most in all (每人不超过N元，总额最高不超过M元): the heads the question counts times the most
per head, never above the most in all.

A fictional city document written for this test (no eval set has it, nothing was tuned on it): a business-start loan
with a most for one borrower, a most per partner and in all for a partnership, and a most for a small firm.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from support import assert_leads_with, clause_chunk, offline_engine_beside_library

from assistant.offline.engine import OfflineEngine
from assistant.rules.drafting import draft_from_chunks

CITY = """营口市人力资源和社会保障局 营口市财政局关于印发《营口市创业担保贷款实施办法》的通知
营人社发〔2025〕14号
各县（市）区人力资源和社会保障局、财政局：
现将《营口市创业担保贷款实施办法》印发给你们，请认真贯彻执行。
营口市创业担保贷款实施办法
第一条　在本市创业的城镇登记失业人员、高校毕业生、返乡创业农民工可以申请创业担保贷款。
第二条　个人创业担保贷款额度最高不超过20万元。
第三条　合伙创业的，贷款额度按合伙人数合计，每人不超过20万元，总额最高不超过100万元。
第四条　小微企业创业担保贷款额度最高不超过300万元。
第五条　本办法自2025年4月1日起施行，有效期5年。
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> OfflineEngine:
    return offline_engine_beside_library(tmp_path_factory.mktemp("caps"), {"yingkou-2025-startup-loans.txt": CITY})


def test_a_most_per_head_and_in_all_is_drafted_as_a_rate_capped_in_all() -> None:
    clause = clause_chunk("第三条", "第三条　合伙创业的，每人不超过20万元，总额最高不超过100万元。")
    [rule] = draft_from_chunks("d", "某市", [clause])["rules"]
    assert rule["formula"]["kind"] == "rate_by_category" and rule["formula"]["count"] == "people"
    assert rule["parameters"]["rate"]["value"] == 200000 and rule["parameters"]["max_total"]["value"] == 1000000


@pytest.mark.parametrize(("question", "amount", "wrong"), [
    ("营口我们三个人合伙开个汽修厂，一共最多能贷多少？", Decimal(600000), Decimal(200000)),
    ("营口六个人合伙创业，贷款总共最多能贷多少？", Decimal(1000000), Decimal(1200000)),
])
def test_heads_times_the_most_per_head_never_above_the_most_in_all(
        engine: OfflineEngine, question: str, amount: Decimal, wrong: Decimal) -> None:
    answer = engine.answer(question)
    assert_leads_with(answer.answer, amount, wrong)
    assert answer.citations[0].clause == "第三条", answer.answer
