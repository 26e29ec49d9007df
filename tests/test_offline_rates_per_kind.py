"""Rates listed per kind in one sentence split by semicolons (小微企业、农民专业合作社每户N元；个体工商户每户M元): a
question naming one kind of a listed group (小微企业) gets that group's rate, and a raise of that article's standard for
a group of people (按第五条规定标准的1.5倍) is worked out on it; the raise is not applied to another benefit the same
document grants (its 带动就业补贴), nor is a raise whose condition only says what it raises (…的见习单位，其当期见习补贴
按上表所列标准提高10%) applied to a question that merely names that benefit.

A fictional document written for this test (no eval set has it; nothing was tuned on it), after the mechanisms were
found on eval items of other documents.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from support import figures, lead, offline_engine_for

from assistant.offline.engine import OfflineEngine

CITY = """海林市人力资源和社会保障局 海林市财政局关于印发《海林市创业扶持和就业见习补贴办法》的通知
海人社规〔2026〕2号
各乡镇人民政府、街道办事处，市直各有关单位：
现将《海林市创业扶持和就业见习补贴办法》印发给你们，请认真贯彻执行。
海林市创业扶持和就业见习补贴办法
第一条 为鼓励创业带动就业，结合本市实际，制定本办法。
第二条 首次创办经营实体并正常经营1年以上的，可申领一次性创业补贴。
第三条 一次性创业补贴标准为：小微企业、农民专业合作社每户8000元；个体工商户每户3000元。
第四条 经营实体吸纳本市劳动者就业并签订1年以上劳动合同的，每吸纳1人给予1500元带动就业补贴。
第五条 申请人为退役军人或者残疾人的，按第三条规定标准的1.5倍给予一次性创业补贴。
第六条 就业见习补贴按下表标准计发。

| 序号 | 见习人员类别 | 补贴标准 |
| --- | --- | --- |
| 1 | 离校2年内未就业高校毕业生 | 每人每月1800元 |
| 2 | 脱贫家庭、低保家庭高校毕业生 | 每人每月2100元 |

第七条 见习期满留用率达到60%以上的见习单位，其当期见习补贴按上表所列标准提高20%。
第八条 本办法自2026年6月1日起施行。
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> OfflineEngine:
    return offline_engine_for(tmp_path_factory.mktemp("per-kind"), {
        "hailin-2026-startup-and-internship-subsidy-measures.txt": CITY,
    })


@pytest.mark.parametrize(("question", "amount"), [
    ("我在海林注册了一家小微企业，开了一年多了，一次性创业补贴能拿多少？", Decimal(8000)),
    ("海林开了个农民专业合作社，经营满一年了，一次性创业补贴多少钱？", Decimal(8000)),
    ("我是退役军人，在海林开了家小微企业，干了一年半了，一次性创业补贴能给多少？", Decimal(12000)),  # 8000 × 1.5
])
def test_a_kind_of_a_listed_group_gets_that_groups_rate(engine: OfflineEngine, question: str,
                                                        amount: Decimal) -> None:
    answer = engine.answer(question)
    assert answer.status == "answered", answer.answer
    assert amount in figures(lead(answer.answer)), answer.answer


@pytest.mark.parametrize("question", [
    "我是残疾人，在海林开了家小微企业，招了2个本地人签了两年合同，带动就业补贴一共多少？",
    "我是残疾人，在海林开了家小微企业，经营一年多了，招了2个本地人签了两年合同，一次性创业补贴加带动就业补贴一共多少？",
])
def test_a_raise_of_one_benefit_is_not_applied_to_another(engine: OfflineEngine, question: str) -> None:
    answer = engine.answer(question)
    assert answer.status == "answered", answer.answer
    body = answer.answer.split("依据：")[0]
    assert Decimal(3000) in figures(body) and Decimal(4500) not in figures(body), answer.answer  # 2 × 1500
    if "加" in question:  # 8000 × 1.5 + 2 × 1500
        assert Decimal(15000) in figures(lead(answer.answer)), answer.answer


def test_a_raise_whose_condition_only_names_the_benefit_is_not_applied(engine: OfflineEngine) -> None:
    answer = engine.answer("海林的见习补贴，低保家庭的高校毕业生每个月多少？")
    assert answer.status == "answered", answer.answer
    paid = figures(lead(answer.answer))
    assert Decimal(2100) in paid and Decimal(2520) not in paid, answer.answer  # no 留用率 said: no 20% raise
