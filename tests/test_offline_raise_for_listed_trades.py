"""A raise for those trained in a trade of a list another clause gives (参加急需工种培训并取得中级工及以上证书的…
提高20%, beside 本市急需工种目录包括以下职业：（1）…) is the asker's when the question names a trade on that list by its
own words — no need to say the list's name — and the amount is the raised standard, the item named and cited. A
trade the list does not name, or a certificate below the raise's, is paid the province's standard; asked whether one
may have the subsidy at all, failing the raise's condition (初级工 of 中级工及以上) is no "不符合": the province's
clauses answer.

Fictional documents written for this test (no eval set has them, nothing was tuned on them).
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from support import answered_figures, answered_with, offline_engine_for

from assistant.offline.engine import OfflineEngine

PROVINCE = """甘肃省人力资源和社会保障厅 甘肃省财政厅关于印发《甘肃省职业技能培训补贴办法》的通知
甘人社规〔2026〕6号
各市（州）人力资源和社会保障局、财政局：
甘肃省职业技能培训补贴办法
第一条 为提升劳动者技能水平，制定本办法。
第二条 参加职业技能培训并取得证书的，按以下标准给予职业培训补贴：
（一）取得初级工（五级）证书的，每人补贴1200元；
（二）取得中级工（四级）证书的，每人补贴2000元；
（三）取得高级工（三级）证书的，每人补贴2800元。
第三条 学员实际出勤率低于培训总课时80%的，不予补贴。
第四条 本办法自2026年1月1日起施行。
"""

CITY = """庆阳市人力资源和社会保障局 庆阳市财政局关于提高急需工种培训补贴标准的通知
庆人社发〔2026〕5号
各县（区）人力资源和社会保障局、财政局：
一、提高补贴标准
（一）补贴对象参加急需工种培训并取得中级工（四级）及以上证书的，职业培训补贴在省定标准基础上每人提高20%。
（二）急需工种目录实行年度管理。
1.本市2026年度急需工种目录包括以下职业（工种）：
（1）石油钻井工
（2）电梯安装维修工
（3）育婴员
2.急需工种目录每年1月发布。
二、本通知自2026年3月1日起施行。
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> OfflineEngine:
    return offline_engine_for(tmp_path_factory.mktemp("listed-trades"), {
        "gansu-2026-training-subsidy.txt": PROVINCE, "qingyang-2026-urgent-trades.txt": CITY})


@pytest.mark.parametrize(
    ("question", "paid"),
    [
        ("我是西峰区的，参加了电梯安装维修工培训，拿到了中级工证，职业培训补贴能拿多少？", Decimal(2400)),  # 2000 × 1.2
        ("庆阳的，考了育婴员高级工证书，培训补贴是多少钱？", Decimal(3360)),  # 2800 × 1.2
    ],
)
def test_a_trade_on_the_list_gets_the_raise(engine, question, paid):
    text = answered_with(engine, question, paid)
    assert "提高20%" in text, text


@pytest.mark.parametrize(
    ("question", "paid", "raised"),
    [
        ("庆阳的，考了茶艺师中级工证书，培训补贴是多少钱？", Decimal(2000), Decimal(2400)),  # no trade of the list
        ("我是西峰区的，参加了电梯安装维修工培训，拿到了初级工证，职业培训补贴能拿多少？", Decimal(1200),
         Decimal(1440)),  # a trade of the list, a certificate below the raise's
    ],
)
def test_no_raise_off_the_list_or_below_its_level(engine, question, paid, raised):
    stated, text = answered_figures(engine, question)
    assert paid in stated and raised not in stated, text


def test_failing_the_raise_is_no_bar_to_the_subsidy(engine):
    answer = engine.answer("我是西峰区的，参加了电梯安装维修工培训，考了初级工证，能拿职业培训补贴吗？")
    assert answer.status == "answered", answer.answer
    assert "不符合" not in answer.answer.splitlines()[0], answer.answer
    assert any(c.doc_id == "gansu-2026-training-subsidy" for c in answer.citations), answer.answer
