"""A first instalment of a raised whole, with the term paid for said beside a time already served.

One fictional provincial document written for this test (no eval set has it, nothing was tuned on it), added beside
the bundled library: a table of yearly rates per level in an annex, a raise for groups listed as alternatives (one of
them three characters long), a first instalment of "补贴总额" once half the term is served. A question naming one
group, the term (培养期两年) and the time served (培训满半年) must get the instalment of the raised whole for the
whole term: the term is the period worked out, the time served is a condition met, the short group calls for the
raise, and the whole the instalment is taken of is the table's rate — not the raise's own clause.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from support import figures, offline_engine_beside_library

from assistant.models import Conversation
from assistant.offline.engine import OfflineEngine

PROVINCE = """浙江省人力资源和社会保障厅 浙江省财政厅关于印发《浙江省企业学徒培训补贴办法》的通知
浙人社规〔2026〕3号
各市人力资源和社会保障局、财政局：
现将《浙江省企业学徒培训补贴办法》印发给你们，请认真贯彻执行。
浙江省企业学徒培训补贴办法
第一条 为支持企业开展学徒培训，制定本办法。
第二条 企业招用学徒开展培训，培养期为1年至2年，按附件规定的标准给予企业学徒培训补贴。
第三条 农村低保家庭成员、残疾人和零就业家庭成员作为学徒的，按附件对应标准的110%给予补贴。
第四条 学徒培训满6个月且阶段考核合格的，企业可申领补贴总额的50%；学徒取得职业技能等级证书后，申领其余50%。
第五条 本办法自2026年3月1日起施行。

附件

浙江省企业学徒培训补贴标准

序号\t学徒等级\t补贴标准（元/人·年）
1\t中级工（四级）\t4000
2\t高级工（三级）\t6000
3\t技师（二级）\t8000
4\t高级技师（一级）\t10000
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> OfflineEngine:
    return offline_engine_beside_library(tmp_path_factory.mktemp("instalment-of-raised"), {
        "zhejiang-2026-apprentice-subsidy-measures.txt": PROVINCE,
    })


@pytest.mark.parametrize(("question", "amount"), [
    # 6000 × 110% × 2 years = 13200, the first 50% = 6600
    ("浙江一家企业招了个残疾人当学徒，按高级工培养，培养期两年，培训满半年阶段考核也过了，第一笔能申请多少钱？",
     Decimal(6600)),
    # 8000 × 110% × 1 year = 8800, the first 50% = 4400
    ("我们公司在浙江，有个学徒是零就业家庭成员，培养技师，学徒期1年，已满6个月考核合格，先拨的那笔是多少？",
     Decimal(4400)),
    # no apprentice word: both durations are read as said, the term's (培养期两年) is worked out
    ("浙江企业培养一名残疾人高级工，培养期两年，目前培训了半年、阶段考核合格，第一笔可以申请多少？", Decimal(6600)),
])
def test_the_first_instalment_of_the_raised_whole(engine: OfflineEngine, question: str, amount: Decimal) -> None:
    answer = engine.answer(question)
    body = answer.answer.split("依据")[0]
    assert amount in figures(body), answer.answer
    cited = {c.clause for c in answer.citations}
    assert {"第三条", "第四条"} <= cited, cited


@pytest.mark.parametrize("turns", [
    ["浙江企业学徒培训补贴，高级工每人每年补多少？", "那这钱是一次给齐吗？"],
    ["浙江企业学徒培训补贴，高级工每人每年补多少？", "多久发一次？"],
    ["浙江的学徒培训补贴，技师一年多少钱？是一次发完还是分批给？"],
])
def test_how_the_money_is_paid_out_is_asked_beside_the_amount(engine: OfflineEngine, turns: list[str]) -> None:
    # 一次给齐吗 / 多久发一次: a procedure ask on paying out, answered by the instalment clause as well
    conversation = Conversation()
    for turn in turns:
        answer = engine.answer(turn, conversation)
    assert "50%" in answer.answer and "第四条" in {c.clause for c in answer.citations}, answer.answer
