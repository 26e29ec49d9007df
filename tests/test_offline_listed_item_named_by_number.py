"""A rule for "the persons of item (3) above" (招用前款第（3）项人员的，按前款规定标准的2倍) judges the asker by that
item's words: a worker registered unemployed for a year and a half meets 登记失业一年以上的就业困难人员 and is paid
twice the rate; one registered for five months is not. Hired beside graduates paid the plain rate, each group is
worked out at its own rate and the two are totalled (they cite the same sums clause, yet differ per head).

A fictional document written for this test (no eval set has it, nothing was tuned on it).
"""

from __future__ import annotations

import pytest
from support import body, offline_engine_for

from assistant.offline.engine import OfflineEngine

CITY = """徐州市人力资源和社会保障局 徐州市财政局关于实施一次性吸纳就业补贴的通知
徐人社发〔2026〕11号
各县（市、区）人力资源和社会保障局、财政局：
现就实施一次性吸纳就业补贴有关事项通知如下：
一、补贴标准
（一）企业招用下列人员，签订1年以上劳动合同并缴纳社会保险费满6个月的，按每人1500元给予一次性吸纳就业补贴：
（1）毕业年度高校毕业生；
（2）登记失业的脱贫劳动力；
（3）登记失业一年以上的就业困难人员。
（二）招用前款第（3）项人员的，按前款规定标准的2倍给予补贴。
二、本通知自2026年1月1日起施行。
"""

# the same rule naming its standard as an item of its own article (本条第（一）项标准): the item stating the sum
ITEM_STANDARD = """连云港市人力资源和社会保障局关于实施一次性吸纳就业补贴的通知
连人社发〔2026〕8号
各县（区）人力资源和社会保障局：
一、补贴标准
（一）企业招用下列人员，签订1年以上劳动合同并缴纳社会保险费满6个月的，按每人1200元给予一次性吸纳就业补贴：
（1）毕业年度高校毕业生；
（2）登记失业一年以上的就业困难人员。
（二）招用上述第（2）类人员的，按本条第（一）项标准的1.5倍给予补贴。
二、本通知自2026年2月1日起施行。
"""

HIRED = "徐州一家企业今年招了1个登记失业{}的就业困难人员，签了2年合同，社保交了7个月，吸纳就业补贴能拿多少？"


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> OfflineEngine:
    return offline_engine_for(tmp_path_factory.mktemp("listed-item"),
                              {"xuzhou-2026-absorption-subsidy-notice.txt": CITY,
                               "lianyungang-2026-absorption-subsidy-notice.txt": ITEM_STANDARD})


def test_a_worker_of_the_item_named_by_number_is_paid_its_rate(engine: OfflineEngine) -> None:
    answer = engine.answer(HIRED.format("一年半"))
    assert answer.status == "answered", answer.answer
    assert "1500元 × 2 = 3000元" in body(answer), answer.answer
    assert "一、（二）" in {c.clause for c in answer.citations}, answer.answer


def test_a_worker_short_of_the_item_s_threshold_is_paid_the_plain_rate(engine: OfflineEngine) -> None:
    answer = engine.answer(HIRED.format("五个月"))
    assert answer.status == "answered", answer.answer
    assert "共1500元" in body(answer) and "3000元" not in body(answer), answer.answer


def test_groups_paid_differently_from_one_sums_clause_are_totalled(engine: OfflineEngine) -> None:
    answer = engine.answer("徐州一家企业今年招了2个毕业年度的高校毕业生，还招了1个登记失业一年半的就业困难人员，"
                           "都签了2年合同，社保交了7个月，吸纳就业补贴一共能拿多少？")
    assert answer.status == "answered", answer.answer
    assert answer.answer.startswith("合计6000元"), answer.answer  # 2 × 1500 + 1 × 3000, not 3 × 3000


def test_the_standard_named_as_an_item_of_the_article_is_the_item_stating_the_sum(engine: OfflineEngine) -> None:
    answer = engine.answer(HIRED.format("一年半").replace("徐州", "连云港"))
    assert answer.status == "answered", answer.answer
    assert "1200元 × 1.5 = 1800元" in body(answer), answer.answer
