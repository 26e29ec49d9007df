"""Tables of amounts by row and column, and groups a document names by a defined name (``assistant.offline``).

Three fictional documents written for this test (no eval set has them, nothing was tuned on them): a province's
measures whose attachment rates training by occupation (rows) and level (columns), paying the priority groups it
defines by a short name (以下简称“三类人员”) all of the table and employees a share of it; a city under it paying
120% of the provincial standard for its key industries; and another city's talent rewards
with a markdown table of prizes by competition class (rows) and place (columns), in 万元 and 元. A question must
pick the cell of the row and the column it names (a row also by what it says it includes: 电焊工 of 焊工（含电焊工）),
apply the share of the group the asker belongs to (a defined name spelt out), and never take another column's figure.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from support import assert_leads_with, figures, lead, offline_engine_for

from assistant.offline.adjustment import defined_names
from assistant.offline.engine import OfflineEngine
from assistant.rules.drafting import GRID_JOIN, draft_from_chunks
from ingest.models import Chunk
from ingest.tables import render_row

PROVINCE = """吉林省人力资源和社会保障厅 吉林省财政厅关于印发《吉林省职业培训补贴办法》的通知
吉人社规〔2025〕7号
各市（州）人力资源和社会保障局、财政局：
现将《吉林省职业培训补贴办法》印发给你们，请认真贯彻执行。
吉林省职业培训补贴办法
第一条　为规范职业培训补贴管理，制定本办法。
第二条　在我省参加职业培训的城镇登记失业人员、农村转移就业劳动者、毕业年度高校毕业生（以下简称“三类人员”），\
以及企业在职职工，取得职业技能等级证书的，可以申领职业培训补贴。
第三条　三类人员按附件所列标准的100%给予补贴；企业在职职工按附件所列标准的70%给予补贴。
第四条　本办法自2025年4月1日起施行。

附件

吉林省职业培训补贴标准表

序号\t职业（工种）\t初级（五级）（元/人）\t中级（四级）（元/人）\t高级（三级）（元/人）

1\t焊工（含电焊工、氩弧焊工）\t1100\t1500\t1900

2\t育婴员（含母婴护理方向）\t800\t1200\t1600

3\t电工（含低压电工）\t1000\t1400\t1800

4\t茶艺师\t700\t1000\t1300
"""

BAISHAN = """白山市人力资源和社会保障局关于提高重点产业职业培训补贴标准的通知
白人社发〔2025〕3号
各县（市、区）人力资源和社会保障局：
一、培训职业（工种）列入《白山市重点产业职业（工种）目录》的，按省定标准的120%给予职业培训补贴。
二、本通知自2025年6月1日起施行。
"""

CITY = """# 通化市技能竞赛奖励办法

通人社发〔2025〕5号

## 一、奖励标准

（一）对在职业技能竞赛中获奖的本市选手，按下表给予一次性奖励。

| 序号 | 竞赛类别 | 一等奖 | 二等奖 | 三等奖 |
| --- | --- | --- | --- | --- |
| 1 | 全国职业技能大赛 | 6万元 | 3万元 | 1万元 |
| 2 | 吉林省职业技能大赛 | 2万元 | 1万元 | 5000元 |
| 3 | 通化市职业技能竞赛（含行业职工技能比武） | 8000元 | 5000元 | 3000元 |
| 4 | 县级职业技能竞赛 | 3000元 | 2000元 | 1000元 |

（二）团体项目按上表标准的2倍奖励团队。

## 二、附则

本办法自2025年5月1日起施行。
"""


SIPING = """四平市职业技能培训补贴标准
四人社发〔2025〕4号
一、本市职业技能培训补贴按附件所列标准执行。
二、本标准自2025年3月1日起施行。

附件

四平市职业技能培训补贴标准目录

序号\t职业（工种）\t等级\t补贴标准（元/人）

1\t电工\t四级/中级工\t1800

2\t电工\t三级/高级工\t2600

3\t焊工\t四级/中级工\t2000

4\t育婴员\t四级/中级工\t1200
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> OfflineEngine:
    return offline_engine_for(tmp_path_factory.mktemp("grid"), {
        "jilin-2025-training-subsidy.txt": PROVINCE,
        "tonghua-2025-competition-rewards.md": CITY,
        "baishan-2025-key-industry-training.txt": BAISHAN,
        "siping-2025-training-standards.txt": SIPING,
    })


# ---- rendering and drafting (pure) -------------------------------------------------------------------------------

def test_a_row_of_sums_names_each_column_in_order() -> None:
    pairs = [("职业（工种）", "焊工"), ("初级（五级）（元/人）", "1100"), ("中级（四级）（元/人）", "1500")]
    assert render_row(pairs) == "焊工：初级（五级）1100元/人，中级（四级）1500元/人"
    prizes = [("竞赛类别", "全国大赛"), ("一等奖", "6万元"), ("二等奖", "3万元")]
    assert render_row(prizes) == "全国大赛：一等奖：6万元，二等奖：3万元"


def test_a_row_with_other_figures_keeps_its_main_column() -> None:
    """培训课时 120 is not money: the row is not a grid; the amount column stays the main one."""
    pairs = [("职业（工种）", "电工"), ("培训课时", "120"), ("补贴标准（元/人）", "1600")]
    assert render_row(pairs) == "电工：补贴标准1600元/人（培训课时：120）"


def _rows(texts: list[str]) -> list[Chunk]:
    return [Chunk(id=f"r{i}", doc_id="d", title="t", region="某省", level="province", kind="table_row",
                  clause_path=f"附件1 第{i}行", heading_path=["补贴标准表"], text=text)
            for i, text in enumerate(texts, start=1)]


def test_a_grid_is_drafted_with_one_category_per_cell() -> None:
    draft = draft_from_chunks("d", "某省", _rows(["焊工：初级（五级）1100元/人，中级（四级）1500元/人",
                                                 "电工：初级（五级）1000元/人，中级（四级）1400元/人"]))
    [rule] = draft["rules"]
    options = [o["value"] for o in rule["inputs"][0]["options"]]
    assert options == [f"焊工{GRID_JOIN}初级（五级）", f"焊工{GRID_JOIN}中级（四级）",
                       f"电工{GRID_JOIN}初级（五级）", f"电工{GRID_JOIN}中级（四级）"]
    values = {p["label"]: p["value"] for p in rule["parameters"].values()}
    assert values[f"电工{GRID_JOIN}中级（四级）"] == 1400


def test_rows_under_different_columns_are_no_grid() -> None:
    draft = draft_from_chunks("d", "某省", _rows(["焊工：初级1100元/人，中级1500元/人",
                                                 "电工：一等奖1000元，二等奖1400元"]))
    assert all(GRID_JOIN not in o["value"] for r in draft["rules"] for i in r["inputs"]
               for o in i.get("options", []))


def test_a_grid_with_two_rows_of_one_lead_is_not_drafted() -> None:
    """Two 焊工 rows under the same columns: a cell of one would be unreachable, so no rule is proposed."""
    draft = draft_from_chunks("d", "某省", _rows(["焊工：初级（五级）1100元/人，中级（四级）1500元/人",
                                                 "焊工：初级（五级）1200元/人，中级（四级）1600元/人"]))
    assert draft["rules"] == []


def test_a_defined_name_stands_for_the_list_before_it() -> None:
    chunk = Chunk(id="c", doc_id="d", title="t", region="某省", level="province", kind="clause", clause_path="第二条",
                  text="第二条　城镇登记失业人员、农村转移就业劳动者（以下简称“两类人员”），可以申领补贴。")
    assert defined_names([chunk]) == {"两类人员": "城镇登记失业人员、农村转移就业劳动者"}


# ---- answers -----------------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("question", "amount"), [
    ("我是登记失业人员，在吉林学电焊工考了个中级证，培训补贴多少钱", Decimal(1500)),  # row by what it includes
    ("吉林这边应届大学生，育婴员高级（三级）证书，能补多少", Decimal(1600)),
    ("在吉林一家公司上班，考了茶艺师初级证，培训补贴能拿多少", Decimal(490)),  # 700 × 70%
    ("我是企业在职职工，吉林的，考了电工中级证，补贴按多少算", Decimal(980)),  # 1400 × 70%
])
def test_the_cell_of_the_named_row_and_column_with_the_groups_share(engine: OfflineEngine, question: str,
                                                                     amount: Decimal) -> None:
    answer = engine.answer(question)
    assert answer.status == "answered", answer.answer
    assert amount in figures(lead(answer.answer)), answer.answer
    assert "计算过程" in answer.answer
    clauses = {c.clause for c in answer.citations}
    assert "第三条" in clauses and any(c.startswith("附件1 第") for c in clauses), clauses


@pytest.mark.parametrize(("question", "amount", "wrong"), [
    ("通化的，参加全国职业技能大赛拿了二等奖，奖励多少", Decimal(30000), Decimal(60000)),
    ("我们厂的师傅在通化行业职工技能比武里拿了三等奖，能奖多少钱", Decimal(3000), Decimal(8000)),
    ("通化县级技能竞赛一等奖奖励多少钱？", Decimal(3000), Decimal(1000)),
])
def test_a_prize_table_gives_the_named_class_and_place(engine: OfflineEngine, question: str, amount: Decimal,
                                                       wrong: Decimal) -> None:
    assert_leads_with(engine.answer(question).answer, amount, wrong)


def test_a_row_without_its_column_works_out_nothing(engine: OfflineEngine) -> None:
    """焊工 named, no level: the whole row is quoted, no single cell passed off as the answer."""
    answer = engine.answer("吉林焊工培训补贴标准是多少")
    assert "计算过程" not in answer.answer, answer.answer
    assert {Decimal(1100), Decimal(1500), Decimal(1900)} <= figures(answer.answer)


@pytest.mark.parametrize(("question", "amount"), [
    ("我在白山一家公司上班，考了电工中级证，电工在白山市重点产业目录里，培训补贴多少", Decimal(1176)),  # 1400×70%×120%
    ("白山的登记失业人员，焊工高级证，焊工列入白山市重点产业目录了，能补多少", Decimal(2280)),  # 1900×100%×120%
])
def test_a_share_of_the_provincial_standard_is_of_what_the_province_pays_the_asker(
        engine: OfflineEngine, question: str, amount: Decimal) -> None:
    answer = engine.answer(question)
    assert amount in figures(lead(answer.answer)), answer.answer
    cited = {(c.doc_id, c.clause) for c in answer.citations}
    assert ("baishan-2025-key-industry-training", "一、") in cited
    assert ("jilin-2025-training-subsidy", "第三条") in cited


def test_a_multiple_of_the_table_applies_to_the_case_it_names(engine: OfflineEngine) -> None:
    team = engine.answer("通化市职业技能竞赛里我们拿了团体一等奖，团队奖励多少钱")
    assert Decimal(16000) in figures(lead(team.answer)), team.answer  # 8000 × 2
    alone = engine.answer("通化市职业技能竞赛个人一等奖奖励多少钱")
    assert Decimal(8000) in figures(lead(alone.answer)) and Decimal(16000) not in figures(alone.answer), alone.answer


@pytest.mark.parametrize(("question", "amount", "rows"), [
    ("四平的，考了电工三级（高级工），培训补贴多少", Decimal(2600), {"附件1 第2行"}),  # a lead on two rows
    ("四平电工中级工证补多少钱", Decimal(1800), {"附件1 第1行"}),
    ("四平焊工和育婴员两个中级证一共补多少", Decimal(3200), {"附件1 第3行", "附件1 第4行"}),
])
def test_rows_sharing_a_lead_are_told_apart_by_their_other_words(engine: OfflineEngine, question: str,
                                                                 amount: Decimal, rows: set[str]) -> None:
    answer = engine.answer(question)
    assert amount in figures(lead(answer.answer)), answer.answer
    assert rows <= {c.clause for c in answer.citations}, answer.citations


@pytest.mark.parametrize("question", ["吉林电工中级证，一个是登记失业人员，一个是企业在职职工，补贴差多少？",
                                      "吉林考电工中级证，失业人员和在职职工分别能补多少"])
def test_two_groups_in_one_place_get_a_part_each(engine: OfflineEngine, question: str) -> None:
    answer = engine.answer(question)
    assert {Decimal(1400), Decimal(980)} <= figures(answer.answer), answer.answer  # 100% and 70% of 1400
    if "差多少" in question:
        assert Decimal(420) in figures(lead(answer.answer)), answer.answer
