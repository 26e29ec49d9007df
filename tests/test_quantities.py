"""The one quantity parser: numbers, money, percentages, durations, counts, years, and their qualifiers."""

from __future__ import annotations

from decimal import Decimal

import pytest

from ingest.quantities import (
    find_quantities,
    number_value,
    parse_duration_months,
    parse_money,
    parse_number,
    parse_percent,
    percent_text,
)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("15", "15"), ("１５", "15"), ("1,500", "1500"), ("1.5万", "15000"), ("十五", "15"), ("两千", "2000"),
        ("一千五", "1500"), ("一千五百", "1500"), ("二〇一一", "2011"), ("2000万", "20000000"), ("壹仟伍佰", "1500"),
        ("一点五万", "15000"), ("三十万", "300000"),
    ],
)
def test_numbers(text: str, value: str) -> None:
    assert parse_number(text) == Decimal(value)
    assert number_value(text) == Decimal(value)


@pytest.mark.parametrize("text", ["", "元", "15元", "abc", "百", "-"])
def test_not_a_number(text: str) -> None:
    assert parse_number(text) is None


@pytest.mark.parametrize(
    ("text", "yuan"),
    [
        ("工资总额2000万元", "20000000"), ("三千块", "3000"), ("一千五百元", "1500"), ("1.5万元", "15000"),
        ("实际花了２２００元", "2200"), ("1,500元", "1500"), ("两千万元", "20000000"), ("5千元", "5000"),
    ],
)
def test_money(text: str, yuan: str) -> None:
    assert parse_money(text) == Decimal(yuan)


@pytest.mark.parametrize(
    ("text", "months"),
    [
        ("交了十一个月", "11"), ("交了十一個月", None), ("一年半", "18"), ("两年", "24"), ("半年", "6"),
        ("18个月", "18"), ("一年零三个月", "15"), ("三年", "36"), ("满 5 年以上", "60"), ("１５个月", "15"),
        ("1年半", "18"),
        # 多 after the number: at least the number said (四个多月 is a duration, not four of something)
        ("失业保险交了四个多月了", "4"), ("十多个月", "10"), ("干了十多年", "120"),
        # two neighbouring digits: a rough count, the fewer (五六年 is five or six years, never 56)
        ("社保交了五六年了", "60"), ("干了两三个月", "2"), ("十五六个月", "15"),
    ],
)
def test_durations(text: str, months: str | None) -> None:
    # traditional characters are simplified by the caller (the query normalizer), not here
    assert parse_duration_months(text) == (Decimal(months) if months else None)


def test_percent() -> None:
    assert parse_percent("按1.5%的比例") == Decimal("1.5")
    assert parse_percent("百分之八") == Decimal(8)
    assert parse_percent("不超过 8%的部分") == Decimal(8)


def test_dates_are_years_not_durations() -> None:
    found = find_quantities("二〇一一年七月六日印发，2019 年 4 月 25 日施行，自2021年1月起")
    assert [(q.kind, q.value) for q in found] == [("year", 2011), ("year", 2019), ("year", 2021)]


def test_ranges_and_lists_borrow_the_unit() -> None:
    assert [q.value for q in find_quantities("三十万至五十万元")] == [300000, 500000]
    assert [q.value for q in find_quantities("30万至50万元的资助")] == [300000, 500000]
    found = find_quantities("分别给予1000、1500、2000元")
    assert [(q.kind, q.value) for q in found] == [("money", 1000), ("money", 1500), ("money", 2000)]


def test_rates_per_person_and_period() -> None:
    first, second = find_quantities("给予企业每人每年中级工4000元、高级工6000元的职业培训补贴")
    assert first.per == ("人", "年") and second.per == ("人", "年")  # list members share the rate's period
    (monthly,) = [q for q in find_quantities("工资总额每月80万") if q.value == 800000]
    assert monthly.per == ("月",) and monthly.kind == "number"
    assert find_quantities("500元/人·月")[0].per == ("人", "月")
    assert find_quantities("每人最高不超过2200元")[0].per == ("人",)


@pytest.mark.parametrize(("text", "per"), [
    ("按每招用1人1200元的标准给予企业补贴", ("人",)),  # a head said as one of those hired
    ("每吸纳一名登记失业人员给予800元", ("人",)),
    ("对每名学徒每年给予4000元培训补贴", ("人", "年")),  # a measure word for people, then the period
    ("每位见习人员每月补贴1800元", ("人", "月")),
    # the one counted named before the period (每带1名学徒每月, 每安置1名退役士兵每年)
    ("每带1名学徒每月给予师傅津贴300元", ("人", "月")),
    ("企业每安置一名退役士兵每年补贴2000元", ("人", "年")),
    ("每满一年给予500元", ()),  # a period reached, no head
    ("每户企业每年享受补贴总额不超过30万元", ()),
    # what is granted said between the head and the sum (给予见习单位见习补贴): still per head
    ("每留用1人给予见习单位一次性留用奖励1000元", ("人",)),
    ("每人每月给予见习单位见习补贴1800元", ("人", "月")),
])
def test_a_head_said_by_a_measure_word_or_as_one_hired(text: str, per: tuple[str, ...]) -> None:
    (money,) = [q for q in find_quantities(text) if q.kind == "money"]
    assert money.per == per


@pytest.mark.parametrize(
    ("text", "bound", "inclusive"),
    [
        ("累计缴纳失业保险费12个月以上", "min", True), ("36个月(含)以上", "min", True), ("12个月内", "max", True),
        ("不满12个月", "max", False), ("少于12个月", "max", False), ("最高不超过2200元", "max", True),
        ("不低于职工工资总额1.5%", "min", True), ("超过12个月", "min", False), ("15个工作日内办结", "max", True),
        ("给予1500元", None, None), ("最长补贴期限9个月", "max", True), ("补贴期限最长为12个月", "max", True),
        ("见习期最短3个月", "min", True),
    ],
)
def test_bounds_follow_the_statutory_reading(text: str, bound: str | None, inclusive: bool | None) -> None:
    quantity = find_quantities(text)[0]
    assert (quantity.bound, quantity.inclusive) == (bound, inclusive)


@pytest.mark.parametrize("text", ["一线职工", "统一调整", "第十九条", "第3年", "百城技能振兴", "千方百计", ""])
def test_words_that_are_not_quantities(text: str) -> None:
    assert find_quantities(text) == []


def test_offsets_point_into_the_original_text() -> None:
    text = "石家庄：失业保险交了１５个月，证书补贴1,500元。"
    for quantity in find_quantities(text):
        assert text[quantity.start : quantity.end] == quantity.raw
    assert [q.raw for q in find_quantities(text)] == ["１５个月", "1,500元"]


def test_counts() -> None:
    assert [(q.kind, q.value, q.unit) for q in find_quantities("三个高级工、2名中级工")] == [
        ("count", 3, "个"), ("count", 2, "名"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("今年15岁", [("15", None, None)]),
        ("我爸今年62了", [("62", None, None)]),  # an age said without 岁
        ("他今年五十八啦", [("58", None, None)]),
        ("年满16周岁", [("16", "min", True)]),
        ("45岁以下的劳动者", [("45", "max", True)]),
        ("年满18周岁至60周岁", [("18", "min", True), ("60", "max", True)]),
        ("16-45岁", [("16", "min", True), ("45", "max", True)]),
        ("满16周岁不满18周岁", [("16", "min", True), ("18", "max", False)]),
    ],
)
def test_ages_and_age_ranges(text: str, expected: list[tuple[str, str | None, bool | None]]) -> None:
    ages = [q for q in find_quantities(text) if q.kind == "age"]
    assert [(str(q.value), q.bound, q.inclusive) for q in ages] == expected
    assert all(q.unit == "岁" for q in ages)


def test_a_range_of_other_quantities_gets_no_bounds() -> None:
    """Only ages: a grant's range (资助30万至50万元) is not a condition on the reader."""
    assert [q.bound for q in find_quantities("资助30万至50万元")] == [None, None]


@pytest.mark.parametrize(("text", "durations"), [
    ("证书是去年10月拿的，现在过了7个月了", [Decimal(7)]),  # 去年10月 is a date
    ("今年3月份考的证，干了10个月", [Decimal(10)]),
    ("11月份考的，交了18月社保", [Decimal(18)]),
])
def test_a_month_of_a_year_is_a_date_not_a_duration(text: str, durations: list[Decimal]) -> None:
    assert [q.value for q in find_quantities(text) if q.kind == "duration"] == durations


@pytest.mark.parametrize(("text", "durations"), [
    ("按一年12个月算", [Decimal(12), Decimal(12)]),  # the months restate the year, they add nothing to it
    ("干了一年零三个月", [Decimal(15)]),
    ("干了2年11个月", [Decimal(35)]),
])
def test_months_after_years_add_to_them_only_when_fewer_than_a_year(text: str, durations: list[Decimal]) -> None:
    assert [q.value for q in find_quantities(text) if q.kind == "duration"] == durations


@pytest.mark.parametrize(("text", "expected"), [
    ("职工出勤率要求由90%放宽至80%。", [("90%", None), ("80%", "min")]),  # lowered: the least allowed
    ("学员年龄上限从45周岁放宽到50周岁", [("45周岁", None), ("50周岁", "max")]),  # raised: the most allowed
    ("补贴标准由1000元提高至1500元", [("1000元", None), ("1500元", None)]),  # a rate raised is no bound
])
def test_a_relaxed_requirement_bounds_from_the_side_it_moved(text: str, expected: list) -> None:
    assert [(q.raw, q.bound) for q in find_quantities(text)] == expected


@pytest.mark.parametrize(("text", "value"), [("留下来的超过六成", 60), ("在职职工要打七折", 70), ("6成以上", 60)])
def test_tenths_said_as_cheng_or_zhe_are_percentages(text: str, value: int) -> None:
    (found,) = [q for q in find_quantities(text) if q.kind == "percent"]
    assert found.value == value


@pytest.mark.parametrize("text", ["一成不变的规定", "成年人可以报名", "按比例折算", "七成员工"])
def test_words_holding_cheng_or_zhe_are_no_percentages(text: str) -> None:
    assert not [q for q in find_quantities(text) if q.kind == "percent"]


@pytest.mark.parametrize(("text", "value"), [
    ("在国家标准基础上按1:0.3的比例给予配套", Decimal(30)),
    ("区级财政按1：1比例配套", Decimal(100)),
    ("按１∶０.２５的比例给予奖励", Decimal(25)),
])
def test_a_share_said_as_a_ratio_to_the_whole_is_a_percentage(text: str, value: Decimal) -> None:
    (found,) = [q for q in find_quantities(text) if q.kind == "percent"]
    assert found.value == value


@pytest.mark.parametrize("text", ["师徒比例为1:3", "按3:7的比例分担资金", "男女比例1:1"])
def test_ratios_that_share_no_whole_are_no_percentages(text: str) -> None:
    assert not [q for q in find_quantities(text) if q.kind == "percent"]


@pytest.mark.parametrize("text", ["省里市里区里给的加一块一共多少钱", "培训补贴跟生活费加一块儿能领多少",
                                  "两笔钱放在一块算", "我们几个一块儿去报名", "合一块是多少"])
def test_yi_kuai_said_as_together_is_no_money(text: str) -> None:
    assert not [q for q in find_quantities(text) if q.kind == "money"]


@pytest.mark.parametrize(("text", "value"), [("每张卡收一块钱工本费", Decimal(1)), ("加一块钱", Decimal(1)),
                                             ("三块钱一份", Decimal(3))])
def test_kuai_after_a_number_is_still_money(text: str, value: Decimal) -> None:
    (found,) = [q for q in find_quantities(text) if q.kind == "money"]
    assert found.value == value


@pytest.mark.parametrize(("text", "points", "said"), [
    ("按其实际缴费额的2/3给予补贴", Decimal("66.6666666667"), "2/3"),
    ("按实际缴费额的三分之二给予补贴", Decimal("66.6666666667"), "2/3"),
    ("按单位实际缴纳部分的1/2给予补贴", Decimal(50), "50%"),
    ("按培训费的十分之三给予补贴", Decimal(30), "30%"),
])
def test_a_fraction_is_read_as_a_share(text: str, points: Decimal, said: str) -> None:
    [share] = [q for q in find_quantities(text) if q.kind == "percent"]
    assert share.value == points and percent_text(share.value) == said, share


@pytest.mark.parametrize("text", ["自2026/9/1起施行", "按百分之五十给予补贴", "按5/3计"])
def test_no_fraction_is_read_from_dates_percent_words_or_improper_ones(text: str) -> None:
    shares = [q.value for q in find_quantities(text) if q.kind == "percent"]
    assert shares == ([Decimal(50)] if "百分之" in text else []), shares


@pytest.mark.parametrize("text", ["第一年由财政全额贴息", "按省定标准全额给予补贴", "培训费用全额补贴"])
def test_the_whole_of_a_sum_paid_as_a_share_is_all_of_it(text: str) -> None:
    [share] = [q for q in find_quantities(text) if q.kind == "percent"]
    assert share.value == 100 and share.raw.startswith("全额"), share


@pytest.mark.parametrize("text", ["骗取补贴资金的，全额追回", "由财政全额拨款的单位", "按期全额支付贷款利息",
                                  "补贴资金由企业全额发放给内训师本人"])
def test_the_whole_of_a_sum_paid_back_or_by_someone_else_is_no_share(text: str) -> None:
    assert not [q for q in find_quantities(text) if q.kind == "percent"]


@pytest.mark.parametrize(("text", "kind", "value"), [("留用率不到一半", "percent", Decimal(50)),
                                                     ("工作不到一年", "duration", Decimal(12))])
def test_not_yet_reaching_a_figure_bounds_it_from_above_exclusively(text: str, kind: str, value: Decimal) -> None:
    [found] = find_quantities(text)
    assert (found.kind, found.value, found.bound, found.inclusive) == (kind, value, "max", False), found


def test_half_is_a_share_of_fifty_percent() -> None:
    assert [(q.kind, q.value) for q in find_quantities("补贴标准按一半计算")] == [("percent", Decimal(50))]


def test_a_broken_share_words_file_names_itself(tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:
    import ingest.knowledge
    from ingest.errors import PolicyAssistantError
    from ingest.quantities import SHARE_WORDS_FILE, _share_words

    (tmp_path / SHARE_WORDS_FILE).write_text("# share words\nshares: [{word: 全额, percent: 120}]\n", encoding="utf-8")
    monkeypatch.setattr(ingest.knowledge, "DEFAULT_KNOWLEDGE_DIR", tmp_path)
    _share_words.cache_clear()
    try:
        with pytest.raises(PolicyAssistantError) as error:
            find_quantities("第一年全额贴息")
        assert SHARE_WORDS_FILE in error.value.zh and "知识文件" in error.value.zh
    finally:
        monkeypatch.undo()
        _share_words.cache_clear()
    assert [q.value for q in find_quantities("第一年全额贴息")] == [Decimal(100)]
