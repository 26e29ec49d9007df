"""A share that changes with the period it is paid for (第一年全额贴息；第二年贴息三分之二；第三年贴息三分之一): read
as a schedule (``draft_schedule``), drafted as ``percent_by_period``, run from a reviewed rules file, and worked out
offline with the sum the question says is paid each period over the term it states.

Fictional documents written for this test (no eval set has them; nothing was tuned on them), after the mechanism was
found on a question about another city's loan-interest rules.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from support import answered_with, drafted_rules, offline_engine_for

from assistant.offline.engine import OfflineEngine
from assistant.rules.book import RuleBook
from assistant.rules.draft_schedule import read_schedule
from assistant.rules.store import fresh_ruleset

COUNTY = """浦江县人力资源和社会保障局 浦江县财政局关于做好创业担保贷款贴息工作的通知
浦人社发〔2026〕3号
各乡镇人民政府：
现就创业担保贷款贴息有关事项通知如下。
一、个人创业担保贷款最高不超过30万元，贷款期限最长不超过3年。
二、个人创业担保贷款按年度分档贴息：贷款第一年由财政全额贴息；第二年贴息三分之二；第三年贴息三分之一。
三、小微企业创业担保贷款，财政按借款企业实际支付利息的40%给予贴息，贴息期限最长不超过2年。
四、本通知自2026年6月1日起施行。
"""
CITY = """安顺市人力资源和社会保障局关于印发《安顺市返乡创业贷款贴息办法》的通知
安人社规〔2026〕8号
各区人力资源和社会保障局：
现将《安顺市返乡创业贷款贴息办法》印发给你们，请认真执行。
安顺市返乡创业贷款贴息办法
第一条 返乡创业贷款前两年按借款人实际支付利息全额补贴，第三年起按50%给予补贴，贴息期限最长不超过5年。
返乡创办的小微企业贷款，按实际支付利息的40%给予补贴，贴息期限最长不超过2年。
第二条 本办法自2026年9月1日起施行。
"""

TOWN = """龙游县人力资源和社会保障局关于返乡入乡创业贷款贴息的通知
龙人社发〔2026〕11号
各乡镇人民政府：
一、返乡入乡创业贷款，第1年给予全额贴息，第2年贴息60%，第3年贴息30%。
二、本通知自2026年10月1日起施行。
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> OfflineEngine:
    return offline_engine_for(tmp_path_factory.mktemp("schedule"), {
        "pujiang-2026-startup-loan-interest.txt": COUNTY, "anshun-2026-return-startup-loan.txt": CITY,
        "longyou-2026-return-startup-loan.txt": TOWN})


@pytest.mark.parametrize(("text", "steps"), [
    ("第1年、第2年由财政按借款人实际支付利息全额贴息，第3年按实际支付利息的50%贴息。",
     [(1, 2, Decimal(100)), (3, 3, Decimal(50))]),
    ("贷款第一年全额贴息；第二年贴息三分之二；第三年贴息三分之一。",
     [(1, 1, Decimal(100)), (2, 2, Decimal("66.6666666667")), (3, 3, Decimal("33.3333333333"))]),
    ("前两年全额补贴，第三年起按实际支付利息的50%给予补贴。", [(1, 2, Decimal(100)), (3, None, Decimal(50))]),
    ("第1至6个月按实际缴费额的80%补贴，第7至12个月按50%补贴。", [(1, 6, Decimal(80)), (7, 12, Decimal(50))]),
])
def test_a_schedule_is_read_step_by_step(text: str, steps: list[tuple[int, int | None, Decimal]]) -> None:
    schedule = read_schedule(text)
    assert schedule is not None
    assert [(s.first, s.last, s.share.value) for s in schedule.steps] == steps


@pytest.mark.parametrize("text", [
    "第1年缴费满12个月的，补贴50%。",  # one step: no schedule
    "第一年、第三年全额贴息，第二年贴息50%。",  # a step that is no span
    "第1年补贴60%，第1至2年补贴40%。",  # steps overlapping
    "第一年由财政贴息，第二年贴息50%。",  # a step stating no share
    "全额追回补贴资金，第1年内不得再次申请，第2年起可以申请。",
])
def test_no_schedule_is_read_where_none_is_stated(text: str) -> None:
    assert read_schedule(text) is None


def test_the_schedule_is_drafted_as_a_share_by_period(tmp_path: Path) -> None:
    [rule] = drafted_rules(tmp_path, COUNTY, "二、", "浦江县")
    formula = rule["formula"]
    assert formula["kind"] == "percent_by_period" and formula["periods"] == "years", rule
    assert [(s["first"], s.get("last")) for s in formula["steps"]] == [(1, 1), (2, 2), (3, 3)]
    assert [rule["parameters"][s["rate"]]["phrase"] for s in formula["steps"]] == [
        "第一年由财政全额贴息", "第二年贴息三分之二", "第三年贴息三分之一"]
    [share] = drafted_rules(tmp_path, COUNTY, "三、", "浦江县")  # a plain share beside it stays one
    assert share["formula"]["kind"] == "percent_of_base"


RULES = """version: 1
rules:
  - id: pujiang_loan_interest
    title: 浦江县个人创业担保贷款贴息
    kind: amount
    point: 创业担保贷款贴息
    description: "{region}{point}：第一年{first}，第二年{second}，第三年{third}。"
    keywords: [创业担保贷款, 贴息]
    clause: 二、
    inputs:
      - {name: interest, type: money, label: 每年实际支付利息, question: 每年实际支付利息多少元？, min: 0}
      - {name: years, type: years, label: 贷款年数, question: 贷款期限几年？, min: 1, max: 10}
    parameters:
      first: {value: 100, unit: "%", phrase: 第一年由财政全额贴息}
      second: {value: 66.6666666667, unit: "%", phrase: 第二年贴息三分之二}
      third: {value: 33.3333333333, unit: "%", phrase: 第三年贴息三分之一}
    formula:
      kind: percent_by_period
      base: interest
      periods: years
      per: 每年
      amount_label: 贴息
      steps: [{first: 1, last: 1, rate: first}, {first: 2, last: 2, rate: second}, {first: 3, last: 3, rate: third}]
"""


def test_a_reviewed_schedule_runs_year_by_year_and_pays_nothing_past_it(tmp_path: Path) -> None:
    folder = tmp_path / "policies"
    folder.mkdir()
    (folder / "pujiang-2026-startup-loan-interest.txt").write_text(COUNTY, encoding="utf-8")
    (folder / "pujiang-2026-startup-loan-interest.rules.yaml").write_text(RULES, encoding="utf-8")
    book = RuleBook(fresh_ruleset(folder))
    result = book.run("pujiang_loan_interest", {"interest": "9000元", "years": 3})
    assert result.amount == Decimal(18000)  # 9000 + 6000 + 3000
    assert "第2年：9000元 × 2/3 = 6000元" in result.trace, result.trace
    assert "第二年贴息三分之二" in result.sources[0].text
    longer = book.run("pujiang_loan_interest", {"interest": 9000, "years": 4})
    assert longer.amount == Decimal(18000) and any("第4年起" in note for note in longer.notes), longer.notes
    shorter = book.run("pujiang_loan_interest", {"interest": 9000, "years": 2})
    assert shorter.amount == Decimal(15000)


def test_overlapping_steps_are_rejected(tmp_path: Path) -> None:
    folder = tmp_path / "policies"
    folder.mkdir()
    (folder / "pujiang-2026-startup-loan-interest.txt").write_text(COUNTY, encoding="utf-8")
    overlapping = RULES.replace("{first: 2, last: 2, rate: second}", "{first: 1, last: 2, rate: second}")
    (folder / "pujiang-2026-startup-loan-interest.rules.yaml").write_text(overlapping, encoding="utf-8")
    ruleset = fresh_ruleset(folder)
    assert not ruleset.rules and any("重叠" in p.message_zh for p in ruleset.problems), ruleset.problems


@pytest.mark.parametrize(("question", "amount"), [
    # 9000 + 9000 × 2/3 + 9000 × 1/3; the loan's 30万 is no interest paid
    ("在浦江县贷了30万元创业担保贷款，三年期，每年利息9000元，财政一共能贴多少息？", Decimal(18000)),
    # no term stated, the whole asked: the schedule's three years (5000 + 3000 + 1500)
    ("龙游县返乡入乡创业贷款，每年利息5000元，一共能贴多少息？", Decimal(9500)),
    # 8000 × 2 + 8000 × 50% × 3 over a five-year term
    ("安顺市返乡创业贷款，贷款期限5年，每年实际支付利息8000元，一共能补贴多少？", Decimal(28000)),
    # of two sums, the one said as the interest (the base's name), not the loan
    ("安顺市返乡创业贷款贷了20万元，期限5年，去年实际支付利息8000元，按这个算5年一共能补贴多少？", Decimal(28000)),
    # six years asked, the schedule's own sentence pays for five at most (the next one's two years are another's)
    ("安顺市返乡创业贷款贷了6年，每年利息8000元，总共能补贴多少？", Decimal(28000)),
])
def test_the_schedule_is_worked_out_over_the_term_the_question_states(engine: OfflineEngine, question: str,
                                                                     amount: Decimal) -> None:
    answered_with(engine, question, amount)
