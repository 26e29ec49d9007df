"""A stay with a part month (见习了6个半月) is counted as the document counts a part month — 不足1个月的不计发 (whole
months) or 满半个月不满1个月的按半个月计发 (half months), the sentence cited — and a total of two benefits a table pays
apart (每人每月N元 rows, 一次性留用奖励 row) takes each part's own row; a rate bound the question says is not reached
(留用率不到一半 of 留用率达到50%以上…提高10%) raises nothing, and one it reaches raises the row worked out.

Fictional documents written for this test (no eval set has them; nothing was tuned on them), after the mechanisms were
found on a question about another district's internship rules.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from support import answered_with, offline_engine_for

from assistant.offline.engine import OfflineEngine
from assistant.offline.verdicts import Stated, stated_checks
from ingest.knowledge import Knowledge
from ingest.quantities import find_quantities

CITY = """余姚市人力资源和社会保障局 余姚市财政局关于印发《余姚市就业见习补贴办法》的通知
余人社发〔2026〕4号
各乡镇人民政府、街道办事处：
现将《余姚市就业见习补贴办法》印发给你们，请认真贯彻执行。
## 一、补贴标准

（一）见习补贴按实际见习月数计发，标准见下表。见习不足1个月的不计发。

| 序号 | 见习人员类别 | 补贴标准 |
| --- | --- | --- |
| 1 | 离校2年内未就业高校毕业生 | 每人每月2100元 |
| 2 | 16—24岁登记失业青年 | 每人每月2100元 |
| 3 | 见习期满留用并签订1年以上劳动合同的人员 | 一次性留用奖励每人2500元 |

（二）见习期满留用率达到50%（含）以上的见习单位，见习补贴按上表所列标准提高10%。一次性留用奖励不适用提高比例。

## 二、附则

本办法自2026年7月1日起施行。
"""
TOWN = """慈溪市人力资源和社会保障局关于就业见习补贴的通知
慈人社发〔2026〕9号
各镇人民政府：
一、见习单位吸纳离校2年内未就业高校毕业生参加就业见习的，按每人每月1800元给予见习补贴。
二、见习补贴按实际见习时间计发，满半个月不满1个月的按半个月计发，不满半个月的不计发。
三、本通知自2026年8月1日起施行。
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> OfflineEngine:
    return offline_engine_for(tmp_path_factory.mktemp("months"), {
        "yuyao-2026-internship-subsidy.md": CITY, "cixi-2026-internship-subsidy.txt": TOWN})


def test_a_part_month_the_document_does_not_pay_is_left_out(engine: OfflineEngine) -> None:
    text = answered_with(engine, "余姚一家公司带了个离校一年还没就业的高校毕业生见习，见习了6个半月，"
                                 "单位能拿多少见习补贴？", Decimal(12600))  # 2100 × 6
    assert "不足1个月的不计发" in text, text


@pytest.mark.parametrize(("said", "amount"), [("不到一半", Decimal(12600)), ("有七成", Decimal(13860))])
def test_a_rate_the_question_says_is_below_the_bound_raises_nothing(engine: OfflineEngine, said: str,
                                                                   amount: Decimal) -> None:
    # 不到一半 is below 达到50%（含）以上, however 一半 reads as 50%; 七成 reaches it: 2100 × 1.1 × 6
    answered_with(engine, f"余姚的企业带了个离校一年还没就业的高校毕业生见习了6个月，公司见习期满留用率{said}，"
                          "见习补贴能拿多少？", amount)


def test_a_half_month_the_document_pays_is_paid(engine: OfflineEngine) -> None:
    text = answered_with(engine, "慈溪一家企业吸纳了一个离校一年的高校毕业生见习，见习了5个半月，见习补贴能拿多少？",
                         Decimal(9900))  # 1800 × 5.5
    assert "按半个月计发" in text, text


@pytest.mark.parametrize(("question", "amount", "wrong"), [
    # 2100 × 7 + 2500: the 留用奖励 part takes the one-off row, not the monthly one the story's months also fit;
    # 不到一半 is below the 50% the raise needs
    ("余姚的企业，一个离校一年还没就业的高校毕业生见习了7个半月后留用了，签了三年合同，公司留用率不到一半，"
     "见习补贴加留用奖励一共多少？", Decimal(17200), Decimal(18670)),
    # 七成 reaches it: the monthly row worked out (not the one-off row the search put first) is raised,
    # 2100 × 1.1 × 7 + 2500
    ("余姚的企业，一个离校一年还没就业的高校毕业生见习了7个月后留用了，签了三年合同，公司留用率有七成，"
     "见习补贴加留用奖励一共多少？", Decimal(18670), Decimal(17200)),
])
def test_a_total_of_two_benefits_takes_each_ones_row(engine: OfflineEngine, question: str, amount: Decimal,
                                                     wrong: Decimal) -> None:
    answered_with(engine, question, amount, wrong)


@pytest.mark.parametrize(("said", "met"), [("留用率不到一半", False), ("留用率不到五成", False),
                                           ("留用率正好一半", True)])
def test_a_value_said_as_not_reached_fails_a_lower_bound_it_does_not_exceed(said: str, met: bool) -> None:
    # 不到一半 is below 达到50%（含）以上 however 一半 reads as 50%; 正好一半 reaches it
    sentence = "见习期满留用率达到50%（含）以上的见习单位，见习补贴按上表所列标准提高10%。"
    [quantity] = [q for q in find_quantities(said) if q.kind == "percent"]
    [check] = stated_checks(sentence, [Stated(quantity, ("留用率",))])
    assert check.met is met, check


@pytest.mark.parametrize(("sentence", "step"), [
    ("见习时间不足1个月的，不予计发见习补贴。", Decimal(1)),
    ("满半个月但不满一个月的，按半个月计发。", Decimal("0.5")),
    ("见习补贴按月发放。", None),
])
def test_how_a_sentence_counts_a_part_month_is_read_from_the_answers_file(sentence: str, step: Decimal | None) -> None:
    part_months = Knowledge.load().answers.part_months
    said = part_months.step(sentence)
    assert (said and said[0]) == step, said


def test_a_new_way_of_saying_a_part_month_is_unpaid_needs_no_code() -> None:
    # 不满1个月的不予发放 is not among the bundled words; adding it to the data is enough
    part_months = Knowledge.load().answers.part_months
    sentence = "实际见习不满1个月的部分不予发放。"
    assert part_months.step(sentence) is None
    widened = part_months.model_copy(update={"unpaid": (*part_months.unpaid, "不予发放")})
    assert widened.step(sentence) == (Decimal(1), "不满1个月的部分不予发放")
