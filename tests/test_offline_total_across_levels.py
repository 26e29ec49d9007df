"""Two benefits asked for as one total where a province sets the standards and lower levels raise them:

- a benefit the question calls by its short name (生活费 beside 培训补贴) is asked about by the name the documents
  give it (生活费补贴), so its part is answered from its own clause, not from the other benefit's;
- a raise naming no benefit of its own, under a heading naming the other benefit of the total (二、培训补贴加发 /
  （一）…在市级标准基础上每人再给予300元), raises that one only: never the living allowance asked for beside it;
- a raise whose condition is the raised clause's own (符合省办法第三条规定条件的人员，生活费补贴在省定标准基础上每人
  每天提高15元, raising 第三条's rate) applies to everyone that clause pays, whatever words the question uses.

Fictional documents written for this test (no eval set has them, nothing was tuned on them): a province's
training-subsidy measures, a prefecture-level city's notice raising the living allowance, a county-level city's
measures adding to the training subsidy, and a county's adding to it with no city document between.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from support import clause_chunk, figures, lead, offline_engine_beside_library

from assistant.offline.adjustment import cites_own_base
from assistant.offline.engine import OfflineEngine

PROVINCE = """吉林省人力资源和社会保障厅 吉林省财政厅关于印发《吉林省职业技能培训补贴办法》的通知
吉人社规〔2026〕3号
各市（州）人力资源和社会保障局、财政局：
现将《吉林省职业技能培训补贴办法》印发给你们，请遵照执行。
吉林省职业技能培训补贴办法
第一条 为规范职业技能培训补贴管理，制定本办法。
第二条 劳动者参加就业技能培训并取得职业技能等级证书的，按以下标准给予培训补贴：初级工（五级）800元/人，\
中级工（四级）1200元/人，高级工（三级）1800元/人。
第三条 就业困难人员、脱贫劳动力参加就业技能培训的，培训期间按实际参训天数给予生活费补贴，每人每天40元，\
每人每次最长不超过20天。
第四条 参加失业保险累计满1年的企业职工，取得初级工、中级工、高级工职业技能等级证书的，\
可申请技能提升补贴，标准分别为1000元、1500元、2000元。
第五条 本办法自2026年3月1日起施行，有效期5年。
吉林省人力资源和社会保障厅 吉林省财政厅
2026年2月10日
"""

CITY = """白城市人力资源和社会保障局 白城市财政局关于提高培训期间生活费补贴标准的通知
白人社发〔2026〕8号
各县（市、区）人力资源和社会保障局、财政局：
为做好职业技能培训工作，结合我市实际，现就有关事项通知如下。
一、提高培训期间生活费补贴标准
（一）符合省办法第三条规定条件的人员，生活费补贴在省定标准基础上每人每天提高15元，最长补贴天数按省规定执行。
（二）非本市户籍人员在我市参加培训的，与本市户籍人员同等享受生活费补贴。
二、本通知自2026年5月1日起施行。
白城市人力资源和社会保障局 白城市财政局
2026年4月20日
"""

COUNTY = """# 洮南市人力资源和社会保障局关于支持电工焊工技能人才培养的若干措施

洮人社发〔2026〕2号

为加快培养电工、焊工技能人才，结合我市实际，制定以下措施。

## 一、适用范围

本措施适用于在洮南市参加培训的人员。

## 二、培训补贴加发

（一）参加电工、焊工职业技能培训并取得职业技能等级证书的，在市级标准基础上每人再给予300元。

（二）培训期间生活费补贴按白城市标准执行，本市不再另行加发。

## 三、附则

本措施自2026年6月1日起施行。

洮南市人力资源和社会保障局

2026年5月25日
"""


COUNTY_ALONE = """镇赉县人力资源和社会保障局关于支持农机维修人才培养的若干措施
镇人社发〔2026〕4号
为培养农机维修技能人才，结合我县实际，制定以下措施。
一、适用范围
本措施适用于在镇赉县参加培训的人员。
二、培训补贴加发
（一）参加农机修理工职业技能培训并取得职业技能等级证书的，在省定标准基础上每人再给予300元。
（二）培训期间生活费补贴按省定标准执行。
三、本措施自2026年6月1日起施行。
镇赉县人力资源和社会保障局
2026年5月20日
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> OfflineEngine:
    return offline_engine_beside_library(tmp_path_factory.mktemp("levels"), {
        "jilin-2026-training-subsidy-measures.txt": PROVINCE,
        "baicheng-2026-living-allowance-notice.txt": CITY,
        "taonan-2026-electrician-welder-measures.md": COUNTY,
    })


def test_a_total_of_two_benefits_takes_each_from_its_own_clauses(engine: OfflineEngine) -> None:
    answer = engine.answer("我是洮南的就业困难人员，参加了焊工中级工（四级）培训，培训了18天，证书拿到了。"
                           "培训补贴跟生活费加一块儿能领多少？")
    assert answer.status == "answered", answer.answer
    # training: 1200 + 300 (洮南's raise under its 培训补贴 heading); living: (40 + 15) × 18 — the raise is not the
    # living allowance's
    assert Decimal("1500") in figures(answer.answer) and Decimal("990") in figures(answer.answer), answer.answer
    assert Decimal("2490") in figures(lead(answer.answer)), answer.answer
    assert Decimal("1020") not in figures(answer.answer), answer.answer  # (40 + 300)… or 720 + 300: never


@pytest.fixture(scope="module")
def county_alone(tmp_path_factory: pytest.TempPathFactory) -> OfflineEngine:
    """The province and a county raising its training subsidy directly (no city document between them)."""
    return offline_engine_beside_library(tmp_path_factory.mktemp("county"), {
        "jilin-2026-training-subsidy-measures.txt": PROVINCE,
        "zhenlai-2026-farm-machinery-repair-measures.txt": COUNTY_ALONE,
    })


def test_a_raise_under_the_other_benefits_heading_is_not_this_ones(county_alone: OfflineEngine) -> None:
    answer = county_alone.answer("镇赉的脱贫劳动力，参加农机修理工初级工培训，脱产培训了10天，拿到了证。"
                                 "培训补贴和生活费补贴合计多少钱？")
    assert answer.status == "answered", answer.answer
    # training: 初级工（五级）800 + 300; living: 40 × 10 (the 300 raises the training subsidy only)
    assert Decimal("1500") in figures(lead(answer.answer)), answer.answer
    assert {Decimal("1100"), Decimal("400")} <= figures(answer.answer), answer.answer


def test_a_benefit_called_by_its_short_name_is_asked_by_its_own(county_alone: OfflineEngine) -> None:
    answer = county_alone.answer("我是镇赉的就业困难人员，去参加了电工中级工培训，脱产学了25天，证已经拿到手。"
                                 "培训补贴加上生活费，总共能领多少钱？")
    assert answer.status == "answered", answer.answer
    # training 1200; living 40 × 20 (capped) — never 第四条's 技能提升补贴 of a 中级工 (1500) for the 生活费 part
    assert Decimal("2000") in figures(lead(answer.answer)), answer.answer
    assert Decimal("1500") not in figures(answer.answer), answer.answer


def test_another_benefits_rate_is_no_standard_of_a_raise_under_this_ones_heading(county_alone: OfflineEngine) -> None:
    # no level said: the training standard cannot be picked, and the living allowance's 40 a day is never taken for it
    answer = county_alone.answer("镇赉的脱贫劳动力，参加农机修理工培训拿到了证，脱产学了10天。培训补贴能领多少？")
    assert answer.status == "answered", answer.answer
    assert not {Decimal("340"), Decimal("3400")} & figures(answer.answer), answer.answer


def test_a_raise_whose_condition_is_the_raised_clause_applies_to_its_askers(engine: OfflineEngine) -> None:
    answer = engine.answer("白城的脱贫劳动力，脱产培训了25天，生活费补贴一共能拿多少？")
    assert answer.status == "answered", answer.answer
    # (40 + 15) × 20: the city's raise of 第三条's rate, capped at the province's 20 days
    assert Decimal("1100") in figures(lead(answer.answer)), answer.answer


@pytest.mark.parametrize("condition, base, cited", [
    ("符合省办法第九条规定条件的人员，生活费补贴", "第九条", True),
    ("符合省办法第九条规定条件的人员，生活费补贴", "第九条（二）", True),
    ("符合省办法第九条规定条件的人员，生活费补贴", "第五条", False),  # another article's condition
    ("就业困难人员参加培训的", "第九条", False),  # no article named: its own words decide
    ("符合第九条规定条件的人员", "附件1 第3行", False),  # the rate is no article
])
def test_a_condition_citing_the_raised_article(condition: str, base: str, cited: bool) -> None:
    assert cites_own_base(condition, clause_chunk(base, "…")) is cited
